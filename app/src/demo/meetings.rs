//! The seed case's four meetings, run through the same services people use (so the closes,
//! decisions and the amendment are in the audit log), with dates around `today`:
//!
//! 1. kick-off (−20 days), 小张 and 小蓝: the requirement and the launch agreed, option 1 chosen;
//! 2. schedule review (−12), both PMs with their developers and A's architect: B adds the
//!    approval-passed message, the launch slips; A's listener is the one overdue action item;
//! 3. technical discussion (−6), with 小明 (C) found late: B merges the approvals behind one API,
//!    A does not query C; amended afterwards with what meeting 4 found;
//! 4. escalation (−2), with A's and C's leaders and B's tech manager: B fixes its legacy logic,
//!    nothing from C, no further slip;
//!
//! and the joint-debugging kick-off planned three days ahead. Timestamps the services stamp with
//! "now" (created, started, closed, recorded) are moved to the meeting's day afterwards; the audit
//! log keeps the real time of seeding (its entries are hashed and never rewritten).

use crate::auth::CurrentUser;
use crate::db::{self, DbKind};
use crate::domain::dates::Date;
use crate::domain::meetings::SubjectKind;
use crate::domain::meetings::Zone;
use crate::error::AppError;
use crate::meetings::dto::*;
use crate::meetings::service as meetings;
use crate::state::AppState;

use super::solutions::{person, service_state};

/// The story's ids: the options and change requests the solutions story made.
struct Subjects {
    requirement: String,
    option: String,
    option_c: String,
    /// r1..r4, oldest first.
    requests: Vec<String>,
}

async fn subjects(pool: &db::Db, requirement_id: &str) -> Result<Subjects, AppError> {
    let mut conn = pool.acquire().await?;
    let options: Vec<(String, String)> =
        sqlx::query_as("select option_id, status from solution_options where requirement_id = $1 order by created_at")
            .bind(requirement_id)
            .fetch_all(&mut *conn)
            .await?;
    let pick = |status: &str| options.iter().find(|(_, s)| s == status).map(|(id, _)| id.clone()).ok_or(AppError::Internal);
    let requests: Vec<String> = sqlx::query_scalar(
        "select request_id from change_requests where option_id in (select option_id from solution_options where requirement_id = $1)
         order by created_at",
    )
    .bind(requirement_id)
    .fetch_all(&mut *conn)
    .await?;
    if requests.len() < 4 {
        return Err(AppError::Internal);
    }
    Ok(Subjects { requirement: requirement_id.into(), option: pick("chosen")?, option_c: pick("not_chosen")?, requests })
}

fn link(kind: SubjectKind, id: &str) -> SubjectRef {
    SubjectRef { kind, id: id.into() }
}

/// A meeting to schedule: (title, kind, day, start, end, place, invitees, agenda).
struct Plan<'a> {
    title: &'a str,
    kind: &'a str,
    day: i32,
    from: &'a str,
    to: &'a str,
    place: &'a str,
    invitees: &'a [&'a CurrentUser],
    agenda: Vec<AgendaItemInput>,
}

async fn schedule(state: &AppState, pm: &CurrentUser, project_id: &str, today: Date, p: Plan<'_>) -> Result<MeetingDetail, AppError> {
    let day = today.add_days(p.day);
    let input = MeetingInput {
        title: p.title.into(),
        kind: p.kind.into(),
        time_zone: "Asia/Shanghai".into(),
        start: format!("{day}T{}", p.from),
        end: format!("{day}T{}", p.to),
        place: p.place.into(),
        invitee_ids: p.invitees.iter().map(|u| u.id.clone()).collect(),
        agenda: p.agenda,
    };
    meetings::create_meeting(state, pm, project_id, input).await
}

fn item(title: &str, link: Option<SubjectRef>) -> AgendaItemInput {
    AgendaItemInput { title: title.into(), link, version: None }
}

fn decision(text: &str, makers: &[&CurrentUser], links: Vec<SubjectRef>) -> MeetingDecisionInput {
    MeetingDecisionInput { text: text.into(), maker_ids: makers.iter().map(|u| u.id.clone()).collect(), links, corrects_id: None }
}

fn action(title: &str, owner: &CurrentUser, due: Date) -> ActionItemInput {
    ActionItemInput { title: title.into(), owner_id: owner.id.clone(), due_on: due.to_string(), version: None }
}

