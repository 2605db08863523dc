//! The page header: product name, navigation, the language switch and signing out.

use crate::accounts::api::{logout, set_locale};
use crate::t;
use crate::ui::i18n_context::set_document_lang;
use crate::ui::{use_i18n, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let switch_language = move |_| {
        let next = i18n.locale.get_untracked().other();
        i18n.locale.set(next);
        set_document_lang(next);
        spawn_local(async move {
            let _ = set_locale(next.tag().to_string()).await;
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
    view! {
        <header class="site-header">
            <a class="brand" href="/">{t!(i18n, app_name)}</a>
            <nav aria-label="main">
                <Transition fallback=|| ()>
                    {move || {
                        session.user().map(|user| {
                            let admin = user.is_admin;
                            view! {
                                <A href="/">{t!(i18n, nav_projects)}</A>
                                <Show when=move || admin>
                                    <A href="/admin/departments">{t!(i18n, nav_departments)}</A>
                                    <A href="/admin/people">{t!(i18n, nav_people)}</A>
                                </Show>
                                // Everyone reads the calendar and team capacities; leaders and tech managers edit their team's.
                                <A href="/admin/schedule">{t!(i18n, nav_schedule_settings)}</A>
                                <A href="/plan-sandbox">{t!(i18n, nav_sandbox)}</A>
                                <A href="/account">{t!(i18n, nav_account)}</A>
                                <span class="who">{user.display_name.clone()}</span>
                                <button type="button" class="link" on:click=sign_out>{t!(i18n, sign_out)}</button>
                            }
                        })
                    }}
                </Transition>
                <button type="button" class="lang" lang=move || i18n.get().other().tag() on:click=switch_language>
                    {t!(i18n, switch_language)}
                </button>
            </nav>
        </header>
    }
}
