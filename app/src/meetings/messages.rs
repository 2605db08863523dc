//! The meeting pages' strings in zh-CN and en, beside the pages (they load with them). The
//! header's "My action items" link word is [`nav_action_items`], a function so the header does
//! not pull the whole table into the main bundle.

use crate::domain::meetings::{ActionStatus, MeetingKind, MeetingStatus, SubjectKind};
use crate::error::AppError;
use crate::i18n::Locale;

/// The header link to "my action items".
pub fn nav_action_items(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "My action items",
        Locale::ZhCn => "我的待办",
    }
}

pub struct MeetingMessages {
    pub meetings: &'static str,
    pub meetings_of: fn(&str) -> String,
    pub new_meeting: &'static str,
    pub no_meetings: &'static str,
    pub decision_log: &'static str,
    pub decision_log_of: fn(&str) -> String,
    pub decision_log_intro: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    pub status: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub time_zone: &'static str,
    pub place: &'static str,
    pub invitees: &'static str,
    pub agenda: &'static str,
    pub agenda_hint: &'static str,
    pub about: &'static str,
    pub nothing_linked: &'static str,
    pub schedule: &'static str,
    pub may_not_schedule: &'static str,
    pub when: &'static str,
    pub organised_by: fn(&str) -> String,
    pub start_meeting: &'static str,
    pub close_meeting: &'static str,
    pub close_warning: &'static str,
    pub closed_note: fn(&str) -> String,
    pub planned_note: &'static str,
    pub download_ics: &'static str,
    pub add_agenda_item: &'static str,
    pub add: &'static str,
    pub attendance: &'static str,
    pub no_attendance: &'static str,
    pub save_attendance: &'static str,
    pub minutes: &'static str,
    pub no_minutes: &'static str,
    pub save_minutes: &'static str,
    pub minutes_by: fn(&str) -> String,
    pub decisions: &'static str,
    pub no_decisions: &'static str,
    pub decision_text: &'static str,
    pub makers: &'static str,
    pub links: &'static str,
    pub record_decision: &'static str,
    pub action_items: &'static str,
    pub no_action_items: &'static str,
    pub action_title: &'static str,
    pub owner: &'static str,
    pub due_on: &'static str,
    pub add_action_item: &'static str,
    pub overdue: &'static str,
    pub mark_done: &'static str,
    pub drop: &'static str,
    pub reopen: &'static str,
    pub amendments: &'static str,
    pub amendment_intro: &'static str,
    pub amendment_text: &'static str,
    pub amendment_decision: &'static str,
    pub corrects: &'static str,
    pub corrects_none: &'static str,
    pub add_amendment: &'static str,
    pub amended_by: fn(&str) -> String,
    pub added_by_amendment: &'static str,
    pub corrected: &'static str,
    pub correction: &'static str,
    pub meeting: &'static str,
    pub project: &'static str,
    pub my_actions: &'static str,
    pub my_actions_intro: &'static str,
    pub no_my_actions: &'static str,
    pub linked_title: &'static str,
    pub linked_meetings: &'static str,
    pub nothing_yet: &'static str,
    pub feed_title: &'static str,
    pub feed_intro: &'static str,
    pub feed_none: &'static str,
    pub feed_active: fn(&str) -> String,
    pub feed_last_used: fn(&str) -> String,
    pub feed_create: &'static str,
    pub feed_replace: &'static str,
    pub feed_revoke: &'static str,
    pub feed_copy_now: &'static str,
    pub end_before_start: &'static str,
    kinds: [&'static str; 6],
    statuses: [&'static str; 3],
    action_statuses: [&'static str; 3],
    subjects: [&'static str; 3],
}

impl MeetingMessages {
    pub fn of(locale: Locale) -> &'static MeetingMessages {
        match locale {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }

    pub fn kind(&self, kind: MeetingKind) -> &'static str {
        self.kinds[MeetingKind::ALL.iter().position(|k| *k == kind).unwrap_or(5)]
    }

    pub fn status(&self, status: MeetingStatus) -> &'static str {
        self.statuses[MeetingStatus::ALL.iter().position(|k| *k == status).unwrap_or(0)]
    }

    pub fn action_status(&self, status: ActionStatus) -> &'static str {
        self.action_statuses[ActionStatus::ALL.iter().position(|k| *k == status).unwrap_or(0)]
    }

    pub fn subject(&self, kind: SubjectKind) -> &'static str {
        self.subjects[SubjectKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }

    /// An error in this page's words where it has its own (refusals of a closed or not yet
    /// started meeting, an end before the start), otherwise the app's.
    /// The label of a wire field named in an error, as the form shows it; `None` for a field the
    /// forms have no label for (the error's own text is shown alone then).
    pub fn field_name(&self, field: &str) -> Option<&'static str> {
        Some(match field {
            "title" => self.title,
            "kind" => self.kind,
            "status" => self.status,
            "start" | "starts_at" => self.start,
            "end" | "ends_at" => self.end,
            "time_zone" => self.time_zone,
            "place" => self.place,
            "invitee_ids" => self.invitees,
            "agenda" => self.agenda,
            "link" => self.about,
            "user_ids" => self.attendance,
            "minutes" => self.minutes,
            "text" => self.decision_text,
            "maker_ids" => self.makers,
            "links" => self.links,
            "owner_id" => self.owner,
            "due_on" => self.due_on,
            "corrects_id" => self.corrects,
            _ => return None,
        })
    }

