//! The demo organisation: the seed case's departments, people and project, replayed with dates
//! placed around the day it is loaded (the story's past in recent weeks, the launch ahead).

mod meetings;
mod signoffs;
mod solutions;

use crate::db::{self, projects::ProjectRow, projects::StakeholderRow, DbKind};
use crate::domain::dates::Date;
use crate::domain::requirement_content::{ChangePoint, Priority, RequirementContent, Scenario};
use crate::domain::requirements::RequirementStatus as Status;
use crate::error::AppError;
use crate::organisation::dto::{DepartmentInput, NewPerson};
use crate::organisation::service::{insert_department, insert_person_with_hash};

pub use crate::accounts::DEMO_PASSWORD;

/// (code, 中文, English). IT runs Concord itself and is no stakeholder of the project: the
/// administrator belongs there, not to one of the departments the story is about.
const DEPARTMENTS: [(&str, &str, &str); 4] = [
    ("A", "订单付款", "Order payment"),
    ("B", "订单审批", "Order approval"),
    ("C", "订单信息", "Order info"),
    ("IT", "信息技术", "Information technology"),
];

/// (username, display name, department code, role, admin)
const PEOPLE: [(&str, &str, &str, &str, bool); 13] = [
    ("xiaozhang", "小张", "A", "pm", false),
    ("laowang", "老王", "A", "architect", false),
    ("xiaoli", "小李", "A", "engineer", false),
    ("zhaozong", "赵总", "A", "leader", false),
    ("xiaolan", "小蓝", "B", "pm", false),
    ("chengong", "陈工", "B", "architect", false),
    ("xiaozhou", "小周", "B", "engineer", false),
    ("liujingli", "刘经理", "B", "tech-manager", false),
    ("sunzong", "孙总", "B", "leader", false),
    ("xiaoming", "小明", "C", "pm", false),
    ("xiaowu", "小吴", "C", "engineer", false),
    ("qianzong", "钱总", "C", "leader", false),
    ("admin", "系统管理员", "IT", "engineer", true),
];

/// Noon UTC of a date, in milliseconds: a stable "when" for story events.
fn at_noon(date: Date) -> i64 {
    date.days() as i64 * 86_400_000 + 12 * 3_600_000
}

