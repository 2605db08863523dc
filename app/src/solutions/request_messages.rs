//! The strings of the change-request page, the "waiting for my decision" list and the project's
//! schedule tab, in zh-CN and en, beside the pages that show them (so they load with those pages,
//! not with every page). The engine's words — Gantt labels, the explanation, waits — are
//! [`crate::schedule::messages::ScheduleMessages`].

use crate::domain::solutions::{ApprovalReason, RequestKind, RequestStatus, StandardMilestone};
use crate::i18n::Locale;

/// The project page's link to its schedule tab. A function of its own, so the project page (in the
/// main bundle) takes these two words and not this whole catalog.
pub fn schedule_tab(locale: Locale) -> &'static str {
    locale.pick("排期", "Schedule")
}

pub struct RequestMessages {
    pub page_title: fn(RequestKind, bool) -> &'static str,
    pub status_pending: &'static str,
    pub status_approved: &'static str,
    pub status_rejected: &'static str,
    pub status_withdrawn: &'static str,
    pub project: &'static str,
    pub option: &'static str,
    pub revision: fn(i64) -> String,
    pub kind: &'static str,
    pub kind_first: &'static str,
    pub kind_replacement: &'static str,
    pub kind_change: &'static str,
    pub status: &'static str,
    pub closed_on: &'static str,
    pub requested_by: &'static str,
    pub requested_on: fn(&str, &str) -> String,
    pub reason: &'static str,
    pub launch: &'static str,
    pub launch_before_after: &'static str,
    pub target_launch: &'static str,
    pub baseline: fn(i64) -> String,
    /// A launch's move in working days: later, earlier or unchanged.
    pub launch_later: fn(i64) -> String,
    pub launch_earlier: fn(i64) -> String,
    pub launch_same: &'static str,
    /// Against the target launch (a first baseline has nothing else to compare with).
    pub vs_target: fn(&str) -> String,
    pub before_after: &'static str,
    pub before_after_hint: &'static str,
    pub plan_to_agree: &'static str,
    pub plan_unschedulable: fn(&str) -> String,
    pub impact: &'static str,
    pub milestones_caption: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub date: &'static str,
    pub effort_caption: &'static str,
    pub change: &'static str,
    pub explanation: &'static str,
    pub departments_affected: &'static str,
    pub departments_caption: &'static str,
    pub department: &'static str,
    pub why: &'static str,
    pub decision: &'static str,
    pub decided_by: &'static str,
    pub comment: &'static str,
    pub decided_on: &'static str,
    pub waiting: &'static str,
    pub approved: &'static str,
    pub rejected: &'static str,
    // Why a department is asked.
    pub reason_lead: &'static str,
    pub reason_newly_involved: fn(i64) -> String,
    pub reason_effort_changed: fn(i64) -> String,
    pub reason_dates_moved: fn(i32) -> String,
    pub reason_work_changed: &'static str,
    pub reason_work_in_plan: fn(i64) -> String,
    pub list_separator: &'static str,
    pub pulled_in: &'static str,
    pub pulled_in_hint: &'static str,
    pub your_decision: fn(&str) -> String,
    pub decision_comment: &'static str,
    pub decision_comment_hint: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub withdraw: &'static str,
    pub withdraw_hint: &'static str,
    // The "waiting for my decision" list.
    pub decisions_title: &'static str,
    pub decisions_intro: &'static str,
    pub decisions_caption: &'static str,
    pub no_decisions: &'static str,
    pub request: &'static str,
    pub launch_move: &'static str,
    pub waiting_for: &'static str,
    pub age: fn(i64) -> String,
    pub open_request: &'static str,
    // The schedule tab.
    pub schedule_title: fn(&str) -> String,
    pub back_to_project: &'static str,
    pub agreed_launch: &'static str,
    pub current_baseline: &'static str,
    pub no_baseline: &'static str,
    pub baselines: &'static str,
    pub baselines_caption: &'static str,
    pub number: &'static str,
    pub agreed_on: &'static str,
    pub move_vs_previous: &'static str,
    pub first_baseline: &'static str,
    pub approved_by: &'static str,
    pub current: &'static str,
    pub total_slip: fn(i64, i64) -> String,
    pub no_baselines: &'static str,
    pub requests: &'static str,
    pub requests_caption: &'static str,
    pub no_requests: &'static str,
    pub none: &'static str,
    /// Interface defined, joint debugging, integration test, launch.
    pub standard_milestones: [&'static str; 4],
}

impl RequestMessages {
    pub fn of(locale: Locale) -> &'static RequestMessages {
        match locale {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }

