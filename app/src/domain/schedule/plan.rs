//! The plan file format (what people write) and its validation into an indexed [`Problem`]
//! (what the engine reads). The JSON Schema is `docs/schema/plan.schema.json`.

use super::calendar::{Calendar, CalendarSpec};
use super::error::{PlanError, MAX_DAYS, MAX_ITEMS};
use crate::domain::dates::Date;
use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

/// A work plan: when it starts, whose calendar counts, the teams, the work and the milestones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// No item starts before this date.
    pub start: Date,
    /// The organisation's calendar; departments without their own use it. Default: Monday–Friday.
    #[serde(default)]
    pub calendar: CalendarSpec,
    /// Teams with limits. An item's department that is not listed gets capacity 1, no
    /// availability limit and the organisation's calendar.
    #[serde(default)]
    pub departments: Vec<DepartmentSpec>,
    pub items: Vec<ItemSpec>,
    #[serde(default)]
    pub milestones: Vec<MilestoneSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentSpec {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The first day the team can take this work ("no slot" before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_from: Option<Date>,
    /// How many of this plan's items the team runs at once (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<i64>,
    /// The team's own calendar instead of the organisation's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    pub id: String,
    /// Human title, used in pictures and explanations (the id otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub department: String,
    /// Whole working days of the department's calendar, ≥ 1.
    pub effort: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Date>,
    /// Finish-to-start predecessors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<Predecessor>,
}

/// `"b-api"` or `{"id": "b-api", "lag": 2}`: start after b-api's finish, with `lag` full working
/// days of this item's department between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Predecessor {
    Id(String),
    WithLag {
        id: String,
        #[serde(default)]
        lag: i64,
    },
}

