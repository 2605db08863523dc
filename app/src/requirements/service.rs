//! Requirement services: create, edit (one immutable revision per save, no lost update), list and
//! search, history and diff, the status workflow, and comments. Called by both the server
//! functions and the REST handlers; each checks who may do what itself.

use super::dto::*;
use crate::access::{load_readable, project_access};
use crate::auth::CurrentUser;
use crate::db::stored;
use crate::db::{self, projects::ProjectRow, projects::StakeholderRow, requirements as repo, requirements::RequirementRow};
use crate::domain::people::JobRole;
use crate::domain::permissions::{can_comment_requirements, can_edit_requirements, ProjectAccess};
use crate::domain::requirement_content::{Priority, RequirementContent};
use crate::domain::requirement_diff;
use crate::domain::requirements::{requirement_key, RequirementStatus};
use crate::domain::text::optional_long;
use crate::domain::DomainError;
use crate::error::AppError;
use crate::markdown;
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, NewNotification};
use crate::state::AppState;

/// Longest revision summary, transition reason and comment.
const SUMMARY_MAX: u32 = 500;
const COMMENT_MAX: u32 = 20_000;
/// Largest page of the list.
pub const PAGE_MAX: i64 = 200;
pub const PAGE_DEFAULT: i64 = 50;

/// A requirement with the project it belongs to, loaded for someone who may read the project.
struct Loaded {
    requirement: RequirementRow,
    project: ProjectRow,
    stakeholders: Vec<StakeholderRow>,
}

impl Loaded {
    fn access(&self) -> ProjectAccess<'_> {
        project_access(&self.project, &self.stakeholders)
    }
}

/// Loads a requirement whose project the person may read; otherwise "not found".
async fn load(conn: &mut db::Conn, user: &CurrentUser, requirement_id: &str) -> Result<Loaded, AppError> {
    let requirement = repo::find(conn, requirement_id).await?.ok_or(AppError::NotFound)?;
    let (project, stakeholders) = load_readable(conn, user, &requirement.project_id).await?;
    Ok(Loaded { requirement, project, stakeholders })
}

/// Loads a requirement the person may edit: 404 when they may not read it, 403 when only reading.
async fn load_editable(conn: &mut db::Conn, user: &CurrentUser, requirement_id: &str) -> Result<Loaded, AppError> {
    let loaded = load(conn, user, requirement_id).await?;
    if !can_edit_requirements(&user.actor(), &loaded.access()) {
        return Err(AppError::Forbidden);
    }
    Ok(loaded)
}

/// Checks what the database knows: the owner is a PM, and every change point names one of the
/// project's stakeholder departments.
async fn check_references(conn: &mut db::Conn, content: &RequirementContent, stakeholders: &[StakeholderRow]) -> Result<(), AppError> {
    let owner = db::users::find(conn, &content.owner_id).await?;
    if !owner.is_some_and(|o| o.job_role == JobRole::Pm) {
        return Err(DomainError::NotAllowed { field: "owner_id".into() }.into());
    }
    for (i, point) in content.change_points.iter().enumerate() {
        if !stakeholders.iter().any(|s| s.department_id == point.department_id) {
            return Err(DomainError::NotAllowed { field: format!("change_points[{i}].department_id") }.into());
        }
    }
    Ok(())
}

fn summary_text(raw: &str) -> Result<String, AppError> {
    Ok(optional_long(raw, "summary", SUMMARY_MAX)?.lines().collect::<Vec<_>>().join(" "))
}

#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn create_requirement(
    state: &AppState,
    user: &CurrentUser,
    project_id: &str,
    input: RequirementInput,
) -> Result<RequirementDetail, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let (project, stakeholders) = load_readable(&mut tx, user, project_id).await?;
    if !can_edit_requirements(&user.actor(), &project_access(&project, &stakeholders)) {
        return Err(AppError::Forbidden);
    }
    let priority = match input.priority.as_deref() {
        None | Some("") => Priority::Medium,
        Some(raw) => Priority::parse(raw)?,
    };
    let content = RequirementContent {
        title: input.title,
        background: input.background,
        goal: input.goal,
        priority,
        owner_id: input.owner_id.filter(|o| !o.trim().is_empty()).unwrap_or_else(|| user.id.clone()),
        scenarios: input.scenarios,
        change_points: input.change_points,
    }
    .normalise(None)?;
    let summary = summary_text(&input.summary)?;
    check_references(&mut tx, &content, &stakeholders).await?;
    let number = repo::next_number(&mut tx, project_id).await?;
    let key = requirement_key(&project.code, number);
    let now = db::now_ms();
    let row = RequirementRow {
        requirement_id: db::new_id(),
        project_id: project_id.into(),
        number,
        req_key: key,
        title: content.title.clone(),
        status: RequirementStatus::Draft,
        priority: content.priority,
        owner_id: content.owner_id.clone(),
        current_revision: 1,
        search_text: content.search_text(),
        late_changes: 0,
        created_by: user.id.clone(),
        created_at: now,
        updated_at: now,
    };
    repo::insert(&mut tx, &row).await?;
    repo::set_departments(&mut tx, &row.requirement_id, &content.change_point_departments()).await?;
    let content_json = stored::to_json(&content)?;
    let revision = repo::NewRevision {
        requirement_id: &row.requirement_id,
        revision: 1,
        content_json: &content_json,
        summary: &summary,
        status: row.status,
        is_late: false,
        author_id: &user.id,
        created_at: now,
    };
    repo::insert_revision(&mut tx, &revision).await?;
    let answer = detail_in(&mut tx, user, &row.requirement_id).await?;
    tx.commit().await?;
    Ok(answer)
}

