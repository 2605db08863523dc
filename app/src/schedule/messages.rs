//! The schedule's words in zh-CN and en: waits, the impact explanation, the Gantt's labels and the
//! plan sandbox page. Used by the browser, the server and the `concord plan` CLI alike.

use crate::domain::schedule::error::PlanError;
use crate::domain::schedule::years::YearProblem;
use crate::i18n::Locale;

pub struct ScheduleMessages {
    pub sandbox_title: &'static str,
    pub sandbox_intro: &'static str,
    pub plan_file: &'static str,
    pub second_plan_file: &'static str,
    pub second_plan_hint: &'static str,
    pub load_file: &'static str,
    pub load_example: &'static str,
    pub clear: &'static str,
    pub computed_in: fn(f64) -> String,
    pub gantt: &'static str,
    pub gantt_desc: fn(usize, &str, &str) -> String,
    pub critical_chain: &'static str,
    /// Heading of the weekly load: item-days scheduled / capacity-days, per team and week.
    pub load: &'static str,
    pub impact: &'static str,
    pub item: &'static str,
    pub department: &'static str,
    pub start: &'static str,
    pub finish: &'static str,
    pub effort: &'static str,
    pub slack: &'static str,
    pub critical: &'static str,
    pub yes: &'static str,
    pub launch: &'static str,
    pub milestone: &'static str,
    pub milestones: &'static str,
    pub date: &'static str,
    pub today: &'static str,
    pub holiday: &'static str,
    pub make_up_day: &'static str,
    pub baseline: &'static str,
    pub candidate: &'static str,
    pub working_days: fn(i64) -> String,
    pub days_short: fn(u32) -> String,
    pub items_added: &'static str,
    pub items_removed: &'static str,
    pub items_changed: &'static str,
    pub effort_by_department: &'static str,
    pub newly_involved: &'static str,
    pub dates_moved: &'static str,
    pub none: &'static str,
    pub moved: &'static str,
    pub why: &'static str,
    // Waits
    pub wait_plan_start: &'static str,
    pub wait_not_before: fn(&str) -> String,
    pub wait_availability: fn(&str, &str) -> String,
    pub wait_dependency: fn(&str, u32) -> String,
    pub wait_capacity: fn(&str, &str, u32) -> String,
    // The explanation
    pub launch_later: fn(i32, &str, &str) -> String,
    pub launch_earlier: fn(i32, &str, &str) -> String,
    pub launch_unchanged: fn(&str) -> String,
    pub step_new: fn(&str, &str, u32) -> String,
    pub step_effort: fn(&str, &str, u32, u32) -> String,
    pub step_department: fn(&str, &str, &str, u32) -> String,
    pub step_predecessors: fn(&str, &str, u32) -> String,
    pub step_same: fn(&str, &str, u32) -> String,
    pub no_chain_change: &'static str,
    pub teams_changed: fn(&str) -> String,
    pub calendar_changed: &'static str,
    /// The warning of a schedule that runs past the holidays its calendars know.
    pub holidays_unknown: fn(&str) -> String,
    /// The Gantt legend's name for the stretch past the known holidays.
    pub unknown_stretch: &'static str,
    pub list_separator: &'static str,
    pub clause_separator: &'static str,
    /// Between an explanation step's subject and its wait (a space in English, nothing in Chinese).
    pub subject_wait_separator: &'static str,
    pub error: fn(&PlanError) -> String,
}

impl ScheduleMessages {
    pub fn for_locale(locale: Locale) -> &'static ScheduleMessages {
        match locale {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }
}

