//! The inbox page's strings in zh-CN and en, beside the page (they load with it, not with every
//! page). The header's link and badge words are in [`crate::i18n::Messages`].

use super::dto::NotificationKind;
use crate::i18n::Locale;

pub struct InboxMessages {
    pub title: &'static str,
    pub mark_all_read: &'static str,
    pub mark_read: &'static str,
    /// The accessible name of one notification's "mark as read" button: which one it marks.
    pub mark_read_label: fn(&str) -> String,
    pub unread: &'static str,
    pub unread_summary: fn(i64) -> String,
    pub show: &'static str,
    pub show_all: &'static str,
    pub show_unread: &'static str,
    pub empty: &'static str,
    pub no_unread: &'static str,
    pub from: fn(&str) -> String,
    decision_needed: fn(&str) -> String,
    request_decided: fn(&str) -> String,
    option_comment: fn(&str) -> String,
    option_concern: fn(&str) -> String,
    mention: fn(&str) -> String,
    meeting_invited: fn(&str) -> String,
    action_assigned: fn(&str) -> String,
    signoff_needed: fn(&str) -> String,
}

impl InboxMessages {
    pub fn of(locale: Locale) -> &'static InboxMessages {
        match locale {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }

    /// The notification's line: what happened, and to what.
    pub fn line(&self, kind: NotificationKind, subject: &str) -> String {
        let text = match kind {
            NotificationKind::DecisionNeeded => self.decision_needed,
            NotificationKind::RequestDecided => self.request_decided,
            NotificationKind::OptionComment => self.option_comment,
            NotificationKind::OptionConcern => self.option_concern,
            NotificationKind::Mention => self.mention,
            NotificationKind::MeetingInvited => self.meeting_invited,
            NotificationKind::ActionAssigned => self.action_assigned,
            NotificationKind::SignoffNeeded => self.signoff_needed,
        };
        text(subject)
    }
}

pub static EN: InboxMessages = InboxMessages {
    title: "Inbox",
    mark_all_read: "Mark all as read",
    mark_read: "Mark as read",
    mark_read_label: |line| format!("Mark as read: {line}"),
    unread: "Unread",
    unread_summary: |n| if n == 1 { "1 unread".into() } else { format!("{n} unread") },
    show: "Show",
    show_all: "All",
    show_unread: "Unread only",
    empty: "Nothing here yet. You are told here when your decision is needed, when your change request is decided, when your \
            options get comments or concerns, and when someone mentions you.",
    no_unread: "No unread notifications.",
    from: |who| format!("from {who}"),
    decision_needed: |s| format!("Decision needed: {s}"),
    request_decided: |s| format!("Your change request was decided: {s}"),
    option_comment: |s| format!("New comment on your option: {s}"),
    option_concern: |s| format!("Concern raised on your option: {s}"),
    mention: |s| format!("You were mentioned: {s}"),
    meeting_invited: |s| format!("You are invited to a meeting: {s}"),
    action_assigned: |s| format!("An action item was assigned to you: {s}"),
    signoff_needed: |s| format!("Your sign-off is needed (new or changed): {s}"),
};

pub static ZH: InboxMessages = InboxMessages {
    title: "通知",
    mark_all_read: "全部标为已读",
    mark_read: "标为已读",
    mark_read_label: |line| format!("标为已读：{line}"),
    unread: "未读",
    unread_summary: |n| format!("{n} 条未读"),
    show: "显示",
    show_all: "全部",
    show_unread: "仅未读",
    empty: "暂无通知。需要你决策、你的变更申请有了结果、你的方案收到评论或顾虑、有人提到你时，都会在这里告诉你。",
    no_unread: "没有未读通知。",
    from: |who| format!("来自 {who}"),
    decision_needed: |s| format!("待你决策：{s}"),
    request_decided: |s| format!("你的变更申请已有结果：{s}"),
    option_comment: |s| format!("你的方案有新评论：{s}"),
    option_concern: |s| format!("你的方案被提出顾虑：{s}"),
    mention: |s| format!("有人提到了你：{s}"),
    meeting_invited: |s| format!("邀请你参加会议：{s}"),
    action_assigned: |s| format!("分配给你的待办事项：{s}"),
    signoff_needed: |s| format!("需要你签字确认（新增或已变更）：{s}"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_line_naming_its_subject_in_both_languages() {
        for locale in [Locale::En, Locale::ZhCn] {
            let m = InboxMessages::of(locale);
            let mut lines = Vec::new();
            for kind in NotificationKind::ALL {
                let line = m.line(kind, "PAY-2 审批状态查询");
                assert!(line.contains("PAY-2 审批状态查询"), "{locale:?} {kind:?}: {line}");
                assert!(line.len() > "PAY-2 审批状态查询".len(), "{locale:?} {kind:?} says what happened");
                lines.push(line);
            }
            lines.sort();
            lines.dedup();
            assert_eq!(lines.len(), NotificationKind::ALL.len(), "{locale:?}: each kind reads differently");
        }
        assert_eq!(EN.line(NotificationKind::DecisionNeeded, "A queries B"), "Decision needed: A queries B");
    }

    #[test]
    fn unread_counts_read_naturally() {
        assert_eq!((EN.unread_summary)(1), "1 unread");
        assert_eq!((EN.unread_summary)(3), "3 unread");
        assert_eq!((ZH.unread_summary)(3), "3 条未读");
    }
}
