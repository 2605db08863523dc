//! Wire types for the schedule settings, shared by server functions, the REST API and the UI.
//! Calendars travel as the plan format writes them (the engine's `CalendarSpec`): `"cn"`,
//! `"weekdays"` or a custom object.

use crate::domain::schedule::CalendarSpec;
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
    /// When given, must be the current version (else 409).
    #[serde(default)]
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
    /// 1..=1000.
    #[serde(default)]
    pub capacity: Option<i64>,
    /// ISO date `YYYY-MM-DD`; null or absent: any time.
    #[serde(default)]
    pub available_from: Option<String>,
    /// The team's own calendar; null or absent: the organisation's.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub calendar: Option<serde_json::Value>,
    /// When given, must be the current version (0 before the first save), else 409.
    #[serde(default)]
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
