//! `/projects`, their stakeholders and upstream → downstream links: who may create, read and edit,
//! the rules every field follows, and that a refused request writes nothing.

use crate::helpers::*;
use serde_json::json;

// ---------------------------------------------------------------- creating and reading projects

both_engines!(a_pm_creates_a_project_led_by_their_department, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let department_a = pm.department_id("A").await;
    let me = pm.read("/api/v1/me").await;

    // Act
    let reply = pm.post("/api/v1/projects", new_project("  Refund approval  ", &department_a, "internal")).await;

    // Assert
    let project = reply.expect(201, "creating a project").clone();
    assert_eq!(project["name"], "Refund approval", "the name is trimmed");
    assert_eq!(project["goal"], "Charge orders only after approval.");
    assert_eq!(project["lead_department_id"], department_a.as_str());
    assert_eq!(project["kickoff_on"], "2026-03-02");
    assert_eq!(project["target_launch_on"], "2026-06-30");
    assert_eq!(project["visibility"], "internal");
    assert_eq!(project["created_by"], me["id"]);
    assert_eq!(project["version"], 1);
    let id = project["id"].as_str().unwrap();
    assert_eq!(pm.read(&format!("/api/v1/projects/{id}")).await, project);
    assert!(has(&pm.read("/api/v1/projects").await, "id", id), "listed");
    let stakeholders = pm.read(&format!("/api/v1/projects/{id}/stakeholders")).await;
    assert_eq!(stakeholder_roles(&stakeholders), pairs(&[("A", "lead")]));
    assert_eq!(stakeholders[0]["identified_by"], me["id"]);
    assert_eq!(stakeholders[0]["identified_by_name"], "小张");
    assert_eq!(len(&pm.read(&format!("/api/v1/projects/{id}/links")).await), 0);
});

both_engines!(a_pm_may_lead_a_project_from_another_department_and_the_goal_is_optional, |app| async move {
    let pm = app.login("xiaoming").await;
    let department_b = pm.department_id("B").await;
    let body = without(&new_project("Approval feed", &department_b, "restricted"), "goal");

    let reply = pm.post("/api/v1/projects", body).await;

    let project = reply.expect(201, "creating a project without a goal");
    assert_eq!(project["goal"], "");
    assert_eq!(project["visibility"], "restricted");
    assert_eq!(project["lead_department_id"], department_b.as_str());
});

both_engines!(an_admin_creates_a_project, |app| async move {
    let admin = app.login("admin").await;
    let department_b = admin.department_id("B").await;

    let reply = admin.post("/api/v1/projects", new_project("Approval audit", &department_b, "internal")).await;

    assert_eq!(reply.expect(201, "an admin (engineer by role) creating a project")["name"], "Approval audit");
});

both_engines!(people_who_are_not_pms_cannot_create_projects, |app| async move {
    let department_a = app.login("xiaozhang").await.department_id("A").await;
    for (username, role) in [("xiaoli", "engineer"), ("laowang", "architect"), ("zhaozong", "leader"), ("liujingli", "tech-manager")] {
        let client = app.login(username).await;

        let reply = client.post("/api/v1/projects", new_project("Shadow project", &department_a, "internal")).await;

        reply.expect_error(403, "forbidden", None, &format!("{username} ({role}) creating a project"));
        assert_eq!(len(&client.read("/api/v1/projects").await), 1, "{username}: only the demo project exists");
    }
});