pub static EN: ScheduleMessages = ScheduleMessages {
    sandbox_title: "Plan sandbox",
    sandbox_intro: "Paste or load a plan file to see its schedule, Gantt and critical chain. Add a second plan to see the impact of changing the first into the second. Everything is computed in your browser; nothing is saved.",
    plan_file: "Plan (JSON)",
    second_plan_file: "Candidate plan (optional)",
    second_plan_hint: "Leave empty to see one plan; fill it to compare.",
    load_file: "Load a file",
    load_example: "Load the seed example",
    clear: "Clear",
    computed_in: |ms| format!("computed in {ms:.1} ms"),
    gantt: "Gantt chart",
    gantt_desc: |n, start, launch| format!("{n} work items from {start}; launch {launch}. Bars on the critical chain are outlined and marked ★."),
    critical_chain: "Critical chain",
    load: "Load per team and week (item-days / capacity-days, weeks from Monday)",
    impact: "Impact",
    item: "Item",
    department: "Department",
    start: "Start",
    finish: "Finish",
    effort: "Effort",
    slack: "Slack",
    critical: "Critical",
    yes: "yes",
    launch: "Launch",
    milestone: "Milestone",
    milestones: "Milestones",
    date: "Date",
    today: "today",
    holiday: "holiday",
    make_up_day: "make-up working day",
    baseline: "Baseline",
    candidate: "Candidate",
    working_days: |n| if n.abs() == 1 { format!("{n:+} working day") } else { format!("{n:+} working days") },
    days_short: |n| format!("{n} d"),
    items_added: "Items added",
    items_removed: "Items removed",
    items_changed: "Items changed",
    effort_by_department: "Effort by department (working days)",
    newly_involved: "Departments newly involved",
    dates_moved: "Departments whose dates move",
    none: "none",
    moved: "Moved",
    why: "Why",
    wait_plan_start: "starts with the plan",
    wait_not_before: |date| format!("not before {date}"),
    wait_availability: |dept, date| format!("{dept} has no slot until {date}"),
    wait_dependency: |after, lag| {
        if lag == 0 {
            format!("waits for {after}")
        } else {
            format!("waits for {after} plus {lag} working days")
        }
    },
    wait_capacity: |held_by, dept, capacity| {
        if capacity == 1 {
            format!("runs after {held_by} because {dept} runs one item at a time")
        } else {
            format!("runs after {held_by} because {dept} runs {capacity} items at a time")
        }
    },
    launch_later: |n, from, to| format!("Launch +{n} working days ({from} → {to})"),
    launch_earlier: |n, from, to| format!("Launch −{n} working days ({from} → {to})"),
    launch_unchanged: |date| format!("Launch unchanged ({date})"),
    step_new: |dept, name, effort| format!("{dept}'s new {name} ({effort} d)"),
    step_effort: |dept, name, effort, from| format!("{dept}'s {name} (now {effort} d, was {from} d)"),
    step_department: |dept, name, from, effort| format!("{name}, moved from {from} to {dept} ({effort} d),"),
    step_predecessors: |dept, name, effort| format!("{dept}'s {name} ({effort} d), with changed predecessors,"),
    step_same: |dept, name, effort| format!("{dept}'s {name} ({effort} d)"),
    no_chain_change: "no work item on the critical chain changed",
    teams_changed: |teams| format!("teams' capacity, availability or calendar changed: {teams}"),
    calendar_changed: "the organisation calendar changed",
    holidays_unknown: |date| format!("Holidays after {date} are not entered; dates beyond it count weekends only."),
    unknown_stretch: "holidays not entered (weekends only)",
    list_separator: ", ",
    clause_separator: "; ",
    subject_wait_separator: " ",
    error: |e| e.to_string(),
};

