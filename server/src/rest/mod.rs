//! The REST API under `/api/v1`: JSON in and out, errors as `{"error":{"code","message","field"?}}`.
//! Each handler is a thin door onto the same services the UI's server functions call.

mod accounts;
mod audit;
mod calendar;
mod extract;
mod meetings;
mod notifications;
mod openapi;
mod organisation;
mod projects;
mod requirements;
mod schedule_settings;
mod signoffs;
mod solutions;

use app::error::AppError;
use app::state::AppState;
use axum::routing::{delete, get, post};
use axum::Router;

pub use openapi::{openapi_json, ApiDoc};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", post(accounts::login).delete(accounts::logout))
        .route("/me", get(accounts::me))
        .route("/me/password", post(accounts::change_password))
        .route("/tokens", get(accounts::list_tokens).post(accounts::create_token).delete(accounts::revoke_token_by_body))
        .route("/tokens/{id}", delete(accounts::revoke_token))
        .route("/users", get(organisation::list_users).post(organisation::create_user))
        .route("/users/{id}", get(organisation::get_user).patch(organisation::update_user))
        .route("/departments", get(organisation::list_departments).post(organisation::create_department))
        .route("/departments/{id}", get(organisation::get_department).patch(organisation::update_department))
        .route(
            "/departments/{id}/schedule",
            get(schedule_settings::get_department_schedule).put(schedule_settings::put_department_schedule),
        )
        .route(
            "/departments/{id}/calendar/years",
            get(schedule_settings::get_department_years).post(schedule_settings::post_department_year),
        )
        .route(
            "/departments/{id}/calendar/years/{year}",
            axum::routing::put(schedule_settings::put_department_year).delete(schedule_settings::delete_department_year),
        )
        .route("/departments/{id}/calendar/import", post(schedule_settings::import_department))
        .route("/calendar", get(schedule_settings::get_calendar).put(schedule_settings::put_calendar))
        .route("/calendar/years", get(schedule_settings::get_years).post(schedule_settings::post_year))
        .route("/calendar/years/{year}", axum::routing::put(schedule_settings::put_year).delete(schedule_settings::delete_year))
        .route("/calendar/import", post(schedule_settings::import))
        .route("/calendar/changes", get(schedule_settings::get_changes))
        .route("/schedule-settings", get(schedule_settings::get_schedule_settings))
        .route("/projects", get(projects::list).post(projects::create))
        .route("/projects/{id}", get(projects::get).patch(projects::update))
        .route("/projects/{id}/stakeholders", get(projects::list_stakeholders).post(projects::add_stakeholder))
        .route("/projects/{id}/stakeholders/{department_id}", delete(projects::remove_stakeholder))
        .route("/projects/{id}/links", get(projects::list_links).post(projects::add_link).delete(projects::remove_link))
        .route("/projects/{id}/requirements", get(requirements::list).post(requirements::create))
        .route("/requirements/{id}", get(requirements::get).patch(requirements::update))
        .route("/requirements/{id}/revisions", get(requirements::revisions))
        .route("/requirements/{id}/revisions/{n}", get(requirements::revision))
        .route("/requirements/{id}/diff", get(requirements::diff))
        .route("/requirements/{id}/transitions", post(requirements::transition))
        .route("/requirements/{id}/comments", get(requirements::comments).post(requirements::add_comment))
        .route("/requirements/{id}/options", get(solutions::list).post(solutions::create))
        .route("/requirements/{id}/plan-context", get(solutions::plan_context))
        .route("/options/{id}", get(solutions::get).patch(solutions::update))
        .route("/options/{id}/plan", get(solutions::export_plan).put(solutions::import_plan))
        .route("/options/{id}/revisions", get(solutions::revisions))
        .route("/options/{id}/revisions/{n}", get(solutions::revision))
        .route("/options/{id}/diff", get(solutions::diff))
        .route("/options/{id}/choose", post(solutions::choose))
        .route("/options/{id}/comments", get(solutions::comments).post(solutions::add_comment))
        .route("/option-comments/{id}/resolve", post(solutions::resolve))
        .route("/projects/{id}/change-requests", get(solutions::project_requests))
        .route("/projects/{id}/baselines", get(solutions::baselines))
        .route("/change-requests/{id}", get(solutions::get_request))
        .route("/change-requests/{id}/decisions", post(solutions::decide))
        .route("/change-requests/{id}/withdraw", post(solutions::withdraw))
        .route("/me/decisions", get(solutions::my_decisions))
        .route("/notifications", get(notifications::list))
        .route("/projects/{id}/signoffs", get(signoffs::matrix).post(signoffs::sign))
        .route("/signoffs/{id}/revoke", post(signoffs::revoke))
        .route("/audit", get(audit::list))
        .route("/notifications/unread-count", get(notifications::unread_count))
        .route("/notifications/read-all", post(notifications::mark_all_read))
        .route("/notifications/{id}/read", post(notifications::mark_read))
        .route("/projects/{id}/meetings", get(meetings::list).post(meetings::create))
        .route("/projects/{id}/meeting-choices", get(meetings::choices))
        .route("/projects/{id}/decisions", get(meetings::decision_log))
        .route("/meetings/{id}", get(meetings::get).patch(meetings::update))
        .route("/meetings/{id}/status", post(meetings::set_status))
        .route("/meetings/{id}/agenda", post(meetings::add_agenda_item))
        .route("/meetings/{id}/attendance", axum::routing::put(meetings::set_attendance))
        .route("/meetings/{id}/decisions", post(meetings::add_decision))
        .route("/meetings/{id}/action-items", post(meetings::add_action_item))
        .route("/meetings/{id}/amendments", post(meetings::amend))
        .route("/meetings/{id}/calendar.ics", get(calendar::meeting_ics))
        .route("/agenda-items/{id}", axum::routing::put(meetings::update_agenda_item).delete(meetings::delete_agenda_item))
        .route("/agenda-items/{id}/minutes", axum::routing::put(meetings::set_minutes))
        .route("/decisions/{id}", delete(meetings::delete_decision))
        .route("/action-items/{id}", axum::routing::put(meetings::update_action_item).delete(meetings::delete_action_item))
        .route("/action-items/{id}/status", post(meetings::set_action_status))
        .route("/linked-decisions", get(meetings::linked))
        .route("/me/action-items", get(meetings::my_action_items))
        .route("/me/calendar-feed", get(calendar::feed_status).post(calendar::create_feed).delete(calendar::revoke_feed))
        .route("/calendar-feeds/{token}", get(calendar::feed))
        .route("/openapi.json", get(openapi::document))
        .fallback(|| async { AppError::NotFound })
}
