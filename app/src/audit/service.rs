//! The audit log's services: [`record`] (called by other features inside their transaction),
//! [`list`] (a project's entries, for its readers) and [`verify_chain`] (the hash chain; the
//! whole trail, with the sign-offs and meetings it vouches for, is [`crate::trail`]'s).

use super::dto::*;
use crate::access::load_readable;
use crate::auth::CurrentUser;
use crate::db::{self, audit as repo};
use crate::domain::signoffs::{canonical_json, sha256_hex};
use crate::domain::DomainError;
use crate::error::AppError;
use crate::state::AppState;

/// The `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// Longest page [`list`] returns.
pub const LIST_MAX: i64 = 500;
pub const LIST_DEFAULT: i64 = 100;
/// Entries read per query while verifying.
const VERIFY_PAGE: i64 = 5_000;

/// One event to record.
pub struct NewAuditEntry<'a> {
    /// The project it belongs to (its readers may list it); `None` for none.
    pub project_id: Option<&'a str>,
    pub actor_id: &'a str,
    pub action: AuditAction,
    /// e.g. "meeting", "decision", "signoff", "change_request"
    pub subject_kind: &'a str,
    pub subject_id: &'a str,
    /// What happened, as JSON (canonicalised before hashing).
    pub payload: serde_json::Value,
}

/// The canonical JSON of an entry: all its fields but `hash`, keys sorted, with the stored
/// payload text (itself canonical JSON) spliced in verbatim. Equal to [`canonical_json`] of the
/// whole entry as an object, but built without parsing the payload, so verifying a long log is a
/// matter of string building and hashing.
pub fn entry_canonical(row: &repo::AuditRow) -> String {
    let text = |s: &str| serde_json::Value::String(s.to_string()).to_string();
    let project = row.project_id.as_deref().map_or_else(|| "null".to_string(), text);
    let mut out = String::with_capacity(row.payload.len() + 400);
    out.push_str("{\"action\":");
    out.push_str(&text(&row.action));
    out.push_str(",\"actor_id\":");
    out.push_str(&text(&row.actor_id));
    out.push_str(",\"created_at\":");
    out.push_str(&row.created_at.to_string());
    out.push_str(",\"payload\":");
    out.push_str(&row.payload);
    out.push_str(",\"prev_hash\":");
    out.push_str(&text(&row.prev_hash));
    out.push_str(",\"project_id\":");
    out.push_str(&project);
    out.push_str(",\"seq\":");
    out.push_str(&row.seq.to_string());
    out.push_str(",\"subject_id\":");
    out.push_str(&text(&row.subject_id));
    out.push_str(",\"subject_kind\":");
    out.push_str(&text(&row.subject_kind));
    out.push('}');
    out
}

/// The entry's hash: SHA-256 (hex) of [`entry_canonical`], which includes `prev_hash`. Changing
/// any field of any entry (a single byte of its payload included), or the order of entries,
/// changes a hash that later entries (and the head) depend on.
pub fn entry_hash(row: &repo::AuditRow) -> String {
    sha256_hex(entry_canonical(row).as_bytes())
}

/// Appends `entry` to the chain, in the caller's write transaction (so it is stored exactly when
/// the event it records is). Concurrent appenders serialise on the head row.
#[tracing::instrument(skip_all, fields(action = entry.action.as_str(), subject_kind = entry.subject_kind))]
pub async fn record(conn: &mut db::Conn, entry: NewAuditEntry<'_>) -> Result<(), AppError> {
    let (seq, prev_hash) = repo::claim_next(conn).await?;
    let payload_text = canonical_json(&entry.payload);
    let mut row = repo::AuditRow {
        seq,
        project_id: entry.project_id.map(str::to_string),
        created_at: db::now_ms(),
        actor_id: entry.actor_id.to_string(),
        action: entry.action.as_str().to_string(),
        subject_kind: entry.subject_kind.to_string(),
        subject_id: entry.subject_id.to_string(),
        payload: payload_text,
        prev_hash,
        hash: String::new(),
    };
    row.hash = entry_hash(&row);
    repo::append(conn, &row).await?;
    Ok(())
}

/// A project's entries, newest first, for people who may read the project (404 otherwise).
#[tracing::instrument(skip_all, fields(project_id = %query.project))]
pub async fn list(state: &AppState, user: &CurrentUser, query: AuditListQuery) -> Result<Vec<AuditEntryDto>, AppError> {
    let limit = query.limit.unwrap_or(LIST_DEFAULT);
    if !(1..=LIST_MAX).contains(&limit) {
        return Err(DomainError::OutOfRange { field: "limit".into(), min: 1, max: LIST_MAX }.into());
    }
    if query.project.trim().is_empty() {
        return Err(DomainError::Empty { field: "project".into() }.into());
    }
    let mut conn = state.db.acquire().await?;
    load_readable(&mut conn, user, &query.project).await?;
    let rows = repo::list_for_project(&mut conn, &query.project, query.before, limit).await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntryDto {
            seq: r.seq,
            created_at: r.created_at,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            action: r.action,
            subject_kind: r.subject_kind,
            subject_id: r.subject_id,
            payload: serde_json::from_str(&r.payload).unwrap_or(serde_json::Value::Null),
            hash: r.hash,
        })
        .collect())
}

