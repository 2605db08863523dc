//! The message catalog: every visible string, in zh-CN and en.
//!
//! One struct with a field per message and one static value per language, so a message missing in
//! either language is a compile error, not a blank on screen. Messages with parameters are plain
//! functions. Components read the current language from [`I18n`] in context.

use crate::domain::dates::Date;
use crate::domain::projects::{StakeholderRole, Visibility};
use crate::domain::schedule_settings::CalendarChoice;
use crate::domain::{people::JobRole, DomainError};
use crate::error::{AppError, Conflict};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    /// The BCP 47 tag, as stored and as put on `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "zh" || tag.starts_with("zh-") {
            Some(Locale::ZhCn)
        } else if tag == "en" || tag.starts_with("en-") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The best match for an `Accept-Language` header, honouring q-values; English otherwise.
    pub fn from_accept_language(header: &str) -> Self {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            if let Some(locale) = Locale::from_tag(tag) {
                if best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, locale));
                }
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }

    /// Of a name kept in both languages, the one for this locale.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Self {
        match self {
            Locale::En => Locale::ZhCn,
            Locale::ZhCn => Locale::En,
        }
    }

    /// A date as people of this locale write it.
    pub fn date(self, date: Date) -> String {
        let (y, m, d) = date.ymd();
        match self {
            Locale::ZhCn => format!("{y}年{m}月{d}日"),
            Locale::En => {
                const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
                format!("{d} {} {y}", MONTHS[(m - 1) as usize])
            }
        }
    }

    /// A stored ISO date as people of this locale write it (unparseable text is shown as is).
    pub fn iso_date(self, iso: &str) -> String {
        Date::parse(iso, "date").map(|d| self.date(d)).unwrap_or_else(|_| iso.to_string())
    }

    /// A timestamp's day (UTC) in this locale.
    pub fn day_of(self, unix_millis: i64) -> String {
        self.date(Date::from_unix_millis(unix_millis))
    }

    pub fn job_role(self, role: JobRole) -> &'static str {
        let m = self.messages();
        match role {
            JobRole::Pm => m.role_pm,
            JobRole::Architect => m.role_architect,
            JobRole::Engineer => m.role_engineer,
            JobRole::TechManager => m.role_tech_manager,
            JobRole::Leader => m.role_leader,
        }
    }

    pub fn stakeholder_role(self, role: StakeholderRole) -> &'static str {
        let m = self.messages();
        match role {
            StakeholderRole::Lead => m.stakeholder_lead,
            StakeholderRole::Collaborator => m.stakeholder_collaborator,
            StakeholderRole::Consulted => m.stakeholder_consulted,
            StakeholderRole::Informed => m.stakeholder_informed,
        }
    }

    pub fn visibility(self, v: Visibility) -> &'static str {
        let m = self.messages();
        match v {
            Visibility::Internal => m.visibility_internal,
            Visibility::Restricted => m.visibility_restricted,
        }
    }

    /// How the calendar picker names a choice.
    pub fn calendar_choice(self, choice: CalendarChoice) -> &'static str {
        let m = self.messages();
        match choice {
            CalendarChoice::Organisation => m.calendar_organisation,
            CalendarChoice::Cn => m.calendar_cn,
            CalendarChoice::Weekdays => m.calendar_weekdays,
            CalendarChoice::Custom => m.calendar_custom,
        }
    }

    /// The sentence shown beside a field (or above a form) for an error.
    pub fn error(self, error: &AppError) -> String {
        let m = self.messages();
        match error {
            AppError::Invalid(e) => self.domain_error(e),
            AppError::BadRequest(_) | AppError::InvalidBody(_) => m.err_bad_request.into(),
            AppError::Unauthorized => m.err_unauthorized.into(),
            AppError::BadCredentials => m.err_bad_credentials.into(),
            AppError::Forbidden => m.err_forbidden.into(),
            AppError::CsrfRejected => m.err_csrf.into(),
            AppError::NotFound => m.err_not_found.into(),
            AppError::Duplicate { .. } => m.err_duplicate.into(),
            AppError::StaleVersion => m.err_stale.into(),
            AppError::EditConflict { current_revision, saved_by } => (m.err_edit_conflict)(saved_by, *current_revision),
            AppError::Conflict(c) => self.conflict(c),
            AppError::RateLimited { retry_after_secs } => (m.err_rate_limited)(retry_after_secs.div_ceil(60).max(1)),
            AppError::Internal | AppError::Transport(_) => m.err_internal.into(),
        }
    }

    /// The sentence for a 409's reason.
    pub fn conflict(self, conflict: &Conflict) -> String {
        let m = self.messages();
        match conflict {
            Conflict::AdminExists => m.conflict_admin_exists.into(),
            Conflict::LastAdmin => m.conflict_last_admin.into(),
            Conflict::LeadDepartment => m.conflict_lead_department.into(),
            Conflict::RequestPending => m.conflict_request_pending.into(),
            Conflict::RequestClosed => m.conflict_request_closed.into(),
            Conflict::AlreadyDecided => m.conflict_already_decided.into(),
            Conflict::AlreadyAgreed => m.conflict_already_agreed.into(),
            Conflict::NotAConcern => m.conflict_not_a_concern.into(),
            Conflict::ConcernResolved => m.conflict_concern_resolved.into(),
            Conflict::MeetingClosed => m.conflict_meeting_closed.into(),
            Conflict::MeetingNotStarted => m.conflict_meeting_not_started.into(),
            Conflict::MeetingNotClosed => m.conflict_meeting_not_closed.into(),
            Conflict::MeetingStep => m.conflict_meeting_step.into(),
            Conflict::AlreadySigned => m.conflict_already_signed.into(),
            Conflict::AlreadyRevoked => m.conflict_already_revoked.into(),
            Conflict::NewerSignoff => m.conflict_newer_signoff.into(),
            Conflict::SubjectChanged { revision, .. } => (m.conflict_subject_changed)(*revision),
        }
    }

    /// The engine's error in this language when it came along, else the message as sent.
    fn plan_words(self, message: &str, plan: Option<&crate::domain::schedule::PlanError>) -> String {
        match plan {
            Some(e) => (crate::schedule::messages::ScheduleMessages::for_locale(self).error)(e),
            None => message.to_string(),
        }
    }

    pub fn domain_error(self, e: &DomainError) -> String {
        let m = self.messages();
        match e {
            DomainError::Empty { .. } => m.err_empty.into(),
            DomainError::TooLong { max, .. } => (m.err_too_long)(*max),
            DomainError::TooShort { min, .. } => (m.err_too_short)(*min),
            DomainError::Malformed { field } if field.ends_with("_on") || field == "available_from" => m.err_date.into(),
            DomainError::Malformed { .. } => m.err_malformed.into(),
            DomainError::DateBefore { .. } => m.err_launch_before_kickoff.into(),
            DomainError::SelfLink { .. } => m.err_self_link.into(),
            DomainError::LinkCycle { .. } => m.err_link_cycle.into(),
            DomainError::NotAllowed { .. } => m.err_not_allowed.into(),
            DomainError::WrongPassword { .. } => m.err_wrong_password.into(),
            DomainError::OutOfRange { min, max, .. } => (m.err_out_of_range)(*min, *max),
            DomainError::InvalidCalendar { message, plan, .. } => (m.err_invalid_calendar)(&self.plan_words(message, plan.as_deref())),
            DomainError::InvalidPlan { message, plan, .. } => (m.err_invalid_plan)(&self.plan_words(message, plan.as_deref())),
        }
    }
}

