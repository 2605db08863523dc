//! A schedule change request's page: what it asks (the project, the option's revision, the launch
//! before → after), the before/after Gantt overlay of the two frozen plans, the impact table and
//! the engine's explanation, the departments asked to decide and why with each one's decision,
//! the departments it pulled in, and the forms to decide or withdraw it.
//!
//! The Gantt is drawn by scheduling the stored plan files with the shared engine, on the server
//! for the first paint and in the browser after: both plans are frozen in the request, so the
//! picture is the one the leaders are asked to agree to, whatever the settings say today.

use super::api::{decide_change_request, get_change_request, withdraw_change_request};
use super::dto::{ApprovalDto, ChangeRequestDetail};
use super::messages::RequestMessages;
use crate::domain::dates::Date;
use crate::domain::meetings::SubjectKind;
use crate::domain::schedule::impact::Impact;
use crate::domain::schedule::{Plan, PlanError, ScheduledPlan};
use crate::domain::solutions::{working_days_late, RequestStatus};
use crate::i18n::Locale;
use crate::meetings::pages::LinkedDecisions;
use crate::schedule::chart::GanttChart;
use crate::schedule::describe::{changed_list, explanation_sentence, item_list, quoted};
use crate::schedule::messages::ScheduleMessages;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::submit::submit;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;
use std::sync::Arc;

#[component]
pub fn ChangeRequestPage() -> impl IntoView {
    view! { <RequireLogin><RequestView/></RequireLogin> }
}

#[component]
fn RequestView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // Bumped after a decision or a withdrawal, so the request reloads with its new state.
    let changes = RwSignal::new(0u32);
    let detail = Resource::new(move || (params.read().get("id").unwrap_or_default(), changes.get()), |(id, _)| get_change_request(id));
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <RequestContent detail changes/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// Department names by code, as the request's approvals carry them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct DepartmentNames(BTreeMap<String, (String, String)>);

impl DepartmentNames {
    pub(super) fn from_approvals(approvals: &[ApprovalDto]) -> Self {
        DepartmentNames(approvals.iter().map(|a| (a.code.clone(), (a.name_zh.clone(), a.name_en.clone()))).collect())
    }

    /// "B · Approvals" when the name is known, else the code.
    pub(super) fn label(&self, code: &str, locale: Locale) -> String {
        match self.0.get(code) {
            Some((zh, en)) => format!("{code} · {}", locale.pick(zh, en)),
            None => code.to_string(),
        }
    }
}

/// Display names of the items of some plans (the first plan that names an item wins), quoted as
/// the explanation quotes them.
pub(super) fn item_names(plans: &[&Plan]) -> impl Fn(&str) -> String {
    let mut names: BTreeMap<String, Option<String>> = BTreeMap::new();
    for plan in plans {
        for item in &plan.items {
            let entry = names.entry(item.id.clone()).or_default();
            if entry.is_none() {
                entry.clone_from(&item.name);
            }
        }
    }
    move |id: &str| quoted(names.get(id).and_then(|n| n.as_deref()), id)
}

/// Where a request's launch comes from and goes to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LaunchLine {
    pub before: Date,
    pub after: Date,
    /// Working days from `before` to `after` (positive = later), when known.
    pub moved: Option<i32>,
    /// True when `before` is the project's target launch: the request has no baseline to move.
    pub against_target: bool,
}

/// The launch before → after of a request: against its baseline when it has one (the stored
/// impact, else the baseline plan scheduled now), else against the target launch.
pub(super) fn launch_line(detail: &ChangeRequestDetail, after: Option<&ScheduledPlan>, before: Option<&ScheduledPlan>) -> LaunchLine {
    let launch = detail.summary.launch;
    if let Some(i) = &detail.impact {
        return LaunchLine {
            before: i.baseline_launch,
            after: i.candidate_launch,
            moved: Some(i.launch_moved_working_days),
            against_target: false,
        };
    }
    if detail.baseline_plan.is_some() {
        return LaunchLine {
            before: before.map_or(launch, |b| b.schedule.launch),
            after: launch,
            moved: detail.summary.launch_moved_working_days,
            against_target: false,
        };
    }
    LaunchLine {
        before: detail.target_launch,
        after: launch,
        moved: after.map(|a| working_days_late(a, detail.target_launch)),
        against_target: true,
    }
}

