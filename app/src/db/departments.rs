//! Departments: the organisation's units, each with a short code and a name in both languages.

use super::insert::Insert;
use super::Conn;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct DepartmentRow {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// Bumped by every edit; an edit names the version it started from.
    pub version: i64,
}

const COLUMNS: &str = "department_id, code, name_zh, name_en, created_at, updated_at, version";

pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<DepartmentRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from departments order by code")).fetch_all(conn).await
}

pub async fn find(conn: &mut Conn, department_id: &str) -> sqlx::Result<Option<DepartmentRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from departments where department_id = $1")).bind(department_id).fetch_optional(conn).await
}

pub async fn find_by_code(conn: &mut Conn, code: &str) -> sqlx::Result<Option<DepartmentRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from departments where code = $1")).bind(code).fetch_optional(conn).await
}

/// Which of code / name_zh / name_en already belongs to another department, if any.
pub async fn taken_field(conn: &mut Conn, except_id: &str, code: &str, name_zh: &str, name_en: &str) -> sqlx::Result<Option<&'static str>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "select code, name_zh, name_en from departments
         where department_id <> $1 and (code = $2 or name_zh = $3 or name_en = $4)",
    )
    .bind(except_id)
    .bind(code)
    .bind(name_zh)
    .bind(name_en)
    .fetch_all(conn)
    .await?;
    Ok(rows.iter().find_map(|(c, zh, en)| {
        if c == code {
            Some("code")
        } else if zh == name_zh {
            Some("name_zh")
        } else if en == name_en {
            Some("name_en")
        } else {
            None
        }
    }))
}

pub async fn insert(conn: &mut Conn, row: &DepartmentRow) -> sqlx::Result<()> {
    Insert::into("departments")
        .value("department_id", &row.department_id)
        .value("code", &row.code)
        .value("name_zh", &row.name_zh)
        .value("name_en", &row.name_en)
        .value("created_at", row.created_at)
        .value("updated_at", row.updated_at)
        .value("version", row.version)
        .execute(conn)
        .await
}

/// Saves an edit only if nobody saved in between: false when `row.version - 1` is no longer current.
pub async fn update_if_version(conn: &mut Conn, row: &DepartmentRow) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update departments set code = $2, name_zh = $3, name_en = $4, updated_at = $5, version = $6
         where department_id = $1 and version = $7",
    )
    .bind(&row.department_id)
    .bind(&row.code)
    .bind(&row.name_zh)
    .bind(&row.name_en)
    .bind(row.updated_at)
    .bind(row.version)
    .bind(row.version - 1)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
