//! Hand-worked examples: the seed case over the 2025 Spring Festival, and every error.
//! Random plans are checked against the rules in `app/tests/schedule_properties.rs`.

use super::*;
use serde_json::json;

fn plan(v: serde_json::Value) -> Plan {
    serde_json::from_value(v).expect("a well-formed plan")
}

use crate::domain::dates::d;

// The seed case's three variants, from `docs/examples/` (the same files the sandbox loads).
fn seed_query_api_only() -> serde_json::Value {
    serde_json::from_str(crate::schedule::examples::SEED_QUERY_API).unwrap()
}

fn seed_with_approval_message() -> serde_json::Value {
    serde_json::from_str(crate::schedule::examples::SEED_APPROVAL_MESSAGE).unwrap()
}

fn seed_with_new_api_from_c() -> serde_json::Value {
    serde_json::from_str(crate::schedule::examples::SEED_NEW_API_FROM_C).unwrap()
}

fn dates(s: &Schedule, id: &str) -> (String, String) {
    let it = s.item(id).unwrap_or_else(|| panic!("{id} scheduled"));
    (it.start.to_string(), it.finish.to_string())
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn seed_query_api_only_runs_across_the_spring_festival() {
    let s = schedule(&plan(seed_query_api_only())).unwrap();
    assert_eq!(dates(&s, "b-query-api"), pair("2025-01-20", "2025-01-24"));
    // Sunday 01-26 is a make-up working day; 01-28..02-04 is the break.
    assert_eq!(dates(&s, "a-check"), pair("2025-01-26", "2025-02-05"));
    assert_eq!(dates(&s, "a-b-debug"), pair("2025-02-06", "2025-02-07"));
    // Saturday 02-08 is worked, Sunday 02-09 is not.
    assert_eq!(dates(&s, "test"), pair("2025-02-08", "2025-02-11"));
    assert_eq!(s.launch, d("2025-02-11"));
    assert_eq!(s.milestones[0].date, d("2025-01-24"));
    assert!(s.items.iter().all(|i| i.critical && i.slack == 0));
    let chain: Vec<&str> = s.critical_chain.iter().map(|l| l.item.as_str()).collect();
    assert_eq!(chain, ["b-query-api", "a-check", "a-b-debug", "test"]);
    assert_eq!(s.critical_chain[0].wait, Wait::PlanStart);
}

#[test]
fn seed_approval_message_waits_for_b_and_moves_launch() {
    let s = schedule(&plan(seed_with_approval_message())).unwrap();
    assert_eq!(dates(&s, "b-query-api"), pair("2025-01-20", "2025-01-24"), "the longer path goes first");
    assert_eq!(dates(&s, "b-approval-msg"), pair("2025-01-26", "2025-02-07"));
    assert_eq!(
        s.item("b-approval-msg").unwrap().wait,
        Wait::Capacity { held_by: "b-query-api".into(), could_start: d("2025-01-20"), waited_days: 5 }
    );
    assert_eq!(dates(&s, "a-check"), pair("2025-01-26", "2025-02-05"), "A has two lanes");
    assert_eq!(dates(&s, "a-listener"), pair("2025-02-08", "2025-02-10"));
    assert_eq!(dates(&s, "a-b-debug"), pair("2025-02-11", "2025-02-12"));
    assert_eq!(dates(&s, "test"), pair("2025-02-13", "2025-02-17"));
    assert_eq!(s.launch, d("2025-02-17"));
    let chain: Vec<&str> = s.critical_chain.iter().map(|l| l.item.as_str()).collect();
    assert_eq!(chain, ["b-query-api", "b-approval-msg", "a-listener", "a-b-debug", "test"]);
    let check = s.item("a-check").unwrap();
    assert!(!check.critical);
    assert_eq!(check.slack, 4, "a-check may finish as late as 02-10 (02-06, 02-07, 02-08, 02-10)");

    let imp = impact(&plan(seed_query_api_only()), &plan(seed_with_approval_message())).unwrap();
    assert_eq!(imp.launch_moved_working_days, 4);
    assert_eq!(imp.launch_moved_calendar_days, 6);
    let steps: Vec<(&str, &impact::StepChange)> = imp.explanation.steps.iter().map(|s| (s.item.as_str(), &s.change)).collect();
    assert_eq!(
        steps,
        [
            ("b-approval-msg", &impact::StepChange::New),
            ("a-listener", &impact::StepChange::New),
            ("a-b-debug", &impact::StepChange::PredecessorsChanged),
        ]
    );
    assert_eq!(imp.items_added.len(), 2);
    let b = imp.effort_by_department.iter().find(|e| e.department == "B").unwrap();
    assert_eq!((b.baseline, b.candidate, b.delta), (5, 10, 5));
    assert!(imp.departments_newly_involved.is_empty());
}

#[test]
fn seed_new_api_from_c_waits_for_a_slot() {
    let s = schedule(&plan(seed_with_new_api_from_c())).unwrap();
    assert_eq!(dates(&s, "c-order-api"), pair("2025-02-17", "2025-02-21"));
    assert_eq!(s.item("c-order-api").unwrap().wait, Wait::Availability { until: d("2025-02-17") });
    assert_eq!(dates(&s, "b-approval-msg"), pair("2025-02-24", "2025-02-28"));
    assert_eq!(dates(&s, "a-listener"), pair("2025-03-03", "2025-03-04"));
    assert_eq!(dates(&s, "test"), pair("2025-03-07", "2025-03-11"));
    assert_eq!(s.launch, d("2025-03-11"));
    assert_eq!(s.critical_chain[0].item, "c-order-api");

    let imp = impact(&plan(seed_with_approval_message()), &plan(seed_with_new_api_from_c())).unwrap();
    assert_eq!(imp.departments_newly_involved, ["C"]);
    assert_eq!(imp.launch_moved_working_days, 16);
    assert_eq!(imp.explanation.steps[0].item, "c-order-api");
    assert_eq!(imp.explanation.steps[0].wait, Wait::Availability { until: d("2025-02-17") });
}

#[test]
fn lag_counts_the_successors_working_days() {
    let s = schedule(&plan(json!({
        "start": "2025-01-06",
        "departments": [ { "id": "X", "calendar": { "weekend": ["sun"] } } ],
        "items": [
            { "id": "a", "department": "Y", "effort": 1 },
            { "id": "b", "department": "X", "effort": 1, "after": [{ "id": "a", "lag": 5 }] }
        ]
    })))
    .unwrap();
    // a: Mon 01-06. Five full X-days between (Tue..Sat), so b starts Monday 01-13.
    assert_eq!(dates(&s, "b"), pair("2025-01-13", "2025-01-13"));
    assert_eq!(s.item("b").unwrap().wait, Wait::Dependency { after: "a".into(), lag: 5 });
}

#[test]
fn the_example_from_the_issue_schedules() {
    let example: serde_json::Value = serde_json::from_str(include_str!("../../../../docs/examples/issue-example.json")).unwrap();
    let s = schedule(&plan(example)).unwrap();
    assert_eq!(dates(&s, "b-api"), pair("2025-01-06", "2025-01-10"));
    assert_eq!(dates(&s, "a-check"), pair("2025-01-13", "2025-01-15"));
    assert_eq!(dates(&s, "a-b-debug"), pair("2025-01-20", "2025-01-21"));
    assert_eq!(s.item("a-b-debug").unwrap().wait, Wait::NotBefore { date: d("2025-01-20") });
    assert_eq!(s.launch, d("2025-01-21"));
    assert_eq!(s.launch_milestone.as_deref(), Some("launch"));
}

#[test]
fn input_order_does_not_change_the_schedule() {
    let a = plan(seed_with_new_api_from_c());
    let mut b = a.clone();
    b.items.reverse();
    b.departments.reverse();
    let (sa, sb) = (schedule(&a).unwrap(), schedule(&b).unwrap());
    for it in &sa.items {
        assert_eq!(Some(it), sb.item(&it.id));
    }
    assert_eq!(sa.critical_chain, sb.critical_chain);
}

fn error_of(v: serde_json::Value) -> PlanError {
    match serde_json::from_value::<Plan>(v) {
        Ok(p) => schedule(&p).unwrap_err(),
        Err(e) => PlanError::Syntax { message: e.to_string() },
    }
}

#[test]
fn every_error_names_the_problem() {
    let base = |items: serde_json::Value| json!({ "start": "2025-01-06", "items": items });
    let cycle = error_of(base(json!([
        { "id": "x", "department": "A", "effort": 1 },
        { "id": "a", "department": "A", "effort": 1, "after": ["c", "x"] },
        { "id": "b", "department": "A", "effort": 1, "after": ["a"] },
        { "id": "c", "department": "A", "effort": 1, "after": ["b"] }
    ])));
    let PlanError::Cycle { cycle } = &cycle else { panic!("{cycle:?}") };
    assert_eq!(cycle.len(), 4);
    let mut around: Vec<&str> = cycle[..3].iter().map(String::as_str).collect();
    around.sort();
    assert_eq!(around, ["a", "b", "c"]);
    assert_eq!(
        error_of(base(json!([{ "id": "a", "department": "A", "effort": 1, "after": ["ghost"] }]))),
        PlanError::UnknownId { referenced_by: "item \"a\" after".into(), id: "ghost".into() }
    );
    assert_eq!(
        error_of(base(json!([{ "id": "a", "department": "A", "effort": 1 }, { "id": "a", "department": "B", "effort": 2 }]))),
        PlanError::DuplicateId { id: "a".into() }
    );
    assert_eq!(
        error_of(base(json!([{ "id": "a", "department": "A", "effort": 0 }]))),
        PlanError::NonPositiveEffort { item: "a".into(), effort: 0 }
    );
    assert_eq!(
        error_of(base(
            json!([{ "id": "a", "department": "A", "effort": 1 }, { "id": "b", "department": "A", "effort": 1, "after": [{ "id": "a", "lag": -1 }] }])
        )),
        PlanError::NegativeLag { item: "b".into(), after: "a".into(), lag: -1 }
    );
    assert!(matches!(
        error_of(json!({ "start": "2024-12-30", "calendar": "cn", "items": [{ "id": "a", "department": "A", "effort": 1 }] })),
        PlanError::OutsideCalendar { field, .. } if field == "start"
    ));
    match error_of(json!({ "start": "2024-12-30", "calendar": "cn", "items": [{ "id": "a", "department": "A", "effort": 1 }] })) {
        PlanError::OutsideCalendar { calendar, first, .. } => assert_eq!((calendar.as_str(), first.as_str()), ("\"cn\"", "2025-01-01")),
        other => panic!("expected a date before the calendar, got {other:?}"),
    }
    let many: Vec<serde_json::Value> = (0..100_001).map(|i| json!({ "id": format!("i{i}"), "department": "A", "effort": 1 })).collect();
    assert_eq!(error_of(base(json!(many))), PlanError::TooManyItems { count: 100_001, max: 100_000 });
    assert!(matches!(
        error_of(json!({ "start": "2025-01-06", "items": [{ "id": "a", "department": "A", "efort": 1 }] })),
        PlanError::Syntax { .. }
    ));
    assert!(matches!(error_of(base(json!([{ "id": "a", "department": "A", "effort": 1, "after": ["a"] }]))), PlanError::Cycle { .. }));
    assert_eq!(error_of(base(json!([]))), PlanError::NoItems);
    assert!(matches!(
        error_of(json!({ "start": "2025-01-06", "calendar": "moon", "items": [{ "id": "a", "department": "A", "effort": 1 }] })),
        PlanError::UnknownCalendar { .. }
    ));
    assert!(matches!(
        error_of(
            json!({ "start": "2025-01-06", "departments": [{ "id": "A", "capacity": 0 }], "items": [{ "id": "a", "department": "A", "effort": 1 }] })
        ),
        PlanError::NonPositiveCapacity { .. }
    ));
}

#[test]
fn milestones_wait_for_milestones_and_cycles_among_them_are_errors() {
    let s = schedule(&plan(json!({
        "start": "2025-03-03",
        "items": [ { "id": "a", "department": "A", "effort": 2 }, { "id": "b", "department": "B", "effort": 4 } ],
        "milestones": [ { "id": "launch", "after": ["m1", "a"] }, { "id": "m1", "after": ["b"] } ]
    })))
    .unwrap();
    assert_eq!(s.launch, d("2025-03-06"));
    assert_eq!(s.critical_chain.last().unwrap().item, "b");
    let err = error_of(json!({
        "start": "2025-03-03",
        "items": [ { "id": "a", "department": "A", "effort": 2 } ],
        "milestones": [ { "id": "m1", "after": ["m2"] }, { "id": "m2", "after": ["m1"] } ]
    }));
    assert!(matches!(err, PlanError::Cycle { .. }));
}

#[test]
fn work_that_does_not_lead_to_the_launch_has_slack_to_the_plan_end() {
    let s = schedule(&plan(json!({
        "start": "2025-03-03",
        "items": [ { "id": "a", "department": "A", "effort": 2 }, { "id": "docs", "department": "D", "effort": 6 } ],
        "milestones": [ { "id": "launch", "after": ["a"] } ]
    })))
    .unwrap();
    assert_eq!(s.launch, d("2025-03-04"));
    assert_eq!(s.finish, d("2025-03-10"));
    let docs = s.item("docs").unwrap();
    assert!(!docs.critical);
    assert_eq!(s.item("a").unwrap().slack, 0);
}

#[test]
fn weekly_load_counts_item_days_against_capacity() {
    let s = schedule(&plan(seed_with_approval_message())).unwrap();
    let b = s.load.iter().find(|l| l.department == "B").unwrap();
    let total: u32 = b.weeks.iter().map(|w| w.busy_days).sum();
    assert_eq!(total, 10);
    assert_eq!(b.weeks[0].week, d("2025-01-20"));
    // Monday 01-20 to Sunday 01-26, a make-up working day on which the message starts.
    assert_eq!(b.weeks[0].busy_days, 6);
    assert_eq!(b.weeks[0].capacity_days, 6);
    assert!(b.weeks.iter().all(|w| w.busy_days <= w.capacity_days));
}

#[test]
fn impact_explains_an_earlier_launch_a_team_change_and_no_move() {
    let base = plan(seed_with_approval_message());
    // B's message shrinks to 2 days: the launch comes earlier, and the step says what changed.
    let mut shorter = base.clone();
    shorter.items.iter_mut().find(|i| i.id == "b-approval-msg").unwrap().effort = 2;
    let imp = impact(&base, &shorter).unwrap();
    assert!(imp.launch_moved_working_days < 0, "{imp:?}");
    assert_eq!(imp.explanation.steps[0].item, "b-approval-msg");
    assert_eq!(imp.explanation.steps[0].change, impact::StepChange::EffortChanged { from: 5 });
    assert_eq!(imp.items_changed.len(), 1);
    assert_eq!(imp.items_changed[0].effort, Some(impact::Change { from: 5, to: 2 }));

    // B gets a second lane: no item changed, the team did. The message runs beside the query API, so
    // the chain goes back through A's check; joint debugging now waits for the check.
    let mut wider = base.clone();
    wider.departments.iter_mut().find(|d| d.id == "B").unwrap().capacity = Some(2);
    let imp = impact(&base, &wider).unwrap();
    assert_eq!(imp.launch_moved_working_days, -4);
    assert_eq!(imp.explanation.teams_changed, ["B"]);
    assert!(imp.items_changed.is_empty() && imp.items_added.is_empty());
    let steps: Vec<(&str, &impact::StepChange, &Wait)> =
        imp.explanation.steps.iter().map(|s| (s.item.as_str(), &s.change, &s.wait)).collect();
    assert_eq!(steps, [("a-b-debug", &impact::StepChange::WaitChanged, &Wait::Dependency { after: "a-check".into(), lag: 0 })]);

    // A change absorbed by slack: a-check is a day longer, the launch does not move, no steps.
    let mut absorbed = base.clone();
    absorbed.items.iter_mut().find(|i| i.id == "a-check").unwrap().effort = 4;
    let imp = impact(&base, &absorbed).unwrap();
    assert_eq!(imp.launch_moved_working_days, 0);
    assert!(imp.explanation.steps.is_empty());
    assert_eq!(imp.items_changed.len(), 1);
    let a = imp.departments_with_moved_dates.iter().find(|d| d.department == "A").expect("a-check's finish moved");
    assert_eq!((a.items_moved, a.last_finish_moved_working_days), (1, 0));
}

#[test]
fn a_plan_running_past_the_known_years_is_scheduled_with_a_warning() {
    let s = schedule(&plan(json!({ "start": "2026-12-01", "calendar": "cn", "items": [{ "id": "a", "department": "A", "effort": 40 }] })))
        .unwrap();
    // 23 working days left in December 2026, then 17 weekdays of January 2027 (no holidays known).
    assert_eq!(dates(&s, "a"), pair("2026-12-01", "2027-01-25"));
    assert_eq!(s.holidays_unknown_after, Some(d("2026-12-31")));
    let inside =
        schedule(&plan(json!({ "start": "2026-12-01", "calendar": "cn", "items": [{ "id": "a", "department": "A", "effort": 5 }] })))
            .unwrap();
    assert_eq!(inside.holidays_unknown_after, None, "a plan inside the known years carries no warning");
    let text =
        crate::schedule::describe::schedule_text(crate::schedule::messages::ScheduleMessages::for_locale(crate::i18n::Locale::En), &s);
    assert!(text.contains("Holidays after 2026-12-31 are not entered; dates beyond it count weekends only."), "{text}");
}
