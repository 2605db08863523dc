//! Inbox services. [`notify`] is called by other features' services inside their own transaction,
//! so a notification is stored exactly when the event it announces is; the rest serve the
//! person's own inbox (server functions and REST alike) and never touch anyone else's rows.

use super::dto::*;
use crate::access::project_access;
use crate::auth::CurrentUser;
use crate::db::{self, notifications as repo};
use crate::domain::permissions::{can_read_project, Actor};
use crate::domain::DomainError;
use crate::error::AppError;
use crate::state::AppState;

/// Longest list the inbox returns at once.
pub const PAGE_MAX: i64 = 200;
pub const PAGE_DEFAULT: i64 = 50;
/// Longest subject kept, in characters: it is one line in a list, not the thing itself.
pub const SUBJECT_MAX: usize = 200;

/// One event to announce.
pub struct NewNotification<'a> {
    pub kind: NotificationKind,
    /// The project it is about: recipients who may not read it are left out.
    pub project_id: Option<&'a str>,
    /// A path on this site, e.g. `/change-requests/<id>`.
    pub link: &'a str,
    /// What it is about, in a few words (an option's title, a request's reason).
    pub subject: &'a str,
    /// Who caused it: never notified of their own action.
    pub actor_id: &'a str,
}

/// Puts `note` in the inbox of each of `recipients`, in the caller's transaction.
///
/// The actor is left out (nobody needs telling what they just did), each person gets it once
/// however often they are listed, ids that name nobody are ignored, and when the note is about a
/// project, people who may not read that project are left out too: a notification names its
/// subject, and a restricted project's titles must not reach outsiders (an `@mention` can name
/// anyone).
#[tracing::instrument(skip_all, fields(kind = note.kind.as_str(), recipients = recipients.len()))]
pub async fn notify(conn: &mut db::Conn, recipients: &[String], note: NewNotification<'_>) -> Result<(), AppError> {
    if !is_internal_link(note.link) {
        tracing::error!(link = note.link, "a notification's link must be a path on this site");
        return Err(AppError::Internal);
    }
    let candidates = distinct_recipients(recipients, note.actor_id);
    if candidates.is_empty() {
        return Ok(());
    }
    let project = match note.project_id {
        Some(project_id) => {
            let project = db::projects::find(conn, project_id).await?.ok_or_else(|| {
                tracing::error!(project_id, "a notification names a project that does not exist");
                AppError::Internal
            })?;
            let stakeholders = db::projects::stakeholders(conn, project_id).await?;
            Some((project, stakeholders))
        }
        None => None,
    };
    let mut keep = Vec::with_capacity(candidates.len());
    for user_id in candidates {
        let Some(person) = db::users::find(conn, user_id).await? else { continue };
        let readable = project.as_ref().is_none_or(|(project, stakeholders)| {
            let actor = Actor {
                user_id: &person.user_id,
                department_id: &person.department_id,
                role: person.job_role,
                is_admin: person.is_admin == 1,
            };
            can_read_project(&actor, &project_access(project, stakeholders))
        });
        if readable {
            keep.push(user_id);
        }
    }
    if keep.is_empty() {
        return Ok(());
    }
    let subject = clip_subject(note.subject);
    let row = repo::NewNotificationRow {
        kind: note.kind.as_str(),
        project_id: note.project_id,
        link: note.link,
        subject: &subject,
        actor_id: note.actor_id,
        created_at: db::now_ms(),
    };
    repo::insert_many(conn, &keep, &row).await?;
    Ok(())
}

