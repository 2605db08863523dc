//! Solution options (with their work plans as plan files), revisions and diffs, comments and
//! concerns, and choosing.

use super::extract::{ApiJson, ApiQuery, AuthUser};
use super::requirements::if_match;
use app::error::AppError;
use app::solutions::dto::*;
use app::solutions::service;
use app::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

/// A requirement's options, oldest first.
#[utoipa::path(get, path = "/requirements/{id}/options", tag = "solutions", params(("id" = String, Path)),
    responses((status = 200, body = [OptionSummary]), (status = 404)))]
pub async fn list(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<OptionSummary>>, AppError> {
    Ok(Json(service::list_options(&state, &user, &id).await?))
}

/// Proposes an option (PMs and architects of stakeholder departments). The work plan must schedule;
/// the engine's refusal is a 422 on `plan`.
#[utoipa::path(post, path = "/requirements/{id}/options", tag = "solutions", params(("id" = String, Path)),
    request_body = OptionInput, responses((status = 201, body = OptionDetail), (status = 403), (status = 404), (status = 422)))]
pub async fn create(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<OptionInput>,
) -> Result<(StatusCode, Json<OptionDetail>), AppError> {
    Ok((StatusCode::CREATED, Json(service::create_option(&state, &user, &id, input).await?)))
}

/// The frame, baseline and choices an option of this requirement is scheduled with.
#[utoipa::path(get, path = "/requirements/{id}/plan-context", tag = "solutions", params(("id" = String, Path)),
    responses((status = 200, body = PlanContext), (status = 404)))]
pub async fn plan_context(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<PlanContext>, AppError> {
    Ok(Json(service::plan_context_for(&state, &user, &id).await?))
}

/// An option's latest revision with its schedule impact computed now.
#[utoipa::path(get, path = "/options/{id}", tag = "solutions", params(("id" = String, Path)),
    responses((status = 200, body = OptionDetail), (status = 404)))]
