//! Schedule change requests and baselines: opening a request (from a choice or a chosen option's
//! change), leaders' decisions, withdrawal, the "waiting for my decision" list and the project's
//! schedule tab.
//!
//! A request freezes the candidate plan file and the engine's impact against the baseline's plan
//! when it is opened, so what leaders approve is exactly what was computed; approved by every
//! listed department, its plan becomes the next baseline.

use super::dto::*;
use crate::access::load_readable;
use crate::auth::CurrentUser;
use crate::db::locks::Serialised;
use crate::db::stored::{date as stored_date, json as stored, to_json};
use crate::db::{self, solutions as repo};
use crate::domain::dates::Date;
use crate::domain::permissions::can_decide_for_department;
use crate::domain::schedule::impact::Impact;
use crate::domain::schedule::Plan;
use crate::domain::solutions::{ApprovalReason, RequestKind, RequestStatus};
use crate::domain::DomainError;
use crate::error::{AppError, Conflict};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, NewNotification};
use crate::state::AppState;

const DECISION_COMMENT_MAX: u32 = 5_000;

/// A request about to be opened: the candidate revision's frozen plan and impact, and the
/// departments that must approve it with why. Made by [`crate::solutions`] when an option is chosen
/// or a chosen option changes.
pub struct NewRequest<'a> {
    pub project_id: &'a str,
    pub option_id: &'a str,
    /// The option's title, named in the leaders' notifications.
    pub option_title: &'a str,
    pub revision: i64,
    pub kind: RequestKind,
    pub reason: &'a str,
    /// The baseline it is measured against (none for a first baseline).
    pub base_baseline_id: Option<&'a str>,
    pub plan: &'a Plan,
    pub impact: Option<&'a Impact>,
    pub launch: Date,
    /// Department ids with the reasons each must approve.
    pub approvers: Vec<(String, Vec<ApprovalReason>)>,
    /// Departments pulled in once the requirement is in development are flagged as late.
    pub requirement_in_development: bool,
}

/// Opens a pending request in the caller's transaction: freezes the plan and impact, lists the
/// departments that must approve, makes newly pulled-in departments stakeholders (flagged late
/// once the requirement is in development), and notifies the leaders. A pending request of the
/// same project refuses it (409).
pub async fn open_request(tx: &mut db::Conn, user: &CurrentUser, new: NewRequest<'_>, now: i64) -> Result<String, AppError> {
    if repo::pending_request(tx, new.project_id).await?.is_some() {
        return Err(Conflict::RequestPending.into());
    }
    let row = repo::RequestRow {
        request_id: db::new_id(),
        project_id: new.project_id.into(),
        option_id: new.option_id.into(),
        revision: new.revision,
        kind: new.kind,
        status: RequestStatus::Pending,
        reason: new.reason.into(),
        base_baseline_id: new.base_baseline_id.map(Into::into),
        plan: to_json(new.plan)?,
        impact: new.impact.map(to_json).transpose()?,
        launch_on: new.launch.to_string(),
        requested_by: user.id.clone(),
        created_at: now,
        decided_at: None,
    };
    repo::insert_request(tx, &row).await?;
    let mut department_ids = Vec::new();
    for (department_id, reasons) in &new.approvers {
        repo::insert_approval(tx, &row.request_id, department_id, &to_json(reasons)?).await?;
        if reasons.iter().any(|r| matches!(r, ApprovalReason::NewlyInvolved { .. } | ApprovalReason::WorkInPlan { .. })) {
            repo::pull_in_stakeholder(tx, new.project_id, department_id, &user.id, now, new.requirement_in_development).await?;
        }
        department_ids.push(department_id.clone());
    }
    let leaders = repo::leaders_of(tx, &department_ids).await?;
    let link = format!("/change-requests/{}", row.request_id);
    notify(
        tx,
        &leaders,
        NewNotification {
            kind: NotificationKind::DecisionNeeded,
            project_id: Some(new.project_id),
            link: &link,
            subject: new.option_title,
            actor_id: &user.id,
        },
    )
    .await?;
    Ok(row.request_id)
}

