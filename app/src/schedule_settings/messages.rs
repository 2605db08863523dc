//! The calendar years section's messages (`[calendar_years]` in the locale files). The shared words
//! (save, edit, loading) are in [`crate::i18n::Messages`]; a refused year's words are the engine's
//! ([`crate::schedule::messages`]).

use super::dto::{YearImport, YearSource};
use crate::i18n::Locale;

pub use crate::i18n::catalog::YearMessages;

impl YearMessages {
    pub fn of(locale: Locale) -> &'static YearMessages {
        &crate::i18n::catalog::get(locale).calendar_years
    }

    pub fn source(&self, source: YearSource) -> &'static str {
        match source {
            YearSource::Shipped => self.source_shipped,
            YearSource::Entered => self.source_entered,
        }
    }

    pub fn status(&self, status: YearImport) -> &'static str {
        match status {
            YearImport::Added => self.status_added,
            YearImport::Unchanged => self.status_unchanged,
            YearImport::Replaced => self.status_replaced,
            YearImport::Conflict => self.status_conflict,
        }
    }

    /// A recorded change's action (`add`, `edit`, `remove`, `import`) in words.
    pub fn action(&self, action: &str) -> &'static str {
        match action {
            "add" => self.action_add,
            "edit" => self.action_edit,
            "remove" => self.action_remove,
            _ => self.action_import,
        }
    }
}
