//! Solution option services: propose, revise (one immutable revision per save, no lost update),
//! read with the schedule impact computed now, history and diff, comments and concerns, and
//! choosing. A save or a choice that changes the agreed schedule opens a change request
//! ([`super::request_opening`]) in the same transaction. Called by the server functions and the
//! REST handlers alike; each checks who may do what itself.

use super::dto::*;
use super::impact::assess;
use super::request_opening::ScheduleRequest;
use crate::access::{load_readable, project_access};
use crate::auth::CurrentUser;
use crate::db::stored::{date as stored_date, json as stored, to_json};
use crate::db::{self, projects::ProjectRow, projects::StakeholderRow, requirements::RequirementRow, solutions as repo};
use crate::domain::permissions::{can_choose_option, can_comment_requirements, can_propose_options, can_resolve_concern, ProjectAccess};
use crate::domain::requirement_content::RequirementContent;
use crate::domain::schedule::{Plan, ScheduledPlan};
use crate::domain::solutions::{plan_error, OptionContent, OptionStatus, PlanFrame, RequestKind};
use crate::domain::text::optional_long;
use crate::domain::DomainError;
use crate::error::{AppError, Conflict};
use crate::markdown;
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, NewNotification};
use crate::schedule_settings::service::load_plan_settings;
use crate::state::AppState;
use std::collections::BTreeSet;

const SUMMARY_MAX: u32 = 500;
const COMMENT_MAX: u32 = 20_000;
const RATIONALE_MAX: u32 = 5_000;

/// An option with its requirement and project, loaded for someone who may read the project.
pub(super) struct LoadedOption {
    pub option: repo::OptionRow,
    pub requirement: RequirementRow,
    pub project: ProjectRow,
    pub stakeholders: Vec<StakeholderRow>,
}

impl LoadedOption {
    pub fn access(&self) -> ProjectAccess<'_> {
        project_access(&self.project, &self.stakeholders)
    }
}

/// Loads an option whose project the person may read; otherwise "not found".
pub(super) async fn load_option(conn: &mut db::Conn, user: &CurrentUser, option_id: &str) -> Result<LoadedOption, AppError> {
    let option = repo::find_option(conn, option_id).await?.ok_or(AppError::NotFound)?;
    let requirement = db::requirements::find(conn, &option.requirement_id).await?.ok_or(AppError::Internal)?;
    let (project, stakeholders) = load_readable(conn, user, &option.project_id).await?;
    Ok(LoadedOption { option, requirement, project, stakeholders })
}

/// Loads an option for a write that may change which plan the project agreed (choosing one,
/// editing one, either of which can open a change request and mark the requirement's other
/// options): such writes of one project take turns ([`db::locks`]), so two choices of sibling
/// options cannot each lock one option and wait for the other's. The option is read again once
/// the turn is this write's.
async fn load_option_to_change(tx: &mut db::Conn, user: &CurrentUser, option_id: &str) -> Result<LoadedOption, AppError> {
    let project_id = repo::find_option(tx, option_id).await?.ok_or(AppError::NotFound)?.project_id;
    db::locks::serialise(tx, db::locks::Serialised::ProjectSchedule(&project_id)).await?;
    load_option(tx, user, option_id).await
}

async fn load_requirement(
    conn: &mut db::Conn,
    user: &CurrentUser,
    requirement_id: &str,
) -> Result<(RequirementRow, ProjectRow, Vec<StakeholderRow>), AppError> {
    let requirement = db::requirements::find(conn, requirement_id).await?.ok_or(AppError::NotFound)?;
    let (project, stakeholders) = load_readable(conn, user, &requirement.project_id).await?;
    Ok((requirement, project, stakeholders))
}

