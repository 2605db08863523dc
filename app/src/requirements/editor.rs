//! The requirement form, for creating and for editing: fields, an ordered list of scenarios and
//! the change points per department, each list with add, remove and reorder.
//!
//! No lost update: an edit remembers the revision it started from. When someone saved in between,
//! the server refuses the save; the form keeps everything typed, shows who saved and what they
//! changed (the diff from the starting revision to theirs), and the next save applies only the
//! fields this person changed on top of theirs — their other edits stay.

use super::api::{create_requirement, diff_revisions, update_requirement};
use super::diff_view::DiffView;
use super::dto::{DepartmentOption, DiffDto, OwnerOption, RequirementInput, RequirementPatch};
use super::messages::RequirementMessages;
use crate::domain::requirement_content::{ChangePoint, Priority, RequirementContent, Scenario};
use crate::error::AppError;
use crate::t;
use crate::ui::forms::ItemFieldError;
use crate::ui::submit::submit_or;
use crate::ui::{use_i18n, FieldError};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// One scenario row being edited. `key` identifies the row on screen; `id` is the stored id
/// (empty for a new scenario).
#[derive(Clone, Copy)]
struct ScenarioDraft {
    key: usize,
    id: StoredValue<String>,
    name: RwSignal<String>,
    given: RwSignal<String>,
    when: RwSignal<String>,
    then: RwSignal<String>,
    notes: RwSignal<String>,
}

#[derive(Clone, Copy)]
struct PointDraft {
    key: usize,
    id: StoredValue<String>,
    department_id: RwSignal<String>,
    text: RwSignal<String>,
}

/// Everything the form holds.
#[derive(Clone, Copy)]
struct Draft {
    title: RwSignal<String>,
    background: RwSignal<String>,
    goal: RwSignal<String>,
    priority: RwSignal<String>,
    owner_id: RwSignal<String>,
    scenarios: RwSignal<Vec<ScenarioDraft>>,
    points: RwSignal<Vec<PointDraft>>,
    summary: RwSignal<String>,
    next_key: StoredValue<usize>,
    /// What the form was loaded with: an edit sends only what differs from it, so a save after a
    /// conflict keeps the other person's changes to fields this person did not touch.
    initial: StoredValue<Option<RequirementContent>>,
}

impl Draft {
    fn new(content: Option<&RequirementContent>, default_owner: String) -> Self {
        let draft = Draft {
            title: RwSignal::new(content.map(|c| c.title.clone()).unwrap_or_default()),
            background: RwSignal::new(content.map(|c| c.background.clone()).unwrap_or_default()),
            goal: RwSignal::new(content.map(|c| c.goal.clone()).unwrap_or_default()),
            priority: RwSignal::new(content.map(|c| c.priority).unwrap_or(Priority::Medium).as_str().to_string()),
            owner_id: RwSignal::new(content.map(|c| c.owner_id.clone()).unwrap_or(default_owner)),
            scenarios: RwSignal::new(vec![]),
            points: RwSignal::new(vec![]),
            summary: RwSignal::new(String::new()),
            next_key: StoredValue::new(0),
            initial: StoredValue::new(content.cloned()),
        };
        for s in content.map(|c| c.scenarios.clone()).unwrap_or_default() {
            draft.push_scenario(s);
        }
        for p in content.map(|c| c.change_points.clone()).unwrap_or_default() {
            draft.push_point(p);
        }
        draft
    }

