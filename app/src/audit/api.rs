//! Server function for the project's audit page: the same service as `GET /api/v1/audit`.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "audit/list")]
pub async fn list_audit_entries(project_id: String, before: Option<i64>) -> Result<Vec<AuditEntryDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let query = AuditListQuery { project: project_id, before, limit: None };
    crate::auth::answer(super::service::list(&state, &user, query).await)
}
