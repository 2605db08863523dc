//! `/calendar`, `/departments/{id}/schedule` and `/schedule-settings`: the organisation's
//! working-day calendar and each team's capacity, availability and own calendar.

use super::extract::{ApiJson, AuthUser};
use app::error::AppError;
use app::schedule_settings::dto::*;
use app::schedule_settings::service;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::Json;

#[utoipa::path(get, path = "/api/v1/calendar", tag = "schedule settings", responses((status = 200, body = OrganisationCalendarDto), (status = 401)))]
pub async fn get_calendar(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<OrganisationCalendarDto>, AppError> {
    Ok(Json(service::get_organisation_calendar(&state, &user).await?))
}

/// Replaces the organisation's calendar (admins only). Refused with 422 naming `calendar` unless
/// the schedule engine accepts it; with `version`, a stale save is refused with 409.
#[utoipa::path(put, path = "/api/v1/calendar", tag = "schedule settings", request_body = CalendarInput,
    responses((status = 200, body = OrganisationCalendarDto), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn put_calendar(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<CalendarInput>,
) -> Result<Json<OrganisationCalendarDto>, AppError> {
    Ok(Json(service::set_organisation_calendar(&state, &user, input).await?))
}

#[utoipa::path(get, path = "/api/v1/departments/{id}/schedule", tag = "schedule settings", params(("id" = String, Path)),
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
#[utoipa::path(put, path = "/api/v1/departments/{id}/schedule", tag = "schedule settings", params(("id" = String, Path)),
    request_body = DepartmentScheduleInput,
    responses((status = 200, body = DepartmentScheduleDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn put_department_schedule(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<DepartmentScheduleInput>,
) -> Result<Json<DepartmentScheduleDto>, AppError> {
    Ok(Json(service::set_department_schedule(&state, &user, &id, input).await?))
}

/// The organisation calendar and every department's settings: what plans are built from.
#[utoipa::path(get, path = "/api/v1/schedule-settings", tag = "schedule settings",
    responses((status = 200, body = ScheduleSettingsDto), (status = 401)))]
pub async fn get_schedule_settings(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<ScheduleSettingsDto>, AppError> {
    Ok(Json(service::get_schedule_settings(&state, &user).await?))
}
