//! Requirements: create and read, edits as immutable revisions (no lost update), the diff between
//! revisions, the status workflow and late changes, comments, who may do what, sanitised Markdown,
//! and the project's list (filters, search, sort, pages).

use crate::helpers::*;
use reqwest::Method;
use serde_json::{json, Value};
use std::time::Duration;

// ---------------------------------------------------------------- helpers

/// The demo project as its lead PM sees it, with the departments' ids.
struct Demo {
    /// xiaozhang, PM of A (the lead department).
    pm: Client,
    project: String,
    a: String,
    b: String,
    c: String,
}

async fn demo(app: &TestApp) -> Demo {
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let (a, b, c) = (pm.department_id("A").await, pm.department_id("B").await, pm.department_id("C").await);
    Demo { pm, project, a, b, c }
}

/// Like [`demo`] but on a new, empty project "Approval workflow" (code `APR`) with the demo's
/// stakeholders (A leads, B and C collaborate): for tests that count what a list holds, without
/// the demo's seeded PAY-1.
async fn empty_project(app: &TestApp) -> Demo {
    let mut d = demo(app).await;
    let body = with(&new_project("Approval workflow", &d.a, "internal"), "code", json!("APR"));
    d.project = d.pm.create_project(body).await["id"].as_str().expect("a project id").to_string();
    let stakeholders = format!("/api/v1/projects/{}/stakeholders", d.project);
    for department in [&d.b, &d.c] {
        let reply = d.pm.post(&stakeholders, json!({"department_id": department, "role": "collaborator"})).await;
        reply.expect(201, "adding a stakeholder");
    }
    d
}

/// How many requirements a project's list holds.
async fn total(client: &Client, project_id: &str) -> i64 {
    client.read(&requirements_path(project_id)).await["total"].as_i64().expect("a total")
}

/// A valid new requirement: two scenarios and one change point for `department_id`.
fn new_requirement(title: &str, department_id: &str) -> Value {
    json!({
        "title": title,
        "background": "## 客户视角\n客户的付款账单须经管理层审批。",
        "goal": "No order is charged before its approval.",
        "priority": "high",
        "scenarios": [
            {"name": "approved before the first query", "given": "an order awaiting approval", "when": "B approves it", "then": "A charges it"},
            {"name": "auto-approved", "notes": "small orders are approved by the system"},
        ],
        "change_points": [{"department_id": department_id, "text": "B offers an approval-status API"}],
        "summary": "first draft",
    })
}

/// `/api/v1/requirements/{id}` of a requirement's JSON.
fn path_of(requirement: &Value) -> String {
    format!("/api/v1/requirements/{}", requirement["id"].as_str().expect("a requirement id"))
}

/// Creates a requirement as `client` (who must be allowed to) and returns its JSON.
async fn create(client: &Client, project_id: &str, body: Value) -> Value {
    client.create_requirement(project_id, body).await
}

/// Edits a requirement (which must succeed) and returns the new detail.
async fn edit(client: &Client, requirement: &Value, patch: Value) -> Value {
    let reply = client.patch(&path_of(requirement), patch).await;
    reply.expect(200, "editing a requirement").clone()
}

/// Moves a requirement to `to` (which must be allowed) and returns the new detail.
async fn move_to(client: &Client, requirement: &Value, to: &str, reason: &str) -> Value {
    let revision = client.read(&path_of(requirement)).await["version"].clone();
    let reply =
        client.post(&format!("{}/transitions", path_of(requirement)), json!({"to": to, "reason": reason, "revision": revision})).await;
    reply.expect(200, &format!("moving to {to}")).clone()
}

/// A project other than the demo one, led by A only (so B and C are not stakeholders).
async fn a_only_project(pm: &Client, name: &str, code: &str, visibility: &str) -> String {
    let department_a = pm.department_id("A").await;
    let project = pm.create_project(with(&new_project(name, &department_a, visibility), "code", json!(code))).await;
    project["id"].as_str().expect("a project id").to_string()
}

/// The `(id, kind)` pairs of a diff's item list.
fn item_kinds(items: &Value) -> Vec<(String, String)> {
    items
        .as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {items}"))
        .iter()
        .map(|i| (i["id"].as_str().unwrap_or_default().to_string(), i["kind"].as_str().unwrap_or_default().to_string()))
        .collect()
}

