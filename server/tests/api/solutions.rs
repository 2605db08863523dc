//! Solution options and schedule changes over HTTP: proposing options with work plans (and who may),
//! plan files out and back in as revisions, comments and blocking concerns, choosing, change
//! requests with the leaders' decisions, baselines, rejection and withdrawal, the "waiting for my
//! decision" list, the notifications they send, and the OpenAPI document.
//!
//! Every test works on its own project "Approval status" (code `APS`): led by A, with B as
//! collaborator, kick-off Monday 2026-03-02, target launch 2026-03-31. The organisation calendar is
//! set to `weekdays` first, so plans never run past the shipped `cn` calendar's last day
//! (2026-12-31) whatever today's date is — C, in the demo, has no slot until three weeks from today.

use crate::helpers::*;
use app::domain::schedule::impact::Impact;
use app::domain::schedule::{Plan, ScheduledPlan};
use reqwest::Method;
use serde_json::{json, Value};

// ---------------------------------------------------------------- helpers

const KICKOFF: &str = "2026-03-02";
const TARGET_LAUNCH: &str = "2026-03-31";
/// The base plan's launch: B's API Mon–Wed 2–4 March, then A's check Thu–Fri 5–6 March.
const BASE_LAUNCH: &str = "2026-03-06";
/// Working days from the base launch (Fri 6 March) back from the target (Tue 31 March): 17.
const BASE_VS_TARGET: i64 = -17;
const OUTSIDER_PASSWORD: &str = "a long enough password";

/// The project every test works on, with its lead PM and the admin signed in.
pub(crate) struct World {
    pub(crate) admin: Client,
    /// xiaozhang, PM of A (the lead department).
    pub(crate) pm_a: Client,
    pub(crate) project: String,
    /// A requirement with scenarios S1 and S2.
    pub(crate) requirement: String,
}

/// Sets the organisation calendar to `weekdays`, creates the project (A leads, B collaborates)
/// and its requirement.
pub(crate) async fn world(app: &TestApp) -> World {
    let admin = app.login("admin").await;
    let version = admin.read("/api/v1/calendar").await["version"].clone();
    admin.put("/api/v1/calendar", json!({"calendar": "weekdays", "version": version})).await.expect(200, "setting the weekdays calendar");
    let pm_a = app.login("xiaozhang").await;
    let project = project(&pm_a, "Approval status", "APS", "internal").await;
    let requirement = requirement(&pm_a, &project).await;
    World { admin, pm_a, project, requirement }
}

/// A project led by A with B as collaborator, created by `pm` (A's PM); its id.
pub(crate) async fn project(pm: &Client, name: &str, code: &str, visibility: &str) -> String {
    let (a, b) = (pm.department_id("A").await, pm.department_id("B").await);
    let body = json!({
        "name": name,
        "code": code,
        "goal": "A charges an order only after B has approved it.",
        "lead_department_id": a,
        "kickoff_on": KICKOFF,
        "target_launch_on": TARGET_LAUNCH,
        "visibility": visibility,
    });
    let id = pm.create_project(body).await["id"].as_str().expect("a project id").to_string();
    let reply = pm.post(&format!("/api/v1/projects/{id}/stakeholders"), json!({"department_id": b, "role": "collaborator"})).await;
    reply.expect(201, "adding B as collaborator");
    id
}

/// A requirement with two scenarios (S1, S2) in the project; its id.
pub(crate) async fn requirement(pm: &Client, project: &str) -> String {
    let b = pm.department_id("B").await;
    let body = json!({
        "title": "Payment requires approval",
        "goal": "No order is charged before its approval.",
        "scenarios": [
            {"name": "approved before the first query", "given": "an approved order", "when": "A queries", "then": "A charges it"},
            {"name": "auto-approved", "notes": "small orders are approved by the system"},
        ],
        "change_points": [{"department_id": b, "text": "B offers an approval-status API"}],
    });
    id_of(&pm.create_requirement(project, body).await)
}

/// Department D ("RISK") with a PM, xiaoding, who is no stakeholder of anything; signed in.
async fn outsider(app: &TestApp, admin: &Client) -> Client {
    let department = admin.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await;
    let department = department.expect(201, "adding department D")["id"].as_str().expect("a department id").to_string();
    let person = json!({
        "username": "xiaoding",
        "display_name": "小丁",
        "department_id": department,
        "role": "pm",
        "is_admin": false,
        "password": OUTSIDER_PASSWORD,
    });
    admin.post("/api/v1/users", person).await.expect(201, "adding D's PM");
    app.login_with("xiaoding", OUTSIDER_PASSWORD).await
}

/// B's approval-status API (3 days), then A's check before charging (2 days), then the launch.
pub(crate) fn base_plan() -> Value {
    WorkPlan::new()
        .item("b-api", "B approval-status API", "B", 3, &[])
        .item("a-charge", "A checks before charging", "A", 2, &["b-api"])
        .milestone("interface-defined", &["b-api"])
        .milestone("launch", &["a-charge"])
        .json()
}

/// The base plan with C's order data (`c_effort` days) needed before A's check: C is new to the
/// project and has no slot for three weeks, so the launch moves.
fn plan_with_c(c_effort: i64) -> Value {
    WorkPlan::new()
        .item("b-api", "B approval-status API", "B", 3, &[])
        .item("c-info", "C order data", "C", c_effort, &[])
        .item("a-charge", "A checks before charging", "A", 2, &["b-api", "c-info"])
        .milestone("interface-defined", &["b-api"])
        .milestone("launch", &["a-charge"])
        .json()
}

pub(crate) fn option_body(title: &str, plan: Value, covered: &[&str]) -> Value {
    json!({
        "title": title,
        "description": "A asks **B** before charging.",
        "covered_scenarios": covered,
        "plan": plan,
        "summary": "first proposal",
    })
}

fn options_path(requirement: &str) -> String {
    format!("/api/v1/requirements/{requirement}/options")
}

pub(crate) fn request_path(request: &str) -> String {
    format!("/api/v1/change-requests/{request}")
}

/// Proposes an option as `client` (who must be allowed to); its detail.
pub(crate) async fn propose(client: &Client, requirement: &str, body: Value) -> Value {
    client.post(&options_path(requirement), body).await.expect(201, "proposing an option").clone()
}

/// xiaozhang's option "Query B's approval status" on the base plan, covering both scenarios.
pub(crate) async fn base_option(w: &World) -> Value {
    propose(&w.pm_a, &w.requirement, option_body("Query B's approval status", base_plan(), &["S1", "S2"])).await
}

/// Chooses an option as `client` (who must be allowed to); the change request's id.
pub(crate) async fn choose(client: &Client, option: &str, rationale: &str) -> String {
    let version = client.read(&option_path(option)).await["version"].clone();
    let reply = client.post(&format!("{}/choose", option_path(option)), json!({"rationale": rationale, "version": version})).await;
    let saved = reply.expect(200, "choosing an option");
    saved["change_request_id"].as_str().unwrap_or_else(|| panic!("choosing opened a request: {saved}")).to_string()
}

