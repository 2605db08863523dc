//! The audit log's storage: append (with the head row that serialises appenders) and reads.
//! There is deliberately no function here that updates or deletes an entry.

use super::insert::Insert;
use super::Conn;
use sqlx::FromRow;

/// One stored entry, as it is hashed and listed.
#[derive(Debug, Clone, FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub project_id: Option<String>,
    pub created_at: i64,
    pub actor_id: String,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

/// A listed entry with the actor's display name.
#[derive(Debug, Clone, FromRow)]
pub struct AuditListRow {
    pub seq: i64,
    pub created_at: i64,
    pub actor_id: String,
    pub actor_name: Option<String>,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub payload: String,
    pub hash: String,
}

/// Claims the next position of the chain: bumps the head's `seq` (which row-locks the head on
/// PostgreSQL until the caller's transaction ends) and returns the new `seq` and the previous
/// entry's hash.
pub async fn claim_next(conn: &mut Conn) -> sqlx::Result<(i64, String)> {
    sqlx::query("update audit_head set seq = seq + 1 where head_id = 1").execute(&mut *conn).await?;
    sqlx::query_as("select seq, hash from audit_head where head_id = 1").fetch_one(&mut *conn).await
}

/// Stores `row` and makes its hash the head's.
pub async fn append(conn: &mut Conn, row: &AuditRow) -> sqlx::Result<()> {
    Insert::into("audit_log")
        .value("seq", row.seq)
        .value("project_id", row.project_id.as_deref())
        .value("created_at", row.created_at)
        .value("actor_id", &row.actor_id)
        .value("action", &row.action)
        .value("subject_kind", &row.subject_kind)
        .value("subject_id", &row.subject_id)
        .value("payload", &row.payload)
        .value("prev_hash", &row.prev_hash)
        .value("hash", &row.hash)
        .execute(&mut *conn)
        .await?;
    sqlx::query("update audit_head set hash = $1 where head_id = 1 and seq = $2").bind(&row.hash).bind(row.seq).execute(&mut *conn).await?;
    Ok(())
}

/// Entries with `seq` greater than `after`, in chain order, at most `limit` (for paging through
/// the whole chain when verifying).
pub async fn chain_page(conn: &mut Conn, after: i64, limit: i64) -> sqlx::Result<Vec<AuditRow>> {
    sqlx::query_as(&format!(
        "select seq, project_id, created_at, actor_id, action, subject_kind, subject_id, payload, prev_hash, hash
         from audit_log where seq > $1 order by seq limit {}",
        limit.max(1)
    ))
    .bind(after)
    .fetch_all(conn)
    .await
}

/// The head as stored: the last `seq` and its hash.
pub async fn head(conn: &mut Conn) -> sqlx::Result<(i64, String)> {
    sqlx::query_as("select seq, hash from audit_head where head_id = 1").fetch_one(conn).await
}

/// A project's entries, newest first, at most `limit`, before `before_seq` when given.
pub async fn list_for_project(conn: &mut Conn, project_id: &str, before_seq: Option<i64>, limit: i64) -> sqlx::Result<Vec<AuditListRow>> {
    sqlx::query_as(&format!(
        "select a.seq, a.created_at, a.actor_id, u.display_name as actor_name, a.action, a.subject_kind, a.subject_id, a.payload, a.hash
         from audit_log a left join users u on u.user_id = a.actor_id
         where a.project_id = $1 and a.seq < $2
         order by a.seq desc limit {}",
        limit.max(1)
    ))
    .bind(project_id)
    .bind(before_seq.unwrap_or(i64::MAX))
    .fetch_all(conn)
    .await
}

/// Every entry about subjects of one kind (e.g. all `meeting` entries), in chain order.
pub async fn of_subject_kind(conn: &mut Conn, subject_kind: &str) -> sqlx::Result<Vec<AuditRow>> {
    sqlx::query_as(
        "select seq, project_id, created_at, actor_id, action, subject_kind, subject_id, payload, prev_hash, hash
         from audit_log where subject_kind = $1 order by seq",
    )
    .bind(subject_kind)
    .fetch_all(conn)
    .await
}

/// The entries about one subject, in chain order (e.g. a sign-off's signing and revocation).
pub async fn for_subject(conn: &mut Conn, subject_kind: &str, subject_id: &str) -> sqlx::Result<Vec<AuditRow>> {
    sqlx::query_as(
        "select seq, project_id, created_at, actor_id, action, subject_kind, subject_id, payload, prev_hash, hash
         from audit_log where subject_kind = $1 and subject_id = $2 order by seq",
    )
    .bind(subject_kind)
    .bind(subject_id)
    .fetch_all(conn)
    .await
}
