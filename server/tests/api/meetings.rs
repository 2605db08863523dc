//! Meetings over HTTP: the life cycle planned → in progress → closed with agenda, attendance,
//! minutes, decisions and action items; the refusal to change a closed meeting; amendments; the
//! project's decision log and the decisions shown on what they decided; "my action items" with
//! overdue ones marked; the notifications; the audit entries of a close and an amendment; who may
//! do what, and 404 for outsiders of a restricted project.
//!
//! Tests work in the demo project (A leads, B and C collaborate) unless they need a restricted one.

use crate::helpers::*;
use serde_json::{json, Value};

/// The demo project, its requirement PAY-1, its chosen option and its first change request.
struct Demo {
    project: String,
    requirement: String,
    option: String,
    request: String,
}

async fn demo(client: &Client) -> Demo {
    let project = client.demo_project_id().await;
    let requirements = client.read(&format!("/api/v1/projects/{project}/requirements")).await;
    let requirement = requirements["items"][0]["id"].as_str().expect("PAY-1").to_string();
    let options = client.read(&format!("/api/v1/requirements/{requirement}/options")).await;
    let option = find_by(&options, "status", "chosen")["id"].as_str().expect("the chosen option").to_string();
    let requests = client.read(&format!("/api/v1/projects/{project}/change-requests")).await;
    let request = requests.as_array().and_then(|r| r.last()).expect("a change request")["id"].as_str().unwrap().to_string();
    Demo { project, requirement, option, request }
}

fn meeting_body(title: &str, invitees: &[String], requirement: &str) -> Value {
    json!({
        "title": title,
        "kind": "requirement_review",
        "time_zone": "Asia/Shanghai",
        "start": "2026-03-02T10:00",
        "end": "2026-03-02T11:30",
        "place": "会议室 3, 2F",
        "invitee_ids": invitees,
        "agenda": [
            {"title": "审批状态查询 Approval-status query", "link": {"kind": "requirement", "id": requirement}},
            {"title": "排期 Schedule"},
        ],
    })
}

async fn create(pm: &Client, project: &str, body: Value) -> Value {
    let reply = pm.post(&format!("/api/v1/projects/{project}/meetings"), body).await;
    reply.expect(201, "scheduling a meeting").clone()
}

fn id(v: &Value) -> String {
    v["meeting"]["id"].as_str().expect("a meeting id").to_string()
}

async fn audit_actions(app: &TestApp, subject_id: &str) -> Vec<String> {
    sqlx::query_scalar::<_, String>("select action from audit_log where subject_id = $1 order by seq")
        .bind(subject_id)
        .fetch_all(&app.state.db)
        .await
        .expect("reading the audit log")
}

