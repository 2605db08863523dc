//! `/projects`, their stakeholders and upstream → downstream links.

use super::extract::{ApiJson, AuthUser};
use app::error::AppError;
use app::projects::dto::*;
use app::projects::service;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The projects the caller may read.
#[utoipa::path(get, path = "/projects", tag = "projects", responses((status = 200, body = [ProjectDto])))]
pub async fn list(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<Vec<ProjectDto>>, AppError> {
    Ok(Json(service::list_projects(&state, &user).await?.into_iter().map(|item| item.project).collect()))
}

/// Creates a project (PMs and admins); the lead department becomes its first stakeholder.
#[utoipa::path(post, path = "/projects", tag = "projects", request_body = ProjectInput,
    responses((status = 201, body = ProjectDto), (status = 403), (status = 422)))]
pub async fn create(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<ProjectInput>,
) -> Result<(StatusCode, Json<ProjectDto>), AppError> {
    Ok((StatusCode::CREATED, Json(service::create_project(&state, &user, input).await?)))
}

/// A project; 404 also when it is restricted and the caller is not a stakeholder.
#[utoipa::path(get, path = "/projects/{id}", tag = "projects", params(("id" = String, Path)), responses((status = 200, body = ProjectDto), (status = 404)))]
pub async fn get(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Result<Json<ProjectDto>, AppError> {
    Ok(Json(service::get_project(&state, &user, &id).await?))
}

/// Edits a project; with `version`, a stale edit is refused with 409.
#[utoipa::path(patch, path = "/projects/{id}", tag = "projects", params(("id" = String, Path)), request_body = ProjectPatch,
    responses((status = 200, body = ProjectDto), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<ProjectPatch>,
) -> Result<Json<ProjectDto>, AppError> {
    Ok(Json(service::update_project(&state, &user, &id, patch).await?))
}

#[utoipa::path(get, path = "/projects/{id}/stakeholders", tag = "projects", params(("id" = String, Path)), responses((status = 200, body = [StakeholderDto]), (status = 404)))]
pub async fn list_stakeholders(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<StakeholderDto>>, AppError> {
    Ok(Json(service::list_stakeholders(&state, &user, &id).await?))
}

/// Adds a stakeholder department (recording when and by whom it was identified).
#[utoipa::path(post, path = "/projects/{id}/stakeholders", tag = "projects", params(("id" = String, Path)), request_body = StakeholderInput,
    responses((status = 201, body = StakeholderDto), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn add_stakeholder(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<StakeholderInput>,
) -> Result<(StatusCode, Json<StakeholderDto>), AppError> {
    Ok((StatusCode::CREATED, Json(service::add_stakeholder(&state, &user, &id, input).await?)))
}

/// Removes a stakeholder and its links (not the lead department).
#[utoipa::path(delete, path = "/projects/{id}/stakeholders/{department_id}", tag = "projects",
    params(("id" = String, Path), ("department_id" = String, Path)), responses((status = 204), (status = 403), (status = 404), (status = 409)))]
pub async fn remove_stakeholder(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path((id, department_id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    service::remove_stakeholder(&state, &user, &id, &department_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/projects/{id}/links", tag = "projects", params(("id" = String, Path)), responses((status = 200, body = [LinkDto]), (status = 404)))]
pub async fn list_links(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<LinkDto>>, AppError> {
    Ok(Json(service::project_detail(&state, &user, &id).await?.links))
}

/// Adds an upstream → downstream link between two stakeholders; a loop is refused with 422.
#[utoipa::path(post, path = "/projects/{id}/links", tag = "projects", params(("id" = String, Path)), request_body = LinkDto,
    responses((status = 201, body = [LinkDto]), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn add_link(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(link): ApiJson<LinkDto>,
) -> Result<(StatusCode, Json<Vec<LinkDto>>), AppError> {
    Ok((StatusCode::CREATED, Json(service::add_link(&state, &user, &id, link).await?)))
}

#[utoipa::path(delete, path = "/projects/{id}/links", tag = "projects", params(("id" = String, Path)), request_body = LinkDto,
    responses((status = 200, body = [LinkDto]), (status = 403), (status = 404)))]
pub async fn remove_link(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(link): ApiJson<LinkDto>,
) -> Result<Json<Vec<LinkDto>>, AppError> {
    Ok(Json(service::remove_link(&state, &user, &id, link).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update))
        .routes(routes!(list_stakeholders, add_stakeholder))
        .routes(routes!(remove_stakeholder))
        .routes(routes!(list_links, add_link, remove_link))
}
