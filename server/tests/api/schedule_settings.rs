//! `/calendar`, `/departments/{id}/schedule` and `/schedule-settings`: everyone signed in reads
//! them; admins set the organisation calendar; admins and a department's leader or tech manager
//! set its capacity, availability and own calendar. Calendars must pass the schedule engine.

use crate::helpers::*;
use app::domain::dates::Date;
use reqwest::header::ACCEPT;
use reqwest::Method;
use serde_json::{json, Value};

fn schedule_path(department_id: &str) -> String {
    format!("/api/v1/departments/{department_id}/schedule")
}

fn today() -> Date {
    Date::from_unix_millis(app::db::now_ms())
}

both_engines!(the_combined_settings_hold_the_calendar_and_every_departments_demo_values, |app| async move {
    let engineer = app.login("xiaowu").await;

    let settings = engineer.read("/api/v1/schedule-settings").await;

    assert_eq!(
        settings["organisation_calendar"]["calendar"],
        json!("cn"),
        "the demo works on the shipped mainland-China calendar, with no work-around for the next year"
    );
    let departments = &settings["departments"];
    let codes: Vec<&str> = departments.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["A", "B", "C", "IT"], "every department, by code");
    let (a, b, c) = (find_by(departments, "code", "A"), find_by(departments, "code", "B"), find_by(departments, "code", "C"));
    assert_eq!((a["capacity"].as_i64(), &a["available_from"], &a["calendar"]), (Some(2), &Value::Null, &Value::Null));
    assert_eq!(b["capacity"], 1);
    assert_eq!(b["updated_by_name"], "刘经理", "B's tech manager set B's capacity");
    let c_available = Date::parse(c["available_from"].as_str().expect("C has an availability date"), "available_from").unwrap();
    let weeks_ahead = c_available.days() - today().days();
    assert!((20..=21).contains(&weeks_ahead), "C is available three weeks after the demo's today: {c}");
    assert_eq!(engineer.read(&schedule_path(b["department_id"].as_str().unwrap())).await, *b, "one department reads the same");
    assert_eq!(engineer.read("/api/v1/calendar").await, settings["organisation_calendar"]);
});

both_engines!(a_department_without_settings_has_the_defaults, |app| async move {
    let admin = app.login("admin").await;
    let created = admin.post("/api/v1/departments", json!({"code": "D", "name_zh": "风控", "name_en": "Risk control"})).await;
    let department_d = created.expect(201, "adding a department")["id"].as_str().unwrap().to_string();

    let schedule = app.login("xiaoli").await.read(&schedule_path(&department_d)).await;

    assert_eq!(schedule["code"], "D");
    assert_eq!(schedule["capacity"], 1, "one item at a time");
    assert_eq!(schedule["available_from"], Value::Null, "available any time");
    assert_eq!(schedule["calendar"], Value::Null, "the organisation's calendar");
    assert_eq!(schedule["version"], 0, "never saved");
    assert_eq!((&schedule["updated_at"], &schedule["updated_by"]), (&Value::Null, &Value::Null));
    let all = admin.read("/api/v1/schedule-settings").await;
    assert_eq!(find_by(&all["departments"], "code", "D"), &schedule, "listed with the others");
});

both_engines!(an_admin_sets_the_organisation_calendar_by_name_or_custom, |app| async move {
    let admin = app.login("admin").await;
    let before = admin.read("/api/v1/calendar").await;

    let named = admin.put("/api/v1/calendar", json!({"calendar": "weekdays", "version": before["version"]})).await;

    let named = named.expect(200, "setting a shipped calendar").clone();
    assert_eq!(named["calendar"], "weekdays");
    assert_eq!(named["version"], before["version"].as_i64().unwrap() + 1);
    assert_eq!(named["updated_by_name"], "系统管理员");
    assert_eq!(admin.read("/api/v1/calendar").await, named);
    let custom = json!({"base": "cn", "weekend": ["sat", "sun"], "holidays": ["2026-03-02"], "workdays": ["2026-03-07"]});
    let reply = admin.put("/api/v1/calendar", json!({ "calendar": custom, "version": named["version"] })).await;
    assert_eq!(reply.expect(200, "setting a custom calendar")["calendar"], custom);
    assert_eq!(admin.read("/api/v1/schedule-settings").await["organisation_calendar"]["calendar"], custom);
    admin.put("/api/v1/calendar", json!({"calendar": "cn", "version": before["version"]})).await.expect_error(
        409,
        "stale_version",
        None,
        "a save based on an old version",
    );
    assert_eq!(admin.read("/api/v1/calendar").await["calendar"], custom, "the stale save changed nothing");
});

