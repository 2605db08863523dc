//! Solution options (技术方案) and the rules of changing a project's agreed schedule.
//!
//! An option's revision holds its text, the requirement scenarios it covers and its **work plan**:
//! the items and milestones of a plan file, with departments named by their code (`A`, `B`). The
//! rest of a plan — start, calendar, teams' capacity and availability — is the project's and the
//! organisation's, supplied as a [`PlanFrame`] when the plan is scheduled, so every option of a
//! project is measured on the same ground.
//!
//! A chosen option's change that moves the launch past the agreed one, or moves or adds anyone's
//! work, needs the approval of the affected departments' leaders ([`needs_approval`],
//! [`affected_departments`]); approved, it becomes the project's next baseline.

use super::dates::Date;
use super::error::DomainError;
use super::schedule::impact::Impact;
use super::schedule::{CalendarSpec, DepartmentSpec, ItemSpec, MilestoneSpec, Plan, PlanError, ScheduledPlan};
use super::text::{bounded, optional_long};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const TITLE_MAX: u32 = 200;
pub const DESCRIPTION_MAX: u32 = 50_000;
/// Most items one option's plan may hold (the engine takes far more; people do not write more).
pub const ITEMS_MAX: usize = 5_000;
pub const ITEM_TITLE_MAX: u32 = 200;

/// The milestones every plan offers by name; others are custom and carry their own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandardMilestone {
    /// 接口定义
    InterfaceDefined,
    /// 开发联调
    JointDebugging,
    /// 集成测试
    IntegrationTest,
    /// 上线 — the milestone impact and baselines measure.
    Launch,
}

impl StandardMilestone {
    pub const ALL: [StandardMilestone; 4] = [Self::InterfaceDefined, Self::JointDebugging, Self::IntegrationTest, Self::Launch];

    /// The milestone's id in a plan file.
    pub fn id(self) -> &'static str {
        match self {
            Self::InterfaceDefined => "interface-defined",
            Self::JointDebugging => "joint-debugging",
            Self::IntegrationTest => "integration-test",
            Self::Launch => super::schedule::plan::LAUNCH,
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// Items and milestones: the part of a plan file an option owns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPlan {
    #[serde(default)]
    pub items: Vec<ItemSpec>,
    #[serde(default)]
    pub milestones: Vec<MilestoneSpec>,
}

/// What a plan takes from outside the option: the project's start, the organisation's calendar and
/// every department's limits (by code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFrame {
    pub start: Date,
    pub calendar: CalendarSpec,
    pub departments: Vec<DepartmentSpec>,
}

impl WorkPlan {
    /// The whole plan file: this work on the given frame. Only the departments the items name are
    /// listed, so a plan file stays readable and an impact does not report unrelated teams.
    pub fn to_plan(&self, frame: &PlanFrame) -> Plan {
        let used: BTreeSet<&str> = self.items.iter().map(|i| i.department.as_str()).collect();
        Plan {
            start: frame.start,
            calendar: frame.calendar.clone(),
            departments: frame.departments.iter().filter(|d| used.contains(d.id.as_str())).cloned().collect(),
            items: self.items.clone(),
            milestones: self.milestones.clone(),
        }
    }

    /// The work of an imported plan file (its start, calendar and teams are the project's, so they
    /// are set aside).
    pub fn from_plan(plan: Plan) -> Self {
        WorkPlan { items: plan.items, milestones: plan.milestones }
    }

    /// Total effort per department code, in working days.
    pub fn effort_by_department(&self) -> BTreeMap<String, i64> {
        let mut effort = BTreeMap::new();
        for item in &self.items {
            *effort.entry(item.department.clone()).or_insert(0) += item.effort;
        }
        effort
    }

    /// The departments (codes) with work in this plan.
    pub fn departments(&self) -> BTreeSet<String> {
        self.items.iter().map(|i| i.department.clone()).collect()
    }

