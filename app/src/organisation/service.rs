//! Department and people services: the rules behind both the UI and the REST API.

use super::dto::*;
use crate::auth::{self, CurrentUser};
use crate::db::{self, departments::DepartmentRow, users::UserRow};
use crate::domain::people::JobRole;
use crate::domain::permissions::can_manage_organisation;
use crate::domain::text::{DepartmentCode, Name, Password, Username};
use crate::error::{AppError, Conflict};
use crate::state::AppState;

pub fn department_dto(row: DepartmentRow) -> DepartmentDto {
    DepartmentDto { id: row.department_id, code: row.code, name_zh: row.name_zh, name_en: row.name_en, version: row.version }
}

pub fn person_dto(row: UserRow) -> PersonDto {
    PersonDto {
        role: row.job_role,
        is_admin: row.is_admin == 1,
        id: row.user_id,
        username: row.username,
        display_name: row.display_name,
        department_id: row.department_id,
        version: row.version,
    }
}

fn require_admin(user: &CurrentUser) -> Result<(), AppError> {
    if can_manage_organisation(&user.actor()) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Every signed-in person may see the organisation (to know who is who on a project).
#[tracing::instrument(skip_all)]
pub async fn list_departments(state: &AppState, _user: &CurrentUser) -> Result<Vec<DepartmentDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(db::departments::list(&mut conn).await?.into_iter().map(department_dto).collect())
}

pub async fn get_department(state: &AppState, _user: &CurrentUser, id: &str) -> Result<DepartmentDto, AppError> {
    let mut conn = state.db.acquire().await?;
    db::departments::find(&mut conn, id).await?.map(department_dto).ok_or(AppError::NotFound)
}

struct ValidDepartment {
    code: DepartmentCode,
    name_zh: Name,
    name_en: Name,
}

fn parse_department(input: &DepartmentInput) -> Result<ValidDepartment, AppError> {
    Ok(ValidDepartment {
        code: DepartmentCode::parse(&input.code)?,
        name_zh: Name::parse(&input.name_zh, "name_zh")?,
        name_en: Name::parse(&input.name_en, "name_en")?,
    })
}

