//! The work plan being edited: a row of signals per item and milestone ([`PlanDraft`]), rebuilt
//! into a [`WorkPlan`] on every change; the plan file people download; which row a server error
//! names. The table that shows it is [`super::plan_table`].

use crate::domain::plan_cells::{format_predecessors, fresh_id, parse_effort, parse_ids, parse_not_before, parse_predecessors};
use crate::domain::schedule::{ItemSpec, MilestoneSpec};
use crate::domain::solutions::{PlanFrame, StandardMilestone, WorkPlan};
use crate::error::AppError;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The plan file of `plan` on `frame`, as people download it: pretty JSON.
pub fn export_json(plan: &WorkPlan, frame: &PlanFrame) -> String {
    serde_json::to_string_pretty(&plan.to_plan(frame)).unwrap_or_default()
}

/// Percent-encodes text for a `data:` address (UTF-8, so Chinese titles survive).
pub fn data_url(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 64);
    out.push_str("data:application/json;charset=utf-8,");
    for b in json.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One work item being edited; every cell is text as typed.
#[derive(Clone, Copy)]
pub struct ItemRow {
    pub key: usize,
    pub id: RwSignal<String>,
    pub title: RwSignal<String>,
    pub department: RwSignal<String>,
    pub effort: RwSignal<String>,
    pub after: RwSignal<String>,
    pub not_before: RwSignal<String>,
}

/// One milestone being edited. The standard ones are always listed and cannot be removed; they
/// join the plan once they wait for something.
#[derive(Clone, Copy)]
pub struct MilestoneRow {
    pub key: usize,
    pub standard: Option<StandardMilestone>,
    pub id: RwSignal<String>,
    pub name: RwSignal<String>,
    pub after: RwSignal<String>,
}

/// The plan being edited.
#[derive(Clone, Copy)]
pub struct PlanDraft {
    pub items: RwSignal<Vec<ItemRow>>,
    pub milestones: RwSignal<Vec<MilestoneRow>>,
    next_key: StoredValue<usize>,
    /// Keys of the milestones of the plan last built for saving, in their order there: a server
    /// error about `plan.milestones[i]` belongs to the row with the i-th key.
    sent_milestones: StoredValue<Vec<usize>>,
}

impl PlanDraft {
    /// Where the milestone row `key` stood in the plan last built for saving (what a server error
    /// about `plan.milestones[i]` counts).
    pub fn sent_position(&self, key: usize) -> Option<usize> {
        self.sent_milestones.with_value(|keys| keys.iter().position(|k| *k == key))
    }

    pub fn new(plan: &WorkPlan) -> Self {
        let draft = PlanDraft {
            items: RwSignal::new(vec![]),
            milestones: RwSignal::new(vec![]),
            next_key: StoredValue::new(0),
            sent_milestones: StoredValue::new(vec![]),
        };
        draft.replace(plan);
        draft
    }