both_engines!(invalid_settings_are_refused_naming_the_field_and_nothing_is_written, |app| async move {
    let admin = app.login("admin").await;
    let calendar_before = admin.read("/api/v1/calendar").await;
    let calendars = [
        (json!({"calendar": "mars"}), "an unknown shipped calendar"),
        (json!({"calendar": {"weekends": ["sat"]}}), "a misspelt field"),
        (json!({"calendar": {"holidays": ["2026-02-30"]}}), "an impossible date"),
        (json!({"calendar": {"from": "2026-06-01", "until": "2026-01-01"}}), "from after until"),
        (json!({"calendar": {"weekend": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}}), "no working day"),
        (json!({"calendar": 42}), "a number"),
        (json!({}), "no calendar at all"),
    ];
    for (body, why) in calendars {
        let reply = admin.put("/api/v1/calendar", body).await;

        reply.expect_error(422, "invalid", Some("calendar"), why);
        assert_eq!(admin.read("/api/v1/calendar").await, calendar_before, "{why}: nothing was written");
    }
    let message = admin.put("/api/v1/calendar", json!({"calendar": "mars"})).await.json["error"]["message"].clone();
    assert!(message.as_str().unwrap().contains("unknown calendar \"mars\""), "the engine's words: {message}");

    let department_b = admin.department_id("B").await;
    let path = schedule_path(&department_b);
    let schedule_before = admin.read(&path).await;
    let valid = json!({"capacity": 2, "available_from": "2026-02-16", "calendar": null});
    let cases = [
        (with(&valid, "capacity", json!(0)), 422, "invalid", Some("capacity"), "capacity 0"),
        (with(&valid, "capacity", json!(1001)), 422, "invalid", Some("capacity"), "capacity above 1000"),
        (without(&valid, "capacity"), 422, "invalid", Some("capacity"), "no capacity"),
        (with(&valid, "available_from", json!("2026-02-30")), 422, "invalid", Some("available_from"), "an impossible date"),
        (with(&valid, "calendar", json!({"holidays": "2026-02-16"})), 422, "invalid", Some("calendar"), "holidays not a list"),
        (with(&valid, "calendar", json!("moon")), 422, "invalid", Some("calendar"), "an unknown calendar"),
        (with(&valid, "capacity", json!("two")), 422, "invalid", None, "capacity not a number"),
        (with(&valid, "colour", json!("red")), 422, "invalid", None, "an unknown field"),
    ];
    for (body, status, code, field, why) in cases {
        let reply = admin.put(&path, body).await;

        reply.expect_error(status, code, field, why);
        assert_eq!(admin.read(&path).await, schedule_before, "{why}: nothing was written");
    }
    // The document says what the server does: capacity is required, from 1 to 1000.
    let document = admin.read("/api/v1/openapi.json").await;
    let input = &document["components"]["schemas"]["DepartmentScheduleInput"];
    assert!(input["required"].as_array().is_some_and(|r| r.contains(&json!("capacity"))), "capacity is required: {input}");
    assert_eq!((&input["properties"]["capacity"]["minimum"], &input["properties"]["capacity"]["maximum"]), (&json!(1), &json!(1000)));
    let truncated = admin.request(Method::PUT, &path).header("content-type", "application/json").body("{\"capacity\": 2");
    admin.send(truncated).await.expect_error(400, "bad_request", None, "unreadable JSON");
    assert_eq!(admin.read(&path).await, schedule_before, "unreadable JSON: nothing was written");
});

