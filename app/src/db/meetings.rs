//! Meetings, their agenda, attendance, decisions (with makers and links), action items and
//! amendments, and the people's calendar-feed tokens. Updates of the meeting's own record are
//! conditional on it not being closed, so a close that races an edit wins cleanly.

use super::insert::Insert;
use super::Conn;
use crate::domain::dates::Date;
use crate::domain::meetings::{ActionStatus, MeetingKind, MeetingStatus, SubjectKind};
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct MeetingRow {
    pub meeting_id: String,
    pub project_id: String,
    pub title: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    pub starts_at: i64,
    pub ends_at: i64,
    pub time_zone: String,
    pub place: String,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub started_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub closed_by: Option<String>,
    pub sequence: i64,
    /// The details' version (title, kind, time, place, invitees); an edit names the one it started from.
    pub version: i64,
    /// The attendance list's version.
    pub attendance_version: i64,
}

const MEETING_COLUMNS: &str = "meeting_id, project_id, title, kind, status, starts_at, ends_at, time_zone, place, created_by, \
     created_at, updated_at, started_at, closed_at, closed_by, sequence, version, attendance_version";

pub async fn insert_meeting(conn: &mut Conn, m: &MeetingRow) -> sqlx::Result<()> {
    Insert::into("meetings")
        .value("meeting_id", &m.meeting_id)
        .value("project_id", &m.project_id)
        .value("title", &m.title)
        .value("kind", m.kind)
        .value("status", m.status)
        .value("starts_at", m.starts_at)
        .value("ends_at", m.ends_at)
        .value("time_zone", &m.time_zone)
        .value("place", &m.place)
        .value("created_by", &m.created_by)
        .value("created_at", m.created_at)
        .value("updated_at", m.updated_at)
        .value("started_at", m.started_at)
        .value("closed_at", m.closed_at)
        .value("closed_by", &m.closed_by)
        .value("sequence", m.sequence)
        .value("version", m.version)
        .value("attendance_version", m.attendance_version)
        .execute(conn)
        .await
}

pub async fn find_meeting(conn: &mut Conn, meeting_id: &str) -> sqlx::Result<Option<MeetingRow>> {
    sqlx::query_as(&format!("select {MEETING_COLUMNS} from meetings where meeting_id = $1")).bind(meeting_id).fetch_optional(conn).await
}

/// Every closed meeting, in the order they were closed (what `concord audit verify` checks
/// against the log).
pub async fn closed_meetings(conn: &mut Conn) -> sqlx::Result<Vec<MeetingRow>> {
    sqlx::query_as(&format!("select {MEETING_COLUMNS} from meetings where status = 'closed' order by closed_at, meeting_id"))
        .fetch_all(conn)
        .await
}

