//! Meeting services: schedule, plan and run a meeting (status, agenda, attendance, minutes,
//! decisions, action items), close it (locking the record, written to the audit log) and amend
//! it afterwards. Reading a meeting needs read access to its project (404 otherwise); changing it
//! needs [`can_edit_meeting`]. Called by server functions and REST handlers alike.
//! The read-side views (decision log, linked decisions, my action items) are in
//! [`super::views`], the calendar in [`super::calendar`].

use super::dto::*;
use super::loaded::{load_meeting, may_edit, Loaded};
use super::record;
use super::views::{detail, meeting_summary, shanghai_today};
use crate::access::{load_readable, project_access};
use crate::audit::{self, AuditAction, NewAuditEntry};
use crate::auth::CurrentUser;
use crate::db::{self, meetings as repo, projects::ProjectRow, projects::StakeholderRow};
use crate::domain::dates::Date;
use crate::domain::meetings::{
    can_schedule_meeting, can_update_action, ActionStatus, MeetingFields, MeetingStatus, Refusal, MINUTES_MAX, TEXT_MAX, TITLE_MAX,
};
use crate::domain::permissions::{can_read_project, Actor};
use crate::domain::text::{bounded, optional_long};
use crate::domain::DomainError;
use crate::error::{AppError, Conflict};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, NewNotification};
use crate::state::AppState;

/// Most agenda items, invitees, decisions' makers or links in one request.
const LIST_MAX: usize = 200;

pub(super) fn refuse(r: Refusal) -> AppError {
    Conflict::from(r).into()
}

/// Loads a meeting the person may run: 404 when they may not read it, 403 when only reading.
async fn load_editable(conn: &mut db::Conn, user: &CurrentUser, meeting_id: &str) -> Result<Loaded, AppError> {
    let loaded = load_meeting(conn, user, meeting_id).await?;
    if !may_edit(conn, user, &loaded).await? {
        return Err(AppError::Forbidden);
    }
    Ok(loaded)
}

/// Each id once, each a person who may read the project; otherwise 422 on `field`.
async fn check_people(
    conn: &mut db::Conn,
    project: &ProjectRow,
    stakeholders: &[StakeholderRow],
    ids: &[String],
    field: &'static str,
) -> Result<Vec<String>, AppError> {
    if ids.len() > LIST_MAX {
        return Err(DomainError::OutOfRange { field: field.into(), min: 0, max: LIST_MAX as i64 }.into());
    }
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids.iter().map(|s| s.trim()) {
        if out.iter().any(|o| o == id) {
            continue;
        }
        let Some(person) = db::users::find(conn, id).await? else {
            return Err(DomainError::not_allowed(field).into());
        };
        let actor =
            Actor { user_id: &person.user_id, department_id: &person.department_id, role: person.job_role, is_admin: person.is_admin == 1 };
        if !can_read_project(&actor, &project_access(project, stakeholders)) {
            return Err(DomainError::not_allowed(field).into());
        }
        out.push(id.to_string());
    }
    Ok(out)
}

/// A link must name a requirement, option or change request of the same project.
async fn check_link(conn: &mut db::Conn, project_id: &str, link: &SubjectRef, field: &'static str) -> Result<(), AppError> {
    match repo::subject(conn, link.kind, link.id.trim()).await? {
        Some((owner, _)) if owner == project_id => Ok(()),
        _ => Err(DomainError::not_allowed(field).into()),
    }
}