#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn get_requirement(state: &AppState, user: &CurrentUser, requirement_id: &str) -> Result<RequirementDetail, AppError> {
    let mut conn = state.db.acquire().await?;
    detail_in(&mut conn, user, requirement_id).await
}

/// The requirement as `user` sees it, read on `conn` (a write's own transaction, or a plain
/// connection).
async fn detail_in(conn: &mut db::Conn, user: &CurrentUser, requirement_id: &str) -> Result<RequirementDetail, AppError> {
    let loaded = load(conn, user, requirement_id).await?;
    detail(conn, user, loaded).await
}

async fn detail(conn: &mut db::Conn, user: &CurrentUser, loaded: Loaded) -> Result<RequirementDetail, AppError> {
    let r = &loaded.requirement;
    let latest = repo::revision(conn, &r.requirement_id, r.current_revision).await?.ok_or(AppError::Internal)?;
    let content: RequirementContent = stored::json(&latest.content, "requirement content")?;
    let owner_name = db::users::find(conn, &r.owner_id).await?.map(|u| u.display_name).unwrap_or_default();
    let transitions = repo::transitions(conn, &r.requirement_id).await?.into_iter().map(transition_dto).collect();
    let can_edit = can_edit_requirements(&user.actor(), &loaded.access());
    let status = r.status;
    let department_names = department_options(conn, &r.project_id).await?;
    Ok(RequirementDetail {
        id: r.requirement_id.clone(),
        project_id: r.project_id.clone(),
        key: r.req_key.clone(),
        status,
        version: r.current_revision,
        late_changes: r.late_changes,
        background_html: markdown::render(&content.background),
        goal_html: markdown::render(&content.goal),
        content,
        owner_name,
        department_names,
        created_by: r.created_by.clone(),
        created_at: r.created_at,
        updated_at: r.updated_at,
        transitions,
        next_statuses: if can_edit { status.next().to_vec() } else { vec![] },
        can_edit,
        can_comment: can_comment_requirements(&user.actor(), &loaded.access()),
    })
}

fn transition_dto(t: repo::TransitionRow) -> TransitionDto {
    TransitionDto {
        from: t.from_status,
        to: t.to_status,
        reason: t.reason,
        actor_id: t.actor_id,
        actor_name: t.actor_name,
        at: t.created_at,
        revision: t.revision,
    }
}

