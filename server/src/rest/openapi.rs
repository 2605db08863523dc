//! The OpenAPI 3 document, generated from the handlers' annotations and the DTOs' derives so it
//! cannot drift from the code. Served at `/api/v1/openapi.json`.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Concord API",
        description = "Cross-department requirements, solutions and schedules. Authenticate with the session cookie (POST /api/v1/session) or `Authorization: Bearer <personal access token>`. Errors are {\"error\":{\"code\",\"message\",\"field\"?}}."
    ),
    paths(
        super::accounts::login,
        super::accounts::logout,
        super::accounts::me,
        super::accounts::change_password,
        super::accounts::list_tokens,
        super::accounts::create_token,
        super::accounts::revoke_token_by_body,
        super::accounts::revoke_token,
        super::organisation::list_users,
        super::organisation::create_user,
        super::organisation::get_user,
        super::organisation::update_user,
        super::organisation::list_departments,
        super::organisation::create_department,
        super::organisation::get_department,
        super::organisation::update_department,
        super::schedule_settings::get_calendar,
        super::schedule_settings::put_calendar,
        super::schedule_settings::get_department_schedule,
        super::schedule_settings::put_department_schedule,
        super::schedule_settings::get_schedule_settings,
        super::projects::list,
        super::projects::create,
        super::projects::get,
        super::projects::update,
        super::projects::list_stakeholders,
        super::projects::add_stakeholder,
        super::projects::remove_stakeholder,
        super::projects::list_links,
        super::projects::add_link,
        super::projects::remove_link,
        super::requirements::list,
        super::requirements::create,
        super::requirements::get,
        super::requirements::update,
        super::requirements::revisions,
        super::requirements::revision,
        super::requirements::diff,
        super::requirements::transition,
        super::requirements::comments,
        super::requirements::add_comment,
        super::notifications::list,
        super::notifications::unread_count,
        super::notifications::mark_read,
        super::notifications::mark_all_read,
        super::solutions::list,
        super::solutions::create,
        super::solutions::plan_context,
        super::solutions::get,
        super::solutions::update,
        super::solutions::export_plan,
        super::solutions::import_plan,
        super::solutions::revisions,
        super::solutions::revision,
        super::solutions::diff,
        super::solutions::choose,
        super::solutions::comments,
        super::solutions::add_comment,
        super::solutions::resolve,
        super::solutions::project_requests,
        super::solutions::baselines,
        super::solutions::get_request,
        super::solutions::decide,
        super::solutions::withdraw,
        super::solutions::my_decisions,
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
