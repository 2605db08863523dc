//! The audit log: the demo's chain verifies; an entry altered directly in the database (by the
//! test, as an attacker with database access would) is named by `concord audit verify` at its
//! position; a tampered sign-off fingerprint is named too; the list is for the project's readers.

use crate::helpers::*;
use serde_json::json;

/// Runs what `concord audit verify` runs, against the test's database.
async fn verify(app: &TestApp) -> app::audit::dto::AuditVerifyReport {
    concord_server::audit_cli::verify_pool(&app.state.db).await.expect("verifying")
}

both_engines!(the_chain_verifies_and_an_altered_entry_is_named_at_its_position, |app| async move {
    let report = verify(&app).await;
    assert_eq!(report.first_mismatch, None, "the demo's log verifies: {report:?}");
    assert!(report.entries >= 20, "the demo's decisions and signatures are recorded: {report:?}");
    assert!(report.signoffs >= 18, "{report:?}");
    assert!(concord_server::audit_cli::describe(&report).starts_with("audit log verified"));

    // Change what entry 5 says, as someone editing the table directly would.
    let payload: String = sqlx::query_scalar("select payload from audit_log where seq = 5").fetch_one(&app.state.db).await.unwrap();
    let altered = payload.replacen("\"revision\":", "\"revision\":1", 1);
    assert_ne!(altered, payload, "entry 5 has a revision to alter: {payload}");
    sqlx::query("update audit_log set payload = $1 where seq = 5").bind(&altered).execute(&app.state.db).await.unwrap();
    let report = verify(&app).await;
    let mismatch = report.first_mismatch.clone().expect("the altered entry is found");
    assert_eq!(mismatch.seq, Some(5), "{mismatch:?}");
    assert_eq!(report.entries, 5, "it stops at the first mismatch");
    assert!(concord_server::audit_cli::describe(&report).contains("entry 5"), "{}", concord_server::audit_cli::describe(&report));

    // Restoring it makes the chain whole again; recomputing the entry's own hash after altering it
    // moves the mismatch to the next entry (whose prev_hash no longer matches).
    sqlx::query("update audit_log set payload = $1 where seq = 5").bind(&payload).execute(&app.state.db).await.unwrap();
    assert_eq!(verify(&app).await.first_mismatch, None);
    sqlx::query("update audit_log set created_at = created_at + 1, hash = $1 where seq = 7")
        .bind("f".repeat(64))
        .execute(&app.state.db)
        .await
        .unwrap();
    assert_eq!(verify(&app).await.first_mismatch.and_then(|m| m.seq), Some(7));
});

both_engines!(a_tampered_fingerprint_and_a_removed_entry_are_named, |app| async move {
    // A sign-off whose fingerprint was changed no longer matches the revision it signed.
    let id: String =
        sqlx::query_scalar("select signoff_id from signoffs order by signoff_id limit 1").fetch_one(&app.state.db).await.unwrap();
    sqlx::query("update signoffs set fingerprint = $1 where signoff_id = $2")
        .bind("0".repeat(64))
        .bind(&id)
        .execute(&app.state.db)
        .await
        .unwrap();
    let report = verify(&app).await;
    let mismatch = report.first_mismatch.clone().expect("the tampered sign-off is found");
    assert_eq!((mismatch.seq, mismatch.signoff_id.as_deref()), (None, Some(id.as_str())), "{mismatch:?}");
    assert!(concord_server::audit_cli::describe(&report).contains(&id));

    // Removing the newest entry: the head still records it.
    let last: i64 = sqlx::query_scalar("select max(seq) from audit_log").fetch_one(&app.state.db).await.unwrap();
    sqlx::query("delete from audit_log where seq = $1").bind(last).execute(&app.state.db).await.unwrap();
    let report = verify(&app).await;
    assert_eq!(report.first_mismatch.as_ref().and_then(|m| m.seq), Some(last), "the removed last entry: {report:?}");
});

