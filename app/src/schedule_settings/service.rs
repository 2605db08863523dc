//! Schedule settings services: the rules behind both the UI and the REST API, and
//! [`plan_settings`], which hands a plan its `calendar` and `departments`.

use super::dto::*;
use crate::auth::CurrentUser;
use crate::db::stored;
use crate::db::{self, schedule_settings as repo};
use crate::domain::dates::Date;
use crate::domain::permissions::{can_edit_department_schedule, can_edit_organisation_calendar};
use crate::domain::schedule::{CalendarSpec, DepartmentSpec};
use crate::domain::schedule_settings::{parse_available_from, parse_calendar, Capacity};
use crate::domain::DomainError;
use crate::error::AppError;
use crate::state::AppState;

fn organisation_calendar_dto(row: repo::OrganisationCalendarRow) -> Result<OrganisationCalendarDto, AppError> {
    Ok(OrganisationCalendarDto {
        calendar: stored::json(&row.calendar, "organisation calendar")?,
        version: row.version,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
        updated_by_name: row.updated_by_name,
    })
}

fn department_schedule_dto(row: repo::DepartmentScheduleRow) -> Result<DepartmentScheduleDto, AppError> {
    let calendar = row.calendar.as_deref().map(|text| stored::json(text, "department calendar")).transpose()?;
    Ok(DepartmentScheduleDto {
        capacity: row.capacity.unwrap_or(Capacity::DEFAULT.get()),
        available_from: row.available_from,
        calendar,
        version: row.version.unwrap_or(0),
        updated_at: row.updated_at,
        updated_by: row.updated_by,
        updated_by_name: row.updated_by_name,
        department_id: row.department_id,
        code: row.code,
        name_zh: row.name_zh,
        name_en: row.name_en,
    })
}

/// Everyone signed in may read the calendar (plans and their readers depend on it).
#[tracing::instrument(skip_all)]
pub async fn get_organisation_calendar(state: &AppState, _user: &CurrentUser) -> Result<OrganisationCalendarDto, AppError> {
    let mut conn = state.db.acquire().await?;
    organisation_calendar_dto(repo::organisation_calendar(&mut conn).await?)
}

/// Replaces the organisation's calendar (admins only).
#[tracing::instrument(skip_all)]
pub async fn set_organisation_calendar(
    state: &AppState,
    user: &CurrentUser,
    input: CalendarInput,
) -> Result<OrganisationCalendarDto, AppError> {
    if !can_edit_organisation_calendar(&user.actor()) {
        return Err(AppError::Forbidden);
    }
    let calendar = parse_calendar(&input.calendar, "calendar")?;
    let text = serde_json::to_string(&calendar).map_err(|_| AppError::Internal)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let current = repo::organisation_calendar(&mut tx).await?;
    AppError::require_current_version(input.version, current.version)?;
    let (version, now) = (current.version + 1, db::now_ms());
    if !repo::update_organisation_calendar_if_version(&mut tx, &text, version, now, &user.id).await? {
        return Err(AppError::StaleVersion);
    }
    tx.commit().await?;
    Ok(OrganisationCalendarDto {
        calendar,
        version,
        updated_at: Some(now),
        updated_by: Some(user.id.clone()),
        updated_by_name: Some(user.display_name.clone()),
    })
}

#[tracing::instrument(skip_all, fields(department_id = %department_id))]
pub async fn get_department_schedule(
    state: &AppState,
    _user: &CurrentUser,
    department_id: &str,
) -> Result<DepartmentScheduleDto, AppError> {
    let mut conn = state.db.acquire().await?;
    let row = repo::find_department(&mut conn, department_id).await?.ok_or(AppError::NotFound)?;
    department_schedule_dto(row)
}

