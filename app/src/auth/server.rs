//! Server-side authentication: argon2id passwords, database sessions behind an HttpOnly cookie,
//! hashed personal access tokens, and `require_user` for server functions.

use super::CurrentUser;
use crate::db::{self, users::UserRow};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::AppState;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use http::HeaderMap;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const LOCALE_COOKIE: &str = "concord_lang";
pub const SESSION_DAYS: i64 = 14;
/// Signing in (and setting up the first administrator) takes a few short fields: a body past this
/// is refused (413) before it is held in memory, so a flood of oversized sign-ins costs next to
/// nothing. Other bodies may be up to 2 MiB.
pub const SIGN_IN_BODY_MAX: usize = 16 * 1024;
/// A session's use is written down at most once a minute: the idle timeout needs no finer grain,
/// and a page's dozen requests then cost one write, not twelve.
const SESSION_SEEN_EVERY_MS: i64 = 60_000;
/// Prefix that makes a leaked token easy to recognise (and to search for in logs and repos).
pub const TOKEN_PREFIX: &str = "cct_";

/// Hashes a password with argon2id (the crate's default parameters: 19 MiB, 2 passes).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| {
        tracing::error!(error = %e, "hashing a password");
        AppError::Internal
    })
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash to verify against when the username is unknown, so both cases take the same time.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("not a real password").unwrap_or_default())
}

/// 32 random bytes as hex: session cookies and access tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// What the authentication middleware found, stored in the request's extensions so a request is
/// authenticated once however many server functions it runs.
#[derive(Debug, Clone)]
pub struct Authenticated(pub Option<(CurrentUser, AuthMethod)>);

impl Authenticated {
    /// The person the middleware found in a request's parts, if any.
    pub fn user_of(parts: &http::request::Parts) -> Option<CurrentUser> {
        parts.extensions.get::<Authenticated>().and_then(|a| a.0.as_ref().map(|(u, _)| u.clone()))
    }
}

/// The person's unread notifications as counted when their session was looked up (cookie
/// requests only), kept beside [`Authenticated`] so the header's badge costs no query of its own.
#[derive(Debug, Clone, Copy)]
pub struct UnreadWhenAuthenticated(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    /// The browser's session cookie: state changes need a same-origin check.
    Session,
    /// `Authorization: Bearer` with a personal access token: not sent by browsers on their own.
    Token,
}

pub fn user_from_row(row: UserRow) -> CurrentUser {
    CurrentUser {
        id: row.user_id,
        username: row.username,
        display_name: row.display_name,
        department_id: row.department_id,
        role: row.job_role,
        is_admin: row.is_admin == 1,
        locale: row.locale.as_deref().and_then(Locale::from_tag),
    }
}

/// Reads a cookie's value from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(http::header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

/// Finds the person behind a request: a bearer token first, else the session cookie.
/// A present but unknown/revoked token is an error (scripts should hear about it), a stale cookie
/// is simply "not signed in".
pub async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Option<(CurrentUser, AuthMethod)>, AppError> {
    Ok(authenticate_with_unread(state, headers).await?.0)
}