both_engines!(invalid_projects_are_refused_naming_the_field_and_nothing_is_written, |app| async move {
    let pm = app.login("xiaozhang").await;
    let department_a = pm.department_id("A").await;
    let valid = new_project("Refund approval", &department_a, "internal");
    let cases = [
        (with(&valid, "name", json!("")), Some("name"), "empty name"),
        (with(&valid, "name", json!("   ")), Some("name"), "blank name"),
        (with(&valid, "name", json!("x".repeat(121))), Some("name"), "121-character name"),
        (with(&valid, "name", json!("line\u{7}bell")), Some("name"), "name with a control character"),
        (with(&valid, "goal", json!("g".repeat(4001))), Some("goal"), "4001-character goal"),
        (with(&valid, "kickoff_on", json!("2026-02-30")), Some("kickoff_on"), "impossible kick-off date"),
        (with(&valid, "kickoff_on", json!("")), Some("kickoff_on"), "empty kick-off date"),
        (with(&valid, "target_launch_on", json!("tomorrow")), Some("target_launch_on"), "launch date in words"),
        (with(&valid, "target_launch_on", json!("2026/06/30")), Some("target_launch_on"), "launch date with slashes"),
        (with(&valid, "target_launch_on", json!("2026-03-01")), Some("target_launch_on"), "launch before kick-off"),
        (with(&valid, "visibility", json!("secret")), Some("visibility"), "unknown visibility"),
        (with(&valid, "lead_department_id", json!("no-such-department")), Some("lead_department_id"), "unknown lead department"),
        (with(&valid, "lead_department_id", json!("")), Some("lead_department_id"), "no lead department"),
        (without(&valid, "name"), None, "name missing"),
        (with(&valid, "kickoff_on", json!(20260302)), None, "kick-off date not a string"),
    ];
    for (body, field, why) in cases {
        let reply = pm.post("/api/v1/projects", body).await;

        reply.expect_error(422, "invalid", field, why);
        let projects = pm.read("/api/v1/projects").await;
        assert_eq!(len(&projects), 1, "{why}: only the demo project exists: {projects}");
    }
});

both_engines!(a_launch_on_the_kickoff_day_is_allowed, |app| async move {
    let pm = app.login("xiaozhang").await;
    let department_a = pm.department_id("A").await;
    let body = with(&new_project("Same day", &department_a, "internal"), "target_launch_on", json!("2026-03-02"));

    let reply = pm.post("/api/v1/projects", body).await;

    assert_eq!(reply.expect(201, "launching on the kick-off day")["target_launch_on"], "2026-03-02");
});

both_engines!(values_at_the_limits_are_accepted, |app| async move {
    let pm = app.login("xiaozhang").await;
    let department_a = pm.department_id("A").await;
    let valid = new_project("Limits", &department_a, "internal");
    let cases = [
        (
            with(&valid, "name", json!("付".repeat(120))),
            "name",
            json!("付".repeat(120)),
            "a 120-character Chinese name (characters, not bytes)",
        ),
        (with(&valid, "goal", json!("g".repeat(4000))), "goal", json!("g".repeat(4000)), "a 4000-character goal"),
        (with(&valid, "target_launch_on", json!("2028-02-29")), "target_launch_on", json!("2028-02-29"), "a leap day"),
        (with(&valid, "goal", json!("line one\nline two")), "goal", json!("line one\nline two"), "a goal of several lines"),
    ];
    for (body, key, expected, why) in cases {
        let reply = pm.post("/api/v1/projects", body).await;

        let project = reply.expect(201, why);
        assert_eq!(project[key], expected, "{why}");
        assert_eq!(pm.read(&format!("/api/v1/projects/{}", project["id"].as_str().unwrap())).await[key], expected, "{why}: stored as sent");
    }
});

both_engines!(unreadable_project_json_is_a_bad_request_and_writes_nothing, |app| async move {
    let pm = app.login("xiaozhang").await;
    let bodies = [
        ("{\"name\": \"Refund approval\",", "application/json", "truncated JSON"),
        ("name: Refund approval", "application/json", "not JSON"),
        ("", "application/json", "empty body"),
        ("{\"name\": \"x\"}", "text/plain", "JSON sent as text/plain"),
    ];
    for (body, content_type, why) in bodies {
        let reply = pm.send(pm.request(reqwest::Method::POST, "/api/v1/projects").header("content-type", content_type).body(body)).await;

        reply.expect_error(400, "bad_request", None, why);
        assert_eq!(len(&pm.read("/api/v1/projects").await), 1, "{why}: nothing was created");
    }
});

