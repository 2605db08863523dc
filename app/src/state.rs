//! The server's shared state (server only), handed to axum handlers and, as Leptos context, to
//! server functions.

use crate::auth::limiter::LoginLimiter;
use crate::db::{Db, DbKind};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub db_kind: DbKind,
    pub config: Arc<RuntimeConfig>,
    pub login_limiter: Arc<LoginLimiter>,
    pub leptos_options: LeptosOptions,
    /// Set once an administrator exists; it never goes back (the last admin cannot be demoted),
    /// so pages stop asking the database.
    pub setup_done: Arc<std::sync::atomic::AtomicBool>,
}

/// Settings that change behaviour at run time (read once from flags and environment).
#[derive(Debug, Clone)]
pub struct RuntimeConfig {
    /// Demo mode: the login page lists the demo accounts and their shared password.
    pub demo: bool,
    /// Mark cookies `Secure` (set when Concord is served over https): the session cookie is then
    /// named `__Host-concord_session` (the browser refuses it from anything but this host over
    /// https) and responses carry `Strict-Transport-Security`.
    pub secure_cookies: bool,
    /// A session that has not been used for this long is signed out (the 14-day lifetime still
    /// ends it earlier or later, whichever comes first).
    pub session_idle_minutes: u32,
    /// Behind a reverse proxy: the request header in which the proxy names the client's address
    /// (`x-forwarded-for`, `x-real-ip`, lower case). Failed sign-ins are counted per that address
    /// instead of the proxy's own. Only set it when the proxy overwrites (or appends to) that
    /// header, or any client could name any address.
    pub client_address_header: Option<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            demo: false,
            secure_cookies: false,
            session_idle_minutes: Self::DEFAULT_SESSION_IDLE_MINUTES,
            client_address_header: None,
        }
    }
}

impl RuntimeConfig {
    /// Thirty minutes without a request signs a browser out.
    pub const DEFAULT_SESSION_IDLE_MINUTES: u32 = 30;

    /// The session cookie's name: with the `__Host-` prefix when cookies are `Secure`.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-concord_session"
        } else {
            "concord_session"
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
