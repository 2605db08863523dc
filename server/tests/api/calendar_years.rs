//! Calendars past the years they know, over HTTP: a plan that runs into a year whose holidays are
//! not entered is saved at once with a warning; admins (and a department's leader, for its own
//! calendar) enter a year by hand or import it from an iCalendar file, with a preview of which
//! open options' dates move; every change is recorded; invalid years are refused naming the day.
//!
//! The project here is "Plan into next year" (code `PNY`): led by A, kick-off Monday 2026-12-07,
//! target launch 2027-03-31, on the demo's organisation calendar — the shipped `cn`, which knows
//! holidays until 2026-12-31. Its option's one item, A's 30 working days, runs from 2026-12-07
//! (19 working days to New Year's Eve) into 2027.

use crate::helpers::*;
use app::i18n::Locale;
use app::schedule::messages::ScheduleMessages;
use reqwest::header::ACCEPT;
use reqwest::Method;
use serde_json::{json, Value};

/// A holiday feed of the kind people subscribe to: a 2027 New Year break (1–3 January, one event
/// for all three days), a made-up spring break, and a make-up Saturday. Test data, not the
/// official 2027 calendar.
const FEED_2027: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord tests//holidays//EN\r\n\
BEGIN:VEVENT\r\nUID:ny-2027@test\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270104\r\nSUMMARY:元旦 New Year (test)\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:spring-2027@test\r\nDTSTART;VALUE=DATE:20270208\r\nDTEND;VALUE=DATE:20270213\r\nSUMMARY:春节 Spring (test)\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:makeup-2027@test\r\nDTSTART;VALUE=DATE:20270130\r\nSUMMARY:调休上班 make-up workday (test)\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

/// The launch with weekends only past 2026: 19 working days in December, then Fri 1 Jan and two
/// full weeks.
const LAUNCH_WEEKENDS_ONLY: &str = "2027-01-15";
/// With 1–3 January 2027 off, one more working day: Monday 18 January.
const LAUNCH_WITH_2027: &str = "2027-01-18";

fn plan_into_next_year() -> Value {
    WorkPlan::new().item("f-payment-hold", "Hold payment until approved", "A", 30, &[]).milestone("launch", &["f-payment-hold"]).json()
}

/// The project and its requirement (created by A's PM); the option's id after proposing it.
struct NextYear {
    admin: Client,
    pm_a: Client,
    option: String,
}

async fn next_year_project(app: &TestApp) -> NextYear {
    let admin = app.login("admin").await;
    let pm_a = app.login("xiaozhang").await;
    let a = pm_a.department_id("A").await;
    let body = json!({
        "name": "Plan into next year",
        "code": "PNY",
        "goal": "Hold payments until approval, launched in March 2027.",
        "lead_department_id": a,
        "kickoff_on": "2026-12-07",
        "target_launch_on": "2027-03-31",
        "visibility": "internal",
    });
    let project = pm_a.create_project(body).await["id"].as_str().expect("a project id").to_string();
    let requirement = id_of(
        &pm_a
            .create_requirement(
                &project,
                json!({"title": "Payment waits for approval", "goal": "No order is charged before approval.",
                       "scenarios": [{"name": "approved", "given": "an approved order", "when": "A charges", "then": "it goes through"}]}),
            )
            .await,
    );
    let option = pm_a
        .post(
            &format!("/api/v1/requirements/{requirement}/options"),
            json!({"title": "Hold in A", "description": "A holds payment.", "covered_scenarios": ["S1"],
                   "plan": plan_into_next_year(), "summary": "first proposal"}),
        )
        .await;
    let option = option.expect(201, "proposing an option that runs into 2027 is not refused")["id"].as_str().unwrap().to_string();
    NextYear { admin, pm_a, option }
}

