//! `concord plan schedule|impact` as a user runs it: the real binary on the example plan files,
//! its JSON checked against the published JSON Schemas (`docs/schema/`), the text format, and the
//! exit status 2 with a message on stderr for an invalid plan.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

fn concord(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_concord")).args(args).current_dir(repo()).output().expect("the binary runs")
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/schema").join(name)).expect("schema file");
    jsonschema::validator_for(&serde_json::from_str(&text).expect("schema is JSON")).expect("a valid schema")
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "{what} does not match its schema: {errors:#?}");
}

const EXAMPLES: [&str; 4] = [
    "docs/examples/seed-query-api.json",
    "docs/examples/seed-approval-message.json",
    "docs/examples/seed-new-api-from-c.json",
    "docs/examples/issue-example.json",
];

#[test]
fn every_example_plan_matches_the_plan_schema() {
    let plan_schema = schema("plan.schema.json");
    for path in EXAMPLES {
        let plan: Value = serde_json::from_str(&std::fs::read_to_string(repo().join(path)).unwrap()).unwrap();
        assert_valid(&plan_schema, &plan, path);
    }
    // The schema refuses what the engine refuses by shape.
    let bad = serde_json::json!({ "start": "2025-01-06", "items": [{ "id": "a", "department": "A", "effort": 0 }] });
    assert!(!plan_schema.is_valid(&bad));
}

