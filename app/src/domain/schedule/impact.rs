//! Impact of a candidate plan against a baseline: what moved, what changed, and why.
//!
//! The **explanation** is the candidate's critical chain reduced to the links that differ from the
//! baseline: an item that is new, whose effort, department or predecessors changed, or that now
//! waits for something else (another predecessor, another item holding its team, a different
//! availability date). Links that merely shifted with the rest are left out: they are the
//! consequence, not the cause. Plain data: [`crate::schedule::messages`] renders it in words.

use super::calendar::Calendar;
use super::engine::schedule_with_calendar;
use super::error::PlanError;
use super::plan::Plan;
use super::result::{Schedule, ScheduledItem, Wait};
use crate::domain::dates::Date;
use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Impact is asked of a scheduled plan here, beside the comparison, so the engine never depends on
/// the impact (the impact builds on the engine, not the other way round).
impl super::engine::ScheduledPlan {
    /// The impact of changing `self` (the baseline) into `candidate`.
    pub fn impact_of(&self, candidate: &super::engine::ScheduledPlan) -> Impact {
        compare(&self.plan, &self.schedule, &candidate.plan, &candidate.schedule, &candidate.calendar)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Impact {
    pub baseline_launch: Date,
    pub candidate_launch: Date,
    /// Working days of the candidate's organisation calendar; positive = later.
    pub launch_moved_working_days: i32,
    pub launch_moved_calendar_days: i32,
    pub milestones: Vec<MilestoneMove>,
    pub items_added: Vec<ItemSummary>,
    pub items_removed: Vec<ItemSummary>,
    pub items_changed: Vec<ItemChange>,
    /// Every department with work in either plan, by id.
    pub effort_by_department: Vec<DepartmentEffort>,
    pub departments_newly_involved: Vec<String>,
    pub departments_no_longer_involved: Vec<String>,
    /// Departments with items in both plans whose start or finish moved.
    pub departments_with_moved_dates: Vec<DepartmentMove>,
    pub explanation: Explanation,
    /// The earlier of the two schedules' `holidays_unknown_after`: dates after it count weekends
    /// only, so the moves measured past it may change once that year's holidays are entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays_unknown_after: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneMove {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub baseline: Option<Date>,
    pub candidate: Option<Date>,
    /// Only when the milestone is in both plans.
    pub moved_working_days: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSummary {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub department: String,
    pub effort: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change<T> {
    pub from: T,
    pub to: T,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemChange {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Change<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Change<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors_added: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors_removed: Vec<String>,
    /// Predecessors kept with a different lag.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lag_changed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentEffort {
    pub department: String,
    pub baseline: u32,
    pub candidate: u32,
    pub delta: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentMove {
    pub department: String,
    pub items_moved: u32,
    /// The department's latest finish, moved by this many working days (positive = later).
    pub last_finish_moved_working_days: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub launch_moved_working_days: i32,
    pub baseline_launch: Date,
    pub candidate_launch: Date,
    /// The candidate's critical-chain links that differ from the baseline, in chain order.
    pub steps: Vec<ExplanationStep>,
    /// Teams whose capacity, availability or calendar changed between the plans.
    pub teams_changed: Vec<String>,
    pub calendar_changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplanationStep {
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub department: String,
    pub effort: u32,
    /// How many items the team runs at once (explains a capacity wait).
    pub team_capacity: u32,
    pub change: StepChange,
    pub wait: Wait,
}

/// Why this link is in the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepChange {
    New,
    EffortChanged {
        from: u32,
    },
    DepartmentChanged {
        from: String,
    },
    PredecessorsChanged,
    /// The item itself is unchanged; it now waits for something else.
    WaitChanged,
}

/// Which plan of the two was invalid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ImpactError {
    #[error("baseline: {0}")]
    Baseline(PlanError),
    #[error("candidate: {0}")]
    Candidate(PlanError),
}

/// Schedules both plans and compares them.
pub fn impact(baseline: &Plan, candidate: &Plan) -> Result<Impact, ImpactError> {
    let (base, _) = schedule_with_calendar(baseline).map_err(ImpactError::Baseline)?;
    let (cand, calendar) = schedule_with_calendar(candidate).map_err(ImpactError::Candidate)?;
    Ok(compare(baseline, &base, candidate, &cand, &calendar))
}

/// Signed working days from `from` to `to` in `cal` (positive when `to` is later).
pub fn working_days_between(cal: &Calendar, from: Date, to: Date) -> i32 {
    let (lo, hi, sign) = if from <= to { (from, to, 1) } else { (to, from, -1) };
    let count = (lo.days() + 1..=hi.days()).filter(|&d| cal.is_working_day(Date::from_days(d))).count() as i32;
    sign * count
}

/// Compares two schedules of two plans; `cal` counts the working days of moves.
pub fn compare(base_plan: &Plan, base: &Schedule, cand_plan: &Plan, cand: &Schedule, cal: &Calendar) -> Impact {
    let moved = |a: Date, b: Date| working_days_between(cal, a, b);
    let base_items: HashMap<&str, usize> = base_plan.items.iter().enumerate().map(|(i, it)| (it.id.as_str(), i)).collect();
    let cand_items: HashMap<&str, usize> = cand_plan.items.iter().enumerate().map(|(i, it)| (it.id.as_str(), i)).collect();
    let summary = |it: &super::plan::ItemSpec| ItemSummary {
        id: it.id.clone(),
        name: it.name.clone(),
        department: it.department.clone(),
        effort: it.effort as u32,
    };

    let items_added: Vec<ItemSummary> = cand_plan.items.iter().filter(|it| !base_items.contains_key(it.id.as_str())).map(summary).collect();
    let items_removed: Vec<ItemSummary> =
        base_plan.items.iter().filter(|it| !cand_items.contains_key(it.id.as_str())).map(summary).collect();
    let mut items_changed = Vec::new();
    let mut changed_ids: HashMap<&str, StepChange> = HashMap::new();
    for c in &cand_plan.items {
        let Some(&bi) = base_items.get(c.id.as_str()) else { continue };
        let b = &base_plan.items[bi];
        let lags = |it: &super::plan::ItemSpec| it.after.iter().map(|p| (p.id().to_string(), p.lag())).collect::<BTreeMap<_, _>>();
        let (bl, cl) = (lags(b), lags(c));
        let change = ItemChange {
            id: c.id.clone(),
            name: c.name.clone(),
            effort: (b.effort != c.effort).then_some(Change { from: b.effort as u32, to: c.effort as u32 }),
            department: (b.department != c.department).then(|| Change { from: b.department.clone(), to: c.department.clone() }),
            predecessors_added: cl.keys().filter(|k| !bl.contains_key(*k)).cloned().collect(),
            predecessors_removed: bl.keys().filter(|k| !cl.contains_key(*k)).cloned().collect(),
            lag_changed: cl.iter().filter(|(k, v)| bl.get(*k).is_some_and(|bv| bv != *v)).map(|(k, _)| k.clone()).collect(),
        };
        let step = if let Some(d) = &change.department {
            Some(StepChange::DepartmentChanged { from: d.from.clone() })
        } else if let Some(e) = &change.effort {
            Some(StepChange::EffortChanged { from: e.from })
        } else if !change.predecessors_added.is_empty() || !change.predecessors_removed.is_empty() || !change.lag_changed.is_empty() {
            Some(StepChange::PredecessorsChanged)
        } else {
            None
        };
        if let Some(step) = step {
            changed_ids.insert(c.id.as_str(), step);
            items_changed.push(change);
        }
    }

    let effort = |plan: &Plan| {
        let mut m: BTreeMap<String, u32> = BTreeMap::new();
        for it in &plan.items {
            *m.entry(it.department.clone()).or_default() += it.effort as u32;
        }
        m
    };
    let (be, ce) = (effort(base_plan), effort(cand_plan));
    let all_depts: BTreeSet<&String> = be.keys().chain(ce.keys()).collect();
    let effort_by_department = all_depts
        .iter()
        .map(|d| {
            let (b, c) = (be.get(*d).copied().unwrap_or(0), ce.get(*d).copied().unwrap_or(0));
            DepartmentEffort { department: (*d).clone(), baseline: b, candidate: c, delta: c as i64 - b as i64 }
        })
        .collect();
    let departments_newly_involved = ce.keys().filter(|d| !be.contains_key(*d)).cloned().collect();
    let departments_no_longer_involved = be.keys().filter(|d| !ce.contains_key(*d)).cloned().collect();

    let base_scheduled: HashMap<&str, &ScheduledItem> = base.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut moves: BTreeMap<String, u32> = BTreeMap::new();
    for c in &cand.items {
        if let Some(b) = base_scheduled.get(c.id.as_str()) {
            if b.start != c.start || b.finish != c.finish {
                *moves.entry(c.department.clone()).or_default() += 1;
            }
        }
    }
    fn last_finishes(s: &Schedule) -> HashMap<&str, Date> {
        let mut m: HashMap<&str, Date> = HashMap::new();
        for i in &s.items {
            let e = m.entry(i.department.as_str()).or_insert(i.finish);
            *e = (*e).max(i.finish);
        }
        m
    }
    let (base_last, cand_last) = (last_finishes(base), last_finishes(cand));
    let departments_with_moved_dates = moves
        .into_iter()
        .map(|(d, n)| {
            let shift = match (base_last.get(d.as_str()), cand_last.get(d.as_str())) {
                (Some(&a), Some(&b)) => moved(a, b),
                _ => 0,
            };
            DepartmentMove { department: d, items_moved: n, last_finish_moved_working_days: shift }
        })
        .collect();

    let mut milestones: Vec<MilestoneMove> = cand
        .milestones
        .iter()
        .map(|m| {
            let b = base.milestones.iter().find(|x| x.id == m.id).map(|x| x.date);
            MilestoneMove {
                id: m.id.clone(),
                name: m.name.clone(),
                baseline: b,
                candidate: Some(m.date),
                moved_working_days: b.map(|b| moved(b, m.date)),
            }
        })
        .collect();
    for m in &base.milestones {
        if !cand.milestones.iter().any(|x| x.id == m.id) {
            milestones.push(MilestoneMove {
                id: m.id.clone(),
                name: m.name.clone(),
                baseline: Some(m.date),
                candidate: None,
                moved_working_days: None,
            });
        }
    }

    let launch_moved = moved(base.launch, cand.launch);
    let capacity_of = |dept: &str| cand.load.iter().find(|l| l.department == dept).map_or(1, |l| l.capacity);
    let mut steps = Vec::new();
    if launch_moved != 0 {
        for link in &cand.critical_chain {
            let change = if !base_items.contains_key(link.item.as_str()) {
                Some(StepChange::New)
            } else if let Some(c) = changed_ids.get(link.item.as_str()) {
                Some(c.clone())
            } else {
                let before = base_scheduled.get(link.item.as_str()).map(|b| &b.wait);
                (!before.is_some_and(|b| same_cause(b, &link.wait))).then_some(StepChange::WaitChanged)
            };
            if let Some(change) = change {
                steps.push(ExplanationStep {
                    item: link.item.clone(),
                    name: link.name.clone(),
                    department: link.department.clone(),
                    effort: link.effort,
                    team_capacity: capacity_of(&link.department),
                    change,
                    wait: link.wait.clone(),
                });
            }
        }
    }

    let base_depts: HashMap<&str, &super::plan::DepartmentSpec> = base_plan.departments.iter().map(|d| (d.id.as_str(), d)).collect();
    let teams_changed = cand_plan
        .departments
        .iter()
        .filter(|d| match base_depts.get(d.id.as_str()) {
            Some(b) => {
                b.capacity.unwrap_or(1) != d.capacity.unwrap_or(1) || b.available_from != d.available_from || b.calendar != d.calendar
            }
            None => false,
        })
        .map(|d| d.id.clone())
        .collect();

    Impact {
        baseline_launch: base.launch,
        candidate_launch: cand.launch,
        launch_moved_working_days: launch_moved,
        launch_moved_calendar_days: cand.launch.days() - base.launch.days(),
        milestones,
        items_added,
        items_removed,
        items_changed,
        effort_by_department,
        departments_newly_involved,
        departments_no_longer_involved,
        departments_with_moved_dates,
        holidays_unknown_after: [base.holidays_unknown_after, cand.holidays_unknown_after].into_iter().flatten().min(),
        explanation: Explanation {
            launch_moved_working_days: launch_moved,
            baseline_launch: base.launch,
            candidate_launch: cand.launch,
            steps,
            teams_changed,
            calendar_changed: base_plan.calendar != cand_plan.calendar,
        },
    }
}

/// Whether two waits have the same cause (dates of a capacity wait may shift with the rest).
fn same_cause(a: &Wait, b: &Wait) -> bool {
    match (a, b) {
        (Wait::PlanStart, Wait::PlanStart) => true,
        (Wait::NotBefore { date: x }, Wait::NotBefore { date: y }) => x == y,
        (Wait::Availability { until: x }, Wait::Availability { until: y }) => x == y,
        (Wait::Dependency { after: x, lag: l }, Wait::Dependency { after: y, lag: m }) => x == y && l == m,
        (Wait::Capacity { held_by: x, .. }, Wait::Capacity { held_by: y, .. }) => x == y,
        _ => false,
    }
}