#[component]
fn RequestContent(detail: ChangeRequestDetail, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let s = detail.summary.clone();
    let (kind, status, revision, requested_at) = (s.kind, s.status, s.revision, s.created_at);
    let has_baseline = detail.baseline_plan.is_some();
    let names = StoredValue::new(DepartmentNames::from_approvals(&detail.approvals));
    // The frozen plans, scheduled by the same engine as on the server.
    let after: Result<ScheduledPlan, PlanError> = ScheduledPlan::from_plan(detail.plan.clone());
    let before: Option<Result<ScheduledPlan, PlanError>> = detail.baseline_plan.clone().map(ScheduledPlan::from_plan);
    let line = launch_line(&detail, after.as_ref().ok(), before.as_ref().and_then(|b| b.as_ref().ok()));
    let requester = s.requested_by_name.clone();
    view! {
        <PageTitle text={let option = s.option_title.clone(); move || format!("{} · {}", rm().page_title(kind, has_baseline), option)}/>
        <div class="page-title">
            <h1>{move || rm().page_title(kind, has_baseline)}</h1>
            <span class=format!("status request-status-{}", status.as_str()) data-status=status.as_str()>
                {move || rm().status_name(status)}
            </span>
        </div>
        <dl class="facts request-facts">
            <dt>{move || rm().project}</dt>
            <dd><A href=format!("/projects/{}", s.project_id)>{s.project_name.clone()}</A></dd>
            <dt>{move || rm().option}</dt>
            <dd>
                <A href=format!("/options/{}", s.option_id)>{s.option_title.clone()}</A>
                <span class="muted">{move || format!(" · {}", rm().revision(revision))}</span>
            </dd>
            <dt>{move || rm().kind}</dt>
            <dd>{move || rm().kind_name(kind, has_baseline)}</dd>
            <dt>{move || rm().status}</dt>
            <dd>{move || rm().status_name(status)}</dd>
            {s.decided_at.map(|at| view! {
                <dt>{move || rm().closed_on}</dt>
                <dd>{move || i18n.get().day_of(at)}</dd>
            })}
            <dt>{move || rm().requested_by}</dt>
            <dd>{move || rm().requested_on(i18n.get().day_of(requested_at), &requester)}</dd>
            <dt>{move || rm().reason}</dt>
            <dd class="request-reason">{s.reason.clone()}</dd>
            <dt>{move || if line.against_target { format!("{} → {}", rm().target_launch, rm().launch) } else { rm().launch_before_after.to_string() }}</dt>
            <dd class="launch-line" data-testid="launch-line">
                <time datetime=line.before.to_string()>{move || i18n.get().date(line.before)}</time>
                " → "
                <time datetime=line.after.to_string()>{move || i18n.get().date(line.after)}</time>
                {line.moved.map(|n| view! {
                    " "
                    <strong class="launch-move" class:later={n > 0} data-moved=n>
                        {move || {
                            let words = rm().launch_move(i64::from(n));
                            if line.against_target { format!("({})", rm().vs_target(&words)) } else { format!("({words})") }
                        }}
                    </strong>
                })}
            </dd>
        </dl>
        <GanttSection after=after.clone() before=before.clone() moved=line.moved.filter(|_| !line.against_target)/>
        {match (&detail.impact, &after) {
            (Some(impact), _) => {
                let plans = (detail.plan.clone(), detail.baseline_plan.clone());
                view! { <ImpactSection impact=impact.clone() names=names.get_value() plans/> }.into_any()
            }
            (None, Ok(scheduled)) => view! { <PlanSummary scheduled=scheduled.clone() names=names.get_value()/> }.into_any(),
            (None, Err(_)) => ().into_any(),
        }}
        <Approvals approvals=detail.approvals.clone()/>
        <PulledIn codes=detail.departments_pulled_in.clone() names=names.get_value()/>
        <LinkedDecisions subject_kind=SubjectKind::ChangeRequest subject_id=s.id.clone()/>
        {(status == RequestStatus::Pending).then(|| {
            let id = s.id.clone();
            let approvals = detail.approvals.clone();
            detail
                .can_decide_for
                .iter()
                .map(|department| {
                    let approval = approvals.iter().find(|a| &a.code == department || &a.department_id == department);
                    let code = approval.map_or(department.clone(), |a| a.code.clone());
                    view! { <DecisionForm request_id=id.clone() code names=names.get_value() changes/> }
                })
                .collect_view()
        })}
        {(detail.can_withdraw && status == RequestStatus::Pending).then(|| view! { <WithdrawForm request_id=s.id.clone() changes/> })}
    }
}