    fn key(&self) -> usize {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    fn push_scenario(&self, s: Scenario) {
        let row = ScenarioDraft {
            key: self.key(),
            id: StoredValue::new(s.id),
            name: RwSignal::new(s.name),
            given: RwSignal::new(s.given),
            when: RwSignal::new(s.when),
            then: RwSignal::new(s.then),
            notes: RwSignal::new(s.notes),
        };
        self.scenarios.update(|list| list.push(row));
    }

    fn push_point(&self, p: ChangePoint) {
        let row = PointDraft {
            key: self.key(),
            id: StoredValue::new(p.id),
            department_id: RwSignal::new(p.department_id),
            text: RwSignal::new(p.text),
        };
        self.points.update(|list| list.push(row));
    }

    fn scenarios_value(&self) -> Vec<Scenario> {
        self.scenarios
            .get_untracked()
            .iter()
            .map(|s| Scenario {
                id: s.id.get_value(),
                name: s.name.get_untracked(),
                given: s.given.get_untracked(),
                when: s.when.get_untracked(),
                then: s.then.get_untracked(),
                notes: s.notes.get_untracked(),
            })
            .collect()
    }

    fn points_value(&self) -> Vec<ChangePoint> {
        self.points
            .get_untracked()
            .iter()
            .map(|p| ChangePoint { id: p.id.get_value(), department_id: p.department_id.get_untracked(), text: p.text.get_untracked() })
            .collect()
    }

    fn input(&self) -> RequirementInput {
        RequirementInput {
            title: self.title.get_untracked(),
            background: self.background.get_untracked(),
            goal: self.goal.get_untracked(),
            priority: Some(self.priority.get_untracked()),
            owner_id: Some(self.owner_id.get_untracked()),
            scenarios: self.scenarios_value(),
            change_points: self.points_value(),
            summary: self.summary.get_untracked(),
        }
    }

    /// The fields that differ from what the form was loaded with.
    fn patch(&self, version: i64) -> RequirementPatch {
        let initial = self.initial.get_value();
        let changed = |value: String, old: Option<&String>| (old != Some(&value)).then_some(value);
        let scenarios = self.scenarios_value();
        let change_points = self.points_value();
        RequirementPatch {
            version: Some(version),
            title: changed(self.title.get_untracked(), initial.as_ref().map(|c| &c.title)),
            background: changed(self.background.get_untracked(), initial.as_ref().map(|c| &c.background)),
            goal: changed(self.goal.get_untracked(), initial.as_ref().map(|c| &c.goal)),
            priority: changed(self.priority.get_untracked(), initial.as_ref().map(|c| c.priority.as_str().to_string()).as_ref()),
            owner_id: changed(self.owner_id.get_untracked(), initial.as_ref().map(|c| &c.owner_id)),
            scenarios: (initial.as_ref().map(|c| &c.scenarios) != Some(&scenarios)).then_some(scenarios),
            change_points: (initial.as_ref().map(|c| &c.change_points) != Some(&change_points)).then_some(change_points),
            summary: Some(self.summary.get_untracked()),
        }
    }
}

/// A row of one of the form's lists, known by its on-screen key.
trait Row: Copy + Send + Sync + 'static {
    fn key(&self) -> usize;
}

impl Row for ScenarioDraft {
    fn key(&self) -> usize {
        self.key
    }
}

impl Row for PointDraft {
    fn key(&self) -> usize {
        self.key
    }
}

/// Moves the row with `key` one place up (`-1`) or down (`+1`).
fn move_row<T: Row>(list: &mut [T], key: usize, delta: isize) {
    if let Some(i) = list.iter().position(|r| r.key() == key) {
        let j = i as isize + delta;
        if j >= 0 && (j as usize) < list.len() {
            list.swap(i, j as usize);
        }
    }
}

/// Move up, move down and remove, for one row of a list.
#[component]
fn RowActions<T: Row>(rows: RwSignal<Vec<T>>, key: usize) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    view! {
        <div class="row-actions">
            <button type="button" class="secondary" on:click=move |_| rows.update(|l| move_row(l, key, -1))>{move || rm().move_up}</button>
            <button type="button" class="secondary" on:click=move |_| rows.update(|l| move_row(l, key, 1))>{move || rm().move_down}</button>
            <button type="button" class="secondary" on:click=move |_| rows.update(|l| l.retain(|r| r.key() != key))>{t!(i18n, remove)}</button>
        </div>
    }
}

/// What the form saves into: a new requirement of a project, or a new revision of one.
#[derive(Clone)]
pub enum EditTarget {
    New { project_id: String },
    Existing { requirement_id: String, version: i64 },
}