/// The project's frame: its kick-off as the start, the organisation's calendar and every team's
/// limits as they are now.
pub(super) async fn plan_frame(conn: &mut db::Conn, project: &ProjectRow) -> Result<PlanFrame, AppError> {
    let settings = load_plan_settings(conn).await?;
    Ok(PlanFrame {
        start: stored_date(&project.kickoff_on)?,
        calendar: settings.calendar.clone(),
        departments: settings.department_specs(),
    })
}

/// Everything an option of this requirement is measured against.
pub(super) async fn plan_context(
    conn: &mut db::Conn,
    requirement: &RequirementRow,
    project: &ProjectRow,
    stakeholders: &[StakeholderRow],
) -> Result<(PlanContext, Option<repo::BaselineRow>), AppError> {
    let frame = plan_frame(conn, project).await?;
    let baseline = repo::current_baseline(conn, &project.project_id).await?;
    let baseline_plan: Option<Plan> = baseline.as_ref().map(|b| stored(&b.plan, "baseline plan")).transpose()?;
    let departments: Vec<DepartmentChoice> = db::departments::list(conn)
        .await?
        .into_iter()
        .map(|d| DepartmentChoice { department_id: d.department_id, code: d.code, name_zh: d.name_zh, name_en: d.name_en })
        .collect();
    let stakeholder_codes = departments
        .iter()
        .filter(|d| project.lead_department_id == d.department_id || stakeholders.iter().any(|s| s.department_id == d.department_id))
        .map(|d| d.code.clone())
        .collect();
    let latest =
        db::requirements::revision(conn, &requirement.requirement_id, requirement.current_revision).await?.ok_or(AppError::Internal)?;
    let content: RequirementContent = stored(&latest.content, "requirement content")?;
    let scenarios = content.scenarios.into_iter().map(|s| ScenarioChoice { id: s.id, name: s.name }).collect();
    let context = PlanContext {
        frame,
        baseline: baseline_plan,
        baseline_number: baseline.as_ref().map(|b| b.number),
        target_launch: stored_date(&project.target_launch_on)?,
        departments,
        stakeholder_codes,
        scenarios,
    };
    Ok((context, baseline))
}

fn known_codes(context: &PlanContext) -> BTreeSet<String> {
    context.departments.iter().map(|d| d.code.clone()).collect()
}

fn scenario_ids(context: &PlanContext) -> Vec<String> {
    context.scenarios.iter().map(|s| s.id.clone()).collect()
}

fn summary_text(raw: &str) -> Result<String, AppError> {
    Ok(optional_long(raw, "summary", SUMMARY_MAX)?.lines().collect::<Vec<_>>().join(" "))
}

fn required_text(raw: &str, field: &'static str, max: u32) -> Result<String, AppError> {
    let text = optional_long(raw, field, max)?;
    if text.is_empty() {
        return Err(DomainError::empty(field).into());
    }
    Ok(text)
}

#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn plan_context_for(state: &AppState, user: &CurrentUser, requirement_id: &str) -> Result<PlanContext, AppError> {
    let mut conn = state.db.acquire().await?;
    let (requirement, project, stakeholders) = load_requirement(&mut conn, user, requirement_id).await?;
    Ok(plan_context(&mut conn, &requirement, &project, &stakeholders).await?.0)
}

#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn list_options(state: &AppState, user: &CurrentUser, requirement_id: &str) -> Result<Vec<OptionSummary>, AppError> {
    let mut conn = state.db.acquire().await?;
    load_requirement(&mut conn, user, requirement_id).await?;
    repo::list_options(&mut conn, requirement_id)
        .await?
        .into_iter()
        .map(|o| {
            Ok(OptionSummary {
                status: o.status,
                launch: stored_date(&o.launch_on)?,
                id: o.option_id,
                requirement_id: o.requirement_id,
                title: o.title,
                version: o.current_revision,
                open_concerns: o.open_concerns,
                created_by_name: o.created_by_name,
                updated_at: o.updated_at,
            })
        })
        .collect()
}