both_engines!(an_organisation_planning_into_next_year_saves_its_option_at_once_and_sees_the_warning, |app| async move {
    let w = next_year_project(&app).await;

    let option = w.pm_a.read(&option_path(&w.option)).await;

    assert_eq!(option["plan_error"], Value::Null, "the stored plan schedules");
    let impact = &option["impact"];
    assert_eq!(impact["launch"], LAUNCH_WEEKENDS_ONLY, "2027 counts weekends only");
    assert_eq!(impact["holidays_unknown_after"], "2026-12-31", "the impact says from which day holidays are unknown");
    // The option's page says it in the reader's language.
    for (locale, tag) in [(Locale::En, "en"), (Locale::ZhCn, "zh-CN")] {
        let page = w
            .pm_a
            .send(w.pm_a.request(Method::GET, &format!("/options/{}", w.option)).header(ACCEPT, "text/html").header("accept-language", tag))
            .await;
        assert_eq!(page.status, 200, "{tag}: {page}");
        let warning = ScheduleMessages::for_locale(locale).holidays_unknown("2026-12-31");
        assert!(page.text.contains(&warning), "{tag}: the page shows {warning:?}");
    }
    // The calendar says what it knows.
    let years = w.admin.read("/api/v1/calendar/years").await;
    assert_eq!(years["known_until"], "2026-12-31");
    let listed: Vec<(i64, &str)> =
        years["years"].as_array().unwrap().iter().map(|y| (y["year"].as_i64().unwrap(), y["source"].as_str().unwrap())).collect();
    assert_eq!(listed, [(2025, "shipped"), (2026, "shipped")]);
});

both_engines!(an_admin_imports_a_year_from_an_ics_file_and_the_open_options_dates_and_warning_change, |app| async move {
    let w = next_year_project(&app).await;
    let version = w.admin.read("/api/v1/calendar").await["version"].clone();
    let body = |apply: bool| json!({"format": "ics", "content": FEED_2027, "apply": apply, "version": version});

    let preview = w.admin.post("/api/v1/calendar/import", body(false)).await.expect(200, "previewing the feed").clone();

    assert_eq!(preview["applied"], false);
    assert_eq!((&preview["known_until_before"], &preview["known_until_after"]), (&json!("2026-12-31"), &json!("2027-12-31")));
    let year = &preview["years"][0];
    assert_eq!((&year["year"], &year["status"]), (&json!(2027), &json!("added")));
    assert_eq!(year["after"]["breaks"][0], json!({"name": "元旦 New Year (test)", "first": "2027-01-01", "last": "2027-01-03"}));
    assert_eq!(year["after"]["workdays"], json!(["2027-01-30"]));
    let moved = find_by(&preview["moved_plans"], "option_id", &w.option);
    assert_eq!((&moved["launch_before"], &moved["launch_after"]), (&json!(LAUNCH_WEEKENDS_ONLY), &json!(LAUNCH_WITH_2027)));
    assert_eq!((&moved["holidays_unknown_after_before"], &moved["holidays_unknown_after_after"]), (&json!("2026-12-31"), &Value::Null));
    assert_eq!(w.admin.read("/api/v1/calendar").await["version"], version, "a preview writes nothing");
    assert_eq!(w.pm_a.read(&option_path(&w.option)).await["impact"]["launch"], LAUNCH_WEEKENDS_ONLY);

    let applied = w.admin.post("/api/v1/calendar/import", body(true)).await.expect(200, "importing the feed").clone();

    assert_eq!(applied["applied"], true);
    assert_eq!(applied["version"], version.as_i64().unwrap() + 1);
    let impact = w.pm_a.read(&option_path(&w.option)).await["impact"].clone();
    assert_eq!(impact["launch"], LAUNCH_WITH_2027, "New Year 2027 is now off");
    assert_eq!(impact.get("holidays_unknown_after"), None, "no warning: the plan ends inside the known years");
    let years = w.admin.read("/api/v1/calendar/years").await;
    assert_eq!(years["known_until"], "2027-12-31");
    assert_eq!(find_by_number(&years["years"], 2027)["source"], "entered");
    let changes = w.pm_a.read("/api/v1/calendar/changes").await;
    let change = &changes[0];
    assert_eq!((&change["action"], &change["year"], &change["changed_by_name"]), (&json!("import"), &json!(2027), &json!("系统管理员")));
    assert_eq!((&change["before"], &change["department_id"]), (&Value::Null, &Value::Null), "a new year on the organisation calendar");
    assert_eq!(change["after"]["workdays"], json!(["2027-01-30"]));
    // The same file again changes nothing; a different one conflicts unless replacing.
    let again = w
        .admin
        .post("/api/v1/calendar/import", json!({"format": "ics", "content": FEED_2027, "apply": true, "version": applied["version"]}))
        .await;
    let again = again.expect(200, "importing the same file again").clone();
    assert_eq!((&again["applied"], &again["years"][0]["status"]), (&json!(false), &json!("unchanged")));
    let other = FEED_2027.replace("20270130", "20270206");
    let body = |replace: bool| json!({"format": "ics", "content": other, "apply": true, "replace": replace, "version": applied["version"]});
    w.admin.post("/api/v1/calendar/import", body(false)).await.expect_error(
        422,
        "invalid",
        Some("content"),
        "a differing year without replace",
    );
    let replaced = w.admin.post("/api/v1/calendar/import", body(true)).await.expect(200, "replacing the year").clone();
    assert_eq!(replaced["years"][0]["status"], "replaced");
    assert_eq!(w.admin.read("/api/v1/calendar/changes").await[0]["before"]["workdays"], json!(["2027-01-30"]), "before → after kept");
});