async fn check_links(
    conn: &mut db::Conn,
    project_id: &str,
    links: &[SubjectRef],
    field: &'static str,
) -> Result<Vec<(String, String)>, AppError> {
    if links.len() > LIST_MAX {
        return Err(DomainError::OutOfRange { field: field.into(), min: 0, max: LIST_MAX as i64 }.into());
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for link in links {
        check_link(conn, project_id, link, field).await?;
        let pair = (link.kind.as_str().to_string(), link.id.trim().to_string());
        if !out.contains(&pair) {
            out.push(pair);
        }
    }
    Ok(out)
}

/// A multi-line text that must not be empty (an amendment, a decision).
fn required_text(raw: &str, field: &'static str, max: u32) -> Result<String, AppError> {
    let text = optional_long(raw, field, max)?;
    if text.is_empty() {
        return Err(DomainError::empty(field).into());
    }
    Ok(text)
}

fn meeting_link(meeting_id: &str) -> String {
    format!("/meetings/{meeting_id}")
}

async fn notify_invited(conn: &mut db::Conn, user: &CurrentUser, m: &repo::MeetingRow, invitees: &[String]) -> Result<(), AppError> {
    let link = meeting_link(&m.meeting_id);
    let note = NewNotification {
        kind: NotificationKind::MeetingInvited,
        project_id: Some(&m.project_id),
        link: &link,
        subject: &m.title,
        actor_id: &user.id,
    };
    notify(conn, invitees, note).await
}

async fn notify_assigned(conn: &mut db::Conn, user: &CurrentUser, m: &repo::MeetingRow, owner: &str, title: &str) -> Result<(), AppError> {
    let link = meeting_link(&m.meeting_id);
    let note = NewNotification {
        kind: NotificationKind::ActionAssigned,
        project_id: Some(&m.project_id),
        link: &link,
        subject: title,
        actor_id: &user.id,
    };
    notify(conn, &[owner.to_string()], note).await
}

/// A project's meetings, earliest first.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn list_meetings(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<Vec<MeetingSummary>, AppError> {
    let mut conn = state.db.acquire().await?;
    load_readable(&mut conn, user, project_id).await?;
    Ok(repo::project_meetings(&mut conn, project_id).await?.iter().map(meeting_summary).collect())
}

/// What the new-meeting form and the meeting page offer: the project's readers and its
/// requirements, options and change requests.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn meeting_choices(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<MeetingChoices, AppError> {
    let mut conn = state.db.acquire().await?;
    let (project, stakeholders) = load_readable(&mut conn, user, project_id).await?;
    let departments = db::departments::list(&mut conn).await?;
    let mut people = Vec::new();
    for person in db::users::list(&mut conn).await? {
        let actor =
            Actor { user_id: &person.user_id, department_id: &person.department_id, role: person.job_role, is_admin: person.is_admin == 1 };
        // Everyone may read an internal project: offer its stakeholders' people (and admins), not
        // the whole organisation; the API accepts any reader.
        let stakeholder = crate::domain::permissions::is_stakeholder(&actor, &project_access(&project, &stakeholders));
        if stakeholder {
            let code = departments.iter().find(|d| d.department_id == person.department_id).map(|d| d.code.clone()).unwrap_or_default();
            people.push(PersonRef { id: person.user_id, name: person.display_name, department_code: code });
        }
    }
    people.sort_by(|a, b| (&a.department_code, &a.name).cmp(&(&b.department_code, &b.name)));
    let mut subjects = Vec::new();
    for (kind, id, label) in repo::project_subjects(&mut conn, project_id).await? {
        subjects.push(SubjectLinkDto { path: kind.path(&id), kind, id, label });
    }
    let can_schedule = can_schedule_meeting(&user.actor(), &project_access(&project, &stakeholders));
    Ok(MeetingChoices { project_id: project.project_id, project_name: project.name, people, subjects, can_schedule })
}

/// Schedules a meeting (stakeholder PMs and admins); the invitees are notified.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn create_meeting(
    state: &AppState,
    user: &CurrentUser,
    project_id: &str,
    input: MeetingInput,
) -> Result<MeetingDetail, AppError> {
    let fields = MeetingFields::parse(&input.title, &input.kind, &input.time_zone, &input.start, &input.end, &input.place)?;
    let mut agenda = Vec::with_capacity(input.agenda.len());
    for item in &input.agenda {
        agenda.push(bounded(&item.title, "agenda", TITLE_MAX)?);
    }
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let (project, stakeholders) = load_readable(&mut tx, user, project_id).await?;
    if !can_schedule_meeting(&user.actor(), &project_access(&project, &stakeholders)) {
        return Err(AppError::Forbidden);
    }
    let invitees = check_people(&mut tx, &project, &stakeholders, &input.invitee_ids, "invitee_ids").await?;
    let now = db::now_ms();
    let row = repo::MeetingRow {
        meeting_id: db::new_id(),
        project_id: project.project_id.clone(),
        title: fields.title,
        kind: fields.kind,
        status: MeetingStatus::Planned,
        starts_at: fields.starts_at,
        ends_at: fields.ends_at,
        time_zone: fields.zone.name.into(),
        place: fields.place,
        created_by: user.id.clone(),
        created_at: now,
        updated_at: now,
        started_at: None,
        closed_at: None,
        closed_by: None,
        sequence: 0,
        version: 1,
        attendance_version: 1,
    };
    repo::insert_meeting(&mut tx, &row).await?;
    repo::set_invitees(&mut tx, &row.meeting_id, &invitees).await?;
    for (item, title) in input.agenda.iter().zip(agenda) {
        if let Some(link) = &item.link {
            check_link(&mut tx, &project.project_id, link, "agenda").await?;
        }
        let new = repo::NewAgendaItem {
            item_id: &db::new_id(),
            meeting_id: &row.meeting_id,
            title: &title,
            subject_kind: item.link.as_ref().map(|l| l.kind),
            subject_id: item.link.as_ref().map(|l| l.id.trim()),
            created_at: now,
        };
        repo::insert_agenda_item(&mut tx, &new).await?;
    }
    notify_invited(&mut tx, user, &row, &invitees).await?;
    let loaded = Loaded { meeting: row, project, stakeholders };
    let out = detail(&mut tx, user, &loaded).await?;
    tx.commit().await?;
    Ok(out)
}

