//! A small RFC 5545 (iCalendar) writer: pure, no I/O, no clock (the caller passes DTSTAMP).
//!
//! What it gets right, each with a test below: CRLF line ends; content lines folded at 75 octets
//! (continuation lines start with one space) without ever splitting a UTF-8 character; TEXT values
//! escaped (`\\`, `\;`, `\,`, `\n`); parameter values quoted; times either in UTC (`…Z`), local
//! with `TZID=` and a matching VTIMEZONE, or whole days (`VALUE=DATE`, DTEND the day after).
//! Meetings' zones have no daylight saving time (see [`Zone`]), so each VTIMEZONE is one
//! STANDARD block with a fixed offset.

use crate::domain::dates::Date;
use crate::domain::meetings::Zone;

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsTime {
    /// An instant (epoch ms), written as local time in `zone` with `TZID`.
    Zoned { ms: i64, zone: Zone },
    /// A whole day (all-day event).
    Day(Date),
}

/// A person as ORGANIZER or ATTENDEE: a display name and a URI naming them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsPerson {
    pub name: String,
    /// A cal-address URI; Concord people have no e-mail address here, so `urn:uuid:<user id>`.
    pub uri: String,
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Globally unique and stable across exports (`<kind>-<id>@concord`).
    pub uid: String,
    pub start: IcsTime,
    /// For a whole-day event: the (inclusive) day it ends; written as DTEND the day after.
    pub end: IcsTime,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub organizer: Option<IcsPerson>,
    pub attendees: Vec<IcsPerson>,
    /// Bumped by every change of the event (RFC 5545 SEQUENCE).
    pub sequence: i64,
    /// Epoch ms of the last change, if known.
    pub last_modified: Option<i64>,
    pub categories: Vec<String>,
    /// An absolute URL of the event's page, if known.
    pub url: Option<String>,
}

/// A whole VCALENDAR: name, and its events. Zones are collected from the events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsCalendar {
    /// X-WR-CALNAME, shown by calendar apps as the subscription's name.
    pub name: String,
    pub events: Vec<IcsEvent>,
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks (CR dropped, LF as `\n`).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: quoted (so `:`, `;` and `,` are safe), without the characters a quoted
/// value may not hold (`"` and controls).
pub fn param_value(text: &str) -> String {
    let clean: String = text.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    format!("\"{clean}\"")
}

/// Folds one content line into lines of at most 75 octets each (CRLF not counted), continuation
/// lines starting with a space; a multi-byte character is never split. Ends with CRLF.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

/// `YYYYMMDDTHHMMSSZ` of an instant.
pub fn utc_stamp(ms: i64) -> String {
    let (date, h, m, s) = Zone::of("UTC").local_parts(ms);
    format!("{}T{h:02}{m:02}{s:02}Z", compact(date))
}

fn compact(date: Date) -> String {
    let (y, m, d) = date.ymd();
    format!("{y:04}{m:02}{d:02}")
}

fn offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// The VTIMEZONE of a fixed-offset zone.
fn vtimezone(zone: Zone, out: &mut String) {
    for line in [
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", zone.name),
        "BEGIN:STANDARD".to_string(),
        "DTSTART:19700101T000000".to_string(),
        format!("TZOFFSETFROM:{}", offset(zone.offset_minutes)),
        format!("TZOFFSETTO:{}", offset(zone.offset_minutes)),
        format!("TZNAME:{}", zone.abbreviation),
        "END:STANDARD".to_string(),
        "END:VTIMEZONE".to_string(),
    ] {
        out.push_str(&fold(&line));
    }
}

fn time_line(name: &str, time: IcsTime, is_end: bool) -> String {
    match time {
        IcsTime::Zoned { ms, zone } => {
            let (date, h, m, s) = zone.local_parts(ms);
            format!("{name};TZID={}:{}T{h:02}{m:02}{s:02}", zone.name, compact(date))
        }
        // DTEND of a whole-day event is exclusive: the day after the last day.
        IcsTime::Day(date) => format!("{name};VALUE=DATE:{}", compact(if is_end { date.add_days(1) } else { date })),
    }
}

fn person_line(name: &str, p: &IcsPerson, attendee: bool) -> String {
    let role = if attendee { ";ROLE=REQ-PARTICIPANT" } else { "" };
    format!("{name};CN={}{role}:{}", param_value(&p.name), p.uri)
}

fn event(e: &IcsEvent, dtstamp: i64, out: &mut String) {
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", e.uid),
        format!("DTSTAMP:{}", utc_stamp(dtstamp)),
        time_line("DTSTART", e.start, false),
        time_line("DTEND", e.end, true),
        format!("SUMMARY:{}", escape_text(&e.summary)),
        format!("SEQUENCE:{}", e.sequence.max(0)),
    ];
    if !e.location.is_empty() {
        lines.push(format!("LOCATION:{}", escape_text(&e.location)));
    }
    if !e.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape_text(&e.description)));
    }
    if let Some(organizer) = &e.organizer {
        lines.push(person_line("ORGANIZER", organizer, false));
    }
    for a in &e.attendees {
        lines.push(person_line("ATTENDEE", a, true));
    }
    if !e.categories.is_empty() {
        lines.push(format!("CATEGORIES:{}", e.categories.iter().map(|c| escape_text(c)).collect::<Vec<_>>().join(",")));
    }
    if let Some(ms) = e.last_modified {
        lines.push(format!("LAST-MODIFIED:{}", utc_stamp(ms)));
    }
    if let Some(url) = &e.url {
        lines.push(format!("URL:{url}"));
    }
    if matches!(e.start, IcsTime::Day(_)) {
        // An all-day reminder does not block the person's time.
        lines.push("TRANSP:TRANSPARENT".to_string());
    }
    lines.push("END:VEVENT".to_string());
    for line in lines {
        out.push_str(&fold(&line));
    }
}

