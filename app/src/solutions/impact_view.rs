//! How an option's schedule impact is shown — the same blocks in the editor (live, while typing),
//! on the option's page and in a revision diff:
//!
//! - [`ImpactView`]: launch against the baseline (or the target launch), departments involved and
//!   their effort (newly pulled in flagged), uncovered scenarios, the explanation, the Gantt.
//! - [`EngineImpact`]: an engine [`Impact`] between two plans: launch move, explanation, milestone
//!   moves, items added/removed/changed, effort per department, departments whose dates move.
//!
//! The Gantt charts they embed are [`crate::schedule::chart`]'s. All take plain data, so the server renders them and the browser re-renders them on a change.

use super::dto::{DepartmentChoice, LaunchReference, OptionImpact, PlanContext, ScenarioChoice};
use super::messages::OptionMessages;
use crate::domain::dates::Date;
use crate::domain::schedule::impact::Impact;
use crate::domain::schedule::{Schedule, ScheduledPlan};
use crate::i18n::Locale;
use crate::schedule::chart::{GanttChart, HolidaysUnknown};
use crate::schedule::describe::{changed_list, explanation_sentence, item_list, names, wait_phrase};
use crate::schedule::messages::ScheduleMessages;
use crate::ui::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

/// A department as people read it: "name (code)", or the code alone when it is not known.
pub fn department_label(departments: &[DepartmentChoice], code: &str, locale: Locale) -> String {
    match departments.iter().find(|d| d.code == code) {
        Some(d) => format!("{} ({})", d.name(locale), d.code),
        None => code.to_string(),
    }
}

