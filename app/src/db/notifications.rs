//! The in-app inbox: one row per recipient, read by its owner only. Every query names the owner,
//! so one person's rows can neither be listed nor marked by another.

use super::Conn;
use sqlx::FromRow;

/// A notification as its recipient sees it, with the actor's name.
#[derive(Debug, Clone, FromRow)]
pub struct NotificationRow {
    pub notification_id: String,
    pub kind: String,
    pub project_id: Option<String>,
    pub link: String,
    pub subject: String,
    pub actor_name: Option<String>,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// What every recipient of one event gets (each row has its own id).
pub struct NewNotificationRow<'a> {
    pub kind: &'a str,
    pub project_id: Option<&'a str>,
    pub link: &'a str,
    pub subject: &'a str,
    pub actor_id: &'a str,
    pub created_at: i64,
}

/// Rows per insert statement: 8 parameters each stays far below SQLite's (32,766) and
/// PostgreSQL's (65,535) limits.
const ROWS_PER_INSERT: usize = 200;

/// Stores `note` once for each of `user_ids`, with multi-row inserts.
pub async fn insert_many(conn: &mut Conn, user_ids: &[&str], note: &NewNotificationRow<'_>) -> sqlx::Result<()> {
    for chunk in user_ids.chunks(ROWS_PER_INSERT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p = i * 8;
                format!("(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})", p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8)
            })
            .collect();
        let sql = format!(
            "insert into notifications (notification_id, user_id, kind, project_id, link, subject, actor_id, created_at) values {}",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for user_id in chunk {
            query = query
                .bind(super::new_id())
                .bind(*user_id)
                .bind(note.kind)
                .bind(note.project_id)
                .bind(note.link)
                .bind(note.subject)
                .bind(note.actor_id)
                .bind(note.created_at);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The person's notifications, newest first (ids are time-ordered, so one event's rows and
/// same-millisecond events keep a stable order), at most `limit`.
pub async fn list_for(conn: &mut Conn, user_id: &str, unread_only: bool, limit: i64) -> sqlx::Result<Vec<NotificationRow>> {
    let unread = if unread_only { " and n.read_at is null" } else { "" };
    sqlx::query_as(&format!(
        "select n.notification_id, n.kind, n.project_id, n.link, n.subject, u.display_name as actor_name, n.created_at, n.read_at
         from notifications n left join users u on u.user_id = n.actor_id
         where n.user_id = $1{unread}
         order by n.created_at desc, n.notification_id desc
         limit {}",
        limit.max(0)
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await
}

pub async fn unread_count(conn: &mut Conn, user_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from notifications where user_id = $1 and read_at is null").bind(user_id).fetch_one(conn).await
}

/// Marks one of the person's notifications read (keeping the first reading's time). False when
/// they have no notification with this id, whoever else may.
pub async fn mark_read(conn: &mut Conn, notification_id: &str, user_id: &str, now: i64) -> sqlx::Result<bool> {
    sqlx::query("update notifications set read_at = coalesce(read_at, $3) where notification_id = $1 and user_id = $2")
        .bind(notification_id)
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
}

/// Marks every unread notification of the person read; returns how many that was.
pub async fn mark_all_read(conn: &mut Conn, user_id: &str, now: i64) -> sqlx::Result<u64> {
    sqlx::query("update notifications set read_at = $2 where user_id = $1 and read_at is null")
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
}
