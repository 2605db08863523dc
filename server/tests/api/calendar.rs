//! Calendar export over HTTP: a meeting's `.ics` (content type, zone, folding, escaping, Chinese
//! text) and the per-person feed behind a secret token (no cookie needed; replaced and revoked
//! tokens are 404; the feed holds the person's meetings, open action items and the milestones of
//! their projects' current baselines). An independent parser (`ical.js`) reads the same files in
//! `end2end/tests/ics.test.mjs`.

use crate::helpers::*;
use serde_json::json;

/// Content lines of iCalendar text (unfolded).
fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_string).collect()
}

async fn meeting(pm: &Client) -> (String, String) {
    let project = pm.demo_project_id().await;
    let xiaolan = pm.user_id("xiaolan").await;
    let body = json!({
        "title": "需求评审：付款前须审批, A; B",
        "kind": "requirement_review",
        "start": "2026-03-02T10:00",
        "end": "2026-03-02T11:30",
        "place": "会议室 3",
        "invitee_ids": [xiaolan],
        "agenda": [{"title": "审批状态查询接口的字段定义、错误码、超时与重试策略以及与 C 系统的数据一致性"}],
    });
    let reply = pm.post(&format!("/api/v1/projects/{project}/meetings"), body).await;
    (reply.expect(201, "a meeting")["meeting"]["id"].as_str().unwrap().to_string(), project)
}

both_engines!(a_meeting_exports_as_an_ics_file_in_its_time_zone, |app| async move {
    let pm = app.login("xiaozhang").await;
    let (mid, _) = meeting(&pm).await;
    let reply = pm.get(&format!("/api/v1/meetings/{mid}/calendar.ics")).await;
    assert_eq!(reply.status, 200, "{reply}");
    assert_eq!(reply.header("content-type"), Some("text/calendar; charset=utf-8"));
    assert!(reply.header("content-disposition").is_some_and(|v| v.contains(".ics")));
    let text = &reply.text;
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets: {line}", line.len());
    }
    let all = lines(text);
    for expected in [
        "TZID:Asia/Shanghai",
        "TZOFFSETTO:+0800",
        "DTSTART;TZID=Asia/Shanghai:20260302T100000",
        "DTEND;TZID=Asia/Shanghai:20260302T113000",
        "SUMMARY:需求评审：付款前须审批\\, A\\; B",
        "LOCATION:会议室 3",
        &format!("UID:meeting-{mid}@concord"),
    ] {
        assert!(all.iter().any(|l| l == expected), "missing {expected:?} in\n{text}");
    }
    assert!(all.iter().any(|l| l.starts_with("ORGANIZER;CN=\"小张\":urn:uuid:")), "{text}");
    assert!(all.iter().any(|l| l.starts_with("ATTENDEE;CN=\"小蓝\"")), "{text}");
    assert!(all.iter().any(|l| l.starts_with("DESCRIPTION:") && l.contains("审批状态查询接口的字段定义")), "{text}");
    app.client().get(&format!("/api/v1/meetings/{mid}/calendar.ics")).await.expect_error(401, "unauthorized", None, "a visitor");
    pm.get("/api/v1/meetings/nothing/calendar.ics").await.expect_error(404, "not_found", None, "no such meeting");
});

both_engines!(the_feed_is_read_by_its_secret_address_until_revoked, |app| async move {
    let pm = app.login("xiaozhang").await;
    let (mid, _) = meeting(&pm).await;
    pm.post(&format!("/api/v1/meetings/{mid}/status"), json!({"status": "in_progress"})).await.expect(200, "start");
    let xiaolan = pm.user_id("xiaolan").await;
    let action = json!({"title": "提供接口文档 Send the API document", "owner_id": xiaolan, "due_on": "2026-03-09"});
    pm.post(&format!("/api/v1/meetings/{mid}/action-items"), action).await.expect(200, "an action item");

    let owner = app.login("xiaolan").await;
    let status = owner.read("/api/v1/me/calendar-feed").await;
    assert_eq!(status["active"], false);
    owner.delete("/api/v1/me/calendar-feed").await.expect_error(404, "not_found", None, "revoking no feed");
    let created = owner.post("/api/v1/me/calendar-feed", json!({})).await;
    let url = created.expect(201, "a feed")["url"].as_str().expect("the address, shown once").to_string();
    let path = url.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string())).unwrap();
    assert!(path.starts_with("/api/v1/calendar-feeds/ccf_") && path.ends_with(".ics"), "{url}");
    let shown = owner.read("/api/v1/me/calendar-feed").await;
    assert_eq!((shown["active"].as_bool(), shown["url"].is_null()), (Some(true), true), "never shown again: {shown}");

    // No cookie: the token authenticates.
    let bare = app.bare_client();
    let feed = bare.get(&path).await;
    assert_eq!(feed.status, 200, "{feed}");
    assert_eq!(feed.header("content-type"), Some("text/calendar; charset=utf-8"));
    let all = lines(&feed.text);
    assert!(all.iter().any(|l| *l == format!("UID:meeting-{mid}@concord")), "the meeting she is invited to");
    assert!(
        all.iter().any(|l| l == "DTSTART;VALUE=DATE:20260309") && all.iter().any(|l| l == "DTEND;VALUE=DATE:20260310"),
        "the action item's day"
    );
    assert!(all.iter().any(|l| l.starts_with("SUMMARY:☐ 提供接口文档")), "{}", feed.text);
    let milestones = all.iter().filter(|l| l.starts_with("UID:milestone-")).count();
    assert!(milestones >= 4, "the demo baseline's milestones (B takes part): {milestones}");
    assert_eq!(bare.get(&path.replace(".ics", "")).await.status, 200, "the .ics ending is optional");
    let seen = owner.read("/api/v1/me/calendar-feed").await;
    assert!(seen["last_used_at"].as_i64().is_some(), "{seen}");

    // A new address replaces the old one; revoking ends the new one; a guessed one is 404.
    let replaced = owner.post("/api/v1/me/calendar-feed", json!({})).await;
    let new_url = replaced.expect(201, "a new feed")["url"].as_str().unwrap().to_string();
    assert_ne!(new_url, url);
    bare.get(&path).await.expect_error(404, "not_found", None, "the replaced address");
    let new_path = format!("/api/v1/calendar-feeds/{}", new_url.rsplit('/').next().unwrap());
    assert_eq!(bare.get(&new_path).await.status, 200);
    owner.delete("/api/v1/me/calendar-feed").await.expect(200, "revoking");
    bare.get(&new_path).await.expect_error(404, "not_found", None, "the revoked address");
    bare.get("/api/v1/calendar-feeds/ccf_0000").await.expect_error(404, "not_found", None, "a guessed address");
    assert_eq!(owner.read("/api/v1/me/calendar-feed").await["active"], false);

    // The organiser's own feed has the meeting, though only xiaolan is invited to it.
    let organiser = pm.post("/api/v1/me/calendar-feed", json!({})).await;
    let url = organiser.expect(201, "the organiser's feed")["url"].as_str().unwrap().to_string();
    let feed = bare.get(&format!("/api/v1/calendar-feeds/{}", url.rsplit('/').next().unwrap())).await;
    assert!(lines(&feed.text).iter().any(|l| *l == format!("UID:meeting-{mid}@concord")), "the meeting he organised");
});