fn summary_dto(r: repo::RequestListRow) -> Result<ChangeRequestSummary, AppError> {
    let impact: Option<Impact> = r.impact.as_deref().map(|i| stored(i, "request impact")).transpose()?;
    Ok(ChangeRequestSummary {
        launch: stored_date(&r.launch_on)?,
        launch_moved_working_days: impact.map(|i| i.launch_moved_working_days),
        kind: r.kind,
        status: r.status,
        id: r.request_id,
        project_id: r.project_id,
        project_name: r.project_name,
        option_id: r.option_id,
        option_title: r.option_title,
        revision: r.revision,
        reason: r.reason,
        requested_by: r.requested_by,
        requested_by_name: r.requested_by_name,
        created_at: r.created_at,
        decided_at: r.decided_at,
    })
}

fn approval_dto(a: repo::ApprovalRow) -> Result<ApprovalDto, AppError> {
    Ok(ApprovalDto {
        reasons: stored(&a.reasons, "approval reasons")?,
        department_id: a.department_id,
        code: a.code,
        name_zh: a.name_zh,
        name_en: a.name_en,
        decision: a.decision,
        decided_by: a.decided_by,
        decided_by_name: a.decided_by_name,
        comment: a.decision_comment,
        decided_at: a.decided_at,
    })
}

/// Loads a request whose project the person may read; otherwise "not found".
async fn load_request(conn: &mut db::Conn, user: &CurrentUser, request_id: &str) -> Result<repo::RequestRow, AppError> {
    let request = repo::find_request(conn, request_id).await?.ok_or(AppError::NotFound)?;
    load_readable(conn, user, &request.project_id).await?;
    Ok(request)
}

async fn request_detail(conn: &mut db::Conn, user: &CurrentUser, request: repo::RequestRow) -> Result<ChangeRequestDetail, AppError> {
    let summary = summary_dto(repo::request_summary(conn, &request.request_id).await?.ok_or(AppError::Internal)?)?;
    let project = db::projects::find(conn, &request.project_id).await?.ok_or(AppError::Internal)?;
    let base = match &request.base_baseline_id {
        Some(id) => repo::find_baseline(conn, id).await?,
        None => None,
    };
    let approvals: Vec<ApprovalDto> =
        repo::approvals(conn, &request.request_id).await?.into_iter().map(approval_dto).collect::<Result<_, _>>()?;
    let pending = summary.status == RequestStatus::Pending;
    let actor = user.actor();
    let can_decide_for = approvals
        .iter()
        .filter(|a| pending && a.decision.is_none() && can_decide_for_department(&actor, &a.department_id))
        .map(|a| a.code.clone())
        .collect();
    let departments_pulled_in = approvals
        .iter()
        .filter(|a| a.reasons.iter().any(|r| matches!(r, ApprovalReason::NewlyInvolved { .. })))
        .map(|a| a.code.clone())
        .collect();
    Ok(ChangeRequestDetail {
        can_withdraw: pending && (request.requested_by == user.id || user.is_admin),
        baseline_plan: base.as_ref().map(|b| stored::<Plan>(&b.plan, "baseline plan")).transpose()?,
        baseline_number: base.map(|b| b.number),
        plan: stored(&request.plan, "request plan")?,
        impact: request.impact.as_deref().map(|i| stored(i, "request impact")).transpose()?,
        target_launch: stored_date(&project.target_launch_on)?,
        approvals,
        departments_pulled_in,
        can_decide_for,
        summary,
    })
}

#[tracing::instrument(skip_all, fields(request_id = %request_id))]
pub async fn get_request(state: &AppState, user: &CurrentUser, request_id: &str) -> Result<ChangeRequestDetail, AppError> {
    let mut conn = state.db.acquire().await?;
    let request = load_request(&mut conn, user, request_id).await?;
    request_detail(&mut conn, user, request).await
}

