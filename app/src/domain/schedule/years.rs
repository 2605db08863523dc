//! A calendar year as people enter it: its breaks (name, first day, last day) and its make-up
//! working days (调休上班). The shipped `"cn"` table is kept in this shape ([`super::cn`]), and an
//! organisation or a department adds the years a release does not know yet to its own calendar
//! (`CustomCalendar::years`). A year is checked whole before it is accepted, so a stored year can
//! never make a plan fail later; each problem names the day at fault.

use super::calendar::Weekday;
use crate::domain::dates::Date;
use serde::{Deserialize, Serialize};

/// The most breaks one year may hold (the official calendar has seven).
pub const MAX_BREAKS: usize = 60;
/// The most make-up days one year may hold.
pub const MAX_MAKE_UP_DAYS: usize = 60;
/// The longest break name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// One year's days off and make-up working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    pub year: i32,
    /// Days off, each a whole break (weekend days inside a break may be included).
    #[serde(default)]
    pub breaks: Vec<Break>,
    /// Weekend days that are worked (调休上班).
    #[serde(default)]
    pub workdays: Vec<Date>,
}

/// A run of days off, first and last day included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    pub name: String,
    pub first: Date,
    pub last: Date,
}

/// What can be wrong with an entered year. Each names the day (or the year) at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
// Externally tagged (serde's default), not `tag = "…"`: it travels to the browser inside every
// server function's error, and an internally tagged enum's decoder buffers each variant through
// serde's generic `Content`, which put tens of KiB into the bundle every page loads.
#[serde(rename_all = "snake_case")]
pub enum YearProblem {
    #[error("the year must be between 1900 and 2999")]
    YearOutOfRange,
    #[error("{year} is already entered; edit it instead of adding it again")]
    AlreadyEntered { year: i32 },
    #[error("{year} is not entered")]
    NotEntered { year: i32 },
    #[error("{year} holds no break and no make-up day")]
    Empty { year: i32 },
    #[error("{date} is not in {year}")]
    OutsideYear { date: Date, year: i32 },
    #[error("a break needs a name (the break starting {first})")]
    UnnamedBreak { first: Date },
    #[error("the break {name:?} is named in more than {max} characters")]
    NameTooLong { name: String, max: usize },
    #[error("the break {name:?} ends ({last}) before it starts ({first})")]
    BreakReversed { name: String, first: Date, last: Date },
    #[error("{date} is in two breaks, {first:?} and {second:?}")]
    BreaksOverlap { date: Date, first: String, second: String },
    #[error("{date} is a make-up working day but not a weekend day")]
    MakeUpNotWeekend { date: Date },
    #[error("{date} is a make-up working day inside the break {name:?}")]
    MakeUpInBreak { date: Date, name: String },
    #[error("{date} is listed twice as a make-up working day")]
    MakeUpTwice { date: Date },
    #[error("more than {max} entries in one year")]
    TooMany { max: usize },
    #[error("line {line}: write a break as \"name, first day, last day\" with dates as YYYY-MM-DD (got {text:?})")]
    UnreadableBreak { line: usize, text: String },
    #[error("{text:?} is not a date (YYYY-MM-DD)")]
    UnreadableDate { text: String },
}

/// Breaks as a form's text area holds them: one per line, `name, first day, last day` (the last
/// day may be left out for a one-day break; Chinese commas and tabs separate too).
pub fn parse_breaks_text(text: &str) -> Result<Vec<Break>, YearProblem> {
    let mut breaks = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let unreadable = || YearProblem::UnreadableBreak { line: n + 1, text: line.chars().take(60).collect() };
        let parts: Vec<&str> = line.split([',', '，', '\t']).map(str::trim).collect();
        let (name, first, last) = match parts.as_slice() {
            [name, first] => (*name, *first, *first),
            [name, first, last] => (*name, *first, *last),
            _ => return Err(unreadable()),
        };
        let date = |s: &str| Date::parse(s, "breaks").map_err(|_| unreadable());
        breaks.push(Break { name: name.to_string(), first: date(first)?, last: date(last)? });
    }
    Ok(breaks)
}

