//! The seed case's sign-offs, signed through the same service people use (minus the password
//! prompt: the demo is its own trusted author), at three moments of the story:
//!
//! 1. after meeting 1 — A's and B's PMs and architects sign the solution (option revision 1), both
//!    leaders sign baseline 1;
//! 2. after meeting 2 — revision 2 added B's approval-passed message, so those four solution
//!    sign-offs went stale by themselves; they sign revision 2 again, both PMs sign the
//!    requirement's revision 2 and both leaders baseline 2;
//! 3. after meeting 4 — the four sign revision 4; A's leader signs baseline 3 and B's leader has
//!    not yet (the browser test signs it).
//!
//! Times: each signature's `signed_at` is moved to its day of the story like the demo's other rows,
//! but the audit log entries that recorded them are never redated — an audit entry is not changed
//! by anything, ever. They carry the time the demo was loaded, in story order (the audit page
//! shows when something was recorded, which for the demo is its load).

use crate::auth::CurrentUser;
use crate::db::{self, DbKind};
use crate::domain::signoffs::SubjectKind;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::signoffs::service::{current_subjects, sign_verified};

async fn person(conn: &mut db::Conn, username: &str) -> Result<CurrentUser, AppError> {
    let row = db::users::find_by_username(conn, username).await?.ok_or(AppError::Internal)?;
    Ok(crate::auth::user_from_row(row))
}

/// Signs `kind`'s current revision of `subject` as each of `usernames`, and dates each signature
/// `at` (a minute apart, in order).
async fn sign_all(
    pool: &db::Db,
    kind: DbKind,
    requirement_id: &str,
    subject: SubjectKind,
    usernames: &[&str],
    at: i64,
) -> Result<(), AppError> {
    let mut tx = db::begin_write(pool, kind).await?;
    let project_id = db::requirements::find(&mut tx, requirement_id).await?.ok_or(AppError::Internal)?.project_id;
    let subject_id = if subject == SubjectKind::Baseline { project_id.clone() } else { requirement_id.to_string() };
    let current = current_subjects(&mut tx, &project_id).await?;
    let shown = current.iter().find(|s| s.dto.kind == subject && s.dto.subject_id == subject_id).ok_or(AppError::Internal)?;
    let (revision, fingerprint) = (shown.dto.revision, shown.dto.fingerprint.clone());
    for (i, username) in usernames.iter().enumerate() {
        let user = person(&mut tx, username).await?;
        let row = sign_verified(&mut tx, &user, &project_id, subject, &subject_id, revision, &fingerprint, Locale::ZhCn).await?;
        sqlx::query("update signoffs set signed_at = $1 where signoff_id = $2")
            .bind(at + i as i64 * 60_000)
            .bind(&row.signoff_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

const SOLUTION_SIGNERS: [&str; 4] = ["xiaozhang", "laowang", "xiaolan", "chengong"];

/// Meeting 1 agreed: the solution (revision 1) and baseline 1 are signed.
pub async fn after_meeting_1(pool: &db::Db, kind: DbKind, requirement_id: &str, at: i64) -> Result<(), AppError> {
    sign_all(pool, kind, requirement_id, SubjectKind::Solution, &SOLUTION_SIGNERS, at).await?;
    sign_all(pool, kind, requirement_id, SubjectKind::Baseline, &["zhaozong", "sunzong"], at + 3_600_000).await
}

/// Meeting 2 agreed the approval message: the stale solution sign-offs are given again, and the
/// requirement's revision 2 and baseline 2 are signed.
pub async fn after_meeting_2(pool: &db::Db, kind: DbKind, requirement_id: &str, at: i64) -> Result<(), AppError> {
    sign_all(pool, kind, requirement_id, SubjectKind::Requirement, &["xiaozhang", "xiaolan"], at).await?;
    sign_all(pool, kind, requirement_id, SubjectKind::Solution, &SOLUTION_SIGNERS, at + 3_600_000).await?;
    sign_all(pool, kind, requirement_id, SubjectKind::Baseline, &["zhaozong", "sunzong"], at + 2 * 3_600_000).await
}

/// Meeting 4 agreed revision 4: the solution is signed again; A's leader signs baseline 3.
pub async fn after_meeting_4(pool: &db::Db, kind: DbKind, requirement_id: &str, at: i64) -> Result<(), AppError> {
    sign_all(pool, kind, requirement_id, SubjectKind::Solution, &SOLUTION_SIGNERS, at).await?;
    sign_all(pool, kind, requirement_id, SubjectKind::Baseline, &["zhaozong"], at + 3_600_000).await
}
