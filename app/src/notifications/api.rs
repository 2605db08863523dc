//! Server functions for the inbox and the header's badge. Each calls the same service as the REST
//! API, for the signed-in person's own notifications only.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "notifications/list")]
pub async fn list_notifications(unread_only: bool) -> Result<Vec<NotificationDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let query = NotificationListQuery { unread_only: Some(unread_only), limit: None };
    crate::auth::answer(super::service::list(&state, &user, query).await)
}

/// The header's unread count; `None` for visitors. Unlike the others it does not answer 401 to
/// visitors: the header asks on every page, sign-in page included, and its answer must not turn
/// that page's status into an error.
#[server(prefix = "/_sfn", endpoint = "notifications/badge")]
pub async fn inbox_badge() -> Result<Option<i64>, AppError> {
    let Some(user) = crate::auth::current_user().await? else { return Ok(None) };
    let (state, parts) = crate::auth::server_context()?;
    // Counted with this request's session lookup, a moment ago: no second query.
    if let Some(crate::auth::UnreadWhenAuthenticated(unread)) = parts.extensions.get().copied() {
        return Ok(Some(unread));
    }
    Ok(Some(super::service::unread_count(&state, &user).await?.unread))
}

#[server(prefix = "/_sfn", endpoint = "notifications/read")]
pub async fn mark_notification_read(id: String) -> Result<UnreadCount, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::mark_read(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "notifications/read-all")]
pub async fn mark_all_notifications_read() -> Result<UnreadCount, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::mark_all_read(&state, &user).await)
}
