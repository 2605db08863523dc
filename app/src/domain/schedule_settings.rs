//! The schedule settings people keep between plans — the organisation's working-day calendar and
//! each team's capacity, availability and own calendar — parsed here into values the schedule
//! engine accepts, so a stored setting can never make a plan fail later.

use super::dates::Date;
use super::error::{DomainError, Field};
use super::schedule::{Calendar, CalendarSpec, CustomCalendar};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How many of a plan's work items a team runs at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Capacity(i64);

impl Capacity {
    pub const MIN: i64 = 1;
    /// Far above any real team; it keeps the engine's lanes (one per unit) small.
    pub const MAX: i64 = 1000;
    /// A team without settings works on one item at a time.
    pub const DEFAULT: Capacity = Capacity(1);

    pub fn parse(value: i64) -> Result<Self, DomainError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Capacity(value))
        } else {
            Err(DomainError::OutOfRange { field: "capacity".into(), min: Self::MIN, max: Self::MAX })
        }
    }

    /// A form's text: a whole number, surrounding spaces allowed.
    pub fn parse_text(raw: &str) -> Result<Self, DomainError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(DomainError::empty("capacity"));
        }
        raw.parse::<i64>().map_err(|_| DomainError::malformed("capacity")).and_then(Self::parse)
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

impl TryFrom<i64> for Capacity {
    type Error = DomainError;
    fn try_from(value: i64) -> Result<Self, DomainError> {
        Self::parse(value)
    }
}

impl From<Capacity> for i64 {
    fn from(c: Capacity) -> i64 {
        c.0
    }
}

/// The first day a team can take a project's work; nothing (or blank) means no limit.
pub fn parse_available_from(raw: Option<&str>) -> Result<Option<Date>, DomainError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => Date::parse(text, "available_from").map(Some),
    }
}

fn invalid_calendar(field: Field, message: String) -> DomainError {
    DomainError::InvalidCalendar { field: field.into(), message, plan: None }
}

/// A calendar given as JSON — a shipped calendar's name or a custom object — accepted only if the
/// schedule engine accepts it ([`Calendar::from_spec`]); the error carries the engine's words.
pub fn parse_calendar(value: &Value, field: Field) -> Result<CalendarSpec, DomainError> {
    let spec = match value {
        Value::String(name) => CalendarSpec::Named(name.clone()),
        // Read as the custom shape directly: the untagged enum would only say "did not match any
        // variant", while this names the unknown field or the bad date.
        Value::Object(_) => CustomCalendar::deserialize(value)
            .map(CalendarSpec::Custom)
            .map_err(|e| invalid_calendar(field, format!("{field}: {e}")))?,
        _ => {
            return Err(invalid_calendar(
                field,
                format!("{field}: must be a shipped calendar's name (\"cn\", \"weekdays\") or an object such as {{\"base\": \"cn\", \"holidays\": [\"2026-03-02\"]}}"),
            ))
        }
    };
    Calendar::from_spec(&spec, field).map_err(|e| DomainError::InvalidCalendar {
        field: field.into(),
        message: e.to_string(),
        plan: Some(Box::new(e)),
    })?;
    Ok(spec)
}

/// Like [`parse_calendar`], from JSON text (a form's text area).
pub fn parse_calendar_text(text: &str, field: Field) -> Result<CalendarSpec, DomainError> {
    if text.trim().is_empty() {
        return Err(DomainError::empty(field));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| invalid_calendar(field, format!("{field}: not valid JSON: {e}")))?;
    parse_calendar(&value, field)
}

/// What the calendar picker of the settings page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalendarChoice {
    /// A department follows the organisation's calendar (not offered for the organisation itself).
    Organisation,
    /// The shipped mainland-China working calendar, `"cn"`.
    Cn,
    /// The shipped Monday–Friday calendar, `"weekdays"`.
    Weekdays,
    /// A custom calendar written as JSON.
    Custom,
}

impl CalendarChoice {
    pub const ALL: [CalendarChoice; 4] =
        [CalendarChoice::Organisation, CalendarChoice::Cn, CalendarChoice::Weekdays, CalendarChoice::Custom];

    /// The form value.
    pub fn as_str(self) -> &'static str {
        match self {
            CalendarChoice::Organisation => "organisation",
            CalendarChoice::Cn => "cn",
            CalendarChoice::Weekdays => "weekdays",
            CalendarChoice::Custom => "custom",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed("calendar"))
    }

    /// Which choice shows a stored calendar (`None`: the department follows the organisation).
    pub fn of(spec: Option<&CalendarSpec>) -> Self {
        match spec {
            None => CalendarChoice::Organisation,
            Some(CalendarSpec::Named(name)) if name == "cn" => CalendarChoice::Cn,
            Some(CalendarSpec::Named(name)) if name == "weekdays" => CalendarChoice::Weekdays,
            Some(_) => CalendarChoice::Custom,
        }
    }

    /// The calendar a submitted picker asks for, as the JSON the API takes (`None`: the
    /// organisation's). `custom_json` is read only for [`CalendarChoice::Custom`].
    pub fn to_json(self, custom_json: &str, field: Field) -> Result<Option<Value>, DomainError> {
        match self {
            CalendarChoice::Organisation => Ok(None),
            CalendarChoice::Cn | CalendarChoice::Weekdays => Ok(Some(Value::String(self.as_str().into()))),
            CalendarChoice::Custom => {
                if custom_json.trim().is_empty() {
                    return Err(DomainError::empty(field));
                }
                serde_json::from_str(custom_json).map(Some).map_err(|e| invalid_calendar(field, format!("{field}: not valid JSON: {e}")))
            }
        }
    }
}

