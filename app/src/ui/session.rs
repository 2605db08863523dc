//! Who is signed in, and the guard that sends visitors to sign-in (or to the one-time set-up while
//! no administrator exists).
//!
//! The server knows the person before the page renders (a middleware authenticated the request),
//! so the session is a plain value, not a resource: the server computes it and writes it into the
//! page, and the browser reads it back while hydrating. Signing in and out load a new page, so it
//! never changes while a page lives. Being synchronous, [`RequireLogin`] needs no `<Suspense>`:
//! on the server Leptos walks a suspense's children twice before rendering them, and a guard
//! there built every page three times, fetching (and shipping) the page's data three times.

use crate::auth::CurrentUser;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use serde::{Deserialize, Serialize};

/// The session as a page sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub user: Option<CurrentUser>,
    /// True until the first administrator exists: every page then leads to the set-up form.
    pub needs_setup: bool,
    /// The person's unread notifications when the page was rendered (0 for visitors): the header's
    /// badge starts from it and asks again only after a navigation or a change.
    pub unread: i64,
    /// The server runs the demo (`serve --demo`): pages that show dates explain the demo's two
    /// clocks (its story's days on the records, the load time in the audit log).
    pub demo: bool,
}

/// Puts the request's session in context (once, at the top of the app).
pub fn provide_session() -> Session {
    let session = SharedValue::new(session_of_request).into_inner();
    provide_context(session.clone());
    session
}

/// On the server: the person the middleware found, and whether set-up is still needed (known
/// before rendering: the page redirect layer and the not-found handler ask first).
#[cfg(feature = "ssr")]
fn session_of_request() -> Session {
    use std::sync::atomic::Ordering;
    let user = use_context::<http::request::Parts>().and_then(|parts| crate::auth::Authenticated::user_of(&parts));
    let needs_setup = use_context::<crate::state::AppState>().is_none_or(|state| !state.setup_done.load(Ordering::Relaxed));
    let unread = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::auth::UnreadWhenAuthenticated>().copied())
        .map_or(0, |crate::auth::UnreadWhenAuthenticated(n)| n);
    let demo = use_context::<crate::state::AppState>().is_some_and(|state| state.config.demo);
    Session { user, needs_setup, unread, demo }
}

/// In the browser the value comes from the page; this is only its fallback.
#[cfg(not(feature = "ssr"))]
fn session_of_request() -> Session {
    Session::default()
}

pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_default()
}

/// Renders `children` with the signed-in person in context; otherwise redirects (a visitor to
/// the sign-in page, which returns here afterwards).
#[component]
pub fn RequireLogin(children: Children) -> impl IntoView {
    let session = use_session();
    match session {
        Session { needs_setup: true, .. } => view! { <Redirect path="/setup"/> }.into_any(),
        Session { user: Some(user), .. } => {
            provide_context(user);
            children().into_any()
        }
        _ => {
            let location = leptos_router::hooks::use_location();
            let (path, query) = (location.pathname.get_untracked(), location.search.get_untracked());
            let here = if query.is_empty() { path } else { format!("{path}?{query}") };
            view! { <Redirect path=super::return_to::login_address(&here)/> }.into_any()
        }
    }
}

/// The signed-in person inside [`RequireLogin`].
pub fn use_user() -> CurrentUser {
    expect_context::<CurrentUser>()
}
