//! Server functions for the schedule settings page: thin doors onto [`super::service`]. The form's
//! calendar picker (a choice plus, for a custom calendar, its JSON) becomes the API's calendar
//! value here.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "schedule-settings/get")]
pub async fn get_schedule_settings() -> Result<ScheduleSettingsDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::get_schedule_settings(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/calendar")]
pub async fn set_organisation_calendar(
    calendar_choice: String,
    calendar_json: Option<String>,
    version: Option<i64>,
) -> Result<OrganisationCalendarDto, AppError> {
    use crate::domain::schedule_settings::CalendarChoice;
    let (state, user) = crate::auth::signed_in().await?;
    let result = async {
        let choice = CalendarChoice::parse(&calendar_choice)?;
        if choice == CalendarChoice::Organisation {
            return Err(crate::domain::DomainError::NotAllowed { field: "calendar".into() }.into());
        }
        let calendar = choice.to_json(calendar_json.as_deref().unwrap_or_default(), "calendar")?.unwrap_or_default();
        super::service::set_organisation_calendar(&state, &user, CalendarInput { calendar, version }).await
    };
    crate::auth::answer(result.await)
}

#[server(prefix = "/_sfn", endpoint = "schedule-settings/department")]
pub async fn set_department_schedule(
    id: String,
    capacity: String,
    available_from: String,
    calendar_choice: String,
    calendar_json: Option<String>,
    version: Option<i64>,
) -> Result<DepartmentScheduleDto, AppError> {
    use crate::domain::schedule_settings::{CalendarChoice, Capacity};
    let (state, user) = crate::auth::signed_in().await?;
    let result = async {
        let input = DepartmentScheduleInput {
            capacity: Some(Capacity::parse_text(&capacity)?.get()),
            available_from: Some(available_from),
            calendar: CalendarChoice::parse(&calendar_choice)?.to_json(calendar_json.as_deref().unwrap_or_default(), "calendar")?,
            version,
        };
        super::service::set_department_schedule(&state, &user, &id, input).await
    };
    crate::auth::answer(result.await)
}
