//! The REST API under `/api/v1`: JSON in and out, errors as `{"error":{"code","message","field"?,"reason"?}}` (a 409 names its `reason`).
//! Each handler is a thin door onto the same services the UI's server functions call.

mod accounts;
mod audit;
mod calendar;
mod change_requests;
mod errors;
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
use axum::Router;
use utoipa_axum::router::OpenApiRouter;

pub use openapi::{openapi_json, ApiDoc};

/// Every `/api/v1` route with the OpenAPI document they make, each module contributing its own
/// `router()`; an unknown path under `/api/v1` is a JSON 404.
fn api() -> OpenApiRouter<AppState> {
    let v1 = OpenApiRouter::new()
        .merge(accounts::router())
        .merge(organisation::router())
        .merge(schedule_settings::router())
        .merge(projects::router())
        .merge(requirements::router())
        .merge(solutions::router())
        .merge(change_requests::router())
        .merge(notifications::router())
        .merge(signoffs::router())
        .merge(audit::router())
        .merge(meetings::router())
        .merge(calendar::router())
        .fallback(|| async { AppError::NotFound });
    OpenApiRouter::with_openapi(<ApiDoc as utoipa::OpenApi>::openapi()).nest("/api/v1", v1)
}

/// The REST API (mounted at the root: its paths start with `/api/v1`), with its document served
/// at `/api/v1/openapi.json`.
pub fn router() -> Router<AppState> {
    let (router, mut document) = api().split_for_parts();
    openapi::complete(&mut document);
    router
        .route("/api/v1/openapi.json", axum::routing::get(move || openapi::document(document.clone())))
        .layer(axum::middleware::from_fn(errors::as_json))
}

/// The OpenAPI document of the routes [`router`] serves.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut document = api().into_openapi();
    openapi::complete(&mut document);
    document
}
