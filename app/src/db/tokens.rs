//! Personal access tokens: created by a person for their own scripts, revocable, stored hashed.

use super::insert::Insert;
use super::Conn;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct TokenRow {
    pub token_id: String,
    pub user_id: String,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub async fn insert(conn: &mut Conn, row: &TokenRow, token_hash: &str) -> sqlx::Result<()> {
    Insert::into("api_tokens")
        .value("token_id", &row.token_id)
        .value("user_id", &row.user_id)
        .value("name", &row.name)
        .value("token_hash", token_hash)
        .value("created_at", row.created_at)
        .execute(conn)
        .await
}

pub async fn list_for_user(conn: &mut Conn, user_id: &str) -> sqlx::Result<Vec<TokenRow>> {
    sqlx::query_as(
        "select token_id, user_id, name, created_at, last_used_at, revoked_at from api_tokens
         where user_id = $1 order by created_at desc",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// The owner of a live (not revoked) token, recording that it was used.
pub async fn user_of(conn: &mut Conn, token_hash: &str, now: i64) -> sqlx::Result<Option<String>> {
    let user: Option<String> = sqlx::query_scalar("select user_id from api_tokens where token_hash = $1 and revoked_at is null")
        .bind(token_hash)
        .fetch_optional(&mut *conn)
        .await?;
    if user.is_some() {
        sqlx::query("update api_tokens set last_used_at = $2 where token_hash = $1").bind(token_hash).bind(now).execute(conn).await?;
    }
    Ok(user)
}

/// Revokes one of `user_id`'s own tokens; false when no such live token exists.
pub async fn revoke(conn: &mut Conn, user_id: &str, token_id: &str, now: i64) -> sqlx::Result<bool> {
    sqlx::query("update api_tokens set revoked_at = $3 where token_id = $1 and user_id = $2 and revoked_at is null")
        .bind(token_id)
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
}

/// Revokes every live token of a person (after an admin resets their password).
pub async fn revoke_all_for_user(conn: &mut Conn, user_id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("update api_tokens set revoked_at = $2 where user_id = $1 and revoked_at is null")
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}
