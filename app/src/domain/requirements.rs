//! Requirements' rules: the status workflow, late changes, and requirement keys (`PAY-1`).
//!
//! Groundwork for the requirements capability: pure and unit-tested, so the services, the REST API
//! and the browser all enforce one table.

use super::error::DomainError;
use serde::{Deserialize, Serialize};

/// Where a requirement stands. The order is the normal path; `Cancelled` can end any open state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementStatus {
    Draft,
    InReview,
    Agreed,
    InDevelopment,
    InIntegration,
    InTesting,
    Released,
    Cancelled,
}

impl RequirementStatus {
    pub const ALL: [RequirementStatus; 8] = [
        RequirementStatus::Draft,
        RequirementStatus::InReview,
        RequirementStatus::Agreed,
        RequirementStatus::InDevelopment,
        RequirementStatus::InIntegration,
        RequirementStatus::InTesting,
        RequirementStatus::Released,
        RequirementStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequirementStatus::Draft => "draft",
            RequirementStatus::InReview => "in_review",
            RequirementStatus::Agreed => "agreed",
            RequirementStatus::InDevelopment => "in_development",
            RequirementStatus::InIntegration => "in_integration",
            RequirementStatus::InTesting => "in_testing",
            RequirementStatus::Released => "released",
            RequirementStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed("status"))
    }

    /// Development has started (in development, integration or testing, or released): a
    /// department pulled in now was identified late.
    pub fn is_in_development(self) -> bool {
        matches!(
            self,
            RequirementStatus::InDevelopment
                | RequirementStatus::InIntegration
                | RequirementStatus::InTesting
                | RequirementStatus::Released
        )
    }

    /// Released and cancelled requirements take no further transitions.
    pub fn is_final(self) -> bool {
        matches!(self, RequirementStatus::Released | RequirementStatus::Cancelled)
    }

    /// Once agreed, an edit changes what other departments already planned against: it is recorded
    /// as a late change (the seed case's "approved after first query" scenario arrived this way).
    pub fn edits_are_late(self) -> bool {
        matches!(
            self,
            RequirementStatus::Agreed
                | RequirementStatus::InDevelopment
                | RequirementStatus::InIntegration
                | RequirementStatus::InTesting
                | RequirementStatus::Released
        )
    }

    /// The statuses reachable from this one in a single step.
    pub fn next(self) -> &'static [RequirementStatus] {
        use RequirementStatus::*;
        match self {
            // Forward along the path, back one step for rework, or cancel.
            Draft => &[InReview, Cancelled],
            InReview => &[Draft, Agreed, Cancelled],
            Agreed => &[InReview, InDevelopment, Cancelled],
            InDevelopment => &[InIntegration, Cancelled],
            InIntegration => &[InDevelopment, InTesting, Cancelled],
            InTesting => &[InDevelopment, Released, Cancelled],
            Released | Cancelled => &[],
        }
    }

    /// Checks a transition; a refused one names the `status` field.
    pub fn transition(self, to: RequirementStatus) -> Result<RequirementStatus, DomainError> {
        if self.next().contains(&to) {
            Ok(to)
        } else {
            Err(DomainError::not_allowed("status"))
        }
    }
}

/// A project's short code for requirement keys: 2..=10 ASCII letters or digits, starting with a
/// letter, uppercase (`PAY`).
pub fn parse_project_code(raw: &str) -> Result<String, DomainError> {
    let code = raw.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(DomainError::empty("code"));
    }
    if code.len() < 2 {
        return Err(DomainError::TooShort { field: "code".into(), min: 2 });
    }
    if code.len() > 10 {
        return Err(DomainError::TooLong { field: "code".into(), max: 10 });
    }
    let mut chars = code.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(DomainError::malformed("code"));
    }
    Ok(code)
}

/// A code for a project created without one: the initials of the name's Latin words
/// ("Payment requires approval" → `PRA`), else `REQ` (an all-Chinese name).
pub fn default_project_code(name: &str) -> String {
    let initials: String = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_ascii_alphabetic() || c.is_ascii_digit())
        .take(6)
        .collect::<String>()
        .to_ascii_uppercase();
    parse_project_code(&initials).unwrap_or_else(|_| "REQ".to_string())
}

/// A requirement's key: the project's code and the requirement's number (`PAY-7`). Numbers come
/// from a per-project counter that only counts up, so a key is never reused, even after its
/// requirement is cancelled. The key is stored at creation, so it stays stable even if the project's
/// code is changed later.
pub fn requirement_key(project_code: &str, number: i64) -> String {
    format!("{project_code}-{number}")
}

#[cfg(test)]
mod tests {
    use super::RequirementStatus::*;
    use super::*;

    #[test]
    fn every_transition_pair_is_allowed_or_refused_as_the_table_says() {
        let allowed = [
            (Draft, InReview),
            (Draft, Cancelled),
            (InReview, Draft),
            (InReview, Agreed),
            (InReview, Cancelled),
            (Agreed, InReview),
            (Agreed, InDevelopment),
            (Agreed, Cancelled),
            (InDevelopment, InIntegration),
            (InDevelopment, Cancelled),
            (InIntegration, InDevelopment),
            (InIntegration, InTesting),
            (InIntegration, Cancelled),
            (InTesting, InDevelopment),
            (InTesting, Released),
            (InTesting, Cancelled),
        ];
        for from in RequirementStatus::ALL {
            for to in RequirementStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.transition(to).is_ok(), expected, "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn final_statuses_go_nowhere_and_edits_after_agreement_are_late() {
        assert!(Released.next().is_empty() && Cancelled.next().is_empty());
        assert!(Released.is_final() && Cancelled.is_final() && !Draft.is_final());
        let late: Vec<_> = RequirementStatus::ALL.into_iter().filter(|s| s.edits_are_late()).collect();
        assert_eq!(late, vec![Agreed, InDevelopment, InIntegration, InTesting, Released]);
    }

    #[test]
    fn statuses_round_trip_through_their_stored_text() {
        for s in RequirementStatus::ALL {
            assert_eq!(RequirementStatus::parse(s.as_str()), Ok(s));
        }
        assert!(RequirementStatus::parse("done").is_err());
    }

    #[test]
    fn projects_without_a_code_get_one_from_their_name() {
        assert_eq!(default_project_code("付款前须审批 Payment requires approval"), "PRA");
        assert_eq!(default_project_code("付款前须审批"), "REQ");
        assert_eq!(default_project_code("2025 roadmap"), "REQ", "a code starts with a letter");
    }

    #[test]
    fn keys_join_the_project_code_and_the_number() {
        assert_eq!(requirement_key("PAY", 1), "PAY-1");
        assert_eq!(requirement_key("REQ", 2000), "REQ-2000");
    }

    #[test]
    fn project_codes_are_short_uppercase_and_start_with_a_letter() {
        assert_eq!(parse_project_code(" pay "), Ok("PAY".to_string()));
        for bad in ["", "P", "1PAY", "PAY-1", "ABCDEFGHIJK", "付款"] {
            assert!(parse_project_code(bad).is_err(), "{bad:?}");
        }
    }
}
