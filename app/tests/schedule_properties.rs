//! Property tests of the schedule engine on random plans: every rule of the model holds for
//! every item, the result does not depend on input order, and with unlimited capacity the launch
//! equals the classic longest path (CPM) computed here independently.
//!
//! Plans are built from a proptest-chosen seed by a small generator, so a failure prints the seed
//! that reproduces it.

use app::domain::dates::Date;
use app::domain::schedule::{
    cn, schedule, Break, Calendar, CalendarSpec, CalendarYear, CustomCalendar, DepartmentSpec, ItemSpec, Plan, Predecessor, Wait, Weekday,
};
use proptest::prelude::*;
use std::collections::HashMap;

/// xorshift64*: enough randomness for plan shapes, reproducible from the seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn start() -> Date {
    Date::parse("2025-01-06", "start").unwrap()
}

fn random_plan(seed: u64) -> Plan {
    let mut r = Rng(seed | 1);
    let day = |n: u64| start().add_days(n as i32);
    let mut holidays = vec![];
    let mut workdays = vec![];
    for n in 0..90 {
        let d = day(n);
        if d.weekday() < 5 && r.chance(8) {
            holidays.push(d);
        } else if d.weekday() >= 5 && r.chance(5) {
            workdays.push(d);
        }
    }
    let calendar = CalendarSpec::Custom(CustomCalendar { holidays, workdays, ..Default::default() });
    let n_depts = 1 + r.below(4) as usize;
    let departments: Vec<DepartmentSpec> = (0..n_depts)
        .map(|i| DepartmentSpec {
            id: format!("D{i}"),
            name: None,
            available_from: r.chance(40).then(|| day(r.below(20))),
            capacity: Some(1 + r.below(3) as i64),
            calendar: r
                .chance(25)
                .then(|| CalendarSpec::Custom(CustomCalendar { weekend: Some(vec![Weekday::Sun]), ..Default::default() })),
        })
        .collect();
    let n = 1 + r.below(30) as usize;
    // Ids unrelated to position, so that input order and id order differ.
    let ids: Vec<String> = (0..n).map(|i| format!("w{:03}", (i * 37 + seed as usize) % 997)).collect();
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        let mut after = vec![];
        for _ in 0..r.below(4) {
            if i > 0 {
                let p = r.below(i as u64) as usize;
                if after.iter().all(|a: &Predecessor| a.id() != ids[p]) {
                    let lag = if r.chance(30) { r.below(4) as i64 } else { 0 };
                    after.push(Predecessor::WithLag { id: ids[p].clone(), lag });
                }
            }
        }
        items.push(ItemSpec {
            id: ids[i].clone(),
            name: None,
            department: format!("D{}", r.below(n_depts as u64)),
            effort: 1 + r.below(6) as i64,
            not_before: r.chance(20).then(|| day(r.below(25))),
            after,
        });
    }
    Plan { start: start(), calendar, departments, items, milestones: vec![] }
}

/// Each department's calendar and release date, as the plan defines them.
fn team_calendars(plan: &Plan) -> HashMap<String, (Calendar, Option<Date>, u32)> {
    let org = Calendar::from_spec(&plan.calendar, "calendar").unwrap();
    plan.departments
        .iter()
        .map(|d| {
            let cal = d.calendar.as_ref().map(|c| Calendar::from_spec(c, "c").unwrap()).unwrap_or_else(|| org.clone());
            (d.id.clone(), (cal, d.available_from, d.capacity.unwrap_or(1) as u32))
        })
        .collect()
}

fn working_days_in(cal: &Calendar, from: i32, to: i32) -> i32 {
    (from..=to).filter(|&d| cal.is_working_day(Date::from_days(d))).count() as i32
}

/// The `n`-th working day (1-based) strictly after `day`.
fn nth_working_day_after(cal: &Calendar, day: i32, n: i32) -> i32 {
    let (mut d, mut seen) = (day, 0);
    while seen < n {
        d += 1;
        if cal.is_working_day(Date::from_days(d)) {
            seen += 1;
        }
    }
    d
}