    pub fn error(&self, locale: Locale, e: &AppError) -> String {
        if let AppError::Invalid(crate::domain::DomainError::DateBefore { field, .. }) = e {
            if field == "end" {
                return self.end_before_start.to_string();
            }
        }
        locale.error(e)
    }
}

pub static EN: MeetingMessages = MeetingMessages {
    meetings: "Meetings",
    meetings_of: |p| format!("Meetings · {p}"),
    new_meeting: "Schedule a meeting",
    no_meetings: "No meetings yet.",
    decision_log: "Decision log",
    decision_log_of: |p| format!("Decision log · {p}"),
    decision_log_intro: "Every decision of the project's meetings in time order, with who made it and what it decided on. \
                         Decisions of closed meetings are locked; corrections are amendments.",
    title: "Title",
    kind: "Kind",
    status: "Status",
    start: "Starts",
    end: "Ends",
    time_zone: "Time zone",
    place: "Place or link",
    invitees: "Invited",
    agenda: "Agenda",
    agenda_hint: "One item per line; link items to requirements, options or change requests on the meeting page.",
    about: "About",
    nothing_linked: "(nothing linked)",
    schedule: "Schedule",
    may_not_schedule: "Only the PMs of the project's departments schedule its meetings.",
    when: "When",
    organised_by: |n| format!("Organised by {n}"),
    start_meeting: "Start the meeting",
    close_meeting: "Close the meeting",
    close_warning: "Closing locks the agenda, attendance, minutes and decisions. Later corrections are amendments.",
    closed_note: |who| format!("Closed by {who}: the record is locked. Corrections are amendments below."),
    planned_note: "Start the meeting to record attendance, minutes, decisions and action items.",
    download_ics: "Add to calendar (.ics)",
    add_agenda_item: "Add an agenda item",
    add: "Add",
    attendance: "Attendance",
    no_attendance: "Nobody recorded yet.",
    save_attendance: "Save attendance",
    minutes: "Minutes",
    no_minutes: "No minutes.",
    save_minutes: "Save minutes",
    minutes_by: |n| format!("last written by {n}"),
    decisions: "Decisions",
    no_decisions: "No decisions.",
    decision_text: "Decision",
    makers: "Made by",
    links: "Decides on",
    record_decision: "Record the decision",
    action_items: "Action items",
    no_action_items: "No action items.",
    action_title: "Action",
    owner: "Owner",
    due_on: "Due",
    add_action_item: "Add the action item",
    overdue: "Overdue",
    mark_done: "Done",
    drop: "Drop",
    reopen: "Reopen",
    amendments: "Amendments",
    amendment_intro: "A correction of the closed record: shown with its author and time, never replacing what was recorded.",
    amendment_text: "What is corrected or added",
    amendment_decision: "Added or corrected decision (optional)",
    corrects: "Corrects",
    corrects_none: "(a new decision)",
    add_amendment: "Add the amendment",
    amended_by: |n| format!("Amendment by {n}"),
    added_by_amendment: "added by an amendment",
    corrected: "corrected by a later amendment",
    correction: "correction",
    meeting: "Meeting",
    project: "Project",
    my_actions: "My action items",
    my_actions_intro: "Action items you own in every project, open ones first by due date.",
    no_my_actions: "You own no action items.",
    linked_title: "Meetings and decisions",
    linked_meetings: "Discussed at",
    nothing_yet: "None yet.",
    feed_title: "Calendar feed",
    feed_intro: "A secret address your calendar app can subscribe to: your meetings, your action items' due dates and your \
                 projects' milestones. Anyone with the address sees them; revoke it if it leaks.",
    feed_none: "You have no calendar feed.",
    feed_active: |when| format!("Active since {when}."),
    feed_last_used: |when| format!("Last read {when}."),
    feed_create: "Create a feed address",
    feed_replace: "Replace the address",
    feed_revoke: "Revoke",
    feed_copy_now: "Copy it now: it is not shown again.",
    end_before_start: "must be after the start",
    kinds: ["Kick-off", "Requirement review", "Technical discussion", "Schedule review", "Escalation", "Other"],
    statuses: ["Planned", "In progress", "Closed"],
    action_statuses: ["Open", "Done", "Dropped"],
    subjects: ["Requirement", "Option", "Change request"],
};

