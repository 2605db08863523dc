//! The Gantt chart as SVG text: department swimlanes, working-day shading (holidays and make-up
//! days marked), item bars, milestone diamonds, dependency arrows, the critical chain, today's
//! line, and an overlay of a baseline's bars as ghosts with the launch move labelled.
//!
//! Built as a string by a pure function so the server renders it into the page, the browser
//! re-renders it on every keystroke, and tests read it — all with the same code. Every piece of
//! plan text is escaped here; nothing else is interpolated. Accessible: `role="img"` with a title
//! and a description, a `<title>` on every bar and day mark, and the critical chain marked with ★
//! and a heavier outline, not by colour alone.

use super::messages::ScheduleMessages;
use crate::domain::dates::Date;
use crate::domain::schedule::{Calendar, Plan, Schedule, ScheduledItem};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::fmt::Write;

const LABEL_W: i32 = 230;
/// The step between lines of milestone labels that would otherwise overlap.
const MILESTONE_LINE_H: i32 = 13;
const HEADER_H: i32 = 34;
const ROW_H: i32 = 20;
const LANE_H: i32 = 20;
const BAR_H: i32 = 12;

pub struct GanttOptions<'a> {
    pub messages: &'static ScheduleMessages,
    /// The calendar whose days off are shaded (the organisation's).
    pub calendar: &'a Calendar,
    pub today: Option<Date>,
    /// Overlay: the baseline plan and its schedule, drawn as ghosts behind the candidate.
    pub baseline: Option<(&'a Plan, &'a Schedule)>,
    /// The launch move to label in overlay mode.
    pub launch_moved_working_days: Option<i32>,
    /// Distinguishes several charts on one page (ids of title, desc and markers).
    pub id: &'a str,
    /// Only the rows between these two y coordinates (the part of a tall chart scrolled into view,
    /// with a margin) get their labels, bars and arrows; the chart keeps its full size. `None`:
    /// every row. Lets a live chart of hundreds of items redraw in a few milliseconds.
    pub rows_in_view: Option<(i32, i32)>,
    /// What to draw: the whole chart, or one of its two layers (see [`Layer`]).
    pub layer: Layer,
    /// Dates the chart covers even when the schedule is shorter: a live chart passes the widest
    /// range it has drawn, so its size (and its background) stays put while people type.
    pub span: Option<(Date, Date)>,
    /// The width the chart has to fill (the browser measures its card): a chart narrower than
    /// that gets wider days, up to [`MAX_DAY_W`], so it spans the card instead of leaving a gap.
    /// `None` (the server, and before the browser measured): the readable default widths.
    pub fit_width: Option<i32>,
}

/// A chart drawn whole, or as two layers laid one over the other: the background (lanes, days
/// off, the date header, today) changes only when the chart's range or rows change, while the
/// front (labels, bars, arrows, milestones, launch lines) changes with every edit. A live chart
/// redraws only the front, which is most of what it would otherwise hand the browser to parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layer {
    #[default]
    Whole,
    /// Decoration only, hidden from assistive technology (the front carries the title and text).
    Back,
    Front,
}

/// Text safe inside SVG elements and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

struct Row<'a> {
    id: &'a str,
    label: String,
    current: Option<&'a ScheduledItem>,
    ghost: Option<&'a ScheduledItem>,
}

/// The widest a day gets when a short chart is stretched to fill its card.
const MAX_DAY_W: i32 = 40;
/// Room right of the last day, for the launch line's label.
const RIGHT_MARGIN: i32 = 90;

/// Pixels per day over `days` days: narrower for long plans, so they stay a readable width, and
/// wider (up to [`MAX_DAY_W`]) when that is what fills [`GanttOptions::fit_width`].
fn day_width(days: i32, fit_width: Option<i32>) -> i32 {
    let readable = match days {
        ..=45 => 22,
        46..=120 => 12,
        121..=400 => 6,
        _ => 3,
    };
    let filling = fit_width.map_or(0, |w| (w - LABEL_W - RIGHT_MARGIN) / days.max(1));
    readable.max(filling.min(MAX_DAY_W))
}

