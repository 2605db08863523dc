//! Who is signed in, loaded once per page, and the guard that sends visitors to sign-in (or to the
//! one-time set-up while no administrator exists).

use crate::accounts::api::get_session;
use crate::accounts::dto::SessionInfo;
use crate::auth::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[derive(Clone, Copy)]
pub struct SessionResource(pub Resource<Result<SessionInfo, AppError>>);

pub fn provide_session() -> SessionResource {
    let session = SessionResource(Resource::new(|| (), |_| get_session()));
    provide_context(session);
    session
}

pub fn use_session() -> SessionResource {
    expect_context::<SessionResource>()
}

impl SessionResource {
    /// The signed-in person, once loaded.
    pub fn user(&self) -> Option<CurrentUser> {
        self.0.get().and_then(|r| r.ok()).and_then(|s| s.user)
    }
}

/// Renders `children` with the signed-in person in context; otherwise redirects.
#[component]
pub fn RequireLogin(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.0.await {
                    Ok(SessionInfo { needs_setup: true, .. }) => view! { <Redirect path="/setup"/> }.into_any(),
                    Ok(SessionInfo { user: Some(user), .. }) => {
                        provide_context(user);
                        children.read_value()().into_any()
                    }
                    _ => view! { <Redirect path="/login"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The signed-in person inside [`RequireLogin`].
pub fn use_user() -> CurrentUser {
    expect_context::<CurrentUser>()
}
