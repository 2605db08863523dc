//! Schedule change requests with leaders' decisions, and the project's baselines.

use super::extract::{ApiJson, AuthUser};
use app::change_requests::dto::*;
use app::change_requests::service;
use app::error::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

/// A project's change requests, newest first.
#[utoipa::path(get, path = "/projects/{id}/change-requests", tag = "change-requests", params(("id" = String, Path)),
    responses((status = 200, body = [ChangeRequestSummary]), (status = 404)))]
pub async fn project_requests(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<ChangeRequestSummary>>, AppError> {
    Ok(Json(service::project_requests(&state, &user, &id).await?))
}

/// The project's schedule: the current baseline's plan, every baseline (the slip history) and the
/// change requests.
#[utoipa::path(get, path = "/projects/{id}/baselines", tag = "change-requests", params(("id" = String, Path)),
    responses((status = 200, body = ProjectSchedule), (status = 404)))]
pub async fn baselines(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<ProjectSchedule>, AppError> {
    Ok(Json(service::project_schedule(&state, &user, &id).await?))
}

/// A change request with its frozen plans, stored impact and every department's decision.
#[utoipa::path(get, path = "/change-requests/{id}", tag = "change-requests", params(("id" = String, Path)),
    responses((status = 200, body = ChangeRequestDetail), (status = 404)))]
pub async fn get_request(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<ChangeRequestDetail>, AppError> {
    Ok(Json(service::get_request(&state, &user, &id).await?))
}

/// A listed department's leader approves or rejects (a comment is required to reject), once.
#[utoipa::path(post, path = "/change-requests/{id}/decisions", tag = "change-requests", params(("id" = String, Path)),
    request_body = DecisionInput,
    responses((status = 200, body = ChangeRequestDetail), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn decide(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> Result<Json<ChangeRequestDetail>, AppError> {
    Ok(Json(service::decide(&state, &user, &id, input).await?))
}

/// The requester (or an admin) withdraws a pending request.
#[utoipa::path(post, path = "/change-requests/{id}/withdraw", tag = "change-requests", params(("id" = String, Path)),
    responses((status = 200, body = ChangeRequestDetail), (status = 403), (status = 404), (status = 409)))]
pub async fn withdraw(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<ChangeRequestDetail>, AppError> {
    Ok(Json(service::withdraw(&state, &user, &id).await?))
}

/// Pending requests waiting for the signed-in leader's decision.
#[utoipa::path(get, path = "/me/decisions", tag = "change-requests", responses((status = 200, body = [ChangeRequestSummary]), (status = 401)))]
pub async fn my_decisions(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<Vec<ChangeRequestSummary>>, AppError> {
    Ok(Json(service::waiting_for(&state, &user).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(project_requests))
        .routes(routes!(baselines))
        .routes(routes!(get_request))
        .routes(routes!(decide))
        .routes(routes!(withdraw))
        .routes(routes!(my_decisions))
}