    /// Trims ids and titles and checks what the engine does not: titles' length, the item count
    /// and that every department is one of `known_codes`. The engine's own rules (unique ids,
    /// predecessors exist, no cycle, effort ≥ 1) are checked by scheduling it.
    pub fn normalise(mut self, known_codes: &BTreeSet<String>) -> Result<Self, DomainError> {
        if self.items.len() > ITEMS_MAX {
            return Err(DomainError::OutOfRange { field: "plan.items".into(), min: 1, max: ITEMS_MAX as i64 });
        }
        for (i, item) in self.items.iter_mut().enumerate() {
            item.id = item.id.trim().to_string();
            item.department = item.department.trim().to_string();
            if let Some(name) = &item.name {
                let name = optional_long(name, "name", ITEM_TITLE_MAX).map_err(|e| at(e, &format!("plan.items[{i}].name")))?;
                item.name = (!name.is_empty()).then_some(name);
            }
            if !known_codes.contains(&item.department) {
                return Err(DomainError::NotAllowed { field: format!("plan.items[{i}].department") });
            }
        }
        for (i, milestone) in self.milestones.iter_mut().enumerate() {
            milestone.id = milestone.id.trim().to_string();
            if let Some(name) = &milestone.name {
                let name = optional_long(name, "name", ITEM_TITLE_MAX).map_err(|e| at(e, &format!("plan.milestones[{i}].name")))?;
                milestone.name = (!name.is_empty()).then_some(name);
            }
        }
        Ok(self)
    }
}

fn at(error: DomainError, field: &str) -> DomainError {
    match error {
        DomainError::TooLong { max, .. } => DomainError::TooLong { field: field.into(), max },
        DomainError::Empty { .. } => DomainError::Empty { field: field.into() },
        _ => DomainError::Malformed { field: field.into() },
    }
}

/// The engine's refusal of a plan, as a field error on `plan`.
pub fn plan_error(error: PlanError) -> DomainError {
    DomainError::InvalidPlan { field: "plan".into(), message: error.to_string(), plan: Some(Box::new(error)) }
}

/// What one revision of an option says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionContent {
    pub title: String,
    /// Markdown.
    #[serde(default)]
    pub description: String,
    /// Ids of the requirement's scenarios this option covers.
    #[serde(default)]
    pub covered_scenarios: Vec<String>,
    #[serde(default)]
    pub plan: WorkPlan,
}

impl OptionContent {
    /// Trims and checks the text, keeps only covered scenarios the requirement has (in its order),
    /// and normalises the plan.
    pub fn normalise(self, scenario_ids: &[String], known_codes: &BTreeSet<String>) -> Result<Self, DomainError> {
        let title = bounded(&self.title, "title", TITLE_MAX)?;
        let description = optional_long(&self.description, "description", DESCRIPTION_MAX)?;
        for (i, id) in self.covered_scenarios.iter().enumerate() {
            if !scenario_ids.contains(id) {
                return Err(DomainError::NotAllowed { field: format!("covered_scenarios[{i}]") });
            }
        }
        let covered_scenarios = scenario_ids.iter().filter(|id| self.covered_scenarios.contains(id)).cloned().collect();
        let plan = self.plan.normalise(known_codes)?;
        Ok(OptionContent { title, description, covered_scenarios, plan })
    }

    /// Schedules the plan on `frame`; the engine's refusal names the field.
    pub fn schedule(&self, frame: &PlanFrame) -> Result<ScheduledPlan, DomainError> {
        ScheduledPlan::from_plan(self.plan.to_plan(frame)).map_err(plan_error)
    }
}

/// Where an option stands among its requirement's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionStatus {
    Proposed,
    Chosen,
    NotChosen,
}

impl OptionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Chosen => "chosen",
            Self::NotChosen => "not_chosen",
        }
    }
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw {
            "proposed" => Ok(Self::Proposed),
            "chosen" => Ok(Self::Chosen),
            "not_chosen" => Ok(Self::NotChosen),
            _ => Err(DomainError::NotAllowed { field: "status".into() }),
        }
    }
}

/// What a change request asks to make the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// An option was chosen: its plan becomes the agreed schedule (the first baseline, or a new
    /// one when another option replaces the chosen one).
    Choice,
    /// A chosen option's new revision changes the agreed schedule.
    Change,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Choice => "choice",
            Self::Change => "change",
        }
    }
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "choice" => Some(Self::Choice),
            "change" => Some(Self::Change),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "pending" => Some(Self::Pending),
            "approved" => Some(Self::Approved),
            "rejected" => Some(Self::Rejected),
            "withdrawn" => Some(Self::Withdrawn),
            _ => None,
        }
    }
}

/// Does this impact against the baseline change what was agreed? The launch later than agreed, or
/// any department's work added, changed or moved. (An earlier launch with nobody's work moved
/// is not a slip; a change that only removes work, moving nobody, needs no approval either.)
pub fn needs_approval(impact: &Impact) -> bool {
    impact.launch_moved_working_days > 0
        || !impact.items_added.is_empty()
        || !impact.items_changed.is_empty()
        || !impact.departments_with_moved_dates.is_empty()
        || !impact.departments_newly_involved.is_empty()
}

