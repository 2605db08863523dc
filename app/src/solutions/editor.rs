//! The option form, for proposing and for revising: title, description, covered scenarios, the
//! work-plan table and, as people type, the plan's schedule impact computed in the browser by the
//! same [`assess`] the server runs on save — so what the page shows before saving is what saving
//! stores.
//!
//! The impact is a memo over the form's cells: it reruns on input (a keystroke, a choice, a row
//! moved), never on hover or focus, and the time it took is on the block as `data-compute-ms`. While
//! a cell does not parse or the engine refuses the plan, the last schedule that worked stays on
//! screen, dimmed, under the problem.
//!
//! Revising sends only what changed since the form was loaded (like the requirement form), with
//! the revision it started from; a newer revision saved meanwhile is refused, shown, and the next
//! save goes on top of it. Revising a chosen option so that its agreed schedule changes needs a
//! reason: it becomes the change request the leaders decide.

use super::api::{create_option, diff_option, get_option, load_plan_context, update_option};
use super::diff_view::OptionDiffView;
use super::dto::{OptionDiff, OptionImpact, OptionInput, OptionPatch, PlanContext};
use super::impact::assess;
use super::impact_view::{ImpactView, PlanProblem};
use super::messages::OptionMessages;
use super::plan_draft::PlanDraft;
use super::plan_table::PlanTable;
use crate::domain::schedule::{PlanError, ScheduledPlan};
use crate::domain::solutions::{needs_approval, OptionContent, OptionStatus, WorkPlan, TITLE_MAX};
use crate::error::AppError;
use crate::schedule::chart::{now_ms, provide_today, LiveGanttChart};
use crate::schedule::messages::ScheduleMessages;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::submit::submit_or;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, FieldError, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::sync::Arc;

/// What the form saves into.
#[derive(Clone)]
pub enum OptionTarget {
    New { requirement_id: String },
    Existing { option_id: String, version: i64, status: OptionStatus },
}

/// A schedule that worked: what the impact block draws.
#[derive(Clone, PartialEq)]
struct Shown {
    scheduled: Arc<ScheduledPlan>,
    impact: OptionImpact,
}

/// Why the current cells do not give a schedule.
#[derive(Clone, PartialEq)]
enum Problem {
    /// No work items yet: nothing to schedule, nothing wrong.
    Empty,
    /// This many cells do not parse.
    Cells(usize),
    /// The engine refuses the plan (kept as the engine's error, to be put in the reader's words).
    Engine(PlanError),
    /// The baseline itself no longer schedules (the server's words).
    Other(String),
}

/// The live impact of the cells as they are.
#[derive(Clone, PartialEq)]
struct Live {
    result: Result<Shown, Problem>,
    /// The last schedule that worked, kept on screen while the cells are being fixed.
    last_good: Option<Shown>,
    /// How long reading the cells and assessing the plan took, in the browser.
    millis: Option<f64>,
}

/// Reads the cells and assesses the plan: the work of one keystroke.
fn compute(draft: PlanDraft, covered: &[String], context: &PlanContext, previous: Option<&Live>) -> Live {
    let started = now_ms();
    let result = match draft.plan() {
        Err(n) => Err(Problem::Cells(n)),
        Ok(plan) if plan.items.is_empty() => Err(Problem::Empty),
        Ok(plan) => match assess(&plan, covered, context) {
            Ok(a) => Ok(Shown { scheduled: Arc::new(a.scheduled), impact: a.impact }),
            // The engine's error, again, to say it in the reader's language (only on this path).
            Err(e) => Err(match ScheduledPlan::from_plan(plan.to_plan(&context.frame)) {
                Err(engine) => Problem::Engine(engine),
                Ok(_) => Problem::Other(e.to_string()),
            }),
        },
    };
    let millis = started.zip(now_ms()).map(|(s, e)| e - s);
    let last_good = match &result {
        Ok(shown) => Some(shown.clone()),
        Err(_) => previous.and_then(|p| p.last_good.clone()),
    };
    Live { result, last_good, millis }
}

#[derive(Clone)]
enum Payload {
    Create { requirement_id: String, input: OptionInput },
    Update { option_id: String, patch: OptionPatch },
}

/// Where a save leads: the option, or the change request it opened.
#[derive(Clone)]
struct Saved {
    option_id: String,
    change_request_id: Option<String>,
}