/// Proposes an option: revision 1, status `proposed`. The plan must schedule.
#[tracing::instrument(skip_all, fields(requirement_id = %requirement_id))]
pub async fn create_option(
    state: &AppState,
    user: &CurrentUser,
    requirement_id: &str,
    input: OptionInput,
) -> Result<OptionDetail, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let (requirement, project, stakeholders) = load_requirement(&mut tx, user, requirement_id).await?;
    if !can_propose_options(&user.actor(), &project_access(&project, &stakeholders)) {
        return Err(AppError::Forbidden);
    }
    let (context, _) = plan_context(&mut tx, &requirement, &project, &stakeholders).await?;
    let content =
        OptionContent { title: input.title, description: input.description, covered_scenarios: input.covered_scenarios, plan: input.plan }
            .normalise(&scenario_ids(&context), &known_codes(&context))?;
    let summary = summary_text(&input.summary)?;
    let assessed = assess(&content.plan, &content.covered_scenarios, &context)?;
    let launch = assessed.impact.launch.to_string();
    let now = db::now_ms();
    let row = repo::OptionRow {
        option_id: db::new_id(),
        requirement_id: requirement.requirement_id.clone(),
        project_id: project.project_id.clone(),
        title: content.title.clone(),
        status: OptionStatus::Proposed,
        current_revision: 1,
        launch_on: launch.clone(),
        chosen_by: None,
        chosen_at: None,
        chosen_rationale: None,
        chosen_override: None,
        created_by: user.id.clone(),
        created_at: now,
        updated_at: now,
    };
    repo::insert_option(&mut tx, &row).await?;
    let content_json = to_json(&content)?;
    let revision = repo::NewRevision {
        option_id: &row.option_id,
        revision: 1,
        content_json: &content_json,
        summary: &summary,
        launch_on: &launch,
        author_id: &user.id,
        created_at: now,
    };
    repo::insert_revision(&mut tx, &revision).await?;
    let answer = detail_in(&mut tx, user, &row.option_id).await?;
    tx.commit().await?;
    Ok(answer)
}

#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn get_option(state: &AppState, user: &CurrentUser, option_id: &str) -> Result<OptionDetail, AppError> {
    let mut conn = state.db.acquire().await?;
    detail_in(&mut conn, user, option_id).await
}

/// The option as `user` sees it, read on `conn`: a write reads its answer inside its own
/// transaction, so the version it returns is the one it wrote, never a later one of someone else.
async fn detail_in(conn: &mut db::Conn, user: &CurrentUser, option_id: &str) -> Result<OptionDetail, AppError> {
    let loaded = load_option(conn, user, option_id).await?;
    detail(conn, user, loaded).await
}

async fn latest_content(conn: &mut db::Conn, option: &repo::OptionRow) -> Result<(repo::RevisionRow, OptionContent), AppError> {
    let latest = repo::revision(conn, &option.option_id, option.current_revision).await?.ok_or(AppError::Internal)?;
    let content = stored(&latest.content, "option content")?;
    Ok((latest, content))
}

