//! In front of every server function (`/_sfn/…`, whichever route serves it: Leptos registers
//! each function's own path beside the pages, and `/_sfn/{*name}` catches the rest): the body is
//! read with the same 2 MiB limit as the REST API's JSON (413 beyond it, before anything is
//! decoded), an argument holding a control character is refused (422 naming it) before any
//! server function runs, and an error answers with its own status — a body that cannot be decoded is 400,
//! a rule broken 422, a conflict 409 — instead of the 500 Leptos gives every error. The error
//! body stays the server-function encoding the browser decodes (any 4xx or 5xx is read the same).

use app::domain::error::DomainError;
use app::domain::text::{control_character_at, control_character_in_pairs};
use app::error::AppError;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;
use leptos_axum::handle_server_fns_with_context;

/// The largest error body read back to find its status (errors are a few hundred bytes).
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// The largest body a server function takes, as `Json` on the REST routes (axum's default).
const BODY_MAX: usize = 2 * 1024 * 1024;
/// The server functions that sign in, which take [`app::auth::SIGN_IN_BODY_MAX`] at most.
const SIGN_IN_FUNCTIONS: &[&str] = &["/_sfn/login", "/_sfn/setup"];

/// The catch-all route of server functions (the layer below guards it like the others).
pub async fn handle(State(state): State<AppState>, request: Request) -> Response {
    handle_server_fns_with_context(move || provide_context(state.clone()), request).await.into_response()
}

/// The layer over the whole router that guards every `/_sfn/` request (see the module docs).
pub async fn guard(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/_sfn/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    // The same limits as the REST routes: 2 MiB (axum's default for `Json`), 16 KiB to sign in.
    let limit = if SIGN_IN_FUNCTIONS.contains(&parts.uri.path()) { app::auth::SIGN_IN_BODY_MAX } else { BODY_MAX };
    let body = match http_body_util::BodyExt::collect(http_body_util::Limited::new(body, limit)).await {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => return error_response(parts.uri.path(), AppError::PayloadTooLarge),
        Err(e) => return error_response(parts.uri.path(), AppError::BadRequest(format!("reading the body: {e}"))),
    };
    if let Some(field) = control_character_in(&parts.headers, &body) {
        return error_response(parts.uri.path(), AppError::Invalid(DomainError::ControlCharacter { field }));
    }
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    with_the_errors_status(response).await
}

/// The field of the first argument holding a control character, in a JSON or form body (the
/// two encodings our server functions take); see [`control_character_at`].
fn control_character_in(headers: &HeaderMap, body: &[u8]) -> Option<String> {
    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if content_type.starts_with("application/json") {
        serde_json::from_slice::<serde_json::Value>(body).ok().as_ref().and_then(control_character_at)
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        control_character_in_pairs(form_urlencoded::parse(body))
    } else {
        None
    }
}

/// `error` as a server function answers it: its status, and the encoding the browser decodes.
fn error_response(path: &str, error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&error).unwrap_or_default();
    let mut response = (status, [(CONTENT_TYPE, "application/json")], body).into_response();
    if let Ok(path) = HeaderValue::from_str(path) {
        response.headers_mut().insert(SERVER_FN_ERROR_HEADER, path);
    }
    response
}

/// Leptos answers every server-function error with 500; this gives it the status of the
/// [`AppError`] it carries (and leaves a body it cannot read as it is, a 500).
async fn with_the_errors_status(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, parts.headers).into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}