    fn key(&self) -> usize {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    fn item_row(&self, item: &ItemSpec) -> ItemRow {
        ItemRow {
            key: self.key(),
            id: RwSignal::new(item.id.clone()),
            title: RwSignal::new(item.name.clone().unwrap_or_default()),
            department: RwSignal::new(item.department.clone()),
            effort: RwSignal::new(item.effort.to_string()),
            after: RwSignal::new(format_predecessors(&item.after)),
            not_before: RwSignal::new(item.not_before.map(|d| d.to_string()).unwrap_or_default()),
        }
    }

    fn milestone_row(&self, standard: Option<StandardMilestone>, m: Option<&MilestoneSpec>, id: String) -> MilestoneRow {
        MilestoneRow {
            key: self.key(),
            standard,
            id: RwSignal::new(id),
            name: RwSignal::new(m.and_then(|m| m.name.clone()).unwrap_or_default()),
            after: RwSignal::new(m.map(|m| m.after.join(", ")).unwrap_or_default()),
        }
    }

    /// Puts `plan` in the table, replacing what was there (loading, importing).
    pub fn replace(&self, plan: &WorkPlan) {
        let items = plan.items.iter().map(|i| self.item_row(i)).collect();
        let mut milestones: Vec<MilestoneRow> = StandardMilestone::ALL
            .into_iter()
            .map(|s| self.milestone_row(Some(s), plan.milestones.iter().find(|m| m.id == s.id()), s.id().to_string()))
            .collect();
        for m in plan.milestones.iter().filter(|m| StandardMilestone::from_id(&m.id).is_none()) {
            milestones.push(self.milestone_row(None, Some(m), m.id.clone()));
        }
        self.items.set(items);
        self.milestones.set(milestones);
    }

    /// Appends an empty item with a fresh id, in the department of the last row (people tend to
    /// list one team's work together).
    pub fn add_item(&self) {
        let taken: BTreeSet<String> = self.items.with_untracked(|rows| rows.iter().map(|r| r.id.get_untracked()).collect());
        let department = self.items.with_untracked(|rows| rows.last().map(|r| r.department.get_untracked())).unwrap_or_default();
        let spec = ItemSpec { id: fresh_id("w", &taken), name: None, department, effort: 1, not_before: None, after: vec![] };
        let row = self.item_row(&spec);
        self.items.update(|rows| rows.push(row));
    }

    pub fn add_milestone(&self) {
        let taken: BTreeSet<String> = self.milestones.with_untracked(|rows| rows.iter().map(|r| r.id.get_untracked()).collect());
        let row = self.milestone_row(None, None, fresh_id("m", &taken));
        self.milestones.update(|rows| rows.push(row));
    }

    /// The plan in the table (reading every cell, so a memo over it follows every edit), or the
    /// number of cells that do not parse or are missing (a department not chosen). Standard
    /// milestones that wait for nothing are left out.
    pub fn plan(&self) -> Result<WorkPlan, usize> {
        let mut bad = 0;
        let items: Vec<ItemSpec> = self.items.with(|rows| {
            rows.iter()
                .filter_map(|r| {
                    let effort = parse_effort(&r.effort.read());
                    let after = parse_predecessors(&r.after.read());
                    let not_before = parse_not_before(&r.not_before.read());
                    let department = r.department.get();
                    bad += usize::from(effort.is_err())
                        + usize::from(after.is_err())
                        + usize::from(not_before.is_err())
                        + usize::from(department.is_empty());
                    let title = r.title.with(|t| t.trim().to_string());
                    Some(ItemSpec {
                        id: r.id.with(|id| id.trim().to_string()),
                        name: (!title.is_empty()).then_some(title),
                        department: (!department.is_empty()).then_some(department)?,
                        effort: effort.ok()?,
                        not_before: not_before.ok()?,
                        after: after.ok()?,
                    })
                })
                .collect()
        });
        let milestones: Vec<MilestoneSpec> = self.milestones.with(|rows| {
            rows.iter()
                .filter_map(|r| {
                    let after = match parse_ids(&r.after.read()) {
                        Ok(after) => after,
                        Err(_) => {
                            bad += 1;
                            return None;
                        }
                    };
                    if after.is_empty() {
                        return None;
                    }
                    let name = r.name.with(|n| n.trim().to_string());
                    Some(MilestoneSpec { id: r.id.with(|id| id.trim().to_string()), name: (!name.is_empty()).then_some(name), after })
                })
                .collect()
        });
        if bad > 0 {
            return Err(bad);
        }
        Ok(WorkPlan { items, milestones })
    }

    /// [`Self::plan`] without subscribing, for saving; remembers which milestone rows were sent.
    pub fn plan_for_saving(&self) -> Result<WorkPlan, usize> {
        let plan = leptos::prelude::untrack(|| self.plan())?;
        let keys = self.milestones.with_untracked(|rows| {
            rows.iter().filter(|r| parse_ids(&r.after.get_untracked()).is_ok_and(|a| !a.is_empty())).map(|r| r.key).collect::<Vec<_>>()
        });
        self.sent_milestones.set_value(keys);
        Ok(plan)
    }
}

/// Moves the row with `key` one place up (`-1`) or down (`+1`).
pub fn move_row<T>(list: &mut [T], key: usize, delta: isize, key_of: impl Fn(&T) -> usize) {
    if let Some(i) = list.iter().position(|r| key_of(r) == key) {
        let j = i as isize + delta;
        if j >= 0 && (j as usize) < list.len() {
            list.swap(i, j as usize);
        }
    }
}

/// The server's error about one part of the plan, if `error` names it (`plan.items[3]` or
/// `plan.items[3].department`).
pub fn names_part(error: &AppError, part: &str) -> bool {
    error.field().is_some_and(|f| f == part || f.strip_prefix(part).is_some_and(|rest| rest.starts_with('.')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DomainError;

    #[test]
    fn the_data_address_keeps_chinese_text_and_json_punctuation() {
        let url = data_url("{\"name\":\"接口\"}");
        assert!(url.starts_with("data:application/json;charset=utf-8,%7B%22name%22%3A%22%E6%8E%A5"));
        assert!(!url[36..].contains(['{', '"', ' ']));
    }

    #[test]
    fn a_server_error_belongs_to_the_row_it_names_and_not_to_row_ten() {
        let e = AppError::Invalid(DomainError::NotAllowed { field: "plan.items[1].department".into() });
        assert!(names_part(&e, "plan.items[1]"));
        assert!(!names_part(&e, "plan.items[10]"));
        let e10 = AppError::Invalid(DomainError::NotAllowed { field: "plan.items[10].department".into() });
        assert!(!names_part(&e10, "plan.items[1]"));
    }
}