/// Why a department is asked to approve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApprovalReason {
    /// The department leads the project: every change of its schedule is theirs to agree.
    LeadDepartment,
    /// The plan gives the department work it did not have in the baseline.
    NewlyInvolved { effort: i64 },
    /// The department's effort changed by `delta` working days.
    EffortChanged { delta: i64 },
    /// The department's last finish moved by this many working days.
    DatesMoved { working_days: i32 },
    /// One of the department's items changed (its predecessors, say) without moving its dates.
    WorkChanged,
    /// The department has work in the first agreed plan.
    WorkInPlan { effort: i64 },
}

/// The departments (codes) that must approve a change, with why: every department whose work is
/// new, changed or moved, and the lead department. In code order, the lead first.
pub fn affected_departments(impact: &Impact, candidate: &WorkPlan, lead_code: &str) -> Vec<(String, Vec<ApprovalReason>)> {
    let mut reasons: BTreeMap<String, Vec<ApprovalReason>> = BTreeMap::new();
    for code in &impact.departments_newly_involved {
        let effort = impact.effort_by_department.iter().find(|e| &e.department == code).map_or(0, |e| i64::from(e.candidate));
        reasons.entry(code.clone()).or_default().push(ApprovalReason::NewlyInvolved { effort });
    }
    for e in &impact.effort_by_department {
        if e.delta != 0 && !impact.departments_newly_involved.contains(&e.department) && e.candidate > 0 {
            reasons.entry(e.department.clone()).or_default().push(ApprovalReason::EffortChanged { delta: e.delta });
        }
    }
    for m in &impact.departments_with_moved_dates {
        if m.last_finish_moved_working_days != 0 {
            reasons
                .entry(m.department.clone())
                .or_default()
                .push(ApprovalReason::DatesMoved { working_days: m.last_finish_moved_working_days });
        }
    }
    // A changed item (other predecessors, say) whose team's totals and finish did not move still
    // changes that team's work.
    for change in &impact.items_changed {
        let department = change
            .department
            .as_ref()
            .map(|d| d.to.clone())
            .or_else(|| candidate.items.iter().find(|i| i.id == change.id).map(|i| i.department.clone()));
        if let Some(department) = department {
            let entry = reasons.entry(department).or_default();
            if entry.is_empty() {
                entry.push(ApprovalReason::WorkChanged);
            }
        }
    }
    with_lead(reasons, lead_code)
}

/// The departments that must approve a first choice: every department with work, and the lead.
pub fn first_plan_departments(plan: &WorkPlan, lead_code: &str) -> Vec<(String, Vec<ApprovalReason>)> {
    let reasons =
        plan.effort_by_department().into_iter().map(|(code, effort)| (code, vec![ApprovalReason::WorkInPlan { effort }])).collect();
    with_lead(reasons, lead_code)
}

fn with_lead(mut reasons: BTreeMap<String, Vec<ApprovalReason>>, lead_code: &str) -> Vec<(String, Vec<ApprovalReason>)> {
    reasons.entry(lead_code.to_string()).or_default().insert(0, ApprovalReason::LeadDepartment);
    let lead = reasons.remove_entry(lead_code);
    lead.into_iter().chain(reasons).collect()
}

/// Working days from `reference` to `launch` on `plan`'s calendar (positive = later): how an
/// option's launch compares with the target launch before any baseline exists.
pub fn working_days_late(scheduled: &ScheduledPlan, reference: Date) -> i32 {
    super::schedule::impact::working_days_between(&scheduled.calendar, reference, scheduled.schedule.launch)
}

