//! `/departments`: everyone signed in reads them; only admins add and rename them; codes and both
//! names are unique.

use crate::helpers::*;
use serde_json::json;

both_engines!(every_signed_in_person_reads_the_departments, |app| async move {
    let client = app.login("xiaowu").await;

    let departments = client.read("/api/v1/departments").await;

    assert_eq!(len(&departments), 4);
    let expected = [
        ("A", "订单付款", "Order payment"),
        ("B", "订单审批", "Order approval"),
        ("C", "订单信息", "Order info"),
        ("IT", "信息技术", "Information technology"),
    ];
    for (code, zh, en) in expected {
        let department = find_by(&departments, "code", code);
        assert_eq!(department["name_zh"], zh, "{code}");
        assert_eq!(department["name_en"], en, "{code}");
        let one = client.read(&format!("/api/v1/departments/{}", department["id"].as_str().unwrap())).await;
        assert_eq!(&one, department);
    }
    client.get("/api/v1/departments/no-such-department").await.expect_error(404, "not_found", None, "an unknown department");
});

both_engines!(an_admin_adds_a_department, |app| async move {
    let admin = app.login("admin").await;

    let reply = admin.post("/api/v1/departments", json!({"code": " d1 ", "name_zh": " 风控 ", "name_en": "Risk control"})).await;

    let created = reply.expect(201, "adding a department").clone();
    assert_eq!(created["code"], "D1", "codes are trimmed and uppercased");
    assert_eq!(created["name_zh"], "风控", "names are trimmed");
    assert_eq!(created["name_en"], "Risk control");
    assert_eq!(admin.read(&format!("/api/v1/departments/{}", created["id"].as_str().unwrap())).await, created);
    assert_eq!(len(&admin.read("/api/v1/departments").await), 5);
});

both_engines!(only_admins_add_departments, |app| async move {
    for username in ["xiaozhang", "zhaozong", "chengong", "liujingli", "xiaowu"] {
        let client = app.login(username).await;

        let reply = client.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await;

        reply.expect_error(403, "forbidden", None, &format!("{username} adding a department"));
        assert_eq!(len(&client.read("/api/v1/departments").await), 4, "{username}: nothing was added");
    }
});

both_engines!(invalid_or_duplicate_departments_are_refused_naming_the_field_and_nothing_is_written, |app| async move {
    let admin = app.login("admin").await;
    let valid = json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"});
    let cases = [
        (with(&valid, "code", json!("")), 422, "invalid", Some("code"), "empty code"),
        (with(&valid, "code", json!("A-B")), 422, "invalid", Some("code"), "code with a dash"),
        (with(&valid, "code", json!("ABCDEFGHIJK")), 422, "invalid", Some("code"), "11-character code"),
        (with(&valid, "name_zh", json!("")), 422, "invalid", Some("name_zh"), "empty Chinese name"),
        (with(&valid, "name_en", json!("x".repeat(121))), 422, "invalid", Some("name_en"), "121-character English name"),
        (with(&valid, "code", json!("a")), 409, "duplicate", Some("code"), "code of department A (lowercase)"),
        (with(&valid, "name_zh", json!("订单付款")), 409, "duplicate", Some("name_zh"), "Chinese name of department A"),
        (with(&valid, "name_en", json!("Order info")), 409, "duplicate", Some("name_en"), "English name of department C"),
        (without(&valid, "name_en"), 422, "invalid", None, "English name missing"),
        (with(&valid, "code", json!(4)), 422, "invalid", None, "code not a string"),
    ];
    for (body, status, code, field, why) in cases {
        let reply = admin.post("/api/v1/departments", body).await;

        reply.expect_error(status, code, field, why);
        let departments = admin.read("/api/v1/departments").await;
        assert_eq!(len(&departments), 4, "{why}: nothing was added");
    }
});

both_engines!(unreadable_department_json_is_a_bad_request, |app| async move {
    let admin = app.login("admin").await;
    let bodies =
        [("{\"code\": \"D\"", "application/json", "truncated JSON"), ("code=D", "application/x-www-form-urlencoded", "not JSON at all")];
    for (body, content_type, why) in bodies {
        let reply =
            admin.send(admin.request(reqwest::Method::POST, "/api/v1/departments").header("content-type", content_type).body(body)).await;

        reply.expect_error(400, "bad_request", None, why);
        assert_eq!(len(&admin.read("/api/v1/departments").await), 4, "{why}: nothing was added");
    }
});