    pub fn status_name(&self, status: RequestStatus) -> &'static str {
        match status {
            RequestStatus::Pending => self.status_pending,
            RequestStatus::Approved => self.status_approved,
            RequestStatus::Rejected => self.status_rejected,
            RequestStatus::Withdrawn => self.status_withdrawn,
        }
    }

    /// A request's kind in words: a first baseline, another option replacing the agreed one, or a
    /// change of the chosen option (`has_baseline`: the request is measured against a baseline).
    pub fn kind_name(&self, kind: RequestKind, has_baseline: bool) -> &'static str {
        match (kind, has_baseline) {
            (RequestKind::Choice, false) => self.kind_first,
            (RequestKind::Choice, true) => self.kind_replacement,
            (RequestKind::Change, _) => self.kind_change,
        }
    }

    /// A department's decision (`approved`, `rejected`, none while waiting) in words.
    pub fn decision_name(&self, decision: Option<&str>) -> &'static str {
        match decision {
            Some("approved") => self.approved,
            Some("rejected") => self.rejected,
            _ => self.waiting,
        }
    }

    /// How far a launch moves, in working days (positive = later).
    pub fn launch_move(&self, working_days: i64) -> String {
        match working_days {
            0 => self.launch_same.to_string(),
            n if n > 0 => (self.launch_later)(n),
            n => (self.launch_earlier)(-n),
        }
    }

    /// Why a department is asked to decide, in words.
    pub fn reason_words(&self, reason: &ApprovalReason) -> String {
        match reason {
            ApprovalReason::LeadDepartment => self.reason_lead.to_string(),
            ApprovalReason::NewlyInvolved { effort } => (self.reason_newly_involved)(*effort),
            ApprovalReason::EffortChanged { delta } => (self.reason_effort_changed)(*delta),
            ApprovalReason::DatesMoved { working_days } => (self.reason_dates_moved)(*working_days),
            ApprovalReason::WorkChanged => self.reason_work_changed.to_string(),
            ApprovalReason::WorkInPlan { effort } => (self.reason_work_in_plan)(*effort),
        }
    }

    /// A milestone as people read it: its own name, the standard milestone's name, or its id.
    pub fn milestone_name(&self, id: &str, name: Option<&str>) -> String {
        match (name, StandardMilestone::from_id(id)) {
            (Some(name), _) => name.to_string(),
            (None, Some(standard)) => {
                let n = StandardMilestone::ALL.iter().position(|m| *m == standard).unwrap_or(0);
                self.standard_milestones[n].to_string()
            }
            (None, None) => id.to_string(),
        }
    }

    /// All of a department's reasons as one line.
    pub fn reasons_line(&self, reasons: &[ApprovalReason]) -> String {
        reasons.iter().map(|r| self.reason_words(r)).collect::<Vec<_>>().join(self.list_separator)
    }
}

fn en_days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} working day")
    } else {
        format!("{n} working days")
    }
}