#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn get_meeting(state: &AppState, user: &CurrentUser, meeting_id: &str) -> Result<MeetingDetail, AppError> {
    let mut conn = state.db.acquire().await?;
    let loaded = load_meeting(&mut conn, user, meeting_id).await?;
    detail(&mut conn, user, &loaded).await
}

/// Runs `change` on a meeting the person may run, in one transaction, and answers the meeting
/// as it is afterwards.
macro_rules! with_meeting {
    ($state:expr, $user:expr, $meeting_id:expr, |$tx:ident, $loaded:ident| $body:block) => {{
        let mut tx = db::begin_write(&$state.db, $state.db_kind).await?;
        // Whatever the change checks of the meeting (its status above all) holds until it commits.
        db::locks::serialise(&mut tx, db::locks::Serialised::Meeting($meeting_id)).await?;
        let mut $loaded = load_editable(&mut tx, $user, $meeting_id).await?;
        {
            let $tx = &mut tx;
            $body
        }
        $loaded.meeting = repo::find_meeting(&mut tx, $meeting_id).await?.ok_or(AppError::Internal)?;
        let out = detail(&mut tx, $user, &$loaded).await?;
        tx.commit().await?;
        Ok(out)
    }};
}

/// Changes the title, kind, time, place or invitees of a meeting that is not closed. People newly
/// invited are notified.
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn update_meeting(
    state: &AppState,
    user: &CurrentUser,
    meeting_id: &str,
    patch: MeetingPatch,
) -> Result<MeetingDetail, AppError> {
    with_meeting!(state, user, meeting_id, |tx, loaded| {
        loaded.status().check_plannable().map_err(refuse)?;
        let m = &loaded.meeting;
        let zone = crate::domain::meetings::Zone::of(&m.time_zone);
        let fields = MeetingFields::parse(
            patch.title.as_deref().unwrap_or(&m.title),
            patch.kind.as_deref().unwrap_or(m.kind.as_str()),
            patch.time_zone.as_deref().unwrap_or(&m.time_zone),
            &patch.start.clone().unwrap_or_else(|| zone.utc_to_local(m.starts_at)),
            &patch.end.clone().unwrap_or_else(|| zone.utc_to_local(m.ends_at)),
            patch.place.as_deref().unwrap_or(&m.place),
        )?;
        let row = repo::MeetingRow {
            title: fields.title,
            kind: fields.kind,
            starts_at: fields.starts_at,
            ends_at: fields.ends_at,
            time_zone: fields.zone.name.into(),
            place: fields.place,
            updated_at: db::now_ms(),
            version: m.version + 1,
            ..m.clone()
        };
        let invitees = match &patch.invitee_ids {
            Some(ids) => Some(check_people(tx, &loaded.project, &loaded.stakeholders, ids, "invitee_ids").await?),
            None => None,
        };
        AppError::require_current_version(patch.version, m.version)?;
        if !repo::update_meeting(tx, &row).await? {
            return Err(refuse(Refusal::Closed));
        }
        if let Some(invitees) = invitees {
            let before: Vec<String> = repo::invitees(tx, meeting_id).await?.into_iter().map(|p| p.user_id).collect();
            repo::set_invitees(tx, meeting_id, &invitees).await?;
            let added: Vec<String> = invitees.into_iter().filter(|i| !before.contains(i)).collect();
            notify_invited(tx, user, &row, &added).await?;
        }
    })
}

