//! The demo replays the seed case's solutions through the services: every launch and slip below is
//! the engine's, and the story's shape holds whatever day the demo is loaded on.

use crate::helpers::*;
use app::domain::schedule::impact::Impact;
use app::domain::schedule::{Plan, ScheduledPlan};
use serde_json::Value;

fn launch(value: &Value) -> &str {
    value["launch"].as_str().expect("a launch date")
}

both_engines!(the_demo_replays_three_baselines_a_rejected_change_and_a_resolved_concern, |app| async move {
    let pm = app.login("xiaozhang").await;
    let project = pm.demo_project_id().await;
    let schedule = pm.read(&format!("/api/v1/projects/{project}/baselines")).await;
    let baselines = schedule["baselines"].as_array().expect("baselines");
    assert_eq!(baselines.len(), 3, "meeting 1, meeting 2 and meeting 4 each agreed a schedule: {schedule}");
    let (third, second, first) = (&baselines[0], &baselines[1], &baselines[2]);
    assert_eq!((first["number"].as_i64(), second["number"].as_i64(), third["number"].as_i64()), (Some(1), Some(2), Some(3)));
    assert!(launch(second) > launch(first), "the approval message moved the launch: {first} → {second}");
    assert!(second["launch_moved_working_days"].as_i64().unwrap() > 0);
    assert_eq!(launch(third), launch(second), "fixing B's legacy logic first slipped nothing more");
    assert_eq!(third["launch_moved_working_days"], 0);
    for baseline in baselines {
        let approvers: Vec<&str> = baseline["approved_by"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        assert_eq!(approvers, ["赵总 (A)", "孙总 (B)"], "the leaders of A and B approved baseline {}", baseline["number"]);
    }

    let requests = schedule["requests"].as_array().unwrap();
    let statuses: Vec<&str> = requests.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["approved", "rejected", "approved", "approved"], "newest first");
    let rejected = pm.read(&format!("/api/v1/change-requests/{}", requests[1]["id"].as_str().unwrap())).await;
    assert_eq!(rejected["departments_pulled_in"], serde_json::json!(["C"]), "querying C's data needs C: {rejected}");
    let a = find_by(&rejected["approvals"], "code", "A");
    assert_eq!((a["decision"].as_str(), a["decided_by_name"].as_str()), (Some("rejected"), Some("赵总")));
    assert!(rejected["summary"]["launch_moved_working_days"].as_i64().unwrap() > 0);
    // What the leaders saw is what the engine computes for the stored plans.
    let base: Plan = serde_json::from_value(rejected["baseline_plan"].clone()).unwrap();
    let candidate: Plan = serde_json::from_value(rejected["plan"].clone()).unwrap();
    let stored: Impact = serde_json::from_value(rejected["impact"].clone()).unwrap();
    assert_eq!(ScheduledPlan::from_plan(base).unwrap().impact_of(&ScheduledPlan::from_plan(candidate).unwrap()), stored);

    let requirement = &pm.read(&format!("/api/v1/projects/{project}/requirements")).await["items"][0];
    let options = pm.read(&format!("/api/v1/requirements/{}/options", requirement["id"].as_str().unwrap())).await;
    assert_eq!(len(&options), 2);
    let chosen = &options[0];
    assert_eq!(
        (chosen["status"].as_str(), chosen["version"].as_i64(), chosen["open_concerns"].as_i64()),
        (Some("chosen"), Some(4), Some(0))
    );
    let c_builds = &options[1];
    assert_eq!(c_builds["status"], "not_chosen");
    let detail = pm.read(&format!("/api/v1/options/{}", c_builds["id"].as_str().unwrap())).await;
    let moved = detail["impact"]["launch_moved_working_days"].as_i64().unwrap();
    assert!(moved >= 10, "C has no slot for three weeks: a large slip against baseline 3 ({moved} working days)");
    let comments = pm.read(&format!("/api/v1/options/{}/comments", chosen["id"].as_str().unwrap())).await;
    let concerns: Vec<&Value> = comments.as_array().unwrap().iter().filter(|c| c["is_concern"] == true).collect();
    assert_eq!(concerns.len(), 1, "陈工's concern about B's legacy logic: {comments}");
    assert_eq!((concerns[0]["author_name"].as_str(), concerns[0]["author_role"].as_str()), (Some("陈工"), Some("architect")));
    assert_eq!(concerns[0]["resolved"]["by_name"], "陈工", "resolved by the architect who raised it");
});