/// Every visible string of the application.
pub struct Messages {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub nav_projects: &'static str,
    pub nav_departments: &'static str,
    pub nav_people: &'static str,
    pub nav_schedule_settings: &'static str,
    pub nav_sandbox: &'static str,
    pub nav_account: &'static str,
    pub nav_decisions: &'static str,
    pub nav_inbox: &'static str,
    /// The inbox link's accessible name while something is unread (the badge shows only the number).
    pub nav_inbox_unread: fn(i64) -> String,
    pub sign_out: &'static str,
    pub switch_language: &'static str,
    pub loading: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,
    pub remove: &'static str,
    pub create: &'static str,
    pub yes: &'static str,
    pub no: &'static str,

    pub login_title: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub demo_accounts: &'static str,
    pub demo_password_note: &'static str,

    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_submit: &'static str,
    pub first_department: &'static str,

    pub display_name: &'static str,
    pub department: &'static str,
    pub role: &'static str,
    pub admin: &'static str,
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,

    pub role_pm: &'static str,
    pub role_architect: &'static str,
    pub role_engineer: &'static str,
    pub role_tech_manager: &'static str,
    pub role_leader: &'static str,

    pub departments_title: &'static str,
    pub add_department: &'static str,
    pub people_title: &'static str,
    pub add_person: &'static str,
    pub reset_password: &'static str,
    pub new_password: &'static str,
    pub password_reset_done: &'static str,

