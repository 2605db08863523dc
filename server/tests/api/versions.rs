//! No lost update: every write of a record people edit names the version it started from. Without
//! it the write is refused with 428 naming the field; from an older version with 409; neither
//! changes anything. From the current version it saves, and the version moves on.

use crate::helpers::*;
use crate::solutions::{base_option, world};
use reqwest::Method;
use serde_json::{json, Value};

/// One versioned write: who sends it where, the body without its version, the field that carries
/// the version, and where to read the record (and, by a JSON pointer, its current version).
struct Write<'a> {
    what: &'a str,
    client: &'a Client,
    method: Method,
    path: String,
    body: Value,
    field: &'a str,
    read: String,
    version_at: &'a str,
}

impl Write<'_> {
    async fn send(&self, body: &Value) -> Reply {
        self.client.send(self.client.request(self.method.clone(), &self.path).json(body)).await
    }

    /// Refused without a version (428) and from an older one (409), writing nothing; then saved
    /// from the current one. Answers the saved reply.
    async fn is_guarded(&self) -> Reply {
        let what = self.what;
        let before = self.client.read(&self.read).await;
        let version = before.pointer(self.version_at).and_then(Value::as_i64).unwrap_or_else(|| panic!("{what}: no version in {before}"));

        let missing = self.send(&self.body).await;
        missing.expect_error(428, "version_required", Some(self.field), &format!("{what} without a version"));
        assert_eq!(self.client.read(&self.read).await, before, "{what}: the refused write changed nothing");

        let stale = self.send(&with(&self.body, self.field, json!(version - 1))).await;
        assert_eq!(stale.status, 409, "{what} from an older version: {stale}");
        assert!(matches!(stale.error_code(), Some("stale_version" | "edit_conflict")), "{what}: {stale}");
        assert_eq!(self.client.read(&self.read).await, before, "{what}: the stale write changed nothing");

        let saved = self.send(&with(&self.body, self.field, json!(version))).await;
        assert!((200..300).contains(&saved.status), "{what} from the current version: {saved}");
        let after = self.client.read(&self.read).await;
        assert_ne!(after, before, "{what}: the write saved");
        saved
    }
}

both_engines!(organisation_records_refuse_writes_without_their_version_or_from_an_older_one, |app| async move {
    let admin = app.login("admin").await;
    let department = admin.department_id("C").await;
    let person = admin.user_id("xiaoming").await;
    let writes = [
        Write {
            what: "the organisation calendar",
            client: &admin,
            method: Method::PUT,
            path: "/api/v1/calendar".into(),
            body: json!({"calendar": "weekdays"}),
            field: "version",
            read: "/api/v1/calendar".into(),
            version_at: "/version",
        },
        Write {
            what: "a department's schedule",
            client: &admin,
            method: Method::PUT,
            path: format!("/api/v1/departments/{department}/schedule"),
            body: json!({"capacity": 3}),
            field: "version",
            read: format!("/api/v1/departments/{department}/schedule"),
            version_at: "/version",
        },
        Write {
            what: "a department",
            client: &admin,
            method: Method::PATCH,
            path: format!("/api/v1/departments/{department}"),
            body: json!({"name_en": "Order service"}),
            field: "version",
            read: format!("/api/v1/departments/{department}"),
            version_at: "/version",
        },
        Write {
            what: "a person",
            client: &admin,
            method: Method::PATCH,
            path: format!("/api/v1/users/{person}"),
            body: json!({"display_name": "小明 Ming"}),
            field: "version",
            read: format!("/api/v1/users/{person}"),
            version_at: "/version",
        },
    ];
    for write in &writes {
        write.is_guarded().await;
    }
});

both_engines!(project_records_refuse_writes_without_their_version_or_from_an_older_one, |app| async move {
    let w = world(&app).await;
    let option = id_of(&base_option(&w).await);
    let requirement = format!("/api/v1/requirements/{}", w.requirement);
    let writes = [
        Write {
            what: "a project",
            client: &w.pm_a,
            method: Method::PATCH,
            path: format!("/api/v1/projects/{}", w.project),
            body: json!({"goal": "A charges only approved orders."}),
            field: "version",
            read: format!("/api/v1/projects/{}", w.project),
            version_at: "/version",
        },
        Write {
            what: "a requirement",
            client: &w.pm_a,
            method: Method::PATCH,
            path: requirement.clone(),
            body: json!({"title": "Payment requires an approval"}),
            field: "version",
            read: requirement.clone(),
            version_at: "/version",
        },
        Write {
            what: "a requirement's status",
            client: &w.pm_a,
            method: Method::POST,
            path: format!("{requirement}/transitions"),
            body: json!({"to": "in_review"}),
            field: "revision",
            read: requirement.clone(),
            version_at: "/version",
        },
        Write {
            what: "an option",
            client: &w.pm_a,
            method: Method::PATCH,
            path: option_path(&option),
            body: json!({"summary": "clearer title", "title": "Ask B for the approval status"}),
            field: "version",
            read: option_path(&option),
            version_at: "/version",
        },
        Write {
            what: "choosing an option",
            client: &w.pm_a,
            method: Method::POST,
            path: format!("{}/choose", option_path(&option)),
            body: json!({"rationale": "Smallest change"}),
            field: "version",
            read: option_path(&option),
            version_at: "/version",
        },
    ];
    for write in &writes {
        write.is_guarded().await;
    }
    let transitions = w.pm_a.read(&requirement).await["transitions"].clone();
    assert_eq!(transitions[0]["revision"], 2, "the status change names the revision it moved: {transitions}");
});

