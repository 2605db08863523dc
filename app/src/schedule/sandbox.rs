//! The plan sandbox: paste or load one plan file (and optionally a second), see its schedule,
//! Gantt, critical chain and the impact between the two — computed in the browser by the same
//! engine the server and the CLI use, with the same error messages. Nothing is stored.

use super::describe::{changed_list, explanation_sentence, item_list, names, wait_phrase};
use super::examples;
use super::gantt::{self, GanttOptions};
use super::messages::ScheduleMessages;
use crate::domain::schedule::impact::Impact;
use crate::domain::schedule::{PlanError, Schedule, ScheduledPlan};
use crate::ui::files::read_chosen_file;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;

#[component]
pub fn PlanSandboxPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <Sandbox/>
        </RequireLogin>
    }
}

/// What the sandbox shows for the current text.
#[derive(Clone, Default, PartialEq)]
struct Outcome {
    first: Option<Result<ScheduledPlan, PlanError>>,
    second: Option<Result<ScheduledPlan, PlanError>>,
    impact: Option<Impact>,
    millis: Option<f64>,
}

fn run(text: &str) -> Option<Result<ScheduledPlan, PlanError>> {
    if text.trim().is_empty() {
        return None;
    }
    Some(ScheduledPlan::from_json(text))
}

/// Milliseconds from the browser's monotonic clock (the Performance API); `None` on the server.
fn now_ms() -> Option<f64> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window().and_then(|w| w.performance()).map(|p| p.now())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        None
    }
}

fn compute(first: &str, second: &str) -> Outcome {
    let started = now_ms();
    let a = run(first);
    let b = run(second);
    let impact = match (&a, &b) {
        (Some(Ok(a)), Some(Ok(b))) => Some(a.impact_of(b)),
        _ => None,
    };
    let millis = started.zip(now_ms()).map(|(s, e)| e - s);
    Outcome { first: a, second: b, impact, millis }
}

/// Today in the browser (for the Gantt's today line); the server leaves it out.
fn today() -> Option<crate::domain::dates::Date> {
    #[cfg(feature = "hydrate")]
    {
        Some(crate::domain::dates::Date::from_unix_millis(js_sys_now()))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        None
    }
}

#[cfg(feature = "hydrate")]
fn js_sys_now() -> i64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.time_origin() + p.now()) as i64
}

#[component]
fn Sandbox() -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || ScheduleMessages::for_locale(i18n.get());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let outcome = Memo::new(move |_| compute(&first.get(), &second.get()));
    let load_example = move |_| {
        first.set(examples::SEED_QUERY_API.to_string());
        second.set(examples::SEED_APPROVAL_MESSAGE.to_string());
    };
    let clear = move |_| {
        first.set(String::new());
        second.set(String::new());
    };
    view! {
        <PageTitle text=move || sm().sandbox_title/>
        <h1>{move || sm().sandbox_title}</h1>
        <p class="hint">{move || sm().sandbox_intro}</p>
        <div class="sandbox-inputs">
            <label class="plan-input">
                <span>{move || sm().plan_file}</span>
                <textarea name="plan" rows="14" spellcheck="false" prop:value=move || first.get()
                    on:input=move |ev| first.set(event_target_value(&ev))></textarea>
            </label>
            <label class="plan-input">
                <span>{move || sm().second_plan_file}</span>
                <textarea name="candidate" rows="14" spellcheck="false" placeholder=move || sm().second_plan_hint
                    prop:value=move || second.get() on:input=move |ev| second.set(event_target_value(&ev))></textarea>
            </label>
        </div>
        <div class="sandbox-actions">
            <label class="file-button">{move || sm().load_file} " 1 "
                <input type="file" name="plan-file" accept=".json,application/json" on:change=move |ev| read_chosen_file(ev, move |_, text| first.set(text))/>
            </label>
            <label class="file-button">{move || sm().load_file} " 2 "
                <input type="file" name="candidate-file" accept=".json,application/json" on:change=move |ev| read_chosen_file(ev, move |_, text| second.set(text))/>
            </label>
            <button type="button" on:click=load_example>{move || sm().load_example}</button>
            <button type="button" class="secondary" on:click=clear>{move || sm().clear}</button>
            <span class="compute-time" data-compute-ms=move || outcome.with(|o| o.millis.map(|m| format!("{m:.3}")).unwrap_or_default())>
                {move || outcome.with(|o| o.millis.map(|m| sm().computed_in(m)).unwrap_or_default())}
            </span>
        </div>
        {move || {
            let m = sm();
            let o = outcome.get();
            view! {
                <SandboxErrors o=o.clone() m/>
                <SandboxResult o m/>
            }
        }}
    }
}