pub static EN: RequestMessages = RequestMessages {
    page_title: |kind, has_baseline| match (kind, has_baseline) {
        (RequestKind::Choice, false) => "Request for a first baseline",
        (RequestKind::Choice, true) => "Request for a new baseline",
        (RequestKind::Change, _) => "Schedule change request",
    },
    status_pending: "Waiting for decisions",
    status_approved: "Approved",
    status_rejected: "Rejected",
    status_withdrawn: "Withdrawn",
    project: "Project",
    option: "Solution option",
    revision: |n| format!("revision {n}"),
    kind: "Kind",
    kind_first: "First baseline after choosing an option",
    kind_replacement: "Another option chosen: a new baseline",
    kind_change: "Schedule change of the chosen option",
    status: "Status",
    closed_on: "Closed on",
    requested_by: "Requested by",
    requested_on: |who, date| format!("{who}, {date}"),
    reason: "Reason",
    launch: "Launch",
    launch_before_after: "Launch before → after",
    target_launch: "Target launch",
    baseline: |n| format!("Baseline {n}"),
    launch_later: |n| format!("{} later", en_days(n)),
    launch_earlier: |n| format!("{} earlier", en_days(n)),
    launch_same: "no move",
    vs_target: |moved| format!("{moved} than the target launch"),
    before_after: "Before and after",
    before_after_hint: "Dashed outlines are the agreed baseline; filled bars are the requested plan. Bars on the critical chain are marked ★.",
    plan_to_agree: "The plan to agree",
    plan_unschedulable: |e| format!("This plan cannot be drawn on today's settings: {e}"),
    impact: "Impact",
    milestones_caption: "Milestones before and after",
    before: "Before",
    after: "After",
    date: "Date",
    effort_caption: "Effort by department (working days)",
    change: "Change",
    explanation: "Why the launch moves",
    departments_affected: "Departments asked to decide, and why",
    departments_caption: "Each department's reason and decision",
    department: "Department",
    why: "Why",
    decision: "Decision",
    decided_by: "Decided by",
    comment: "Comment",
    decided_on: "When",
    waiting: "Waiting",
    approved: "Approved",
    rejected: "Rejected",
    reason_lead: "leads the project",
    reason_newly_involved: |effort| format!("newly involved, with {} of work", en_days(effort)),
    reason_effort_changed: |delta| format!("effort changed by {delta:+} working days"),
    reason_dates_moved: |n| format!("dates moved by {n:+} working days"),
    reason_work_changed: "its work changed",
    reason_work_in_plan: |effort| format!("has {} of work in the first plan", en_days(effort)),
    list_separator: "; ",
    pulled_in: "Departments pulled in by this request",
    pulled_in_hint: "They had no work in the agreed plan; this request gives them work and makes them stakeholders of the project.",
    your_decision: |dept| format!("Your decision for {dept}"),
    decision_comment: "Comment",
    decision_comment_hint: "Required when you reject. Everyone on the request sees it.",
    approve: "Approve",
    reject: "Reject",
    withdraw: "Withdraw request",
    withdraw_hint: "The baseline stays as it is; the revision stays as a proposal.",
    decisions_title: "Waiting for my decision",
    decisions_intro: "Schedule requests that need your department's approval.",
    decisions_caption: "Requests waiting for your decision, oldest first",
    no_decisions: "Nothing is waiting for your decision.",
    request: "Request",
    launch_move: "Launch move",
    waiting_for: "Waiting",
    age: |days| match days {
        ..=0 => "since today".to_string(),
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    },
    open_request: "Open",
    schedule_title: |project| format!("{project}: schedule"),
    back_to_project: "Back to the project",
    agreed_launch: "Agreed launch",
    current_baseline: "Current baseline",
    no_baseline: "No agreed schedule yet. An option's plan becomes the first baseline once the leaders of every department with work in it approve its choice.",
    baselines: "Baselines",
    baselines_caption: "Every agreed schedule, newest first, with the launch move from the one before: the project's slip history",
    number: "No.",
    agreed_on: "Agreed on",
    move_vs_previous: "Launch move vs previous",
    first_baseline: "first baseline",
    approved_by: "Approved by",
    current: "current",
    total_slip: |n, count| format!("Launch moved {n:+} working days over {count} baselines."),
    no_baselines: "No baselines yet.",
    requests: "Change requests",
    requests_caption: "The project's schedule requests, newest first",
    no_requests: "No change requests yet.",
    none: "none",
    standard_milestones: ["Interface defined", "Joint debugging", "Integration test", "Launch"],
};

fn zh_move(n: i64) -> String {
    format!("{n} 个工作日")
}