pub static ZH: MeetingMessages = MeetingMessages {
    meetings: "会议",
    meetings_of: |p| format!("会议 · {p}"),
    new_meeting: "安排会议",
    no_meetings: "还没有会议。",
    decision_log: "决策记录",
    decision_log_of: |p| format!("决策记录 · {p}"),
    decision_log_intro: "项目各次会议的全部决策，按时间排列，含决策人及所决定的事项。已结束会议的决策已锁定，更正以补充说明的形式记录。",
    title: "标题",
    kind: "类型",
    status: "状态",
    start: "开始",
    end: "结束",
    time_zone: "时区",
    place: "地点或会议链接",
    invitees: "邀请",
    agenda: "议程",
    agenda_hint: "每行一个议题；可在会议页面把议题关联到需求、方案或变更申请。",
    about: "关于",
    nothing_linked: "（未关联）",
    schedule: "安排",
    may_not_schedule: "只有项目各部门的 PM 可以安排会议。",
    when: "时间",
    organised_by: |n| format!("组织者：{n}"),
    start_meeting: "开始会议",
    close_meeting: "结束会议",
    close_warning: "结束后议程、出席、纪要和决策都将锁定，之后的更正以补充说明记录。",
    closed_note: |who| format!("{who} 已结束会议：记录已锁定。更正请在下方添加补充说明。"),
    planned_note: "开始会议后才能记录出席、纪要、决策和待办事项。",
    download_ics: "加入日历（.ics）",
    add_agenda_item: "添加议题",
    add: "添加",
    attendance: "出席",
    no_attendance: "尚未记录。",
    save_attendance: "保存出席",
    minutes: "纪要",
    no_minutes: "暂无纪要。",
    save_minutes: "保存纪要",
    minutes_by: |n| format!("最后由 {n} 编写"),
    decisions: "决策",
    no_decisions: "暂无决策。",
    decision_text: "决策内容",
    makers: "决策人",
    links: "决定的事项",
    record_decision: "记录决策",
    action_items: "待办事项",
    no_action_items: "暂无待办事项。",
    action_title: "事项",
    owner: "负责人",
    due_on: "截止日期",
    add_action_item: "添加待办事项",
    overdue: "已逾期",
    mark_done: "完成",
    drop: "取消",
    reopen: "重新打开",
    amendments: "补充说明",
    amendment_intro: "对已锁定记录的更正：显示作者和时间，不会替换原有记录。",
    amendment_text: "更正或补充的内容",
    amendment_decision: "新增或更正的决策（可选）",
    corrects: "更正",
    corrects_none: "（新决策）",
    add_amendment: "添加补充说明",
    amended_by: |n| format!("{n} 的补充说明"),
    added_by_amendment: "由补充说明添加",
    corrected: "已被后续补充说明更正",
    correction: "更正",
    meeting: "会议",
    project: "项目",
    my_actions: "我的待办",
    my_actions_intro: "你在各项目中负责的待办事项，未完成的在前，按截止日期排列。",
    no_my_actions: "你没有待办事项。",
    linked_title: "相关会议与决策",
    linked_meetings: "讨论于",
    nothing_yet: "暂无。",
    feed_title: "日历订阅",
    feed_intro: "一个可供日历应用订阅的私密地址：你的会议、待办事项截止日期和所在项目的里程碑。任何拿到地址的人都能看到，泄露时请撤销。",
    feed_none: "你还没有日历订阅地址。",
    feed_active: |when| format!("自 {when} 起有效。"),
    feed_last_used: |when| format!("最近读取：{when}。"),
    feed_create: "生成订阅地址",
    feed_replace: "更换地址",
    feed_revoke: "撤销",
    feed_copy_now: "请立即复制：此地址不会再次显示。",
    end_before_start: "必须晚于开始时间",
    kinds: ["启动会", "需求评审", "技术讨论", "排期评审", "升级决策", "其他"],
    statuses: ["计划中", "进行中", "已结束"],
    action_statuses: ["未完成", "已完成", "已取消"],
    subjects: ["需求", "方案", "变更申请"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_status_has_a_name_in_both_languages() {
        for m in [&EN, &ZH] {
            let mut kinds: Vec<&str> = MeetingKind::ALL.iter().map(|k| m.kind(*k)).collect();
            kinds.dedup();
            assert_eq!(kinds.len(), MeetingKind::ALL.len());
            for s in MeetingStatus::ALL {
                assert!(!m.status(s).is_empty());
            }
        }
        assert_eq!(EN.kind(MeetingKind::Escalation), "Escalation");
        assert_eq!(ZH.status(MeetingStatus::Closed), "已结束");
    }

    #[test]
    fn refusals_read_as_their_own_sentence_not_a_generic_conflict() {
        let closed = AppError::Conflict(crate::domain::meetings::Refusal::Closed.into());
        assert_eq!(ZH.error(Locale::ZhCn, &closed), "会议已结束：纪要和决策已锁定，请添加补充说明。");
        assert_eq!(
            EN.error(Locale::En, &closed),
            "This meeting is closed: its minutes and decisions are locked. Add an amendment instead."
        );
    }
}
