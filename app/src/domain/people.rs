//! People's job roles. Admin is a separate flag, not a role: an admin is also a PM or a leader.

use super::error::DomainError;
use serde::{Deserialize, Serialize};

/// A person's job role in their department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JobRole {
    Pm,
    Architect,
    Engineer,
    TechManager,
    Leader,
}

impl JobRole {
    pub const ALL: [JobRole; 5] = [JobRole::Pm, JobRole::Architect, JobRole::Engineer, JobRole::TechManager, JobRole::Leader];

    /// The stable text stored in the database and used on the wire and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            JobRole::Pm => "pm",
            JobRole::Architect => "architect",
            JobRole::Engineer => "engineer",
            JobRole::TechManager => "tech-manager",
            JobRole::Leader => "leader",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed("role"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_stored_text() {
        for role in JobRole::ALL {
            assert_eq!(JobRole::parse(role.as_str()), Ok(role));
            assert_eq!(serde_json::to_string(&role).unwrap(), format!("\"{}\"", role.as_str()));
        }
        assert!(JobRole::parse("ceo").is_err());
    }
}
