//! Wire types for departments and people, shared by server functions, the REST API and the UI.

use crate::domain::people::JobRole;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DepartmentDto {
    pub id: String,
    /// Short unique code such as `A`.
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Send it back as `version` when editing.
    pub version: i64,
}

impl DepartmentDto {
    /// The name in the reader's language.
    pub fn name(&self, locale: crate::i18n::Locale) -> &str {
        locale.pick(&self.name_zh, &self.name_en)
    }
}

/// A new department, or all fields of an edited one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DepartmentInput {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A partial edit of a department (REST `PATCH`): absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DepartmentPatch {
    pub code: Option<String>,
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    /// The version the edit started from: required (428 without it); an older one is 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonDto {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub department_id: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "architect"))]
    pub role: JobRole,
    pub is_admin: bool,
    /// Send it back as `version` when editing.
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewPerson {
    pub username: String,
    pub display_name: String,
    pub department_id: String,
    /// pm, architect, engineer, tech-manager or leader
    pub role: String,
    #[serde(default)]
    pub is_admin: bool,
    pub password: String,
}

/// A partial edit of a person by an admin; `password` resets it (and signs them out everywhere).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonPatch {
    pub display_name: Option<String>,
    pub department_id: Option<String>,
    pub role: Option<String>,
    pub is_admin: Option<bool>,
    pub password: Option<String>,
    /// The version the edit started from: required (428 without it); an older one is 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = i64))]
    pub version: Option<i64>,
}