both_engines!(a_meeting_runs_from_agenda_to_close_and_is_locked_afterwards, |app| async move {
    let pm = app.login("xiaozhang").await;
    let d = demo(&pm).await;
    let (xiaolan, laowang, xiaoli) = (pm.user_id("xiaolan").await, pm.user_id("laowang").await, pm.user_id("xiaoli").await);
    let m = create(&pm, &d.project, meeting_body("需求评审 Requirement review", &[xiaolan.clone(), laowang.clone()], &d.requirement)).await;
    let mid = id(&m);
    assert_eq!(m["meeting"]["status"], "planned");
    assert_eq!(m["meeting"]["start_local"], "2026-03-02T10:00");
    assert_eq!(m["meeting"]["ends_at"].as_i64().unwrap() - m["meeting"]["starts_at"].as_i64().unwrap(), 90 * 60_000);
    assert_eq!(len(&m["invitees"]), 2);
    assert_eq!(len(&m["agenda"]), 2);
    assert_eq!(m["agenda"][0]["link"]["kind"], "requirement");
    assert!(m["agenda"][0]["link"]["label"].as_str().unwrap().starts_with("PAY-1"), "{}", m["agenda"][0]);
    assert_eq!(m["agenda"][0]["link"]["path"], format!("/requirements/{}", d.requirement));
    assert!(m["can_edit"].as_bool().unwrap());
    assert!(has(&pm.read(&format!("/api/v1/projects/{}/meetings", d.project)).await, "id", &mid));

    // Nothing is recorded before the meeting starts, and it cannot skip being held.
    let decision = json!({"text": "采用方案一 Take option 1", "maker_ids": [pm.user_id("xiaozhang").await, xiaolan],
                          "links": [{"kind": "option", "id": d.option}, {"kind": "change_request", "id": d.request}]});
    pm.post(&format!("/api/v1/meetings/{mid}/decisions"), decision.clone())
        .await
        .expect_conflict("meeting_not_started", "a decision before the start");
    pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "closed"}))
        .await
        .expect_conflict("meeting_step", "planned → closed");
    pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "adjourned"})).await.expect_error(
        422,
        "invalid",
        Some("status"),
        "an unknown status",
    );
    let started = pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await;
    assert_eq!(started.expect(200, "starting")["meeting"]["status"], "in_progress");

    // Attendance with departments, minutes (sanitised Markdown), a decision, an action item.
    let attended = pm
        .put(&format!("/api/v1/meetings/{mid}/attendance"), json!({"user_ids": [pm.user_id("xiaozhang").await, xiaolan], "version": 1}))
        .await;
    let codes: Vec<&str> = attended.expect(200, "attendance")["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["department_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["A", "B"]);
    let item = m["agenda"][0]["id"].as_str().unwrap();
    let minutes = pm
        .put(&format!("/api/v1/agenda-items/{item}/minutes"), json!({"minutes": "**B 提供接口** <script>alert(1)</script>", "version": 1}))
        .await;
    let html = minutes.expect(200, "minutes")["agenda"][0]["minutes_html"].as_str().unwrap().to_string();
    assert!(html.contains("<strong>B 提供接口</strong>") && !html.contains("<script"), "{html}");
    let with_decision = pm.post(&format!("/api/v1/meetings/{mid}/decisions"), decision.clone()).await;
    let recorded = &with_decision.expect(200, "a decision")["decisions"][0];
    let decision_id = recorded["id"].as_str().unwrap().to_string();
    assert_eq!(len(&recorded["makers"]), 2);
    assert_eq!(len(&recorded["links"]), 2);
    pm.post(&format!("/api/v1/meetings/{mid}/decisions"), with(&decision, "maker_ids", json!([]))).await.expect_error(
        422,
        "invalid",
        Some("maker_ids"),
        "a decision nobody made",
    );
    pm.post(&format!("/api/v1/meetings/{mid}/decisions"), with(&decision, "links", json!([{"kind": "option", "id": "nope"}])))
        .await
        .expect_error(422, "invalid", Some("links"), "a link to nothing");
    let action = json!({"title": "B 提供审批状态接口文档 Send the API doc", "owner_id": xiaoli, "due_on": "2026-03-01"});
    let with_action = pm.post(&format!("/api/v1/meetings/{mid}/action-items"), action.clone()).await;
    let item_json = &with_action.expect(200, "an action item")["action_items"][0];
    let action_id = item_json["id"].as_str().unwrap().to_string();
    assert_eq!((item_json["status"].as_str(), item_json["overdue"].as_bool()), (Some("open"), Some(true)), "{item_json}");
    pm.post(&format!("/api/v1/meetings/{mid}/action-items"), with(&action, "due_on", json!("next week"))).await.expect_error(
        422,
        "invalid",
        Some("due_on"),
        "a due date that is not a date",
    );

    // Notifications: the invitees were invited, the owner was assigned.
    let inbox = app.login("xiaolan").await.read("/api/v1/notifications").await;
    assert!(inbox.as_array().unwrap().iter().any(|n| n["kind"] == "meeting_invited" && n["link"] == format!("/meetings/{mid}")), "{inbox}");
    let owner = app.login("xiaoli").await;
    let inbox = owner.read("/api/v1/notifications").await;
    assert!(inbox.as_array().unwrap().iter().any(|n| n["kind"] == "action_assigned"), "{inbox}");

    // Close: locked, written to the audit log.
    let closed = pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "closed"})).await;
    let closed = closed.expect(200, "closing");
    assert_eq!(closed["meeting"]["status"], "closed");
    assert_eq!(closed["closed_by_name"], "小张");
    assert_eq!(audit_actions(&app, &mid).await, ["meeting_closed"]);
    assert_eq!(audit_actions(&app, &decision_id).await, ["decision_recorded"]);
    for (reply, what) in [
        (pm.patch(&format!("/api/v1/meetings/{mid}"), json!({"title": "改过 Changed"})).await, "renaming"),
        (pm.put(&format!("/api/v1/agenda-items/{item}/minutes"), json!({"minutes": "silently changed"})).await, "minutes"),
        (pm.post(&format!("/api/v1/meetings/{mid}/decisions"), decision.clone()).await, "a decision"),
        (pm.put(&format!("/api/v1/meetings/{mid}/attendance"), json!({"user_ids": []})).await, "attendance"),
        (pm.post(&format!("/api/v1/meetings/{mid}/agenda"), json!({"title": "more"})).await, "an agenda item"),
        (pm.delete(&format!("/api/v1/decisions/{decision_id}")).await, "deleting a decision"),
        (pm.post(&format!("/api/v1/meetings/{mid}/action-items"), action.clone()).await, "an action item"),
        (pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await, "reopening"),
    ] {
        reply.expect_conflict("meeting_closed", what);
        assert!(reply.json["error"]["message"].as_str().unwrap().contains("closed"), "{what}: {reply}");
    }
    let after = pm.read(&format!("/api/v1/meetings/{mid}")).await;
    assert_eq!(after["agenda"][0]["minutes"], "**B 提供接口** <script>alert(1)</script>", "the minutes are unchanged");
    assert_eq!(len(&after["decisions"]), 1);

    // The follow-up goes on: the owner marks the action item done after the close.
    let done = owner.post(&format!("/api/v1/action-items/{action_id}/status"), json!({"status": "done", "version": 1})).await;
    assert_eq!(done.expect(200, "the owner marks it done")["status"], "done");
    assert_eq!(done.json["overdue"], false);
    let stranger = app.login("xiaozhou").await;
    stranger.post(&format!("/api/v1/action-items/{action_id}/status"), json!({"status": "open"})).await.expect_error(
        403,
        "forbidden",
        None,
        "someone neither owner nor editor",
    );
});

