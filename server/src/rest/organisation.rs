//! `/users` and `/departments`.

use super::extract::{ApiJson, AuthUser};
use app::error::AppError;
use app::organisation::dto::*;
use app::organisation::service;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

#[utoipa::path(get, path = "/users", tag = "people", responses((status = 200, body = [PersonDto])))]
pub async fn list_users(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<Vec<PersonDto>>, AppError> {
    Ok(Json(service::list_people(&state, &user).await?))
}

/// Creates a person (admins only).
#[utoipa::path(post, path = "/users", tag = "people", request_body = NewPerson,
    responses((status = 201, body = PersonDto), (status = 403), (status = 409, description = "Username taken"), (status = 422)))]
pub async fn create_user(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<NewPerson>,
) -> Result<(StatusCode, Json<PersonDto>), AppError> {
    Ok((StatusCode::CREATED, Json(service::create_person(&state, &user, input).await?)))
}

#[utoipa::path(get, path = "/users/{id}", tag = "people", params(("id" = String, Path)), responses((status = 200, body = PersonDto), (status = 404)))]
pub async fn get_user(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<PersonDto>, AppError> {
    Ok(Json(service::get_person(&state, &user, &id).await?))
}

/// Edits a person (admins only); `password` resets it and signs them out everywhere.
#[utoipa::path(patch, path = "/users/{id}", tag = "people", params(("id" = String, Path)), request_body = PersonPatch,
    responses((status = 200, body = PersonDto), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update_user(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<PersonPatch>,
) -> Result<Json<PersonDto>, AppError> {
    Ok(Json(service::update_person(&state, &user, &id, patch).await?))
}

#[utoipa::path(get, path = "/departments", tag = "departments", responses((status = 200, body = [DepartmentDto])))]
pub async fn list_departments(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<Vec<DepartmentDto>>, AppError> {
    Ok(Json(service::list_departments(&state, &user).await?))
}

/// Creates a department (admins only).
#[utoipa::path(post, path = "/departments", tag = "departments", request_body = DepartmentInput,
    responses((status = 201, body = DepartmentDto), (status = 403), (status = 409, description = "Code or name taken"), (status = 422)))]
pub async fn create_department(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<DepartmentInput>,
) -> Result<(StatusCode, Json<DepartmentDto>), AppError> {
    Ok((StatusCode::CREATED, Json(service::create_department(&state, &user, input).await?)))
}

#[utoipa::path(get, path = "/departments/{id}", tag = "departments", params(("id" = String, Path)), responses((status = 200, body = DepartmentDto), (status = 404)))]
pub async fn get_department(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<DepartmentDto>, AppError> {
    Ok(Json(service::get_department(&state, &user, &id).await?))
}

#[utoipa::path(patch, path = "/departments/{id}", tag = "departments", params(("id" = String, Path)), request_body = DepartmentPatch,
    responses((status = 200, body = DepartmentDto), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update_department(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<DepartmentPatch>,
) -> Result<Json<DepartmentDto>, AppError> {
    Ok(Json(service::update_department(&state, &user, &id, patch).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, update_user))
        .routes(routes!(list_departments, create_department))
        .routes(routes!(get_department, update_department))
}
