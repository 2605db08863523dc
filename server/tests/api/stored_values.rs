//! Status, kind and role columns decode into the domain's enums at the database boundary: a value
//! the code does not know (a manual fix, a row written by a newer version) answers `internal` and
//! is logged, never shown as some default status as if it had been stored.

use sqlx::AnyPool;

/// The first value of `select` (an id of a seeded row).
async fn first_id(db: &AnyPool, select: &str) -> String {
    sqlx::query_scalar::<_, String>(select).fetch_one(db).await.unwrap_or_else(|e| panic!("{select}: {e}"))
}

both_engines!(a_status_kind_or_role_the_code_does_not_know_is_an_internal_error_in_every_typed_column, |app| async move {
    let admin = app.login("admin").await;
    let db = &app.state.db;
    let project = admin.demo_project_id().await;
    let requirement = first_id(db, "select requirement_id from requirements order by number").await;
    let option = first_id(db, "select option_id from solution_options where status = 'chosen'").await;
    let request = first_id(db, "select request_id from change_requests order by created_at").await;
    let meeting = first_id(db, "select meeting_id from action_items order by created_at").await;
    let action = first_id(db, "select action_id from action_items order by created_at").await;
    let signoff = first_id(db, "select signoff_id from signoffs order by signed_at").await;
    let transition = first_id(db, "select transition_id from requirement_transitions order by created_at").await;
    let comment = first_id(db, "select comment_id from option_comments order by created_at").await;
    let decision = first_id(db, "select decision_id from decision_links order by decision_id").await;

    // (what, table, column, which row, the read that decodes it)
    let cases = [
        (
            "requirement status",
            "requirements",
            "status",
            format!("requirement_id = '{requirement}'"),
            format!("/api/v1/requirements/{requirement}"),
        ),
        (
            "priority",
            "requirements",
            "priority",
            format!("requirement_id = '{requirement}'"),
            format!("/api/v1/projects/{project}/requirements"),
        ),
        (
            "revision status",
            "requirement_revisions",
            "status",
            format!("requirement_id = '{requirement}' and revision = 1"),
            format!("/api/v1/requirements/{requirement}/revisions"),
        ),
        (
            "transition status",
            "requirement_transitions",
            "to_status",
            format!("transition_id = '{transition}'"),
            format!("/api/v1/requirements/{requirement}"),
        ),
        ("option status", "solution_options", "status", format!("option_id = '{option}'"), format!("/api/v1/options/{option}")),
        (
            "option comment's role",
            "option_comments",
            "author_role",
            format!("comment_id = '{comment}'"),
            format!("/api/v1/options/{option}/comments"),
        ),
        (
            "change request kind",
            "change_requests",
            "kind",
            format!("request_id = '{request}'"),
            format!("/api/v1/change-requests/{request}"),
        ),
        (
            "change request status",
            "change_requests",
            "status",
            format!("request_id = '{request}'"),
            format!("/api/v1/projects/{project}/change-requests"),
        ),
        ("meeting kind", "meetings", "kind", format!("meeting_id = '{meeting}'"), format!("/api/v1/meetings/{meeting}")),
        ("meeting status", "meetings", "status", format!("meeting_id = '{meeting}'"), format!("/api/v1/projects/{project}/meetings")),
        ("action item status", "action_items", "status", format!("action_id = '{action}'"), format!("/api/v1/meetings/{meeting}")),
        (
            "decision link kind",
            "decision_links",
            "subject_kind",
            format!("decision_id = '{decision}'"),
            format!("/api/v1/projects/{project}/decisions"),
        ),
        ("sign-off capacity", "signoffs", "capacity", format!("signoff_id = '{signoff}'"), format!("/api/v1/projects/{project}/signoffs")),
        (
            "sign-off subject kind",
            "signoffs",
            "subject_kind",
            format!("signoff_id = '{signoff}'"),
            format!("/api/v1/projects/{project}/signoffs"),
        ),
        ("signer's role", "signoffs", "signer_role", format!("signoff_id = '{signoff}'"), format!("/api/v1/projects/{project}/signoffs")),
    ];
    for (what, table, column, row, path) in cases {
        let stored: String = first_id(db, &format!("select {column} from {table} where {row}")).await;
        admin.get(&path).await.expect(200, &format!("{what}: reading {path} before the change"));
        sqlx::query(&format!("update {table} set {column} = 'zz_unknown' where {row}")).execute(db).await.unwrap();

        let reply = admin.get(&path).await;

        reply.expect_error(500, "internal", None, &format!("{what} the code does not know, read by {path}"));
        assert!(
            !reply.text.contains("zz_unknown") && !reply.text.contains(column),
            "{what}: no value or column reaches the client: {reply}"
        );
        sqlx::query(&format!("update {table} set {column} = '{stored}' where {row}")).execute(db).await.unwrap();
        admin.get(&path).await.expect(200, &format!("{what}: reading {path} once the row is mended"));
    }
});
