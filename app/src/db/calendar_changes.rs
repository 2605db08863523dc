//! The history of entered calendar years (`calendar_changes`), and the open options whose dates
//! a calendar change would move (read for the import preview).

use super::insert::Insert;
use super::Conn;
use sqlx::FromRow;

/// One recorded change to one year of a calendar.
#[derive(Debug, Clone, FromRow)]
pub struct CalendarChangeRow {
    pub calendar_change_id: String,
    /// Null: the organisation calendar.
    pub department_id: Option<String>,
    pub department_code: Option<String>,
    pub action: String,
    pub year: i64,
    /// CalendarYear JSON, null when the year was not entered before.
    pub before_year: Option<String>,
    pub after_year: Option<String>,
    pub changed_at: i64,
    pub changed_by: String,
    pub changed_by_name: String,
}

/// A change as written.
pub struct NewCalendarChange<'a> {
    pub department_id: Option<&'a str>,
    pub action: &'a str,
    pub year: i64,
    pub before_year: Option<String>,
    pub after_year: Option<String>,
    pub changed_at: i64,
    pub changed_by: &'a str,
}

pub async fn insert(conn: &mut Conn, c: &NewCalendarChange<'_>) -> sqlx::Result<()> {
    Insert::into("calendar_changes")
        .value("calendar_change_id", super::new_id())
        .value("department_id", c.department_id)
        .value("action", c.action)
        .value("year", c.year)
        .value("before_year", &c.before_year)
        .value("after_year", &c.after_year)
        .value("changed_at", c.changed_at)
        .value("changed_by", c.changed_by)
        .execute(conn)
        .await
}

/// The newest changes first, at most `limit`.
pub async fn recent(conn: &mut Conn, limit: i64) -> sqlx::Result<Vec<CalendarChangeRow>> {
    sqlx::query_as(
        "select c.calendar_change_id, c.department_id, d.code as department_code, c.action, c.year, c.before_year, c.after_year,
                c.changed_at, c.changed_by, u.display_name as changed_by_name
         from calendar_changes c
         join users u on u.user_id = c.changed_by
         left join departments d on d.department_id = c.department_id
         order by c.changed_at desc, c.calendar_change_id desc
         limit $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// An option still open (proposed or chosen), with what its plan is scheduled from.
#[derive(Debug, Clone, FromRow)]
pub struct OpenOptionRow {
    pub option_id: String,
    pub title: String,
    pub project_id: String,
    pub project_name: String,
    pub kickoff_on: String,
    pub requirement_id: String,
    pub req_key: String,
    /// The latest revision's OptionContent JSON.
    pub content: String,
}

/// The open options of every project the person may read (admins: all; others: internal
/// projects and restricted ones their department takes part in).
pub async fn open_options(conn: &mut Conn, is_admin: bool, department_id: &str) -> sqlx::Result<Vec<OpenOptionRow>> {
    sqlx::query_as(
        "select o.option_id, o.title, p.project_id, p.name as project_name, p.kickoff_on, r.requirement_id, r.req_key, v.content
         from solution_options o
         join projects p on p.project_id = o.project_id
         join requirements r on r.requirement_id = o.requirement_id
         join solution_revisions v on v.option_id = o.option_id and v.revision = o.current_revision
         where o.status in ('proposed', 'chosen')
           and ($1 = 1 or p.visibility = 'internal' or p.lead_department_id = $2
                or exists (select 1 from project_stakeholders s where s.project_id = p.project_id and s.department_id = $2))
         order by p.name, r.req_key, o.title, o.option_id",
    )
    .bind(is_admin as i64)
    .bind(department_id)
    .fetch_all(conn)
    .await
}
