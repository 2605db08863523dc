//! Schedules and impacts in words: the explanation sentence, wait phrases and plain-text tables
//! (for `concord plan … --format text`). Pure functions over the engine's plain data.

use super::messages::ScheduleMessages;
use crate::domain::schedule::impact::{Explanation, Impact, ItemSummary, StepChange};
use crate::domain::schedule::{Schedule, Wait};
use std::fmt::Write;

/// An item as people read it: its name in quotes, or its id.
pub fn quoted(name: Option<&str>, id: &str) -> String {
    format!("“{}”", name.unwrap_or(id))
}

/// Why an item starts when it does; `name_of` turns an item id into its display name.
pub fn wait_phrase(m: &ScheduleMessages, wait: &Wait, department: &str, capacity: u32, name_of: &dyn Fn(&str) -> String) -> String {
    match wait {
        Wait::PlanStart => m.wait_plan_start.to_string(),
        Wait::NotBefore { date } => m.wait_not_before(date.to_string()),
        Wait::Availability { until } => m.wait_availability(until, department),
        Wait::Dependency { after, lag } => m.wait_dependency(&name_of(after), *lag),
        Wait::Capacity { held_by, .. } => m.wait_capacity(&name_of(held_by), department, capacity),
    }
}

/// "Launch +4 working days (…): B's new “approval message” (5 d) runs after “query API” because B
/// runs one item at a time; …" — the shortest honest account of why the launch moved.
pub fn explanation_sentence(m: &ScheduleMessages, e: &Explanation, name_of: &dyn Fn(&str) -> String) -> String {
    let (from, to) = (e.baseline_launch.to_string(), e.candidate_launch.to_string());
    let head = match e.launch_moved_working_days {
        0 => return m.launch_unchanged(&to),
        n if n > 0 => m.launch_later(&from, n, &to),
        n => m.launch_earlier(&from, -n, &to),
    };
    let mut clauses: Vec<String> = e
        .steps
        .iter()
        .map(|s| {
            let name = name_of(&s.item);
            let subject = match &s.change {
                StepChange::New => m.step_new(&s.department, s.effort, &name),
                StepChange::EffortChanged { from } => m.step_effort(&s.department, s.effort, from, &name),
                StepChange::DepartmentChanged { from } => m.step_department(&s.department, s.effort, from, &name),
                StepChange::PredecessorsChanged => m.step_predecessors(&s.department, s.effort, &name),
                StepChange::WaitChanged => m.step_same(&s.department, s.effort, &name),
            };
            format!("{subject}{}{}", m.subject_wait_separator, wait_phrase(m, &s.wait, &s.department, s.team_capacity, name_of))
        })
        .collect();
    if clauses.is_empty() {
        clauses.push(m.no_chain_change.to_string());
    }
    if !e.teams_changed.is_empty() {
        clauses.push(m.teams_changed(e.teams_changed.join(m.list_separator)));
    }
    if e.calendar_changed {
        clauses.push(m.calendar_changed.to_string());
    }
    let separator = if m.clause_separator == "；" { "：" } else { ": " };
    format!("{head}{separator}{}", clauses.join(m.clause_separator))
}

/// A display-name lookup over one or two schedules (candidate first).
pub fn names<'a>(schedules: &'a [&'a Schedule]) -> impl Fn(&str) -> String + 'a {
    move |id: &str| {
        let name = schedules.iter().find_map(|s| s.item(id)).and_then(|i| i.name.as_deref());
        quoted(name, id)
    }
}

fn table(rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..rows[0].len()).map(|c| rows.iter().map(|r| display_width(&r[c])).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let line: Vec<String> = row.iter().zip(&widths).map(|(cell, w)| format!("{cell}{}", " ".repeat(w - display_width(cell)))).collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
        if n == 0 {
            let _ = writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  "));
        }
    }
    out
}

/// Terminal columns: CJK characters take two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x1100 && !matches!(c as u32, 0x2010..=0x27ff) { 2 } else { 1 }).sum()
}