/// Starts or closes a meeting. Closing locks it and writes the close and each of its decisions to
/// the audit log.
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn set_status(
    state: &AppState,
    user: &CurrentUser,
    meeting_id: &str,
    input: MeetingStatusInput,
) -> Result<MeetingDetail, AppError> {
    let to = MeetingStatus::parse(&input.status, "status")?;
    with_meeting!(state, user, meeting_id, |tx, loaded| {
        let from = loaded.status();
        from.check_transition(to).map_err(refuse)?;
        let now = db::now_ms();
        if !repo::set_status(tx, meeting_id, from, to, now, &user.id).await? {
            return Err(AppError::StaleVersion);
        }
        if to == MeetingStatus::Closed {
            audit_close(tx, user, &loaded).await?;
        }
    })
}

/// The audit entries of a close: the meeting (with its agenda and minutes, who came and what was
/// decided), then each decision. The payloads are [`super::record`]'s, which `concord audit
/// verify` rebuilds to check the stored meeting against them.
async fn audit_close(conn: &mut db::Conn, user: &CurrentUser, loaded: &Loaded) -> Result<(), AppError> {
    let m = &loaded.meeting;
    let entry = NewAuditEntry {
        project_id: Some(&m.project_id),
        actor_id: &user.id,
        action: AuditAction::MeetingClosed,
        subject_kind: record::MEETING_SUBJECT,
        subject_id: &m.meeting_id,
        payload: record::close_payload(conn, m).await?,
    };
    audit::record(conn, entry).await?;
    audit_decisions(conn, user, repo::DecisionScope::Meeting(&m.meeting_id)).await
}

/// One `decision_recorded` entry for each decision in `scope`.
async fn audit_decisions(conn: &mut db::Conn, user: &CurrentUser, scope: repo::DecisionScope<'_>) -> Result<(), AppError> {
    for (decision_id, (project_id, payload)) in record::decision_payloads(conn, scope).await? {
        let entry = NewAuditEntry {
            project_id: Some(&project_id),
            actor_id: &user.id,
            action: AuditAction::DecisionRecorded,
            subject_kind: record::DECISION_SUBJECT,
            subject_id: &decision_id,
            payload,
        };
        audit::record(conn, entry).await?;
    }
    Ok(())
}

fn agenda_fields(input: &AgendaItemInput) -> Result<String, AppError> {
    Ok(bounded(&input.title, "title", TITLE_MAX)?)
}

/// Adds an agenda item to a meeting that is not closed.
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn add_agenda_item(
    state: &AppState,
    user: &CurrentUser,
    meeting_id: &str,
    input: AgendaItemInput,
) -> Result<MeetingDetail, AppError> {
    let title = agenda_fields(&input)?;
    with_meeting!(state, user, meeting_id, |tx, loaded| {
        loaded.status().check_plannable().map_err(refuse)?;
        if let Some(link) = &input.link {
            check_link(tx, &loaded.project.project_id, link, "link").await?;
        }
        let now = db::now_ms();
        let new = repo::NewAgendaItem {
            item_id: &db::new_id(),
            meeting_id,
            title: &title,
            subject_kind: input.link.as_ref().map(|l| l.kind),
            subject_id: input.link.as_ref().map(|l| l.id.trim()),
            created_at: now,
        };
        repo::insert_agenda_item(tx, &new).await?;
        repo::touch(tx, meeting_id, now).await?;
    })
}

async fn meeting_of_item(conn: &mut db::Conn, item_id: &str) -> Result<String, AppError> {
    Ok(repo::find_agenda_item(conn, item_id).await?.ok_or(AppError::NotFound)?.meeting_id)
}