/// Loads the demo organisation into an empty database: the organisation, project and requirement in
/// one transaction, then the solutions story through the services (see [`solutions`]).
/// Returns `Ok(false)` (and changes nothing) when the database already has departments.
pub async fn seed(pool: &db::Db, kind: DbKind, today: Date) -> Result<bool, AppError> {
    let mut tx = pool.begin().await?;
    if !db::departments::list(&mut tx).await?.is_empty() {
        return Ok(false);
    }
    let mut department_ids = Vec::new();
    for (code, zh, en) in DEPARTMENTS {
        let row = insert_department(&mut tx, &DepartmentInput { code: code.into(), name_zh: zh.into(), name_en: en.into() }).await?;
        department_ids.push((code, row.department_id));
    }
    let id_of = |code: &str| department_ids.iter().find(|(c, _)| *c == code).map(|(_, id)| id.clone()).unwrap_or_default();
    let password_hash = crate::auth::hash_password(DEMO_PASSWORD)?;
    let mut user_ids = Vec::new();
    for (username, name, code, role, admin) in PEOPLE {
        let person = NewPerson {
            username: username.into(),
            display_name: name.into(),
            department_id: id_of(code),
            role: role.into(),
            is_admin: admin,
            password: DEMO_PASSWORD.into(),
        };
        user_ids.push((username, insert_person_with_hash(&mut tx, &person, &password_hash).await?.user_id));
    }
    let user = |name: &str| user_ids.iter().find(|(u, _)| *u == name).map(|(_, id)| id.clone()).unwrap_or_default();

    // Meeting 1 (kick-off, A and B) three weeks ago; meeting 3, where B found C's data, six days ago.
    let kickoff = today.add_days(-21);
    let c_found = today.add_days(-6);
    let project = ProjectRow {
        project_id: db::new_id(),
        code: "PAY".into(),
        name: "付款前须审批 Payment requires approval".into(),
        goal: "客户的付款账单须经其管理层审批后才能扣款：A 扣款前查询 B 的审批状态，B 在订单审批通过后推送消息。\n\
               Orders are charged only after the customer's managers approve them: A checks B's approval status \
               before charging, and B announces approvals that come later."
            .into(),
        lead_department_id: id_of("A"),
        kickoff_on: kickoff.to_string(),
        target_launch_on: today.add_days(30).to_string(),
        visibility: crate::domain::projects::Visibility::Internal,
        created_by: user("xiaozhang"),
        created_at: at_noon(kickoff),
        updated_at: at_noon(c_found),
        version: 1,
    };
    db::projects::insert(&mut tx, &project).await?;
    use crate::domain::projects::StakeholderRole::{Collaborator, Lead};
    let stakeholders =
        [("A", Lead, kickoff, "xiaozhang"), ("B", Collaborator, kickoff, "xiaozhang"), ("C", Collaborator, c_found, "xiaolan")];
    for (code, role, when, who) in stakeholders {
        let row = StakeholderRow {
            project_id: project.project_id.clone(),
            department_id: id_of(code),
            stakeholder_role: role,
            identified_at: at_noon(when),
            identified_by: user(who),
        };
        db::projects::insert_stakeholder(&mut tx, &row).await?;
    }
    // The order flow: C (order info) → B (order approval) → A (order payment).
    db::projects::insert_link(&mut tx, &project.project_id, &id_of("B"), &id_of("A"), at_noon(kickoff), &user("xiaozhang")).await?;
    db::projects::insert_link(&mut tx, &project.project_id, &id_of("C"), &id_of("B"), at_noon(c_found), &user("xiaolan")).await?;
    let ids = DemoIds { project_id: project.project_id.clone(), a: id_of("A"), b: id_of("B"), xiaozhang: user("xiaozhang") };
    let requirement_id = seed_requirement(&mut tx, &ids, today).await?;
    seed_schedule_settings(&mut tx, &id_of, &user, today).await?;
    tx.commit().await?;
    solutions::seed(pool, kind, today, &requirement_id).await?;
    meetings::seed(pool, kind, today, &requirement_id).await?;
    Ok(true)
}

/// The teams' limits: A runs two items at once, B's tech manager keeps B to one, and C — found
/// late, with its own backlog — can start this project's work only three weeks from now. The
/// organisation works on the shipped mainland-China calendar as it is: plans that run past its
/// last published year count weekends only there and say so, until an admin enters the new year.
async fn seed_schedule_settings(
    tx: &mut db::Conn,
    id_of: &dyn Fn(&str) -> String,
    user: &dyn Fn(&str) -> String,
    today: Date,
) -> Result<(), AppError> {
    use crate::db::schedule_settings as repo;
    let teams = [
        ("A", 2, None, "zhaozong", today.add_days(-21)),
        ("B", 1, None, "liujingli", today.add_days(-20)),
        ("C", 1, Some(today.add_days(21)), "qianzong", today.add_days(-5)),
    ];
    for (code, capacity, available_from, who, when) in teams {
        let row = repo::DepartmentSchedule {
            department_id: id_of(code),
            capacity,
            available_from: available_from.map(|d: Date| d.to_string()),
            calendar: None,
            version: 1,
            updated_at: at_noon(when),
            updated_by: user(who),
        };
        repo::insert_department(tx, &row).await?;
    }
    Ok(())
}

struct DemoIds {
    project_id: String,
    a: String,
    b: String,
    xiaozhang: String,
}

fn scenario(id: &str, name: &str, given: &str, when: &str, then: &str) -> Scenario {
    Scenario { id: id.into(), name: name.into(), given: given.into(), when: when.into(), then: then.into(), notes: String::new() }
}

fn change_point(id: &str, department_id: &str, text: &str) -> ChangePoint {
    ChangePoint { id: id.into(), department_id: department_id.into(), text: text.into() }
}

