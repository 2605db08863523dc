//! The work-plan editor: a table of work items (id, title, department, effort, predecessors with
//! lag, not-before) and a table of milestones (the four standard ones and custom ones), each row
//! with add, remove and reorder, plus import and export of the engine's plan file.
//!
//! Every cell is its own signal, so typing in one re-renders only that cell's checks; the whole
//! [`WorkPlan`] is rebuilt from the cells by [`PlanDraft::plan`] inside the editor's memo. Text
//! cells are parsed strictly ([`parse_predecessors`], [`parse_effort`]): a cell that does not
//! parse is marked where it is and the plan is not scheduled until it is fixed. Mistakes the
//! engine finds (an unknown id, a cycle) are the engine's to report, but the common ones — a
//! duplicate id, a predecessor that is not an item — are marked on the row too.

use super::dto::DepartmentChoice;
use super::messages::OptionMessages;
use crate::domain::dates::Date;
use crate::domain::schedule::{ItemSpec, MilestoneSpec, Plan, Predecessor};
use crate::domain::solutions::{PlanFrame, StandardMilestone, WorkPlan, ITEM_TITLE_MAX};
use crate::domain::DomainError;
use crate::error::AppError;
use crate::schedule::messages::ScheduleMessages;
use crate::ui::use_i18n;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// The largest effort or lag the engine takes, in working days.
const MAX_DAYS: i64 = crate::domain::schedule::error::MAX_DAYS;

/// What is wrong with the text of a list of ids (an item's predecessors, a milestone's `after`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// An entry without an id (`+2` alone).
    MissingId,
    /// `a+x`, `a+-1`, `a+99999`: the lag after `+` is not a whole number of working days.
    BadLag { entry: String },
    /// A milestone's entry with a lag: milestones wait for their items without one.
    LagNotAllowed { entry: String },
    /// The same id twice.
    Repeated { id: String },
}

/// Separators between entries: the ASCII comma and the Chinese ones people type with an IME.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', '、']).map(str::trim).filter(|e| !e.is_empty())
}

/// Parses `a, b+2` into predecessors: `a`, and `b` with 2 working days of lag. Entries are
/// separated by commas (`,`, `，` or `、`); empty entries (a trailing comma while typing) are
/// skipped. An id may contain spaces; a `+` starts the lag only when a whole number follows it,
/// and any other `+` is refused so a typo never silently becomes part of an id.
pub fn parse_predecessors(text: &str) -> Result<Vec<Predecessor>, ListError> {
    let mut out: Vec<Predecessor> = Vec::new();
    for entry in entries(text) {
        let (id, lag) = match entry.rsplit_once('+') {
            None => (entry, 0),
            Some((id, lag)) => {
                let lag = lag.trim();
                if lag.is_empty() || !lag.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ListError::BadLag { entry: entry.to_string() });
                }
                match lag.parse::<i64>() {
                    Ok(n) if n <= MAX_DAYS => (id.trim(), n),
                    _ => return Err(ListError::BadLag { entry: entry.to_string() }),
                }
            }
        };
        if id.is_empty() {
            return Err(ListError::MissingId);
        }
        if out.iter().any(|p| p.id() == id) {
            return Err(ListError::Repeated { id: id.to_string() });
        }
        out.push(if lag == 0 { Predecessor::Id(id.to_string()) } else { Predecessor::WithLag { id: id.to_string(), lag } });
    }
    Ok(out)
}

/// The text [`parse_predecessors`] reads back into the same predecessors. An id that itself
/// contains `+` is written with an explicit `+0`, so its last `+` is not taken for a lag.
pub fn format_predecessors(after: &[Predecessor]) -> String {
    after
        .iter()
        .map(|p| match p.lag() {
            0 if p.id().contains('+') => format!("{}+0", p.id()),
            0 => p.id().to_string(),
            lag => format!("{}+{lag}", p.id()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a milestone's `after`: ids separated by commas, without lags.
pub fn parse_ids(text: &str) -> Result<Vec<String>, ListError> {
    let mut out: Vec<String> = Vec::new();
    for entry in entries(text) {
        if let Some((_, lag)) = entry.rsplit_once('+') {
            if !lag.trim().is_empty() && lag.trim().bytes().all(|b| b.is_ascii_digit()) {
                return Err(ListError::LagNotAllowed { entry: entry.to_string() });
            }
        }
        if out.iter().any(|id| id == entry) {
            return Err(ListError::Repeated { id: entry.to_string() });
        }
        out.push(entry.to_string());
    }
    Ok(out)
}

/// What is wrong with an effort cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffortError {
    Empty,
    /// Not a whole number from 1 to the engine's maximum.
    OutOfRange,
}

/// A whole number of working days, 1 ..= the engine's maximum; nothing else (no `2.5`, no `3d`).
pub fn parse_effort(text: &str) -> Result<i64, EffortError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(EffortError::Empty);
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(EffortError::OutOfRange);
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=MAX_DAYS).contains(&n) => Ok(n),
        _ => Err(EffortError::OutOfRange),
    }
}

