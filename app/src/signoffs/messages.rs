//! The sign-off and audit pages' strings in zh-CN and en, beside the pages.

use super::dto::{Capacity, CellState, SubjectKind};
use crate::audit::AuditAction;
use crate::i18n::Locale;

pub struct SignoffMessages {
    pub title: fn(&str) -> String,
    pub back_to_project: &'static str,
    pub summary: fn(i64, i64, i64) -> String,
    pub intro: &'static str,
    pub matrix_caption: &'static str,
    pub person: &'static str,
    pub nothing_to_sign: &'static str,
    pub not_required: &'static str,
    pub nobody_in_role: &'static str,
    pub revision: fn(i64) -> String,
    pub signed_revision: fn(i64) -> String,
    pub outstanding: &'static str,
    pub nothing_outstanding: &'static str,
    pub sign: &'static str,
    pub sign_again: &'static str,
    pub sign_heading: &'static str,
    pub what_you_sign: &'static str,
    pub subject: &'static str,
    pub fingerprint: &'static str,
    pub meaning: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub confirm_sign: &'static str,
    pub cancel: &'static str,
    pub revoke: &'static str,
    pub revoke_heading: &'static str,
    pub reason: &'static str,
    pub confirm_revoke: &'static str,
    pub revoked: fn(&str) -> String,
    pub audit: &'static str,
    pub audit_intro: &'static str,
    pub audit_empty: &'static str,
    pub seq: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,
    pub hash: &'static str,
    pub older: &'static str,
    kinds: [&'static str; 3],
    capacities: [&'static str; 3],
    states: [&'static str; 3],
    actions: [&'static str; 6],
}

/// The project page's link to the sign-off page (kept out of the struct so the project page,
/// which is in the main bundle, does not pull in the whole sign-off page's strings).
pub fn signoffs_link(locale: Locale) -> &'static str {
    locale.pick("签字确认", "Sign-offs")
}

impl SignoffMessages {
    pub fn of(locale: Locale) -> &'static SignoffMessages {
        match locale {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }

    pub fn kind(&self, kind: SubjectKind) -> &'static str {
        self.kinds[kind as usize]
    }

    pub fn capacity(&self, capacity: Capacity) -> &'static str {
        self.capacities[capacity as usize]
    }

    pub fn state(&self, state: CellState) -> &'static str {
        self.states[state as usize]
    }

    /// An audit action's name; unknown stored names are shown as stored.
    pub fn action(&self, raw: &str) -> String {
        match AuditAction::parse(raw) {
            Some(a) => self.actions[AuditAction::ALL.iter().position(|x| *x == a).unwrap_or(0)].to_string(),
            None => raw.to_string(),
        }
    }
}

pub static EN: SignoffMessages = SignoffMessages {
    title: |p| format!("Sign-offs: {p}"),
    back_to_project: "Back to the project",
    summary: |s, t, m| format!("{s} signed · {t} stale · {m} missing"),
    intro: "Who must sign what is derived from the project: the PM of each department with change points signs the requirement; \
            the PM and the architect (or tech manager) of each department with work sign the chosen solution; each such \
            department's leader signs the baseline. A signature goes stale by itself when what it signed changes.",
    matrix_caption: "Sign-off matrix: people × subjects",
    person: "Person",
    nothing_to_sign: "Nothing to sign yet: no requirement is past draft, and no option is chosen.",
    not_required: "—",
    nobody_in_role: "Nobody holds this role",
    revision: |n| format!("revision {n}"),
    signed_revision: |n| format!("signed revision {n}"),
    outstanding: "Stale and missing sign-offs",
    nothing_outstanding: "Every required sign-off is current.",
    sign: "Sign",
    sign_again: "Sign again",
    sign_heading: "Sign",
    what_you_sign: "What you sign",
    subject: "Subject",
    fingerprint: "Content fingerprint (SHA-256)",
    meaning: "Meaning of your signature",
    password: "Your password",
    password_hint: "Enter your password again to sign.",
    confirm_sign: "Sign with my password",
    cancel: "Cancel",
    revoke: "Revoke",
    revoke_heading: "Revoke your sign-off",
    reason: "Reason",
    confirm_revoke: "Revoke sign-off",
    revoked: |r| format!("revoked: {r}"),
    audit: "Audit log",
    audit_intro: "Append-only: each entry carries the hash of the one before. `concord audit verify` proves it unaltered.",
    audit_empty: "Nothing recorded yet.",
    seq: "#",
    when: "When",
    who: "Who",
    what: "What",
    hash: "Hash",
    older: "Older entries",
    kinds: ["Requirement", "Solution", "Baseline"],
    capacities: ["PM", "Architect / tech manager", "Leader"],
    states: ["Signed", "Stale", "Missing"],
    actions: ["Signed", "Revoked a sign-off", "Decision recorded", "Meeting closed", "Meeting amended", "Change request decided"],
};

pub static ZH: SignoffMessages = SignoffMessages {
    title: |p| format!("签字确认：{p}"),
    back_to_project: "返回项目",
    summary: |s, t, m| format!("已签 {s} · 已失效 {t} · 未签 {m}"),
    intro: "谁需要签什么由项目自动推导：有改动点的部门的产品经理签需求；方案中有工作的部门的产品经理和架构师（或技术经理）签选定方案；\
            这些部门的负责人签基线。所签内容一旦变化，签字会自动失效。",
    matrix_caption: "签字矩阵：人员 × 签字对象",
    person: "人员",
    nothing_to_sign: "暂无需要签字的内容：没有已过草稿阶段的需求，也没有选定的方案。",
    not_required: "—",
    nobody_in_role: "该角色无人担任",
    revision: |n| format!("第 {n} 版"),
    signed_revision: |n| format!("签于第 {n} 版"),
    outstanding: "已失效和未签的签字",
    nothing_outstanding: "所有需要的签字都是最新的。",
    sign: "签字",
    sign_again: "重新签字",
    sign_heading: "签字确认",
    what_you_sign: "你所签的内容",
    subject: "签字对象",
    fingerprint: "内容指纹（SHA-256）",
    meaning: "签字含义",
    password: "你的密码",
    password_hint: "请再次输入密码以签字。",
    confirm_sign: "用我的密码签字",
    cancel: "取消",
    revoke: "撤销",
    revoke_heading: "撤销你的签字",
    reason: "原因",
    confirm_revoke: "撤销签字",
    revoked: |r| format!("已撤销：{r}"),
    audit: "审计日志",
    audit_intro: "只追加：每条记录都带有上一条的哈希。运行 `concord audit verify` 可证明记录未被篡改。",
    audit_empty: "暂无记录。",
    seq: "序号",
    when: "时间",
    who: "操作人",
    what: "事项",
    hash: "哈希",
    older: "更早的记录",
    kinds: ["需求", "方案", "基线"],
    capacities: ["产品经理", "架构师／技术经理", "负责人"],
    states: ["已签", "已失效", "未签"],
    actions: ["签字", "撤销签字", "记录决定", "关闭会议", "会议更正", "变更申请决策"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_state_and_action_has_a_name_in_both_languages() {
        for m in [&EN, &ZH] {
            for k in SubjectKind::ALL {
                assert!(!m.kind(k).is_empty());
            }
            for c in Capacity::ALL {
                assert!(!m.capacity(c).is_empty());
            }
            for s in [CellState::Signed, CellState::Stale, CellState::Missing] {
                assert!(!m.state(s).is_empty());
            }
            for a in AuditAction::ALL {
                assert_ne!(m.action(a.as_str()), a.as_str());
            }
            assert_eq!(m.action("future_action"), "future_action");
        }
    }
}
