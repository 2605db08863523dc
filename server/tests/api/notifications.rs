//! The inbox: a mention in a requirement comment reaches the mentioned person (not the writer, not
//! someone who may not read the project), the unread count, marking one or all read, nobody
//! touching another's notifications, sign-in, the `/inbox` page and the header's badge.
//!
//! The demo may seed notifications of its own, so counts are compared with what they were before
//! each act, and notifications are found by what they link to.

use crate::helpers::*;
use reqwest::header::ACCEPT;
use reqwest::Method;
use serde_json::{json, Value};

// ---------------------------------------------------------------- helpers

const INBOX: &str = "/api/v1/notifications";
const UNREAD: &str = "/api/v1/notifications/unread-count";
const READ_ALL: &str = "/api/v1/notifications/read-all";

/// A new requirement "Approval status query" in the demo project, created by its lead PM
/// xiaozhang (who is returned too); its JSON.
async fn requirement(app: &TestApp) -> (Client, Value) {
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    requirement_in(&pm, &project, "Approval status query").await
}

async fn requirement_in(pm: &Client, project_id: &str, title: &str) -> (Client, Value) {
    let department_a = pm.department_id("A").await;
    let body = json!({
        "title": title,
        "change_points": [{"department_id": department_a, "text": "A asks B for the approval status"}],
    });
    (pm.clone(), pm.create_requirement(project_id, body).await)
}

/// Posts a comment on the requirement as `client` (who must be allowed to).
async fn comment(client: &Client, requirement: &Value, body: &str) -> Value {
    let path = format!("/api/v1/requirements/{}/comments", requirement["id"].as_str().expect("a requirement id"));
    client.post(&path, json!({ "body": body })).await.expect(201, "commenting").clone()
}

async fn unread(client: &Client) -> i64 {
    client.read(UNREAD).await["unread"].as_i64().expect("an unread count")
}

/// The client's notifications that open this requirement, newest first.
async fn about(client: &Client, requirement: &Value, query: &str) -> Vec<Value> {
    let link = format!("/requirements/{}", requirement["id"].as_str().expect("a requirement id"));
    let list = client.read(&format!("{INBOX}{query}")).await;
    list.as_array().unwrap_or_else(|| panic!("a list of notifications, got {list}")).iter().filter(|n| n["link"] == link).cloned().collect()
}

fn read_path(notification: &Value) -> String {
    format!("{INBOX}/{}/read", notification["id"].as_str().expect("a notification id"))
}

// ---------------------------------------------------------------- mentions

both_engines!(a_mention_reaches_the_mentioned_persons_inbox_once, |app| async move {
    // Arrange
    let (pm, requirement) = requirement(&app).await;
    let (xiaolan, laowang) = (app.login("xiaolan").await, app.login("laowang").await);
    let (before_xiaolan, before_laowang, before_pm) = (unread(&xiaolan).await, unread(&laowang).await, unread(&pm).await);

    // Act: xiaolan twice in one comment, the writer themself, and someone who does not exist.
    comment(&pm, &requirement, "@xiaolan please confirm the API by Friday; @laowang FYI. @xiaolan! @xiaozhang @nobody").await;

    // Assert
    let mentions = about(&xiaolan, &requirement, "").await;
    assert_eq!(mentions.len(), 1, "one notification however often named: {mentions:?}");
    let n = &mentions[0];
    assert_eq!(n["kind"], "mention");
    assert_eq!(n["subject"], format!("{} Approval status query", requirement["key"].as_str().unwrap()));
    assert_eq!(n["actor_name"], "小张");
    assert_eq!(n["project_id"], requirement["project_id"]);
    assert_eq!(n["read"], false);
    assert!(n["created_at"].as_i64().is_some_and(|t| t > 0), "{n}");
    assert_eq!(unread(&xiaolan).await, before_xiaolan + 1);
    assert_eq!(about(&laowang, &requirement, "").await.len(), 1, "everyone mentioned is told");
    assert_eq!(unread(&laowang).await, before_laowang + 1);
    assert!(about(&pm, &requirement, "").await.is_empty(), "the writer is not told of their own mention");
    assert_eq!(unread(&pm).await, before_pm);
});

both_engines!(each_comment_that_mentions_someone_tells_them_again_newest_first, |app| async move {
    // Arrange
    let (pm, requirement) = requirement(&app).await;
    let (xiaolan, laowang) = (app.login("xiaolan").await, app.login("laowang").await);

    // Act: two comments naming xiaolan, by two people, and one naming nobody.
    comment(&pm, &requirement, "@xiaolan is the API ready?").await;
    comment(&laowang, &requirement, "@xiaolan also the message format, please").await;
    comment(&pm, &requirement, "no mention here").await;

    // Assert
    let mentions = about(&xiaolan, &requirement, "").await;
    let actors: Vec<&str> = mentions.iter().map(|n| n["actor_name"].as_str().unwrap_or_default()).collect();
    assert_eq!(actors, ["老王", "小张"], "one per mentioning comment, newest first");
});

