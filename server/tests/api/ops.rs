//! Operations and the web pages: health check, OpenAPI document, unknown addresses, server-rendered
//! pages, and the one-time first-administrator set-up on an empty installation.

use crate::helpers::*;
use reqwest::header::{ACCEPT, ORIGIN};
use reqwest::Method;
use serde_json::json;

both_engines!(healthz_reports_ok_and_the_database_engine, |app| async move {
    let client = app.bare_client();

    let reply = client.get("/healthz").await;

    let health = reply.expect(200, "GET /healthz without signing in");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"], app.engine.health_name());
});

both_engines!(the_openapi_document_describes_the_api, |app| async move {
    let client = app.bare_client();

    let reply = client.get("/api/v1/openapi.json").await;

    let document = reply.expect(200, "GET /api/v1/openapi.json");
    assert!(document["openapi"].as_str().is_some_and(|v| v.starts_with('3')), "OpenAPI 3: {}", document["openapi"]);
    let paths = document["paths"].as_object().expect("a paths object");
    for path in [
        "/api/v1/session",
        "/api/v1/me",
        "/api/v1/me/password",
        "/api/v1/tokens",
        "/api/v1/tokens/{id}",
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/api/v1/departments",
        "/api/v1/departments/{id}",
        "/api/v1/projects",
        "/api/v1/projects/{id}",
        "/api/v1/projects/{id}/stakeholders",
        "/api/v1/projects/{id}/stakeholders/{department_id}",
        "/api/v1/projects/{id}/links",
    ] {
        assert!(paths.contains_key(path), "the document lists {path}");
    }
    assert!(paths["/api/v1/projects/{id}/stakeholders"].get("post").is_some(), "adding a stakeholder is documented");
});

both_engines!(an_unknown_api_path_is_a_json_404, |app| async move {
    let anonymous = app.client();
    let signed_in = app.login("xiaoli").await;
    for (client, who) in [(&anonymous, "not signed in"), (&signed_in, "signed in")] {
        let reply = client.get("/api/v1/nothing").await;

        reply.expect_error(404, "not_found", None, &format!("GET /api/v1/nothing, {who}"));
        assert!(reply.header("content-type").is_some_and(|v| v.starts_with("application/json")), "{who}: {:?}", reply.headers);
    }
});

both_engines!(a_wrong_method_on_an_api_route_is_refused, |app| async move {
    let client = app.login("xiaoli").await;

    let reply = client.send(client.request(Method::PUT, "/api/v1/projects")).await;

    assert_eq!(reply.status, 405, "{reply}");
});

// ---------------------------------------------------------------- pages

both_engines!(the_home_page_sends_visitors_to_the_login_page, |app| async move {
    let visitor = app.client();

    let reply = visitor.page("/").await;

    assert_eq!(reply.status, 302, "{reply}");
    assert_eq!(reply.header("location"), Some("/login"));
});

both_engines!(the_login_page_lists_the_demo_accounts_in_demo_mode, |app| async move {
    let visitor = app.client();

    let reply = visitor.page("/login").await;

    assert_eq!(reply.status, 200, "{reply}");
    assert!(reply.header("content-type").is_some_and(|v| v.starts_with("text/html")), "{:?}", reply.headers);
    for expected in ["<form", "name=\"username\"", "xiaozhang", "xiaolan", DEMO_PASSWORD] {
        assert!(reply.text.contains(expected), "the login page shows {expected:?}");
    }
});

both_engines!(a_signed_in_person_is_sent_from_the_login_page_to_the_projects, |app| async move {
    let client = app.login("xiaoli").await;

    let login = client.page("/login").await;
    let home = client.page("/").await;

    assert_eq!(login.status, 302, "{login}");
    assert_eq!(login.header("location"), Some("/"));
    assert_eq!(home.status, 200, "{home}");
    assert!(home.text.contains(DEMO_PROJECT), "the project list shows the demo project");
});

