//! People: accounts with a department, a job role, an admin flag and an argon2id password hash.

use super::insert::Insert;
use super::Conn;
use crate::domain::people::JobRole;
use sqlx::FromRow;

/// A person as stored. `password_hash` never leaves the server: this row has no `Serialize`.
#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub department_id: String,
    pub job_role: JobRole,
    pub is_admin: i64,
    pub password_hash: String,
    pub locale: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Bumped by every edit of the account by an administrator; such an edit names the version it
    /// started from. The person's own language and password changes leave it as it is.
    pub version: i64,
}

const COLUMNS: &str =
    "user_id, username, display_name, department_id, job_role, is_admin, password_hash, locale, created_at, updated_at, version";

pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<UserRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from users order by department_id, username")).fetch_all(conn).await
}

pub async fn list_in_departments(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<UserRow>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from users where department_id in
           (select department_id from project_stakeholders where project_id = $1)
         order by username"
    ))
    .bind(project_id)
    .fetch_all(conn)
    .await
}

pub async fn find(conn: &mut Conn, user_id: &str) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from users where user_id = $1")).bind(user_id).fetch_optional(conn).await
}

/// A live session's person, and their unread notifications: the header shows that count on every
/// page, so it comes with the one query every signed-in request makes anyway.
#[derive(Debug, Clone, FromRow)]
pub struct SessionUserRow {
    #[sqlx(flatten)]
    pub user: UserRow,
    pub unread: i64,
    /// When the session was last used (its start, before any use was recorded).
    pub last_seen_at: i64,
}

/// The person behind a live session: not past its lifetime (`now`) and used since `idle_since`.
/// One round trip: this runs on every signed-in request.
pub async fn find_by_session(conn: &mut Conn, session_id: &str, now: i64, idle_since: i64) -> sqlx::Result<Option<SessionUserRow>> {
    sqlx::query_as(
        "select u.user_id, u.username, u.display_name, u.department_id, u.job_role, u.is_admin, u.password_hash, u.locale,
                u.created_at, u.updated_at, u.version,
                (select count(*) from notifications n where n.user_id = u.user_id and n.read_at is null) as unread,
                coalesce(s.last_seen_at, s.created_at) as last_seen_at
         from sessions s join users u on u.user_id = s.user_id
         where s.session_id = $1 and s.expires_at > $2 and coalesce(s.last_seen_at, s.created_at) > $3",
    )
    .bind(session_id)
    .bind(now)
    .bind(idle_since)
    .fetch_optional(conn)
    .await
}

pub async fn find_by_username(conn: &mut Conn, username: &str) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from users where username = $1")).bind(username).fetch_optional(conn).await
}

pub async fn count_admins(conn: &mut Conn) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from users where is_admin = 1").fetch_one(conn).await
}

pub async fn insert(conn: &mut Conn, row: &UserRow) -> sqlx::Result<()> {
    Insert::into("users")
        .value("user_id", &row.user_id)
        .value("username", &row.username)
        .value("display_name", &row.display_name)
        .value("department_id", &row.department_id)
        .value("job_role", row.job_role)
        .value("is_admin", row.is_admin)
        .value("password_hash", &row.password_hash)
        .value("locale", &row.locale)
        .value("created_at", row.created_at)
        .value("updated_at", row.updated_at)
        .value("version", row.version)
        .execute(conn)
        .await
}

/// Saves the editable profile fields (not the password, which has its own function).
/// Saves an administrator's edit only if nobody saved in between: false when `row.version - 1`
/// is no longer current.
pub async fn update_profile_if_version(conn: &mut Conn, row: &UserRow) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update users set display_name = $2, department_id = $3, job_role = $4, is_admin = $5, updated_at = $6, version = $7
         where user_id = $1 and version = $8",
    )
    .bind(&row.user_id)
    .bind(&row.display_name)
    .bind(&row.department_id)
    .bind(row.job_role)
    .bind(row.is_admin)
    .bind(row.updated_at)
    .bind(row.version)
    .bind(row.version - 1)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_password_hash(conn: &mut Conn, user_id: &str, hash: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("update users set password_hash = $2, updated_at = $3 where user_id = $1")
        .bind(user_id)
        .bind(hash)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn set_locale(conn: &mut Conn, user_id: &str, locale: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("update users set locale = $2, updated_at = $3 where user_id = $1")
        .bind(user_id)
        .bind(locale)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}
