//! Working-day calendars: which dates a team works.
//!
//! A calendar is weekend days (default Saturday and Sunday) minus holidays (dates off) plus make-up
//! working days (dates on, 调休), valid over a date range. A shipped calendar is named (`"cn"`, see
//! [`super::cn`]); a custom one may start from a shipped one (`"base": "cn"`) and add its own days.
//! A date outside the range is an error rather than a guess: we do not know 2027's holidays yet.

use super::cn;
use super::error::PlanError;
use crate::domain::dates::Date;
use serde::{Deserialize, Serialize};

/// A day of the week as written in plan files: `"mon"` … `"sun"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// 0 = Monday … 6 = Sunday, as [`Date::weekday`].
    pub fn number(self) -> u32 {
        self as u32
    }
}

/// A calendar as written in a plan file: the name of a shipped calendar, or its own days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CalendarSpec {
    Named(String),
    Custom(CustomCalendar),
}

impl Default for CalendarSpec {
    fn default() -> Self {
        CalendarSpec::Custom(CustomCalendar::default())
    }
}

/// A calendar given day by day. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomCalendar {
    /// A shipped calendar this one starts from (its weekend, holidays, make-up days and range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Weekly days off; default Saturday and Sunday (or the base's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekend: Option<Vec<Weekday>>,
    /// Dates off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Date>,
    /// Make-up working days: dates on even though they fall on the weekend.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workdays: Vec<Date>,
    /// First date the calendar knows (default: the base's, or no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last date the calendar knows (default: the base's, or no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

/// A calendar ready to answer "is this a working day?" quickly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Bit `n` set: weekday `n` (0 = Monday) is off.
    weekend_mask: u8,
    /// Sorted day numbers.
    holidays: Vec<i32>,
    /// Sorted day numbers.
    workdays: Vec<i32>,
    first: Date,
    last: Date,
}

/// The whole range [`Date`] supports: a calendar without limits.
pub fn unlimited_range() -> (Date, Date) {
    (Date::from_ymd(1900, 1, 1).expect("valid"), Date::from_ymd(2999, 12, 31).expect("valid"))
}

impl Calendar {
    /// Monday to Friday, every date, no holidays.
    pub fn weekdays() -> Self {
        let (first, last) = unlimited_range();
        Calendar { weekend_mask: mask(&[Weekday::Sat, Weekday::Sun]), holidays: vec![], workdays: vec![], first, last }
    }

    /// Compiles a spec; `what` names it in errors (`calendar`, `departments[2].calendar`).
    pub fn from_spec(spec: &CalendarSpec, what: &str) -> Result<Self, PlanError> {
        match spec {
            CalendarSpec::Named(name) => Self::named(name, what),
            CalendarSpec::Custom(custom) => {
                let mut cal = match &custom.base {
                    Some(name) => Self::named(name, what)?,
                    None => Self::weekdays(),
                };
                if let Some(weekend) = &custom.weekend {
                    cal.weekend_mask = mask(weekend);
                }
                cal.holidays.extend(custom.holidays.iter().map(|d| d.days()));
                cal.workdays.extend(custom.workdays.iter().map(|d| d.days()));
                cal.holidays.sort_unstable();
                cal.holidays.dedup();
                cal.workdays.sort_unstable();
                cal.workdays.dedup();
                if let Some(from) = custom.from {
                    cal.first = from;
                }
                if let Some(until) = custom.until {
                    cal.last = until;
                }
                if cal.first > cal.last {
                    return Err(PlanError::EmptyCalendarRange { calendar: what.to_string() });
                }
                if cal.weekend_mask == 0x7f && cal.workdays.is_empty() {
                    return Err(PlanError::NoWorkingDays { calendar: what.to_string() });
                }
                Ok(cal)
            }
        }
    }

    fn named(name: &str, what: &str) -> Result<Self, PlanError> {
        match name {
            cn::NAME => Ok(cn::calendar()),
            "weekdays" => Ok(Self::weekdays()),
            _ => Err(PlanError::UnknownCalendar { calendar: what.to_string(), name: name.to_string() }),
        }
    }

    pub(super) fn from_parts(weekend: &[Weekday], holidays: Vec<i32>, workdays: Vec<i32>, first: Date, last: Date) -> Self {
        Calendar { weekend_mask: mask(weekend), holidays, workdays, first, last }
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        let day = date.days();
        if self.holidays.binary_search(&day).is_ok() {
            return false;
        }
        if self.workdays.binary_search(&day).is_ok() {
            return true;
        }
        self.weekend_mask & (1 << date.weekday()) == 0
    }

    pub fn is_holiday(&self, date: Date) -> bool {
        self.holidays.binary_search(&date.days()).is_ok()
    }

    pub fn is_make_up_day(&self, date: Date) -> bool {
        self.workdays.binary_search(&date.days()).is_ok() && self.weekend_mask & (1 << date.weekday()) != 0
    }

    pub fn is_weekend(&self, date: Date) -> bool {
        self.weekend_mask & (1 << date.weekday()) != 0
    }

    /// The first and last date this calendar knows.
    pub fn range(&self) -> (Date, Date) {
        (self.first, self.last)
    }

    pub fn contains(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }
}

