//! A requirement's page: its latest revision (Markdown rendered and sanitised on the server),
//! scenarios, change points grouped by department, the status workflow, the revision history
//! with a compare form, and the comment threads.

use super::api::{add_comment, get_requirement, list_comments, list_revisions, transition_requirement};
use super::dto::{CommentDto, RequirementDetail, RevisionSummary};
use super::messages::RequirementMessages;
use crate::domain::meetings::SubjectKind;
use crate::i18n::Locale;
use crate::meetings::pages::LinkedDecisions;
use crate::solutions::option_list::RequirementOptions;
use crate::t;
use crate::ui::comments::{comment_form, comment_threads, CommentAuthor, CommentFormWords, ThreadComment};
use crate::ui::forms::load_error;
use crate::ui::submit::submit;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_params_map;

#[component]
pub fn RequirementPage() -> impl IntoView {
    view! { <RequireLogin><RequirementView/></RequireLogin> }
}

#[component]
fn RequirementView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    // Bumped after a transition or a comment, so the page's data reloads.
    let changes = RwSignal::new(0u32);
    let detail = Resource::new(move || (id(), changes.get()), |(id, _)| get_requirement(id));
    let revisions = Resource::new(move || (id(), changes.get()), |(id, _)| list_revisions(id));
    let comments = Resource::new(move || (id(), changes.get()), |(id, _)| list_comments(id));
    let options = Resource::new(id, crate::solutions::api::list_options);
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let detail = match detail.await {
                    Ok(d) => d,
                    Err(e) => return load_error(e),
                };
                let revisions = revisions.await.unwrap_or_default();
                let comments = comments.await.unwrap_or_default();
                let options = options.await;
                view! { <RequirementContent detail revisions comments options changes/> }.into_any()
            })}
        </Transition>
    }
}