both_engines!(a_closed_meeting_is_corrected_by_visible_amendments, |app| async move {
    let pm = app.login("xiaozhang").await;
    let d = demo(&pm).await;
    let me = pm.user_id("xiaozhang").await;
    let mid = id(&create(&pm, &d.project, meeting_body("技术讨论 Technical discussion", &[], &d.requirement)).await);
    let amendment = json!({"text": "决策人漏记了小蓝 Xiaolan was also a maker",
                           "decisions": [{"text": "B 先修复遗留逻辑 B fixes its legacy logic first", "maker_ids": [me]}]});
    pm.post(&format!("/api/v1/meetings/{mid}/amendments"), amendment.clone())
        .await
        .expect_conflict("meeting_not_closed", "amending an open meeting");
    pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await.expect(200, "start");
    let original = pm
        .post(
            &format!("/api/v1/meetings/{mid}/decisions"),
            json!({"text": "A 查询 B A queries B", "maker_ids": [me], "links": [{"kind": "option", "id": d.option}]}),
        )
        .await;
    let original_id = original.expect(200, "decision")["decisions"][0]["id"].as_str().unwrap().to_string();
    pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "closed"})).await.expect(200, "close");

    // A correction outside an amendment is refused; in one it names a decision of this meeting.
    let xiaolan = pm.user_id("xiaolan").await;
    let correcting =
        json!({"text": "A 查询 B（小张、小蓝） A queries B (both PMs)", "maker_ids": [me, xiaolan], "corrects_id": original_id});
    let bad = json!({"text": "x", "decisions": [with(&correcting, "corrects_id", json!("someone-else"))]});
    pm.post(&format!("/api/v1/meetings/{mid}/amendments"), bad).await.expect_error(
        422,
        "invalid",
        Some("corrects_id"),
        "correcting another meeting's decision",
    );
    let amended = pm
        .post(&format!("/api/v1/meetings/{mid}/amendments"), json!({"text": "补记决策人 Makers completed", "decisions": [correcting]}))
        .await;
    let amended = amended.expect(201, "amending").clone();
    assert_eq!(len(&amended["amendments"]), 1);
    let a = &amended["amendments"][0];
    assert_eq!((a["author_name"].as_str(), a["text"].as_str()), (Some("小张"), Some("补记决策人 Makers completed")));
    assert!(a["created_at"].as_i64().unwrap() > 0);
    assert_eq!(len(&amended["decisions"]), 2, "the original stays visible");
    let old = find_by(&amended["decisions"], "id", &original_id);
    let new_id = a["decision_ids"][0].as_str().unwrap();
    assert_eq!(old["corrected_by_id"], new_id);
    assert_eq!(old["text"], "A 查询 B A queries B", "never a silent edit");
    let new = find_by(&amended["decisions"], "id", new_id);
    assert_eq!((new["corrects_id"].as_str(), new["amendment_id"].as_str()), (Some(original_id.as_str()), a["id"].as_str()));
    let again = json!({"text": "y", "decisions": [{"text": "z", "maker_ids": [me], "corrects_id": original_id}]});
    pm.post(&format!("/api/v1/meetings/{mid}/amendments"), again).await.expect_error(
        422,
        "invalid",
        Some("corrects_id"),
        "correcting twice",
    );
    pm.post(&format!("/api/v1/meetings/{mid}/amendments"), json!({"text": "  "})).await.expect_error(
        422,
        "invalid",
        Some("text"),
        "an empty amendment",
    );

    // An added-decisions-only amendment is fine too; each is audited.
    pm.post(&format!("/api/v1/meetings/{mid}/amendments"), amendment).await.expect(201, "an added decision");
    assert_eq!(audit_actions(&app, &mid).await, ["meeting_closed", "meeting_amended", "meeting_amended"]);
    assert_eq!(audit_actions(&app, new_id).await, ["decision_recorded"]);
});

