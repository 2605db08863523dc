//! Wire types for the schedule settings, shared by server functions, the REST API and the UI.
//! Calendars travel as the plan format writes them (the engine's `CalendarSpec`): `"cn"`,
//! `"weekdays"` or a custom object.

use crate::domain::dates::Date;
use crate::domain::schedule::holiday_files::HolidayFileFormat;
use crate::domain::schedule::{Break, CalendarSpec, CalendarYear};
use serde::{Deserialize, Serialize};

/// The organisation's working-day calendar; departments without their own use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrganisationCalendarDto {
    /// `"cn"` (official mainland-China working calendar 2025–2026), `"weekdays"` (Monday–Friday)
    /// or `{"base"?, "weekend"?, "holidays"?, "workdays"?, "from"?, "until"?}`.
    #[cfg_attr(feature = "ssr", schema(value_type = Object, example = json!("cn")))]
    pub calendar: CalendarSpec,
    /// Increases with every save; send it back to refuse lost updates.
    pub version: i64,
    /// Milliseconds since the Unix epoch; null while the shipped default was never changed.
    pub updated_at: Option<i64>,
    pub updated_by: Option<String>,
    pub updated_by_name: Option<String>,
}

/// A new organisation calendar (`PUT /api/v1/calendar`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarInput {
    /// A shipped calendar's name or a custom calendar object; refused (422, field `calendar`)
    /// unless the schedule engine accepts it.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Object, example = json!({"base": "cn", "holidays": ["2026-03-02"]})))]
    pub calendar: serde_json::Value,
    /// The version the edit started from: required (428 without it); an older one is 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

/// One department's schedule settings (its defaults when nobody has saved any).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DepartmentScheduleDto {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// How many of a plan's items the team runs at once (1..=1000; default 1).
    pub capacity: i64,
    /// ISO date `YYYY-MM-DD`: the first day the team can take a project's work; null: any time.
    pub available_from: Option<String>,
    /// The team's own calendar; null: the organisation's.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub calendar: Option<CalendarSpec>,
    /// 0 until the settings are first saved; send it back to refuse lost updates.
    pub version: i64,
    pub updated_at: Option<i64>,
    pub updated_by: Option<String>,
    pub updated_by_name: Option<String>,
}

impl DepartmentScheduleDto {
    /// The department's name in the reader's language.
    pub fn name(&self, locale: crate::i18n::Locale) -> &str {
        locale.pick(&self.name_zh, &self.name_en)
    }
}

/// All of a department's settings (`PUT /api/v1/departments/{id}/schedule`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DepartmentScheduleInput {
    /// 1..=1000. Required: a PUT replaces every setting, and a forgotten capacity must not
    /// quietly reset a team of several to one (422 on `capacity` when absent).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64, minimum = 1, maximum = 1000))]
    pub capacity: Option<i64>,
    /// ISO date `YYYY-MM-DD`; null or absent: any time.
    #[serde(default)]
    pub available_from: Option<String>,
    /// The team's own calendar; null or absent: the organisation's.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub calendar: Option<serde_json::Value>,
    /// The version the edit started from (0 before the first save): required (428 without it);
    /// an older one is 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

/// The organisation calendar and every department's settings: what a plan is built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScheduleSettingsDto {
    pub organisation_calendar: OrganisationCalendarDto,
    /// Every department, by code.
    pub departments: Vec<DepartmentScheduleDto>,
}

/// Where a listed year comes from: the shipped table of the calendar's base, or entered by people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    Shipped,
    Entered,
}

/// One year of a calendar, as listed and as a JSON file imports it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CalendarYearDto {
    pub year: i32,
    pub source: YearSource,
    /// `[{"name", "first", "last"}]`, ISO dates, both days included.
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub breaks: Vec<Break>,
    /// Make-up working days (调休上班), ISO dates.
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<String>))]
    pub workdays: Vec<Date>,
}

/// The years a calendar knows: the organisation's (`department_id` null) or a department's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CalendarYearsDto {
    pub department_id: Option<String>,
    /// False when the department follows the organisation's calendar: the years listed are the
    /// organisation's, and entering one gives the department its own copy.
    pub own_calendar: bool,
    /// The calendar the years belong to.
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub calendar: CalendarSpec,
    /// The last day whose holidays are known; null when the calendar knows every year (weekdays
    /// only, or days given one by one without a base).
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub known_until: Option<Date>,
    pub years: Vec<CalendarYearDto>,
    /// The calendar's version (the organisation calendar's, or the department settings'); send it
    /// back with a change.
    pub version: i64,
}

/// A year's breaks and make-up days (`POST …/years` with `year`, `PUT …/years/{year}` without).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarYearInput {
    /// The year to add (`POST`); ignored by `PUT`, whose path names it.
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>, example = json!([{"name": "元旦", "first": "2027-01-01", "last": "2027-01-03"}])))]
    pub breaks: Vec<Break>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<String>, example = json!(["2027-01-30"])))]
    pub workdays: Vec<Date>,
    /// The calendar's version this change was made from (409 when someone saved meanwhile).
    pub version: i64,
}

/// A holiday file to preview or import (`POST …/calendar/import`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarImportInput {
    /// `ics` (iCalendar) or `json` (a list of years as `GET …/years` gives them).
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "ics"))]
    pub format: HolidayFileFormat,
    /// The file's text.
    pub content: String,
    /// Replace years the calendar already has (shipped or entered) when the file differs.
    #[serde(default)]
    pub replace: bool,
    /// False (default): only preview. True: store the years.
    #[serde(default)]
    pub apply: bool,
    pub version: i64,
}

/// What an import does to one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearImport {
    /// A year the calendar did not know.
    Added,
    /// The file says exactly what the calendar already has: nothing to do.
    Unchanged,
    /// The calendar has the year with other days, and `replace` was asked for.
    Replaced,
    /// The calendar has the year with other days; import refuses unless `replace`.
    Conflict,
}

impl YearImport {
    /// As the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            YearImport::Added => "added",
            YearImport::Unchanged => "unchanged",
            YearImport::Replaced => "replaced",
            YearImport::Conflict => "conflict",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct YearImportDto {
    pub year: i32,
    pub status: YearImport,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub before: Option<CalendarYear>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub after: CalendarYear,
}

/// An open option whose dates the change would move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MovedPlanDto {
    pub project_id: String,
    pub project_name: String,
    pub requirement_id: String,
    pub requirement_key: String,
    pub option_id: String,
    pub option_title: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub launch_before: Date,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub launch_after: Date,
    /// Work items whose start or finish moves.
    pub items_moved: u32,
    /// The schedule's "holidays after … are not entered" day, before and after.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub holidays_unknown_after_before: Option<Date>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub holidays_unknown_after_after: Option<Date>,
}

/// What an import would do (or did, when `applied`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CalendarImportDto {
    pub applied: bool,
    pub years: Vec<YearImportDto>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub known_until_before: Option<Date>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub known_until_after: Option<Date>,
    pub moved_plans: Vec<MovedPlanDto>,
    /// The calendar's version after the import (unchanged by a preview).
    pub version: i64,
}

/// One recorded change to one year of a calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CalendarChangeDto {
    /// Null: the organisation calendar.
    pub department_id: Option<String>,
    pub department_code: Option<String>,
    /// `add`, `edit`, `remove` or `import`.
    pub action: String,
    pub year: i32,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub before: Option<CalendarYear>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub after: Option<CalendarYear>,
    pub changed_at: i64,
    pub changed_by: String,
    pub changed_by_name: String,
}
