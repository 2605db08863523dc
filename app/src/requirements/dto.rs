//! Wire types for requirements, their revisions, diffs, transitions and comments.

use crate::domain::requirement_content::{ChangePoint, Priority, RequirementContent, Scenario};
use crate::domain::requirement_diff::RequirementDiff;
use crate::domain::requirements::RequirementStatus;
use serde::{Deserialize, Serialize};

/// A new requirement. Scenarios and change points are sent without ids; the server numbers them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RequirementInput {
    pub title: String,
    /// Markdown.
    #[serde(default)]
    pub background: String,
    /// Markdown.
    #[serde(default)]
    pub goal: String,
    /// `critical`, `high`, `medium` or `low`; default `medium`.
    #[serde(default)]
    pub priority: Option<String>,
    /// The owning PM; default: the creator.
    #[serde(default)]
    pub owner_id: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub scenarios: Vec<Scenario>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub change_points: Vec<ChangePoint>,
    /// Shown in the history beside revision 1.
    #[serde(default)]
    pub summary: String,
}

/// An edit. `version` is the revision the edit started from: if another revision was saved since,
/// the edit is refused with 409 `edit_conflict` (or send `If-Match: "<version>"` instead; without
/// either it is refused with 428 `version_required`). Fields
/// left out keep their current value; lists, when given, replace the whole list (items keep their
/// `id` to be recognised as the same scenario or change point).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RequirementPatch {
    pub version: Option<i64>,
    pub title: Option<String>,
    pub background: Option<String>,
    pub goal: Option<String>,
    pub priority: Option<String>,
    pub owner_id: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Vec<Object>>))]
    pub scenarios: Option<Vec<Scenario>>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Vec<Object>>))]
    pub change_points: Option<Vec<ChangePoint>>,
    /// Why this revision was made (shown in the history).
    #[serde(default)]
    pub summary: Option<String>,
}

/// One row of a project's requirement list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequirementSummary {
    pub id: String,
    /// `PAY-1`: stable and unique within the project.
    pub key: String,
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "draft"))]
    pub status: RequirementStatus,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "high"))]
    pub priority: Priority,
    pub owner_id: String,
    pub owner_name: String,
    /// The latest revision's number.
    pub version: i64,
    /// How many revisions were saved after the requirement was agreed.
    pub late_changes: i64,
    pub updated_at: i64,
}

/// A page of the list, with the total that matched the filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequirementPage {
    pub items: Vec<RequirementSummary>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// Filters, sort and page of the list (query string of `GET …/requirements`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct RequirementListQuery {
    /// A status such as `in_review`.
    pub status: Option<String>,
    /// Requirements with change points for this department.
    pub department: Option<String>,
    /// The owner's user id.
    pub owner: Option<String>,
    /// Words that must all occur in the title, background, goal or scenarios (any case; Chinese
    /// matched as written).
    pub q: Option<String>,
    /// `number` (default, newest first), `number_asc`, `updated`, `title`, `priority`, `status`.
    pub sort: Option<String>,
    /// 1..=200, default 50.
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// A recorded status change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TransitionDto {
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub from: RequirementStatus,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub to: RequirementStatus,
    pub reason: String,
    pub actor_id: String,
    pub actor_name: String,
    pub at: i64,
    /// The revision whose status changed (absent on changes recorded before it was kept).
    pub revision: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionInput {
    /// The status to move to.
    pub to: String,
    #[serde(default)]
    pub reason: String,
    /// The revision the person saw and moves: required (428 without it); if a newer revision was
    /// saved since, 409 `edit_conflict`, so nobody agrees to a revision they have not seen.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub revision: Option<i64>,
}

/// A requirement as shown on its page: the latest revision's content, its Markdown rendered
/// (sanitised) for display, and what the reader may do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequirementDetail {
    pub id: String,
    pub project_id: String,
    pub key: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub status: RequirementStatus,
    /// The latest revision's number; send it back with an edit.
    pub version: i64,
    pub late_changes: i64,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub content: RequirementContent,
    /// `background` rendered from Markdown and sanitised.
    pub background_html: String,
    pub goal_html: String,
    pub owner_name: String,
    /// The project's stakeholder departments, to name the change points' departments.
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub department_names: Vec<DepartmentOption>,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub transitions: Vec<TransitionDto>,
    /// The statuses this reader may move it to now (empty when they may not).
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<String>))]
    pub next_statuses: Vec<RequirementStatus>,
    pub can_edit: bool,
    pub can_comment: bool,
}

/// A revision in the history list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RevisionSummary {
    pub revision: i64,
    pub summary: String,
    /// The requirement's status when this revision was saved.
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub status: RequirementStatus,
    /// Saved after the requirement was agreed.
    pub is_late: bool,
    pub author_id: String,
    pub author_name: String,
    pub created_at: i64,
}

/// One revision whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RevisionDto {
    #[serde(flatten)]
    pub summary: RevisionSummary,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub content: RequirementContent,
}

/// The diff between two revisions, with both revisions' summaries for the heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DiffDto {
    pub from: RevisionSummary,
    pub to: RevisionSummary,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub diff: RequirementDiff,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CommentDto {
    pub id: String,
    /// The thread's first comment, for a reply.
    pub parent_id: Option<String>,
    pub author_id: String,
    pub author_name: String,
    /// The author's job role (`architect`, `tech_manager`, ...), for a role badge.
    pub author_role: String,
    /// Markdown as written.
    pub body: String,
    /// The Markdown rendered and sanitised.
    pub body_html: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CommentInput {
    /// Markdown; `@username` mentions the person.
    pub body: String,
    /// Reply to this comment (its thread).
    #[serde(default)]
    pub parent_id: Option<String>,
}

/// A stakeholder department the editor offers for change points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DepartmentOption {
    pub id: String,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

impl DepartmentOption {
    pub fn label(&self, locale: crate::i18n::Locale) -> String {
        let name = match locale {
            crate::i18n::Locale::ZhCn => &self.name_zh,
            crate::i18n::Locale::En => &self.name_en,
        };
        format!("{} · {name}", self.code)
    }
}

/// A PM the editor offers as owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnerOption {
    pub id: String,
    pub display_name: String,
    pub username: String,
}

/// What a requirement form or the list's filters need to know about the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementFormOptions {
    pub project_id: String,
    pub project_name: String,
    pub departments: Vec<DepartmentOption>,
    pub owners: Vec<OwnerOption>,
    /// May the reader create and edit requirements here?
    pub can_edit: bool,
}