both_engines!(an_unknown_project_is_not_found, |app| async move {
    let admin = app.login("admin").await;
    let department_a = admin.department_id("A").await;
    let id = "no-such-project";
    let replies = [
        (admin.get(&format!("/api/v1/projects/{id}")).await, "GET project"),
        (admin.patch(&format!("/api/v1/projects/{id}"), json!({"name": "x"})).await, "PATCH project"),
        (admin.get(&format!("/api/v1/projects/{id}/stakeholders")).await, "GET stakeholders"),
        (
            admin.post(&format!("/api/v1/projects/{id}/stakeholders"), json!({"department_id": department_a, "role": "informed"})).await,
            "POST stakeholder",
        ),
        (admin.delete(&format!("/api/v1/projects/{id}/stakeholders/{department_a}")).await, "DELETE stakeholder"),
        (admin.get(&format!("/api/v1/projects/{id}/links")).await, "GET links"),
        (
            admin
                .post(
                    &format!("/api/v1/projects/{id}/links"),
                    json!({"upstream_department_id": department_a, "downstream_department_id": department_a}),
                )
                .await,
            "POST link",
        ),
        (
            admin
                .delete_with(
                    &format!("/api/v1/projects/{id}/links"),
                    json!({"upstream_department_id": department_a, "downstream_department_id": department_a}),
                )
                .await,
            "DELETE link",
        ),
    ];
    for (reply, why) in replies {
        reply.expect_error(404, "not_found", None, why);
    }
});

// ---------------------------------------------------------------- the demo project

both_engines!(the_demo_project_has_its_seeded_stakeholders_and_links, |app| async move {
    let engineer = app.login("xiaowu").await;
    let id = engineer.demo_project_id().await;
    let (a, b, c) = (engineer.department_id("A").await, engineer.department_id("B").await, engineer.department_id("C").await);

    let project = engineer.read(&format!("/api/v1/projects/{id}")).await;
    let stakeholders = engineer.read(&format!("/api/v1/projects/{id}/stakeholders")).await;
    let links = engineer.read(&format!("/api/v1/projects/{id}/links")).await;

    assert_eq!(project["lead_department_id"], a.as_str());
    assert_eq!(project["visibility"], "internal");
    assert_eq!(stakeholder_roles(&stakeholders), pairs(&[("A", "lead"), ("B", "collaborator"), ("C", "collaborator")]));
    assert_eq!(stakeholders[0]["code"], "A", "the lead comes first");
    assert_eq!(find_by(&stakeholders, "code", "C")["identified_by_name"], "小蓝", "B found C");
    assert_eq!(link_pairs(&links), pairs(&[(&b, &a), (&c, &b)]));
});

// ---------------------------------------------------------------- editing projects

both_engines!(the_lead_pm_edits_the_project_but_a_collaborator_pm_cannot, |app| async move {
    // Arrange
    let lead_pm = app.login("xiaozhang").await;
    let collaborator_pm = app.login("xiaolan").await;
    let id = lead_pm.demo_project_id().await;
    let path = format!("/api/v1/projects/{id}");
    let before = lead_pm.read(&path).await;

    // Act
    let refused = collaborator_pm.patch(&path, json!({"name": "B's takeover"})).await;
    let accepted = lead_pm.edit(&path, json!({"goal": "Approve, then charge."})).await;

    // Assert
    refused.expect_error(403, "forbidden", None, "xiaolan (B's PM) editing A's project");
    let edited = accepted.expect(200, "xiaozhang (A's PM) editing A's project").clone();
    assert_eq!(edited["goal"], "Approve, then charge.");
    assert_eq!(edited["name"], before["name"], "untouched fields stay");
    assert_eq!(edited["version"], before["version"].as_i64().unwrap() + 1, "the version goes up");
    assert_eq!(collaborator_pm.read(&path).await, edited, "the collaborator still reads it");
});

