//! Personal access tokens: created by a person for their scripts, used as `Authorization: Bearer`,
//! listed without their secret, revoked for good.

use crate::helpers::*;
use reqwest::Method;
use serde_json::json;

both_engines!(a_token_authenticates_as_its_owner_until_it_is_revoked, |app| async move {
    // Arrange
    let owner = app.login("xiaozhang").await;
    let created = owner.post("/api/v1/tokens", json!({"name": "  nightly report  "})).await;
    let created = created.expect(201, "creating a token").clone();
    let secret = created["token"].as_str().expect("the secret").to_string();
    let token_id = created["id"].as_str().expect("an id").to_string();
    assert_eq!(created["name"], "nightly report", "the name is trimmed");
    assert!(secret.starts_with("cct_") && secret.len() > 40, "{secret}");
    let script = app.token_client(&secret);

    // Act
    let me = script.get("/api/v1/me").await;
    let projects = script.get("/api/v1/projects").await;

    // Assert
    assert_eq!(me.expect(200, "GET /me with the token")["username"], "xiaozhang");
    assert!(has(projects.expect(200, "GET /projects with the token"), "name", DEMO_PROJECT));
    let listed = owner.read("/api/v1/tokens").await;
    let entry = find_by(&listed, "id", &token_id);
    assert_eq!(entry["name"], "nightly report");
    assert!(entry.get("token").is_none(), "the list never carries the secret: {entry}");
    assert!(!listed.to_string().contains(&secret[4..]), "the secret is nowhere in the list");
    assert!(entry["last_used_at"].as_i64().is_some(), "use is recorded: {entry}");
    assert!(entry["revoked_at"].is_null());

    // Revoke, then the token is refused.
    let revoked = owner.delete(&format!("/api/v1/tokens/{token_id}")).await;
    assert_eq!(revoked.status, 204, "{revoked}");
    script.get("/api/v1/me").await.expect_error(401, "unauthorized", None, "a revoked token");
    assert!(find_by(&owner.read("/api/v1/tokens").await, "id", &token_id)["revoked_at"].as_i64().is_some(), "shown as revoked");
    owner.delete(&format!("/api/v1/tokens/{token_id}")).await.expect_error(404, "not_found", None, "revoking it twice");
});

both_engines!(a_token_can_be_revoked_by_naming_it_in_the_body, |app| async move {
    let owner = app.login("xiaolan").await;
    let created = owner.post("/api/v1/tokens", json!({"name": "sync"})).await.expect(201, "creating a token").clone();
    let script = app.token_client(created["token"].as_str().unwrap());
    assert_eq!(script.get("/api/v1/me").await.status, 200);

    let reply = owner.delete_with("/api/v1/tokens", json!({"id": created["id"]})).await;

    assert_eq!(reply.status, 204, "{reply}");
    script.get("/api/v1/me").await.expect_error(401, "unauthorized", None, "a token revoked via the body");
    owner.delete_with("/api/v1/tokens", json!({})).await.expect_error(422, "invalid", None, "a body without an id");
});

both_engines!(a_token_can_revoke_itself_without_origin, |app| async move {
    let owner = app.login("xiaolan").await;
    let created = owner.post("/api/v1/tokens", json!({"name": "self-destruct"})).await.expect(201, "creating a token").clone();
    let script = app.token_client(created["token"].as_str().unwrap());

    let reply = script.delete(&format!("/api/v1/tokens/{}", created["id"].as_str().unwrap())).await;

    assert_eq!(reply.status, 204, "{reply}");
    script.get("/api/v1/me").await.expect_error(401, "unauthorized", None, "the revoked token");
});

both_engines!(nobody_sees_or_revokes_someone_elses_token, |app| async move {
    // Arrange
    let owner = app.login("xiaozhang").await;
    let created = owner.post("/api/v1/tokens", json!({"name": "mine"})).await.expect(201, "creating a token").clone();
    let token_id = created["id"].as_str().unwrap().to_string();
    let other = app.login("admin").await;

    // Act
    let by_path = other.delete(&format!("/api/v1/tokens/{token_id}")).await;
    let by_body = other.delete_with("/api/v1/tokens", json!({"id": token_id})).await;

    // Assert
    by_path.expect_error(404, "not_found", None, "revoking someone else's token (even as an admin)");
    by_body.expect_error(404, "not_found", None, "revoking someone else's token via the body");
    assert_eq!(len(&other.read("/api/v1/tokens").await), 0, "other people's tokens are not listed");
    assert_eq!(app.token_client(created["token"].as_str().unwrap()).read("/api/v1/me").await["username"], "xiaozhang", "still works");
});

both_engines!(a_token_needs_a_valid_name, |app| async move {
    let owner = app.login("xiaozhang").await;
    let cases = [
        (json!({"name": ""}), Some("name"), "empty name"),
        (json!({"name": "n".repeat(121)}), Some("name"), "121-character name"),
        (json!({}), None, "name missing"),
        (json!({"name": 1}), None, "name not a string"),
    ];
    for (body, field, why) in cases {
        let reply = owner.post("/api/v1/tokens", body).await;

        reply.expect_error(422, "invalid", field, why);
        assert_eq!(len(&owner.read("/api/v1/tokens").await), 0, "{why}: no token was created");
    }
});

both_engines!(an_unknown_bearer_token_is_unauthorized_even_with_a_valid_cookie, |app| async move {
    let signed_in = app.login("xiaozhang").await;
    let cases = [("cct_0000", "an unknown token"), ("not-a-token-at-all", "a malformed token")];
    for (token, why) in cases {
        let reply = signed_in.send(signed_in.request(Method::GET, "/api/v1/me").header("authorization", format!("Bearer {token}"))).await;

        reply.expect_error(401, "unauthorized", None, why);
    }
});

both_engines!(a_tokens_use_is_written_down_at_most_once_a_minute, |app| async move {
    // Arrange: a token used once.
    let owner = app.login("xiaozhang").await;
    let created = owner.post("/api/v1/tokens", json!({"name": "busy script"})).await.expect(201, "creating a token").clone();
    let script = app.token_client(created["token"].as_str().expect("the secret"));
    let last_used = || async {
        let stored: Option<i64> = sqlx::query_scalar("select last_used_at from api_tokens where token_id = $1")
            .bind(created["id"].as_str().unwrap())
            .fetch_one(&app.state.db)
            .await
            .expect("reading the token");
        stored.expect("a recorded use")
    };
    script.get("/api/v1/me").await.expect(200, "the first use");
    let first = last_used().await;

    // Act: a burst of uses within the minute, then one after it.
    for _ in 0..5 {
        script.get("/api/v1/me").await.expect(200, "a use in the burst");
    }
    let after_burst = last_used().await;
    sqlx::query("update api_tokens set last_used_at = last_used_at - 61000").execute(&app.state.db).await.expect("ageing the use");
    script.get("/api/v1/me").await.expect(200, "a use a minute later");

    // Assert
    assert_eq!(after_burst, first, "the burst wrote nothing");
    assert!(last_used().await >= first, "a use a minute later is written down");
});