both_engines!(people_who_may_not_read_a_restricted_project_are_not_told_of_its_mentions, |app| async move {
    // Arrange: a restricted project of A only; xiaolan works in B.
    let pm = app.login("xiaozhang").await;
    let department_a = pm.department_id("A").await;
    let body = with(&new_project("Confidential pricing", &department_a, "restricted"), "code", json!("SEC"));
    let project = pm.create_project(body).await;
    let (_, requirement) = requirement_in(&pm, project["id"].as_str().unwrap(), "Secret discount").await;
    let (xiaolan, laowang) = (app.login("xiaolan").await, app.login("laowang").await);
    let before = unread(&xiaolan).await;

    // Act
    comment(&pm, &requirement, "@xiaolan @laowang what do you think?").await;

    // Assert
    assert!(about(&xiaolan, &requirement, "").await.is_empty(), "B's PM may not read the project: told nothing");
    assert_eq!(unread(&xiaolan).await, before);
    let listed = xiaolan.read(INBOX).await;
    assert!(!listed.to_string().contains("Secret discount"), "the title does not leak: {listed}");
    assert_eq!(about(&laowang, &requirement, "").await.len(), 1, "A's architect is told");
});

// ---------------------------------------------------------------- reading

both_engines!(marking_one_read_lowers_the_count_and_keeps_it_listed, |app| async move {
    // Arrange
    let (pm, requirement) = requirement(&app).await;
    comment(&pm, &requirement, "@xiaolan first").await;
    comment(&pm, &requirement, "@xiaolan second").await;
    let xiaolan = app.login("xiaolan").await;
    let before = unread(&xiaolan).await;
    let mentions = about(&xiaolan, &requirement, "").await;
    assert_eq!(mentions.len(), 2);

    // Act
    let marked = xiaolan.post(&read_path(&mentions[0]), json!({})).await;
    let again = xiaolan.post(&read_path(&mentions[0]), json!({})).await;

    // Assert
    assert_eq!(marked.expect(200, "marking one read")["unread"], before - 1, "answers the new count");
    assert_eq!(again.expect(200, "marking it read again")["unread"], before - 1, "again changes nothing");
    assert_eq!(unread(&xiaolan).await, before - 1);
    let listed = about(&xiaolan, &requirement, "").await;
    let states: Vec<(&Value, bool)> = listed.iter().map(|n| (&n["id"], n["read"].as_bool().unwrap())).collect();
    assert_eq!(states, [(&mentions[0]["id"], true), (&mentions[1]["id"], false)], "still listed, now read");
    let unread_only = about(&xiaolan, &requirement, "?unread_only=true").await;
    assert_eq!(unread_only.len(), 1, "unread_only leaves it out");
    assert_eq!(unread_only[0]["id"], mentions[1]["id"]);
    assert_eq!(about(&xiaolan, &requirement, "?unread_only=false").await.len(), 2);
});

both_engines!(read_all_clears_the_count, |app| async move {
    // Arrange
    let (pm, requirement) = requirement(&app).await;
    comment(&pm, &requirement, "@xiaolan one").await;
    comment(&pm, &requirement, "@xiaolan two").await;
    let xiaolan = app.login("xiaolan").await;
    assert!(unread(&xiaolan).await >= 2);
    let laowang = app.login("laowang").await;
    comment(&pm, &requirement, "@laowang yours").await;
    let laowang_before = unread(&laowang).await;

    // Act
    let reply = xiaolan.post(READ_ALL, json!({})).await;

    // Assert
    assert_eq!(reply.expect(200, "marking all read")["unread"], 0);
    assert_eq!(unread(&xiaolan).await, 0);
    assert!(about(&xiaolan, &requirement, "").await.iter().all(|n| n["read"] == true));
    assert_eq!(len(&xiaolan.read(&format!("{INBOX}?unread_only=true")).await), 0);
    assert_eq!(unread(&laowang).await, laowang_before, "only the caller's own are marked");
    assert_eq!(xiaolan.post(READ_ALL, json!({})).await.expect(200, "with nothing unread")["unread"], 0);
});

both_engines!(nobody_marks_or_sees_someone_elses_notifications, |app| async move {
    // Arrange
    let (pm, requirement) = requirement(&app).await;
    comment(&pm, &requirement, "@xiaolan for you only").await;
    let xiaolan = app.login("xiaolan").await;
    let hers = about(&xiaolan, &requirement, "").await.remove(0);
    let laowang = app.login("laowang").await;

    // Act
    let by_another = laowang.post(&read_path(&hers), json!({})).await;
    let by_the_writer = pm.post(&read_path(&hers), json!({})).await;
    let unknown = xiaolan.post(&format!("{INBOX}/no-such-notification/read"), json!({})).await;

    // Assert
    by_another.expect_error(404, "not_found", None, "another person marking hers");
    by_the_writer.expect_error(404, "not_found", None, "the person who caused it marking hers");
    unknown.expect_error(404, "not_found", None, "an unknown id");
    assert_eq!(about(&xiaolan, &requirement, "").await[0]["read"], false, "hers is still unread");
    for other in [&laowang, &pm] {
        assert!(!has(&other.read(INBOX).await, "id", hers["id"].as_str().unwrap()), "nobody else lists it");
    }
});

