//! An option's page: what it proposes (description, covered scenarios, work plan), its schedule
//! impact and Gantt, its revisions with a diff between any two, the architects' comments and
//! concerns, and — for the lead department's PM — choosing it.

use super::api::{
    add_option_comment, choose_option, diff_option, get_option, list_option_comments, list_option_revisions, resolve_concern,
};
use super::diff_view::OptionDiffView;
use super::dto::{ChooseInput, OptionCommentDto, OptionCommentInput, OptionDetail, OptionRevisionSummary, PlanContext};
use super::impact_view::{department_label, ImpactView, PlanProblem};
use super::messages::OptionMessages;
use super::plan_table::ExportLink;
use crate::domain::meetings::SubjectKind;
use crate::domain::plan_cells::format_predecessors;
use crate::domain::schedule::ScheduledPlan;
use crate::domain::solutions::OptionStatus;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::meetings::pages::LinkedDecisions;
use crate::schedule::chart::provide_today;
use crate::schedule::messages::ScheduleMessages;
use crate::t;
use crate::ui::comments::{comment_form, comment_threads, CommentAuthor, CommentFormWords, ThreadComment};
use crate::ui::forms::load_error;
use crate::ui::submit::submit;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, FieldError, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::sync::Arc;

#[component]
pub fn OptionPage() -> impl IntoView {
    view! { <RequireLogin><OptionView/></RequireLogin> }
}

#[component]
fn OptionView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    // Bumped after choosing, commenting or resolving, so the page's data reloads.
    let changes = RwSignal::new(0u32);
    let detail = Resource::new(move || (id(), changes.get()), |(id, _)| get_option(id));
    let revisions = Resource::new(move || (id(), changes.get()), |(id, _)| list_option_revisions(id));
    let comments = Resource::new(move || (id(), changes.get()), |(id, _)| list_option_comments(id));
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let detail = match detail.await {
                    Ok(d) => d,
                    Err(e) => return load_error(e),
                };
                let revisions = revisions.await.unwrap_or_default();
                let comments = comments.await.unwrap_or_default();
                view! { <OptionContent detail revisions comments changes/> }.into_any()
            })}
        </Transition>
    }
}

/// The status badge of an option, in words (not colour alone).
#[component]
pub fn StatusBadge(status: OptionStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("status option-status status-{}", status.as_str()) data-status=status.as_str()>
            {move || OptionMessages::of(i18n.get()).status_name(status)}
        </span>
    }
}

