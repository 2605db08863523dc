//! Signing in and out, one's own password, the same-origin rule for cookie writes, login rate
//! limits, and 401 for everyone not signed in.

use crate::helpers::*;
use reqwest::header::{ORIGIN, REFERER};
use reqwest::Method;
use serde_json::json;

both_engines!(signing_in_returns_the_person_and_a_session_cookie, |app| async move {
    // Arrange
    let client = app.client();

    // Act
    let reply = client.sign_in("xiaozhang", DEMO_PASSWORD).await;

    // Assert
    let user = reply.expect(200, "signing in");
    assert_eq!(user["username"], "xiaozhang");
    assert_eq!(user["display_name"], "小张");
    assert_eq!(user["role"], "pm");
    assert_eq!(user["is_admin"], false);
    let cookie = reply.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(cookie.starts_with("concord_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "the cookie is HttpOnly and SameSite: {cookie}");
    assert!(!cookie.contains("Secure"), "secure_cookies is off: {cookie}");
    let me = client.read("/api/v1/me").await;
    assert_eq!(me["username"], "xiaozhang");
    assert_eq!(me["department_id"], user["department_id"]);
});

both_engines!(usernames_are_matched_without_regard_to_case_or_surrounding_space, |app| async move {
    let client = app.client();

    let reply = client.sign_in("  XiaoZhang ", DEMO_PASSWORD).await;

    assert_eq!(reply.expect(200, "signing in with a differently written username")["username"], "xiaozhang");
});

both_engines!(wrong_or_missing_credentials_are_refused, |app| async move {
    let cases = [
        (json!({"username": "xiaozhang", "password": "not-the-password"}), 401, "bad_credentials", None, "wrong password"),
        (json!({"username": "nobody", "password": DEMO_PASSWORD}), 401, "bad_credentials", None, "unknown user"),
        (json!({"username": "", "password": DEMO_PASSWORD}), 422, "invalid", Some("username"), "empty username"),
        (json!({"username": "   ", "password": DEMO_PASSWORD}), 422, "invalid", Some("username"), "blank username"),
        (json!({"username": "xiaozhang", "password": ""}), 422, "invalid", Some("password"), "empty password"),
        (json!({"username": "xiaozhang"}), 422, "invalid", None, "password missing"),
        (json!({"username": 7, "password": DEMO_PASSWORD}), 422, "invalid", None, "username of the wrong type"),
    ];
    for (body, status, code, field, why) in cases {
        let client = app.client();

        let reply = client.post("/api/v1/session", body).await;

        reply.expect_error(status, code, field, why);
        assert!(reply.set_cookie(SESSION_COOKIE).is_none(), "{why}: no session cookie is set");
        assert_eq!(client.get("/api/v1/me").await.status, 401, "{why}: not signed in afterwards");
    }
});

both_engines!(an_unreadable_login_body_is_a_bad_request, |app| async move {
    let client = app.client();

    let reply = client
        .send(
            client
                .request(Method::POST, "/api/v1/session")
                .header("content-type", "application/json")
                .body("{\"username\": \"xiaozhang\","),
        )
        .await;

    reply.expect_error(400, "bad_request", None, "truncated JSON");
});

both_engines!(signing_in_from_another_site_is_refused, |app| async move {
    let client = app.bare_client();

    let reply = client
        .send(
            client
                .request(Method::POST, "/api/v1/session")
                .header(ORIGIN, "http://evil.example")
                .json(&json!({"username": "xiaozhang", "password": DEMO_PASSWORD})),
        )
        .await;

    reply.expect_error(403, "csrf_rejected", None, "a sign-in posted from another site's page");
    assert!(reply.set_cookie(SESSION_COOKIE).is_none(), "no session is started");
});

both_engines!(signing_out_ends_the_session_on_the_server, |app| async move {
    // Arrange
    let client = app.login("xiaoli").await;
    let old_token = client.session_cookie().expect("a session cookie after signing in");
    let replay = app.bare_client();
    let (cookie, value) = session_header(&old_token);
    assert_eq!(replay.send(replay.request(Method::GET, "/api/v1/me").header(cookie.clone(), value.clone())).await.status, 200);

    // Act
    let reply = client.delete("/api/v1/session").await;

    // Assert
    assert_eq!(reply.status, 204, "{reply}");
    assert_eq!(reply.set_cookie(SESSION_COOKIE).as_deref(), Some(""), "the cookie is cleared");
    client.get("/api/v1/me").await.expect_error(401, "unauthorized", None, "the signed-out client");
    replay.send(replay.request(Method::GET, "/api/v1/me").header(cookie, value)).await.expect_error(
        401,
        "unauthorized",
        None,
        "the old cookie replayed after sign-out",
    );
});

both_engines!(signing_out_without_a_session_is_harmless, |app| async move {
    let client = app.client();

    let reply = client.delete("/api/v1/session").await;

    assert_eq!(reply.status, 204, "{reply}");
});

both_engines!(me_describes_the_signed_in_person, |app| async move {
    let admin = app.login("admin").await;

    let me = admin.read("/api/v1/me").await;

    assert_eq!(me["username"], "admin");
    assert_eq!(me["is_admin"], true);
    assert_eq!(me["role"], "engineer");
    assert_eq!(me["department_id"], admin.department_id("IT").await);
    assert!(me.get("password_hash").is_none(), "{me}");
});

both_engines!(changing_ones_password_signs_out_other_sessions, |app| async move {
    // Arrange
    let here = app.login("xiaolan").await;
    let elsewhere = app.login("xiaolan").await;
    let new_password = "a much better passphrase";

    // Act
    let reply = here.post("/api/v1/me/password", json!({"current_password": DEMO_PASSWORD, "new_password": new_password})).await;

    // Assert
    assert_eq!(reply.status, 204, "{reply}");
    assert!(reply.set_cookie(SESSION_COOKIE).is_some_and(|v| !v.is_empty()), "a fresh session cookie is set");
    assert_eq!(here.read("/api/v1/me").await["username"], "xiaolan", "the session that changed it carries on");
    elsewhere.get("/api/v1/me").await.expect_error(401, "unauthorized", None, "the other session");
    app.client().sign_in("xiaolan", DEMO_PASSWORD).await.expect_error(401, "bad_credentials", None, "the old password");
    app.login_with("xiaolan", new_password).await;
});

both_engines!(a_password_change_needs_the_current_password_and_a_long_enough_new_one, |app| async move {
    let client = app.login("xiaozhou").await;
    let cases = [
        (
            json!({"current_password": "wrong password", "new_password": "long enough new"}),
            Some("current_password"),
            "wrong current password",
        ),
        (json!({"current_password": DEMO_PASSWORD, "new_password": "short"}), Some("new_password"), "too short new password"),
        (json!({"current_password": DEMO_PASSWORD, "new_password": ""}), Some("new_password"), "empty new password"),
        (json!({"current_password": DEMO_PASSWORD, "new_password": "x".repeat(201)}), Some("new_password"), "too long new password"),
        (json!({"current_password": DEMO_PASSWORD}), None, "new password missing"),
    ];
    for (body, field, why) in cases {
        let reply = client.post("/api/v1/me/password", body).await;

        reply.expect_error(422, "invalid", field, why);
        assert_eq!(client.get("/api/v1/me").await.status, 200, "{why}: still signed in");
    }
    app.login("xiaozhou").await; // the password did not change
});

both_engines!(a_cookie_write_without_origin_or_referer_is_refused_as_cross_site, |app| async move {
    // Arrange: a signed-in session, replayed by a client that sends no Origin/Referer.
    let signed_in = app.login("admin").await;
    let (cookie, value) = session_header(&signed_in.session_cookie().expect("a session cookie"));
    let bare = app.bare_client();
    let body = json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"});

    // Act
    let reply = bare.send(bare.request(Method::POST, "/api/v1/departments").header(cookie.clone(), value.clone()).json(&body)).await;

    // Assert
    reply.expect_error(403, "csrf_rejected", None, "a cookie POST without Origin");
    assert_eq!(len(&signed_in.read("/api/v1/departments").await), 4, "nothing was created");
    let logout = bare.send(bare.request(Method::DELETE, "/api/v1/session").header(cookie.clone(), value.clone())).await;
    logout.expect_error(403, "csrf_rejected", None, "a cookie DELETE without Origin");
    assert_eq!(bare.send(bare.request(Method::GET, "/api/v1/me").header(cookie, value)).await.status, 200, "reads need no Origin");
});

both_engines!(a_cookie_write_from_a_foreign_origin_is_refused, |app| async move {
    let admin = app.login("admin").await;
    let foreign = [
        (ORIGIN, "http://evil.example".to_string(), "a foreign Origin"),
        (ORIGIN, "http://127.0.0.1:1".to_string(), "our host on another port"),
        (ORIGIN, "null".to_string(), "an opaque Origin"),
    ];
    for (header, value, why) in foreign {
        let body = json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"});

        let reply = admin.send(admin.request(Method::POST, "/api/v1/departments").header(header, value).json(&body)).await;

        reply.expect_error(403, "csrf_rejected", None, why);
    }
    // A foreign Referer counts when there is no Origin.
    let (cookie, value) = session_header(&admin.session_cookie().expect("a session cookie"));
    let bare = app.bare_client();
    let reply = bare
        .send(
            bare.request(Method::POST, "/api/v1/departments")
                .header(cookie, value)
                .header(REFERER, "http://evil.example/page")
                .json(&json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})),
        )
        .await;
    reply.expect_error(403, "csrf_rejected", None, "a foreign Referer");
    assert_eq!(len(&admin.read("/api/v1/departments").await), 4, "nothing was created");
});