both_engines!(a_leader_and_a_tech_manager_edit_their_own_departments_schedule, |app| async move {
    let leader = app.login("sunzong").await;
    let department_b = leader.department_id("B").await;
    let path = schedule_path(&department_b);
    let before = leader.read(&path).await;
    let calendar = json!({"base": "cn", "holidays": ["2026-12-24"]});

    let reply =
        leader.put(&path, json!({"capacity": 3, "available_from": "2026-12-14", "calendar": calendar, "version": before["version"]})).await;

    let saved = reply.expect(200, "B's leader editing B").clone();
    assert_eq!((saved["capacity"].as_i64(), saved["available_from"].as_str()), (Some(3), Some("2026-12-14")));
    assert_eq!(saved["calendar"], calendar);
    assert_eq!(saved["version"], before["version"].as_i64().unwrap() + 1);
    assert_eq!(saved["updated_by_name"], "孙总");
    assert_eq!(leader.read(&path).await, saved);
    let tech_manager = app.login("liujingli").await;
    let cleared =
        tech_manager.put(&path, json!({"capacity": 1, "available_from": null, "calendar": null, "version": saved["version"]})).await;
    let cleared = cleared.expect(200, "B's tech manager clearing B's availability and calendar").clone();
    assert_eq!((&cleared["available_from"], &cleared["calendar"]), (&Value::Null, &Value::Null));
    leader.put(&path, json!({"capacity": 2, "version": saved["version"]})).await.expect_error(
        409,
        "stale_version",
        None,
        "the leader saving over the tech manager's newer change",
    );
    assert_eq!(leader.read(&path).await, cleared, "the stale save changed nothing");
});

both_engines!(people_without_the_right_cannot_change_schedule_settings, |app| async move {
    let admin = app.login("admin").await;
    let (department_a, department_b) = (admin.department_id("A").await, admin.department_id("B").await);
    let before = admin.read("/api/v1/schedule-settings").await;
    let body = json!({"capacity": 5, "available_from": null, "calendar": null});
    let cases = [
        ("sunzong", &department_a, "B's leader editing A"),
        ("liujingli", &department_a, "B's tech manager editing A"),
        ("xiaozhang", &department_a, "A's PM editing A"),
        ("xiaolan", &department_b, "B's PM editing B"),
        ("chengong", &department_b, "B's architect editing B"),
    ];
    for (username, department, why) in cases {
        let client = app.login(username).await;

        let reply = client.put(&schedule_path(department), body.clone()).await;

        reply.expect_error(403, "forbidden", None, why);
    }
    for username in ["xiaozhang", "zhaozong", "liujingli"] {
        let client = app.login(username).await;

        let reply = client.put("/api/v1/calendar", json!({"calendar": "weekdays"})).await;

        reply.expect_error(403, "forbidden", None, &format!("{username} setting the organisation calendar"));
    }
    assert_eq!(admin.read("/api/v1/schedule-settings").await, before, "nothing changed");
});

both_engines!(unknown_departments_are_not_found_and_visitors_must_sign_in, |app| async move {
    let admin = app.login("admin").await;
    let path = schedule_path("no-such-department");

    admin.get(&path).await.expect_error(404, "not_found", None, "reading an unknown department's schedule");
    admin.put(&path, json!({"capacity": 1})).await.expect_error(404, "not_found", None, "saving an unknown department's schedule");
    let visitor = app.client();
    let department_a = admin.department_id("A").await;
    for path in ["/api/v1/calendar", "/api/v1/schedule-settings", &schedule_path(&department_a)] {
        visitor.get(path).await.expect_error(401, "unauthorized", None, &format!("GET {path} signed out"));
    }
    visitor.put("/api/v1/calendar", json!({"calendar": "weekdays"})).await.expect_error(401, "unauthorized", None, "PUT calendar");
    visitor.put(&schedule_path(&department_a), json!({"capacity": 3})).await.expect_error(401, "unauthorized", None, "PUT schedule");
    assert_eq!(admin.read("/api/v1/calendar").await["calendar"], json!("cn"));

    let document = visitor.get("/api/v1/openapi.json").await.expect(200, "the OpenAPI document").clone();
    let paths = &document["paths"];
    for (path, methods) in [
        ("/api/v1/calendar", &["get", "put"][..]),
        ("/api/v1/departments/{id}/schedule", &["get", "put"][..]),
        ("/api/v1/schedule-settings", &["get"][..]),
    ] {
        for method in methods {
            assert!(paths[path].get(*method).is_some(), "{method} {path} is documented");
        }
    }
});

