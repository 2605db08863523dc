//! The OpenAPI 3 document, generated from the handlers' annotations and the DTOs' derives so it
//! cannot drift from the code. Served at `/api/v1/openapi.json`; a copy is committed as
//! `docs/openapi.json` (`concord openapi > docs/openapi.json`) and a test fails when the two
//! differ, so every change to the API shows up as a diff of that file.

use axum::Json;
use utoipa::OpenApi;

/// The document's title and description; its paths come from the routers (`super::router`).
#[derive(OpenApi)]
#[openapi(info(
    title = "Concord API",
    description = "Cross-department requirements, solutions and schedules. Authenticate with the session cookie (POST /api/v1/session) or `Authorization: Bearer <personal access token>`. Errors are {\"error\":{\"code\",\"message\",\"field\"?}}."
))]
pub struct ApiDoc;

/// Answers `/api/v1/openapi.json` with the document the routers were built with.
pub async fn document(document: utoipa::openapi::OpenApi) -> Json<utoipa::openapi::OpenApi> {
    Json(document)
}

/// The document as committed in `docs/openapi.json`: pretty JSON with a final new line.
pub fn openapi_json() -> String {
    serde_json::to_string_pretty(&super::document()).expect("the OpenAPI document serializes")
}