/// PAY-1 as the story wrote it: agreed and in development with two scenarios, then revision 2
/// (a late change, at meeting 2) adds "approved after the first query" and B's approval message.
async fn seed_requirement(tx: &mut db::Conn, ids: &DemoIds, today: Date) -> Result<String, AppError> {
    use crate::db::requirements as repo;
    let mut content = RequirementContent {
        title: "付款前须审批 Payment requires approval".into(),
        background: "## 客户视角 Customer view\n\n客户公司的付款账单须经管理层审批通过才能付款，但系统没有严格管控，部分订单在未审批同意时已扣款。\n\
                     The customer's bills must be approved by its managers before payment, but some orders were charged before approval.\n\n\
                     ## PM 视角 PM view\n\n小张（A）在未经小蓝（B）同意的情况下扣款。\nA charges without B's approval."
            .into(),
        goal: "A 扣款前必须确认 B 的审批已通过。\nA charges an order only after B has approved it.".into(),
        priority: Priority::High,
        owner_id: ids.xiaozhang.clone(),
        scenarios: vec![
            scenario("S1", "首次查询前已审批 Approved before the first query", "订单已审批通过 the order is approved",
                     "A 查询审批状态 A queries the approval status", "A 扣款 A charges the order"),
            scenario("S2", "系统自动审批 Auto-approved by the system", "订单符合自动审批规则 the order meets the auto-approval rules",
                     "A 查询审批状态 A queries the approval status", "查询结果为已审批，A 扣款 approved; A charges the order"),
        ],
        change_points: vec![
            change_point("C1", &ids.b, "新增订单审批状态查询接口 New approval-status query API"),
            change_point("C2", &ids.a, "扣款前调用审批状态接口 Call the approval-status API before charging"),
        ],
    };
    let requirement_id = db::new_id();
    let number = repo::next_number(tx, &ids.project_id).await?;
    let created = at_noon(today.add_days(-21));
    let history = [
        (today.add_days(-20), Status::Draft, Status::InReview, "需求评审 Requirement review"),
        (today.add_days(-19), Status::InReview, Status::Agreed, "第一次会议对齐 Agreed at meeting 1"),
        (today.add_days(-18), Status::Agreed, Status::InDevelopment, "B 开始研发 B starts development"),
    ];
    let revised = at_noon(today.add_days(-12));
    let first = serde_json::to_string(&content).map_err(|_| AppError::Internal)?;
    content.scenarios.push(scenario(
        "S3",
        "首次查询后才审批通过 Approved after the first query",
        "A 首次查询时订单未审批 the order was not approved at A's first query",
        "B 之后审批通过 B approves it later",
        "B 推送审批通过消息，A 监听后补扣款 B sends an approval message; A listens and charges",
    ));
    content.change_points.push(change_point("C3", &ids.b, "新增审批通过消息 New approval-passed message"));
    content.change_points.push(change_point("C4", &ids.a, "监听审批通过消息并扣款 Listen to the approval message and charge"));
    let second = serde_json::to_string(&content).map_err(|_| AppError::Internal)?;
    let row = repo::RequirementRow {
        requirement_id: requirement_id.clone(),
        project_id: ids.project_id.clone(),
        number,
        req_key: crate::domain::requirements::requirement_key("PAY", number),
        title: content.title.clone(),
        status: Status::InDevelopment,
        priority: content.priority,
        owner_id: ids.xiaozhang.clone(),
        current_revision: 2,
        search_text: content.search_text(),
        late_changes: 1,
        created_by: ids.xiaozhang.clone(),
        created_at: created,
        updated_at: revised,
    };
    repo::insert(tx, &row).await?;
    repo::set_departments(tx, &requirement_id, &content.change_point_departments()).await?;
    let revision = |revision, content_json, summary, status, is_late, created_at| repo::NewRevision {
        requirement_id: &requirement_id,
        revision,
        content_json,
        summary,
        status,
        is_late,
        author_id: &ids.xiaozhang,
        created_at,
    };
    repo::insert_revision(tx, &revision(1, &first, "初稿 First draft", Status::Draft, false, created)).await?;
    for (day, from, to, reason) in history {
        let transition = repo::NewTransition {
            requirement_id: &requirement_id,
            from,
            to,
            revision: 1,
            reason,
            actor_id: &ids.xiaozhang,
            at: at_noon(day),
        };
        repo::insert_transition(tx, &transition).await?;
    }
    let summary = "第二次会议：补充首次查询后才审批通过的场景 Meeting 2: add the approved-after-first-query scenario";
    repo::insert_revision(tx, &revision(2, &second, summary, Status::InDevelopment, true, revised)).await?;
    Ok(requirement_id)
}
