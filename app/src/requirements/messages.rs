//! The requirement pages' messages (`[requirements]` in the locale files) and the names of
//! statuses and priorities in them (the shared words — save, edit, remove, department — are in
//! [`crate::i18n::Messages`]).

use crate::domain::requirement_content::Priority;
use crate::domain::requirements::RequirementStatus;
use crate::i18n::Locale;

pub use crate::i18n::catalog::RequirementMessages;

impl RequirementMessages {
    pub fn of(locale: Locale) -> &'static RequirementMessages {
        &crate::i18n::catalog::get(locale).requirements
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog;

    #[test]
    fn every_status_and_priority_has_a_name_in_both_languages() {
        for m in [&catalog::EN.requirements, &catalog::ZH.requirements] {
            for s in RequirementStatus::ALL {
                assert!(!m.status_name(s).is_empty());
            }
            for p in Priority::ALL {
                assert!(!m.priority_name(p).is_empty());
            }
        }
        assert_eq!(catalog::EN.requirements.status_name(RequirementStatus::Cancelled), "Cancelled");
        assert_eq!(catalog::ZH.requirements.priority_name(Priority::Critical), "紧急");
    }
}
