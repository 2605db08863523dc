//! Server functions of the meeting pages. Each calls the same service as the REST API; the
//! service checks who may do what.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "meetings/list")]
pub async fn list_project_meetings(project_id: String) -> Result<Vec<MeetingSummary>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_meetings(&state, &user, &project_id).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/choices")]
pub async fn load_meeting_choices(project_id: String) -> Result<MeetingChoices, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::meeting_choices(&state, &user, &project_id).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/create")]
pub async fn schedule_meeting(project_id: String, input: MeetingInput) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::create_meeting(&state, &user, &project_id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/get")]
pub async fn get_meeting(id: String) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::get_meeting(&state, &user, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/status")]
pub async fn change_meeting_status(id: String, status: String) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::set_status(&state, &user, &id, MeetingStatusInput { status }).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/agenda-add")]
pub async fn add_agenda_item(id: String, input: AgendaItemInput) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::add_agenda_item(&state, &user, &id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/minutes")]
pub async fn save_minutes(item_id: String, minutes: String, version: i64) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::set_minutes(&state, &user, &item_id, MinutesInput { minutes, version: Some(version) }).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/attendance")]
pub async fn save_attendance(id: String, user_ids: Vec<String>, version: i64) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::set_attendance(&state, &user, &id, AttendanceInput { user_ids, version: Some(version) }).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/decision-add")]
pub async fn record_decision(id: String, input: MeetingDecisionInput) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::add_decision(&state, &user, &id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/action-add")]
pub async fn add_action_item(id: String, input: ActionItemInput) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::add_action_item(&state, &user, &id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/action-status")]
pub async fn change_action_status(action_id: String, status: String, version: i64) -> Result<ActionItemDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let input = ActionStatusInput { status, version: Some(version) };
    crate::auth::answer(super::service::set_action_status(&state, &user, &action_id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/amend")]
pub async fn amend_meeting(id: String, input: AmendmentInput) -> Result<MeetingDetail, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::amend(&state, &user, &id, input).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/decision-log")]
pub async fn project_decision_log(project_id: String) -> Result<Vec<MeetingDecisionDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::views::decision_log(&state, &user, &project_id).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/linked")]
pub async fn load_linked_decisions(kind: String, id: String) -> Result<LinkedDecisions, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::views::linked(&state, &user, &kind, &id).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/my-actions")]
pub async fn my_action_items() -> Result<Vec<ActionItemDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::views::my_action_items(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/feed")]
pub async fn calendar_feed_status() -> Result<CalendarFeedDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::calendar::feed_status(&state, &user).await)
}

/// The feed's address is built on the site's origin as this request reached it.
#[server(prefix = "/_sfn", endpoint = "meetings/feed-create")]
pub async fn create_calendar_feed() -> Result<CalendarFeedDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let (_, parts) = crate::auth::server_context()?;
    let base = super::calendar::site_base(&parts.headers, &state);
    crate::auth::answer(super::calendar::create_feed(&state, &user, &base).await)
}

#[server(prefix = "/_sfn", endpoint = "meetings/feed-revoke")]
pub async fn revoke_calendar_feed() -> Result<CalendarFeedDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::calendar::revoke_feed(&state, &user).await)
}

/// The meeting page's data: the meeting, and the people and subjects its forms offer.
#[server(prefix = "/_sfn", endpoint = "meetings/page")]
pub async fn load_meeting_page(id: String) -> Result<MeetingPageData, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let result = async {
        let detail = super::service::get_meeting(&state, &user, &id).await?;
        let choices = super::service::meeting_choices(&state, &user, &detail.meeting.project_id).await?;
        Ok(MeetingPageData { detail, choices })
    }
    .await;
    crate::auth::answer(result)
}
