//! The audit log: a project's entries (sign-offs, revocations, decisions, closed and amended
//! meetings, leaders' decisions on change requests), for people who may read the project.

use super::extract::{ApiQuery, AuthUser};
use app::audit::dto::*;
use app::audit::service;
use app::error::AppError;
use app::state::AppState;
use axum::extract::State;
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

/// A project's audit entries, newest first, each with its chain hash. Outsiders of a restricted
/// project get 404.
#[utoipa::path(get, path = "/audit", tag = "audit", params(AuditListQuery),
    responses((status = 200, body = [AuditEntryDto]), (status = 401), (status = 404), (status = 422)))]
pub async fn list(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiQuery(query): ApiQuery<AuditListQuery>,
) -> Result<Json<Vec<AuditEntryDto>>, AppError> {
    Ok(Json(service::list(&state, &user, query).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}
