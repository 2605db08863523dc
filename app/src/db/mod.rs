//! Persistence (server only): one portable SQL dialect over SQLite and PostgreSQL via `sqlx::Any`.
//!
//! Repositories are free async functions over `&mut AnyConnection`, so a service can run several
//! in one transaction and commit once. Row structs stay in here; services turn them into DTOs.

pub mod audit;
pub mod calendar_changes;
pub mod columns;
pub mod constraints;
pub mod departments;
pub mod insert;
pub mod locks;
pub mod meetings;
pub mod notifications;
pub mod projects;
pub mod requirements;
pub mod schedule_settings;
pub mod sessions;
pub mod signoffs;
pub mod solutions;
pub mod stored;
pub mod tokens;
pub mod users;

use anyhow::Context;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use std::time::{SystemTime, UNIX_EPOCH};

pub type Db = AnyPool;
pub type Conn = sqlx::AnyConnection;

/// Which engine a pool talks to (reported by `/healthz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl DbKind {
    pub fn from_url(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(DbKind::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(DbKind::Postgres)
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres:")
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            DbKind::Sqlite => "sqlite",
            DbKind::Postgres => "postgres",
        }
    }
}

/// Opens a pool, creating the SQLite file (and its folder) if needed and switching it to WAL.
pub async fn connect(url: &str) -> anyhow::Result<(Db, DbKind)> {
    sqlx::any::install_default_drivers();
    let kind = DbKind::from_url(url)?;
    let url = if kind == DbKind::Sqlite { prepare_sqlite_url(url)? } else { url.to_string() };
    // SQLite runs a thread per connection; a few suffice for reads (WAL) and one writer at a time.
    let max = if kind == DbKind::Sqlite { 4 } else { 16 };
    let pool = AnyPoolOptions::new()
        .max_connections(max)
        .min_connections(1)
        .acquire_timeout(std::time::Duration::from_secs(5))
        // A broken connection surfaces as a query error anyway; pinging on every acquire would
        // add a round trip to each of a page's queries.
        .test_before_acquire(false)
        .connect(&url)
        .await
        .with_context(|| format!("connecting to the {} database", kind.as_str()))?;
    if kind == DbKind::Sqlite {
        // WAL lets readers carry on while one writer commits; it is stored in the file itself.
        sqlx::query("pragma journal_mode = wal").execute(&pool).await.context("enabling WAL")?;
    }
    Ok((pool, kind))
}

/// Makes sure the SQLite file's folder exists and that the file is created on first start.
fn prepare_sqlite_url(url: &str) -> anyhow::Result<String> {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let file = path.split('?').next().unwrap_or_default();
    if !file.is_empty() && file != ":memory:" {
        if let Some(dir) = std::path::Path::new(file).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
        }
    }
    let mut url = url.to_string();
    if !url.contains("mode=") {
        url.push_str(if url.contains('?') { "&mode=rwc" } else { "?mode=rwc" });
    }
    Ok(url)
}

/// Applies every migration in `migrations/` that has not run yet (forward-only).
pub async fn migrate(pool: &Db) -> anyhow::Result<()> {
    sqlx::migrate!("../migrations").run(pool).await.context("running database migrations")
}

/// Starts a transaction that will write. On SQLite it takes the write lock up front
/// (`begin immediate`): a deferred transaction that reads first and writes later cannot wait for a
/// concurrent writer and fails at once with "database is locked"; an immediate one waits its turn
/// (up to the busy timeout). PostgreSQL needs nothing special.
pub async fn begin_write(pool: &Db, kind: DbKind) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Any>> {
    match kind {
        DbKind::Sqlite => pool.begin_with("begin immediate").await,
        DbKind::Postgres => pool.begin().await,
    }
}

/// Milliseconds since the Unix epoch: the one timestamp format in the database.
pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// A new time-ordered id (UUIDv7), made in Rust so both engines store the same text.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