async fn detail(conn: &mut db::Conn, user: &CurrentUser, loaded: LoadedOption) -> Result<OptionDetail, AppError> {
    let (_, content) = latest_content(conn, &loaded.option).await?;
    let (context, baseline) = plan_context(conn, &loaded.requirement, &loaded.project, &loaded.stakeholders).await?;
    let (impact, plan_error) = match assess(&content.plan, &content.covered_scenarios, &context) {
        Ok(assessed) => (Some(assessed.impact), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let o = &loaded.option;
    let chosen = match (&o.chosen_by, o.chosen_at) {
        (Some(by), Some(at)) => Some(ChoiceDto {
            by_name: db::users::find(conn, by).await?.map(|u| u.display_name).unwrap_or_default(),
            by: by.clone(),
            at,
            rationale: o.chosen_rationale.clone().unwrap_or_default(),
            override_reason: o.chosen_override.clone(),
        }),
        _ => None,
    };
    let pending_request = repo::pending_request(conn, &o.project_id).await?.map(|r| r.request_id);
    let open_concerns = repo::open_concerns(conn, &o.option_id).await?;
    let created_by_name = db::users::find(conn, &o.created_by).await?.map(|u| u.display_name).unwrap_or_default();
    let status = o.status;
    let access = loaded.access();
    let actor = user.actor();
    Ok(OptionDetail {
        id: o.option_id.clone(),
        requirement_id: o.requirement_id.clone(),
        requirement_key: loaded.requirement.req_key.clone(),
        requirement_title: loaded.requirement.title.clone(),
        project_id: o.project_id.clone(),
        project_name: loaded.project.name.clone(),
        title: content.title.clone(),
        description_html: markdown::render(&content.description),
        description: content.description,
        covered_scenarios: content.covered_scenarios,
        plan: content.plan,
        status,
        version: o.current_revision,
        chosen,
        impact,
        plan_error,
        context,
        pending_request,
        is_baseline: baseline.is_some_and(|b| b.option_id == o.option_id && b.revision == o.current_revision),
        open_concerns,
        created_by: o.created_by.clone(),
        created_by_name,
        created_at: o.created_at,
        updated_at: o.updated_at,
        can_edit: can_propose_options(&actor, &access),
        can_comment: can_comment_requirements(&actor, &access),
        can_choose: can_choose_option(&actor, &access),
    })
}

/// Saves an edit as a new revision. On a chosen option whose new revision changes the agreed
/// schedule, the same transaction opens a change request (which needs `reason`); while another
/// request of the project is pending such an edit is refused (409) and nothing is written.
#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn update_option(state: &AppState, user: &CurrentUser, option_id: &str, patch: OptionPatch) -> Result<OptionSaved, AppError> {
    let base = AppError::require_version(patch.version, "version")?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let loaded = load_option_to_change(&mut tx, user, option_id).await?;
    if !can_propose_options(&user.actor(), &loaded.access()) {
        return Err(AppError::Forbidden);
    }
    let (latest, previous) = latest_content(&mut tx, &loaded.option).await?;
    if base != loaded.option.current_revision {
        return Err(AppError::EditConflict { current_revision: loaded.option.current_revision, saved_by: latest.author_name });
    }
    let (context, baseline) = plan_context(&mut tx, &loaded.requirement, &loaded.project, &loaded.stakeholders).await?;
    let content = OptionContent {
        title: patch.title.unwrap_or_else(|| previous.title.clone()),
        description: patch.description.unwrap_or_else(|| previous.description.clone()),
        covered_scenarios: patch.covered_scenarios.unwrap_or_else(|| previous.covered_scenarios.clone()),
        plan: patch.plan.unwrap_or_else(|| previous.plan.clone()),
    }
    .normalise(&scenario_ids(&context), &known_codes(&context))?;
    let summary = summary_text(patch.summary.as_deref().unwrap_or_default())?;
    if content == previous {
        // Nothing changed: no empty revision in the history.
        return Ok(OptionSaved { option: detail_in(&mut tx, user, option_id).await?, change_request_id: None });
    }
    let assessed = assess(&content.plan, &content.covered_scenarios, &context)?;
    let revision = loaded.option.current_revision + 1;
    let now = db::now_ms();
    let launch = assessed.impact.launch.to_string();
    if !repo::advance_option(&mut tx, option_id, base, &content.title, &launch, now).await? {
        return Err(AppError::StaleVersion);
    }
    let content_json = to_json(&content)?;
    let new_revision = repo::NewRevision {
        option_id,
        revision,
        content_json: &content_json,
        summary: &summary,
        launch_on: &launch,
        author_id: &user.id,
        created_at: now,
    };
    repo::insert_revision(&mut tx, &new_revision).await?;
    let mut change_request_id = None;
    if loaded.option.status == OptionStatus::Chosen {
        let request = ScheduleRequest {
            loaded: &loaded,
            revision,
            content: &content,
            assessed: &assessed,
            baseline: baseline.as_ref(),
            context: &context,
        };
        if request.needs_request() {
            let reason = required_text(patch.reason.as_deref().unwrap_or_default(), "reason", RATIONALE_MAX)?;
            change_request_id = Some(request.open(&mut tx, user, RequestKind::Change, &reason, now).await?);
        }
        // A new revision of the chosen solution leaves its sign-offs stale: ask for them again.
        crate::signoffs::service::notify_outstanding(&mut tx, &loaded.project.project_id, &user.id).await?;
    }
    let option = detail_in(&mut tx, user, option_id).await?;
    tx.commit().await?;
    Ok(OptionSaved { option, change_request_id })
}

/// The lead department's PM chooses the option: the requirement's other options become "not
/// chosen", and a change request asks the leaders to make its plan the baseline. With concerns
/// open, an override reason is required and recorded.
#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn choose(state: &AppState, user: &CurrentUser, option_id: &str, input: ChooseInput) -> Result<OptionSaved, AppError> {
    let rationale = required_text(&input.rationale, "rationale", RATIONALE_MAX)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let loaded = load_option_to_change(&mut tx, user, option_id).await?;
    if !can_choose_option(&user.actor(), &loaded.access()) {
        return Err(AppError::Forbidden);
    }
    AppError::require_current_version(input.version, loaded.option.current_revision)?;
    let open = repo::open_concerns(&mut tx, option_id).await?;
    let override_reason = match input.override_reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(reason) => Some(required_text(reason, "override_reason", RATIONALE_MAX)?),
        None if open > 0 => return Err(DomainError::empty("override_reason").into()),
        None => None,
    };
    let (context, baseline) = plan_context(&mut tx, &loaded.requirement, &loaded.project, &loaded.stakeholders).await?;
    if baseline.as_ref().is_some_and(|b| b.option_id == option_id && b.revision == loaded.option.current_revision) {
        return Err(Conflict::AlreadyAgreed.into());
    }
    let (_, content) = latest_content(&mut tx, &loaded.option).await?;
    let assessed = assess(&content.plan, &content.covered_scenarios, &context)?;
    let now = db::now_ms();
    repo::choose(&mut tx, &loaded.option, &user.id, now, &rationale, override_reason.as_deref()).await?;
    let request = ScheduleRequest {
        loaded: &loaded,
        revision: loaded.option.current_revision,
        content: &content,
        assessed: &assessed,
        baseline: baseline.as_ref(),
        context: &context,
    };
    let request_id = request.open(&mut tx, user, RequestKind::Choice, &rationale, now).await?;
    let option = detail_in(&mut tx, user, option_id).await?;
    tx.commit().await?;
    Ok(OptionSaved { option, change_request_id: Some(request_id) })
}