pub async fn get(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Result<Json<OptionDetail>, AppError> {
    Ok(Json(service::get_option(&state, &user, &id).await?))
}

/// Saves an edit as a new revision (`version` or `If-Match` names the revision edited; 409
/// `edit_conflict` otherwise). On a chosen option that changes the agreed schedule, `reason` is
/// required and a change request is opened (its id in `change_request_id`); 409 `conflict` while
/// another request of the project is pending.
#[utoipa::path(patch, path = "/options/{id}", tag = "solutions", params(("id" = String, Path)), request_body = OptionPatch,
    responses((status = 200, body = OptionSaved), (status = 400), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(mut patch): ApiJson<OptionPatch>,
) -> Result<Json<OptionSaved>, AppError> {
    patch.version = precondition(&headers, patch.version)?;
    Ok(Json(service::update_option(&state, &user, &id, patch).await?))
}

fn precondition(headers: &HeaderMap, body: Option<i64>) -> Result<Option<i64>, AppError> {
    let header = if_match(headers)?;
    match (header, body) {
        (Some(h), Some(b)) if h != b => Err(AppError::BadRequest("If-Match and version disagree".into())),
        (h, b) => Ok(b.or(h)),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PlanQuery {
    /// A revision number; default: the latest.
    pub revision: Option<i64>,
}

/// The option's work plan as a plan file (`docs/schema/plan.schema.json`) on the project's frame:
/// readable by `concord plan schedule` and the plan sandbox.
#[utoipa::path(get, path = "/options/{id}/plan", tag = "solutions", params(("id" = String, Path), PlanQuery),
    responses((status = 200, body = Object), (status = 404)))]
pub async fn export_plan(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<PlanQuery>,
) -> Result<Json<app::domain::schedule::Plan>, AppError> {
    Ok(Json(service::export_plan(&state, &user, &id, q.revision).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ImportQuery {
    /// The revision the import replaces (or send `If-Match`).
    pub version: Option<i64>,
    /// Why, when the option is chosen and the import changes the agreed schedule.
    pub reason: Option<String>,
    /// Shown in the history.
    pub summary: Option<String>,
}

/// Replaces the option's work plan with a plan file's items and milestones (its start, calendar and
/// teams are the project's and are ignored), saved as a new revision like `PATCH`.
#[utoipa::path(put, path = "/options/{id}/plan", tag = "solutions", params(("id" = String, Path), ImportQuery),
    request_body(content = Object, description = "a plan file"),
    responses((status = 200, body = OptionSaved), (status = 400), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn import_plan(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<ImportQuery>,
    body: Bytes,
) -> Result<Json<OptionSaved>, AppError> {
    let text = std::str::from_utf8(&body).map_err(|_| AppError::BadRequest("the plan file must be UTF-8 JSON".into()))?;
    let plan = service::import_plan(text)?;
    let patch = OptionPatch {
        version: precondition(&headers, q.version)?,
        plan: Some(plan),
        reason: q.reason,
        summary: q.summary,
        ..Default::default()
    };
    Ok(Json(service::update_option(&state, &user, &id, patch).await?))
}

/// Every revision, newest first, with the baseline each became.
#[utoipa::path(get, path = "/options/{id}/revisions", tag = "solutions", params(("id" = String, Path)),
    responses((status = 200, body = [OptionRevisionSummary]), (status = 404)))]
pub async fn revisions(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<OptionRevisionSummary>>, AppError> {
    Ok(Json(service::list_revisions(&state, &user, &id).await?))
}

/// One revision's content: title, description, covered scenarios and work plan.
#[utoipa::path(get, path = "/options/{id}/revisions/{n}", tag = "solutions", params(("id" = String, Path), ("n" = i64, Path)),
    responses((status = 200, body = Object), (status = 404)))]
pub async fn revision(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path((id, n)): Path<(String, String)>,
) -> Result<Json<app::domain::solutions::OptionContent>, AppError> {
    let n = n.parse::<i64>().map_err(|_| AppError::NotFound)?;
    Ok(Json(service::revision_content(&state, &user, &id, n).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DiffQuery {
    pub from: i64,
    pub to: i64,
}

/// Two revisions compared, with the later plan's impact against the earlier.
#[utoipa::path(get, path = "/options/{id}/diff", tag = "solutions", params(("id" = String, Path), DiffQuery),
    responses((status = 200, body = OptionDiff), (status = 404), (status = 422)))]
pub async fn diff(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<DiffQuery>,
) -> Result<Json<OptionDiff>, AppError> {
    Ok(Json(service::diff(&state, &user, &id, q.from, q.to).await?))
}

/// The lead department's PM chooses the option (a rationale; an override reason while concerns are
/// open). Opens the change request that makes its plan the baseline once the leaders approve.
#[utoipa::path(post, path = "/options/{id}/choose", tag = "solutions", params(("id" = String, Path)), request_body = ChooseInput,
    responses((status = 200, body = OptionSaved), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn choose(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ChooseInput>,
) -> Result<Json<OptionSaved>, AppError> {
    Ok(Json(service::choose(&state, &user, &id, input).await?))
}

#[utoipa::path(get, path = "/options/{id}/comments", tag = "solutions", params(("id" = String, Path)),
    responses((status = 200, body = [OptionCommentDto]), (status = 404)))]
pub async fn comments(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<OptionCommentDto>>, AppError> {
    Ok(Json(service::list_comments(&state, &user, &id).await?))
}

/// A comment, reply (`parent_id`) or blocking concern (`concern: true`), by stakeholders' people.
#[utoipa::path(post, path = "/options/{id}/comments", tag = "solutions", params(("id" = String, Path)),
    request_body = OptionCommentInput, responses((status = 201, body = OptionCommentDto), (status = 403), (status = 404), (status = 422)))]
pub async fn add_comment(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<OptionCommentInput>,
) -> Result<(StatusCode, Json<OptionCommentDto>), AppError> {
    Ok((StatusCode::CREATED, Json(service::add_comment(&state, &user, &id, input).await?)))
}

/// Resolves a concern with a note (its author or an admin; once).
#[utoipa::path(post, path = "/option-comments/{id}/resolve", tag = "solutions", params(("id" = String, Path)),
    request_body = ResolveInput, responses((status = 200, body = OptionCommentDto), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn resolve(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ResolveInput>,
) -> Result<Json<OptionCommentDto>, AppError> {
    Ok(Json(service::resolve_concern(&state, &user, &id, input).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(plan_context))
        .routes(routes!(get, update))
        .routes(routes!(export_plan, import_plan))
        .routes(routes!(revisions))
        .routes(routes!(revision))
        .routes(routes!(diff))
        .routes(routes!(choose))
        .routes(routes!(comments, add_comment))
        .routes(routes!(resolve))
}