both_engines!(the_audit_list_is_for_the_projects_readers, |app| async move {
    let reader = app.login("xiaoming").await;
    let project = reader.demo_project_id().await;
    let entries = reader.read(&format!("/api/v1/audit?project={project}")).await;
    let list = entries.as_array().unwrap();
    assert!(list.len() >= 20);
    assert!(list.windows(2).all(|w| w[0]["seq"].as_i64() > w[1]["seq"].as_i64()), "newest first");
    assert!(list.iter().all(|e| e["hash"].as_str().map(str::len) == Some(64)));
    assert!(list.iter().any(|e| e["action"] == "change_request_decided"));
    let page = reader.read(&format!("/api/v1/audit?project={project}&limit=3&before={}", list[0]["seq"])).await;
    assert_eq!(len(&page), 3);
    assert_eq!(page[0]["seq"], list[1]["seq"]);
    reader.get("/api/v1/audit").await.expect_error(422, "invalid", Some("project"), "no project");
    reader.get(&format!("/api/v1/audit?project={project}&limit=0")).await.expect_error(422, "invalid", Some("limit"), "limit 0");
    assert_eq!(reader.get("/api/v1/audit?project=nope").await.status, 404);
    assert_eq!(app.client().get(&format!("/api/v1/audit?project={project}")).await.status, 401);

    // A restricted project's log is not for outsiders: B's PM makes one without C.
    let xiaolan = app.login("xiaolan").await;
    let b = xiaolan.department_id("B").await;
    let restricted = xiaolan.create_project(new_project("B only", &b, "restricted")).await;
    let id = restricted["id"].as_str().unwrap();
    assert_eq!(reader.get(&format!("/api/v1/audit?project={id}")).await.status, 404, "C's PM is an outsider");
    assert_eq!(reader.get(&matrix_path(id)).await.status, 404);
    assert_eq!(xiaolan.read(&format!("/api/v1/audit?project={id}")).await, json!([]));
});

