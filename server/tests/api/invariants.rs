//! Rules that span several rows hold when requests race, round after round: on PostgreSQL each
//! write transaction runs at READ COMMITTED beside the others, so a rule checked by reading and
//! then writing holds only if the service serialises the writers of that thing (see
//! `app::db::locks`) or a constraint holds it. SQLite runs one writer at a time; the same tests
//! run there so both engines answer alike.

use crate::helpers::*;
use crate::signoffs::{sign_body, subject};
use crate::solutions::{base_plan, choose, decide, option_body, project, propose, request_path, requests, requirement, world};
use reqwest::header::ACCEPT;
use reqwest::Method;
use serde_json::{json, Value};

/// Requests fired at once in each round.
const RACERS: usize = 20;
/// Rounds per rule: a race that is lost one time in a few dozen still shows.
const ROUNDS: usize = 50;

/// Replies other than the expected statuses, for the failure message.
#[track_caller]
fn assert_only(replies: &[Reply], allowed: &[u16], what: &str) {
    let odd: Vec<String> = replies.iter().filter(|r| !allowed.contains(&r.status)).map(|r| r.to_string()).collect();
    assert!(odd.is_empty(), "{what}: unexpected answers:\n{}", odd.join("\n"));
}

fn successes(replies: &[Reply]) -> usize {
    replies.iter().filter(|r| (200..300).contains(&r.status)).count()
}

both_engines!(twenty_choices_racing_in_one_project_open_exactly_one_pending_request, |app| async move {
    let w = world(&app).await;
    for round in 0..ROUNDS {
        // Arrange: a fresh project with two options of one requirement.
        let project = project(&w.pm_a, &format!("Race {round}"), "RACE", "internal").await;
        let requirement = requirement(&w.pm_a, &project).await;
        let mut options = Vec::new();
        for k in 0..2 {
            options.push(id_of(&propose(&w.pm_a, &requirement, option_body(&format!("Option {k}"), base_plan(), &["S1", "S2"])).await));
        }

        // Act: twenty choices, alternating between the two options.
        let replies = race(RACERS, |i| {
            let (pm, path) = (w.pm_a.clone(), format!("{}/choose", option_path(&options[i % 2])));
            async move { pm.post(&path, json!({"rationale": format!("racer {i}"), "version": 1})).await }
        })
        .await;

        // Assert
        assert_only(&replies, &[200, 409], &format!("round {round}"));
        assert_eq!(successes(&replies), 1, "round {round}: one choice wins: {:?}", tally(&replies));
        let pending = requests(&w.pm_a, &project).await;
        let pending = pending.as_array().expect("requests").iter().filter(|r| r["status"] == "pending").count();
        assert_eq!(pending, 1, "round {round}: one pending request per project");
    }
});

both_engines!(two_leaders_approving_one_request_at_once_leave_it_approved, |app| async move {
    let w = world(&app).await;
    let (leader_a, leader_b) = (app.login("zhaozong").await, app.login("sunzong").await);
    for round in 0..ROUNDS {
        // Arrange: a request that needs A's and B's approval.
        let project = project(&w.pm_a, &format!("Race {round}"), "RACE", "internal").await;
        let requirement = requirement(&w.pm_a, &project).await;
        let option = id_of(&propose(&w.pm_a, &requirement, option_body("Query B", base_plan(), &["S1", "S2"])).await);
        let request = choose(&w.pm_a, &option, "Smallest change").await;

        // Act: A's and B's leaders approve, ten times each, all at once.
        let replies = race(RACERS, |i| {
            let (leader, request) = (if i % 2 == 0 { leader_a.clone() } else { leader_b.clone() }, request.clone());
            async move { decide(&leader, &request, "approve", "").await }
        })
        .await;

        // Assert: each department decided once and the last approval closed the request.
        assert_only(&replies, &[200, 409], &format!("round {round}"));
        assert_eq!(successes(&replies), 2, "round {round}: one decision per department: {:?}", tally(&replies));
        let detail = w.pm_a.read(&request_path(&request)).await;
        assert_eq!(detail["summary"]["status"], "approved", "round {round}: both approved, so the request is approved: {detail}");
        let baselines = w.pm_a.read(&format!("/api/v1/projects/{project}/baselines")).await;
        assert_eq!(len(&baselines["baselines"]), 1, "round {round}: one baseline");
    }
});

