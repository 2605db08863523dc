//! Reading holiday years from the files people already have: an iCalendar file (the holiday
//! calendars people subscribe to) or a JSON file of years (what Concord itself lists).
//!
//! iCalendar (RFC 5545) is read only as far as holiday feeds use it: `VEVENT`s with an all-day
//! (or dated) `DTSTART`, an optional `DTEND` (exclusive for all-day events) and a `SUMMARY`.
//! Lines are unfolded and text unescaped; other components and properties are ignored. That is a
//! few dozen lines, so no parser crate is pulled into the build for it.
//!
//! An event is a make-up working day when its summary says so — it contains 班 (上班, 补班,
//! 调休上班) or, in English, "work" ("working day", "workday", "make-up work") — and a break
//! otherwise. Adjacent or overlapping days of breaks with the same name become one break. The
//! years are returned as read; checking them (a make-up day on a weekday, overlapping breaks…)
//! is [`super::years::CalendarYear::normalised`]'s job, so a file is held to the same rules as a
//! year typed by hand.

use super::years::{Break, CalendarYear};
use crate::domain::dates::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The largest file accepted, in bytes: a feed of many years is a few tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// Which kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HolidayFileFormat {
    Ics,
    Json,
}

/// Why a file could not be read; each names the line (iCalendar) or the parser's position (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FileProblem {
    #[error("the file is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("this is not an iCalendar file (no BEGIN:VCALENDAR)")]
    NotICalendar,
    #[error("line {line}: {value:?} is not a date (YYYYMMDD)")]
    BadDate { line: usize, value: String },
    #[error("line {line}: an event without DTSTART")]
    NoStart { line: usize },
    #[error("line {line}: an event that ends before it starts")]
    EndsBeforeStart { line: usize },
    #[error("the file holds no holidays")]
    Empty,
    #[error("not a JSON file of years: {message}")]
    Json { message: String },
}

/// Reads a file of either format into years, sorted by year.
pub fn read_years(format: HolidayFileFormat, text: &str) -> Result<Vec<CalendarYear>, FileProblem> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { max: MAX_FILE_BYTES });
    }
    let years = match format {
        HolidayFileFormat::Ics => read_ics(text)?,
        HolidayFileFormat::Json => read_json(text)?,
    };
    if years.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(years)
}

/// A year as a JSON file gives it; other fields (such as `source` in Concord's own listing) are
/// ignored so a listing can be imported back.
#[derive(Deserialize)]
struct JsonYear {
    year: i32,
    #[serde(default)]
    breaks: Vec<Break>,
    #[serde(default)]
    workdays: Vec<Date>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonYears {
    Wrapped { years: Vec<JsonYear> },
    List(Vec<JsonYear>),
    One(JsonYear),
}

fn read_json(text: &str) -> Result<Vec<CalendarYear>, FileProblem> {
    let parsed: JsonYears = serde_json::from_str(text).map_err(|e| FileProblem::Json { message: e.to_string() })?;
    let list = match parsed {
        JsonYears::Wrapped { years } | JsonYears::List(years) => years,
        JsonYears::One(year) => vec![year],
    };
    let mut years: Vec<CalendarYear> =
        list.into_iter().map(|y| CalendarYear { year: y.year, breaks: y.breaks, workdays: y.workdays }).collect();
    years.sort_by_key(|y| y.year);
    Ok(years)
}

/// An event being read: the line of its `BEGIN:VEVENT`, `DTSTART`, `DTEND` (with whether it
/// was a whole day) and `SUMMARY`.
#[derive(Default)]
struct Reading {
    line: usize,
    start: Option<Date>,
    end: Option<(Date, bool)>,
    summary: String,
}

/// One all-day event as read.
struct Event {
    summary: String,
    first: Date,
    last: Date,
}

/// Unfolded content lines with the number of the physical line each starts on.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix(' ').or_else(|| raw.strip_prefix('\t')), lines.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ => lines.push((n + 1, raw.to_string())),
        }
    }
    lines
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// `YYYYMMDD` (a DATE, or the date part of a DATE-TIME) and whether it was a bare DATE.
fn ics_date(value: &str, line: usize) -> Result<(Date, bool), FileProblem> {
    let bad = || FileProblem::BadDate { line, value: value.chars().take(40).collect() };
    let digits = value.get(..8).filter(|d| d.bytes().all(|b| b.is_ascii_digit())).ok_or_else(bad)?;
    let (y, m, d) =
        (digits[..4].parse().map_err(|_| bad())?, digits[4..6].parse().map_err(|_| bad())?, digits[6..].parse().map_err(|_| bad())?);
    let date = Date::from_ymd(y, m, d).ok_or_else(bad)?;
    let rest = &value[8..];
    if !rest.is_empty() && !rest.starts_with('T') {
        return Err(bad());
    }
    // A DATE-TIME at midnight ends the day before, as an all-day DTEND does.
    let whole_day = rest.is_empty() || rest.trim_end_matches('Z') == "T000000";
    Ok((date, whole_day))
}