/// An optional ISO date (`YYYY-MM-DD`, what a date input gives); empty is none.
pub fn parse_not_before(text: &str) -> Result<Option<Date>, DomainError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Date::parse(text, "not_before").map(Some)
}

/// Ids of the items that nothing in the plan follows: what a launch usually waits for.
pub fn last_items(items: &[ItemSpec]) -> Vec<String> {
    let followed: BTreeSet<&str> = items.iter().flat_map(|i| i.after.iter().map(Predecessor::id)).collect();
    items.iter().filter(|i| !followed.contains(i.id.as_str())).map(|i| i.id.clone()).collect()
}

/// The first of `prefix1`, `prefix2`, … not taken by `taken`.
fn fresh_id(prefix: &str, taken: &BTreeSet<String>) -> String {
    (1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.contains(id)).unwrap_or_else(|| prefix.to_string())
}

/// The plan file of `plan` on `frame`, as people download it: pretty JSON.
pub fn export_json(plan: &WorkPlan, frame: &PlanFrame) -> String {
    serde_json::to_string_pretty(&plan.to_plan(frame)).unwrap_or_default()
}

/// Percent-encodes text for a `data:` address (UTF-8, so Chinese titles survive).
fn data_url(json: &str) -> String {
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
fn move_row<T>(list: &mut [T], key: usize, delta: isize, key_of: impl Fn(&T) -> usize) {
    if let Some(i) = list.iter().position(|r| key_of(r) == key) {
        let j = i as isize + delta;
        if j >= 0 && (j as usize) < list.len() {
            list.swap(i, j as usize);
        }
    }
}

/// The server's error about one part of the plan, if `error` names it (`plan.items[3]` or
/// `plan.items[3].department`).
fn names_part(error: &AppError, part: &str) -> bool {
    error.field().is_some_and(|f| f == part || f.strip_prefix(part).is_some_and(|rest| rest.starts_with('.')))
}

/// The plan's two tables and its file tools. `error` is the last save's error: messages about
/// `plan.items[i]…` show on row i, about the plan as a whole above the tables.
#[component]
pub fn PlanTable(draft: PlanDraft, departments: Vec<DepartmentChoice>, frame: PlanFrame, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let departments = StoredValue::new(departments);
    // How often each item id occurs, and every milestone id: recomputed when an id changes, not
    // when an effort does, so most keystrokes leave the rows' checks alone.
    let id_counts = Memo::new(move |_| {
        draft.items.with(|rows| {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for r in rows {
                *counts.entry(r.id.with(|id| id.trim().to_string())).or_default() += 1;
            }
            counts
        })
    });
    let milestone_ids = Memo::new(move |_| {
        draft.milestones.with(|rows| rows.iter().map(|r| r.id.with(|id| id.trim().to_string())).collect::<BTreeSet<_>>())
    });
    let plan_error = move || {
        error.get().filter(|e| matches!(e.field(), Some("plan" | "plan.items" | "plan.milestones"))).map(|e| {
            view! { <p class="field-error" data-field=e.field().unwrap_or_default().to_string() role="alert">{i18n.get().error(&e)}</p> }
        })
    };
    view! {
        <div class="plan-editor">
            {plan_error}
            <div class="plan-table-wrap">
                // Laid out as a grid of rows (style/main.css), each row rendered by the browser only
                // while near the screen, so an edit lays out and paints a few rows, not 300. Styling
                // table parts as blocks can lose their meaning for assistive technology; the roles
                // keep it.
                <table class="plan-items" role="table">
                    <caption>{move || om().work_items}</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">{move || om().item_id}</th>
                        <th scope="col" role="columnheader">{move || om().item_title}</th>
                        <th scope="col" role="columnheader">{move || om().department}</th>
                        <th scope="col" role="columnheader">{move || om().effort_days}</th>
                        <th scope="col" role="columnheader">{move || om().predecessors}</th>
                        <th scope="col" role="columnheader">{move || om().not_before}</th>
                        <th scope="col" role="columnheader"><span class="visually-hidden">{move || om().row_actions}</span></th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        <For each=move || draft.items.get() key=|r| r.key let:row>
                            <ItemRowView draft row id_counts departments error/>
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || draft.items.with(|r| r.is_empty())><p class="muted">{move || om().no_items}</p></Show>
            <p class="muted hint">{move || om().predecessors_hint}</p>
            <button type="button" class="secondary add-item" on:click=move |_| draft.add_item()>{move || om().add_item}</button>

            <div class="plan-table-wrap">
                <table class="plan-milestones">
                    <caption>{move || om().milestones}</caption>
                    <thead><tr>
                        <th scope="col">{move || om().milestone}</th>
                        <th scope="col">{move || om().milestone_after}</th>
                        <th scope="col"><span class="visually-hidden">{move || om().row_actions}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || draft.milestones.get() key=|r| r.key let:row>
                            <MilestoneRowView draft row id_counts milestone_ids error/>
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="muted hint">{move || om().milestones_hint}</p>
            <button type="button" class="secondary add-milestone" on:click=move |_| draft.add_milestone()>{move || om().add_milestone}</button>
            <PlanFileTools draft frame/>
        </div>
    }
}

/// Labels a cell's input for assistive technology: the column's name and the row's number.
fn cell_label(column: &'static str, row: usize) -> String {
    format!("{column} · {row}")
}

#[component]
fn ItemRowView(
    draft: PlanDraft,
    row: ItemRow,
    id_counts: Memo<HashMap<String, usize>>,
    departments: StoredValue<Vec<DepartmentChoice>>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let index = move || draft.items.with(|rows| rows.iter().position(|r| r.key == row.key).unwrap_or(0));
    let label = move |column: fn(&OptionMessages) -> &'static str| move || cell_label(column(om()), index() + 1);
    let id_problem = move || {
        let id = row.id.with(|id| id.trim().to_string());
        let m = om();
        if id.is_empty() {
            Some(m.id_empty.to_string())
        } else if id.contains([',', '，', '、']) {
            Some(m.id_comma.to_string())
        } else if id_counts.with(|c| c.get(&id).copied().unwrap_or(0)) > 1 {
            Some(m.id_duplicate.to_string())
        } else {
            None
        }
    };
    let known_department = move || {
        let code = row.department.get();
        code.is_empty() || departments.with_value(|d| d.iter().any(|d| d.code == code))
    };
    let department_problem = move || {
        let code = row.department.get();
        if code.is_empty() {
            Some(om().department_missing.to_string())
        } else if !known_department() {
            Some(om().department_unknown(&code))
        } else {
            None
        }
    };
    let effort_problem = move || {
        row.effort.with(|e| parse_effort(e)).err().map(|e| match e {
            EffortError::Empty => om().effort_empty.to_string(),
            EffortError::OutOfRange => om().effort_range(MAX_DAYS),
        })
    };
    let after_problem = move || {
        let m = om();
        match row.after.with(|a| parse_predecessors(a)) {
            Err(e) => Some(list_error(m, &e)),
            Ok(after) => {
                let own = row.id.with(|id| id.trim().to_string());
                let missing: Vec<String> =
                    id_counts.with(|c| after.iter().filter(|p| !c.contains_key(p.id())).map(|p| p.id().to_string()).collect());
                if after.iter().any(|p| p.id() == own) {
                    Some(m.after_self.to_string())
                } else if !missing.is_empty() {
                    Some(m.after_unknown(missing.join(", ")))
                } else {
                    None
                }
            }
        }
    };
    let not_before_problem = move || row.not_before.with(|d| parse_not_before(d)).err().map(|_| om().date_invalid.to_string());
    let server_error = move || {
        let part = format!("plan.items[{}]", index());
        error.get().filter(|e| names_part(e, &part)).map(|e| view! { <span class="field-error" role="alert" data-field=e.field().unwrap_or_default().to_string()>{i18n.get().error(&e)}</span> })
    };
    view! {
        <tr class="plan-item" role="row" data-key=row.key>
            <td class="cell-id" role="cell">
                <input class="item-id" value=row.id.get_untracked() maxlength="100" spellcheck="false" aria-label=label(|m| m.item_id)
                    aria-invalid=move || id_problem().is_some().to_string() on:input=move |ev| row.id.set(event_target_value(&ev))/>
                {problem_view(id_problem)}
                {server_error}
            </td>
            <td class="cell-title" role="cell">
                <input class="item-title" value=row.title.get_untracked() maxlength=ITEM_TITLE_MAX.to_string() aria-label=label(|m| m.item_title)
                    on:input=move |ev| row.title.set(event_target_value(&ev))/>
            </td>
            <td class="cell-department" role="cell">
                <select class="item-department" aria-label=label(|m| m.department) aria-invalid=move || department_problem().is_some().to_string()
                    on:change=move |ev| row.department.set(event_target_value(&ev))>
                    <option value="" selected=row.department.get_untracked().is_empty()>"—"</option>
                    {departments.get_value().into_iter().map(|d| {
                        let selected = row.department.get_untracked() == d.code;
                        let value = d.code.clone();
                        view! { <option value=value selected=selected>{move || format!("{} ({})", d.name(i18n.get()), d.code)}</option> }
                    }).collect_view()}
                    // Read once, untracked: a code the organisation no longer has keeps an option of its own,
                    // so the loaded value shows; choosing another does not rebuild the list.
                    {(!untrack(known_department)).then(|| {
                        let code = row.department.get_untracked();
                        view! { <option value=code.clone() selected=true>{code.clone()}</option> }
                    })}
                </select>
                {problem_view(department_problem)}
            </td>
            <td class="cell-effort" role="cell">
                <input class="item-effort" type="number" min="1" max=MAX_DAYS.to_string() step="1" inputmode="numeric" value=row.effort.get_untracked()
                    aria-label=label(|m| m.effort_days) aria-invalid=move || effort_problem().is_some().to_string()
                    on:input=move |ev| row.effort.set(event_target_value(&ev))/>
                {problem_view(effort_problem)}
            </td>
            <td class="cell-after" role="cell">
                <input class="item-after" value=row.after.get_untracked() spellcheck="false" placeholder="a, b+2" aria-label=label(|m| m.predecessors)
                    aria-invalid=move || after_problem().is_some().to_string() on:input=move |ev| row.after.set(event_target_value(&ev))/>
                {problem_view(after_problem)}
            </td>
            <td class="cell-not-before" role="cell">
                <input class="item-not-before" type="date" value=row.not_before.get_untracked() aria-label=label(|m| m.not_before)
                    aria-invalid=move || not_before_problem().is_some().to_string() on:input=move |ev| row.not_before.set(event_target_value(&ev))/>
                {problem_view(not_before_problem)}
            </td>
            <td class="cell-actions" role="cell">
                <div class="row-actions">
                    <button type="button" class="secondary" aria-label=label(|m| m.move_up) title=move || om().move_up
                        on:click=move |_| draft.items.update(|l| move_row(l, row.key, -1, |r| r.key))>"↑"</button>
                    <button type="button" class="secondary" aria-label=label(|m| m.move_down) title=move || om().move_down
                        on:click=move |_| draft.items.update(|l| move_row(l, row.key, 1, |r| r.key))>"↓"</button>
                    <button type="button" class="secondary" aria-label=label(|m| m.remove_row) title=move || om().remove_row
                        on:click=move |_| draft.items.update(|l| l.retain(|r| r.key != row.key))>"✕"</button>
                </div>
            </td>
        </tr>
    }
}

/// A cell's problem, shown under it while it lasts.
fn problem_view(problem: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    move || problem().map(|p| view! { <span class="cell-error">{p}</span> })
}

/// A list error in words.
fn list_error(m: &OptionMessages, e: &ListError) -> String {
    match e {
        ListError::MissingId => m.list_missing_id.to_string(),
        ListError::BadLag { entry } => m.list_bad_lag(entry),
        ListError::LagNotAllowed { entry } => m.list_no_lag(entry),
        ListError::Repeated { id } => m.list_repeated(id),
    }
}

#[component]
fn MilestoneRowView(
    draft: PlanDraft,
    row: MilestoneRow,
    id_counts: Memo<HashMap<String, usize>>,
    milestone_ids: Memo<BTreeSet<String>>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let custom_index =
        move || draft.milestones.with(|rows| rows.iter().filter(|r| r.standard.is_none()).position(|r| r.key == row.key).unwrap_or(0));
    let label = move |column: fn(&OptionMessages) -> &'static str| {
        move || match row.standard {
            Some(s) => format!("{} · {}", column(om()), om().standard_milestone(s)),
            None => cell_label(column(om()), custom_index() + 1),
        }
    };
    let after_problem = move || {
        let m = om();
        match row.after.with(|a| parse_ids(a)) {
            Err(e) => Some(list_error(m, &e)),
            Ok(after) => {
                let own = row.id.with(|id| id.trim().to_string());
                let missing: Vec<String> = after
                    .iter()
                    .filter(|id| !id_counts.with(|c| c.contains_key(id.as_str())) && !milestone_ids.with(|ms| ms.contains(id.as_str())))
                    .cloned()
                    .collect();
                if after.contains(&own) {
                    Some(m.after_self.to_string())
                } else if !missing.is_empty() {
                    Some(m.after_unknown(missing.join(", ")))
                } else {
                    None
                }
            }
        }
    };
    let id_problem = move || {
        let id = row.id.with(|id| id.trim().to_string());
        if id.is_empty() {
            Some(om().id_empty.to_string())
        } else if id_counts.with(|c| c.contains_key(&id))
            || draft.milestones.with(|rows| rows.iter().filter(|r| r.id.with(|i| i.trim() == id)).count() > 1)
        {
            Some(om().id_duplicate.to_string())
        } else {
            None
        }
    };
    let server_error = move || {
        let position = draft.sent_milestones.with_value(|keys| keys.iter().position(|k| *k == row.key));
        let part = position.map(|p| format!("plan.milestones[{p}]"))?;
        error.get().filter(|e| names_part(e, &part)).map(|e| view! { <span class="field-error" role="alert">{i18n.get().error(&e)}</span> })
    };
    let waits_for_nothing = move || row.after.with(|a| parse_ids(a).is_ok_and(|ids| ids.is_empty()));
    let fill_last = move |_| {
        // The items nothing follows, from the cells as they are now (unparseable ones skipped).
        if let Ok(plan) = untrack(|| draft.plan()) {
            row.after.set(last_items(&plan.items).join(", "));
        } else {
            let items: Vec<ItemSpec> = draft.items.with_untracked(|rows| {
                rows.iter()
                    .map(|r| ItemSpec {
                        id: r.id.get_untracked().trim().to_string(),
                        name: None,
                        department: String::new(),
                        effort: 1,
                        not_before: None,
                        after: parse_predecessors(&r.after.get_untracked()).unwrap_or_default(),
                    })
                    .collect()
            });
            row.after.set(last_items(&items).join(", "));
        }
    };
    view! {
        <tr class="plan-milestone" class:standard=row.standard.is_some() data-id=move || row.id.get()>
            <td class="cell-milestone">
                {match row.standard {
                    Some(s) => view! {
                        <strong class="milestone-name">{move || om().standard_milestone(s)}</strong>
                        " " <code class="muted">{s.id()}</code>
                    }.into_any(),
                    None => view! {
                        <div class="milestone-custom">
                            <input class="milestone-id" value=row.id.get_untracked() maxlength="100" spellcheck="false" aria-label=label(|m| m.milestone_id)
                                aria-invalid=move || id_problem().is_some().to_string() on:input=move |ev| row.id.set(event_target_value(&ev))/>
                            <input class="milestone-name" value=row.name.get_untracked() maxlength=ITEM_TITLE_MAX.to_string() aria-label=label(|m| m.milestone_name)
                                placeholder=move || om().milestone_name on:input=move |ev| row.name.set(event_target_value(&ev))/>
                        </div>
                        {move || id_problem().map(|p| view! { <span class="cell-error">{p}</span> })}
                    }.into_any(),
                }}
                {server_error}
            </td>
            <td class="cell-after">
                <input class="milestone-after" value=row.after.get_untracked() spellcheck="false" aria-label=label(|m| m.milestone_after)
                    prop:value=move || row.after.get()
                    aria-invalid=move || after_problem().is_some().to_string() on:input=move |ev| row.after.set(event_target_value(&ev))/>
                {move || after_problem().map(|p| view! { <span class="cell-error">{p}</span> })}
                {move || (waits_for_nothing() && after_problem().is_none()).then(|| view! { <span class="muted cell-note">{om().milestone_unused}</span> })}
            </td>
            <td class="cell-actions">
                <div class="row-actions">
                    <button type="button" class="secondary fill-last" on:click=fill_last aria-label=label(|m| m.fill_last)>{move || om().fill_last}</button>
                    {row.standard.is_none().then(|| view! {
                        <button type="button" class="secondary" aria-label=label(|m| m.move_up) title=move || om().move_up
                            on:click=move |_| draft.milestones.update(|l| move_row(l, row.key, -1, |r| r.key))>"↑"</button>
                        <button type="button" class="secondary" aria-label=label(|m| m.move_down) title=move || om().move_down
                            on:click=move |_| draft.milestones.update(|l| move_row(l, row.key, 1, |r| r.key))>"↓"</button>
                        <button type="button" class="secondary" aria-label=label(|m| m.remove_row) title=move || om().remove_row
                            on:click=move |_| draft.milestones.update(|l| l.retain(|r| r.key != row.key))>"✕"</button>
                    })}
                </div>
            </td>
        </tr>
    }
}