/// Records the decision of the leader's department. Any rejection rejects the request; the last
/// approval makes its plan the project's next baseline. Each department decides once.
#[tracing::instrument(skip_all, fields(request_id = %request_id))]
pub async fn decide(state: &AppState, user: &CurrentUser, request_id: &str, input: DecisionInput) -> Result<ChangeRequestDetail, AppError> {
    let approve = match input.decision.trim() {
        "approve" | "approved" => true,
        "reject" | "rejected" => false,
        _ => return Err(DomainError::NotAllowed { field: "decision".into() }.into()),
    };
    let comment = crate::domain::text::optional_long(&input.comment, "comment", DECISION_COMMENT_MAX)?;
    if !approve && comment.is_empty() {
        return Err(DomainError::empty("comment").into());
    }
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    // Two leaders deciding at once must not both see the other's department as undecided.
    db::locks::serialise(&mut tx, Serialised::ChangeRequest(request_id)).await?;
    let request = load_request(&mut tx, user, request_id).await?;
    let approvals = repo::approvals(&mut tx, request_id).await?;
    let actor = user.actor();
    let Some(mine) = approvals.iter().find(|a| can_decide_for_department(&actor, &a.department_id)) else {
        return Err(AppError::Forbidden);
    };
    if request.status != RequestStatus::Pending {
        return Err(Conflict::RequestClosed.into());
    }
    let now = db::now_ms();
    let decision = if approve { "approved" } else { "rejected" };
    if !repo::decide(&mut tx, request_id, &mine.department_id, decision, &user.id, &comment, now).await? {
        return Err(Conflict::AlreadyDecided.into());
    }
    let all_approved =
        approve && approvals.iter().all(|a| a.department_id == mine.department_id || a.decision.as_deref() == Some("approved"));
    let outcome = if !approve {
        Some(RequestStatus::Rejected)
    } else if all_approved {
        Some(RequestStatus::Approved)
    } else {
        None
    };
    if let Some(outcome) = outcome {
        if !repo::close_request(&mut tx, request_id, outcome.as_str(), now).await? {
            return Err(Conflict::RequestClosed.into());
        }
        if outcome == RequestStatus::Approved {
            make_baseline(&mut tx, &request, now).await?;
        }
        let link = format!("/change-requests/{request_id}");
        let option = repo::find_option(&mut tx, &request.option_id).await?.ok_or(AppError::Internal)?;
        let note = NewNotification {
            kind: NotificationKind::RequestDecided,
            project_id: Some(&request.project_id),
            link: &link,
            subject: &option.title,
            actor_id: &user.id,
        };
        notify(&mut tx, std::slice::from_ref(&request.requested_by), note).await?;
    }
    // The leader's decision goes on the audit log; a new baseline may leave sign-offs to give.
    let audit_payload = serde_json::json!({
        "request_id": request_id, "option_id": request.option_id, "revision": request.revision,
        "department_id": mine.department_id, "decision": decision, "comment": comment,
        "outcome": outcome.map(|o| o.as_str()),
    });
    let audit_entry = crate::audit::NewAuditEntry {
        project_id: Some(&request.project_id),
        actor_id: &user.id,
        action: crate::audit::AuditAction::ChangeRequestDecided,
        subject_kind: "change_request",
        subject_id: request_id,
        payload: audit_payload,
    };
    crate::audit::record(&mut tx, audit_entry).await?;
    if outcome == Some(RequestStatus::Approved) {
        crate::signoffs::service::notify_outstanding(&mut tx, &request.project_id, &user.id).await?;
    }
    let closed = repo::find_request(&mut tx, request_id).await?.ok_or(AppError::Internal)?;
    let detail = request_detail(&mut tx, user, closed).await?;
    tx.commit().await?;
    Ok(detail)
}

/// The approved request's frozen plan becomes the next baseline; the previous stays in history.
async fn make_baseline(tx: &mut db::Conn, request: &repo::RequestRow, now: i64) -> Result<(), AppError> {
    let number = repo::current_baseline(tx, &request.project_id).await?.map_or(1, |b| b.number + 1);
    let baseline = repo::BaselineRow {
        baseline_id: db::new_id(),
        project_id: request.project_id.clone(),
        number,
        option_id: request.option_id.clone(),
        revision: request.revision,
        plan: request.plan.clone(),
        launch_on: request.launch_on.clone(),
        request_id: request.request_id.clone(),
        created_at: now,
    };
    repo::insert_baseline(tx, &baseline).await?;
    Ok(())
}