both_engines!(the_decision_log_and_linked_decisions_show_what_was_decided, |app| async move {
    let pm = app.login("xiaozhang").await;
    let d = demo(&pm).await;
    let me = pm.user_id("xiaozhang").await;
    let before = len(&pm.read(&format!("/api/v1/projects/{}/decisions", d.project)).await);
    let mid = id(&create(&pm, &d.project, meeting_body("排期评审 Schedule review", &[], &d.requirement)).await);
    pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await.expect(200, "start");
    for text in ["第一 First", "第二 Second"] {
        let body = json!({"text": text, "maker_ids": [me], "links": [{"kind": "change_request", "id": d.request}]});
        pm.post(&format!("/api/v1/meetings/{mid}/decisions"), body).await.expect(200, "decision");
    }
    let log = pm.read(&format!("/api/v1/projects/{}/decisions", d.project)).await;
    assert_eq!(len(&log), before + 2);
    let ours: Vec<&Value> = log.as_array().unwrap().iter().filter(|x| x["meeting_id"] == mid.as_str()).collect();
    assert_eq!(ours.iter().map(|x| x["text"].as_str().unwrap()).collect::<Vec<_>>(), ["第一 First", "第二 Second"], "in time order");
    assert_eq!(ours[0]["meeting_title"], "排期评审 Schedule review");
    assert_eq!(ours[0]["makers"][0]["name"], "小张");
    assert_eq!(ours[0]["links"][0]["path"], format!("/change-requests/{}", d.request));
    let starts: Vec<i64> = log.as_array().unwrap().iter().map(|x| x["meeting_starts_at"].as_i64().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "the log is in meeting order: {starts:?}");

    let linked = pm.read(&format!("/api/v1/linked-decisions?kind=change_request&id={}", d.request)).await;
    assert!(linked["decisions"].as_array().unwrap().iter().filter(|x| x["meeting_id"] == mid.as_str()).count() == 2, "{linked}");
    assert!(has(&linked["meetings"], "id", &mid));
    let linked = pm.read(&format!("/api/v1/linked-decisions?kind=requirement&id={}", d.requirement)).await;
    assert!(has(&linked["meetings"], "id", &mid), "the agenda item links the requirement: {linked}");
    pm.get("/api/v1/linked-decisions?kind=requirement&id=nothing").await.expect_error(404, "not_found", None, "no such subject");
    pm.get(&format!("/api/v1/linked-decisions?kind=meal&id={}", d.requirement)).await.expect_error(
        422,
        "invalid",
        Some("kind"),
        "a bad kind",
    );
});