both_engines!(people_of_the_lead_department_who_are_not_its_pm_cannot_edit, |app| async move {
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let path = format!("/api/v1/projects/{id}");
    let before = pm.read(&path).await;
    for username in ["laowang", "xiaoli", "zhaozong", "xiaoming", "qianzong"] {
        let client = app.login(username).await;

        let reply = client.patch(&path, json!({"name": format!("renamed by {username}")})).await;

        reply.expect_error(403, "forbidden", None, &format!("{username} editing the demo project"));
    }
    assert_eq!(pm.read(&path).await, before, "the project is unchanged");
});

both_engines!(an_admin_and_the_creator_edit_a_project, |app| async move {
    // Arrange: xiaoming (C's PM) starts a project led by B: he is its creator, not its lead PM.
    let creator = app.login("xiaoming").await;
    let department_b = creator.department_id("B").await;
    let project = creator.create_project(new_project("Approval feed", &department_b, "internal")).await;
    let path = format!("/api/v1/projects/{}", project["id"].as_str().unwrap());
    let admin = app.login("admin").await;
    let lead_pm = app.login("xiaolan").await;

    // Act
    let by_creator = creator.edit(&path, json!({"target_launch_on": "2026-07-31"})).await;
    let by_admin = admin.edit(&path, json!({"visibility": "restricted"})).await;
    let by_lead_pm = lead_pm.edit(&path, json!({"name": "Approval events"})).await;

    // Assert
    assert_eq!(by_creator.expect(200, "the creator editing")["target_launch_on"], "2026-07-31");
    assert_eq!(by_admin.expect(200, "an admin editing")["visibility"], "restricted");
    let last = by_lead_pm.expect(200, "the lead department's PM editing").clone();
    assert_eq!(last["name"], "Approval events");
    assert_eq!(last["version"], 4);
    assert_eq!(admin.read(&path).await, last);
});

both_engines!(a_stale_version_is_refused, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let path = format!("/api/v1/projects/{id}");
    let loaded = pm.read(&path).await;
    let version = loaded["version"].as_i64().unwrap();
    let first = pm.patch(&path, json!({"name": "First edit", "version": version})).await;
    assert_eq!(first.expect(200, "an edit with the current version")["version"], version + 1);

    // Act
    let second = pm.patch(&path, json!({"name": "Second edit", "version": version})).await;

    // Assert
    second.expect_error(409, "stale_version", None, "an edit with the version loaded before the first edit");
    let now = pm.read(&path).await;
    assert_eq!(now["name"], "First edit");
    assert_eq!(now["version"], version + 1);
});

both_engines!(invalid_project_edits_are_refused_and_nothing_changes, |app| async move {
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let path = format!("/api/v1/projects/{id}");
    let before = pm.read(&path).await;
    let cases = [
        (json!({"name": ""}), Some("name"), "empty name"),
        (json!({"name": "x".repeat(121)}), Some("name"), "121-character name"),
        (json!({"kickoff_on": "2026-02-30"}), Some("kickoff_on"), "impossible kick-off date"),
        (json!({"target_launch_on": "tomorrow"}), Some("target_launch_on"), "launch date in words"),
        (json!({"target_launch_on": "1999-01-01"}), Some("target_launch_on"), "launch before the kick-off"),
        (json!({"visibility": "secret"}), Some("visibility"), "unknown visibility"),
        (json!({"lead_department_id": "no-such-department"}), Some("lead_department_id"), "unknown lead department"),
        (json!({"colour": "red"}), None, "unknown field"),
        (json!({"version": "one"}), None, "version not a number"),
    ];
    for (body, field, why) in cases {
        let reply = pm.patch(&path, body).await;

        reply.expect_error(422, "invalid", field, why);
        assert_eq!(pm.read(&path).await, before, "{why}: the project is unchanged");
    }
});

both_engines!(changing_the_lead_keeps_the_old_lead_as_a_collaborator, |app| async move {
    let admin = app.login("admin").await;
    let id = admin.demo_project_id().await;
    let department_b = admin.department_id("B").await;

    let reply = admin.edit(&format!("/api/v1/projects/{id}"), json!({"lead_department_id": department_b})).await;

    assert_eq!(reply.expect(200, "moving the lead to B")["lead_department_id"], department_b.as_str());
    let stakeholders = admin.read(&format!("/api/v1/projects/{id}/stakeholders")).await;
    assert_eq!(stakeholder_roles(&stakeholders), pairs(&[("A", "collaborator"), ("B", "lead"), ("C", "collaborator")]));
    // B's PM now edits the project as its lead department's PM.
    let b_pm = app.login("xiaolan").await;
    b_pm.edit(&format!("/api/v1/projects/{id}"), json!({"goal": "B leads now"})).await.expect(200, "the new lead department's PM");
});