/// Renames or relinks an agenda item of a meeting that is not closed.
#[tracing::instrument(skip_all, fields(item_id = %item_id))]
pub async fn update_agenda_item(
    state: &AppState,
    user: &CurrentUser,
    item_id: &str,
    input: AgendaItemInput,
) -> Result<MeetingDetail, AppError> {
    let title = agenda_fields(&input)?;
    let meeting_id = meeting_of_item(&mut *state.db.acquire().await?, item_id).await?;
    with_meeting!(state, user, &meeting_id, |tx, loaded| {
        loaded.status().check_plannable().map_err(refuse)?;
        if let Some(link) = &input.link {
            check_link(tx, &loaded.project.project_id, link, "link").await?;
        }
        let edit = repo::AgendaItemEdit {
            item_id,
            title: &title,
            subject_kind: input.link.as_ref().map(|l| l.kind.as_str()),
            subject_id: input.link.as_ref().map(|l| l.id.trim()),
            version: AppError::require_version(input.version, "version")?,
        };
        if !repo::update_agenda_item(tx, &edit).await? {
            return Err(AppError::StaleVersion);
        }
        repo::touch(tx, &meeting_id, db::now_ms()).await?;
    })
}

/// Removes an agenda item of a meeting that is not closed.
#[tracing::instrument(skip_all, fields(item_id = %item_id))]
pub async fn delete_agenda_item(state: &AppState, user: &CurrentUser, item_id: &str) -> Result<MeetingDetail, AppError> {
    let meeting_id = meeting_of_item(&mut *state.db.acquire().await?, item_id).await?;
    with_meeting!(state, user, &meeting_id, |tx, loaded| {
        loaded.status().check_plannable().map_err(refuse)?;
        repo::delete_agenda_item(tx, item_id).await?;
        repo::touch(tx, &meeting_id, db::now_ms()).await?;
    })
}

/// Writes the minutes of one agenda item while the meeting is held.
#[tracing::instrument(skip_all, fields(item_id = %item_id))]
pub async fn set_minutes(state: &AppState, user: &CurrentUser, item_id: &str, input: MinutesInput) -> Result<MeetingDetail, AppError> {
    let minutes = optional_long(&input.minutes, "minutes", MINUTES_MAX)?;
    let meeting_id = meeting_of_item(&mut *state.db.acquire().await?, item_id).await?;
    with_meeting!(state, user, &meeting_id, |tx, loaded| {
        loaded.status().check_recordable().map_err(refuse)?;
        let version = AppError::require_version(input.version, "version")?;
        let now = db::now_ms();
        if !repo::set_minutes(tx, item_id, &minutes, version, &user.id, now).await? {
            // Say who wrote the minutes this edit did not start from, so they can be compared.
            let current = repo::find_agenda_item(tx, item_id).await?.ok_or(AppError::NotFound)?;
            return Err(match current.minutes_updated_by_name {
                Some(saved_by) => AppError::EditConflict { current_revision: current.version, saved_by },
                None => AppError::StaleVersion,
            });
        }
        repo::touch(tx, &meeting_id, now).await?;
    })
}

/// Records who came (the whole list) while the meeting is held.
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn set_attendance(
    state: &AppState,
    user: &CurrentUser,
    meeting_id: &str,
    input: AttendanceInput,
) -> Result<MeetingDetail, AppError> {
    with_meeting!(state, user, meeting_id, |tx, loaded| {
        loaded.status().check_recordable().map_err(refuse)?;
        let people = check_people(tx, &loaded.project, &loaded.stakeholders, &input.user_ids, "user_ids").await?;
        let version = AppError::require_version(input.version, "version")?;
        let now = db::now_ms();
        if !repo::set_attendance(tx, meeting_id, &people, version, &user.id, now).await? {
            return Err(AppError::StaleVersion);
        }
        repo::touch(tx, meeting_id, now).await?;
    })
}

/// Checks a decision and stores it; answers its id.
async fn insert_decision(
    conn: &mut db::Conn,
    user: &CurrentUser,
    loaded: &Loaded,
    input: &MeetingDecisionInput,
    amendment_id: Option<&str>,
    at: i64,
) -> Result<String, AppError> {
    let text = required_text(&input.text, "text", TEXT_MAX)?;
    if input.maker_ids.is_empty() {
        return Err(DomainError::empty("maker_ids").into());
    }
    let makers = check_people(conn, &loaded.project, &loaded.stakeholders, &input.maker_ids, "maker_ids").await?;
    let links = check_links(conn, &loaded.project.project_id, &input.links, "links").await?;
    let corrects = match (&input.corrects_id, amendment_id) {
        (None, _) => None,
        (Some(_), None) => return Err(DomainError::not_allowed("corrects_id").into()),
        (Some(id), Some(_)) => {
            let id = id.trim();
            let ours = repo::decisions(conn, repo::DecisionScope::Meeting(&loaded.meeting.meeting_id)).await?;
            if !ours.iter().any(|d| d.decision_id == id) || ours.iter().any(|d| d.corrects_id.as_deref() == Some(id)) {
                // Not this meeting's, or already corrected (correct the correction instead).
                return Err(DomainError::not_allowed("corrects_id").into());
            }
            Some(id.to_string())
        }
    };
    let decision_id = db::new_id();
    let new = repo::NewDecision {
        decision_id: &decision_id,
        meeting_id: &loaded.meeting.meeting_id,
        project_id: &loaded.project.project_id,
        body: &text,
        amendment_id,
        corrects_id: corrects.as_deref(),
        recorded_by: &user.id,
        recorded_at: at,
    };
    repo::insert_decision(conn, &new, &makers, &links).await?;
    Ok(decision_id)
}

