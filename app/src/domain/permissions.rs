//! Who may do what: pure functions over the acting person and what they act on.
//!
//! Every server function and REST handler calls one of these after `require_user`; the rules are
//! unit-tested here, once, instead of being re-derived in each handler.

use super::people::JobRole;
use super::projects::Visibility;

/// The signed-in person, as far as permissions care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor<'a> {
    pub user_id: &'a str,
    pub department_id: &'a str,
    pub role: JobRole,
    pub is_admin: bool,
}

/// What permission rules need to know about a project.
#[derive(Debug, Clone)]
pub struct ProjectAccess<'a> {
    pub visibility: Visibility,
    pub created_by: &'a str,
    pub lead_department_id: &'a str,
    pub stakeholder_department_ids: Vec<&'a str>,
}

/// Departments and people are organisation data: only admins change them.
pub fn can_manage_organisation(actor: &Actor) -> bool {
    actor.is_admin
}

/// The organisation's working-day calendar is one for every team: only admins change it. (Reading
/// it, and every team's schedule settings, is open to everyone signed in.)
pub fn can_edit_organisation_calendar(actor: &Actor) -> bool {
    actor.is_admin
}

/// A team's capacity, availability and own calendar are set by admins and by that department's
/// leader or tech manager — the people who know how much the team can take on.
pub fn can_edit_department_schedule(actor: &Actor, department_id: &str) -> bool {
    actor.is_admin || (actor.department_id == department_id && matches!(actor.role, JobRole::Leader | JobRole::TechManager))
}

/// PMs start projects (admins too, so a fresh installation can be set up by one person).
pub fn can_create_project(actor: &Actor) -> bool {
    actor.is_admin || actor.role == JobRole::Pm
}

/// Internal projects are open to everyone signed in; restricted ones to stakeholder departments'
/// people and admins. Outsiders must not even learn that a restricted project exists (callers
/// answer 404, not 403).
pub fn can_read_project(actor: &Actor, project: &ProjectAccess) -> bool {
    match project.visibility {
        Visibility::Internal => true,
        Visibility::Restricted => {
            actor.is_admin
                || project.lead_department_id == actor.department_id
                || project.stakeholder_department_ids.contains(&actor.department_id)
        }
    }
}

/// The project's details and stakeholder map are kept by its creator, the lead department's PMs
/// and admins.
pub fn can_edit_project(actor: &Actor, project: &ProjectAccess) -> bool {
    actor.is_admin
        || project.created_by == actor.user_id
        || (actor.role == JobRole::Pm && project.lead_department_id == actor.department_id)
}

/// True when the person works in one of the project's stakeholder departments.
pub fn is_stakeholder(actor: &Actor, project: &ProjectAccess) -> bool {
    project.lead_department_id == actor.department_id || project.stakeholder_department_ids.contains(&actor.department_id)
}

/// Requirements are written by the PMs of the project's stakeholder departments (and admins);
/// the same people create them and move them through the workflow.
pub fn can_edit_requirements(actor: &Actor, project: &ProjectAccess) -> bool {
    actor.is_admin || (actor.role == JobRole::Pm && is_stakeholder(actor, project))
}

/// Anyone in a stakeholder department may comment on a requirement (admins too); readers of an
/// internal project from other departments may read but not comment.
pub fn can_comment_requirements(actor: &Actor, project: &ProjectAccess) -> bool {
    actor.is_admin || is_stakeholder(actor, project)
}

/// Solution options are proposed and revised by the PMs and architects of stakeholder departments
/// (and admins): the people who design the work.
pub fn can_propose_options(actor: &Actor, project: &ProjectAccess) -> bool {
    actor.is_admin || (matches!(actor.role, JobRole::Pm | JobRole::Architect) && is_stakeholder(actor, project))
}

/// The lead department's PM chooses among the options (admins too).
pub fn can_choose_option(actor: &Actor, project: &ProjectAccess) -> bool {
    actor.is_admin || (actor.role == JobRole::Pm && project.lead_department_id == actor.department_id)
}

/// A concern is resolved by the person who raised it (or an admin): nobody argues it away for them.
pub fn can_resolve_concern(actor: &Actor, concern_author_id: &str) -> bool {
    actor.is_admin || actor.user_id == concern_author_id
}

