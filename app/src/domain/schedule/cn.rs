//! The official mainland-China working calendar (国务院办公厅 holiday notices) for 2025 and 2026.
//!
//! Sources: 国办发明电〔2024〕12号 (2025 holidays, published 2024-11-12) and the State Council
//! General Office notice on 2026 holidays (published 2025-11-04). Each break is listed whole
//! (weekend days inside a break included, which changes nothing) and each make-up working day
//! (调休上班) is a weekend date that is worked.
//!
//! Only years copied from a published notice are listed — never a guess. The 2027 notice was not
//! available when this table was last updated, so 2027 is not shipped: an organisation enters it
//! on the calendar settings page (or imports it from an iCalendar file) without waiting for a
//! release, and until then dates after 2026-12-31 count weekends only, with a warning. Add the next
//! year here, from the notice, when the State Council publishes it. Dates before 2025-01-01 are
//! outside the calendar.

use super::calendar::{Calendar, Weekday};
use super::years::{Break, CalendarYear};
use crate::domain::dates::Date;

/// The name plan files use: `"calendar": "cn"`.
pub const NAME: &str = "cn";

/// Breaks as inclusive ranges (name, first, last); each belongs to the year of its first day.
const BREAKS: &[(&str, &str, &str)] = &[
    ("元旦 New Year", "2025-01-01", "2025-01-01"),
    ("春节 Spring Festival", "2025-01-28", "2025-02-04"),
    ("清明节 Qingming", "2025-04-04", "2025-04-06"),
    ("劳动节 Labour Day", "2025-05-01", "2025-05-05"),
    ("端午节 Dragon Boat", "2025-05-31", "2025-06-02"),
    ("国庆节、中秋节 National Day and Mid-Autumn", "2025-10-01", "2025-10-08"),
    ("元旦 New Year", "2026-01-01", "2026-01-03"),
    ("春节 Spring Festival", "2026-02-15", "2026-02-23"),
    ("清明节 Qingming", "2026-04-04", "2026-04-06"),
    ("劳动节 Labour Day", "2026-05-01", "2026-05-05"),
    ("端午节 Dragon Boat", "2026-06-19", "2026-06-21"),
    ("中秋节 Mid-Autumn", "2026-09-25", "2026-09-27"),
    ("国庆节 National Day", "2026-10-01", "2026-10-07"),
];

/// Weekend dates that are working days.
const MAKE_UP_DAYS: &[&str] = &[
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

fn date(s: &str) -> Date {
    Date::parse(s, "cn").expect("the shipped table holds valid dates")
}

/// The first and last year the table holds.
pub const FIRST_YEAR: i32 = 2025;
pub const LAST_YEAR: i32 = 2026;

/// The shipped years, as people read and enter them.
pub fn years() -> Vec<CalendarYear> {
    (FIRST_YEAR..=LAST_YEAR)
        .map(|year| CalendarYear {
            year,
            breaks: BREAKS
                .iter()
                .filter(|(_, first, _)| date(first).ymd().0 == year)
                .map(|(name, first, last)| Break { name: name.to_string(), first: date(first), last: date(last) })
                .collect(),
            workdays: MAKE_UP_DAYS.iter().map(|s| date(s)).filter(|d| d.ymd().0 == year).collect(),
        })
        .collect()
}

/// The shipped calendar: Saturday and Sunday off, the official breaks off, make-up days on;
/// holidays known from 2025-01-01 to the end of [`LAST_YEAR`].
pub fn calendar() -> Calendar {
    let mut holidays = Vec::new();
    for (_, first, last) in BREAKS {
        let (first, last) = (date(first).days(), date(last).days());
        holidays.extend(first..=last);
    }
    let workdays = MAKE_UP_DAYS.iter().map(|s| date(s).days()).collect();
    let first = Date::from_ymd(FIRST_YEAR, 1, 1).expect("valid");
    let known_until = Date::from_ymd(LAST_YEAR, 12, 31).expect("valid");
    Calendar::from_parts(&[Weekday::Sat, Weekday::Sun], holidays, workdays, first, known_until)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn make_up_days_fall_on_weekends_and_breaks_are_off() {
        let cal = calendar();
        for s in MAKE_UP_DAYS {
            let d = date(s);
            assert!(d.weekday() >= 5, "{s} is a weekend day");
            assert!(cal.is_working_day(d), "{s} is worked");
        }
        for s in ["2025-01-28", "2025-02-04", "2025-10-08", "2026-02-23", "2026-01-02"] {
            assert!(!cal.is_working_day(date(s)), "{s} is off");
        }
        assert!(cal.is_working_day(date("2025-02-05")), "back to work after the 2025 Spring Festival");
    }

    #[test]
    fn working_days_per_year_match_the_official_count() {
        // Counted by hand from the notices: 261 weekdays − holidays on weekdays + make-up days.
        // 2025: 261 − 18 + 5; 2026: 261 − 19 + 6.
        let cal = calendar();
        let count = |y: i32| {
            let first = Date::from_ymd(y, 1, 1).unwrap();
            (0..365).filter(|n| cal.is_working_day(first.add_days(*n))).count()
        };
        assert_eq!(count(2025), 248);
        assert_eq!(count(2026), 248);
    }

    #[test]
    fn the_shipped_years_pass_the_checks_people_s_years_pass() {
        let years = years();
        assert_eq!(years.iter().map(|y| y.year).collect::<Vec<_>>(), [2025, 2026]);
        for y in years {
            let count = (y.breaks.len(), y.workdays.len());
            assert_eq!(
                y.clone().normalised(&[Weekday::Sat, Weekday::Sun]).map(|n| (n.breaks.len(), n.workdays.len())),
                Ok(count),
                "{}",
                y.year
            );
        }
    }
}
