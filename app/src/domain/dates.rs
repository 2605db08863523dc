//! Calendar dates as whole days, without a date-time library in the browser bundle.
//!
//! Dates are stored and sent as ISO `YYYY-MM-DD` text; inside they are days since 1970-01-01 so
//! arithmetic is integer arithmetic. The conversion is Howard Hinnant's `days_from_civil`.

use super::error::{DomainError, Field};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (proleptic Gregorian), years 1900..=2999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    days: i32,
}

impl Date {
    /// Parses strict ISO `YYYY-MM-DD`; anything else (or an impossible day) is `Malformed`.
    pub fn parse(raw: &str, field: Field) -> Result<Self, DomainError> {
        Self::from_iso(raw.trim()).ok_or_else(|| DomainError::malformed(field))
    }

    fn from_iso(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i32> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Self::from_ymd(y, m as u32, d as u32)
    }

    /// Builds a date from its parts, or `None` for an impossible or out-of-range date.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1900..=2999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { days: days_from_civil(year, month, day) })
    }

    /// The date `days` days since 1970-01-01 (negative: before).
    pub fn from_days(days: i32) -> Self {
        Date { days }
    }

    /// The date of a Unix timestamp in milliseconds, in UTC.
    pub fn from_unix_millis(ms: i64) -> Self {
        Date { days: ms.div_euclid(86_400_000) as i32 }
    }

    pub fn days(self) -> i32 {
        self.days
    }

    pub fn add_days(self, n: i32) -> Self {
        Date { days: self.days + n }
    }

    /// (year, month 1..=12, day 1..=31)
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.days + 3).rem_euclid(7) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Date::from_iso(&s).ok_or_else(|| format!("not a YYYY-MM-DD date: {s:?}"))
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `d("2025-01-20")`: a day written in a test. A malformed one is a typo in the test: it panics.
#[cfg(test)]
pub fn d(iso: &str) -> Date {
    Date::parse(iso, "date").unwrap_or_else(|_| panic!("{iso:?} is not a day"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_round_trip_and_known_weekdays_are_right() {
        let d = Date::parse("2025-01-28", "d").unwrap();
        assert_eq!(d.to_string(), "2025-01-28");
        assert_eq!(d.weekday(), 1, "2025-01-28 was a Tuesday");
        assert_eq!(Date::parse("1970-01-01", "d").unwrap().days(), 0);
        assert_eq!(Date::parse("2024-02-29", "d").unwrap().add_days(1).to_string(), "2024-03-01");
        for days in [-25_000, -1, 0, 1, 10_000, 20_000, 300_000] {
            let d = Date::from_days(days);
            assert_eq!(Date::parse(&d.to_string(), "d").unwrap().days(), days);
        }
    }

    #[test]
    fn malformed_and_impossible_dates_are_refused_with_the_field_named() {
        for bad in ["", "2025-1-1", "2025/01/01", "2025-02-29", "2025-13-01", "2025-00-10", "abcd-ef-gh", "12025-01-01", "2025-01-01T00:00"]
        {
            assert_eq!(Date::parse(bad, "kickoff").unwrap_err(), DomainError::malformed("kickoff"), "{bad:?}");
        }
    }

    #[test]
    fn dates_deserialize_only_from_valid_iso_text() {
        assert!(serde_json::from_str::<Date>("\"2026-03-01\"").is_ok());
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }
}
