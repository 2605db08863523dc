//! The meeting page, where a meeting is run: its facts and invitees, the status buttons (start,
//! close), the agenda with minutes per item, attendance, decisions and action items while it is in
//! progress, amendments once it is closed, and the `.ics` download. Forms appear only for people
//! who may run the meeting, and only in the status that allows them; the server checks both again.

use super::api::{
    add_action_item, add_agenda_item, amend_meeting, change_meeting_status, load_meeting_page, record_decision, save_attendance,
    save_minutes,
};
use super::dto::*;
use super::pages::{mm, page_action, person_label, when, ActionTable, DecisionView, MeetingError, PeoplePicker};
use crate::domain::meetings::{MeetingStatus, SubjectKind};
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MeetingPage() -> impl IntoView {
    view! { <RequireLogin><MeetingView/></RequireLogin> }
}

#[component]
fn MeetingView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    // Bumped after every change, so the page's data reloads.
    let changes = RwSignal::new(0u32);
    let page = Resource::new(move || (id(), changes.get()), |(id, _)| load_meeting_page(id));
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <MeetingContent data changes/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn MeetingContent(data: MeetingPageData, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let MeetingPageData { detail: d, choices } = data;
    let s = d.meeting.clone();
    let (status, kind, can_edit) = (s.status, s.kind, d.can_edit);
    let id = StoredValue::new(s.id.clone());
    let set_status = page_action(changes, move |to: String| change_meeting_status(id.get_value(), to));
    let status_error = Signal::from(set_status.error);
    let running = can_edit && status == MeetingStatus::InProgress;
    let people = StoredValue::new(choices.people.clone());
    let subjects = StoredValue::new(choices.subjects.clone());
    let invitees = d.invitees.iter().map(person_label).collect::<Vec<_>>().join(", ");
    let closed_by = d.closed_by_name.clone().unwrap_or_default();
    view! {
        <PageTitle text={let t = s.title.clone(); move || t.clone()}/>
        <div class="page-title">
            <h1>{s.title.clone()}</h1>
            <a class="button ics-link" href=format!("/api/v1/meetings/{}/calendar.ics", s.id) download>{move || m().download_ics}</a>
        </div>
        <p><A href=format!("/projects/{}/meetings", s.project_id)>{d.project_name.clone()} " · " {move || m().meetings}</A></p>
        <dl class="facts">
            <dt>{move || m().status}</dt>
            <dd><span class=format!("status meeting-status status-{}", status.as_str()) data-status=status.as_str()>{move || m().status(status)}</span></dd>
            <dt>{move || m().kind}</dt><dd>{move || m().kind(kind)}</dd>
            <dt>{move || m().when}</dt><dd>{format!("{} – {} ({})", when(s.starts_at, &s.time_zone), when(s.ends_at, &s.time_zone), s.time_zone)}</dd>
            <dt>{move || m().place}</dt><dd>{s.place.clone()}</dd>
            <dt>{move || m().invitees}</dt><dd>{invitees}</dd>
            <dt></dt><dd class="muted">{move || m().organised_by(&d.created_by_name)}</dd>
        </dl>
        <MeetingError error=status_error/>
        {(can_edit && status == MeetingStatus::Planned).then(|| view! {
            <p class="muted">{move || m().planned_note}</p>
            <button type="button" class="start-meeting" on:click=move |_| { set_status.dispatch("in_progress".into()); }>{move || m().start_meeting}</button>
        })}
        {(status == MeetingStatus::Closed).then(|| view! { <p class="locked-note" role="status">{move || m().closed_note(&closed_by)}</p> })}

        <section class="agenda">
            <h2>{move || m().agenda}</h2>
            <ol>
                {d.agenda.into_iter().map(|a| view! { <AgendaItem item=a running changes/> }).collect_view()}
            </ol>
            {(can_edit && status != MeetingStatus::Closed).then(|| view! { <AgendaForm id=s.id.clone() subjects=subjects.get_value() changes/> })}
        </section>

        <section class="attendance">
            <h2>{move || m().attendance}</h2>
            {if d.attendance.is_empty() {
                view! { <p class="muted">{move || m().no_attendance}</p> }.into_any()
            } else {
                view! { <ul>{d.attendance.iter().map(|a| view! { <li data-id=a.user_id.clone()>{format!("{} ({})", a.name, a.department_code)}</li> }).collect_view()}</ul> }.into_any()
            }}
            {running.then(|| view! { <AttendanceForm id=s.id.clone() people=people.get_value() came=d.attendance.iter().map(|a| a.user_id.clone()).collect() version=d.attendance_version changes/> })}
        </section>

        <section class="meeting-decisions">
            <h2>{move || m().decisions}</h2>
            {if d.decisions.is_empty() {
                view! { <p class="muted">{move || m().no_decisions}</p> }.into_any()
            } else {
                view! { <ul>{d.decisions.clone().into_iter().map(|d| view! { <DecisionView d/> }).collect_view()}</ul> }.into_any()
            }}
            {running.then(|| view! { <DecisionForm id=s.id.clone() people=people.get_value() subjects=subjects.get_value() changes/> })}
        </section>

        <section class="action-items">
            <h2>{move || m().action_items}</h2>
            {if d.action_items.is_empty() {
                view! { <p class="muted">{move || m().no_action_items}</p> }.into_any()
            } else {
                view! { <ActionTable items=d.action_items.clone() show_project=false changes/> }.into_any()
            }}
            {running.then(|| view! { <ActionForm id=s.id.clone() people=people.get_value() changes/> })}
        </section>

        {running.then(|| view! {
            <section class="close">
                <p class="muted">{move || m().close_warning}</p>
                <button type="button" class="close-meeting" on:click=move |_| { set_status.dispatch("closed".into()); }>{move || m().close_meeting}</button>
            </section>
        })}

        {(status == MeetingStatus::Closed).then(|| view! {
            <section class="amendments">
                <h2>{move || m().amendments}</h2>
                <p class="muted">{move || m().amendment_intro}</p>
                <ul>
                    {d.amendments.iter().map(|a| view! {
                        <li class="amendment" data-id=a.id.clone()>
                            <p class="muted">{m().amended_by(&a.author_name)} " · " {when(a.created_at, "Asia/Shanghai")}</p>
                            <p class="amendment-text">{a.text.clone()}</p>
                        </li>
                    }).collect_view()}
                </ul>
                {can_edit.then(|| view! { <AmendForm id=s.id.clone() people=people.get_value() decisions=d.decisions.clone() changes/> })}
            </section>
        })}
    }
}

