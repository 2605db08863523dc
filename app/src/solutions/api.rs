//! Server functions for solution options. Plans do not fit a flat form, so the editing functions
//! take JSON bodies. Each calls the same service as the REST API.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/_sfn", endpoint = "options/list")]
pub async fn list_options(requirement_id: String) -> Result<Vec<OptionSummary>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_options(&state, &user, &requirement_id).await)
}

/// What the option editor needs before the first save: the frame, baseline and choices.
#[server(prefix = "/_sfn", endpoint = "options/context")]
pub async fn load_plan_context(requirement_id: String) -> Result<PlanContext, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::plan_context_for(&state, &user, &requirement_id).await)
}

#[server(prefix = "/_sfn", endpoint = "options/get")]
pub async fn get_option(id: String) -> Result<OptionDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::get_option(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "options/create", input = Json)]
pub async fn create_option(requirement_id: String, input: OptionInput) -> Result<OptionDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::create_option(&state, &user, &requirement_id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "options/update", input = Json)]
pub async fn update_option(id: String, patch: OptionPatch) -> Result<OptionSaved, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::update_option(&state, &user, &id, patch).await)
}

#[server(prefix = "/_sfn", endpoint = "options/revisions")]
pub async fn list_option_revisions(id: String) -> Result<Vec<OptionRevisionSummary>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_revisions(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "options/diff")]
pub async fn diff_option(id: String, from: i64, to: i64) -> Result<OptionDiff, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::diff(&state, &user, &id, from, to).await)
}

#[server(prefix = "/_sfn", endpoint = "options/choose", input = Json)]
pub async fn choose_option(id: String, input: ChooseInput) -> Result<OptionSaved, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::choose(&state, &user, &id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "options/comments")]
pub async fn list_option_comments(id: String) -> Result<Vec<OptionCommentDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_comments(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "options/add-comment", input = Json)]
pub async fn add_option_comment(id: String, input: OptionCommentInput) -> Result<OptionCommentDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::add_comment(&state, &user, &id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "options/resolve-concern")]
pub async fn resolve_concern(comment_id: String, note: String) -> Result<OptionCommentDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::resolve_concern(&state, &user, &comment_id, ResolveInput { note }).await)
}
