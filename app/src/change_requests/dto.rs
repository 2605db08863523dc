//! Wire types for change requests, leaders' decisions and the project's baselines.
//!
//! Plans and impacts travel in the engine's own types, frozen as they were when the request was
//! opened, so leaders see exactly what was computed.

use crate::domain::dates::Date;
use crate::domain::schedule::impact::Impact;
use crate::domain::schedule::Plan;
use crate::domain::solutions::{ApprovalReason, RequestKind, RequestStatus};
use serde::{Deserialize, Serialize};

/// A department asked to approve a change request, and its decision so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ApprovalDto {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub reasons: Vec<ApprovalReason>,
    /// `approved`, `rejected`, or none while waiting.
    pub decision: Option<String>,
    pub decided_by: Option<String>,
    pub decided_by_name: Option<String>,
    pub comment: Option<String>,
    pub decided_at: Option<i64>,
}

/// A change request in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangeRequestSummary {
    pub id: String,
    pub project_id: String,
    pub project_name: String,
    pub option_id: String,
    pub option_title: String,
    pub revision: i64,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "change"))]
    pub kind: RequestKind,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "pending"))]
    pub status: RequestStatus,
    pub reason: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub launch: Date,
    /// Working days the launch moves against the baseline the request started from (none for a
    /// first baseline).
    pub launch_moved_working_days: Option<i32>,
    pub requested_by: String,
    pub requested_by_name: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

/// A change request with everything a leader needs to decide it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangeRequestDetail {
    pub summary: ChangeRequestSummary,
    /// The baseline's plan file the request is measured against (none for a first baseline).
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub baseline_plan: Option<Plan>,
    pub baseline_number: Option<i64>,
    /// The candidate plan file, frozen when the request was made.
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub plan: Plan,
    /// The engine's impact of `plan` against `baseline_plan`, as stored with the request.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub impact: Option<Impact>,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub target_launch: Date,
    pub approvals: Vec<ApprovalDto>,
    /// Departments (codes) this request made stakeholders of the project.
    pub departments_pulled_in: Vec<String>,
    /// The departments the reader may decide for (their own, while it waits).
    pub can_decide_for: Vec<String>,
    pub can_withdraw: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    /// `approve` or `reject`.
    pub decision: String,
    #[serde(default)]
    pub comment: String,
}

/// One of a project's agreed schedules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BaselineDto {
    pub id: String,
    pub number: i64,
    pub option_id: String,
    pub option_title: String,
    pub revision: i64,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub launch: Date,
    /// Working days the launch moved from the previous baseline (none for the first).
    pub launch_moved_working_days: Option<i32>,
    pub request_id: String,
    pub reason: String,
    pub requested_by_name: String,
    /// Who approved, as "name (department code)".
    pub approved_by: Vec<String>,
    pub created_at: i64,
}

/// The project's schedule tab: the current baseline's plan, every baseline, and the requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProjectSchedule {
    pub project_id: String,
    pub project_name: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub target_launch: Date,
    /// The current baseline's plan file.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub current_plan: Option<Plan>,
    /// Newest first.
    pub baselines: Vec<BaselineDto>,
    /// Newest first.
    pub requests: Vec<ChangeRequestSummary>,
}
