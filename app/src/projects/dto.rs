//! Wire types for projects, stakeholders and links.

use crate::domain::projects::{StakeholderRole, Visibility};
use crate::organisation::dto::{DepartmentDto, PersonDto};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProjectDto {
    pub id: String,
    /// Short code for requirement keys (`PAY` → `PAY-1`).
    pub code: String,
    pub name: String,
    pub goal: String,
    pub lead_department_id: String,
    /// ISO date `YYYY-MM-DD`.
    pub kickoff_on: String,
    /// ISO date `YYYY-MM-DD`.
    pub target_launch_on: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "internal"))]
    pub visibility: Visibility,
    pub created_by: String,
    /// Milliseconds since the Unix epoch.
    pub created_at: i64,
    pub updated_at: i64,
    /// Increases with every edit; send it back with a `PATCH` to refuse lost updates.
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProjectInput {
    pub name: String,
    /// 2–10 letters or digits, starting with a letter; made from the name when left out.
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub goal: String,
    pub lead_department_id: String,
    pub kickoff_on: String,
    pub target_launch_on: String,
    /// `internal` or `restricted`
    pub visibility: String,
}

/// A partial edit of the project as it was at `version`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectPatch {
    pub name: Option<String>,
    pub code: Option<String>,
    pub goal: Option<String>,
    pub lead_department_id: Option<String>,
    pub kickoff_on: Option<String>,
    pub target_launch_on: Option<String>,
    pub visibility: Option<String>,
    /// The version the edit started from: required (428 without it); an older one is 409.
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StakeholderDto {
    pub department_id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "collaborator"))]
    pub role: StakeholderRole,
    /// When the department was identified as a stakeholder (ms since the epoch).
    pub identified_at: i64,
    pub identified_by: String,
    pub identified_by_name: String,
    /// Pulled in by a schedule change after development had started.
    #[serde(default)]
    pub identified_late: bool,
}

impl StakeholderDto {
    /// The department's name in the reader's language.
    pub fn name(&self, locale: crate::i18n::Locale) -> &str {
        locale.pick(&self.name_zh, &self.name_en)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StakeholderInput {
    pub department_id: String,
    /// `collaborator`, `consulted` or `informed` (the lead is the project's lead department).
    pub role: String,
    /// Optionally link the new stakeholder upstream of these departments at once (new → each).
    #[serde(default)]
    pub upstream_of: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LinkDto {
    pub upstream_department_id: String,
    pub downstream_department_id: String,
}

/// Everything the project page shows, in one round trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectDetail {
    pub project: ProjectDto,
    pub stakeholders: Vec<StakeholderDto>,
    pub links: Vec<LinkDto>,
    /// People of the stakeholder departments.
    pub people: Vec<PersonDto>,
    /// All departments (for the "add stakeholder" choice).
    pub departments: Vec<DepartmentDto>,
    pub can_edit: bool,
}

/// A row of the project list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectListItem {
    pub project: ProjectDto,
    pub lead: Option<DepartmentDto>,
}