// ---------------------------------------------------------------- restricted projects

both_engines!(a_restricted_project_is_not_found_for_outsiders, |app| async move {
    // Arrange: xiaozhang (A) starts a restricted project with A only.
    let owner = app.login("xiaozhang").await;
    let department_a = owner.department_id("A").await;
    let department_c = owner.department_id("C").await;
    let project = owner.create_project(new_project("Confidential pricing", &department_a, "restricted")).await;
    let id = project["id"].as_str().unwrap().to_string();
    let outsider = app.login("xiaoming").await;

    // Act
    let get = outsider.get(&format!("/api/v1/projects/{id}")).await;
    let stakeholders = outsider.get(&format!("/api/v1/projects/{id}/stakeholders")).await;
    let links = outsider.get(&format!("/api/v1/projects/{id}/links")).await;
    let edit = outsider.patch(&format!("/api/v1/projects/{id}"), json!({"name": "peek"})).await;
    let list = outsider.read("/api/v1/projects").await;

    // Assert: 404, as if it did not exist, and not listed.
    get.expect_error(404, "not_found", None, "an outsider reading a restricted project");
    stakeholders.expect_error(404, "not_found", None, "an outsider reading its stakeholders");
    links.expect_error(404, "not_found", None, "an outsider reading its links");
    edit.expect_error(404, "not_found", None, "an outsider editing it (404, not 403)");
    assert!(!has(&list, "id", &id), "not in the outsider's list: {list}");
    assert!(has(&list, "name", DEMO_PROJECT), "internal projects are still listed");
    assert!(has(&app.login("xiaoli").await.read("/api/v1/projects").await, "id", &id), "A's engineer sees it");

    // Once C is a stakeholder, C's people read it.
    owner
        .post(&format!("/api/v1/projects/{id}/stakeholders"), json!({"department_id": department_c, "role": "informed"}))
        .await
        .expect(201, "adding C");
    assert_eq!(outsider.read(&format!("/api/v1/projects/{id}")).await["name"], "Confidential pricing");
    assert_eq!(len(&outsider.read(&format!("/api/v1/projects/{id}/stakeholders")).await), 2);
    assert!(has(&outsider.read("/api/v1/projects").await, "id", &id), "now listed for C");
    outsider.patch(&format!("/api/v1/projects/{id}"), json!({"name": "peek"})).await.expect_error(
        403,
        "forbidden",
        None,
        "a stakeholder who may read but not edit",
    );
});

both_engines!(admins_read_restricted_projects_of_other_departments, |app| async move {
    let owner = app.login("xiaolan").await;
    let department_b = owner.department_id("B").await;
    let project = owner.create_project(new_project("Approval internals", &department_b, "restricted")).await;
    let id = project["id"].as_str().unwrap();
    let admin = app.login("admin").await; // in department C, not a stakeholder

    let read = admin.get(&format!("/api/v1/projects/{id}")).await;

    assert_eq!(read.expect(200, "an admin reading a restricted project")["name"], "Approval internals");
    assert!(has(&admin.read("/api/v1/projects").await, "id", id));
    assert!(!has(&app.login("qianzong").await.read("/api/v1/projects").await, "id", id), "C's leader does not see it");
});