#[component]
fn SandboxErrors(o: Outcome, m: &'static ScheduleMessages) -> impl IntoView {
    let show = |label: &'static str, r: &Option<Result<ScheduledPlan, PlanError>>| match r {
        Some(Err(e)) => Some(view! { <p class="error" role="alert"><strong>{label}": "</strong>{m.error(e)}</p> }),
        _ => None,
    };
    view! {
        {show(m.plan_file, &o.first)}
        {show(m.second_plan_file, &o.second)}
    }
}

#[component]
fn SandboxResult(o: Outcome, m: &'static ScheduleMessages) -> impl IntoView {
    // The schedule shown is the candidate's when there are two plans, else the first's.
    let (shown, baseline) = match (&o.first, &o.second) {
        (Some(Ok(a)), Some(Ok(b))) => (b.clone(), Some(a.clone())),
        (Some(Ok(a)), None) => (a.clone(), None),
        (None, Some(Ok(b))) => (b.clone(), None),
        _ => return ().into_any(),
    };
    let svg = gantt::svg(
        &shown.plan,
        &shown.schedule,
        &GanttOptions {
            messages: m,
            calendar: &shown.calendar,
            today: today(),
            baseline: baseline.as_ref().map(|b| (&b.plan, &b.schedule)),
            launch_moved_working_days: o.impact.as_ref().map(|i| i.launch_moved_working_days),
            id: "sandbox-gantt",
            rows_in_view: None,
            layer: Default::default(),
            span: None,
            fit_width: None,
        },
    );
    let s = shown.schedule.clone();
    let schedules: Vec<&Schedule> = std::iter::once(&shown.schedule).chain(baseline.as_ref().map(|b| &b.schedule)).collect();
    let name_of = names(&schedules);
    let capacity = |dept: &str| s.load.iter().find(|l| l.department == dept).map_or(1, |l| l.capacity);
    let chain: Vec<_> = s
        .critical_chain
        .iter()
        .map(|l| {
            let wait = wait_phrase(m, &l.wait, &l.department, capacity(&l.department), &name_of);
            view! {
                <li>
                    <strong>{name_of(&l.item)}</strong>" [" {l.department.clone()} "] "
                    <time>{l.start.to_string()}</time>" → "<time>{l.finish.to_string()}</time>
                    " · " {wait}
                </li>
            }
        })
        .collect();
    let explanation = o.impact.as_ref().map(|i| explanation_sentence(m, &i.explanation, &name_of));
    let impact = o.impact.clone().map(|i| view! { <ImpactTables i m/> });
    let unknown_after = o.impact.as_ref().map_or(s.holidays_unknown_after, |i| i.holidays_unknown_after);
    view! {
        <section class="card sandbox-result">
            <p class="launch-line">
                <strong>{m.launch}": "</strong><time class="launch-date">{s.launch.to_string()}</time>
            </p>
            {unknown_after.map(|day| view! {
                <p class="calendar-warning" role="note" data-testid="holidays-unknown">{m.holidays_unknown(day.to_string())}</p>
            })}
            {explanation.map(|e| view! { <p class="explanation" data-testid="explanation">{e}</p> })}
            <h2>{m.gantt}</h2>
            <div class="gantt-wrap" tabindex="0" role="group" aria-label=m.gantt inner_html=svg></div>
            <h2>{m.critical_chain}</h2>
            <ol class="critical-chain">{chain}</ol>
            {impact}
            <h2>{m.item}</h2>
            <ScheduleTable s m/>
        </section>
    }
    .into_any()
}