/// Inserts a department inside the caller's transaction, refusing a taken code or name.
pub async fn insert_department(conn: &mut db::Conn, input: &DepartmentInput) -> Result<DepartmentRow, AppError> {
    let valid = parse_department(input)?;
    if let Some(field) = db::departments::taken_field(conn, "", valid.code.as_str(), valid.name_zh.as_str(), valid.name_en.as_str()).await?
    {
        return Err(AppError::duplicate(field));
    }
    let now = db::now_ms();
    let row = DepartmentRow {
        department_id: db::new_id(),
        code: valid.code.as_str().into(),
        name_zh: valid.name_zh.into_inner(),
        name_en: valid.name_en.into_inner(),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    db::departments::insert(conn, &row).await?;
    Ok(row)
}

#[tracing::instrument(skip_all)]
pub async fn create_department(state: &AppState, user: &CurrentUser, input: DepartmentInput) -> Result<DepartmentDto, AppError> {
    require_admin(user)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let row = insert_department(&mut tx, &input).await?;
    tx.commit().await?;
    Ok(department_dto(row))
}

#[tracing::instrument(skip_all, fields(department_id = %id))]
pub async fn update_department(state: &AppState, user: &CurrentUser, id: &str, patch: DepartmentPatch) -> Result<DepartmentDto, AppError> {
    require_admin(user)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let current = db::departments::find(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let merged = DepartmentInput {
        code: patch.code.unwrap_or(current.code.clone()),
        name_zh: patch.name_zh.unwrap_or(current.name_zh.clone()),
        name_en: patch.name_en.unwrap_or(current.name_en.clone()),
    };
    let valid = parse_department(&merged)?;
    if let Some(field) =
        db::departments::taken_field(&mut tx, id, valid.code.as_str(), valid.name_zh.as_str(), valid.name_en.as_str()).await?
    {
        return Err(AppError::duplicate(field));
    }
    AppError::require_current_version(patch.version, current.version)?;
    let row = DepartmentRow {
        code: valid.code.as_str().into(),
        name_zh: valid.name_zh.into_inner(),
        name_en: valid.name_en.into_inner(),
        updated_at: db::now_ms(),
        version: current.version + 1,
        ..current
    };
    if !db::departments::update_if_version(&mut tx, &row).await? {
        return Err(AppError::StaleVersion);
    }
    tx.commit().await?;
    Ok(department_dto(row))
}

#[tracing::instrument(skip_all)]
pub async fn list_people(state: &AppState, _user: &CurrentUser) -> Result<Vec<PersonDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(db::users::list(&mut conn).await?.into_iter().map(person_dto).collect())
}

pub async fn get_person(state: &AppState, _user: &CurrentUser, id: &str) -> Result<PersonDto, AppError> {
    let mut conn = state.db.acquire().await?;
    db::users::find(&mut conn, id).await?.map(person_dto).ok_or(AppError::NotFound)
}

/// Inserts a person inside the caller's transaction (used by the admin form, the first-admin
/// set-up and the CLI).
pub async fn insert_person(conn: &mut db::Conn, input: &NewPerson) -> Result<UserRow, AppError> {
    let password = Password::parse(&input.password, "password")?;
    insert_person_with_hash(conn, input, &auth::hash_password(password.expose())?).await
}

/// Like [`insert_person`] with the password already hashed (the demo's accounts share one
/// password, so it is hashed once, not thirteen times).
pub async fn insert_person_with_hash(conn: &mut db::Conn, input: &NewPerson, password_hash: &str) -> Result<UserRow, AppError> {
    let username = Username::parse(&input.username)?;
    let display_name = Name::parse(&input.display_name, "display_name")?;
    if input.department_id.trim().is_empty() {
        return Err(crate::domain::DomainError::Empty { field: "department_id".into() }.into());
    }
    let role = JobRole::parse(&input.role)?;
    if db::departments::find(conn, &input.department_id).await?.is_none() {
        return Err(crate::domain::DomainError::NotAllowed { field: "department_id".into() }.into());
    }
    if db::users::find_by_username(conn, username.as_str()).await?.is_some() {
        return Err(AppError::duplicate("username"));
    }
    let now = db::now_ms();
    let row = UserRow {
        user_id: db::new_id(),
        username: username.as_str().into(),
        display_name: display_name.into_inner(),
        department_id: input.department_id.clone(),
        job_role: role,
        is_admin: input.is_admin as i64,
        password_hash: password_hash.to_string(),
        locale: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    db::users::insert(conn, &row).await?;
    Ok(row)
}

#[tracing::instrument(skip_all)]
pub async fn create_person(state: &AppState, user: &CurrentUser, input: NewPerson) -> Result<PersonDto, AppError> {
    require_admin(user)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let row = insert_person(&mut tx, &input).await?;
    tx.commit().await?;
    Ok(person_dto(row))
}

#[tracing::instrument(skip_all, fields(person_id = %id))]
pub async fn update_person(state: &AppState, user: &CurrentUser, id: &str, patch: PersonPatch) -> Result<PersonDto, AppError> {
    require_admin(user)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    if patch.is_admin.is_some() {
        // Two admins demoting each other at once must not both count the other as remaining.
        db::locks::serialise(&mut tx, db::locks::Serialised::Administrators).await?;
    }
    let current = db::users::find(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let mut row = current.clone();
    if let Some(name) = &patch.display_name {
        row.display_name = Name::parse(name, "display_name")?.into_inner();
    }
    if let Some(department_id) = &patch.department_id {
        if db::departments::find(&mut tx, department_id).await?.is_none() {
            return Err(crate::domain::DomainError::NotAllowed { field: "department_id".into() }.into());
        }
        row.department_id = department_id.clone();
    }
    if let Some(role) = &patch.role {
        row.job_role = JobRole::parse(role)?;
    }
    if let Some(is_admin) = patch.is_admin {
        if current.is_admin == 1 && !is_admin && db::users::count_admins(&mut tx).await? <= 1 {
            return Err(Conflict::LastAdmin.into());
        }
        row.is_admin = is_admin as i64;
    }
    let new_password = patch.password.as_deref().map(|p| Password::parse(p, "password")).transpose()?;
    AppError::require_current_version(patch.version, current.version)?;
    row.updated_at = db::now_ms();
    row.version = current.version + 1;
    if !db::users::update_profile_if_version(&mut tx, &row).await? {
        return Err(AppError::StaleVersion);
    }
    if let Some(password) = new_password {
        db::users::set_password_hash(&mut tx, id, &auth::hash_password(password.expose())?, row.updated_at).await?;
        // A reset usually means the account was at risk: end its sessions and its tokens.
        db::sessions::delete_for_user(&mut tx, id).await?;
        db::tokens::revoke_all_for_user(&mut tx, id, row.updated_at).await?;
    }
    tx.commit().await?;
    Ok(person_dto(row))
}