/// The text of a field change's segments of one kind (`equal`, `insert`, `delete`), joined.
fn segment_text(change: &Value, kind: &str) -> String {
    change["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter(|s| s["kind"] == kind)
        .map(|s| s["text"].as_str().unwrap_or_default())
        .collect()
}

/// The keys of a list page's items, in order.
fn keys(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap_or_else(|| panic!("a page, got {page}"))
        .iter()
        .map(|i| i["key"].as_str().unwrap_or_default().to_string())
        .collect()
}

// ---------------------------------------------------------------- creating and reading

both_engines!(a_pm_creates_requirements_numbered_within_the_project, |app| async move {
    // Arrange: the demo seeds PAY-1.
    let d = demo(&app).await;
    let me = d.pm.read("/api/v1/me").await;
    assert_eq!(keys(&d.pm.read(&requirements_path(&d.project)).await), strings(&["PAY-1"]), "the demo's requirement");

    // Act
    let first = d.pm.post(&requirements_path(&d.project), new_requirement("  Approval status query  ", &d.b)).await;
    let second = d.pm.post(&requirements_path(&d.project), new_requirement("Approval message", &d.b)).await;

    // Assert
    assert_eq!(first.header("etag"), Some("\"1\""), "the ETag is the version");
    let first = first.expect(201, "creating the first requirement").clone();
    let second = second.expect(201, "creating the second requirement").clone();
    assert_eq!(first["key"], "PAY-2", "numbers continue after the demo's PAY-1");
    assert_eq!(second["key"], "PAY-3");
    assert_eq!(first["project_id"], d.project.as_str());
    assert_eq!(first["status"], "draft");
    assert_eq!(first["version"], 1);
    assert_eq!(first["late_changes"], 0);
    assert_eq!(first["created_by"], me["id"]);
    assert_eq!(first["transitions"], json!([]));
    let content = &first["content"];
    assert_eq!(content["title"], "Approval status query", "the title is trimmed");
    assert_eq!(content["priority"], "high");
    assert_eq!(content["owner_id"], me["id"], "the creator owns it by default");
    assert_eq!(first["owner_name"], "小张");
    let scenario_ids: Vec<&str> = content["scenarios"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(scenario_ids, ["S1", "S2"]);
    assert_eq!(content["scenarios"][0]["then"], "A charges it");
    assert_eq!(content["change_points"][0]["id"], "C1");
    assert_eq!(content["change_points"][0]["department_id"], d.b.as_str());
    assert!(first["background_html"].as_str().unwrap().contains("<h2>客户视角</h2>"), "Markdown is rendered: {}", first["background_html"]);
    assert_eq!(first["can_edit"], true);
    assert_eq!(first["can_comment"], true);
    assert_eq!(first["next_statuses"], json!(["in_review", "cancelled"]));
    let read = d.pm.get(&path_of(&first)).await;
    assert_eq!(read.header("etag"), Some("\"1\""));
    assert_eq!(read.expect(200, "reading it back"), &first);
    let revisions = d.pm.read(&format!("{}/revisions", path_of(&first))).await;
    assert_eq!(len(&revisions), 1);
    assert_eq!(revisions[0]["summary"], "first draft");
    assert_eq!(keys(&d.pm.read(&requirements_path(&d.project)).await), strings(&["PAY-3", "PAY-2", "PAY-1"]));
});

both_engines!(each_project_numbers_its_requirements_from_1, |app| async move {
    let d = empty_project(&app).await;

    let first = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let second = create(&d.pm, &d.project, new_requirement("Approval message", &d.b)).await;

    assert_eq!(first["key"], "APR-1");
    assert_eq!(second["key"], "APR-2");
});

both_engines!(the_demo_requirement_shows_its_late_scenario_in_the_diff, |app| async move {
    let d = demo(&app).await;
    let pay1 = find_by(&d.pm.read(&requirements_path(&d.project)).await["items"], "key", "PAY-1").clone();
    let path = path_of(&pay1);

    let detail = d.pm.read(&path).await;
    let diff = d.pm.read(&format!("{path}/diff?from=1&to=2")).await;

    assert_eq!(detail["status"], "in_development");
    assert_eq!((detail["version"].as_i64(), detail["late_changes"].as_i64()), (Some(2), Some(1)));
    assert_eq!(len(&detail["transitions"]), 3);
    let revisions = d.pm.read(&format!("{path}/revisions")).await;
    assert_eq!(revisions[0]["is_late"], true);
    assert_eq!(revisions[1]["is_late"], false);
    assert_eq!(item_kinds(&diff["diff"]["scenarios"]), [("S3".to_string(), "added".to_string())]);
    assert_eq!(item_kinds(&diff["diff"]["change_points"]), [("C3".to_string(), "added".to_string()), ("C4".into(), "added".into())]);
});

both_engines!(a_pm_may_name_another_pm_as_owner_and_priority_defaults_to_medium, |app| async move {
    let d = demo(&app).await;
    let xiaolan = d.pm.user_id("xiaolan").await;
    let body = with(&without(&new_requirement("Approval message", &d.b), "priority"), "owner_id", json!(xiaolan));

    let created = create(&d.pm, &d.project, body).await;

    assert_eq!(created["content"]["priority"], "medium");
    assert_eq!(created["content"]["owner_id"], xiaolan.as_str());
    assert_eq!(created["owner_name"], "小蓝");
});

both_engines!(invalid_requirements_are_refused_naming_the_field_and_nothing_is_written, |app| async move {
    // Arrange: a fourth department, D, that is not a stakeholder of the demo project.
    let d = demo(&app).await;
    let admin = app.login("admin").await;
    let department_d = admin.post("/api/v1/departments", json!({"code": "RISK", "name_zh": "风控", "name_en": "Risk control"})).await;
    let department_d = department_d.expect(201, "adding department D")["id"].as_str().unwrap().to_string();
    let engineer = d.pm.user_id("xiaoli").await;
    let valid = new_requirement("Approval status query", &d.b);
    let mut empty_scenario_name = valid.clone();
    empty_scenario_name["scenarios"][0]["name"] = json!("   ");
    let mut second_scenario_unnamed = valid.clone();
    second_scenario_unnamed["scenarios"][1]["name"] = json!("");
    let mut outsider_change_point = valid.clone();
    outsider_change_point["change_points"][0]["department_id"] = json!(department_d);
    let mut unknown_department = valid.clone();
    unknown_department["change_points"] =
        json!([{"department_id": d.a, "text": "A checks"}, {"department_id": "no-such-department", "text": "x"}]);
    let mut empty_change_point = valid.clone();
    empty_change_point["change_points"][0]["text"] = json!("");
    let mut foreign_scenario_id = valid.clone();
    foreign_scenario_id["scenarios"][0]["id"] = json!("X1");
    let before = total(&d.pm, &d.project).await;
    let cases = [
        (with(&valid, "title", json!("")), Some("title"), "empty title"),
        (with(&valid, "title", json!("   ")), Some("title"), "blank title"),
        (with(&valid, "title", json!("t".repeat(201))), Some("title"), "201-character title"),
        (empty_scenario_name, Some("scenarios[0].name"), "blank scenario name"),
        (second_scenario_unnamed, Some("scenarios[1].name"), "second scenario without a name"),
        (outsider_change_point, Some("change_points[0].department_id"), "change point for D, not a stakeholder"),
        (unknown_department, Some("change_points[1].department_id"), "change point for an unknown department"),
        (empty_change_point, Some("change_points[0].text"), "change point without text"),
        (foreign_scenario_id, Some("scenarios[0].id"), "scenario id that is not S<n>"),
        (with(&valid, "priority", json!("urgent")), Some("priority"), "unknown priority"),
        (with(&valid, "owner_id", json!(engineer)), Some("owner_id"), "an engineer as owner"),
        (with(&valid, "owner_id", json!("no-such-person")), Some("owner_id"), "an unknown owner"),
        (with(&valid, "background", json!("b".repeat(20_001))), Some("background"), "20001-character background"),
        (with(&valid, "status", json!("agreed")), None, "unknown JSON field"),
        (without(&valid, "title"), None, "title missing"),
        (with(&valid, "scenarios", json!("S1")), None, "scenarios not a list"),
    ];
    for (body, field, why) in cases {
        let reply = d.pm.post(&requirements_path(&d.project), body).await;

        reply.expect_error(422, "invalid", field, why);
    }
    assert_eq!(total(&d.pm, &d.project).await, before, "nothing was created");
    assert_eq!(create(&d.pm, &d.project, valid).await["key"], "PAY-2", "refused requests used up no number");
});

both_engines!(an_unknown_requirement_is_not_found, |app| async move {
    let d = demo(&app).await;
    let path = "/api/v1/requirements/no-such-requirement";
    let replies = [
        (d.pm.get(path).await, "GET"),
        (d.pm.patch(path, json!({"version": 1, "title": "x"})).await, "PATCH"),
        (d.pm.get(&format!("{path}/revisions")).await, "GET revisions"),
        (d.pm.get(&format!("{path}/revisions/1")).await, "GET revision 1"),
        (d.pm.get(&format!("{path}/diff?from=1&to=2")).await, "GET diff"),
        (d.pm.post(&format!("{path}/transitions"), json!({"to": "in_review"})).await, "POST transition"),
        (d.pm.get(&format!("{path}/comments")).await, "GET comments"),
        (d.pm.post(&format!("{path}/comments"), json!({"body": "hello"})).await, "POST comment"),
        (d.pm.get("/api/v1/projects/no-such-project/requirements").await, "GET list of an unknown project"),
        (d.pm.post("/api/v1/projects/no-such-project/requirements", new_requirement("x", &d.b)).await, "POST to an unknown project"),
    ];
    for (reply, why) in replies {
        reply.expect_error(404, "not_found", None, why);
    }
});

// ---------------------------------------------------------------- editing and revisions

both_engines!(an_edit_creates_revision_2_and_keeps_revision_1_as_it_was, |app| async move {
    // Arrange
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let xiaolan = app.login("xiaolan").await;

    // Act
    let reply = xiaolan.patch(&path, json!({"version": 1, "background": "B answers within 200 ms.", "summary": "B's latency"})).await;

    // Assert
    assert_eq!(reply.header("etag"), Some("\"2\""));
    let edited = reply.expect(200, "editing revision 1").clone();
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["content"]["background"], "B answers within 200 ms.");
    assert_eq!(edited["content"]["title"], "Approval status query", "fields left out keep their value");
    assert_eq!(edited["content"]["scenarios"], created["content"]["scenarios"], "lists left out keep their value");
    assert_eq!(edited["key"], created["key"]);
    assert_eq!(d.pm.read(&path).await, edited);
    let revisions = d.pm.read(&format!("{path}/revisions")).await;
    let numbers: Vec<i64> = revisions.as_array().unwrap().iter().map(|r| r["revision"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [2, 1], "newest first");
    assert_eq!(revisions[0]["author_name"], "小蓝");
    assert_eq!(revisions[0]["summary"], "B's latency");
    assert_eq!(revisions[0]["status"], "draft");
    assert_eq!(revisions[0]["is_late"], false);
    assert_eq!(revisions[1]["author_name"], "小张");
    assert_eq!(revisions[1]["summary"], "first draft");
    let first = d.pm.read(&format!("{path}/revisions/1")).await;
    assert_eq!(first["revision"], 1);
    assert_eq!(first["content"], created["content"], "revision 1 is unchanged");
    let second = d.pm.read(&format!("{path}/revisions/2")).await;
    assert_eq!(second["content"], edited["content"]);
    d.pm.get(&format!("{path}/revisions/3")).await.expect_error(404, "not_found", None, "a revision that does not exist");
    d.pm.get(&format!("{path}/revisions/latest")).await.expect_error(404, "not_found", None, "a revision that is not a number");
});

both_engines!(an_edit_without_a_version_is_refused_and_writes_nothing, |app| async move {
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);

    let reply = d.pm.patch(&path, json!({"title": "Renamed without a version"})).await;

    reply.expect_error(428, "version_required", Some("version"), "PATCH without version or If-Match");
    assert_eq!(d.pm.read(&path).await, created, "nothing changed");
    assert_eq!(len(&d.pm.read(&format!("{path}/revisions")).await), 1);
});

both_engines!(if_match_names_the_edited_revision, |app| async move {
    // Arrange
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let patch = |if_match: &str, body: Value| d.pm.request(Method::PATCH, &path).header("if-match", if_match).json(&body);

    // Act
    let accepted = d.pm.send(patch("\"1\"", json!({"goal": "Charge only approved orders."}))).await;
    let stale = d.pm.send(patch("\"1\"", json!({"goal": "An edit of revision 1, again."}))).await;
    let disagreeing = d.pm.send(patch("\"2\"", json!({"version": 1, "goal": "Which one?"}))).await;
    let garbage = d.pm.send(patch("latest", json!({"goal": "Whatever."}))).await;

    // Assert
    assert_eq!(accepted.header("etag"), Some("\"2\""));
    assert_eq!(accepted.expect(200, "If-Match: \"1\" on revision 1")["version"], 2);
    stale.expect_error(409, "edit_conflict", None, "If-Match: \"1\" after revision 2 was saved");
    disagreeing.expect_error(400, "bad_request", None, "If-Match and version disagreeing");
    garbage.expect_error(400, "bad_request", None, "If-Match that is not a version");
    let current = d.pm.read(&path).await;
    assert_eq!(current["version"], 2);
    assert_eq!(current["content"]["goal"], "Charge only approved orders.");
});

both_engines!(an_edit_that_changes_nothing_creates_no_revision, |app| async move {
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);

    let same_title = d.pm.patch(&path, json!({"version": 1, "title": "  Approval status query "})).await;
    let same_everything = d.pm.patch(&path, json!({"version": 1, "scenarios": created["content"]["scenarios"], "priority": "high"})).await;

    assert_eq!(same_title.expect(200, "saving the same title (but for spaces)")["version"], 1);
    assert_eq!(same_everything.expect(200, "saving the same scenarios and priority")["version"], 1);
    let revisions = d.pm.read(&format!("{path}/revisions")).await;
    assert_eq!(len(&revisions), 1, "no empty revision: {revisions}");
    assert_eq!(d.pm.read(&path).await, created);
});

