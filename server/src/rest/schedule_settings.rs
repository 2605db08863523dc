//! `/calendar`, `/departments/{id}/schedule` and `/schedule-settings`: the organisation's
//! working-day calendar and each team's capacity, availability and own calendar; and the years of
//! holidays people enter on those calendars (`…/calendar/years`, `…/calendar/import`).

use super::extract::{ApiJson, ApiQuery, AuthUser};
use app::error::AppError;
use app::schedule_settings::calendar_years::{self, CalendarScope};
use app::schedule_settings::dto::*;
use app::schedule_settings::service;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

#[utoipa::path(get, path = "/calendar", tag = "schedule settings", responses((status = 200, body = OrganisationCalendarDto), (status = 401)))]
pub async fn get_calendar(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<OrganisationCalendarDto>, AppError> {
    Ok(Json(service::get_organisation_calendar(&state, &user).await?))
}

/// Replaces the organisation's calendar (admins only). Refused with 422 naming `calendar` unless
/// the schedule engine accepts it; with `version`, a stale save is refused with 409.
#[utoipa::path(put, path = "/calendar", tag = "schedule settings", request_body = CalendarInput,
    responses((status = 200, body = OrganisationCalendarDto), (status = 401), (status = 403), (status = 409), (status = 422), (status = 428)))]
pub async fn put_calendar(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<CalendarInput>,
) -> Result<Json<OrganisationCalendarDto>, AppError> {
    Ok(Json(service::set_organisation_calendar(&state, &user, input).await?))
}

#[utoipa::path(get, path = "/departments/{id}/schedule", tag = "schedule settings", params(("id" = String, Path)),
    responses((status = 200, body = DepartmentScheduleDto), (status = 401), (status = 404)))]
pub async fn get_department_schedule(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<DepartmentScheduleDto>, AppError> {
    Ok(Json(service::get_department_schedule(&state, &user, &id).await?))
}

/// Replaces a department's capacity, availability and own calendar (admins, and the department's
/// leader or tech manager). With `version`, a stale save is refused with 409.
#[utoipa::path(put, path = "/departments/{id}/schedule", tag = "schedule settings", params(("id" = String, Path)),
    request_body = DepartmentScheduleInput,
    responses((status = 200, body = DepartmentScheduleDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn put_department_schedule(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<DepartmentScheduleInput>,
) -> Result<Json<DepartmentScheduleDto>, AppError> {
    Ok(Json(service::set_department_schedule(&state, &user, &id, input).await?))
}

/// The organisation calendar and every department's settings: what plans are built from.
#[utoipa::path(get, path = "/schedule-settings", tag = "schedule settings",
    responses((status = 200, body = ScheduleSettingsDto), (status = 401)))]
pub async fn get_schedule_settings(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<ScheduleSettingsDto>, AppError> {
    Ok(Json(service::get_schedule_settings(&state, &user).await?))
}

// ---- Entered years: the organisation calendar's and each department's own ----

/// `{year}` in a path: a whole number, else 422 naming `year`.
fn year_in_path(raw: &str) -> Result<i32, AppError> {
    raw.trim().parse().map_err(|_| AppError::Invalid(app::domain::DomainError::Malformed { field: "year".into() }))
}

/// The calendar's version a removal was made from.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub struct VersionQuery {
    pub version: i64,
}

fn organisation() -> CalendarScope {
    CalendarScope::Organisation
}

/// The organisation calendar's years: shipped (from its base) and entered, and the last day whose
/// holidays it knows (`known_until`; later dates count weekends only).
#[utoipa::path(get, path = "/calendar/years", tag = "schedule settings",
    responses((status = 200, body = CalendarYearsDto), (status = 401)))]
