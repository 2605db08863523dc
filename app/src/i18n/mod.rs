//! Languages and the words of shared things: the [`Locale`], its dates, and the sentences for
//! roles, visibility and errors.
//!
//! Every visible string lives in the locale files `app/locales/en.toml` and `app/locales/zh-CN.toml`,
//! which the build turns into typed structs ([`catalog`]): one per part of the application, a field
//! per plain message and a method per message with placeholders, so using a message that does not
//! exist is a compile error and a key missing in either language fails the build. Components read
//! the current language from [`crate::ui::I18n`] in context.

pub mod catalog;

pub use catalog::Messages;

use crate::domain::dates::Date;
use crate::domain::projects::{StakeholderRole, Visibility};
use crate::domain::schedule_settings::CalendarChoice;
use crate::domain::{people::JobRole, DomainError};
use crate::error::{AppError, Conflict};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    /// The BCP 47 tag, as stored and as put on `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "zh" || tag.starts_with("zh-") {
            Some(Locale::ZhCn)
        } else if tag == "en" || tag.starts_with("en-") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The best match for an `Accept-Language` header, honouring q-values; English otherwise.
    pub fn from_accept_language(header: &str) -> Self {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            if let Some(locale) = Locale::from_tag(tag) {
                if best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, locale));
                }
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    /// The shared messages (`[common]` in the locale files) of this language.
    pub fn messages(self) -> &'static Messages {
        &catalog::get(self).common
    }

    /// Of a name stored in both languages (a department's `name_zh` and `name_en`), the one for
    /// this locale. Data only: the application's own words come from the catalog.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Self {
        match self {
            Locale::En => Locale::ZhCn,
            Locale::ZhCn => Locale::En,
        }
    }

    /// A date as people of this locale write it.
    pub fn date(self, date: Date) -> String {
        let (y, m, d) = date.ymd();
        let words = self.messages();
        let month = words.month_names.get((m as usize).saturating_sub(1)).copied().unwrap_or_default();
        words.date_format(d, month, y)
    }

    /// A stored ISO date as people of this locale write it (unparseable text is shown as is).
    pub fn iso_date(self, iso: &str) -> String {
        Date::parse(iso, "date").map(|d| self.date(d)).unwrap_or_else(|_| iso.to_string())
    }

    /// A timestamp's day (UTC) in this locale.
    pub fn day_of(self, unix_millis: i64) -> String {
        self.date(Date::from_unix_millis(unix_millis))
    }

    pub fn job_role(self, role: JobRole) -> &'static str {
        let m = self.messages();
        match role {
            JobRole::Pm => m.role_pm,
            JobRole::Architect => m.role_architect,
            JobRole::Engineer => m.role_engineer,
            JobRole::TechManager => m.role_tech_manager,
            JobRole::Leader => m.role_leader,
        }
    }

    pub fn stakeholder_role(self, role: StakeholderRole) -> &'static str {
        let m = self.messages();
        match role {
            StakeholderRole::Lead => m.stakeholder_lead,
            StakeholderRole::Collaborator => m.stakeholder_collaborator,
            StakeholderRole::Consulted => m.stakeholder_consulted,
            StakeholderRole::Informed => m.stakeholder_informed,
        }
    }

    pub fn visibility(self, v: Visibility) -> &'static str {
        let m = self.messages();
        match v {
            Visibility::Internal => m.visibility_internal,
            Visibility::Restricted => m.visibility_restricted,
        }
    }

    /// How the calendar picker names a choice.
    pub fn calendar_choice(self, choice: CalendarChoice) -> &'static str {
        let m = self.messages();
        match choice {
            CalendarChoice::Organisation => m.calendar_organisation,
            CalendarChoice::Cn => m.calendar_cn,
            CalendarChoice::Weekdays => m.calendar_weekdays,
            CalendarChoice::Custom => m.calendar_custom,
        }
    }

    /// The sentence shown beside a field (or above a form) for an error.
    pub fn error(self, error: &AppError) -> String {
        let m = self.messages();
        match error {
            AppError::Invalid(e) => self.domain_error(e),
            AppError::BadRequest(_) | AppError::InvalidBody(_) => m.err_bad_request.into(),
            AppError::Unauthorized => m.err_unauthorized.into(),
            AppError::BadCredentials => m.err_bad_credentials.into(),
            AppError::Forbidden => m.err_forbidden.into(),
            AppError::CsrfRejected => m.err_csrf.into(),
            AppError::NotFound => m.err_not_found.into(),
            AppError::Duplicate { .. } => m.err_duplicate.into(),
            AppError::StaleVersion => m.err_stale.into(),
            AppError::EditConflict { current_revision, saved_by } => m.err_edit_conflict(*current_revision, saved_by),
            AppError::Conflict(c) => self.conflict(c),
            AppError::RateLimited { retry_after_secs } => m.err_rate_limited(retry_after_secs.div_ceil(60).max(1)),
            AppError::PayloadTooLarge => m.err_too_large.into(),
            AppError::VersionRequired { .. } => m.err_version_required.into(),
            AppError::Internal | AppError::Transport(_) => m.err_internal.into(),
        }
    }

    /// The sentence for a 409's reason.
    pub fn conflict(self, conflict: &Conflict) -> String {
        let m = self.messages();
        match conflict {
            Conflict::AdminExists => m.conflict_admin_exists.into(),
            Conflict::LastAdmin => m.conflict_last_admin.into(),
            Conflict::LeadDepartment => m.conflict_lead_department.into(),
            Conflict::RequestPending => m.conflict_request_pending.into(),
            Conflict::RequestClosed => m.conflict_request_closed.into(),
            Conflict::AlreadyDecided => m.conflict_already_decided.into(),
            Conflict::AlreadyAgreed => m.conflict_already_agreed.into(),
            Conflict::NotAConcern => m.conflict_not_a_concern.into(),
            Conflict::ConcernResolved => m.conflict_concern_resolved.into(),
            Conflict::MeetingClosed => m.conflict_meeting_closed.into(),
            Conflict::MeetingNotStarted => m.conflict_meeting_not_started.into(),
            Conflict::MeetingNotClosed => m.conflict_meeting_not_closed.into(),
            Conflict::MeetingStep => m.conflict_meeting_step.into(),
            Conflict::AlreadySigned => m.conflict_already_signed.into(),
            Conflict::AlreadyRevoked => m.conflict_already_revoked.into(),
            Conflict::NewerSignoff => m.conflict_newer_signoff.into(),
            Conflict::SubjectChanged { revision, .. } => m.conflict_subject_changed(*revision),
        }
    }

    /// The engine's error in this language when it came along, else the message as sent.
    fn plan_words(self, message: &str, plan: Option<&crate::domain::schedule::PlanError>) -> String {
        match plan {
            Some(e) => crate::schedule::messages::ScheduleMessages::for_locale(self).error(e),
            None => message.to_string(),
        }
    }

    pub fn domain_error(self, e: &DomainError) -> String {
        let m = self.messages();
        match e {
            DomainError::Empty { .. } => m.err_empty.into(),
            DomainError::TooLong { max, .. } => m.err_too_long(*max),
            DomainError::TooShort { min, .. } => m.err_too_short(*min),
            DomainError::Malformed { field } if field.ends_with("_on") || field == "available_from" => m.err_date.into(),
            DomainError::Malformed { .. } => m.err_malformed.into(),
            DomainError::DateBefore { .. } => m.err_launch_before_kickoff.into(),
            DomainError::SelfLink { .. } => m.err_self_link.into(),
            DomainError::LinkCycle { .. } => m.err_link_cycle.into(),
            DomainError::NotAllowed { .. } => m.err_not_allowed.into(),
            DomainError::WrongPassword { .. } => m.err_wrong_password.into(),
            DomainError::OutOfRange { min, max, .. } => m.err_out_of_range(*max, *min),
            DomainError::ControlCharacter { .. } => m.err_control_character.into(),
            DomainError::InvalidCalendar { message, plan, .. } => m.err_invalid_calendar(self.plan_words(message, plan.as_deref())),
            DomainError::InvalidPlan { message, plan, .. } => m.err_invalid_plan(self.plan_words(message, plan.as_deref())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_conflict_reason_has_its_own_sentence_in_both_languages() {
        let all = [
            Conflict::AdminExists,
            Conflict::LastAdmin,
            Conflict::LeadDepartment,
            Conflict::RequestPending,
            Conflict::RequestClosed,
            Conflict::AlreadyDecided,
            Conflict::AlreadyAgreed,
            Conflict::NotAConcern,
            Conflict::ConcernResolved,
            Conflict::MeetingClosed,
            Conflict::MeetingNotStarted,
            Conflict::MeetingNotClosed,
            Conflict::MeetingStep,
            Conflict::SubjectChanged { revision: 3, fingerprint: "f".into() },
            Conflict::AlreadySigned,
            Conflict::AlreadyRevoked,
            Conflict::NewerSignoff,
        ];
        for locale in [Locale::En, Locale::ZhCn] {
            let sentences: std::collections::HashSet<String> = all.iter().map(|c| locale.conflict(c)).collect();
            assert_eq!(sentences.len(), all.len(), "{locale:?}: two reasons read the same");
            assert!(sentences.iter().all(|s| !s.is_empty()));
        }
        let reasons: std::collections::HashSet<&str> = all.iter().map(Conflict::reason).collect();
        assert_eq!(reasons.len(), all.len(), "each reason has its own stable name");
        assert!(Locale::ZhCn.conflict(&all[13]).contains('3'), "the revision is named");
    }

    #[test]
    fn accept_language_picks_the_highest_weighted_supported_language() {
        assert_eq!(Locale::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Locale::ZhCn);
        assert_eq!(Locale::from_accept_language("en-US,en;q=0.9,zh-CN;q=0.8"), Locale::En);
        assert_eq!(Locale::from_accept_language("fr-FR,zh-TW;q=0.5"), Locale::ZhCn);
        assert_eq!(Locale::from_accept_language("fr-FR"), Locale::En);
        assert_eq!(Locale::from_accept_language(""), Locale::En);
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let d = Date::parse("2025-02-08", "d").unwrap();
        assert_eq!(Locale::ZhCn.date(d), "2025年2月8日");
        assert_eq!(Locale::En.date(d), "8 Feb 2025");
    }

    #[test]
    fn every_error_has_words_in_both_languages() {
        let errors = [AppError::Unauthorized, AppError::RateLimited { retry_after_secs: 61 }, AppError::Internal];
        for e in errors {
            assert!(!Locale::En.error(&e).is_empty());
            assert!(!Locale::ZhCn.error(&e).is_empty());
        }
        assert!(Locale::ZhCn.error(&AppError::RateLimited { retry_after_secs: 61 }).contains('2'));
        let calendar = AppError::Invalid(DomainError::InvalidCalendar {
            field: "calendar".into(),
            message: "calendar: unknown calendar".into(),
            plan: None,
        });
        for locale in [Locale::En, Locale::ZhCn] {
            assert!(locale.error(&calendar).contains("unknown calendar"), "{locale:?} shows the engine's words");
            let capacity = AppError::Invalid(DomainError::OutOfRange { field: "capacity".into(), min: 1, max: 1000 });
            assert!(locale.error(&capacity).contains("1000"), "{locale:?}");
        }
    }

    #[test]
    fn a_date_before_the_calendar_is_explained_in_the_reader_s_language_naming_the_chosen_calendar() {
        use crate::domain::schedule::PlanError;
        let error = PlanError::OutsideCalendar {
            field: "start".into(),
            date: "2024-06-03".into(),
            first: "2025-01-01".into(),
            last: "2999-12-31".into(),
            calendar: "\"cn\"".into(),
        };
        let app_error = AppError::Invalid(crate::domain::solutions::plan_error(error));
        let en = Locale::En.error(&app_error);
        assert!(en.contains("calendar \"cn\" counts") && en.contains("calendar settings page"), "{en}");
        let zh = Locale::ZhCn.error(&app_error);
        assert!(zh.contains("早于日历 \"cn\" 能计算的第一天 2025-01-01") && zh.contains("日历设置页"), "{zh}");
        // As the browser receives it from a server function: the engine's error travels along.
        let sent: AppError = serde_json::from_str(&serde_json::to_string(&app_error).unwrap()).unwrap();
        assert_eq!(Locale::ZhCn.error(&sent), zh);
    }

    #[test]
    fn the_inbox_links_name_says_how_many_are_unread() {
        let (en, zh) = (Locale::En.messages(), Locale::ZhCn.messages());
        assert_eq!(en.nav_inbox_unread(3), "Inbox, 3 unread");
        assert_eq!(zh.nav_inbox_unread(3), "通知，3 条未读");
        for m in [en, zh] {
            assert!(m.nav_inbox_unread(12).starts_with(m.nav_inbox), "the name starts with the visible word");
        }
    }
}