/// Dates separated by spaces, commas or new lines.
pub fn parse_dates_text(text: &str) -> Result<Vec<Date>, YearProblem> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '，')
        .filter(|s| !s.is_empty())
        .map(|s| Date::parse(s, "workdays").map_err(|_| YearProblem::UnreadableDate { text: s.chars().take(30).collect() }))
        .collect()
}

/// The text area's text of some breaks (what [`parse_breaks_text`] reads back).
pub fn breaks_text(breaks: &[Break]) -> String {
    breaks.iter().map(|b| format!("{}, {}, {}", b.name, b.first, b.last)).collect::<Vec<_>>().join("\n")
}

/// The text of some dates (what [`parse_dates_text`] reads back).
pub fn dates_text(dates: &[Date]) -> String {
    dates.iter().map(Date::to_string).collect::<Vec<_>>().join(", ")
}

impl CalendarYear {
    /// The first and last day of the year.
    pub fn span(year: i32) -> Option<(Date, Date)> {
        Some((Date::from_ymd(year, 1, 1)?, Date::from_ymd(year, 12, 31)?))
    }

    /// Checks the year against a calendar's weekly days off, and puts breaks and make-up days in
    /// date order (so two equal years compare equal however they were typed).
    pub fn normalised(mut self, weekend: &[Weekday]) -> Result<CalendarYear, YearProblem> {
        let (jan1, dec31) = Self::span(self.year).ok_or(YearProblem::YearOutOfRange)?;
        if self.breaks.len() > MAX_BREAKS || self.workdays.len() > MAX_MAKE_UP_DAYS {
            return Err(YearProblem::TooMany { max: MAX_BREAKS });
        }
        if self.breaks.is_empty() && self.workdays.is_empty() {
            return Err(YearProblem::Empty { year: self.year });
        }
        let in_year =
            |date: Date| if (jan1..=dec31).contains(&date) { Ok(()) } else { Err(YearProblem::OutsideYear { date, year: self.year }) };
        for b in &mut self.breaks {
            b.name = b.name.trim().to_string();
            if b.name.is_empty() {
                return Err(YearProblem::UnnamedBreak { first: b.first });
            }
            if b.name.chars().count() > MAX_NAME_CHARS {
                return Err(YearProblem::NameTooLong { name: b.name.chars().take(20).collect(), max: MAX_NAME_CHARS });
            }
            in_year(b.first)?;
            in_year(b.last)?;
            if b.last < b.first {
                return Err(YearProblem::BreakReversed { name: b.name.clone(), first: b.first, last: b.last });
            }
        }
        self.breaks.sort_by_key(|b| (b.first, b.last));
        for pair in self.breaks.windows(2) {
            if pair[1].first <= pair[0].last {
                return Err(YearProblem::BreaksOverlap { date: pair[1].first, first: pair[0].name.clone(), second: pair[1].name.clone() });
            }
        }
        let weekend_mask = weekend.iter().fold(0u8, |m, d| m | (1 << d.number()));
        self.workdays.sort();
        for (i, &date) in self.workdays.iter().enumerate() {
            in_year(date)?;
            if i > 0 && self.workdays[i - 1] == date {
                return Err(YearProblem::MakeUpTwice { date });
            }
            if weekend_mask & (1 << date.weekday()) == 0 {
                return Err(YearProblem::MakeUpNotWeekend { date });
            }
            if let Some(b) = self.breaks.iter().find(|b| b.first <= date && date <= b.last) {
                return Err(YearProblem::MakeUpInBreak { date, name: b.name.clone() });
            }
        }
        Ok(self)
    }

