//! Server functions for change requests, leaders' decisions and the project's schedule tab. Each
//! calls the same service as the REST API.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "change-requests/get")]
pub async fn get_change_request(id: String) -> Result<ChangeRequestDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::get_request(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "change-requests/decide")]
pub async fn decide_change_request(id: String, decision: String, comment: String) -> Result<ChangeRequestDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::decide(&state, &user, &id, DecisionInput { decision, comment }).await)
}

#[server(prefix = "/_sfn", endpoint = "change-requests/withdraw")]
pub async fn withdraw_change_request(id: String) -> Result<ChangeRequestDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::withdraw(&state, &user, &id).await)
}

/// Pending requests that wait for the signed-in leader's decision.
#[server(prefix = "/_sfn", endpoint = "change-requests/mine")]
pub async fn my_decisions() -> Result<Vec<ChangeRequestSummary>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::waiting_for(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/schedule")]
pub async fn get_project_schedule(project_id: String) -> Result<ProjectSchedule, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::project_schedule(&state, &user, &project_id).await)
}
