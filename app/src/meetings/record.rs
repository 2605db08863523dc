//! What the audit log records of a meeting, and the check that the stored meeting still says it.
//!
//! Closing a meeting writes one `meeting_closed` entry (its title, kind, times, agenda with the
//! minutes, who came, its decisions and action items) and one `decision_recorded` entry per
//! decision; an amendment writes a `meeting_amended` entry and one per decision it adds. The
//! payloads are built here, from the stored rows, both when they are recorded and when
//! `concord audit verify` rebuilds them, so the two cannot drift apart. [`verify`] then compares
//! each closed meeting, each of its decisions and each amendment with the entry that recorded it
//! (and each such entry with a row that still exists): minutes edited, a decision reworded or
//! deleted, or a closed meeting reopened directly in the database are all named.
//!
//! Lists whose order is only a display order (attendees, makers, links, ids) are recorded sorted
//! ([`normalised`]) and compared sorted, so renaming a person does not look like tampering.

use crate::audit::AuditAction;
use crate::db::{self, audit::AuditRow, meetings as repo};
use crate::error::AppError;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The audit subject kinds of meeting entries and decision entries.
pub const MEETING_SUBJECT: &str = "meeting";
pub const DECISION_SUBJECT: &str = "decision";

/// A stored meeting row (or an entry about one) that does not match the log.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordMismatch {
    /// `meeting`, `decision` or `amendment`.
    pub kind: &'static str,
    pub id: String,
    /// The entry concerned, when the problem is an entry without its row.
    pub seq: Option<i64>,
    pub problem: String,
}

/// The `meeting_closed` payload of `meeting` as it is stored now.
pub async fn close_payload(conn: &mut db::Conn, meeting: &repo::MeetingRow) -> Result<Value, AppError> {
    let id = &meeting.meeting_id;
    let agenda: Vec<Value> = repo::agenda(conn, id)
        .await?
        .into_iter()
        .map(|a| json!({ "item_id": a.item_id, "title": a.title, "subject_kind": a.subject_kind, "subject_id": a.subject_id, "minutes": a.minutes }))
        .collect();
    let attendees: Vec<String> = repo::attendance(conn, id).await?.into_iter().map(|a| a.user_id).collect();
    // The meeting's own decisions: those an amendment added came after the close.
    let decisions: Vec<String> = repo::decisions(conn, repo::DecisionScope::Meeting(id))
        .await?
        .into_iter()
        .filter(|d| d.amendment_id.is_none())
        .map(|d| d.decision_id)
        .collect();
    let actions: Vec<String> = repo::meeting_actions(conn, id).await?.into_iter().map(|a| a.action_id).collect();
    Ok(normalised(json!({
        "title": meeting.title,
        "kind": meeting.kind,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "agenda": agenda,
        "attendees": attendees,
        "decisions": decisions,
        "action_items": actions,
    })))
}

/// The `decision_recorded` payloads of the decisions in `scope`, by decision id.
pub async fn decision_payloads(conn: &mut db::Conn, scope: repo::DecisionScope<'_>) -> Result<BTreeMap<String, (String, Value)>, AppError> {
    let rows = repo::decisions(conn, scope).await?;
    let mut makers: HashMap<String, Vec<String>> = HashMap::new();
    for m in repo::makers(conn, scope).await? {
        makers.entry(m.decision_id).or_default().push(m.user_id);
    }
    let mut links: HashMap<String, Vec<Value>> = HashMap::new();
    for l in repo::links(conn, scope).await? {
        links.entry(l.decision_id).or_default().push(json!({ "kind": l.subject_kind, "id": l.subject_id }));
    }
    Ok(rows
        .into_iter()
        .map(|d| {
            let payload = json!({
                "meeting_id": d.meeting_id,
                "text": d.body,
                "makers": makers.remove(&d.decision_id).unwrap_or_default(),
                "links": links.remove(&d.decision_id).unwrap_or_default(),
                "amendment_id": d.amendment_id,
                "corrects_id": d.corrects_id,
            });
            (d.decision_id, (d.project_id, normalised(payload)))
        })
        .collect())
}

/// The `meeting_amended` payload of an amendment.
pub fn amendment_payload(amendment_id: &str, text: &str, decisions: &[String]) -> Value {
    normalised(json!({ "amendment_id": amendment_id, "text": text, "decisions": decisions }))
}