pub async fn get_years(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<CalendarYearsDto>, AppError> {
    Ok(Json(calendar_years::calendar_years(&state, &user, &organisation()).await?))
}

/// Enters a year the calendar does not know yet (admins). 422 names the day at fault (a make-up
/// day that is not a weekend, overlapping breaks) or the year (already entered or shipped).
#[utoipa::path(post, path = "/calendar/years", tag = "schedule settings", request_body = CalendarYearInput,
    responses((status = 201, body = CalendarYearsDto), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn post_year(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<CalendarYearInput>,
) -> Result<(StatusCode, Json<CalendarYearsDto>), AppError> {
    Ok((StatusCode::CREATED, Json(calendar_years::add_year(&state, &user, &organisation(), input).await?)))
}

/// Replaces one year's breaks and make-up days (a shipped year becomes an entered one).
#[utoipa::path(put, path = "/calendar/years/{year}", tag = "schedule settings", params(("year" = i32, Path)),
    request_body = CalendarYearInput,
    responses((status = 200, body = CalendarYearsDto), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn put_year(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(year): Path<String>,
    ApiJson(input): ApiJson<CalendarYearInput>,
) -> Result<Json<CalendarYearsDto>, AppError> {
    let year = year_in_path(&year)?;
    Ok(Json(calendar_years::edit_year(&state, &user, &organisation(), year, input).await?))
}

/// Removes an entered year (a shipped year it replaced comes back).
#[utoipa::path(delete, path = "/calendar/years/{year}", tag = "schedule settings", params(("year" = i32, Path), VersionQuery),
    responses((status = 200, body = CalendarYearsDto), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn delete_year(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(year): Path<String>,
    ApiQuery(query): ApiQuery<VersionQuery>,
) -> Result<Json<CalendarYearsDto>, AppError> {
    let year = year_in_path(&year)?;
    Ok(Json(calendar_years::remove_year(&state, &user, &organisation(), year, query.version).await?))
}

/// Reads an iCalendar or JSON holiday file and previews it: each year added, unchanged, replaced
/// or in conflict, what the calendar knows before and after, and the open options whose dates
/// move. With `"apply": true` the years are stored (refused while a year is in conflict and
/// `replace` is false).
#[utoipa::path(post, path = "/calendar/import", tag = "schedule settings", request_body = CalendarImportInput,
    responses((status = 200, body = CalendarImportDto), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn import(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<CalendarImportInput>,
) -> Result<Json<CalendarImportDto>, AppError> {
    Ok(Json(calendar_years::import_years(&state, &user, &organisation(), input).await?))
}

/// Every change to entered years (organisation and departments), newest first: who, when, which
/// year, before and after.
#[utoipa::path(get, path = "/calendar/changes", tag = "schedule settings",
    responses((status = 200, body = Vec<CalendarChangeDto>), (status = 401)))]
pub async fn get_changes(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<Vec<CalendarChangeDto>>, AppError> {
    Ok(Json(calendar_years::calendar_changes(&state, &user).await?))
}

/// A department calendar's years (the organisation's while it follows them: `own_calendar` false).
#[utoipa::path(get, path = "/departments/{id}/calendar/years", tag = "schedule settings", params(("id" = String, Path)),
    responses((status = 200, body = CalendarYearsDto), (status = 401), (status = 404)))]
pub async fn get_department_years(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<CalendarYearsDto>, AppError> {
    Ok(Json(calendar_years::calendar_years(&state, &user, &CalendarScope::Department(id)).await?))
}

/// Enters a year on a department's own calendar (admins, the department's leader or tech manager);
/// a department that followed the organisation's calendar gets its own copy of it first.
#[utoipa::path(post, path = "/departments/{id}/calendar/years", tag = "schedule settings", params(("id" = String, Path)),
    request_body = CalendarYearInput,
    responses((status = 201, body = CalendarYearsDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn post_department_year(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<CalendarYearInput>,
) -> Result<(StatusCode, Json<CalendarYearsDto>), AppError> {
    Ok((StatusCode::CREATED, Json(calendar_years::add_year(&state, &user, &CalendarScope::Department(id), input).await?)))
}

#[utoipa::path(put, path = "/departments/{id}/calendar/years/{year}", tag = "schedule settings",
    params(("id" = String, Path), ("year" = i32, Path)), request_body = CalendarYearInput,
    responses((status = 200, body = CalendarYearsDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn put_department_year(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path((id, year)): Path<(String, String)>,
    ApiJson(input): ApiJson<CalendarYearInput>,
) -> Result<Json<CalendarYearsDto>, AppError> {
    let year = year_in_path(&year)?;
    Ok(Json(calendar_years::edit_year(&state, &user, &CalendarScope::Department(id), year, input).await?))
}

#[utoipa::path(delete, path = "/departments/{id}/calendar/years/{year}", tag = "schedule settings",
    params(("id" = String, Path), ("year" = i32, Path), VersionQuery),
    responses((status = 200, body = CalendarYearsDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn delete_department_year(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path((id, year)): Path<(String, String)>,
    ApiQuery(query): ApiQuery<VersionQuery>,
) -> Result<Json<CalendarYearsDto>, AppError> {
    let year = year_in_path(&year)?;
    Ok(Json(calendar_years::remove_year(&state, &user, &CalendarScope::Department(id), year, query.version).await?))
}

#[utoipa::path(post, path = "/departments/{id}/calendar/import", tag = "schedule settings", params(("id" = String, Path)),
    request_body = CalendarImportInput,
    responses((status = 200, body = CalendarImportDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn import_department(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<CalendarImportInput>,
) -> Result<Json<CalendarImportDto>, AppError> {
    Ok(Json(calendar_years::import_years(&state, &user, &CalendarScope::Department(id), input).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_department_schedule, put_department_schedule))
        .routes(routes!(get_department_years, post_department_year))
        .routes(routes!(put_department_year, delete_department_year))
        .routes(routes!(import_department))
        .routes(routes!(get_calendar, put_calendar))
        .routes(routes!(get_years, post_year))
        .routes(routes!(put_year, delete_year))
        .routes(routes!(import))
        .routes(routes!(get_changes))
        .routes(routes!(get_schedule_settings))
}
