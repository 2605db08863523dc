//! What a violated unique constraint means to the person who hit it, in one table keyed by the
//! constraint's name. Services check first and answer with a precise error; these rows cover the
//! race where a concurrent request slips between that check and the write, so the person still
//! gets the same answer instead of a 500.
//!
//! PostgreSQL names the violated constraint (the index name, or `<table>_pkey`); SQLite names the
//! columns (`UNIQUE constraint failed: departments.code`), so each row carries both.

use crate::error::{AppError, Conflict};

/// PostgreSQL's name of a constraint, SQLite's list of its columns, and the error it means.
type UniqueMeaning = (&'static str, &'static str, fn() -> AppError);

const UNIQUE: &[UniqueMeaning] = &[
    ("departments_code_key", "departments.code", || AppError::duplicate("code")),
    ("departments_name_zh_key", "departments.name_zh", || AppError::duplicate("name_zh")),
    ("departments_name_en_key", "departments.name_en", || AppError::duplicate("name_en")),
    ("users_username_key", "users.username", || AppError::duplicate("username")),
    ("project_stakeholders_pkey", "project_stakeholders.project_id, project_stakeholders.department_id", || {
        AppError::duplicate("department_id")
    }),
    (
        "stakeholder_links_pkey",
        "stakeholder_links.project_id, stakeholder_links.upstream_department_id, stakeholder_links.downstream_department_id",
        || AppError::duplicate("downstream_department_id"),
    ),
    ("change_requests_one_pending", "change_requests.project_id", || AppError::Conflict(Conflict::RequestPending)),
    // Two first saves of a department's settings: the later one is as stale as any lost race.
    ("department_schedules_pkey", "department_schedules.department_id", || AppError::StaleVersion),
];

/// The error a violated unique constraint stands for; `None` for any other failure, or for a
/// constraint no person can hit (an id collision), which stays an internal error.
pub fn meaning(e: &sqlx::Error) -> Option<AppError> {
    let db = e.as_database_error()?;
    if !db.is_unique_violation() {
        return None;
    }
    let sqlite_columns = db.message().strip_prefix("UNIQUE constraint failed: ");
    UNIQUE.iter().find(|(name, columns, _)| db.constraint() == Some(*name) || sqlite_columns == Some(*columns)).map(|(_, _, error)| error())
}
