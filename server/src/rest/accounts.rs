//! `/session`, `/me`, `/me/password` and `/tokens`.

use super::extract::{ApiJson, AuthUser, ClientAddress};
use app::accounts::dto::{CreatedToken, LoginInput, NewToken, PasswordChange, TokenDto, TokenRef};
use app::accounts::service;
use app::auth::{self, CurrentUser};
use app::error::AppError;
use app::state::AppState;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

fn with_cookie<T: IntoResponse>(cookie: String, body: T) -> Response {
    ([(header::SET_COOKIE, cookie)], body).into_response()
}

/// Signs in and sets the session cookie.
#[utoipa::path(post, path = "/session", tag = "session", request_body = LoginInput,
    responses((status = 200, description = "Signed in; the session cookie is set", body = CurrentUser),
              (status = 401, description = "Wrong username or password"), (status = 429, description = "Too many attempts")))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    ApiJson(input): ApiJson<LoginInput>,
) -> Result<Response, AppError> {
    let (user, token) = service::login(&state, input, &client).await?;
    // The browser's previous session, if it sent one, ends: one session per browser.
    auth::end_session(&state, &headers).await?;
    Ok(with_cookie(auth::session_cookie(&state, &token), Json(user)))
}

/// Signs out: the session ends on the server and the cookie is cleared.
#[utoipa::path(delete, path = "/session", tag = "session", responses((status = 204, description = "Signed out")))]
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    auth::end_session(&state, &headers).await?;
    Ok(with_cookie(auth::clear_session_cookie(&state), StatusCode::NO_CONTENT))
}

#[utoipa::path(get, path = "/me", tag = "session", responses((status = 200, body = CurrentUser), (status = 401)))]
pub async fn me(AuthUser(user): AuthUser) -> Json<CurrentUser> {
    Json(user)
}

/// Changes one's own password; other sessions are signed out and a fresh cookie is set.
#[utoipa::path(post, path = "/me/password", tag = "session", request_body = PasswordChange,
    responses((status = 204), (status = 422, description = "Wrong current password or a too-short new one")))]
pub async fn change_password(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<PasswordChange>,
) -> Result<Response, AppError> {
    let token = service::change_password(&state, &user, input).await?;
    Ok(with_cookie(auth::session_cookie(&state, &token), StatusCode::NO_CONTENT))
}

#[utoipa::path(get, path = "/tokens", tag = "tokens", responses((status = 200, body = [TokenDto])))]
pub async fn list_tokens(State(state): State<AppState>, AuthUser(user): AuthUser) -> Result<Json<Vec<TokenDto>>, AppError> {
    Ok(Json(service::list_tokens(&state, &user).await?))
}

/// Creates a personal access token for oneself; the secret is in this response only.
#[utoipa::path(post, path = "/tokens", tag = "tokens", request_body = NewToken, responses((status = 201, body = CreatedToken)))]
pub async fn create_token(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<NewToken>,
) -> Result<(StatusCode, Json<CreatedToken>), AppError> {
    Ok((StatusCode::CREATED, Json(service::create_token(&state, &user, input).await?)))
}

/// Revokes one of one's own tokens, named in the body.
#[utoipa::path(delete, path = "/tokens", tag = "tokens", request_body = TokenRef, responses((status = 204), (status = 404)))]
pub async fn revoke_token_by_body(
    State(state): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(input): ApiJson<TokenRef>,
) -> Result<StatusCode, AppError> {
    service::revoke_token(&state, &user, &input.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/tokens/{id}", tag = "tokens", params(("id" = String, Path)), responses((status = 204), (status = 404)))]
pub async fn revoke_token(State(state): State<AppState>, AuthUser(user): AuthUser, Path(id): Path<String>) -> Result<StatusCode, AppError> {
    service::revoke_token(&state, &user, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// This module's routes: each handler's path, method and OpenAPI entry come from its
/// `#[utoipa::path]`, so a route is declared once.
pub fn router() -> OpenApiRouter<AppState> {
    let signing_in = OpenApiRouter::new().routes(routes!(login, logout)).layer(DefaultBodyLimit::max(auth::SIGN_IN_BODY_MAX));
    OpenApiRouter::new()
        .merge(signing_in)
        .routes(routes!(me))
        .routes(routes!(change_password))
        .routes(routes!(list_tokens, create_token, revoke_token_by_body))
        .routes(routes!(revoke_token))
}
