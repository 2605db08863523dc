//! `/users`: everyone signed in reads the people; only admins add and edit them.

use crate::helpers::*;
use serde_json::{json, Value};

fn new_person(username: &str, department_id: &str) -> Value {
    json!({
        "username": username,
        "display_name": "小钱",
        "department_id": department_id,
        "role": "architect",
        "is_admin": false,
        "password": "a long enough password",
    })
}

both_engines!(every_signed_in_person_reads_the_people, |app| async move {
    let engineer = app.login("xiaoli").await;

    let people = engineer.read("/api/v1/users").await;

    assert_eq!(len(&people), 13, "the demo organisation has 13 people");
    let laowang = find_by(&people, "username", "laowang");
    assert_eq!(laowang["display_name"], "老王");
    assert_eq!(laowang["role"], "architect");
    assert_eq!(laowang["department_id"], engineer.department_id("A").await);
    assert_eq!(find_by(&people, "username", "liujingli")["role"], "tech-manager");
    let admin = find_by(&people, "username", "admin");
    assert_eq!(admin["is_admin"], true);
    // The administrator runs the tool; they are not one of the story's departments' engineers.
    assert_eq!(admin["department_id"], engineer.department_id("IT").await, "the administrator belongs to IT");
    assert!(!people.to_string().contains("argon2"), "no password hash leaks: {people}");
    let one = engineer.read(&format!("/api/v1/users/{}", laowang["id"].as_str().unwrap())).await;
    assert_eq!(&one, laowang);
});

both_engines!(an_unknown_person_is_not_found, |app| async move {
    let client = app.login("xiaoli").await;

    let reply = client.get("/api/v1/users/no-such-person").await;

    reply.expect_error(404, "not_found", None, "an unknown user id");
});

both_engines!(an_admin_adds_a_person_who_can_then_sign_in, |app| async move {
    // Arrange
    let admin = app.login("admin").await;
    let department_b = admin.department_id("B").await;

    // Act
    let reply = admin.post("/api/v1/users", new_person("XiaoQian", &department_b)).await;

    // Assert
    let created = reply.expect(201, "creating a person").clone();
    assert_eq!(created["username"], "xiaoqian", "usernames are stored lowercase");
    assert_eq!(created["role"], "architect");
    assert_eq!(created["department_id"], department_b.as_str());
    assert_eq!(created["is_admin"], false);
    assert!(created.get("password").is_none() && created.get("password_hash").is_none(), "{created}");
    let read = admin.read(&format!("/api/v1/users/{}", created["id"].as_str().unwrap())).await;
    assert_eq!(read, created);
    let newcomer = app.login_with("xiaoqian", "a long enough password").await;
    assert_eq!(newcomer.read("/api/v1/me").await["role"], "architect");
});

both_engines!(only_admins_add_people, |app| async move {
    let department_a = app.login("admin").await.department_id("A").await;
    for username in ["xiaozhang", "laowang", "xiaoli", "zhaozong", "liujingli"] {
        let client = app.login(username).await;

        let reply = client.post("/api/v1/users", new_person("intruder", &department_a)).await;

        reply.expect_error(403, "forbidden", None, &format!("{username} adding a person"));
        let people = client.read("/api/v1/users").await;
        assert!(!has(&people, "username", "intruder"), "{username}: nobody was added");
    }
});

both_engines!(invalid_new_people_are_refused_naming_the_field_and_nothing_is_written, |app| async move {
    let admin = app.login("admin").await;
    let department_a = admin.department_id("A").await;
    let valid = new_person("xiaoqian", &department_a);
    let cases = [
        (with(&valid, "username", json!("")), 422, "invalid", Some("username"), "empty username"),
        (with(&valid, "username", json!("q")), 422, "invalid", Some("username"), "one-letter username"),
        (with(&valid, "username", json!("xiao qian")), 422, "invalid", Some("username"), "username with a space"),
        (with(&valid, "username", json!("小钱")), 422, "invalid", Some("username"), "non-ASCII username"),
        (with(&valid, "username", json!("XiaoZhang")), 409, "duplicate", Some("username"), "username taken (any case)"),
        (with(&valid, "display_name", json!("  ")), 422, "invalid", Some("display_name"), "blank display name"),
        (with(&valid, "display_name", json!("钱".repeat(121))), 422, "invalid", Some("display_name"), "121-character display name"),
        (with(&valid, "department_id", json!("")), 422, "invalid", Some("department_id"), "no department"),
        (with(&valid, "department_id", json!("no-such-department")), 422, "invalid", Some("department_id"), "unknown department"),
        (with(&valid, "role", json!("ceo")), 422, "invalid", Some("role"), "unknown role"),
        (with(&valid, "password", json!("short")), 422, "invalid", Some("password"), "short password"),
        (without(&valid, "password"), 422, "invalid", None, "password missing"),
        (with(&valid, "is_admin", json!("yes")), 422, "invalid", None, "is_admin not a boolean"),
    ];
    for (body, status, code, field, why) in cases {
        let reply = admin.post("/api/v1/users", body).await;

        reply.expect_error(status, code, field, why);
        let people = admin.read("/api/v1/users").await;
        assert_eq!(len(&people), 13, "{why}: nobody was added");
        assert!(!has(&people, "username", "xiaoqian"), "{why}");
    }
});