/// Checks every closed meeting, its decisions and amendments against the entries that recorded
/// them, and every meeting or decision entry against a row that still says it. Answers how many
/// meetings, decisions and amendments were checked, and the first that does not match.
pub async fn verify(conn: &mut db::Conn) -> Result<(i64, Option<RecordMismatch>), AppError> {
    let mut closes: HashMap<String, AuditRow> = HashMap::new();
    let mut amended: HashMap<String, AuditRow> = HashMap::new();
    for entry in db::audit::of_subject_kind(conn, MEETING_SUBJECT).await? {
        if entry.action == AuditAction::MeetingClosed.as_str() {
            closes.entry(entry.subject_id.clone()).or_insert(entry);
        } else if entry.action == AuditAction::MeetingAmended.as_str() {
            let amendment = parsed(&entry).get("amendment_id").and_then(Value::as_str).unwrap_or_default().to_string();
            amended.entry(amendment).or_insert(entry);
        }
    }
    let mut recorded: HashMap<String, AuditRow> = HashMap::new();
    for entry in db::audit::of_subject_kind(conn, DECISION_SUBJECT).await? {
        if entry.action == AuditAction::DecisionRecorded.as_str() {
            recorded.entry(entry.subject_id.clone()).or_insert(entry);
        }
    }

    let mut checked = 0_i64;
    let (mut seen_closes, mut seen_decisions, mut seen_amendments) = (HashSet::new(), HashSet::new(), HashSet::new());
    for meeting in repo::closed_meetings(conn).await? {
        checked += 1;
        let id = meeting.meeting_id.clone();
        let Some(entry) = closes.get(&id) else {
            return Ok((checked, Some(row_problem("meeting", &id, "no audit entry records its close"))));
        };
        seen_closes.insert(id.clone());
        if normalised(parsed(entry)) != close_payload(conn, &meeting).await? {
            let problem = format!("its title, times, agenda, minutes, attendance, decisions or action items differ from audit entry {} that recorded its close", entry.seq);
            return Ok((checked, Some(row_problem("meeting", &id, &problem))));
        }
        let decisions = decision_payloads(conn, repo::DecisionScope::Meeting(&id)).await?;
        for (decision_id, (project_id, payload)) in &decisions {
            checked += 1;
            let Some(entry) = recorded.get(decision_id) else {
                return Ok((checked, Some(row_problem("decision", decision_id, "no audit entry records it"))));
            };
            seen_decisions.insert(decision_id.clone());
            if normalised(parsed(entry)) != *payload || entry.project_id.as_deref() != Some(project_id.as_str()) {
                let problem = format!("its text, makers or links differ from audit entry {} that recorded it", entry.seq);
                return Ok((checked, Some(row_problem("decision", decision_id, &problem))));
            }
        }
        for amendment in repo::amendments(conn, &id).await? {
            checked += 1;
            let aid = amendment.amendment_id.clone();
            let Some(entry) = amended.get(&aid) else {
                return Ok((checked, Some(row_problem("amendment", &aid, "no audit entry records it"))));
            };
            seen_amendments.insert(aid.clone());
            // The decisions this amendment added, from the payloads already built above.
            let added: Vec<String> = decisions
                .iter()
                .filter(|(_, (_, payload))| payload["amendment_id"].as_str() == Some(aid.as_str()))
                .map(|(decision_id, _)| decision_id.clone())
                .collect();
            let expected = amendment_payload(&aid, &amendment.body, &added);
            if entry.subject_id != id || entry.actor_id != amendment.author_id || normalised(parsed(entry)) != expected {
                let problem = format!("its author, text or decisions differ from audit entry {} that recorded it", entry.seq);
                return Ok((checked, Some(row_problem("amendment", &aid, &problem))));
            }
        }
    }

    // Entries whose row is gone, or whose meeting is no longer closed.
    let orphans = [
        (&closes, &seen_closes, "meeting", "it records the close of a meeting that is no longer closed or no longer exists"),
        (&recorded, &seen_decisions, "decision", "it records a decision that no longer exists (or whose meeting is no longer closed)"),
        (&amended, &seen_amendments, "amendment", "it records an amendment that no longer exists"),
    ];
    let mut first: Option<RecordMismatch> = None;
    for (entries, seen, kind, problem) in orphans {
        for (id, entry) in entries.iter().filter(|(id, _)| !seen.contains(*id)) {
            if first.as_ref().is_none_or(|f| f.seq > Some(entry.seq)) {
                first = Some(RecordMismatch { kind, id: id.clone(), seq: Some(entry.seq), problem: problem.to_string() });
            }
        }
    }
    Ok((checked, first))
}

fn row_problem(kind: &'static str, id: &str, problem: &str) -> RecordMismatch {
    RecordMismatch { kind, id: id.to_string(), seq: None, problem: problem.to_string() }
}

fn parsed(entry: &AuditRow) -> Value {
    serde_json::from_str(&entry.payload).unwrap_or(Value::Null)
}

/// `payload` with its order-free lists sorted (entries recorded before they were recorded sorted
/// compare equal to the rebuilt ones).
fn normalised(mut payload: Value) -> Value {
    if let Some(object) = payload.as_object_mut() {
        for key in ["attendees", "decisions", "action_items", "makers", "links"] {
            if let Some(Value::Array(items)) = object.get_mut(key) {
                items.sort_by_key(|v| v.to_string());
            }
        }
    }
    payload
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_free_lists_compare_equal_in_any_order() {
        let a = json!({"makers": ["b", "a"], "links": [{"kind": "option", "id": "2"}, {"kind": "option", "id": "1"}], "agenda": [2, 1]});
        let b = json!({"makers": ["a", "b"], "links": [{"kind": "option", "id": "1"}, {"kind": "option", "id": "2"}], "agenda": [2, 1]});
        assert_eq!(normalised(a), normalised(b));
        let reordered_agenda = json!({"makers": ["a", "b"], "agenda": [1, 2]});
        assert_ne!(
            normalised(reordered_agenda),
            normalised(json!({"makers": ["a", "b"], "agenda": [2, 1]})),
            "the agenda's order is part of the record"
        );
    }

    #[test]
    fn an_amendment_records_its_decisions_sorted() {
        let p = amendment_payload("am", "更正", &["z".into(), "a".into()]);
        assert_eq!(p["decisions"], json!(["a", "z"]));
        assert_eq!(p["text"], "更正");
    }
}
