//! What the engine answers: dates, slack, the critical chain and the load per team and week.
//! The JSON Schema is `docs/schema/schedule.schema.json`.

use crate::domain::dates::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub start: Date,
    /// The launch milestone's date, or the latest finish when the plan has no `launch`.
    pub launch: Date,
    /// `Some("launch")` when a milestone defines the launch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_milestone: Option<String>,
    /// The latest finish of any item (after the launch when some work does not lead to it).
    pub finish: Date,
    /// In the plan's order.
    pub items: Vec<ScheduledItem>,
    pub milestones: Vec<ScheduledMilestone>,
    /// From the plan's start to the launch: each link's item and why it starts when it does.
    pub critical_chain: Vec<ChainLink>,
    pub load: Vec<DepartmentLoad>,
    /// Set when some item runs past the last day whose holidays its calendar knows: that day.
    /// Dates after it count weekends only ("holidays after … are not entered").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays_unknown_after: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledItem {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub department: String,
    pub effort: u32,
    pub start: Date,
    /// The last working day (inclusive).
    pub finish: Date,
    /// Working days (of the item's department) it can slip without moving the launch, keeping
    /// each team's order of work.
    pub slack: u32,
    /// Zero slack on the way to the launch.
    pub critical: bool,
    /// Why it starts when it does.
    pub wait: Wait,
}

/// Why an item starts on its start date and not earlier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Wait {
    /// It starts with the plan.
    PlanStart,
    /// Its `not_before` date.
    NotBefore { date: Date },
    /// The team has no slot until `until` (its `available_from`).
    Availability { until: Date },
    /// It waits for `after` to finish (plus `lag` working days).
    Dependency { after: String, lag: u32 },
    /// The team was busy: `held_by` held the team's last free unit until the day before `start`;
    /// without it the item could have started on `could_start` (`waited_days` working days earlier).
    Capacity { held_by: String, could_start: Date, waited_days: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainLink {
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub department: String,
    pub effort: u32,
    pub start: Date,
    pub finish: Date,
    pub wait: Wait,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledMilestone {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub date: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentLoad {
    pub department: String,
    pub capacity: u32,
    pub weeks: Vec<WeekLoad>,
}

/// One calendar week (Monday to Sunday) of one team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekLoad {
    /// The Monday.
    pub week: Date,
    /// Item-days scheduled in the week.
    pub busy_days: u32,
    /// Working days × capacity.
    pub capacity_days: u32,
}

impl Schedule {
    pub fn item(&self, id: &str) -> Option<&ScheduledItem> {
        self.items.iter().find(|i| i.id == id)
    }
}