/// The before/after overlay (or the plan alone for a first baseline), re-drawn in the reader's
/// language.
#[component]
fn GanttSection(
    after: Result<ScheduledPlan, PlanError>,
    before: Option<Result<ScheduledPlan, PlanError>>,
    moved: Option<i32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let sm = move || ScheduleMessages::for_locale(i18n.get());
    let overlay = before.is_some();
    let problem = match (&after, &before) {
        (Err(e), _) | (_, Some(Err(e))) => Some(e.clone()),
        _ => None,
    };
    let (after, before) = (after.ok().map(Arc::new), before.and_then(Result::ok).map(Arc::new));
    view! {
        <section class="card request-gantt" aria-labelledby="request-gantt-heading">
            <h2 id="request-gantt-heading">{move || if overlay { rm().before_after } else { rm().plan_to_agree }}</h2>
            {overlay.then(|| view! { <p class="hint muted">{move || rm().before_after_hint}</p> })}
            {problem.map(|e| view! { <p class="form-error" role="alert">{move || rm().plan_unschedulable(sm().error(&e))}</p> })}
            {after.map(|after| view! { <GanttChart scheduled=after baseline=before launch_moved=moved id="request-gantt" warn_unknown_holidays=true/> })}
        </section>
    }
}

/// The stored impact: milestones moved, items added, removed and changed, effort by department,
/// and the engine's explanation.
#[component]
fn ImpactSection(impact: Impact, names: DepartmentNames, plans: (Plan, Option<Plan>)) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let sm = move || ScheduleMessages::for_locale(i18n.get());
    let impact = StoredValue::new(impact);
    let names = StoredValue::new(names);
    let (candidate, baseline) = plans;
    let explanation = move || {
        let plans: Vec<&Plan> = std::iter::once(&candidate).chain(baseline.as_ref()).collect();
        let name_of = item_names(&plans);
        impact.with_value(|i| explanation_sentence(sm(), &i.explanation, &name_of))
    };
    let date = move |d: Option<Date>| d.map_or("—".to_string(), |d| i18n.get().date(d));
    let milestones = move || {
        impact.with_value(|i| {
            i.milestones
                .iter()
                .map(|ms| {
                    let moved = ms.moved_working_days.map_or("—".to_string(), |n| sm().working_days(i64::from(n)));
                    view! {
                        <tr data-id=ms.id.clone()>
                            <th scope="row">{sm().milestone_name(&ms.id, ms.name.as_deref())}</th>
                            <td>{date(ms.baseline)}</td>
                            <td>{date(ms.candidate)}</td>
                            <td>{moved}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let efforts = move || {
        impact.with_value(|i| {
            i.effort_by_department
                .iter()
                .map(|e| {
                    let label = names.with_value(|n| n.label(&e.department, i18n.get()));
                    view! {
                        <tr data-department=e.department.clone()>
                            <th scope="row">{label}</th>
                            <td>{e.baseline}</td>
                            <td>{e.candidate}</td>
                            <td>{format!("{:+}", e.delta)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card request-impact" aria-labelledby="request-impact-heading">
            <h2 id="request-impact-heading">{move || rm().impact}</h2>
            <h3>{move || rm().explanation}</h3>
            <p class="explanation" data-testid="explanation">{explanation}</p>
            {move || impact.with_value(|i| (!i.milestones.is_empty()).then(|| view! {
                <table class="milestones" tabindex="0">
                    <caption>{move || rm().milestones_caption}</caption>
                    <thead><tr>
                        <th scope="col">{move || sm().milestone}</th>
                        <th scope="col">{move || rm().before}</th>
                        <th scope="col">{move || rm().after}</th>
                        <th scope="col">{move || sm().moved}</th>
                    </tr></thead>
                    <tbody>{milestones}</tbody>
                </table>
            }))}
            <dl class="impact-facts">
                <dt>{move || sm().items_added}</dt>
                <dd data-testid="items-added">{move || impact.with_value(|i| item_list(sm(), &i.items_added))}</dd>
                <dt>{move || sm().items_removed}</dt>
                <dd data-testid="items-removed">{move || impact.with_value(|i| item_list(sm(), &i.items_removed))}</dd>
                <dt>{move || sm().items_changed}</dt>
                <dd data-testid="items-changed">{move || impact.with_value(|i| changed_list(sm(), i))}</dd>
            </dl>
            <table class="effort" tabindex="0">
                <caption>{move || rm().effort_caption}</caption>
                <thead><tr>
                    <th scope="col">{move || rm().department}</th>
                    <th scope="col">{move || rm().before}</th>
                    <th scope="col">{move || rm().after}</th>
                    <th scope="col">{move || rm().change}</th>
                </tr></thead>
                <tbody>{efforts}</tbody>
            </table>
        </section>
    }
}

/// A first baseline has nothing to compare with: its milestones and each department's effort.
#[component]
fn PlanSummary(scheduled: ScheduledPlan, names: DepartmentNames) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let sm = move || ScheduleMessages::for_locale(i18n.get());
    let mut effort: BTreeMap<String, i64> = BTreeMap::new();
    for item in &scheduled.plan.items {
        *effort.entry(item.department.clone()).or_default() += item.effort;
    }
    let milestones = scheduled.schedule.milestones.clone();
    view! {
        <section class="card request-impact" aria-labelledby="request-plan-heading">
            <h2 id="request-plan-heading">{move || rm().impact}</h2>
            {(!milestones.is_empty()).then(|| view! {
                <table class="milestones" tabindex="0">
                    <caption>{move || sm().milestones}</caption>
                    <thead><tr><th scope="col">{move || sm().milestone}</th><th scope="col">{move || rm().date}</th></tr></thead>
                    <tbody>
                        {milestones.into_iter().map(|ms| {
                            let (day, id) = (ms.date, ms.id.clone());
                            view! {
                                <tr data-id=id>
                                    <th scope="row">{move || sm().milestone_name(&ms.id, ms.name.as_deref())}</th>
                                    <td><time datetime=day.to_string()>{move || i18n.get().date(day)}</time></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <table class="effort" tabindex="0">
                <caption>{move || rm().effort_caption}</caption>
                <thead><tr><th scope="col">{move || rm().department}</th><th scope="col">{move || sm().effort}</th></tr></thead>
                <tbody>
                    {effort.into_iter().map(|(code, days)| {
                        let names = names.clone();
                        let label = code.clone();
                        view! { <tr data-department=code><th scope="row">{move || names.label(&label, i18n.get())}</th><td>{days}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The departments asked to decide, why, and what each decided.
#[component]
fn Approvals(approvals: Vec<ApprovalDto>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    view! {
        <section class="card approvals" aria-labelledby="approvals-heading">
            <h2 id="approvals-heading">{move || rm().departments_affected}</h2>
            <table class="approvals" tabindex="0">
                <caption>{move || rm().departments_caption}</caption>
                <thead><tr>
                    <th scope="col">{move || rm().department}</th>
                    <th scope="col">{move || rm().why}</th>
                    <th scope="col">{move || rm().decision}</th>
                    <th scope="col">{move || rm().decided_by}</th>
                    <th scope="col">{move || rm().comment}</th>
                    <th scope="col">{move || rm().decided_on}</th>
                </tr></thead>
                <tbody>
                    {approvals.into_iter().map(|a| {
                        let decision = a.decision.clone();
                        let state = decision.clone().unwrap_or_else(|| "waiting".into());
                        let reasons = a.reasons.clone();
                        let decided_at = a.decided_at;
                        let (code, zh, en) = (a.code.clone(), a.name_zh.clone(), a.name_en.clone());
                        view! {
                            <tr data-department=a.code.clone() data-decision=state.clone()>
                                <th scope="row">{move || format!("{code} · {}", i18n.get().pick(&zh, &en))}</th>
                                <td>{move || rm().reasons_line(&reasons)}</td>
                                <td><span class=format!("decision decision-{state}")>{move || rm().decision_name(decision.as_deref())}</span></td>
                                <td>{a.decided_by_name.clone().unwrap_or_default()}</td>
                                <td class="decision-comment">{a.comment.clone().unwrap_or_default()}</td>
                                <td>{move || decided_at.map(|at| i18n.get().day_of(at)).unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The departments the request made stakeholders of the project.
#[component]
fn PulledIn(codes: Vec<String>, names: DepartmentNames) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    (!codes.is_empty()).then(|| {
        view! {
            <section class="card pulled-in" aria-labelledby="pulled-in-heading">
                <h2 id="pulled-in-heading">{move || rm().pulled_in}</h2>
                <p class="muted">{move || rm().pulled_in_hint}</p>
                <ul>
                    {codes.into_iter().map(|code| {
                        let (names, label) = (names.clone(), code.clone());
                        view! { <li data-department=code>{move || names.label(&label, i18n.get())}</li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// A leader's decision for their department: approve or reject, with a comment.
#[component]
fn DecisionForm(request_id: String, code: String, names: DepartmentNames, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let comment = RwSignal::new(String::new());
    let decide = submit(
        move |decision: &&'static str| {
            let (id, decision, comment) = (request_id.clone(), decision.to_string(), comment.get_untracked());
            async move { decide_change_request(id, decision, comment).await }
        },
        move |_| changes.update(|n| *n += 1),
    );
    let error = decide.error;
    let (heading, field, hint) = (format!("decide-{code}-heading"), format!("decide-{code}-comment"), format!("decide-{code}-hint"));
    let send = move |decision: &'static str| {
        decide.dispatch(decision);
    };
    let department = code.clone();
    view! {
        <section class="card decision-form" data-department=department aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{move || rm().your_decision(names.label(&code, i18n.get()))}</h2>
            <form on:submit=move |ev| ev.prevent_default()>
                <label for=field.clone()><span>{move || rm().decision_comment}</span></label>
                <textarea id=field name="comment" rows="3" maxlength="5000" aria-describedby=hint.clone()
                    aria-invalid=move || error.with(|e| e.as_ref().is_some_and(|e| e.field() == Some("comment"))).to_string()
                    prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <small id=hint class="muted">{move || rm().decision_comment_hint}</small>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> })}
                <div class="row-actions">
                    <button type="button" class="approve" data-decision="approve" disabled=move || decide.pending()
                        on:click=move |_| send("approve")>{move || rm().approve}</button>
                    <button type="button" class="reject" data-decision="reject" disabled=move || decide.pending()
                        on:click=move |_| send("reject")>{move || rm().reject}</button>
                </div>
            </form>
        </section>
    }
}

/// The requester takes the request back while it waits.
#[component]
fn WithdrawForm(request_id: String, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let withdraw = submit(
        move |_: &()| {
            let id = request_id.clone();
            async move { withdraw_change_request(id).await }
        },
        move |_| changes.update(|n| *n += 1),
    );
    let error = withdraw.error;
    view! {
        <section class="card withdraw">
            <p class="muted" id="withdraw-hint">{move || rm().withdraw_hint}</p>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> })}
            <button type="button" class="secondary withdraw-button" aria-describedby="withdraw-hint" disabled=move || withdraw.pending()
                on:click=move |_| { withdraw.dispatch(()); }>
                {move || rm().withdraw}
            </button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change_requests::dto::ChangeRequestSummary;
    use crate::domain::schedule::CalendarSpec;
    use crate::domain::solutions::{ApprovalReason, PlanFrame, RequestKind};

    use crate::domain::dates::d;

    fn plan(items: &[(&str, &str, i64, Option<&str>)]) -> Plan {
        let mut work = crate::domain::solutions::test_work_plan(items);
        for item in work.items.iter_mut().filter(|i| i.id == "b") {
            item.name = Some("approval message".into());
        }
        let frame = PlanFrame { start: d("2026-03-02"), calendar: CalendarSpec::Named("weekdays".into()), departments: vec![] };
        work.to_plan(&frame)
    }

    fn detail(baseline: Option<Plan>, candidate: Plan) -> ChangeRequestDetail {
        let impact = baseline
            .as_ref()
            .map(|b| ScheduledPlan::from_plan(b.clone()).unwrap().impact_of(&ScheduledPlan::from_plan(candidate.clone()).unwrap()));
        let launch = ScheduledPlan::from_plan(candidate.clone()).unwrap().schedule.launch;
        ChangeRequestDetail {
            summary: ChangeRequestSummary {
                id: "r1".into(),
                project_id: "p1".into(),
                project_name: "Approvals".into(),
                option_id: "o1".into(),
                option_title: "Query B".into(),
                revision: 2,
                kind: if baseline.is_some() { RequestKind::Change } else { RequestKind::Choice },
                status: RequestStatus::Pending,
                reason: "B must send a message".into(),
                launch,
                launch_moved_working_days: impact.as_ref().map(|i| i.launch_moved_working_days),
                requested_by: "u1".into(),
                requested_by_name: "Pat".into(),
                created_at: 0,
                decided_at: None,
            },
            baseline_number: baseline.as_ref().map(|_| 1),
            baseline_plan: baseline,
            plan: candidate,
            impact,
            target_launch: d("2026-03-06"),
            approvals: vec![ApprovalDto {
                department_id: "dept-b".into(),
                code: "B".into(),
                name_zh: "审批".into(),
                name_en: "Approvals".into(),
                reasons: vec![ApprovalReason::NewlyInvolved { effort: 3 }],
                decision: None,
                decided_by: None,
                decided_by_name: None,
                comment: None,
                decided_at: None,
            }],
            departments_pulled_in: vec!["B".into()],
            can_decide_for: vec![],
            can_withdraw: false,
        }
    }

    #[test]
    fn a_change_is_measured_against_its_baseline() {
        let base = plan(&[("a", "A", 5, None)]);
        let changed = plan(&[("a", "A", 5, None), ("b", "B", 3, Some("a"))]);
        let r = detail(Some(base), changed);
        let after = ScheduledPlan::from_plan(r.plan.clone()).unwrap();
        let line = launch_line(&r, Some(&after), None);
        assert_eq!(line, LaunchLine { before: d("2026-03-06"), after: d("2026-03-11"), moved: Some(3), against_target: false });
    }

    #[test]
    fn a_first_baseline_is_measured_against_the_target_launch() {
        let r = detail(None, plan(&[("a", "A", 7, None)]));
        let after = ScheduledPlan::from_plan(r.plan.clone()).unwrap();
        let line = launch_line(&r, Some(&after), None);
        assert_eq!(line, LaunchLine { before: d("2026-03-06"), after: d("2026-03-10"), moved: Some(2), against_target: true });
        let unscheduled = launch_line(&r, None, None);
        assert_eq!(unscheduled.moved, None, "no move is claimed when the plan cannot be scheduled");
    }

    #[test]
    fn items_are_named_from_either_plan_and_departments_by_their_approval() {
        let name_of = item_names(&[&plan(&[("a", "A", 1, None)]), &plan(&[("b", "B", 1, None)])]);
        assert_eq!(name_of("a"), "“a”");
        assert_eq!(name_of("b"), "“approval message”");
        assert_eq!(name_of("zz"), "“zz”");
        let r = detail(None, plan(&[("a", "A", 1, None)]));
        let names = DepartmentNames::from_approvals(&r.approvals);
        assert_eq!(names.label("B", Locale::ZhCn), "B · 审批");
        assert_eq!(names.label("B", Locale::En), "B · Approvals");
        assert_eq!(names.label("C", Locale::En), "C");
    }
}
