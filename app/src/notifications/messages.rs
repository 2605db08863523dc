//! The inbox page's messages (`[inbox]` in the locale files) and the line each notification kind
//! reads as. The header's link and badge words are in [`crate::i18n::Messages`].

use super::dto::NotificationKind;
use crate::i18n::Locale;

pub use crate::i18n::catalog::InboxMessages;

impl InboxMessages {
    /// "3 unread".
    pub fn unread_summary(&self, n: i64) -> String {
        if n == 1 {
            self.unread_summary_one.to_string()
        } else {
            self.unread_summary_many(n)
        }
    }
}

impl InboxMessages {
    pub fn of(locale: Locale) -> &'static InboxMessages {
        &crate::i18n::catalog::get(locale).inbox
    }

    /// The notification's line: what happened, and to what.
    pub fn line(&self, kind: NotificationKind, subject: &str) -> String {
        match kind {
            NotificationKind::DecisionNeeded => self.decision_needed(subject),
            NotificationKind::RequestDecided => self.request_decided(subject),
            NotificationKind::OptionComment => self.option_comment(subject),
            NotificationKind::OptionConcern => self.option_concern(subject),
            NotificationKind::Mention => self.mention(subject),
            NotificationKind::MeetingInvited => self.meeting_invited(subject),
            NotificationKind::ActionAssigned => self.action_assigned(subject),
            NotificationKind::SignoffNeeded => self.signoff_needed(subject),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog;

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
        assert_eq!(catalog::EN.inbox.line(NotificationKind::DecisionNeeded, "A queries B"), "Decision needed: A queries B");
    }

    #[test]
    fn unread_counts_read_naturally() {
        assert_eq!(catalog::EN.inbox.unread_summary(1), "1 unread");
        assert_eq!(catalog::EN.inbox.unread_summary(3), "3 unread");
        assert_eq!(catalog::ZH.inbox.unread_summary(3), "3 条未读");
    }
}
