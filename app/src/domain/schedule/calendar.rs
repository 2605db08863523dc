//! Working-day calendars: which dates a team works.
//!
//! A calendar is weekend days (default Saturday and Sunday) minus holidays (dates off) plus make-up
//! working days (dates on, 调休). A shipped calendar is named (`"cn"`, see [`super::cn`]); a custom
//! one may start from a shipped one (`"base": "cn"`), enter whole years of its own
//! ([`super::years::CalendarYear`], replacing the base's days of those years) and add single days.
//!
//! A calendar knows holidays up to a day ([`Calendar::known_until`]): the end of the last year of
//! an unbroken run of shipped or entered years. Later dates still count — weekends only — and the
//! schedule says so ([`super::Schedule::holidays_unknown_after`]), so a plan is never refused for
//! crossing into a year whose holidays are not published yet. Dates before the calendar's first
//! day are refused: nobody plans backwards into years the calendar never covered.

use super::cn;
use super::error::PlanError;
use super::years::CalendarYear;
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

impl CalendarSpec {
    /// The calendar as people chose it, for messages: `"cn"`, `"cn" with entered years`, `custom`.
    pub fn describe(&self) -> String {
        match self {
            CalendarSpec::Named(name) => format!("{name:?}"),
            CalendarSpec::Custom(CustomCalendar { base: Some(base), .. }) => format!("{base:?} (with the organisation's own days)"),
            CalendarSpec::Custom(_) => "(custom)".to_string(),
        }
    }
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
    /// Whole years entered by people (breaks and make-up days), each replacing the base's days of
    /// that year; a year right after the base's last known year extends what the calendar knows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<CalendarYear>,
    /// First date the calendar can count (default: the base's, or no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The last day whose holidays this calendar claims to know. Without a base it is the whole
    /// truth (default: every day); with a base it can only shorten what the base and the entered
    /// years know — an `until` alone never makes an unpublished year look holiday-free.
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
    /// The last day whose holidays are known; later days count weekends only.
    known_until: Date,
}

/// The whole range [`Date`] supports: a calendar without limits.
pub fn unlimited_range() -> (Date, Date) {
    (Date::from_ymd(1900, 1, 1).expect("valid"), Date::from_ymd(2999, 12, 31).expect("valid"))
}

