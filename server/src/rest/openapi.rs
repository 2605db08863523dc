//! The OpenAPI 3 document, generated from the handlers' annotations and the DTOs' derives so it
//! cannot drift from the code. Served at `/api/v1/openapi.json`; a copy is committed as
//! `docs/openapi.json` (`concord openapi > docs/openapi.json`) and a test fails when the two
//! differ, so every change to the API shows up as a diff of that file.

use axum::Json;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, PathItem, Ref, RefOr};
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

/// Operations anyone may call: signing in and out, and a calendar feed (its token in the path is
/// the credential). Every other operation may answer 401.
const PUBLIC: &[(&str, &str)] = &[("post", "/api/v1/session"), ("delete", "/api/v1/session"), ("get", "/api/v1/calendar-feeds/{token}")];

/// Completes what the handlers' annotations leave implicit, so the document lists every answer a
/// client can get and names every operation once:
/// - `operationId` is the handler's name prefixed with its tag (`projects_update`), unique across
///   the API (handlers of different features share names such as `list` and `get`);
/// - the answers every operation of a kind can give: 401 unless it is public; 400 (unreadable
///   JSON), 413 (over 2 MiB) and 422 (wrong shape, a control character) with a body; 400 for a
///   malformed path parameter and 422 for a malformed query parameter;
/// - every error answer has the `Error` body.
pub fn complete(document: &mut utoipa::openapi::OpenApi) {
    let components = document.components.get_or_insert_with(Default::default);
    components.schemas.insert("Error".into(), RefOr::T(error_schema()));
    for (path, item) in document.paths.paths.iter_mut() {
        for (method, operation) in operations_mut(item) {
            name_uniquely(operation);
            let public = PUBLIC.contains(&(method, path.as_str()));
            add_common_answers(operation, public);
        }
    }
}

fn operations_mut(item: &mut PathItem) -> Vec<(&'static str, &mut Operation)> {
    [
        ("get", item.get.as_mut()),
        ("put", item.put.as_mut()),
        ("post", item.post.as_mut()),
        ("delete", item.delete.as_mut()),
        ("patch", item.patch.as_mut()),
    ]
    .into_iter()
    .filter_map(|(method, operation)| operation.map(|o| (method, o)))
    .collect()
}

fn name_uniquely(operation: &mut Operation) {
    let tag = operation.tags.as_ref().and_then(|tags| tags.first()).map(|t| t.replace([' ', '-'], "_")).unwrap_or_default();
    if let Some(id) = &operation.operation_id {
        if !tag.is_empty() && !id.starts_with(&format!("{tag}_")) {
            operation.operation_id = Some(format!("{tag}_{id}"));
        }
    }
}

fn add_common_answers(operation: &mut Operation, public: bool) {
    let params = operation.parameters.as_deref().unwrap_or_default();
    let has_path = params.iter().any(|p| matches!(p.parameter_in, ParameterIn::Path));
    let has_query = params.iter().any(|p| matches!(p.parameter_in, ParameterIn::Query));
    let mut common: Vec<(&str, &str)> = Vec::new();
    if !public {
        common.push(("401", "Not signed in, or the session or token is no longer valid."));
    }
    if operation.request_body.is_some() {
        common.push(("400", "The body is not readable JSON."));
        common.push(("413", "The body is larger than 2 MiB."));
        common.push(("422", "The body does not have the expected shape, breaks a rule, or holds a control character; `field` names it."));
    }
    if has_path {
        common.push(("400", "A path parameter is malformed or holds a control character."));
    }
    if has_query {
        common.push(("422", "A query parameter is malformed or holds a control character; `field` names it."));
    }
    let answers = &mut operation.responses.responses;
    for (status, description) in common {
        answers.entry(status.into()).or_insert_with(|| RefOr::T(ResponseBuilder::new().description(description).build()));
    }
    for (status, answer) in answers.iter_mut() {
        if let RefOr::T(response) = answer {
            if status.starts_with('4') || status.starts_with('5') {
                if response.content.is_empty() {
                    let body = ContentBuilder::new().schema(Some(Ref::from_schema_name("Error"))).build();
                    response.content.insert("application/json".into(), body);
                }
                if response.description.is_empty() {
                    response.description = default_description(status).into();
                }
            }
        }
    }
}

fn default_description(status: &str) -> &'static str {
    match status {
        "400" => "The request is unreadable.",
        "401" => "Not signed in.",
        "403" => "Signed in, but not allowed to do this.",
        "404" => "No such thing, or one the person may not see.",
        "409" => "In conflict with the records as they are; `reason` says which rule.",
        "413" => "The body is larger than 2 MiB.",
        "422" => "A field breaks a rule; `field` names it.",
        "428" => "The write does not say which version it started from; `field` names where it goes.",
        "429" => "Too many attempts; `Retry-After` says when to try again.",
        _ => "An error.",
    }
}

/// `{"error": {"code", "message", "field"?, "reason"?, "current_revision"?, "saved_by"?}}`.
fn error_schema() -> utoipa::openapi::schema::Schema {
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let inner = ObjectBuilder::new()
        .property("code", string().description(Some("A stable machine-readable code, e.g. `not_found`, `stale_version`.")))
        .required("code")
        .property("message", string().description(Some("A sentence for people (not for parsing).")))
        .required("message")
        .property("field", string().description(Some("The input field the error is about.")))
        .property("reason", string().description(Some("On a 409: which rule was in the way.")))
        .property(
            "current_revision",
            ObjectBuilder::new().schema_type(Type::Integer).description(Some("On an edit conflict: the revision saved meanwhile.")),
        )
        .property("saved_by", string().description(Some("On an edit conflict: who saved it.")));
    ObjectBuilder::new().property("error", inner).required("error").description(Some("Every error answer of the API.")).into()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn every_operation_has_its_own_id_and_says_which_errors_it_can_answer() {
        let document = super::super::document();
        let mut ids = BTreeSet::new();
        for (path, item) in &document.paths.paths {
            for (method, operation) in
                [("get", &item.get), ("put", &item.put), ("post", &item.post), ("delete", &item.delete), ("patch", &item.patch)]
            {
                let Some(operation) = operation else { continue };
                let id = operation.operation_id.clone().unwrap_or_default();
                assert!(ids.insert(id.clone()), "{method} {path}: operationId {id} is used twice");
                let answers = &operation.responses.responses;
                if !super::PUBLIC.contains(&(method, path.as_str())) {
                    assert!(answers.contains_key("401"), "{method} {path} does not list 401");
                }
                if operation.request_body.is_some() {
                    for status in ["400", "413", "422"] {
                        assert!(answers.contains_key(status), "{method} {path} has a body but does not list {status}");
                    }
                }
            }
        }
        assert!(ids.len() > 100, "{} operations", ids.len());
    }
}