/// Starts the meeting, records who came, the minutes of each agenda item (in order), the
/// decisions and the action items, and closes it. Answers the meeting and its action items' ids.
async fn hold(
    state: &AppState,
    pm: &CurrentUser,
    meeting: &MeetingDetail,
    came: &[&CurrentUser],
    minutes: &[&str],
    decisions: Vec<MeetingDecisionInput>,
    actions: Vec<ActionItemInput>,
) -> Result<MeetingDetail, AppError> {
    let id = &meeting.meeting.id;
    meetings::set_status(state, pm, id, MeetingStatusInput { status: "in_progress".into() }).await?;
    let user_ids = came.iter().map(|u| u.id.clone()).collect();
    meetings::set_attendance(state, pm, id, AttendanceInput { user_ids, version: Some(meeting.attendance_version) }).await?;
    for (agenda, text) in meeting.agenda.iter().zip(minutes) {
        meetings::set_minutes(state, pm, &agenda.id, MinutesInput { minutes: (*text).into(), version: Some(agenda.version) }).await?;
    }
    for d in decisions {
        meetings::add_decision(state, pm, id, d).await?;
    }
    for a in actions {
        meetings::add_action_item(state, pm, id, a).await?;
    }
    meetings::set_status(state, pm, id, MeetingStatusInput { status: "closed".into() }).await
}

/// Moves a meeting's own timestamps to its day: created a day before, started at its start,
/// closed at its end; its records at its end.
async fn redate(pool: &db::Db, m: &MeetingSummary, created_days_before: i64) -> Result<(), AppError> {
    let (start, end) = (m.starts_at, m.ends_at);
    let created = start - created_days_before * 86_400_000;
    let closed = if m.status == crate::domain::meetings::MeetingStatus::Closed { Some(end) } else { None };
    sqlx::query("update meetings set created_at = $1, updated_at = $2, started_at = $3, closed_at = $4 where meeting_id = $5")
        .bind(created)
        .bind(closed.unwrap_or(created))
        .bind(closed.map(|_| start))
        .bind(closed)
        .bind(&m.id)
        .execute(pool)
        .await?;
    for sql in [
        "update meeting_agenda_items set created_at = $1, minutes_updated_at = case when minutes_updated_at is null then null else $2 end where meeting_id = $3",
        "update meeting_attendance set recorded_at = $2 where meeting_id = $3 and $1 = $1",
        "update meeting_decisions set recorded_at = $2 where meeting_id = $3 and amendment_id is null and $1 = $1",
        "update action_items set created_at = $2, updated_at = $2 where meeting_id = $3 and $1 = $1",
    ] {
        sqlx::query(sql).bind(created).bind(end).bind(&m.id).execute(pool).await?;
    }
    Ok(())
}

