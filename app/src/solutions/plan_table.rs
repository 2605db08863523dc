//! The work-plan editor's view: a table of work items (id, title, department, effort,
//! predecessors with lag, not-before) and a table of milestones (the four standard ones and custom
//! ones), each row with add, remove and reorder, plus import and export of the engine's plan file.
//!
//! Every cell is its own signal (the draft model, [`PlanDraft`], is in [`super::plan_draft`]), so
//! typing in one re-renders only that cell's checks. Text cells are parsed strictly by
//! [`crate::domain::plan_cells`]: a cell that does not parse is marked where it is and the plan is
//! not scheduled until it is fixed. Mistakes the engine finds (an unknown id, a cycle) are the
//! engine's to report, but the common ones — a duplicate id, a predecessor that is not an item —
//! are marked on the row too.

use super::dto::DepartmentChoice;
use super::messages::OptionMessages;
use super::plan_draft::{data_url, export_json, move_row, names_part, ItemRow, MilestoneRow, PlanDraft};
use crate::domain::plan_cells::{
    last_items, parse_effort, parse_ids, parse_not_before, parse_predecessors, EffortError, ListError, MAX_DAYS,
};
use crate::domain::schedule::{ItemSpec, Plan};
use crate::domain::solutions::{PlanFrame, WorkPlan, ITEM_TITLE_MAX};
use crate::error::AppError;
use crate::schedule::messages::ScheduleMessages;
use crate::ui::use_i18n;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

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
            // Focusable, so the keyboard can scroll a table wider than the screen.
            <div class="plan-table-wrap" tabindex="0" role="group" aria-label=move || om().work_items>
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

            <div class="plan-table-wrap" tabindex="0" role="group" aria-label=move || om().milestones>
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
            Some(s) => format!("{} · {}", column(om()), ScheduleMessages::for_locale(i18n.get()).standard_milestone(s)),
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
        let position = draft.sent_position(row.key);
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
                        <strong class="milestone-name">{move || ScheduleMessages::for_locale(i18n.get()).standard_milestone(s)}</strong>
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
