//! Projects and their stakeholder map: who is involved, in which role, and how departments are
//! chained upstream → downstream (as in the seed case: C → B → A).

use super::dates::Date;
use super::error::DomainError;
use super::text::{optional_long, Name};
use serde::{Deserialize, Serialize};

/// Who may read a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Every signed-in person may read it.
    Internal,
    /// Only people of stakeholder departments, and admins.
    Restricted,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Internal => "internal",
            Visibility::Restricted => "restricted",
        }
    }
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "internal" => Ok(Visibility::Internal),
            "restricted" => Ok(Visibility::Restricted),
            _ => Err(DomainError::not_allowed("visibility")),
        }
    }
}

/// A department's part in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StakeholderRole {
    Lead,
    Collaborator,
    Consulted,
    Informed,
}

impl StakeholderRole {
    pub const ALL: [StakeholderRole; 4] =
        [StakeholderRole::Lead, StakeholderRole::Collaborator, StakeholderRole::Consulted, StakeholderRole::Informed];

    pub fn as_str(self) -> &'static str {
        match self {
            StakeholderRole::Lead => "lead",
            StakeholderRole::Collaborator => "collaborator",
            StakeholderRole::Consulted => "consulted",
            StakeholderRole::Informed => "informed",
        }
    }
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed("role"))
    }
}

/// The validated fields of a project, as created or edited.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectFields {
    pub name: Name,
    pub goal: String,
    pub kickoff_on: Date,
    pub target_launch_on: Date,
    pub visibility: Visibility,
}

impl ProjectFields {
    pub const GOAL_MAX: u32 = 4000;

    /// Parses a project form; the first broken rule wins, in form order.
    pub fn parse(name: &str, goal: &str, kickoff_on: &str, target_launch_on: &str, visibility: &str) -> Result<Self, DomainError> {
        let name = Name::parse(name, "name")?;
        let goal = optional_long(goal, "goal", Self::GOAL_MAX)?;
        let kickoff_on = Date::parse(kickoff_on, "kickoff_on")?;
        let target_launch_on = Date::parse(target_launch_on, "target_launch_on")?;
        if target_launch_on < kickoff_on {
            return Err(DomainError::DateBefore { field: "target_launch_on".into(), other: "kickoff_on".into() });
        }
        let visibility = Visibility::parse(visibility)?;
        Ok(ProjectFields { name, goal, kickoff_on, target_launch_on, visibility })
    }
}

/// Checks that adding the link `upstream → downstream` keeps the map a chain without loops.
///
/// `existing` holds the current links as (upstream, downstream) department ids. A link from a
/// department to itself, or one that would make a department (indirectly) its own upstream, is
/// refused with the field `upstream_department_id`.
pub fn check_new_link<Id: PartialEq + Clone>(existing: &[(Id, Id)], upstream: &Id, downstream: &Id) -> Result<(), DomainError> {
    if upstream == downstream {
        return Err(DomainError::SelfLink { field: "upstream_department_id".into() });
    }
    // Adding up → down closes a loop iff `up` is already reachable downstream of `down`.
    let mut stack = vec![downstream.clone()];
    let mut seen: Vec<Id> = Vec::new();
    while let Some(node) = stack.pop() {
        if &node == upstream {
            return Err(DomainError::LinkCycle { field: "upstream_department_id".into() });
        }
        if seen.contains(&node) {
            continue;
        }
        for (from, to) in existing {
            if *from == node {
                stack.push(to.clone());
            }
        }
        seen.push(node);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, kickoff: &str, launch: &str, vis: &str) -> Result<ProjectFields, DomainError> {
        ProjectFields::parse(name, "goal", kickoff, launch, vis)
    }

    #[test]
    fn a_valid_project_form_parses() {
        let p = parse("付款前须审批", "2026-11-02", "2027-01-15", "internal").unwrap();
        assert_eq!(p.name.as_str(), "付款前须审批");
        assert_eq!(p.visibility, Visibility::Internal);
    }

    #[test]
    fn each_bad_project_field_is_named() {
        let cases = [
            (("", "2026-11-02", "2027-01-15", "internal"), "name", "empty name"),
            (("P", "2026-13-02", "2027-01-15", "internal"), "kickoff_on", "malformed kick-off"),
            (("P", "2026-11-02", "soon", "internal"), "target_launch_on", "malformed launch"),
            (("P", "2026-11-02", "2026-11-01", "internal"), "target_launch_on", "launch before kick-off"),
            (("P", "2026-11-02", "2026-12-01", "secret"), "visibility", "unknown visibility"),
        ];
        for ((n, k, l, v), field, why) in cases {
            assert_eq!(parse(n, k, l, v).unwrap_err().field(), field, "{why}");
        }
    }

    #[test]
    fn a_launch_on_the_kickoff_day_is_allowed() {
        assert!(parse("P", "2026-11-02", "2026-11-02", "restricted").is_ok());
    }

    #[test]
    fn links_may_not_point_to_themselves_or_close_a_loop() {
        let chain = [("C", "B"), ("B", "A")];
        assert!(check_new_link(&chain, &"C", &"A").is_ok(), "a shortcut along the chain is fine");
        assert!(check_new_link(&chain, &"D", &"C").is_ok(), "a new upstream is fine");
        assert!(matches!(check_new_link(&chain, &"A", &"A"), Err(DomainError::SelfLink { .. })));
        assert!(matches!(check_new_link(&chain, &"A", &"C"), Err(DomainError::LinkCycle { .. })));
        assert!(matches!(check_new_link(&chain, &"B", &"C"), Err(DomainError::LinkCycle { .. })));
    }

    #[test]
    fn stakeholder_roles_parse_from_their_stored_text() {
        for r in StakeholderRole::ALL {
            assert_eq!(StakeholderRole::parse(r.as_str()), Ok(r));
        }
        assert!(StakeholderRole::parse("owner").is_err());
    }
}
