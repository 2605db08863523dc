//! Project services: create and edit projects, keep their stakeholder map, and decide who may see
//! what. Called by both the server functions and the REST handlers.

use super::dto::*;
use crate::access::{load_readable, project_access};
use crate::auth::CurrentUser;
use crate::db::{self, projects::ProjectRow, projects::StakeholderRow};
use crate::domain::permissions::{can_create_project, can_edit_project, can_read_project};
use crate::domain::projects::{check_new_link, ProjectFields, StakeholderRole};
use crate::domain::requirements::{default_project_code, parse_project_code};
use crate::domain::DomainError;
use crate::error::{AppError, Conflict};
use crate::organisation::service::{department_dto, person_dto};
use crate::state::AppState;

pub fn project_dto(row: ProjectRow) -> ProjectDto {
    ProjectDto {
        visibility: row.visibility,
        id: row.project_id,
        code: row.code,
        name: row.name,
        goal: row.goal,
        lead_department_id: row.lead_department_id,
        kickoff_on: row.kickoff_on,
        target_launch_on: row.target_launch_on,
        created_by: row.created_by,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    }
}

/// Loads a project the person may edit: 404 when they may not read it, 403 when only reading.
async fn load_editable(conn: &mut db::Conn, user: &CurrentUser, project_id: &str) -> Result<(ProjectRow, Vec<StakeholderRow>), AppError> {
    let (project, stakeholders) = load_readable(conn, user, project_id).await?;
    if !can_edit_project(&user.actor(), &project_access(&project, &stakeholders)) {
        return Err(AppError::Forbidden);
    }
    Ok((project, stakeholders))
}

async fn require_department(conn: &mut db::Conn, department_id: &str, field: &str) -> Result<(), AppError> {
    if department_id.trim().is_empty() {
        return Err(DomainError::Empty { field: field.into() }.into());
    }
    if db::departments::find(conn, department_id).await?.is_none() {
        return Err(DomainError::NotAllowed { field: field.into() }.into());
    }
    Ok(())
}

#[tracing::instrument(skip_all)]
pub async fn list_projects(state: &AppState, user: &CurrentUser) -> Result<Vec<ProjectListItem>, AppError> {
    let mut conn = state.db.acquire().await?;
    let projects = db::projects::list(&mut conn).await?;
    let stakeholders = db::projects::all_stakeholders(&mut conn).await?;
    let departments = db::departments::list(&mut conn).await?;
    Ok(projects
        .into_iter()
        .filter(|p| {
            let own: Vec<StakeholderRow> = stakeholders.iter().filter(|s| s.project_id == p.project_id).cloned().collect();
            can_read_project(&user.actor(), &project_access(p, &own))
        })
        .map(|p| {
            let lead = departments.iter().find(|d| d.department_id == p.lead_department_id).cloned().map(department_dto);
            ProjectListItem { project: project_dto(p), lead }
        })
        .collect())
}

