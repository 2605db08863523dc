//! The requirement pages' strings in zh-CN and en, beside the feature that shows them (the shared
//! words — save, edit, remove, department — stay in [`crate::i18n::Messages`]).

use crate::domain::requirement_content::Priority;
use crate::domain::requirements::RequirementStatus;
use crate::i18n::Locale;

pub struct RequirementMessages {
    pub requirements: &'static str,
    pub new_requirement: &'static str,
    pub edit_requirement: &'static str,
    pub key: &'static str,
    pub title: &'static str,
    pub background: &'static str,
    pub background_hint: &'static str,
    pub goal: &'static str,
    pub priority: &'static str,
    pub owner: &'static str,
    pub status: &'static str,
    pub status_names: [&'static str; 8],
    pub priority_names: [&'static str; 4],
    pub department: &'static str,
    pub scenarios: &'static str,
    pub scenario_name: &'static str,
    pub given: &'static str,
    pub when: &'static str,
    pub then: &'static str,
    pub notes: &'static str,
    pub add_scenario: &'static str,
    pub no_scenarios: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub change_points: &'static str,
    pub change_point_text: &'static str,
    pub add_change_point: &'static str,
    pub no_change_points: &'static str,
    pub summary: &'static str,
    pub history: &'static str,
    pub revision: fn(i64) -> String,
    pub late_change: &'static str,
    pub late_changes: fn(i64) -> String,
    pub compare: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub diff_title: fn(i64, i64) -> String,
    pub no_differences: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub changed: &'static str,
    pub status_changes: &'static str,
    pub move_to: &'static str,
    pub reason: &'static str,
    pub comments: &'static str,
    pub no_comments: &'static str,
    pub add_comment: &'static str,
    pub reply: &'static str,
    pub comment_hint: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub any: &'static str,
    pub sort: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_updated: &'static str,
    pub no_requirements: &'static str,
    pub showing: fn(i64, i64, i64) -> String,
    pub previous: &'static str,
    pub next: &'static str,
    pub their_change: &'static str,
    pub updated: &'static str,
    pub back_to_requirement: &'static str,
    pub view_changes: &'static str,
}

impl RequirementMessages {
    pub fn of(locale: Locale) -> &'static RequirementMessages {
        match locale {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }

    /// The status's name, in the order of [`RequirementStatus::ALL`].
    pub fn status_name(&self, status: RequirementStatus) -> &'static str {
        self.status_names[status as usize]
    }

    pub fn priority_name(&self, priority: Priority) -> &'static str {
        self.priority_names[priority as usize]
    }

    /// The heading of a field in a diff.
    pub fn field_name(&self, field: &str) -> &'static str {
        match field {
            "title" => self.title,
            "background" => self.background,
            "goal" => self.goal,
            "priority" => self.priority,
            "owner_id" => self.owner,
            "name" => self.scenario_name,
            "given" => self.given,
            "when" => self.when,
            "then" => self.then,
            "notes" => self.notes,
            "department_id" => self.department,
            _ => self.change_point_text,
        }
    }
}

