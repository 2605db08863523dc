//! Who may see a project, checked in one place: every feature that shows or changes something of
//! a project (requirements, options, meetings, sign-offs, the audit list, notifications) loads the
//! project through [`load_readable`] first, so a restricted project answers "not found" alike
//! everywhere. The rules themselves are pure, in `domain::permissions`.

use crate::auth::CurrentUser;
use crate::db::{self, projects::ProjectRow, projects::StakeholderRow};
use crate::domain::permissions::{can_read_project, ProjectAccess};
use crate::error::AppError;

/// The facts about a project that the permission rules (`domain::permissions`) look at.
pub fn project_access<'a>(project: &'a ProjectRow, stakeholders: &'a [StakeholderRow]) -> ProjectAccess<'a> {
    ProjectAccess {
        visibility: project.visibility,
        created_by: &project.created_by,
        lead_department_id: &project.lead_department_id,
        stakeholder_department_ids: stakeholders.iter().map(|s| s.department_id.as_str()).collect(),
    }
}

/// Loads a project the person may read; one they may not read is "not found" (existence of a
/// restricted project does not leak).
pub async fn load_readable(
    conn: &mut db::Conn,
    user: &CurrentUser,
    project_id: &str,
) -> Result<(ProjectRow, Vec<StakeholderRow>), AppError> {
    let project = db::projects::find(conn, project_id).await?.ok_or(AppError::NotFound)?;
    let stakeholders = db::projects::stakeholders(conn, project_id).await?;
    if !can_read_project(&user.actor(), &project_access(&project, &stakeholders)) {
        return Err(AppError::NotFound);
    }
    Ok((project, stakeholders))
}
