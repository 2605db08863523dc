//! Request-wide layers of our own: refuse addresses holding control characters, authenticate once
//! per request, refuse cross-site state changes made with the session cookie, and put the security
//! headers on every response.

use app::auth::{self, AuthMethod, Authenticated};
use app::domain::error::DomainError;
use app::domain::text::{control_character_in_pairs, is_forbidden_control};
use app::error::AppError;
use app::state::{AppState, RuntimeConfig};
use app::ui::return_to;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Paths that never need to know who is asking (static files).
fn is_static(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg" || path == "/favicon.ico" || path == "/healthz"
}

/// Headers every response carries: no MIME sniffing, no framing by other sites (clickjacking),
/// no full address in the `Referer` sent elsewhere, and — unless the response chose its own
/// caching (static files do) — `no-store`, so API answers and signed-in pages are never kept by a
/// shared or back-button cache.
pub async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if state.config.secure_cookies {
        // Served over https (that is what secure cookies say): browsers keep to https for a year.
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("frame-ancestors 'none'"));
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Refuses an address whose path or query, once percent-decoded, holds a control character (a
/// NUL byte in an id, an escape in a search): 400 for the path, 422 naming the query parameter,
/// before anything looks it up. PostgreSQL cannot even compare text with a NUL in it.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let decoded_path = percent_encoding::percent_decode_str(uri.path()).decode_utf8_lossy();
    if decoded_path.chars().any(is_forbidden_control) {
        return AppError::BadRequest("the address contains a control character".into()).into_response();
    }
    let query = uri.query().unwrap_or_default().as_bytes();
    if let Some(field) = control_character_in_pairs(form_urlencoded::parse(query)) {
        return AppError::Invalid(DomainError::ControlCharacter { field }).into_response();
    }
    next.run(request).await
}

/// Finds the person behind the request (bearer token or session cookie) and stores the result in
/// the request's extensions for handlers, server functions and the page renderer.
pub async fn authenticate(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if is_static(request.uri().path()) {
        return next.run(request).await;
    }
    match auth::authenticate_with_unread(&state, request.headers()).await {
        Ok((found, unread)) => {
            request.extensions_mut().insert(Authenticated(found));
            if let Some(unread) = unread {
                request.extensions_mut().insert(unread);
            }
            next.run(request).await
        }
        Err(e) => e.into_response(),
    }
}

/// Sends people to the right page before anything renders: everyone to `/setup` while no
/// administrator exists, visitors to `/login?next=<where they were going>`, signed-in people away
/// from `/login` (to that address) and `/setup`.
/// The pages' own guards do the same after client-side navigation; answering here first spares a
/// render, and avoids a Leptos redirect from inside a streamed page (whose body could be left
/// unfinished).
pub async fn page_redirects(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // The page router also carries the server functions; those answer for themselves.
    if request.method() != Method::GET || path.starts_with("/_sfn/") {
        return next.run(request).await;
    }
    let signed_in = matches!(request.extensions().get::<Authenticated>(), Some(Authenticated(Some(_))));
    let needs_setup = match app::accounts::service::needs_setup(&state).await {
        Ok(needed) => needed,
        Err(e) => return e.into_response(),
    };
    let here = request.uri().path_and_query().map_or(path, |pq| pq.as_str());
    let query = request.uri().query().unwrap_or_default();
    let target = match (needs_setup, path, signed_in) {
        (true, "/setup", _) => None,
        (true, _, _) => Some("/setup".to_string()),
        (false, "/setup", _) => Some("/".to_string()),
        (false, "/login", true) => Some(return_to::after_sign_in(query)),
        (false, "/login", false) => None,
        (false, _, false) => Some(return_to::login_address(here)),
        (false, _, true) => None,
    };
    match target {
        Some(location) => match HeaderValue::from_str(&location) {
            Ok(location) => (axum::http::StatusCode::FOUND, [(header::LOCATION, location)]).into_response(),
            Err(_) => (axum::http::StatusCode::FOUND, [(header::LOCATION, HeaderValue::from_static("/login"))]).into_response(),
        },
        None => next.run(request).await,
    }
}

/// CSRF protection by origin: a state-changing request that rides on the session cookie must come
/// from one of our own pages (its `Origin`, or failing that `Referer`, names this host). Requests
/// authenticated by a bearer token are exempt: browsers never attach those by themselves.
pub async fn same_origin_for_cookie_writes(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let by_token = matches!(request.extensions().get::<Authenticated>(), Some(Authenticated(Some((_, AuthMethod::Token)))));
    if safe || by_token {
        return next.run(request).await;
    }
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .map(|origin| authority_of(origin).to_string());
    let has_session = [false, true].into_iter().any(|secure| {
        let name = RuntimeConfig { secure_cookies: secure, ..RuntimeConfig::default() }.session_cookie_name();
        auth::cookie(headers, name).is_some()
    });
    let allowed = match claimed {
        Some(authority) => !host.is_empty() && authority.eq_ignore_ascii_case(host),
        // No Origin/Referer at all: fine for a script signing in, not for a cookie-borne change.
        None => !has_session,
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "refused a cross-site request");
        AppError::CsrfRejected.into_response()
    }
}

/// `https://host:port/path` → `host:port`
fn authority_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::authority_of;

    #[test]
    fn the_authority_is_the_host_and_port_of_an_origin_or_referer() {
        assert_eq!(authority_of("http://127.0.0.1:3000"), "127.0.0.1:3000");
        assert_eq!(authority_of("https://concord.example/projects/1?x=1"), "concord.example");
        assert_eq!(authority_of("null"), "null");
    }
}
