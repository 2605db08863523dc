//! One writer at a time for a thing whose rule spans several rows ("the last approval closes the
//! request", "there is always an administrator", "one signature per cell").
//!
//! SQLite already runs one write transaction at a time ([`super::begin_write`] takes the write lock
//! up front). PostgreSQL runs write transactions side by side at READ COMMITTED, so two of them
//! can both check a rule against the same rows and then both write, together breaking it. A
//! service whose check spans several rows therefore calls [`serialise`] first, before it reads
//! what it checks: on PostgreSQL that takes a transaction-scoped advisory lock on the thing (held
//! until commit or rollback), and every statement after it sees what the previous holder
//! committed. Rules that one row or one unique index can hold (versions, `change_requests_one_pending`)
//! need no lock.
//!
//! Deadlock-free by construction: a transaction takes at most one of these, and takes it before
//! any row lock of its own.

use super::Conn;

/// What a write transaction must have to itself while it checks and writes.
#[derive(Debug, Clone, Copy)]
pub enum Serialised<'a> {
    /// The decisions on one change request: whoever records the last approval closes it.
    ChangeRequest(&'a str),
    /// The set of administrators: never empty, and only one first administrator.
    Administrators,
    /// Which plan one project agreed: choosing an option or editing one (either may open a change
    /// request and changes the status of the requirement's other options).
    ProjectSchedule(&'a str),
    /// The sign-offs of one project: one signature per cell and revision.
    ProjectSignoffs(&'a str),
    /// One meeting: its status decides which of its parts may still change.
    Meeting(&'a str),
}

impl Serialised<'_> {
    /// The lock's name; hashed to PostgreSQL's 64-bit advisory-lock key (a collision only makes
    /// two unrelated writers wait for each other, never lets two of the same thing through).
    fn key(&self) -> String {
        match self {
            Serialised::ChangeRequest(id) => format!("change_request:{id}"),
            Serialised::Administrators => "administrators".into(),
            Serialised::ProjectSchedule(id) => format!("schedule:{id}"),
            Serialised::ProjectSignoffs(id) => format!("signoffs:{id}"),
            Serialised::Meeting(id) => format!("meeting:{id}"),
        }
    }
}

/// Waits until no other transaction holds `what`, then holds it until this transaction ends.
/// A no-op on SQLite, whose write transactions never overlap.
pub async fn serialise(conn: &mut Conn, what: Serialised<'_>) -> sqlx::Result<()> {
    if conn.backend_name() != "PostgreSQL" {
        return Ok(());
    }
    // The lock function returns `void`, which the Any driver cannot decode: select a constant.
    sqlx::query("select 1 from (select pg_advisory_xact_lock(hashtextextended($1, 0))) as held").bind(what.key()).execute(conn).await?;
    Ok(())
}
