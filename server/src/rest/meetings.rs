//! Meetings: schedule, plan and run them (status, agenda, attendance, minutes, decisions, action
//! items), close and amend them; a project's decision log, the decisions that touched a
//! requirement, option or change request, and the person's action items. Changing a closed
//! meeting's record is 409 `conflict`; outsiders of a restricted project get 404.

use super::extract::{ApiJson, ApiQuery, AuthUser};
use app::error::AppError;
use app::meetings::dto::*;
use app::meetings::{service, views};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

type Detail = Result<Json<MeetingDetail>, AppError>;

/// A project's meetings, earliest first.
#[utoipa::path(get, path = "/projects/{id}/meetings", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = [MeetingSummary]), (status = 401), (status = 404)))]
pub async fn list(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<MeetingSummary>>, AppError> {
    Ok(Json(service::list_meetings(&state, &user, &id).await?))
}

/// Schedules a meeting (PMs of the project's departments, admins). Invitees are notified.
#[utoipa::path(post, path = "/projects/{id}/meetings", tag = "meetings", params(("id" = String, Path)),
    request_body = MeetingInput,
    responses((status = 201, body = MeetingDetail), (status = 403), (status = 404), (status = 422)))]
pub async fn create(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MeetingInput>,
) -> Result<(StatusCode, Json<MeetingDetail>), AppError> {
    Ok((StatusCode::CREATED, Json(service::create_meeting(&state, &user, &id, input).await?)))
}