/// Saves an edit as a new revision. `if_match` (from the `If-Match` header) and `patch.version`
/// name the revision the edit started from; a newer one saved meanwhile refuses the edit with
/// [`AppError::EditConflict`], and nothing is written.
#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn update_requirement(
    state: &AppState,
    user: &CurrentUser,
    requirement_id: &str,
    patch: RequirementPatch,
    if_match: Option<i64>,
) -> Result<RequirementDetail, AppError> {
    let base = AppError::require_version(patch.version.or(if_match), "version")?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let loaded = load_editable(&mut tx, user, requirement_id).await?;
    let current = &loaded.requirement;
    let latest = repo::revision(&mut tx, requirement_id, current.current_revision).await?.ok_or(AppError::Internal)?;
    if base != current.current_revision {
        return Err(AppError::EditConflict { current_revision: current.current_revision, saved_by: latest.author_name });
    }
    let previous: RequirementContent = stored::json(&latest.content, "requirement content")?;
    let content = RequirementContent {
        title: patch.title.unwrap_or_else(|| previous.title.clone()),
        background: patch.background.unwrap_or_else(|| previous.background.clone()),
        goal: patch.goal.unwrap_or_else(|| previous.goal.clone()),
        priority: match patch.priority.as_deref() {
            None => previous.priority,
            Some(raw) => Priority::parse(raw)?,
        },
        owner_id: patch.owner_id.unwrap_or_else(|| previous.owner_id.clone()),
        scenarios: patch.scenarios.unwrap_or_else(|| previous.scenarios.clone()),
        change_points: patch.change_points.unwrap_or_else(|| previous.change_points.clone()),
    }
    .normalise(Some(&previous))?;
    let summary = summary_text(patch.summary.as_deref().unwrap_or_default())?;
    if content == previous {
        // Nothing changed: no empty revision in the history.
        return detail_in(&mut tx, user, requirement_id).await;
    }
    check_references(&mut tx, &content, &loaded.stakeholders).await?;
    let status = current.status;
    let is_late = status.edits_are_late();
    let now = db::now_ms();
    let revision = current.current_revision + 1;
    let row = RequirementRow {
        title: content.title.clone(),
        priority: content.priority,
        owner_id: content.owner_id.clone(),
        current_revision: revision,
        search_text: content.search_text(),
        late_changes: current.late_changes + is_late as i64,
        updated_at: now,
        ..current.clone()
    };
    if !repo::update_if_revision(&mut tx, &row, base).await? {
        // Only reachable on PostgreSQL when two edits race past the check above.
        return Err(AppError::EditConflict { current_revision: base + 1, saved_by: String::new() });
    }
    let content_json = stored::to_json(&content)?;
    let new_revision = repo::NewRevision {
        requirement_id,
        revision,
        content_json: &content_json,
        summary: &summary,
        status: current.status,
        is_late,
        author_id: &user.id,
        created_at: now,
    };
    repo::insert_revision(&mut tx, &new_revision).await?;
    repo::set_departments(&mut tx, requirement_id, &content.change_point_departments()).await?;
    // A new revision leaves the requirement's sign-offs stale: ask for them again.
    crate::signoffs::service::notify_outstanding(&mut tx, &current.project_id, &user.id).await?;
    // Read back inside the transaction: the answer (and its version) is this write's, never a
    // revision someone else saved between the commit and a separate read.
    let answer = detail_in(&mut tx, user, requirement_id).await?;
    tx.commit().await?;
    Ok(answer)
}

/// Moves a requirement along the workflow, recording who, when and why.
#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn transition(
    state: &AppState,
    user: &CurrentUser,
    requirement_id: &str,
    input: TransitionInput,
) -> Result<RequirementDetail, AppError> {
    let to = RequirementStatus::parse(&input.to).map_err(|_| DomainError::NotAllowed { field: "to".into() })?;
    let reason = summary_text(&input.reason).map_err(|_| DomainError::TooLong { field: "reason".into(), max: SUMMARY_MAX })?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let loaded = load_editable(&mut tx, user, requirement_id).await?;
    let from = loaded.requirement.status;
    from.transition(to).map_err(|_| DomainError::NotAllowed { field: "to".into() })?;
    let revision = AppError::require_version(input.revision, "revision")?;
    let current = loaded.requirement.current_revision;
    if revision != current {
        let latest = repo::revision(&mut tx, requirement_id, current).await?.ok_or(AppError::Internal)?;
        return Err(AppError::EditConflict { current_revision: current, saved_by: latest.author_name });
    }
    let now = db::now_ms();
    if !repo::set_status(&mut tx, requirement_id, from, to, now).await? {
        return Err(AppError::StaleVersion);
    }
    let transition = repo::NewTransition { requirement_id, from, to, revision, reason: &reason, actor_id: &user.id, at: now };
    repo::insert_transition(&mut tx, &transition).await?;
    // Leaving draft makes the requirement one to sign (see `domain::signoffs`).
    crate::signoffs::service::notify_outstanding(&mut tx, &loaded.requirement.project_id, &user.id).await?;
    let answer = detail_in(&mut tx, user, requirement_id).await?;
    tx.commit().await?;
    Ok(answer)
}