pub(crate) async fn decide(client: &Client, request: &str, decision: &str, comment: &str) -> Reply {
    client.post(&format!("{}/decisions", request_path(request)), json!({"decision": decision, "comment": comment})).await
}

/// The base option proposed, chosen by xiaozhang and approved by the leaders of A and B: the
/// project's baseline 1. Returns the option's id and the choice's request id.
async fn agreed(app: &TestApp, w: &World) -> (String, String) {
    let option = id_of(&base_option(w).await);
    let request = choose(&w.pm_a, &option, "Smallest change that closes the gap").await;
    for leader in ["zhaozong", "sunzong"] {
        decide(&app.login(leader).await, &request, "approve", "").await.expect(200, &format!("{leader} approving"));
    }
    assert_eq!(w.pm_a.read(&request_path(&request)).await["summary"]["status"], "approved");
    (option, request)
}

/// Edits the chosen option to need C's data (`c_effort` days) with a reason; the request it opens.
async fn change_with_c(pm: &Client, option: &str, version: i64, c_effort: i64) -> String {
    let patch = json!({"version": version, "plan": plan_with_c(c_effort), "reason": "A needs C's order data too", "summary": "C's data"});
    let saved = pm.patch(&option_path(option), patch).await.expect(200, "editing the chosen option with a reason").clone();
    saved["change_request_id"].as_str().unwrap_or_else(|| panic!("the edit opened a change request: {saved}")).to_string()
}

/// A field of every element of a JSON array, as strings.
fn field_of(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {list}"))
        .iter()
        .map(|item| item[key].as_str().unwrap_or_else(|| panic!("no string {key} in {item}")).to_string())
        .collect()
}

async fn option_count(client: &Client, requirement: &str) -> usize {
    len(&client.read(&options_path(requirement)).await)
}

async fn revision_count(client: &Client, option: &str) -> usize {
    len(&client.read(&format!("{}/revisions", option_path(option))).await)
}

async fn baselines(client: &Client, project: &str) -> Value {
    client.read(&format!("/api/v1/projects/{project}/baselines")).await
}

pub(crate) async fn requests(client: &Client, project: &str) -> Value {
    client.read(&format!("/api/v1/projects/{project}/change-requests")).await
}

/// The ids of the pending requests waiting for `client`'s decision in this project.
async fn waiting(client: &Client, project: &str) -> Vec<String> {
    let list = client.read("/api/v1/me/decisions").await;
    list.as_array()
        .unwrap_or_else(|| panic!("a list of requests, got {list}"))
        .iter()
        .filter(|r| r["project_id"] == project)
        .map(id_of)
        .collect()
}

/// The client's notifications of `kind` that open this change request.
async fn notifications_about(client: &Client, request: &str, kind: &str) -> Vec<Value> {
    let link = format!("/change-requests/{request}");
    let list = client.read("/api/v1/notifications").await;
    list.as_array()
        .unwrap_or_else(|| panic!("a list of notifications, got {list}"))
        .iter()
        .filter(|n| n["link"] == link && n["kind"] == kind)
        .cloned()
        .collect()
}

// ---------------------------------------------------------------- proposing

both_engines!(stakeholders_pms_and_architects_propose_options_measured_against_the_target_launch, |app| async move {
    // Arrange
    let w = world(&app).await;
    let me = w.pm_a.read("/api/v1/me").await;
    let architect_b = app.login("chengong").await;

    // Act
    let reply = w.pm_a.post(&options_path(&w.requirement), option_body("  Query B's approval status  ", base_plan(), &["S1"])).await;

    // Assert
    let option = reply.expect(201, "A's PM proposing").clone();
    assert_eq!(option["title"], "Query B's approval status", "the title is trimmed");
    assert_eq!(option["status"], "proposed");
    assert_eq!(option["version"], 1);
    assert_eq!(option["requirement_id"], w.requirement.as_str());
    assert_eq!(option["project_id"], w.project.as_str());
    assert_eq!(option["requirement_key"], "APS-1");
    assert_eq!(option["covered_scenarios"], json!(["S1"]));
    assert_eq!(option["plan"], base_plan(), "the plan is stored as sent");
    assert!(option["description_html"].as_str().unwrap().contains("<strong>B</strong>"), "Markdown is rendered: {option}");
    assert_eq!(option["created_by"], me["id"]);
    assert_eq!(option["created_by_name"], "小张");
    assert_eq!((&option["chosen"], &option["pending_request"], &option["plan_error"]), (&Value::Null, &Value::Null, &Value::Null));
    assert_eq!((option["is_baseline"].as_bool(), option["open_concerns"].as_i64()), (Some(false), Some(0)));
    assert_eq!(
        (option["can_edit"].as_bool(), option["can_comment"].as_bool(), option["can_choose"].as_bool()),
        (Some(true), Some(true), Some(true))
    );
    let impact = &option["impact"];
    assert_eq!(impact["launch"], BASE_LAUNCH, "B's 3 days, then A's 2 days, from Monday 2 March");
    assert_eq!(impact["reference"], json!({"kind": "target_launch", "launch": TARGET_LAUNCH}), "no baseline yet");
    assert_eq!(impact["launch_moved_working_days"], BASE_VS_TARGET, "17 working days before the target");
    assert_eq!(impact["uncovered_scenarios"], json!(["S2"]));
    assert_eq!(
        impact["departments"],
        json!([{"code": "A", "effort": 2, "newly_pulled_in": false}, {"code": "B", "effort": 3, "newly_pulled_in": false}])
    );
    assert_eq!(impact["impact"], Value::Null, "no engine impact before a baseline");
    let context = &option["context"];
    assert_eq!(context["target_launch"], TARGET_LAUNCH);
    assert_eq!(context["stakeholder_codes"], json!(["A", "B"]));
    assert_eq!(field_of(&context["scenarios"], "id"), strings(&["S1", "S2"]));
    assert_eq!(context["frame"]["start"], KICKOFF);
    assert_eq!(context["frame"]["calendar"], "weekdays");
    assert_eq!(w.pm_a.read(&format!("/api/v1/requirements/{}/plan-context", w.requirement)).await, *context);
    assert_eq!(w.pm_a.read(&option_path(&id_of(&option))).await, option, "reading it back");

    // B's architect may propose too; an option may pull in C, who is no stakeholder yet.
    let mut with_c = option_body("C keeps the approval flag", plan_with_c(4), &["S1", "S2"]);
    with_c["summary"] = json!("C's way");
    let second = propose(&architect_b, &w.requirement, with_c).await;
    assert_eq!(second["created_by_name"], "陈工");
    assert_eq!(second["can_choose"], false, "only the lead department's PM chooses");
    assert_eq!(second["impact"]["uncovered_scenarios"], json!([]));
    let c = find_by(&second["impact"]["departments"], "code", "C");
    assert_eq!((c["effort"].as_i64(), c["newly_pulled_in"].as_bool()), (Some(4), Some(true)), "C is pulled in: {c}");
    assert!(second["impact"]["launch"].as_str().unwrap() > BASE_LAUNCH, "C's late slot moves the launch: {}", second["impact"]);
    let list = w.pm_a.read(&options_path(&w.requirement)).await;
    assert_eq!(field_of(&list, "id"), vec![id_of(&option), id_of(&second)], "oldest first");
    assert_eq!(field_of(&list, "status"), strings(&["proposed", "proposed"]));
    assert_eq!(list[0]["launch"], BASE_LAUNCH);
    assert_eq!(list[0]["created_by_name"], "小张");
    assert_eq!(list[0]["open_concerns"], 0);
    let revisions = w.pm_a.read(&format!("{}/revisions", option_path(&id_of(&option)))).await;
    assert_eq!(len(&revisions), 1);
    assert_eq!((revisions[0]["revision"].as_i64(), revisions[0]["summary"].as_str()), (Some(1), Some("first proposal")));
    assert_eq!(revisions[0]["launch"], BASE_LAUNCH);
    assert_eq!(revisions[0]["baseline_number"], Value::Null);
});