/// A project's meetings, earliest first.
pub async fn project_meetings(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<MeetingRow>> {
    sqlx::query_as(&format!("select {MEETING_COLUMNS} from meetings where project_id = $1 order by starts_at, meeting_id"))
        .bind(project_id)
        .fetch_all(conn)
        .await
}

/// Meetings the person organised or is invited to, earliest first (the organiser of a meeting
/// need not be on its invitation list, yet it is in their calendar).
pub async fn meetings_of_person(conn: &mut Conn, user_id: &str) -> sqlx::Result<Vec<MeetingRow>> {
    sqlx::query_as(&format!(
        "select {MEETING_COLUMNS} from meetings
         where created_by = $1 or meeting_id in (select meeting_id from meeting_invitees where user_id = $1)
         order by starts_at, meeting_id"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Saves the plannable fields of a meeting that is not closed and is still at `m.version - 1`;
/// false when it is closed, gone or was edited in between.
pub async fn update_meeting(conn: &mut Conn, m: &MeetingRow) -> sqlx::Result<bool> {
    sqlx::query(
        "update meetings set title = $2, kind = $3, starts_at = $4, ends_at = $5, time_zone = $6, place = $7, updated_at = $8,
         sequence = sequence + 1, version = $9 where meeting_id = $1 and status <> 'closed' and version = $10",
    )
    .bind(&m.meeting_id)
    .bind(&m.title)
    .bind(m.kind)
    .bind(m.starts_at)
    .bind(m.ends_at)
    .bind(&m.time_zone)
    .bind(&m.place)
    .bind(m.updated_at)
    .bind(m.version)
    .bind(m.version - 1)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Moves a meeting from `from` to `to`; false when it was no longer in `from`.
pub async fn set_status(
    conn: &mut Conn,
    meeting_id: &str,
    from: MeetingStatus,
    to: MeetingStatus,
    at: i64,
    by: &str,
) -> sqlx::Result<bool> {
    sqlx::query(
        "update meetings set status = $3, updated_at = $4, sequence = sequence + 1,
         started_at = case when $3 = 'in_progress' then $4 else started_at end,
         closed_at = case when $3 = 'closed' then $4 else closed_at end,
         closed_by = case when $3 = 'closed' then $5 else closed_by end
         where meeting_id = $1 and status = $2",
    )
    .bind(meeting_id)
    .bind(from)
    .bind(to)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Marks the meeting changed (for lists and the calendar's SEQUENCE).
pub async fn touch(conn: &mut Conn, meeting_id: &str, at: i64) -> sqlx::Result<()> {
    sqlx::query("update meetings set updated_at = $2, sequence = sequence + 1 where meeting_id = $1")
        .bind(meeting_id)
        .bind(at)
        .execute(conn)
        .await
        .map(|_| ())
}

/// A person with their department's code.
#[derive(Debug, Clone, FromRow)]
pub struct PersonRow {
    pub user_id: String,
    pub display_name: String,
    pub department_id: String,
    pub code: String,
}

pub async fn person(conn: &mut Conn, user_id: &str) -> sqlx::Result<Option<PersonRow>> {
    sqlx::query_as(
        "select u.user_id, u.display_name, u.department_id, d.code from users u join departments d on d.department_id = u.department_id
         where u.user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

pub async fn set_invitees(conn: &mut Conn, meeting_id: &str, user_ids: &[String]) -> sqlx::Result<()> {
    sqlx::query("delete from meeting_invitees where meeting_id = $1").bind(meeting_id).execute(&mut *conn).await?;
    for user_id in user_ids {
        Insert::into("meeting_invitees").value("meeting_id", meeting_id).value("user_id", user_id).execute(&mut *conn).await?;
    }
    Ok(())
}

pub async fn invitees(conn: &mut Conn, meeting_id: &str) -> sqlx::Result<Vec<PersonRow>> {
    sqlx::query_as(
        "select u.user_id, u.display_name, u.department_id, d.code from meeting_invitees i join users u on u.user_id = i.user_id
         join departments d on d.department_id = u.department_id where i.meeting_id = $1 order by d.code, u.display_name",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await
}

pub async fn is_invited(conn: &mut Conn, meeting_id: &str, user_id: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("select count(*) from meeting_invitees where meeting_id = $1 and user_id = $2")
        .bind(meeting_id)
        .bind(user_id)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

#[derive(Debug, Clone, FromRow)]
pub struct AgendaRow {
    pub item_id: String,
    pub meeting_id: String,
    pub position: i64,
    pub title: String,
    pub subject_kind: Option<SubjectKind>,
    pub subject_id: Option<String>,
    pub minutes: String,
    pub minutes_updated_by_name: Option<String>,
    pub minutes_updated_at: Option<i64>,
    /// Bumped by every edit of the title or the minutes.
    pub version: i64,
}

pub struct NewAgendaItem<'a> {
    pub item_id: &'a str,
    pub meeting_id: &'a str,
    pub title: &'a str,
    pub subject_kind: Option<SubjectKind>,
    pub subject_id: Option<&'a str>,
    pub created_at: i64,
}

pub async fn insert_agenda_item(conn: &mut Conn, a: &NewAgendaItem<'_>) -> sqlx::Result<()> {
    let position: i64 = sqlx::query_scalar("select coalesce(max(position), 0) + 1 from meeting_agenda_items where meeting_id = $1")
        .bind(a.meeting_id)
        .fetch_one(&mut *conn)
        .await?;
    Insert::into("meeting_agenda_items")
        .value("item_id", a.item_id)
        .value("meeting_id", a.meeting_id)
        .value("position", position)
        .value("title", a.title)
        .value("subject_kind", a.subject_kind)
        .value("subject_id", a.subject_id)
        .value("minutes", "")
        .value("created_at", a.created_at)
        .execute(conn)
        .await
}

const AGENDA_SELECT: &str = "select a.item_id, a.meeting_id, a.position, a.title, a.subject_kind, a.subject_id, a.minutes,
     u.display_name as minutes_updated_by_name, a.minutes_updated_at, a.version
     from meeting_agenda_items a left join users u on u.user_id = a.minutes_updated_by";

pub async fn agenda(conn: &mut Conn, meeting_id: &str) -> sqlx::Result<Vec<AgendaRow>> {
    sqlx::query_as(&format!("{AGENDA_SELECT} where a.meeting_id = $1 order by a.position")).bind(meeting_id).fetch_all(conn).await
}

pub async fn find_agenda_item(conn: &mut Conn, item_id: &str) -> sqlx::Result<Option<AgendaRow>> {
    sqlx::query_as(&format!("{AGENDA_SELECT} where a.item_id = $1")).bind(item_id).fetch_optional(conn).await
}

/// An agenda item's new title and subject, saved if the item is still at `version`.
pub struct AgendaItemEdit<'a> {
    pub item_id: &'a str,
    pub title: &'a str,
    pub subject_kind: Option<&'a str>,
    pub subject_id: Option<&'a str>,
    pub version: i64,
}

/// False (nothing written) when the item was edited since `edit.version` or is gone.
pub async fn update_agenda_item(conn: &mut Conn, edit: &AgendaItemEdit<'_>) -> sqlx::Result<bool> {
    sqlx::query(
        "update meeting_agenda_items set title = $2, subject_kind = $3, subject_id = $4, version = version + 1
         where item_id = $1 and version = $5",
    )
    .bind(edit.item_id)
    .bind(edit.title)
    .bind(edit.subject_kind)
    .bind(edit.subject_id)
    .bind(edit.version)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Replaces an item's minutes if it is still at `version`; false (nothing written) otherwise.
pub async fn set_minutes(conn: &mut Conn, item_id: &str, minutes: &str, version: i64, by: &str, at: i64) -> sqlx::Result<bool> {
    sqlx::query(
        "update meeting_agenda_items set minutes = $2, minutes_updated_by = $3, minutes_updated_at = $4, version = version + 1
         where item_id = $1 and version = $5",
    )
    .bind(item_id)
    .bind(minutes)
    .bind(by)
    .bind(at)
    .bind(version)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

pub async fn delete_agenda_item(conn: &mut Conn, item_id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from meeting_agenda_items where item_id = $1").bind(item_id).execute(conn).await.map(|_| ())
}

/// Meetings with an agenda item about this subject.
pub async fn meetings_with_agenda_about(conn: &mut Conn, kind: &str, id: &str) -> sqlx::Result<Vec<MeetingRow>> {
    sqlx::query_as(&format!(
        "select {MEETING_COLUMNS} from meetings where meeting_id in
         (select meeting_id from meeting_agenda_items where subject_kind = $1 and subject_id = $2
          union select meeting_id from meeting_decisions where decision_id in
          (select decision_id from decision_links where subject_kind = $1 and subject_id = $2))
         order by starts_at, meeting_id"
    ))
    .bind(kind)
    .bind(id)
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, FromRow)]
pub struct AttendeeRow {
    pub user_id: String,
    pub display_name: String,
    pub department_id: String,
    pub code: String,
}

/// Replaces the attendance list if it is still at `version`; each person is recorded with their
/// department of now. False (and nothing written) when someone saved the list in between.
pub async fn set_attendance(conn: &mut Conn, meeting_id: &str, user_ids: &[String], version: i64, by: &str, at: i64) -> sqlx::Result<bool> {
    let claimed = sqlx::query("update meetings set attendance_version = $2 where meeting_id = $1 and attendance_version = $3")
        .bind(meeting_id)
        .bind(version + 1)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    if claimed.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("delete from meeting_attendance where meeting_id = $1").bind(meeting_id).execute(&mut *conn).await?;
    for user_id in user_ids {
        sqlx::query(
            "insert into meeting_attendance (meeting_id, user_id, department_id, recorded_by, recorded_at)
             select $1, user_id, department_id, $3, $4 from users where user_id = $2",
        )
        .bind(meeting_id)
        .bind(user_id)
        .bind(by)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(true)
}

pub async fn attendance(conn: &mut Conn, meeting_id: &str) -> sqlx::Result<Vec<AttendeeRow>> {
    sqlx::query_as(
        "select a.user_id, u.display_name, a.department_id, d.code from meeting_attendance a join users u on u.user_id = a.user_id
         join departments d on d.department_id = a.department_id where a.meeting_id = $1 order by d.code, u.display_name",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, FromRow)]
pub struct DecisionRow {
    pub decision_id: String,
    pub meeting_id: String,
    pub meeting_title: String,
    pub meeting_starts_at: i64,
    pub project_id: String,
    pub body: String,
    pub amendment_id: Option<String>,
    pub corrects_id: Option<String>,
    pub recorded_by_name: String,
    pub recorded_at: i64,
}

pub struct NewDecision<'a> {
    pub decision_id: &'a str,
    pub meeting_id: &'a str,
    pub project_id: &'a str,
    pub body: &'a str,
    pub amendment_id: Option<&'a str>,
    pub corrects_id: Option<&'a str>,
    pub recorded_by: &'a str,
    pub recorded_at: i64,
}

pub async fn insert_decision(conn: &mut Conn, d: &NewDecision<'_>, makers: &[String], links: &[(String, String)]) -> sqlx::Result<()> {
    Insert::into("meeting_decisions")
        .value("decision_id", d.decision_id)
        .value("meeting_id", d.meeting_id)
        .value("project_id", d.project_id)
        .value("body", d.body)
        .value("amendment_id", d.amendment_id)
        .value("corrects_id", d.corrects_id)
        .value("recorded_by", d.recorded_by)
        .value("recorded_at", d.recorded_at)
        .execute(&mut *conn)
        .await?;
    for user_id in makers {
        Insert::into("decision_makers").value("decision_id", d.decision_id).value("user_id", user_id).execute(&mut *conn).await?;
    }
    for (kind, id) in links {
        Insert::into("decision_links")
            .value("decision_id", d.decision_id)
            .value("subject_kind", kind)
            .value("subject_id", id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Deletes a decision of a meeting that is still open (with its makers and links).
pub async fn delete_decision(conn: &mut Conn, decision_id: &str) -> sqlx::Result<()> {
    for table in ["decision_makers", "decision_links", "meeting_decisions"] {
        sqlx::query(&format!("delete from {table} where decision_id = $1")).bind(decision_id).execute(&mut *conn).await?;
    }
    Ok(())
}

const DECISION_SELECT: &str = "select d.decision_id, d.meeting_id, m.title as meeting_title, m.starts_at as meeting_starts_at,
     d.project_id, d.body, d.amendment_id, d.corrects_id, u.display_name as recorded_by_name, d.recorded_at
     from meeting_decisions d join meetings m on m.meeting_id = d.meeting_id join users u on u.user_id = d.recorded_by";

/// Which decisions to read: one meeting's, one project's, or those linking one subject.
#[derive(Debug, Clone, Copy)]
pub enum DecisionScope<'a> {
    Meeting(&'a str),
    Project(&'a str),
    Subject(&'a str, &'a str),
    One(&'a str),
}

impl DecisionScope<'_> {
    fn filter(&self) -> &'static str {
        match self {
            DecisionScope::Meeting(_) => "d.meeting_id = $1",
            DecisionScope::Project(_) => "d.project_id = $1",
            DecisionScope::Subject(..) => {
                "d.decision_id in (select decision_id from decision_links where subject_kind = $1 and subject_id = $2)"
            }
            DecisionScope::One(_) => "d.decision_id = $1",
        }
    }
}

/// Decisions in the order they were made: by the meeting's start, then the time recorded.
pub async fn decisions(conn: &mut Conn, scope: DecisionScope<'_>) -> sqlx::Result<Vec<DecisionRow>> {
    let sql = format!("{DECISION_SELECT} where {} order by m.starts_at, d.recorded_at, d.decision_id", scope.filter());
    let query = sqlx::query_as::<_, DecisionRow>(&sql);
    let query = match scope {
        DecisionScope::Meeting(id) | DecisionScope::Project(id) | DecisionScope::One(id) => query.bind(id),
        DecisionScope::Subject(kind, id) => query.bind(kind).bind(id),
    };
    query.fetch_all(conn).await
}

#[derive(Debug, Clone, FromRow)]
pub struct MakerRow {
    pub decision_id: String,
    pub user_id: String,
    pub display_name: String,
    pub code: String,
}

/// The makers of the decisions in `scope`.
pub async fn makers(conn: &mut Conn, scope: DecisionScope<'_>) -> sqlx::Result<Vec<MakerRow>> {
    let sql = format!(
        "select dm.decision_id, u.user_id, u.display_name, dep.code from decision_makers dm join users u on u.user_id = dm.user_id
         join departments dep on dep.department_id = u.department_id
         where dm.decision_id in (select d.decision_id from meeting_decisions d where {}) order by dep.code, u.display_name",
        scope.filter()
    );
    let query = sqlx::query_as::<_, MakerRow>(&sql);
    let query = match scope {
        DecisionScope::Meeting(id) | DecisionScope::Project(id) | DecisionScope::One(id) => query.bind(id),
        DecisionScope::Subject(kind, id) => query.bind(kind).bind(id),
    };
    query.fetch_all(conn).await
}

#[derive(Debug, Clone, FromRow)]
pub struct LinkRow {
    pub decision_id: String,
    pub subject_kind: SubjectKind,
    pub subject_id: String,
}

/// The links of the decisions in `scope`.
pub async fn links(conn: &mut Conn, scope: DecisionScope<'_>) -> sqlx::Result<Vec<LinkRow>> {
    let sql = format!(
        "select dl.decision_id, dl.subject_kind, dl.subject_id from decision_links dl
         where dl.decision_id in (select d.decision_id from meeting_decisions d where {}) order by dl.subject_kind, dl.subject_id",
        scope.filter()
    );
    let query = sqlx::query_as::<_, LinkRow>(&sql);
    let query = match scope {
        DecisionScope::Meeting(id) | DecisionScope::Project(id) | DecisionScope::One(id) => query.bind(id),
        DecisionScope::Subject(kind, id) => query.bind(kind).bind(id),
    };
    query.fetch_all(conn).await
}

#[derive(Debug, Clone, FromRow)]
pub struct ActionRow {
    pub action_id: String,
    pub meeting_id: String,
    pub meeting_title: String,
    pub project_id: String,
    pub project_name: String,
    pub title: String,
    pub owner_id: String,
    pub owner_name: String,
    pub owner_code: String,
    pub due_on: Date,
    pub status: ActionStatus,
    /// Bumped by every edit and status change.
    pub version: i64,
}

pub struct NewAction<'a> {
    pub action_id: &'a str,
    pub meeting_id: &'a str,
    pub project_id: &'a str,
    pub title: &'a str,
    pub owner_id: &'a str,
    pub due_on: &'a str,
    pub created_by: &'a str,
    pub created_at: i64,
}

pub async fn insert_action(conn: &mut Conn, a: &NewAction<'_>) -> sqlx::Result<()> {
    Insert::into("action_items")
        .value("action_id", a.action_id)
        .value("meeting_id", a.meeting_id)
        .value("project_id", a.project_id)
        .value("title", a.title)
        .value("owner_id", a.owner_id)
        .value("due_on", a.due_on)
        .value("status", ActionStatus::Open)
        .value("created_by", a.created_by)
        .value("created_at", a.created_at)
        .value("updated_at", a.created_at)
        .execute(conn)
        .await
}

const ACTION_SELECT: &str = "select a.action_id, a.meeting_id, m.title as meeting_title, a.project_id, p.name as project_name,
     a.title, a.owner_id, u.display_name as owner_name, dep.code as owner_code, a.due_on, a.status, a.version
     from action_items a join meetings m on m.meeting_id = a.meeting_id join projects p on p.project_id = a.project_id
     join users u on u.user_id = a.owner_id join departments dep on dep.department_id = u.department_id";

pub async fn find_action(conn: &mut Conn, action_id: &str) -> sqlx::Result<Option<ActionRow>> {
    sqlx::query_as(&format!("{ACTION_SELECT} where a.action_id = $1")).bind(action_id).fetch_optional(conn).await
}

pub async fn meeting_actions(conn: &mut Conn, meeting_id: &str) -> sqlx::Result<Vec<ActionRow>> {
    sqlx::query_as(&format!("{ACTION_SELECT} where a.meeting_id = $1 order by a.created_at, a.action_id"))
        .bind(meeting_id)
        .fetch_all(conn)
        .await
}

/// The person's action items across projects, by due date.
pub async fn owner_actions(conn: &mut Conn, owner_id: &str) -> sqlx::Result<Vec<ActionRow>> {
    sqlx::query_as(&format!("{ACTION_SELECT} where a.owner_id = $1 order by a.due_on, a.created_at, a.action_id"))
        .bind(owner_id)
        .fetch_all(conn)
        .await
}

/// An action item's new title, owner and due date, saved if it is still at `version`.
pub struct ActionEdit<'a> {
    pub action_id: &'a str,
    pub title: &'a str,
    pub owner_id: &'a str,
    pub due_on: &'a str,
    pub version: i64,
    pub at: i64,
}

/// False (nothing written) when the item was changed since `edit.version` or is gone.
pub async fn update_action(conn: &mut Conn, edit: &ActionEdit<'_>) -> sqlx::Result<bool> {
    sqlx::query(
        "update action_items set title = $2, owner_id = $3, due_on = $4, updated_at = $5, version = version + 1
         where action_id = $1 and version = $6",
    )
    .bind(edit.action_id)
    .bind(edit.title)
    .bind(edit.owner_id)
    .bind(edit.due_on)
    .bind(edit.at)
    .bind(edit.version)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Sets the status if the item is still at `version`; false (nothing written) otherwise.
pub async fn set_action_status(
    conn: &mut Conn,
    action_id: &str,
    status: ActionStatus,
    version: i64,
    by: &str,
    at: i64,
) -> sqlx::Result<bool> {
    sqlx::query(
        "update action_items set status = $2, status_changed_by = $3, status_changed_at = $4, updated_at = $4, version = version + 1
         where action_id = $1 and version = $5",
    )
    .bind(action_id)
    .bind(status)
    .bind(by)
    .bind(at)
    .bind(version)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

pub async fn delete_action(conn: &mut Conn, action_id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from action_items where action_id = $1").bind(action_id).execute(conn).await.map(|_| ())
}

#[derive(Debug, Clone, FromRow)]
pub struct AmendmentRow {
    pub amendment_id: String,
    pub author_id: String,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

pub async fn insert_amendment(
    conn: &mut Conn,
    amendment_id: &str,
    meeting_id: &str,
    author_id: &str,
    body: &str,
    at: i64,
) -> sqlx::Result<()> {
    Insert::into("meeting_amendments")
        .value("amendment_id", amendment_id)
        .value("meeting_id", meeting_id)
        .value("author_id", author_id)
        .value("body", body)
        .value("created_at", at)
        .execute(conn)
        .await
}

pub async fn amendments(conn: &mut Conn, meeting_id: &str) -> sqlx::Result<Vec<AmendmentRow>> {
    sqlx::query_as(
        "select a.amendment_id, a.author_id, u.display_name as author_name, a.body, a.created_at from meeting_amendments a
         join users u on u.user_id = a.author_id where a.meeting_id = $1 order by a.created_at, a.amendment_id",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await
}

/// The project and a label of a requirement, option or change request; `None` when there is none.
pub async fn subject(conn: &mut Conn, kind: SubjectKind, id: &str) -> sqlx::Result<Option<(String, String)>> {
    let sql = match kind {
        SubjectKind::Requirement => "select project_id, req_key || ' ' || title from requirements where requirement_id = $1",
        SubjectKind::Option => "select project_id, title from solution_options where option_id = $1",
        SubjectKind::ChangeRequest => "select project_id, reason from change_requests where request_id = $1",
    };
    sqlx::query_as::<_, (String, String)>(sql).bind(id).fetch_optional(conn).await
}

/// Every requirement, option and change request of a project: (kind, id, label), for the forms.
pub async fn project_subjects(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<(SubjectKind, String, String)>> {
    sqlx::query_as(
        "select 'requirement', requirement_id, req_key || ' ' || title from requirements where project_id = $1
         union all select 'option', option_id, title from solution_options where project_id = $1
         union all select 'change_request', request_id, reason from change_requests where project_id = $1",
    )
    .bind(project_id)
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, FromRow)]
pub struct FeedRow {
    pub feed_id: String,
    pub user_id: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// Revokes the person's live feed, if any (a new one replaces it).
pub async fn revoke_feeds(conn: &mut Conn, user_id: &str, at: i64) -> sqlx::Result<bool> {
    sqlx::query("update calendar_feeds set revoked_at = $2 where user_id = $1 and revoked_at is null")
        .bind(user_id)
        .bind(at)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() > 0)
}

pub async fn insert_feed(conn: &mut Conn, feed_id: &str, user_id: &str, token_hash: &str, at: i64) -> sqlx::Result<()> {
    Insert::into("calendar_feeds")
        .value("feed_id", feed_id)
        .value("user_id", user_id)
        .value("token_hash", token_hash)
        .value("created_at", at)
        .execute(conn)
        .await
}

pub async fn live_feed(conn: &mut Conn, user_id: &str) -> sqlx::Result<Option<FeedRow>> {
    sqlx::query_as(
        "select feed_id, user_id, created_at, last_used_at from calendar_feeds where user_id = $1 and revoked_at is null
         order by created_at desc limit 1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// The owner of a live feed token, recording that it was read (at most once a minute, like a
/// token's use: [`super::tokens::use_worth_recording`]).
pub async fn feed_owner(conn: &mut Conn, token_hash: &str, at: i64) -> sqlx::Result<Option<String>> {
    let found: Option<(String, Option<i64>)> =
        sqlx::query_as("select user_id, last_used_at from calendar_feeds where token_hash = $1 and revoked_at is null")
            .bind(token_hash)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((owner, last)) = found else { return Ok(None) };
    if super::tokens::use_worth_recording(last, at) {
        sqlx::query("update calendar_feeds set last_used_at = $2 where token_hash = $1").bind(token_hash).bind(at).execute(conn).await?;
    }
    Ok(Some(owner))
}