pub static ZH: RequestMessages = RequestMessages {
    page_title: |kind, has_baseline| match (kind, has_baseline) {
        (RequestKind::Choice, false) => "首个基线审批申请",
        (RequestKind::Choice, true) => "新基线审批申请",
        (RequestKind::Change, _) => "排期变更申请",
    },
    status_pending: "待审批",
    status_approved: "已批准",
    status_rejected: "已驳回",
    status_withdrawn: "已撤回",
    project: "项目",
    option: "技术方案",
    revision: |n| format!("第 {n} 版"),
    kind: "类型",
    kind_first: "选定方案后的首个基线",
    kind_replacement: "改选其他方案，形成新基线",
    kind_change: "已选方案的排期变更",
    status: "状态",
    closed_on: "结束日期",
    requested_by: "申请人",
    requested_on: |who, date| format!("{who}，{date}"),
    reason: "原因",
    launch: "上线",
    launch_before_after: "上线日期（变更前 → 变更后）",
    target_launch: "目标上线日期",
    baseline: |n| format!("基线 {n}"),
    launch_later: |n| format!("推迟 {}", zh_move(n)),
    launch_earlier: |n| format!("提前 {}", zh_move(n)),
    launch_same: "不变",
    vs_target: |moved| format!("相对目标上线日期{moved}"),
    before_after: "变更前后对比",
    before_after_hint: "虚线框为已确认的基线，实心条为申请中的计划；关键链上的条形标 ★。",
    plan_to_agree: "待确认的计划",
    plan_unschedulable: |e| format!("按当前设置无法绘制该计划：{e}"),
    impact: "影响",
    milestones_caption: "里程碑变更前后",
    before: "变更前",
    after: "变更后",
    date: "日期",
    effort_caption: "各部门工作量（工作日）",
    change: "变化",
    explanation: "上线变动原因",
    departments_affected: "需审批的部门及原因",
    departments_caption: "各部门的审批原因与决定",
    department: "部门",
    why: "原因",
    decision: "决定",
    decided_by: "审批人",
    comment: "意见",
    decided_on: "时间",
    waiting: "待决定",
    approved: "已批准",
    rejected: "已驳回",
    reason_lead: "项目牵头部门",
    reason_newly_involved: |effort| format!("新卷入，工作量 {effort} 个工作日"),
    reason_effort_changed: |delta| format!("工作量变化 {delta:+} 个工作日"),
    reason_dates_moved: |n| format!("日期变动 {n:+} 个工作日"),
    reason_work_changed: "工作内容有变",
    reason_work_in_plan: |effort| format!("首个计划中有 {effort} 个工作日的工作"),
    list_separator: "；",
    pulled_in: "本申请新卷入的部门",
    pulled_in_hint: "这些部门在已确认的计划中没有工作；本申请给它们安排了工作，并使其成为项目干系部门。",
    your_decision: |dept| format!("您代表 {dept} 的决定"),
    decision_comment: "意见",
    decision_comment_hint: "驳回时必填。申请的所有相关人都能看到。",
    approve: "批准",
    reject: "驳回",
    withdraw: "撤回申请",
    withdraw_hint: "基线保持不变，该版本保留为提案。",
    decisions_title: "待我审批",
    decisions_intro: "需要您所在部门批准的排期申请。",
    decisions_caption: "等待您决定的申请，最早的在前",
    no_decisions: "目前没有需要您审批的申请。",
    request: "申请",
    launch_move: "上线变动",
    waiting_for: "已等待",
    age: |days| match days {
        ..=0 => "今天提交".to_string(),
        n => format!("{n} 天"),
    },
    open_request: "查看",
    schedule_title: |project| format!("{project}·排期"),
    back_to_project: "返回项目",
    agreed_launch: "约定上线日期",
    current_baseline: "当前基线",
    no_baseline: "尚无已确认的排期。方案被选定、且计划中有工作的各部门领导都批准后，其计划成为首个基线。",
    baselines: "基线",
    baselines_caption: "历次确认的排期（最新在前）及相对上一基线的上线变动，即项目的延期记录",
    number: "编号",
    agreed_on: "确认日期",
    move_vs_previous: "相对上一基线",
    first_baseline: "首个基线",
    approved_by: "批准人",
    current: "当前",
    total_slip: |n, count| format!("{count} 个基线累计上线变动 {n:+} 个工作日。"),
    no_baselines: "尚无基线。",
    requests: "变更申请",
    requests_caption: "本项目的排期申请（最新在前）",
    no_requests: "尚无变更申请。",
    none: "无",
    standard_milestones: ["接口定义", "开发联调", "集成测试", "上线"],
};