both_engines!(an_invalid_edit_is_refused_naming_the_field_and_writes_nothing, |app| async move {
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let cases = [
        (json!({"version": 1, "title": ""}), Some("title"), "empty title"),
        (json!({"version": 1, "scenarios": [{"id": "S1", "name": ""}]}), Some("scenarios[0].name"), "empty scenario name"),
        (json!({"version": 1, "priority": "asap"}), Some("priority"), "unknown priority"),
        (
            json!({"version": 1, "change_points": [{"department_id": "no-such-department", "text": "x"}]}),
            Some("change_points[0].department_id"),
            "unknown department",
        ),
        (json!({"version": 1, "key": "PAY-9"}), None, "unknown JSON field"),
    ];
    for (patch, field, why) in cases {
        let reply = d.pm.patch(&path, patch).await;

        reply.expect_error(422, "invalid", field, why);
    }
    assert_eq!(d.pm.read(&path).await, created, "nothing changed");
});

both_engines!(scenario_ids_of_removed_scenarios_are_not_reused, |app| async move {
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let kept = created["content"]["scenarios"][0].clone();

    let edited = edit(&d.pm, &created, json!({"version": 1, "scenarios": [kept, {"name": "approved after the first query"}]})).await;

    let ids: Vec<&str> = edited["content"]["scenarios"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["S1", "S3"], "S2 was removed and is not handed out again");
});

// ---------------------------------------------------------------- diff

/// Creates a requirement and saves its revision 2: title longer, S1's "then" changed, S2 removed, a new
/// scenario (S3), C1's text longer and a change point for C added (C2).
async fn requirement_with_two_revisions(d: &Demo) -> Value {
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let mut s1 = created["content"]["scenarios"][0].clone();
    s1["then"] = json!("A charges it at once");
    let mut c1 = created["content"]["change_points"][0].clone();
    c1["text"] = json!("B offers an approval-status API for A");
    edit(
        &d.pm,
        &created,
        json!({
            "version": 1,
            "title": "Approval status query API",
            "scenarios": [s1, {"name": "approved after the first query", "then": "B announces the approval"}],
            "change_points": [c1, {"department_id": d.c, "text": "C sends the order's approvers"}],
        }),
    )
    .await
}

