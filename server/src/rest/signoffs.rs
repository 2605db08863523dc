//! Sign-offs: a project's sign-off matrix (readable by anyone who may read the project), signing
//! one's own cell with the password re-entered, and revoking one's signature with a reason.

use super::extract::{ApiJson, AuthUser, ClientAddress};
use app::error::AppError;
use app::i18n::Locale;
use app::signoffs::dto::*;
use app::signoffs::service;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The project's sign-off matrix: subjects at their current revision and fingerprint, the people
/// who must sign, and each required signature's state (signed, stale or missing), computed from
/// fingerprints.
#[utoipa::path(get, path = "/projects/{id}/signoffs", tag = "signoffs", params(("id" = String, Path)),
    responses((status = 200, body = SignoffMatrix), (status = 401), (status = 404)))]
pub async fn matrix(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> Result<Json<SignoffMatrix>, AppError> {
    Ok(Json(service::matrix(&state, &user, &id).await?))
}

/// Signs the caller's own cell of a subject at the revision and fingerprint they were shown, with
/// their password again. Wrong password: 422 on `password`, counted like a failed login (429 with
/// `Retry-After` once over the limit). Not the person named in the cell: 403. The subject changed
/// since: 409. The meaning text is stored in the caller's language (their setting, else
/// `Accept-Language`).
#[utoipa::path(post, path = "/projects/{id}/signoffs", tag = "signoffs", params(("id" = String, Path)), request_body = SignInput,
    responses((status = 201, body = SignatureDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422), (status = 429)))]
pub async fn sign(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<SignInput>,
) -> Result<(http::StatusCode, Json<SignatureDto>), AppError> {
    let locale = user.locale.unwrap_or_else(|| {
        Locale::from_accept_language(headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default())
    });
    let signature = service::sign(&state, &user, &id, input, &client, locale).await?;
    Ok((http::StatusCode::CREATED, Json(signature)))
}

/// Revokes the caller's own signature (the latest of its cell) with a reason; the cell becomes
/// missing and the revocation is written to the audit log.
#[utoipa::path(post, path = "/signoffs/{id}/revoke", tag = "signoffs", params(("id" = String, Path)), request_body = RevokeInput,
    responses((status = 200, body = SignatureDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn revoke(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<RevokeInput>,
) -> Result<Json<SignatureDto>, AppError> {
    Ok(Json(service::revoke(&state, &user, &id, input).await?))
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(matrix, sign)).routes(routes!(revoke))
}
