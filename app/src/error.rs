//! `AppError`: the one error type of every service, server function and REST handler.
//!
//! Each variant's doc names its HTTP status. It is serializable so server functions carry it to
//! the browser intact (the UI shows the message next to the named field). Internal failures are
//! logged where they happen and reach the client only as `Internal`, never with SQL or a trace.

use crate::domain::DomainError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// 422: a field broke a rule.
    #[error("{0}")]
    Invalid(DomainError),
    /// 400: the request itself is unreadable (bad JSON, missing body).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 422: the JSON body is well-formed but does not have the expected shape (serde's words).
    #[error("invalid body: {0}")]
    InvalidBody(String),
    /// 401: not signed in, or the session/token is no longer valid.
    #[error("sign-in required")]
    Unauthorized,
    /// 401: the username or password is wrong (never says which).
    #[error("wrong username or password")]
    BadCredentials,
    /// 403: signed in, but not allowed to do this.
    #[error("not allowed")]
    Forbidden,
    /// 403: a cookie-authenticated change that did not come from this site's pages.
    #[error("cross-site request refused")]
    CsrfRejected,
    /// 404: no such thing, or one the person may not know exists.
    #[error("not found")]
    NotFound,
    /// 409: the value of `field` is already taken by another record.
    #[error("{field}: already taken")]
    Duplicate { field: String },
    /// 409: someone else saved this record since it was loaded.
    #[error("this record was changed by someone else; reload and try again")]
    StaleVersion,
    /// 409: someone saved a newer revision since the one this edit started from. Says who and
    /// which revision, so the client can show the diff and keep the person's text.
    #[error("revision {current_revision} was saved by {saved_by} after the one you edited")]
    EditConflict { current_revision: i64, saved_by: String },
    /// 409: the request conflicts with the current state (e.g. first admin already exists).
    #[error("{0}")]
    Conflict(String),
    /// 429: too many attempts; try again after the given number of seconds.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: u32 },
    /// 500: something failed on our side; details are in the server log only.
    #[error("internal error")]
    Internal,
    /// The request never reached the service (network, encoding): only on the client side.
    #[error("request failed: {0}")]
    Transport(String),
}

impl AppError {
    /// The stable machine-readable code of the REST API's error object.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "invalid",
            AppError::BadRequest(_) => "bad_request",
            AppError::InvalidBody(_) => "invalid",
            AppError::Unauthorized => "unauthorized",
            AppError::BadCredentials => "bad_credentials",
            AppError::Forbidden => "forbidden",
            AppError::CsrfRejected => "csrf_rejected",
            AppError::NotFound => "not_found",
            AppError::Duplicate { .. } => "duplicate",
            AppError::StaleVersion => "stale_version",
            AppError::EditConflict { .. } => "edit_conflict",
            AppError::Conflict(_) => "conflict",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::Internal => "internal",
            AppError::Transport(_) => "transport",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) | AppError::InvalidBody(_) => 422,
            AppError::BadRequest(_) => 400,
            AppError::Unauthorized | AppError::BadCredentials => 401,
            AppError::Forbidden | AppError::CsrfRejected => 403,
            AppError::NotFound => 404,
            AppError::Duplicate { .. } | AppError::StaleVersion | AppError::EditConflict { .. } | AppError::Conflict(_) => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// The input field the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid(e) => Some(e.field()),
            AppError::Duplicate { field } => Some(field),
            _ => None,
        }
    }

    pub fn duplicate(field: &str) -> Self {
        AppError::Duplicate { field: field.into() }
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError::Invalid(e)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => AppError::BadRequest(msg),
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl From<sqlx::Error> for AppError {
        /// A database failure is logged here, with its text, and answered as `Internal`.
        fn from(e: sqlx::Error) -> Self {
            tracing::error!(error = %e, "database error");
            AppError::Internal
        }
    }

    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            let status = http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
            let mut error = serde_json::json!({ "code": self.code(), "message": self.to_string() });
            if let Some(field) = self.field() {
                error["field"] = serde_json::Value::String(field.to_string());
            }
            if let AppError::EditConflict { current_revision, saved_by } = &self {
                error["current_revision"] = serde_json::json!(current_revision);
                error["saved_by"] = serde_json::json!(saved_by);
            }
            let mut response = (status, axum::Json(serde_json::json!({ "error": error }))).into_response();
            if let AppError::RateLimited { retry_after_secs } = self {
                if let Ok(v) = http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                    response.headers_mut().insert(http::header::RETRY_AFTER, v);
                }
            }
            response
        }
    }
}
