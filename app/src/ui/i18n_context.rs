//! The current language as a signal in context: switching it re-renders every message in place,
//! without a page load.

use crate::i18n::{Locale, Messages};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// Provides the context, starting from the language the server rendered the page in.
    pub fn provide() -> Self {
        let i18n = I18n { locale: RwSignal::new(initial_locale()) };
        provide_context(i18n);
        i18n
    }

    /// The messages of the current language (tracks the signal).
    pub fn m(&self) -> &'static Messages {
        self.locale.get().messages()
    }

    pub fn get(&self) -> Locale {
        self.locale.get()
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n { locale: RwSignal::new(Locale::En) })
}

/// On the server: the person's choice, cookie or Accept-Language of the request being rendered.
#[cfg(feature = "ssr")]
pub fn initial_locale() -> Locale {
    let Some(parts) = use_context::<http::request::Parts>() else { return Locale::En };
    let user = crate::auth::Authenticated::user_of(&parts);
    crate::auth::request_locale(&parts, user.as_ref())
}

/// In the browser: whatever the server put on `<html lang>`, so hydration sees the same text.
#[cfg(not(feature = "ssr"))]
pub fn initial_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        if let Some(lang) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang"))
        {
            return Locale::from_tag(&lang).unwrap_or_default();
        }
    }
    Locale::En
}

/// Puts the language on `<html lang>` after a switch (screen readers and fonts follow it).
pub fn set_document_lang(_locale: Locale) {
    #[cfg(feature = "hydrate")]
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", _locale.tag());
    }
}