#[component]
fn AgendaItem(item: AgendaItemDto, running: bool, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let item_id = StoredValue::new(item.id.clone());
    let minutes = RwSignal::new(item.minutes.clone());
    let version = item.version;
    let save = page_action(changes, move |text: String| save_minutes(item_id.get_value(), text, version));
    let error = Signal::from(save.error);
    let has_minutes = !item.minutes.trim().is_empty();
    view! {
        <li class="agenda-item" data-id=item.id.clone()>
            <h3>{item.title.clone()}</h3>
            {item.link.clone().map(|l| {
                let kind = l.kind;
                view! { <p class="muted">{move || m().about} ": " <A href=l.path.clone() attr:class="subject-link">{move || m().subject(kind)} " " {l.label.clone()}</A></p> }
            })}
            {if running {
                view! {
                    <label>{move || m().minutes}
                        <textarea class="minutes-input" rows="4" prop:value=minutes on:input=move |e| minutes.set(event_target_value(&e))></textarea>
                    </label>
                    <MeetingError error/>
                    <button type="button" class="save-minutes" on:click=move |_| { save.dispatch(minutes.get_untracked()); }>{move || m().save_minutes}</button>
                }.into_any()
            } else {
                ().into_any()
            }}
            {if has_minutes {
                view! { <div class="minutes markdown" inner_html=item.minutes_html.clone()></div> }.into_any()
            } else if !running {
                view! { <p class="muted">{move || m().no_minutes}</p> }.into_any()
            } else {
                ().into_any()
            }}
            {item.minutes_updated_by_name.clone().map(|n| view! { <p class="muted small">{move || m().minutes_by(&n)}</p> })}
        </li>
    }
}

/// A `<select>` of the project's requirements, options and change requests (or nothing).
#[component]
fn SubjectSelect(subjects: Vec<SubjectLinkDto>, selected: RwSignal<String>, name: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    view! {
        <select name=name on:change=move |e| selected.set(event_target_value(&e))>
            <option value="">{move || m().nothing_linked}</option>
            {subjects.into_iter().map(|s| {
                let kind = s.kind;
                view! { <option value=format!("{}:{}", s.kind.as_str(), s.id)>{move || m().subject(kind)} " · " {s.label.clone()}</option> }
            }).collect_view()}
        </select>
    }
}

fn parse_subject(value: &str) -> Option<SubjectRef> {
    let (kind, id) = value.split_once(':')?;
    Some(SubjectRef { kind: SubjectKind::parse(kind, "link").ok()?, id: id.to_string() })
}

#[component]
fn AgendaForm(id: String, subjects: Vec<SubjectLinkDto>, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let id = StoredValue::new(id);
    let (title, link) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add = page_action(changes, move |input: AgendaItemInput| add_agenda_item(id.get_value(), input));
    let error = Signal::from(add.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add.dispatch(AgendaItemInput { title: title.get_untracked(), link: parse_subject(&link.get_untracked()), version: None });
    };
    view! {
        <form class="agenda-form" on:submit=submit novalidate>
            <h3>{move || m().add_agenda_item}</h3>
            <MeetingError error/>
            <label>{move || m().title}<input name="agenda_title" prop:value=title on:input=move |e| title.set(event_target_value(&e))/></label>
            <label>{move || m().about}<SubjectSelect subjects selected=link name="agenda_link"/></label>
            <button type="submit">{move || m().add}</button>
        </form>
    }
}

