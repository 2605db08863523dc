//! The page header: product name, navigation (with the inbox's unread count), the language switch
//! and signing out.

use crate::accounts::api::{logout, set_locale};
use crate::notifications::api::inbox_badge;
use crate::t;
use crate::ui::i18n_context::set_document_lang;
use crate::ui::{use_i18n, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Lets a page that changed the inbox (marked something read) have the header ask for its count
/// again. Provided once by the app, above both the header and the pages: the header cannot
/// provide it itself, since the pages are not inside it.
#[derive(Clone, Copy)]
pub struct InboxBadge(RwSignal<u32>);

impl InboxBadge {
    pub fn provide() -> Self {
        let badge = InboxBadge(RwSignal::new(0));
        provide_context(badge);
        badge
    }

    /// Asks for the unread count again.
    pub fn refresh(&self) {
        self.0.update(|n| *n = n.wrapping_add(1));
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The count the server knew when it rendered the page; asked again after each client-side
    // navigation (new notifications show up as people move around) and when a page says the inbox
    // changed. Visitors have no badge.
    let unread = RwSignal::new(session.unread);
    if session.user.is_some() {
        let location = use_location();
        let badge = use_context::<InboxBadge>();
        let asked = StoredValue::new(0u64);
        Effect::watch(
            move || (location.pathname.get(), badge.map(|b| b.0.get())),
            move |_, _, _| {
                // Only the latest question's answer counts (a slow answer must not undo a newer one).
                asked.update_value(|n| *n += 1);
                let this_question = asked.get_value();
                spawn_local(async move {
                    if let Ok(Some(n)) = inbox_badge().await {
                        if asked.get_value() == this_question {
                            unread.set(n);
                        }
                    }
                });
            },
            false,
        );
    }
    let unread_count = move || unread.get();
    // A page carries one language's messages (see `i18n::catalog`): the other one is fetched
    // first, then the page switches in place; without it, the page loads anew in that language.
    let switch_language = move |_| {
        let next = i18n.locale.get_untracked().other();
        spawn_local(async move {
            let loaded = crate::i18n::catalog::load(next).await;
            if loaded {
                i18n.locale.set(next);
                set_document_lang(next);
            }
            let _ = set_locale(next.tag().to_string()).await;
            if !loaded {
                crate::ui::reload_page();
            }
        });
    };
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = logout().await;
            #[cfg(feature = "hydrate")]
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href("/login");
            }
        });
    };
    // On a narrow screen the navigation folds away behind a "Menu" button (style/main.css decides
    // when); it folds again after each navigation.
    let menu_open = RwSignal::new(false);
    let location = use_location();
    Effect::watch(move || location.pathname.get(), move |_, _, _| menu_open.set(false), false);
    view! {
        <header class="site-header">
            <a class="brand" href="/">{t!(i18n, app_name)}</a>
            <button
                type="button"
                class="menu-toggle secondary"
                aria-controls="site-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                {t!(i18n, nav_menu)}
                {move || {
                    let n = unread_count();
                    (n > 0).then(|| view! { <span class="badge unread-count" aria-hidden="true">{n}</span> })
                }}
            </button>
            <nav id="site-nav" aria-label="main" class:open=move || menu_open.get()>
                {session.user.clone().map(|user| {
                    view! {
                        <A href="/">{t!(i18n, nav_projects)}</A>
                        <A href="/decisions">{t!(i18n, nav_decisions)}</A>
                        <A href="/action-items" attr:class="action-items-link">{t!(i18n, nav_action_items)}</A>
                        // The directory of departments and people is everyone's to read (who is B's
                        // architect?); only administrators see its forms.
                        <A href="/admin/departments">{t!(i18n, nav_departments)}</A>
                        <A href="/admin/people">{t!(i18n, nav_people)}</A>
                        // Everyone reads the calendar and team capacities; leaders and tech managers edit their team's.
                        <A href="/admin/schedule">{t!(i18n, nav_schedule_settings)}</A>
                        <A href="/plan-sandbox">{t!(i18n, nav_sandbox)}</A>
                        <A href="/account">{t!(i18n, nav_account)}</A>
                        <A href="/inbox" attr:class="inbox-link" attr:aria-label=move || {
                            let n = unread_count();
                            if n > 0 { i18n.m().nav_inbox_unread(n) } else { i18n.m().nav_inbox.to_string() }
                        }>
                            {t!(i18n, nav_inbox)}
                            {move || {
                                let n = unread_count();
                                (n > 0).then(|| view! { <span class="badge unread-count" aria-hidden="true">{n}</span> })
                            }}
                        </A>
                        <span class="who">{user.display_name.clone()}</span>
                        <button type="button" class="link" on:click=sign_out>{t!(i18n, sign_out)}</button>
                    }
                })}
                <button type="button" class="lang" lang=move || i18n.get().other().tag() on:click=switch_language>
                    {t!(i18n, switch_language)}
                </button>
            </nav>
        </header>
    }
}
