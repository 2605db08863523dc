//! Wire types for solution options, their revisions, impact and comments.
//!
//! Plans travel in the engine's own types ([`Plan`], [`WorkPlan`]), so the browser schedules
//! exactly what the server stores.

use crate::domain::dates::Date;
use crate::domain::schedule::impact::Impact;
use crate::domain::schedule::Plan;
use crate::domain::solutions::{OptionStatus, PlanFrame, WorkPlan};
use serde::{Deserialize, Serialize};

/// A new option for a requirement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OptionInput {
    pub title: String,
    /// Markdown.
    #[serde(default)]
    pub description: String,
    /// Ids of the requirement's scenarios the option covers.
    #[serde(default)]
    pub covered_scenarios: Vec<String>,
    /// Items and milestones in the plan file format (departments by code).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub plan: WorkPlan,
    /// Shown in the history beside revision 1.
    #[serde(default)]
    pub summary: String,
}

/// An edit, saved as a new revision. `version` is the revision the edit started from: required
/// (428 without it), and a newer revision saved since refuses the edit (409).
/// Fields left out keep their value. `reason` is required when the edit changes the agreed
/// schedule of a chosen option: it becomes the change request's reason.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OptionPatch {
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub covered_scenarios: Option<Vec<String>>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub plan: Option<WorkPlan>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// Where an option's launch is measured from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LaunchReference {
    /// The project's current baseline (its agreed launch).
    Baseline {
        number: i64,
        #[cfg_attr(feature = "ssr", schema(value_type = String))]
        launch: Date,
    },
    /// No baseline yet: the project's target launch date.
    TargetLaunch {
        #[cfg_attr(feature = "ssr", schema(value_type = String))]
        launch: Date,
    },
}

/// Effort of one department in an option's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DepartmentWork {
    pub code: String,
    pub effort: i64,
    /// True when the department is not (yet) a stakeholder of the project, or has no work in the
    /// baseline: the option pulls it in.
    pub newly_pulled_in: bool,
}

/// What an option does to the schedule, computed by the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OptionImpact {
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub launch: Date,
    pub reference: LaunchReference,
    /// Working days from the reference launch to this launch (positive = later).
    pub launch_moved_working_days: i32,
    pub departments: Vec<DepartmentWork>,
    /// Scenario ids of the requirement the option does not cover.
    pub uncovered_scenarios: Vec<String>,
    /// The engine's impact against the baseline (with its explanation); none before a baseline.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub impact: Option<Impact>,
    /// Set when the option's schedule runs past the last day whose holidays its calendars know:
    /// "holidays after this day are not entered; dates beyond it count weekends only".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub holidays_unknown_after: Option<Date>,
}

/// Everything the browser needs to schedule an option's plan exactly as the server does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanContext {
    /// Start, organisation calendar and every department's limits, by code.
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub frame: PlanFrame,
    /// The current baseline's plan file, if the project has one.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub baseline: Option<Plan>,
    pub baseline_number: Option<i64>,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub target_launch: Date,
    /// Every department an item may name.
    pub departments: Vec<DepartmentChoice>,
    /// Codes of the project's stakeholder departments.
    pub stakeholder_codes: Vec<String>,
    /// The requirement's scenarios, in order.
    pub scenarios: Vec<ScenarioChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DepartmentChoice {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

impl DepartmentChoice {
    pub fn name(&self, locale: crate::i18n::Locale) -> &str {
        locale.pick(&self.name_zh, &self.name_en)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScenarioChoice {
    pub id: String,
    pub name: String,
}

/// One option in its requirement's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OptionSummary {
    pub id: String,
    pub requirement_id: String,
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "proposed"))]
    pub status: OptionStatus,
    pub version: i64,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub launch: Date,
    pub open_concerns: i64,
    pub created_by_name: String,
    pub updated_at: i64,
}

/// An option as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OptionDetail {
    pub id: String,
    pub requirement_id: String,
    pub requirement_key: String,
    pub requirement_title: String,
    pub project_id: String,
    pub project_name: String,
    pub title: String,
    /// Markdown as written.
    pub description: String,
    /// Sanitised HTML of the description.
    pub description_html: String,
    pub covered_scenarios: Vec<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub plan: WorkPlan,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "proposed"))]
    pub status: OptionStatus,
    /// The latest revision's number (send it back as `version` when editing).
    pub version: i64,
    pub chosen: Option<ChoiceDto>,
    /// Computed now, on the current settings and baseline; none when the stored plan no longer
    /// schedules (then `plan_error` says why, e.g. a calendar that ends too early).
    pub impact: Option<OptionImpact>,
    pub plan_error: Option<String>,
    pub context: PlanContext,
    /// The project's pending change request, if any (at most one).
    pub pending_request: Option<String>,
    /// True when this revision is the current baseline's.
    pub is_baseline: bool,
    pub open_concerns: i64,
    pub created_by: String,
    pub created_by_name: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub can_edit: bool,
    pub can_comment: bool,
    pub can_choose: bool,
}

/// Who chose an option, when and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChoiceDto {
    pub by: String,
    pub by_name: String,
    pub at: i64,
    pub rationale: String,
    /// Why the option was chosen although concerns were open.
    pub override_reason: Option<String>,
}

/// What saving an option did: the option, and the change request it opened, if it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OptionSaved {
    pub option: OptionDetail,
    pub change_request_id: Option<String>,
}

/// One revision in an option's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OptionRevisionSummary {
    pub revision: i64,
    pub summary: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub launch: Date,
    pub author_id: String,
    pub author_name: String,
    pub created_at: i64,
    /// The baseline this revision became, if it did.
    pub baseline_number: Option<i64>,
}

/// Two revisions of an option compared: the text, the scenarios, and the plan's impact of the
/// later against the earlier (both scheduled on the current frame).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OptionDiff {
    pub from: i64,
    pub to: i64,
    /// The title before and after, when it changed.
    pub title: Option<TitleChange>,
    pub description_changed: bool,
    pub description_before: String,
    pub description_after: String,
    pub scenarios_added: Vec<String>,
    pub scenarios_removed: Vec<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub impact: Option<Impact>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub from_plan: Plan,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub to_plan: Plan,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TitleChange {
    pub from: String,
    pub to: String,
}

/// Choosing an option (the lead department's PM).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChooseInput {
    pub rationale: String,
    /// Required when the option has open concerns.
    #[serde(default)]
    pub override_reason: Option<String>,
    /// The option revision the chooser looked at: required (428 without it); 409 if it moved on.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

/// A comment or concern on an option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OptionCommentDto {
    pub id: String,
    pub parent_id: Option<String>,
    pub author_id: String,
    pub author_name: String,
    /// The author's job role when they wrote it (`architect` and `tech_manager` show a badge).
    pub author_role: String,
    pub body_html: String,
    pub is_concern: bool,
    pub resolved: Option<ResolutionDto>,
    pub created_at: i64,
    /// True when the reader may resolve this concern.
    pub can_resolve: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResolutionDto {
    pub by: String,
    pub by_name: String,
    pub at: i64,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OptionCommentInput {
    pub body: String,
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Raise it as a blocking concern.
    #[serde(default)]
    pub concern: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ResolveInput {
    pub note: String,
}