both_engines!(a_cookie_write_with_our_own_referer_is_accepted, |app| async move {
    let admin = app.login("admin").await;
    let (cookie, value) = session_header(&admin.session_cookie().expect("a session cookie"));
    let bare = app.bare_client();

    let reply = bare
        .send(
            bare.request(Method::POST, "/api/v1/departments")
                .header(cookie, value)
                .header(REFERER, format!("{}/admin/departments", app.origin()))
                .json(&json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})),
        )
        .await;

    assert_eq!(reply.expect(201, "a cookie POST from our own page")["code"], "D");
});

both_engines!(a_bearer_token_write_needs_no_origin, |app| async move {
    // Arrange
    let admin = app.login("admin").await;
    let token =
        admin.post("/api/v1/tokens", json!({"name": "ci"})).await.expect(201, "creating a token")["token"].as_str().unwrap().to_string();
    let script = app.token_client(&token);

    // Act
    let reply = script.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await;

    // Assert
    assert_eq!(reply.expect(201, "a token POST without Origin")["code"], "D");
    assert!(has(&admin.read("/api/v1/departments").await, "code", "D"));
});

both_engines!(the_sixth_wrong_password_is_rate_limited_and_locks_out_the_right_one_too, |app| async move {
    // Arrange: five failures are answered normally.
    let client = app.client();
    for attempt in 1..=5 {
        client.sign_in("xiaozhang", "wrong password").await.expect_error(401, "bad_credentials", None, &format!("failure {attempt}"));
    }

    // Act
    let sixth = client.sign_in("xiaozhang", "wrong password").await;
    let right = client.sign_in("xiaozhang", DEMO_PASSWORD).await;

    // Assert
    sixth.expect_error(429, "rate_limited", None, "the sixth attempt");
    let retry_after: u64 = sixth.header("retry-after").expect("a Retry-After header").parse().expect("Retry-After in seconds");
    assert!((1..=900).contains(&retry_after), "retry after {retry_after}s");
    right.expect_error(429, "rate_limited", None, "the right password while locked");
    assert!(right.header("retry-after").is_some());
    assert_eq!(client.get("/api/v1/me").await.status, 401, "not signed in");
    app.login("xiaolan").await; // another account is not locked
});