#[component]
pub fn OptionEditor(target: OptionTarget, start: Option<OptionContent>, context: PlanContext) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    provide_today();
    let start = start.unwrap_or(OptionContent {
        title: String::new(),
        description: String::new(),
        covered_scenarios: vec![],
        plan: WorkPlan::default(),
    });
    let title = RwSignal::new(start.title.clone());
    let description = RwSignal::new(start.description.clone());
    let covered = RwSignal::new(start.covered_scenarios.clone());
    let summary = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let draft = PlanDraft::new(&start.plan);
    // The plan as the table renders it (standard milestones first, lag 0 as a plain id): what an
    // untouched table gives back, so loading and saving alone never counts as a plan change.
    let initial_plan = StoredValue::new(untrack(|| draft.plan()).unwrap_or_else(|_| start.plan.clone()));
    let initial = StoredValue::new(start);
    let context = Arc::new(context);
    let baseline = context.baseline.clone().and_then(|p| ScheduledPlan::from_plan(p).ok()).map(Arc::new);
    let ctx = context.clone();
    let live = Memo::new(move |previous: Option<&Live>| covered.with(|c| compute(draft, c, &ctx, previous)));

    let (is_new, chosen, base_version, option_id, requirement_id) = match &target {
        OptionTarget::New { requirement_id } => (true, false, 0, String::new(), requirement_id.clone()),
        OptionTarget::Existing { option_id, version, status } => {
            (false, *status == OptionStatus::Chosen, *version, option_id.clone(), String::new())
        }
    };
    // A chosen option whose edit changes the agreed schedule: saving opens a change request.
    let changes_agreement =
        move || chosen && live.with(|l| l.result.as_ref().is_ok_and(|s| s.impact.impact.as_ref().is_some_and(needs_approval)));
    let base = RwSignal::new(base_version);
    let local_problem = RwSignal::new(None::<String>);
    let their_change = RwSignal::new(None::<OptionDiff>);
    let navigate = use_navigate();
    let conflict_option = option_id.clone();
    let save = submit_or(
        move |payload: &Payload| {
            let payload = payload.clone();
            async move {
                match payload {
                    Payload::Create { requirement_id, input } => {
                        create_option(requirement_id, input).await.map(|d| Saved { option_id: d.id, change_request_id: None })
                    }
                    Payload::Update { option_id, patch } => update_option(option_id, patch)
                        .await
                        .map(|s| Saved { option_id: s.option.id, change_request_id: s.change_request_id }),
                }
            }
        },
        move |saved| {
            let to = match saved.change_request_id {
                Some(request) => format!("/change-requests/{request}"),
                None => format!("/options/{}", saved.option_id),
            };
            navigate(&to, Default::default());
        },
        move |e| {
            // Fetch what the other person saved and build on it next time.
            if let AppError::EditConflict { current_revision, .. } = e {
                let (id, from, to) = (conflict_option.clone(), base.get_untracked(), *current_revision);
                leptos::task::spawn_local(async move {
                    if let Ok(diff) = diff_option(id, from, to).await {
                        their_change.set(Some(diff));
                    }
                    base.set(to);
                });
            }
        },
    );
    let error = save.error;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.error.set(None);
        local_problem.set(None);
        let plan = match draft.plan_for_saving() {
            Ok(plan) => plan,
            Err(n) => {
                local_problem.set(Some(om().fix_cells(n)));
                return;
            }
        };
        let payload = if is_new {
            Payload::Create {
                requirement_id: requirement_id.clone(),
                input: OptionInput {
                    title: title.get_untracked(),
                    description: description.get_untracked(),
                    covered_scenarios: covered.get_untracked(),
                    plan,
                    summary: summary.get_untracked(),
                },
            }
        } else {
            let start = initial.get_value();
            let changed = |now: String, before: &String| (&now != before).then_some(now);
            let covered_now = covered.get_untracked();
            let same_covered = {
                let (mut a, mut b) = (covered_now.clone(), start.covered_scenarios.clone());
                a.sort();
                b.sort();
                a == b
            };
            let reason_text = reason.get_untracked();
            Payload::Update {
                option_id: option_id.clone(),
                patch: OptionPatch {
                    version: Some(base.get_untracked()),
                    title: changed(title.get_untracked(), &start.title),
                    description: changed(description.get_untracked(), &start.description),
                    covered_scenarios: (!same_covered).then_some(covered_now),
                    plan: (plan != initial_plan.get_value()).then_some(plan),
                    summary: Some(summary.get_untracked()),
                    reason: (chosen && !reason_text.trim().is_empty()).then_some(reason_text),
                },
            }
        };
        save.dispatch(payload);
    };
    let error_signal: Signal<Option<AppError>> = error.into();
    let scenarios = context.scenarios.clone();
    let departments = context.departments.clone();
    let frame = context.frame.clone();
    let diff_context = context.clone();
    let field_names: &'static [&'static str] = &["title", "description", "summary", "reason", "plan", "plan.items", "plan.milestones"];
    let other_error = move || {
        error
            .get()
            .filter(|e| {
                e.field().is_none_or(|f| !field_names.contains(&f) && !f.starts_with("plan.") && !f.starts_with("covered_scenarios"))
            })
            .map(|e| {
                let text = match e.field() {
                    Some(f) => format!("{f}: {}", i18n.get().error(&e)),
                    None => i18n.get().error(&e),
                };
                view! { <p class="form-error" role="alert" data-code=e.code()>{text}</p> }
            })
    };
    let scenario_error =
        move || {
            error.get().filter(|e| e.field().is_some_and(|f| f.starts_with("covered_scenarios"))).map(|e| view! {
            <span class="field-error" role="alert" data-field=e.field().unwrap_or_default().to_string()>{i18n.get().error(&e)}</span>
        })
        };
    view! {
        <form class="option-form" on:submit=submit novalidate>
            {other_error}
            {move || their_change.get().map(|d| view! {
                <section class="their-change" aria-live="polite">
                    <h3>{move || om().their_change}</h3>
                    <OptionDiffView diff=d.clone() context=diff_context.clone()/>
                </section>
            })}
            <div class="card option-fields">
                <label><span>{move || om().title}</span>
                    <input name="title" value=title.get_untracked() maxlength=TITLE_MAX.to_string() required
                        on:input=move |ev| title.set(event_target_value(&ev))/></label>
                <FieldError error=error_signal field="title"/>
                <label><span>{move || om().description}</span>
                    <textarea name="description" rows="8" aria-describedby="option-description-hint" aria-label=move || om().description
                        on:input=move |ev| description.set(event_target_value(&ev))>{description.get_untracked()}</textarea></label>
                <small id="option-description-hint" class="muted">{move || om().description_hint}</small>
                <FieldError error=error_signal field="description"/>
                <fieldset class="covered-scenarios">
                    <legend>{move || om().covered_scenarios}</legend>
                    {scenarios.is_empty().then(|| view! { <p class="muted">{move || om().no_scenarios}</p> })}
                    {scenarios.into_iter().map(|s| {
                        let id = s.id.clone();
                        let checked = covered.with_untracked(|c| c.contains(&id));
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let id = id.clone();
                            covered.update(|c| {
                                c.retain(|x| *x != id);
                                if on {
                                    c.push(id);
                                }
                            });
                        };
                        view! {
                            <label class="inline"><input type="checkbox" name="covered_scenarios" value=s.id.clone() checked=checked on:change=toggle/>
                                <span>{s.name.clone()}</span></label>
                        }
                    }).collect_view()}
                    {scenario_error}
                </fieldset>
            </div>

            <section class="card live-impact" aria-labelledby="live-impact-title"
                data-compute-ms=move || live.with(|l| l.millis.map(|m| format!("{m:.3}")).unwrap_or_default())>
                <h2 id="live-impact-title">{move || om().schedule_impact}</h2>
                <p class="muted">{move || om().live_hint}</p>
                <LiveImpact live baseline context=context.clone()/>
            </section>

            <section class="card">
                <h2>{move || om().work_plan}</h2>
                <PlanTable draft departments frame error=error_signal/>
            </section>

            <div class="card option-save">
                <label><span>{move || om().summary}</span>
                    <input name="summary" maxlength="500" placeholder=move || om().summary_hint on:input=move |ev| summary.set(event_target_value(&ev))/></label>
                <FieldError error=error_signal field="summary"/>
                {chosen.then(|| view! {
                    <Show when=changes_agreement fallback=move || view! { <p class="muted">{move || om().chosen_edit_note}</p> }>
                        <p class="notice" role="status">{move || om().change_request_note}</p>
                    </Show>
                    <label><span>{move || om().change_reason}</span>
                        <textarea name="reason" rows="3" aria-label=move || om().change_reason required=changes_agreement aria-required=move || changes_agreement().to_string()
                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea></label>
                    <FieldError error=error_signal field="reason"/>
                })}
                {move || local_problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
                <div class="live-summary" role="status">
                    <LaunchSummary live/>
                    <button type="submit" disabled=move || save.pending()>{t!(i18n, save)}</button>
                </div>
            </div>
        </form>
    }
}