fn read_ics(text: &str) -> Result<Vec<CalendarYear>, FileProblem> {
    let lines = unfold(text);
    if !lines.iter().any(|(_, l)| l.trim().eq_ignore_ascii_case("BEGIN:VCALENDAR")) {
        return Err(FileProblem::NotICalendar);
    }
    let mut events = Vec::new();
    let mut current: Option<Reading> = None;
    for (line, content) in &lines {
        let Some((name_params, value)) = content.split_once(':') else { continue };
        let name = name_params.split(';').next().unwrap_or("").trim().to_ascii_uppercase();
        match (name.as_str(), &mut current) {
            ("BEGIN", None) if value.trim().eq_ignore_ascii_case("VEVENT") => current = Some(Reading { line: *line, ..Default::default() }),
            ("END", Some(_)) if value.trim().eq_ignore_ascii_case("VEVENT") => {
                let reading = current.take().expect("matched Some");
                let first = reading.start.ok_or(FileProblem::NoStart { line: reading.line })?;
                let last = match reading.end {
                    None => first,
                    Some((end, true)) if end > first => end.add_days(-1),
                    Some((end, _)) => end,
                };
                if last < first {
                    return Err(FileProblem::EndsBeforeStart { line: reading.line });
                }
                events.push(Event { summary: reading.summary, first, last });
            }
            ("DTSTART", Some(event)) => event.start = Some(ics_date(value.trim(), *line)?.0),
            ("DTEND", Some(event)) => event.end = Some(ics_date(value.trim(), *line)?),
            ("SUMMARY", Some(event)) => event.summary = unescape(value.trim()),
            _ => {}
        }
    }
    Ok(years_of(events))
}

/// Whether an event's summary names a make-up working day.
pub fn is_make_up_summary(summary: &str) -> bool {
    let lower = summary.to_lowercase();
    summary.contains('班') || lower.contains("work") || lower.contains("make-up") || lower.contains("makeup")
}