fn check_rules(plan: &Plan) {
    let s = schedule(plan).expect("random plans are valid");
    let teams = team_calendars(plan);
    let by_id: HashMap<&str, &app::domain::schedule::ScheduledItem> = s.items.iter().map(|i| (i.id.as_str(), i)).collect();
    for spec in &plan.items {
        let it = by_id[spec.id.as_str()];
        let (cal, available, _) = &teams[&spec.department];
        let (st, fi) = (it.start.days(), it.finish.days());
        assert!(cal.is_working_day(it.start) && cal.is_working_day(it.finish), "{} runs on working days", spec.id);
        assert_eq!(working_days_in(cal, st, fi), spec.effort as i32, "{} occupies effort working days", spec.id);
        assert!(it.start >= plan.start, "{} not before the plan", spec.id);
        assert!(available.is_none_or(|a| it.start >= a), "{} not before its team is available", spec.id);
        assert!(spec.not_before.is_none_or(|nb| it.start >= nb), "{} not before not_before", spec.id);
        for p in &spec.after {
            let pred = by_id[p.id()];
            assert!(st > pred.finish.days(), "{} after {}", spec.id, p.id());
            let between = working_days_in(cal, pred.finish.days() + 1, st - 1);
            assert!(between >= p.lag() as i32, "{} leaves {} working days after {}", spec.id, p.lag(), p.id());
        }
    }
    // Capacity on every working day of every team.
    for (dept, (cal, _, capacity)) in &teams {
        let mine: Vec<_> = s.items.iter().filter(|i| &i.department == dept).collect();
        for day in plan.start.days()..=s.finish.days() {
            if !cal.is_working_day(Date::from_days(day)) {
                continue;
            }
            let running = mine.iter().filter(|i| i.start.days() <= day && day <= i.finish.days()).count() as u32;
            assert!(running <= *capacity, "{dept} runs {running} > {capacity} items on {}", Date::from_days(day));
        }
    }
    // The chain is connected: each link waits for the one before it.
    for w in s.critical_chain.windows(2) {
        match &w[1].wait {
            Wait::Dependency { after, .. } => assert_eq!(after, &w[0].item),
            Wait::Capacity { held_by, .. } => assert_eq!(held_by, &w[0].item),
            other => panic!("a chain link in the middle waits for {other:?}"),
        }
    }
    assert_eq!(s.critical_chain.last().unwrap().finish, s.launch);
    // With one calendar the chain is tight end to end. (Across calendars a link may have slack: a
    // team that works Saturdays can finish a day later and still hand over by Monday.)
    if plan.departments.iter().all(|d| d.calendar.is_none()) {
        assert!(s.critical_chain.iter().all(|l| by_id[l.item.as_str()].critical), "the chain is critical");
    }
}

