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

fn matrix_path(project: &str) -> String {
    format!("/api/v1/projects/{project}/signoffs")
}

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