both_engines!(the_settings_page_form_saves_through_its_server_functions, |app| async move {
    let leader = app.login("sunzong").await;
    let department_b = leader.department_id("B").await;
    let form = |capacity: &str, choice: &str, json: &str| {
        vec![
            ("id", department_b.clone()),
            ("capacity", capacity.to_string()),
            ("available_from", String::new()),
            ("calendar_choice", choice.to_string()),
            ("calendar_json", json.to_string()),
            ("version", "1".to_string()),
        ]
    };
    let submit = |fields: Vec<(&'static str, String)>| {
        leader.send(leader.request(Method::POST, "/_sfn/schedule-settings/department").header(ACCEPT, "application/json").form(&fields))
    };

    for (fields, field, why) in [
        (form("0", "organisation", ""), "capacity", "capacity 0"),
        (form("two", "organisation", ""), "capacity", "capacity not a number"),
        (form("2", "custom", "{\"base\": "), "calendar", "broken custom JSON"),
        (form("2", "custom", "{\"base\": \"mars\"}"), "calendar", "an unknown base calendar"),
    ] {
        let reply = submit(fields).await;

        assert_eq!(reply.status, 422, "{why}: {reply}");
        assert!(reply.text.contains(&format!("\"field\":\"{field}\"")), "{why}: names {field}: {reply}");
    }
    let reply = submit(form("2", "custom", "{\"base\": \"cn\", \"holidays\": [\"2026-12-24\"]}")).await;

    let saved = reply.expect(200, "a valid form").clone();
    assert_eq!(saved["capacity"], 2);
    assert_eq!(saved["available_from"], Value::Null, "an empty date means any time");
    assert_eq!(saved["calendar"], json!({"base": "cn", "holidays": ["2026-12-24"]}));
    assert_eq!(leader.read(&schedule_path(&department_b)).await, saved);

    // What a plan is built from (the next step's input) reads the same settings.
    let plan = app::schedule_settings::service::plan_settings(&app.state).await.expect("the plan settings");
    assert_eq!(plan.calendar, app::domain::schedule::CalendarSpec::Named("cn".into()), "the demo's calendar: the shipped cn");
    let specs = plan.department_specs();
    let b = specs.iter().find(|d| d.id == "B").expect("B in the plan's departments");
    assert_eq!(b.capacity, Some(2));
    assert_eq!(serde_json::to_value(&b.calendar).unwrap(), saved["calendar"]);
    assert_eq!(specs.iter().find(|d| d.id == "A").and_then(|a| a.capacity), Some(2));
    assert!(specs.iter().find(|d| d.id == "C").is_some_and(|c| c.available_from.is_some()));
});

both_engines!(the_settings_page_shows_everyone_the_values_and_forms_only_where_they_may_edit, |app| async move {
    let cases = [
        ("xiaowu", 0, "an engineer edits nothing"),
        ("sunzong", 1, "B's leader edits B's row"),
        ("admin", 5, "an admin edits all: the organisation and four departments"),
    ];
    for (username, forms, why) in cases {
        let client = app.login(username).await;

        let reply = client.page("/admin/schedule").await;

        assert_eq!(reply.status, 200, "{why}: {reply}");
        let html = &reply.text;
        for text in ["Calendar and team capacity", "Organisation calendar", "Mainland-China working calendar (cn)", "Order approval"] {
            assert!(html.contains(text), "{why}: the page shows {text:?}");
        }
        assert_eq!(html.matches("name=\"calendar_choice\"").count(), forms, "{why}: one calendar picker per editable part");
    }
});
