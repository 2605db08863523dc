//! A project's schedule tab: the current baseline's Gantt, every baseline with the launch move
//! from the one before (the project's slip history) and who approved it, and the project's
//! schedule requests with their status.

use super::api::get_project_schedule;
use super::dto::{BaselineDto, ChangeRequestSummary, ProjectSchedule};
use super::messages::RequestMessages;
use crate::domain::schedule::ScheduledPlan;
use crate::schedule::chart::GanttChart;
use crate::schedule::messages::ScheduleMessages;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

#[component]
pub fn ProjectSchedulePage() -> impl IntoView {
    view! { <RequireLogin><ScheduleView/></RequireLogin> }
}

#[component]
fn ScheduleView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let schedule = Resource::new(move || params.read().get("id").unwrap_or_default(), get_project_schedule);
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match schedule.await {
                    Ok(schedule) => view! { <ScheduleContent schedule/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// The launch's total move from the first baseline to the current one, and how many baselines
/// there are (`None` before there are two: nothing has moved yet).
pub fn total_slip(baselines: &[BaselineDto]) -> Option<(i64, i64)> {
    let count = baselines.len() as i64;
    (count > 1).then(|| (baselines.iter().filter_map(|b| b.launch_moved_working_days).map(i64::from).sum(), count))
}

#[component]
fn ScheduleContent(schedule: ProjectSchedule) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let ProjectSchedule { project_id, project_name, target_launch, current_plan, baselines, requests } = schedule;
    let title = project_name.clone();
    let current = baselines.iter().max_by_key(|b| b.number).cloned();
    let slip = total_slip(&baselines);
    view! {
        <PageTitle text={let title = title.clone(); move || rm().schedule_title(&title)}/>
        <div class="page-title">
            <h1>{move || rm().schedule_title(&title)}</h1>
            <A href=format!("/projects/{project_id}") attr:class="button secondary">{move || rm().back_to_project}</A>
        </div>
        <dl class="facts">
            <dt>{move || rm().target_launch}</dt>
            <dd><time datetime=target_launch.to_string()>{move || i18n.get().date(target_launch)}</time></dd>
            {current.clone().map(|b| {
                let (number, launch) = (b.number, b.launch);
                view! {
                    <dt>{move || rm().current_baseline}</dt>
                    <dd>{move || rm().baseline(number)}</dd>
                    <dt>{move || rm().agreed_launch}</dt>
                    <dd data-testid="agreed-launch"><time datetime=launch.to_string()>{move || i18n.get().date(launch)}</time></dd>
                }
            })}
        </dl>
        <CurrentGantt plan=current_plan/>
        <section class="card baselines" aria-labelledby="baselines-heading">
            <h2 id="baselines-heading">{move || rm().baselines}</h2>
            {slip.map(|(n, count)| view! { <p class="total-slip" data-moved=n>{move || rm().total_slip(n, count)}</p> })}
            {if baselines.is_empty() {
                view! { <p class="muted">{move || rm().no_baselines}</p> }.into_any()
            } else {
                view! { <BaselineTable baselines current=current.map(|b| b.number)/> }.into_any()
            }}
        </section>
        <section class="card project-requests" aria-labelledby="requests-heading">
            <h2 id="requests-heading">{move || rm().requests}</h2>
            {if requests.is_empty() {
                view! { <p class="muted">{move || rm().no_requests}</p> }.into_any()
            } else {
                view! { <RequestTable requests/> }.into_any()
            }}
        </section>
    }
}

/// The current baseline's Gantt, re-drawn in the reader's language; a sentence before there is one.
#[component]
fn CurrentGantt(plan: Option<crate::domain::schedule::Plan>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let sm = move || ScheduleMessages::for_locale(i18n.get());
    let Some(plan) = plan else {
        return view! { <p class="notice no-baseline">{move || rm().no_baseline}</p> }.into_any();
    };
    let scheduled = ScheduledPlan::from_plan(plan);
    let problem = scheduled.as_ref().err().cloned();
    view! {
        <section class="card schedule-gantt" aria-labelledby="schedule-gantt-heading">
            <h2 id="schedule-gantt-heading">{move || sm().gantt}</h2>
            {problem.map(|e| view! { <p class="form-error" role="alert">{move || rm().plan_unschedulable(sm().error(&e))}</p> })}
            {scheduled.ok().map(|s| view! { <GanttChart scheduled=Arc::new(s) id="schedule-gantt" warn_unknown_holidays=true/> })}
        </section>
    }
    .into_any()
}

#[component]
fn BaselineTable(baselines: Vec<BaselineDto>, current: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    view! {
        <table class="baselines" tabindex="0">
            <caption>{move || rm().baselines_caption}</caption>
            <thead><tr>
                <th scope="col">{move || rm().number}</th>
                <th scope="col">{move || rm().agreed_on}</th>
                <th scope="col">{move || rm().option}</th>
                <th scope="col">{move || rm().launch}</th>
                <th scope="col">{move || rm().move_vs_previous}</th>
                <th scope="col">{move || rm().reason}</th>
                <th scope="col">{move || rm().approved_by}</th>
            </tr></thead>
            <tbody>
                {baselines.into_iter().map(|b| {
                    let (number, revision, launch, created, moved) = (b.number, b.revision, b.launch, b.created_at, b.launch_moved_working_days);
                    let is_current = current == Some(number);
                    let approved_by = b.approved_by.clone();
                    let requester = b.requested_by_name.clone();
                    view! {
                        <tr data-number=number class:current=is_current>
                            <th scope="row">
                                <A href=format!("/change-requests/{}", b.request_id)>{move || rm().baseline(number)}</A>
                                {is_current.then(|| view! { " " <span class="badge">{move || rm().current}</span> })}
                            </th>
                            <td><time>{move || i18n.get().day_of(created)}</time></td>
                            <td>
                                <A href=format!("/options/{}", b.option_id)>{b.option_title.clone()}</A>
                                <span class="muted">{move || format!(" · {}", rm().revision(revision))}</span>
                            </td>
                            <td><time datetime=launch.to_string()>{move || i18n.get().date(launch)}</time></td>
                            <td class="launch-move" class:later={moved.is_some_and(|n| n > 0)} data-moved=moved.map(|n| n.to_string())>
                                {move || moved.map_or(rm().first_baseline.to_string(), |n| rm().launch_move(i64::from(n)))}
                            </td>
                            <td>
                                {b.reason.clone()}
                                <div class="muted">{move || format!("{}: {requester}", rm().requested_by)}</div>
                            </td>
                            <td>
                                {if approved_by.is_empty() {
                                    view! { <span class="muted">{move || rm().none}</span> }.into_any()
                                } else {
                                    view! { <ul class="approved-by">{approved_by.into_iter().map(|who| view! { <li>{who}</li> }).collect_view()}</ul> }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn RequestTable(requests: Vec<ChangeRequestSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    view! {
        <table class="requests" tabindex="0">
            <caption>{move || rm().requests_caption}</caption>
            <thead><tr>
                <th scope="col">{move || rm().request}</th>
                <th scope="col">{move || rm().option}</th>
                <th scope="col">{move || rm().status}</th>
                <th scope="col">{move || rm().launch}</th>
                <th scope="col">{move || rm().requested_by}</th>
            </tr></thead>
            <tbody>
                {requests.into_iter().map(|r| {
                    let (kind, status, revision, launch, created, moved) =
                        (r.kind, r.status, r.revision, r.launch, r.created_at, r.launch_moved_working_days);
                    let requester = r.requested_by_name.clone();
                    view! {
                        <tr data-id=r.id.clone() data-status=status.as_str()>
                            <th scope="row">
                                <A href=format!("/change-requests/{}", r.id)>{move || rm().kind_name(kind, moved.is_some())}</A>
                                <div class="muted request-reason">{r.reason.clone()}</div>
                            </th>
                            <td>
                                <A href=format!("/options/{}", r.option_id)>{r.option_title.clone()}</A>
                                <span class="muted">{move || format!(" · {}", rm().revision(revision))}</span>
                            </td>
                            <td><span class=format!("status request-status-{}", status.as_str())>{move || rm().status_name(status)}</span></td>
                            <td>
                                <time datetime=launch.to_string()>{move || i18n.get().date(launch)}</time>
                                {moved.map(|n| view! {
                                    " " <span class="launch-move" class:later={n > 0}>{move || format!("({})", rm().launch_move(i64::from(n)))}</span>
                                })}
                            </td>
                            <td>{move || rm().requested_on(i18n.get().day_of(created), &requester)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::Date;

    fn baseline(number: i64, moved: Option<i32>) -> BaselineDto {
        BaselineDto {
            id: format!("b{number}"),
            number,
            option_id: "o1".into(),
            option_title: "Query B".into(),
            revision: number,
            launch: Date::parse("2026-04-01", "d").unwrap(),
            launch_moved_working_days: moved,
            request_id: format!("r{number}"),
            reason: String::new(),
            requested_by_name: "Pat".into(),
            approved_by: vec![],
            created_at: 0,
        }
    }

    #[test]
    fn the_slip_history_adds_up_every_moves_from_the_first_baseline() {
        assert_eq!(total_slip(&[]), None);
        assert_eq!(total_slip(&[baseline(1, None)]), None, "one baseline has not moved");
        let history = [baseline(3, Some(0)), baseline(2, Some(10)), baseline(1, None)];
        assert_eq!(total_slip(&history), Some((10, 3)));
        let earlier = [baseline(2, Some(-2)), baseline(1, None)];
        assert_eq!(total_slip(&earlier), Some((-2, 2)));
    }
}