both_engines!(options_outside_the_rules_are_refused_and_nothing_is_written, |app| async move {
    // Arrange
    let w = world(&app).await;
    let outsider = outsider(&app, &w.admin).await;
    base_option(&w).await;
    let restricted = project(&w.pm_a, "Approval status (restricted)", "APR", "restricted").await;
    let restricted_requirement = requirement(&w.pm_a, &restricted).await;
    let valid = option_body("Query B's approval status", base_plan(), &["S1"]);
    let mut cycle = valid.clone();
    cycle["plan"]["items"][0]["after"] = json!(["a-charge"]);
    let mut unknown_department = valid.clone();
    unknown_department["plan"]["items"][1]["department"] = json!("ZZ");
    let unknown_scenario = with(&valid, "covered_scenarios", json!(["S9"]));
    let mut zero_effort = valid.clone();
    zero_effort["plan"]["items"][0]["effort"] = json!(0);
    let before = option_count(&w.pm_a, &w.requirement).await;

    // Act and assert: validation, in the order people meet it.
    let cases = [
        (cycle, Some("plan"), "a plan with a cycle"),
        (unknown_department, Some("plan.items[1].department"), "an unknown department code"),
        (unknown_scenario, Some("covered_scenarios[0]"), "a scenario the requirement does not have"),
        (with(&valid, "title", json!("")), Some("title"), "an empty title"),
        (with(&valid, "title", json!("   ")), Some("title"), "a blank title"),
        (zero_effort, Some("plan"), "an item without effort"),
        (with(&valid, "status", json!("chosen")), None, "an unknown JSON field"),
    ];
    for (body, field, why) in cases {
        let reply = w.pm_a.post(&options_path(&w.requirement), body).await;

        reply.expect_error(422, "invalid", field, why);
    }
    let mut cycle = valid.clone();
    cycle["plan"]["items"][0]["after"] = json!(["a-charge"]);
    let message = w.pm_a.post(&options_path(&w.requirement), cycle).await.json["error"]["message"].clone();
    assert!(message.as_str().is_some_and(|m| m.contains("cycle")), "the engine's words: {message}");

    // Act and assert: who may not.
    let engineer_a = app.login("xiaoli").await;
    engineer_a.post(&options_path(&w.requirement), valid.clone()).await.expect_error(403, "forbidden", None, "A's engineer proposing");
    let leader_b = app.login("sunzong").await;
    leader_b.post(&options_path(&w.requirement), valid.clone()).await.expect_error(403, "forbidden", None, "B's leader proposing");
    outsider.post(&options_path(&w.requirement), valid.clone()).await.expect_error(
        403,
        "forbidden",
        None,
        "D's PM on an internal project it is no stakeholder of",
    );
    outsider.post(&options_path(&restricted_requirement), valid.clone()).await.expect_error(
        404,
        "not_found",
        None,
        "D's PM on a restricted project: it does not exist for them",
    );
    outsider.get(&options_path(&restricted_requirement)).await.expect_error(
        404,
        "not_found",
        None,
        "D's PM listing a restricted project's options",
    );
    w.pm_a.post(&options_path("no-such-requirement"), valid.clone()).await.expect_error(404, "not_found", None, "an unknown requirement");
    app.client().post(&options_path(&w.requirement), valid.clone()).await.expect_error(401, "unauthorized", None, "signed out");

    assert_eq!(option_count(&w.pm_a, &w.requirement).await, before, "nothing was written");
    assert_eq!(option_count(&w.pm_a, &restricted_requirement).await, 0, "nothing was written in the restricted project");
});

// ---------------------------------------------------------------- plan files and revisions

