//! Requirements: the project's list (filters, search, pages), create, read, edit with a version
//! (or `If-Match`), revisions and their diff, status transitions and comments.

use super::extract::{ApiJson, ApiQuery, AuthUser};
use app::error::AppError;
use app::requirements::dto::*;
use app::requirements::service;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The detail with its revision as the ETag, so a client can send it back in `If-Match`.
fn with_etag(detail: RequirementDetail, status: StatusCode) -> Response {
    let etag = HeaderValue::from_str(&format!("\"{}\"", detail.version)).ok();
    let mut response = (status, Json(detail)).into_response();
    if let Some(etag) = etag {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// `If-Match: "7"` (or `7`, or `W/"7"`) → 7. Anything else is a bad request, not ignored: a client
/// that sends a precondition must have it checked.
pub(super) fn if_match(headers: &HeaderMap) -> Result<Option<i64>, AppError> {
    let Some(value) = headers.get(header::IF_MATCH) else { return Ok(None) };
    let text = value.to_str().unwrap_or_default().trim();
    let text = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
    text.parse::<i64>().map(Some).map_err(|_| AppError::BadRequest("If-Match must be a requirement version such as \"3\"".into()))
}

/// A project's requirements, one page at a time.
#[utoipa::path(get, path = "/projects/{id}/requirements", tag = "requirements",
    params(("id" = String, Path), RequirementListQuery), responses((status = 200, body = RequirementPage), (status = 404), (status = 422)))]
pub async fn list(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<RequirementListQuery>,
) -> Result<Json<RequirementPage>, AppError> {
    Ok(Json(service::list_requirements(&state, &user, &id, query).await?))
}

/// Creates a requirement (PMs of stakeholder departments, admins) as revision 1, status `draft`.
#[utoipa::path(post, path = "/projects/{id}/requirements", tag = "requirements", params(("id" = String, Path)),
    request_body = RequirementInput, responses((status = 201, body = RequirementDetail), (status = 403), (status = 404), (status = 422)))]
pub async fn create(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<RequirementInput>,
) -> Result<Response, AppError> {
    Ok(with_etag(service::create_requirement(&state, &user, &id, input).await?, StatusCode::CREATED))
}

/// A requirement's latest revision; the `ETag` is its version.
#[utoipa::path(get, path = "/requirements/{id}", tag = "requirements", params(("id" = String, Path)),
    responses((status = 200, body = RequirementDetail), (status = 404)))]
pub async fn get(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Result<Response, AppError> {
    Ok(with_etag(service::get_requirement(&state, &user, &id).await?, StatusCode::OK))
}

/// Saves an edit as a new revision. The edited version goes in `version` or `If-Match`; if another
/// revision was saved since, 409 `edit_conflict` names who saved it and nothing is written.
#[utoipa::path(patch, path = "/requirements/{id}", tag = "requirements", params(("id" = String, Path)),
    request_body = RequirementPatch,
    responses((status = 200, body = RequirementDetail), (status = 400), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(patch): ApiJson<RequirementPatch>,
) -> Result<Response, AppError> {
    let precondition = if_match(&headers)?;
    if let (Some(header), Some(body)) = (precondition, patch.version) {
        if header != body {
            return Err(AppError::BadRequest("If-Match and version disagree".into()));
        }
    }
    Ok(with_etag(service::update_requirement(&state, &user, &id, patch, precondition).await?, StatusCode::OK))
}

/// Every revision, newest first (without contents).
#[utoipa::path(get, path = "/requirements/{id}/revisions", tag = "requirements", params(("id" = String, Path)),
    responses((status = 200, body = [RevisionSummary]), (status = 404)))]
pub async fn revisions(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<RevisionSummary>>, AppError> {
    Ok(Json(service::list_revisions(&state, &user, &id).await?))
}

/// One revision, whole.
#[utoipa::path(get, path = "/requirements/{id}/revisions/{n}", tag = "requirements",
    params(("id" = String, Path), ("n" = i64, Path)), responses((status = 200, body = RevisionDto), (status = 404)))]
pub async fn revision(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path((id, n)): Path<(String, String)>,
) -> Result<Json<RevisionDto>, AppError> {
    let n = n.parse::<i64>().map_err(|_| AppError::NotFound)?;
    Ok(Json(service::get_revision(&state, &user, &id, n).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DiffQuery {
    /// The older revision's number.
    pub from: i64,
    /// The newer revision's number.
    pub to: i64,
}

/// What changed between two revisions: per field, text word by word, scenarios and change
/// points as added, removed or changed.
#[utoipa::path(get, path = "/requirements/{id}/diff", tag = "requirements", params(("id" = String, Path), DiffQuery),
    responses((status = 200, body = DiffDto), (status = 404), (status = 422)))]
pub async fn diff(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<DiffQuery>,
) -> Result<Json<DiffDto>, AppError> {
    Ok(Json(service::diff(&state, &user, &id, q.from, q.to).await?))
}

/// Moves the requirement along the workflow (allowed transitions only), recording who and why.
#[utoipa::path(post, path = "/requirements/{id}/transitions", tag = "requirements", params(("id" = String, Path)),
    request_body = TransitionInput, responses((status = 200, body = RequirementDetail), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn transition(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<TransitionInput>,
) -> Result<Response, AppError> {
    Ok(with_etag(service::transition(&state, &user, &id, input).await?, StatusCode::OK))
}

#[utoipa::path(get, path = "/requirements/{id}/comments", tag = "requirements", params(("id" = String, Path)),
    responses((status = 200, body = [CommentDto]), (status = 404)))]
pub async fn comments(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<CommentDto>>, AppError> {
    Ok(Json(service::list_comments(&state, &user, &id).await?))
}

/// Comments (Markdown, `@username` mentions), or replies with `parent_id`. Members of stakeholder
/// departments only.
#[utoipa::path(post, path = "/requirements/{id}/comments", tag = "requirements", params(("id" = String, Path)),
    request_body = CommentInput, responses((status = 201, body = CommentDto), (status = 403), (status = 404), (status = 422)))]
pub async fn add_comment(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<CommentInput>,
) -> Result<(StatusCode, Json<CommentDto>), AppError> {
    Ok((StatusCode::CREATED, Json(service::add_comment(&state, &user, &id, input).await?)))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update))
        .routes(routes!(revisions))
        .routes(routes!(revision))
        .routes(routes!(diff))
        .routes(routes!(transition))
        .routes(routes!(comments, add_comment))
}
