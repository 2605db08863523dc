//! Concord's Leptos application, compiled twice: for the server (`ssr`) and for the browser
//! (`hydrate`). `domain` is pure and shared; `db`, `state` and the services are server-only.

#![recursion_limit = "256"]

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod change_requests;
pub mod domain;
pub mod error;
pub mod i18n;
mod lazy_pages;
pub mod meetings;
pub mod notifications;
pub mod organisation;
pub mod projects;
pub mod requirements;
pub mod schedule;
pub mod schedule_settings;
pub mod signoffs;
mod site_assets;
pub mod solutions;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod trail;

use crate::ui::PageTitle;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, Lazy, SsrMode};

/// The HTML document around the app (server only renders it; the browser hydrates `<body>`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = ui::i18n_context::initial_locale();
    let lang = locale.tag();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <site_assets::BundleTags options/>
                <MetaTags/>
                <i18n::catalog::CatalogScript locale/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    site_assets::disable_lazy_chunk_hints();
    let i18n = ui::I18n::provide();
    ui::session::provide_session();
    ui::layout::InboxBadge::provide();
    // On the server, leptos_axum reads the title after the render's reactive owner may already be
    // gone (under load it was, and reading a disposed signal panicked the request): there it is a
    // plain string. In the browser it follows the language switch.
    #[cfg(feature = "ssr")]
    let title = leptos::text_prop::TextProp::from(i18n.locale.get_untracked().messages().app_name);
    #[cfg(not(feature = "ssr"))]
    let title = leptos::text_prop::TextProp::from(move || i18n.m().app_name.to_string());
    let description = i18n.locale.get_untracked().messages().app_description;
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
        <Router>
            <ui::layout::Header/>
            <main id="main">
                {lazy_pages::routes!()}
            </main>
        </Router>
    }
}

/// A real 404 page (and status) for unknown addresses and for things one may not see.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = ui::use_i18n();
    view! {
        <section class="not-found">
            <PageTitle text=t!(i18n, not_found_title)/>
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <A href="/">{t!(i18n, back_home)}</A>
        </section>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy routes (split-off page code, see `lazy_pages`) can only be hydrated asynchronously: the
    // page's code may have to be fetched first.
    wasm_bindgen_futures::spawn_local(async {
        leptos::mount::hydrate_from_async(leptos::tachys::dom::body(), App).await.forget();
        // Marks the page as interactive: browser tests wait for it instead of guessing a delay.
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