#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn list_revisions(state: &AppState, user: &CurrentUser, option_id: &str) -> Result<Vec<OptionRevisionSummary>, AppError> {
    let mut conn = state.db.acquire().await?;
    let loaded = load_option(&mut conn, user, option_id).await?;
    let baselines = repo::baselines(&mut conn, &loaded.project.project_id).await?;
    repo::revisions(&mut conn, option_id)
        .await?
        .into_iter()
        .map(|r| {
            Ok(OptionRevisionSummary {
                baseline_number: baselines.iter().find(|b| b.option_id == option_id && b.revision == r.revision).map(|b| b.number),
                launch: stored_date(&r.launch_on)?,
                revision: r.revision,
                summary: r.summary,
                author_id: r.author_id,
                author_name: r.author_name,
                created_at: r.created_at,
            })
        })
        .collect()
}

/// One revision's content (the REST API's `GET /options/{id}/revisions/{n}`).
#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn revision_content(state: &AppState, user: &CurrentUser, option_id: &str, revision: i64) -> Result<OptionContent, AppError> {
    let mut conn = state.db.acquire().await?;
    load_option(&mut conn, user, option_id).await?;
    let row = repo::revision(&mut conn, option_id, revision).await?.ok_or(AppError::NotFound)?;
    stored(&row.content, "option content")
}

