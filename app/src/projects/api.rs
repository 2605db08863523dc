//! Server functions for projects and their stakeholder map.

#![expect(clippy::too_many_arguments, reason = "a form posts one argument per field; the edit form simply has eight")]

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "projects/list")]
pub async fn list_projects() -> Result<Vec<ProjectListItem>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_projects(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/detail")]
pub async fn get_project_detail(id: String) -> Result<ProjectDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::project_detail(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/create")]
pub async fn create_project(
    name: String,
    code: String,
    goal: String,
    lead_department_id: String,
    kickoff_on: String,
    target_launch_on: String,
    visibility: String,
) -> Result<ProjectDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let input = ProjectInput { name, code, goal, lead_department_id, kickoff_on, target_launch_on, visibility };
    crate::auth::answer(super::service::create_project(&state, &user, input).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/update")]
pub async fn update_project(
    id: String,
    version: i64,
    name: String,
    code: String,
    goal: String,
    lead_department_id: String,
    kickoff_on: String,
    target_launch_on: String,
    visibility: String,
) -> Result<ProjectDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let patch = ProjectPatch {
        name: Some(name),
        code: Some(code),
        goal: Some(goal),
        lead_department_id: Some(lead_department_id),
        kickoff_on: Some(kickoff_on),
        target_launch_on: Some(target_launch_on),
        visibility: Some(visibility),
        version: Some(version),
    };
    crate::auth::answer(super::service::update_project(&state, &user, &id, patch).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/add-stakeholder")]
pub async fn add_stakeholder(project_id: String, department_id: String, role: String) -> Result<StakeholderDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let input = StakeholderInput { department_id, role, upstream_of: vec![] };
    crate::auth::answer(super::service::add_stakeholder(&state, &user, &project_id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/remove-stakeholder")]
pub async fn remove_stakeholder(project_id: String, department_id: String) -> Result<(), AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::remove_stakeholder(&state, &user, &project_id, &department_id).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/add-link")]
pub async fn add_link(
    project_id: String,
    upstream_department_id: String,
    downstream_department_id: String,
) -> Result<Vec<LinkDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let link = LinkDto { upstream_department_id, downstream_department_id };
    crate::auth::answer(super::service::add_link(&state, &user, &project_id, link).await)
}

#[server(prefix = "/_sfn", endpoint = "projects/remove-link")]
pub async fn remove_link(
    project_id: String,
    upstream_department_id: String,
    downstream_department_id: String,
) -> Result<Vec<LinkDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let link = LinkDto { upstream_department_id, downstream_department_id };
    crate::auth::answer(super::service::remove_link(&state, &user, &project_id, link).await)
}