impl Calendar {
    /// Monday to Friday, every date, no holidays.
    pub fn weekdays() -> Self {
        let (first, last) = unlimited_range();
        Calendar { weekend_mask: mask(&[Weekday::Sat, Weekday::Sun]), holidays: vec![], workdays: vec![], first, last, known_until: last }
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
                cal.enter_years(&custom.years, what)?;
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
                    cal.known_until = if custom.base.is_some() { cal.known_until.min(until) } else { until };
                }
                if custom.from.zip(custom.until).is_some_and(|(from, until)| from > until) {
                    return Err(PlanError::EmptyCalendarRange { calendar: what.to_string() });
                }
                if cal.weekend_mask == 0x7f && cal.workdays.is_empty() {
                    return Err(PlanError::NoWorkingDays { calendar: what.to_string() });
                }
                Ok(cal)
            }
        }
    }

    /// Puts entered years in place of whatever the calendar had for them, and extends the known
    /// stretch over years that follow it without a gap (or precede its first day without one).
    fn enter_years(&mut self, years: &[CalendarYear], what: &str) -> Result<(), PlanError> {
        let weekend = self.weekend_days();
        let mut entered: Vec<i32> = Vec::with_capacity(years.len());
        for year in years {
            let invalid = |problem| PlanError::InvalidYear { calendar: what.to_string(), year: year.year, problem };
            if entered.contains(&year.year) {
                return Err(invalid(super::years::YearProblem::AlreadyEntered { year: year.year }));
            }
            let year = year.clone().normalised(&weekend).map_err(invalid)?;
            let (jan1, dec31) = CalendarYear::span(year.year).expect("checked by normalised");
            let span = jan1.days()..=dec31.days();
            self.holidays.retain(|d| !span.contains(d));
            self.workdays.retain(|d| !span.contains(d));
            self.holidays.extend(year.holiday_days());
            self.workdays.extend(year.workdays.iter().map(|d| d.days()));
            entered.push(year.year);
        }
        entered.sort_unstable();
        let unlimited = unlimited_range();
        if self.known_until < unlimited.1 {
            for &y in &entered {
                let (jan1, dec31) = CalendarYear::span(y).expect("checked by normalised");
                if jan1 == self.known_until.add_days(1) {
                    self.known_until = dec31;
                }
            }
        }
        if self.first > unlimited.0 {
            for &y in entered.iter().rev() {
                let (jan1, dec31) = CalendarYear::span(y).expect("checked by normalised");
                if dec31 == self.first.add_days(-1) {
                    self.first = jan1;
                }
            }
        }
        Ok(())
    }

    /// The weekly days off.
    pub fn weekend_days(&self) -> Vec<Weekday> {
        use Weekday::*;
        [Mon, Tue, Wed, Thu, Fri, Sat, Sun].into_iter().filter(|d| self.weekend_mask & (1 << d.number()) != 0).collect()
    }

    fn named(name: &str, what: &str) -> Result<Self, PlanError> {
        match name {
            cn::NAME => Ok(cn::calendar()),
            "weekdays" => Ok(Self::weekdays()),
            _ => Err(PlanError::UnknownCalendar { calendar: what.to_string(), name: name.to_string() }),
        }
    }

    pub(super) fn from_parts(weekend: &[Weekday], holidays: Vec<i32>, workdays: Vec<i32>, first: Date, known_until: Date) -> Self {
        Calendar { weekend_mask: mask(weekend), holidays, workdays, first, last: unlimited_range().1, known_until }
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

    /// The first and last date this calendar can count (the last is the end of what [`Date`]
    /// holds: beyond [`Self::known_until`] it counts weekends only).
    pub fn range(&self) -> (Date, Date) {
        (self.first, self.last)
    }

    pub fn contains(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }

    /// The last day whose holidays are known: after it, only weekends are days off.
    pub fn known_until(&self) -> Date {
        self.known_until
    }

    /// Whether `date` lies past what the calendar knows of holidays.
    pub fn is_unknown(&self, date: Date) -> bool {
        date > self.known_until
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

/// The calendar ran out: a date past the last one [`Date`] holds (2999-12-31) was needed.
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

    use crate::domain::dates::d;

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
    fn past_the_known_years_only_weekends_are_off() {
        let mut wd = WorkingDays::new(cn::calendar(), d("2026-12-28"));
        assert_eq!(Date::from_days(wd.day(3).unwrap()), d("2026-12-31"));
        assert_eq!(Date::from_days(wd.day(4).unwrap()), d("2027-01-01"), "New Year 2027 is not entered: a Friday counts");
        assert_eq!(Date::from_days(wd.day(5).unwrap()), d("2027-01-04"));
        assert_eq!(cn::calendar().known_until(), d("2026-12-31"));
        assert!(cn::calendar().is_unknown(d("2027-01-01")));
    }

    #[test]
    fn an_entered_year_extends_what_the_calendar_knows_and_replaces_the_base() {
        let spec: CalendarSpec = serde_json::from_str(
            r#"{"base":"cn","years":[
                {"year":2027,"breaks":[{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}],"workdays":["2027-01-09"]},
                {"year":2026,"breaks":[{"name":"only this","first":"2026-03-02","last":"2026-03-02"}]}
            ]}"#,
        )
        .unwrap();
        let cal = Calendar::from_spec(&spec, "calendar").unwrap();
        assert_eq!(cal.known_until(), d("2027-12-31"));
        assert!(!cal.is_working_day(d("2027-01-01")));
        assert!(cal.is_working_day(d("2027-01-09")), "a Saturday entered as a make-up day");
        assert!(cal.is_working_day(d("2026-02-16")), "the shipped 2026 Spring Festival is replaced by the entered 2026");
        assert!(!cal.is_working_day(d("2026-03-02")));
        assert!(!cal.is_working_day(d("2025-01-28")), "2025 stays as shipped");
    }

    #[test]
    fn a_year_after_a_gap_or_an_until_does_not_extend_what_is_known() {
        let gap: CalendarSpec = serde_json::from_str(
            r#"{"base":"cn","years":[{"year":2028,"breaks":[{"name":"x","first":"2028-01-03","last":"2028-01-03"}]}]}"#,
        )
        .unwrap();
        assert_eq!(Calendar::from_spec(&gap, "c").unwrap().known_until(), d("2026-12-31"), "2027 is missing");
        let until: CalendarSpec = serde_json::from_str(r#"{"base":"cn","until":"2027-12-31"}"#).unwrap();
        assert_eq!(Calendar::from_spec(&until, "c").unwrap().known_until(), d("2026-12-31"), "until alone claims nothing");
        let own: CalendarSpec = serde_json::from_str(r#"{"holidays":["2030-01-01"],"until":"2030-12-31"}"#).unwrap();
        assert_eq!(Calendar::from_spec(&own, "c").unwrap().known_until(), d("2030-12-31"), "without a base, until is the author's word");
        let twice: CalendarSpec = serde_json::from_str(
            r#"{"base":"cn","years":[{"year":2027,"workdays":["2027-01-09"]},{"year":2027,"workdays":["2027-01-10"]}]}"#,
        )
        .unwrap();
        assert!(matches!(Calendar::from_spec(&twice, "c"), Err(PlanError::InvalidYear { year: 2027, .. })));
    }
}