both_engines!(my_action_items_span_projects_and_mark_overdue_ones, |app| async move {
    let pm = app.login("xiaozhang").await;
    let d = demo(&pm).await;
    let xiaolan = pm.user_id("xiaolan").await;
    let (a, b) = (pm.department_id("A").await, pm.department_id("B").await);
    let other = pm.create_project(with(&new_project("Second project", &a, "internal"), "code", json!("SEC"))).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    pm.post(&format!("/api/v1/projects/{other}/stakeholders"), json!({"department_id": b, "role": "collaborator"}))
        .await
        .expect(201, "B joins");
    let mut body = meeting_body("启动会 Kick-off", &[], &d.requirement);
    body["agenda"] = json!([]);
    for (project, due) in [(&d.project, "2020-01-06"), (&other, "2999-12-31")] {
        let mid = id(&create(&pm, project, body.clone()).await);
        pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await.expect(200, "start");
        let action = json!({"title": format!("跟进 Follow up {due}"), "owner_id": xiaolan, "due_on": due});
        pm.post(&format!("/api/v1/meetings/{mid}/action-items"), action).await.expect(200, "action item");
    }
    let mine = app.login("xiaolan").await.read("/api/v1/me/action-items").await;
    let late = find_by(&mine, "title", "跟进 Follow up 2020-01-06");
    let later = find_by(&mine, "title", "跟进 Follow up 2999-12-31");
    assert_eq!((late["overdue"].as_bool(), later["overdue"].as_bool()), (Some(true), Some(false)));
    assert_eq!(later["project_name"], "Second project");
    assert_eq!(late["can_update"], true, "B's PM may edit the meeting");
    let titles: Vec<&str> = mine.as_array().unwrap().iter().map(|x| x["title"].as_str().unwrap()).collect();
    let (i, j) =
        (titles.iter().position(|t| t.ends_with("2020-01-06")).unwrap(), titles.iter().position(|t| t.ends_with("2999-12-31")).unwrap());
    assert!(i < j, "open items by due date: {titles:?}");
    assert_eq!(
        len(&pm.read("/api/v1/me/action-items").await),
        pm.read("/api/v1/me/action-items").await.as_array().unwrap().iter().filter(|x| x["owner"]["name"] == "小张").count(),
        "only one's own"
    );
    app.client().get("/api/v1/me/action-items").await.expect_error(401, "unauthorized", None, "a visitor");
});