both_engines!(removing_a_department_from_a_restricted_project_hides_it_from_them_again, |app| async move {
    let owner = app.login("xiaozhang").await;
    let department_a = owner.department_id("A").await;
    let department_b = owner.department_id("B").await;
    let project = owner.create_project(new_project("Confidential pricing", &department_a, "restricted")).await;
    let id = project["id"].as_str().unwrap();
    owner
        .post(&format!("/api/v1/projects/{id}/stakeholders"), json!({"department_id": department_b, "role": "consulted"}))
        .await
        .expect(201, "adding B");
    let b_engineer = app.login("xiaozhou").await;
    b_engineer.read(&format!("/api/v1/projects/{id}")).await;

    let reply = owner.delete(&format!("/api/v1/projects/{id}/stakeholders/{department_b}")).await;

    assert_eq!(reply.status, 204, "{reply}");
    b_engineer.get(&format!("/api/v1/projects/{id}")).await.expect_error(404, "not_found", None, "B after being removed");
});

// ---------------------------------------------------------------- stakeholders

both_engines!(stakeholders_are_added_with_optional_links_and_removed_with_theirs, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let me = pm.read("/api/v1/me").await;
    let (a, b, c) = (pm.department_id("A").await, pm.department_id("B").await, pm.department_id("C").await);
    let project = pm.create_project(new_project("Refund approval", &a, "internal")).await;
    let id = project["id"].as_str().unwrap();
    let stakeholders_path = format!("/api/v1/projects/{id}/stakeholders");

    // Act
    let added_b = pm.post(&stakeholders_path, json!({"department_id": b, "role": "collaborator", "upstream_of": [a]})).await;
    let added_c = pm.post(&stakeholders_path, json!({"department_id": c, "role": "consulted", "upstream_of": [b]})).await;

    // Assert
    let added_b = added_b.expect(201, "adding B upstream of A").clone();
    assert_eq!(added_b["code"], "B");
    assert_eq!(added_b["role"], "collaborator");
    assert_eq!(added_b["identified_by"], me["id"]);
    assert_eq!(added_b["identified_by_name"], "小张");
    assert!(added_b["identified_at"].as_i64().unwrap() > 0);
    assert_eq!(added_c.expect(201, "adding C upstream of B")["role"], "consulted");
    let listed = pm.read(&stakeholders_path).await;
    assert_eq!(stakeholder_roles(&listed), pairs(&[("A", "lead"), ("B", "collaborator"), ("C", "consulted")]));
    assert_eq!(link_pairs(&pm.read(&format!("/api/v1/projects/{id}/links")).await), pairs(&[(&b, &a), (&c, &b)]));
    assert_eq!(pm.read(&format!("/api/v1/projects/{id}")).await["version"], 3, "each stakeholder change is an edit");

    // Removing B removes its links too.
    let removed = pm.delete(&format!("{stakeholders_path}/{b}")).await;
    assert_eq!(removed.status, 204, "{removed}");
    assert_eq!(stakeholder_roles(&pm.read(&stakeholders_path).await), pairs(&[("A", "lead"), ("C", "consulted")]));
    assert_eq!(len(&pm.read(&format!("/api/v1/projects/{id}/links")).await), 0, "B's links went with it");
});

both_engines!(invalid_stakeholders_are_refused_naming_the_field_and_nothing_is_written, |app| async move {
    // Arrange: a fourth department D that is not on the demo project.
    let admin = app.login("admin").await;
    let d =
        admin.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await.expect(201, "adding D")
            ["id"]
            .as_str()
            .unwrap()
            .to_string();
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let (a, b) = (pm.department_id("A").await, pm.department_id("B").await);
    let path = format!("/api/v1/projects/{id}/stakeholders");
    let before = (pm.read(&path).await, pm.read(&format!("/api/v1/projects/{id}/links")).await);
    let cases = [
        (json!({"department_id": b, "role": "informed"}), 409, "duplicate", Some("department_id"), "B is already a stakeholder"),
        (json!({"department_id": d, "role": "lead"}), 422, "invalid", Some("role"), "a second lead"),
        (json!({"department_id": d, "role": "owner"}), 422, "invalid", Some("role"), "unknown role"),
        (json!({"department_id": "no-such-department", "role": "informed"}), 422, "invalid", Some("department_id"), "unknown department"),
        (json!({"department_id": "", "role": "informed"}), 422, "invalid", Some("department_id"), "no department"),
        (
            json!({"department_id": d, "role": "informed", "upstream_of": ["no-such-department"]}),
            422,
            "invalid",
            Some("downstream_department_id"),
            "upstream of a non-stakeholder",
        ),
        (
            json!({"department_id": d, "role": "informed", "upstream_of": [d]}),
            422,
            "invalid",
            Some("upstream_department_id"),
            "upstream of itself",
        ),
        (json!({"department_id": d}), 422, "invalid", None, "role missing"),
        (json!({"department_id": d, "role": "informed", "upstream_of": a}), 422, "invalid", None, "upstream_of not a list"),
    ];
    for (body, status, code, field, why) in cases {
        let reply = pm.post(&path, body).await;

        reply.expect_error(status, code, field, why);
        let after = (pm.read(&path).await, pm.read(&format!("/api/v1/projects/{id}/links")).await);
        assert_eq!(stakeholder_roles(&after.0), stakeholder_roles(&before.0), "{why}: stakeholders unchanged");
        assert_eq!(link_pairs(&after.1), link_pairs(&before.1), "{why}: links unchanged");
    }
});

