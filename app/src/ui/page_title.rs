//! The browser tab's title for a page: what the page shows, then the product ("PAY-1 付款前须审批 ·
//! Concord"), so tabs, history and bookmarks tell a requirement from a meeting. The innermost
//! title rendered wins; the app's own ("Concord") stands for pages that set none.

use super::use_i18n;
use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_meta::Title;

/// Sets the document title to `text` followed by the product's name. On the server the title is
/// computed once, as a plain string (the response's head is written after the page's reactive
/// owner may be gone); in the browser it follows the language.
#[component]
pub fn PageTitle<F, T>(text: F) -> impl IntoView
where
    F: Fn() -> T + Send + Sync + 'static,
    T: std::fmt::Display + 'static,
{
    // The generic part ends here: every page's title shares one copy of the code below.
    document_title(Box::new(move || text().to_string()))
}

fn document_title(text: Box<dyn Fn() -> String + Send + Sync>) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    let title = TextProp::from(untrack(|| titled(&text(), i18n.m().app_name)));
    #[cfg(not(feature = "ssr"))]
    let title = TextProp::from(move || titled(&text(), i18n.m().app_name));
    view! { <Title text=title/> }
}

fn titled(subject: &str, app_name: &str) -> String {
    format!("{subject} · {app_name}")
}