    pub schedule_settings_title: &'static str,
    pub schedule_settings_intro: &'static str,
    pub organisation_calendar: &'static str,
    pub teams_title: &'static str,
    pub capacity: &'static str,
    pub capacity_hint: &'static str,
    pub available_from: &'static str,
    pub available_any_time: &'static str,
    pub calendar: &'static str,
    pub calendar_organisation: &'static str,
    pub calendar_cn: &'static str,
    pub calendar_weekdays: &'static str,
    pub calendar_custom: &'static str,
    pub custom_calendar_json: &'static str,
    pub custom_calendar_hint: &'static str,
    pub last_change: &'static str,
    pub changed_by: fn(&str, &str) -> String,
    pub defaults: &'static str,

    pub projects_title: &'static str,
    pub new_project: &'static str,
    pub no_projects: &'static str,
    pub project_name: &'static str,
    pub goal: &'static str,
    pub project_code: &'static str,
    pub project_code_hint: &'static str,
    pub lead_department: &'static str,
    pub kickoff_on: &'static str,
    pub target_launch_on: &'static str,
    pub visibility: &'static str,
    pub visibility_internal: &'static str,
    pub visibility_restricted: &'static str,
    pub edit_project: &'static str,

    pub stakeholder_map: &'static str,
    pub stakeholder_map_caption: &'static str,
    pub stakeholders: &'static str,
    pub stakeholder_lead: &'static str,
    pub stakeholder_collaborator: &'static str,
    pub stakeholder_consulted: &'static str,
    pub stakeholder_informed: &'static str,
    pub identified: fn(&str, &str) -> String,
    /// A stakeholder a schedule change pulled in after development had started.
    pub identified_late: &'static str,
    pub add_stakeholder: &'static str,
    pub links_title: &'static str,
    pub upstream: &'static str,
    pub downstream: &'static str,
    pub add_link: &'static str,
    pub no_links: &'static str,
    pub people_by_department: &'static str,

    pub account_title: &'static str,
    pub change_password: &'static str,
    pub current_password: &'static str,
    pub password_changed: &'static str,
    pub language: &'static str,
    pub tokens_title: &'static str,
    pub tokens_intro: &'static str,
    pub token_name: &'static str,
    pub create_token: &'static str,
    pub token_shown_once: &'static str,
    pub revoke: &'static str,
    pub revoked: &'static str,
    pub created: &'static str,
    pub last_used: &'static str,
    pub never: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,

    pub err_empty: &'static str,
    pub err_too_long: fn(u32) -> String,
    pub err_too_short: fn(u32) -> String,
    pub err_malformed: &'static str,
    pub err_date: &'static str,
    pub err_launch_before_kickoff: &'static str,
    pub err_self_link: &'static str,
    pub err_link_cycle: &'static str,
    pub err_not_allowed: &'static str,
    pub err_wrong_password: &'static str,
    pub err_out_of_range: fn(i64, i64) -> String,
    pub err_invalid_calendar: fn(&str) -> String,
    pub err_invalid_plan: fn(&str) -> String,
    pub err_bad_request: &'static str,
    pub err_unauthorized: &'static str,
    pub err_bad_credentials: &'static str,
    pub err_forbidden: &'static str,
    pub err_csrf: &'static str,
    pub err_not_found: &'static str,
    pub err_duplicate: &'static str,
    pub err_stale: &'static str,
    pub err_edit_conflict: fn(&str, i64) -> String,
    pub conflict_admin_exists: &'static str,
    pub conflict_last_admin: &'static str,
    pub conflict_lead_department: &'static str,
    pub conflict_request_pending: &'static str,
    pub conflict_request_closed: &'static str,
    pub conflict_already_decided: &'static str,
    pub conflict_already_agreed: &'static str,
    pub conflict_not_a_concern: &'static str,
    pub conflict_concern_resolved: &'static str,
    pub conflict_meeting_closed: &'static str,
    pub conflict_meeting_not_started: &'static str,
    pub conflict_meeting_not_closed: &'static str,
    pub conflict_meeting_step: &'static str,
    pub conflict_already_signed: &'static str,
    pub conflict_already_revoked: &'static str,
    pub conflict_newer_signoff: &'static str,
    pub conflict_subject_changed: fn(i64) -> String,
    pub err_rate_limited: fn(u32) -> String,
    pub err_internal: &'static str,
}