both_engines!(the_diff_shows_changed_fields_and_scenarios_by_id, |app| async move {
    // Arrange
    let d = demo(&app).await;
    let requirement = requirement_with_two_revisions(&d).await;

    // Act
    let diff = d.pm.read(&format!("{}/diff?from=1&to=2", path_of(&requirement))).await;

    // Assert
    assert_eq!(diff["from"]["revision"], 1);
    assert_eq!(diff["to"]["revision"], 2);
    assert_eq!(diff["to"]["author_name"], "小张");
    let changes = &diff["diff"];
    assert_eq!((changes["from"].as_i64(), changes["to"].as_i64()), (Some(1), Some(2)));
    let fields: Vec<&str> = changes["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["title"], "only the title changed among the plain fields: {changes}");
    assert_eq!(segment_text(&changes["fields"][0], "insert"), " API");
    assert_eq!(segment_text(&changes["fields"][0], "delete"), "");
    assert_eq!(segment_text(&changes["fields"][0], "equal"), "Approval status query");

    let scenarios = &changes["scenarios"];
    assert_eq!(
        item_kinds(scenarios),
        [("S1".to_string(), "changed".to_string()), ("S3".into(), "added".into()), ("S2".into(), "removed".into())],
        "{scenarios}"
    );
    let s1 = &scenarios[0];
    assert_eq!(s1["label"], "approved before the first query");
    assert_eq!(len(&s1["fields"]), 1, "only S1's 'then' changed: {s1}");
    assert_eq!(s1["fields"][0]["field"], "then");
    assert_eq!(segment_text(&s1["fields"][0], "insert"), " at once");
    let s3 = &scenarios[1];
    assert_eq!(s3["label"], "approved after the first query");
    assert_eq!(segment_text(find_by(&s3["fields"], "field", "name"), "insert"), "approved after the first query");
    assert_eq!(segment_text(find_by(&s3["fields"], "field", "then"), "insert"), "B announces the approval");
    let s2 = &scenarios[2];
    assert_eq!(s2["label"], "auto-approved");
    assert_eq!(segment_text(find_by(&s2["fields"], "field", "notes"), "delete"), "small orders are approved by the system");

    let points = &changes["change_points"];
    assert_eq!(item_kinds(points), [("C1".to_string(), "changed".to_string()), ("C2".into(), "added".into())], "{points}");
    assert_eq!(points[0]["fields"][0]["field"], "text");
    assert_eq!(segment_text(&points[0]["fields"][0], "insert"), " for A");
    assert_eq!(points[1]["label"], "C sends the order's approvers");
    assert_eq!(segment_text(find_by(&points[1]["fields"], "field", "department_id"), "insert"), "C", "the department's code, not its id");
});

both_engines!(a_revision_diffed_with_itself_has_no_changes, |app| async move {
    let d = demo(&app).await;
    let requirement = requirement_with_two_revisions(&d).await;

    let diff = d.pm.read(&format!("{}/diff?from=2&to=2", path_of(&requirement))).await;

    let changes = &diff["diff"];
    assert_eq!((len(&changes["fields"]), len(&changes["scenarios"]), len(&changes["change_points"])), (0, 0, 0), "{changes}");
});

// The service documents "either order is allowed; the older is 'before'".
both_engines!(a_diff_asked_newest_first_still_compares_older_to_newer, |app| async move {
    let d = demo(&app).await;
    let requirement = requirement_with_two_revisions(&d).await;
    let path = path_of(&requirement);

    let forward = d.pm.read(&format!("{path}/diff?from=1&to=2")).await;
    let backward = d.pm.read(&format!("{path}/diff?from=2&to=1")).await;

    assert_eq!(item_kinds(&backward["diff"]["scenarios"]), item_kinds(&forward["diff"]["scenarios"]), "{backward}");
    assert_eq!(backward["diff"]["fields"], forward["diff"]["fields"]);
});

both_engines!(a_diff_of_revisions_that_do_not_exist_names_the_parameter, |app| async move {
    let d = demo(&app).await;
    let requirement = requirement_with_two_revisions(&d).await;
    let path = path_of(&requirement);
    let cases = [
        ("from=9&to=2", Some("from"), "an unknown 'from' revision"),
        ("from=0&to=2", Some("from"), "revision 0"),
        ("from=1&to=3", Some("to"), "an unknown 'to' revision"),
        ("from=1&to=-1", Some("to"), "a negative 'to' revision"),
        ("from=one&to=2", None, "a 'from' that is not a number"),
        ("to=2", None, "no 'from'"),
    ];
    for (query, field, why) in cases {
        let reply = d.pm.get(&format!("{path}/diff?{query}")).await;

        reply.expect_error(422, "invalid", field, why);
    }
});

// ---------------------------------------------------------------- workflow

both_engines!(the_workflow_moves_draft_to_in_review_to_agreed_and_records_who_and_why, |app| async move {
    // Arrange
    let d = demo(&app).await;
    let xiaolan = app.login("xiaolan").await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let (zhang_id, lan_id) = (d.pm.user_id("xiaozhang").await, d.pm.user_id("xiaolan").await);

    // Act
    let in_review = move_to(&d.pm, &created, "in_review", "ready for B and C").await;
    let agreed = xiaolan.post(&format!("{path}/transitions"), json!({"to": "agreed", "reason": "B agrees", "revision": 1})).await;

    // Assert
    assert_eq!(in_review["status"], "in_review");
    assert_eq!(in_review["next_statuses"], json!(["draft", "agreed", "cancelled"]));
    assert_eq!(in_review["version"], 1, "a transition is not a revision");
    let agreed = agreed.expect(200, "B's PM agreeing").clone();
    assert_eq!(agreed["status"], "agreed");
    let detail = d.pm.read(&path).await;
    assert_eq!(detail["status"], "agreed");
    let transitions = detail["transitions"].as_array().expect("transitions");
    assert_eq!(transitions.len(), 2, "{detail}");
    assert_eq!((&transitions[0]["from"], &transitions[0]["to"]), (&json!("draft"), &json!("in_review")));
    assert_eq!(transitions[0]["reason"], "ready for B and C");
    assert_eq!(transitions[0]["actor_id"], zhang_id.as_str());
    assert_eq!(transitions[0]["actor_name"], "小张");
    assert_eq!((&transitions[1]["from"], &transitions[1]["to"]), (&json!("in_review"), &json!("agreed")));
    assert_eq!(transitions[1]["reason"], "B agrees");
    assert_eq!(transitions[1]["actor_id"], lan_id.as_str());
    assert_eq!(transitions[1]["actor_name"], "小蓝");
    assert!(transitions[0]["at"].as_i64().unwrap() <= transitions[1]["at"].as_i64().unwrap());
    assert_eq!(len(&d.pm.read(&format!("{path}/revisions")).await), 1);
});

both_engines!(a_transition_the_workflow_does_not_allow_is_refused, |app| async move {
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let cases = [
        (json!({"to": "released", "reason": "ship it"}), Some("to"), "draft → released"),
        (json!({"to": "agreed"}), Some("to"), "draft → agreed, skipping the review"),
        (json!({"to": "draft"}), Some("to"), "draft → draft"),
        (json!({"to": "done"}), Some("to"), "an unknown status"),
        (json!({"to": "in_review", "reason": "r".repeat(501)}), Some("reason"), "a 501-character reason"),
        (json!({"to": "in_review", "why": "x"}), None, "unknown JSON field"),
    ];
    for (body, field, why) in cases {
        let reply = d.pm.post(&format!("{path}/transitions"), body).await;

        reply.expect_error(422, "invalid", field, why);
    }
    let detail = d.pm.read(&path).await;
    assert_eq!(detail["status"], "draft");
    assert_eq!(detail["transitions"], json!([]), "nothing was recorded");
});

both_engines!(edits_after_agreement_are_late_changes, |app| async move {
    // Arrange: an edit while draft, then review and agreement.
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let draft_edit = edit(&d.pm, &created, json!({"version": 1, "goal": "Charge approved orders only."})).await;
    move_to(&d.pm, &created, "in_review", "").await;
    move_to(&d.pm, &created, "agreed", "all agree").await;

    // Act: the seed case's missing scenario arrives after agreement, then one more fix.
    let mut scenarios = created["content"]["scenarios"].as_array().unwrap().clone();
    scenarios.push(json!({"name": "approved after the first query"}));
    let late = edit(&d.pm, &created, json!({"version": 2, "scenarios": scenarios, "summary": "found by B"})).await;
    let later = edit(&d.pm, &created, json!({"version": 3, "goal": "Charge approved orders only, once."})).await;

    // Assert
    assert_eq!(draft_edit["late_changes"], 0, "an edit while draft is not late");
    assert_eq!(late["version"], 3);
    assert_eq!(late["late_changes"], 1);
    assert_eq!(late["status"], "agreed", "a late edit does not move the status");
    assert_eq!(later["late_changes"], 2);
    let revisions = d.pm.read(&format!("{path}/revisions")).await;
    let late_flags: Vec<(i64, bool, &str)> = revisions
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["revision"].as_i64().unwrap(), r["is_late"].as_bool().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(late_flags, [(4, true, "agreed"), (3, true, "agreed"), (2, false, "draft"), (1, false, "draft")]);
    let page = d.pm.read(&requirements_path(&d.project)).await;
    assert_eq!(page["items"][0]["late_changes"], 2, "the list shows late changes: {page}");
});

// ---------------------------------------------------------------- comments

both_engines!(comments_and_replies_stay_in_one_level_threads, |app| async move {
    // Arrange
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let comments_path = format!("{}/comments", path_of(&created));
    let (laowang, xiaolan, xiaoming) = (app.login("laowang").await, app.login("xiaolan").await, app.login("xiaoming").await);

    // Act
    let root = laowang.post(&comments_path, json!({"body": "Do we poll B or wait for **the message**?"})).await;
    let root = root.expect(201, "an architect commenting").clone();
    let reply = xiaolan.post(&comments_path, json!({"body": "Both: poll first.", "parent_id": root["id"]})).await;
    let reply = reply.expect(201, "a reply").clone();
    let reply_to_reply = xiaoming.post(&comments_path, json!({"body": "C agrees.", "parent_id": reply["id"]})).await;
    let reply_to_reply = reply_to_reply.expect(201, "a reply to a reply").clone();
    let mention = d.pm.post(&comments_path, json!({"body": "@xiaolan please confirm the API by Friday"})).await;
    let mention = mention.expect(201, "a comment mentioning @xiaolan").clone();

    // Assert
    assert_eq!(root["parent_id"], Value::Null);
    assert_eq!(root["author_name"], "老王");
    assert_eq!(root["author_role"], "architect");
    assert_eq!(root["body"], "Do we poll B or wait for **the message**?");
    assert!(root["body_html"].as_str().unwrap().contains("<strong>the message</strong>"), "{}", root["body_html"]);
    assert_eq!(reply["parent_id"], root["id"]);
    assert_eq!(reply["author_name"], "小蓝");
    assert_eq!(reply_to_reply["parent_id"], root["id"], "a reply to a reply joins the thread's first comment");
    assert_eq!(mention["parent_id"], Value::Null);
    assert_eq!(mention["body"], "@xiaolan please confirm the API by Friday");
    let listed = d.pm.read(&comments_path).await;
    let ids: Vec<&Value> = listed.as_array().unwrap().iter().map(|c| &c["id"]).collect();
    assert_eq!(ids, [&root["id"], &reply["id"], &reply_to_reply["id"], &mention["id"]], "in the order written");
    assert_eq!(listed[0], root, "stored as answered");
    assert_eq!(listed[2]["parent_id"], root["id"]);
});

both_engines!(invalid_comments_are_refused_naming_the_field, |app| async move {
    let d = demo(&app).await;
    let first = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let second = create(&d.pm, &d.project, new_requirement("Approval message", &d.b)).await;
    let elsewhere = d.pm.post(&format!("{}/comments", path_of(&second)), json!({"body": "on the other requirement"})).await;
    let elsewhere = elsewhere.expect(201, "a comment on the other requirement")["id"].clone();
    let comments_path = format!("{}/comments", path_of(&first));
    let cases = [
        (json!({"body": ""}), Some("body"), "empty body"),
        (json!({"body": "  \n "}), Some("body"), "blank body"),
        (json!({"body": "x".repeat(20_001)}), Some("body"), "20001-character body"),
        (json!({"body": "hi", "parent_id": "no-such-comment"}), Some("parent_id"), "an unknown parent"),
        (json!({"body": "hi", "parent_id": elsewhere}), Some("parent_id"), "a parent on another requirement"),
        (json!({"body": "hi", "mentions": ["xiaolan"]}), None, "unknown JSON field"),
        (json!({}), None, "no body"),
    ];
    for (body, field, why) in cases {
        let reply = d.pm.post(&comments_path, body).await;

        reply.expect_error(422, "invalid", field, why);
    }
    assert_eq!(len(&d.pm.read(&comments_path).await), 0, "nothing was written");
});

// ---------------------------------------------------------------- who may do what

both_engines!(a_pm_of_a_stakeholder_department_creates_edits_and_moves_requirements, |app| async move {
    let d = demo(&app).await;
    let xiaolan = app.login("xiaolan").await;
    let by_a = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;

    let created = xiaolan.post(&requirements_path(&d.project), new_requirement("Approval message", &d.a)).await;
    let edited = xiaolan.patch(&path_of(&by_a), json!({"version": 1, "goal": "B's wording"})).await;

    let created = created.expect(201, "B's PM creating in A's project").clone();
    assert_eq!(created["key"], "PAY-3");
    assert_eq!(created["owner_name"], "小蓝");
    assert_eq!(edited.expect(200, "B's PM editing A's requirement")["content"]["goal"], "B's wording");
    assert_eq!(move_to(&xiaolan, &by_a, "in_review", "").await["status"], "in_review");
});

both_engines!(an_architect_comments_but_does_not_create_edit_or_move_requirements, |app| async move {
    // Arrange
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let laowang = app.login("laowang").await;
    let before = total(&d.pm, &d.project).await;

    // Act
    let create_reply = laowang.post(&requirements_path(&d.project), new_requirement("Architect's idea", &d.b)).await;
    let edit_reply = laowang.patch(&path, json!({"version": 1, "title": "Architect's rename"})).await;
    let move_reply = laowang.post(&format!("{path}/transitions"), json!({"to": "in_review"})).await;
    let comment_reply = laowang.post(&format!("{path}/comments"), json!({"body": "Cache B's answer?"})).await;

    // Assert
    create_reply.expect_error(403, "forbidden", None, "an architect of A creating");
    edit_reply.expect_error(403, "forbidden", None, "an architect of A editing");
    move_reply.expect_error(403, "forbidden", None, "an architect of A moving it");
    assert_eq!(comment_reply.expect(201, "an architect of A commenting")["author_name"], "老王");
    let seen = laowang.read(&path).await;
    assert_eq!(seen["can_edit"], false);
    assert_eq!(seen["can_comment"], true);
    assert_eq!(seen["next_statuses"], json!([]));
    assert_eq!(seen["version"], 1);
    assert_eq!(seen["status"], "draft");
    assert_eq!(total(&d.pm, &d.project).await, before, "nothing was created");
});

both_engines!(people_outside_the_stakeholder_departments_read_an_internal_project_but_do_not_comment, |app| async move {
    // Arrange: an internal project led by A alone; C's people are not its stakeholders.
    let d = demo(&app).await;
    let project = a_only_project(&d.pm, "Refund approval", "REF", "internal").await;
    let created = create(&d.pm, &project, new_requirement("Refund needs approval", &d.a)).await;
    assert_eq!(created["key"], "REF-1", "keys use the project's code");
    let path = path_of(&created);
    let (xiaowu, xiaoming) = (app.login("xiaowu").await, app.login("xiaoming").await);

    // Act
    let list = xiaowu.get(&requirements_path(&project)).await;
    let detail = xiaowu.get(&path).await;
    let revisions = xiaowu.get(&format!("{path}/revisions")).await;
    let comments = xiaowu.get(&format!("{path}/comments")).await;
    let comment = xiaowu.post(&format!("{path}/comments"), json!({"body": "C would like to help"})).await;
    let create_reply = xiaoming.post(&requirements_path(&project), new_requirement("C's idea", &d.a)).await;
    let edit_reply = xiaoming.patch(&path, json!({"version": 1, "title": "C's rename"})).await;

    // Assert
    assert_eq!(list.expect(200, "an outsider listing")["total"], 1);
    let detail = detail.expect(200, "an outsider reading");
    assert_eq!(detail["can_comment"], false);
    assert_eq!(detail["can_edit"], false);
    assert_eq!(len(revisions.expect(200, "an outsider reading the history")), 1);
    assert_eq!(len(comments.expect(200, "an outsider reading the comments")), 0);
    comment.expect_error(403, "forbidden", None, "an engineer of C commenting on A's project");
    create_reply.expect_error(403, "forbidden", None, "C's PM creating in A's project");
    edit_reply.expect_error(403, "forbidden", None, "C's PM editing in A's project");
    assert_eq!(len(&d.pm.read(&format!("{path}/comments")).await), 0);
    assert_eq!(d.pm.read(&path).await["version"], 1);
});

both_engines!(a_restricted_projects_requirements_are_not_found_for_outsiders, |app| async move {
    // Arrange
    let d = demo(&app).await;
    let project = a_only_project(&d.pm, "Confidential pricing", "SEC", "restricted").await;
    let created = create(&d.pm, &project, new_requirement("Secret discount", &d.a)).await;
    let path = path_of(&created);

    for username in ["xiaowu", "xiaolan", "chengong"] {
        let outsider = app.login(username).await;

        // Act
        let replies = [
            (outsider.get(&requirements_path(&project)).await, "list"),
            (outsider.get(&path).await, "GET requirement"),
            (outsider.get(&format!("{path}/revisions")).await, "revisions"),
            (outsider.get(&format!("{path}/revisions/1")).await, "revision 1"),
            (outsider.get(&format!("{path}/diff?from=1&to=1")).await, "diff"),
            (outsider.get(&format!("{path}/comments")).await, "comments"),
            (outsider.post(&format!("{path}/comments"), json!({"body": "hello"})).await, "POST comment"),
            (outsider.patch(&path, json!({"version": 1, "title": "leaked"})).await, "PATCH"),
            (outsider.post(&format!("{path}/transitions"), json!({"to": "in_review"})).await, "POST transition"),
            (outsider.post(&requirements_path(&project), new_requirement("x", &d.a)).await, "POST requirement"),
        ];

        // Assert: 404, as if it did not exist.
        for (reply, why) in replies {
            reply.expect_error(404, "not_found", None, &format!("{username}: {why} of a restricted project"));
        }
    }
    let architect_of_a = app.login("laowang").await;
    assert_eq!(architect_of_a.read(&path).await["key"], "SEC-1", "A's people read it");
    assert_eq!(app.login("admin").await.read(&requirements_path(&project)).await["total"], 1, "admins read it");
    assert_eq!(d.pm.read(&path).await, created, "nothing changed");
});

both_engines!(requirements_need_a_sign_in, |app| async move {
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let anonymous = app.client();
    let replies = [
        (anonymous.get(&requirements_path(&d.project)).await, "GET list"),
        (anonymous.post(&requirements_path(&d.project), new_requirement("x", &d.b)).await, "POST requirement"),
        (anonymous.get(&path).await, "GET requirement"),
        (anonymous.patch(&path, json!({"version": 1, "title": "x"})).await, "PATCH"),
        (anonymous.get(&format!("{path}/revisions")).await, "GET revisions"),
        (anonymous.get(&format!("{path}/revisions/1")).await, "GET revision 1"),
        (anonymous.get(&format!("{path}/diff?from=1&to=1")).await, "GET diff"),
        (anonymous.post(&format!("{path}/transitions"), json!({"to": "in_review"})).await, "POST transition"),
        (anonymous.get(&format!("{path}/comments")).await, "GET comments"),
        (anonymous.post(&format!("{path}/comments"), json!({"body": "hi"})).await, "POST comment"),
    ];
    for (reply, why) in replies {
        reply.expect_error(401, "unauthorized", None, why);
    }
    assert_eq!(d.pm.read(&path).await, created, "nothing changed");
});

// ---------------------------------------------------------------- concurrent edits

both_engines!(two_pms_editing_the_same_revision_do_not_overwrite_each_other, |app| async move {
    // Arrange: both load revision 1.
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let xiaolan = app.login("xiaolan").await;
    let zhang_loaded = d.pm.get(&path).await;
    let lan_loaded = xiaolan.get(&path).await;
    assert_eq!(zhang_loaded.header("etag"), Some("\"1\""));
    assert_eq!(lan_loaded.json["version"], 1);

    // Act
    let first = d.pm.patch(&path, json!({"version": 1, "background": "A's text: charge after approval."})).await;
    let second = xiaolan.patch(&path, json!({"version": 1, "background": "B's text: approval within a day."})).await;

    // Assert: the second save is refused and writes nothing.
    assert_eq!(first.expect(200, "the first save")["version"], 2);
    second.expect_error(409, "edit_conflict", None, "the second save of revision 1");
    assert!(second.json["error"]["message"].as_str().unwrap().contains("小张"), "the message names who saved: {second}");
    let current = d.pm.read(&path).await;
    assert_eq!(current["version"], 2);
    assert_eq!(current["content"]["background"], "A's text: charge after approval.");
    assert_eq!(len(&d.pm.read(&format!("{path}/revisions")).await), 2, "no revision for the refused save");

    // Act: B saves again on top of revision 2.
    let resaved = xiaolan.patch(&path, json!({"version": 2, "background": "B's text: approval within a day."})).await;

    // Assert: both texts are in the history.
    assert_eq!(resaved.expect(200, "B saving on top of revision 2")["version"], 3);
    let second_revision = d.pm.read(&format!("{path}/revisions/2")).await;
    let third_revision = d.pm.read(&format!("{path}/revisions/3")).await;
    assert_eq!(second_revision["content"]["background"], "A's text: charge after approval.");
    assert_eq!(second_revision["author_name"], "小张");
    assert_eq!(third_revision["content"]["background"], "B's text: approval within a day.");
    assert_eq!(third_revision["author_name"], "小蓝");
});

both_engines!(an_edit_conflict_names_the_current_revision_and_who_saved_it, |app| async move {
    let d = demo(&app).await;
    let created = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&created);
    let xiaolan = app.login("xiaolan").await;
    edit(&d.pm, &created, json!({"version": 1, "background": "A's text"})).await;

    let conflict = xiaolan.patch(&path, json!({"version": 1, "background": "B's text"})).await;

    conflict.expect_error(409, "edit_conflict", None, "saving revision 1 after revision 2");
    assert_eq!(conflict.json["error"]["current_revision"], 2, "{conflict}");
    assert_eq!(conflict.json["error"]["saved_by"], "小张", "{conflict}");
});