/// The requester (or an admin) takes back a pending request; the baseline stays as it is.
#[tracing::instrument(skip_all, fields(request_id = %request_id))]
pub async fn withdraw(state: &AppState, user: &CurrentUser, request_id: &str) -> Result<ChangeRequestDetail, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    db::locks::serialise(&mut tx, Serialised::ChangeRequest(request_id)).await?;
    let request = load_request(&mut tx, user, request_id).await?;
    if request.requested_by != user.id && !user.is_admin {
        return Err(AppError::Forbidden);
    }
    if !repo::close_request(&mut tx, request_id, RequestStatus::Withdrawn.as_str(), db::now_ms()).await? {
        return Err(Conflict::RequestClosed.into());
    }
    let closed = repo::find_request(&mut tx, request_id).await?.ok_or(AppError::Internal)?;
    let detail = request_detail(&mut tx, user, closed).await?;
    tx.commit().await?;
    Ok(detail)
}

/// Pending requests waiting for the person's department's decision — only a leader has any.
#[tracing::instrument(skip_all)]
pub async fn waiting_for(state: &AppState, user: &CurrentUser) -> Result<Vec<ChangeRequestSummary>, AppError> {
    if !can_decide_for_department(&user.actor(), &user.department_id) {
        return Ok(vec![]);
    }
    let mut conn = state.db.acquire().await?;
    repo::waiting_for_department(&mut conn, &user.department_id).await?.into_iter().map(summary_dto).collect()
}

/// A project's change requests, newest first.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn project_requests(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<Vec<ChangeRequestSummary>, AppError> {
    let mut conn = state.db.acquire().await?;
    load_readable(&mut conn, user, project_id).await?;
    repo::project_requests(&mut conn, project_id).await?.into_iter().map(summary_dto).collect()
}

/// The schedule tab: the current baseline's plan, the slip history and the requests.
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn project_schedule(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<ProjectSchedule, AppError> {
    let mut conn = state.db.acquire().await?;
    let (project, _) = load_readable(&mut conn, user, project_id).await?;
    let rows = repo::baselines(&mut conn, project_id).await?;
    let requests: Vec<ChangeRequestSummary> =
        repo::project_requests(&mut conn, project_id).await?.into_iter().map(summary_dto).collect::<Result<_, _>>()?;
    let mut baselines = Vec::with_capacity(rows.len());
    for (i, b) in rows.iter().enumerate() {
        let request = requests.iter().find(|r| r.id == b.request_id);
        let approved_by = repo::approvals(&mut conn, &b.request_id)
            .await?
            .into_iter()
            .filter_map(|a| a.decided_by_name.map(|name| format!("{name} ({})", a.code)))
            .collect();
        let option_title = repo::find_option(&mut conn, &b.option_id).await?.map(|o| o.title).unwrap_or_default();
        // Rows are newest first: the previous baseline is the next row.
        let has_previous = i + 1 < rows.len();
        baselines.push(BaselineDto {
            id: b.baseline_id.clone(),
            number: b.number,
            option_id: b.option_id.clone(),
            option_title,
            revision: b.revision,
            launch: stored_date(&b.launch_on)?,
            launch_moved_working_days: if has_previous { request.and_then(|r| r.launch_moved_working_days) } else { None },
            request_id: b.request_id.clone(),
            reason: request.map(|r| r.reason.clone()).unwrap_or_default(),
            requested_by_name: request.map(|r| r.requested_by_name.clone()).unwrap_or_default(),
            approved_by,
            created_at: b.created_at,
        });
    }
    Ok(ProjectSchedule {
        project_id: project.project_id,
        project_name: project.name,
        target_launch: stored_date(&project.target_launch_on)?,
        current_plan: rows.first().map(|b| stored(&b.plan, "baseline plan")).transpose()?,
        baselines,
        requests,
    })
}