/// [`authenticate`], with the unread count a session lookup brings along (none for tokens).
pub async fn authenticate_with_unread(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(Option<(CurrentUser, AuthMethod)>, Option<UnreadWhenAuthenticated>), AppError> {
    let mut conn = state.db.acquire().await?;
    let now = db::now_ms();
    if let Some(token) = bearer(headers) {
        let Some(user_id) = db::tokens::user_of(&mut conn, &sha256_hex(token), now).await? else {
            return Err(AppError::Unauthorized);
        };
        let user = db::users::find(&mut conn, &user_id).await?.map(|row| (user_from_row(row), AuthMethod::Token));
        return Ok((user, None));
    }
    let Some(token) = cookie(headers, state.config.session_cookie_name()) else { return Ok((None, None)) };
    let session_id = sha256_hex(&token);
    let idle_since = now - i64::from(state.config.session_idle_minutes) * 60_000;
    let Some(row) = db::users::find_by_session(&mut conn, &session_id, now, idle_since).await? else { return Ok((None, None)) };
    if now - row.last_seen_at >= SESSION_SEEN_EVERY_MS {
        // Best effort: a failed stamp only brings the idle end a minute closer.
        if let Err(e) = db::sessions::seen(&mut conn, &session_id, now).await {
            tracing::warn!(error = %e, "could not record a session's use");
        }
    }
    Ok((Some((user_from_row(row.user), AuthMethod::Session)), Some(UnreadWhenAuthenticated(row.unread))))
}

/// Starts a session for `user_id`; returns the cookie token (only its hash is stored).
pub async fn start_session(state: &AppState, user_id: &str) -> Result<String, AppError> {
    let token = random_token();
    let now = db::now_ms();
    let mut conn = state.db.acquire().await?;
    db::sessions::insert(&mut conn, &sha256_hex(&token), user_id, now, now + SESSION_DAYS * 86_400_000).await?;
    Ok(token)
}

/// Ends the session named by the request's cookie, server-side.
pub async fn end_session(state: &AppState, headers: &HeaderMap) -> Result<(), AppError> {
    if let Some(token) = cookie(headers, state.config.session_cookie_name()) {
        let mut conn = state.db.acquire().await?;
        db::sessions::delete(&mut conn, &sha256_hex(&token)).await?;
    }
    Ok(())
}

/// `Set-Cookie` for a new session: HttpOnly, SameSite=Lax, Secure when configured.
pub fn session_cookie(state: &AppState, token: &str) -> String {
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    let name = state.config.session_cookie_name();
    format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}", SESSION_DAYS * 86_400)
}

pub fn clear_session_cookie(state: &AppState) -> String {
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    let name = state.config.session_cookie_name();
    format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// The language cookie for people not signed in (signed-in people's choice is stored on them).
pub fn locale_cookie(state: &AppState, locale: Locale) -> String {
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    format!("{LOCALE_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{secure}", locale.tag())
}

/// The state and request parts of the current server function call.
pub fn server_context() -> Result<(AppState, http::request::Parts), AppError> {
    let state = leptos::prelude::use_context::<AppState>().ok_or(AppError::Internal)?;
    let parts = leptos::prelude::use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
    Ok((state, parts))
}

/// The person behind the current request, if signed in.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let (state, parts) = server_context()?;
    if let Some(Authenticated(found)) = parts.extensions.get::<Authenticated>() {
        return Ok(found.as_ref().map(|(u, _)| u.clone()));
    }
    Ok(authenticate(&state, &parts.headers).await?.map(|(u, _)| u))
}

/// First line of every server function that needs a login.
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}

/// Adds a `Set-Cookie` header to the current server function's response.
pub fn set_cookie(value: &str) {
    if let (Some(options), Ok(v)) = (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(value)) {
        options.append_header(http::header::SET_COOKIE, v);
    }
}

/// The state and the signed-in person: the opening line of a server function.
pub async fn signed_in() -> Result<(AppState, CurrentUser), AppError> {
    let user = answer(require_user().await)?;
    let (state, _) = server_context()?;
    Ok((state, user))
}

/// The language of a request: the person's choice, else the language cookie, else the browser's
/// `Accept-Language`.
pub fn request_locale(parts: &http::request::Parts, user: Option<&CurrentUser>) -> Locale {
    user.and_then(|u| u.locale).or_else(|| cookie(&parts.headers, LOCALE_COOKIE).as_deref().and_then(Locale::from_tag)).unwrap_or_else(
        || {
            let header = parts.headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default();
            Locale::from_accept_language(header)
        },
    )
}

/// The caller's IP address, for the per-address limits of sign-in and signing: the address the
/// trusted proxy names in the configured header (the last one of a list, the one it appended),
/// else the connection's peer.
pub fn client_address(config: &crate::state::RuntimeConfig, parts: &http::request::Parts) -> String {
    let forwarded = config.client_address_header.as_deref().and_then(|name| {
        let value = parts.headers.get_all(name).iter().next_back()?.to_str().ok()?;
        value.rsplit(',').next()?.trim().parse::<std::net::IpAddr>().ok()
    });
    let peer = || parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    forwarded.or_else(peer).map_or_else(|| "unknown".into(), |ip| ip.to_string())
}

/// Gives a server function's error its HTTP status (server functions otherwise answer 500 for
/// every error), and passes the result through.
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        if let (Some(options), Ok(status)) =
            (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(e.status()))
        {
            options.set_status(status);
        }
    }
    result
}
