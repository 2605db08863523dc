//! The messages of the change-request page, the "waiting for my decision" list and the project's
//! schedule tab (`[requests]` in the locale files), with the methods that pick a sentence. The
//! engine's words — Gantt labels, the explanation, waits — are
//! [`crate::schedule::messages::ScheduleMessages`].

use crate::domain::solutions::{ApprovalReason, RequestKind, RequestStatus};
use crate::i18n::Locale;

pub use crate::i18n::catalog::RequestMessages;

impl RequestMessages {
    pub fn of(locale: Locale) -> &'static RequestMessages {
        &crate::i18n::catalog::get(locale).requests
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
            n if n > 0 => self.launch_later(n),
            n => self.launch_earlier(-n),
        }
    }

    /// Why a department is asked to decide, in words.
    pub fn reason_words(&self, reason: &ApprovalReason) -> String {
        match reason {
            ApprovalReason::LeadDepartment => self.reason_lead.to_string(),
            ApprovalReason::NewlyInvolved { effort } => self.reason_newly_involved(*effort),
            ApprovalReason::EffortChanged { delta } => self.reason_effort_changed(*delta),
            ApprovalReason::DatesMoved { working_days } => self.reason_dates_moved(*working_days),
            ApprovalReason::WorkChanged => self.reason_work_changed.to_string(),
            ApprovalReason::WorkInPlan { effort } => self.reason_work_in_plan(*effort),
        }
    }

    /// All of a department's reasons as one line.
    pub fn reasons_line(&self, reasons: &[ApprovalReason]) -> String {
        reasons.iter().map(|r| self.reason_words(r)).collect::<Vec<_>>().join(self.list_separator)
    }
}

impl RequestMessages {
    /// The request page's heading for a request of this kind.
    pub fn page_title(&self, kind: RequestKind, has_baseline: bool) -> &'static str {
        match (kind, has_baseline) {
            (RequestKind::Choice, false) => self.page_title_first_baseline,
            (RequestKind::Choice, true) => self.page_title_new_baseline,
            (RequestKind::Change, _) => self.page_title_change,
        }
    }

    /// "3 working days later" (`n` > 0).
    pub fn launch_later(&self, n: i64) -> String {
        if n == 1 {
            self.launch_later_one(n)
        } else {
            self.launch_later_many(n)
        }
    }

    /// "3 working days earlier" (`n` > 0: how much earlier).
    pub fn launch_earlier(&self, n: i64) -> String {
        if n == 1 {
            self.launch_earlier_one(n)
        } else {
            self.launch_earlier_many(n)
        }
    }

    pub fn reason_newly_involved(&self, effort: i64) -> String {
        if effort.abs() == 1 {
            self.reason_newly_involved_one(effort)
        } else {
            self.reason_newly_involved_many(effort)
        }
    }

    pub fn reason_work_in_plan(&self, effort: i64) -> String {
        if effort.abs() == 1 {
            self.reason_work_in_plan_one(effort)
        } else {
            self.reason_work_in_plan_many(effort)
        }
    }

    /// The effort change, signed ("-2", "+3").
    pub fn reason_effort_changed(&self, delta: i64) -> String {
        self.reason_effort_changed_signed(format!("{delta:+}"))
    }

    /// The dates' move, signed.
    pub fn reason_dates_moved(&self, n: i32) -> String {
        self.reason_dates_moved_signed(format!("{n:+}"))
    }

    /// How far the launch moved over a project's baselines, signed.
    pub fn total_slip(&self, n: i64, count: i64) -> String {
        self.total_slip_signed(count, format!("{n:+}"))
    }

    /// How long a request has waited, in whole days.
    pub fn age(&self, days: i64) -> String {
        match days {
            ..=0 => self.age_today.to_string(),
            1 => self.age_one.to_string(),
            n => self.age_many(n),
        }
    }
}

/// Whole days a request has waited, from its creation to `now` (both epoch milliseconds).
pub fn days_waiting(created_at: i64, now: i64) -> i64 {
    (now - created_at).max(0) / 86_400_000
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog;

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
                &catalog::EN.requests,
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
                &catalog::ZH.requests,
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
        assert_eq!(catalog::EN.requests.reasons_line(&reasons), "leads the project; dates moved by +10 working days");
        assert_eq!(catalog::ZH.requests.reasons_line(&reasons), "项目牵头部门；日期变动 +10 个工作日");
        assert_eq!(catalog::EN.requests.reasons_line(&[]), "");
    }

    #[test]
    fn a_launch_move_says_later_earlier_or_none() {
        let cases =
            [(4, "4 working days later", "推迟 4 个工作日"), (-1, "1 working day earlier", "提前 1 个工作日"), (0, "no move", "不变")];
        for (n, en, zh) in cases {
            assert_eq!(catalog::EN.requests.launch_move(n), en, "{n}");
            assert_eq!(catalog::ZH.requests.launch_move(n), zh, "{n}");
        }
    }

    #[test]
    fn kinds_statuses_and_decisions_have_names() {
        assert_eq!(catalog::EN.requests.kind_name(RequestKind::Choice, false), catalog::EN.requests.kind_first);
        assert_eq!(catalog::EN.requests.kind_name(RequestKind::Choice, true), catalog::EN.requests.kind_replacement);
        assert_eq!(catalog::ZH.requests.kind_name(RequestKind::Change, true), "已选方案的排期变更");
        for m in [&catalog::EN.requests, &catalog::ZH.requests] {
            for s in [RequestStatus::Pending, RequestStatus::Approved, RequestStatus::Rejected, RequestStatus::Withdrawn] {
                assert!(!m.status_name(s).is_empty());
            }
            assert_eq!(m.decision_name(None), m.waiting);
            assert_eq!(m.decision_name(Some("approved")), m.approved);
            assert_eq!(m.decision_name(Some("rejected")), m.rejected);
        }
    }

    #[test]
    fn a_request_waits_whole_days() {
        let day = 86_400_000;
        assert_eq!(days_waiting(0, day - 1), 0);
        assert_eq!(days_waiting(0, 3 * day + 5), 3);
        assert_eq!(days_waiting(10, 0), 0, "a clock behind the server's is not a negative age");
        assert_eq!(catalog::EN.requests.age(0), "since today");
        assert_eq!(catalog::EN.requests.age(1), "1 day");
        assert_eq!(catalog::ZH.requests.age(3), "3 天");
    }
}