/// The people and the requirements, options and change requests a meeting of the project can name.
#[utoipa::path(get, path = "/projects/{id}/meeting-choices", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = MeetingChoices), (status = 404)))]
pub async fn choices(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<MeetingChoices>, AppError> {
    Ok(Json(service::meeting_choices(&state, &user, &id).await?))
}

/// The project's decision log: every decision in time order with its meeting, makers and links.
#[utoipa::path(get, path = "/projects/{id}/decisions", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = [MeetingDecisionDto]), (status = 404)))]
pub async fn decision_log(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<MeetingDecisionDto>>, AppError> {
    Ok(Json(views::decision_log(&state, &user, &id).await?))
}

/// A meeting with its agenda, attendance, minutes, decisions, action items and amendments.
#[utoipa::path(get, path = "/meetings/{id}", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = MeetingDetail), (status = 404)))]
pub async fn get(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Detail {
    Ok(Json(service::get_meeting(&state, &user, &id).await?))
}

/// Changes title, kind, time, place or invitees of a meeting that is not closed (409 when closed).
#[utoipa::path(patch, path = "/meetings/{id}", tag = "meetings", params(("id" = String, Path)), request_body = MeetingPatch,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<MeetingPatch>,
) -> Detail {
    Ok(Json(service::update_meeting(&state, &user, &id, patch).await?))
}

/// planned → in_progress → closed. Closing locks the record and writes it to the audit log.
#[utoipa::path(post, path = "/meetings/{id}/status", tag = "meetings", params(("id" = String, Path)),
    request_body = MeetingStatusInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn set_status(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MeetingStatusInput>,
) -> Detail {
    Ok(Json(service::set_status(&state, &user, &id, input).await?))
}

/// Adds an agenda item (optionally linked to a requirement, option or change request of the project).
#[utoipa::path(post, path = "/meetings/{id}/agenda", tag = "meetings", params(("id" = String, Path)),
    request_body = AgendaItemInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn add_agenda_item(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AgendaItemInput>,
) -> Detail {
    Ok(Json(service::add_agenda_item(&state, &user, &id, input).await?))
}

/// Replaces an agenda item's title and link (meeting not closed).
#[utoipa::path(put, path = "/agenda-items/{id}", tag = "meetings", params(("id" = String, Path)),
    request_body = AgendaItemInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update_agenda_item(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AgendaItemInput>,
) -> Detail {
    Ok(Json(service::update_agenda_item(&state, &user, &id, input).await?))
}

/// Removes an agenda item (meeting not closed).
#[utoipa::path(delete, path = "/agenda-items/{id}", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409)))]
pub async fn delete_agenda_item(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Detail {
    Ok(Json(service::delete_agenda_item(&state, &user, &id).await?))
}

/// Writes an agenda item's minutes (Markdown) while the meeting is in progress.
#[utoipa::path(put, path = "/agenda-items/{id}/minutes", tag = "meetings", params(("id" = String, Path)),
    request_body = MinutesInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn set_minutes(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MinutesInput>,
) -> Detail {
    Ok(Json(service::set_minutes(&state, &user, &id, input).await?))
}

/// Records who came (the whole list) while the meeting is in progress.
#[utoipa::path(put, path = "/meetings/{id}/attendance", tag = "meetings", params(("id" = String, Path)),
    request_body = AttendanceInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn set_attendance(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AttendanceInput>,
) -> Detail {
    Ok(Json(service::set_attendance(&state, &user, &id, input).await?))
}

/// Records a decision while the meeting is in progress.
#[utoipa::path(post, path = "/meetings/{id}/decisions", tag = "meetings", params(("id" = String, Path)),
    request_body = MeetingDecisionInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn add_decision(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MeetingDecisionInput>,
) -> Detail {
    Ok(Json(service::add_decision(&state, &user, &id, input).await?))
}

/// Removes a decision recorded by mistake while the meeting is in progress.
#[utoipa::path(delete, path = "/decisions/{id}", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409)))]
pub async fn delete_decision(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Detail {
    Ok(Json(service::delete_decision(&state, &user, &id).await?))
}

/// Adds an action item while the meeting is in progress; the owner is notified.
#[utoipa::path(post, path = "/meetings/{id}/action-items", tag = "meetings", params(("id" = String, Path)),
    request_body = ActionItemInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn add_action_item(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ActionItemInput>,
) -> Detail {
    Ok(Json(service::add_action_item(&state, &user, &id, input).await?))
}

/// Changes an action item's title, owner or due date while the meeting is in progress.
#[utoipa::path(put, path = "/action-items/{id}", tag = "meetings", params(("id" = String, Path)),
    request_body = ActionItemInput,
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn update_action_item(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ActionItemInput>,
) -> Detail {
    Ok(Json(service::update_action_item(&state, &user, &id, input).await?))
}

/// Removes an action item recorded by mistake while the meeting is in progress.
#[utoipa::path(delete, path = "/action-items/{id}", tag = "meetings", params(("id" = String, Path)),
    responses((status = 200, body = MeetingDetail), (status = 403), (status = 404), (status = 409)))]
pub async fn delete_action_item(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Detail {
    Ok(Json(service::delete_action_item(&state, &user, &id).await?))
}

/// Marks an action item open, done or dropped — also after the meeting closed (owner or meeting editors).
#[utoipa::path(post, path = "/action-items/{id}/status", tag = "meetings", params(("id" = String, Path)),
    request_body = ActionStatusInput,
    responses((status = 200, body = ActionItemDto), (status = 403), (status = 404), (status = 409), (status = 422), (status = 428)))]
pub async fn set_action_status(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ActionStatusInput>,
) -> Result<Json<ActionItemDto>, AppError> {
    Ok(Json(service::set_action_status(&state, &user, &id, input).await?))
}

/// Amends a closed meeting: a visible note and any added or correcting decisions (409 while open).
#[utoipa::path(post, path = "/meetings/{id}/amendments", tag = "meetings", params(("id" = String, Path)),
    request_body = AmendmentInput,
    responses((status = 201, body = MeetingDetail), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn amend(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AmendmentInput>,
) -> Result<(StatusCode, Json<MeetingDetail>), AppError> {
    Ok((StatusCode::CREATED, Json(service::amend(&state, &user, &id, input).await?)))
}

/// The decisions and meetings that touched a requirement, option or change request.
#[utoipa::path(get, path = "/linked-decisions", tag = "meetings", params(LinkedQuery),
    responses((status = 200, body = LinkedDecisions), (status = 404), (status = 422)))]
pub async fn linked(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiQuery(q): ApiQuery<LinkedQuery>,
) -> Result<Json<LinkedDecisions>, AppError> {
    Ok(Json(views::linked(&state, &user, &q.kind, &q.id).await?))
}

/// The person's action items across projects, open ones first by due date; overdue ones marked.
#[utoipa::path(get, path = "/me/action-items", tag = "meetings", responses((status = 200, body = [ActionItemDto]), (status = 401)))]
pub async fn my_action_items(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<Vec<ActionItemDto>>, AppError> {
    Ok(Json(views::my_action_items(&state, &user).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(choices))
        .routes(routes!(decision_log))
        .routes(routes!(get, update))
        .routes(routes!(set_status))
        .routes(routes!(add_agenda_item))
        .routes(routes!(set_attendance))
        .routes(routes!(add_decision))
        .routes(routes!(add_action_item))
        .routes(routes!(amend))
        .routes(routes!(update_agenda_item, delete_agenda_item))
        .routes(routes!(set_minutes))
        .routes(routes!(delete_decision))
        .routes(routes!(update_action_item, delete_action_item))
        .routes(routes!(set_action_status))
        .routes(routes!(linked))
        .routes(routes!(my_action_items))
}
