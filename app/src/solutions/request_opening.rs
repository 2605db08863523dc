//! Where choosing meets change requests: an option's chosen (or changed) revision, assessed
//! against the baseline, decides whether the leaders must approve and which departments, and opens
//! the request through [`crate::change_requests::service::open_request`] in the caller's
//! transaction.

use super::dto::PlanContext;
use super::impact::Assessed;
use super::service::LoadedOption;
use crate::auth::CurrentUser;
use crate::change_requests::service::{open_request, NewRequest};
use crate::db::{self, solutions::BaselineRow};
use crate::domain::solutions::{affected_departments, first_plan_departments, needs_approval, ApprovalReason, OptionContent, RequestKind};
use crate::error::AppError;

/// What a change request is made from: the option's new (or chosen) revision, assessed.
pub(super) struct ScheduleRequest<'a> {
    pub loaded: &'a LoadedOption,
    pub revision: i64,
    pub content: &'a OptionContent,
    pub assessed: &'a Assessed,
    pub baseline: Option<&'a BaselineRow>,
    pub context: &'a PlanContext,
}

impl ScheduleRequest<'_> {
    /// A chosen option's revision needs the leaders when it changes what was agreed, or when
    /// nothing was agreed yet (the first choice's request was rejected or withdrawn).
    pub(super) fn needs_request(&self) -> bool {
        match (self.baseline, &self.assessed.impact.impact) {
            (Some(_), Some(impact)) => needs_approval(impact),
            _ => true,
        }
    }

    /// Departments (ids) that must approve, with why.
    fn approvers(&self) -> Result<Vec<(String, Vec<ApprovalReason>)>, AppError> {
        let departments = &self.context.departments;
        let lead = departments
            .iter()
            .find(|d| d.department_id == self.loaded.project.lead_department_id)
            .map(|d| d.code.clone())
            .unwrap_or_default();
        let by_code = match &self.assessed.impact.impact {
            Some(impact) => affected_departments(impact, &self.content.plan, &lead),
            None => first_plan_departments(&self.content.plan, &lead),
        };
        by_code
            .into_iter()
            .map(|(code, reasons)| {
                let department = departments.iter().find(|d| d.code == code).ok_or(AppError::Internal)?;
                Ok((department.department_id.clone(), reasons))
            })
            .collect()
    }

    /// Opens the pending request (see [`open_request`]) and returns its id.
    pub(super) async fn open(
        &self,
        tx: &mut db::Conn,
        user: &CurrentUser,
        kind: RequestKind,
        reason: &str,
        now: i64,
    ) -> Result<String, AppError> {
        let plan = self.content.plan.to_plan(&self.context.frame);
        let new = NewRequest {
            project_id: &self.loaded.project.project_id,
            option_id: &self.loaded.option.option_id,
            option_title: &self.loaded.option.title,
            revision: self.revision,
            kind,
            reason,
            base_baseline_id: self.baseline.map(|b| b.baseline_id.as_str()),
            plan: &plan,
            impact: self.assessed.impact.impact.as_ref(),
            launch: self.assessed.impact.launch,
            approvers: self.approvers()?,
            requirement_in_development: self.loaded.requirement.status.is_in_development(),
        };
        open_request(tx, user, new, now).await
    }
}