    /// Every day off, as day numbers.
    pub fn holiday_days(&self) -> impl Iterator<Item = i32> + '_ {
        self.breaks.iter().flat_map(|b| b.first.days()..=b.last.days())
    }

    /// Days off that fall on a working weekday (what the year takes away from a Monday–Friday week).
    pub fn weekdays_off(&self) -> usize {
        self.holiday_days().filter(|&d| Date::from_days(d).weekday() < 5).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::dates::d;

    fn brk(name: &str, first: &str, last: &str) -> Break {
        Break { name: name.into(), first: d(first), last: d(last) }
    }

    const WEEKEND: [Weekday; 2] = [Weekday::Sat, Weekday::Sun];

    #[test]
    fn a_well_formed_year_is_put_in_date_order() {
        let year = CalendarYear {
            year: 2027,
            breaks: vec![brk("劳动节", "2027-05-01", "2027-05-05"), brk(" 元旦 ", "2027-01-01", "2027-01-03")],
            workdays: vec![d("2027-05-08"), d("2027-01-09")],
        };
        let year = year.normalised(&WEEKEND).unwrap();
        assert_eq!(year.breaks[0].name, "元旦", "trimmed and first");
        assert_eq!(year.workdays, [d("2027-01-09"), d("2027-05-08")]);
    }

    #[test]
    fn each_invalid_year_names_the_day_at_fault() {
        let year =
            |breaks: Vec<Break>, workdays: Vec<&str>| CalendarYear { year: 2027, breaks, workdays: workdays.into_iter().map(d).collect() };
        let cases = [
            (year(vec![], vec!["2027-01-06"]), YearProblem::MakeUpNotWeekend { date: d("2027-01-06") }, "a Wednesday as a make-up day"),
            (
                year(vec![brk("A", "2027-02-05", "2027-02-11"), brk("B", "2027-02-10", "2027-02-12")], vec![]),
                YearProblem::BreaksOverlap { date: d("2027-02-10"), first: "A".into(), second: "B".into() },
                "overlapping breaks",
            ),
            (
                year(vec![brk("A", "2028-01-01", "2028-01-01")], vec![]),
                YearProblem::OutsideYear { date: d("2028-01-01"), year: 2027 },
                "next year's day",
            ),
            (year(vec![brk(" ", "2027-01-01", "2027-01-01")], vec![]), YearProblem::UnnamedBreak { first: d("2027-01-01") }, "no name"),
            (
                year(vec![brk("A", "2027-01-03", "2027-01-01")], vec![]),
                YearProblem::BreakReversed { name: "A".into(), first: d("2027-01-03"), last: d("2027-01-01") },
                "reversed",
            ),
            (year(vec![], vec!["2027-01-09", "2027-01-09"]), YearProblem::MakeUpTwice { date: d("2027-01-09") }, "twice"),
            (
                year(vec![brk("A", "2027-01-08", "2027-01-10")], vec!["2027-01-09"]),
                YearProblem::MakeUpInBreak { date: d("2027-01-09"), name: "A".into() },
                "make-up day inside a break",
            ),
            (year(vec![], vec![]), YearProblem::Empty { year: 2027 }, "nothing entered"),
        ];
        for (input, expected, why) in cases {
            assert_eq!(input.normalised(&WEEKEND), Err(expected), "{why}");
        }
        assert_eq!(CalendarYear { year: 3000, breaks: vec![], workdays: vec![] }.normalised(&WEEKEND), Err(YearProblem::YearOutOfRange));
    }

    #[test]
    fn the_form_s_text_reads_back_what_it_shows() {
        let breaks = parse_breaks_text("元旦, 2027-01-01, 2027-01-03\n\n  清明节，2027-04-05\n").unwrap();
        assert_eq!(breaks, [brk("元旦", "2027-01-01", "2027-01-03"), brk("清明节", "2027-04-05", "2027-04-05")]);
        assert_eq!(parse_breaks_text(&breaks_text(&breaks)).unwrap(), breaks);
        assert_eq!(
            parse_breaks_text("元旦, 2027-01-01\nSpring 2027-02-05"),
            Err(YearProblem::UnreadableBreak { line: 2, text: "Spring 2027-02-05".into() })
        );
        assert_eq!(parse_breaks_text("x, 2027-02-30"), Err(YearProblem::UnreadableBreak { line: 1, text: "x, 2027-02-30".into() }));
        let days = parse_dates_text("2027-01-30, 2027-02-20\n2027-05-08").unwrap();
        assert_eq!(days.len(), 3);
        assert_eq!(parse_dates_text(&dates_text(&days)).unwrap(), days);
        assert_eq!(parse_dates_text("2027-01-30 soon"), Err(YearProblem::UnreadableDate { text: "soon".into() }));
    }
}