/// A scenario's name by id (the id itself when the requirement no longer has it).
pub fn scenario_name(scenarios: &[ScenarioChoice], id: &str) -> String {
    scenarios.iter().find(|s| s.id == id).map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// The launch move in words: "+3 working days".
fn moved_text(locale: Locale, moved: i32) -> String {
    ScheduleMessages::for_locale(locale).working_days(i64::from(moved))
}

/// An option's impact: what the editor shows as people type and the option's page shows as saved.
#[component]
pub fn ImpactView(
    impact: OptionImpact,
    /// The option's plan, scheduled: draws the Gantt and names items in the explanation.
    #[prop(optional_no_strip)]
    scheduled: Option<Arc<ScheduledPlan>>,
    /// The project's current baseline, scheduled: drawn behind the option's bars.
    #[prop(optional_no_strip)]
    baseline: Option<Arc<ScheduledPlan>>,
    context: Arc<PlanContext>,
    /// Distinguishes the block's Gantt from others on the page.
    id: &'static str,
    /// Leave the Gantt out (the editor draws its own, which stays on the page while it changes).
    #[prop(optional)]
    without_gantt: bool,
    /// Whether the details are open, kept by a caller that draws the block again and again.
    #[prop(optional)]
    details_open: Option<RwSignal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let i = impact;
    let (launch, moved) = (i.launch, i.launch_moved_working_days);
    let reference = i.reference.clone();
    let launch_line = move || {
        let locale = i18n.get();
        let m = OptionMessages::of(locale);
        let moved = moved_text(locale, moved);
        match &reference {
            LaunchReference::Baseline { number, launch: agreed } => m.launch_vs_baseline(agreed, launch, &moved, number),
            LaunchReference::TargetLaunch { launch: target } => m.launch_vs_target(launch.to_string(), &moved, target.to_string()),
        }
    };
    let direction = match moved {
        n if n > 0 => "later",
        n if n < 0 => "earlier",
        _ => "same",
    };
    let schedules: Vec<Arc<ScheduledPlan>> = scheduled.iter().chain(baseline.iter()).cloned().collect();
    let explanation = i.impact.as_ref().map(|engine| {
        let explanation = engine.explanation.clone();
        let schedules = schedules.clone();
        move || {
            let refs: Vec<&Schedule> = schedules.iter().map(|s| &s.schedule).collect();
            let name_of = names(&refs);
            explanation_sentence(ScheduleMessages::for_locale(i18n.get()), &explanation, &name_of)
        }
    });
    let ctx = context.clone();
    let departments: Vec<_> = i
        .departments
        .iter()
        .cloned()
        .map(|d| {
            let ctx = ctx.clone();
            let code = d.code.clone();
            view! {
                <tr data-code=d.code.clone() data-newly=d.newly_pulled_in.to_string() class:newly=d.newly_pulled_in>
                    <td>{move || department_label(&ctx.departments, &code, i18n.get())}</td>
                    <td class="num">{move || ScheduleMessages::for_locale(i18n.get()).days_short(d.effort.max(0) as u32)}</td>
                    <td>{d.newly_pulled_in.then(|| view! { <span class="badge pulled-in">{move || om().newly_pulled_in}</span> })}</td>
                </tr>
            }
        })
        .collect();
    let uncovered: Vec<String> = i.uncovered_scenarios.iter().map(|id| scenario_name(&context.scenarios, id)).collect();
    let unknown_after = i.holidays_unknown_after;
    let all_covered = uncovered.is_empty();
    let engine = i.impact.clone();
    // Before a baseline there is no change to explain: the critical chain says why the launch
    // falls where it does.
    let chain = scheduled.clone().filter(|_| i.impact.is_none()).map(|s| {
        move || {
            let m = ScheduleMessages::for_locale(i18n.get());
            let refs = [&s.schedule];
            let name_of = names(&refs);
            let capacity = |dept: &str| s.schedule.load.iter().find(|l| l.department == dept).map_or(1, |l| l.capacity);
            let lines: Vec<String> = s
                .schedule
                .critical_chain
                .iter()
                .map(|l| {
                    let wait = wait_phrase(m, &l.wait, &l.department, capacity(&l.department), &name_of);
                    format!("{} [{}] {} → {} · {wait}", name_of(&l.item), l.department, l.start, l.finish)
                })
                .collect();
            view! {
                <h3>{m.critical_chain}</h3>
                <ol class="critical-chain">{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ol>
            }
        }
    });
    let chart = scheduled
        .clone()
        .filter(|_| !without_gantt)
        .map(|s| view! { <GanttChart scheduled=s baseline=baseline.clone() launch_moved=Some(moved) id/> });
    let engine_view = engine.map(|e| {
        let departments = context.departments.clone();
        let open = details_open.unwrap_or_else(|| RwSignal::new(false));
        let node = NodeRef::<leptos::html::Details>::new();
        let toggled = move |_| {
            if let Some(d) = node.get_untracked() {
                open.set(d.open());
            }
        };
        let (candidate, earlier) = (scheduled.clone(), baseline.clone());
        // Drawn only while open: against a baseline with little in common, the lists run to
        // hundreds of items, and building them on every keystroke would cost the editor its
        // 50 ms budget for nothing anyone sees.
        let body = move || {
            open.get().then(|| {
                let (e, candidate, earlier, departments) = (e.clone(), candidate.clone(), earlier.clone(), departments.clone());
                view! { <EngineImpact impact=e candidate baseline=earlier departments without_explanation=true/> }
            })
        };
        view! {
            <details class="impact-details" node_ref=node prop:open=move || open.get() on:toggle=toggled>
                <summary>{move || om().impact_details}</summary>
                {body}
            </details>
        }
    });
    view! {
        <div class="impact-view" data-launch=launch.to_string() data-moved=moved>
            <p class=format!("launch-line moved-{direction}") data-testid="launch-line"><strong>{move || om().launch}": "</strong>{launch_line}</p>
            <HolidaysUnknown after=unknown_after/>
            {match explanation {
                Some(sentence) => view! { <p class="explanation" data-testid="explanation">{sentence}</p> }.into_any(),
                None => view! { <p class="muted no-baseline">{move || om().no_baseline_yet}</p> {chain} }.into_any(),
            }}
            <div class="impact-grid">
                <table class="impact-departments" tabindex="0">
                    <caption>{move || om().departments_involved}</caption>
                    <thead><tr><th scope="col">{move || om().department}</th><th scope="col">{move || om().effort}</th><th scope="col"><span class="visually-hidden">{move || om().newly_pulled_in}</span></th></tr></thead>
                    <tbody>{departments}</tbody>
                </table>
                <div class="uncovered">
                    <h3>{move || om().uncovered_scenarios}</h3>
                    {if all_covered {
                        view! { <p class="muted all-covered">{move || om().all_scenarios_covered}</p> }.into_any()
                    } else {
                        view! { <ul class="uncovered-scenarios">{uncovered.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </div>
            </div>
            {chart}
            {engine_view}
        </div>
    }
}

/// The engine's impact of changing one plan into another: what moved, what changed, and why.
#[component]
pub fn EngineImpact(
    impact: Impact,
    /// The changed plan scheduled (names the items in the explanation).
    #[prop(optional_no_strip)]
    candidate: Option<Arc<ScheduledPlan>>,
    /// The earlier plan scheduled.
    #[prop(optional_no_strip)]
    baseline: Option<Arc<ScheduledPlan>>,
    /// Names of the departments (codes are shown when empty).
    #[prop(optional)]
    departments: Vec<DepartmentChoice>,
    /// Leave out the explanation (when it is already shown above).
    #[prop(optional)]
    without_explanation: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || ScheduleMessages::for_locale(i18n.get());
    let i = Arc::new(impact);
    let departments = Arc::new(departments);
    let schedules: Vec<Arc<ScheduledPlan>> = candidate.iter().chain(baseline.iter()).cloned().collect();
    let moved = i.launch_moved_working_days;
    let launch_move = {
        let i = i.clone();
        move || format!("{} → {} ({})", i.baseline_launch, i.candidate_launch, sm().working_days(i64::from(moved)))
    };
    let explanation = (!without_explanation).then(|| {
        let (i, schedules) = (i.clone(), schedules.clone());
        move || {
            let refs: Vec<&Schedule> = schedules.iter().map(|s| &s.schedule).collect();
            let name_of = names(&refs);
            explanation_sentence(sm(), &i.explanation, &name_of)
        }
    });
    let milestones: Vec<_> = i
        .milestones
        .iter()
        .cloned()
        .map(|ms| {
            let show = |d: Option<Date>| d.map_or("—".to_string(), |d| d.to_string());
            let label = move || ScheduleMessages::for_locale(i18n.get()).milestone_name(&ms.id, ms.name.as_deref());
            view! {
                <tr>
                    <td>{label}</td>
                    <td>{show(ms.baseline)}</td>
                    <td>{show(ms.candidate)}</td>
                    <td>{move || ms.moved_working_days.map_or("—".to_string(), |n| sm().working_days(i64::from(n)))}</td>
                </tr>
            }
        })
        .collect();
    let efforts: Vec<_> = i
        .effort_by_department
        .iter()
        .map(|e| {
            let departments = departments.clone();
            let code = e.department.clone();
            view! {
                <tr data-code=e.department.clone()>
                    <td>{move || department_label(&departments, &code, i18n.get())}</td>
                    <td class="num">{e.baseline}</td>
                    <td class="num">{e.candidate}</td>
                    <td class="num">{format!("{:+}", e.delta)}</td>
                </tr>
            }
        })
        .collect();
    let facts = {
        let (i, departments) = (i.clone(), departments.clone());
        move || {
            let m = sm();
            let locale = i18n.get();
            let or_none = |v: Vec<String>| if v.is_empty() { m.none.to_string() } else { v.join(m.list_separator) };
            let label = |code: &String| department_label(&departments, code, locale);
            let changed = changed_list(m, &i);
            let moved: Vec<String> = i
                .departments_with_moved_dates
                .iter()
                .map(|d| format!("{} ({})", label(&d.department), m.working_days(i64::from(d.last_finish_moved_working_days))))
                .collect();
            view! {
                <dt>{m.items_added}</dt><dd class="items-added">{item_list(m, &i.items_added)}</dd>
                <dt>{m.items_removed}</dt><dd class="items-removed">{item_list(m, &i.items_removed)}</dd>
                <dt>{m.items_changed}</dt><dd class="items-changed">{changed}</dd>
                <dt>{m.newly_involved}</dt><dd class="newly-involved">{or_none(i.departments_newly_involved.iter().map(label).collect())}</dd>
                <dt>{m.dates_moved}</dt><dd class="dates-moved">{or_none(moved)}</dd>
            }
        }
    };
    let has_milestones = !milestones.is_empty();
    view! {
        <div class="engine-impact" data-moved=moved>
            <p class="launch-move" data-testid="launch-move"><strong>{move || sm().launch}": "</strong>{launch_move}</p>
            {explanation.map(|e| view! { <p class="explanation" data-testid="explanation">{e}</p> })}
            {has_milestones.then(|| view! {
                <table class="milestones" tabindex="0">
                    <caption>{move || sm().milestones}</caption>
                    <thead><tr>
                        <th scope="col">{move || sm().milestone}</th><th scope="col">{move || sm().baseline}</th>
                        <th scope="col">{move || sm().candidate}</th><th scope="col">{move || sm().moved}</th>
                    </tr></thead>
                    <tbody>{milestones}</tbody>
                </table>
            })}
            <dl class="impact-facts">{facts}</dl>
            <table class="effort" tabindex="0">
                <caption>{move || sm().effort_by_department}</caption>
                <thead><tr>
                    <th scope="col">{move || sm().department}</th><th scope="col">{move || sm().baseline}</th>
                    <th scope="col">{move || sm().candidate}</th><th scope="col">{move || sm().moved}</th>
                </tr></thead>
                <tbody>{efforts}</tbody>
            </table>
        </div>
    }
}

/// A plan the engine refused, in the reader's language when the engine's error is at hand.
#[component]
pub fn PlanProblem(message: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-error plan-problem" role="status">
            <strong>{move || OptionMessages::of(i18n.get()).plan_cannot_schedule}" "</strong>{message}
        </p>
    }
}