both_engines!(concurrent_appends_never_fork_the_chain, |app| async move {
    let actor: String = sqlx::query_scalar("select user_id from users order by username limit 1").fetch_one(&app.state.db).await.unwrap();
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let (state, actor) = (app.state.clone(), actor.clone());
            tokio::spawn(async move {
                let mut tx = app::db::begin_write(&state.db, state.db_kind).await.expect("a write transaction");
                let entry = app::audit::NewAuditEntry {
                    project_id: None,
                    actor_id: &actor,
                    action: app::audit::AuditAction::DecisionRecorded,
                    subject_kind: "concurrency-test",
                    subject_id: &i.to_string(),
                    payload: json!({"i": i, "text": "并发 concurrent"}),
                };
                app::audit::record(&mut tx, entry).await.expect("recording");
                // Hold the transaction open a little so the appenders really overlap.
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                tx.commit().await.expect("committing");
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("an appender");
    }
    let appended: i64 = sqlx::query_scalar("select count(*) from audit_log where subject_kind = 'concurrency-test'")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert_eq!(appended, 16);
    let report = verify(&app).await;
    assert_eq!(report.first_mismatch, None, "one unbroken chain: {report:?}");
});

both_engines!(a_closed_meetings_record_edited_in_the_database_is_named, |app| async move {
    let db = &app.state.db;
    let report = verify(&app).await;
    assert_eq!(report.first_mismatch, None, "{report:?}");
    // The demo's four closed meetings, their decisions and meeting 3's amendment.
    assert!(report.meeting_records >= 10, "four closed meetings, their five decisions and an amendment: {report:?}");
    let said = concord_server::audit_cli::describe(&report);
    assert!(said.contains(&format!("{} meeting records", report.meeting_records)), "{said}");

    // Minutes rewritten after the close.
    let (meeting, item, minutes): (String, String, String) = sqlx::query_as(
        "select m.meeting_id, a.item_id, a.minutes from meetings m join meeting_agenda_items a on a.meeting_id = m.meeting_id
         where m.status = 'closed' and a.minutes <> '' order by m.starts_at, a.position limit 1",
    )
    .fetch_one(db)
    .await
    .unwrap();
    sqlx::query("update meeting_agenda_items set minutes = $1 where item_id = $2")
        .bind("无异议 No objections")
        .bind(&item)
        .execute(db)
        .await
        .unwrap();
    let report = verify(&app).await;
    let m = report.first_mismatch.clone().expect("the edited minutes are found");
    assert_eq!((m.seq, m.subject_kind.as_deref(), m.subject_id.as_deref()), (None, Some("meeting"), Some(meeting.as_str())), "{m:?}");
    let said = concord_server::audit_cli::describe(&report);
    assert!(said.starts_with(&format!("meeting {meeting} does not match")) && said.contains("minutes"), "{said}");
    sqlx::query("update meeting_agenda_items set minutes = $1 where item_id = $2").bind(&minutes).bind(&item).execute(db).await.unwrap();
    assert_eq!(verify(&app).await.first_mismatch, None, "restored");

    // A decision reworded.
    let (decision, text): (String, String) = sqlx::query_as(
        "select d.decision_id, d.body from meeting_decisions d join meetings m on m.meeting_id = d.meeting_id
         where m.status = 'closed' order by m.starts_at desc, d.decision_id limit 1",
    )
    .fetch_one(db)
    .await
    .unwrap();
    sqlx::query("update meeting_decisions set body = $1 where decision_id = $2")
        .bind("C 开发新接口 C builds a new API")
        .bind(&decision)
        .execute(db)
        .await
        .unwrap();
    let m = verify(&app).await.first_mismatch.expect("the reworded decision is found");
    assert_eq!((m.subject_kind.as_deref(), m.subject_id.as_deref()), (Some("decision"), Some(decision.as_str())), "{m:?}");
    sqlx::query("update meeting_decisions set body = $1 where decision_id = $2").bind(&text).bind(&decision).execute(db).await.unwrap();

    // A maker added to a decision.
    let outsider: String = sqlx::query_scalar("select user_id from users where username = 'laowang'").fetch_one(db).await.unwrap();
    sqlx::query("insert into decision_makers (decision_id, user_id) values ($1, $2)")
        .bind(&decision)
        .bind(&outsider)
        .execute(db)
        .await
        .unwrap();
    let m = verify(&app).await.first_mismatch.expect("the added maker is found");
    assert_eq!(m.subject_id.as_deref(), Some(decision.as_str()), "{m:?}");
    sqlx::query("delete from decision_makers where decision_id = $1 and user_id = $2")
        .bind(&decision)
        .bind(&outsider)
        .execute(db)
        .await
        .unwrap();

    // An amendment reworded.
    let (amendment, body): (String, String) =
        sqlx::query_as("select amendment_id, body from meeting_amendments order by created_at limit 1").fetch_one(db).await.unwrap();
    sqlx::query("update meeting_amendments set body = 'x' where amendment_id = $1").bind(&amendment).execute(db).await.unwrap();
    let m = verify(&app).await.first_mismatch.expect("the reworded amendment is found");
    assert_eq!((m.subject_kind.as_deref(), m.subject_id.as_deref()), (Some("amendment"), Some(amendment.as_str())), "{m:?}");
    sqlx::query("update meeting_amendments set body = $1 where amendment_id = $2").bind(&body).bind(&amendment).execute(db).await.unwrap();
    assert_eq!(verify(&app).await.first_mismatch, None, "restored");

    // A closed meeting reopened directly: its close entry no longer has a closed meeting.
    sqlx::query("update meetings set status = 'in_progress' where meeting_id = $1").bind(&meeting).execute(db).await.unwrap();
    let report = verify(&app).await;
    let m = report.first_mismatch.clone().expect("the reopened meeting is found");
    let close_seq: i64 = sqlx::query_scalar("select seq from audit_log where action = 'meeting_closed' and subject_id = $1")
        .bind(&meeting)
        .fetch_one(db)
        .await
        .unwrap();
    assert_eq!((m.seq, m.subject_kind.as_deref()), (Some(close_seq), Some("meeting")), "{m:?}");
    assert!(concord_server::audit_cli::describe(&report).starts_with(&format!("audit log entry {close_seq} (about meeting {meeting})")));
});

both_engines!(meetings_closed_and_amended_through_the_api_verify, |app| async move {
    // A meeting run end to end by the API, then amended with a correcting decision: its entries
    // are rebuilt from the stored rows and match.
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let id: String = sqlx::query_scalar("select meeting_id from meetings where project_id = $1 and status = 'planned' limit 1")
        .bind(&project)
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    let people: Vec<String> = sqlx::query_scalar("select user_id from users where username in ('xiaozhang', 'xiaolan') order by username")
        .fetch_all(&app.state.db)
        .await
        .unwrap();
    let status = format!("/api/v1/meetings/{id}/status");
    pm.post(&status, json!({"status": "in_progress"})).await.expect(200, "starting");
    let attendance =
        pm.request(reqwest::Method::PUT, &format!("/api/v1/meetings/{id}/attendance")).json(&json!({"user_ids": people, "version": 1}));
    pm.send(attendance).await.expect(200, "attendance");
    let decision = json!({"text": "联调 5 天 Five days of joint debugging", "maker_ids": people, "links": []});
    let detail = pm.post(&format!("/api/v1/meetings/{id}/decisions"), decision).await;
    let first = detail.expect(200, "a decision")["decisions"][0]["id"].as_str().unwrap().to_string();
    pm.post(&status, json!({"status": "closed"})).await.expect(200, "closing");
    let correction = json!({"text": "联调 6 天 Six days", "maker_ids": people, "links": [], "corrects_id": first});
    let amendment = json!({"text": "更正 Correction", "decisions": [correction]});
    pm.post(&format!("/api/v1/meetings/{id}/amendments"), amendment).await.expect(201, "amending");
    let report = verify(&app).await;
    assert_eq!(report.first_mismatch, None, "{report:?}");
});