both_engines!(meeting_records_refuse_writes_without_their_version_or_from_an_older_one, |app| async move {
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let (xiaolan, laowang) = (pm.user_id("xiaolan").await, pm.user_id("laowang").await);
    let body = json!({
        "title": "排期评审 Schedule review", "kind": "requirement_review", "time_zone": "Asia/Shanghai",
        "start": "2026-03-02T10:00", "end": "2026-03-02T11:00", "place": "2F", "invitee_ids": [xiaolan],
        "agenda": [{"title": "排期 Schedule"}],
    });
    let meeting = pm.post(&format!("/api/v1/projects/{project}/meetings"), body).await.expect(201, "scheduling").clone();
    let id = meeting["meeting"]["id"].as_str().unwrap().to_string();
    let item = meeting["agenda"][0]["id"].as_str().unwrap().to_string();
    let read = format!("/api/v1/meetings/{id}");
    let write = |what, method, path: String, body, version_at| Write {
        what,
        client: &pm,
        method,
        path,
        body,
        field: "version",
        read: read.clone(),
        version_at,
    };

    write("a meeting", Method::PATCH, read.clone(), json!({"title": "排期评审 2"}), "/meeting/version").is_guarded().await;
    write("an agenda item", Method::PUT, format!("/api/v1/agenda-items/{item}"), json!({"title": "排期 Plan"}), "/agenda/0/version")
        .is_guarded()
        .await;
    pm.post(&format!("{read}/status"), json!({"status": "in_progress"})).await.expect(200, "starting the meeting");
    write("the attendance", Method::PUT, format!("{read}/attendance"), json!({"user_ids": [xiaolan]}), "/attendance_version")
        .is_guarded()
        .await;
    write("the minutes", Method::PUT, format!("/api/v1/agenda-items/{item}/minutes"), json!({"minutes": "B: 3 days"}), "/agenda/0/version")
        .is_guarded()
        .await;
    let action = json!({"title": "B drafts the API", "owner_id": xiaolan, "due_on": "2026-03-09"});
    let added = pm.post(&format!("{read}/action-items"), action).await.expect(200, "adding an action item").clone();
    let action_id = added["action_items"][0]["id"].as_str().unwrap().to_string();
    let edit = json!({"title": "B drafts the API", "owner_id": laowang, "due_on": "2026-03-10"});
    write("an action item", Method::PUT, format!("/api/v1/action-items/{action_id}"), edit, "/action_items/0/version").is_guarded().await;
    write(
        "an action item's status",
        Method::POST,
        format!("/api/v1/action-items/{action_id}/status"),
        json!({"status": "done"}),
        "/action_items/0/version",
    )
    .is_guarded()
    .await;
});

both_engines!(minutes_saved_from_an_older_version_name_who_saved_the_newer_ones, |app| async move {
    // Arrange: a running meeting whose first item's minutes xiaozhang saved (its version is now 2).
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let body = json!({
        "title": "联调 Joint debugging", "kind": "requirement_review", "time_zone": "Asia/Shanghai",
        "start": "2026-03-02T10:00", "end": "2026-03-02T11:00", "place": "2F", "invitee_ids": [],
        "agenda": [{"title": "接口 Interface"}],
    });
    let meeting = pm.post(&format!("/api/v1/projects/{project}/meetings"), body).await.expect(201, "scheduling").clone();
    let id = meeting["meeting"]["id"].as_str().unwrap().to_string();
    let item = meeting["agenda"][0]["id"].as_str().unwrap().to_string();
    pm.post(&format!("/api/v1/meetings/{id}/status"), json!({"status": "in_progress"})).await.expect(200, "starting");
    let minutes = format!("/api/v1/agenda-items/{item}/minutes");
    pm.put(&minutes, json!({"minutes": "A: ready", "version": 1})).await.expect(200, "xiaozhang's minutes");

    // Act: the same minutes saved from version 1 in another browser.
    let other_tab = app.login("xiaozhang").await;
    let reply = other_tab.put(&minutes, json!({"minutes": "B: ready", "version": 1})).await;

    // Assert
    reply.expect_error(409, "edit_conflict", None, "minutes from an older version");
    assert_eq!((reply.json["error"]["current_revision"].as_i64(), reply.json["error"]["saved_by"].as_str()), (Some(2), Some("小张")));
    assert_eq!(pm.read(&format!("/api/v1/meetings/{id}")).await["agenda"][0]["minutes"], "A: ready");
});
