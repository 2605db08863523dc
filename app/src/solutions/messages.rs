//! The solution-option pages' messages (`[options]` in the locale files): the option editor and
//! its work-plan table, the impact block, the option page (choosing, revisions, comments and
//! concerns) and the comparison. The engine's own words (waits, the explanation, plan errors) stay in
//! [`crate::schedule::messages`]; the shared ones (save, edit, loading) in [`crate::i18n::Messages`].

use crate::domain::solutions::OptionStatus;
use crate::i18n::Locale;

pub use crate::i18n::catalog::OptionMessages;

impl OptionMessages {
    /// How many cells of the work plan need fixing.
    pub fn fix_cells(&self, n: usize) -> String {
        if n == 1 {
            self.fix_cells_one.to_string()
        } else {
            self.fix_cells_many(n)
        }
    }

    /// The work plan's heading with its number of items.
    pub fn work_plan_count(&self, n: usize) -> String {
        if n == 1 {
            self.work_plan_count_one.to_string()
        } else {
            self.work_plan_count_many(n)
        }
    }

    /// How many concerns are open.
    pub fn open_concerns_count(&self, n: i64) -> String {
        if n == 1 {
            self.open_concerns_count_one.to_string()
        } else {
            self.open_concerns_count_many(n)
        }
    }

    /// Why choosing now needs a reason: this many concerns are open.
    pub fn override_needed(&self, n: i64) -> String {
        if n == 1 {
            self.override_needed_one.to_string()
        } else {
            self.override_needed_many(n)
        }
    }
}

impl OptionMessages {
    pub fn of(locale: Locale) -> &'static OptionMessages {
        &crate::i18n::catalog::get(locale).options
    }

    pub fn status_name(&self, status: OptionStatus) -> &'static str {
        match status {
            OptionStatus::Proposed => self.status_names[0],
            OptionStatus::Chosen => self.status_names[1],
            OptionStatus::NotChosen => self.status_names[2],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog;

    #[test]
    fn every_status_has_a_name_in_both_languages() {
        for m in [&catalog::EN.options, &catalog::ZH.options] {
            for s in [OptionStatus::Proposed, OptionStatus::Chosen, OptionStatus::NotChosen] {
                assert!(!m.status_name(s).is_empty());
            }
        }
    }
}
