//! Requirements, their immutable revisions, status transitions, comments and mentions.
//!
//! `requirements` holds each requirement's current state (denormalised from its latest revision)
//! so the list page and search read one table; `requirement_revisions` rows are only ever inserted.

use super::insert::Insert;
use super::Conn;
use crate::domain::people::JobRole;
use crate::domain::requirement_content::Priority;
use crate::domain::requirements::RequirementStatus;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow)]
pub struct RequirementRow {
    pub requirement_id: String,
    pub project_id: String,
    pub number: i64,
    pub req_key: String,
    pub title: String,
    pub status: RequirementStatus,
    pub priority: Priority,
    pub owner_id: String,
    pub current_revision: i64,
    pub search_text: String,
    pub late_changes: i64,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A row of the list page: the requirement with its owner's name.
#[derive(Debug, Clone, FromRow)]
pub struct RequirementListRow {
    pub requirement_id: String,
    pub number: i64,
    pub req_key: String,
    pub title: String,
    pub status: RequirementStatus,
    pub priority: Priority,
    pub owner_id: String,
    pub owner_name: String,
    pub current_revision: i64,
    pub late_changes: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct RevisionRow {
    pub revision: i64,
    pub content: String,
    pub summary: String,
    pub status: RequirementStatus,
    pub is_late: i64,
    pub author_id: String,
    pub author_name: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct TransitionRow {
    pub transition_id: String,
    pub from_status: RequirementStatus,
    pub to_status: RequirementStatus,
    pub reason: String,
    pub actor_id: String,
    pub actor_name: String,
    pub created_at: i64,
    /// The revision the change moved; `None` on changes recorded before it was kept.
    pub revision: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
pub struct CommentRow {
    pub comment_id: String,
    pub parent_id: Option<String>,
    pub author_id: String,
    pub author_name: String,
    pub author_role: JobRole,
    pub body: String,
    pub created_at: i64,
}

const COLUMNS: &str = "requirement_id, project_id, number, req_key, title, status, priority, owner_id, current_revision, search_text, \
                       late_changes, created_by, created_at, updated_at";

/// Hands out the project's next requirement number. The update takes the project row's lock, so
/// concurrent creations are serialised on both engines.
pub async fn next_number(conn: &mut Conn, project_id: &str) -> sqlx::Result<i64> {
    sqlx::query("update projects set requirement_seq = requirement_seq + 1 where project_id = $1")
        .bind(project_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query_scalar("select requirement_seq from projects where project_id = $1").bind(project_id).fetch_one(conn).await
}

pub async fn find(conn: &mut Conn, requirement_id: &str) -> sqlx::Result<Option<RequirementRow>> {
    sqlx::query_as(&format!("select {COLUMNS} from requirements where requirement_id = $1")).bind(requirement_id).fetch_optional(conn).await
}

pub async fn insert(conn: &mut Conn, row: &RequirementRow) -> sqlx::Result<()> {
    Insert::into("requirements")
        .value("requirement_id", &row.requirement_id)
        .value("project_id", &row.project_id)
        .value("number", row.number)
        .value("req_key", &row.req_key)
        .value("title", &row.title)
        .value("status", row.status)
        .value("priority", row.priority)
        .value("owner_id", &row.owner_id)
        .value("current_revision", row.current_revision)
        .value("search_text", &row.search_text)
        .value("late_changes", row.late_changes)
        .value("created_by", &row.created_by)
        .value("created_at", row.created_at)
        .value("updated_at", row.updated_at)
        .execute(conn)
        .await
}

/// Stores a new current state only if `expected_revision` is still the latest: false when someone
/// saved in between (the caller answers 409).
pub async fn update_if_revision(conn: &mut Conn, row: &RequirementRow, expected_revision: i64) -> sqlx::Result<bool> {
    sqlx::query(
        "update requirements set title = $2, priority = $3, owner_id = $4, current_revision = $5, search_text = $6,
           late_changes = $7, updated_at = $8
         where requirement_id = $1 and current_revision = $9",
    )
    .bind(&row.requirement_id)
    .bind(&row.title)
    .bind(row.priority)
    .bind(&row.owner_id)
    .bind(row.current_revision)
    .bind(&row.search_text)
    .bind(row.late_changes)
    .bind(row.updated_at)
    .bind(expected_revision)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Moves the status only if it is still `from` (a concurrent transition makes this false).
pub async fn set_status(
    conn: &mut Conn,
    requirement_id: &str,
    from: RequirementStatus,
    to: RequirementStatus,
    now: i64,
) -> sqlx::Result<bool> {
    sqlx::query("update requirements set status = $3, updated_at = $4 where requirement_id = $1 and status = $2")
        .bind(requirement_id)
        .bind(from)
        .bind(to)
        .bind(now)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
}

/// Replaces the departments the latest revision has change points for.
pub async fn set_departments(conn: &mut Conn, requirement_id: &str, department_ids: &[String]) -> sqlx::Result<()> {
    sqlx::query("delete from requirement_departments where requirement_id = $1").bind(requirement_id).execute(&mut *conn).await?;
    for department_id in department_ids {
        Insert::into("requirement_departments")
            .value("requirement_id", requirement_id)
            .value("department_id", department_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// What the list page asks for. Text is matched against the lowercased search text.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub status: Option<String>,
    pub department_id: Option<String>,
    pub owner_id: Option<String>,
    /// Lowercased words; every one must occur.
    pub words: Vec<String>,
    pub sort: ListSort,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListSort {
    /// By key number, newest first.
    #[default]
    NumberDesc,
    NumberAsc,
    UpdatedDesc,
    Title,
    Priority,
    Status,
}

impl ListSort {
    fn order_by(self) -> &'static str {
        match self {
            ListSort::NumberDesc => "r.number desc",
            ListSort::NumberAsc => "r.number asc",
            ListSort::UpdatedDesc => "r.updated_at desc, r.number desc",
            ListSort::Title => "r.title asc, r.number asc",
            // Stored as words; rank them in the workflow's and urgency's order.
            ListSort::Priority => "case r.priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, r.number asc",
            ListSort::Status => {
                "case r.status when 'draft' then 0 when 'in_review' then 1 when 'agreed' then 2 when 'in_development' then 3
                 when 'in_integration' then 4 when 'in_testing' then 5 when 'released' then 6 else 7 end, r.number asc"
            }
        }
    }
}

/// One page of a project's requirements and the total that match the filters.
pub async fn list(conn: &mut Conn, project_id: &str, q: &ListQuery) -> sqlx::Result<(Vec<RequirementListRow>, i64)> {
    // Built from fixed fragments only; every value is a bound parameter.
    let mut filters = String::from("r.project_id = $1");
    let mut values: Vec<String> = vec![project_id.to_string()];
    let mut param = |filters: &mut String, sql: &str, value: String| {
        values.push(value);
        filters.push_str(&sql.replace('?', &format!("${}", values.len())));
    };
    if let Some(status) = &q.status {
        param(&mut filters, " and r.status = ?", status.clone());
    }
    if let Some(owner) = &q.owner_id {
        param(&mut filters, " and r.owner_id = ?", owner.clone());
    }
    if let Some(department) = &q.department_id {
        param(
            &mut filters,
            " and exists (select 1 from requirement_departments d where d.requirement_id = r.requirement_id and d.department_id = ?)",
            department.clone(),
        );
    }
    for word in &q.words {
        // instr/strpos would differ per engine; LIKE with escaped wildcards is the same on both.
        param(&mut filters, " and r.search_text like ? escape '\\'", format!("%{}%", escape_like(word)));
    }
    let count_sql = format!("select count(*) from requirements r where {filters}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for v in &values {
        count = count.bind(v);
    }
    let total = count.fetch_one(&mut *conn).await?;
    let page_sql = format!(
        "select r.requirement_id, r.number, r.req_key, r.title, r.status, r.priority, r.owner_id, u.display_name as owner_name,
                r.current_revision, r.late_changes, r.updated_at
         from requirements r join users u on u.user_id = r.owner_id
         where {filters} order by {} limit {} offset {}",
        q.sort.order_by(),
        q.limit.max(0),
        q.offset.max(0)
    );
    let mut page = sqlx::query_as::<_, RequirementListRow>(&page_sql);
    for v in &values {
        page = page.bind(v);
    }
    Ok((page.fetch_all(conn).await?, total))
}

fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// One revision to store.
pub struct NewRevision<'a> {
    pub requirement_id: &'a str,
    pub revision: i64,
    pub content_json: &'a str,
    pub summary: &'a str,
    /// The requirement's status when saved.
    pub status: RequirementStatus,
    pub is_late: bool,
    pub author_id: &'a str,
    pub created_at: i64,
}

pub async fn insert_revision(conn: &mut Conn, r: &NewRevision<'_>) -> sqlx::Result<()> {
    Insert::into("requirement_revisions")
        .value("requirement_id", r.requirement_id)
        .value("revision", r.revision)
        .value("content", r.content_json)
        .value("summary", r.summary)
        .value("status", r.status)
        .value("is_late", r.is_late as i64)
        .value("author_id", r.author_id)
        .value("created_at", r.created_at)
        .execute(conn)
        .await
}

const REVISION_COLUMNS: &str =
    "v.revision, v.content, v.summary, v.status, v.is_late, v.author_id, u.display_name as author_name, v.created_at";

/// Every revision, newest first, without their contents (the history list).
pub async fn revisions(conn: &mut Conn, requirement_id: &str) -> sqlx::Result<Vec<RevisionRow>> {
    sqlx::query_as(
        "select v.revision, '' as content, v.summary, v.status, v.is_late, v.author_id, u.display_name as author_name, v.created_at
         from requirement_revisions v join users u on u.user_id = v.author_id
         where v.requirement_id = $1 order by v.revision desc",
    )
    .bind(requirement_id)
    .fetch_all(conn)
    .await
}

pub async fn revision(conn: &mut Conn, requirement_id: &str, revision: i64) -> sqlx::Result<Option<RevisionRow>> {
    sqlx::query_as(&format!(
        "select {REVISION_COLUMNS} from requirement_revisions v join users u on u.user_id = v.author_id
         where v.requirement_id = $1 and v.revision = $2"
    ))
    .bind(requirement_id)
    .bind(revision)
    .fetch_optional(conn)
    .await
}

/// A status change as it is recorded.
pub struct NewTransition<'a> {
    pub requirement_id: &'a str,
    pub from: RequirementStatus,
    pub to: RequirementStatus,
    /// The revision whose status changed: the one the person saw.
    pub revision: i64,
    pub reason: &'a str,
    pub actor_id: &'a str,
    pub at: i64,
}

pub async fn insert_transition(conn: &mut Conn, t: &NewTransition<'_>) -> sqlx::Result<()> {
    Insert::into("requirement_transitions")
        .value("transition_id", super::new_id())
        .value("requirement_id", t.requirement_id)
        .value("from_status", t.from)
        .value("to_status", t.to)
        .value("revision", t.revision)
        .value("reason", t.reason)
        .value("actor_id", t.actor_id)
        .value("created_at", t.at)
        .execute(conn)
        .await
}

pub async fn transitions(conn: &mut Conn, requirement_id: &str) -> sqlx::Result<Vec<TransitionRow>> {
    sqlx::query_as(
        "select t.transition_id, t.from_status, t.to_status, t.reason, t.actor_id, u.display_name as actor_name, t.created_at,
                t.revision
         from requirement_transitions t join users u on u.user_id = t.actor_id
         where t.requirement_id = $1 order by t.created_at, t.transition_id",
    )
    .bind(requirement_id)
    .fetch_all(conn)
    .await
}

pub async fn insert_comment(
    conn: &mut Conn,
    comment_id: &str,
    requirement_id: &str,
    parent_id: Option<&str>,
    author_id: &str,
    body: &str,
    now: i64,
) -> sqlx::Result<()> {
    Insert::into("requirement_comments")
        .value("comment_id", comment_id)
        .value("requirement_id", requirement_id)
        .value("parent_id", parent_id)
        .value("author_id", author_id)
        .value("body", body)
        .value("created_at", now)
        .execute(conn)
        .await
}

pub async fn insert_mention(conn: &mut Conn, comment_id: &str, user_id: &str) -> sqlx::Result<()> {
    Insert::into("comment_mentions").value("comment_id", comment_id).value("user_id", user_id).execute(conn).await
}

/// A requirement's comments in the order they were written.
pub async fn comments(conn: &mut Conn, requirement_id: &str) -> sqlx::Result<Vec<CommentRow>> {
    sqlx::query_as(
        "select c.comment_id, c.parent_id, c.author_id, u.display_name as author_name, u.job_role as author_role, c.body, c.created_at
         from requirement_comments c join users u on u.user_id = c.author_id
         where c.requirement_id = $1 order by c.created_at, c.comment_id",
    )
    .bind(requirement_id)
    .fetch_all(conn)
    .await
}

/// The comment's thread root, if the comment belongs to this requirement.
pub async fn comment_parent(conn: &mut Conn, requirement_id: &str, comment_id: &str) -> sqlx::Result<Option<Option<String>>> {
    sqlx::query_scalar("select parent_id from requirement_comments where requirement_id = $1 and comment_id = $2")
        .bind(requirement_id)
        .bind(comment_id)
        .fetch_optional(conn)
        .await
}