pub static ZH: ScheduleMessages = ScheduleMessages {
    sandbox_title: "计划沙盘",
    sandbox_intro:
        "粘贴或载入计划文件，查看排期、甘特图和关键链。再给第二份计划，即可看到从第一份改为第二份的影响。全部在浏览器中计算，不会保存。",
    plan_file: "计划（JSON）",
    second_plan_file: "候选计划（可选）",
    second_plan_hint: "留空只看一份计划；填写后进行比较。",
    load_file: "载入文件",
    load_example: "载入案例示例",
    clear: "清空",
    computed_in: |ms| format!("计算用时 {ms:.1} 毫秒"),
    gantt: "甘特图",
    gantt_desc: |n, start, launch| format!("共 {n} 个工作项，{start} 开始，{launch} 上线。关键链上的条形加粗描边并标 ★。"),
    critical_chain: "关键链",
    load: "各团队每周负荷（已排工作项·天 / 可用产能·天，周一起算）",
    impact: "影响",
    item: "工作项",
    department: "部门",
    start: "开始",
    finish: "结束",
    effort: "工作量",
    slack: "浮动",
    critical: "关键",
    yes: "是",
    launch: "上线",
    milestone: "里程碑",
    milestones: "里程碑",
    date: "日期",
    today: "今天",
    holiday: "假日",
    make_up_day: "调休上班日",
    baseline: "基线",
    candidate: "候选",
    working_days: |n| format!("{n:+} 个工作日"),
    days_short: |n| format!("{n} 天"),
    items_added: "新增工作项",
    items_removed: "删除工作项",
    items_changed: "修改工作项",
    effort_by_department: "各部门工作量（工作日）",
    newly_involved: "新卷入的部门",
    dates_moved: "日期变动的部门",
    none: "无",
    moved: "变动",
    why: "原因",
    wait_plan_start: "随计划开始",
    wait_not_before: |date| format!("不早于 {date} 开始"),
    wait_availability: |dept, date| format!("{dept} 到 {date} 才有空档"),
    wait_dependency: |after, lag| {
        if lag == 0 {
            format!("等待{after}完成")
        } else {
            format!("等待{after}完成后再隔 {lag} 个工作日")
        }
    },
    wait_capacity: |held_by, dept, capacity| format!("排在{held_by}之后，因为 {dept} 同时只能做 {capacity} 项"),
    launch_later: |n, from, to| format!("上线推迟 {n} 个工作日（{from} → {to}）"),
    launch_earlier: |n, from, to| format!("上线提前 {n} 个工作日（{from} → {to}）"),
    launch_unchanged: |date| format!("上线日期不变（{date}）"),
    step_new: |dept, name, effort| format!("{dept} 新增的{name}（{effort} 天）"),
    step_effort: |dept, name, effort, from| format!("{dept} 的{name}（改为 {effort} 天，原 {from} 天）"),
    step_department: |dept, name, from, effort| format!("{name}（由 {from} 改为 {dept} 负责，{effort} 天）"),
    step_predecessors: |dept, name, effort| format!("{dept} 的{name}（{effort} 天，前置工作已变）"),
    step_same: |dept, name, effort| format!("{dept} 的{name}（{effort} 天）"),
    no_chain_change: "关键链上没有工作项发生变化",
    teams_changed: |teams| format!("团队的并行能力、可用日期或日历有变：{teams}"),
    calendar_changed: "组织日历有变",
    holidays_unknown: |date| format!("{date} 之后的节假日尚未录入；此后的日期只按周末计算。"),
    unknown_stretch: "节假日未录入（只按周末计算）",
    list_separator: "、",
    clause_separator: "；",
    subject_wait_separator: "",
    error: zh_error,
};