/// Records a decision while the meeting is held (it joins the audit log when the meeting closes).
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn add_decision(
    state: &AppState,
    user: &CurrentUser,
    meeting_id: &str,
    input: MeetingDecisionInput,
) -> Result<MeetingDetail, AppError> {
    with_meeting!(state, user, meeting_id, |tx, loaded| {
        loaded.status().check_recordable().map_err(refuse)?;
        let now = db::now_ms();
        insert_decision(tx, user, &loaded, &input, None, now).await?;
        repo::touch(tx, meeting_id, now).await?;
    })
}

/// Removes a decision recorded by mistake, while the meeting is held.
#[tracing::instrument(skip_all, fields(decision_id = %decision_id))]
pub async fn delete_decision(state: &AppState, user: &CurrentUser, decision_id: &str) -> Result<MeetingDetail, AppError> {
    let meeting_id = {
        let mut conn = state.db.acquire().await?;
        repo::decisions(&mut conn, repo::DecisionScope::One(decision_id)).await?.pop().ok_or(AppError::NotFound)?.meeting_id
    };
    with_meeting!(state, user, &meeting_id, |tx, loaded| {
        loaded.status().check_recordable().map_err(refuse)?;
        repo::delete_decision(tx, decision_id).await?;
        repo::touch(tx, &meeting_id, db::now_ms()).await?;
    })
}

fn action_fields(input: &ActionItemInput) -> Result<(String, Date), AppError> {
    let title = bounded(&input.title, "title", TEXT_MAX)?;
    let due = Date::parse(&input.due_on, "due_on")?;
    if input.owner_id.trim().is_empty() {
        return Err(DomainError::empty("owner_id").into());
    }
    Ok((title, due))
}

/// Adds an action item while the meeting is held; its owner is notified.
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn add_action_item(
    state: &AppState,
    user: &CurrentUser,
    meeting_id: &str,
    input: ActionItemInput,
) -> Result<MeetingDetail, AppError> {
    let (title, due) = action_fields(&input)?;
    with_meeting!(state, user, meeting_id, |tx, loaded| {
        loaded.status().check_recordable().map_err(refuse)?;
        let owner =
            check_people(tx, &loaded.project, &loaded.stakeholders, std::slice::from_ref(&input.owner_id), "owner_id").await?.remove(0);
        let now = db::now_ms();
        let new = repo::NewAction {
            action_id: &db::new_id(),
            meeting_id,
            project_id: &loaded.project.project_id,
            title: &title,
            owner_id: &owner,
            due_on: &due.to_string(),
            created_by: &user.id,
            created_at: now,
        };
        repo::insert_action(tx, &new).await?;
        repo::touch(tx, meeting_id, now).await?;
        notify_assigned(tx, user, &loaded.meeting, &owner, &title).await?;
    })
}

async fn meeting_of_action(conn: &mut db::Conn, action_id: &str) -> Result<repo::ActionRow, AppError> {
    repo::find_action(conn, action_id).await?.ok_or(AppError::NotFound)
}

