//! Sign-offs over HTTP, on the demo project: the signer sets derived for the seed case, signing
//! with the password again (wrong password refused and rate-limited like login), only the person
//! named in a cell signs it, staleness computed by itself when exactly one subject changes,
//! revocation, the notices a new baseline sends, and the OpenAPI document.

use crate::helpers::*;
use serde_json::{json, Value};

/// `(kind, department code, capacity, signer username, state)` of every cell, sorted.
async fn cells(client: &Client, project: &str) -> Vec<(String, String, String, String, String)> {
    let matrix = client.read(&matrix_path(project)).await;
    let signers = matrix["signers"].as_array().expect("signers");
    let departments = client.read("/api/v1/departments").await;
    let users = client.read("/api/v1/users").await;
    let mut out: Vec<_> = matrix["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .map(|c| {
            let code = departments
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["id"] == c["department_id"])
                .map(|d| d["code"].as_str().unwrap().to_string());
            let username =
                users.as_array().unwrap().iter().find(|u| u["id"] == c["signer_id"]).map(|u| u["username"].as_str().unwrap().to_string());
            assert!(c["signer_id"].is_null() || signers.iter().any(|s| s["user_id"] == c["signer_id"]), "every signer is listed");
            (
                c["kind"].as_str().unwrap().to_string(),
                code.unwrap_or_default(),
                c["capacity"].as_str().unwrap().to_string(),
                username.unwrap_or_default(),
                c["state"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn cell(kind: &str, code: &str, capacity: &str, who: &str, state: &str) -> (String, String, String, String, String) {
    (kind.into(), code.into(), capacity.into(), who.into(), state.into())
}

/// The subject of `kind` in the matrix.
pub(crate) async fn subject(client: &Client, project: &str, kind: &str) -> Value {
    let matrix = client.read(&matrix_path(project)).await;
    matrix["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} subject in {matrix}"))
}

pub(crate) fn sign_body(subject: &Value, password: &str) -> Value {
    json!({
        "kind": subject["kind"], "subject_id": subject["subject_id"], "revision": subject["revision"],
        "fingerprint": subject["fingerprint"], "password": password,
    })
}

/// The seed case's matrix as the demo leaves it.
fn seed_cells() -> Vec<(String, String, String, String, String)> {
    let mut expected = vec![
        cell("baseline", "A", "leader", "zhaozong", "signed"),
        cell("baseline", "B", "leader", "sunzong", "stale"),
        cell("requirement", "A", "pm", "xiaozhang", "signed"),
        cell("requirement", "B", "pm", "xiaolan", "signed"),
        cell("solution", "A", "pm", "xiaozhang", "signed"),
        cell("solution", "A", "technical", "laowang", "signed"),
        cell("solution", "B", "pm", "xiaolan", "signed"),
        cell("solution", "B", "technical", "chengong", "signed"),
    ];
    expected.sort();
    expected
}

both_engines!(the_seed_projects_signers_are_derived_from_change_points_work_and_the_baseline, |app| async move {
    // xiaoming (C's PM) is on the project but C has no change points nor work in the chosen plan.
    let reader = app.login("xiaoming").await;
    let project = reader.demo_project_id().await;
    assert_eq!(cells(&reader, &project).await, seed_cells());
    let matrix = reader.read(&matrix_path(&project)).await;
    assert_eq!((matrix["signed"].as_i64(), matrix["stale"].as_i64(), matrix["missing"].as_i64()), (Some(7), Some(1), Some(0)));
    let solution = subject(&reader, &project, "solution").await;
    assert_eq!(solution["revision"], 4, "the chosen option's current revision");
    assert_eq!(solution["fingerprint"].as_str().map(str::len), Some(64), "a SHA-256 in hex");
    assert_eq!(subject(&reader, &project, "requirement").await["revision"], 2);
    assert_eq!(subject(&reader, &project, "baseline").await["revision"], 3, "the current baseline's number");
    let sunzong = reader.user_id("sunzong").await;
    let stale = matrix["cells"].as_array().unwrap().iter().find(|c| c["signer_id"] == sunzong.as_str()).unwrap();
    assert_eq!(stale["signature"]["revision"], 2, "B's leader signed baseline 2, not yet 3");
    // A's and B's solution sign-offs went stale at revision 2 and were given again: the story's
    // signatures are in the audit log, three per solution signer.
    let audit = reader.read(&format!("/api/v1/audit?project={project}&limit=500")).await;
    let laowang = reader.user_id("laowang").await;
    let solution_signings = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "sign_off_signed" && e["payload"]["kind"] == "solution" && e["payload"]["signer_id"] == laowang.as_str())
        .map(|e| e["payload"]["revision"].as_i64().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(solution_signings, [4, 2, 1], "newest first: revisions 1, 2 and 4");
    let laowang_cell = &matrix["cells"].as_array().unwrap().iter().find(|c| c["signer_id"] == laowang.as_str()).unwrap()["signature"];
    assert_eq!(laowang_cell["revision"], 4);
    assert_eq!(laowang_cell["meaning_key"], "signoff.meaning.solution.v1");
    assert!(laowang_cell["meaning_text"].as_str().unwrap().contains("方案"), "signed in Chinese: {laowang_cell}");
});

both_engines!(signing_needs_the_password_again_and_wrong_ones_are_rate_limited, |app| async move {
    let sunzong = app.login("sunzong").await;
    let project = sunzong.demo_project_id().await;
    let baseline = subject(&sunzong, &project, "baseline").await;
    let path = matrix_path(&project);
    let reply = sunzong.post(&path, sign_body(&baseline, "not my password")).await;
    reply.expect_error(422, "invalid", Some("password"), "a wrong password");
    let reply = sunzong.post(&path, sign_body(&baseline, "")).await;
    reply.expect_error(422, "invalid", Some("password"), "no password");
    for _ in 0..4 {
        sunzong.post(&path, sign_body(&baseline, "still wrong")).await.expect(422, "another wrong password");
    }
    let limited = sunzong.post(&path, sign_body(&baseline, DEMO_PASSWORD)).await;
    limited.expect_error(429, "rate_limited", None, "after five wrong passwords even the right one waits");
    assert!(limited.header("retry-after").is_some_and(|s| s.parse::<u32>().is_ok_and(|n| n > 0)));
    // Signing has a budget of its own: wrong signing passwords do not lock the person out of
    // signing in, and failed sign-ins do not lock a leader out of signing.
    let login = app.client().sign_in("sunzong", DEMO_PASSWORD).await;
    assert_eq!(login.status, 200, "signing in is still open: {login}");
    let cells_now = cells(&sunzong, &project).await;
    assert!(cells_now.contains(&cell("baseline", "B", "leader", "sunzong", "stale")), "nothing was signed");
});

both_engines!(only_the_person_named_in_a_cell_signs_it_and_a_changed_subject_is_refused, |app| async move {
    let sunzong = app.login("sunzong").await;
    let project = sunzong.demo_project_id().await;
    let path = matrix_path(&project);
    let baseline = subject(&sunzong, &project, "baseline").await;
    let laowang = app.login("laowang").await;
    laowang.post(&path, sign_body(&baseline, DEMO_PASSWORD)).await.expect_error(
        403,
        "forbidden",
        None,
        "laowang is not named for the baseline",
    );
    let requirement = subject(&sunzong, &project, "requirement").await;
    sunzong.post(&path, sign_body(&requirement, DEMO_PASSWORD)).await.expect_error(
        403,
        "forbidden",
        None,
        "sunzong does not sign requirements",
    );
    let shown_earlier = with(&sign_body(&baseline, DEMO_PASSWORD), "fingerprint", json!("0".repeat(64)));
    sunzong.post(&path, shown_earlier).await.expect_conflict("subject_changed", "a fingerprint that is not the current one");
    let bad_kind = with(&sign_body(&baseline, DEMO_PASSWORD), "kind", json!("everything"));
    sunzong.post(&path, bad_kind).await.expect_error(422, "invalid", Some("kind"), "an unknown kind");

    let signed = sunzong.post(&path, sign_body(&baseline, DEMO_PASSWORD)).await;
    let signed = signed.expect(201, "sunzong signs baseline 3");
    assert_eq!((signed["revision"].as_i64(), signed["capacity"].as_str()), (Some(3), Some("leader")));
    assert_eq!(signed["fingerprint"], baseline["fingerprint"]);
    assert_eq!(signed["signer_role"], "leader");
    assert!(signed["meaning_text"].as_str().is_some_and(|t| !t.is_empty()));
    sunzong.post(&path, sign_body(&baseline, DEMO_PASSWORD)).await.expect_conflict("already_signed", "signing twice");
    let matrix = sunzong.read(&path).await;
    assert_eq!((matrix["signed"].as_i64(), matrix["stale"].as_i64(), matrix["missing"].as_i64()), (Some(8), Some(0), Some(0)));

    let anonymous = app.client();
    assert_eq!(anonymous.get(&path).await.status, 401);
    assert_eq!(sunzong.get(&matrix_path("no-such-project")).await.status, 404);
});

both_engines!(a_new_revision_makes_exactly_its_subjects_signoffs_stale, |app| async move {
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let solution = subject(&pm, &project, "solution").await;
    let option_path = format!("/api/v1/options/{}", solution["subject_ref"].as_str().unwrap());
    let option = pm.read(&option_path).await;
    let patch = json!({"version": option["version"], "description": "扣款前查询审批状态。 Query the approval status before charging.", "summary": "wording"});
    pm.patch(&option_path, patch).await.expect(200, "a new solution revision");
    let stale_solution: Vec<_> =
        seed_cells().into_iter().map(|c| if c.0 == "solution" { (c.0, c.1, c.2, c.3, "stale".to_string()) } else { c }).collect();
    assert_eq!(cells(&pm, &project).await, stale_solution, "only the solution's cells went stale");

    // Re-signing one stale cell makes just that one current.
    let laowang = app.login("laowang").await;
    let current = subject(&pm, &project, "solution").await;
    assert_eq!(current["revision"], 5);
    laowang.post(&matrix_path(&project), sign_body(&current, DEMO_PASSWORD)).await.expect(201, "laowang signs revision 5");
    let now = cells(&pm, &project).await;
    assert!(now.contains(&cell("solution", "A", "technical", "laowang", "signed")));
    assert!(now.contains(&cell("solution", "B", "technical", "chengong", "stale")));

    // A new requirement revision: only the requirement's cells.
    let requirement = subject(&pm, &project, "requirement").await;
    let requirement_path = format!("/api/v1/requirements/{}", requirement["subject_id"].as_str().unwrap());
    let detail = pm.read(&requirement_path).await;
    let patch = json!({"version": detail["version"], "background": "补充背景 More background.", "summary": "background"});
    pm.patch(&requirement_path, patch).await.expect(200, "a new requirement revision");
    let now = cells(&pm, &project).await;
    assert!(now.contains(&cell("requirement", "A", "pm", "xiaozhang", "stale")));
    assert!(now.contains(&cell("requirement", "B", "pm", "xiaolan", "stale")));
    assert!(now.contains(&cell("solution", "A", "technical", "laowang", "signed")), "the solution did not change");
    assert!(now.contains(&cell("baseline", "A", "leader", "zhaozong", "signed")));
});

both_engines!(a_new_baseline_makes_the_baseline_stale_and_tells_its_signers, |app| async move {
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let solution = subject(&pm, &project, "solution").await;
    let option_path = format!("/api/v1/options/{}", solution["subject_ref"].as_str().unwrap());
    let option = pm.read(&option_path).await;
    let mut plan = option["plan"].clone();
    for item in plan["items"].as_array_mut().unwrap() {
        item["effort"] = json!(item["effort"].as_i64().unwrap() + 2);
    }
    let patch = json!({"version": option["version"], "plan": plan, "summary": "more effort", "reason": "B needs more time"});
    let saved = pm.patch(&option_path, patch).await;
    let request = saved.expect(200, "a slower plan")["change_request_id"].as_str().expect("a change request").to_string();
    let zhaozong = app.login("zhaozong").await;
    let sunzong = app.login("sunzong").await;
    let before = zhaozong.read("/api/v1/notifications").await;
    let decision = json!({"decision": "approve", "comment": "ok"});
    zhaozong.post(&format!("/api/v1/change-requests/{request}/decisions"), decision.clone()).await.expect(200, "A approves");
    sunzong.post(&format!("/api/v1/change-requests/{request}/decisions"), decision).await.expect(200, "B approves");
    assert_eq!(subject(&pm, &project, "baseline").await["revision"], 4, "baseline 4");
    let now = cells(&pm, &project).await;
    assert!(now.contains(&cell("baseline", "A", "leader", "zhaozong", "stale")), "{now:?}");
    assert!(now.contains(&cell("baseline", "B", "leader", "sunzong", "stale")));
    let after = zhaozong.read("/api/v1/notifications").await;
    let link = format!("/projects/{project}/signoffs");
    let told =
        |list: &Value| list.as_array().unwrap().iter().filter(|n| n["kind"] == "signoff_needed" && n["link"] == link.as_str()).count();
    assert!(told(&after) > told(&before), "zhaozong is told to sign again: {after}");
    // Both decisions are on the audit log.
    let audit = pm.read(&format!("/api/v1/audit?project={project}")).await;
    let decided =
        audit.as_array().unwrap().iter().filter(|e| e["action"] == "change_request_decided" && e["subject_id"] == request.as_str()).count();
    assert_eq!(decided, 2);
});

both_engines!(a_signer_revokes_their_own_signoff_with_a_reason, |app| async move {
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let me = pm.user_id("xiaozhang").await;
    let matrix = pm.read(&matrix_path(&project)).await;
    let mine = matrix["cells"].as_array().unwrap().iter().find(|c| c["kind"] == "requirement" && c["signer_id"] == me.as_str()).unwrap();
    let id = mine["signature"]["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/signoffs/{id}/revoke");
    pm.post(&path, json!({"reason": "  "})).await.expect_error(422, "invalid", Some("reason"), "a blank reason");
    let xiaolan = app.login("xiaolan").await;
    xiaolan.post(&path, json!({"reason": "not hers"})).await.expect_error(403, "forbidden", None, "someone else's signature");
    let revoked = pm.post(&path, json!({"reason": "场景 S3 还要再评审 S3 needs another review"})).await;
    let revoked = revoked.expect(200, "revoking").clone();
    assert!(revoked["revoked_at"].is_i64());
    assert_eq!(revoked["revoke_reason"], "场景 S3 还要再评审 S3 needs another review");
    pm.post(&path, json!({"reason": "again"})).await.expect_conflict("already_revoked", "revoking twice");
    assert!(cells(&pm, &project).await.contains(&cell("requirement", "A", "pm", "xiaozhang", "missing")));
    let audit = pm.read(&format!("/api/v1/audit?project={project}&limit=5")).await;
    assert_eq!(audit[0]["action"], "sign_off_revoked");
    assert_eq!(audit[0]["subject_id"], id.as_str());
    assert_eq!(audit[0]["payload"]["reason"], "场景 S3 还要再评审 S3 needs another review");
    pm.post("/api/v1/signoffs/nothing/revoke", json!({"reason": "x"})).await.expect_error(404, "not_found", None, "no such sign-off");
    // Signing again after a revocation is allowed.
    let requirement = subject(&pm, &project, "requirement").await;
    pm.post(&matrix_path(&project), sign_body(&requirement, DEMO_PASSWORD)).await.expect(201, "signing again");
});

both_engines!(the_signoff_and_audit_api_is_documented, |app| async move {
    let doc = app.client().read("/api/v1/openapi.json").await;
    for (path, method) in [
        ("/api/v1/projects/{id}/signoffs", "get"),
        ("/api/v1/projects/{id}/signoffs", "post"),
        ("/api/v1/signoffs/{id}/revoke", "post"),
        ("/api/v1/audit", "get"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is documented");
    }
    for schema in ["SignoffMatrix", "SignInput", "SignatureDto", "RevokeInput", "AuditEntryDto"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema} is documented");
    }
});
