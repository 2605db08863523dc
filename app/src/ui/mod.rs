//! Building blocks every page uses: the language context, the session context and its guard, the
//! page header, form error display, the form submit helper, reading a chosen file, and where to
//! return after signing in.

pub mod comments;
pub mod files;
pub mod forms;
pub mod i18n_context;
pub mod layout;
pub mod page_title;
pub mod return_to;
pub mod session;
pub mod submit;

pub use forms::{FieldError, FormError};
pub use i18n_context::{use_i18n, I18n};
pub use page_title::PageTitle;
pub use session::{use_session, RequireLogin};

/// A reactive message: `t!(i18n, field)` is a closure that re-reads the field when the language
/// changes.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $field:ident) => {{
        let i18n = $i18n;
        move || i18n.m().$field
    }};
}

/// Loads the current address anew: a language switch whose catalog could not be fetched falls
/// back to it (a page carries one language).
pub fn reload_page() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Loads `path` as a new page: used after signing in or out, when everything on screen changes.
pub fn full_page_load(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(path);
    }
    let _ = path;
}