#[test]
fn schedule_prints_json_matching_the_schedule_schema() {
    let out = concord(&["plan", "schedule", EXAMPLES[1]]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let result: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_valid(&schema("schedule.schema.json"), &result, "the schedule");
    assert_eq!(result["launch"], "2025-02-17");
    let msg = result["items"].as_array().unwrap().iter().find(|i| i["id"] == "b-approval-msg").unwrap();
    assert_eq!(msg["wait"]["kind"], "capacity");
    assert_eq!(msg["wait"]["held_by"], "b-query-api");
}

#[test]
fn impact_prints_json_matching_the_impact_schema_and_text_with_the_explanation() {
    let out = concord(&["plan", "impact", EXAMPLES[0], EXAMPLES[1]]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let impact: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&schema("impact.schema.json"), &impact, "the impact");
    assert_eq!(impact["launch_moved_working_days"], 4);

    let text = concord(&["plan", "impact", EXAMPLES[0], EXAMPLES[1], "--format", "text"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Launch +4 working days (2025-02-11 → 2025-02-17)"), "{text}");
    assert!(text.contains("runs after “B 审批查询接口 approval query API” because B runs one item at a time"), "{text}");

    let zh = concord(&["plan", "impact", EXAMPLES[1], EXAMPLES[2], "--format", "text", "--lang", "zh-CN"]);
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("上线推迟 16 个工作日"), "{zh}");
    assert!(zh.contains("C 到 2025-02-17 才有空档"), "{zh}");
}

#[test]
fn schedule_text_lists_items_and_the_critical_chain() {
    let out = concord(&["plan", "schedule", EXAMPLES[2], "--format", "text"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Launch: 2025-03-11"), "{text}");
    assert!(text.contains("Critical chain"), "{text}");
    assert!(text.contains("C has no slot until 2025-02-17"), "{text}");
    assert!(text.contains("  B: 2025-01-20 5/6, "), "the weekly load: the make-up Sunday adds a capacity day: {text}");
}

#[test]
fn svg_format_draws_the_gantt_and_the_overlay() {
    let out = concord(&["plan", "impact", EXAMPLES[0], EXAMPLES[1], "--format", "svg"]);
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
    assert_eq!(svg.matches(r#"class="ghost""#).count(), 4);
    assert_eq!(svg.matches("<rect class=\"bar").count(), 6);
    assert!(svg.contains("Launch +4 working days"));
}

#[test]
fn an_invalid_plan_exits_2_with_the_problem_on_stderr() {
    let dir = std::env::temp_dir().join(format!("concord-plan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            r#"{"start":"2025-01-06","items":[{"id":"a","department":"A","effort":1,"after":["b"]},{"id":"b","department":"A","effort":1,"after":["a"]}]}"#,
            "dependency cycle: ",
        ),
        (
            r#"{"start":"2025-01-06","items":[{"id":"a","department":"A","effort":-2}]}"#,
            "effort must be a whole number of working days ≥ 1 (got -2)",
        ),
        (r#"{"start":"2025-01-06","items":[{"id":"a","department":"A","effort":1,"after":["nope"]}]}"#, "unknown id \"nope\""),
        (
            r#"{"start":"2024-06-01","calendar":"cn","items":[{"id":"a","department":"A","effort":1}]}"#,
            "is before 2025-01-01, the first day calendar \"cn\" counts",
        ),
        (r#"{"start": "2025-01-06", "items": [ }"#, "not valid JSON"),
    ];
    for (n, (plan, expected)) in cases.iter().enumerate() {
        let path = dir.join(format!("bad{n}.json"));
        std::fs::write(&path, plan).unwrap();
        let out = concord(&["plan", "schedule", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{plan}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{plan}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    let missing = concord(&["plan", "schedule", "/nonexistent/plan.json"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn a_plan_past_the_known_years_is_scheduled_with_the_warning_in_json_and_text() {
    let dir = std::env::temp_dir().join(format!("concord-plan-cli-next-year-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("next-year.json");
    std::fs::write(&path, r#"{"start":"2026-12-01","calendar":"cn","items":[{"id":"a","department":"A","effort":40}]}"#).unwrap();
    let path = path.to_str().unwrap();

    let json = concord(&["plan", "schedule", path]);
    let text = concord(&["plan", "schedule", path, "--format", "text"]);
    let zh = concord(&["plan", "schedule", path, "--format", "text", "--lang", "zh-CN"]);

    assert_eq!(json.status.code(), Some(0), "{}", String::from_utf8_lossy(&json.stderr));
    let value: Value = serde_json::from_slice(&json.stdout).expect("JSON on stdout");
    assert_eq!(value["holidays_unknown_after"], "2026-12-31");
    assert_eq!(value["items"][0]["finish"], "2027-01-25", "2027 counts weekends only");
    assert_valid(&schema("schedule.schema.json"), &value, "the schedule");
    assert_eq!(text.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("Holidays after 2026-12-31 are not entered; dates beyond it count weekends only.")
    );
    assert_eq!(zh.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&zh.stdout).contains("2026-12-31 之后的节假日尚未录入；此后的日期只按周末计算。"));
}

#[test]
fn calendar_check_lists_the_years_each_calendar_knows() {
    let dir = std::env::temp_dir().join(format!("concord-calendar-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/check.db", dir.display());
    assert_eq!(concord(&["--database-url", &url, "seed-demo"]).status.code(), Some(0), "the demo loads");

    let text = concord(&["--database-url", &url, "calendar", "check"]);
    let json = concord(&["--database-url", &url, "calendar", "check", "--json"]);
    let next_year = concord(&["--database-url", &url, "calendar", "check", "--require-year", "2027"]);

    assert_eq!(text.status.code(), Some(0));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("shipped cn: shipped years 2025, 2026; entered years none; holidays known until 2026-12-31"), "{text}");
    assert!(text.contains("organisation: shipped years 2025, 2026"), "{text}");
    let value: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["in_use"][0]["calendar"], "organisation");
    assert_eq!(value["in_use"][0]["known_until"], "2026-12-31");
    assert_eq!(next_year.status.code(), Some(1), "2027 is not entered yet");
    assert!(String::from_utf8_lossy(&next_year.stderr).contains("2027 is not entered on: organisation"));
    assert_eq!(concord(&["--database-url", &url, "calendar", "check", "--require-year", "2026"]).status.code(), Some(0));
}