fn find_by_number(list: &Value, year: i64) -> &Value {
    list.as_array().unwrap().iter().find(|y| y["year"] == year).unwrap_or_else(|| panic!("{year} in {list}"))
}

both_engines!(an_admin_enters_edits_and_removes_a_year_by_hand, |app| async move {
    let w = next_year_project(&app).await;
    let version = w.admin.read("/api/v1/calendar/years").await["version"].as_i64().unwrap();
    let year = json!({"year": 2027, "breaks": [{"name": " 元旦 ", "first": "2027-01-01", "last": "2027-01-03"}], "workdays": [], "version": version});

    let added = w.admin.post("/api/v1/calendar/years", year).await.expect(201, "adding 2027").clone();

    assert_eq!(added["known_until"], "2027-12-31");
    assert_eq!(find_by_number(&added["years"], 2027)["breaks"][0]["name"], "元旦", "stored trimmed");
    assert_eq!(w.pm_a.read(&option_path(&w.option)).await["impact"]["launch"], LAUNCH_WITH_2027);
    let edit = json!({"breaks": [{"name": "元旦", "first": "2027-01-01", "last": "2027-01-01"}], "version": added["version"]});
    let edited = w.admin.put("/api/v1/calendar/years/2027", edit).await;
    let edited = edited.expect(200, "editing 2027").clone();
    assert_eq!(find_by_number(&edited["years"], 2027)["breaks"][0]["last"], "2027-01-01");
    let removed = w.admin.delete(&format!("/api/v1/calendar/years/2027?version={}", edited["version"])).await;
    let removed = removed.expect(200, "removing 2027").clone();
    assert_eq!(removed["known_until"], "2026-12-31");
    assert_eq!(removed["calendar"], "cn", "with no year of its own left, the calendar is the shipped cn again");
    assert_eq!(w.pm_a.read(&option_path(&w.option)).await["impact"]["holidays_unknown_after"], "2026-12-31", "the warning is back");
    let actions: Vec<String> = w
        .admin
        .read("/api/v1/calendar/changes")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(actions, ["remove", "edit", "add"], "newest first");
    // A shipped year can be corrected: it becomes an entered one, and removing it brings the table back.
    let corrected = json!({"breaks": [{"name": "国庆节", "first": "2026-10-01", "last": "2026-10-08"}], "workdays": ["2026-10-10"], "version": removed["version"]});
    let corrected = w.admin.put("/api/v1/calendar/years/2026", corrected).await;
    assert_eq!(find_by_number(&corrected.expect(200, "correcting 2026")["years"], 2026)["source"], "entered");
});

