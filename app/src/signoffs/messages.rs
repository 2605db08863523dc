//! The sign-off and audit pages' messages (`[signoffs]` in the locale files) and the names of
//! subjects, capacities, cell states and audit actions in them.

use super::dto::{Capacity, CellState, SubjectKind};
use crate::audit::AuditAction;
use crate::i18n::Locale;

pub use crate::i18n::catalog::SignoffMessages;

impl SignoffMessages {
    pub fn of(locale: Locale) -> &'static SignoffMessages {
        &crate::i18n::catalog::get(locale).signoffs
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalog;

    #[test]
    fn every_kind_state_and_action_has_a_name_in_both_languages() {
        for m in [&catalog::EN.signoffs, &catalog::ZH.signoffs] {
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
