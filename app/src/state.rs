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
#[derive(Debug, Clone, Default)]
pub struct RuntimeConfig {
    /// Demo mode: the login page lists the demo accounts and their shared password.
    pub demo: bool,
    /// Mark cookies `Secure` (set when Concord is served over https).
    pub secure_cookies: bool,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
