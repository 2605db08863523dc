//! A requirement's options side by side: status, launch and its move against the baseline (or the
//! target launch), departments and their effort, departments pulled in, uncovered scenarios and
//! open concerns — each figure the server computed on today's settings and baseline.

use super::api::{get_option, list_options};
use super::dto::{LaunchReference, OptionDetail};
use super::impact_view::{department_label, scenario_name};
use super::messages::OptionMessages;
use super::option_page::StatusBadge;
use crate::error::AppError;
use crate::schedule::messages::ScheduleMessages;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CompareOptionsPage() -> impl IntoView {
    view! { <RequireLogin><CompareOptions/></RequireLogin> }
}

#[component]
fn CompareOptions() -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let params = use_params_map();
    let requirement_id = move || params.read().get("id").unwrap_or_default();
    let options = Resource::new(requirement_id, |id| async move {
        let list = list_options(id).await?;
        let mut details = Vec::with_capacity(list.len());
        for o in list {
            details.push(get_option(o.id).await?);
        }
        Ok::<_, AppError>(details)
    });
    view! {
        <PageTitle text=move || om().compare_options/>
        <h1>{move || om().compare_options}</h1>
        <p>
            <A href=move || format!("/requirements/{}", requirement_id())>{move || om().back_to_requirement}</A> " · "
            <A href=move || format!("/requirements/{}/options/new", requirement_id())>{move || om().propose_option}</A>
        </p>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match options.await {
                    Err(e) => load_error(e),
                    Ok(details) if details.is_empty() => view! { <p class="muted">{move || om().no_options}</p> }.into_any(),
                    Ok(details) => view! { <CompareTable details/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CompareTable(details: Vec<OptionDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let heading = details.first().map(|d| format!("{} {}", d.requirement_key, d.requirement_title)).unwrap_or_default();
    let details = StoredValue::new(details);
    // One row of the table: a heading and a cell per option.
    let row = move |class: &'static str, label: fn(&OptionMessages) -> &'static str, cell: fn(&OptionDetail) -> AnyView| {
        view! {
            <tr class=class>
                <th scope="row">{move || label(om())}</th>
                {details.with_value(|ds| ds.iter().map(|d| view! { <td>{cell(d)}</td> }).collect_view())}
            </tr>
        }
    };
    view! {
        <p class="muted">{heading}</p>
        // Focusable, so the keyboard can scroll a comparison wider than the screen.
        <div class="compare-wrap" tabindex="0" role="group" aria-label=move || om().compare_options>
            <table class="compare-options">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{move || om().option}</span></th>
                        {details.with_value(|ds| ds.iter().map(|d| {
                            let (id, title) = (d.id.clone(), d.title.clone());
                            view! { <th scope="col" data-id=id.clone()><A href=format!("/options/{id}")>{title}</A></th> }
                        }).collect_view())}
                    </tr>
                </thead>
                <tbody>
                    {row("status", |m| m.status, |d| view! { <StatusBadge status=d.status/> }.into_any())}
                    {row("launch", |m| m.launch, launch_cell)}
                    {row("moved", |m| m.against_reference, moved_cell)}
                    {row("departments", |m| m.departments_involved, departments_cell)}
                    {row("uncovered", |m| m.uncovered_scenarios, uncovered_cell)}
                    {row("concerns", |m| m.open_concerns, |d| {
                        let n = d.open_concerns;
                        view! { <span class:has-open-concerns={n > 0} data-open-concerns=n>{n}</span> }.into_any()
                    })}
                    {row("proposed-by", |m| m.proposed_by, |d| d.created_by_name.clone().into_any())}
                </tbody>
            </table>
        </div>
    }
}

fn launch_cell(d: &OptionDetail) -> AnyView {
    let i18n = use_i18n();
    match (&d.impact, &d.plan_error) {
        (Some(i), _) => {
            view! { <time datetime=i.launch.to_string() data-launch=i.launch.to_string()>{i.launch.to_string()}</time> }.into_any()
        }
        (None, Some(e)) => {
            let e = e.clone();
            view! { <span class="form-error">{move || OptionMessages::of(i18n.get()).plan_cannot_schedule}" "{e}</span> }.into_any()
        }
        (None, None) => "—".into_any(),
    }
}

fn moved_cell(d: &OptionDetail) -> AnyView {
    let i18n = use_i18n();
    let Some(i) = d.impact.clone() else { return "—".into_any() };
    let moved = i.launch_moved_working_days;
    let text = move || {
        let locale = i18n.get();
        let (om, sm) = (OptionMessages::of(locale), ScheduleMessages::for_locale(locale));
        let days = sm.working_days(i64::from(moved));
        match &i.reference {
            LaunchReference::Baseline { number, launch } => om.moved_vs_baseline(launch, &days, number),
            LaunchReference::TargetLaunch { launch } => om.moved_vs_target(&days, launch.to_string()),
        }
    };
    view! { <span data-moved=moved class:later={moved > 0} class:earlier={moved < 0}>{text}</span> }.into_any()
}

fn departments_cell(d: &OptionDetail) -> AnyView {
    let i18n = use_i18n();
    let Some(i) = d.impact.clone() else { return "—".into_any() };
    let departments = d.context.departments.clone();
    view! {
        <ul class="compare-departments">
            {i.departments.into_iter().map(|w| {
                let departments = departments.clone();
                let code = w.code.clone();
                view! {
                    <li data-code=w.code.clone() class:newly=w.newly_pulled_in>
                        {move || {
                            let locale = i18n.get();
                            format!("{}: {}", department_label(&departments, &code, locale), ScheduleMessages::for_locale(locale).days_short(w.effort.max(0) as u32))
                        }}
                        {w.newly_pulled_in.then(|| view! { " " <span class="badge pulled-in">{move || OptionMessages::of(i18n.get()).newly_pulled_in}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn uncovered_cell(d: &OptionDetail) -> AnyView {
    let i18n = use_i18n();
    let Some(i) = &d.impact else { return "—".into_any() };
    if i.uncovered_scenarios.is_empty() {
        return view! { <span class="muted">{move || OptionMessages::of(i18n.get()).all_scenarios_covered}</span> }.into_any();
    }
    let names: Vec<String> = i.uncovered_scenarios.iter().map(|id| scenario_name(&d.context.scenarios, id)).collect();
    view! { <ul class="compare-uncovered">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
}
