//! Wire types of meetings: what the forms and the API send, and what the pages and the API get
//! back (the same types for server functions and REST).

use crate::domain::dates::Date;
use crate::domain::meetings::{ActionStatus, MeetingKind, MeetingStatus, SubjectKind};
use serde::{Deserialize, Serialize};

/// A new meeting. Times are local date-times (`YYYY-MM-DDTHH:MM`) in `time_zone` (an IANA name;
/// empty: Asia/Shanghai).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingInput {
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(example = "requirement_review"))]
    pub kind: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(example = "Asia/Shanghai"))]
    pub time_zone: String,
    #[cfg_attr(feature = "ssr", schema(example = "2026-03-02T10:00"))]
    pub start: String,
    #[cfg_attr(feature = "ssr", schema(example = "2026-03-02T11:00"))]
    pub end: String,
    /// A room or a meeting link.
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub invitee_ids: Vec<String>,
    /// The first agenda items (more can be added until the meeting closes).
    #[serde(default)]
    pub agenda: Vec<AgendaItemInput>,
}

/// Changes to a meeting that is not closed; absent fields keep their value. Times are re-read in
/// the (new or current) zone, so send `start` and `end` together with `time_zone`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingPatch {
    pub title: Option<String>,
    pub kind: Option<String>,
    pub time_zone: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub place: Option<String>,
    /// The whole new list of invitees.
    pub invitee_ids: Option<Vec<String>>,
    /// The version the edit started from: required (428 without it); an older one is 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

/// A requirement, solution option or change request of the meeting's project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SubjectRef {
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "option"))]
    pub kind: SubjectKind,
    pub id: String,
}

/// An agenda item: a title and, optionally, what it is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgendaItemInput {
    pub title: String,
    #[serde(default)]
    pub link: Option<SubjectRef>,
    /// When editing an item: the item's version the edit started from (required, 428 without it;
    /// an older one is 409). Ignored when adding one.
    #[serde(default)]
    pub version: Option<i64>,
}

/// `POST /meetings/{id}/status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingStatusInput {
    #[cfg_attr(feature = "ssr", schema(example = "in_progress"))]
    pub status: String,
}

/// Who came: the whole list (each person's department is taken as it is now and kept).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AttendanceInput {
    pub user_ids: Vec<String>,
    /// The attendance list's version (`attendance_version` of the meeting) the edit started from:
    /// required (428 without it); an older one is 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

/// The minutes of one agenda item (Markdown; replaces the previous text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MinutesInput {
    pub minutes: String,
    /// The agenda item's version the minutes were written from: required (428 without it); an
    /// older one is 409 naming who saved the newer minutes.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

/// A decision: what was decided, by whom, about what.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingDecisionInput {
    pub text: String,
    pub maker_ids: Vec<String>,
    #[serde(default)]
    pub links: Vec<SubjectRef>,
    /// In an amendment only: the meeting's decision this one corrects.
    #[serde(default)]
    pub corrects_id: Option<String>,
}

/// A new action item, or its new title, owner and due date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionItemInput {
    pub title: String,
    pub owner_id: String,
    #[cfg_attr(feature = "ssr", schema(example = "2026-03-09"))]
    pub due_on: String,
    /// When editing an item: its version the edit started from (required, 428 without it; an
    /// older one is 409). Ignored when adding one.
    #[serde(default)]
    pub version: Option<i64>,
}

/// `POST /action-items/{id}/status`: open, done or dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionStatusInput {
    #[cfg_attr(feature = "ssr", schema(example = "done"))]
    pub status: String,
    /// The version the edit started from: required (428 without it); an older one is 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

/// A correction of a closed meeting: a text and any added or correcting decisions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AmendmentInput {
    pub text: String,
    #[serde(default)]
    pub decisions: Vec<MeetingDecisionInput>,
}

/// A person as a meeting shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub department_code: String,
}

/// A link to a requirement, option or change request, with a label to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SubjectLinkDto {
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "option"))]
    pub kind: SubjectKind,
    pub id: String,
    /// A requirement's key and title, an option's title, a change request's reason.
    pub label: String,
    /// Its page on this site.
    pub path: String,
}