pub static EN: Messages = Messages {
    app_name: "Concord",
    tagline: "Cross-department requirements, solutions and schedules in one place",
    nav_projects: "Projects",
    nav_departments: "Departments",
    nav_people: "People",
    nav_schedule_settings: "Calendar and capacity",
    nav_sandbox: "Plan sandbox",
    nav_account: "My account",
    nav_decisions: "Decisions",
    nav_inbox: "Inbox",
    nav_inbox_unread: |n| format!("Inbox, {n} unread"),
    sign_out: "Sign out",
    switch_language: "中文",
    loading: "Loading…",
    save: "Save",
    saved: "Saved.",
    cancel: "Cancel",
    edit: "Edit",
    remove: "Remove",
    create: "Create",
    yes: "yes",
    no: "no",

    login_title: "Sign in",
    username: "Username",
    password: "Password",
    sign_in: "Sign in",
    demo_accounts: "Demo accounts",
    demo_password_note: "Every demo account uses the password",

    setup_title: "Create the first administrator",
    setup_intro: "Concord has no administrator yet. Create one to start; this form is offered only once.",
    setup_submit: "Create administrator",
    first_department: "Your department",

    display_name: "Display name",
    department: "Department",
    role: "Role",
    admin: "Administrator",
    code: "Code",
    name_zh: "Name (中文)",
    name_en: "Name (English)",

    role_pm: "Product manager",
    role_architect: "Architect",
    role_engineer: "Engineer",
    role_tech_manager: "Tech manager",
    role_leader: "Leader",

    departments_title: "Departments",
    add_department: "Add department",
    people_title: "People",
    add_person: "Add person",
    reset_password: "Reset password",
    new_password: "New password",
    password_reset_done: "Password reset; their sessions were signed out.",

    schedule_settings_title: "Calendar and team capacity",
    schedule_settings_intro:
        "Schedules count working days on these calendars and give each team at most its capacity of work items at once, \
                              none before the day it is available. Administrators set the organisation calendar; a department's leader \
                              or tech manager sets their own team's row.",
    organisation_calendar: "Organisation calendar",
    teams_title: "Teams",
    capacity: "Capacity",
    capacity_hint: "Work items the team takes on at once (1–1000).",
    available_from: "Available from",
    available_any_time: "Any time",
    calendar: "Calendar",
    calendar_organisation: "Same as the organisation",
    calendar_cn: "Mainland-China working calendar (cn)",
    calendar_weekdays: "Monday–Friday (weekdays)",
    calendar_custom: "Custom",
    custom_calendar_json: "Custom calendar (JSON)",
    custom_calendar_hint:
        "Every field is optional: “base” (\"cn\" or \"weekdays\"), “weekend” ([\"sat\", \"sun\"]), “holidays” and “workdays” \
                           (make-up working days) as lists of YYYY-MM-DD dates, “from” and “until”. Whole years of holidays are easier \
                           to enter under “Holiday years” below.",
    last_change: "Last change",
    changed_by: |who, date| format!("{who}, {date}"),
    defaults: "Defaults",

    projects_title: "Projects",
    new_project: "New project",
    no_projects: "No projects yet.",
    project_name: "Project name",
    goal: "Goal",
    project_code: "Code",
    project_code_hint:
        "2–10 letters or digits, starting with a letter; requirement keys use it (PAY → PAY-1). Left empty, it is made from the name.",
    lead_department: "Lead department",
    kickoff_on: "Kick-off date",
    target_launch_on: "Target launch date",
    visibility: "Visibility",
    visibility_internal: "Internal: everyone signed in may read",
    visibility_restricted: "Restricted: stakeholder departments only",
    edit_project: "Edit project",

    stakeholder_map: "Stakeholder map",
    stakeholder_map_caption: "Departments from upstream (left) to downstream (right)",
    stakeholders: "Stakeholders",
    stakeholder_lead: "Lead",
    stakeholder_collaborator: "Collaborator",
    stakeholder_consulted: "Consulted",
    stakeholder_informed: "Informed",
    identified: |date, who| format!("identified {date} by {who}"),
    identified_late: "identified late",
    add_stakeholder: "Add stakeholder",
    links_title: "Upstream → downstream",
    upstream: "Upstream",
    downstream: "Downstream",
    add_link: "Add link",
    no_links: "No links yet.",
    people_by_department: "People by department",

    account_title: "My account",
    change_password: "Change password",
    current_password: "Current password",
    password_changed: "Password changed.",
    language: "Language",
    tokens_title: "Personal access tokens",
    tokens_intro: "For scripts: send a token as “Authorization: Bearer …” to the REST API.",
    token_name: "Token name",
    create_token: "Create token",
    token_shown_once: "Copy this token now; it will not be shown again:",
    revoke: "Revoke",
    revoked: "revoked",
    created: "Created",
    last_used: "Last used",
    never: "never",

    not_found_title: "Page not found",
    not_found_body: "There is nothing at this address, or you may not see it.",
    back_home: "Back to projects",

    err_empty: "Required.",
    err_too_long: |max| format!("At most {max} characters."),
    err_too_short: |min| format!("At least {min} characters."),
    err_malformed: "Not a valid value.",
    err_date: "Use a date like 2026-01-31.",
    err_launch_before_kickoff: "The launch cannot be before the kick-off.",
    err_self_link: "A department cannot be its own upstream.",
    err_link_cycle: "This link would make a department its own upstream.",
    err_not_allowed: "Choose one of the offered values.",
    err_wrong_password: "Wrong password.",
    err_out_of_range: |min, max| format!("Enter a whole number from {min} to {max}."),
    err_invalid_calendar: |message| format!("This calendar is not valid: {message}"),
    err_invalid_plan: |message| format!("This work plan cannot be scheduled: {message}"),
    err_bad_request: "The request could not be read.",
    err_unauthorized: "Please sign in.",
    err_bad_credentials: "Wrong username or password.",
    err_forbidden: "You are not allowed to do this.",
    err_csrf: "This request did not come from a Concord page and was refused.",
    err_not_found: "Not found.",
    err_duplicate: "Already taken.",
    err_stale: "Someone else saved this meanwhile. Reload to see their change; your input is kept here.",
    err_edit_conflict: |who, revision| {
        format!("{who} saved revision {revision} while you were editing. Your text is kept below; compare their change, then save again.")
    },
    conflict_admin_exists: "An administrator already exists. Sign in instead.",
    conflict_last_admin: "The last administrator cannot lose the admin flag. Make someone else an administrator first.",
    conflict_lead_department: "The lead department cannot be removed. Change the project's lead first.",
    conflict_request_pending: "A schedule change request is already pending for this project. It must be decided or withdrawn first.",
    conflict_request_closed: "This request is no longer pending.",
    conflict_already_decided: "Your department has already decided this request.",
    conflict_already_agreed: "This option's current revision is already the agreed schedule.",
    conflict_not_a_concern: "This comment is not a concern.",
    conflict_concern_resolved: "This concern is already resolved.",
    conflict_meeting_closed: "This meeting is closed: its minutes and decisions are locked. Add an amendment instead.",
    conflict_meeting_not_started: "Start the meeting before recording attendance, minutes, decisions or action items.",
    conflict_meeting_not_closed: "Only a closed meeting is amended.",
    conflict_meeting_step: "A meeting goes from planned to in progress to closed.",
    conflict_already_signed: "Already signed at this revision.",
    conflict_already_revoked: "This sign-off is already revoked.",
    conflict_newer_signoff: "A newer sign-off of this cell exists; revoke that one.",
    conflict_subject_changed: |revision| {
        format!("It changed while you were reading: it is now at revision {revision}. Review it and sign again.")
    },
    err_rate_limited: |minutes| format!("Too many sign-in attempts. Try again in {minutes} minute(s)."),
    err_internal: "Something went wrong on our side. Please try again.",
};