both_engines!(one_cell_signed_twenty_times_at_once_holds_one_signature, |app| async move {
    // sunzong (B's leader) has a stale baseline cell on the demo project.
    let sunzong = app.login("sunzong").await;
    let project = sunzong.demo_project_id().await;
    for round in 0..ROUNDS {
        // Arrange
        let baseline = subject(&sunzong, &project, "baseline").await;

        // Act: the same signature, twenty times at once (a double click, several tabs).
        let replies = race(RACERS, |_| {
            let (client, path, body) = (sunzong.clone(), matrix_path(&project), sign_body(&baseline, DEMO_PASSWORD));
            async move { client.post(&path, body).await }
        })
        .await;

        // Assert: one signature; the rest are told it is signed, or to slow down (the password is
        // checked again on each, and the signing budget holds five checks at a time).
        assert_only(&replies, &[201, 409, 429], &format!("round {round}"));
        assert_eq!(successes(&replies), 1, "round {round}: one signature: {:?}", tally(&replies));
        let signed: Vec<&Reply> = replies.iter().filter(|r| r.status == 201).collect();
        let matrix = sunzong.read(&matrix_path(&project)).await;
        let sunzong_id = sunzong.user_id("sunzong").await;
        let cell = matrix["cells"].as_array().unwrap().iter().find(|c| c["signer_id"] == sunzong_id.as_str() && c["kind"] == "baseline");
        assert_eq!(cell.map(|c| c["state"].clone()), Some(json!("signed")), "round {round}");

        // Next round: take it back, so the cell is open again.
        let id = signed[0].json["id"].as_str().expect("a sign-off id");
        sunzong.post(&format!("/api/v1/signoffs/{id}/revoke"), json!({"reason": "next round"})).await.expect(200, "revoking");
    }
});

both_engines!(two_admins_demoting_each_other_at_once_leave_one_admin, |app| async move {
    // Arrange: a second administrator.
    let admin = app.login("admin").await;
    let department = admin.department_id("IT").await;
    let second = json!({
        "username": "admin2", "display_name": "Second admin", "department_id": department,
        "role": "engineer", "is_admin": true, "password": "a long enough password",
    });
    let admin2_id = id_of(admin.post("/api/v1/users", second).await.expect(201, "adding a second admin"));
    let admin_id = admin.user_id("admin").await;
    let admin2 = app.login_with("admin2", "a long enough password").await;
    let clients = [(admin.clone(), admin2_id.clone()), (admin2.clone(), admin_id.clone())];

    for round in 0..ROUNDS {
        // Arrange: both accounts' versions as each admin's screen shows them.
        let mut versions = Vec::new();
        for (_, other) in &clients {
            versions.push(admin.read(&format!("/api/v1/users/{other}")).await["version"].clone());
        }

        // Act: each removes the other's admin flag, ten times each, all at once.
        let replies = race(RACERS, |i| {
            let ((client, other), version) = (clients[i % 2].clone(), versions[i % 2].clone());
            async move { client.patch(&format!("/api/v1/users/{other}"), json!({"is_admin": false, "version": version})).await }
        })
        .await;

        // Assert
        assert_only(&replies, &[200, 403, 409], &format!("round {round}"));
        let people = admin.read("/api/v1/users").await;
        let admins: Vec<&Value> = people.as_array().unwrap().iter().filter(|p| p["is_admin"] == true).collect();
        assert_eq!(admins.len(), 1, "round {round}: exactly one administrator is left: {:?}", tally(&replies));

        // Next round: the one left promotes the other again.
        let (left, other) = if admins[0]["id"] == admin_id.as_str() { (&admin, &admin2_id) } else { (&admin2, &admin_id) };
        left.edit(&format!("/api/v1/users/{other}"), json!({"is_admin": true})).await.expect(200, "promoting again");
    }
});

both_engines!(twenty_first_admin_set_ups_at_once_create_one_admin, without_demo, |app| async move {
    for round in 0..ROUNDS {
        // Act: twenty visitors submit the set-up form at once, each with its own username.
        let replies = race(RACERS, |i| {
            let visitor = app.client();
            let form = [
                ("username", format!("first.admin{i}")),
                ("display_name", "First Admin".to_string()),
                ("password", "first admin password".to_string()),
                ("department_code", "ops".to_string()),
                ("department_name_zh", "运维".to_string()),
                ("department_name_en", "Operations".to_string()),
            ];
            async move { visitor.send(visitor.request(Method::POST, "/_sfn/setup").header(ACCEPT, "application/json").form(&form)).await }
        })
        .await;

        // Assert
        assert_only(&replies, &[200, 409], &format!("round {round}"));
        assert_eq!(successes(&replies), 1, "round {round}: one set-up succeeds: {:?}", tally(&replies));
        let admins: i64 = sqlx::query_scalar("select count(*) from users where is_admin = 1")
            .fetch_one(&app.state.db)
            .await
            .expect("counting administrators");
        assert_eq!(admins, 1, "round {round}: one administrator");

        // Next round: an empty installation again.
        for table in ["sessions", "users", "departments"] {
            sqlx::query(&format!("delete from {table}")).execute(&app.state.db).await.expect("emptying the installation");
        }
    }
});
