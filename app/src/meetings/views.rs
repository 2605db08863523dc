//! The read side of meetings: a meeting with everything recorded in it, a project's decision log,
//! the decisions and meetings that touched a requirement, option or change request, and a
//! person's action items across projects.

use super::dto::*;
use super::loaded::{load_meeting, may_edit, Loaded};
use crate::access::load_readable;
use crate::auth::CurrentUser;
use crate::db::{self, meetings as repo};
use crate::domain::dates::Date;
use crate::domain::meetings::{is_overdue, ActionStatus, SubjectKind, Zone};
use crate::error::AppError;
use crate::markdown;
use crate::state::AppState;
use std::collections::HashMap;

/// Today in the organisation's zone (China Standard Time), for "overdue".
pub fn shanghai_today() -> Date {
    Date::from_unix_millis(db::now_ms() + 8 * 3_600_000)
}

pub fn meeting_summary(m: &repo::MeetingRow) -> MeetingSummary {
    let zone = Zone::of(&m.time_zone);
    MeetingSummary {
        id: m.meeting_id.clone(),
        project_id: m.project_id.clone(),
        title: m.title.clone(),
        kind: m.kind,
        status: m.status,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        time_zone: m.time_zone.clone(),
        start_local: zone.utc_to_local(m.starts_at),
        end_local: zone.utc_to_local(m.ends_at),
        place: m.place.clone(),
        version: m.version,
    }
}

/// The link of a subject with its current label; `None` when the subject is gone.
pub async fn link_dto(conn: &mut db::Conn, kind: SubjectKind, id: &str) -> Result<Option<SubjectLinkDto>, AppError> {
    Ok(repo::subject(conn, kind, id).await?.map(|(_, label)| SubjectLinkDto { kind, id: id.into(), label, path: kind.path(id) }))
}

/// The decisions of `scope` with their makers and links, in time order.
pub async fn decision_dtos(conn: &mut db::Conn, scope: repo::DecisionScope<'_>) -> Result<Vec<MeetingDecisionDto>, AppError> {
    let rows = repo::decisions(conn, scope).await?;
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let mut makers: HashMap<String, Vec<PersonRef>> = HashMap::new();
    for m in repo::makers(conn, scope).await? {
        makers.entry(m.decision_id).or_default().push(PersonRef { id: m.user_id, name: m.display_name, department_code: m.code });
    }
    let mut links: HashMap<String, Vec<SubjectLinkDto>> = HashMap::new();
    for l in repo::links(conn, scope).await? {
        if let Some(link) = link_dto(conn, l.subject_kind, &l.subject_id).await? {
            links.entry(l.decision_id).or_default().push(link);
        }
    }
    // Corrections may live outside `scope` only when the scope is narrower than the meeting.
    let corrections: Vec<(String, String)> = match scope {
        repo::DecisionScope::Meeting(_) | repo::DecisionScope::Project(_) => {
            rows.iter().filter_map(|r| r.corrects_id.clone().map(|c| (c, r.decision_id.clone()))).collect()
        }
        _ => {
            let mut out = Vec::new();
            let meetings: std::collections::BTreeSet<String> = rows.iter().map(|r| r.meeting_id.clone()).collect();
            for meeting_id in meetings {
                for r in repo::decisions(conn, repo::DecisionScope::Meeting(&meeting_id)).await? {
                    if let Some(c) = r.corrects_id {
                        out.push((c, r.decision_id));
                    }
                }
            }
            out
        }
    };
    Ok(rows
        .into_iter()
        .map(|r| MeetingDecisionDto {
            makers: makers.remove(&r.decision_id).unwrap_or_default(),
            links: links.remove(&r.decision_id).unwrap_or_default(),
            corrected_by_id: corrections.iter().find(|(c, _)| *c == r.decision_id).map(|(_, by)| by.clone()),
            id: r.decision_id,
            meeting_id: r.meeting_id,
            meeting_title: r.meeting_title,
            meeting_starts_at: r.meeting_starts_at,
            project_id: r.project_id,
            text: r.body,
            amendment_id: r.amendment_id,
            corrects_id: r.corrects_id,
            recorded_by_name: r.recorded_by_name,
            recorded_at: r.recorded_at,
        })
        .collect())
}

pub fn action_dto(r: repo::ActionRow, user_id: &str, may_edit_meeting: bool, today: Date) -> ActionItemDto {
    let status = r.status;
    let due = r.due_on;
    ActionItemDto {
        overdue: is_overdue(status, due, today),
        can_update: may_edit_meeting || r.owner_id == user_id,
        owner: PersonRef { id: r.owner_id, name: r.owner_name, department_code: r.owner_code },
        id: r.action_id,
        meeting_id: r.meeting_id,
        meeting_title: r.meeting_title,
        project_id: r.project_id,
        project_name: r.project_name,
        title: r.title,
        due_on: due,
        status,
        version: r.version,
    }
}

