//! Sign-offs: signatures (inserted; a revocation only fills `revoked_at`/`revoke_reason` once), the
//! subjects' current contents the matrix fingerprints, and the notices already sent.

use super::insert::Insert;
use super::Conn;
use crate::domain::people::JobRole;
use crate::domain::signoffs::{Capacity, SubjectKind};
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct SignoffRow {
    pub signoff_id: String,
    pub project_id: String,
    pub subject_kind: SubjectKind,
    pub subject_id: String,
    pub subject_ref: String,
    pub revision: i64,
    pub fingerprint: String,
    pub signer_id: String,
    pub capacity: Capacity,
    pub signer_role: JobRole,
    pub signer_department_id: String,
    pub meaning_key: String,
    pub meaning_text: String,
    pub signed_at: i64,
    pub revoked_at: Option<i64>,
    pub revoke_reason: Option<String>,
}

const COLUMNS: &str = "signoff_id, project_id, subject_kind, subject_id, subject_ref, revision, fingerprint, signer_id, capacity, \
                       signer_role, signer_department_id, meaning_key, meaning_text, signed_at, revoked_at, revoke_reason";

/// A requirement the matrix considers, with its current revision's content (JSON).
#[derive(Debug, Clone, FromRow)]
pub struct RequirementSubjectRow {
    pub requirement_id: String,
    pub req_key: String,
    pub title: String,
    pub owner_id: String,
    pub current_revision: i64,
    pub content: String,
}

/// A chosen option with its current revision's content (JSON).
#[derive(Debug, Clone, FromRow)]
pub struct SolutionSubjectRow {
    pub option_id: String,
    pub requirement_id: String,
    pub title: String,
    pub current_revision: i64,
    pub content: String,
}

pub async fn insert(conn: &mut Conn, row: &SignoffRow) -> sqlx::Result<()> {
    Insert::into("signoffs")
        .value("signoff_id", &row.signoff_id)
        .value("project_id", &row.project_id)
        .value("subject_kind", row.subject_kind)
        .value("subject_id", &row.subject_id)
        .value("subject_ref", &row.subject_ref)
        .value("revision", row.revision)
        .value("fingerprint", &row.fingerprint)
        .value("signer_id", &row.signer_id)
        .value("capacity", row.capacity)
        .value("signer_role", row.signer_role)
        .value("signer_department_id", &row.signer_department_id)
        .value("meaning_key", &row.meaning_key)
        .value("meaning_text", &row.meaning_text)
        .value("signed_at", row.signed_at)
        .value("revoked_at", row.revoked_at)
        .value("revoke_reason", row.revoke_reason.as_deref())
        .execute(conn)
        .await
}

pub async fn find(conn: &mut Conn, signoff_id: &str) -> sqlx::Result<Option<SignoffRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from signoffs where signoff_id = $1")).bind(signoff_id).fetch_optional(conn).await
}

/// Every signature of the project, oldest first (the last of a cell is its current one).
pub async fn of_project(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<SignoffRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from signoffs where project_id = $1 order by signed_at, signoff_id"))
        .bind(project_id)
        .fetch_all(conn)
        .await
}

/// The latest signature of one cell, if any.
pub async fn latest_of_cell(
    conn: &mut Conn,
    project_id: &str,
    kind: SubjectKind,
    subject_id: &str,
    signer_id: &str,
) -> sqlx::Result<Option<SignoffRow>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from signoffs where project_id = $1 and subject_kind = $2 and subject_id = $3 and signer_id = $4
         order by signed_at desc, signoff_id desc limit 1"
    ))
    .bind(project_id)
    .bind(kind)
    .bind(subject_id)
    .bind(signer_id)
    .fetch_optional(conn)
    .await
}

/// Revokes a signature that is not revoked yet; false when it already was (a concurrent revoke).
pub async fn revoke(conn: &mut Conn, signoff_id: &str, at: i64, reason: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("update signoffs set revoked_at = $1, revoke_reason = $2 where signoff_id = $3 and revoked_at is null")
        .bind(at)
        .bind(reason)
        .bind(signoff_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Every signature, in id order, a page at a time (for verifying them all).
pub async fn page(conn: &mut Conn, after_id: &str, limit: i64) -> sqlx::Result<Vec<SignoffRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from signoffs where signoff_id > $1 order by signoff_id limit {}", limit.max(1)))
        .bind(after_id)
        .fetch_all(conn)
        .await
}

/// The project's requirements that are up for sign-off (not drafts, not cancelled), by number,
/// each with its current revision's content.
pub async fn requirement_subjects(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<RequirementSubjectRow>> {
    sqlx::query_as(
        "select r.requirement_id, r.req_key, r.title, r.owner_id, r.current_revision, v.content
         from requirements r join requirement_revisions v on v.requirement_id = r.requirement_id and v.revision = r.current_revision
         where r.project_id = $1 and r.status not in ('draft', 'cancelled')
         order by r.number",
    )
    .bind(project_id)
    .fetch_all(conn)
    .await
}

/// The project's chosen options, each with its current revision's content.
pub async fn solution_subjects(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<SolutionSubjectRow>> {
    sqlx::query_as(
        "select o.option_id, o.requirement_id, o.title, o.current_revision, v.content
         from solution_options o join solution_revisions v on v.option_id = o.option_id and v.revision = o.current_revision
         where o.project_id = $1 and o.status = 'chosen'
         order by o.created_at, o.option_id",
    )
    .bind(project_id)
    .fetch_all(conn)
    .await
}

/// A requirement revision's stored content, if it exists.
pub async fn requirement_revision_content(conn: &mut Conn, requirement_id: &str, revision: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select content from requirement_revisions where requirement_id = $1 and revision = $2")
        .bind(requirement_id)
        .bind(revision)
        .fetch_optional(conn)
        .await
}

/// An option revision's stored content, if it exists.
pub async fn option_revision_content(conn: &mut Conn, option_id: &str, revision: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select content from solution_revisions where option_id = $1 and revision = $2")
        .bind(option_id)
        .bind(revision)
        .fetch_optional(conn)
        .await
}

/// The option's requirement, if the option exists.
pub async fn option_requirement(conn: &mut Conn, option_id: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select requirement_id from solution_options where option_id = $1").bind(option_id).fetch_optional(conn).await
}

/// Records that `signer_id` was told to sign the cell at `fingerprint`; false when already told.
pub async fn note_notice(
    conn: &mut Conn,
    project_id: &str,
    kind: SubjectKind,
    subject_id: &str,
    signer_id: &str,
    fingerprint: &str,
    at: i64,
) -> sqlx::Result<bool> {
    let known: Option<i64> = sqlx::query_scalar(
        "select notified_at from signoff_notices
         where project_id = $1 and subject_kind = $2 and subject_id = $3 and signer_id = $4 and fingerprint = $5",
    )
    .bind(project_id)
    .bind(kind)
    .bind(subject_id)
    .bind(signer_id)
    .bind(fingerprint)
    .fetch_optional(&mut *conn)
    .await?;
    if known.is_some() {
        return Ok(false);
    }
    Insert::into("signoff_notices")
        .value("project_id", project_id)
        .value("subject_kind", kind)
        .value("subject_id", subject_id)
        .value("signer_id", signer_id)
        .value("fingerprint", fingerprint)
        .value("notified_at", at)
        .execute(conn)
        .await?;
    Ok(true)
}