both_engines!(only_invitees_and_stakeholder_pms_run_meetings_and_outsiders_see_nothing, |app| async move {
    let pm = app.login("xiaozhang").await;
    let (a, b) = (pm.department_id("A").await, pm.department_id("B").await);
    let project = pm.create_project(with(&new_project("Secret project", &a, "restricted"), "code", json!("SCR"))).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    pm.post(&format!("/api/v1/projects/{project}/stakeholders"), json!({"department_id": b, "role": "collaborator"}))
        .await
        .expect(201, "B joins");
    let requirement =
        pm.post(&format!("/api/v1/projects/{project}/requirements"), json!({"title": "保密需求 Secret requirement", "goal": "g"})).await;
    let requirement = requirement.expect(201, "a requirement")["id"].as_str().unwrap().to_string();
    let chengong = pm.user_id("chengong").await;
    let mid = id(&create(&pm, &project, meeting_body("保密会议 Secret meeting", std::slice::from_ref(&chengong), &requirement)).await);

    // Outsiders (C's PM, restricted project): 404 everywhere, even for scheduling.
    let outsider = app.login("xiaoming").await;
    for path in [
        format!("/api/v1/meetings/{mid}"),
        format!("/api/v1/meetings/{mid}/calendar.ics"),
        format!("/api/v1/projects/{project}/meetings"),
        format!("/api/v1/projects/{project}/decisions"),
        format!("/api/v1/linked-decisions?kind=requirement&id={requirement}"),
    ] {
        outsider.get(&path).await.expect_error(404, "not_found", None, &path);
    }
    outsider.post(&format!("/api/v1/projects/{project}/meetings"), meeting_body("x", &[], &requirement)).await.expect_error(
        404,
        "not_found",
        None,
        "scheduling in a project one cannot see",
    );
    outsider.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await.expect_error(
        404,
        "not_found",
        None,
        "starting a meeting one cannot see",
    );
    // Someone who may not read the project cannot be invited.
    let xiaoming = pm.user_id("xiaoming").await;
    pm.patch(&format!("/api/v1/meetings/{mid}"), json!({"invitee_ids": [xiaoming]})).await.expect_error(
        422,
        "invalid",
        Some("invitee_ids"),
        "inviting an outsider",
    );

    // A stakeholder who is neither invited nor a PM reads but does not edit; an invited architect
    // and B's PM edit; only PMs schedule.
    let engineer = app.login("xiaoli").await;
    let read = engineer.read(&format!("/api/v1/meetings/{mid}")).await;
    assert_eq!(read["can_edit"], false);
    engineer.patch(&format!("/api/v1/meetings/{mid}"), json!({"place": "elsewhere"})).await.expect_error(
        403,
        "forbidden",
        None,
        "an engineer not invited",
    );
    let architect = app.login("chengong").await;
    let edited = architect.edit(&format!("/api/v1/meetings/{mid}"), json!({"place": "线上 https://meet.example/abc"})).await;
    assert_eq!(edited.expect(200, "the invited architect edits")["meeting"]["place"], "线上 https://meet.example/abc");
    let b_pm = app.login("xiaolan").await;
    b_pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await.expect(200, "B's PM runs it");
    architect.post(&format!("/api/v1/projects/{project}/meetings"), meeting_body("x", &[], &requirement)).await.expect_error(
        403,
        "forbidden",
        None,
        "an architect schedules",
    );

    // Field checks name the field.
    let bad = with(&meeting_body("x", &[], &requirement), "end", json!("2026-03-02T09:00"));
    pm.post(&format!("/api/v1/projects/{project}/meetings"), bad).await.expect_error(
        422,
        "invalid",
        Some("end"),
        "ending before the start",
    );
    let bad = with(&meeting_body("x", &[], &requirement), "time_zone", json!("Europe/Berlin"));
    pm.post(&format!("/api/v1/projects/{project}/meetings"), bad).await.expect_error(
        422,
        "invalid",
        Some("time_zone"),
        "an unsupported zone",
    );
    let demo_requirement = demo(&pm).await.requirement;
    let bad = meeting_body("x", &[], &demo_requirement);
    pm.post(&format!("/api/v1/projects/{project}/meetings"), bad).await.expect_error(
        422,
        "invalid",
        Some("agenda"),
        "an agenda item linking another project's requirement",
    );
});

both_engines!(meetings_are_in_the_openapi_document, |app| async move {
    let doc = app.client().read("/api/v1/openapi.json").await;
    for path in [
        "/api/v1/projects/{id}/meetings",
        "/api/v1/meetings/{id}",
        "/api/v1/meetings/{id}/status",
        "/api/v1/meetings/{id}/attendance",
        "/api/v1/agenda-items/{id}/minutes",
        "/api/v1/meetings/{id}/decisions",
        "/api/v1/meetings/{id}/action-items",
        "/api/v1/action-items/{id}/status",
        "/api/v1/meetings/{id}/amendments",
        "/api/v1/projects/{id}/decisions",
        "/api/v1/linked-decisions",
        "/api/v1/me/action-items",
        "/api/v1/meetings/{id}/calendar.ics",
        "/api/v1/me/calendar-feed",
        "/api/v1/calendar-feeds/{token}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is missing from the OpenAPI document");
    }
    for schema in ["MeetingDetail", "MeetingDecisionDto", "ActionItemDto", "AmendmentInput", "CalendarFeedDto"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
});
