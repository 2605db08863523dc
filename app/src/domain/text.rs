//! Validated text newtypes: parse, don't validate. A value of one of these types is known to be
//! trimmed, non-empty and within its length limit.

use super::error::{DomainError, Field};
use serde::{Deserialize, Serialize};

/// Trims `raw` and checks it is non-empty and at most `max` characters long.
pub fn bounded(raw: &str, field: Field, max: u32) -> Result<String, DomainError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(DomainError::empty(field));
    }
    if value.chars().count() > max as usize {
        return Err(DomainError::TooLong { field: field.into(), max });
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(DomainError::malformed(field));
    }
    Ok(value.to_string())
}

/// A character that is never part of text: a control character other than tab, line feed and
/// carriage return (NUL among them, which PostgreSQL cannot store in text at all).
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Where in `value` the first string (a value or a key) holding a forbidden control character
/// is, as a field path (`input.title`, `plan.items[2].name`; `body` for the document itself).
/// Requests are checked with it before anything is decoded or looked up.
pub fn control_character_at(value: &serde_json::Value) -> Option<String> {
    fn walk(value: &serde_json::Value, path: &mut String) -> bool {
        match value {
            serde_json::Value::String(s) => s.chars().any(is_forbidden_control),
            serde_json::Value::Array(items) => items.iter().enumerate().any(|(i, item)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(item, path);
                if !found {
                    path.truncate(len);
                }
                found
            }),
            serde_json::Value::Object(fields) => fields.iter().any(|(key, item)| {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key.chars().filter(|c| !is_forbidden_control(*c)).collect::<String>());
                let found = key.chars().any(is_forbidden_control) || walk(item, path);
                if !found {
                    path.truncate(len);
                }
                found
            }),
            _ => false,
        }
    }
    let mut path = String::new();
    walk(value, &mut path).then(|| if path.is_empty() { "body".to_string() } else { path })
}

/// The name of the first `name=value` pair (a query string, a form body) whose name or value
/// holds a forbidden control character, with those characters left out of the name.
pub fn control_character_in_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Option<String> {
    pairs
        .into_iter()
        .find(|(key, value)| key.as_ref().chars().chain(value.as_ref().chars()).any(is_forbidden_control))
        .map(|(key, _)| key.as_ref().chars().filter(|c| !is_forbidden_control(*c)).collect())
}

/// Like [`bounded`] but an empty value is allowed and becomes `""` (multi-line text allowed).
pub fn optional_long(raw: &str, field: Field, max: u32) -> Result<String, DomainError> {
    let value = raw.trim();
    if value.chars().count() > max as usize {
        return Err(DomainError::TooLong { field: field.into(), max });
    }
    Ok(value.to_string())
}

/// A display name of a person, department or project: 1..=120 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name(String);

impl Name {
    pub const MAX: u32 = 120;
    pub fn parse(raw: &str, field: Field) -> Result<Self, DomainError> {
        bounded(raw, field, Self::MAX).map(Name)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A login name: 2..=40 characters of ASCII letters, digits, `.`, `_` or `-`, stored lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Username(String);

impl Username {
    /// The longest username, in characters.
    pub const MAX: u32 = 40;

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let value = raw.trim().to_ascii_lowercase();
        if value.is_empty() {
            return Err(DomainError::empty("username"));
        }
        if value.len() < 2 {
            return Err(DomainError::TooShort { field: "username".into(), min: 2 });
        }
        if value.len() > Self::MAX as usize {
            return Err(DomainError::TooLong { field: "username".into(), max: Self::MAX });
        }
        if !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')) {
            return Err(DomainError::malformed("username"));
        }
        Ok(Username(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed: 8..=200 characters. Never serialized; only hashed.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub const MIN: u32 = 8;
    pub fn parse(raw: &str, field: Field) -> Result<Self, DomainError> {
        let n = raw.chars().count();
        if n == 0 {
            return Err(DomainError::empty(field));
        }
        if n < Self::MIN as usize {
            return Err(DomainError::TooShort { field: field.into(), min: Self::MIN });
        }
        if n > 200 {
            return Err(DomainError::TooLong { field: field.into(), max: 200 });
        }
        Ok(Password(raw.to_string()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A department's short code such as `A` or `PAY`: 1..=10 ASCII letters or digits, uppercase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentCode(String);

impl DepartmentCode {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let value = raw.trim().to_ascii_uppercase();
        if value.is_empty() {
            return Err(DomainError::empty("code"));
        }
        if value.len() > 10 {
            return Err(DomainError::TooLong { field: "code".into(), max: 10 });
        }
        if !value.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(DomainError::malformed("code"));
        }
        Ok(DepartmentCode(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_character_anywhere_in_a_request_is_found_by_its_field_path() {
        let at = |v: serde_json::Value| control_character_at(&v);
        assert_eq!(at(serde_json::json!({"username": "ad\u{0}min", "password": "x"})), Some("username".into()));
        assert_eq!(
            at(serde_json::json!({"input": {"plan": {"items": [{"name": "ok"}, {"name": "b\u{1b}[0m"}]}}})),
            Some("input.plan.items[1].name".into())
        );
        assert_eq!(at(serde_json::json!({"a\u{0}": 1})), Some("a".into()), "keys too");
        assert_eq!(at(serde_json::json!("\u{7f}")), Some("body".into()));
        assert_eq!(at(serde_json::json!({"body": "line one\nline two\r\n\ttabbed 中文"})), None, "line breaks and tabs are text");
        assert_eq!(control_character_in_pairs([("q", "fine"), ("project", "p\u{0}")]), Some("project".into()));
        assert_eq!(control_character_in_pairs([("na\u{0}me", "x")]), Some("name".into()));
        assert_eq!(control_character_in_pairs([("q", "a\tb")]), None);
    }

    #[test]
    fn names_are_trimmed_and_bounded_in_characters_not_bytes() {
        assert_eq!(Name::parse("  订单付款 ", "name").unwrap().as_str(), "订单付款");
        let long_chinese: String = "付".repeat(120);
        assert!(Name::parse(&long_chinese, "name").is_ok());
        let cases = [
            ("", DomainError::Empty { field: "name".into() }, "empty"),
            ("   ", DomainError::Empty { field: "name".into() }, "blank"),
            (&*"x".repeat(121), DomainError::TooLong { field: "name".into(), max: 120 }, "too long"),
            ("a\u{0007}b", DomainError::Malformed { field: "name".into() }, "control char"),
        ];
        for (input, expected, why) in cases {
            assert_eq!(Name::parse(input, "name").unwrap_err(), expected, "{why}");
        }
    }

    #[test]
    fn usernames_are_lowercased_and_restricted_to_a_safe_alphabet() {
        assert_eq!(Username::parse(" XiaoZhang ").unwrap().as_str(), "xiaozhang");
        for bad in ["", "a", "has space", "小张", "semi;colon", &"a".repeat(41)] {
            assert!(Username::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn department_codes_are_short_uppercase_alphanumerics() {
        assert_eq!(DepartmentCode::parse("a").unwrap().as_str(), "A");
        for bad in ["", "A-B", "ABCDEFGHIJK", "订"] {
            assert!(DepartmentCode::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn passwords_need_eight_characters_and_never_show_in_debug() {
        assert!(Password::parse("short", "password").is_err());
        let p = Password::parse("long enough", "password").unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
    }
}