#[tracing::instrument(skip_all)]
pub async fn create_project(state: &AppState, user: &CurrentUser, input: ProjectInput) -> Result<ProjectDto, AppError> {
    if !can_create_project(&user.actor()) {
        return Err(AppError::Forbidden);
    }
    let fields = ProjectFields::parse(&input.name, &input.goal, &input.kickoff_on, &input.target_launch_on, &input.visibility)?;
    let code = match input.code.trim() {
        "" => default_project_code(fields.name.as_str()),
        raw => parse_project_code(raw)?,
    };
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    require_department(&mut tx, &input.lead_department_id, "lead_department_id").await?;
    let now = db::now_ms();
    let row = ProjectRow {
        project_id: db::new_id(),
        code,
        name: fields.name.into_inner(),
        goal: fields.goal,
        lead_department_id: input.lead_department_id.clone(),
        kickoff_on: fields.kickoff_on.to_string(),
        target_launch_on: fields.target_launch_on.to_string(),
        visibility: fields.visibility,
        created_by: user.id.clone(),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    db::projects::insert(&mut tx, &row).await?;
    let lead = StakeholderRow {
        project_id: row.project_id.clone(),
        department_id: row.lead_department_id.clone(),
        stakeholder_role: StakeholderRole::Lead,
        identified_at: now,
        identified_by: user.id.clone(),
    };
    db::projects::insert_stakeholder(&mut tx, &lead).await?;
    tx.commit().await?;
    Ok(project_dto(row))
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn get_project(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<ProjectDto, AppError> {
    let mut conn = state.db.acquire().await?;
    let (project, _) = load_readable(&mut conn, user, project_id).await?;
    Ok(project_dto(project))
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn project_detail(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<ProjectDetail, AppError> {
    let mut conn = state.db.acquire().await?;
    let project = db::projects::find(&mut conn, project_id).await?.ok_or(AppError::NotFound)?;
    let stakeholders = stakeholder_dtos(&mut conn, project_id).await?;
    let rows: Vec<StakeholderRow> = stakeholders
        .iter()
        .map(|s| StakeholderRow {
            project_id: project_id.into(),
            department_id: s.department_id.clone(),
            stakeholder_role: s.role,
            identified_at: s.identified_at,
            identified_by: s.identified_by.clone(),
        })
        .collect();
    if !can_read_project(&user.actor(), &project_access(&project, &rows)) {
        return Err(AppError::NotFound);
    }
    let can_edit = can_edit_project(&user.actor(), &project_access(&project, &rows));
    let links = link_dtos(&mut conn, project_id).await?;
    let people = db::users::list_in_departments(&mut conn, project_id).await?.into_iter().map(person_dto).collect();
    let departments = db::departments::list(&mut conn).await?.into_iter().map(department_dto).collect();
    Ok(ProjectDetail { project: project_dto(project), stakeholders, links, people, departments, can_edit })
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn update_project(state: &AppState, user: &CurrentUser, project_id: &str, patch: ProjectPatch) -> Result<ProjectDto, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let (current, _) = load_editable(&mut tx, user, project_id).await?;
    let fields = ProjectFields::parse(
        patch.name.as_deref().unwrap_or(&current.name),
        patch.goal.as_deref().unwrap_or(&current.goal),
        patch.kickoff_on.as_deref().unwrap_or(&current.kickoff_on),
        patch.target_launch_on.as_deref().unwrap_or(&current.target_launch_on),
        patch.visibility.as_deref().unwrap_or(current.visibility.as_str()),
    )?;
    let code = match patch.code.as_deref() {
        None => current.code.clone(),
        Some(raw) => parse_project_code(raw)?,
    };
    let lead = patch.lead_department_id.clone().unwrap_or(current.lead_department_id.clone());
    require_department(&mut tx, &lead, "lead_department_id").await?;
    AppError::require_current_version(patch.version, current.version)?;
    let now = db::now_ms();
    if lead != current.lead_department_id {
        change_lead(&mut tx, user, &current, &lead, now).await?;
    }
    let row = ProjectRow {
        code,
        name: fields.name.into_inner(),
        goal: fields.goal,
        lead_department_id: lead,
        kickoff_on: fields.kickoff_on.to_string(),
        target_launch_on: fields.target_launch_on.to_string(),
        visibility: fields.visibility,
        updated_at: now,
        version: current.version + 1,
        ..current
    };
    if !db::projects::update_if_version(&mut tx, &row).await? {
        return Err(AppError::StaleVersion);
    }
    tx.commit().await?;
    Ok(project_dto(row))
}

/// The old lead stays involved as a collaborator; the new lead becomes (or joins as) the lead.
async fn change_lead(conn: &mut db::Conn, user: &CurrentUser, project: &ProjectRow, new_lead: &str, now: i64) -> Result<(), AppError> {
    let pid = &project.project_id;
    db::projects::set_stakeholder_role(conn, pid, &project.lead_department_id, StakeholderRole::Collaborator.as_str()).await?;
    let existing = db::projects::stakeholders(conn, pid).await?;
    if existing.iter().any(|s| s.department_id == new_lead) {
        db::projects::set_stakeholder_role(conn, pid, new_lead, StakeholderRole::Lead.as_str()).await?;
    } else {
        let row = StakeholderRow {
            project_id: pid.clone(),
            department_id: new_lead.into(),
            stakeholder_role: StakeholderRole::Lead,
            identified_at: now,
            identified_by: user.id.clone(),
        };
        db::projects::insert_stakeholder(conn, &row).await?;
    }
    Ok(())
}

async fn stakeholder_dtos(conn: &mut db::Conn, project_id: &str) -> Result<Vec<StakeholderDto>, AppError> {
    let mut out: Vec<StakeholderDto> = db::projects::stakeholders_detailed(conn, project_id)
        .await?
        .into_iter()
        .map(|s| StakeholderDto {
            role: s.stakeholder_role,
            department_id: s.department_id,
            code: s.code,
            name_zh: s.name_zh,
            name_en: s.name_en,
            identified_at: s.identified_at,
            identified_by: s.identified_by,
            identified_by_name: s.identified_by_name,
            identified_late: s.identified_late != 0,
        })
        .collect();
    out.sort_by(|a, b| a.role.cmp(&b.role).then(a.identified_at.cmp(&b.identified_at)));
    Ok(out)
}

async fn link_dtos(conn: &mut db::Conn, project_id: &str) -> Result<Vec<LinkDto>, AppError> {
    Ok(db::projects::links(conn, project_id)
        .await?
        .into_iter()
        .map(|l| LinkDto { upstream_department_id: l.upstream_department_id, downstream_department_id: l.downstream_department_id })
        .collect())
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn list_stakeholders(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<Vec<StakeholderDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    load_readable(&mut conn, user, project_id).await?;
    stakeholder_dtos(&mut conn, project_id).await
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn add_stakeholder(
    state: &AppState,
    user: &CurrentUser,
    project_id: &str,
    input: StakeholderInput,
) -> Result<StakeholderDto, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let (_, existing) = load_editable(&mut tx, user, project_id).await?;
    require_department(&mut tx, &input.department_id, "department_id").await?;
    let role = StakeholderRole::parse(&input.role)?;
    if role == StakeholderRole::Lead {
        // The lead is the project's lead department; change it by editing the project.
        return Err(DomainError::NotAllowed { field: "role".into() }.into());
    }
    if existing.iter().any(|s| s.department_id == input.department_id) {
        return Err(AppError::duplicate("department_id"));
    }
    let now = db::now_ms();
    let row = StakeholderRow {
        project_id: project_id.into(),
        department_id: input.department_id.clone(),
        stakeholder_role: role,
        identified_at: now,
        identified_by: user.id.clone(),
    };
    db::projects::insert_stakeholder(&mut tx, &row).await?;
    for downstream in &input.upstream_of {
        insert_link(&mut tx, user, project_id, &input.department_id, downstream, now).await?;
    }
    db::projects::touch(&mut tx, project_id, now).await?;
    let dto = stakeholder_dtos(&mut tx, project_id).await?.into_iter().find(|s| s.department_id == input.department_id);
    tx.commit().await?;
    dto.ok_or(AppError::Internal)
}

#[tracing::instrument(skip_all, fields(project_id = %project_id, department_id = %department_id))]
pub async fn remove_stakeholder(state: &AppState, user: &CurrentUser, project_id: &str, department_id: &str) -> Result<(), AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let (project, _) = load_editable(&mut tx, user, project_id).await?;
    if project.lead_department_id == department_id {
        return Err(Conflict::LeadDepartment.into());
    }
    if !db::projects::delete_stakeholder(&mut tx, project_id, department_id).await? {
        return Err(AppError::NotFound);
    }
    db::projects::touch(&mut tx, project_id, db::now_ms()).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_link(
    conn: &mut db::Conn,
    user: &CurrentUser,
    project_id: &str,
    upstream: &str,
    downstream: &str,
    now: i64,
) -> Result<(), AppError> {
    let stakeholders = db::projects::stakeholders(conn, project_id).await?;
    let is_stakeholder = |id: &str| stakeholders.iter().any(|s| s.department_id == id);
    if !is_stakeholder(upstream) {
        return Err(DomainError::NotAllowed { field: "upstream_department_id".into() }.into());
    }
    if !is_stakeholder(downstream) {
        return Err(DomainError::NotAllowed { field: "downstream_department_id".into() }.into());
    }
    let existing: Vec<(String, String)> =
        db::projects::links(conn, project_id).await?.into_iter().map(|l| (l.upstream_department_id, l.downstream_department_id)).collect();
    if existing.iter().any(|(u, d)| u == upstream && d == downstream) {
        return Err(AppError::duplicate("downstream_department_id"));
    }
    check_new_link(&existing, &upstream.to_string(), &downstream.to_string())?;
    db::projects::insert_link(conn, project_id, upstream, downstream, now, &user.id).await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn add_link(state: &AppState, user: &CurrentUser, project_id: &str, link: LinkDto) -> Result<Vec<LinkDto>, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    load_editable(&mut tx, user, project_id).await?;
    let now = db::now_ms();
    insert_link(&mut tx, user, project_id, &link.upstream_department_id, &link.downstream_department_id, now).await?;
    db::projects::touch(&mut tx, project_id, now).await?;
    let links = link_dtos(&mut tx, project_id).await?;
    tx.commit().await?;
    Ok(links)
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn remove_link(state: &AppState, user: &CurrentUser, project_id: &str, link: LinkDto) -> Result<Vec<LinkDto>, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    load_editable(&mut tx, user, project_id).await?;
    if !db::projects::delete_link(&mut tx, project_id, &link.upstream_department_id, &link.downstream_department_id).await? {
        return Err(AppError::NotFound);
    }
    db::projects::touch(&mut tx, project_id, db::now_ms()).await?;
    let links = link_dtos(&mut tx, project_id).await?;
    tx.commit().await?;
    Ok(links)
}