/// Events into years: make-up days by date, breaks merged per name and split at New Year.
fn years_of(events: Vec<Event>) -> Vec<CalendarYear> {
    let mut years: BTreeMap<i32, CalendarYear> = BTreeMap::new();
    fn year(years: &mut BTreeMap<i32, CalendarYear>, y: i32) -> &mut CalendarYear {
        years.entry(y).or_insert_with(|| CalendarYear { year: y, breaks: vec![], workdays: vec![] })
    }
    let mut breaks: Vec<Break> = Vec::new();
    for e in events {
        if is_make_up_summary(&e.summary) {
            let mut day = e.first;
            while day <= e.last {
                let workdays = &mut year(&mut years, day.ymd().0).workdays;
                if !workdays.contains(&day) {
                    workdays.push(day);
                }
                day = day.add_days(1);
            }
        } else {
            let name = e.summary.trim().to_string();
            let mut first = e.first;
            while first <= e.last {
                let dec31 = Date::from_ymd(first.ymd().0, 12, 31).unwrap_or(e.last);
                let last = e.last.min(dec31);
                breaks.push(Break { name: name.clone(), first, last });
                first = last.add_days(1);
            }
        }
    }
    breaks.sort_by(|a, b| (a.first, a.last, &a.name).cmp(&(b.first, b.last, &b.name)));
    let mut merged: Vec<Break> = Vec::new();
    for b in breaks {
        match merged.iter_mut().rev().find(|m| m.name == b.name && m.first.ymd().0 == b.first.ymd().0) {
            Some(m) if b.first.days() <= m.last.days() + 1 => m.last = m.last.max(b.last),
            _ => merged.push(b),
        }
    }
    for b in merged {
        year(&mut years, b.first.ymd().0).breaks.push(b);
    }
    let mut out: Vec<CalendarYear> = years.into_values().collect();
    for y in &mut out {
        y.workdays.sort();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::dates::d;

    /// A feed as subscription calendars write it: folded lines, escaped text, one event per day of
    /// a break in one place and one event per break in another, make-up days marked 班.
    const FEED: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//holidays//ZH\r\n\
BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270104\r\nSUMMARY:元旦\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20270205\r\nSUMMARY:春节\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:3\r\nDTSTART;VALUE=DATE:20270206\r\nDTEND;VALUE=DATE:20270213\r\nSUMMARY:春节\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:4\r\nDTSTART;VALUE=DATE:20270130\r\nSUMMARY:春节调休\r\n 上班\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:5\r\nDTSTART:20271231T000000\r\nDTEND:20280102T000000\r\nSUMMARY:New Year\\, long\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

    #[test]
    fn a_holiday_feed_becomes_years_of_breaks_and_make_up_days() {
        let years = read_years(HolidayFileFormat::Ics, FEED).unwrap();
        assert_eq!(years.iter().map(|y| y.year).collect::<Vec<_>>(), [2027, 2028]);
        let y = &years[0];
        let names: Vec<(&str, String, String)> =
            y.breaks.iter().map(|b| (b.name.as_str(), b.first.to_string(), b.last.to_string())).collect();
        assert_eq!(
            names,
            [
                ("元旦", "2027-01-01".into(), "2027-01-03".into()),
                ("春节", "2027-02-05".into(), "2027-02-12".into()),
                ("New Year, long", "2027-12-31".into(), "2027-12-31".into()),
            ],
            "exclusive all-day ends, days of one break merged, a folded summary unfolded, a break split at New Year"
        );
        assert_eq!(y.workdays, [d("2027-01-30")], "the folded summary says 上班");
        assert_eq!(years[1].breaks[0].first, d("2028-01-01"));
        assert_eq!(years[1].breaks[0].last, d("2028-01-01"));
    }

    #[test]
    fn unreadable_files_name_the_line() {
        assert_eq!(read_years(HolidayFileFormat::Ics, "hello"), Err(FileProblem::NotICalendar));
        let bad = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2027-01-01\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(read_years(HolidayFileFormat::Ics, bad), Err(FileProblem::BadDate { line: 3, value: "2027-01-01".into() }));
        let no_start = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(read_years(HolidayFileFormat::Ics, no_start), Err(FileProblem::NoStart { line: 2 }));
        assert_eq!(read_years(HolidayFileFormat::Ics, "BEGIN:VCALENDAR\nEND:VCALENDAR\n"), Err(FileProblem::Empty));
        assert!(matches!(read_years(HolidayFileFormat::Json, "{"), Err(FileProblem::Json { .. })));
    }

    #[test]
    fn a_json_listing_reads_back_whatever_its_wrapping() {
        let one = r#"{"year":2027,"source":"entered","breaks":[{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}],"workdays":["2027-01-30"]}"#;
        let wrapped = format!(r#"{{"years":[{one}]}}"#);
        let listed = format!("[{one}]");
        for text in [one.to_string(), wrapped, listed] {
            let years = read_years(HolidayFileFormat::Json, &text).unwrap();
            assert_eq!(years.len(), 1, "{text}");
            assert_eq!(years[0].workdays, [d("2027-01-30")]);
        }
    }
}
