//! An option's schedule impact from its plan and the project's [`PlanContext`]: the one function
//! the server (on read and save) and the browser (live, while the plan is edited) both call, so
//! the page shows before saving exactly what saving stores.

use super::dto::{DepartmentWork, LaunchReference, OptionImpact, PlanContext};
use crate::domain::schedule::ScheduledPlan;
use crate::domain::solutions::{plan_error, working_days_late, WorkPlan};
use crate::domain::DomainError;

/// A scheduled option with what it does to the project's schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessed {
    pub scheduled: ScheduledPlan,
    pub impact: OptionImpact,
}

/// Schedules `plan` on the context's frame and compares it with the current baseline (or, before
/// one exists, with the target launch).
pub fn assess(plan: &WorkPlan, covered_scenarios: &[String], context: &PlanContext) -> Result<Assessed, DomainError> {
    let scheduled = ScheduledPlan::from_plan(plan.to_plan(&context.frame)).map_err(plan_error)?;
    let baseline = match &context.baseline {
        Some(plan) => Some(ScheduledPlan::from_plan(plan.clone()).map_err(plan_error)?),
        None => None,
    };
    let impact = baseline.as_ref().map(|b| b.impact_of(&scheduled));
    let launch = scheduled.schedule.launch;
    let (reference, moved) = match (&impact, context.baseline_number) {
        (Some(impact), Some(number)) => {
            (LaunchReference::Baseline { number, launch: impact.baseline_launch }, impact.launch_moved_working_days)
        }
        _ => (LaunchReference::TargetLaunch { launch: context.target_launch }, working_days_late(&scheduled, context.target_launch)),
    };
    let in_baseline = |code: &str| context.baseline.as_ref().is_some_and(|b| b.items.iter().any(|i| i.department == code));
    let departments = plan
        .effort_by_department()
        .into_iter()
        .map(|(code, effort)| DepartmentWork {
            newly_pulled_in: !context.stakeholder_codes.contains(&code) || (context.baseline.is_some() && !in_baseline(&code)),
            code,
            effort,
        })
        .collect();
    let uncovered_scenarios = context.scenarios.iter().filter(|s| !covered_scenarios.contains(&s.id)).map(|s| s.id.clone()).collect();
    Ok(Assessed {
        impact: OptionImpact {
            holidays_unknown_after: scheduled.schedule.holidays_unknown_after,
            launch,
            reference,
            launch_moved_working_days: moved,
            departments,
            uncovered_scenarios,
            impact,
        },
        scheduled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::CalendarSpec;
    use crate::domain::solutions::PlanFrame;
    use crate::solutions::dto::ScenarioChoice;

    use crate::domain::dates::d;

    fn work(items: &[(&str, &str, i64, Option<&str>)]) -> WorkPlan {
        crate::domain::solutions::test_work_plan(items)
    }

    fn context(baseline: Option<&WorkPlan>) -> PlanContext {
        let frame = PlanFrame { start: d("2026-03-02"), calendar: CalendarSpec::Named("weekdays".into()), departments: vec![] };
        PlanContext {
            baseline: baseline.map(|b| b.to_plan(&frame)),
            baseline_number: baseline.map(|_| 1),
            frame,
            target_launch: d("2026-03-13"),
            departments: vec![],
            stakeholder_codes: vec!["A".into(), "B".into()],
            scenarios: vec![ScenarioChoice { id: "s1".into(), name: "one".into() }, ScenarioChoice { id: "s2".into(), name: "two".into() }],
        }
    }

    #[test]
    fn before_a_baseline_the_launch_is_measured_against_the_target() {
        // 2026-03-02 is a Monday: 5 + 3 working days finish on Wednesday 2026-03-11, two working
        // days before the target Friday.
        let plan = work(&[("a", "A", 5, None), ("b", "B", 3, Some("a"))]);
        let assessed = assess(&plan, &["s1".into()], &context(None)).unwrap();
        assert_eq!(assessed.impact.launch, d("2026-03-11"));
        assert_eq!(assessed.impact.reference, LaunchReference::TargetLaunch { launch: d("2026-03-13") });
        assert_eq!(assessed.impact.launch_moved_working_days, -2);
        assert_eq!(assessed.impact.uncovered_scenarios, vec!["s2"]);
        assert!(assessed.impact.impact.is_none());
        assert!(assessed.impact.departments.iter().all(|d| !d.newly_pulled_in));
    }

    #[test]
    fn against_a_baseline_new_departments_are_pulled_in_and_the_slip_is_counted() {
        let base = work(&[("a", "A", 5, None), ("b", "B", 3, Some("a"))]);
        let changed = work(&[("a", "A", 5, None), ("b", "B", 3, Some("a")), ("c", "C", 10, Some("b"))]);
        let assessed = assess(&changed, &["s1".into(), "s2".into()], &context(Some(&base))).unwrap();
        assert_eq!(assessed.impact.launch_moved_working_days, 10);
        assert!(matches!(assessed.impact.reference, LaunchReference::Baseline { number: 1, .. }));
        let c = assessed.impact.departments.iter().find(|d| d.code == "C").unwrap();
        assert!(c.newly_pulled_in && c.effort == 10);
        assert_eq!(assessed.impact.impact.unwrap().departments_newly_involved, vec!["C"]);
    }

    #[test]
    fn a_plan_the_engine_refuses_is_a_plan_error() {
        let plan = work(&[("a", "A", 0, None)]);
        assert_eq!(assess(&plan, &[], &context(None)).unwrap_err().field(), "plan");
    }
}
