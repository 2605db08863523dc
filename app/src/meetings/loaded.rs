//! A meeting loaded for someone who may read its project, and whether they may run it: the
//! first step of every meeting service and view.

use crate::access::{load_readable, project_access};
use crate::auth::CurrentUser;
use crate::db::{self, meetings as repo, projects::ProjectRow, projects::StakeholderRow};
use crate::domain::meetings::{can_edit_meeting, MeetingStatus};
use crate::error::AppError;

/// A meeting with its project, loaded for someone who may read the project.
pub(super) struct Loaded {
    pub meeting: repo::MeetingRow,
    pub project: ProjectRow,
    pub stakeholders: Vec<StakeholderRow>,
}

impl Loaded {
    pub fn status(&self) -> MeetingStatus {
        self.meeting.status
    }
}

/// Loads a meeting whose project the person may read; otherwise "not found".
pub(super) async fn load_meeting(conn: &mut db::Conn, user: &CurrentUser, meeting_id: &str) -> Result<Loaded, AppError> {
    let meeting = repo::find_meeting(conn, meeting_id).await?.ok_or(AppError::NotFound)?;
    let (project, stakeholders) = load_readable(conn, user, &meeting.project_id).await?;
    Ok(Loaded { meeting, project, stakeholders })
}

/// Whether the person may run this meeting.
pub(super) async fn may_edit(conn: &mut db::Conn, user: &CurrentUser, loaded: &Loaded) -> Result<bool, AppError> {
    let invited = repo::is_invited(conn, &loaded.meeting.meeting_id, &user.id).await?;
    Ok(can_edit_meeting(&user.actor(), &project_access(&loaded.project, &loaded.stakeholders), invited))
}
