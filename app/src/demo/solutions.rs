//! The seed case's solutions, replayed through the same services people use, so that every launch,
//! slip and impact in the demo is computed by the engine rather than typed in:
//!
//! 1. meeting 1 — 小张 proposes "A queries B's approval-status API", 老王 comments, 小张 chooses
//!    it, the leaders of A and B approve: baseline 1;
//! 2. meeting 2 — the requirement gains "approved after the first query": revision 2 adds B's
//!    approval-passed message and A's listener; the request shows the computed slip and both leaders
//!    approve: baseline 2;
//! 3. meeting 3 — B finds approvals in C's data too. Revision 3 has A query both B and C (C has no
//!    slot for three weeks); A's leader rejects it. 小明 proposes "C builds a new approval API"
//!    (a large slip); it is not chosen. 陈工 raises a concern about B's legacy approval logic;
//! 4. meeting 4 — revision 4 fixes B's legacy logic first and needs nothing from C: approved with
//!    no further slip (baseline 3), and 陈工 resolves the concern.
//!
//! The services stamp rows with the current time; afterwards each row is moved to its day in the
//! story, so the history reads as it happened.

use super::at_noon;
use crate::auth::CurrentUser;
use crate::change_requests::dto::DecisionInput;
use crate::change_requests::service as change_requests;
use crate::db::{self, DbKind};
use crate::domain::dates::Date;
use crate::domain::solutions::WorkPlan;
use crate::error::AppError;
use crate::solutions::dto::{ChooseInput, OptionCommentInput, OptionInput, OptionPatch, ResolveInput};
use crate::solutions::service as solutions;
use crate::state::AppState;
use serde_json::json;
use std::sync::Arc;

/// A state for calling services outside a request (no site, no login limiter in use).
pub(super) fn service_state(pool: &db::Db, kind: DbKind) -> AppState {
    AppState {
        db: pool.clone(),
        db_kind: kind,
        config: Arc::new(Default::default()),
        login_limiter: Arc::new(Default::default()),
        leptos_options: leptos::config::LeptosOptions::builder().output_name(Arc::<str>::from("concord")).build(),
        setup_done: Arc::new(std::sync::atomic::AtomicBool::new(true)),
    }
}

/// A demo person by username, as the services see whoever is signed in.
pub(super) async fn person(pool: &db::Db, username: &str) -> Result<CurrentUser, AppError> {
    let mut conn = pool.acquire().await?;
    let row = db::users::find_by_username(&mut conn, username).await?.ok_or(AppError::Internal)?;
    Ok(CurrentUser {
        role: row.job_role,
        id: row.user_id,
        username: row.username,
        display_name: row.display_name,
        department_id: row.department_id,
        is_admin: row.is_admin != 0,
        locale: None,
    })
}

fn plan(value: serde_json::Value) -> Result<WorkPlan, AppError> {
    serde_json::from_value(value).map_err(|e| {
        tracing::error!(error = %e, "a demo work plan does not parse");
        AppError::Internal
    })
}

fn item(id: &str, name: &str, department: &str, effort: i64, after: &[&str]) -> serde_json::Value {
    json!({ "id": id, "name": name, "department": department, "effort": effort, "after": after })
}

fn milestones(interface: &[&str], joint: &[&str], test: &[&str]) -> serde_json::Value {
    json!([
        { "id": "interface-defined", "after": interface },
        { "id": "joint-debugging", "after": joint },
        { "id": "integration-test", "after": test },
        { "id": "launch", "after": test },
    ])
}

/// Revision 1: A queries B's approval status before charging.
fn query_b() -> Vec<serde_json::Value> {
    vec![
        item("b-spec", "定义审批状态接口 Define the approval-status API", "B", 1, &[]),
        item("b-api", "审批状态查询接口 Approval-status query API", "B", 5, &["b-spec"]),
        item("a-query", "扣款前查询审批状态 Query the status before charging", "A", 3, &["b-spec"]),
    ]
}

fn tail(after: &[&str]) -> Vec<serde_json::Value> {
    vec![item("joint", "A、B 联调 A–B joint debugging", "A", 2, after), item("test", "集成测试 Integration test", "A", 3, &["joint"])]
}