both_engines!(one_address_is_rate_limited_after_thirty_attempts, |app| async move {
    // Arrange: thirty attempts for thirty different accounts (none locked on its own).
    let client = app.client();
    for i in 0..30 {
        client.sign_in(&format!("guess{i}"), "whatever password").await.expect_error(401, "bad_credentials", None, &format!("attempt {i}"));
    }

    // Act
    let reply = client.sign_in("xiaozhang", DEMO_PASSWORD).await;

    // Assert
    reply.expect_error(429, "rate_limited", None, "the 31st attempt from one address");
    assert!(reply.header("retry-after").is_some_and(|v| v.parse::<u64>().is_ok()), "{:?}", reply.headers);
});

both_engines!(every_api_route_in_the_document_needs_a_sign_in_except_signing_in_and_calendar_feeds, |app| async move {
    // Arrange: every operation the served document lists, so a new route is covered the day it
    // is added; ids that exist nowhere (the sign-in check comes before any lookup).
    let client = app.client();
    let document = client.read("/api/v1/openapi.json").await;
    let public = [("post", "/api/v1/session"), ("delete", "/api/v1/session"), ("get", "/api/v1/calendar-feeds/{token}")];
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("a path item").keys() {
            if public.contains(&(method.as_str(), path.as_str())) {
                continue;
            }
            let concrete = path.replace("{year}", "2027").replace("{department_id}", "0190aaaa-0000-7000-8000-000000000001");
            let concrete = with_every_parameter(&concrete, "0190aaaa-0000-7000-8000-000000000000");
            let why = format!("{method} {path}");

            // Act
            let request = client.request(method.to_uppercase().parse().expect("a method"), &concrete).json(&json!({}));
            let reply = client.send(request).await;

            // Assert
            reply.expect_error(401, "unauthorized", None, &why);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} operations were checked");
});

