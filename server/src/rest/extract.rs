//! Extractors: the signed-in person (`AuthUser`) and a JSON body whose rejections use our error
//! format (`ApiJson`).

use app::auth::{Authenticated, CurrentUser};
use app::domain::error::DomainError;
use app::domain::text::control_character_at;
use app::error::AppError;
use app::state::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;

/// The signed-in person; 401 when nobody is.
pub struct AuthUser(pub CurrentUser);

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let found = match parts.extensions.get::<Authenticated>() {
            Some(Authenticated(found)) => found.clone(),
            None => app::auth::authenticate(state, &parts.headers).await?,
        };
        found.map(|(user, _)| AuthUser(user)).ok_or(AppError::Unauthorized)
    }
}

/// The caller's address for the per-address limits ([`app::auth::client_address`]: the trusted
/// proxy's header when one is configured, else the connection's peer).
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        Ok(ClientAddress(app::auth::client_address(&state.config, parts)))
    }
}

/// `axum::Json` with 400 for unreadable JSON, 413 for a body over the limit (2 MiB), and 422 for
/// JSON of the wrong shape or with a control character in any string (named by its field path,
/// before anything is decoded into `T` or reaches the database).
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let value = match axum::Json::<serde_json::Value>::from_request(req, state).await {
            Ok(axum::Json(value)) => value,
            Err(JsonRejection::JsonDataError(e)) => return Err(AppError::InvalidBody(e.body_text())),
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => return Err(AppError::PayloadTooLarge),
            Err(e) => return Err(AppError::BadRequest(e.body_text())),
        };
        if let Some(field) = control_character_at(&value) {
            return Err(AppError::Invalid(DomainError::ControlCharacter { field }));
        }
        serde_json::from_value(value)
            .map(ApiJson)
            .map_err(|e| AppError::InvalidBody(format!("Failed to deserialize the JSON body into the target type: {e}")))
    }
}

/// `axum::extract::Query` with 422 naming the problem for a query string of the wrong shape.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(e @ QueryRejection::FailedToDeserializeQueryString(_)) => Err(AppError::InvalidBody(e.body_text())),
            Err(e) => Err(AppError::BadRequest(e.body_text())),
        }
    }
}