#[component]
fn AttendanceForm(id: String, people: Vec<PersonRef>, came: Vec<String>, version: i64, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let id = StoredValue::new(id);
    let selected = RwSignal::new(came);
    let save = page_action(changes, move |ids: Vec<String>| save_attendance(id.get_value(), ids, version));
    let error = Signal::from(save.error);
    view! {
        <form class="attendance-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(selected.get_untracked()); }>
            <PeoplePicker people selected name="attendee"/>
            <MeetingError error/>
            <button type="submit">{move || m().save_attendance}</button>
        </form>
    }
}

#[component]
fn DecisionForm(id: String, people: Vec<PersonRef>, subjects: Vec<SubjectLinkDto>, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let id = StoredValue::new(id);
    let (text, makers, link) = (RwSignal::new(String::new()), RwSignal::new(Vec::<String>::new()), RwSignal::new(String::new()));
    let save = page_action(changes, move |input: MeetingDecisionInput| record_decision(id.get_value(), input));
    let error = Signal::from(save.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(MeetingDecisionInput {
            text: text.get_untracked(),
            maker_ids: makers.get_untracked(),
            links: parse_subject(&link.get_untracked()).into_iter().collect(),
            corrects_id: None,
        });
    };
    view! {
        <form class="meeting-decision-form" on:submit=submit novalidate>
            <MeetingError error/>
            <label>{move || m().decision_text}
                <textarea name="decision_text" rows="2" prop:value=text on:input=move |e| text.set(event_target_value(&e))></textarea>
            </label>
            <MeetingError error field="text"/>
            <fieldset><legend>{move || m().makers}</legend><PeoplePicker people selected=makers name="maker"/></fieldset>
            <MeetingError error field="maker_ids"/>
            <label>{move || m().links}<SubjectSelect subjects selected=link name="decision_link"/></label>
            <button type="submit" class="record-decision">{move || m().record_decision}</button>
        </form>
    }
}

#[component]
fn ActionForm(id: String, people: Vec<PersonRef>, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let id = StoredValue::new(id);
    let (title, owner, due) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let save = page_action(changes, move |input: ActionItemInput| add_action_item(id.get_value(), input));
    let error = Signal::from(save.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(ActionItemInput {
            title: title.get_untracked(),
            owner_id: owner.get_untracked(),
            due_on: due.get_untracked(),
            version: None,
        });
    };
    view! {
        <form class="action-form" on:submit=submit novalidate>
            <MeetingError error/>
            <label>{move || m().action_title}<input name="action_title" prop:value=title on:input=move |e| title.set(event_target_value(&e))/></label>
            <MeetingError error field="title"/>
            <label>{move || m().owner}
                <select name="owner" on:change=move |e| owner.set(event_target_value(&e))>
                    <option value="">"—"</option>
                    {people.into_iter().map(|p| view! { <option value=p.id.clone()>{person_label(&p)}</option> }).collect_view()}
                </select>
            </label>
            <MeetingError error field="owner_id"/>
            <label>{move || m().due_on}<input type="date" name="due_on" prop:value=due on:input=move |e| due.set(event_target_value(&e))/></label>
            <MeetingError error field="due_on"/>
            <button type="submit" class="add-action">{move || m().add_action_item}</button>
        </form>
    }
}

#[component]
fn AmendForm(id: String, people: Vec<PersonRef>, decisions: Vec<MeetingDecisionDto>, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let id = StoredValue::new(id);
    let (text, decision, makers, corrects) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(Vec::<String>::new()), RwSignal::new(String::new()));
    let save = page_action(changes, move |input: AmendmentInput| amend_meeting(id.get_value(), input));
    let error = Signal::from(save.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let decision_text = decision.get_untracked();
        let decisions = if decision_text.trim().is_empty() {
            vec![]
        } else {
            let corrects = corrects.get_untracked();
            vec![MeetingDecisionInput {
                text: decision_text,
                maker_ids: makers.get_untracked(),
                links: vec![],
                corrects_id: (!corrects.is_empty()).then_some(corrects),
            }]
        };
        save.dispatch(AmendmentInput { text: text.get_untracked(), decisions });
    };
    let open: Vec<MeetingDecisionDto> = decisions.into_iter().filter(|d| d.corrected_by_id.is_none()).collect();
    view! {
        <form class="amend-form" on:submit=submit novalidate>
            <MeetingError error/>
            <label>{move || m().amendment_text}
                <textarea name="amendment_text" rows="3" prop:value=text on:input=move |e| text.set(event_target_value(&e))></textarea>
            </label>
            <fieldset>
                <legend>{move || m().amendment_decision}</legend>
                <label>{move || m().decision_text}
                    <textarea name="amendment_decision" rows="2" prop:value=decision on:input=move |e| decision.set(event_target_value(&e))></textarea>
                </label>
                <PeoplePicker people selected=makers name="amendment_maker"/>
                <label>{move || m().corrects}
                    <select name="corrects" on:change=move |e| corrects.set(event_target_value(&e))>
                        <option value="">{move || m().corrects_none}</option>
                        {open.into_iter().map(|d| view! { <option value=d.id.clone()>{d.text.clone()}</option> }).collect_view()}
                    </select>
                </label>
            </fieldset>
            <button type="submit" class="add-amendment">{move || m().add_amendment}</button>
        </form>
    }
}
