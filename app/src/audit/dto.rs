//! Wire types of the audit log, and the actions it records (shared by server and browser).

use serde::{Deserialize, Serialize};

/// What an audit entry records. Stored as its snake_case name in `audit_log.action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// A person signed a sign-off matrix cell.
    SignOffSigned,
    /// A person revoked their sign-off, with a reason.
    SignOffRevoked,
    /// A meeting recorded a decision.
    DecisionRecorded,
    /// A meeting was closed (its minutes and decisions locked).
    MeetingClosed,
    /// A closed meeting received an amendment.
    MeetingAmended,
    /// A leader approved or rejected a schedule change request for their department.
    ChangeRequestDecided,
}

impl AuditAction {
    pub const ALL: [AuditAction; 6] = [
        AuditAction::SignOffSigned,
        AuditAction::SignOffRevoked,
        AuditAction::DecisionRecorded,
        AuditAction::MeetingClosed,
        AuditAction::MeetingAmended,
        AuditAction::ChangeRequestDecided,
    ];

    /// The stored name (the same as the JSON one); part of each entry's hash, so never renamed.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignOffSigned => "sign_off_signed",
            AuditAction::SignOffRevoked => "sign_off_revoked",
            AuditAction::DecisionRecorded => "decision_recorded",
            AuditAction::MeetingClosed => "meeting_closed",
            AuditAction::MeetingAmended => "meeting_amended",
            AuditAction::ChangeRequestDecided => "change_request_decided",
        }
    }

    /// The action of a stored name; `None` for a name this version does not know.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == raw)
    }
}

/// One entry of a project's audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditEntryDto {
    /// Position in the one global chain (1, 2, ...).
    pub seq: i64,
    /// Epoch milliseconds when it was recorded.
    pub created_at: i64,
    pub actor_id: String,
    /// `None` when the account is gone.
    pub actor_name: Option<String>,
    /// The stored action name (e.g. `sign_off_signed`); unknown names are passed through.
    pub action: String,
    /// e.g. `signoff`, `decision`, `meeting`, `change_request`.
    pub subject_kind: String,
    pub subject_id: String,
    /// What happened, as recorded.
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub payload: serde_json::Value,
    /// SHA-256 (hex) of the entry, chained to the previous one.
    pub hash: String,
}

/// Query string of `GET /api/v1/audit`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
#[serde(deny_unknown_fields)]
pub struct AuditListQuery {
    /// The project whose entries to list (required).
    #[serde(default)]
    pub project: String,
    /// Only entries with a smaller `seq` (paging back in time).
    pub before: Option<i64>,
    /// 1..=500, default 100; newest first.
    pub limit: Option<i64>,
}

/// The outcome of verifying the whole log (`concord audit verify`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditVerifyReport {
    /// Entries checked.
    pub entries: i64,
    /// Sign-off fingerprints checked.
    pub signoffs: i64,
    /// Closed meetings, their decisions and amendments checked against their entries.
    pub meeting_records: i64,
    /// The first problem found; `None` when everything matches.
    pub first_mismatch: Option<AuditMismatch>,
}

/// The first entry, sign-off or meeting record that does not match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditMismatch {
    /// The entry's position; `None` when a stored record (a sign-off, a closed meeting, a
    /// decision or an amendment) no longer matches the entry that recorded it.
    pub seq: Option<i64>,
    /// The sign-off concerned, if any.
    pub signoff_id: Option<String>,
    /// The stored record concerned, if any: `signoff`, `meeting`, `decision` or `amendment`.
    pub subject_kind: Option<String>,
    pub subject_id: Option<String>,
    /// What does not match, in English (it is an operator's message).
    pub problem: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_survives_its_stored_name_and_its_json() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
            assert_eq!(serde_json::to_string(&action).unwrap(), format!("\"{}\"", action.as_str()));
        }
        assert_eq!(AuditAction::parse("SignOffSigned"), None);
    }
}