/// Compares two revisions: text, scenarios, and the later plan's impact against the earlier one,
/// both scheduled on the project's current frame.
#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn diff(state: &AppState, user: &CurrentUser, option_id: &str, from: i64, to: i64) -> Result<OptionDiff, AppError> {
    let mut conn = state.db.acquire().await?;
    let loaded = load_option(&mut conn, user, option_id).await?;
    let mut read = async |n: i64| -> Result<OptionContent, AppError> {
        let row = repo::revision(&mut conn, option_id, n).await?.ok_or(AppError::NotFound)?;
        stored(&row.content, "option content")
    };
    let (before, after) = (read(from).await?, read(to).await?);
    let frame = plan_frame(&mut conn, &loaded.project).await?;
    let (from_plan, to_plan) = (before.plan.to_plan(&frame), after.plan.to_plan(&frame));
    let impact = match (ScheduledPlan::from_plan(from_plan.clone()), ScheduledPlan::from_plan(to_plan.clone())) {
        (Ok(a), Ok(b)) => Some(a.impact_of(&b)),
        _ => None,
    };
    Ok(OptionDiff {
        from,
        to,
        title: (before.title != after.title).then(|| TitleChange { from: before.title.clone(), to: after.title.clone() }),
        description_changed: before.description != after.description,
        scenarios_added: after.covered_scenarios.iter().filter(|s| !before.covered_scenarios.contains(s)).cloned().collect(),
        scenarios_removed: before.covered_scenarios.iter().filter(|s| !after.covered_scenarios.contains(s)).cloned().collect(),
        description_before: before.description,
        description_after: after.description,
        impact,
        from_plan,
        to_plan,
    })
}

/// The plan file of an option's revision (latest when `revision` is none), on the project's frame.
#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn export_plan(state: &AppState, user: &CurrentUser, option_id: &str, revision: Option<i64>) -> Result<Plan, AppError> {
    let mut conn = state.db.acquire().await?;
    let loaded = load_option(&mut conn, user, option_id).await?;
    let row = repo::revision(&mut conn, option_id, revision.unwrap_or(loaded.option.current_revision)).await?.ok_or(AppError::NotFound)?;
    let content: OptionContent = stored(&row.content, "option content")?;
    let frame = plan_frame(&mut conn, &loaded.project).await?;
    Ok(content.plan.to_plan(&frame))
}

/// Reads a plan file for import: its items and milestones become the option's work plan (its
/// start, calendar and teams are the project's and the organisation's, so they are set aside).
pub fn import_plan(text: &str) -> Result<crate::domain::solutions::WorkPlan, AppError> {
    let plan = Plan::from_json(text).map_err(plan_error)?;
    Ok(crate::domain::solutions::WorkPlan::from_plan(plan))
}

// ---- comments and concerns ----

fn comment_dto(user: &CurrentUser, c: repo::CommentRow) -> OptionCommentDto {
    let is_concern = c.is_concern != 0;
    let resolved = match (c.resolved_by, c.resolved_at) {
        (Some(by), Some(at)) => {
            Some(ResolutionDto { by, by_name: c.resolved_by_name.unwrap_or_default(), at, note: c.resolution.unwrap_or_default() })
        }
        _ => None,
    };
    OptionCommentDto {
        can_resolve: is_concern && resolved.is_none() && can_resolve_concern(&user.actor(), &c.author_id),
        id: c.comment_id,
        parent_id: c.parent_id,
        author_id: c.author_id,
        author_name: c.author_name,
        author_role: c.author_role.as_str().into(),
        body_html: markdown::render(&c.body),
        is_concern,
        resolved,
        created_at: c.created_at,
    }
}