both_engines!(invalid_list_queries_are_refused_naming_the_parameter, |app| async move {
    let client = app.login("xiaolan").await;
    let cases = [
        ("?limit=0", Some("limit"), "a limit of 0"),
        ("?limit=201", Some("limit"), "a limit above 200"),
        ("?limit=many", None, "a limit that is not a number"),
        ("?unread_only=perhaps", None, "unread_only that is not a boolean"),
        ("?colour=red", None, "an unknown parameter"),
    ];
    for (query, field, why) in cases {
        let reply = client.get(&format!("{INBOX}{query}")).await;

        reply.expect_error(422, "invalid", field, why);
    }
    client.get(&format!("{INBOX}?limit=200&unread_only=true")).await.expect(200, "the largest page");
});

both_engines!(the_inbox_needs_a_sign_in, |app| async move {
    let anonymous = app.client();
    let replies = [
        (anonymous.get(INBOX).await, "GET notifications"),
        (anonymous.get(UNREAD).await, "GET unread-count"),
        (anonymous.post(&format!("{INBOX}/some-id/read"), json!({})).await, "POST read"),
        (anonymous.post(READ_ALL, json!({})).await, "POST read-all"),
    ];
    for (reply, why) in replies {
        reply.expect_error(401, "unauthorized", None, why);
    }
});

// ---------------------------------------------------------------- pages

both_engines!(the_inbox_page_lists_notifications_and_the_header_counts_them, |app| async move {
    // Arrange
    let (pm, requirement) = requirement(&app).await;
    comment(&pm, &requirement, "@xiaolan please look").await;
    let xiaolan = app.login("xiaolan").await;
    let count = unread(&xiaolan).await;

    // Act
    let page = xiaolan.page("/inbox").await;
    let home = xiaolan.page("/").await;

    // Assert
    assert_eq!(page.status, 200, "{page}");
    let key = requirement["key"].as_str().unwrap();
    let html = &page.text;
    assert!(html.contains(&format!("You were mentioned: {key} Approval status query")), "the line says what happened");
    assert!(html.contains(&format!("href=\"/requirements/{}\"", requirement["id"].as_str().unwrap())), "it opens the requirement");
    assert!(html.contains("notification unread"), "unread ones are marked");
    assert!(html.contains("Mark all as read"));
    for html in [&page.text, &home.text] {
        assert!(html.contains(&format!("aria-label=\"Inbox, {count} unread\"")), "the header names the count");
        assert!(html.contains("href=\"/decisions\""), "the header links the decisions list");
    }
});

both_engines!(the_inbox_page_sends_visitors_to_the_login_page, |app| async move {
    let visitor = app.client();

    let reply = visitor.page("/inbox").await;

    assert_eq!(reply.status, 302, "{reply}");
    assert_eq!(reply.header("location"), Some("/login?next=/inbox"));
});

both_engines!(the_header_badge_tells_visitors_nothing_without_an_error, |app| async move {
    let visitor = app.client();
    let signed_in = app.login("xiaolan").await;

    let anonymous = visitor.send(visitor.request(Method::POST, "/_sfn/notifications/badge").header(ACCEPT, "application/json")).await;
    let counted = signed_in.send(signed_in.request(Method::POST, "/_sfn/notifications/badge").header(ACCEPT, "application/json")).await;

    assert_eq!(anonymous.status, 200, "{anonymous}");
    assert_eq!(anonymous.json, Value::Null);
    assert_eq!(counted.status, 200, "{counted}");
    assert_eq!(counted.json.as_i64(), Some(unread(&signed_in).await));
});

both_engines!(the_openapi_document_lists_the_inbox_paths, |app| async move {
    let document = app.bare_client().get("/api/v1/openapi.json").await.expect(200, "GET /api/v1/openapi.json").clone();

    let paths = document["paths"].as_object().expect("a paths object");
    let expected = [
        ("/api/v1/notifications", "get"),
        ("/api/v1/notifications/unread-count", "get"),
        ("/api/v1/notifications/{id}/read", "post"),
        ("/api/v1/notifications/read-all", "post"),
    ];
    for (path, method) in expected {
        assert!(paths.get(path).is_some_and(|item| item.get(method).is_some()), "{method} {path} is documented");
    }
    let parameters = document["paths"]["/api/v1/notifications"]["get"]["parameters"].to_string();
    assert!(parameters.contains("unread_only") && parameters.contains("limit"), "{parameters}");
});