/// A calendar as people read and edit it in the text area: pretty JSON.
pub fn calendar_text(spec: &CalendarSpec) -> String {
    serde_json::to_string_pretty(spec).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn capacity_is_a_whole_number_from_1_to_1000() {
        assert_eq!(Capacity::parse(1).map(Capacity::get), Ok(1));
        assert_eq!(Capacity::parse(1000).map(Capacity::get), Ok(1000));
        assert_eq!(Capacity::parse_text(" 3 ").map(Capacity::get), Ok(3));
        let cases = [("0", "zero"), ("-2", "negative"), ("1001", "above the limit")];
        for (raw, why) in cases {
            assert!(matches!(Capacity::parse_text(raw), Err(DomainError::OutOfRange { .. })), "{why}");
        }
        assert_eq!(Capacity::parse_text("two"), Err(DomainError::malformed("capacity")), "not a number");
        assert_eq!(Capacity::parse_text("1.5"), Err(DomainError::malformed("capacity")), "not whole");
        assert_eq!(Capacity::parse_text(" "), Err(DomainError::empty("capacity")), "blank");
        assert!(serde_json::from_value::<Capacity>(json!(0)).is_err(), "serde refuses what parse refuses");
    }

    #[test]
    fn availability_is_an_optional_iso_date() {
        assert_eq!(parse_available_from(None), Ok(None));
        assert_eq!(parse_available_from(Some("  ")), Ok(None));
        assert_eq!(parse_available_from(Some("2025-02-17")), Ok(Some(Date::parse("2025-02-17", "d").unwrap())));
        for raw in ["2025-02-30", "17/02/2025", "soon"] {
            assert_eq!(parse_available_from(Some(raw)), Err(DomainError::malformed("available_from")), "{raw}");
        }
    }

    #[test]
    fn calendars_are_accepted_only_when_the_engine_accepts_them() {
        assert_eq!(parse_calendar(&json!("cn"), "calendar"), Ok(CalendarSpec::Named("cn".into())));
        assert_eq!(parse_calendar(&json!("weekdays"), "calendar"), Ok(CalendarSpec::Named("weekdays".into())));
        let custom = json!({"base": "cn", "holidays": ["2026-03-02"], "workdays": ["2026-03-07"]});
        assert!(matches!(parse_calendar(&custom, "calendar"), Ok(CalendarSpec::Custom(_))));
        let cases = [
            (json!("mars"), "unknown calendar", "an unknown name (the engine's words)"),
            (json!({"weekends": ["sat"]}), "unknown field", "a misspelt field"),
            (json!({"holidays": ["2026-02-30"]}), "not a YYYY-MM-DD date", "an impossible date"),
            (json!({"from": "2026-06-01", "until": "2026-01-01"}), "`from` is after `until`", "an empty range"),
            (json!({"weekend": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}), "no working days", "no working day"),
            (json!(7), "shipped calendar", "a number"),
            (json!(null), "shipped calendar", "null"),
        ];
        for (value, words, why) in cases {
            match parse_calendar(&value, "calendar") {
                Err(DomainError::InvalidCalendar { field, message, .. }) => {
                    assert_eq!(field, "calendar", "{why}");
                    assert!(message.contains(words), "{why}: {message}");
                }
                other => panic!("{why}: expected an invalid calendar, got {other:?}"),
            }
        }
        assert!(matches!(parse_calendar_text("{\"base\": ", "calendar"), Err(DomainError::InvalidCalendar { .. })), "broken JSON");
        assert_eq!(parse_calendar_text(" ", "calendar"), Err(DomainError::empty("calendar")));
    }

    #[test]
    fn the_picker_round_trips_stored_calendars() {
        assert_eq!(CalendarChoice::of(None), CalendarChoice::Organisation);
        assert_eq!(CalendarChoice::of(Some(&CalendarSpec::Named("cn".into()))), CalendarChoice::Cn);
        assert_eq!(CalendarChoice::of(Some(&CalendarSpec::Named("weekdays".into()))), CalendarChoice::Weekdays);
        assert_eq!(CalendarChoice::of(Some(&CalendarSpec::Custom(CustomCalendar::default()))), CalendarChoice::Custom);
        for choice in CalendarChoice::ALL {
            assert_eq!(CalendarChoice::parse(choice.as_str()), Ok(choice));
        }
        assert_eq!(CalendarChoice::parse("moon"), Err(DomainError::not_allowed("calendar")));
        assert_eq!(CalendarChoice::Organisation.to_json("ignored", "calendar"), Ok(None));
        assert_eq!(CalendarChoice::Cn.to_json("ignored", "calendar"), Ok(Some(json!("cn"))));
        assert_eq!(CalendarChoice::Custom.to_json("{\"base\":\"cn\"}", "calendar"), Ok(Some(json!({"base": "cn"}))));
        assert!(matches!(CalendarChoice::Custom.to_json("{", "calendar"), Err(DomainError::InvalidCalendar { .. })));
        let spec = parse_calendar(&json!({"base": "cn", "holidays": ["2026-03-02"]}), "calendar").unwrap();
        assert_eq!(parse_calendar_text(&calendar_text(&spec), "calendar"), Ok(spec), "the text area shows what it saves");
    }
}
