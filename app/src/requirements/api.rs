//! Server functions for requirements. Lists of scenarios and change points do not fit a flat
//! form, so the editing functions take JSON bodies.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/_sfn", endpoint = "requirements/list", input = Json)]
pub async fn list_requirements(project_id: String, query: RequirementListQuery) -> Result<RequirementPage, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_requirements(&state, &user, &project_id, query).await)
}

/// What the editor offers: the project's stakeholder departments (for change points) and the PMs
/// who may own a requirement.
#[server(prefix = "/_sfn", endpoint = "requirements/form-options")]
pub async fn form_options(project_id: String) -> Result<RequirementFormOptions, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::form_options(&state, &user, &project_id).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/get")]
pub async fn get_requirement(id: String) -> Result<RequirementDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::get_requirement(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/create", input = Json)]
pub async fn create_requirement(project_id: String, input: RequirementInput) -> Result<RequirementDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::create_requirement(&state, &user, &project_id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/update", input = Json)]
pub async fn update_requirement(id: String, patch: RequirementPatch) -> Result<RequirementDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::update_requirement(&state, &user, &id, patch, None).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/transition")]
pub async fn transition_requirement(id: String, to: String, reason: String, revision: i64) -> Result<RequirementDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::transition(&state, &user, &id, TransitionInput { to, reason, revision: Some(revision) }).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/revisions")]
pub async fn list_revisions(id: String) -> Result<Vec<RevisionSummary>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_revisions(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/diff")]
pub async fn diff_revisions(id: String, from: i64, to: i64) -> Result<DiffDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::diff(&state, &user, &id, from, to).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/comments")]
pub async fn list_comments(id: String) -> Result<Vec<CommentDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_comments(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "requirements/add-comment")]
pub async fn add_comment(id: String, body: String, parent_id: Option<String>) -> Result<CommentDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::add_comment(&state, &user, &id, CommentInput { body, parent_id }).await)
}