both_engines!(an_admin_edits_a_person, |app| async move {
    // Arrange
    let admin = app.login("admin").await;
    let xiaoli = admin.user_id("xiaoli").await;
    let department_b = admin.department_id("B").await;

    // Act
    let reply = admin
        .edit(&format!("/api/v1/users/{xiaoli}"), json!({"display_name": "李工", "role": "architect", "department_id": department_b}))
        .await;

    // Assert
    let edited = reply.expect(200, "editing a person").clone();
    assert_eq!(edited["display_name"], "李工");
    assert_eq!(edited["role"], "architect");
    assert_eq!(edited["department_id"], department_b.as_str());
    assert_eq!(edited["username"], "xiaoli", "untouched fields stay");
    assert_eq!(admin.read(&format!("/api/v1/users/{xiaoli}")).await, edited);
    let me = app.login("xiaoli").await.read("/api/v1/me").await;
    assert_eq!(me["role"], "architect");
    assert_eq!(me["department_id"], department_b.as_str());
});

both_engines!(only_admins_edit_people, |app| async move {
    let admin = app.login("admin").await;
    let xiaoli = admin.user_id("xiaoli").await;
    for username in ["xiaozhang", "zhaozong", "xiaoli"] {
        let client = app.login(username).await;

        let reply = client.patch(&format!("/api/v1/users/{xiaoli}"), json!({"role": "leader", "is_admin": true})).await;

        reply.expect_error(403, "forbidden", None, &format!("{username} editing a person"));
    }
    let unchanged = admin.read(&format!("/api/v1/users/{xiaoli}")).await;
    assert_eq!(unchanged["role"], "engineer");
    assert_eq!(unchanged["is_admin"], false);
});

both_engines!(invalid_person_edits_are_refused_and_nothing_changes, |app| async move {
    let admin = app.login("admin").await;
    let xiaoli = admin.user_id("xiaoli").await;
    let path = format!("/api/v1/users/{xiaoli}");
    let before = admin.read(&path).await;
    let cases = [
        (json!({"display_name": ""}), 422, "invalid", Some("display_name"), "empty display name"),
        (json!({"role": "boss"}), 422, "invalid", Some("role"), "unknown role"),
        (json!({"department_id": "no-such-department"}), 422, "invalid", Some("department_id"), "unknown department"),
        (json!({"password": "short"}), 422, "invalid", Some("password"), "short password"),
        (json!({"display_name": "李工", "password": "short"}), 422, "invalid", Some("password"), "a valid name with a short password"),
        (json!({"username": "renamed"}), 422, "invalid", None, "unknown field"),
        (json!({"is_admin": "yes"}), 422, "invalid", None, "is_admin not a boolean"),
    ];
    for (body, status, code, field, why) in cases {
        let reply = admin.patch(&path, body).await;

        reply.expect_error(status, code, field, why);
        assert_eq!(admin.read(&path).await, before, "{why}: the person is unchanged");
    }
    admin.patch("/api/v1/users/no-such-person", json!({"role": "pm"})).await.expect_error(404, "not_found", None, "an unknown person");
    app.login("xiaoli").await; // the password is unchanged
});

both_engines!(a_password_reset_by_an_admin_signs_the_person_out_everywhere, |app| async move {
    // Arrange
    let admin = app.login("admin").await;
    let victim = app.login("xiaowu").await;
    let xiaowu = admin.user_id("xiaowu").await;

    // Act
    let reply = admin.edit(&format!("/api/v1/users/{xiaowu}"), json!({"password": "a brand new password"})).await;

    // Assert
    reply.expect(200, "resetting a password");
    victim.get("/api/v1/me").await.expect_error(401, "unauthorized", None, "the reset person's old session");
    app.client().sign_in("xiaowu", DEMO_PASSWORD).await.expect_error(401, "bad_credentials", None, "the old password");
    app.login_with("xiaowu", "a brand new password").await;
    assert_eq!(admin.get("/api/v1/me").await.status, 200, "the admin's own session is untouched");
});

both_engines!(the_last_admin_cannot_drop_the_admin_flag, |app| async move {
    // Arrange
    let admin = app.login("admin").await;
    let admin_id = admin.user_id("admin").await;
    let xiaowu = admin.user_id("xiaowu").await;

    // Act
    let reply = admin.patch(&format!("/api/v1/users/{admin_id}"), json!({"is_admin": false})).await;

    // Assert
    reply.expect_conflict("last_admin", "dropping the last admin");
    assert_eq!(admin.read(&format!("/api/v1/users/{admin_id}")).await["is_admin"], true);

    // With a second admin the flag may go.
    admin.edit(&format!("/api/v1/users/{xiaowu}"), json!({"is_admin": true})).await.expect(200, "making a second admin");
    let dropped = admin.edit(&format!("/api/v1/users/{admin_id}"), json!({"is_admin": false})).await;
    assert_eq!(dropped.expect(200, "dropping one of two admins")["is_admin"], false);
    let new_admin = app.login("xiaowu").await;
    new_admin
        .edit(&format!("/api/v1/users/{xiaowu}"), json!({"is_admin": false}))
        .await
        .expect_conflict("last_admin", "the remaining admin dropping their own flag");
});

both_engines!(a_role_the_code_does_not_know_is_an_internal_error_not_a_silent_default, |app| async move {
    let admin = app.login("admin").await;
    // Written by something other than Concord (a manual fix, a newer version): no such role.
    sqlx::query("update users set job_role = 'astronaut' where username = 'xiaowu'").execute(&app.state.db).await.unwrap();

    let reply = admin.get("/api/v1/users").await;

    reply.expect_error(500, "internal", None, "listing people with a role the code does not know");
    assert!(!reply.text.contains("astronaut") && !reply.text.contains("job_role"), "no column or value reaches the client: {reply}");
    // Before, the person was listed as an engineer, as if that had been stored.
    sqlx::query("update users set job_role = 'engineer' where username = 'xiaowu'").execute(&app.state.db).await.unwrap();
    admin.get("/api/v1/users").await.expect(200, "listing again once the row is mended");
});