impl IcsCalendar {
    /// The calendar as iCalendar text (`text/calendar; charset=utf-8`).
    pub fn write(&self, dtstamp: i64) -> String {
        let mut out = String::new();
        for line in [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".to_string(),
            "PRODID:-//Concord//Meetings//EN".to_string(),
            "CALSCALE:GREGORIAN".to_string(),
            "METHOD:PUBLISH".to_string(),
            format!("X-WR-CALNAME:{}", escape_text(&self.name)),
        ] {
            out.push_str(&fold(&line));
        }
        let mut zones: Vec<Zone> = Vec::new();
        for e in &self.events {
            for t in [e.start, e.end] {
                if let IcsTime::Zoned { zone, .. } = t {
                    if !zones.iter().any(|z| z.name == zone.name) {
                        zones.push(zone);
                    }
                }
            }
        }
        for zone in zones {
            vtimezone(zone, &mut out);
        }
        for e in &self.events {
            event(e, dtstamp, &mut out);
        }
        out.push_str(&fold("END:VCALENDAR"));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai() -> Zone {
        Zone::of("Asia/Shanghai")
    }

    /// Unfolds iCalendar text back into content lines.
    fn unfold(text: &str) -> Vec<String> {
        text.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_string).collect()
    }

    fn meeting() -> IcsEvent {
        let start = shanghai().local_to_utc("2026-03-02T10:00", "start").unwrap();
        IcsEvent {
            uid: "meeting-1@concord".into(),
            start: IcsTime::Zoned { ms: start, zone: shanghai() },
            end: IcsTime::Zoned { ms: start + 3_600_000, zone: shanghai() },
            summary: "需求评审：付款前须审批, A; B\\C".into(),
            location: "会议室 3".into(),
            description: "议程\n1. 审批状态".into(),
            organizer: Some(IcsPerson { name: "小张".into(), uri: "urn:uuid:1".into() }),
            attendees: vec![IcsPerson { name: "小蓝 \"B\"".into(), uri: "urn:uuid:2".into() }],
            sequence: 3,
            last_modified: Some(0),
            categories: vec!["requirement_review".into()],
            url: None,
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("中文"), "中文");
        assert_eq!(param_value("小蓝 \"B\": x;y"), "\"小蓝 B: x;y\"");
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "付款前须审批".repeat(10));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for (i, part) in folded.trim_end_matches("\r\n").split("\r\n").enumerate() {
            assert!(part.len() <= 75, "line {i} has {} octets", part.len());
            assert_eq!(part.starts_with(' '), i > 0, "continuations start with a space");
            assert!(std::str::from_utf8(part.as_bytes()).is_ok());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line, "unfolding gives the line back");
        assert_eq!(fold("SHORT"), "SHORT\r\n");
        let exact = "x".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"), "75 octets fit on one line");
    }

    #[test]
    fn a_meeting_is_a_vevent_in_its_zone_with_a_vtimezone() {
        let cal = IcsCalendar { name: "会议".into(), events: vec![meeting()] };
        let text = cal.write(0);
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF line ends");
        let lines = unfold(&text);
        let has = |l: &str| lines.iter().any(|x| x == l);
        for expected in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Shanghai",
            "TZOFFSETFROM:+0800",
            "TZOFFSETTO:+0800",
            "UID:meeting-1@concord",
            "DTSTAMP:19700101T000000Z",
            "DTSTART;TZID=Asia/Shanghai:20260302T100000",
            "DTEND;TZID=Asia/Shanghai:20260302T110000",
            "SUMMARY:需求评审：付款前须审批\\, A\\; B\\\\C",
            "DESCRIPTION:议程\\n1. 审批状态",
            "ORGANIZER;CN=\"小张\":urn:uuid:1",
            "ATTENDEE;CN=\"小蓝 B\";ROLE=REQ-PARTICIPANT:urn:uuid:2",
            "SEQUENCE:3",
            "END:VCALENDAR",
        ] {
            assert!(has(expected), "missing {expected:?} in\n{text}");
        }
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 1);
    }

    #[test]
    fn whole_days_end_the_day_after_and_need_no_zone() {
        let day = Date::parse("2026-03-09", "d").unwrap();
        let e = IcsEvent {
            uid: "action-1@concord".into(),
            start: IcsTime::Day(day),
            end: IcsTime::Day(day),
            summary: "待办".into(),
            location: String::new(),
            description: String::new(),
            organizer: None,
            attendees: vec![],
            sequence: 0,
            last_modified: None,
            categories: vec![],
            url: None,
        };
        let lines = unfold(&IcsCalendar { name: "x".into(), events: vec![e] }.write(0));
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20260309".to_string()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20260310".to_string()));
        assert!(!lines.iter().any(|l| l.starts_with("BEGIN:VTIMEZONE")));
    }

    #[test]
    fn offsets_and_stamps() {
        assert_eq!(offset(330), "+0530");
        assert_eq!(offset(-300), "-0500");
        assert_eq!(utc_stamp(86_400_000 + 3_723_000), "19700102T010203Z");
    }
}