/// The launch in one line, beside the save button: visible wherever people are in a long table.
#[component]
fn LaunchSummary(live: Memo<Live>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let om = OptionMessages::of(i18n.get());
        let sm = ScheduleMessages::for_locale(i18n.get());
        live.with(|l| match &l.result {
            Ok(s) => view! {
                <span class="launch-summary" data-launch=s.impact.launch.to_string() data-moved=s.impact.launch_moved_working_days>
                    <strong>{om.launch}": "</strong>{s.impact.launch.to_string()}" ("{sm.working_days(i64::from(s.impact.launch_moved_working_days))}")"
                </span>
            }
            .into_any(),
            Err(_) => view! { <span class="launch-summary muted">{om.no_schedule_yet}</span> }.into_any(),
        })
    }
}

/// The impact block of the editor: the current schedule, or the problem over the last good one.
/// The figures are drawn again on every change; the Gantt is one element whose drawing changes,
/// so it keeps its scroll position, and the details keep their open or closed state.
#[component]
fn LiveImpact(live: Memo<Live>, baseline: Option<Arc<ScheduledPlan>>, context: Arc<PlanContext>) -> impl IntoView {
    let i18n = use_i18n();
    let details_open = RwSignal::new(false);
    let chart_baseline = baseline.clone();
    let stale = Signal::derive(move || live.with(|l| l.result.is_err()));
    let chart = Signal::derive(move || {
        live.with(|l| l.result.as_ref().ok().or(l.last_good.as_ref()).map(|s| (s.scheduled.clone(), s.impact.launch_moved_working_days)))
    });
    let figures = move || {
        let l = live.get();
        let problem = l.result.as_ref().err().map(|p| {
            let p = p.clone();
            if p == Problem::Empty {
                return view! { <p class="muted">{move || OptionMessages::of(i18n.get()).add_items_to_schedule}</p> }.into_any();
            }
            let message = Signal::derive(move || {
                let locale = i18n.get();
                match &p {
                    Problem::Empty => String::new(),
                    Problem::Cells(n) => OptionMessages::of(locale).fix_cells(*n),
                    Problem::Engine(e) => ScheduleMessages::for_locale(locale).error(e),
                    Problem::Other(text) => text.clone(),
                }
            });
            view! { <PlanProblem message/> }.into_any()
        });
        let (shown, stale) = match l.result {
            Ok(s) => (Some(s), false),
            Err(_) => (l.last_good, true),
        };
        let block = shown.map(|s| {
            view! {
                <div class="live-block" class:stale=stale>
                    <ImpactView impact=s.impact scheduled=Some(s.scheduled) baseline=baseline.clone() context=context.clone()
                        id="editor-gantt" without_gantt=true details_open/>
                </div>
            }
        });
        view! { {problem} {block} }
    };
    view! {
        {figures}
        <LiveGanttChart source=chart baseline=chart_baseline stale id="editor-gantt"/>
    }
}