#[component]
pub fn RequirementEditor(
    target: EditTarget,
    content: Option<RequirementContent>,
    departments: Vec<DepartmentOption>,
    owners: Vec<OwnerOption>,
    default_owner: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let draft = Draft::new(content.as_ref(), default_owner);
    let (base_version, requirement_id, project_id) = match &target {
        EditTarget::New { project_id } => (0, String::new(), project_id.clone()),
        EditTarget::Existing { requirement_id, version } => (*version, requirement_id.clone(), String::new()),
    };
    let base = RwSignal::new(base_version);
    let their_change = RwSignal::new(None::<DiffDto>);
    let navigate = use_navigate();
    let save = submit_or(
        move |_: &()| {
            let (requirement_id, project_id) = (requirement_id.clone(), project_id.clone());
            async move {
                if requirement_id.is_empty() {
                    create_requirement(project_id, draft.input()).await
                } else {
                    update_requirement(requirement_id, draft.patch(base.get_untracked())).await
                }
            }
        },
        move |saved| navigate(&format!("/requirements/{}", saved.id), Default::default()),
        move |e| show_their_change(e, &target, base, their_change),
    );
    let error = save.error;
    let error_signal: Signal<Option<AppError>> = error.into();
    let departments = StoredValue::new(departments);
    let priorities = Priority::ALL;
    view! {
        <form class="card requirement-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(());
        }>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-code=e.code()>{i18n.get().error(&e)}</p> })}
            {move || their_change.get().map(|d| view! {
                <section class="their-change" aria-live="polite">
                    <h3>{move || rm().their_change}</h3>
                    <DiffView diff=d.clone() heading_level=4/>
                </section>
            })}
            <label><span>{move || rm().title}</span>
                <input name="title" value=draft.title.get_untracked() maxlength="200" required
                    on:input=move |ev| draft.title.set(event_target_value(&ev))/></label>
            <FieldError error=error_signal field="title"/>
            <div class="row">
                <label><span>{move || rm().priority}</span>
                    <select name="priority" on:change=move |ev| draft.priority.set(event_target_value(&ev))>
                        {priorities.into_iter().map(|p| view! {
                            <option value=p.as_str() selected=draft.priority.get_untracked() == p.as_str()>{move || rm().priority_name(p)}</option>
                        }).collect_view()}
                    </select></label>
                <label><span>{move || rm().owner}</span>
                    <select name="owner_id" on:change=move |ev| draft.owner_id.set(event_target_value(&ev))>
                        {owners.into_iter().map(|o| view! {
                            <option value=o.id.clone() selected=draft.owner_id.get_untracked() == o.id>{format!("{} (@{})", o.display_name, o.username)}</option>
                        }).collect_view()}
                    </select></label>
            </div>
            <FieldError error=error_signal field="priority"/>
            <FieldError error=error_signal field="owner_id"/>
            <label><span>{move || rm().background}</span>
                <textarea name="background" rows="8" aria-describedby="background-hint" aria-label=move || rm().background
                    on:input=move |ev| draft.background.set(event_target_value(&ev))>{draft.background.get_untracked()}</textarea></label>
            <small id="background-hint" class="muted">{move || rm().background_hint}</small>
            <FieldError error=error_signal field="background"/>
            <label><span>{move || rm().goal}</span>
                <textarea name="goal" rows="3" aria-label=move || rm().goal on:input=move |ev| draft.goal.set(event_target_value(&ev))>{draft.goal.get_untracked()}</textarea></label>
            <FieldError error=error_signal field="goal"/>

            <fieldset class="scenarios">
                <legend>{move || rm().scenarios}</legend>
                <Show when=move || draft.scenarios.with(|s| s.is_empty())><p class="muted">{move || rm().no_scenarios}</p></Show>
                <ol>
                    <For each=move || draft.scenarios.get() key=|s| s.key let:s>
                        {
                            let index = move || draft.scenarios.with(|list| list.iter().position(|r| r.key == s.key).unwrap_or(0));
                            let err = move |part: &'static str| {
                                let field = Signal::derive(move || format!("scenarios[{}].{part}", index()));
                                view! { <ItemFieldError error=error_signal field/> }
                            };
                            view! {
                                <li class="scenario">
                                    <label><span>{move || rm().scenario_name}</span>
                                        <input class="scenario-name" value=s.name.get_untracked() maxlength="500"
                                            on:input=move |ev| s.name.set(event_target_value(&ev))/></label>
                                    {err("name")}
                                    <div class="gwt">
                                        <label><span>{move || rm().given}</span>
                                            <textarea class="scenario-given" rows="2" aria-label=move || rm().given on:input=move |ev| s.given.set(event_target_value(&ev))>{s.given.get_untracked()}</textarea></label>
                                        <label><span>{move || rm().when}</span>
                                            <textarea class="scenario-when" rows="2" aria-label=move || rm().when on:input=move |ev| s.when.set(event_target_value(&ev))>{s.when.get_untracked()}</textarea></label>
                                        <label><span>{move || rm().then}</span>
                                            <textarea class="scenario-then" rows="2" aria-label=move || rm().then on:input=move |ev| s.then.set(event_target_value(&ev))>{s.then.get_untracked()}</textarea></label>
                                    </div>
                                    <label><span>{move || rm().notes}</span>
                                        <textarea class="scenario-notes" rows="2" aria-label=move || rm().notes on:input=move |ev| s.notes.set(event_target_value(&ev))>{s.notes.get_untracked()}</textarea></label>
                                    <RowActions rows=draft.scenarios key=s.key/>
                                </li>
                            }
                        }
                    </For>
                </ol>
                <button type="button" class="secondary add-scenario" on:click=move |_| draft.push_scenario(Scenario::default())>{move || rm().add_scenario}</button>
            </fieldset>

            <fieldset class="change-points">
                <legend>{move || rm().change_points}</legend>
                <Show when=move || draft.points.with(|p| p.is_empty())><p class="muted">{move || rm().no_change_points}</p></Show>
                <ul>
                    <For each=move || draft.points.get() key=|p| p.key let:p>
                        {
                            let index = move || draft.points.with(|list| list.iter().position(|r| r.key == p.key).unwrap_or(0));
                            let err = move |part: &'static str| {
                                let field = Signal::derive(move || format!("change_points[{}].{part}", index()));
                                view! { <ItemFieldError error=error_signal field/> }
                            };
                            view! {
                                <li class="change-point">
                                    <label><span>{t!(i18n, department)}</span>
                                        <select class="change-point-department" on:change=move |ev| p.department_id.set(event_target_value(&ev))>
                                            <option value="" selected=p.department_id.get_untracked().is_empty()>"—"</option>
                                            {departments.get_value().into_iter().map(|d| {
                                                let selected = p.department_id.get_untracked() == d.id;
                                                let value = d.id.clone();
                                                view! { <option value=value selected=selected>{move || d.label(i18n.get())}</option> }
                                            }).collect_view()}
                                        </select></label>
                                    {err("department_id")}
                                    <label><span>{move || rm().change_point_text}</span>
                                        <input class="change-point-text" value=p.text.get_untracked() maxlength="500"
                                            on:input=move |ev| p.text.set(event_target_value(&ev))/></label>
                                    {err("text")}
                                    <RowActions rows=draft.points key=p.key/>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <button type="button" class="secondary add-change-point" on:click=move |_| draft.push_point(ChangePoint::default())>{move || rm().add_change_point}</button>
            </fieldset>

            <label><span>{move || rm().summary}</span>
                <input name="summary" maxlength="500" on:input=move |ev| draft.summary.set(event_target_value(&ev))/></label>
            <FieldError error=error_signal field="summary"/>
            <button type="submit" disabled=move || save.pending()>{t!(i18n, save)}</button>
        </form>
    }
}

/// After an edit conflict: fetch what the other person changed and move the base on, so the next
/// save (after reading it) goes on top of theirs.
fn show_their_change(e: &AppError, target: &EditTarget, base: RwSignal<i64>, their_change: RwSignal<Option<DiffDto>>) {
    if let (AppError::EditConflict { current_revision, .. }, EditTarget::Existing { requirement_id, .. }) = (e, target) {
        let (id, from, to) = (requirement_id.clone(), base.get_untracked(), *current_revision);
        leptos::task::spawn_local(async move {
            if let Ok(diff) = diff_revisions(id, from, to).await {
                their_change.set(Some(diff));
            }
            base.set(to);
        });
    }
}
