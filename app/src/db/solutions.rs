//! Solution options and their immutable revisions, comments and concerns, change requests with each
//! department's decision, and baselines.
//!
//! Revisions, baselines and decided requests are only ever inserted or moved forward once: every
//! state change is a guarded `update ... where <still in the old state>` whose row count tells the
//! service whether it won a race.

use super::insert::Insert;
use super::Conn;
use crate::domain::people::JobRole;
use crate::domain::projects::StakeholderRole;
use crate::domain::solutions::{OptionStatus, RequestKind, RequestStatus};
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct OptionRow {
    pub option_id: String,
    pub requirement_id: String,
    pub project_id: String,
    pub title: String,
    pub status: OptionStatus,
    pub current_revision: i64,
    pub launch_on: String,
    pub chosen_by: Option<String>,
    pub chosen_at: Option<i64>,
    pub chosen_rationale: Option<String>,
    pub chosen_override: Option<String>,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const OPTION_COLUMNS: &str = "option_id, requirement_id, project_id, title, status, current_revision, launch_on, chosen_by, chosen_at, \
                              chosen_rationale, chosen_override, created_by, created_at, updated_at";

/// A row of a requirement's option list.
#[derive(Debug, Clone, FromRow)]
pub struct OptionListRow {
    pub option_id: String,
    pub requirement_id: String,
    pub title: String,
    pub status: OptionStatus,
    pub current_revision: i64,
    pub launch_on: String,
    pub created_by_name: String,
    pub open_concerns: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct RevisionRow {
    pub revision: i64,
    pub content: String,
    pub summary: String,
    pub launch_on: String,
    pub author_id: String,
    pub author_name: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct CommentRow {
    pub comment_id: String,
    pub option_id: String,
    pub parent_id: Option<String>,
    pub author_id: String,
    pub author_name: String,
    pub author_role: JobRole,
    pub body: String,
    pub is_concern: i64,
    pub resolved_by: Option<String>,
    pub resolved_by_name: Option<String>,
    pub resolved_at: Option<i64>,
    pub resolution: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct RequestRow {
    pub request_id: String,
    pub project_id: String,
    pub option_id: String,
    pub revision: i64,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub reason: String,
    pub base_baseline_id: Option<String>,
    pub plan: String,
    pub impact: Option<String>,
    pub launch_on: String,
    pub requested_by: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

const REQUEST_COLUMNS: &str =
    "r.request_id, r.project_id, r.option_id, r.revision, r.kind, r.status, r.reason, r.base_baseline_id, r.plan, \
                               r.impact, r.launch_on, r.requested_by, r.created_at, r.decided_at";

/// A request in a list, with the names a list shows.
#[derive(Debug, Clone, FromRow)]
pub struct RequestListRow {
    pub request_id: String,
    pub project_id: String,
    pub project_name: String,
    pub option_id: String,
    pub option_title: String,
    pub revision: i64,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub reason: String,
    pub impact: Option<String>,
    pub launch_on: String,
    pub requested_by: String,
    pub requested_by_name: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

const REQUEST_LIST_SELECT: &str =
    "select r.request_id, r.project_id, p.name as project_name, r.option_id, o.title as option_title, r.revision, \
     r.kind, r.status, r.reason, r.impact, r.launch_on, r.requested_by, u.display_name as requested_by_name, r.created_at, r.decided_at \
     from change_requests r join projects p on p.project_id = r.project_id join solution_options o on o.option_id = r.option_id \
     join users u on u.user_id = r.requested_by";

#[derive(Debug, Clone, FromRow)]
pub struct ApprovalRow {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub reasons: String,
    pub decision: Option<String>,
    pub decided_by: Option<String>,
    pub decided_by_name: Option<String>,
    pub decision_comment: Option<String>,
    pub decided_at: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
pub struct BaselineRow {
    pub baseline_id: String,
    pub project_id: String,
    pub number: i64,
    pub option_id: String,
    pub revision: i64,
    pub plan: String,
    pub launch_on: String,
    pub request_id: String,
    pub created_at: i64,
}

const BASELINE_COLUMNS: &str = "baseline_id, project_id, number, option_id, revision, plan, launch_on, request_id, created_at";

// ---- options and revisions ----

pub async fn insert_option(conn: &mut Conn, row: &OptionRow) -> sqlx::Result<()> {
    Insert::into("solution_options")
        .value("option_id", &row.option_id)
        .value("requirement_id", &row.requirement_id)
        .value("project_id", &row.project_id)
        .value("title", &row.title)
        .value("status", row.status)
        .value("current_revision", row.current_revision)
        .value("launch_on", &row.launch_on)
        .value("chosen_by", &row.chosen_by)
        .value("chosen_at", row.chosen_at)
        .value("chosen_rationale", &row.chosen_rationale)
        .value("chosen_override", &row.chosen_override)
        .value("created_by", &row.created_by)
        .value("created_at", row.created_at)
        .value("updated_at", row.updated_at)
        .execute(conn)
        .await
}

pub async fn find_option(conn: &mut Conn, option_id: &str) -> sqlx::Result<Option<OptionRow>> {
    sqlx::query_as(&format!("select {OPTION_COLUMNS} from solution_options where option_id = $1"))
        .bind(option_id)
        .fetch_optional(conn)
        .await
}

pub async fn options_of_requirement(conn: &mut Conn, requirement_id: &str) -> sqlx::Result<Vec<OptionRow>> {
    sqlx::query_as(&format!("select {OPTION_COLUMNS} from solution_options where requirement_id = $1 order by created_at"))
        .bind(requirement_id)
        .fetch_all(conn)
        .await
}

pub async fn list_options(conn: &mut Conn, requirement_id: &str) -> sqlx::Result<Vec<OptionListRow>> {
    sqlx::query_as(
        "select o.option_id, o.requirement_id, o.title, o.status, o.current_revision, o.launch_on, u.display_name as created_by_name,
                (select count(*) from option_comments c where c.option_id = o.option_id and c.is_concern = 1 and c.resolved_at is null)
                    as open_concerns,
                o.updated_at
         from solution_options o join users u on u.user_id = o.created_by
         where o.requirement_id = $1 order by o.created_at",
    )
    .bind(requirement_id)
    .fetch_all(conn)
    .await
}

/// Moves the option to a new revision, if `from_revision` is still its latest (else `false`: a
/// concurrent save won).
pub async fn advance_option(
    conn: &mut Conn,
    option_id: &str,
    from_revision: i64,
    title: &str,
    launch_on: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update solution_options set title = $1, current_revision = current_revision + 1, launch_on = $2, updated_at = $3
         where option_id = $4 and current_revision = $5",
    )
    .bind(title)
    .bind(launch_on)
    .bind(now)
    .bind(option_id)
    .bind(from_revision)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks an option chosen, and every other option of its requirement not chosen.
pub async fn choose(
    conn: &mut Conn,
    option: &OptionRow,
    by: &str,
    now: i64,
    rationale: &str,
    override_reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("update solution_options set status = 'not_chosen', updated_at = $1 where requirement_id = $2 and option_id <> $3")
        .bind(now)
        .bind(&option.requirement_id)
        .bind(&option.option_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "update solution_options set status = 'chosen', chosen_by = $1, chosen_at = $2, chosen_rationale = $3, chosen_override = $4,
                updated_at = $2 where option_id = $5",
    )
    .bind(by)
    .bind(now)
    .bind(rationale)
    .bind(override_reason)
    .bind(&option.option_id)
    .execute(conn)
    .await
    .map(|_| ())
}

pub struct NewRevision<'a> {
    pub option_id: &'a str,
    pub revision: i64,
    pub content_json: &'a str,
    pub summary: &'a str,
    pub launch_on: &'a str,
    pub author_id: &'a str,
    pub created_at: i64,
}

pub async fn insert_revision(conn: &mut Conn, r: &NewRevision<'_>) -> sqlx::Result<()> {
    Insert::into("solution_revisions")
        .value("option_id", r.option_id)
        .value("revision", r.revision)
        .value("content", r.content_json)
        .value("summary", r.summary)
        .value("launch_on", r.launch_on)
        .value("author_id", r.author_id)
        .value("created_at", r.created_at)
        .execute(conn)
        .await
}

const REVISION_SELECT: &str =
    "select v.revision, v.content, v.summary, v.launch_on, v.author_id, u.display_name as author_name, v.created_at
     from solution_revisions v join users u on u.user_id = v.author_id";

pub async fn revision(conn: &mut Conn, option_id: &str, revision: i64) -> sqlx::Result<Option<RevisionRow>> {
    sqlx::query_as(&format!("{REVISION_SELECT} where v.option_id = $1 and v.revision = $2"))
        .bind(option_id)
        .bind(revision)
        .fetch_optional(conn)
        .await
}

/// Every revision, newest first.
pub async fn revisions(conn: &mut Conn, option_id: &str) -> sqlx::Result<Vec<RevisionRow>> {
    sqlx::query_as(&format!("{REVISION_SELECT} where v.option_id = $1 order by v.revision desc")).bind(option_id).fetch_all(conn).await
}

/// Everyone who saved a revision of the option (its authors, for notifications).
pub async fn option_authors(conn: &mut Conn, option_id: &str) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("select distinct author_id from solution_revisions where option_id = $1").bind(option_id).fetch_all(conn).await
}

// ---- comments and concerns ----

pub struct NewComment<'a> {
    pub comment_id: &'a str,
    pub option_id: &'a str,
    pub parent_id: Option<&'a str>,
    pub author_id: &'a str,
    pub author_role: &'a str,
    pub body: &'a str,
    pub is_concern: bool,
    pub created_at: i64,
}

pub async fn insert_comment(conn: &mut Conn, c: &NewComment<'_>) -> sqlx::Result<()> {
    Insert::into("option_comments")
        .value("comment_id", c.comment_id)
        .value("option_id", c.option_id)
        .value("parent_id", c.parent_id)
        .value("author_id", c.author_id)
        .value("author_role", c.author_role)
        .value("body", c.body)
        .value("is_concern", i64::from(c.is_concern))
        .value("created_at", c.created_at)
        .execute(conn)
        .await
}

const COMMENT_SELECT: &str =
    "select c.comment_id, c.option_id, c.parent_id, c.author_id, u.display_name as author_name, c.author_role, c.body,
            c.is_concern, c.resolved_by, r.display_name as resolved_by_name, c.resolved_at, c.resolution, c.created_at
     from option_comments c join users u on u.user_id = c.author_id left join users r on r.user_id = c.resolved_by";

pub async fn comments(conn: &mut Conn, option_id: &str) -> sqlx::Result<Vec<CommentRow>> {
    sqlx::query_as(&format!("{COMMENT_SELECT} where c.option_id = $1 order by c.created_at, c.comment_id"))
        .bind(option_id)
        .fetch_all(conn)
        .await
}

pub async fn find_comment(conn: &mut Conn, comment_id: &str) -> sqlx::Result<Option<CommentRow>> {
    sqlx::query_as(&format!("{COMMENT_SELECT} where c.comment_id = $1")).bind(comment_id).fetch_optional(conn).await
}

/// Resolves an open concern; `false` when it was resolved meanwhile.
pub async fn resolve_concern(conn: &mut Conn, comment_id: &str, by: &str, at: i64, note: &str) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update option_comments set resolved_by = $1, resolved_at = $2, resolution = $3
         where comment_id = $4 and is_concern = 1 and resolved_at is null",
    )
    .bind(by)
    .bind(at)
    .bind(note)
    .bind(comment_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn open_concerns(conn: &mut Conn, option_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from option_comments where option_id = $1 and is_concern = 1 and resolved_at is null")
        .bind(option_id)
        .fetch_one(conn)
        .await
}

// ---- change requests ----

pub async fn insert_request(conn: &mut Conn, r: &RequestRow) -> sqlx::Result<()> {
    Insert::into("change_requests")
        .value("request_id", &r.request_id)
        .value("project_id", &r.project_id)
        .value("option_id", &r.option_id)
        .value("revision", r.revision)
        .value("kind", r.kind)
        .value("status", r.status)
        .value("reason", &r.reason)
        .value("base_baseline_id", &r.base_baseline_id)
        .value("plan", &r.plan)
        .value("impact", &r.impact)
        .value("launch_on", &r.launch_on)
        .value("requested_by", &r.requested_by)
        .value("created_at", r.created_at)
        .value("decided_at", r.decided_at)
        .execute(conn)
        .await
}

pub async fn find_request(conn: &mut Conn, request_id: &str) -> sqlx::Result<Option<RequestRow>> {
    sqlx::query_as(&format!("select {REQUEST_COLUMNS} from change_requests r where r.request_id = $1"))
        .bind(request_id)
        .fetch_optional(conn)
        .await
}

pub async fn pending_request(conn: &mut Conn, project_id: &str) -> sqlx::Result<Option<RequestRow>> {
    sqlx::query_as(&format!("select {REQUEST_COLUMNS} from change_requests r where r.project_id = $1 and r.status = 'pending'"))
        .bind(project_id)
        .fetch_optional(conn)
        .await
}

pub async fn request_summary(conn: &mut Conn, request_id: &str) -> sqlx::Result<Option<RequestListRow>> {
    sqlx::query_as(&format!("{REQUEST_LIST_SELECT} where r.request_id = $1")).bind(request_id).fetch_optional(conn).await
}

/// A project's requests, newest first.
pub async fn project_requests(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<RequestListRow>> {
    sqlx::query_as(&format!("{REQUEST_LIST_SELECT} where r.project_id = $1 order by r.created_at desc"))
        .bind(project_id)
        .fetch_all(conn)
        .await
}

/// Pending requests where `department_id` has not decided yet, oldest first.
pub async fn waiting_for_department(conn: &mut Conn, department_id: &str) -> sqlx::Result<Vec<RequestListRow>> {
    sqlx::query_as(&format!(
        "{REQUEST_LIST_SELECT} join change_request_departments d on d.request_id = r.request_id
         where r.status = 'pending' and d.department_id = $1 and d.decision is null order by r.created_at"
    ))
    .bind(department_id)
    .fetch_all(conn)
    .await
}

/// Closes a pending request; `false` when it was no longer pending.
pub async fn close_request(conn: &mut Conn, request_id: &str, status: &str, at: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("update change_requests set status = $1, decided_at = $2 where request_id = $3 and status = 'pending'")
        .bind(status)
        .bind(at)
        .bind(request_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_approval(conn: &mut Conn, request_id: &str, department_id: &str, reasons_json: &str) -> sqlx::Result<()> {
    Insert::into("change_request_departments")
        .value("request_id", request_id)
        .value("department_id", department_id)
        .value("reasons", reasons_json)
        .execute(conn)
        .await
}

/// The request's departments, lead-first order kept by code within the rest.
pub async fn approvals(conn: &mut Conn, request_id: &str) -> sqlx::Result<Vec<ApprovalRow>> {
    sqlx::query_as(
        "select d.department_id, dep.code, dep.name_zh, dep.name_en, d.reasons, d.decision, d.decided_by,
                u.display_name as decided_by_name, d.decision_comment, d.decided_at
         from change_request_departments d join departments dep on dep.department_id = d.department_id
         left join users u on u.user_id = d.decided_by
         where d.request_id = $1 order by dep.code",
    )
    .bind(request_id)
    .fetch_all(conn)
    .await
}

/// Records one department's decision; `false` when it had decided already.
pub async fn decide(
    conn: &mut Conn,
    request_id: &str,
    department_id: &str,
    decision: &str,
    by: &str,
    comment: &str,
    at: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update change_request_departments set decision = $1, decided_by = $2, decision_comment = $3, decided_at = $4
         where request_id = $5 and department_id = $6 and decision is null",
    )
    .bind(decision)
    .bind(by)
    .bind(comment)
    .bind(at)
    .bind(request_id)
    .bind(department_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ---- baselines ----

pub async fn current_baseline(conn: &mut Conn, project_id: &str) -> sqlx::Result<Option<BaselineRow>> {
    sqlx::query_as(&format!("select {BASELINE_COLUMNS} from baselines where project_id = $1 order by number desc limit 1"))
        .bind(project_id)
        .fetch_optional(conn)
        .await
}

pub async fn find_baseline(conn: &mut Conn, baseline_id: &str) -> sqlx::Result<Option<BaselineRow>> {
    sqlx::query_as(&format!("select {BASELINE_COLUMNS} from baselines where baseline_id = $1")).bind(baseline_id).fetch_optional(conn).await
}

/// Every baseline of the project, newest first.
pub async fn baselines(conn: &mut Conn, project_id: &str) -> sqlx::Result<Vec<BaselineRow>> {
    sqlx::query_as(&format!("select {BASELINE_COLUMNS} from baselines where project_id = $1 order by number desc"))
        .bind(project_id)
        .fetch_all(conn)
        .await
}

pub async fn insert_baseline(conn: &mut Conn, b: &BaselineRow) -> sqlx::Result<()> {
    Insert::into("baselines")
        .value("baseline_id", &b.baseline_id)
        .value("project_id", &b.project_id)
        .value("number", b.number)
        .value("option_id", &b.option_id)
        .value("revision", b.revision)
        .value("plan", &b.plan)
        .value("launch_on", &b.launch_on)
        .value("request_id", &b.request_id)
        .value("created_at", b.created_at)
        .execute(conn)
        .await
}

// ---- people ----

/// The leaders of the given departments (user ids).
pub async fn leaders_of(conn: &mut Conn, department_ids: &[String]) -> sqlx::Result<Vec<String>> {
    let mut leaders = Vec::new();
    for department_id in department_ids {
        let ids: Vec<String> = sqlx::query_scalar("select user_id from users where department_id = $1 and job_role = 'leader'")
            .bind(department_id)
            .fetch_all(&mut *conn)
            .await?;
        leaders.extend(ids);
    }
    Ok(leaders)
}

/// Makes a department a stakeholder pulled in by a schedule change (role `collaborator`), or, if it
/// is one already, leaves it as it is. `late` flags it "identified late".
pub async fn pull_in_stakeholder(
    conn: &mut Conn,
    project_id: &str,
    department_id: &str,
    by: &str,
    now: i64,
    late: bool,
) -> sqlx::Result<bool> {
    let exists: Option<String> =
        sqlx::query_scalar("select department_id from project_stakeholders where project_id = $1 and department_id = $2")
            .bind(project_id)
            .bind(department_id)
            .fetch_optional(&mut *conn)
            .await?;
    if exists.is_some() {
        return Ok(false);
    }
    Insert::into("project_stakeholders")
        .value("project_id", project_id)
        .value("department_id", department_id)
        .value("stakeholder_role", StakeholderRole::Collaborator)
        .value("identified_at", now)
        .value("identified_by", by)
        .value("identified_late", i64::from(late))
        .execute(conn)
        .await?;
    Ok(true)
}