/// A meeting with everything recorded in it, as `user` sees it.
pub(super) async fn detail(conn: &mut db::Conn, user: &CurrentUser, loaded: &Loaded) -> Result<MeetingDetail, AppError> {
    let m = &loaded.meeting;
    let can_edit = may_edit(conn, user, loaded).await?;
    let invitees = repo::invitees(conn, &m.meeting_id)
        .await?
        .into_iter()
        .map(|p| PersonRef { id: p.user_id, name: p.display_name, department_code: p.code })
        .collect();
    let mut agenda = Vec::new();
    for a in repo::agenda(conn, &m.meeting_id).await? {
        let link = stored_link(conn, a.subject_kind, a.subject_id.as_deref()).await?;
        agenda.push(AgendaItemDto {
            minutes_html: markdown::render(&a.minutes),
            id: a.item_id,
            position: a.position,
            title: a.title,
            link,
            minutes: a.minutes,
            minutes_updated_by_name: a.minutes_updated_by_name,
            minutes_updated_at: a.minutes_updated_at,
            version: a.version,
        });
    }
    let attendance = repo::attendance(conn, &m.meeting_id)
        .await?
        .into_iter()
        .map(|a| AttendeeDto { user_id: a.user_id, name: a.display_name, department_id: a.department_id, department_code: a.code })
        .collect();
    let decisions = decision_dtos(conn, repo::DecisionScope::Meeting(&m.meeting_id)).await?;
    let today = shanghai_today();
    let action_items =
        repo::meeting_actions(conn, &m.meeting_id).await?.into_iter().map(|a| action_dto(a, &user.id, can_edit, today)).collect();
    let amendments = repo::amendments(conn, &m.meeting_id)
        .await?
        .into_iter()
        .map(|a| AmendmentDto {
            decision_ids: decisions.iter().filter(|d| d.amendment_id.as_deref() == Some(&a.amendment_id)).map(|d| d.id.clone()).collect(),
            id: a.amendment_id,
            author_name: a.author_name,
            text: a.body,
            created_at: a.created_at,
        })
        .collect();
    let created_by_name = db::users::find(conn, &m.created_by).await?.map(|u| u.display_name).unwrap_or_default();
    let closed_by_name = match &m.closed_by {
        Some(id) => db::users::find(conn, id).await?.map(|u| u.display_name),
        None => None,
    };
    Ok(MeetingDetail {
        meeting: meeting_summary(m),
        project_name: loaded.project.name.clone(),
        created_by_name,
        invitees,
        agenda,
        attendance,
        attendance_version: m.attendance_version,
        decisions,
        action_items,
        amendments,
        closed_at: m.closed_at,
        closed_by_name,
        can_edit,
    })
}

/// A project's decision log: every decision in time order, with its meeting, makers and links.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn decision_log(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<Vec<MeetingDecisionDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    load_readable(&mut conn, user, project_id).await?;
    decision_dtos(&mut conn, repo::DecisionScope::Project(project_id)).await
}

/// The decisions and meetings that touched a requirement, option or change request.
#[tracing::instrument(skip_all, fields(kind = %kind, id = %id))]
pub async fn linked(state: &AppState, user: &CurrentUser, kind: &str, id: &str) -> Result<LinkedDecisions, AppError> {
    let kind = SubjectKind::parse(kind, "kind")?;
    let mut conn = state.db.acquire().await?;
    let (project_id, _) = repo::subject(&mut conn, kind, id).await?.ok_or(AppError::NotFound)?;
    load_readable(&mut conn, user, &project_id).await?;
    let decisions = decision_dtos(&mut conn, repo::DecisionScope::Subject(kind.as_str(), id)).await?;
    let meetings = repo::meetings_with_agenda_about(&mut conn, kind.as_str(), id).await?.iter().map(meeting_summary).collect();
    Ok(LinkedDecisions { decisions, meetings })
}

/// The person's action items across the projects they may still read: open ones first by due
/// date (overdue marked), then done and dropped ones.
#[tracing::instrument(skip_all)]
pub async fn my_action_items(state: &AppState, user: &CurrentUser) -> Result<Vec<ActionItemDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    let today = shanghai_today();
    let mut out = Vec::new();
    let mut readable: HashMap<String, bool> = HashMap::new();
    let mut editable: HashMap<String, bool> = HashMap::new();
    for row in repo::owner_actions(&mut conn, &user.id).await? {
        let may_read = match readable.get(&row.project_id) {
            Some(v) => *v,
            None => {
                let v = load_readable(&mut conn, user, &row.project_id).await.is_ok();
                readable.insert(row.project_id.clone(), v);
                v
            }
        };
        if !may_read {
            continue;
        }
        let may = match editable.get(&row.meeting_id) {
            Some(v) => *v,
            None => {
                let loaded = load_meeting(&mut conn, user, &row.meeting_id).await?;
                let v = may_edit(&mut conn, user, &loaded).await?;
                editable.insert(row.meeting_id.clone(), v);
                v
            }
        };
        out.push(action_dto(row, &user.id, may, today));
    }
    out.sort_by_key(|a| (a.status != ActionStatus::Open, a.due_on));
    Ok(out)
}

/// The link of a stored subject, or `None` when it is gone.
pub(super) async fn stored_link(
    conn: &mut db::Conn,
    kind: Option<SubjectKind>,
    id: Option<&str>,
) -> Result<Option<SubjectLinkDto>, AppError> {
    match (kind, id) {
        (Some(kind), Some(id)) => link_dto(conn, kind, id).await,
        _ => Ok(None),
    }
}
