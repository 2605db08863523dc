//! The meeting pages other than the meeting itself ([`super::run`]): a project's meetings with
//! the form that schedules one, the project's decision log, "my action items" across projects,
//! the calendar-feed settings, and [`LinkedDecisions`], the block shown on requirement, option and
//! change-request pages.
//! Also the parts the meeting page ([`super::run`]) builds on: the strings, person labels, the
//! error line, the people picker, a decision, the action-item table and [`page_action`]. The
//! meeting page uses this module, never the other way round.

use super::api::{
    calendar_feed_status, change_action_status, create_calendar_feed, list_project_meetings, load_linked_decisions, load_meeting_choices,
    my_action_items, project_decision_log, revoke_calendar_feed, schedule_meeting,
};
use super::dto::*;
use super::messages::MeetingMessages;
use crate::domain::meetings::{ActionStatus, MeetingKind, SubjectKind, Zone, ZONES};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::submit::{submit, Submit};
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

pub(super) fn mm(locale: Locale) -> &'static MeetingMessages {
    MeetingMessages::of(locale)
}

/// `YYYY-MM-DD HH:MM` of an instant in a zone.
pub(super) fn when(ms: i64, zone: &str) -> String {
    Zone::of(zone).utc_to_local(ms).replace('T', " ")
}

/// The error of a form, in the meeting pages' words, beside `field` (or above the form when
/// `field` is empty and the error names no field of `fields`).
#[component]
pub(super) fn MeetingError(error: Signal<Option<AppError>>, #[prop(optional)] field: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().filter(|e| if field.is_empty() { true } else { e.field() == Some(field) }).map(|e| {
            let messages = mm(i18n.get());
            let text = messages.error(i18n.get(), &e);
            // Above the form, say which field it is about, in the reader's language.
            let text = match (field.is_empty(), e.field().and_then(|f| messages.field_name(f))) {
                (true, Some(label)) => format!("{label}: {text}"),
                _ => text,
            };
            let class = if field.is_empty() { "form-error" } else { "field-error" };
            view! { <span class=class data-field=field role="alert">{text}</span> }
        })
    }
}

/// Checkboxes of people; `selected` holds the ids ticked.
#[component]
pub(super) fn PeoplePicker(people: Vec<PersonRef>, selected: RwSignal<Vec<String>>, name: &'static str) -> impl IntoView {
    view! {
        <div class="people-picker" data-name=name>
            {people.into_iter().map(|p| {
                let pid = StoredValue::new(p.id.clone());
                view! {
                    <label class="check">
                        <input type="checkbox" name=name value=p.id.clone()
                            prop:checked=move || selected.read().contains(&pid.get_value())
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                selected.update(|v| {
                                    v.retain(|x| *x != pid.get_value());
                                    if on { v.push(pid.get_value()); }
                                });
                            }/>
                        {person_label(&p)}
                    </label>
                }
            }).collect_view()}
        </div>
    }
}

/// A person's name with their department.
pub(super) fn person_label(p: &PersonRef) -> String {
    format!("{} ({})", p.name, p.department_code)
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    view! { <RequireLogin><MeetingsView/></RequireLogin> }
}

#[component]
fn MeetingsView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let meetings = Resource::new(id, list_project_meetings);
    let choices = Resource::new(id, load_meeting_choices);
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let (list, choices) = match (meetings.await, choices.await) {
                    (Ok(l), Ok(c)) => (l, c),
                    (Err(e), _) | (_, Err(e)) => return load_error(e),
                };
                view! { <MeetingList list choices/> }.into_any()
            })}
        </Transition>
    }
}

