//! Schedule settings: the organisation's calendar (one row) and each department's capacity,
//! availability and own calendar (a row once someone saved them; defaults otherwise).
//! Calendars are stored as the engine's CalendarSpec JSON text; the service parses them.

use super::insert::Insert;
use super::Conn;
use sqlx::FromRow;

/// The organisation's working-day calendar.
#[derive(Debug, Clone, FromRow)]
pub struct OrganisationCalendarRow {
    /// CalendarSpec JSON.
    pub calendar: String,
    pub version: i64,
    pub updated_at: Option<i64>,
    pub updated_by: Option<String>,
    pub updated_by_name: Option<String>,
}

pub async fn organisation_calendar(conn: &mut Conn) -> sqlx::Result<OrganisationCalendarRow> {
    sqlx::query_as(
        "select c.calendar, c.version, c.updated_at, c.updated_by, u.display_name as updated_by_name
         from organisation_calendar c left join users u on u.user_id = c.updated_by
         where c.organisation_calendar_id = 'organisation'",
    )
    .fetch_one(conn)
    .await
}

/// Saves the calendar if it is still at `version - 1`; false when someone saved meanwhile.
pub async fn update_organisation_calendar_if_version(
    conn: &mut Conn,
    calendar: &str,
    version: i64,
    updated_at: i64,
    updated_by: &str,
) -> sqlx::Result<bool> {
    sqlx::query(
        "update organisation_calendar set calendar = $1, version = $2, updated_at = $3, updated_by = $4
         where organisation_calendar_id = 'organisation' and version = $5",
    )
    .bind(calendar)
    .bind(version)
    .bind(updated_at)
    .bind(updated_by)
    .bind(version - 1)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// A department with its settings; the settings columns are null when it has no row yet.
#[derive(Debug, Clone, FromRow)]
pub struct DepartmentScheduleRow {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub capacity: Option<i64>,
    pub available_from: Option<String>,
    /// CalendarSpec JSON; null: the organisation's calendar.
    pub calendar: Option<String>,
    /// Null: no row (version 0).
    pub version: Option<i64>,
    pub updated_at: Option<i64>,
    pub updated_by: Option<String>,
    pub updated_by_name: Option<String>,
}

// Every department, whether or not its settings were ever saved.
const SELECT_DEPARTMENTS: &str = "select d.department_id, d.code, d.name_zh, d.name_en,
           s.capacity, s.available_from, s.calendar, s.version, s.updated_at, s.updated_by,
           u.display_name as updated_by_name
    from departments d
    left join department_schedules s on s.department_id = d.department_id
    left join users u on u.user_id = s.updated_by";

pub async fn list_departments(conn: &mut Conn) -> sqlx::Result<Vec<DepartmentScheduleRow>> {
    sqlx::query_as(&format!("{SELECT_DEPARTMENTS} order by d.code")).fetch_all(conn).await
}

/// The department with its settings; `None` when there is no such department.
pub async fn find_department(conn: &mut Conn, department_id: &str) -> sqlx::Result<Option<DepartmentScheduleRow>> {
    sqlx::query_as(&format!("{SELECT_DEPARTMENTS} where d.department_id = $1")).bind(department_id).fetch_optional(conn).await
}

/// The stored settings of one department, as written.
#[derive(Debug, Clone)]
pub struct DepartmentSchedule {
    pub department_id: String,
    pub capacity: i64,
    pub available_from: Option<String>,
    pub calendar: Option<String>,
    pub version: i64,
    pub updated_at: i64,
    pub updated_by: String,
}

/// The first save of a department's settings (`version` 1). A concurrent first save makes this a
/// unique violation.
pub async fn insert_department(conn: &mut Conn, row: &DepartmentSchedule) -> sqlx::Result<()> {
    Insert::into("department_schedules")
        .value("department_id", &row.department_id)
        .value("capacity", row.capacity)
        .value("available_from", &row.available_from)
        .value("calendar", &row.calendar)
        .value("version", row.version)
        .value("updated_at", row.updated_at)
        .value("updated_by", &row.updated_by)
        .execute(conn)
        .await
}

/// Saves the settings if they are still at `row.version - 1`; false when someone saved meanwhile.
pub async fn update_department_if_version(conn: &mut Conn, row: &DepartmentSchedule) -> sqlx::Result<bool> {
    sqlx::query(
        "update department_schedules set capacity = $2, available_from = $3, calendar = $4, version = $5, updated_at = $6,
           updated_by = $7
         where department_id = $1 and version = $8",
    )
    .bind(&row.department_id)
    .bind(row.capacity)
    .bind(&row.available_from)
    .bind(&row.calendar)
    .bind(row.version)
    .bind(row.updated_at)
    .bind(&row.updated_by)
    .bind(row.version - 1)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}