/// One page of a project's requirements, filtered, searched and sorted.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn list_requirements(
    state: &AppState,
    user: &CurrentUser,
    project_id: &str,
    query: RequirementListQuery,
) -> Result<RequirementPage, AppError> {
    let non_empty = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let status = match non_empty(query.status) {
        Some(raw) => Some(RequirementStatus::parse(&raw)?.as_str().to_string()),
        None => None,
    };
    let sort = match non_empty(query.sort).as_deref() {
        None | Some("number") => repo::ListSort::NumberDesc,
        Some("number_asc") => repo::ListSort::NumberAsc,
        Some("updated") => repo::ListSort::UpdatedDesc,
        Some("title") => repo::ListSort::Title,
        Some("priority") => repo::ListSort::Priority,
        Some("status") => repo::ListSort::Status,
        Some(_) => return Err(DomainError::NotAllowed { field: "sort".into() }.into()),
    };
    let limit = query.limit.unwrap_or(PAGE_DEFAULT);
    if !(1..=PAGE_MAX).contains(&limit) {
        return Err(DomainError::NotAllowed { field: "limit".into() }.into());
    }
    let offset = query.offset.unwrap_or(0);
    if offset < 0 {
        return Err(DomainError::NotAllowed { field: "offset".into() }.into());
    }
    let text = non_empty(query.q).unwrap_or_default();
    if text.chars().count() > 200 {
        return Err(DomainError::TooLong { field: "q".into(), max: 200 }.into());
    }
    let words = text.to_lowercase().split_whitespace().take(10).map(str::to_string).collect();
    let mut conn = state.db.acquire().await?;
    load_readable(&mut conn, user, project_id).await?;
    let q = repo::ListQuery {
        status,
        department_id: non_empty(query.department),
        owner_id: non_empty(query.owner),
        words,
        sort,
        limit,
        offset,
    };
    let (rows, total) = repo::list(&mut conn, project_id, &q).await?;
    let items = rows
        .into_iter()
        .map(|r| RequirementSummary {
            status: r.status,
            id: r.requirement_id,
            key: r.req_key,
            title: r.title,
            priority: r.priority,
            owner_id: r.owner_id,
            owner_name: r.owner_name,
            version: r.current_revision,
            late_changes: r.late_changes,
            updated_at: r.updated_at,
        })
        .collect();
    Ok(RequirementPage { items, total, limit, offset })
}

fn revision_summary(v: &repo::RevisionRow) -> RevisionSummary {
    RevisionSummary {
        revision: v.revision,
        summary: v.summary.clone(),
        status: v.status,
        is_late: v.is_late != 0,
        author_id: v.author_id.clone(),
        author_name: v.author_name.clone(),
        created_at: v.created_at,
    }
}

#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn list_revisions(state: &AppState, user: &CurrentUser, requirement_id: &str) -> Result<Vec<RevisionSummary>, AppError> {
    let mut conn = state.db.acquire().await?;
    load(&mut conn, user, requirement_id).await?;
    Ok(repo::revisions(&mut conn, requirement_id).await?.iter().map(revision_summary).collect())
}

async fn load_revision(
    conn: &mut db::Conn,
    requirement_id: &str,
    n: i64,
    field: &str,
) -> Result<(RevisionSummary, RequirementContent), AppError> {
    let row = repo::revision(conn, requirement_id, n).await?.ok_or_else(|| {
        if field.is_empty() {
            AppError::NotFound
        } else {
            AppError::Invalid(DomainError::NotAllowed { field: field.into() })
        }
    })?;
    Ok((revision_summary(&row), stored::json(&row.content, "requirement content")?))
}

#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn get_revision(state: &AppState, user: &CurrentUser, requirement_id: &str, n: i64) -> Result<RevisionDto, AppError> {
    let mut conn = state.db.acquire().await?;
    load(&mut conn, user, requirement_id).await?;
    let (summary, content) = load_revision(&mut conn, requirement_id, n, "").await?;
    Ok(RevisionDto { summary, content })
}

/// The diff between revisions `from` and `to` (either order is allowed; the older is "before").
#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn diff(state: &AppState, user: &CurrentUser, requirement_id: &str, from: i64, to: i64) -> Result<DiffDto, AppError> {
    let mut conn = state.db.acquire().await?;
    load(&mut conn, user, requirement_id).await?;
    let mut older = load_revision(&mut conn, requirement_id, from, "from").await?;
    let mut newer = load_revision(&mut conn, requirement_id, to, "to").await?;
    // Asked newest first, the diff still reads from the older revision to the newer one.
    if from > to {
        std::mem::swap(&mut older, &mut newer);
    }
    let ((from_summary, old), (to_summary, new)) = (older, newer);
    let (from, to) = (from_summary.revision, to_summary.revision);
    let (old, new) = (readable(&mut conn, old).await?, readable(&mut conn, new).await?);
    let diff = requirement_diff::diff(from, &old, to, &new);
    Ok(DiffDto { from: from_summary, to: to_summary, diff })
}

