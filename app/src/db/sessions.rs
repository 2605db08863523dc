//! Browser sessions stored in the database, so several instances behind a load balancer share
//! them and logging out ends a session everywhere. Only the token's SHA-256 is stored.

use super::insert::Insert;
use super::Conn;

pub async fn insert(conn: &mut Conn, session_id: &str, user_id: &str, now: i64, expires_at: i64) -> sqlx::Result<()> {
    Insert::into("sessions")
        .value("session_id", session_id)
        .value("user_id", user_id)
        .value("created_at", now)
        .value("expires_at", expires_at)
        .execute(conn)
        .await
}

/// Records that the session was used at `at` (for the idle timeout).
pub async fn seen(conn: &mut Conn, session_id: &str, at: i64) -> sqlx::Result<()> {
    sqlx::query("update sessions set last_seen_at = $2 where session_id = $1").bind(session_id).bind(at).execute(conn).await.map(|_| ())
}

pub async fn delete(conn: &mut Conn, session_id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where session_id = $1").bind(session_id).execute(conn).await.map(|_| ())
}

/// Ends every session of a person (after an admin resets their password).
pub async fn delete_for_user(conn: &mut Conn, user_id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where user_id = $1").bind(user_id).execute(conn).await.map(|_| ())
}

pub async fn delete_expired(conn: &mut Conn, now: i64) -> sqlx::Result<u64> {
    sqlx::query("delete from sessions where expires_at <= $1").bind(now).execute(conn).await.map(|r| r.rows_affected())
}
