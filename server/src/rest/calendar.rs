//! Calendar export: a meeting as an `.ics` file, the person's secret feed address (create, show,
//! revoke) and the feed itself, which needs no cookie: the token in its address authenticates it,
//! and a revoked or unknown token is 404.

use super::extract::AuthUser;
use app::error::AppError;
use app::meetings::calendar;
use app::meetings::dto::CalendarFeedDto;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

fn ics_response(body: String, filename: Option<&str>) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Some(name) = filename.and_then(|n| HeaderValue::from_str(&format!("attachment; filename=\"{n}\"")).ok()) {
        headers.insert(header::CONTENT_DISPOSITION, name);
    }
    response
}

/// One meeting as an iCalendar file (`text/calendar`): a VEVENT in the meeting's time zone, with
/// its VTIMEZONE, place, agenda, organiser and invitees.
#[utoipa::path(get, path = "/meetings/{id}/calendar.ics", tag = "calendar", params(("id" = String, Path)),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 401), (status = 404)))]
pub async fn meeting_ics(
    State(state): State<AppState>,
    headers: HeaderMap,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let base = calendar::site_base(&headers, &state);
    let body = calendar::meeting_ics(&state, &user, &id, Some(&base)).await?;
    Ok(ics_response(body, Some(&format!("meeting-{id}.ics"))))
}

/// Whether the person has a live feed address (the address itself is shown only when created).
#[utoipa::path(get, path = "/me/calendar-feed", tag = "calendar", responses((status = 200, body = CalendarFeedDto), (status = 401)))]
pub async fn feed_status(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<CalendarFeedDto>, AppError> {
    Ok(Json(calendar::feed_status(&state, &user).await?))
}

/// Creates a new secret feed address, revoking any previous one; `url` is in this answer only.
#[utoipa::path(post, path = "/me/calendar-feed", tag = "calendar", responses((status = 201, body = CalendarFeedDto), (status = 401)))]
pub async fn create_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    AuthUser(user): AuthUser,
) -> Result<(StatusCode, Json<CalendarFeedDto>), AppError> {
    let base = calendar::site_base(&headers, &state);
    Ok((StatusCode::CREATED, Json(calendar::create_feed(&state, &user, &base).await?)))
}

/// Revokes the person's feed address (404 when there is none).
#[utoipa::path(delete, path = "/me/calendar-feed", tag = "calendar", responses((status = 200, body = CalendarFeedDto), (status = 401), (status = 404)))]
pub async fn revoke_feed(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<CalendarFeedDto>, AppError> {
    Ok(Json(calendar::revoke_feed(&state, &user).await?))
}

/// The feed: the person's meetings, their open action items' due dates (all-day events) and their
/// projects' milestones from the current baselines (all-day events). No cookie needed.
#[utoipa::path(get, path = "/calendar-feeds/{token}", tag = "calendar",
    params(("token" = String, Path, description = "the secret token, with or without `.ics`")),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 404)))]
pub async fn feed(State(state): State<AppState>, headers: HeaderMap, Path(token): Path<String>) -> Result<Response, AppError> {
    let base = calendar::site_base(&headers, &state);
    Ok(ics_response(calendar::feed_ics(&state, &token, Some(&base)).await?, None))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(meeting_ics)).routes(routes!(feed_status, create_feed, revoke_feed)).routes(routes!(feed))
}