both_engines!(invalid_years_are_refused_naming_the_day_and_nothing_is_written, |app| async move {
    let admin = app.login("admin").await;
    let version = admin.read("/api/v1/calendar").await["version"].as_i64().unwrap();
    let year = |breaks: Value, workdays: Value| json!({"year": 2027, "breaks": breaks, "workdays": workdays, "version": version});
    let cases = [
        (year(json!([]), json!(["2027-01-06"])), "workdays", "2027-01-06", "a make-up day that is a Wednesday"),
        (
            year(
                json!([{"name": "A", "first": "2027-02-05", "last": "2027-02-11"}, {"name": "B", "first": "2027-02-10", "last": "2027-02-12"}]),
                json!([]),
            ),
            "breaks",
            "2027-02-10",
            "overlapping breaks",
        ),
        (
            year(json!([{"name": "A", "first": "2028-01-01", "last": "2028-01-01"}]), json!([])),
            "breaks",
            "2028-01-01",
            "a day of another year",
        ),
        (
            year(json!([{"name": "", "first": "2027-01-01", "last": "2027-01-01"}]), json!([])),
            "breaks",
            "2027-01-01",
            "a break without a name",
        ),
        (
            json!({"year": 2026, "breaks": [{"name": "x", "first": "2026-03-02", "last": "2026-03-02"}], "version": version}),
            "year",
            "2026",
            "a year already shipped",
        ),
        (year(json!([]), json!([])), "year", "2027", "an empty year"),
    ];
    for (body, field, day, why) in cases {
        let reply = admin.post("/api/v1/calendar/years", body).await;

        reply.expect_error(422, "invalid", Some(field), why);
        assert!(reply.json["error"]["message"].as_str().unwrap().contains(day), "{why}: names {day}: {reply}");
    }
    let reply = admin.post("/api/v1/calendar/import", json!({"format": "ics", "content": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2027-01-01\nEND:VEVENT\nEND:VCALENDAR\n", "version": version})).await;
    reply.expect_error(422, "invalid", Some("content"), "an unreadable date in a feed");
    assert!(reply.text.contains("line 3"), "names the line: {reply}");
    let feed = FEED_2027.replace("20270130", "20270129");
    let reply = admin.post("/api/v1/calendar/import", json!({"format": "ics", "content": feed, "version": version})).await;
    reply.expect_error(422, "invalid", Some("content"), "a make-up day on a Friday in a feed");
    assert!(reply.text.contains("2027-01-29"), "names the day: {reply}");
    admin.post("/api/v1/calendar/import", json!({"format": "pdf", "content": "x", "version": version})).await.expect_error(
        422,
        "invalid",
        None,
        "an unknown format",
    );

    assert_eq!(admin.read("/api/v1/calendar").await["version"], version, "nothing was written");
    assert_eq!(admin.read("/api/v1/calendar/changes").await, json!([]), "nothing was recorded");
    let stale = json!({"year": 2027, "breaks": [{"name": "x", "first": "2027-01-01", "last": "2027-01-01"}], "version": version - 1});
    admin.post("/api/v1/calendar/years", stale).await.expect_error(409, "stale_version", None, "a stale version");
    admin.delete(&format!("/api/v1/calendar/years/2031?version={version}")).await.expect_error(
        422,
        "invalid",
        Some("year"),
        "removing a year never entered",
    );
    admin.delete("/api/v1/calendar/years/abc?version=1").await.expect_error(422, "invalid", Some("year"), "a year that is not a number");
    let valid = json!({"year": 2027, "breaks": [{"name": "x", "first": "2027-01-01", "last": "2027-01-01"}], "version": version});
    app.login("xiaozhang").await.post("/api/v1/calendar/years", valid.clone()).await.expect_error(403, "forbidden", None, "a PM");
    app.client().post("/api/v1/calendar/years", valid).await.expect_error(401, "unauthorized", None, "signed out");
    app.client().get("/api/v1/calendar/years").await.expect_error(401, "unauthorized", None, "signed out");
});

both_engines!(a_department_enters_a_year_on_its_own_calendar_without_touching_the_organisations, |app| async move {
    let leader_b = app.login("sunzong").await;
    let b = leader_b.department_id("B").await;
    let path = format!("/api/v1/departments/{b}/calendar/years");
    let before = leader_b.read(&path).await;
    assert_eq!((&before["own_calendar"], &before["known_until"]), (&json!(false), &json!("2026-12-31")), "B follows the organisation");
    let year = json!({"year": 2027, "breaks": [{"name": "B's retreat", "first": "2027-01-04", "last": "2027-01-08"}], "version": before["version"]});

    let added = leader_b.post(&path, year.clone()).await.expect(201, "B's leader enters 2027 for B").clone();

    assert_eq!((&added["own_calendar"], &added["known_until"]), (&json!(true), &json!("2027-12-31")));
    assert_eq!(leader_b.read(&format!("/api/v1/departments/{b}/schedule")).await["calendar"]["base"], "cn", "B has its own copy of cn");
    assert_eq!(leader_b.read("/api/v1/calendar/years").await["known_until"], "2026-12-31", "the organisation's calendar is as it was");
    let change = &leader_b.read("/api/v1/calendar/changes").await[0];
    assert_eq!((&change["department_code"], &change["action"]), (&json!("B"), &json!("add")));
    app.login("zhaozong").await.post(&path, year).await.expect_error(403, "forbidden", None, "A's leader on B's calendar");
    let missing = "/api/v1/departments/no-such-department/calendar/years";
    leader_b.get(missing).await.expect_error(404, "not_found", None, "an unknown department");
});

both_engines!(a_date_before_the_calendar_is_refused_naming_the_calendar_the_user_chose, |app| async move {
    let pm_a = app.login("xiaozhang").await;
    let a = pm_a.department_id("A").await;
    let body = json!({"name": "Old kick-off", "code": "OLD", "goal": "g", "lead_department_id": a, "kickoff_on": "2024-06-03",
                      "target_launch_on": "2024-12-31", "visibility": "internal"});
    let project = pm_a.create_project(body).await["id"].as_str().unwrap().to_string();
    let requirement = pm_a
        .post(&format!("/api/v1/projects/{project}/requirements"), json!({"title": "t", "goal": "g", "scenarios": [{"name": "s"}]}))
        .await
        .expect(201, "a requirement")["id"]
        .as_str()
        .unwrap()
        .to_string();

    let reply = pm_a
        .post(
            &format!("/api/v1/requirements/{requirement}/options"),
            json!({"title": "o", "covered_scenarios": ["S1"], "plan": plan_into_next_year()}),
        )
        .await;

    reply.expect_error(422, "invalid", Some("plan"), "a kick-off before the calendar's first day");
    let message = reply.json["error"]["message"].as_str().unwrap();
    assert!(message.contains("calendar \"cn\"") && message.contains("2025-01-01") && message.contains("calendar settings"), "{message}");
});

both_engines!(the_settings_page_form_enters_a_year_through_its_server_function, |app| async move {
    let admin = app.login("admin").await;
    let version = admin.read("/api/v1/calendar").await["version"].as_i64().unwrap().to_string();
    let form = |breaks: &str, workdays: &str| {
        vec![
            ("department_id", String::new()),
            ("mode", "add".to_string()),
            ("year", "2027".to_string()),
            ("breaks", breaks.to_string()),
            ("workdays", workdays.to_string()),
            ("version", version.clone()),
        ]
    };
    let submit = |fields: Vec<(&'static str, String)>| {
        admin.send(admin.request(Method::POST, "/_sfn/schedule-settings/year").header(ACCEPT, "application/json").form(&fields))
    };

    for (fields, field, why) in [
        (form("元旦 2027-01-01", ""), "breaks", "a line without commas"),
        (form("元旦, 2027-01-01, 2027-01-03", "2027-01-06"), "workdays", "a make-up Wednesday"),
        (form("元旦, 2027-01-01, 2027-01-03", "soon"), "workdays", "not a date"),
    ] {
        let reply = submit(fields).await;

        assert_eq!(reply.status, 422, "{why}: {reply}");
        assert!(reply.text.contains(&format!("\"field\":\"{field}\"")), "{why}: names {field}: {reply}");
    }
    let saved = submit(form("元旦, 2027-01-01, 2027-01-03\n春节，2027-02-08，2027-02-12", "2027-01-30")).await;
    let saved = saved.expect(200, "a valid year").clone();
    assert_eq!(find_by_number(&saved["years"], 2027)["breaks"][1]["name"], "春节");
    let page = admin.page("/admin/schedule").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Holiday years"), "the page has the section");
});
