//! The schedule engine: working-day calendars, team capacity, critical chain and explained impact.
//!
//! Pure Rust (no I/O, no clock): the server runs it before storing a plan and the browser runs it
//! on every keystroke. The semantics, in short (each module documents its part):
//!
//! - **Calendar** ([`calendar`]): weekend days, holidays (off) and make-up days (on), known up to a
//!   day and counted weekends-only after it (the schedule then carries a warning);
//!   `"cn"` is the official mainland-China calendar for 2025–2026 ([`cn`]); organisations enter
//!   later years themselves ([`years`]).
//! - **Work item**: `effort` consecutive working days of its department's calendar; `start` is
//!   the first and `finish` the last (inclusive). It starts on the earliest working day on or
//!   after the plan's start, the department's `available_from` and its `not_before`, after each
//!   predecessor's finish with `lag` full working days (of the item's department) between, and
//!   on which its department has a free unit of capacity for all of its days ([`engine`]).
//! - **Milestone**: the latest finish among what it waits for; `launch` is the launch (without
//!   one, the latest finish).
//! - **Impact** ([`impact`]): two schedules compared, with the shortest honest explanation.

pub mod calendar;
pub mod cn;
pub mod engine;
pub mod error;
mod graph;
pub mod holiday_files;
pub mod impact;
pub mod plan;
pub mod result;
pub mod years;

pub use calendar::{Calendar, CalendarSpec, CustomCalendar, Weekday};
pub use engine::{schedule, schedule_problem, schedule_with_calendar, ScheduledPlan};
pub use error::PlanError;
pub use impact::{impact, Impact};
pub use plan::{DepartmentSpec, ItemSpec, MilestoneSpec, Plan, Predecessor, Problem};
pub use result::{ChainLink, Schedule, ScheduledItem, Wait};
pub use years::{Break, CalendarYear, YearProblem};

#[cfg(test)]
mod tests;
