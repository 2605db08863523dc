//! The meeting pages' messages (`[meetings]` in the locale files) and the names of the meeting
//! enums in them.

use crate::domain::meetings::{ActionStatus, MeetingKind, MeetingStatus, SubjectKind};
use crate::error::AppError;
use crate::i18n::Locale;

pub use crate::i18n::catalog::MeetingMessages;

impl MeetingMessages {
    pub fn of(locale: Locale) -> &'static MeetingMessages {
        &crate::i18n::catalog::get(locale).meetings
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog;

    #[test]
    fn every_kind_and_status_has_a_name_in_both_languages() {
        for m in [&catalog::EN.meetings, &catalog::ZH.meetings] {
            let mut kinds: Vec<&str> = MeetingKind::ALL.iter().map(|k| m.kind(*k)).collect();
            kinds.dedup();
            assert_eq!(kinds.len(), MeetingKind::ALL.len());
            for s in MeetingStatus::ALL {
                assert!(!m.status(s).is_empty());
            }
        }
        assert_eq!(catalog::EN.meetings.kind(MeetingKind::Escalation), "Escalation");
        assert_eq!(catalog::ZH.meetings.status(MeetingStatus::Closed), "已结束");
    }

    #[test]
    fn refusals_read_as_their_own_sentence_not_a_generic_conflict() {
        let closed = AppError::Conflict(crate::domain::meetings::Refusal::Closed.into());
        assert_eq!(catalog::ZH.meetings.error(Locale::ZhCn, &closed), "会议已结束：纪要和决策已锁定，请添加补充说明。");
        assert_eq!(
            catalog::EN.meetings.error(Locale::En, &closed),
            "This meeting is closed: its minutes and decisions are locked. Add an amendment instead."
        );
    }
}