both_engines!(the_lead_department_cannot_be_removed_and_a_non_stakeholder_is_not_found, |app| async move {
    let admin = app.login("admin").await;
    let d =
        admin.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await.expect(201, "adding D")
            ["id"]
            .as_str()
            .unwrap()
            .to_string();
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let a = pm.department_id("A").await;
    let path = format!("/api/v1/projects/{id}/stakeholders");

    let lead = pm.delete(&format!("{path}/{a}")).await;
    let outsider = pm.delete(&format!("{path}/{d}")).await;

    lead.expect_conflict("lead_department", "removing the lead department");
    outsider.expect_error(404, "not_found", None, "removing a department that is not a stakeholder");
    assert_eq!(len(&pm.read(&path).await), 3, "nothing was removed");
    assert_eq!(len(&pm.read(&format!("/api/v1/projects/{id}/links")).await), 2, "no link was removed");
});

both_engines!(only_editors_change_stakeholders_and_links, |app| async move {
    let admin = app.login("admin").await;
    let d =
        admin.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await.expect(201, "adding D")
            ["id"]
            .as_str()
            .unwrap()
            .to_string();
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let (a, b, c) = (pm.department_id("A").await, pm.department_id("B").await, pm.department_id("C").await);
    let before = (pm.read(&format!("/api/v1/projects/{id}/stakeholders")).await, pm.read(&format!("/api/v1/projects/{id}/links")).await);
    for username in ["xiaolan", "laowang", "xiaoming"] {
        let client = app.login(username).await;
        let attempts = [
            (
                client.post(&format!("/api/v1/projects/{id}/stakeholders"), json!({"department_id": d, "role": "informed"})).await,
                "adding a stakeholder",
            ),
            (client.delete(&format!("/api/v1/projects/{id}/stakeholders/{c}")).await, "removing a stakeholder"),
            (
                client
                    .post(&format!("/api/v1/projects/{id}/links"), json!({"upstream_department_id": c, "downstream_department_id": a}))
                    .await,
                "adding a link",
            ),
            (
                client
                    .delete_with(
                        &format!("/api/v1/projects/{id}/links"),
                        json!({"upstream_department_id": b, "downstream_department_id": a}),
                    )
                    .await,
                "removing a link",
            ),
        ];
        for (reply, what) in attempts {
            reply.expect_error(403, "forbidden", None, &format!("{username} {what}"));
        }
    }
    let after = (pm.read(&format!("/api/v1/projects/{id}/stakeholders")).await, pm.read(&format!("/api/v1/projects/{id}/links")).await);
    assert_eq!(stakeholder_roles(&after.0), stakeholder_roles(&before.0));
    assert_eq!(link_pairs(&after.1), link_pairs(&before.1));
});

// ---------------------------------------------------------------- links