fn revision_1() -> serde_json::Value {
    let mut items = query_b();
    items.extend(tail(&["a-query", "b-api"]));
    json!({ "items": items, "milestones": milestones(&["b-spec"], &["joint"], &["test"]) })
}

/// Revision 2 adds B's approval-passed message and A's listener (scenario S3).
fn revision_2_items(b_msg_effort: i64) -> Vec<serde_json::Value> {
    let mut items = query_b();
    items.push(item("b-msg", "审批通过消息 Approval-passed message", "B", b_msg_effort, &["b-api"]));
    items.push(item("a-listen", "监听审批消息并扣款 Listen for approvals and charge", "A", 3, &["b-spec"]));
    items
}

fn revision_2() -> serde_json::Value {
    let mut items = revision_2_items(4);
    items.extend(tail(&["a-query", "a-listen", "b-api", "b-msg"]));
    json!({ "items": items, "milestones": milestones(&["b-spec"], &["joint"], &["test"]) })
}

/// Revision 3: A also queries C's approval data, which C must first open to A.
fn revision_3() -> serde_json::Value {
    let mut items = revision_2_items(4);
    items.push(item("c-grant", "开放审批数据查询 Open approval data to A", "C", 2, &[]));
    items.push(item("a-query-c", "同时查询 C 的审批数据 Also query C's approvals", "A", 4, &["c-grant", "b-spec"]));
    items.extend(tail(&["a-query", "a-listen", "a-query-c", "b-api", "b-msg"]));
    json!({ "items": items, "milestones": milestones(&["b-spec"], &["joint"], &["test"]) })
}

/// Revision 4: B fixes its legacy approval logic first, after which the message is a small
/// change; nothing is needed from C.
fn revision_4() -> serde_json::Value {
    let mut items = vec![item("b-legacy", "修复遗留审批逻辑 Fix the legacy approval logic", "B", 3, &["b-spec"])];
    items.extend(revision_2_items(1));
    items.extend(tail(&["a-query", "a-listen", "b-api", "b-msg", "b-legacy"]));
    json!({ "items": items, "milestones": milestones(&["b-spec"], &["joint"], &["test"]) })
}

/// Option 2: C builds one approval API that merges both sources; B and A adapt to it.
fn c_builds_api() -> serde_json::Value {
    let mut items = vec![
        item("b-spec", "定义统一审批接口 Define the unified approval API", "B", 1, &[]),
        item("c-api", "C 新建统一审批查询接口 C builds the unified approval API", "C", 8, &["b-spec"]),
        item("b-adapt", "B 同步审批结果给 C B syncs its approvals to C", "B", 3, &["b-spec"]),
        item("a-query", "扣款前查询 C 的接口 Query C's API before charging", "A", 3, &["c-api"]),
        item("a-listen", "监听审批消息并扣款 Listen for approvals and charge", "A", 3, &["c-api"]),
    ];
    items.extend(tail(&["a-query", "a-listen", "b-adapt"]));
    json!({ "items": items, "milestones": milestones(&["b-spec"], &["joint"], &["test"]) })
}

/// Moves a row's timestamps to a day of the story.
async fn redate(pool: &db::Db, sql: &str, at: i64, id: &str) -> Result<(), AppError> {
    sqlx::query(sql).bind(at).bind(id).execute(pool).await?;
    Ok(())
}