/// Reads a plan file's text into the table; the error is in the person's language.
fn import_text(draft: PlanDraft, text: &str, problem: RwSignal<Option<String>>, locale: crate::i18n::Locale) {
    match Plan::from_json(text) {
        Ok(plan) => {
            draft.replace(&WorkPlan::from_plan(plan));
            problem.set(None);
        }
        Err(e) => problem.set(Some(ScheduleMessages::for_locale(locale).error(&e))),
    }
}

/// A link that downloads the plan file of `plan()` on `frame`. The address is made when the link
/// is clicked, before the browser follows it: the file is the plan as it is at that moment, and
/// nothing is serialised while people type. When `plan()` fails, its message goes to `problem`.
#[component]
pub fn ExportLink(
    plan: impl Fn() -> Result<WorkPlan, String> + Send + Sync + 'static,
    frame: PlanFrame,
    #[prop(optional)] problem: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let download = NodeRef::<leptos::html::A>::new();
    let export = move |ev: leptos::ev::MouseEvent| match plan() {
        Ok(plan) => {
            if let Some(p) = problem {
                p.set(None);
            }
            if let Some(a) = download.get_untracked() {
                a.set_href(&data_url(&export_json(&plan, &frame)));
            }
        }
        Err(message) => {
            ev.prevent_default();
            if let Some(p) = problem {
                p.set(Some(message));
            }
        }
    };
    view! {
        <a node_ref=download class="button secondary export-plan" href="#" download="plan.json" on:click=export>
            {move || OptionMessages::of(i18n.get()).export_plan}
        </a>
    }
}

