//! The demo organisation: the seed case's departments, people and project, replayed with dates
//! placed around the day it is loaded (the story's past in recent weeks, the launch ahead).

use crate::db::{self, projects::ProjectRow, projects::StakeholderRow};
use crate::domain::dates::Date;
use crate::error::AppError;
use crate::organisation::dto::{DepartmentInput, NewPerson};
use crate::organisation::service::{insert_department, insert_person_with_hash};

pub use crate::accounts::DEMO_PASSWORD;

/// (code, 中文, English)
const DEPARTMENTS: [(&str, &str, &str); 3] =
    [("A", "订单付款", "Order payment"), ("B", "订单审批", "Order approval"), ("C", "订单信息", "Order info")];

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
    ("admin", "系统管理员", "C", "engineer", true),
];

/// Noon UTC of a date, in milliseconds: a stable "when" for story events.
fn at_noon(date: Date) -> i64 {
    date.days() as i64 * 86_400_000 + 12 * 3_600_000
}

/// Loads the demo organisation into an empty database, in one transaction.
/// Returns `Ok(false)` (and changes nothing) when the database already has departments.
pub async fn seed(pool: &db::Db, today: Date) -> Result<bool, AppError> {
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
        visibility: "internal".into(),
        created_by: user("xiaozhang"),
        created_at: at_noon(kickoff),
        updated_at: at_noon(c_found),
        version: 1,
    };
    db::projects::insert(&mut tx, &project).await?;
    let stakeholders =
        [("A", "lead", kickoff, "xiaozhang"), ("B", "collaborator", kickoff, "xiaozhang"), ("C", "collaborator", c_found, "xiaolan")];
    for (code, role, when, who) in stakeholders {
        let row = StakeholderRow {
            project_id: project.project_id.clone(),
            department_id: id_of(code),
            stakeholder_role: role.into(),
            identified_at: at_noon(when),
            identified_by: user(who),
        };
        db::projects::insert_stakeholder(&mut tx, &row).await?;
    }
    // The order flow: C (order info) → B (order approval) → A (order payment).
    db::projects::insert_link(&mut tx, &project.project_id, &id_of("B"), &id_of("A"), at_noon(kickoff), &user("xiaozhang")).await?;
    db::projects::insert_link(&mut tx, &project.project_id, &id_of("C"), &id_of("B"), at_noon(c_found), &user("xiaolan")).await?;
    tx.commit().await?;
    Ok(true)
}