/// A department's decision on a schedule change is its leader's, and nobody else's: not an admin's,
/// not a PM's on their own request.
pub fn can_decide_for_department(actor: &Actor, department_id: &str) -> bool {
    actor.role == JobRole::Leader && actor.department_id == department_id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: JobRole, dept: &'static str, admin: bool) -> Actor<'static> {
        Actor { user_id: "u-1", department_id: dept, role, is_admin: admin }
    }

    fn project(visibility: Visibility) -> ProjectAccess<'static> {
        ProjectAccess { visibility, created_by: "u-creator", lead_department_id: "A", stakeholder_department_ids: vec!["A", "B"] }
    }

    #[test]
    fn only_admins_manage_the_organisation() {
        assert!(can_manage_organisation(&actor(JobRole::Engineer, "A", true)));
        for role in JobRole::ALL {
            assert!(!can_manage_organisation(&actor(role, "A", false)), "{role:?}");
        }
    }

    #[test]
    fn only_admins_change_the_organisation_calendar() {
        assert!(can_edit_organisation_calendar(&actor(JobRole::Engineer, "C", true)));
        for role in JobRole::ALL {
            assert!(!can_edit_organisation_calendar(&actor(role, "A", false)), "{role:?}");
        }
    }

    #[test]
    fn a_departments_leader_and_tech_manager_and_admins_edit_its_schedule_settings() {
        for role in JobRole::ALL {
            let may = matches!(role, JobRole::Leader | JobRole::TechManager);
            assert_eq!(can_edit_department_schedule(&actor(role, "B", false), "B"), may, "{role:?} of B editing B");
            assert!(!can_edit_department_schedule(&actor(role, "B", false), "A"), "{role:?} of B editing A");
            assert!(can_edit_department_schedule(&actor(role, "C", true), "A"), "admin {role:?} of C editing A");
        }
    }

    #[test]
    fn pms_and_admins_create_projects_and_nobody_else() {
        for role in JobRole::ALL {
            assert_eq!(can_create_project(&actor(role, "A", false)), role == JobRole::Pm, "{role:?}");
        }
        assert!(can_create_project(&actor(JobRole::Leader, "C", true)));
    }

    #[test]
    fn restricted_projects_are_read_by_stakeholders_and_admins_only() {
        let restricted = project(Visibility::Restricted);
        assert!(can_read_project(&actor(JobRole::Engineer, "B", false), &restricted));
        assert!(!can_read_project(&actor(JobRole::Leader, "C", false), &restricted));
        assert!(can_read_project(&actor(JobRole::Engineer, "C", true), &restricted));
        assert!(can_read_project(&actor(JobRole::Engineer, "C", false), &project(Visibility::Internal)));
    }

    #[test]
    fn the_lead_pm_the_creator_and_admins_edit_a_project() {
        let p = project(Visibility::Internal);
        assert!(can_edit_project(&actor(JobRole::Pm, "A", false), &p));
        assert!(!can_edit_project(&actor(JobRole::Pm, "B", false), &p), "a collaborator's PM does not");
        assert!(!can_edit_project(&actor(JobRole::Architect, "A", false), &p));
        assert!(can_edit_project(&Actor { user_id: "u-creator", department_id: "C", role: JobRole::Pm, is_admin: false }, &p));
        assert!(can_edit_project(&actor(JobRole::Engineer, "C", true), &p));
    }
    #[test]
    fn stakeholder_pms_edit_requirements_and_stakeholders_comment() {
        let p = project(Visibility::Internal);
        assert!(can_edit_requirements(&actor(JobRole::Pm, "B", false), &p));
        assert!(!can_edit_requirements(&actor(JobRole::Pm, "C", false), &p), "PM outside the project");
        assert!(!can_edit_requirements(&actor(JobRole::Architect, "A", false), &p), "architects comment, not edit");
        assert!(can_edit_requirements(&actor(JobRole::Engineer, "Z", true), &p), "admins");
        for role in JobRole::ALL {
            assert!(can_comment_requirements(&actor(role, "B", false), &p), "{role:?} in B");
            assert!(!can_comment_requirements(&actor(role, "C", false), &p), "{role:?} outside");
        }
    }

    #[test]
    fn pms_and_architects_of_stakeholders_propose_options_and_the_lead_pm_chooses() {
        let p = project(Visibility::Internal);
        for role in JobRole::ALL {
            let designs = matches!(role, JobRole::Pm | JobRole::Architect);
            assert_eq!(can_propose_options(&actor(role, "B", false), &p), designs, "{role:?} in B");
            assert!(!can_propose_options(&actor(role, "C", false), &p), "{role:?} outside");
            assert_eq!(can_choose_option(&actor(role, "A", false), &p), role == JobRole::Pm, "{role:?} in the lead");
            assert!(!can_choose_option(&actor(role, "B", false), &p), "{role:?} in a collaborator");
        }
        assert!(can_choose_option(&actor(JobRole::Engineer, "C", true), &p), "admins");
    }

    #[test]
    fn only_the_author_or_an_admin_resolves_a_concern() {
        assert!(can_resolve_concern(&actor(JobRole::Architect, "B", false), "u-1"));
        assert!(!can_resolve_concern(&actor(JobRole::Leader, "A", false), "u-2"));
        assert!(can_resolve_concern(&actor(JobRole::Engineer, "C", true), "u-2"));
    }

    #[test]
    fn only_a_departments_leader_decides_for_it() {
        for role in JobRole::ALL {
            assert_eq!(can_decide_for_department(&actor(role, "B", false), "B"), role == JobRole::Leader, "{role:?}");
            assert!(!can_decide_for_department(&actor(role, "B", true), "A"), "admin {role:?} of B for A");
        }
    }
}
