//! Who is asking: the signed-in person's DTO (shared) and, on the server, sessions, tokens,
//! password hashing, login rate limiting and `require_user`.

use crate::domain::people::JobRole;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod limiter;
#[cfg(feature = "ssr")]
mod server;
#[cfg(feature = "ssr")]
pub use server::*;

/// The signed-in person as the UI and the API see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CurrentUser {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub department_id: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "pm"))]
    pub role: JobRole,
    pub is_admin: bool,
    /// The person's chosen language; `None` follows the browser.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>, example = "zh-CN"))]
    pub locale: Option<Locale>,
}

impl CurrentUser {
    pub fn actor(&self) -> crate::domain::permissions::Actor<'_> {
        crate::domain::permissions::Actor {
            user_id: &self.id,
            department_id: &self.department_id,
            role: self.role,
            is_admin: self.is_admin,
        }
    }
}