both_engines!(an_admin_renames_a_department, |app| async move {
    let admin = app.login("admin").await;
    let department_c = admin.department_id("C").await;
    let path = format!("/api/v1/departments/{department_c}");

    let reply = admin.edit(&path, json!({"name_en": "Order information"})).await;

    let renamed = reply.expect(200, "renaming a department").clone();
    assert_eq!(renamed["name_en"], "Order information");
    assert_eq!(renamed["name_zh"], "订单信息", "untouched fields stay");
    assert_eq!(renamed["code"], "C");
    assert_eq!(admin.read(&path).await, renamed);
    // Saving a department with its own current values is not a duplicate of itself.
    admin.edit(&path, json!({"code": "C", "name_zh": "订单信息"})).await.expect(200, "re-saving the same values");
});

both_engines!(department_edits_that_break_a_rule_are_refused_and_nothing_changes, |app| async move {
    let admin = app.login("admin").await;
    let department_c = admin.department_id("C").await;
    let path = format!("/api/v1/departments/{department_c}");
    let before = admin.read(&path).await;
    let cases = [
        (json!({"code": "B"}), 409, "duplicate", Some("code"), "the code of department B"),
        (json!({"name_zh": "订单审批"}), 409, "duplicate", Some("name_zh"), "the Chinese name of department B"),
        (json!({"name_en": "Order payment"}), 409, "duplicate", Some("name_en"), "the English name of department A"),
        (json!({"code": ""}), 422, "invalid", Some("code"), "empty code"),
        (json!({"name_zh": "  "}), 422, "invalid", Some("name_zh"), "blank Chinese name"),
        (json!({"colour": "red"}), 422, "invalid", None, "unknown field"),
    ];
    for (body, status, code, field, why) in cases {
        let reply = admin.patch(&path, body).await;

        reply.expect_error(status, code, field, why);
        assert_eq!(admin.read(&path).await, before, "{why}: the department is unchanged");
    }
});

both_engines!(only_admins_rename_departments, |app| async move {
    let admin = app.login("admin").await;
    let department_a = admin.department_id("A").await;
    let path = format!("/api/v1/departments/{department_a}");
    let pm = app.login("xiaozhang").await;

    let reply = pm.patch(&path, json!({"name_en": "Payments"})).await;

    reply.expect_error(403, "forbidden", None, "a PM renaming their own department");
    assert_eq!(admin.read(&path).await["name_en"], "Order payment");
    admin.patch("/api/v1/departments/no-such-department", json!({"name_en": "X"})).await.expect_error(
        404,
        "not_found",
        None,
        "an unknown department",
    );
});

both_engines!(a_taken_code_or_name_that_races_past_the_check_is_named_by_its_constraint, |app| async move {
    use app::db::departments::{insert, DepartmentRow};
    use app::error::AppError;
    // The service checks for a taken code or name first; this is the write a concurrent request
    // makes after passing that check, when the other one has just committed.
    let mut conn = app.state.db.acquire().await.unwrap();
    let (code, name_zh, name_en): (String, String, String) =
        sqlx::query_as("select code, name_zh, name_en from departments order by code limit 1").fetch_one(&mut *conn).await.unwrap();
    let row = |code: &str, name_zh: &str, name_en: &str| DepartmentRow {
        department_id: format!("race-{code}-{name_en}"),
        code: code.into(),
        name_zh: name_zh.into(),
        name_en: name_en.into(),
        created_at: 0,
        updated_at: 0,
        version: 1,
    };

    for (field, taken) in [
        ("code", row(&code, "新部门", "New department")),
        ("name_zh", row("NEW", &name_zh, "New department")),
        ("name_en", row("NEW", "新部门", &name_en)),
    ] {
        let error = insert(&mut conn, &taken).await.expect_err("a taken value is refused by the database");

        // Before, every such race answered "code is taken" (or, unmapped, a 500).
        assert_eq!(AppError::from(error), AppError::duplicate(field), "a taken {field}");
    }
});