// ---------------------------------------------------------------- Markdown is sanitised

/// Classic XSS payloads, as Markdown or raw HTML.
const PAYLOADS: [&str; 32] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "![x](javascript:alert(1))",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "[x](&#106;avascript:alert(1))",
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<style>@import 'https://evil.example/x.css'</style>",
    "<base href=\"javascript:alert(1)//\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<scr<script>ipt>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "<video><source onerror=alert(1)></video>",
];

/// Fails when `html` holds anything that could run script or restyle the page.
#[track_caller]
fn assert_inert(html: &str, what: &str) {
    let lower = html.to_lowercase();
    let forbidden = [
        "<script",
        "javascript:",
        "<iframe",
        "<object",
        "<embed",
        "<svg",
        "<math",
        "<style",
        "<base",
        "<meta",
        "<form",
        "<link",
        "data:",
        "style=",
    ];
    for bad in forbidden {
        assert!(!lower.contains(bad), "{what}: the HTML contains {bad:?}: {html}");
    }
    // Browsers drop tabs and newlines inside URLs: `jav\tascript:` is still `javascript:`.
    let squeezed: String = lower.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    assert!(!squeezed.contains("javascript:"), "{what}: the HTML contains a javascript: URL split by whitespace: {html}");
    assert!(event_handler(&lower).is_none(), "{what}: the HTML has an event handler {:?}: {html}", event_handler(&lower));
}

