//! Wire types for sessions, set-up and access tokens.

use crate::auth::CurrentUser;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// What every page needs to know first: who is here, whether set-up is still open, the language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<CurrentUser>,
    /// True until the first administrator exists: every page then leads to the set-up form.
    pub needs_setup: bool,
    /// Demo mode only: the accounts to try, listed on the login page.
    pub demo_accounts: Vec<DemoAccount>,
    pub locale: Locale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoAccount {
    pub username: String,
    pub display_name: String,
    pub department_code: String,
    pub role: crate::domain::people::JobRole,
    pub is_admin: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LoginInput {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// The one-time first administrator, with the department they belong to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetupInput {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub department_code: String,
    pub department_name_zh: String,
    pub department_name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TokenDto {
    pub id: String,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewToken {
    pub name: String,
}

/// A freshly created token: the secret is shown this once and never stored in clear.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedToken {
    pub id: String,
    pub name: String,
    pub token: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TokenRef {
    pub id: String,
}