impl Predecessor {
    pub fn id(&self) -> &str {
        match self {
            Predecessor::Id(id) | Predecessor::WithLag { id, .. } => id,
        }
    }
    pub fn lag(&self) -> i64 {
        match self {
            Predecessor::Id(_) => 0,
            Predecessor::WithLag { lag, .. } => *lag,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneSpec {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Items or milestones; the milestone's date is the latest finish among them.
    pub after: Vec<String>,
}

/// The id of the milestone that is the launch.
pub const LAUNCH: &str = "launch";

impl Plan {
    /// Reads a plan file. Syntax and shape errors carry serde's line and column.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        serde_json::from_str(text).map_err(|e| PlanError::Syntax { message: e.to_string() })
    }
}

/// A department as the engine sees it.
#[derive(Debug, Clone)]
pub struct Department {
    pub id: String,
    /// Index into [`Problem::calendars`].
    pub calendar: usize,
    pub available_from: Option<Date>,
    pub capacity: u32,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub name: Option<String>,
    pub department: u32,
    pub effort: u32,
    pub not_before: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Milestone {
    pub id: String,
    pub name: Option<String>,
    pub items: Vec<u32>,
    pub milestones: Vec<u32>,
}

/// A validated plan with everything referenced by index.
#[derive(Debug, Clone)]
pub struct Problem {
    pub start: Date,
    /// `calendars[0]` is the organisation's.
    pub calendars: Vec<Calendar>,
    pub departments: Vec<Department>,
    pub items: Vec<Item>,
    /// Each id's first eight bytes as a big-endian number: comparing these compares ids in text
    /// order, except when they are equal (then compare the ids).
    pub id_prefix: Vec<u64>,
    /// Predecessors of item `i`: `preds[pred_start[i]..pred_start[i + 1]]`, as (item, lag).
    pub pred_start: Vec<u32>,
    pub preds: Vec<(u32, u32)>,
    /// Items in an order where each comes after its predecessors.
    pub item_order: Vec<u32>,
    /// Successors of item `i`: `succs[succ_start[i]..succ_start[i + 1]]`.
    pub succ_start: Vec<u32>,
    pub succs: Vec<u32>,
    pub milestones: Vec<Milestone>,
    /// Milestones in an order where each comes after those it depends on.
    pub milestone_order: Vec<u32>,
    pub launch: Option<u32>,
}

impl Problem {
    pub fn preds_of(&self, item: usize) -> &[(u32, u32)] {
        &self.preds[self.pred_start[item] as usize..self.pred_start[item + 1] as usize]
    }

    pub fn succs_of(&self, item: usize) -> &[u32] {
        &self.succs[self.succ_start[item] as usize..self.succ_start[item + 1] as usize]
    }

    /// Whether item `a`'s id comes before item `b`'s in text order.
    pub fn id_before(&self, a: usize, b: usize) -> bool {
        match self.id_prefix[a].cmp(&self.id_prefix[b]) {
            std::cmp::Ordering::Equal => self.items[a].id < self.items[b].id,
            order => order.is_lt(),
        }
    }
}

fn id_prefix(id: &str) -> u64 {
    let mut b = [0u8; 8];
    let take = id.len().min(8);
    b[..take].copy_from_slice(&id.as_bytes()[..take]);
    u64::from_be_bytes(b)
}

fn check_days(value: i64, field: impl FnOnce() -> String) -> Result<u32, PlanError> {
    if value > MAX_DAYS {
        return Err(PlanError::TooLarge { field: field(), value, max: MAX_DAYS });
    }
    Ok(value as u32)
}

fn check_in_range(cal: &Calendar, spec: &CalendarSpec, date: Date, field: impl FnOnce() -> String) -> Result<(), PlanError> {
    if cal.contains(date) {
        return Ok(());
    }
    let (first, last) = cal.range();
    Err(PlanError::OutsideCalendar {
        field: field(),
        date: date.to_string(),
        first: first.to_string(),
        last: last.to_string(),
        calendar: spec.describe(),
    })
}

fn check_id(id: &str, field: impl FnOnce() -> String) -> Result<(), PlanError> {
    if id.trim().is_empty() {
        return Err(PlanError::EmptyId { field: field() });
    }
    Ok(())
}

impl Problem {
    /// Validates a plan: ids, numbers, dates, references and cycles. The first problem found is
    /// returned, in the order the checks are listed here.
    pub fn from_plan(plan: &Plan) -> Result<Problem, PlanError> {
        if plan.items.len() > MAX_ITEMS {
            return Err(PlanError::TooManyItems { count: plan.items.len(), max: MAX_ITEMS });
        }
        if plan.items.is_empty() {
            return Err(PlanError::NoItems);
        }
        let mut calendars = vec![Calendar::from_spec(&plan.calendar, "calendar")?];
        // The spec each calendar was compiled from, so errors name the calendar as the plan chose it.
        let mut specs = vec![&plan.calendar];
        check_in_range(&calendars[0], &plan.calendar, plan.start, || "start".into())?;

        let mut departments = Vec::with_capacity(plan.departments.len());
        let mut dept_index: HashMap<&str, u32> = HashMap::new();
        for d in &plan.departments {
            check_id(&d.id, || "departments[].id".into())?;
            if dept_index.insert(d.id.as_str(), departments.len() as u32).is_some() {
                return Err(PlanError::DuplicateId { id: d.id.clone() });
            }
            let capacity = d.capacity.unwrap_or(1);
            if capacity < 1 {
                return Err(PlanError::NonPositiveCapacity { department: d.id.clone(), capacity });
            }
            let calendar = match &d.calendar {
                None => 0,
                Some(spec) => {
                    calendars.push(Calendar::from_spec(spec, &format!("department {:?} calendar", d.id))?);
                    specs.push(spec);
                    calendars.len() - 1
                }
            };
            let spec = d.calendar.as_ref().unwrap_or(&plan.calendar);
            check_in_range(&calendars[calendar], spec, plan.start, || format!("start (in department {:?}'s calendar)", d.id))?;
            if let Some(from) = d.available_from {
                check_in_range(&calendars[calendar], spec, from, || format!("department {:?} available_from", d.id))?;
            }
            departments.push(Department {
                id: d.id.clone(),
                calendar,
                available_from: d.available_from,
                capacity: capacity.min(u16::MAX as i64) as u32,
            });
        }

        let mut item_index: HashMap<&str, u32> = HashMap::with_capacity(plan.items.len());
        let mut items = Vec::with_capacity(plan.items.len());
        for it in &plan.items {
            check_id(&it.id, || "items[].id".into())?;
            if item_index.insert(it.id.as_str(), items.len() as u32).is_some() {
                return Err(PlanError::DuplicateId { id: it.id.clone() });
            }
            check_id(&it.department, || format!("item {:?} department", it.id))?;
            if it.effort < 1 {
                return Err(PlanError::NonPositiveEffort { item: it.id.clone(), effort: it.effort });
            }
            let effort = check_days(it.effort, || format!("item {:?} effort", it.id))?;
            let department = match dept_index.get(it.department.as_str()) {
                Some(&d) => d,
                None => {
                    let d = departments.len() as u32;
                    dept_index.insert(it.department.as_str(), d);
                    departments.push(Department { id: it.department.clone(), calendar: 0, available_from: None, capacity: 1 });
                    d
                }
            };
            if let Some(nb) = it.not_before {
                let c = departments[department as usize].calendar;
                check_in_range(&calendars[c], specs[c], nb, || format!("item {:?} not_before", it.id))?;
            }
            items.push(Item { id: it.id.clone(), name: it.name.clone(), department, effort, not_before: it.not_before });
        }

        let mut milestone_index: HashMap<&str, u32> = HashMap::new();
        for (n, m) in plan.milestones.iter().enumerate() {
            check_id(&m.id, || "milestones[].id".into())?;
            if item_index.contains_key(m.id.as_str()) || milestone_index.insert(m.id.as_str(), n as u32).is_some() {
                return Err(PlanError::DuplicateId { id: m.id.clone() });
            }
        }

        let mut pred_start = Vec::with_capacity(items.len() + 1);
        let mut preds: Vec<(u32, u32)> = Vec::with_capacity(plan.items.len() * 2);
        for (i, it) in plan.items.iter().enumerate() {
            pred_start.push(preds.len() as u32);
            let first = preds.len();
            for p in &it.after {
                let Some(&pi) = item_index.get(p.id()) else {
                    if milestone_index.contains_key(p.id()) {
                        return Err(PlanError::ItemAfterMilestone { item: it.id.clone(), milestone: p.id().to_string() });
                    }
                    return Err(PlanError::UnknownId { referenced_by: format!("item {:?} after", it.id), id: p.id().to_string() });
                };
                if p.lag() < 0 {
                    return Err(PlanError::NegativeLag { item: it.id.clone(), after: p.id().to_string(), lag: p.lag() });
                }
                let lag = check_days(p.lag(), || format!("item {:?} lag after {:?}", it.id, p.id()))?;
                if pi as usize == i {
                    return Err(PlanError::Cycle { cycle: vec![it.id.clone(), it.id.clone()] });
                }
                // The same predecessor twice: the larger lag is the binding one.
                match preds[first..].iter_mut().find(|(q, _)| *q == pi) {
                    Some(existing) => existing.1 = existing.1.max(lag),
                    None => preds.push((pi, lag)),
                }
            }
        }
        pred_start.push(preds.len() as u32);

        let mut milestones = Vec::with_capacity(plan.milestones.len());
        for m in &plan.milestones {
            if m.after.is_empty() {
                return Err(PlanError::EmptyMilestone { milestone: m.id.clone() });
            }
            let mut ms = Milestone { id: m.id.clone(), name: m.name.clone(), items: vec![], milestones: vec![] };
            for a in &m.after {
                if let Some(&i) = item_index.get(a.as_str()) {
                    ms.items.push(i);
                } else if let Some(&j) = milestone_index.get(a.as_str()) {
                    ms.milestones.push(j);
                } else {
                    return Err(PlanError::UnknownId { referenced_by: format!("milestone {:?} after", m.id), id: a.clone() });
                }
            }
            milestones.push(ms);
        }

        let problem_ids = |i: u32| items[i as usize].id.clone();
        let ordered = super::graph::order_with_successors(
            items.len(),
            |i| preds[pred_start[i] as usize..pred_start[i + 1] as usize].iter().map(|p| p.0),
            problem_ids,
        )?;
        let milestone_order = super::graph::topological_order(
            milestones.len(),
            |m| milestones[m].milestones.iter().copied(),
            |m| milestones[m as usize].id.clone(),
        )?;
        let launch = milestone_index.get(LAUNCH).copied();

        let id_prefix = items.iter().map(|it| id_prefix(&it.id)).collect();
        Ok(Problem {
            start: plan.start,
            calendars,
            departments,
            items,
            id_prefix,
            pred_start,
            preds,
            item_order: ordered.order,
            succ_start: ordered.succ_start,
            succs: ordered.succs,
            milestones,
            milestone_order,
            launch,
        })
    }
}