both_engines!(a_link_is_added_and_removed, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let (a, b, c) = (pm.department_id("A").await, pm.department_id("B").await, pm.department_id("C").await);
    let path = format!("/api/v1/projects/{id}/links");
    let shortcut = json!({"upstream_department_id": c, "downstream_department_id": a});

    // Act
    let added = pm.post(&path, shortcut.clone()).await;

    // Assert
    assert_eq!(link_pairs(added.expect(201, "a shortcut along the chain (C → A)")), pairs(&[(&b, &a), (&c, &a), (&c, &b)]));
    assert_eq!(link_pairs(&pm.read(&path).await), pairs(&[(&b, &a), (&c, &a), (&c, &b)]));

    let removed = pm.delete_with(&path, shortcut.clone()).await;
    assert_eq!(link_pairs(removed.expect(200, "removing C → A")), pairs(&[(&b, &a), (&c, &b)]));
    pm.delete_with(&path, shortcut).await.expect_error(404, "not_found", None, "removing C → A again");
    assert_eq!(link_pairs(&pm.read(&path).await), pairs(&[(&b, &a), (&c, &b)]));
});

both_engines!(self_links_cycles_and_links_to_outsiders_are_refused_and_nothing_is_written, |app| async move {
    // Arrange: the demo chain is C → B → A; D exists but is not a stakeholder.
    let admin = app.login("admin").await;
    let d =
        admin.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await.expect(201, "adding D")
            ["id"]
            .as_str()
            .unwrap()
            .to_string();
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let (a, b, c) = (pm.department_id("A").await, pm.department_id("B").await, pm.department_id("C").await);
    let path = format!("/api/v1/projects/{id}/links");
    let link = |up: &str, down: &str| json!({"upstream_department_id": up, "downstream_department_id": down});
    let cases = [
        (link(&a, &a), 422, "invalid", Some("upstream_department_id"), "A → A links A to itself"),
        (link(&a, &c), 422, "invalid", Some("upstream_department_id"), "A → C closes the loop C → B → A → C"),
        (link(&b, &c), 422, "invalid", Some("upstream_department_id"), "B → C closes the loop C → B → C"),
        (link(&d, &a), 422, "invalid", Some("upstream_department_id"), "D is not a stakeholder (upstream)"),
        (link(&a, &d), 422, "invalid", Some("downstream_department_id"), "D is not a stakeholder (downstream)"),
        (link(&b, &a), 409, "duplicate", Some("downstream_department_id"), "B → A exists already"),
        (json!({"upstream_department_id": a}), 422, "invalid", None, "downstream missing"),
    ];
    for (body, status, code, field, why) in cases {
        let reply = pm.post(&path, body).await;

        reply.expect_error(status, code, field, why);
        assert_eq!(link_pairs(&pm.read(&path).await), pairs(&[(&b, &a), (&c, &b)]), "{why}: links unchanged");
    }
    assert_eq!(len(&pm.read(&format!("/api/v1/projects/{id}/stakeholders")).await), 3, "stakeholders unchanged");
});

both_engines!(a_visibility_or_stakeholder_role_the_code_does_not_know_is_an_internal_error, |app| async move {
    let pm = app.login("xiaozhang").await;
    let project = app.login("admin").await.demo_project_id().await;
    let path = format!("/api/v1/projects/{project}");
    for (sql, mend, what) in [
        (
            "update projects set visibility = 'secret' where project_id = $1",
            "update projects set visibility = 'internal' where project_id = $1",
            "an unknown visibility (before: read as restricted)",
        ),
        (
            "update project_stakeholders set stakeholder_role = 'observer' where project_id = $1 and stakeholder_role = 'lead'",
            "update project_stakeholders set stakeholder_role = 'lead' where project_id = $1 and stakeholder_role = 'observer'",
            "an unknown stakeholder role (before: read as informed)",
        ),
    ] {
        sqlx::query(sql).bind(&project).execute(&app.state.db).await.unwrap();

        let reply = pm.get(&path).await;

        reply.expect_error(500, "internal", None, what);
        sqlx::query(mend).bind(&project).execute(&app.state.db).await.unwrap();
        pm.get(&path).await.expect(200, "read again once the row is mended");
    }
});