#[component]
pub fn NewOptionPage() -> impl IntoView {
    view! { <RequireLogin><NewOption/></RequireLogin> }
}

#[component]
fn NewOption() -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let params = use_params_map();
    let requirement_id = move || params.read().get("id").unwrap_or_default();
    let context = Resource::new(requirement_id, load_plan_context);
    view! {
        <PageTitle text=move || om().new_option/>
        <h1>{move || om().new_option}</h1>
        <p><A href=move || format!("/requirements/{}", requirement_id())>{move || om().back_to_requirement}</A></p>
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match context.await {
                    Err(e) => load_error(e),
                    Ok(context) => view! {
                        <OptionEditor target=OptionTarget::New { requirement_id: requirement_id() } start=None context/>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn EditOptionPage() -> impl IntoView {
    view! { <RequireLogin><EditOption/></RequireLogin> }
}

#[component]
fn EditOption() -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let params = use_params_map();
    let detail = Resource::new(move || params.read().get("id").unwrap_or_default(), get_option);
    view! {
        <PageTitle text=move || om().edit_option/>
        <h1>{move || om().edit_option}</h1>
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let d = match detail.await {
                    Ok(d) if d.can_edit => d,
                    Ok(_) => return load_error(AppError::Forbidden),
                    Err(e) => return load_error(e),
                };
                let version = d.version;
                let start = OptionContent {
                    title: d.title.clone(),
                    description: d.description.clone(),
                    covered_scenarios: d.covered_scenarios.clone(),
                    plan: d.plan.clone(),
                };
                let target = OptionTarget::Existing { option_id: d.id.clone(), version, status: d.status };
                view! {
                    <p>
                        <A href=format!("/options/{}", d.id)>{d.title.clone()}</A>
                        " · " {move || om().revision(version)}
                        " · " <A href=format!("/requirements/{}", d.requirement_id)>{format!("{} {}", d.requirement_key, d.requirement_title)}</A>
                    </p>
                    <OptionEditor target start=Some(start) context=d.context/>
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::schedule::{CalendarSpec, ItemSpec, MilestoneSpec, Predecessor};
    use crate::domain::solutions::PlanFrame;
    use crate::solutions::dto::{DepartmentChoice, ScenarioChoice};

    use crate::domain::dates::d;

    fn context() -> PlanContext {
        let department = |code: &str, zh: &str, en: &str| DepartmentChoice {
            department_id: format!("d-{code}"),
            code: code.into(),
            name_zh: zh.into(),
            name_en: en.into(),
        };
        PlanContext {
            frame: PlanFrame { start: d("2026-03-02"), calendar: CalendarSpec::Named("weekdays".into()), departments: vec![] },
            baseline: None,
            baseline_number: None,
            target_launch: d("2026-03-13"),
            departments: vec![department("A", "甲部", "Team A"), department("B", "乙部", "Team B")],
            stakeholder_codes: vec!["A".into()],
            scenarios: vec![ScenarioChoice { id: "s1".into(), name: "Approval passes".into() }],
        }
    }

    fn plan() -> WorkPlan {
        let item = |id: &str, dept: &str, effort: i64, after: Vec<Predecessor>| ItemSpec {
            id: id.into(),
            name: Some(format!("{id} <work>")),
            department: dept.into(),
            effort,
            not_before: None,
            after,
        };
        WorkPlan {
            items: vec![item("a", "A", 5, vec![]), item("b", "B", 3, vec![Predecessor::WithLag { id: "a".into(), lag: 2 }])],
            milestones: vec![MilestoneSpec { id: "launch".into(), name: None, after: vec!["b".into()] }],
        }
    }

    #[test]
    fn the_table_shows_every_cell_of_a_loaded_plan_and_the_live_impact_its_schedule() {
        let owner = Owner::new();
        owner.with(|| {
            let draft = PlanDraft::new(&plan());
            assert_eq!(untrack(|| draft.plan()), Ok(plan()), "an untouched table gives the plan back");
            let ctx = context();
            let table = view! { <PlanTable draft departments=ctx.departments.clone() frame=ctx.frame.clone() error=Signal::stored(None)/> }
                .to_html();
            assert!(table.contains(r#"value="a+2""#), "predecessors as text: {table}");
            assert!(table.contains("a &lt;work&gt;"), "titles are escaped");
            assert!(table.contains("Team B (B)"), "departments by name and code");
            assert_eq!(table.matches(r#"class="plan-milestone standard""#).count(), 4, "the four standard milestones");

            let context = Arc::new(ctx);
            let live = Memo::new({
                let context = context.clone();
                move |previous: Option<&Live>| compute(draft, &[], &context, previous)
            });
            let html = view! { <LiveImpact live baseline=None context/> }.to_html();
            // a: Monday 2 to Friday 6 March; two working days between; b: Wednesday 11 to Friday
            // 13 March, the target launch.
            assert!(html.contains(r#"data-launch="2026-03-13""#), "{html}");
            assert!(html.contains(r#"data-moved="0""#));
            assert!(html.contains(r#"data-code="B" data-newly="true""#), "B is not a stakeholder yet");
            assert!(html.contains("Approval passes"), "the uncovered scenario by name");
            assert!(html.contains("<svg"), "the Gantt");
        });
    }

    #[test]
    fn a_cell_that_does_not_parse_keeps_the_last_schedule_and_says_how_many_to_fix() {
        let owner = Owner::new();
        owner.with(|| {
            let draft = PlanDraft::new(&plan());
            let context = context();
            let first = untrack(|| compute(draft, &[], &context, None));
            assert!(first.result.is_ok());
            draft.items.with_untracked(|rows| rows[1].effort.set("3.5".into()));
            draft.items.with_untracked(|rows| rows[0].after.set("x+".into()));
            let second = untrack(|| compute(draft, &[], &context, Some(&first)));
            assert!(matches!(second.result, Err(Problem::Cells(2))));
            assert!(second.last_good == first.last_good, "the last good schedule stays");
            draft.items.with_untracked(|rows| {
                rows[1].effort.set("3".into());
                rows[0].after.set("b".into());
            });
            let cycle = untrack(|| compute(draft, &[], &context, Some(&second)));
            assert!(matches!(cycle.result, Err(Problem::Engine(PlanError::Cycle { .. }))), "the engine's own error, to be localised");
        });
    }
}
