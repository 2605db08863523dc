//! What can be wrong with a plan. Every variant names the thing at fault (ids, the field, the
//! date) so the CLI, the API and the sandbox page show the same precise message.

use serde::{Deserialize, Serialize};

/// The most work items one plan may hold.
pub const MAX_ITEMS: usize = 100_000;
/// The largest effort or lag one item may have, in working days (about 40 years).
pub const MAX_DAYS: i64 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
// Externally tagged (serde's default), not `tag = "…"`: it travels to the browser inside every
// server function's error, and an internally tagged enum's decoder buffers each variant through
// serde's generic `Content`, which put tens of KiB into the bundle every page loads.
#[serde(rename_all = "snake_case")]
pub enum PlanError {
    /// The file is not JSON of the plan's shape; `message` is the parser's, with line and column.
    #[error("the plan is not valid JSON of the plan format: {message}")]
    Syntax { message: String },
    #[error("dependency cycle: {}", cycle.join(" → "))]
    Cycle { cycle: Vec<String> },
    #[error("{referenced_by}: unknown id {id:?}")]
    UnknownId { referenced_by: String, id: String },
    #[error("duplicate id {id:?}")]
    DuplicateId { id: String },
    #[error("{field}: must not be empty")]
    EmptyId { field: String },
    #[error("item {item:?}: effort must be a whole number of working days ≥ 1 (got {effort})")]
    NonPositiveEffort { item: String, effort: i64 },
    #[error("item {item:?}: lag after {after:?} must be ≥ 0 (got {lag})")]
    NegativeLag { item: String, after: String, lag: i64 },
    #[error("{field}: {value} is more than {max} working days")]
    TooLarge { field: String, value: i64, max: i64 },
    #[error("department {department:?}: capacity must be ≥ 1 (got {capacity})")]
    NonPositiveCapacity { department: String, capacity: i64 },
    /// A date before the first day a calendar counts. `calendar` names the calendar as the plan
    /// chose it (`"cn"`, `custom calendar based on "cn"`), `first` is its first day.
    #[error("{field}: {date} is before {first}, the first day calendar {calendar} counts; choose a date on or after {first}, or enter the holidays of the years before it on the calendar settings page (or pick the \"weekdays\" calendar)")]
    OutsideCalendar {
        field: String,
        date: String,
        first: String,
        last: String,
        #[serde(default)]
        calendar: String,
    },
    /// Past the last date Concord counts at all (2999-12-31); holidays past the known years never
    /// refuse a plan (see `Schedule::holidays_unknown_after`).
    #[error("item {item:?} would run past {last}, the last date Concord can count")]
    RunsPastCalendar { item: String, last: String },
    /// An entered year of a custom calendar is refused; `problem` names the day at fault.
    #[error("{calendar}: {year}: {problem}")]
    InvalidYear { calendar: String, year: i32, problem: super::years::YearProblem },
    #[error("{calendar}: unknown calendar {name:?} (shipped: \"cn\", \"weekdays\")")]
    UnknownCalendar { calendar: String, name: String },
    #[error("{calendar}: `from` is after `until`")]
    EmptyCalendarRange { calendar: String },
    #[error("{calendar}: has no working days")]
    NoWorkingDays { calendar: String },
    #[error("the plan has {count} items; at most {max} are allowed")]
    TooManyItems { count: usize, max: usize },
    #[error("the plan has no work items")]
    NoItems,
    #[error("milestone {milestone:?}: `after` must name at least one item or milestone")]
    EmptyMilestone { milestone: String },
    #[error("item {item:?}: `after` names milestone {milestone:?}; items follow items (list the milestone's items instead)")]
    ItemAfterMilestone { item: String, milestone: String },
}

impl PlanError {
    /// The CLI's exit status for this error: 2, "the plan is invalid".
    pub const EXIT_STATUS: i32 = 2;
}