#[component]
fn OptionContent(
    detail: OptionDetail,
    revisions: Vec<OptionRevisionSummary>,
    comments: Vec<OptionCommentDto>,
    changes: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    provide_today();
    let d = detail;
    let context = Arc::new(d.context.clone());
    let scheduled = ScheduledPlan::from_plan(d.plan.to_plan(&context.frame)).ok().map(Arc::new);
    let baseline = context.baseline.clone().and_then(|p| ScheduledPlan::from_plan(p).ok()).map(Arc::new);
    let (version, status, open_concerns, created_at) = (d.version, d.status, d.open_concerns, d.created_at);
    let proposer = d.created_by_name.clone();
    let summary_detail = d.clone();
    let impact = match (d.impact.clone(), d.plan_error.clone()) {
        (Some(impact), _) => view! { <ImpactView impact scheduled baseline context=context.clone() id="option-gantt"/> }.into_any(),
        (None, Some(message)) => view! { <PlanProblem message=Signal::stored(message)/> }.into_any(),
        (None, None) => ().into_any(),
    };
    let chosen = d.chosen.clone().map(|c| {
        let at = c.at;
        view! {
            <dt>{move || om().chosen_by}</dt>
            <dd class="choice">
                {move || format!("{}, {}", c.by_name, i18n.get().day_of(at))}
                <p class="rationale"><strong>{move || om().rationale}": "</strong>{c.rationale.clone()}</p>
                {c.override_reason.clone().map(|r| view! {
                    <p class="override-reason"><strong>{move || om().override_reason}": "</strong>{r}</p>
                })}
            </dd>
        }
    });
    let covered = d.covered_scenarios.clone();
    let scenarios: Vec<_> = context
        .scenarios
        .iter()
        .map(|s| {
            let is_covered = covered.contains(&s.id);
            view! {
                <li class:covered=is_covered class:uncovered=!is_covered data-id=s.id.clone()>
                    <span aria-hidden="true">{if is_covered { "✓ " } else { "✗ " }}</span>
                    {s.name.clone()} " "
                    <span class="muted">{move || if is_covered { om().covered } else { om().not_covered }}</span>
                </li>
            }
        })
        .collect();
    view! {
        <PageTitle text={let t = d.title.clone(); move || t.clone()}/>
        <div class="page-title">
            <h1 class="option-title">{d.title.clone()} " " <StatusBadge status/></h1>
            {d.can_edit.then(|| view! { <A href=format!("/options/{}/edit", d.id) attr:class="button">{t!(i18n, edit)}</A> })}
        </div>
        <p class="breadcrumbs">
            <A href=format!("/projects/{}", d.project_id)>{d.project_name.clone()}</A> " › "
            <A href=format!("/requirements/{}", d.requirement_id)><span class="key">{d.requirement_key.clone()}</span> " " {d.requirement_title.clone()}</A> " › "
            <A href=format!("/requirements/{}/options/compare", d.requirement_id)>{move || om().compare_options}</A>
        </p>
        {d.pending_request.clone().map(|r| view! {
            <p class="notice pending-request"><A href=format!("/change-requests/{r}")>{move || om().pending_request}</A></p>
        })}
        <dl class="facts">
            <dt>{move || om().status}</dt>
            <dd><StatusBadge status/>{d.is_baseline.then(|| view! { <span class="badge baseline">{move || om().is_baseline}</span> })}</dd>
            <dt>{move || om().history}</dt>
            <dd>{move || om().revision(version)}</dd>
            <dt>{move || om().proposed_by}</dt>
            <dd>{move || format!("{}, {}", proposer, i18n.get().day_of(created_at))}</dd>
            {chosen}
            <dt>{move || om().open_concerns}</dt>
            <dd class:has-open-concerns={open_concerns > 0} data-open-concerns=open_concerns>{open_concerns}</dd>
        </dl>
        <section class="card">
            <h2>{move || om().description}</h2>
            <div class="markdown description" inner_html=d.description_html.clone()></div>
        </section>
        <section class="card">
            <h2>{move || om().covered_scenarios}</h2>
            {context.scenarios.is_empty().then(|| view! { <p class="muted">{move || om().no_scenarios}</p> })}
            <ul class="scenario-coverage">{scenarios}</ul>
        </section>
        <section class="card option-impact">
            <h2>{move || om().schedule_impact}</h2>
            {impact}
        </section>
        <PlanSummary detail=summary_detail context=context.clone()/>
        {(d.can_choose && status != OptionStatus::Chosen).then(|| view! { <ChooseForm option_id=d.id.clone() version open_concerns changes/> })}
        <History option_id=d.id.clone() revisions context=context.clone()/>
        <Comments option_id=d.id.clone() comments can_comment=d.can_comment changes/>
        <LinkedDecisions subject_kind=SubjectKind::Option subject_id=d.id.clone()/>
    }
}