/// Replaces a department's capacity, availability and own calendar (admins, and that
/// department's leader or tech manager).
#[tracing::instrument(skip_all, fields(department_id = %department_id))]
pub async fn set_department_schedule(
    state: &AppState,
    user: &CurrentUser,
    department_id: &str,
    input: DepartmentScheduleInput,
) -> Result<DepartmentScheduleDto, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let current = repo::find_department(&mut tx, department_id).await?.ok_or(AppError::NotFound)?;
    if !can_edit_department_schedule(&user.actor(), department_id) {
        return Err(AppError::Forbidden);
    }
    let capacity = Capacity::parse(input.capacity.ok_or_else(|| DomainError::Empty { field: "capacity".into() })?)?;
    let available_from = parse_available_from(input.available_from.as_deref())?;
    let calendar = input.calendar.as_ref().map(|value| parse_calendar(value, "calendar")).transpose()?;
    let base = current.version.unwrap_or(0);
    AppError::require_current_version(input.version, base)?;
    let row = repo::DepartmentSchedule {
        department_id: department_id.to_string(),
        capacity: capacity.get(),
        available_from: available_from.map(|d| d.to_string()),
        calendar: calendar.as_ref().map(serde_json::to_string).transpose().map_err(|_| AppError::Internal)?,
        version: base + 1,
        updated_at: db::now_ms(),
        updated_by: user.id.clone(),
    };
    if current.version.is_none() {
        // A concurrent first save got there first: as stale as any other lost race.
        repo::insert_department(&mut tx, &row).await?;
    } else if !repo::update_department_if_version(&mut tx, &row).await? {
        return Err(AppError::StaleVersion);
    }
    tx.commit().await?;
    Ok(DepartmentScheduleDto {
        department_id: row.department_id,
        code: current.code,
        name_zh: current.name_zh,
        name_en: current.name_en,
        capacity: row.capacity,
        available_from: row.available_from,
        calendar,
        version: row.version,
        updated_at: Some(row.updated_at),
        updated_by: Some(row.updated_by),
        updated_by_name: Some(user.display_name.clone()),
    })
}

/// The organisation calendar and every department's settings, read together.
#[tracing::instrument(skip_all)]
pub async fn get_schedule_settings(state: &AppState, _user: &CurrentUser) -> Result<ScheduleSettingsDto, AppError> {
    let mut conn = state.db.acquire().await?;
    read_all(&mut conn).await
}

async fn read_all(conn: &mut db::Conn) -> Result<ScheduleSettingsDto, AppError> {
    let organisation_calendar = organisation_calendar_dto(repo::organisation_calendar(conn).await?)?;
    let departments = repo::list_departments(conn).await?.into_iter().map(department_schedule_dto).collect::<Result<_, _>>()?;
    Ok(ScheduleSettingsDto { organisation_calendar, departments })
}

/// What a plan takes from the settings: its `calendar` and its `departments`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSettings {
    /// The organisation's calendar: a plan's `calendar`.
    pub calendar: CalendarSpec,
    /// Every department, by code, defaults filled in.
    pub departments: Vec<PlanDepartment>,
}

/// One department's limits, in the engine's types.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDepartment {
    pub department_id: String,
    pub code: String,
    pub capacity: Capacity,
    pub available_from: Option<Date>,
    /// `None`: the organisation's calendar.
    pub calendar: Option<CalendarSpec>,
}

impl PlanDepartment {
    /// The plan's entry for this department, identified by `id` (the department's code, or
    /// whatever the plan's items name departments by).
    pub fn spec(&self, id: &str) -> DepartmentSpec {
        DepartmentSpec {
            id: id.to_string(),
            name: None,
            available_from: self.available_from,
            capacity: Some(self.capacity.get()),
            calendar: self.calendar.clone(),
        }
    }
}

impl PlanSettings {
    /// A plan's `departments`, every department identified by its code.
    pub fn department_specs(&self) -> Vec<DepartmentSpec> {
        self.departments.iter().map(|d| d.spec(&d.code)).collect()
    }
}

/// The settings a plan is built from (see [`PlanSettings`]), read in one go.
pub async fn plan_settings(state: &AppState) -> Result<PlanSettings, AppError> {
    let mut conn = state.db.acquire().await?;
    load_plan_settings(&mut conn).await
}

/// Like [`plan_settings`], inside the caller's connection or transaction.
#[tracing::instrument(skip_all)]
pub async fn load_plan_settings(conn: &mut db::Conn) -> Result<PlanSettings, AppError> {
    let all = read_all(conn).await?;
    let departments = all
        .departments
        .into_iter()
        .map(|d| {
            // Stored values were validated on the way in; a row that no longer parses is damaged.
            let damaged = |e: DomainError| {
                tracing::error!(error = %e, department_id = %d.department_id, "stored schedule settings are invalid");
                AppError::Internal
            };
            Ok(PlanDepartment {
                capacity: Capacity::parse(d.capacity).map_err(damaged)?,
                available_from: parse_available_from(d.available_from.as_deref()).map_err(damaged)?,
                calendar: d.calendar,
                department_id: d.department_id,
                code: d.code,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(PlanSettings { calendar: all.organisation_calendar.calendar, departments })
}