/// One meeting in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingSummary {
    pub id: String,
    pub project_id: String,
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "kick_off"))]
    pub kind: MeetingKind,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "planned"))]
    pub status: MeetingStatus,
    /// Epoch ms (UTC).
    pub starts_at: i64,
    pub ends_at: i64,
    pub time_zone: String,
    /// `YYYY-MM-DDTHH:MM` in `time_zone`.
    pub start_local: String,
    pub end_local: String,
    pub place: String,
    /// The details' version: send it back as `version` when editing them.
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgendaItemDto {
    pub id: String,
    pub position: i64,
    pub title: String,
    pub link: Option<SubjectLinkDto>,
    /// Markdown as written.
    pub minutes: String,
    /// The minutes rendered and sanitised.
    pub minutes_html: String,
    pub minutes_updated_by_name: Option<String>,
    pub minutes_updated_at: Option<i64>,
    /// Send it back as `version` when editing the item or its minutes.
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AttendeeDto {
    pub user_id: String,
    pub name: String,
    /// The department they came for (as it was on the day).
    pub department_id: String,
    pub department_code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingDecisionDto {
    pub id: String,
    pub meeting_id: String,
    pub meeting_title: String,
    pub meeting_starts_at: i64,
    pub project_id: String,
    pub text: String,
    pub makers: Vec<PersonRef>,
    pub links: Vec<SubjectLinkDto>,
    /// Set when an amendment added it after the meeting closed.
    pub amendment_id: Option<String>,
    /// The decision it corrects.
    pub corrects_id: Option<String>,
    /// A later decision (of an amendment) that corrects this one.
    pub corrected_by_id: Option<String>,
    pub recorded_by_name: String,
    pub recorded_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActionItemDto {
    pub id: String,
    pub meeting_id: String,
    pub meeting_title: String,
    pub project_id: String,
    pub project_name: String,
    pub title: String,
    pub owner: PersonRef,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub due_on: Date,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "open"))]
    pub status: ActionStatus,
    /// Open and past its due date (server's today, UTC+8 day).
    pub overdue: bool,
    /// Whether the asking person may change its status.
    pub can_update: bool,
    /// Send it back as `version` when editing it or changing its status.
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AmendmentDto {
    pub id: String,
    pub author_name: String,
    pub text: String,
    pub created_at: i64,
    /// The decisions it added (listed with the meeting's decisions).
    pub decision_ids: Vec<String>,
}

/// A meeting with everything recorded in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingDetail {
    pub meeting: MeetingSummary,
    pub project_name: String,
    pub created_by_name: String,
    pub invitees: Vec<PersonRef>,
    pub agenda: Vec<AgendaItemDto>,
    pub attendance: Vec<AttendeeDto>,
    /// Send it back as `version` when saving the attendance list.
    pub attendance_version: i64,
    pub decisions: Vec<MeetingDecisionDto>,
    pub action_items: Vec<ActionItemDto>,
    pub amendments: Vec<AmendmentDto>,
    pub closed_at: Option<i64>,
    pub closed_by_name: Option<String>,
    /// Whether the asking person may run and amend it.
    pub can_edit: bool,
}

/// The decisions and meetings that touched a requirement, option or change request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LinkedDecisions {
    /// Oldest first.
    pub decisions: Vec<MeetingDecisionDto>,
    /// Meetings with an agenda item or a decision about it, oldest first.
    pub meetings: Vec<MeetingSummary>,
}

/// Query of `GET /api/v1/linked-decisions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct LinkedQuery {
    /// requirement, option or change_request
    pub kind: String,
    pub id: String,
}

/// What the project's new-meeting form offers: the people and the things to link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingChoices {
    pub project_id: String,
    pub project_name: String,
    /// People who may read the project.
    pub people: Vec<PersonRef>,
    pub subjects: Vec<SubjectLinkDto>,
    /// Whether the asking person may schedule a meeting in it.
    pub can_schedule: bool,
}

/// The person's calendar feed: whether one is active, and when it was made and last read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CalendarFeedDto {
    pub active: bool,
    pub created_at: Option<i64>,
    pub last_used_at: Option<i64>,
    /// The secret feed address: only in the answer that creates it (it is stored hashed).
    pub url: Option<String>,
}

/// The meeting page's data (server functions only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingPageData {
    pub detail: MeetingDetail,
    pub choices: MeetingChoices,
}
