//! Two revisions of an option side by side: the title's change, the description before and after,
//! the scenarios covered or dropped, the engine's impact of the later plan against the earlier one
//! and their Gantt overlay (the earlier plan's bars as ghosts). Text is escaped, never inserted as
//! HTML: a description's change shows its Markdown source.

use super::dto::{OptionDiff, PlanContext};
use super::impact_view::{scenario_name, EngineImpact};
use super::messages::OptionMessages;
use crate::domain::schedule::ScheduledPlan;
use crate::schedule::chart::GanttChart;
use crate::schedule::messages::ScheduleMessages;
use crate::ui::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn OptionDiffView(diff: OptionDiff, context: Arc<PlanContext>) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let d = diff;
    // Both plans are scheduled here, on the frame the server used for the impact, for the chart.
    let earlier = ScheduledPlan::from_plan(d.from_plan.clone()).map(Arc::new);
    let later = ScheduledPlan::from_plan(d.to_plan.clone()).map(Arc::new);
    let (from, to) = (d.from, d.to);
    let nothing = d.title.is_none()
        && !d.description_changed
        && d.scenarios_added.is_empty()
        && d.scenarios_removed.is_empty()
        && d.from_plan.items == d.to_plan.items
        && d.from_plan.milestones == d.to_plan.milestones;
    let scenario_list = |ids: &[String]| -> Vec<String> { ids.iter().map(|id| scenario_name(&context.scenarios, id)).collect() };
    let (added, removed) = (scenario_list(&d.scenarios_added), scenario_list(&d.scenarios_removed));
    let chart = match (&earlier, &later) {
        (Ok(e), Ok(l)) => {
            let moved = d.impact.as_ref().map(|i| i.launch_moved_working_days);
            Some(view! { <GanttChart scheduled=l.clone() baseline=Some(e.clone()) launch_moved=moved id="diff-gantt" warn_unknown_holidays=true/> }.into_any())
        }
        (Err(e), _) | (_, Err(e)) => {
            let e = e.clone();
            Some(view! { <p class="form-error" role="alert">{move || ScheduleMessages::for_locale(i18n.get()).error(&e)}</p> }.into_any())
        }
    };
    let impact = d.impact.clone().map(|i| {
        view! {
            <EngineImpact impact=i candidate=later.clone().ok() baseline=earlier.clone().ok() departments=context.departments.clone()/>
        }
    });
    view! {
        <div class="option-diff" data-from=from data-to=to>
            <h3>{move || om().diff_title(from, to)}</h3>
            {nothing.then(|| view! { <p class="muted no-diff">{move || om().no_differences}</p> })}
            <dl class="diff-fields">
                {d.title.clone().map(|t| view! {
                    <dt>{move || om().title}</dt>
                    <dd class="diff-title"><del>{t.from}</del>" → "<ins>{t.to}</ins></dd>
                })}
                {(!added.is_empty()).then(|| view! {
                    <dt>{move || om().scenarios_added}</dt>
                    <dd class="scenarios-added">{added.join(", ")}</dd>
                })}
                {(!removed.is_empty()).then(|| view! {
                    <dt>{move || om().scenarios_removed}</dt>
                    <dd class="scenarios-removed">{removed.join(", ")}</dd>
                })}
            </dl>
            {d.description_changed.then(|| view! {
                <div class="description-diff">
                    <figure><figcaption>{move || om().before}</figcaption><pre class="before">{d.description_before.clone()}</pre></figure>
                    <figure><figcaption>{move || om().after}</figcaption><pre class="after">{d.description_after.clone()}</pre></figure>
                </div>
            })}
            <h4>{move || om().plan_change}</h4>
            {impact}
            {chart}
        </div>
    }
}
