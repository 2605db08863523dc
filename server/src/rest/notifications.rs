//! The signed-in person's inbox: list (optionally unread only), the unread count, and marking one
//! or all read. Nobody sees or marks anyone else's notifications (someone else's id is 404).

use super::extract::{ApiQuery, AuthUser};
use app::error::AppError;
use app::notifications::dto::*;
use app::notifications::service;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The person's notifications, newest first.
#[utoipa::path(get, path = "/notifications", tag = "notifications", params(NotificationListQuery),
    responses((status = 200, body = [NotificationDto]), (status = 401), (status = 422)))]
pub async fn list(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiQuery(query): ApiQuery<NotificationListQuery>,
) -> Result<Json<Vec<NotificationDto>>, AppError> {
    Ok(Json(service::list(&state, &user, query).await?))
}

/// How many of the person's notifications are unread.
#[utoipa::path(get, path = "/notifications/unread-count", tag = "notifications",
    responses((status = 200, body = UnreadCount), (status = 401)))]
pub async fn unread_count(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<UnreadCount>, AppError> {
    Ok(Json(service::unread_count(&state, &user).await?))
}

/// Marks one of the person's notifications read (again is fine); answers the new unread count.
#[utoipa::path(post, path = "/notifications/{id}/read", tag = "notifications", params(("id" = String, Path)),
    responses((status = 200, body = UnreadCount), (status = 401), (status = 404)))]
pub async fn mark_read(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<UnreadCount>, AppError> {
    Ok(Json(service::mark_read(&state, &user, &id).await?))
}

/// Marks all of the person's notifications read; answers the new unread count (0).
#[utoipa::path(post, path = "/notifications/read-all", tag = "notifications",
    responses((status = 200, body = UnreadCount), (status = 401)))]
pub async fn mark_all_read(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<UnreadCount>, AppError> {
    Ok(Json(service::mark_all_read(&state, &user).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(unread_count)).routes(routes!(mark_all_read)).routes(routes!(mark_read))
}