/// The first ` on<letters>=` (an event-handler attribute) in lowercased HTML.
fn event_handler(lower: &str) -> Option<String> {
    let bytes = lower.as_bytes();
    (0..bytes.len()).find_map(|i| {
        let starts_attribute = i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'/' | b'"' | b'\'');
        if !starts_attribute || !lower[i..].starts_with("on") {
            return None;
        }
        let name_len = lower[i + 2..].bytes().take_while(u8::is_ascii_lowercase).count();
        let after = lower[i + 2 + name_len..].trim_start();
        (name_len > 0 && after.starts_with('=')).then(|| lower[i..i + 2 + name_len].to_string())
    })
}

both_engines!(script_in_backgrounds_is_stored_as_written_and_rendered_inert, |app| async move {
    let d = demo(&app).await;
    let mut requirement = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&requirement);

    for payload in PAYLOADS {
        let background = format!("Before [a safe link](https://example.com/).\n\n{payload}\n\nAfter.");

        requirement = edit(&d.pm, &requirement, json!({"version": requirement["version"], "background": background})).await;

        let stored = d.pm.read(&path).await;
        assert_eq!(stored["content"]["background"], background.as_str(), "{payload}: the text is kept as written");
        let html = stored["background_html"].as_str().unwrap();
        assert_inert(html, payload);
        assert!(
            html.contains("<p>Before <a href=\"https://example.com/\" rel=\"noopener noreferrer nofollow\">a safe link</a>.</p>"),
            "{payload}: the Markdown around it still renders, safe links included: {html}"
        );
    }
    let revisions = d.pm.read(&format!("{path}/revisions")).await;
    assert_eq!(len(&revisions), PAYLOADS.len() + 1, "one revision per payload");
});