#[component]
fn RequirementContent(
    detail: RequirementDetail,
    revisions: Vec<RevisionSummary>,
    comments: Vec<CommentDto>,
    options: Result<Vec<crate::solutions::dto::OptionSummary>, crate::error::AppError>,
    changes: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let d = detail;
    let (status, priority, late, version) = (d.status, d.content.priority, d.late_changes, d.version);
    let departments = StoredValue::new(d.content.change_point_departments());
    let points = StoredValue::new(d.content.change_points.clone());
    let names = StoredValue::new(d.department_names.clone());
    view! {
        <PageTitle text={let t = format!("{} {}", d.key, d.content.title); move || t.clone()}/>
        <div class="page-title">
            <h1><span class="key">{d.key.clone()}</span> " " {d.content.title.clone()}</h1>
            {d.can_edit.then(|| view! { <A href=format!("/requirements/{}/edit", d.id) attr:class="button">{t!(i18n, edit)}</A> })}
        </div>
        <p><A href=format!("/projects/{}/requirements", d.project_id)>{move || rm().requirements}</A></p>
        <dl class="facts">
            <dt>{move || rm().status}</dt>
            <dd><span class=format!("status status-{}", status.as_str()) data-status=status.as_str()>{move || rm().status_name(status)}</span></dd>
            <dt>{move || rm().priority}</dt><dd>{move || rm().priority_name(priority)}</dd>
            <dt>{move || rm().owner}</dt><dd>{d.owner_name.clone()}</dd>
            <dt>{move || rm().history}</dt>
            <dd>{move || rm().revision(version)}
                {(late > 0).then(|| view! { " · " <span class="badge late">{move || rm().late_changes(late)}</span> })}</dd>
        </dl>
        <TransitionForm detail=d.clone() changes/>
        <section class="card">
            <h2>{move || rm().background}</h2>
            <div class="markdown background" inner_html=d.background_html.clone()></div>
            <h2>{move || rm().goal}</h2>
            <div class="markdown goal" inner_html=d.goal_html.clone()></div>
        </section>
        <section class="card">
            <h2>{move || rm().scenarios}</h2>
            {d.content.scenarios.is_empty().then(|| view! { <p class="muted">{move || rm().no_scenarios}</p> })}
            <ol class="scenarios">
                {d.content.scenarios.iter().map(|s| view! {
                    <li class="scenario" data-id=s.id.clone()>
                        <strong>{s.name.clone()}</strong>
                        <dl class="gwt">
                            {(!s.given.is_empty()).then(|| view! { <dt>{move || rm().given}</dt><dd>{s.given.clone()}</dd> })}
                            {(!s.when.is_empty()).then(|| view! { <dt>{move || rm().when}</dt><dd>{s.when.clone()}</dd> })}
                            {(!s.then.is_empty()).then(|| view! { <dt>{move || rm().then}</dt><dd>{s.then.clone()}</dd> })}
                        </dl>
                        {(!s.notes.is_empty()).then(|| view! { <p class="notes">{s.notes.clone()}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="card">
            <h2>{move || rm().change_points}</h2>
            {d.content.change_points.is_empty().then(|| view! { <p class="muted">{move || rm().no_change_points}</p> })}
            {departments.get_value().into_iter().map(|department_id| {
                let label = names.get_value().into_iter().find(|n| n.id == department_id);
                let items: Vec<_> = points.get_value().into_iter().filter(|c| c.department_id == department_id).collect();
                view! {
                    <h3 class="change-point-department">{move || label.as_ref().map(|l| l.label(i18n.get())).unwrap_or_default()}</h3>
                    <ul class="change-points">{items.into_iter().map(|c| view! { <li data-id=c.id.clone()>{c.text.clone()}</li> }).collect_view()}</ul>
                }
            }).collect_view()}
        </section>
        <RequirementOptions requirement_id=d.id.clone() options can_propose={d.can_edit || d.can_comment}/>
        <LinkedDecisions subject_kind=SubjectKind::Requirement subject_id=d.id.clone()/>
        <History requirement_id=d.id.clone() revisions/>
        <Comments requirement_id=d.id.clone() comments can_comment=d.can_comment changes/>
    }
}

#[component]
fn TransitionForm(detail: RequirementDetail, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let (id, revision) = (detail.id.clone(), detail.version);
    let reason = RwSignal::new(String::new());
    let move_to = submit(
        move |to: &String| {
            let (id, to, why) = (id.clone(), to.clone(), reason.get_untracked());
            async move { transition_requirement(id, to, why, revision).await }
        },
        move |_| changes.update(|n| *n += 1),
    );
    let error = move_to.error;
    let transitions = detail.transitions.clone();
    view! {
        <section class="card workflow">
            <h2>{move || rm().status_changes}</h2>
            {(!detail.next_statuses.is_empty()).then(|| view! {
                <div class="transition-form">
                    <label><span>{move || rm().reason}</span>
                        <input name="reason" maxlength="500" on:input=move |ev| reason.set(event_target_value(&ev))/></label>
                    <div class="row-actions">
                        {detail.next_statuses.iter().copied().map(|s| view! {
                            <button type="button" class="secondary" data-to=s.as_str() disabled=move || move_to.pending()
                                on:click=move |_| { move_to.dispatch(s.as_str().to_string()); }>
                                {move || format!("{} → {}", rm().move_to, rm().status_name(s))}
                            </button>
                        }).collect_view()}
                    </div>
                    {move || error.get().map(|e| view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> })}
                </div>
            })}
            <ul class="transitions">
                {transitions.into_iter().map(|t| {
                    let (from, to, at) = (t.from, t.to, t.at);
                    view! {
                        <li>
                            {move || format!("{} → {}", rm().status_name(from), rm().status_name(to))}
                            <span class="muted">{move || format!(" — {}, {}", t.actor_name, i18n.get().day_of(at))}</span>
                            {(!t.reason.is_empty()).then(|| view! { <span>{format!(": {}", t.reason)}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn History(requirement_id: String, revisions: Vec<RevisionSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let newest = revisions.first().map(|r| r.revision).unwrap_or(1);
    let numbers: Vec<i64> = revisions.iter().map(|r| r.revision).collect();
    let options = move |selected: i64| {
        numbers.iter().map(|&n| view! { <option value=n selected=n == selected>{move || rm().revision(n)}</option> }).collect_view()
    };
    view! {
        <section class="card history">
            <h2>{move || rm().history}</h2>
            {(newest > 1).then(|| view! {
                <Form method="GET" action=format!("/requirements/{requirement_id}/diff") attr:class="compare">
                    <label class="inline"><span>{move || rm().from}</span><select name="from">{options(newest - 1)}</select></label>
                    <label class="inline"><span>{move || rm().to}</span><select name="to">{options(newest)}</select></label>
                    <button type="submit" class="secondary">{move || rm().compare}</button>
                </Form>
            })}
            <ol class="revisions" reversed>
                {revisions.into_iter().map(|r| {
                    let (n, at, late) = (r.revision, r.created_at, r.is_late);
                    let diff_link = (n > 1).then(|| format!("/requirements/{requirement_id}/diff?from={}&to={n}", n - 1));
                    view! {
                        <li class="revision" data-revision=n>
                            <strong>{move || rm().revision(n)}</strong>
                            <span class="muted">{move || format!(" — {}, {}", r.author_name, i18n.get().day_of(at))}</span>
                            {late.then(|| view! { " " <span class="badge late">{move || rm().late_change}</span> })}
                            {(!r.summary.is_empty()).then(|| view! { <span class="summary">{format!(": {}", r.summary)}</span> })}
                            {diff_link.map(|href| view! { " " <A href=href>{move || rm().view_changes}</A> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Comments(requirement_id: String, comments: Vec<CommentDto>, can_comment: bool, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let empty = comments.is_empty();
    let form = can_comment.then_some(move |parent_id: Option<String>| {
        let id = requirement_id.clone();
        comment_form(parent_id, comment_words, move |body, parent, _| add_comment(id.clone(), body, parent), changes).into_any()
    });
    view! {
        <section class="card comments">
            <h2>{move || rm().comments}</h2>
            {empty.then(|| view! { <p class="muted">{move || rm().no_comments}</p> })}
            {comment_threads(comments, |c| view! { <CommentView comment=c/> }.into_any(), form)}
        </section>
    }
}

/// The comment form's words on a requirement (its comments are never concerns).
fn comment_words(locale: Locale) -> CommentFormWords {
    let rm = RequirementMessages::of(locale);
    CommentFormWords { add_comment: rm.add_comment, reply: rm.reply, hint: rm.comment_hint, concern: None }
}

impl ThreadComment for CommentDto {
    fn id(&self) -> &str {
        &self.id
    }

    fn parent_id(&self) -> Option<&str> {
        self.parent_id.as_deref()
    }
}

#[component]
fn CommentView(comment: CommentDto) -> impl IntoView {
    view! {
        <article class="comment" data-id=comment.id.clone()>
            <CommentAuthor name=comment.author_name.clone() role=comment.author_role.clone() at=comment.created_at/>
            <div class="markdown" inner_html=comment.body_html.clone()></div>
        </article>
    }
}