/// The work plan as a read-only table, with the plan file to download.
#[component]
fn PlanSummary(detail: OptionDetail, context: Arc<PlanContext>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let plan = detail.plan;
    let count = plan.items.len();
    let items: Vec<_> = plan
        .items
        .iter()
        .map(|it| {
            let ctx = context.clone();
            let code = it.department.clone();
            view! {
                <tr data-id=it.id.clone()>
                    <td><code>{it.id.clone()}</code></td>
                    <td>{it.name.clone().unwrap_or_default()}</td>
                    <td>{move || department_label(&ctx.departments, &code, i18n.get())}</td>
                    <td class="num">{it.effort}</td>
                    <td>{format_predecessors(&it.after)}</td>
                    <td>{it.not_before.map(|d| d.to_string()).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect();
    let milestones: Vec<_> = plan
        .milestones
        .iter()
        .map(|m| {
            let id = m.id.clone();
            let name = m.name.clone();
            let label = move || ScheduleMessages::for_locale(i18n.get()).milestone_name(&id, name.as_deref());
            view! { <li data-id=m.id.clone()><strong>{label}</strong>": " {m.after.join(", ")}</li> }
        })
        .collect();
    let export_plan = plan.clone();
    view! {
        <section class="card plan-summary">
            <details>
                <summary><h2 class="inline-heading">{move || om().work_plan_count(count)}</h2></summary>
                <div class="plan-table-wrap" tabindex="0" role="group" aria-label=move || om().work_items>
                    <table class="plan-items readonly">
                        <thead><tr>
                            <th scope="col">{move || om().item_id}</th><th scope="col">{move || om().item_title}</th>
                            <th scope="col">{move || om().department}</th><th scope="col">{move || om().effort_days}</th>
                            <th scope="col">{move || om().predecessors}</th><th scope="col">{move || om().not_before}</th>
                        </tr></thead>
                        <tbody>{items}</tbody>
                    </table>
                </div>
                <h3>{move || om().milestones}</h3>
                <ul class="milestone-list">{milestones}</ul>
            </details>
            <ExportLink plan=move || Ok(export_plan.clone()) frame=context.frame.clone()/>
        </section>
    }
}

#[component]
fn ChooseForm(option_id: String, version: i64, open_concerns: i64, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let rationale = RwSignal::new(String::new());
    let override_reason = RwSignal::new(String::new());
    let needs_override = open_concerns > 0;
    let navigate = use_navigate();
    let choose = submit(
        move |_: &()| {
            let id = option_id.clone();
            let input = ChooseInput {
                rationale: rationale.get_untracked(),
                override_reason: needs_override.then(|| override_reason.get_untracked()).filter(|r| !r.trim().is_empty()),
                version: Some(version),
            };
            async move { choose_option(id, input).await }
        },
        move |saved| match saved.change_request_id {
            Some(request) => navigate(&format!("/change-requests/{request}"), Default::default()),
            None => changes.update(|n| *n += 1),
        },
    );
    let error = choose.error;
    let error_signal: Signal<Option<AppError>> = error.into();
    let other_error = move || {
        error
            .get()
            .filter(|e| !matches!(e.field(), Some("rationale" | "override_reason")))
            .map(|e| view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> })
    };
    view! {
        <section class="card choose">
            <h2>{move || om().choose_title}</h2>
            <p class="muted">{move || om().choose_hint}</p>
            <form class="choose-form" on:submit=move |ev| {
                ev.prevent_default();
                choose.dispatch(());
            }>
                {other_error}
                <label><span>{move || om().rationale}</span>
                    <textarea name="rationale" rows="3" required aria-label=move || om().rationale on:input=move |ev| rationale.set(event_target_value(&ev))></textarea></label>
                <FieldError error=error_signal field="rationale"/>
                {needs_override.then(|| view! {
                    <p class="notice open-concerns-warning" role="note">{move || om().override_needed(open_concerns)}</p>
                    <label><span>{move || om().override_reason}</span>
                        <textarea name="override_reason" rows="3" required aria-label=move || om().override_reason
                            on:input=move |ev| override_reason.set(event_target_value(&ev))></textarea></label>
                    <FieldError error=error_signal field="override_reason"/>
                })}
                <button type="submit" disabled=move || choose.pending()>{move || om().choose_button}</button>
            </form>
        </section>
    }
}

#[component]
fn History(option_id: String, revisions: Vec<OptionRevisionSummary>, context: Arc<PlanContext>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let mut revisions = revisions;
    revisions.sort_by_key(|r| std::cmp::Reverse(r.revision));
    let newest = revisions.first().map(|r| r.revision).unwrap_or(1);
    let numbers: Vec<i64> = revisions.iter().map(|r| r.revision).collect();
    let from = RwSignal::new((newest - 1).max(1));
    let to = RwSignal::new(newest);
    let id = StoredValue::new(option_id);
    let diff = Action::new(move |(a, b): &(i64, i64)| {
        let (id, a, b) = (id.get_value(), *a, *b);
        async move { diff_option(id, a, b).await }
    });
    let select = move |target: RwSignal<i64>| {
        let numbers = numbers.clone();
        view! {
            <select on:change=move |ev| target.set(event_target_value(&ev).parse().unwrap_or(1))>
                {numbers.into_iter().map(|n| view! {
                    <option value=n selected=move || target.get() == n>{move || om().revision(n)}</option>
                }).collect_view()}
            </select>
        }
    };
    let shown = move || {
        diff.value().get().map(|r| match r {
            Ok(d) => view! { <OptionDiffView diff=d context=context.clone()/> }.into_any(),
            Err(e) => view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> }.into_any(),
        })
    };
    view! {
        <section class="card history">
            <h2>{move || om().history}</h2>
            {(newest > 1).then(|| view! {
                <div class="compare">
                    <label class="inline"><span>{move || om().from}</span>{select(from)}</label>
                    <label class="inline"><span>{move || om().to}</span>{select(to)}</label>
                    <button type="button" class="secondary" disabled=move || diff.pending().get()
                        on:click=move |_| { diff.dispatch((from.get_untracked(), to.get_untracked())); }>{move || om().compare}</button>
                </div>
            })}
            <ol class="revisions" reversed>
                {revisions.into_iter().map(|r| {
                    let (n, at, launch, baseline) = (r.revision, r.created_at, r.launch, r.baseline_number);
                    view! {
                        <li class="revision" data-revision=n>
                            <strong>{move || om().revision(n)}</strong>
                            <span class="muted">{move || format!(" — {}, {}", r.author_name, i18n.get().day_of(at))}</span>
                            {(!r.summary.is_empty()).then(|| view! { <span class="summary">{format!(": {}", r.summary)}</span> })}
                            " · " <span class="revision-launch">{move || om().launch}" " <time datetime=launch.to_string()>{launch.to_string()}</time></span>
                            {baseline.map(|b| view! { " " <span class="badge baseline">{move || om().baseline_n(b)}</span> })}
                            {(n > 1).then(|| view! {
                                " " <button type="button" class="link" on:click=move |_| {
                                    from.set(n - 1);
                                    to.set(n);
                                    diff.dispatch((n - 1, n));
                                }>{move || om().view_changes}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {shown}
        </section>
    }
}

#[component]
fn Comments(option_id: String, comments: Vec<OptionCommentDto>, can_comment: bool, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let empty = comments.is_empty();
    let open = comments.iter().filter(|c| c.is_concern && c.resolved.is_none()).count();
    let form = can_comment.then_some(move |parent_id: Option<String>| {
        let id = option_id.clone();
        let post = move |body, parent_id, concern| add_option_comment(id.clone(), OptionCommentInput { body, parent_id, concern });
        comment_form(parent_id, comment_words, post, changes).into_any()
    });
    view! {
        <section class="card comments option-comments">
            <h2>{move || om().comments}</h2>
            {(open > 0).then(|| view! { <p class="notice open-concerns-summary">{move || om().open_concerns_count(open as i64)}</p> })}
            {empty.then(|| view! { <p class="muted">{move || om().no_comments}</p> })}
            {comment_threads(comments, move |c| view! { <CommentView comment=c changes/> }.into_any(), form)}
        </section>
    }
}

/// The comment form's words on an option; a new thread may be raised as a concern.
fn comment_words(locale: Locale) -> CommentFormWords {
    let om = OptionMessages::of(locale);
    CommentFormWords {
        add_comment: om.add_comment,
        reply: om.reply,
        hint: om.comment_hint,
        concern: Some((om.raise_as_concern, om.concern_hint)),
    }
}

impl ThreadComment for OptionCommentDto {
    fn id(&self) -> &str {
        &self.id
    }

    fn parent_id(&self) -> Option<&str> {
        self.parent_id.as_deref()
    }
}

#[component]
fn CommentView(comment: OptionCommentDto, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let open = comment.is_concern && comment.resolved.is_none();
    let concern_badge = comment.is_concern.then(|| {
        view! { " " <span class="badge concern" class:open=open>{move || if open { om().open_concern } else { om().resolved_concern }}</span> }
            .into_any()
    });
    let resolution = comment.resolved.clone().map(|r| {
        let at = r.at;
        view! {
            <p class="resolution">
                <strong>{move || om().resolved_by(i18n.get().day_of(at), &r.by_name)}</strong>
                {(!r.note.is_empty()).then(|| view! { ": " {r.note.clone()} })}
            </p>
        }
    });
    let can_resolve = open && comment.can_resolve;
    view! {
        <article class="comment" class:concern=comment.is_concern class:open-concern=open data-id=comment.id.clone()>
            <CommentAuthor name=comment.author_name.clone() role=comment.author_role.clone() at=comment.created_at extra=concern_badge/>
            <div class="markdown" inner_html=comment.body_html.clone()></div>
            {resolution}
            {can_resolve.then(|| view! { <ResolveForm comment_id=comment.id.clone() changes/> })}
        </article>
    }
}

#[component]
fn ResolveForm(comment_id: String, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let note = RwSignal::new(String::new());
    let resolve = submit(
        move |_: &()| {
            let (id, text) = (comment_id.clone(), note.get_untracked());
            async move { resolve_concern(id, text).await }
        },
        move |_| changes.update(|n| *n += 1),
    );
    let error = resolve.error;
    view! {
        <form class="resolve-form" on:submit=move |ev| {
            ev.prevent_default();
            resolve.dispatch(());
        }>
            <label><span>{move || om().resolution_note}</span>
                <textarea name="note" rows="2" aria-label=move || om().resolution_note on:input=move |ev| note.set(event_target_value(&ev))></textarea></label>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> })}
            <button type="submit" class="secondary" disabled=move || resolve.pending()>{move || om().resolve}</button>
        </form>
    }
}
