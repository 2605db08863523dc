//! The schedule-settings page's strings in zh-CN and en, beside the feature (so they load with the
//! page, not with every page). Shared words — save, edit, department — stay in
//! [`crate::i18n::Messages`].

use crate::domain::schedule_settings::CalendarChoice;
use crate::i18n::Locale;

pub struct ScheduleSettingsMessages {
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
}

impl ScheduleSettingsMessages {
    pub fn of(locale: Locale) -> &'static ScheduleSettingsMessages {
        match locale {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }

    /// How the calendar picker names a choice.
    pub fn calendar_choice(&self, choice: CalendarChoice) -> &'static str {
        match choice {
            CalendarChoice::Organisation => self.calendar_organisation,
            CalendarChoice::Cn => self.calendar_cn,
            CalendarChoice::Weekdays => self.calendar_weekdays,
            CalendarChoice::Custom => self.calendar_custom,
        }
    }
}

pub static EN: ScheduleSettingsMessages = ScheduleSettingsMessages {
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
                           (make-up working days) as lists of YYYY-MM-DD dates, “from” and “until”.",
    last_change: "Last change",
    changed_by: |who, date| format!("{who}, {date}"),
    defaults: "Defaults",
};

pub static ZH: ScheduleSettingsMessages = ScheduleSettingsMessages {
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
                           （调休上班日）为 YYYY-MM-DD 日期列表，以及 “from” 和 “until”。",
    last_change: "最近修改",
    changed_by: |who, date| format!("{who}，{date}"),
    defaults: "默认值",
};