/// A work plan for tests, written as `(id, department, effort in working days, predecessor)` per
/// item, every item before the launch milestone.
#[cfg(test)]
pub fn test_work_plan(items: &[(&str, &str, i64, Option<&str>)]) -> WorkPlan {
    use super::schedule::Predecessor;
    WorkPlan {
        items: items
            .iter()
            .map(|(id, department, effort, after)| ItemSpec {
                id: (*id).into(),
                name: None,
                department: (*department).into(),
                effort: *effort,
                not_before: None,
                after: after.iter().map(|a| Predecessor::Id((*a).into())).collect(),
            })
            .collect(),
        milestones: vec![MilestoneSpec { id: "launch".into(), name: None, after: items.iter().map(|i| i.0.to_string()).collect() }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::Predecessor;

    fn item(id: &str, department: &str, effort: i64, after: &[&str]) -> ItemSpec {
        ItemSpec {
            id: id.into(),
            name: None,
            department: department.into(),
            effort,
            not_before: None,
            after: after.iter().map(|a| Predecessor::Id((*a).into())).collect(),
        }
    }

    fn frame() -> PlanFrame {
        PlanFrame {
            start: Date::parse("2026-03-02", "start").unwrap(),
            calendar: CalendarSpec::Named("weekdays".into()),
            departments: vec![],
        }
    }

    fn plan(items: Vec<ItemSpec>) -> WorkPlan {
        let last: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
        WorkPlan { items, milestones: vec![MilestoneSpec { id: "launch".into(), name: None, after: last }] }
    }

    fn codes() -> BTreeSet<String> {
        ["A", "B", "C"].into_iter().map(String::from).collect()
    }

    #[test]
    fn unknown_departments_and_scenarios_are_refused_with_their_field() {
        let content = OptionContent {
            title: " Query B ".into(),
            description: String::new(),
            covered_scenarios: vec!["s2".into(), "s1".into()],
            plan: plan(vec![item("a", "A", 2, &[]), item("z", "Z", 1, &[])]),
        };
        let scenarios = vec!["s1".to_string(), "s2".to_string()];
        assert_eq!(content.clone().normalise(&scenarios, &codes()).unwrap_err().field(), "plan.items[1].department");
        let mut ok = content.clone();
        ok.plan.items.pop();
        let ok = ok.normalise(&scenarios, &codes()).unwrap();
        assert_eq!(ok.title, "Query B");
        assert_eq!(ok.covered_scenarios, vec!["s1", "s2"], "kept in the requirement's order");
        let mut bad = content;
        bad.covered_scenarios = vec!["nope".into()];
        bad.plan.items.pop();
        assert_eq!(bad.normalise(&scenarios, &codes()).unwrap_err().field(), "covered_scenarios[0]");
    }

    #[test]
    fn the_engines_refusal_is_a_plan_field_error() {
        let content = OptionContent {
            title: "t".into(),
            description: String::new(),
            covered_scenarios: vec![],
            plan: plan(vec![item("a", "A", 1, &["b"]), item("b", "A", 1, &["a"])]),
        };
        let e = content.schedule(&frame()).unwrap_err();
        assert_eq!(e.field(), "plan");
        assert!(e.to_string().contains("cycle"), "{e}");
    }

    #[test]
    fn a_slip_or_new_work_needs_approval_and_the_lead_always_decides() {
        let base = plan(vec![item("a", "A", 5, &[]), item("b", "B", 3, &["a"])]);
        let same = base.clone().to_plan(&frame());
        let base_plan = base.to_plan(&frame());
        let unchanged = ScheduledPlan::from_plan(base_plan.clone()).unwrap().impact_of(&ScheduledPlan::from_plan(same).unwrap());
        assert!(!needs_approval(&unchanged));

        let slipped = plan(vec![item("a", "A", 5, &[]), item("b", "B", 3, &["a"]), item("c", "C", 4, &["b"])]);
        let impact = ScheduledPlan::from_plan(base_plan).unwrap().impact_of(&ScheduledPlan::from_plan(slipped.to_plan(&frame())).unwrap());
        assert!(needs_approval(&impact));
        assert_eq!(impact.launch_moved_working_days, 4);
        let affected = affected_departments(&impact, &slipped, "A");
        let codes: Vec<&str> = affected.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(codes, vec!["A", "C"], "the lead first; C is newly pulled in");
        assert_eq!(affected[1].1, vec![ApprovalReason::NewlyInvolved { effort: 4 }]);
    }

    #[test]
    fn a_first_choice_is_approved_by_every_department_with_work() {
        let p = plan(vec![item("a", "A", 5, &[]), item("b", "B", 3, &["a"]), item("b2", "B", 2, &["a"])]);
        let affected = first_plan_departments(&p, "A");
        assert_eq!(
            affected,
            vec![
                ("A".into(), vec![ApprovalReason::LeadDepartment, ApprovalReason::WorkInPlan { effort: 5 }]),
                ("B".into(), vec![ApprovalReason::WorkInPlan { effort: 5 }]),
            ]
        );
        assert_eq!(first_plan_departments(&plan(vec![item("b", "B", 1, &[])]), "A")[0].1, vec![ApprovalReason::LeadDepartment]);
    }

    #[test]
    fn standard_milestones_round_trip_their_ids() {
        for m in StandardMilestone::ALL {
            assert_eq!(StandardMilestone::from_id(m.id()), Some(m));
        }
        assert_eq!(StandardMilestone::Launch.id(), "launch");
    }
}
