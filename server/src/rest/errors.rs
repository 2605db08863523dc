//! Every error of the REST API in its JSON format, also those answered before a handler runs: a
//! path parameter that does not parse (`/calendar/years/abc`), a method the path does not have,
//! a body of an unsupported type. axum answers those in plain text (or with no body); this layer
//! rewrites them as `{"error": {"code", "message"}}` with the same status and headers.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// How much of a plain-text error is read to become the message (axum's are one line).
const MESSAGE_LIMIT: usize = 4 * 1024;

/// Passes JSON answers and successes through; turns any other error answer into the JSON format.
pub async fn as_json(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json =
        response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = match axum::body::to_bytes(body, MESSAGE_LIMIT).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_string(),
        Err(_) => String::new(),
    };
    let message = if text.is_empty() || status.is_server_error() { status.canonical_reason().unwrap_or("error").to_string() } else { text };
    let json = serde_json::json!({ "error": { "code": code_of(status), "message": message } });
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(json.to_string()))
}

/// The codes the API's own errors use for the same statuses (see `AppError::code`).
fn code_of(status: StatusCode) -> &'static str {
    match status {
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid",
        StatusCode::TOO_MANY_REQUESTS => "rate_limited",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    }
}