both_engines!(an_unknown_page_is_a_404_page, |app| async move {
    let visitor = app.client();
    let signed_in = app.login("xiaoli").await;
    for (client, who) in [(&visitor, "a visitor"), (&signed_in, "signed in")] {
        let reply = client.page("/no-such-page").await;

        assert_eq!(reply.status, 404, "{who}: {reply}");
        assert!(reply.text.contains("<html"), "{who}: a page, not an empty body");
    }
});

both_engines!(a_signed_in_project_page_shows_the_stakeholder_map, |app| async move {
    let client = app.login("xiaoli").await;
    let id = client.demo_project_id().await;

    let reply = client.page(&format!("/projects/{id}")).await;

    assert_eq!(reply.status, 200, "{reply}");
    let html = &reply.text;
    assert!(html.contains("<svg"), "the stakeholder map is drawn");
    assert!(html.contains("付款前须审批"), "the project's name is shown");
    for name in ["Order payment", "Order approval", "Order info"] {
        assert!(html.contains(name), "the page names department {name:?} (English: Accept-Language en)");
    }
});

both_engines!(a_restricted_project_page_is_not_found_for_outsiders, |app| async move {
    let owner = app.login("xiaozhang").await;
    let department_a = owner.department_id("A").await;
    let project = owner.create_project(new_project("Confidential pricing", &department_a, "restricted")).await;
    let path = format!("/projects/{}", project["id"].as_str().unwrap());
    let outsider = app.login("xiaoming").await;

    let refused = outsider.page(&path).await;
    let allowed = owner.page(&path).await;

    assert_eq!(refused.status, 404, "{refused}");
    assert!(!refused.text.contains("Confidential pricing"), "the name does not leak");
    assert_eq!(allowed.status, 200, "{allowed}");
    assert!(allowed.text.contains("Confidential pricing"));
});

both_engines!(project_pages_send_visitors_to_the_login_page, |app| async move {
    let id = app.login("xiaoli").await.demo_project_id().await;
    let visitor = app.client();

    let reply = visitor.page(&format!("/projects/{id}")).await;

    assert_eq!(reply.status, 302, "{reply}");
    let expected = format!("/login?next=/projects/{id}");
    assert_eq!(reply.header("location"), Some(expected.as_str()), "the sign-in page is told where to return");
    assert!(!reply.text.contains("付款前须审批"), "nothing of the project leaks");
});

both_engines!(a_deep_link_keeps_its_query_through_the_sign_in_page, |app| async move {
    let visitor = app.client();

    let reply = visitor.page("/requirements/r1/diff?from=1&to=2").await;

    assert_eq!(reply.status, 302, "{reply}");
    assert_eq!(reply.header("location"), Some("/login?next=/requirements/r1/diff%3Ffrom%3D1%26to%3D2"));
});

both_engines!(signing_in_from_a_deep_link_lands_on_the_page_it_points_to, |app| async move {
    let client = app.login("xiaoli").await;

    let inbox = client.page("/login?next=/inbox").await;
    let with_query = client.page("/login?next=/requirements/r1/diff%3Ffrom%3D1%26to%3D2").await;

    assert_eq!(inbox.status, 302, "{inbox}");
    assert_eq!(inbox.header("location"), Some("/inbox"));
    assert_eq!(with_query.header("location"), Some("/requirements/r1/diff?from=1&to=2"));
});

both_engines!(a_return_address_off_this_site_is_never_followed, |app| async move {
    let client = app.login("xiaoli").await;

    for next in ["//evil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example", "%2F%09%2Fevil.example", "/login"] {
        let reply = client.page(&format!("/login?next={next}")).await;
        assert_eq!(reply.status, 302, "{next}: {reply}");
        assert_eq!(reply.header("location"), Some("/"), "{next} is not followed");
    }
});

// ---------------------------------------------------------------- first administrator

