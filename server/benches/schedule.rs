//! The schedule engine's benchmark (a plain bench binary: `cargo bench -p server --bench schedule`).
//!
//! Default: the size — 10,000 items, 30,000 dependencies, 50 departments with capacities
//! 1–3 on the Chinese calendar — timing `schedule` (validation + scheduling, JSON parsing
//! excluded) and `impact` (two schedules, the diff and the explanation), then the same graph with
//! unlimited capacity (the engine's CPM case). Prints min / median / p90 in milliseconds.
//!
//! Options (after `--`): `--plan FILE` times one plan file instead and prints
//! `{"median_ms": …, "min_ms": …}` (used by `scripts/crosscheck/cpm_vs_networkx.py`);
//! `--repeat N` (default 30); `--write-plan FILE` writes the generated plan and exits.

use app::domain::schedule::{impact, schedule, schedule_problem, DepartmentSpec, ItemSpec, MilestoneSpec, Plan, Predecessor, Problem};
use std::hint::black_box;
use std::time::Instant;

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A plan shaped like a large programme (efforts of 1–2 days, so that 200 items per team fit in the
/// two years the CN calendar covers): work flows forward through a window of the 2,000 most recent items, so
/// there are long chains as well as wide parallel fronts.
fn generated_plan(items: usize, deps: usize, departments: usize, seed: u64) -> Plan {
    let mut r = Rng(seed);
    let start = app::domain::dates::Date::parse("2025-01-02", "start").expect("valid");
    let per_item = deps / items;
    let extra = deps - per_item * items;
    let mut specs = Vec::with_capacity(items);
    for i in 0..items {
        let mut after: Vec<Predecessor> = Vec::new();
        let want = per_item + usize::from(i < extra);
        let mut tries = 0;
        while i > 0 && after.len() < want.min(i) && tries < 20 {
            tries += 1;
            let window = 2_000.min(i) as u64;
            let p = i - 1 - r.below(window) as usize;
            let id = format!("w{p}");
            if after.iter().all(|a| a.id() != id) {
                let lag = if r.below(10) == 0 { r.below(3) as i64 } else { 0 };
                after.push(if lag == 0 { Predecessor::Id(id) } else { Predecessor::WithLag { id, lag } });
            }
        }
        specs.push(ItemSpec {
            id: format!("w{i}"),
            name: None,
            department: format!("D{}", r.below(departments as u64)),
            effort: 1 + r.below(2) as i64,
            not_before: None,
            after,
        });
    }
    let departments = (0..departments)
        .map(|d| DepartmentSpec {
            id: format!("D{d}"),
            name: None,
            available_from: None,
            capacity: Some(1 + r.below(3) as i64),
            calendar: None,
        })
        .collect();
    let milestones = vec![MilestoneSpec { id: "launch".into(), name: Some("上线".into()), after: vec![format!("w{}", items - 1)] }];
    Plan { start, calendar: app::domain::schedule::CalendarSpec::Named("cn".into()), departments, items: specs, milestones }
}

/// The candidate of the impact benchmark: 20 items take 3 days longer, 10 new items join chains.
fn changed(plan: &Plan) -> Plan {
    let mut c = plan.clone();
    let n = c.items.len();
    for k in 0..20 {
        c.items[(k * 487) % n].effort += 3;
    }
    for k in 0..10 {
        let anchor = (k * 997 + 13) % (n - 1);
        c.items.push(ItemSpec {
            id: format!("new{k}"),
            name: None,
            department: format!("D{}", k % 7),
            effort: 4,
            not_before: None,
            after: vec![Predecessor::Id(format!("w{anchor}"))],
        });
        let follower = anchor + 1;
        c.items[follower].after.push(Predecessor::Id(format!("new{k}")));
    }
    c
}

fn time<T>(repeat: usize, mut f: impl FnMut() -> T) -> Vec<f64> {
    let mut samples: Vec<f64> = (0..repeat)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    samples
}

fn report(label: &str, s: &[f64]) {
    let pct = |p: f64| s[((s.len() - 1) as f64 * p).round() as usize];
    println!("{label:<58} min {:>7.2} ms   median {:>7.2} ms   p90 {:>7.2} ms   ({} runs)", s[0], pct(0.5), pct(0.9), s.len());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let repeat: usize = arg("--repeat").and_then(|r| r.parse().ok()).unwrap_or(30);

    if let Some(path) = arg("--plan") {
        let text = std::fs::read_to_string(&path).expect("readable plan file");
        let plan = Plan::from_json(&text).expect("a valid plan");
        schedule(&plan).expect("a schedulable plan");
        let s = time(repeat, || schedule(&plan).expect("schedulable"));
        println!("{{\"min_ms\": {:.4}, \"median_ms\": {:.4}, \"items\": {}}}", s[0], s[s.len() / 2], plan.items.len());
        return;
    }

    let plan = generated_plan(10_000, 30_000, 50, 0x5eed);
    if let Some(path) = arg("--write-plan") {
        std::fs::write(&path, serde_json::to_string(&plan).expect("serializable")).expect("writable");
        return;
    }
    let deps: usize = plan.items.iter().map(|i| i.after.len()).sum();
    let result = schedule(&plan).expect("the benchmark plan schedules");
    println!(
        "plan: {} items, {} dependencies, {} departments (capacity 1–3), calendar cn; launch {} (critical chain {} links)",
        plan.items.len(),
        deps,
        plan.departments.len(),
        result.launch,
        result.critical_chain.len()
    );
    report("schedule (validate + schedule + chain + slack + load)", &time(repeat, || schedule(&plan).expect("ok")));
    let candidate = changed(&plan);
    let imp = impact(&plan, &candidate).expect("both schedule");
    println!("impact: launch {:+} working days, {} explanation steps", imp.launch_moved_working_days, imp.explanation.steps.len());
    report("impact (two schedules + diff + explanation)", &time(repeat, || impact(&plan, &candidate).expect("ok")));

    let mut unlimited = plan.clone();
    for d in &mut unlimited.departments {
        d.capacity = Some(10_000);
    }
    report("schedule, unlimited capacity (CPM)", &time(repeat, || schedule(&unlimited).expect("ok")));
    report("  of which: validate and index (Problem::from_plan)", &time(repeat, || Problem::from_plan(&unlimited).expect("ok")));
    let problem = Problem::from_plan(&unlimited).expect("ok");
    report("  of which: schedule the indexed plan", &time(repeat, || schedule_problem(&problem).expect("ok")));

    let small = generated_plan(1_000, 3_000, 10, 0xbeef);
    report("schedule, 1,000 items / 3,000 deps / 10 departments", &time(repeat, || schedule(&small).expect("ok")));
    let text = serde_json::to_string(&plan).expect("serializable");
    report("parse the 10,000-item plan file (JSON, for reference)", &time(repeat.min(10), || Plan::from_json(&text).expect("ok")));
}