/// The schedule as a readable table, its milestones, launch and critical chain.
pub fn schedule_text(m: &ScheduleMessages, s: &Schedule) -> String {
    let mut rows = vec![[m.item, m.department, m.start, m.finish, m.effort, m.slack, m.critical].map(String::from).to_vec()];
    for it in &s.items {
        rows.push(vec![
            it.name.as_ref().map_or(it.id.clone(), |n| format!("{} ({n})", it.id)),
            it.department.clone(),
            it.start.to_string(),
            it.finish.to_string(),
            m.days_short(it.effort),
            it.slack.to_string(),
            if it.critical { "★".into() } else { String::new() },
        ]);
    }
    let mut out = table(&rows);
    if !s.milestones.is_empty() {
        let _ = writeln!(out, "\n{}", m.milestones);
        let mut rows = vec![vec![m.milestone.to_string(), m.date.to_string()]];
        rows.extend(
            s.milestones.iter().map(|ms| vec![ms.name.as_ref().map_or(ms.id.clone(), |n| format!("{} ({n})", ms.id)), ms.date.to_string()]),
        );
        out.push_str(&table(&rows));
    }
    let _ = writeln!(out, "\n{}: {}", m.launch, s.launch);
    if let Some(after) = s.holidays_unknown_after {
        let _ = writeln!(out, "\n⚠ {}", m.holidays_unknown(after.to_string()));
    }
    let _ = writeln!(out, "\n{}", m.load);
    for l in &s.load {
        let weeks: Vec<String> = l.weeks.iter().map(|w| format!("{} {}/{}", w.week, w.busy_days, w.capacity_days)).collect();
        let _ = writeln!(out, "  {}: {}", l.department, weeks.join(m.list_separator));
    }
    let _ = writeln!(out, "\n{}", m.critical_chain);
    let schedules = [s];
    let name_of = names(&schedules);
    for link in &s.critical_chain {
        let capacity = s.load.iter().find(|l| l.department == link.department).map_or(1, |l| l.capacity);
        let _ = writeln!(
            out,
            "  {} [{}] {} … {}: {}",
            name_of(&link.item),
            link.department,
            link.start,
            link.finish,
            wait_phrase(m, &link.wait, &link.department, capacity, &name_of)
        );
    }
    out
}

/// Items added or removed, as one line: “name” [department, effort].
pub fn item_list(m: &ScheduleMessages, items: &[ItemSummary]) -> String {
    if items.is_empty() {
        return m.none.to_string();
    }
    items
        .iter()
        .map(|it| format!("{} [{}, {}]", quoted(it.name.as_deref(), &it.id), it.department, m.days_short(it.effort)))
        .collect::<Vec<_>>()
        .join(m.list_separator)
}

/// The changed items' names, as one line.
pub fn changed_list(m: &ScheduleMessages, i: &Impact) -> String {
    if i.items_changed.is_empty() {
        return m.none.to_string();
    }
    i.items_changed.iter().map(|c| quoted(c.name.as_deref(), &c.id)).collect::<Vec<_>>().join(m.list_separator)
}

/// The impact as readable sections, ending with the explanation.
pub fn impact_text(m: &ScheduleMessages, i: &Impact, candidate: &Schedule, baseline: &Schedule) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} → {} ({})",
        m.launch,
        i.baseline_launch,
        i.candidate_launch,
        m.working_days(i.launch_moved_working_days as i64)
    );
    if let Some(after) = i.holidays_unknown_after {
        let _ = writeln!(out, "⚠ {}", m.holidays_unknown(after.to_string()));
    }
    if !i.milestones.is_empty() {
        let _ = writeln!(out, "\n{}", m.milestones);
        let mut rows = vec![vec![m.milestone.to_string(), m.baseline.to_string(), m.candidate.to_string(), m.moved.to_string()]];
        for ms in &i.milestones {
            let show = |d: Option<crate::domain::dates::Date>| d.map_or("—".to_string(), |d| d.to_string());
            rows.push(vec![
                ms.name.clone().unwrap_or(ms.id.clone()),
                show(ms.baseline),
                show(ms.candidate),
                ms.moved_working_days.map_or("—".into(), |n| m.working_days(n as i64)),
            ]);
        }
        out.push_str(&table(&rows));
    }
    let _ = writeln!(out, "\n{}: {}", m.items_added, item_list(m, &i.items_added));
    let _ = writeln!(out, "{}: {}", m.items_removed, item_list(m, &i.items_removed));
    let changed = changed_list(m, i);
    let _ = writeln!(out, "{}: {changed}", m.items_changed);
    let _ = writeln!(out, "\n{}", m.effort_by_department);
    let mut rows = vec![vec![m.department.to_string(), m.baseline.to_string(), m.candidate.to_string(), m.moved.to_string()]];
    for e in &i.effort_by_department {
        rows.push(vec![e.department.clone(), e.baseline.to_string(), e.candidate.to_string(), format!("{:+}", e.delta)]);
    }
    out.push_str(&table(&rows));
    let or_none = |v: Vec<String>| if v.is_empty() { m.none.to_string() } else { v.join(m.list_separator) };
    let _ = writeln!(out, "\n{}: {}", m.newly_involved, or_none(i.departments_newly_involved.clone()));
    let _ = writeln!(
        out,
        "{}: {}",
        m.dates_moved,
        or_none(
            i.departments_with_moved_dates
                .iter()
                .map(|d| format!("{} ({})", d.department, m.working_days(d.last_finish_moved_working_days as i64)))
                .collect()
        )
    );
    let schedules = [candidate, baseline];
    let name_of = names(&schedules);
    let _ = writeln!(out, "\n{}: {}", m.why, explanation_sentence(m, &i.explanation, &name_of));
    out
}