both_engines!(a_plan_file_goes_out_and_comes_back_as_a_new_revision, |app| async move {
    // Arrange
    let w = world(&app).await;
    let option = base_option(&w).await;
    let id = id_of(&option);
    let plan_path = format!("{}/plan", option_path(&id));

    // Act
    let exported = w.pm_a.read(&plan_path).await;

    // Assert: the option's work on the project's frame.
    assert_eq!(exported["items"], option["plan"]["items"]);
    assert_eq!(exported["milestones"], option["plan"]["milestones"]);
    assert_eq!(exported["start"], KICKOFF);
    assert_eq!(exported["calendar"], "weekdays");
    assert_eq!(field_of(&exported["departments"], "id"), strings(&["A", "B"]), "only the teams with work");
    let engine: Plan = serde_json::from_value(exported.clone()).expect("the export is a plan file");
    let scheduled = ScheduledPlan::from_plan(engine).expect("the exported plan schedules");
    assert_eq!(scheduled.schedule.launch.to_string(), BASE_LAUNCH, "and schedules to the option's launch");

    // Act: back in, B's API a day longer, with If-Match; the file's start is the project's, not its own.
    let mut edited = exported.clone();
    edited["items"][0]["effort"] = json!(4);
    edited["start"] = json!("2030-01-07");
    let request = w.pm_a.request(Method::PUT, &plan_path).header("if-match", "\"1\"").query(&[("summary", "B needs a day more")]);
    let saved = w.pm_a.send(request.json(&edited)).await;

    // Assert
    let saved = saved.expect(200, "importing with If-Match").clone();
    assert_eq!(saved["change_request_id"], Value::Null, "a proposed option opens no request");
    let revised = &saved["option"];
    assert_eq!(revised["version"], 2);
    assert_eq!(revised["plan"]["items"], edited["items"]);
    assert_eq!(revised["impact"]["launch"], "2026-03-09", "a day later, over the weekend");
    assert_eq!(w.pm_a.read(&plan_path).await["start"], KICKOFF, "the file's start was set aside");
    assert_eq!(w.pm_a.read(&format!("{plan_path}?revision=1")).await, exported, "revision 1 is kept as it was");
    let revision_2 = w.pm_a.read(&format!("{}/revisions/2", option_path(&id))).await;
    assert_eq!(revision_2["plan"]["items"], edited["items"]);
    assert_eq!(revision_2["title"], "Query B's approval status");

    // Act: again with ?version, then a stale import and a stale PATCH.
    edited["items"][1]["effort"] = json!(3);
    let again = w.pm_a.send(w.pm_a.request(Method::PUT, &plan_path).query(&[("version", "2")]).json(&edited)).await;
    assert_eq!(again.expect(200, "importing with ?version")["option"]["version"], 3);
    let stale = w.pm_a.send(w.pm_a.request(Method::PUT, &plan_path).query(&[("version", "1")]).json(&exported)).await;
    stale.expect_error(409, "edit_conflict", None, "importing over revision 1 when 3 is current");
    assert_eq!(stale.json["error"]["current_revision"], 3);
    assert_eq!(stale.json["error"]["saved_by"], "小张");
    let stale_patch = w.pm_a.patch(&option_path(&id), json!({"version": 2, "title": "Another title"})).await;
    stale_patch.expect_error(409, "edit_conflict", None, "a PATCH based on revision 2");
    let disagree = w.pm_a.request(Method::PUT, &plan_path).header("if-match", "\"3\"").query(&[("version", "2")]).json(&exported);
    w.pm_a.send(disagree).await.expect_error(400, "bad_request", None, "If-Match and ?version disagree");
    let broken =
        w.pm_a.request(Method::PUT, &plan_path).query(&[("version", "3")]).header("content-type", "application/json").body("{\"items\": [");
    w.pm_a.send(broken).await.expect_error(422, "invalid", Some("plan"), "an unreadable plan file");
    let no_version = w.pm_a.send(w.pm_a.request(Method::PUT, &plan_path).json(&exported)).await;
    no_version.expect_error(428, "version_required", Some("version"), "an import without a version");

    let revisions = w.pm_a.read(&format!("{}/revisions", option_path(&id))).await;
    assert_eq!(len(&revisions), 3, "the refusals wrote nothing");
    let numbers: Vec<i64> = revisions.as_array().unwrap().iter().map(|r| r["revision"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [3, 2, 1], "newest first");
    assert_eq!(revisions[1]["summary"], "B needs a day more");
    let current = w.pm_a.read(&option_path(&id)).await;
    assert_eq!((current["version"].as_i64(), current["title"].as_str()), (Some(3), Some("Query B's approval status")));
});

// ---------------------------------------------------------------- comments and concerns

both_engines!(a_concern_blocks_choosing_until_its_author_resolves_it, |app| async move {
    // Arrange
    let w = world(&app).await;
    let option = id_of(&base_option(&w).await);
    let comments = format!("{}/comments", option_path(&option));
    let architect_b = app.login("chengong").await;

    // Act
    let reply = architect_b.post(&comments, json!({"body": "B's legacy approval logic is **not** covered.", "concern": true})).await;

    // Assert
    let concern = reply.expect(201, "B's architect raising a concern").clone();
    assert_eq!(concern["author_role"], "architect", "the badge");
    assert_eq!(concern["author_name"], "陈工");
    assert_eq!(concern["is_concern"], true);
    assert_eq!(concern["resolved"], Value::Null);
    assert_eq!(concern["parent_id"], Value::Null);
    assert_eq!(concern["can_resolve"], true, "its author may resolve it");
    assert!(concern["body_html"].as_str().unwrap().contains("<strong>not</strong>"), "{concern}");
    assert_eq!(w.pm_a.read(&option_path(&option)).await["open_concerns"], 1);
    assert_eq!(find_by(&w.pm_a.read(&comments).await, "id", &id_of(&concern))["can_resolve"], false, "not A's PM");
    let resolve_path = format!("/api/v1/option-comments/{}/resolve", id_of(&concern));
    w.pm_a.post(&resolve_path, json!({"note": "I think it is fine"})).await.expect_error(
        403,
        "forbidden",
        None,
        "A's PM resolving B's concern",
    );

    let blocked = w.pm_a.post(&format!("{}/choose", option_path(&option)), json!({"rationale": "Smallest change", "version": 1})).await;
    blocked.expect_error(422, "invalid", Some("override_reason"), "choosing with an open concern and no override reason");
    assert_eq!(w.pm_a.read(&option_path(&option)).await["status"], "proposed", "not chosen");
    assert_eq!(requests(&w.pm_a, &w.project).await, json!([]), "no request opened");

    architect_b.post(&resolve_path, json!({"note": "  "})).await.expect_error(422, "invalid", Some("note"), "resolving without a note");
    let resolved = architect_b.post(&resolve_path, json!({"note": "B fixes the legacy logic first"})).await;
    let resolved = resolved.expect(200, "the architect resolving").clone();
    assert_eq!(resolved["resolved"]["note"], "B fixes the legacy logic first");
    assert_eq!(resolved["resolved"]["by_name"], "陈工");
    assert_eq!(resolved["can_resolve"], false, "resolved once");
    architect_b.post(&resolve_path, json!({"note": "again"})).await.expect_conflict("concern_resolved", "resolving twice");
    assert_eq!(w.pm_a.read(&option_path(&option)).await["open_concerns"], 0);
    assert_eq!(len(&w.pm_a.read(&options_path(&w.requirement)).await), 1);
    assert_eq!(w.pm_a.read(&options_path(&w.requirement)).await[0]["open_concerns"], 0);
});

both_engines!(replies_stay_in_the_first_comments_thread_and_outsiders_cannot_comment, |app| async move {
    // Arrange
    let w = world(&app).await;
    let option = id_of(&base_option(&w).await);
    let comments = format!("{}/comments", option_path(&option));
    let (architect_b, engineer_a) = (app.login("chengong").await, app.login("xiaoli").await);

    // Act
    let first = w.pm_a.post(&comments, json!({"body": "Does B answer within 200 ms?"})).await.expect(201, "A's PM commenting").clone();
    let reply = architect_b.post(&comments, json!({"body": "Yes, cached.", "parent_id": id_of(&first)})).await;
    let reply = reply.expect(201, "B's architect replying").clone();
    let nested = engineer_a.post(&comments, json!({"body": "Then A needs no retry.", "parent_id": id_of(&reply)})).await;
    let nested = nested.expect(201, "A's engineer replying to the reply").clone();

    // Assert
    assert_eq!(
        (&first["parent_id"], first["is_concern"].as_bool(), first["author_role"].as_str()),
        (&Value::Null, Some(false), Some("pm"))
    );
    assert_eq!(first["can_resolve"], false, "a plain comment is not resolved");
    assert_eq!(reply["parent_id"], first["id"]);
    assert_eq!(nested["parent_id"], first["id"], "a reply to a reply lands in the first comment's thread");
    assert_eq!(nested["author_role"], "engineer");
    let listed = w.pm_a.read(&comments).await;
    assert_eq!(field_of(&listed, "id"), vec![id_of(&first), id_of(&reply), id_of(&nested)]);

    let other_option = id_of(&propose(&architect_b, &w.requirement, option_body("Another way", base_plan(), &[])).await);
    let foreign_parent =
        w.pm_a.post(&format!("{}/comments", option_path(&other_option)), json!({"body": "x", "parent_id": id_of(&first)})).await;
    foreign_parent.expect_error(422, "invalid", Some("parent_id"), "a parent on another option");
    w.pm_a.post(&comments, json!({"body": "  "})).await.expect_error(422, "invalid", Some("body"), "an empty comment");
    for (username, why) in [("xiaoming", "C's PM, outside the stakeholders"), ("qianzong", "C's leader, outside the stakeholders")] {
        let outsider = app.login(username).await;

        let refused = outsider.post(&comments, json!({"body": "May I?"})).await;

        refused.expect_error(403, "forbidden", None, why);
        assert_eq!(outsider.read(&comments).await, listed, "{why} still reads an internal project's comments");
    }
    assert_eq!(w.pm_a.read(&comments).await, listed, "the refusals wrote nothing");
});

// ---------------------------------------------------------------- choosing and deciding

both_engines!(choosing_opens_a_request_that_becomes_baseline_1_when_every_listed_leader_approves, |app| async move {
    // Arrange
    let w = world(&app).await;
    let option = base_option(&w).await;
    let id = id_of(&option);
    let architect_b = app.login("chengong").await;
    let other = id_of(&propose(&architect_b, &w.requirement, option_body("B pushes the status to A", base_plan(), &["S1"])).await);
    let choose_path = format!("{}/choose", option_path(&id));
    let (pm_b, leader_a, leader_b, leader_c) =
        (app.login("xiaolan").await, app.login("zhaozong").await, app.login("sunzong").await, app.login("qianzong").await);
    for (client, why) in [(&pm_b, "B's PM (a collaborator)"), (&architect_b, "B's architect"), (&leader_a, "A's leader")] {
        client.post(&choose_path, json!({"rationale": "Mine"})).await.expect_error(403, "forbidden", None, why);
    }
    w.pm_a.post(&choose_path, json!({"rationale": " "})).await.expect_error(422, "invalid", Some("rationale"), "no rationale");
    w.pm_a.post(&choose_path, json!({"rationale": "x", "version": 2})).await.expect_error(409, "stale_version", None, "a stale version");
    assert_eq!(requests(&w.pm_a, &w.project).await, json!([]), "the refusals opened no request");

    // Act
    let reply = w.pm_a.post(&choose_path, json!({"rationale": "Smallest change that closes the gap", "version": 1})).await;

    // Assert: the option is chosen, the other not, and a request waits for A and B.
    let saved = reply.expect(200, "A's PM choosing").clone();
    let request = saved["change_request_id"].as_str().expect("a change request").to_string();
    let chosen = &saved["option"];
    assert_eq!(chosen["status"], "chosen");
    assert_eq!(chosen["chosen"]["by_name"], "小张");
    assert_eq!(chosen["chosen"]["rationale"], "Smallest change that closes the gap");
    assert_eq!(chosen["chosen"]["override_reason"], Value::Null);
    assert_eq!(chosen["pending_request"], request.as_str());
    assert_eq!(chosen["is_baseline"], false, "not before the leaders approve");
    assert_eq!(w.pm_a.read(&option_path(&other)).await["status"], "not_chosen");
    let detail = w.pm_a.read(&request_path(&request)).await;
    let summary = &detail["summary"];
    assert_eq!((summary["kind"].as_str(), summary["status"].as_str()), (Some("choice"), Some("pending")));
    assert_eq!((summary["option_id"].as_str(), summary["revision"].as_i64()), (Some(id.as_str()), Some(1)));
    assert_eq!(summary["reason"], "Smallest change that closes the gap");
    assert_eq!(summary["launch"], BASE_LAUNCH);
    assert_eq!(summary["launch_moved_working_days"], Value::Null, "a first baseline moves nothing");
    assert_eq!((summary["requested_by_name"].as_str(), &summary["decided_at"]), (Some("小张"), &Value::Null));
    assert_eq!(summary["project_name"], "Approval status");
    assert_eq!((&detail["baseline_plan"], &detail["baseline_number"], &detail["impact"]), (&Value::Null, &Value::Null, &Value::Null));
    assert_eq!(detail["plan"], w.pm_a.read(&format!("{}/plan", option_path(&id))).await, "the frozen plan file");
    assert_eq!(detail["target_launch"], TARGET_LAUNCH);
    let approvals = &detail["approvals"];
    assert_eq!(field_of(approvals, "code"), strings(&["A", "B"]), "every department with work, and the lead");
    assert_eq!(approvals[0]["reasons"], json!([{"kind": "lead_department"}, {"kind": "work_in_plan", "effort": 2}]));
    assert_eq!(approvals[1]["reasons"], json!([{"kind": "work_in_plan", "effort": 3}]));
    assert!(approvals.as_array().unwrap().iter().all(|a| a["decision"].is_null()), "nobody decided yet: {approvals}");
    assert_eq!(detail["departments_pulled_in"], json!([]));
    assert_eq!((detail["can_decide_for"].clone(), detail["can_withdraw"].as_bool()), (json!([]), Some(true)), "the requester");
    assert_eq!(leader_a.read(&request_path(&request)).await["can_decide_for"], json!(["A"]));
    assert_eq!(leader_c.read(&request_path(&request)).await["can_decide_for"], json!([]));

    let second = w.pm_a.post(&format!("{}/choose", option_path(&other)), json!({"rationale": "Or this one", "version": 1})).await;
    second.expect_conflict("request_pending", "choosing while a request is pending");
    assert_eq!(w.pm_a.read(&option_path(&other)).await["status"], "not_chosen", "the refused choice changed nothing");
    assert_eq!(len(&requests(&w.pm_a, &w.project).await), 1);

    // Act and assert: the decisions.
    decide(&leader_c, &request, "approve", "").await.expect_error(403, "forbidden", None, "C's leader, not listed");
    decide(&w.pm_a, &request, "approve", "").await.expect_error(403, "forbidden", None, "A's PM");
    decide(&w.admin, &request, "approve", "").await.expect_error(403, "forbidden", None, "an admin");
    decide(&leader_a, &request, "maybe", "").await.expect_error(422, "invalid", Some("decision"), "an unknown decision");
    let first = decide(&leader_a, &request, "approve", "Fine for A").await;
    let first = first.expect(200, "A's leader approving").clone();
    assert_eq!(first["summary"]["status"], "pending", "B has not decided");
    let a = find_by(&first["approvals"], "code", "A");
    assert_eq!(
        (a["decision"].as_str(), a["decided_by_name"].as_str(), a["comment"].as_str()),
        (Some("approved"), Some("赵总"), Some("Fine for A"))
    );
    assert!(a["decided_at"].as_i64().is_some_and(|t| t > 0));
    assert_eq!(first["can_decide_for"], json!([]), "A has decided");
    decide(&leader_a, &request, "reject", "Changed my mind").await.expect_conflict("already_decided", "A deciding twice");
    assert_eq!(baselines(&w.pm_a, &w.project).await["baselines"], json!([]), "no baseline before B approves");

    let last = decide(&leader_b, &request, "approve", "").await;

    let last = last.expect(200, "B's leader approving").clone();
    assert_eq!(last["summary"]["status"], "approved");
    assert!(last["summary"]["decided_at"].as_i64().is_some_and(|t| t > 0));
    assert_eq!(field_of(&last["approvals"], "decision"), strings(&["approved", "approved"]));
    decide(&leader_b, &request, "approve", "").await.expect_conflict("request_closed", "deciding a closed request");
    let schedule = baselines(&w.pm_a, &w.project).await;
    assert_eq!(len(&schedule["baselines"]), 1);
    let baseline = &schedule["baselines"][0];
    assert_eq!(baseline["number"], 1);
    assert_eq!(baseline["launch"], summary["launch"], "the request's launch");
    assert_eq!((baseline["option_id"].as_str(), baseline["revision"].as_i64()), (Some(id.as_str()), Some(1)));
    assert_eq!(baseline["option_title"], "Query B's approval status");
    assert_eq!(
        (baseline["request_id"].as_str(), baseline["reason"].as_str()),
        (Some(request.as_str()), Some("Smallest change that closes the gap"))
    );
    assert_eq!(baseline["launch_moved_working_days"], Value::Null, "the first baseline");
    let mut approved_by: Vec<&str> = baseline["approved_by"].as_array().expect("approvers").iter().filter_map(Value::as_str).collect();
    approved_by.sort();
    assert_eq!(approved_by, ["孙总 (B)", "赵总 (A)"], "who approved, with their department");
    assert_eq!(schedule["current_plan"], detail["plan"]);
    assert_eq!(schedule["target_launch"], TARGET_LAUNCH);
    assert_eq!(field_of(&schedule["requests"], "status"), strings(&["approved"]));
    let page = w.pm_a.read(&option_path(&id)).await;
    assert_eq!(page["is_baseline"], true);
    assert_eq!(page["pending_request"], Value::Null);
    assert_eq!(page["impact"]["reference"], json!({"kind": "baseline", "number": 1, "launch": BASE_LAUNCH}));
    assert_eq!(page["impact"]["launch_moved_working_days"], 0);
    assert_eq!(w.pm_a.read(&format!("{}/revisions", option_path(&id))).await[0]["baseline_number"], 1);
    assert_eq!(page["context"]["baseline_number"], 1);
    assert_eq!(page["context"]["baseline"], detail["plan"]);
    let again = w.pm_a.post(&choose_path, json!({"rationale": "Again", "version": 1})).await;
    again.expect_conflict("already_agreed", "choosing the revision that is already the baseline");
});

// ---------------------------------------------------------------- changing the agreed schedule

both_engines!(a_change_to_the_chosen_option_needs_a_reason_and_asks_the_affected_leaders, |app| async move {
    // Arrange
    let w = world(&app).await;
    let (option, _) = agreed(&app, &w).await;
    let stakeholders_path = format!("/api/v1/projects/{}/stakeholders", w.project);
    let stakeholders_before = w.pm_a.read(&stakeholders_path).await;
    let without_reason = json!({"version": 1, "plan": plan_with_c(4), "summary": "C's data"});

    // Act
    let refused = w.pm_a.patch(&option_path(&option), without_reason).await;

    // Assert
    refused.expect_error(422, "invalid", Some("reason"), "a change of the agreed schedule without a reason");
    assert_eq!(revision_count(&w.pm_a, &option).await, 1, "no revision written");
    assert_eq!(w.pm_a.read(&option_path(&option)).await["version"], 1);
    assert_eq!(w.pm_a.read(&stakeholders_path).await, stakeholders_before, "C was not pulled in");
    assert_eq!(len(&requests(&w.pm_a, &w.project).await), 1, "only the choice's request");

    // Act
    let request = change_with_c(&w.pm_a, &option, 1, 4).await;

    // Assert: the request and what it did.
    let page = w.pm_a.read(&option_path(&option)).await;
    assert_eq!((page["version"].as_i64(), page["status"].as_str()), (Some(2), Some("chosen")));
    assert_eq!(page["pending_request"], request.as_str());
    assert_eq!(page["is_baseline"], false, "revision 2 is not agreed yet");
    let detail = w.pm_a.read(&request_path(&request)).await;
    let summary = &detail["summary"];
    assert_eq!((summary["kind"].as_str(), summary["status"].as_str()), (Some("change"), Some("pending")));
    assert_eq!((summary["revision"].as_i64(), summary["reason"].as_str()), (Some(2), Some("A needs C's order data too")));
    let impact = &detail["impact"];
    let moved = impact["launch_moved_working_days"].as_i64().expect("a launch move");
    assert!(moved > 0, "C's late slot pushes the launch: {impact}");
    assert_eq!(summary["launch_moved_working_days"], moved);
    assert_eq!(summary["launch"], page["impact"]["launch"]);
    assert_eq!(impact["baseline_launch"], BASE_LAUNCH);
    assert_eq!(impact["departments_newly_involved"], json!(["C"]));
    assert_eq!(detail["baseline_number"], 1);
    assert_eq!(detail["baseline_plan"], baselines(&w.pm_a, &w.project).await["current_plan"]);
    let approvals = &detail["approvals"];
    let codes = field_of(approvals, "code");
    assert!(codes.contains(&"A".to_string()) && codes.contains(&"C".to_string()), "A (the lead) and C decide: {codes:?}");
    assert!(!codes.contains(&"B".to_string()), "B's work did not change: {codes:?}");
    assert_eq!(find_by(approvals, "code", "A")["reasons"][0], json!({"kind": "lead_department"}));
    assert!(
        find_by(approvals, "code", "C")["reasons"].as_array().unwrap().contains(&json!({"kind": "newly_involved", "effort": 4})),
        "C is newly involved with 4 days: {approvals}"
    );
    assert_eq!(detail["departments_pulled_in"], json!(["C"]));
    let stakeholders = w.pm_a.read(&stakeholders_path).await;
    assert_eq!(
        stakeholder_roles(&stakeholders),
        pairs(&[("A", "lead"), ("B", "collaborator"), ("C", "collaborator")]),
        "C is a stakeholder now"
    );
    assert_eq!(app.login("qianzong").await.read(&request_path(&request)).await["can_decide_for"], json!(["C"]));

    // The impact stored with the request is the engine's, for the plans stored with it.
    let baseline_plan: Plan = serde_json::from_value(detail["baseline_plan"].clone()).expect("the baseline's plan file");
    let plan: Plan = serde_json::from_value(detail["plan"].clone()).expect("the request's plan file");
    let expected = ScheduledPlan::from_plan(baseline_plan)
        .expect("the baseline schedules")
        .impact_of(&ScheduledPlan::from_plan(plan).expect("the plan schedules"));
    let stored: Impact = serde_json::from_value(impact.clone()).expect("the stored impact reads as the engine's type");
    assert_eq!(stored, expected);
    assert_eq!(i64::from(expected.launch_moved_working_days), moved);

    // Act: another edit while the request is pending.
    let busy = json!({"version": 2, "plan": plan_with_c(6), "reason": "C needs longer", "summary": "C's estimate"});
    let busy = w.pm_a.patch(&option_path(&option), busy).await;

    // Assert
    busy.expect_conflict("request_pending", "changing the agreed schedule while a request is pending");
    assert_eq!(revision_count(&w.pm_a, &option).await, 2, "nothing written");
    assert_eq!(w.pm_a.read(&option_path(&option)).await["plan"], page["plan"]);
    assert_eq!(len(&requests(&w.pm_a, &w.project).await), 2);
});

both_engines!(a_leaders_rejection_keeps_the_baseline_and_the_requester_may_withdraw, |app| async move {
    // Arrange
    let w = world(&app).await;
    let (option, _) = agreed(&app, &w).await;
    let request = change_with_c(&w.pm_a, &option, 1, 4).await;
    let (leader_a, leader_c) = (app.login("zhaozong").await, app.login("qianzong").await);

    // Act
    decide(&leader_c, &request, "reject", "  ").await.expect_error(422, "invalid", Some("comment"), "rejecting without a comment");
    assert_eq!(w.pm_a.read(&request_path(&request)).await["summary"]["status"], "pending", "the refusal decided nothing");
    let rejected = decide(&leader_c, &request, "reject", "C has no slot before the launch").await;

    // Assert
    let rejected = rejected.expect(200, "C's leader rejecting").clone();
    assert_eq!(rejected["summary"]["status"], "rejected");
    let c = find_by(&rejected["approvals"], "code", "C");
    assert_eq!(
        (c["decision"].as_str(), c["comment"].as_str(), c["decided_by_name"].as_str()),
        (Some("rejected"), Some("C has no slot before the launch"), Some("钱总"))
    );
    decide(&leader_a, &request, "approve", "").await.expect_conflict("request_closed", "approving a rejected request");
    let schedule = baselines(&w.pm_a, &w.project).await;
    assert_eq!(len(&schedule["baselines"]), 1, "the baseline stays");
    assert_eq!(schedule["baselines"][0]["launch"], BASE_LAUNCH);
    let page = w.pm_a.read(&option_path(&option)).await;
    assert_eq!((page["version"].as_i64(), page["status"].as_str()), (Some(2), Some("chosen")), "the option keeps its new revision");
    assert_eq!((page["is_baseline"].as_bool(), &page["pending_request"]), (Some(false), &Value::Null));

    // Act: another request, withdrawn.
    let second = change_with_c(&w.pm_a, &option, 2, 2).await;
    let pm_b = app.login("xiaolan").await;
    for (client, why) in [(&pm_b, "B's PM"), (&leader_a, "A's leader")] {
        client.post(&format!("{}/withdraw", request_path(&second)), json!({})).await.expect_error(403, "forbidden", None, why);
    }
    let withdrawn = w.pm_a.post(&format!("{}/withdraw", request_path(&second)), json!({})).await;

    // Assert
    let withdrawn = withdrawn.expect(200, "the requester withdrawing").clone();
    assert_eq!(withdrawn["summary"]["status"], "withdrawn");
    assert!(withdrawn["summary"]["decided_at"].as_i64().is_some_and(|t| t > 0));
    assert_eq!((withdrawn["can_withdraw"].as_bool(), withdrawn["can_decide_for"].clone()), (Some(false), json!([])));
    w.pm_a.post(&format!("{}/withdraw", request_path(&second)), json!({})).await.expect_conflict("request_closed", "withdrawing twice");
    decide(&leader_c, &second, "approve", "").await.expect_conflict("request_closed", "approving a withdrawn request");
    assert_eq!(len(&baselines(&w.pm_a, &w.project).await["baselines"]), 1, "still baseline 1");
    assert_eq!(field_of(&requests(&w.pm_a, &w.project).await, "status"), strings(&["withdrawn", "rejected", "approved"]), "newest first");
    assert_eq!(w.pm_a.read(&option_path(&option)).await["pending_request"], Value::Null);
});

// ---------------------------------------------------------------- reading

both_engines!(the_listed_leaders_see_the_request_waiting_and_outsiders_do_not_see_it_at_all, |app| async move {
    // Arrange
    let w = world(&app).await;
    let outsider = outsider(&app, &w.admin).await;
    let option = id_of(&base_option(&w).await);
    let (leader_a, leader_b, leader_c, tech_manager_b) =
        (app.login("zhaozong").await, app.login("sunzong").await, app.login("qianzong").await, app.login("liujingli").await);

    // Act
    let request = choose(&w.pm_a, &option, "Smallest change").await;

    // Assert
    assert_eq!(waiting(&leader_a, &w.project).await, vec![request.clone()]);
    assert_eq!(waiting(&leader_b, &w.project).await, vec![request.clone()]);
    assert_eq!(waiting(&leader_c, &w.project).await, Vec::<String>::new(), "C is not listed");
    assert_eq!(w.pm_a.read("/api/v1/me/decisions").await, json!([]), "a PM decides nothing");
    assert_eq!(tech_manager_b.read("/api/v1/me/decisions").await, json!([]), "nor does a tech manager");
    let listed = find_by(&leader_a.read("/api/v1/me/decisions").await, "id", &request).clone();
    assert_eq!((listed["kind"].as_str(), listed["status"].as_str()), (Some("choice"), Some("pending")));
    assert_eq!(
        (listed["option_title"].as_str(), listed["project_name"].as_str()),
        (Some("Query B's approval status"), Some("Approval status"))
    );
    decide(&leader_a, &request, "approve", "").await.expect(200, "A's leader approving");
    assert_eq!(waiting(&leader_a, &w.project).await, Vec::<String>::new(), "A has decided");
    assert_eq!(waiting(&leader_b, &w.project).await, vec![request.clone()], "B still has to");
    app.client().get("/api/v1/me/decisions").await.expect_error(401, "unauthorized", None, "signed out");

    // A restricted project's request does not exist for outsiders.
    let restricted = project(&w.pm_a, "Approval status (restricted)", "APR", "restricted").await;
    let hidden_option = id_of(&propose(&w.pm_a, &requirement(&w.pm_a, &restricted).await, option_body("Hidden", base_plan(), &[])).await);
    let hidden_request = choose(&w.pm_a, &hidden_option, "Hidden choice").await;
    for (client, who) in [(&outsider, "D's PM"), (&leader_c, "C's leader")] {
        for path in [request_path(&hidden_request), option_path(&hidden_option), format!("/api/v1/projects/{restricted}/baselines")] {
            client.get(&path).await.expect_error(404, "not_found", None, &format!("{who} reading {path}"));
        }
        decide(client, &hidden_request, "approve", "").await.expect_error(404, "not_found", None, &format!("{who} deciding"));
        client.post(&format!("{}/withdraw", request_path(&hidden_request)), json!({})).await.expect_error(404, "not_found", None, who);
    }
    assert_eq!(
        app.login("xiaozhou").await.read(&request_path(&hidden_request)).await["summary"]["status"],
        "pending",
        "B's engineer reads it"
    );
    w.pm_a.get(&request_path("no-such-request")).await.expect_error(404, "not_found", None, "an unknown request");
});

both_engines!(the_history_lists_revisions_and_the_diff_shows_the_items_added, |app| async move {
    // Arrange
    let w = world(&app).await;
    let (option, _) = agreed(&app, &w).await;
    change_with_c(&w.pm_a, &option, 1, 4).await;

    // Act
    let revisions = w.pm_a.read(&format!("{}/revisions", option_path(&option))).await;
    let diff = w.pm_a.read(&format!("{}/diff?from=1&to=2", option_path(&option))).await;

    // Assert
    assert_eq!(len(&revisions), 2);
    assert_eq!((revisions[0]["revision"].as_i64(), revisions[0]["summary"].as_str()), (Some(2), Some("C's data")));
    assert_eq!(
        (revisions[0]["baseline_number"].clone(), revisions[1]["baseline_number"].clone()),
        (Value::Null, json!(1)),
        "revision 1 is baseline 1"
    );
    assert_eq!(revisions[0]["author_name"], "小张");
    assert!(revisions[0]["launch"].as_str().unwrap() > BASE_LAUNCH);
    assert_eq!((diff["from"].as_i64(), diff["to"].as_i64()), (Some(1), Some(2)));
    assert_eq!((&diff["title"], diff["description_changed"].as_bool()), (&Value::Null, Some(false)));
    assert_eq!((diff["scenarios_added"].clone(), diff["scenarios_removed"].clone()), (json!([]), json!([])));
    let impact = &diff["impact"];
    assert_eq!(impact["items_added"], json!([{"id": "c-info", "name": "C order data", "department": "C", "effort": 4}]));
    assert_eq!((impact["items_removed"].clone(), impact["departments_newly_involved"].clone()), (json!([]), json!(["C"])));
    assert_eq!(field_of(&impact["items_changed"], "id"), strings(&["a-charge"]), "A's check now waits for C too");
    assert!(impact["launch_moved_working_days"].as_i64().is_some_and(|m| m > 0), "{impact}");
    assert_eq!(diff["from_plan"], w.pm_a.read(&format!("{}/plan?revision=1", option_path(&option))).await);
    assert_eq!(diff["to_plan"], w.pm_a.read(&format!("{}/plan", option_path(&option))).await);
    w.pm_a.get(&format!("{}/diff?from=1&to=9", option_path(&option))).await.expect_error(
        404,
        "not_found",
        None,
        "a revision that does not exist",
    );
    w.pm_a.get(&format!("{}/revisions/9", option_path(&option))).await.expect_error(404, "not_found", None, "revision 9");
    w.pm_a.get(&format!("{}/diff?from=1", option_path(&option))).await.expect_error(422, "invalid", None, "a diff without `to`");
});

// ---------------------------------------------------------------- notifications

both_engines!(the_listed_leaders_are_asked_to_decide_and_the_requester_hears_the_outcome, |app| async move {
    // Arrange
    let w = world(&app).await;
    let option = id_of(&base_option(&w).await);
    let (leader_a, leader_b, leader_c) = (app.login("zhaozong").await, app.login("sunzong").await, app.login("qianzong").await);

    // Act
    let request = choose(&w.pm_a, &option, "Smallest change").await;

    // Assert
    for (leader, who) in [(&leader_a, "A's leader"), (&leader_b, "B's leader")] {
        let asked = notifications_about(leader, &request, "decision_needed").await;
        assert_eq!(asked.len(), 1, "{who} is asked once: {asked:?}");
        let n = &asked[0];
        assert_eq!((n["subject"].as_str(), n["actor_name"].as_str()), (Some("Query B's approval status"), Some("小张")), "{who}: {n}");
        assert_eq!((n["project_id"].as_str(), n["read"].as_bool()), (Some(w.project.as_str()), Some(false)), "{who}: {n}");
    }
    assert_eq!(notifications_about(&leader_c, &request, "decision_needed").await.len(), 0, "C is not listed");
    assert_eq!(notifications_about(&w.pm_a, &request, "decision_needed").await.len(), 0, "the requester decides nothing");

    decide(&leader_a, &request, "approve", "").await.expect(200, "A's leader approving");
    assert_eq!(notifications_about(&w.pm_a, &request, "request_decided").await.len(), 0, "not decided while B has not");
    decide(&leader_b, &request, "approve", "").await.expect(200, "B's leader approving");
    let told = notifications_about(&w.pm_a, &request, "request_decided").await;
    assert_eq!(told.len(), 1, "the requester hears the outcome once: {told:?}");
    assert_eq!((told[0]["actor_name"].as_str(), told[0]["subject"].as_str()), (Some("孙总"), Some("Query B's approval status")));

    // A rejected change is heard too, and C's leader is asked once C is pulled in.
    let change = change_with_c(&w.pm_a, &option, 1, 4).await;
    assert_eq!(notifications_about(&leader_c, &change, "decision_needed").await.len(), 1, "C's leader is asked");
    assert_eq!(notifications_about(&leader_b, &change, "decision_needed").await.len(), 0, "B's work did not change");
    decide(&leader_c, &change, "reject", "No slot").await.expect(200, "C's leader rejecting");
    let told = notifications_about(&w.pm_a, &change, "request_decided").await;
    assert_eq!(told.len(), 1, "the requester hears the rejection once: {told:?}");
    assert_eq!(told[0]["actor_name"], "钱总");
});

// ---------------------------------------------------------------- the API document

both_engines!(the_openapi_document_lists_the_solution_and_change_request_paths, |app| async move {
    let document = app.client().get("/api/v1/openapi.json").await.expect(200, "the OpenAPI document").clone();

    let paths = &document["paths"];

    for (path, methods) in [
        ("/api/v1/requirements/{id}/options", &["get", "post"][..]),
        ("/api/v1/requirements/{id}/plan-context", &["get"][..]),
        ("/api/v1/options/{id}", &["get", "patch"][..]),
        ("/api/v1/options/{id}/plan", &["get", "put"][..]),
        ("/api/v1/options/{id}/revisions", &["get"][..]),
        ("/api/v1/options/{id}/revisions/{n}", &["get"][..]),
        ("/api/v1/options/{id}/diff", &["get"][..]),
        ("/api/v1/options/{id}/choose", &["post"][..]),
        ("/api/v1/options/{id}/comments", &["get", "post"][..]),
        ("/api/v1/option-comments/{id}/resolve", &["post"][..]),
        ("/api/v1/projects/{id}/change-requests", &["get"][..]),
        ("/api/v1/projects/{id}/baselines", &["get"][..]),
        ("/api/v1/change-requests/{id}", &["get"][..]),
        ("/api/v1/change-requests/{id}/decisions", &["post"][..]),
        ("/api/v1/change-requests/{id}/withdraw", &["post"][..]),
        ("/api/v1/me/decisions", &["get"][..]),
    ] {
        for method in methods {
            assert!(paths[path].get(*method).is_some(), "{method} {path} is documented");
        }
    }
    assert!(document["components"]["schemas"].get("ChangeRequestDetail").is_some(), "the wire types are described");
});