/// The recipients to consider: each id once, in the order given, without the actor or blanks.
fn distinct_recipients<'a>(recipients: &'a [String], actor_id: &str) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::with_capacity(recipients.len());
    for id in recipients.iter().map(String::as_str) {
        if !id.is_empty() && id != actor_id && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The subject on one line (runs of whitespace and line breaks become one space), cut to
/// [`SUBJECT_MAX`] characters with an ellipsis.
fn clip_subject(subject: &str) -> String {
    let line = subject.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= SUBJECT_MAX {
        return line;
    }
    let mut cut: String = line.chars().take(SUBJECT_MAX - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

fn notification_dto(row: repo::NotificationRow) -> Option<NotificationDto> {
    let Some(kind) = NotificationKind::parse(&row.kind) else {
        // Written by a newer version: leave it out rather than fail the whole inbox.
        tracing::warn!(kind = %row.kind, notification_id = %row.notification_id, "skipping a notification of an unknown kind");
        return None;
    };
    Some(NotificationDto {
        id: row.notification_id,
        kind,
        project_id: row.project_id,
        link: row.link,
        subject: row.subject,
        actor_name: row.actor_name,
        created_at: row.created_at,
        read: row.read_at.is_some(),
    })
}

/// The person's own notifications, newest first.
#[tracing::instrument(skip_all)]
pub async fn list(state: &AppState, user: &CurrentUser, query: NotificationListQuery) -> Result<Vec<NotificationDto>, AppError> {
    let limit = query.limit.unwrap_or(PAGE_DEFAULT);
    if !(1..=PAGE_MAX).contains(&limit) {
        return Err(DomainError::OutOfRange { field: "limit".into(), min: 1, max: PAGE_MAX }.into());
    }
    let mut conn = state.db.acquire().await?;
    let rows = repo::list_for(&mut conn, &user.id, query.unread_only.unwrap_or(false), limit).await?;
    Ok(rows.into_iter().filter_map(notification_dto).collect())
}

#[tracing::instrument(skip_all)]
pub async fn unread_count(state: &AppState, user: &CurrentUser) -> Result<UnreadCount, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(UnreadCount { unread: repo::unread_count(&mut conn, &user.id).await? })
}

/// Marks one of the person's notifications read (again is fine); someone else's, or none, is
/// "not found". Answers the new unread count, for the badge.
#[tracing::instrument(skip_all, fields(notification_id = %notification_id))]
pub async fn mark_read(state: &AppState, user: &CurrentUser, notification_id: &str) -> Result<UnreadCount, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    if !repo::mark_read(&mut tx, notification_id, &user.id, db::now_ms()).await? {
        return Err(AppError::NotFound);
    }
    let unread = repo::unread_count(&mut tx, &user.id).await?;
    tx.commit().await?;
    Ok(UnreadCount { unread })
}

/// Marks all of the person's notifications read.
#[tracing::instrument(skip_all)]
pub async fn mark_all_read(state: &AppState, user: &CurrentUser) -> Result<UnreadCount, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    repo::mark_all_read(&mut tx, &user.id, db::now_ms()).await?;
    let unread = repo::unread_count(&mut tx, &user.id).await?;
    tx.commit().await?;
    Ok(UnreadCount { unread })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn recipients_are_distinct_in_order_without_the_actor_or_blanks() {
        let cases: [(&[&str], &str, &[&str], &str); 5] = [
            (&["b", "c"], "a", &["b", "c"], "others are kept in order"),
            (&["b", "a", "c"], "a", &["b", "c"], "the actor is left out"),
            (&["b", "c", "b", "c", "b"], "a", &["b", "c"], "each person once"),
            (&["", "b", ""], "a", &["b"], "blank ids are ignored"),
            (&["a", "a"], "a", &[], "only the actor: nobody"),
        ];
        for (given, actor, expected, why) in cases {
            assert_eq!(distinct_recipients(&ids(given), actor), expected, "{why}");
        }
    }

    #[test]
    fn a_subject_is_one_line_of_at_most_the_maximum() {
        assert_eq!(clip_subject("  A queries B's\n approval-status   API "), "A queries B's approval-status API");
        assert_eq!(clip_subject(""), "");
        let exact = "字".repeat(SUBJECT_MAX);
        assert_eq!(clip_subject(&exact), exact, "at the maximum nothing is cut");
        let long = format!("{} tail", "字".repeat(SUBJECT_MAX));
        let clipped = clip_subject(&long);
        assert_eq!(clipped.chars().count(), SUBJECT_MAX, "counted in characters, not bytes");
        assert!(clipped.ends_with('…'));
        let spaced = format!("{} {}", "a".repeat(SUBJECT_MAX - 2), "b".repeat(10));
        assert_eq!(clip_subject(&spaced), format!("{}…", "a".repeat(SUBJECT_MAX - 2)), "no space before the ellipsis");
    }
}