/// `path` with every remaining `{parameter}` replaced by `value`.
fn with_every_parameter(path: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str(value);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

both_engines!(a_stale_session_cookie_is_simply_not_signed_in, |app| async move {
    let bare = app.bare_client();
    let (cookie, value) = session_header("0000000000000000000000000000000000000000000000000000000000000000");

    let reply = bare.send(bare.request(Method::GET, "/api/v1/me").header(cookie, value)).await;

    reply.expect_error(401, "unauthorized", None, "an unknown session cookie");
});

both_engines!(an_expired_session_is_not_signed_in, |app| async move {
    // Arrange: a session whose expiry has passed (set directly in the database: 14 days are long).
    let client = app.login("xiaoli").await;
    assert_eq!(client.get("/api/v1/me").await.status, 200);
    let expired = sqlx::query("update sessions set expires_at = $1").bind(app::db::now_ms() - 1).execute(&app.state.db).await;
    assert!(expired.is_ok_and(|r| r.rows_affected() == 1), "expiring the one session");

    // Act
    let reply = client.get("/api/v1/me").await;

    // Assert
    reply.expect_error(401, "unauthorized", None, "an expired session");
});

both_engines!(a_session_unused_for_longer_than_the_idle_timeout_is_signed_out, |app| async move {
    // Arrange: two browsers, one last used 29 minutes ago, the other 31 (the default timeout is 30).
    let (recent, idle) = (app.login("xiaoli").await, app.login("xiaozhang").await);
    let now = app::db::now_ms();
    for (username, minutes) in [("xiaoli", 29), ("xiaozhang", 31)] {
        sqlx::query("update sessions set last_seen_at = $1 where user_id = (select user_id from users where username = $2)")
            .bind(now - minutes * 60_000)
            .bind(username)
            .execute(&app.state.db)
            .await
            .expect("ageing a session");
    }

    // Act
    let (recent_reply, idle_reply) = (recent.get("/api/v1/me").await, idle.get("/api/v1/me").await);

    // Assert
    recent_reply.expect(200, "a session used 29 minutes ago");
    idle_reply.expect_error(401, "unauthorized", None, "a session idle for 31 minutes");
    // Using a session moves its idle end on (the use is written down at most once a minute).
    let seen: i64 =
        sqlx::query_scalar("select last_seen_at from sessions where user_id = (select user_id from users where username = 'xiaoli')")
            .fetch_one(&app.state.db)
            .await
            .expect("reading the session");
    assert!(seen >= now, "the recent session's use was recorded");
});

both_engines!(signing_in_again_in_a_browser_ends_its_previous_session, |app| async move {
    // Arrange
    let browser = app.login("xiaoli").await;
    let first = browser.session_cookie().expect("a first session");

    // Act: the same browser (its cookie sent along) signs in again.
    browser.sign_in("xiaoli", DEMO_PASSWORD).await.expect(200, "signing in again");

    // Assert
    let second = browser.session_cookie().expect("a second session");
    assert_ne!(first, second);
    let bare = app.bare_client();
    let (name, value) = session_header(&first);
    bare.send(bare.request(Method::GET, "/api/v1/me").header(name, value)).await.expect_error(
        401,
        "unauthorized",
        None,
        "the replaced session",
    );
    browser.get("/api/v1/me").await.expect(200, "the new session");
});

#[tokio::test]
async fn over_https_the_session_cookie_is_host_only_and_browsers_are_told_to_keep_to_https() {
    let runtime = app::state::RuntimeConfig { demo: true, secure_cookies: true, ..Default::default() };
    run_with(Engine::Sqlite, runtime, |app| async move {
        // Act
        let reply = app.bare_client().sign_in("xiaoli", DEMO_PASSWORD).await;

        // Assert
        reply.expect(200, "signing in");
        let cookie = reply.header("set-cookie").expect("a session cookie").to_string();
        assert!(cookie.starts_with("__Host-concord_session="), "{cookie}");
        assert!(cookie.contains("; Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), "{cookie}");
        assert_eq!(reply.header("strict-transport-security"), Some("max-age=31536000; includeSubDomains"));
    })
    .await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_failed_sign_ins_are_counted_per_the_address_it_names() {
    let runtime = app::state::RuntimeConfig { demo: true, client_address_header: Some("x-forwarded-for".into()), ..Default::default() };
    run_with(Engine::Sqlite, runtime, |app| async move {
        // Arrange: thirty failures from one office behind the proxy (each for its own account).
        let client = app.client();
        let attempt = |address: &str, i: usize| {
            let request = client.request(Method::POST, "/api/v1/session").header("x-forwarded-for", format!("203.0.113.9, {address}"));
            request.json(&json!({"username": format!("guess{i}"), "password": "whatever password"}))
        };
        for i in 0..30 {
            client.send(attempt("198.51.100.7", i)).await.expect_error(401, "bad_credentials", None, &format!("failure {i}"));
        }

        // Act
        let thirty_first = client.send(attempt("198.51.100.7", 30)).await;
        let elsewhere = client.send(attempt("198.51.100.8", 31)).await;

        // Assert: the office is slowed down, another address (the same proxy's) is not.
        thirty_first.expect_error(429, "rate_limited", None, "the 31st failure from the office");
        elsewhere.expect_error(401, "bad_credentials", None, "a failure from another address behind the same proxy");
    })
    .await;
}