both_engines!(script_in_comments_is_stored_as_written_and_rendered_inert, |app| async move {
    let d = demo(&app).await;
    let requirement = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let comments_path = format!("{}/comments", path_of(&requirement));

    for payload in PAYLOADS {
        let reply = d.pm.post(&comments_path, json!({"body": payload})).await;

        let comment = reply.expect(201, payload);
        assert_eq!(comment["body"], payload, "the text is kept as written");
        assert_inert(comment["body_html"].as_str().unwrap(), payload);
    }
    let listed = d.pm.read(&comments_path).await;
    assert_eq!(len(&listed), PAYLOADS.len());
    for (comment, payload) in listed.as_array().unwrap().iter().zip(PAYLOADS) {
        assert_eq!(comment["body"], payload, "stored as written");
        assert_inert(comment["body_html"].as_str().unwrap(), &format!("{payload} (listed)"));
    }
});

both_engines!(images_in_comments_and_backgrounds_load_nothing_from_anywhere, |app| async move {
    let d = demo(&app).await;
    let requirement = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    let path = path_of(&requirement);
    let markdown = "See ![the flow](https://tracker.example/pixel.png) and ![](flow.png).\n\n<img src=\"https://tracker.example/raw.png\">";

    let comment = d.pm.post(&format!("{path}/comments"), json!({"body": markdown})).await;
    let comment = comment.expect(201, "a comment with images").clone();
    edit(&d.pm, &requirement, json!({"version": requirement["version"], "background": markdown})).await;
    let background = d.pm.read(&path).await["background_html"].as_str().unwrap().to_string();

    for html in [comment["body_html"].as_str().unwrap(), background.as_str()] {
        assert!(!html.contains("<img"), "nothing is loaded when the page is viewed: {html}");
        assert!(html.contains("<a href=\"https://tracker.example/pixel.png\" rel=\"noopener noreferrer nofollow\">the flow</a>"), "{html}");
        assert!(html.contains(">flow.png</a>"), "an image without alt text is named by its address: {html}");
    }
});

// ---------------------------------------------------------------- the list

/// APR-1 (in review, high, xiaozhang, change points for B), APR-2 (draft, critical, owned by
/// xiaolan, change point for C, Chinese background) and APR-3 (draft, low, xiaozhang, change points
/// for A and B, "Backorder" only in a scenario); APR-2 was edited last.
async fn three_requirements(d: &Demo, xiaolan_id: &str) -> [Value; 3] {
    let pause = || tokio::time::sleep(Duration::from_millis(15));
    let first = create(&d.pm, &d.project, new_requirement("Approval status query", &d.b)).await;
    pause().await;
    let second = create(
        &d.pm,
        &d.project,
        json!({
            "title": "Charge after approval",
            "background": "付款前须审批：客户的管理层审批后才扣款。",
            "priority": "critical",
            "owner_id": xiaolan_id,
            "change_points": [{"department_id": d.c, "text": "C sends the approvers"}],
        }),
    )
    .await;
    pause().await;
    let third = create(
        &d.pm,
        &d.project,
        json!({
            "title": "Refund reminder",
            "priority": "low",
            "scenarios": [{"name": "Backorder refunded", "when": "the goods never arrive"}],
            "change_points": [{"department_id": d.a, "text": "A refunds"}, {"department_id": d.b, "text": "B cancels the approval"}],
        }),
    )
    .await;
    pause().await;
    move_to(&d.pm, &first, "in_review", "").await;
    pause().await;
    let second = edit(&d.pm, &second, json!({"version": 1, "goal": "Nothing is charged unapproved."})).await;
    [first, second, third]
}