fn comment_dto(c: repo::CommentRow) -> CommentDto {
    CommentDto {
        body_html: markdown::render(&c.body),
        id: c.comment_id,
        parent_id: c.parent_id,
        author_id: c.author_id,
        author_name: c.author_name,
        author_role: c.author_role.as_str().into(),
        body: c.body,
        created_at: c.created_at,
    }
}

#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn list_comments(state: &AppState, user: &CurrentUser, requirement_id: &str) -> Result<Vec<CommentDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    load(&mut conn, user, requirement_id).await?;
    Ok(repo::comments(&mut conn, requirement_id).await?.into_iter().map(comment_dto).collect())
}

/// Adds a comment (or a reply, kept in its thread), records whom it mentions and tells them (in
/// their inbox, in the same transaction).
#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn add_comment(state: &AppState, user: &CurrentUser, requirement_id: &str, input: CommentInput) -> Result<CommentDto, AppError> {
    let body = optional_long(&input.body, "body", COMMENT_MAX)?;
    if body.is_empty() {
        return Err(DomainError::empty("body").into());
    }
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let loaded = load(&mut tx, user, requirement_id).await?;
    if !can_comment_requirements(&user.actor(), &loaded.access()) {
        return Err(AppError::Forbidden);
    }
    // A reply to a reply joins the thread of the first comment: threads stay one level deep.
    let parent_id = match input.parent_id.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(parent) => match repo::comment_parent(&mut tx, requirement_id, parent).await? {
            None => return Err(DomainError::NotAllowed { field: "parent_id".into() }.into()),
            Some(grandparent) => Some(grandparent.unwrap_or_else(|| parent.to_string())),
        },
    };
    let comment_id = db::new_id();
    let now = db::now_ms();
    repo::insert_comment(&mut tx, &comment_id, requirement_id, parent_id.as_deref(), &user.id, &body, now).await?;
    let mut mentioned = Vec::new();
    for username in markdown::mentions(&body) {
        if let Some(person) = db::users::find_by_username(&mut tx, &username).await? {
            repo::insert_mention(&mut tx, &comment_id, &person.user_id).await?;
            mentioned.push(person.user_id);
        }
    }
    let r = &loaded.requirement;
    let (link, subject) = (format!("/requirements/{}", r.requirement_id), format!("{} {}", r.req_key, r.title));
    let note = NewNotification {
        kind: NotificationKind::Mention,
        project_id: Some(&r.project_id),
        link: &link,
        subject: &subject,
        actor_id: &user.id,
    };
    notify(&mut tx, &mentioned, note).await?;
    tx.commit().await?;
    Ok(CommentDto {
        id: comment_id,
        parent_id,
        author_id: user.id.clone(),
        author_name: user.display_name.clone(),
        author_role: user.role.as_str().into(),
        body_html: markdown::render(&body),
        body,
        created_at: now,
    })
}

/// The project's stakeholder departments and PMs, for the editor and the list's filters.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn form_options(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<RequirementFormOptions, AppError> {
    let mut conn = state.db.acquire().await?;
    let (project, stakeholders) = load_readable(&mut conn, user, project_id).await?;
    let can_edit = can_edit_requirements(&user.actor(), &project_access(&project, &stakeholders));
    let departments = department_options(&mut conn, project_id).await?;
    let owners = db::users::list_in_departments(&mut conn, project_id)
        .await?
        .into_iter()
        .filter(|u| u.job_role == JobRole::Pm)
        .map(|u| OwnerOption { id: u.user_id, display_name: u.display_name, username: u.username })
        .collect();
    Ok(RequirementFormOptions { project_id: project.project_id, project_name: project.name, departments, owners, can_edit })
}

async fn department_options(conn: &mut db::Conn, project_id: &str) -> Result<Vec<DepartmentOption>, AppError> {
    Ok(db::projects::stakeholders_detailed(conn, project_id)
        .await?
        .into_iter()
        .map(|d| DepartmentOption { id: d.department_id, code: d.code, name_zh: d.name_zh, name_en: d.name_en })
        .collect())
}

/// A copy of `content` for reading in a diff: department ids become codes and the owner's id
/// becomes their name (an id changing from one UUID to another tells a reader nothing).
async fn readable(conn: &mut db::Conn, mut content: RequirementContent) -> Result<RequirementContent, AppError> {
    if let Some(owner) = db::users::find(conn, &content.owner_id).await? {
        content.owner_id = owner.display_name;
    }
    let departments = db::departments::list(conn).await?;
    for point in &mut content.change_points {
        if let Some(department) = departments.iter().find(|d| d.department_id == point.department_id) {
            point.department_id = department.code.clone();
        }
    }
    Ok(content)
}
