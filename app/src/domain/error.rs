//! The one error vocabulary of the domain: each variant names the field (or the thing) at fault,
//! so the UI can put the message beside the input and the API can return `field`.

use serde::{Deserialize, Serialize};

/// Which input a validation error is about. Serialized as the API's `field` string.
pub type Field = &'static str;

/// A rule the input broke. Rendered into words by [`crate::i18n`], never here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
// Externally tagged (serde's default), not `tag = "…"`: it travels to the browser inside every
// server function's error, and an internally tagged enum's decoder buffers each variant through
// serde's generic `Content`, which put tens of KiB into the bundle every page loads.
#[serde(rename_all = "snake_case")]
pub enum DomainError {
    /// A required value is empty (after trimming).
    #[error("{field}: must not be empty")]
    Empty { field: String },
    /// A value is longer than allowed, counted in characters (not bytes: Chinese text counts fairly).
    #[error("{field}: must be at most {max} characters")]
    TooLong { field: String, max: u32 },
    /// A value is shorter than allowed.
    #[error("{field}: must be at least {min} characters")]
    TooShort { field: String, min: u32 },
    /// A value does not have the expected shape (a date, a code, a username...).
    #[error("{field}: is not valid")]
    Malformed { field: String },
    /// A date that must come after another comes before it.
    #[error("{field}: must not be before {other}")]
    DateBefore { field: String, other: String },
    /// A stakeholder link from a department to itself.
    #[error("{field}: a department cannot be its own upstream")]
    SelfLink { field: String },
    /// A stakeholder link that would close a loop in the upstream → downstream chain.
    #[error("{field}: this link would make a department its own upstream")]
    LinkCycle { field: String },
    /// A password given to confirm an action is not the person's password.
    #[error("{field}: wrong password")]
    WrongPassword { field: String },
    /// A value of a fixed set that is not one of its members.
    #[error("{field}: is not one of the allowed values")]
    NotAllowed { field: String },
    /// A whole number outside its allowed range (inclusive).
    #[error("{field}: must be between {min} and {max}")]
    OutOfRange { field: String, min: i64, max: i64 },
    /// Text holding a control character (a NUL byte, an escape…): refused before anything is
    /// stored or looked up. Line breaks and tabs are text, not control characters.
    #[error("{field}: must not contain control characters")]
    ControlCharacter { field: String },
    /// A working-day calendar the schedule engine refuses; `message` is the engine's (or the JSON
    /// reader's) own words, which already name the field.
    #[error("{message}")]
    InvalidCalendar {
        field: String,
        message: String,
        /// The engine's error itself, so the UI can say it in the reader's language.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        plan: Option<Box<super::schedule::PlanError>>,
    },
    /// A work plan the schedule engine refuses (a cycle, an unknown predecessor...); `message` is
    /// the engine's own words, which name the item.
    #[error("{message}")]
    InvalidPlan {
        field: String,
        message: String,
        /// The engine's error itself, so the UI can say it in the reader's language.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        plan: Option<Box<super::schedule::PlanError>>,
    },
}

impl DomainError {
    /// The field the error is about.
    pub fn field(&self) -> &str {
        match self {
            DomainError::Empty { field }
            | DomainError::TooLong { field, .. }
            | DomainError::TooShort { field, .. }
            | DomainError::Malformed { field }
            | DomainError::DateBefore { field, .. }
            | DomainError::SelfLink { field }
            | DomainError::LinkCycle { field }
            | DomainError::WrongPassword { field }
            | DomainError::NotAllowed { field }
            | DomainError::OutOfRange { field, .. }
            | DomainError::ControlCharacter { field }
            | DomainError::InvalidCalendar { field, .. }
            | DomainError::InvalidPlan { field, .. } => field,
        }
    }

    pub(crate) fn empty(field: Field) -> Self {
        DomainError::Empty { field: field.into() }
    }
    pub(crate) fn malformed(field: Field) -> Self {
        DomainError::Malformed { field: field.into() }
    }
    pub(crate) fn not_allowed(field: Field) -> Self {
        DomainError::NotAllowed { field: field.into() }
    }
}
