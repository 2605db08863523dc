//! A client's mistake is answered as one — 400, 413 or 422 with our error — on the REST API and on
//! the server functions alike, and never as a 500: unreadable server-function bodies, JSON nested
//! too deep, and bodies over the 2 MiB limit.

use crate::helpers::*;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use reqwest::Method;

/// Three megabytes of JSON: a valid string, over the limit.
fn oversized_json() -> String {
    format!("{{\"code\":\"{}\"}}", "x".repeat(3 * 1024 * 1024))
}

/// `[[[…]]]` nested far deeper than any request of ours (serde_json stops at 128 levels).
fn deeply_nested_json() -> String {
    format!("{}{}", "[".repeat(5_000), "]".repeat(5_000))
}

both_engines!(a_server_function_answers_an_unreadable_body_with_400_not_500, |app| async move {
    let visitor = app.client();
    let pm = app.login("xiaozhang").await;
    let cases = [
        (&visitor, "/_sfn/login", "application/x-www-form-urlencoded", "x=1".to_string(), "a login form without its fields"),
        (&pm, "/_sfn/requirements/create", "application/json", "[]".to_string(), "a JSON array for named arguments"),
        (&pm, "/_sfn/requirements/create", "application/json", "{\"project_id\":".to_string(), "truncated JSON"),
        (&pm, "/_sfn/requirements/create", "application/json", deeply_nested_json(), "JSON nested 5,000 deep"),
    ];
    for (client, path, content_type, body, why) in cases {
        let reply = client
            .send(client.request(Method::POST, path).header(ACCEPT, "application/json").header(CONTENT_TYPE, content_type).body(body))
            .await;

        assert_eq!(reply.status, 400, "{why}: {reply}");
    }
});

both_engines!(a_body_over_the_limit_is_413_on_the_rest_api_and_the_server_functions, |app| async move {
    let admin = app.login("admin").await;

    let rest = admin
        .send(admin.request(Method::POST, "/api/v1/departments").header(CONTENT_TYPE, "application/json").body(oversized_json()))
        .await;
    let server_fn = admin
        .send(
            admin
                .request(Method::POST, "/_sfn/requirements/create")
                .header(ACCEPT, "application/json")
                .header(CONTENT_TYPE, "application/json")
                .body(oversized_json()),
        )
        .await;

    rest.expect_error(413, "payload_too_large", None, "3 MiB of JSON to the REST API");
    assert_eq!(server_fn.status, 413, "3 MiB to a server function: {server_fn}");
    assert_eq!(len(&admin.read("/api/v1/departments").await), 4, "nothing was added");
});

both_engines!(a_server_function_answers_a_broken_rule_with_its_own_status, |app| async move {
    let pm = app.login("xiaozhang").await;
    let project_id = pm.demo_project_id().await;
    let body = serde_json::json!({ "project_id": project_id, "input": { "title": "  " } });

    let reply = pm.send(pm.request(Method::POST, "/_sfn/requirements/create").header(ACCEPT, "application/json").json(&body)).await;

    assert_eq!(reply.status, 422, "a requirement without a title breaks a rule: {reply}");
    assert!(reply.text.contains("title"), "the error names the field: {reply}");
});

both_engines!(a_control_character_in_a_body_or_an_address_is_refused_naming_where_before_any_query, |app| async move {
    let visitor = app.client();
    let admin = app.login("admin").await;
    let project_id = admin.demo_project_id().await;

    // Anonymous sign-in with a NUL in the username (PostgreSQL answered 500 to it).
    let sign_in = visitor.post("/api/v1/session", serde_json::json!({"username": "ad\u{0}min", "password": "x"})).await;
    sign_in.expect_error(422, "invalid", Some("username"), "a NUL in the username");

    // A NUL or an escape in text that would be stored (SQLite stored it).
    let department = serde_json::json!({"code": "D", "name_zh": "风控", "name_en": "Risk \u{0}control \u{1b}[31m"});
    admin.post("/api/v1/departments", department).await.expect_error(422, "invalid", Some("name_en"), "control characters in names");
    assert_eq!(len(&admin.read("/api/v1/departments").await), 4, "nothing was added");

    // In an id of the path, and in a query value.
    admin.get(&format!("/api/v1/projects/{project_id}%00")).await.expect_error(400, "bad_request", None, "a NUL in a path id");
    let query = admin.get(&format!("/api/v1/audit?project={project_id}%00")).await;
    query.expect_error(422, "invalid", Some("project"), "a NUL in a query value");

    // The server functions: a form argument and a JSON one.
    let form = visitor
        .send(
            visitor
                .request(Method::POST, "/_sfn/login")
                .header(ACCEPT, "application/json")
                .form(&[("username", "ad\u{0}min"), ("password", "x")]),
        )
        .await;
    assert_eq!(form.status, 422, "a NUL in a server function's form argument: {form}");
    let body = serde_json::json!({ "project_id": project_id, "input": { "title": "付款\u{0}" } });
    let json = admin.send(admin.request(Method::POST, "/_sfn/requirements/create").header(ACCEPT, "application/json").json(&body)).await;
    assert_eq!(json.status, 422, "a NUL in a server function's JSON argument: {json}");
    assert!(json.text.contains("input.title"), "the field is named: {json}");
});

both_engines!(errors_answered_before_a_handler_runs_are_in_the_json_error_format_too, |app| async move {
    let admin = app.login("admin").await;
    let cases = [
        (Method::GET, "/api/v1/projects/%FF", 400, "bad_request", "a path id that is not UTF-8"),
        (Method::PATCH, "/api/v1/me", 405, "method_not_allowed", "a method the path does not have"),
        (Method::GET, "/api/v1/no-such-thing", 404, "not_found", "a path the API does not have"),
    ];
    for (method, path, status, code, why) in cases {
        let reply = admin.send(admin.request(method, path).json(&serde_json::json!({}))).await;

        reply.expect_error(status, code, None, why);
        assert!(reply.header("content-type").is_some_and(|t| t.starts_with("application/json")), "{why}: {reply}");
    }
});

both_engines!(a_sign_in_body_over_16_kib_is_refused_before_it_is_read_whole, |app| async move {
    let visitor = app.client();
    let username = "u".repeat(20 * 1024);
    let form = format!("username={username}&password=x");
    let cases = [
        (
            visitor.request(Method::POST, "/api/v1/session").json(&serde_json::json!({"username": username, "password": "x"})),
            "REST sign-in",
        ),
        (
            visitor
                .request(Method::POST, "/_sfn/login")
                .header(ACCEPT, "application/json")
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(form),
            "the sign-in server function",
        ),
    ];
    for (request, why) in cases {
        let reply = visitor.send(request).await;

        assert_eq!(reply.status, 413, "{why}: {reply}");
    }
    visitor.sign_in("xiaozhang", DEMO_PASSWORD).await.expect(200, "a sign-in of ordinary size");
});