pub static EN: RequirementMessages = RequirementMessages {
    requirements: "Requirements",
    new_requirement: "New requirement",
    edit_requirement: "Edit requirement",
    key: "Key",
    title: "Title",
    background: "Background",
    background_hint: "Markdown. Typical sections: the customer's view, the PM's view.",
    goal: "Goal",
    priority: "Priority",
    owner: "Owner",
    status: "Status",
    status_names: ["Draft", "In review", "Agreed", "In development", "In integration", "In testing", "Released", "Cancelled"],
    priority_names: ["Critical", "High", "Medium", "Low"],
    department: "Department",
    scenarios: "Scenarios",
    scenario_name: "Scenario",
    given: "Given",
    when: "When",
    then: "Then",
    notes: "Notes (free text)",
    add_scenario: "Add scenario",
    no_scenarios: "No scenarios yet.",
    move_up: "Move up",
    move_down: "Move down",
    change_points: "Change points per department",
    change_point_text: "What changes",
    add_change_point: "Add change point",
    no_change_points: "No change points yet.",
    summary: "Change summary (optional)",
    history: "History",
    revision: |n| format!("Revision {n}"),
    late_change: "Late change",
    late_changes: |n| format!("{n} late change(s)"),
    compare: "Compare",
    from: "From",
    to: "To",
    diff_title: |a, b| format!("Changes from revision {a} to revision {b}"),
    no_differences: "No differences.",
    added: "Added",
    removed: "Removed",
    changed: "Changed",
    status_changes: "Status changes",
    move_to: "Move to",
    reason: "Reason (optional)",
    comments: "Comments",
    no_comments: "No comments yet.",
    add_comment: "Comment",
    reply: "Reply",
    comment_hint: "Markdown; mention people with @username.",
    search: "Search",
    search_placeholder: "Words in title, background or scenarios",
    any: "Any",
    sort: "Sort",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_updated: "Recently updated",
    no_requirements: "No requirements match.",
    showing: |a, b, total| format!("{a}–{b} of {total}"),
    previous: "Previous",
    next: "Next",
    their_change: "What they changed",
    updated: "Updated",
    back_to_requirement: "Back to the requirement",
    view_changes: "View changes",
};

pub static ZH: RequirementMessages = RequirementMessages {
    requirements: "需求",
    new_requirement: "新建需求",
    edit_requirement: "编辑需求",
    key: "编号",
    title: "标题",
    background: "背景",
    background_hint: "支持 Markdown。常见段落：客户视角、PM 视角。",
    goal: "目标",
    priority: "优先级",
    owner: "负责人",
    status: "状态",
    status_names: ["草稿", "评审中", "已确认", "开发中", "联调中", "测试中", "已上线", "已取消"],
    priority_names: ["紧急", "高", "中", "低"],
    department: "部门",
    scenarios: "场景",
    scenario_name: "场景名称",
    given: "假如",
    when: "当",
    then: "那么",
    notes: "说明（自由文本）",
    add_scenario: "添加场景",
    no_scenarios: "尚无场景。",
    move_up: "上移",
    move_down: "下移",
    change_points: "各部门改动点",
    change_point_text: "改动内容",
    add_change_point: "添加改动点",
    no_change_points: "尚无改动点。",
    summary: "修改说明（可选）",
    history: "修订历史",
    revision: |n| format!("第 {n} 版"),
    late_change: "后期变更",
    late_changes: |n| format!("{n} 次后期变更"),
    compare: "比较",
    from: "从",
    to: "到",
    diff_title: |a, b| format!("第 {a} 版到第 {b} 版的变化"),
    no_differences: "没有差异。",
    added: "新增",
    removed: "删除",
    changed: "修改",
    status_changes: "状态变更",
    move_to: "变更为",
    reason: "原因（可选）",
    comments: "评论",
    no_comments: "尚无评论。",
    add_comment: "发表评论",
    reply: "回复",
    comment_hint: "支持 Markdown；用 @用户名 提及他人。",
    search: "搜索",
    search_placeholder: "标题、背景或场景中的文字",
    any: "全部",
    sort: "排序",
    sort_newest: "最新在前",
    sort_oldest: "最早在前",
    sort_updated: "最近更新",
    no_requirements: "没有符合条件的需求。",
    showing: |a, b, total| format!("第 {a}–{b} 条，共 {total} 条"),
    previous: "上一页",
    next: "下一页",
    their_change: "对方的修改",
    updated: "更新于",
    back_to_requirement: "返回需求",
    view_changes: "查看变化",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_and_priority_has_a_name_in_both_languages() {
        for m in [&EN, &ZH] {
            for s in RequirementStatus::ALL {
                assert!(!m.status_name(s).is_empty());
            }
            for p in Priority::ALL {
                assert!(!m.priority_name(p).is_empty());
            }
        }
        assert_eq!(EN.status_name(RequirementStatus::Cancelled), "Cancelled");
        assert_eq!(ZH.priority_name(Priority::Critical), "紧急");
    }
}