/// Runs the story (see the module docs) in the demo project of `requirement_id` (PAY-1).
pub async fn seed(pool: &db::Db, kind: DbKind, today: Date, requirement_id: &str) -> Result<(), AppError> {
    let state = service_state(pool, kind);
    let s = subjects(pool, requirement_id).await?;
    let project_id: String =
        sqlx::query_scalar("select project_id from requirements where requirement_id = $1").bind(requirement_id).fetch_one(pool).await?;
    let mut people = Vec::new();
    for name in ["xiaozhang", "xiaolan", "xiaoming", "laowang", "xiaoli", "xiaozhou", "liujingli", "zhaozong", "qianzong"] {
        people.push(person(pool, name).await?);
    }
    let [xiaozhang, xiaolan, xiaoming, laowang, xiaoli, xiaozhou, liujingli, zhaozong, qianzong] = &people[..] else {
        return Err(AppError::Internal);
    };
    let (r1, r2, r3, r4) = (&s.requests[0], &s.requests[1], &s.requests[2], &s.requests[3]);
    use SubjectKind::{ChangeRequest as Cr, Option as Opt, Requirement as Req};

    // Meeting 1: kick-off.
    let plan = Plan {
        title: "第一次会议：需求与排期对齐 Meeting 1: requirement and schedule",
        kind: "kick_off",
        day: -20,
        from: "10:00",
        to: "11:00",
        place: "A 部门 3 号会议室 A's room 3",
        invitees: &[xiaolan],
        agenda: vec![
            item("需求内容：付款前须审批 The requirement", Some(link(Req, &s.requirement))),
            item("方案与上线排期 Solution and launch", Some(link(Opt, &s.option))),
        ],
    };
    let m1 = schedule(&state, xiaozhang, &project_id, today, plan).await?;
    let m1 = hold(
        &state,
        xiaozhang,
        &m1,
        &[xiaozhang, xiaolan],
        &[
            "客户的付款账单须经管理层审批后才能扣款。\n\nBills are charged only after the customer's managers approve them.",
            "A 扣款前调用 B 新增的**审批状态查询接口**。\n\nA calls B's new **approval-status API** before charging.",
        ],
        vec![decision(
            "采用“A 查询 B 的审批状态接口”方案，按对齐的排期上线 Adopt \"A queries B's approval-status API\" and the agreed launch",
            &[xiaozhang, xiaolan],
            vec![link(Req, &s.requirement), link(Opt, &s.option), link(Cr, r1)],
        )],
        vec![action("B 提供审批状态查询接口 B delivers the approval-status API", xiaolan, today.add_days(-14))],
    )
    .await?;

    // Meeting 2: the technical change and the slip.
    let plan = Plan {
        title: "第二次会议：技术方案变更与排期 Meeting 2: solution change and schedule",
        kind: "schedule_review",
        day: -12,
        from: "14:00",
        to: "15:00",
        place: "线上会议 https://meet.example.com/pay-2",
        invitees: &[xiaolan, xiaozhou, xiaoli, laowang],
        agenda: vec![
            item("首次查询后才审批通过的订单 Orders approved after the first query", Some(link(Req, &s.requirement))),
            item("上线排期是否顺延 Does the launch move?", Some(link(Cr, r2))),
        ],
    };
    let m2 = schedule(&state, xiaozhang, &project_id, today, plan).await?;
    let m2 = hold(
        &state,
        xiaozhang,
        &m2,
        &[xiaozhang, xiaolan, xiaozhou, xiaoli, laowang],
        &[
            "B 需新增审批通过消息，A 监听后补扣款。\n\nB adds an approval-passed message; A listens and charges.",
            "老王：按原排期排不上，需顺延。\n\nLaowang: the old date cannot hold; the launch slips.",
        ],
        vec![decision(
            "B 增加审批通过消息、A 监听；接受上线顺延 B adds the approval-passed message, A listens; the slip is accepted",
            &[xiaozhang, xiaolan, laowang],
            vec![link(Req, &s.requirement), link(Opt, &s.option), link(Cr, r2)],
        )],
        vec![
            action("开发审批通过消息 Build the approval-passed message", xiaozhou, today.add_days(5)),
            action("监听审批消息并补扣款 Listen for approvals and charge", xiaoli, today.add_days(-3)),
        ],
    )
    .await?;

    // Meeting 3: C found late.
    let plan = Plan {
        title: "第三次会议：新增相关方 C，技术方案探讨 Meeting 3: C joins, solution options",
        kind: "technical_discussion",
        day: -6,
        from: "10:00",
        to: "11:30",
        place: "B 部门会议室 B's meeting room",
        invitees: &[xiaolan, xiaozhou, xiaoming],
        agenda: vec![
            item("方案一：A 同时查询 B 和 C Option 1: A queries B and C", Some(link(Cr, r3))),
            item("方案二：C 新建统一审批接口 Option 2: C builds one approval API", Some(link(Opt, &s.option_c))),
        ],
    };
    let m3 = schedule(&state, xiaolan, &project_id, today, plan).await?;
    let m3 = hold(
        &state,
        xiaolan,
        &m3,
        &[xiaolan, xiaozhou, xiaozhang, xiaoming],
        &[
            "A 不同意维护两个审批来源。\n\nA will not keep two approval sources.",
            "C 三周内没有排期；如按原计划需上升到领导层协调。\n\nC has no slot for three weeks; escalate to the leaders to keep the date.",
        ],
        vec![decision(
            "由 B 整合手动与自动审批结果为一个接口，A 不直接查询 C B merges manual and automatic approvals behind one API; A does not query C",
            &[xiaozhang, xiaolan, xiaoming],
            vec![link(Opt, &s.option), link(Opt, &s.option_c), link(Cr, r3)],
        )],
        vec![action("协调 C 的排期，必要时上升领导层 Coordinate C's slot, escalate if needed", xiaolan, today.add_days(-4))],
    )
    .await?;

    // Meeting 4: the escalation.
    let plan = Plan {
        title: "第四次会议：最终技术方案 Meeting 4: the final solution",
        kind: "escalation",
        day: -2,
        from: "15:00",
        to: "16:00",
        place: "大会议室 Main meeting room",
        invitees: &[zhaozong, xiaolan, xiaozhou, liujingli, xiaoming, qianzong],
        agenda: vec![
            item("C 是否需要开发新接口 Does C build a new API?", Some(link(Opt, &s.option_c))),
            item("B 的遗留审批逻辑 B's legacy approval logic", Some(link(Cr, r4))),
        ],
    };
    let m4 = schedule(&state, xiaozhang, &project_id, today, plan).await?;
    let m4 = hold(
        &state,
        xiaozhang,
        &m4,
        &[xiaozhang, zhaozong, xiaoming, qianzong, xiaolan, xiaozhou, liujingli],
        &[
            "小明：B 需要的数据都已提供，无需新接口。\n\nXiaoming: C already provides all the data B needs; no new API.",
            "刘经理：“自动审批以 C 为准”的代码有误，应以 B 为准。\n\nLiu: the code taking C's result for automatic approvals is wrong; B's result is final.",
        ],
        vec![
            decision(
                "B 修复遗留审批逻辑，以 B 的结果为准 B fixes its legacy approval logic; B's result is final",
                &[liujingli, xiaolan],
                vec![link(Opt, &s.option), link(Cr, r4)],
            ),
            decision(
                "在修复后的代码上开发接口和消息，不需要 C 改动，上线不再延期 API and message on the fixed code; nothing from C; no further slip",
                &[zhaozong, qianzong, xiaozhang, xiaolan],
                vec![link(Req, &s.requirement), link(Opt, &s.option), link(Opt, &s.option_c), link(Cr, r4)],
            ),
        ],
        vec![
            action("修复遗留审批逻辑 Fix the legacy approval logic", xiaozhou, today.add_days(3)),
            action("评审修复代码 Review the fix", liujingli, today.add_days(4)),
        ],
    )
    .await?;

    // Meeting 3's record, corrected by what meeting 4 found.
    let amendment = AmendmentInput {
        text: "补充：第四次会议确认 C 已提供所需数据，“C 新建接口”不再需要。\n\
               Addendum: meeting 4 found that C already provides the data; C builds no new API."
            .into(),
        decisions: vec![],
    };
    meetings::amend(&state, xiaolan, &m3.meeting.id, amendment).await?;

    // The follow-up: done and open items (A's listener stays open and overdue).
    for m in [&m1, &m3] {
        let first = m.action_items.first().ok_or(AppError::Internal)?;
        let done = ActionStatusInput { status: "done".into(), version: Some(first.version) };
        meetings::set_action_status(&state, xiaolan, &first.id, done).await?;
    }

    // Next: the joint-debugging kick-off, planned.
    let plan = Plan {
        title: "联调启动会 Joint-debugging kick-off",
        kind: "other",
        day: 3,
        from: "10:00",
        to: "10:30",
        place: "线上会议 https://meet.example.com/pay-joint",
        invitees: &[xiaolan, xiaozhou, xiaoli, laowang],
        agenda: vec![item("联调环境与用例 Environment and cases", Some(link(Opt, &s.option)))],
    };
    let m5 = schedule(&state, xiaozhang, &project_id, today, plan).await?;

    for (m, before) in [(&m1, 3), (&m2, 1), (&m3, 1), (&m4, 1), (&m5, 2)] {
        let meeting = crate::meetings::views::meeting_summary(
            &db::meetings::find_meeting(&mut *pool.acquire().await?, &m.meeting.id).await?.ok_or(AppError::Internal)?,
        );
        redate(pool, &meeting, before).await?;
    }
    // The amendment two days ago, after meeting 4; the items' status changes on their due days.
    let amended_at = today.add_days(-2).days() as i64 * 86_400_000 + 10 * 3_600_000;
    sqlx::query("update meeting_amendments set created_at = $1 where meeting_id = $2")
        .bind(amended_at)
        .bind(&m3.meeting.id)
        .execute(pool)
        .await?;
    let zone = Zone::of("Asia/Shanghai");
    for (m, day) in [(&m1, -14), (&m3, -4)] {
        let at = zone.local_to_utc(&format!("{}T18:00", today.add_days(day)), "at")?;
        sqlx::query("update action_items set status_changed_at = $1, updated_at = $1 where meeting_id = $2 and status = 'done'")
            .bind(at)
            .bind(&m.meeting.id)
            .execute(pool)
            .await?;
    }
    Ok(())
}