pub static ZH: Messages = Messages {
    app_name: "协同 Concord",
    tagline: "跨部门的需求、方案与排期，集中一处",
    nav_projects: "项目",
    nav_departments: "部门",
    nav_people: "人员",
    nav_schedule_settings: "日历与产能",
    nav_sandbox: "计划沙盘",
    nav_account: "我的账户",
    nav_decisions: "待决策",
    nav_inbox: "通知",
    nav_inbox_unread: |n| format!("通知，{n} 条未读"),
    sign_out: "退出登录",
    switch_language: "English",
    loading: "加载中…",
    save: "保存",
    saved: "已保存。",
    cancel: "取消",
    edit: "编辑",
    remove: "移除",
    create: "创建",
    yes: "是",
    no: "否",

    login_title: "登录",
    username: "用户名",
    password: "密码",
    sign_in: "登录",
    demo_accounts: "演示账户",
    demo_password_note: "所有演示账户的密码均为",

    setup_title: "创建首位管理员",
    setup_intro: "Concord 还没有管理员。请先创建一位；此表单只出现一次。",
    setup_submit: "创建管理员",
    first_department: "所在部门",

    display_name: "显示名称",
    department: "部门",
    role: "角色",
    admin: "管理员",
    code: "代码",
    name_zh: "名称（中文）",
    name_en: "名称（英文）",

    role_pm: "产品经理",
    role_architect: "架构师",
    role_engineer: "工程师",
    role_tech_manager: "技术经理",
    role_leader: "部门负责人",

    departments_title: "部门",
    add_department: "添加部门",
    people_title: "人员",
    add_person: "添加人员",
    reset_password: "重置密码",
    new_password: "新密码",
    password_reset_done: "密码已重置，其登录会话已全部退出。",

    schedule_settings_title: "日历与团队产能",
    schedule_settings_intro: "排期按这些日历计算工作日：每个团队同时承接的工作项不超过其产能，且不早于其可投入日期。组织日历由管理员设置；\
                              各部门的负责人或技术经理设置本团队的一行。",
    organisation_calendar: "组织日历",
    teams_title: "团队",
    capacity: "产能",
    capacity_hint: "团队可同时承接的工作项数（1–1000）。",
    available_from: "可投入日期",
    available_any_time: "随时",
    calendar: "日历",
    calendar_organisation: "沿用组织日历",
    calendar_cn: "中国法定工作日历（cn）",
    calendar_weekdays: "周一至周五（weekdays）",
    calendar_custom: "自定义",
    custom_calendar_json: "自定义日历（JSON）",
    custom_calendar_hint: "各字段均可省略：“base”（\"cn\" 或 \"weekdays\"）、“weekend”（[\"sat\", \"sun\"]）、“holidays” 与 “workdays”\
                           （调休上班日）为 YYYY-MM-DD 日期列表，以及 “from” 和 “until”。整年的节假日请在下方“节假日年份”中录入。",
    last_change: "最近修改",
    changed_by: |who, date| format!("{who}，{date}"),
    defaults: "默认值",

    projects_title: "项目",
    new_project: "新建项目",
    no_projects: "还没有项目。",
    project_name: "项目名称",
    goal: "目标",
    project_code: "代号",
    project_code_hint: "2–10 位字母或数字，以字母开头；需求编号由它组成（PAY → PAY-1）。留空则根据名称生成。",
    lead_department: "主导部门",
    kickoff_on: "启动日期",
    target_launch_on: "目标上线日期",
    visibility: "可见范围",
    visibility_internal: "内部：所有登录用户可读",
    visibility_restricted: "受限：仅相关方部门可读",
    edit_project: "编辑项目",

    stakeholder_map: "相关方地图",
    stakeholder_map_caption: "部门从上游（左）到下游（右）",
    stakeholders: "相关方",
    stakeholder_lead: "主导方",
    stakeholder_collaborator: "协作方",
    stakeholder_consulted: "咨询方",
    stakeholder_informed: "知会方",
    identified: |date, who| format!("{date} 由 {who} 识别"),
    identified_late: "识别较晚",
    add_stakeholder: "添加相关方",
    links_title: "上游 → 下游",
    upstream: "上游",
    downstream: "下游",
    add_link: "添加关系",
    no_links: "还没有上下游关系。",
    people_by_department: "各部门人员",

    account_title: "我的账户",
    change_password: "修改密码",
    current_password: "当前密码",
    password_changed: "密码已修改。",
    language: "语言",
    tokens_title: "个人访问令牌",
    tokens_intro: "供脚本使用：调用 REST API 时以 “Authorization: Bearer …” 发送令牌。",
    token_name: "令牌名称",
    create_token: "创建令牌",
    token_shown_once: "请立即复制此令牌，它不会再次显示：",
    revoke: "吊销",
    revoked: "已吊销",
    created: "创建于",
    last_used: "最近使用",
    never: "从未",

    not_found_title: "页面不存在",
    not_found_body: "此地址没有内容，或你无权查看。",
    back_home: "返回项目列表",

    err_empty: "必填。",
    err_too_long: |max| format!("最多 {max} 个字符。"),
    err_too_short: |min| format!("至少 {min} 个字符。"),
    err_malformed: "取值无效。",
    err_date: "请输入形如 2026-01-31 的日期。",
    err_launch_before_kickoff: "上线日期不能早于启动日期。",
    err_self_link: "部门不能是自己的上游。",
    err_link_cycle: "此关系会使某部门成为自己的上游。",
    err_not_allowed: "请从给出的选项中选择。",
    err_wrong_password: "密码错误。",
    err_out_of_range: |min, max| format!("请输入 {min} 到 {max} 之间的整数。"),
    err_invalid_calendar: |message| format!("日历无效：{message}"),
    err_invalid_plan: |message| format!("工作计划无法排期：{message}"),
    err_bad_request: "无法读取该请求。",
    err_unauthorized: "请先登录。",
    err_bad_credentials: "用户名或密码错误。",
    err_forbidden: "你无权执行此操作。",
    err_csrf: "该请求并非来自 Concord 页面，已被拒绝。",
    err_not_found: "未找到。",
    err_duplicate: "已被占用。",
    err_stale: "其他人已在此期间保存。请刷新查看其修改；你输入的内容仍保留在此。",
    err_edit_conflict: |who, revision| {
        format!("你编辑期间，{who} 保存了第 {revision} 版。你的内容保留在下方；请先查看对方的修改，再重新保存。")
    },
    conflict_admin_exists: "管理员已存在，请直接登录。",
    conflict_last_admin: "最后一位管理员不能取消管理员身份。请先任命另一位管理员。",
    conflict_lead_department: "牵头部门不能移除。请先更换项目的牵头部门。",
    conflict_request_pending: "该项目已有待审批的排期变更申请，需先审批或撤回。",
    conflict_request_closed: "该申请已不再待审批。",
    conflict_already_decided: "你的部门已对该申请作出决定。",
    conflict_already_agreed: "该方案的当前版本已是约定排期。",
    conflict_not_a_concern: "该评论不是关注问题。",
    conflict_concern_resolved: "该关注问题已解决。",
    conflict_meeting_closed: "会议已结束：纪要和决策已锁定，请添加补充说明。",
    conflict_meeting_not_started: "请先开始会议，再记录出席、纪要、决策或待办事项。",
    conflict_meeting_not_closed: "只有已结束的会议才能添加补充说明。",
    conflict_meeting_step: "会议按 计划中 → 进行中 → 已结束 的顺序推进。",
    conflict_already_signed: "已在此版本签字。",
    conflict_already_revoked: "该签字已撤销。",
    conflict_newer_signoff: "此格已有更新的签字，请撤销那一份。",
    conflict_subject_changed: |revision| format!("内容已在你阅读时变更，现为第 {revision} 版。请重新查看后再签字。"),
    err_rate_limited: |minutes| format!("登录尝试次数过多，请 {minutes} 分钟后再试。"),
    err_internal: "服务端出错，请重试。",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_conflict_reason_has_its_own_sentence_in_both_languages() {
        let all = [
            Conflict::AdminExists,
            Conflict::LastAdmin,
            Conflict::LeadDepartment,
            Conflict::RequestPending,
            Conflict::RequestClosed,
            Conflict::AlreadyDecided,
            Conflict::AlreadyAgreed,
            Conflict::NotAConcern,
            Conflict::ConcernResolved,
            Conflict::MeetingClosed,
            Conflict::MeetingNotStarted,
            Conflict::MeetingNotClosed,
            Conflict::MeetingStep,
            Conflict::SubjectChanged { revision: 3, fingerprint: "f".into() },
            Conflict::AlreadySigned,
            Conflict::AlreadyRevoked,
            Conflict::NewerSignoff,
        ];
        for locale in [Locale::En, Locale::ZhCn] {
            let sentences: std::collections::HashSet<String> = all.iter().map(|c| locale.conflict(c)).collect();
            assert_eq!(sentences.len(), all.len(), "{locale:?}: two reasons read the same");
            assert!(sentences.iter().all(|s| !s.is_empty()));
        }
        let reasons: std::collections::HashSet<&str> = all.iter().map(Conflict::reason).collect();
        assert_eq!(reasons.len(), all.len(), "each reason has its own stable name");
        assert!(Locale::ZhCn.conflict(&all[13]).contains('3'), "the revision is named");
    }

    #[test]
    fn accept_language_picks_the_highest_weighted_supported_language() {
        assert_eq!(Locale::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Locale::ZhCn);
        assert_eq!(Locale::from_accept_language("en-US,en;q=0.9,zh-CN;q=0.8"), Locale::En);
        assert_eq!(Locale::from_accept_language("fr-FR,zh-TW;q=0.5"), Locale::ZhCn);
        assert_eq!(Locale::from_accept_language("fr-FR"), Locale::En);
        assert_eq!(Locale::from_accept_language(""), Locale::En);
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let d = Date::parse("2025-02-08", "d").unwrap();
        assert_eq!(Locale::ZhCn.date(d), "2025年2月8日");
        assert_eq!(Locale::En.date(d), "8 Feb 2025");
    }

    #[test]
    fn every_error_has_words_in_both_languages() {
        let errors = [AppError::Unauthorized, AppError::RateLimited { retry_after_secs: 61 }, AppError::Internal];
        for e in errors {
            assert!(!Locale::En.error(&e).is_empty());
            assert!(!Locale::ZhCn.error(&e).is_empty());
        }
        assert!(Locale::ZhCn.error(&AppError::RateLimited { retry_after_secs: 61 }).contains('2'));
        let calendar = AppError::Invalid(DomainError::InvalidCalendar {
            field: "calendar".into(),
            message: "calendar: unknown calendar".into(),
            plan: None,
        });
        for locale in [Locale::En, Locale::ZhCn] {
            assert!(locale.error(&calendar).contains("unknown calendar"), "{locale:?} shows the engine's words");
            let capacity = AppError::Invalid(DomainError::OutOfRange { field: "capacity".into(), min: 1, max: 1000 });
            assert!(locale.error(&capacity).contains("1000"), "{locale:?}");
        }
    }

    #[test]
    fn a_date_before_the_calendar_is_explained_in_the_reader_s_language_naming_the_chosen_calendar() {
        use crate::domain::schedule::PlanError;
        let error = PlanError::OutsideCalendar {
            field: "start".into(),
            date: "2024-06-03".into(),
            first: "2025-01-01".into(),
            last: "2999-12-31".into(),
            calendar: "\"cn\"".into(),
        };
        let app_error = AppError::Invalid(crate::domain::solutions::plan_error(error));
        let en = Locale::En.error(&app_error);
        assert!(en.contains("calendar \"cn\" counts") && en.contains("calendar settings page"), "{en}");
        let zh = Locale::ZhCn.error(&app_error);
        assert!(zh.contains("早于日历 \"cn\" 能计算的第一天 2025-01-01") && zh.contains("日历设置页"), "{zh}");
        // As the browser receives it from a server function: the engine's error travels along.
        let sent: AppError = serde_json::from_str(&serde_json::to_string(&app_error).unwrap()).unwrap();
        assert_eq!(Locale::ZhCn.error(&sent), zh);
    }

    #[test]
    fn the_inbox_links_name_says_how_many_are_unread() {
        assert_eq!((EN.nav_inbox_unread)(3), "Inbox, 3 unread");
        assert_eq!((ZH.nav_inbox_unread)(3), "通知，3 条未读");
        for m in [&EN, &ZH] {
            assert!((m.nav_inbox_unread)(12).starts_with(m.nav_inbox), "the name starts with the visible word");
        }
    }
}