#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn list_comments(state: &AppState, user: &CurrentUser, option_id: &str) -> Result<Vec<OptionCommentDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    load_option(&mut conn, user, option_id).await?;
    Ok(repo::comments(&mut conn, option_id).await?.into_iter().map(|c| comment_dto(user, c)).collect())
}

/// Adds a comment, a reply (kept one level deep) or a concern; the option's authors and the
/// people it mentions are notified.
#[tracing::instrument(skip_all, fields(option_id = %option_id))]
pub async fn add_comment(
    state: &AppState,
    user: &CurrentUser,
    option_id: &str,
    input: OptionCommentInput,
) -> Result<OptionCommentDto, AppError> {
    let body = required_text(&input.body, "body", COMMENT_MAX)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let loaded = load_option(&mut tx, user, option_id).await?;
    if !can_comment_requirements(&user.actor(), &loaded.access()) {
        return Err(AppError::Forbidden);
    }
    let parent_id = match input.parent_id.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(parent) => match repo::find_comment(&mut tx, parent).await? {
            Some(p) if p.option_id == option_id => Some(p.parent_id.unwrap_or(p.comment_id)),
            _ => return Err(DomainError::NotAllowed { field: "parent_id".into() }.into()),
        },
    };
    let comment_id = db::new_id();
    let now = db::now_ms();
    let comment = repo::NewComment {
        comment_id: &comment_id,
        option_id,
        parent_id: parent_id.as_deref(),
        author_id: &user.id,
        author_role: user.role.as_str(),
        body: &body,
        is_concern: input.concern,
        created_at: now,
    };
    repo::insert_comment(&mut tx, &comment).await?;
    let link = format!("/options/{option_id}");
    let mut authors = repo::option_authors(&mut tx, option_id).await?;
    authors.push(loaded.option.created_by.clone());
    let kind = if input.concern { NotificationKind::OptionConcern } else { NotificationKind::OptionComment };
    let note = |kind| NewNotification {
        kind,
        project_id: Some(&loaded.project.project_id),
        link: &link,
        subject: &loaded.option.title,
        actor_id: &user.id,
    };
    notify(&mut tx, &authors, note(kind)).await?;
    let mut mentioned = Vec::new();
    for username in markdown::mentions(&body) {
        if let Some(person) = db::users::find_by_username(&mut tx, &username).await? {
            mentioned.push(person.user_id);
        }
    }
    notify(&mut tx, &mentioned, note(NotificationKind::Mention)).await?;
    let row = repo::find_comment(&mut tx, &comment_id).await?.ok_or(AppError::Internal)?;
    tx.commit().await?;
    Ok(comment_dto(user, row))
}

/// Resolves a concern with a note: only its author (or an admin), and only once.
#[tracing::instrument(skip_all, fields(comment_id = %comment_id))]
pub async fn resolve_concern(
    state: &AppState,
    user: &CurrentUser,
    comment_id: &str,
    input: ResolveInput,
) -> Result<OptionCommentDto, AppError> {
    let note = required_text(&input.note, "note", RATIONALE_MAX)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let comment = repo::find_comment(&mut tx, comment_id).await?.ok_or(AppError::NotFound)?;
    load_option(&mut tx, user, &comment.option_id).await?;
    if comment.is_concern == 0 {
        return Err(Conflict::NotAConcern.into());
    }
    if !can_resolve_concern(&user.actor(), &comment.author_id) {
        return Err(AppError::Forbidden);
    }
    if !repo::resolve_concern(&mut tx, comment_id, &user.id, db::now_ms(), &note).await? {
        return Err(Conflict::ConcernResolved.into());
    }
    let row = repo::find_comment(&mut tx, comment_id).await?.ok_or(AppError::Internal)?;
    tx.commit().await?;
    Ok(comment_dto(user, row))
}
