//! Requests that race each other: each must still get the answer it would get alone (201, 409),
//! never a 500.

use crate::helpers::*;
use serde_json::{json, Value};

/// How many requests are fired at once.
const RACERS: usize = 8;

both_engines!(independent_projects_created_at_the_same_time_all_succeed, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let department_a = pm.department_id("A").await;

    // Act
    let replies = race(RACERS, |i| {
        let (pm, body) = (pm.clone(), new_project(&format!("Parallel project {i}"), &department_a, "internal"));
        async move { pm.post("/api/v1/projects", body).await }
    })
    .await;

    // Assert
    assert_tally(&replies, &[("201", RACERS)], "unrelated projects created at once");
    assert_eq!(len(&pm.read("/api/v1/projects").await), RACERS + 1);
});

both_engines!(concurrent_edits_with_the_same_version_let_one_win_and_refuse_the_rest_as_stale, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let path = format!("/api/v1/projects/{}", pm.demo_project_id().await);
    let version = pm.read(&path).await["version"].as_i64().unwrap();

    // Act
    let replies = race(RACERS, |i| {
        let (pm, path) = (pm.clone(), path.clone());
        async move { pm.patch(&path, json!({"goal": format!("edit {i}"), "version": version})).await }
    })
    .await;

    // Assert
    assert_tally(&replies, &[("200", 1), ("409 stale_version", RACERS - 1)], "edits of the same version at once");
    assert_eq!(pm.read(&path).await["version"], version + 1, "exactly one edit was saved");
});

both_engines!(the_same_department_code_added_at_the_same_time_is_created_once, |app| async move {
    // Arrange
    let admin = app.login("admin").await;

    // Act
    let replies = race(RACERS, |i| {
        let admin = admin.clone();
        let body = json!({"code": "D", "name_zh": format!("风控{i}"), "name_en": format!("Risk control {i}")});
        async move { admin.post("/api/v1/departments", body).await }
    })
    .await;

    // Assert
    assert_tally(&replies, &[("201", 1), ("409 duplicate", RACERS - 1)], "one code added at once");
    assert_eq!(len(&admin.read("/api/v1/departments").await), 5);
});

both_engines!(the_same_username_added_at_the_same_time_is_created_once, |app| async move {
    // Arrange
    let admin = app.login("admin").await;
    let department_a = admin.department_id("A").await;

    // Act
    let replies = race(RACERS, |i| {
        let admin = admin.clone();
        let body = json!({
            "username": "xiaoqian", "display_name": format!("小钱 {i}"), "department_id": department_a,
            "role": "engineer", "is_admin": false, "password": "a long enough password",
        });
        async move { admin.post("/api/v1/users", body).await }
    })
    .await;

    // Assert
    assert_tally(&replies, &[("201", 1), ("409 duplicate", RACERS - 1)], "one username added at once");
    assert_eq!(len(&admin.read("/api/v1/users").await), 14);
});

both_engines!(the_same_stakeholder_added_at_the_same_time_is_added_once, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let (a, b) = (pm.department_id("A").await, pm.department_id("B").await);
    let project = pm.create_project(new_project("Refund approval", &a, "internal")).await;
    let path = format!("/api/v1/projects/{}/stakeholders", project["id"].as_str().unwrap());

    // Act
    let replies = race(RACERS, |_| {
        let (pm, path, body) = (pm.clone(), path.clone(), json!({"department_id": b, "role": "collaborator"}));
        async move { pm.post(&path, body).await }
    })
    .await;

    // Assert
    assert_tally(&replies, &[("201", 1), ("409 duplicate", RACERS - 1)], "one stakeholder added at once");
    assert_eq!(len(&pm.read(&path).await), 2);
});

both_engines!(the_same_link_added_at_the_same_time_is_added_once, |app| async move {
    // Arrange
    let pm = app.login("xiaozhang").await;
    let id = pm.demo_project_id().await;
    let (a, c) = (pm.department_id("A").await, pm.department_id("C").await);
    let path = format!("/api/v1/projects/{id}/links");
    let link: Value = json!({"upstream_department_id": c, "downstream_department_id": a});

    // Act
    let replies = race(RACERS, |_| {
        let (pm, path, link) = (pm.clone(), path.clone(), link.clone());
        async move { pm.post(&path, link).await }
    })
    .await;

    // Assert
    assert_tally(&replies, &[("201", 1), ("409 duplicate", RACERS - 1)], "one link added at once");
    assert_eq!(len(&pm.read(&path).await), 3);
});

both_engines!(every_saved_edit_answers_with_the_revision_it_wrote_even_among_eight_editors, |app| async move {
    // Arrange: one requirement, eight PMs' clients editing its title as fast as they can.
    let pm = app.login("xiaozhang").await;
    let project_id = pm.demo_project_id().await;
    let created = pm.create_requirement(&project_id, json!({"title": "Edited by many", "summary": "start"})).await;
    let path = format!("/api/v1/requirements/{}", created["id"].as_str().unwrap());
    const EDITS_EACH: usize = 40;

    // Act: each editor saves a title of its own from the version it last saw, and on a 409 goes on
    // from the version the conflict names (no read in between: writes follow each other closely).
    let editors: Vec<_> = (0..RACERS)
        .map(|editor| {
            let (pm, path) = (pm.clone(), path.clone());
            tokio::spawn(async move {
                let mut answers = Vec::new();
                let mut saved = 0;
                let mut version = json!(1);
                while saved < EDITS_EACH {
                    let title = format!("editor {editor} edit {saved}");
                    let reply = pm.patch(&path, json!({"version": version, "title": title, "summary": "race"})).await;
                    match reply.status {
                        200 => {
                            version = reply.json["version"].clone();
                            answers.push((title, reply.json["content"]["title"].clone(), version.clone()));
                            saved += 1;
                        }
                        409 => version = reply.json["error"]["current_revision"].clone(),
                        _ => panic!("editor {editor}: {reply}"),
                    }
                }
                answers
            })
        })
        .collect();

    // Assert: every 200 carries the title it saved (so its version is the one it wrote), and no
    // two saves got the same version.
    let mut versions = std::collections::BTreeSet::new();
    for editor in editors {
        for (sent, answered, version) in editor.await.expect("an editor") {
            assert_eq!(answered, json!(sent), "a save answered with someone else's revision {version}");
            assert!(versions.insert(version.to_string()), "version {version} answered twice");
        }
    }
    assert_eq!(versions.len(), RACERS * EDITS_EACH);
});