#[component]
fn MeetingList(list: Vec<MeetingSummary>, choices: MeetingChoices) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let project_id = choices.project_id.clone();
    let name = choices.project_name.clone();
    view! {
        <PageTitle text={let name = name.clone(); move || m().meetings_of(&name)}/>
        <div class="page-title">
            <h1>{let name = name.clone(); move || m().meetings_of(&name)}</h1>
            <A href=format!("/projects/{project_id}/decision-log") attr:class="button decision-log-link">{move || m().decision_log}</A>
        </div>
        <p><A href=format!("/projects/{project_id}")>{name.clone()}</A></p>
        {if list.is_empty() {
            view! { <p class="empty">{move || m().no_meetings}</p> }.into_any()
        } else {
            view! {
                <table class="meetings" tabindex="0">
                    <thead><tr>
                        <th scope="col">{move || m().when}</th>
                        <th scope="col">{move || m().title}</th>
                        <th scope="col">{move || m().kind}</th>
                        <th scope="col">{move || m().status}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|s| {
                            let (kind, status) = (s.kind, s.status);
                            view! {
                                <tr data-id=s.id.clone()>
                                    <td>{when(s.starts_at, &s.time_zone)}</td>
                                    <td><A href=format!("/meetings/{}", s.id)>{s.title.clone()}</A></td>
                                    <td>{move || m().kind(kind)}</td>
                                    <td><span class=format!("status meeting-status status-{}", status.as_str()) data-status=status.as_str()>
                                        {move || m().status(status)}</span></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {if choices.can_schedule {
            view! { <NewMeetingForm choices/> }.into_any()
        } else {
            view! { <p class="muted">{move || m().may_not_schedule}</p> }.into_any()
        }}
    }
}

/// The form that schedules a meeting: title, kind, local start and end in a zone, place, the
/// people invited (the project's departments' people) and the agenda, one item per line.
#[component]
fn NewMeetingForm(choices: MeetingChoices) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let navigate = use_navigate();
    let project_id = StoredValue::new(choices.project_id.clone());
    let (title, kind, zone, start, end, place, agenda) = (
        RwSignal::new(String::new()),
        RwSignal::new(MeetingKind::RequirementReview.as_str().to_string()),
        RwSignal::new(ZONES[0].name.to_string()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let invited = RwSignal::new(Vec::<String>::new());
    let save = submit(
        move |input: &MeetingInput| schedule_meeting(project_id.get_value(), input.clone()),
        move |detail| navigate(&format!("/meetings/{}", detail.meeting.id), Default::default()),
    );
    let error = Signal::from(save.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let agenda = agenda
            .get_untracked()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| AgendaItemInput { title: l.trim().to_string(), link: None, version: None })
            .collect();
        save.dispatch(MeetingInput {
            title: title.get_untracked(),
            kind: kind.get_untracked(),
            time_zone: zone.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            place: place.get_untracked(),
            invitee_ids: invited.get_untracked(),
            agenda,
        });
    };
    let people = choices.people.clone();
    view! {
        <section class="new-meeting">
            <h2>{move || m().new_meeting}</h2>
            <form on:submit=submit novalidate>
                <MeetingError error/>
                <label>{move || m().title}
                    <input name="title" required prop:value=title on:input=move |e| title.set(event_target_value(&e))/>
                </label>
                <MeetingError error field="title"/>
                <label>{move || m().kind}
                    <select name="kind" on:change=move |e| kind.set(event_target_value(&e))>
                        {MeetingKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k.as_str()>{move || m().kind(k)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <div class="row">
                    <label>{move || m().start}
                        <input type="datetime-local" name="start" prop:value=start on:input=move |e| start.set(event_target_value(&e))/>
                    </label>
                    <MeetingError error field="start"/>
                    <label>{move || m().end}
                        <input type="datetime-local" name="end" prop:value=end on:input=move |e| end.set(event_target_value(&e))/>
                    </label>
                    <MeetingError error field="end"/>
                    <label>{move || m().time_zone}
                        <select name="time_zone" on:change=move |e| zone.set(event_target_value(&e))>
                            {ZONES.into_iter().map(|z| view! { <option value=z.name>{z.name}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <label>{move || m().place}
                    <input name="place" prop:value=place on:input=move |e| place.set(event_target_value(&e))/>
                </label>
                <MeetingError error field="place"/>
                <fieldset class="invitees">
                    <legend>{move || m().invitees}</legend>
                    <PeoplePicker people selected=invited name="invitee"/>
                </fieldset>
                <MeetingError error field="invitee_ids"/>
                <label>{move || m().agenda}
                    <textarea name="agenda" rows="4" prop:value=agenda on:input=move |e| agenda.set(event_target_value(&e))></textarea>
                </label>
                <p class="muted">{move || m().agenda_hint}</p>
                <MeetingError error field="agenda"/>
                <button type="submit" disabled=move || save.pending()>{move || m().schedule}</button>
            </form>
        </section>
    }
}

/// One decision as the log, the meeting page and the linked block show it.
#[component]
pub(super) fn DecisionView(d: MeetingDecisionDto, #[prop(optional)] show_meeting: bool) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let makers = d.makers.iter().map(person_label).collect::<Vec<_>>().join(", ");
    let corrected = d.corrected_by_id.is_some();
    let links = d.links.clone();
    view! {
        <li class="meeting-decision" class:corrected=corrected data-id=d.id.clone()>
            <p class="decision-text">{d.text.clone()}</p>
            <p class="muted">
                {show_meeting.then(|| view! {
                    <A href=format!("/meetings/{}", d.meeting_id)>{d.meeting_title.clone()}</A>
                    " · " {when(d.meeting_starts_at, "Asia/Shanghai")} " · "
                })}
                {move || m().makers} ": " {makers.clone()}
                {d.amendment_id.is_some().then(|| view! { " · " <span class="badge amendment">{move || m().added_by_amendment}</span> })}
                {d.corrects_id.is_some().then(|| view! { " · " <span class="badge correction">{move || m().correction}</span> })}
                {corrected.then(|| view! { " · " <span class="badge corrected">{move || m().corrected}</span> })}
            </p>
            {(!links.is_empty()).then(|| view! {
                <p class="decision-links">{move || m().links} ": "
                    {links.into_iter().map(|l| {
                        let kind = l.kind;
                        view! { <A href=l.path.clone() attr:class="subject-link">{move || m().subject(kind)} " " {l.label.clone()}</A> " " }
                    }).collect_view()}
                </p>
            })}
        </li>
    }
}

#[component]
pub fn DecisionLogPage() -> impl IntoView {
    view! { <RequireLogin><DecisionLogView/></RequireLogin> }
}

#[component]
fn DecisionLogView() -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let log = Resource::new(id, project_decision_log);
    view! {
        <PageTitle text=move || m().decision_log/>
        <div class="page-title"><h1>{move || m().decision_log}</h1></div>
        <p><A href=move || format!("/projects/{}/meetings", id())>{move || m().meetings}</A></p>
        <p class="muted">{move || m().decision_log_intro}</p>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{move || m().no_decisions}</p> }.into_any(),
                    Ok(list) => view! {
                        <ol class="decision-log">
                            {list.into_iter().map(|d| view! { <DecisionView d show_meeting=true/> }).collect_view()}
                        </ol>
                    }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// The decisions and meetings that touched a requirement, option or change request, for its page.
#[component]
pub fn LinkedDecisions(subject_kind: SubjectKind, subject_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    // Loaded in the browser after the page hydrates (a secondary block: the page does not wait
    // for it, and the server's HTML and the first client render agree on "not loaded yet"). An
    // effect, not a resource: a resource read here would be tracked by the page's <Transition>,
    // which then hydrated against its fallback whenever the answer came back mid-hydration.
    let linked = RwSignal::new(None);
    Effect::new(move |_| {
        let (kind, id) = (subject_kind.as_str().to_string(), subject_id.clone());
        leptos::task::spawn_local(async move { linked.set(Some(load_linked_decisions(kind, id).await)) });
    });
    view! {
        <section class="linked-decisions">
            <h2>{move || m().linked_title}</h2>
            {move || {
                linked.get().map(|linked| {
                    let linked = linked.unwrap_or_default();
                    if linked.decisions.is_empty() && linked.meetings.is_empty() {
                        return view! { <p class="muted">{move || m().nothing_yet}</p> }.into_any();
                    }
                    view! {
                        <ul class="meeting-decision-list">
                            {linked.decisions.into_iter().map(|d| view! { <DecisionView d show_meeting=true/> }).collect_view()}
                        </ul>
                        <p class="linked-meetings">{move || m().linked_meetings} ": "
                            {linked.meetings.into_iter().map(|s| view! {
                                <A href=format!("/meetings/{}", s.id)>{s.title.clone()}</A>
                                " (" {when(s.starts_at, &s.time_zone)} ") "
                            }).collect_view()}
                        </p>
                    }.into_any()
                })
            }}
        </section>
    }
}

#[component]
pub fn MyActionItemsPage() -> impl IntoView {
    view! { <RequireLogin><MyActionItemsView/></RequireLogin> }
}

#[component]
fn MyActionItemsView() -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let changes = RwSignal::new(0u32);
    let items = Resource::new(move || changes.get(), |_| my_action_items());
    view! {
        <PageTitle text=move || m().my_actions/>
        <div class="page-title">
            <h1>{move || m().my_actions}</h1>
            <A href="/calendar-feed" attr:class="button">{move || m().feed_title}</A>
        </div>
        <p class="muted">{move || m().my_actions_intro}</p>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match items.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{move || m().no_my_actions}</p> }.into_any(),
                    Ok(list) => view! { <ActionTable items=list show_project=true changes/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn CalendarFeedPage() -> impl IntoView {
    view! { <RequireLogin><CalendarFeedView/></RequireLogin> }
}

#[component]
fn CalendarFeedView() -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let changes = RwSignal::new(0u32);
    let status = Resource::new(move || changes.get(), |_| calendar_feed_status());
    let created = RwSignal::new(None::<String>);
    let create = submit(
        |_: &()| create_calendar_feed(),
        move |feed| {
            created.set(feed.url);
            changes.update(|n| *n += 1);
        },
    );
    let revoke = submit(
        |_: &()| revoke_calendar_feed(),
        move |_| {
            created.set(None);
            changes.update(|n| *n += 1);
        },
    );
    // Either button's refusal (signed out meanwhile, the server unreachable) is shown, not lost.
    let error = Signal::derive(move || create.error.get().or_else(|| revoke.error.get()));
    view! {
        <PageTitle text=move || m().feed_title/>
        <h1>{move || m().feed_title}</h1>
        <p class="muted">{move || m().feed_intro}</p>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let feed = match status.await {
                    Ok(f) => f,
                    Err(e) => return load_error(e),
                };
                let active = feed.active;
                view! {
                    {if active {
                        let since = feed.created_at.map(|t| when(t, "Asia/Shanghai")).unwrap_or_default();
                        let used = feed.last_used_at.map(|t| when(t, "Asia/Shanghai"));
                        view! {
                            <p class="feed-status" data-active="true">{move || m().feed_active(&since)}
                                {used.map(|u| view! { " " {move || m().feed_last_used(&u)} })}</p>
                        }.into_any()
                    } else {
                        view! { <p class="feed-status" data-active="false">{move || m().feed_none}</p> }.into_any()
                    }}
                    <p class="actions">
                        <button type="button" class="create-feed" on:click=move |_| { create.dispatch(()); }>
                            {move || if active { m().feed_replace } else { m().feed_create }}
                        </button>
                        {active.then(|| view! {
                            <button type="button" class="revoke-feed danger" on:click=move |_| { revoke.dispatch(()); }>{move || m().feed_revoke}</button>
                        })}
                    </p>
                }.into_any()
            })}
        </Transition>
        <MeetingError error/>
        {move || created.get().map(|url| view! {
            <div class="feed-url">
                <p><strong>{move || m().feed_copy_now}</strong></p>
                <input readonly class="feed-url-value" prop:value=url.clone() size="80"/>
            </div>
        })}
    }
}

/// An action of a meeting page: runs the server call, then reloads the page or shows the error.
pub(super) fn page_action<I, O, F, Fut>(changes: RwSignal<u32>, call: F) -> Submit<I, O>
where
    I: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
    F: Fn(I) -> Fut + Send + Sync + Copy + 'static,
    Fut: std::future::Future<Output = Result<O, AppError>> + Send + 'static,
{
    submit(move |input: &I| call(input.clone()), move |_| changes.update(|n| *n += 1))
}

/// Action items with their owner, due date and status (overdue marked in words), and the status
/// buttons for those the person may update.
#[component]
pub(super) fn ActionTable(items: Vec<ActionItemDto>, show_project: bool, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || mm(i18n.get());
    let set = page_action(changes, |(id, status, version): (String, String, i64)| change_action_status(id, status, version));
    let error = Signal::from(set.error);
    view! {
        <MeetingError error/>
        <table class="action-table" tabindex="0">
            <thead><tr>
                <th scope="col">{move || m().action_title}</th>
                {show_project.then(|| view! { <th scope="col">{move || m().project}</th><th scope="col">{move || m().meeting}</th> })}
                <th scope="col">{move || m().owner}</th>
                <th scope="col">{move || m().due_on}</th>
                <th scope="col">{move || m().status}</th>
                <th scope="col"><span class="visually-hidden">{move || i18n.m().actions_column}</span></th>
            </tr></thead>
            <tbody>
                {items.into_iter().map(|a| {
                    let (status, overdue, id, version) = (a.status, a.overdue, StoredValue::new(a.id.clone()), a.version);
                    let button = move |to: ActionStatus, label: fn(&MeetingMessages) -> &'static str| view! {
                        <button type="button" class=format!("action-{}", to.as_str())
                            on:click=move |_| { set.dispatch((id.get_value(), to.as_str().to_string(), version)); }>{move || label(m())}</button>
                    };
                    view! {
                        <tr class:overdue=overdue data-id=a.id.clone() data-status=status.as_str()>
                            <td>{a.title.clone()}</td>
                            {show_project.then(|| view! {
                                <td>{a.project_name.clone()}</td>
                                <td><A href=format!("/meetings/{}", a.meeting_id)>{a.meeting_title.clone()}</A></td>
                            })}
                            <td>{person_label(&a.owner)}</td>
                            <td>{a.due_on.to_string()}
                                {overdue.then(|| view! { " " <span class="badge overdue">{move || m().overdue}</span> })}</td>
                            <td>{move || m().action_status(status)}</td>
                            <td>{a.can_update.then(|| match status {
                                ActionStatus::Open => view! { {button(ActionStatus::Done, |m| m.mark_done)} {button(ActionStatus::Dropped, |m| m.drop)} }.into_any(),
                                _ => button(ActionStatus::Open, |m| m.reopen).into_any(),
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
