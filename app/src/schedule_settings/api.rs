//! Server functions for the schedule settings page: thin doors onto [`super::service`]. The form's
//! calendar picker (a choice plus, for a custom calendar, its JSON) becomes the API's calendar
//! value here.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "schedule-settings/get")]
pub async fn get_schedule_settings() -> Result<ScheduleSettingsDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::get_schedule_settings(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/calendar")]
pub async fn set_organisation_calendar(
    calendar_choice: String,
    calendar_json: Option<String>,
    version: Option<i64>,
) -> Result<OrganisationCalendarDto, AppError> {
    use crate::domain::schedule_settings::CalendarChoice;
    let (state, user) = crate::auth::signed_in().await?;
    let result = async {
        let choice = CalendarChoice::parse(&calendar_choice)?;
        if choice == CalendarChoice::Organisation {
            return Err(crate::domain::DomainError::NotAllowed { field: "calendar".into() }.into());
        }
        let calendar = choice.to_json(calendar_json.as_deref().unwrap_or_default(), "calendar")?.unwrap_or_default();
        super::service::set_organisation_calendar(&state, &user, CalendarInput { calendar, version }).await
    };
    crate::auth::answer(result.await)
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/department")]
pub async fn set_department_schedule(
    id: String,
    capacity: String,
    available_from: String,
    calendar_choice: String,
    calendar_json: Option<String>,
    version: Option<i64>,
) -> Result<DepartmentScheduleDto, AppError> {
    use crate::domain::schedule_settings::{CalendarChoice, Capacity};
    let (state, user) = crate::auth::signed_in().await?;
    let result = async {
        let input = DepartmentScheduleInput {
            capacity: Some(Capacity::parse_text(&capacity)?.get()),
            available_from: Some(available_from),
            calendar: CalendarChoice::parse(&calendar_choice)?.to_json(calendar_json.as_deref().unwrap_or_default(), "calendar")?,
            version,
        };
        super::service::set_department_schedule(&state, &user, &id, input).await
    };
    crate::auth::answer(result.await)
}

/// `None` (or blank): the organisation calendar; otherwise that department's.
#[cfg(feature = "ssr")]
fn scope_of(department_id: Option<String>) -> super::calendar_years::CalendarScope {
    use super::calendar_years::CalendarScope;
    match department_id.filter(|id| !id.trim().is_empty()) {
        None => CalendarScope::Organisation,
        Some(id) => CalendarScope::Department(id),
    }
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/years")]
pub async fn get_calendar_years(department_id: Option<String>) -> Result<CalendarYearsDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::calendar_years::calendar_years(&state, &user, &scope_of(department_id)).await)
}

/// Adds (`mode` "add") or replaces (`mode` "edit") a year from the form's text areas: breaks one
/// per line as `name, first, last`, make-up days separated by spaces or commas.
#[server(prefix = "/_sfn", endpoint = "schedule-settings/year")]
pub async fn save_calendar_year(
    department_id: Option<String>,
    mode: String,
    year: String,
    breaks: String,
    workdays: String,
    version: i64,
) -> Result<CalendarYearsDto, AppError> {
    use crate::domain::schedule::years::{parse_breaks_text, parse_dates_text};
    use crate::domain::schedule::PlanError;
    use crate::domain::DomainError;
    let (state, user) = crate::auth::signed_in().await?;
    let result = async {
        let year: i32 = year.trim().parse().map_err(|_| DomainError::Malformed { field: "year".into() })?;
        let refused = |field: &str, problem| {
            let error = PlanError::InvalidYear { calendar: "calendar".into(), year, problem };
            AppError::Invalid(DomainError::InvalidCalendar { field: field.into(), message: error.to_string(), plan: Some(Box::new(error)) })
        };
        let breaks = parse_breaks_text(&breaks).map_err(|p| refused("breaks", p))?;
        let workdays = parse_dates_text(&workdays).map_err(|p| refused("workdays", p))?;
        let scope = scope_of(department_id);
        let input = CalendarYearInput { year: Some(year), breaks, workdays, version };
        match mode.as_str() {
            "add" => super::calendar_years::add_year(&state, &user, &scope, input).await,
            "edit" => super::calendar_years::edit_year(&state, &user, &scope, year, input).await,
            _ => Err(DomainError::NotAllowed { field: "mode".into() }.into()),
        }
    };
    crate::auth::answer(result.await)
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/year-remove")]
pub async fn remove_calendar_year(department_id: Option<String>, year: i32, version: i64) -> Result<CalendarYearsDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::calendar_years::remove_year(&state, &user, &scope_of(department_id), year, version).await)
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/import")]
pub async fn import_calendar_file(department_id: Option<String>, input: CalendarImportInput) -> Result<CalendarImportDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::calendar_years::import_years(&state, &user, &scope_of(department_id), input).await)
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/calendar-changes")]
pub async fn get_calendar_changes() -> Result<Vec<CalendarChangeDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::calendar_years::calendar_changes(&state, &user).await)
}