/// Whole days a request has waited, from its creation to `now` (both epoch milliseconds).
pub fn days_waiting(created_at: i64, now: i64) -> i64 {
    (now - created_at).max(0) / 86_400_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_reads_as_words_in_both_languages() {
        let reasons = [
            ApprovalReason::LeadDepartment,
            ApprovalReason::NewlyInvolved { effort: 5 },
            ApprovalReason::EffortChanged { delta: -2 },
            ApprovalReason::DatesMoved { working_days: 4 },
            ApprovalReason::WorkChanged,
            ApprovalReason::WorkInPlan { effort: 1 },
        ];
        let cases: [(&RequestMessages, [&str; 6]); 2] = [
            (
                &EN,
                [
                    "leads the project",
                    "newly involved, with 5 working days of work",
                    "effort changed by -2 working days",
                    "dates moved by +4 working days",
                    "its work changed",
                    "has 1 working day of work in the first plan",
                ],
            ),
            (
                &ZH,
                [
                    "项目牵头部门",
                    "新卷入，工作量 5 个工作日",
                    "工作量变化 -2 个工作日",
                    "日期变动 +4 个工作日",
                    "工作内容有变",
                    "首个计划中有 1 个工作日的工作",
                ],
            ),
        ];
        for (m, expected) in cases {
            for (reason, words) in reasons.iter().zip(expected) {
                assert_eq!(m.reason_words(reason), words, "{reason:?}");
            }
        }
    }

    #[test]
    fn a_departments_reasons_join_into_one_line() {
        let reasons = [ApprovalReason::LeadDepartment, ApprovalReason::DatesMoved { working_days: 10 }];
        assert_eq!(EN.reasons_line(&reasons), "leads the project; dates moved by +10 working days");
        assert_eq!(ZH.reasons_line(&reasons), "项目牵头部门；日期变动 +10 个工作日");
        assert_eq!(EN.reasons_line(&[]), "");
    }

    #[test]
    fn a_launch_move_says_later_earlier_or_none() {
        let cases =
            [(4, "4 working days later", "推迟 4 个工作日"), (-1, "1 working day earlier", "提前 1 个工作日"), (0, "no move", "不变")];
        for (n, en, zh) in cases {
            assert_eq!(EN.launch_move(n), en, "{n}");
            assert_eq!(ZH.launch_move(n), zh, "{n}");
        }
    }

    #[test]
    fn kinds_statuses_and_decisions_have_names() {
        assert_eq!(EN.kind_name(RequestKind::Choice, false), EN.kind_first);
        assert_eq!(EN.kind_name(RequestKind::Choice, true), EN.kind_replacement);
        assert_eq!(ZH.kind_name(RequestKind::Change, true), "已选方案的排期变更");
        for m in [&EN, &ZH] {
            for s in [RequestStatus::Pending, RequestStatus::Approved, RequestStatus::Rejected, RequestStatus::Withdrawn] {
                assert!(!m.status_name(s).is_empty());
            }
            assert_eq!(m.decision_name(None), m.waiting);
            assert_eq!(m.decision_name(Some("approved")), m.approved);
            assert_eq!(m.decision_name(Some("rejected")), m.rejected);
        }
        assert_eq!(schedule_tab(Locale::En), "Schedule");
        assert_eq!(schedule_tab(Locale::ZhCn), "排期");
    }

    #[test]
    fn standard_milestones_are_named_and_custom_ones_keep_their_name() {
        assert_eq!(ZH.milestone_name("joint-debugging", None), "开发联调");
        assert_eq!(EN.milestone_name("launch", None), "Launch");
        assert_eq!(EN.milestone_name("launch", Some("Go live")), "Go live");
        assert_eq!(ZH.milestone_name("pilot", None), "pilot");
    }

    #[test]
    fn a_request_waits_whole_days() {
        let day = 86_400_000;
        assert_eq!(days_waiting(0, day - 1), 0);
        assert_eq!(days_waiting(0, 3 * day + 5), 3);
        assert_eq!(days_waiting(10, 0), 0, "a clock behind the server's is not a negative age");
        assert_eq!((EN.age)(0), "since today");
        assert_eq!((EN.age)(1), "1 day");
        assert_eq!((ZH.age)(3), "3 天");
    }
}