fn setup_form(username: &str) -> [(&'static str, String); 6] {
    [
        ("username", username.to_string()),
        ("display_name", "First Admin".to_string()),
        ("password", "first admin password".to_string()),
        ("department_code", "ops".to_string()),
        ("department_name_zh", "运维".to_string()),
        ("department_name_en", "Operations".to_string()),
    ]
}

both_engines!(an_empty_installation_needs_set_up_and_sends_visitors_there, without_demo, |app| async move {
    let visitor = app.client();

    let needs_setup = app::accounts::service::needs_setup(&app.state).await.expect("asking whether set-up is needed");
    let home = visitor.page("/").await;
    let login = visitor.page("/login").await;

    assert!(needs_setup, "no administrator exists yet");
    assert_eq!(home.status, 302, "{home}");
    assert_eq!(home.header("location"), Some("/setup"));
    assert_eq!(login.status, 302, "{login}");
    assert_eq!(login.header("location"), Some("/setup"));
    let setup = visitor.page("/setup").await;
    assert_eq!(setup.status, 200, "{setup}");
    assert!(setup.text.contains("name=\"department_code\""), "the set-up form is shown");
});

both_engines!(the_first_administrator_is_set_up_once, without_demo, |app| async move {
    // Arrange
    let browser = app.client();

    // Act
    let first = browser
        .send(browser.request(Method::POST, "/_sfn/setup").header(ACCEPT, "application/json").form(&setup_form("chief.admin")))
        .await;

    // Assert
    assert_eq!(first.status, 200, "the first set-up: {first}");
    assert_eq!(first.json["username"], "chief.admin");
    assert_eq!(first.json["is_admin"], true);
    assert!(!app::accounts::service::needs_setup(&app.state).await.unwrap(), "set-up is done");
    let me = browser.read("/api/v1/me").await;
    assert_eq!(me["username"], "chief.admin", "the set-up signs the administrator in");
    assert_eq!(me["role"], "leader");
    let departments = browser.read("/api/v1/departments").await;
    assert_eq!(len(&departments), 1);
    assert_eq!(departments[0]["code"], "OPS");
    assert_eq!(departments[0]["name_en"], "Operations");

    // A second attempt, signed in or not, is refused and changes nothing.
    for (client, who) in [(&browser, "the signed-in administrator"), (&app.client(), "a visitor")] {
        let again =
            client.send(client.request(Method::POST, "/_sfn/setup").header(ACCEPT, "application/json").form(&setup_form("intruder"))).await;

        assert!(!(200..300).contains(&again.status), "{who}: a second set-up must be refused: {again}");
        assert!(again.text.contains("Conflict"), "{who}: refused because an administrator exists: {again}");
    }
    let people = browser.read("/api/v1/users").await;
    assert_eq!(len(&people), 1, "only the first administrator exists: {people}");
    app.client().sign_in("intruder", "first admin password").await.expect_error(401, "bad_credentials", None, "the refused account");
    app.login_with("chief.admin", "first admin password").await;

    // The set-up page is gone, and outside demo mode the login page lists no accounts.
    let visitor = app.client();
    let setup_page = visitor.page("/setup").await;
    assert_eq!(setup_page.status, 302, "{setup_page}");
    assert_eq!(setup_page.header("location"), Some("/"));
    let login_page = visitor.page("/login").await;
    assert_eq!(login_page.status, 200, "{login_page}");
    assert!(login_page.text.contains("name=\"username\""), "the login form is shown");
    assert!(!login_page.text.contains("chief.admin") && !login_page.text.contains(DEMO_PASSWORD), "no accounts are listed");
});

both_engines!(a_cross_site_set_up_is_refused_once_signed_in, without_demo, |app| async move {
    // Set-up happens without a session (so Origin is not required), but any later cookie-borne
    // server-function call must come from our pages.
    let browser = app.client();
    browser.send(browser.request(Method::POST, "/_sfn/setup").form(&setup_form("chief.admin"))).await.expect(200, "the set-up");

    let reply = browser
        .send(browser.request(Method::POST, "/_sfn/setup").header(ORIGIN, "http://evil.example").form(&setup_form("intruder")))
        .await;

    reply.expect_error(403, "csrf_rejected", None, "a cookie-borne server function call from another site");
});

both_engines!(invalid_set_up_forms_are_refused_and_write_nothing, without_demo, |app| async move {
    let cases = [
        ("username", "x", "one-letter username"),
        ("password", "short", "short password"),
        ("department_code", "A-B", "bad department code"),
    ];
    for (field, value, why) in cases {
        let browser = app.client();
        let mut form = setup_form("chief.admin");
        for entry in form.iter_mut() {
            if entry.0 == field {
                entry.1 = value.to_string();
            }
        }

        let reply = browser.send(browser.request(Method::POST, "/_sfn/setup").header(ACCEPT, "application/json").form(&form)).await;

        assert!(!(200..300).contains(&reply.status), "{why}: refused: {reply}");
        assert!(app::accounts::service::needs_setup(&app.state).await.unwrap(), "{why}: still no administrator");
    }
    let done = app.client();
    done.send(done.request(Method::POST, "/_sfn/setup").form(&setup_form("chief.admin"))).await.expect(200, "a valid set-up afterwards");
});

both_engines!(the_set_up_administrator_can_start_working_through_the_api, without_demo, |app| async move {
    // The REST API works on an installation set up through the form (no demo data).
    let browser = app.client();
    browser.send(browser.request(Method::POST, "/_sfn/setup").form(&setup_form("chief.admin"))).await.expect(200, "the set-up");
    let department = browser.read("/api/v1/departments").await[0]["id"].as_str().unwrap().to_string();

    let reply = browser.post("/api/v1/projects", new_project("First project", &department, "restricted")).await;

    assert_eq!(reply.expect(201, "the first admin creating a project")["name"], "First project");
    assert_eq!(len(&browser.read("/api/v1/projects").await), 1);
    assert_eq!(json!(app.engine.health_name()), app.bare_client().read("/healthz").await["database"]);
});

both_engines!(every_response_carries_the_security_headers_and_private_answers_are_never_stored, |app| async move {
    let pm = app.login("xiaozhang").await;
    let answers = [
        (pm.get("/api/v1/me").await, "an API answer"),
        (pm.page("/").await, "a signed-in page"),
        (app.client().post("/api/v1/session", serde_json::json!({"username": "nobody", "password": "x"})).await, "an error"),
        (app.client().get("/healthz").await, "the health check"),
    ];
    for (reply, what) in answers {
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{what}");
        assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{what}");
        assert_eq!(reply.header("content-security-policy"), Some("frame-ancestors 'none'"), "{what}");
        assert_eq!(reply.header("referrer-policy"), Some("same-origin"), "{what}");
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{what}");
    }
});

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    run(Engine::Sqlite, true, |app| async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        // Arrange: a connection that starts a request and then sends nothing more.
        let mut stream = tokio::net::TcpStream::connect(app.address).await.expect("connecting");
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: concord\r\n").await.expect("writing half the headers");

        // Act: wait for the server to give up (the header-read timeout is 10 s).
        let mut answer = Vec::new();
        let read = tokio::time::timeout(
            concord_server::serving::HEADER_READ_TIMEOUT + std::time::Duration::from_secs(10),
            stream.read_to_end(&mut answer),
        )
        .await;

        // Assert: the server closed the connection (with or without a 408) rather than wait on.
        assert!(read.is_ok(), "the connection was still open {:?} after the headers began", concord_server::serving::HEADER_READ_TIMEOUT);
        let text = String::from_utf8_lossy(&answer);
        assert!(text.is_empty() || text.starts_with("HTTP/1.1 408"), "{text}");
    })
    .await;
}
