//! The `/inbox` page: the person's notifications, newest first, unread ones marked in words (not
//! only by colour), each opening the page it is about; one by one or all at once marked read.
//! The header's badge is asked again after each change (see [`InboxBadge`]).

use super::api::{inbox_badge, list_notifications, mark_all_notifications_read, mark_notification_read};
use super::dto::{is_internal_link, NotificationDto};
use super::messages::InboxMessages;
use crate::error::AppError;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::layout::InboxBadge;
use crate::ui::submit::{submit, submit_or};
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn InboxPage() -> impl IntoView {
    view! { <RequireLogin><Inbox/></RequireLogin> }
}

#[component]
fn Inbox() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let unread_only = move || query.read().get("unread").is_some_and(|v| v == "1");
    // Bumped after marking, so the list and the count reload (and the header's badge with them).
    let changes = RwSignal::new(0u32);
    let badge = use_context::<InboxBadge>();
    let changed = move || {
        changes.update(|n| *n += 1);
        if let Some(badge) = badge {
            badge.refresh();
        }
    };
    let items = Resource::new(move || (unread_only(), changes.get()), |(unread_only, _)| list_notifications(unread_only));
    let unread = Resource::new(move || changes.get(), |_| inbox_badge());
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let items = match items.await {
                    Ok(items) => items,
                    Err(e) => return load_error(e),
                };
                let unread = unread.await.ok().flatten().unwrap_or(0);
                view! { <InboxContent items unread unread_only=unread_only() changed/> }.into_any()
            })}
        </Transition>
    }
}

#[component]
fn InboxContent(
    items: Vec<NotificationDto>,
    unread: i64,
    unread_only: bool,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let im = move || InboxMessages::of(i18n.get());
    let mark_all = submit(|_: &()| mark_all_notifications_read(), move |_| changed());
    let error = mark_all.error;
    let empty = items.is_empty();
    let current = |selected: bool| if selected { Some("page") } else { None };
    view! {
        <PageTitle text=move || im().title/>
        <div class="page-title">
            <h1>{move || im().title}</h1>
            <button type="button" class="mark-all-read" disabled=move || unread == 0 || mark_all.pending()
                on:click=move |_| { mark_all.dispatch(()); }>
                {move || im().mark_all_read}
            </button>
        </div>
        <p class="muted unread-summary">{move || im().unread_summary(unread)}</p>
        <nav class="inbox-filter" aria-label=move || im().show>
            <a href="/inbox" aria-current=current(!unread_only)>{move || im().show_all}</a>
            " · "
            <a href="/inbox?unread=1" aria-current=current(unread_only)>{move || im().show_unread}</a>
        </nav>
        {move || error.get().map(|e| view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> })}
        {empty.then(|| view! {
            <p class="muted empty">{move || if unread_only { im().no_unread } else { im().empty }}</p>
        })}
        <ul class="inbox">
            {items.into_iter().map(|n| view! { <NotificationItem n changed error/> }).collect_view()}
        </ul>
    }
}

#[component]
fn NotificationItem(
    n: NotificationDto,
    changed: impl Fn() + Copy + Send + Sync + 'static,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let im = move || InboxMessages::of(i18n.get());
    let (kind, subject, read, created_at) = (n.kind, StoredValue::new(n.subject.clone()), n.read, n.created_at);
    let line = move || im().line(kind, &subject.read_value());
    let id = StoredValue::new(n.id.clone());
    // The list shows one error for all its items: the item's own is handed up to it.
    let mark = submit_or(move |_: &()| mark_notification_read(id.get_value()), move |_| changed(), move |e| error.set(Some(e.clone())));
    // Opening an unread one marks it read on the way; the header's count follows once stored.
    let open = move |_| {
        if !read {
            let id = id.get_value();
            spawn_local(async move {
                if mark_notification_read(id).await.is_ok() {
                    changed();
                }
            });
        }
    };
    let text = if is_internal_link(&n.link) {
        view! { <A href=n.link.clone() on:click=open attr:class="notification-link">{line}</A> }.into_any()
    } else {
        view! { <span class="notification-link">{line}</span> }.into_any()
    };
    let meta = move || {
        let locale = i18n.get();
        let day = locale.day_of(created_at);
        match &n.actor_name {
            Some(who) => format!("{} · {day}", InboxMessages::of(locale).from(who)),
            None => day,
        }
    };
    view! {
        <li class=if read { "notification" } else { "notification unread" } data-kind=kind.as_str() data-id=n.id.clone()>
            {(!read).then(|| view! { <span class="badge unread-marker">{move || im().unread}</span> " " })}
            <span class="notification-text">{text}</span>
            <span class="muted meta">{meta}</span>
            {(!read).then(|| view! {
                <button type="button" class="link mark-read" aria-label=move || im().mark_read_label(line())
                    disabled=move || mark.pending() on:click=move |_| { error.set(None); mark.dispatch(()); }>
                    {move || im().mark_read}
                </button>
            })}
        </li>
    }
}
