//! Server functions for departments and people: thin doors onto [`super::service`].

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "departments/list")]
pub async fn list_departments() -> Result<Vec<DepartmentDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_departments(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "departments/create")]
pub async fn create_department(code: String, name_zh: String, name_en: String) -> Result<DepartmentDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::create_department(&state, &user, DepartmentInput { code, name_zh, name_en }).await)
}

#[server(prefix = "/_sfn", endpoint = "departments/update")]
pub async fn update_department(
    id: String,
    code: String,
    name_zh: String,
    name_en: String,
    version: Option<i64>,
) -> Result<DepartmentDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let patch = DepartmentPatch { code: Some(code), name_zh: Some(name_zh), name_en: Some(name_en), version };
    crate::auth::answer(super::service::update_department(&state, &user, &id, patch).await)
}

#[server(prefix = "/_sfn", endpoint = "people/list")]
pub async fn list_people() -> Result<Vec<PersonDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_people(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "people/create")]
pub async fn create_person(
    username: String,
    display_name: String,
    department_id: String,
    role: String,
    is_admin: Option<String>,
    password: String,
) -> Result<PersonDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let input = NewPerson { username, display_name, department_id, role, is_admin: is_admin.is_some(), password };
    crate::auth::answer(super::service::create_person(&state, &user, input).await)
}

#[server(prefix = "/_sfn", endpoint = "people/update")]
pub async fn update_person(
    id: String,
    display_name: String,
    department_id: String,
    role: String,
    is_admin: Option<String>,
    version: Option<i64>,
) -> Result<PersonDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let patch = PersonPatch {
        display_name: Some(display_name),
        department_id: Some(department_id),
        role: Some(role),
        is_admin: Some(is_admin.is_some()),
        password: None,
        version,
    };
    crate::auth::answer(super::service::update_person(&state, &user, &id, patch).await)
}

#[server(prefix = "/_sfn", endpoint = "people/reset-password")]
pub async fn reset_password(id: String, password: String, version: Option<i64>) -> Result<PersonDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let patch = PersonPatch { password: Some(password), version, ..Default::default() };
    crate::auth::answer(super::service::update_person(&state, &user, &id, patch).await)
}