#[component]
fn ScheduleTable(s: Schedule, m: &'static ScheduleMessages) -> impl IntoView {
    let rows: Vec<_> = s
        .items
        .into_iter()
        .map(|it| {
            view! {
                <tr class:critical=it.critical>
                    <td>{it.name.clone().unwrap_or(it.id.clone())}</td>
                    <td>{it.department}</td>
                    <td><time>{it.start.to_string()}</time></td>
                    <td><time>{it.finish.to_string()}</time></td>
                    <td>{m.days_short(it.effort)}</td>
                    <td>{it.slack}</td>
                    <td>{if it.critical { "★ " } else { "" }}{if it.critical { m.yes } else { "" }}</td>
                </tr>
            }
        })
        .collect();
    view! {
        <table class="schedule-table" tabindex="0">
            <thead><tr>
                <th>{m.item}</th><th>{m.department}</th><th>{m.start}</th><th>{m.finish}</th>
                <th>{m.effort}</th><th>{m.slack}</th><th>{m.critical}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn ImpactTables(i: Impact, m: &'static ScheduleMessages) -> impl IntoView {
    let changed = changed_list(m, &i);
    let efforts: Vec<_> = i
        .effort_by_department
        .iter()
        .map(|e| view! { <tr><td>{e.department.clone()}</td><td>{e.baseline}</td><td>{e.candidate}</td><td>{format!("{:+}", e.delta)}</td></tr> })
        .collect();
    let milestones: Vec<_> = i
        .milestones
        .iter()
        .map(|ms| {
            let show = |d: Option<crate::domain::dates::Date>| d.map_or("—".to_string(), |d| d.to_string());
            view! {
                <tr>
                    <td>{ms.name.clone().unwrap_or(ms.id.clone())}</td>
                    <td>{show(ms.baseline)}</td>
                    <td>{show(ms.candidate)}</td>
                    <td>{ms.moved_working_days.map_or("—".to_string(), |n| m.working_days(n as i64))}</td>
                </tr>
            }
        })
        .collect();
    let or_none = |v: Vec<String>| if v.is_empty() { m.none.to_string() } else { v.join(", ") };
    view! {
        <h2>{m.impact}</h2>
        <p class="launch-move" data-testid="launch-move">
            {m.launch}": " {i.baseline_launch.to_string()} " → " {i.candidate_launch.to_string()} " ("
            {m.working_days(i.launch_moved_working_days as i64)} ")"
        </p>
        <table class="milestones" tabindex="0">
            <thead><tr><th>{m.milestone}</th><th>{m.baseline}</th><th>{m.candidate}</th><th>{m.moved}</th></tr></thead>
            <tbody>{milestones}</tbody>
        </table>
        <dl class="impact-facts">
            <dt>{m.items_added}</dt><dd>{item_list(m, &i.items_added)}</dd>
            <dt>{m.items_removed}</dt><dd>{item_list(m, &i.items_removed)}</dd>
            <dt>{m.items_changed}</dt><dd>{changed}</dd>
            <dt>{m.newly_involved}</dt><dd>{or_none(i.departments_newly_involved.clone())}</dd>
            <dt>{m.dates_moved}</dt>
            <dd>{or_none(i.departments_with_moved_dates.iter().map(|d| d.department.clone()).collect())}</dd>
        </dl>
        <table class="effort" tabindex="0">
            <caption>{m.effort_by_department}</caption>
            <thead><tr><th>{m.department}</th><th>{m.baseline}</th><th>{m.candidate}</th><th>{m.moved}</th></tr></thead>
            <tbody>{efforts}</tbody>
        </table>
    }
}