/// The classic forward pass, without capacity: each item as early as its release and predecessors allow.
fn longest_path_launch(plan: &Plan) -> Date {
    let teams = team_calendars(plan);
    let mut finish: HashMap<&str, i32> = HashMap::new();
    for spec in &plan.items {
        // The generator lists predecessors before successors.
        let (cal, available, _) = &teams[&spec.department];
        let mut earliest = plan.start.days();
        earliest = earliest.max(available.map_or(i32::MIN, |a| a.days()));
        earliest = earliest.max(spec.not_before.map_or(i32::MIN, |a| a.days()));
        let mut st = nth_working_day_after(cal, earliest - 1, 1);
        for p in &spec.after {
            st = st.max(nth_working_day_after(cal, finish[p.id()], p.lag() as i32 + 1));
        }
        finish.insert(&spec.id, nth_working_day_after(cal, st - 1, spec.effort as i32));
    }
    Date::from_days(*finish.values().max().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_rule_holds_on_random_plans(seed in any::<u64>()) {
        check_rules(&random_plan(seed));
    }

    #[test]
    fn input_order_does_not_matter(seed in any::<u64>(), rotate in 0usize..30) {
        let plan = random_plan(seed);
        let mut shuffled = plan.clone();
        let k = rotate % shuffled.items.len();
        shuffled.items.rotate_left(k);
        shuffled.items.reverse();
        shuffled.departments.reverse();
        for it in &mut shuffled.items {
            it.after.reverse();
        }
        let (a, b) = (schedule(&plan).unwrap(), schedule(&shuffled).unwrap());
        prop_assert_eq!(a.launch, b.launch);
        prop_assert_eq!(&a.critical_chain, &b.critical_chain);
        for it in &a.items {
            prop_assert_eq!(Some(it), b.item(&it.id));
        }
    }

    #[test]
    fn unlimited_capacity_gives_the_longest_path(seed in any::<u64>()) {
        let mut plan = random_plan(seed);
        let n = plan.items.len() as i64;
        for d in &mut plan.departments {
            d.capacity = Some(n);
        }
        let s = schedule(&plan).unwrap();
        prop_assert_eq!(s.launch, longest_path_launch(&plan));
        let capacity_waits = s.items.iter().filter(|i| matches!(i.wait, Wait::Capacity { .. })).count();
        prop_assert_eq!(capacity_waits, 0);
    }
}

/// The shipped "cn" calendar written out day by day, with no base: the same days, but a calendar
/// that claims to know every year (so it never warns). Beyond 2026 it is weekends only — which is
/// exactly what "cn" must count there.
fn cn_written_out(extra: &[CalendarYear]) -> CalendarSpec {
    let years: Vec<CalendarYear> = cn::years().into_iter().chain(extra.iter().cloned()).collect();
    let holidays = years.iter().flat_map(|y| y.holiday_days().map(Date::from_days).collect::<Vec<_>>()).collect();
    let workdays = years.iter().flat_map(|y| y.workdays.clone()).collect();
    CalendarSpec::Custom(CustomCalendar { holidays, workdays, from: Date::from_ymd(2025, 1, 1), ..Default::default() })
}

/// A random plan moved to start in the last weeks of the shipped years, on the "cn" calendar, so
/// that many of its items run into 2027 (and some stay inside 2026).
fn plan_across_new_year(seed: u64, calendar: CalendarSpec) -> Plan {
    let mut plan = random_plan(seed);
    let shift = Date::parse("2026-11-02", "d").unwrap().days() - start().days() + (seed % 50) as i32;
    plan.start = plan.start.add_days(shift);
    plan.calendar = calendar;
    for d in &mut plan.departments {
        d.available_from = d.available_from.map(|day| day.add_days(shift));
    }
    for it in &mut plan.items {
        it.not_before = it.not_before.map(|day| day.add_days(shift));
    }
    plan
}

fn a_2027() -> CalendarYear {
    CalendarYear {
        year: 2027,
        breaks: vec![
            Break {
                name: "New Year".into(),
                first: Date::parse("2027-01-01", "d").unwrap(),
                last: Date::parse("2027-01-03", "d").unwrap(),
            },
            Break { name: "Spring".into(), first: Date::parse("2027-02-05", "d").unwrap(), last: Date::parse("2027-02-12", "d").unwrap() },
        ],
        workdays: vec![Date::parse("2027-01-30", "d").unwrap()],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Past the last known year "cn" counts exactly like a weekends-only calendar, the schedule
    /// says from which day, and a plan inside the known years is as it was, without a warning.
    #[test]
    fn past_the_known_years_the_schedule_counts_weekends_only_and_says_so(seed in any::<u64>()) {
        let shipped = schedule(&plan_across_new_year(seed, CalendarSpec::Named("cn".into()))).unwrap();
        let written = schedule(&plan_across_new_year(seed, cn_written_out(&[]))).unwrap();
        prop_assert_eq!(&shipped.items, &written.items);
        prop_assert_eq!(shipped.launch, written.launch);
        prop_assert_eq!(written.holidays_unknown_after, None);
        let known_until = Date::parse("2026-12-31", "d").unwrap();
        // The generator's department calendars claim every year: only items on "cn" can warn.
        let plan = plan_across_new_year(seed, CalendarSpec::Named("cn".into()));
        let runs_past = shipped.items.iter().any(|it| {
            let own = plan.departments.iter().find(|d| d.id == it.department).and_then(|d| d.calendar.as_ref());
            own.is_none() && it.finish > known_until
        });
        prop_assert_eq!(shipped.holidays_unknown_after, runs_past.then_some(known_until));
    }

    /// An entered 2027 counts exactly like the same days written out, and moves the warning to
    /// the end of 2027.
    #[test]
    fn an_entered_year_counts_its_days_and_moves_the_warning(seed in any::<u64>()) {
        let entered = CalendarSpec::Custom(CustomCalendar { base: Some("cn".into()), years: vec![a_2027()], ..Default::default() });
        let with_year = schedule(&plan_across_new_year(seed, entered)).unwrap();
        let written = schedule(&plan_across_new_year(seed, cn_written_out(&[a_2027()]))).unwrap();
        prop_assert_eq!(&with_year.items, &written.items);
        let end_2027 = Date::parse("2027-12-31", "d").unwrap();
        prop_assert!(with_year.holidays_unknown_after.is_none_or(|d| d == end_2027));
    }
}