/// Draws `schedule` of `plan` (and, in overlay mode, the baseline behind it).
pub fn svg(plan: &Plan, schedule: &Schedule, o: &GanttOptions<'_>) -> String {
    let m = o.messages;
    let base = o.baseline.map(|(_, s)| s);
    let first = base.map_or(schedule.start, |b| b.start.min(schedule.start));
    let mut last = base.map_or(schedule.finish, |b| b.finish.max(schedule.finish));
    if let Some(t) = o.today.filter(|t| *t >= first && t.days() - last.days() < 30) {
        last = last.max(t);
    }
    let (first, last) = match o.span {
        Some((from, to)) => (first.min(from), last.max(to)),
        None => (first, last),
    };
    let (back, front) = (o.layer != Layer::Front, o.layer != Layer::Back);
    let days = last.days() - first.days() + 2;
    let dw = day_width(days, o.fit_width);
    let x = |d: Date| LABEL_W + (d.days() - first.days()) * dw;

    // Rows: departments in order of first appearance, items by start within each.
    let mut dept_order: Vec<&str> = Vec::new();
    for it in schedule.items.iter().chain(base.into_iter().flat_map(|b| b.items.iter())) {
        if !dept_order.contains(&it.department.as_str()) {
            dept_order.push(&it.department);
        }
    }
    let chain: HashSet<&str> = schedule.critical_chain.iter().map(|l| l.item.as_str()).collect();
    let current: HashMap<&str, &ScheduledItem> = schedule.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let old: HashMap<&str, &ScheduledItem> = base.map(|b| b.items.iter().map(|i| (i.id.as_str(), i)).collect()).unwrap_or_default();
    let mut lanes: Vec<(&str, Vec<Row<'_>>)> = Vec::new();
    for dept in &dept_order {
        let mut rows: Vec<Row<'_>> = schedule
            .items
            .iter()
            .filter(|i| i.department == *dept)
            .map(|i| Row {
                id: &i.id,
                label: i.name.clone().unwrap_or(i.id.clone()),
                current: Some(i),
                ghost: old.get(i.id.as_str()).copied(),
            })
            .collect();
        rows.sort_by_key(|r| (r.current.map(|c| c.start), r.id));
        if let Some(b) = base {
            for gi in b.items.iter().filter(|i| i.department == *dept && !current.contains_key(i.id.as_str())) {
                rows.push(Row { id: &gi.id, label: gi.name.clone().unwrap_or(gi.id.clone()), current: None, ghost: Some(gi) });
            }
        }
        lanes.push((dept, rows));
    }

    let item_rows: usize = lanes.iter().map(|(_, r)| r.len()).sum();
    // Milestones close together get their labels on separate lines, so none covers another.
    let milestone_labels: Vec<(i32, String)> =
        schedule.milestones.iter().map(|ms| (x(ms.date) + dw, ms.name.clone().unwrap_or(ms.id.clone()))).collect();
    let label_spans: Vec<(i32, i32)> = milestone_labels.iter().map(|(cx, label)| (cx + 8, text_width(label))).collect();
    let diamonds: Vec<i32> = milestone_labels.iter().map(|(cx, _)| *cx).collect();
    let lines = label_lines(&label_spans, &diamonds);
    let extra_lines = lines.iter().max().map_or(0, |&l| l as i32);
    let milestone_h = if schedule.milestones.is_empty() { 0 } else { ROW_H + 6 + extra_lines * MILESTONE_LINE_H };
    let body_h = lanes.len() as i32 * LANE_H + item_rows as i32 * ROW_H + milestone_h;
    let labels_end = label_spans.iter().map(|(start, w)| start + w + 8).max().unwrap_or(0);
    let width = (LABEL_W + days * dw + RIGHT_MARGIN).max(labels_end);
    let height = HEADER_H + body_h + 8;
    let id = escape(o.id);
    let mut out = String::with_capacity(200 * item_rows + 4_000);
    let items = schedule.items.len();
    if front {
        let desc = m.gantt_desc(schedule.launch.to_string(), items, schedule.start.to_string());
        let class = if back { "gantt" } else { "gantt gantt-front" };
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc" viewBox="0 0 {width} {height}" width="{width}" height="{height}" data-items="{items}">"#
        );
        let _ = write!(out, r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#, escape(m.gantt), escape(&desc));
        let _ = write!(
            out,
            r#"<defs><marker id="{id}-arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L6,3L0,6z" class="arrow-head"/></marker></defs>"#
        );
    } else {
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="gantt gantt-back" aria-hidden="true" viewBox="0 0 {width} {height}" width="{width}" height="{height}" data-items="{items}">"#
        );
    }
    if back {
        let _ = write!(
            out,
            r#"<defs><pattern id="{id}-makeup" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="4" class="makeup-line"/></pattern><pattern id="{id}-unknown" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><line x1="0" y1="0" x2="0" y2="8" class="unknown-line"/></pattern></defs>"#
        );
        draw_background(&mut out, &lanes, o, (first, last), body_h, width);
    }
    if o.layer == Layer::Back {
        draw_today(&mut out, o, (first, last), HEADER_H + body_h);
        out.push_str("</svg>");
        return out;
    }

    // Lanes and bars.
    let mut y = HEADER_H;
    let mut bar_y: HashMap<&str, i32> = HashMap::new();
    for (_, rows) in &lanes {
        y += LANE_H;
        for row in rows {
            let top = y + (ROW_H - BAR_H) / 2;
            if o.rows_in_view.is_some_and(|(from, to)| y + ROW_H < from || y > to) {
                if row.current.is_some() {
                    bar_y.insert(row.id, top + BAR_H / 2);
                }
                y += ROW_H;
                continue;
            }
            let critical = row.current.is_some_and(|c| c.critical) || chain.contains(row.id);
            let star = if critical { "★ " } else { "" };
            let _ = write!(
                out,
                r#"<text class="label{}" x="12" y="{}">{star}{}{}</text>"#,
                if critical { " critical" } else { "" },
                y + 14,
                escape(&fit(&row.label, LABEL_W - 24)),
                whole_label(&row.label, LABEL_W - 24)
            );
            if let Some(g) = row.ghost {
                let _ = write!(
                    out,
                    r#"<rect class="ghost" x="{}" y="{}" width="{}" height="{}" rx="2"><title>{} {} → {}</title></rect>"#,
                    x(g.start),
                    top - 2,
                    x(g.finish) + dw - x(g.start),
                    BAR_H + 4,
                    escape(m.baseline),
                    g.start,
                    g.finish
                );
            }
            if let Some(c) = row.current {
                let _ = write!(
                    out,
                    r#"<rect class="bar{}" x="{}" y="{top}" width="{}" height="{BAR_H}" rx="2" data-id="{}"><title>{} · {} · {} → {} · {} · {} {}{}</title></rect>"#,
                    if critical { " critical" } else { "" },
                    x(c.start),
                    x(c.finish) + dw - x(c.start),
                    escape(&c.id),
                    escape(&row.label),
                    escape(&c.department),
                    c.start,
                    c.finish,
                    escape(&m.days_short(c.effort)),
                    escape(m.slack),
                    c.slack,
                    if critical { format!(" · ★ {}", escape(m.critical_chain)) } else { String::new() },
                );
                bar_y.insert(row.id, top + BAR_H / 2);
            }
            y += ROW_H;
        }
    }

    // Dependency arrows: from a predecessor's end to its successor's start.
    for spec in &plan.items {
        let (Some(&ty), Some(to)) = (bar_y.get(spec.id.as_str()), current.get(spec.id.as_str())) else { continue };
        for p in &spec.after {
            let (Some(&fy), Some(from)) = (bar_y.get(p.id()), current.get(p.id())) else { continue };
            if o.rows_in_view.is_some_and(|(from, to)| fy.max(ty) < from || fy.min(ty) > to) {
                continue;
            }
            let hot = chain.contains(spec.id.as_str())
                && matches!(&to.wait, crate::domain::schedule::Wait::Dependency { after, .. } if after == p.id());
            let (x1, x2) = (x(from.finish) + dw, x(to.start));
            let mid = (x1 + 3).min(x2 - 3).max(x1.min(x2) - 3);
            let _ = write!(
                out,
                r#"<path class="dep{}" d="M{x1},{fy}H{mid}V{ty}H{x2}" marker-end="url(#{id}-arrow)"/>"#,
                if hot { " critical" } else { "" }
            );
        }
    }

    // Milestones as diamonds on their own row.
    if !schedule.milestones.is_empty() {
        let cy = y + ROW_H / 2 + 3;
        let _ = write!(out, r#"<text class="lane-name" x="4" y="{}">{}</text>"#, cy + 4, escape(m.milestones));
        for ((ms, (cx, label)), line) in schedule.milestones.iter().zip(&milestone_labels).zip(&lines) {
            let _ = write!(
                out,
                r#"<path class="milestone" d="M{cx},{}l6,6l-6,6l-6,-6z"><title>{} · {}</title></path><text class="milestone-label" x="{}" y="{}">{}</text>"#,
                cy - 6,
                escape(label),
                ms.date,
                cx + 8,
                cy + 4 + *line as i32 * MILESTONE_LINE_H,
                escape(label)
            );
        }
    }

    // Launch move (overlay) and today.
    let bottom = HEADER_H + body_h;
    if let Some(b) = base {
        let (bx, cx) = (x(b.launch) + dw, x(schedule.launch) + dw);
        let _ = write!(
            out,
            r#"<line class="launch-baseline" x1="{bx}" y1="{HEADER_H}" x2="{bx}" y2="{bottom}"><title>{} {}</title></line>"#,
            escape(m.baseline),
            b.launch
        );
        let _ = write!(out, r#"<line class="launch" x1="{cx}" y1="{HEADER_H}" x2="{cx}" y2="{bottom}"/>"#);
        if let Some(moved) = o.launch_moved_working_days {
            let _ = write!(
                out,
                r#"<text class="launch-move" x="{}" y="{}" text-anchor="end">{} {}</text>"#,
                cx - 4,
                HEADER_H + 12,
                escape(m.launch),
                escape(&m.working_days(moved as i64))
            );
        }
    }
    if back {
        draw_today(&mut out, o, (first, last), bottom);
    }
    out.push_str("</svg>");
    out
}

/// The range a chart of `schedule` (over `baseline`) covers: what [`GanttOptions::span`] takes.
pub fn natural_span(schedule: &Schedule, baseline: Option<&Schedule>) -> (Date, Date) {
    let first = baseline.map_or(schedule.start, |b| b.start.min(schedule.start));
    let last = baseline.map_or(schedule.finish, |b| b.finish.max(schedule.finish));
    (first, last)
}

/// Lane backgrounds, days off and make-up days, and the date header: what the rows are drawn on.
fn draw_background(
    out: &mut String,
    lanes: &[(&str, Vec<Row<'_>>)],
    o: &GanttOptions<'_>,
    (first, last): (Date, Date),
    body_h: i32,
    width: i32,
) {
    let m = o.messages;
    let id = escape(o.id);
    let dw = day_width(last.days() - first.days() + 2, o.fit_width);
    let x = |d: Date| LABEL_W + (d.days() - first.days()) * dw;
    // Lane backgrounds first, so the days off show through them.
    let mut lane_top = HEADER_H;
    for (n, (_, rows)) in lanes.iter().enumerate() {
        let lane_h = LANE_H + rows.len() as i32 * ROW_H;
        let _ = write!(out, r#"<rect class="lane lane-{}" x="0" y="{lane_top}" width="{width}" height="{lane_h}"/>"#, n % 2);
        lane_top += lane_h;
    }

    // Days off and make-up days, merged into runs.
    let mut day = first;
    while day <= last {
        let kind = if o.calendar.is_make_up_day(day) {
            Some(("makeup", m.make_up_day))
        } else if o.calendar.is_holiday(day) {
            Some(("holiday", m.holiday))
        } else if !o.calendar.is_working_day(day) {
            Some(("off", ""))
        } else {
            None
        };
        let Some((class, word)) = kind else {
            day = day.add_days(1);
            continue;
        };
        let mut end = day;
        while end.add_days(1) <= last && same_kind(o.calendar, end.add_days(1), class) {
            end = end.add_days(1);
        }
        let w = (end.days() - day.days() + 1) * dw;
        let fill = if class == "makeup" { format!(r#" fill="url(#{id}-makeup)""#) } else { String::new() };
        let title = if word.is_empty() { String::new() } else { format!("<title>{day} … {end} {}</title>", escape(word)) };
        let _ =
            write!(out, r#"<rect class="day-{class}" x="{}" y="{HEADER_H}" width="{w}" height="{body_h}"{fill}>{title}</rect>"#, x(day));
        day = end.add_days(1);
    }

    // Past the last day whose holidays the calendar knows: one hatched band, titled, so nobody
    // reads those dates as exact as the ones before.
    let unknown_from = o.calendar.known_until().add_days(1).max(first);
    if unknown_from <= last {
        let w = (last.days() - unknown_from.days() + 1) * dw;
        let _ = write!(
            out,
            r#"<rect class="days-unknown" x="{}" y="{HEADER_H}" width="{w}" height="{body_h}" fill="url(#{id}-unknown)"><title>{} … {last} {}</title></rect>"#,
            x(unknown_from),
            unknown_from,
            escape(m.unknown_stretch)
        );
    }

    // Header: a tick and date every Monday, the month at its first day.
    let mut day = first;
    while day <= last {
        let (y, mo, d) = day.ymd();
        if d == 1 || day == first {
            let _ = write!(out, r#"<text class="month" x="{}" y="12">{y}-{mo:02}</text>"#, x(day) + 2);
        }
        if day.weekday() == 0 {
            let _ = write!(out, r#"<line class="tick" x1="{0}" y1="16" x2="{0}" y2="{1}"/>"#, x(day), HEADER_H + body_h);
            if dw >= 6 || d <= 7 {
                let _ = write!(out, r#"<text class="day" x="{}" y="28">{mo:02}-{d:02}</text>"#, x(day) + 2);
            }
        }
        day = day.add_days(1);
    }

    // Each lane's rule and department name.
    let mut y = HEADER_H;
    for (dept, rows) in lanes {
        let _ = write!(out, r#"<line class="lane-rule" x1="0" y1="{y}" x2="{width}" y2="{y}"/>"#);
        let _ = write!(out, r#"<text class="lane-name" x="4" y="{}">{}</text>"#, y + 14, escape(dept));
        y += LANE_H + rows.len() as i32 * ROW_H;
    }
}

/// Today's line, when today is on the chart.
fn draw_today(out: &mut String, o: &GanttOptions<'_>, (first, last): (Date, Date), bottom: i32) {
    let dw = day_width(last.days() - first.days() + 2, o.fit_width);
    if let Some(t) = o.today.filter(|t| *t >= first && *t <= last) {
        let tx = LABEL_W + (t.days() - first.days()) * dw + dw / 2;
        let _ = write!(
            out,
            r#"<line class="today" x1="{tx}" y1="16" x2="{tx}" y2="{bottom}"/><text class="today-label" x="{}" y="{}">{}</text>"#,
            tx + 2,
            bottom + 7,
            escape(o.messages.today)
        );
    }
}

fn same_kind(cal: &Calendar, d: Date, class: &str) -> bool {
    match class {
        "makeup" => cal.is_make_up_day(d),
        "holiday" => cal.is_holiday(d) && !cal.is_make_up_day(d),
        _ => !cal.is_working_day(d) && !cal.is_holiday(d),
    }
}

/// Roughly how many pixels `s` takes at the chart's 11 px font: about 6.5 for a Latin letter or
/// digit, 11 for a Chinese character (and anything else wide).
fn text_width(s: &str) -> i32 {
    s.chars().map(|c| if c.is_ascii() { 13 } else { 22 }).sum::<i32>() / 2
}

/// `s` cut to fit `max_px` (with "…"), for the label column.
fn fit(s: &str, max_px: i32) -> String {
    if text_width(s) <= max_px {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&out) + text_width(&c.to_string()) + text_width("…") > max_px {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A cut label's whole text as its tooltip (nothing when it fits).
fn whole_label(s: &str, max_px: i32) -> String {
    if text_width(s) <= max_px {
        String::new()
    } else {
        format!("<title>{}</title>", escape(s))
    }
}

/// The line each label goes on (labels as `(start x, width)`, in any order): the first line on
/// which it starts clear of the label before it, so labels of close milestones never overlap. The
/// diamonds (centred at `diamonds`) sit on the first line, so a label that would run over one
/// goes lower.
fn label_lines(spans: &[(i32, i32)], diamonds: &[i32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].0);
    let covers_a_diamond = |(start, width): (i32, i32)| diamonds.iter().any(|&d| d + 6 > start && d - 6 < start + width);
    let mut line_ends: Vec<i32> = Vec::new();
    let mut lines = vec![0; spans.len()];
    for i in order {
        let (start, width) = spans[i];
        let free = |line: usize| line_ends.get(line).is_none_or(|&end| end + 6 <= start);
        let line = (0..).find(|&line| free(line) && (line > 0 || !covers_a_diamond(spans[i]))).unwrap_or_default();
        if line_ends.len() <= line {
            line_ends.resize(line + 1, i32::MIN);
        }
        line_ends[line] = start + width;
        lines[i] = line;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{schedule, CalendarSpec};

    fn seed_plans() -> (Plan, Plan) {
        let a: Plan = serde_json::from_str(super::super::examples::SEED_QUERY_API).unwrap();
        let b: Plan = serde_json::from_str(super::super::examples::SEED_APPROVAL_MESSAGE).unwrap();
        (a, b)
    }

    #[test]
    fn labels_of_close_milestones_go_on_separate_lines_and_far_ones_share_one() {
        // Joint debugging and integration test two days apart: the second goes below.
        assert_eq!(label_lines(&[(100, 90), (144, 90), (400, 50)], &[]), [0, 1, 0]);
        // Order does not matter: each is placed by where it starts.
        assert_eq!(label_lines(&[(400, 50), (144, 90), (100, 90)], &[]), [0, 1, 0]);
        assert_eq!(label_lines(&[(100, 40), (150, 40), (200, 40)], &[]), [0, 0, 0]);
        assert!(label_lines(&[], &[]).is_empty());
        // A label that would run over the next milestone's diamond goes below it.
        assert_eq!(label_lines(&[(108, 90), (208, 40)], &[100, 150]), [1, 0]);
        assert_eq!(label_lines(&[(108, 30), (208, 40)], &[100, 150]), [0, 0]);
    }

    #[test]
    fn a_long_item_label_is_cut_to_the_label_column_and_keeps_its_whole_text_as_a_tooltip() {
        let long = "Interface definition and joint review with every department involved";
        let cut = fit(long, LABEL_W - 24);
        assert!(cut.ends_with('…') && text_width(&cut) <= LABEL_W - 24, "{cut}");
        assert!(cut.starts_with("Interface definition"), "more than 16 characters are shown: {cut}");
        assert_eq!(fit("Short", 100), "Short");
        assert!(text_width("接口定义") > text_width("abcd"), "Chinese characters are wider");
        assert_eq!(whole_label(long, LABEL_W - 24), format!("<title>{long}</title>"));
        assert_eq!(whole_label("Short", 100), "");
    }

    #[test]
    fn a_short_chart_widens_its_days_to_fill_its_card_and_never_runs_past_it() {
        let (plan, _) = seed_plans();
        let s = schedule(&plan).unwrap();
        let cal = Calendar::from_spec(&CalendarSpec::Named("cn".into()), "c").unwrap();
        let width_for = |fit_width| {
            let o = GanttOptions {
                messages: &crate::i18n::catalog::EN.schedule,
                calendar: &cal,
                today: None,
                baseline: None,
                launch_moved_working_days: None,
                id: "g",
                rows_in_view: None,
                layer: Default::default(),
                span: None,
                fit_width,
            };
            let chart = svg(&plan, &s, &o);
            let at = chart.find(" width=\"").unwrap() + 8;
            chart[at..chart[at..].find('"').unwrap() + at].parse::<i32>().unwrap()
        };
        let natural = width_for(None);
        let days = s.finish.days() - s.start.days() + 2;
        let filled = width_for(Some(natural + 300));
        assert!(filled <= natural + 300 && filled > natural + 300 - days, "fills the card to within a day: {natural} → {filled}");
        assert_eq!(width_for(Some(natural - 200)), natural, "a narrower card scrolls the readable chart");
        assert_eq!(width_for(Some(100_000)), LABEL_W + days * MAX_DAY_W + RIGHT_MARGIN, "days stay at most {MAX_DAY_W} px");
    }

    #[test]
    fn the_chart_shows_bars_chain_holidays_and_escapes_text() {
        let (mut plan, _) = seed_plans();
        plan.items[0].name = Some("<script>alert(1)</script> & \"q\"".into());
        let s = schedule(&plan).unwrap();
        let cal = Calendar::from_spec(&CalendarSpec::Named("cn".into()), "c").unwrap();
        let o = GanttOptions {
            messages: &crate::i18n::catalog::EN.schedule,
            calendar: &cal,
            today: Some(Date::parse("2025-01-27", "t").unwrap()),
            baseline: None,
            launch_moved_working_days: None,
            id: "g",
            rows_in_view: None,
            layer: Default::default(),
            span: None,
            fit_width: None,
        };
        let svg = svg(&plan, &s, &o);
        assert!(!svg.contains("<script>"), "names are escaped");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
        assert_eq!(svg.matches(r#"class="bar critical""#).count(), s.items.iter().filter(|i| i.critical).count());
        assert!(svg.contains("2025-01-28 … 2025-02-04 holiday"), "the Spring Festival is marked");
        assert!(svg.contains("make-up working day"));
        assert!(svg.contains(r#"class="milestone""#));
        assert!(svg.contains(r#"class="today""#));
        assert!(svg.contains(r#"role="img""#) && svg.contains("<desc id=\"g-desc\">"));
        assert_eq!(svg.matches(r#"<path class="dep"#).count(), plan.items.iter().map(|i| i.after.len()).sum::<usize>());
    }

    #[test]
    fn overlay_draws_baseline_ghosts_and_labels_the_launch_move() {
        let (a, b) = seed_plans();
        let (sa, sb) = (schedule(&a).unwrap(), schedule(&b).unwrap());
        let cal = Calendar::weekdays();
        let o = GanttOptions {
            messages: &crate::i18n::catalog::ZH.schedule,
            calendar: &cal,
            today: None,
            baseline: Some((&a, &sa)),
            launch_moved_working_days: Some(4),
            id: "o",
            rows_in_view: None,
            layer: Default::default(),
            span: None,
            fit_width: None,
        };
        let svg = svg(&b, &sb, &o);
        assert_eq!(svg.matches(r#"class="ghost""#).count(), a.items.len());
        assert!(svg.contains("上线 +4 个工作日"));
        assert!(svg.contains(r#"class="launch-baseline""#));
    }

    #[test]
    fn a_window_draws_only_its_rows_and_the_arrows_that_cross_it_at_the_full_size() {
        let (plan, _) = seed_plans();
        let s = schedule(&plan).unwrap();
        let cal = Calendar::from_spec(&CalendarSpec::Named("cn".into()), "c").unwrap();
        let options = |rows_in_view| GanttOptions {
            messages: &crate::i18n::catalog::EN.schedule,
            calendar: &cal,
            today: None,
            baseline: None,
            launch_moved_working_days: None,
            id: "g",
            rows_in_view,
            layer: Default::default(),
            span: None,
            fit_width: None,
        };
        let whole = svg(&plan, &s, &options(None));
        let size = |svg: &str| svg[..svg.find('>').unwrap()].to_string();
        // The first lane's first row only: the header, one lane title, one row.
        let first_row = (HEADER_H + LANE_H, HEADER_H + LANE_H + ROW_H - 1);
        let window = svg(&plan, &s, &options(Some(first_row)));
        assert_eq!(size(&window), size(&whole), "the chart keeps its size, so its scroll range does not jump");
        assert_eq!(window.matches(r#"<rect class="bar"#).count(), 1, "{window}");
        assert!(whole.matches(r#"<rect class="bar"#).count() > 1);
        let arrows = window.matches(r#"<path class="dep"#).count();
        assert!(arrows >= 1 && arrows <= whole.matches(r#"<path class="dep"#).count(), "arrows into or out of the row stay: {arrows}");
        assert_eq!(svg(&plan, &s, &options(Some((0, i32::MAX)))), whole, "a window over everything draws everything");
    }

    #[test]
    fn the_two_layers_split_the_whole_chart_between_them_at_one_size() {
        let (plan, _) = seed_plans();
        let s = schedule(&plan).unwrap();
        let cal = Calendar::from_spec(&CalendarSpec::Named("cn".into()), "c").unwrap();
        let options = |layer, span| GanttOptions {
            messages: &crate::i18n::catalog::EN.schedule,
            calendar: &cal,
            today: Some(Date::parse("2025-01-27", "t").unwrap()),
            baseline: None,
            launch_moved_working_days: None,
            id: "g",
            rows_in_view: None,
            layer,
            span,
            fit_width: None,
        };
        let whole = svg(&plan, &s, &options(Layer::Whole, None));
        let back = svg(&plan, &s, &options(Layer::Back, None));
        let front = svg(&plan, &s, &options(Layer::Front, None));
        let size = |svg: &str| svg[svg.find("viewBox").unwrap()..svg.find(" data-items").unwrap()].to_string();
        assert_eq!(size(&back), size(&whole));
        assert_eq!(size(&front), size(&whole));
        let count = |svg: &str, what: &str| svg.matches(what).count();
        for part in [r#"<rect class="bar"#, r#"<path class="dep"#, r#"class="milestone""#, r#"<text class="label"#] {
            assert_eq!(count(&front, part), count(&whole, part), "{part} in front");
            assert_eq!(count(&back, part), 0, "{part} not in back");
        }
        for part in [r#"class="day-holiday""#, r#"class="lane-rule""#, r#"class="tick""#, r#"class="today""#, r#"class="lane lane-"#] {
            assert_eq!(count(&back, part), count(&whole, part), "{part} in back");
        }
        assert!(front.contains(r#"role="img""#) && back.contains(r#"aria-hidden="true""#) && !back.contains(r#"role="img""#));
        // A wider span widens the chart (and both layers alike).
        let later = Date::parse("2025-06-30", "t").unwrap();
        let wide = svg(&plan, &s, &options(Layer::Back, Some((s.start, later))));
        assert_ne!(size(&wide), size(&back));
        assert_eq!(size(&wide), size(&svg(&plan, &s, &options(Layer::Front, Some((s.start, later))))));
    }
}