/// Changes an action item's title, owner or due date while the meeting is held (a new owner is
/// notified). After the close only its status changes.
#[tracing::instrument(skip_all, fields(action_id = %action_id))]
pub async fn update_action_item(
    state: &AppState,
    user: &CurrentUser,
    action_id: &str,
    input: ActionItemInput,
) -> Result<MeetingDetail, AppError> {
    let (title, due) = action_fields(&input)?;
    let action = meeting_of_action(&mut *state.db.acquire().await?, action_id).await?;
    with_meeting!(state, user, &action.meeting_id, |tx, loaded| {
        loaded.status().check_recordable().map_err(refuse)?;
        let owner =
            check_people(tx, &loaded.project, &loaded.stakeholders, std::slice::from_ref(&input.owner_id), "owner_id").await?.remove(0);
        let now = db::now_ms();
        let due_on = due.to_string();
        let edit = repo::ActionEdit {
            action_id,
            title: &title,
            owner_id: &owner,
            due_on: &due_on,
            version: AppError::require_version(input.version, "version")?,
            at: now,
        };
        if !repo::update_action(tx, &edit).await? {
            return Err(AppError::StaleVersion);
        }
        repo::touch(tx, &action.meeting_id, now).await?;
        if owner != action.owner_id {
            notify_assigned(tx, user, &loaded.meeting, &owner, &title).await?;
        }
    })
}

/// Removes an action item recorded by mistake, while the meeting is held.
#[tracing::instrument(skip_all, fields(action_id = %action_id))]
pub async fn delete_action_item(state: &AppState, user: &CurrentUser, action_id: &str) -> Result<MeetingDetail, AppError> {
    let action = meeting_of_action(&mut *state.db.acquire().await?, action_id).await?;
    with_meeting!(state, user, &action.meeting_id, |tx, loaded| {
        loaded.status().check_recordable().map_err(refuse)?;
        repo::delete_action(tx, action_id).await?;
        repo::touch(tx, &action.meeting_id, db::now_ms()).await?;
    })
}

/// Marks an action item open, done or dropped — also after the meeting closed: it is the
/// follow-up, not the record. Its owner and whoever may run the meeting may.
#[tracing::instrument(skip_all, fields(action_id = %action_id))]
pub async fn set_action_status(
    state: &AppState,
    user: &CurrentUser,
    action_id: &str,
    input: ActionStatusInput,
) -> Result<ActionItemDto, AppError> {
    let status = ActionStatus::parse(&input.status, "status")?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let action = meeting_of_action(&mut tx, action_id).await?;
    let loaded = load_meeting(&mut tx, user, &action.meeting_id).await?;
    let editor = may_edit(&mut tx, user, &loaded).await?;
    if !can_update_action(&user.actor(), &action.owner_id, editor) {
        return Err(AppError::Forbidden);
    }
    let version = AppError::require_version(input.version, "version")?;
    if !repo::set_action_status(&mut tx, action_id, status, version, &user.id, db::now_ms()).await? {
        return Err(AppError::StaleVersion);
    }
    let row = meeting_of_action(&mut tx, action_id).await?;
    tx.commit().await?;
    Ok(super::views::action_dto(row, &user.id, editor, shanghai_today()))
}

/// Amends a closed meeting: a visible note by its author, with any added or correcting decisions;
/// the amendment and each decision go to the audit log.
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn amend(state: &AppState, user: &CurrentUser, meeting_id: &str, input: AmendmentInput) -> Result<MeetingDetail, AppError> {
    let text = required_text(&input.text, "text", TEXT_MAX)?;
    if input.decisions.len() > LIST_MAX {
        return Err(DomainError::OutOfRange { field: "decisions".into(), min: 0, max: LIST_MAX as i64 }.into());
    }
    with_meeting!(state, user, meeting_id, |tx, loaded| {
        loaded.status().check_amendable().map_err(refuse)?;
        let now = db::now_ms();
        let amendment_id = db::new_id();
        repo::insert_amendment(tx, &amendment_id, meeting_id, &user.id, &text, now).await?;
        let mut added = Vec::new();
        for decision in &input.decisions {
            added.push(insert_decision(tx, user, &loaded, decision, Some(&amendment_id), now).await?);
        }
        repo::touch(tx, meeting_id, now).await?;
        let entry = NewAuditEntry {
            project_id: Some(&loaded.project.project_id),
            actor_id: &user.id,
            action: AuditAction::MeetingAmended,
            subject_kind: record::MEETING_SUBJECT,
            subject_id: meeting_id,
            payload: record::amendment_payload(&amendment_id, &text, &added),
        };
        audit::record(tx, entry).await?;
        for id in &added {
            audit_decisions(tx, user, repo::DecisionScope::One(id)).await?;
        }
    })
}