fn mask(days: &[Weekday]) -> u8 {
    days.iter().fold(0u8, |m, d| m | (1 << d.number()))
}

/// A calendar's working days counted from an origin, grown on demand.
///
/// Index `k` is the `k`-th working day on or after the origin; the engine schedules in these
/// indices so "effort consecutive working days" is integer arithmetic.
#[derive(Debug, Clone)]
pub struct WorkingDays {
    calendar: Calendar,
    origin: i32,
    /// `days[k]`: day number of working day `k`.
    days: Vec<i32>,
    /// `index[d - origin]`: the index of the first working day on or after day `d`.
    index: Vec<u32>,
}

/// The calendar ran out: a date past its last known day was needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BeyondRange;

impl WorkingDays {
    pub fn new(calendar: Calendar, origin: Date) -> Self {
        WorkingDays { calendar, origin: origin.days(), days: Vec::new(), index: Vec::new() }
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Extends the tables so that calendar day `until` (a day number) is covered.
    fn grow_to_day(&mut self, until: i32) -> Result<(), BeyondRange> {
        let have = self.origin + self.index.len() as i32;
        if until < have {
            return Ok(());
        }
        if until > self.calendar.last.days() {
            return Err(BeyondRange);
        }
        // Grow in chunks so repeated small requests stay linear overall.
        let target = until.max(have + 64 + self.index.len() as i32 / 2).min(self.calendar.last.days());
        for day in have..=target {
            self.index.push(self.days.len() as u32);
            if self.calendar.is_working_day(Date::from_days(day)) {
                self.days.push(day);
            }
        }
        Ok(())
    }

    /// The index of the first working day on or after `date` (dates before the origin count as the origin).
    pub fn index_on_or_after(&mut self, date: i32) -> Result<u32, BeyondRange> {
        let date = date.max(self.origin);
        self.grow_to_day(date)?;
        let k = self.index[(date - self.origin) as usize];
        self.day(k)?; // the table may end before the next working day: make sure it exists
        Ok(k)
    }

    /// The index of the last working day on or before `date`, if there is one on or after the origin.
    pub fn index_on_or_before(&mut self, date: i32) -> Result<Option<u32>, BeyondRange> {
        if date < self.origin {
            return Ok(None);
        }
        let next = self.index_on_or_after(date + 1)?;
        Ok(next.checked_sub(1))
    }

    /// The date of working day `k`.
    pub fn day(&mut self, k: u32) -> Result<i32, BeyondRange> {
        while self.days.len() <= k as usize {
            let end = self.origin + self.index.len() as i32;
            if end > self.calendar.last.days() {
                return Err(BeyondRange);
            }
            let missing = k as i32 + 1 - self.days.len() as i32;
            self.grow_to_day((end + missing).min(self.calendar.last.days()))?;
        }
        Ok(self.days[k as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s, "d").unwrap()
    }

    #[test]
    fn custom_days_override_the_weekend() {
        let spec: CalendarSpec = serde_json::from_str(
            r#"{"weekend":["sat","sun"],"holidays":["2025-01-28","2025-01-29"],"workdays":["2025-01-26","2025-02-08"]}"#,
        )
        .unwrap();
        let cal = Calendar::from_spec(&spec, "calendar").unwrap();
        assert!(!cal.is_working_day(d("2025-01-28")));
        assert!(cal.is_working_day(d("2025-01-26")), "a Sunday made a working day");
        assert!(cal.is_make_up_day(d("2025-02-08")));
        assert!(!cal.is_working_day(d("2025-02-01")), "an ordinary Saturday");
        assert!(cal.is_working_day(d("2025-01-30")));
    }

    #[test]
    fn named_calendars_resolve_and_unknown_names_are_errors() {
        assert!(Calendar::from_spec(&CalendarSpec::Named("cn".into()), "calendar").is_ok());
        let err = Calendar::from_spec(&CalendarSpec::Named("mars".into()), "calendar").unwrap_err();
        assert!(matches!(err, PlanError::UnknownCalendar { .. }));
        let all_off = CalendarSpec::Custom(CustomCalendar {
            weekend: Some(vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]),
            ..Default::default()
        });
        assert!(matches!(Calendar::from_spec(&all_off, "c").unwrap_err(), PlanError::NoWorkingDays { .. }));
    }

    #[test]
    fn working_day_indices_count_from_the_origin() {
        let mut wd = WorkingDays::new(Calendar::weekdays(), d("2025-01-04")); // a Saturday
        assert_eq!(Date::from_days(wd.day(0).unwrap()), d("2025-01-06"));
        assert_eq!(Date::from_days(wd.day(5).unwrap()), d("2025-01-13"));
        assert_eq!(wd.index_on_or_after(d("2025-01-11").days()).unwrap(), 5);
        assert_eq!(Date::from_days(wd.day(600).unwrap()), d("2027-04-26"), "120 weeks on");
    }

    #[test]
    fn running_past_the_range_is_reported() {
        let mut wd = WorkingDays::new(cn::calendar(), d("2026-12-28"));
        assert_eq!(Date::from_days(wd.day(3).unwrap()), d("2026-12-31"));
        assert_eq!(wd.day(4), Err(BeyondRange));
    }
}