/// Checks one entry against its predecessor's hash and position; `Some(problem)` when it does
/// not match.
pub fn check_entry(row: &repo::AuditRow, expected_seq: i64, expected_prev: &str) -> Option<String> {
    if row.seq != expected_seq {
        return Some(format!("expected entry {expected_seq} but found entry {} (an entry is missing)", row.seq));
    }
    if row.prev_hash != expected_prev {
        return Some("its prev_hash is not the previous entry's hash".into());
    }
    if entry_hash(row) != row.hash {
        return Some("its content does not match its hash".into());
    }
    None
}

/// Recomputes the whole chain in order and answers how many entries it holds and the first that
/// does not match. The whole-trail check ([`crate::trail::verify`]) starts here.
pub async fn verify_chain(conn: &mut db::Conn) -> Result<(i64, Option<AuditMismatch>), AppError> {
    let mut expected_prev = GENESIS_HASH.to_string();
    let mut last = 0_i64;
    let mut entries = 0_i64;
    loop {
        let page = repo::chain_page(conn, last, VERIFY_PAGE).await?;
        if page.is_empty() {
            break;
        }
        for row in &page {
            entries += 1;
            if let Some(problem) = check_entry(row, last + 1, &expected_prev) {
                let seq = if row.seq == last + 1 { row.seq } else { last + 1 };
                return Ok((entries, Some(AuditMismatch::at_entry(seq, problem))));
            }
            last = row.seq;
            expected_prev.clone_from(&row.hash);
        }
    }
    let (head_seq, head_hash) = repo::head(conn).await?;
    if head_seq != last || head_hash != expected_prev {
        let problem = format!("the chain ends at entry {last} but its head records entry {head_seq} (entries were removed from the end)");
        return Ok((entries, Some(AuditMismatch::at_entry(last + 1, problem))));
    }
    Ok((entries, None))
}

impl AuditMismatch {
    pub(crate) fn at_entry(seq: i64, problem: String) -> Self {
        AuditMismatch { seq: Some(seq), signoff_id: None, subject_kind: None, subject_id: None, problem }
    }

    pub(crate) fn of_record(kind: &str, id: String, problem: String) -> Self {
        AuditMismatch { seq: None, signoff_id: None, subject_kind: Some(kind.to_string()), subject_id: Some(id), problem }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(payload: &serde_json::Value, project_id: Option<&str>) -> repo::AuditRow {
        repo::AuditRow {
            seq: 42,
            project_id: project_id.map(str::to_string),
            created_at: 1_764_000_000_000,
            actor_id: "u\"1".into(),
            action: "sign_off_signed".into(),
            subject_kind: "signoff".into(),
            subject_id: "s-1".into(),
            payload: canonical_json(payload),
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
        }
    }

    #[test]
    fn the_spliced_entry_is_the_canonical_json_of_the_whole_entry() {
        let payload = serde_json::json!({"z": [1, {"b": "中文\n", "a": null}], "a": "x"});
        for project in [Some("p-1"), None] {
            let r = row(&payload, project);
            let whole = serde_json::json!({
                "seq": r.seq, "project_id": r.project_id, "created_at": r.created_at, "actor_id": r.actor_id,
                "action": r.action, "subject_kind": r.subject_kind, "subject_id": r.subject_id,
                "payload": payload, "prev_hash": r.prev_hash,
            });
            assert_eq!(entry_canonical(&r), canonical_json(&whole));
        }
    }

    #[test]
    fn any_change_to_an_entry_is_caught() {
        let mut r = row(&serde_json::json!({"revision": 2}), Some("p"));
        r.hash = entry_hash(&r);
        assert_eq!(check_entry(&r, 42, GENESIS_HASH), None);
        let mut altered = r.clone();
        altered.payload = altered.payload.replace('2', "3");
        assert!(check_entry(&altered, 42, GENESIS_HASH).is_some());
        let mut relinked = r.clone();
        relinked.prev_hash = "f".repeat(64);
        assert!(check_entry(&relinked, 42, GENESIS_HASH).is_some());
        assert!(check_entry(&r, 41, GENESIS_HASH).is_some(), "out of place");
    }
}
