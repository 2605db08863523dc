//! Reading back what this code wrote: JSON columns (plans, impacts, contents, calendars) and ISO
//! dates. They were valid when written, so a failure here means a damaged row — it is logged with
//! what was being read and answered as an internal error, never guessed at.

use crate::domain::dates::Date;
use crate::error::AppError;

/// A JSON column, decoded. `what` names it in the log ("baseline plan", "option content").
pub fn json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|e| {
        tracing::error!(error = %e, what, "stored JSON is unreadable");
        AppError::Internal
    })
}

/// A value as its JSON column text.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!(error = %e, "a value could not be written as JSON");
        AppError::Internal
    })
}

/// An ISO date column (`2025-01-20`), decoded.
pub fn date(text: &str) -> Result<Date, AppError> {
    Date::parse(text, "date").map_err(|_| {
        tracing::error!(date = text, "a stored date is unreadable");
        AppError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_json_and_dates_are_internal_errors_not_defaults() {
        assert!(matches!(json::<Vec<i32>>("[1, 2", "numbers"), Err(AppError::Internal)));
        assert!(matches!(date("2025-13-40"), Err(AppError::Internal)));
        assert_eq!(json::<Vec<i32>>(&to_json(&vec![1, 2]).unwrap(), "numbers").unwrap(), vec![1, 2]);
        assert_eq!(date("2025-01-20").unwrap().to_string(), "2025-01-20");
    }
}
