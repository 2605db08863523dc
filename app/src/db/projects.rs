//! Projects, their stakeholder departments and the upstream → downstream links between them.

use super::insert::Insert;
use super::Conn;
use crate::domain::projects::{StakeholderRole, Visibility};
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct ProjectRow {
    pub project_id: String,
    /// Short code for requirement keys (`PAY` → `PAY-1`).
    pub code: String,
    pub name: String,
    pub goal: String,
    pub lead_department_id: String,
    pub kickoff_on: String,
    pub target_launch_on: String,
    pub visibility: Visibility,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub version: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct StakeholderRow {
    pub project_id: String,
    pub department_id: String,
    pub stakeholder_role: StakeholderRole,
    pub identified_at: i64,
    pub identified_by: String,
}

/// A stakeholder with its department's names and the name of who identified it.
#[derive(Debug, Clone, FromRow)]
pub struct StakeholderDetailRow {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub stakeholder_role: StakeholderRole,
    pub identified_at: i64,
    pub identified_by: String,
    pub identified_by_name: String,
    pub identified_late: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct LinkRow {
    pub upstream_department_id: String,
    pub downstream_department_id: String,
}

const COLUMNS: &str =
    "project_id, code, name, goal, lead_department_id, kickoff_on, target_launch_on, visibility, created_by, created_at, updated_at, version";

pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<ProjectRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from projects order by created_at desc")).fetch_all(conn).await
}

pub async fn find(conn: &mut Conn, project_id: &str) -> sqlx::Result<Option<ProjectRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from projects where project_id = $1")).bind(project_id).fetch_optional(conn).await
}

pub async fn insert(conn: &mut Conn, row: &ProjectRow) -> sqlx::Result<()> {
    Insert::into("projects")
        .value("project_id", &row.project_id)
        .value("name", &row.name)
        .value("goal", &row.goal)
        .value("lead_department_id", &row.lead_department_id)
        .value("kickoff_on", &row.kickoff_on)
        .value("target_launch_on", &row.target_launch_on)
        .value("visibility", row.visibility)
        .value("created_by", &row.created_by)
        .value("created_at", row.created_at)
        .value("updated_at", row.updated_at)
        .value("version", row.version)
        .value("code", &row.code)
        .execute(conn)
        .await
}

/// Saves an edit only if nobody saved in between: false when `row.version - 1` is no longer current.
pub async fn update_if_version(conn: &mut Conn, row: &ProjectRow) -> sqlx::Result<bool> {
    sqlx::query(
        "update projects set name = $2, goal = $3, lead_department_id = $4, kickoff_on = $5, target_launch_on = $6,
           visibility = $7, updated_at = $8, version = $9, code = $11
         where project_id = $1 and version = $10",
    )
    .bind(&row.project_id)
    .bind(&row.name)
    .bind(&row.goal)
    .bind(&row.lead_department_id)
    .bind(&row.kickoff_on)
    .bind(&row.target_launch_on)
    .bind(row.visibility)
    .bind(row.updated_at)
    .bind(row.version)
    .bind(row.version - 1)
    .bind(&row.code)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

pub async fn stakeholders(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<StakeholderRow>> {
    sqlx::query_as(
        "select project_id, department_id, stakeholder_role, identified_at, identified_by from project_stakeholders
         where project_id = $1 order by identified_at, department_id",
    )
    .bind(project_id)
    .fetch_all(conn)
    .await
}

pub async fn stakeholders_detailed(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<StakeholderDetailRow>> {
    sqlx::query_as(
        "select s.department_id, d.code, d.name_zh, d.name_en, s.stakeholder_role, s.identified_at, s.identified_by,
                u.display_name as identified_by_name, s.identified_late
         from project_stakeholders s
         join departments d on d.department_id = s.department_id
         join users u on u.user_id = s.identified_by
         where s.project_id = $1
         order by s.identified_at, d.code",
    )
    .bind(project_id)
    .fetch_all(conn)
    .await
}

/// Every (project, department) pair: lets a project list decide readability in one query.
pub async fn all_stakeholders(conn: &mut Conn) -> sqlx::Result<Vec<StakeholderRow>> {
    sqlx::query_as("select project_id, department_id, stakeholder_role, identified_at, identified_by from project_stakeholders")
        .fetch_all(conn)
        .await
}

pub async fn insert_stakeholder(conn: &mut Conn, row: &StakeholderRow) -> sqlx::Result<()> {
    Insert::into("project_stakeholders")
        .value("project_id", &row.project_id)
        .value("department_id", &row.department_id)
        .value("stakeholder_role", row.stakeholder_role)
        .value("identified_at", row.identified_at)
        .value("identified_by", &row.identified_by)
        .execute(conn)
        .await
}

pub async fn set_stakeholder_role(conn: &mut Conn, project_id: &str, department_id: &str, role: &str) -> sqlx::Result<()> {
    sqlx::query("update project_stakeholders set stakeholder_role = $3 where project_id = $1 and department_id = $2")
        .bind(project_id)
        .bind(department_id)
        .bind(role)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Removes a stakeholder and every link that touches it.
pub async fn delete_stakeholder(conn: &mut Conn, project_id: &str, department_id: &str) -> sqlx::Result<bool> {
    sqlx::query("delete from stakeholder_links where project_id = $1 and (upstream_department_id = $2 or downstream_department_id = $2)")
        .bind(project_id)
        .bind(department_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from project_stakeholders where project_id = $1 and department_id = $2")
        .bind(project_id)
        .bind(department_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
}

pub async fn links(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<LinkRow>> {
    sqlx::query_as(
        "select upstream_department_id, downstream_department_id from stakeholder_links
         where project_id = $1 order by created_at",
    )
    .bind(project_id)
    .fetch_all(conn)
    .await
}

pub async fn insert_link(conn: &mut Conn, project_id: &str, upstream: &str, downstream: &str, now: i64, user_id: &str) -> sqlx::Result<()> {
    Insert::into("stakeholder_links")
        .value("project_id", project_id)
        .value("upstream_department_id", upstream)
        .value("downstream_department_id", downstream)
        .value("created_at", now)
        .value("created_by", user_id)
        .execute(conn)
        .await
}

pub async fn delete_link(conn: &mut Conn, project_id: &str, upstream: &str, downstream: &str) -> sqlx::Result<bool> {
    sqlx::query("delete from stakeholder_links where project_id = $1 and upstream_department_id = $2 and downstream_department_id = $3")
        .bind(project_id)
        .bind(upstream)
        .bind(downstream)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
}

/// Bumps the project's version and timestamp: a stakeholder change is an edit of the project.
pub async fn touch(conn: &mut Conn, project_id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("update projects set version = version + 1, updated_at = $2 where project_id = $1")
        .bind(project_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}
