//! The schedule's messages (`[schedule]` in the locale files): waits, the impact explanation, the
//! Gantt's labels, the plan sandbox page and the engine's errors, with the methods that pick a
//! sentence (singular or plural, an error variant). Used by the browser, the server and the
//! `concord plan` CLI alike.

use crate::domain::schedule::error::PlanError;
use crate::domain::schedule::years::YearProblem;
use crate::domain::solutions::StandardMilestone;
use crate::i18n::Locale;

pub use crate::i18n::catalog::ScheduleMessages;

impl ScheduleMessages {
    pub fn for_locale(locale: Locale) -> &'static ScheduleMessages {
        &crate::i18n::catalog::get(locale).schedule
    }
}

impl ScheduleMessages {
    /// A standard milestone's name (plans store only its id).
    pub fn standard_milestone(&self, milestone: StandardMilestone) -> &'static str {
        self.standard_milestones[milestone as usize]
    }

    /// A milestone as people read it: its own name, the standard milestone's name, or its id.
    pub fn milestone_name(&self, id: &str, name: Option<&str>) -> String {
        match (name, StandardMilestone::from_id(id)) {
            (Some(name), _) => name.to_string(),
            (None, Some(standard)) => self.standard_milestone(standard).to_string(),
            (None, None) => id.to_string(),
        }
    }

    /// "+3 working days", "−1 working day": a signed count of working days.
    pub fn working_days(&self, n: i64) -> String {
        let signed = format!("{n:+}");
        if n.abs() == 1 {
            self.working_days_one(signed)
        } else {
            self.working_days_many(signed)
        }
    }

    /// How long the engine took, to a tenth of a millisecond.
    pub fn computed_in(&self, ms: f64) -> String {
        self.computed_in_ms(format!("{ms:.1}"))
    }

    /// Why an item waits for another: directly, or with a lag of working days between.
    pub fn wait_dependency(&self, after: &str, lag: u32) -> String {
        if lag == 0 {
            self.wait_dependency_direct(after)
        } else {
            self.wait_dependency_lag(after, lag)
        }
    }

    /// Why an item waits for a team's free slot.
    pub fn wait_capacity(&self, held_by: &str, dept: &str, capacity: u32) -> String {
        if capacity == 1 {
            self.wait_capacity_one(dept, held_by)
        } else {
            self.wait_capacity_many(capacity, dept, held_by)
        }
    }

    /// Why a plan cannot be scheduled, in this language.
    pub fn error(&self, e: &PlanError) -> String {
        match e {
            PlanError::Syntax { message } => self.plan_error_syntax(message),
            PlanError::Cycle { cycle } => self.plan_error_cycle(cycle.join(" → ")),
            PlanError::UnknownId { referenced_by, id } => self.plan_error_unknown_id(id, referenced_by),
            PlanError::DuplicateId { id } => self.plan_error_duplicate_id(id),
            PlanError::EmptyId { field } => self.plan_error_empty_id(field),
            PlanError::NonPositiveEffort { item, effort } => self.plan_error_non_positive_effort(effort, item),
            PlanError::NegativeLag { item, after, lag } => self.plan_error_negative_lag(after, item, lag),
            PlanError::TooLarge { field, value, max } => self.plan_error_too_large(field, max, value),
            PlanError::NonPositiveCapacity { department, capacity } => self.plan_error_non_positive_capacity(capacity, department),
            PlanError::OutsideCalendar { field, date, first, calendar, .. } => {
                self.plan_error_outside_calendar(calendar, date, field, first)
            }
            PlanError::RunsPastCalendar { item, last } => self.plan_error_runs_past_calendar(item, last),
            PlanError::InvalidYear { calendar, year, problem } => self.plan_error_invalid_year(calendar, self.year_problem(problem), year),
            PlanError::UnknownCalendar { calendar, name } => self.plan_error_unknown_calendar(calendar, name),
            PlanError::EmptyCalendarRange { calendar } => self.plan_error_empty_calendar_range(calendar),
            PlanError::NoWorkingDays { calendar } => self.plan_error_no_working_days(calendar),
            PlanError::TooManyItems { count, max } => self.plan_error_too_many_items(count, max),
            PlanError::NoItems => self.plan_error_no_items.to_string(),
            PlanError::EmptyMilestone { milestone } => self.plan_error_empty_milestone(milestone),
            PlanError::ItemAfterMilestone { item, milestone } => self.plan_error_item_after_milestone(item, milestone),
        }
    }

    /// Why a calendar year is refused, in this language.
    pub fn year_problem(&self, p: &YearProblem) -> String {
        match p {
            YearProblem::YearOutOfRange => self.year_problem_year_out_of_range.to_string(),
            YearProblem::AlreadyEntered { year } => self.year_problem_already_entered(year),
            YearProblem::NotEntered { year } => self.year_problem_not_entered(year),
            YearProblem::Empty { year } => self.year_problem_empty(year),
            YearProblem::OutsideYear { date, year } => self.year_problem_outside_year(date, year),
            YearProblem::UnnamedBreak { first } => self.year_problem_unnamed_break(first),
            YearProblem::NameTooLong { name, max } => self.year_problem_name_too_long(max, name),
            YearProblem::BreakReversed { name, first, last } => self.year_problem_break_reversed(first, last, name),
            YearProblem::BreaksOverlap { date, first, second } => self.year_problem_breaks_overlap(date, first, second),
            YearProblem::MakeUpNotWeekend { date } => self.year_problem_make_up_not_weekend(date),
            YearProblem::MakeUpInBreak { date, name } => self.year_problem_make_up_in_break(date, name),
            YearProblem::MakeUpTwice { date } => self.year_problem_make_up_twice(date),
            YearProblem::TooMany { max } => self.year_problem_too_many(max),
            YearProblem::UnreadableBreak { line, text } => self.year_problem_unreadable_break(line, text),
            YearProblem::UnreadableDate { text } => self.year_problem_unreadable_date(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::d;

    fn every_plan_error() -> Vec<PlanError> {
        let s = |v: &str| v.to_string();
        vec![
            PlanError::Syntax { message: s("expected value") },
            PlanError::Cycle { cycle: vec![s("a"), s("b"), s("a")] },
            PlanError::UnknownId { referenced_by: s("b.after"), id: s("x") },
            PlanError::DuplicateId { id: s("a") },
            PlanError::EmptyId { field: s("items[0].id") },
            PlanError::NonPositiveEffort { item: s("a"), effort: 0 },
            PlanError::NegativeLag { item: s("b"), after: s("a"), lag: -1 },
            PlanError::TooLarge { field: s("a.effort"), value: 9999, max: 2000 },
            PlanError::NonPositiveCapacity { department: s("A"), capacity: 0 },
            PlanError::OutsideCalendar {
                field: s("start"),
                date: s("2024-06-03"),
                first: s("2025-01-01"),
                last: s("2999-12-31"),
                calendar: s("\"cn\""),
            },
            PlanError::RunsPastCalendar { item: s("a"), last: s("2999-12-31") },
            PlanError::InvalidYear { calendar: s("custom"), year: 2027, problem: YearProblem::NotEntered { year: 2027 } },
            PlanError::UnknownCalendar { calendar: s("calendar"), name: s("mars") },
            PlanError::EmptyCalendarRange { calendar: s("custom") },
            PlanError::NoWorkingDays { calendar: s("custom") },
            PlanError::TooManyItems { count: 10_001, max: 10_000 },
            PlanError::NoItems,
            PlanError::EmptyMilestone { milestone: s("m") },
            PlanError::ItemAfterMilestone { item: s("a"), milestone: s("m") },
        ]
    }

    fn every_year_problem() -> Vec<YearProblem> {
        let s = |v: &str| v.to_string();
        vec![
            YearProblem::YearOutOfRange,
            YearProblem::AlreadyEntered { year: 2027 },
            YearProblem::NotEntered { year: 2027 },
            YearProblem::Empty { year: 2027 },
            YearProblem::OutsideYear { date: d("2028-01-01"), year: 2027 },
            YearProblem::UnnamedBreak { first: d("2027-01-01") },
            YearProblem::NameTooLong { name: s("x"), max: 40 },
            YearProblem::BreakReversed { name: s("b"), first: d("2027-02-03"), last: d("2027-02-01") },
            YearProblem::BreaksOverlap { date: d("2027-02-02"), first: s("a"), second: s("b") },
            YearProblem::MakeUpNotWeekend { date: d("2027-02-03") },
            YearProblem::MakeUpInBreak { date: d("2027-02-06"), name: s("b") },
            YearProblem::MakeUpTwice { date: d("2027-02-06") },
            YearProblem::TooMany { max: 100 },
            YearProblem::UnreadableBreak { line: 3, text: s("x") },
            YearProblem::UnreadableDate { text: s("2027-13-01") },
        ]
    }

    #[test]
    fn the_english_catalog_says_what_the_engine_says_and_chinese_has_its_own_sentence_for_each() {
        let (en, zh) = (ScheduleMessages::for_locale(Locale::En), ScheduleMessages::for_locale(Locale::ZhCn));
        for e in every_plan_error() {
            assert_eq!(en.error(&e), e.to_string(), "{e:?}");
            assert_ne!(zh.error(&e), e.to_string(), "{e:?} has Chinese words");
        }
        for p in every_year_problem() {
            assert_eq!(en.year_problem(&p), p.to_string(), "{p:?}");
            assert_ne!(zh.year_problem(&p), p.to_string(), "{p:?} has Chinese words");
        }
    }

    #[test]
    fn standard_milestones_are_named_in_both_languages_and_custom_ones_keep_their_name() {
        let (en, zh) = (ScheduleMessages::for_locale(Locale::En), ScheduleMessages::for_locale(Locale::ZhCn));
        for m in StandardMilestone::ALL {
            assert!(!en.standard_milestone(m).is_empty() && !zh.standard_milestone(m).is_empty());
        }
        assert_eq!(zh.standard_milestone(StandardMilestone::InterfaceDefined), "接口定义");
        assert_eq!(zh.milestone_name("joint-debugging", None), "开发联调");
        assert_eq!(en.milestone_name("launch", None), "Launch");
        assert_eq!(en.milestone_name("launch", Some("Go live")), "Go live");
        assert_eq!(zh.milestone_name("pilot", None), "pilot");
    }

    #[test]
    fn counts_of_working_days_are_signed_and_singular_for_one() {
        let en = ScheduleMessages::for_locale(Locale::En);
        assert_eq!(en.working_days(1), "+1 working day");
        assert_eq!(en.working_days(-3), "-3 working days");
        assert_eq!(ScheduleMessages::for_locale(Locale::ZhCn).working_days(2), "+2 个工作日");
        assert_eq!(en.computed_in(1.26), "computed in 1.3 ms");
        assert_eq!(en.wait_dependency("a", 0), "waits for a");
        assert_eq!(en.wait_capacity("a", "B", 1), "runs after a because B runs one item at a time");
        assert_eq!(en.wait_capacity("a", "B", 2), "runs after a because B runs 2 items at a time");
    }
}