/// Import (paste or choose a file) and export (download) of the plan file.
#[component]
fn PlanFileTools(draft: PlanDraft, frame: PlanFrame) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let pasted = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let imported = RwSignal::new(false);
    let frame = StoredValue::new(frame);
    let import_pasted = move |_| {
        import_text(draft, &pasted.get_untracked(), problem, i18n.locale.get_untracked());
        imported.set(problem.with_untracked(Option::is_none));
    };
    let on_file = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            leptos::task::spawn_local(async move {
                if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    import_text(draft, &text.as_string().unwrap_or_default(), problem, i18n.locale.get_untracked());
                    imported.set(problem.with_untracked(Option::is_none));
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let current = move || untrack(|| draft.plan()).map_err(|n| OptionMessages::of(i18n.locale.get_untracked()).fix_cells(n));
    view! {
        <details class="plan-file">
            <summary>{move || om().plan_file}</summary>
            <p class="muted">{move || om().plan_file_hint}</p>
            <label><span>{move || om().paste_plan}</span>
                <textarea name="plan-file-text" rows="6" spellcheck="false" prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea></label>
            <div class="row-actions">
                <button type="button" class="secondary import-plan" on:click=import_pasted>{move || om().import_pasted}</button>
                <label class="file-button"><span>{move || om().import_file}</span>
                    <input type="file" name="plan-file" accept=".json,application/json" on:change=on_file/></label>
                <ExportLink plan=current frame=frame.get_value() problem/>
            </div>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
            <Show when=move || imported.get()><p class="notice" role="status">{move || om().imported}</p></Show>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Predecessor {
        Predecessor::Id(s.into())
    }

    fn lag(s: &str, n: i64) -> Predecessor {
        Predecessor::WithLag { id: s.into(), lag: n }
    }

    #[test]
    fn predecessors_are_ids_with_an_optional_lag() {
        let cases: &[(&str, Vec<Predecessor>)] = &[
            ("", vec![]),
            ("  ", vec![]),
            ("a", vec![id("a")]),
            ("a, b+2", vec![id("a"), lag("b", 2)]),
            ("a ,b + 2 ,", vec![id("a"), lag("b", 2)]),
            ("a，b、c+1", vec![id("a"), id("b"), lag("c", 1)]),
            ("b api+3", vec![lag("b api", 3)]),
            ("a+0", vec![id("a")]),
            ("x+y+4", vec![lag("x+y", 4)]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_predecessors(text).as_ref(), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn malformed_predecessors_are_refused_with_the_entry_at_fault() {
        let cases: &[(&str, ListError, &str)] = &[
            ("+2", ListError::MissingId, "a lag without an id"),
            ("a, b+", ListError::BadLag { entry: "b+".into() }, "a plus without a number"),
            ("a+x", ListError::BadLag { entry: "a+x".into() }, "a lag that is not a number"),
            ("a+-1", ListError::BadLag { entry: "a+-1".into() }, "a negative lag"),
            ("a+1.5", ListError::BadLag { entry: "a+1.5".into() }, "a fractional lag"),
            ("a+99999", ListError::BadLag { entry: "a+99999".into() }, "a lag beyond the engine's maximum"),
            ("a, a+1", ListError::Repeated { id: "a".into() }, "the same predecessor twice"),
        ];
        for (text, expected, why) in cases {
            assert_eq!(parse_predecessors(text).as_ref(), Err(expected), "{why}: {text:?}");
        }
    }

    #[test]
    fn formatted_predecessors_parse_back_to_the_same_list() {
        let lists = vec![vec![], vec![id("a")], vec![id("a"), lag("b", 2)], vec![id("c+d")], vec![lag("e+f", 3), id("g h")]];
        for after in lists {
            let text = format_predecessors(&after);
            assert_eq!(parse_predecessors(&text), Ok(after.clone()), "{text:?}");
        }
        assert_eq!(format_predecessors(&[id("a"), lag("b", 2)]), "a, b+2");
    }

    #[test]
    fn a_milestone_lists_ids_without_lags() {
        assert_eq!(parse_ids("a, b，c"), Ok(vec!["a".to_string(), "b".into(), "c".into()]));
        assert_eq!(parse_ids("a+2"), Err(ListError::LagNotAllowed { entry: "a+2".into() }));
        assert_eq!(parse_ids("a, a"), Err(ListError::Repeated { id: "a".into() }));
        assert_eq!(parse_ids(" , "), Ok(vec![]));
    }

    #[test]
    fn effort_is_a_whole_number_of_working_days_from_one() {
        let cases: &[(&str, Result<i64, EffortError>)] = &[
            ("3", Ok(3)),
            (" 12 ", Ok(12)),
            ("", Err(EffortError::Empty)),
            ("0", Err(EffortError::OutOfRange)),
            ("-1", Err(EffortError::OutOfRange)),
            ("2.5", Err(EffortError::OutOfRange)),
            ("3d", Err(EffortError::OutOfRange)),
            ("10001", Err(EffortError::OutOfRange)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_effort(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn not_before_is_an_iso_date_or_nothing() {
        assert_eq!(parse_not_before(""), Ok(None));
        assert_eq!(parse_not_before("2026-03-02").map(|d| d.map(|d| d.to_string())), Ok(Some("2026-03-02".into())));
        assert!(parse_not_before("2026-02-30").is_err());
        assert!(parse_not_before("3/2/2026").is_err());
    }

    #[test]
    fn the_last_items_are_those_nothing_follows() {
        let item = |i: &str, after: &[&str]| ItemSpec {
            id: i.into(),
            name: None,
            department: "A".into(),
            effort: 1,
            not_before: None,
            after: after.iter().map(|a| id(a)).collect(),
        };
        let items = vec![item("a", &[]), item("b", &["a"]), item("c", &["a"]), item("d", &["b"])];
        assert_eq!(last_items(&items), vec!["c", "d"]);
    }

    #[test]
    fn fresh_ids_skip_taken_ones() {
        let taken: BTreeSet<String> = ["w1", "w2", "w4"].into_iter().map(String::from).collect();
        assert_eq!(fresh_id("w", &taken), "w3");
    }

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
