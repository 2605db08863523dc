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

/// A token's or feed's use is written down at most once a minute: "last used" needs no finer
/// grain, and a script's burst of requests then costs one write, not one each.
pub const USE_RECORDED_EVERY_MS: i64 = 60_000;

/// Whether a use at `now` is worth writing down, the last one recorded being `last`.
pub fn use_worth_recording(last: Option<i64>, now: i64) -> bool {
    last.is_none_or(|at| now - at >= USE_RECORDED_EVERY_MS)
}

/// The owner of a live (not revoked) token, recording that it was used (see [`use_worth_recording`]).
pub async fn user_of(conn: &mut Conn, token_hash: &str, now: i64) -> sqlx::Result<Option<String>> {
    let found: Option<(String, Option<i64>)> =
        sqlx::query_as("select user_id, last_used_at from api_tokens where token_hash = $1 and revoked_at is null")
            .bind(token_hash)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((user, last)) = found else { return Ok(None) };
    if use_worth_recording(last, now) {
        sqlx::query("update api_tokens set last_used_at = $2 where token_hash = $1").bind(token_hash).bind(now).execute(conn).await?;
    }
    Ok(Some(user))
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