/// A refused calendar year in Chinese (English is the problem's `Display`).
pub fn zh_year_problem(p: &YearProblem) -> String {
    match p {
        YearProblem::YearOutOfRange => "年份须在 1900 到 2999 之间".to_string(),
        YearProblem::AlreadyEntered { year } => format!("{year} 年已录入；请编辑它，而不是再次添加"),
        YearProblem::NotEntered { year } => format!("{year} 年尚未录入"),
        YearProblem::Empty { year } => format!("{year} 年没有任何假期或调休上班日"),
        YearProblem::OutsideYear { date, year } => format!("{date} 不在 {year} 年内"),
        YearProblem::UnnamedBreak { first } => format!("从 {first} 开始的假期需要名称"),
        YearProblem::NameTooLong { name, max } => format!("假期“{name}”的名称超过 {max} 个字"),
        YearProblem::BreakReversed { name, first, last } => format!("假期“{name}”的结束日 {last} 早于开始日 {first}"),
        YearProblem::BreaksOverlap { date, first, second } => format!("{date} 同时属于假期“{first}”和“{second}”"),
        YearProblem::MakeUpNotWeekend { date } => format!("{date} 被列为调休上班日，但它不是周末"),
        YearProblem::MakeUpInBreak { date, name } => format!("{date} 被列为调休上班日，但它在假期“{name}”之内"),
        YearProblem::MakeUpTwice { date } => format!("{date} 被重复列为调休上班日"),
        YearProblem::TooMany { max } => format!("一年内的条目超过 {max} 个"),
        YearProblem::UnreadableBreak { line, text } => {
            format!("第 {line} 行：假期请写成“名称, 开始日, 结束日”，日期格式为 YYYY-MM-DD（现为“{text}”）")
        }
        YearProblem::UnreadableDate { text } => format!("“{text}”不是日期（YYYY-MM-DD）"),
    }
}

/// The plan errors in Chinese (English comes from the error's `Display`, as the CLI prints it).
fn zh_error(e: &PlanError) -> String {
    match e {
        PlanError::Syntax { message } => format!("计划不是合法的计划格式 JSON：{message}"),
        PlanError::Cycle { cycle } => format!("依赖成环：{}", cycle.join(" → ")),
        PlanError::UnknownId { referenced_by, id } => format!("{referenced_by}：未知的 id {id:?}"),
        PlanError::DuplicateId { id } => format!("id 重复：{id:?}"),
        PlanError::EmptyId { field } => format!("{field}：不能为空"),
        PlanError::NonPositiveEffort { item, effort } => format!("工作项 {item:?}：工作量须为 ≥ 1 的整数工作日（现为 {effort}）"),
        PlanError::NegativeLag { item, after, lag } => format!("工作项 {item:?}：在 {after:?} 之后的间隔须 ≥ 0（现为 {lag}）"),
        PlanError::TooLarge { field, value, max } => format!("{field}：{value} 超过 {max} 个工作日"),
        PlanError::NonPositiveCapacity { department, capacity } => format!("部门 {department:?}：并行能力须 ≥ 1（现为 {capacity}）"),
        PlanError::OutsideCalendar { field, date, first, calendar, .. } => format!(
            "{field}：{date} 早于日历 {calendar} 能计算的第一天 {first}；请选 {first} 或之后的日期，或在日历设置页录入此前各年的节假日（或改用 \"weekdays\" 日历）"
        ),
        PlanError::RunsPastCalendar { item, last } => format!("工作项 {item:?} 将超过 Concord 能计算的最后一天 {last}"),
        PlanError::InvalidYear { calendar, year, problem } => format!("{calendar}：{year} 年：{}", zh_year_problem(problem)),
        PlanError::UnknownCalendar { calendar, name } => format!("{calendar}：未知日历 {name:?}（内置：\"cn\"、\"weekdays\"）"),
        PlanError::EmptyCalendarRange { calendar } => format!("{calendar}：from 晚于 until"),
        PlanError::NoWorkingDays { calendar } => format!("{calendar}：没有工作日"),
        PlanError::TooManyItems { count, max } => format!("计划有 {count} 个工作项，最多 {max} 个"),
        PlanError::NoItems => "计划没有工作项".to_string(),
        PlanError::EmptyMilestone { milestone } => format!("里程碑 {milestone:?}：after 至少要列出一个工作项或里程碑"),
        PlanError::ItemAfterMilestone { item, milestone } => {
            format!("工作项 {item:?}：after 列出了里程碑 {milestone:?}；工作项只能跟在工作项之后（请改列该里程碑的工作项）")
        }
    }
}