both_engines!(the_list_filters_by_status_department_and_owner, |app| async move {
    let d = empty_project(&app).await;
    let xiaolan = d.pm.user_id("xiaolan").await;
    three_requirements(&d, &xiaolan).await;
    let list = |query: String| {
        let pm = d.pm.clone();
        let path = format!("{}?{query}", requirements_path(&d.project));
        async move { pm.read(&path).await }
    };

    let all = list(String::new()).await;
    assert_eq!(keys(&all), strings(&["APR-3", "APR-2", "APR-1"]), "newest first by default");
    assert_eq!((all["total"].as_i64(), all["limit"].as_i64(), all["offset"].as_i64()), (Some(3), Some(50), Some(0)));
    let pay2 = find_by(&all["items"], "key", "APR-2");
    assert_eq!(pay2["owner_name"], "小蓝");
    assert_eq!(pay2["priority"], "critical");
    assert_eq!(pay2["status"], "draft");
    assert_eq!(pay2["version"], 2);

    assert_eq!(keys(&list("status=in_review".into()).await), strings(&["APR-1"]));
    assert_eq!(keys(&list("status=draft".into()).await), strings(&["APR-3", "APR-2"]));
    assert_eq!(keys(&list("status=agreed".into()).await), strings(&[]));
    assert_eq!(keys(&list(format!("department={}", d.b)).await), strings(&["APR-3", "APR-1"]), "change points for B");
    assert_eq!(keys(&list(format!("department={}", d.c)).await), strings(&["APR-2"]));
    assert_eq!(keys(&list(format!("department={}", d.a)).await), strings(&["APR-3"]));
    assert_eq!(keys(&list(format!("owner={xiaolan}")).await), strings(&["APR-2"]));
    let combined = list(format!("status=draft&department={}", d.b)).await;
    assert_eq!(keys(&combined), strings(&["APR-3"]));
    assert_eq!(combined["total"], 1);
});

both_engines!(the_list_searches_words_in_any_case_and_chinese_as_written, |app| async move {
    let d = empty_project(&app).await;
    let xiaolan = d.pm.user_id("xiaolan").await;
    three_requirements(&d, &xiaolan).await;
    let search = |q: &str| {
        let pm = d.pm.clone();
        let path = format!("{}?q={}", requirements_path(&d.project), urlencode(q));
        async move { pm.read(&path).await }
    };

    assert_eq!(keys(&search("APPROVAL").await), strings(&["APR-2", "APR-1"]), "English in any case");
    assert_eq!(keys(&search("approval STATUS").await), strings(&["APR-1"]), "every word must occur");
    assert_eq!(keys(&search("须审批").await), strings(&["APR-2"]), "a Chinese substring of the background");
    assert_eq!(keys(&search("管理层").await), strings(&["APR-2", "APR-1"]), "Chinese in both backgrounds");
    assert_eq!(keys(&search("backorder").await), strings(&["APR-3"]), "a word only in a scenario's name");
    assert_eq!(keys(&search("ARRIVE").await), strings(&["APR-3"]), "a word only in a scenario's 'when'");
    assert_eq!(keys(&search("unapproved").await), strings(&["APR-2"]), "the edited goal is searched");
    assert_eq!(keys(&search("refunds").await), strings(&[]), "change points are not searched");
    assert_eq!(keys(&search("100%").await), strings(&[]), "% is not a wildcard");
    assert_eq!(keys(&search("_").await), strings(&[]), "_ is not a wildcard");
    let none = search("blockchain").await;
    assert_eq!(none["total"], 0);
    assert_eq!(none["items"], json!([]));
});

both_engines!(the_list_sorts_and_pages, |app| async move {
    let d = empty_project(&app).await;
    let xiaolan = d.pm.user_id("xiaolan").await;
    three_requirements(&d, &xiaolan).await;
    let list = |query: &str| {
        let pm = d.pm.clone();
        let path = format!("{}?{query}", requirements_path(&d.project));
        async move { pm.read(&path).await }
    };

    assert_eq!(keys(&list("sort=number").await), strings(&["APR-3", "APR-2", "APR-1"]));
    assert_eq!(keys(&list("sort=number_asc").await), strings(&["APR-1", "APR-2", "APR-3"]));
    assert_eq!(keys(&list("sort=title").await), strings(&["APR-1", "APR-2", "APR-3"]), "Approval…, Charge…, Refund…");
    assert_eq!(keys(&list("sort=priority").await), strings(&["APR-2", "APR-1", "APR-3"]), "critical, high, low");
    assert_eq!(keys(&list("sort=status").await), strings(&["APR-2", "APR-3", "APR-1"]), "drafts, then in review");
    assert_eq!(keys(&list("sort=updated").await), strings(&["APR-2", "APR-1", "APR-3"]), "last edited first");

    let first_page = list("sort=number_asc&limit=2").await;
    let second_page = list("sort=number_asc&limit=2&offset=2").await;
    let beyond = list("sort=number_asc&limit=2&offset=5").await;
    assert_eq!(keys(&first_page), strings(&["APR-1", "APR-2"]));
    assert_eq!((first_page["total"].as_i64(), first_page["limit"].as_i64(), first_page["offset"].as_i64()), (Some(3), Some(2), Some(0)));
    assert_eq!(keys(&second_page), strings(&["APR-3"]));
    assert_eq!((second_page["total"].as_i64(), second_page["offset"].as_i64()), (Some(3), Some(2)));
    assert_eq!(keys(&beyond), strings(&[]));
    assert_eq!(beyond["total"], 3, "the total counts every match, not the page");
    let filtered_page = list(&format!("department={}&limit=1&offset=1&sort=number_asc", d.b)).await;
    assert_eq!(keys(&filtered_page), strings(&["APR-3"]));
    assert_eq!(filtered_page["total"], 2);
    assert_eq!(list("limit=200").await["limit"], 200, "the largest page");
});

both_engines!(invalid_list_parameters_are_refused_naming_the_field, |app| async move {
    let d = demo(&app).await;
    let cases = [
        ("limit=0", Some("limit"), "limit 0"),
        ("limit=201", Some("limit"), "limit above 200"),
        ("limit=-5", Some("limit"), "negative limit"),
        ("offset=-1", Some("offset"), "negative offset"),
        ("sort=newest", Some("sort"), "unknown sort"),
        ("sort=title;drop%20table%20requirements", Some("sort"), "SQL in the sort"),
        ("status=done", Some("status"), "unknown status"),
        ("limit=ten", None, "limit not a number"),
    ];
    for (query, field, why) in cases {
        let reply = d.pm.get(&format!("{}?{query}", requirements_path(&d.project))).await;

        reply.expect_error(422, "invalid", field, why);
    }
});

/// Percent-encodes a query value (UTF-8), enough for these tests.
fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

// ---------------------------------------------------------------- OpenAPI

both_engines!(the_openapi_document_lists_the_requirement_paths, |app| async move {
    let client = app.bare_client();

    let document = client.get("/api/v1/openapi.json").await.expect(200, "GET /api/v1/openapi.json").clone();

    let paths = document["paths"].as_object().expect("a paths object");
    let expected = [
        ("/api/v1/projects/{id}/requirements", &["get", "post"][..]),
        ("/api/v1/requirements/{id}", &["get", "patch"][..]),
        ("/api/v1/requirements/{id}/revisions", &["get"][..]),
        ("/api/v1/requirements/{id}/revisions/{n}", &["get"][..]),
        ("/api/v1/requirements/{id}/diff", &["get"][..]),
        ("/api/v1/requirements/{id}/transitions", &["post"][..]),
        ("/api/v1/requirements/{id}/comments", &["get", "post"][..]),
    ];
    for (path, methods) in expected {
        let item = paths.get(path).unwrap_or_else(|| panic!("the document lists {path}"));
        for method in methods {
            assert!(item.get(*method).is_some(), "{method} {path} is documented");
        }
    }
    let list_parameters: Vec<&str> = paths["/api/v1/projects/{id}/requirements"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for name in ["status", "department", "owner", "q", "sort", "limit", "offset"] {
        assert!(list_parameters.contains(&name), "the list's {name} parameter is documented: {list_parameters:?}");
    }
});