/// Replays the options, requests and decisions (see the module docs). `requirement_id` is PAY-1.
pub async fn seed(pool: &db::Db, kind: DbKind, today: Date, requirement_id: &str) -> Result<(), AppError> {
    let state = service_state(pool, kind);
    let (xiaozhang, laowang, chengong, xiaoming, liujingli) = (
        person(pool, "xiaozhang").await?,
        person(pool, "laowang").await?,
        person(pool, "chengong").await?,
        person(pool, "xiaoming").await?,
        person(pool, "liujingli").await?,
    );
    let (zhaozong, sunzong) = (person(pool, "zhaozong").await?, person(pool, "sunzong").await?);
    let approve = |comment: &str| DecisionInput { decision: "approve".into(), comment: comment.into() };

    // Meeting 1.
    let input = OptionInput {
        title: "A 查询 B 的审批状态接口 A queries B's approval-status API".into(),
        description: "扣款前，A 调用 B 新增的审批状态查询接口；未审批的订单不扣款。\n\n\
                      Before charging, A calls B's new approval-status API; orders that are not approved are not charged."
            .into(),
        covered_scenarios: vec!["S1".into(), "S2".into()],
        plan: plan(revision_1())?,
        summary: "第一次会议方案 Meeting 1 solution".into(),
    };
    let option = solutions::create_option(&state, &xiaozhang, requirement_id, input).await?;
    let option_id = option.id.clone();
    let comment = OptionCommentInput {
        body: "B 的接口只返回当前状态；首次查询后才审批通过的订单需要另行处理。\n\
               B's API returns the status at query time; orders approved after A's first query need another path."
            .into(),
        parent_id: None,
        concern: false,
    };
    let first_comment = solutions::add_comment(&state, &laowang, &option_id, comment).await?;
    let choose = ChooseInput {
        rationale: "A、B 在第一次会议上一致同意 Agreed by A and B at meeting 1".into(),
        override_reason: None,
        version: Some(1),
    };
    let r1 = solutions::choose(&state, &xiaozhang, &option_id, choose).await?.change_request_id.ok_or(AppError::Internal)?;
    change_requests::decide(&state, &zhaozong, &r1, approve("同意 Agreed")).await?;
    change_requests::decide(&state, &sunzong, &r1, approve("同意 Agreed")).await?;
    super::signoffs::after_meeting_1(pool, kind, requirement_id, at_noon(today.add_days(-19)) + 4 * 3_600_000).await?;

    // Meeting 2: the approval-passed message.
    let patch = OptionPatch {
        version: Some(1),
        covered_scenarios: Some(vec!["S1".into(), "S2".into(), "S3".into()]),
        plan: Some(plan(revision_2())?),
        summary: Some("第二次会议：B 推送审批通过消息，A 监听 Meeting 2: B's approval message, A's listener".into()),
        reason: Some("首次查询后才审批通过的订单需要 B 推送消息 Orders approved after the first query need B's message".into()),
        ..Default::default()
    };
    let r2 = solutions::update_option(&state, &xiaozhang, &option_id, patch).await?.change_request_id.ok_or(AppError::Internal)?;
    change_requests::decide(&state, &zhaozong, &r2, approve("接受延期 Slip accepted")).await?;
    change_requests::decide(&state, &sunzong, &r2, approve("B 承担消息开发 B builds the message")).await?;
    super::signoffs::after_meeting_2(pool, kind, requirement_id, at_noon(today.add_days(-11)) + 2 * 3_600_000).await?;

    // Meeting 3: approvals also live in C's data.
    let patch = OptionPatch {
        version: Some(2),
        plan: Some(plan(revision_3())?),
        summary: Some("第三次会议：A 同时查询 B 和 C Meeting 3: A queries both B and C".into()),
        reason: Some("部分审批数据在 C 的系统里 Some approvals live in C's data".into()),
        ..Default::default()
    };
    let r3 = solutions::update_option(&state, &xiaozhang, &option_id, patch).await?.change_request_id.ok_or(AppError::Internal)?;
    let reject = DecisionInput {
        decision: "reject".into(),
        comment: "A 不维护两个审批来源，C 三周内没有排期 A will not keep two approval sources, and C has no slot for three weeks".into(),
    };
    change_requests::decide(&state, &zhaozong, &r3, reject).await?;
    let input = OptionInput {
        title: "C 新建统一审批接口 C builds a unified approval API".into(),
        description: "C 合并 B 和自身的审批数据，提供统一查询接口。\n\nC merges B's and its own approval data behind one API.".into(),
        covered_scenarios: vec!["S1".into(), "S2".into(), "S3".into()],
        plan: plan(c_builds_api())?,
        summary: "第三次会议提出 Raised at meeting 3".into(),
    };
    let option_c = solutions::create_option(&state, &xiaoming, requirement_id, input).await?;
    let remark = OptionCommentInput {
        body: "C 三周内没有排期，上线将大幅推迟。\nC has no slot for three weeks; the launch would slip a lot.".into(),
        parent_id: None,
        concern: false,
    };
    let remark = solutions::add_comment(&state, &liujingli, &option_c.id, remark).await?;
    let concern = OptionCommentInput {
        body: "B 的遗留审批逻辑会把部分订单重复标记为已审批，必须先修复。\n\
               B's legacy approval logic marks some orders approved twice; it must be fixed first."
            .into(),
        parent_id: None,
        concern: true,
    };
    let concern = solutions::add_comment(&state, &chengong, &option_id, concern).await?;

    // Meeting 4: fix B's legacy logic first; nothing from C.
    let patch = OptionPatch {
        version: Some(3),
        plan: Some(plan(revision_4())?),
        summary: Some("第四次会议：先修复 B 的遗留逻辑，不依赖 C Meeting 4: fix B's legacy logic first, nothing from C".into()),
        reason: Some("修复遗留逻辑后消息改动变小，C 无需参与 With the legacy logic fixed the message is small and C is not needed".into()),
        ..Default::default()
    };
    let r4 = solutions::update_option(&state, &xiaozhang, &option_id, patch).await?.change_request_id.ok_or(AppError::Internal)?;
    change_requests::decide(&state, &zhaozong, &r4, approve("同意 Agreed")).await?;
    change_requests::decide(&state, &sunzong, &r4, approve("B 先修复遗留逻辑 B fixes the legacy logic first")).await?;
    let resolve = ResolveInput { note: "第 4 版先修复遗留逻辑 Revision 4 fixes the legacy logic first".into() };
    solutions::resolve_concern(&state, &chengong, &concern.id, resolve).await?;
    super::signoffs::after_meeting_4(pool, kind, requirement_id, at_noon(today.add_days(-2)) + 4 * 3_600_000).await?;
    sqlx::query("update solution_options set status = 'not_chosen' where option_id = $1").bind(&option_c.id).execute(pool).await?;

    // Each step on its day of the story.
    let day = |n: i32| at_noon(today.add_days(n));
    let steps: [(&str, i32, &str); 10] = [
        ("update solution_options set created_at = $1 where option_id = $2", -20, &option_id),
        ("update solution_options set created_at = $1, updated_at = $1 where option_id = $2", -6, &option_c.id),
        ("update option_comments set created_at = $1 where comment_id = $2", -20, &first_comment.id),
        ("update option_comments set created_at = $1 where comment_id = $2", -6, &remark.id),
        ("update option_comments set created_at = $1, resolved_at = $1 + 3600000 where comment_id = $2", -5, &concern.id),
        ("update change_requests set created_at = $1, decided_at = $1 + 7200000 where request_id = $2", -19, &r1),
        ("update change_requests set created_at = $1, decided_at = $1 + 86400000 where request_id = $2", -12, &r2),
        ("update change_requests set created_at = $1, decided_at = $1 + 86400000 where request_id = $2", -6, &r3),
        ("update change_requests set created_at = $1, decided_at = $1 + 7200000 where request_id = $2", -2, &r4),
        ("update solution_options set updated_at = $1 where option_id = $2", -2, &option_id),
    ];
    for (sql, n, id) in steps {
        redate(pool, sql, day(n), id).await?;
    }
    for (request, n, hours) in [(&r1, -19, 2), (&r2, -12, 24), (&r3, -6, 24), (&r4, -2, 2)] {
        let at = day(n) + hours * 3_600_000;
        sqlx::query("update change_request_departments set decided_at = $1 where request_id = $2 and decided_at is not null")
            .bind(at)
            .bind(request)
            .execute(pool)
            .await?;
        sqlx::query("update baselines set created_at = $1 where request_id = $2").bind(at).bind(request).execute(pool).await?;
    }
    for (revision, n) in [(1, -20), (2, -12), (3, -6), (4, -2)] {
        sqlx::query("update solution_revisions set created_at = $1 where option_id = $2 and revision = $3")
            .bind(day(n))
            .bind(&option_id)
            .bind(revision)
            .execute(pool)
            .await?;
    }
    sqlx::query("update solution_revisions set created_at = $1 where option_id = $2")
        .bind(day(-6))
        .bind(&option_c.id)
        .execute(pool)
        .await?;
    sqlx::query("update solution_options set chosen_at = $1 where option_id = $2").bind(day(-19)).bind(&option_id).execute(pool).await?;
    Ok(())
}
