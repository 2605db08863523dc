//! The signed-in leader's "waiting for my decision" list: every pending schedule request that asks
//! their department, with what it does to the launch, who asked and how long it has waited.

use super::api::my_decisions;
use super::dto::ChangeRequestSummary;
use super::messages::{days_waiting, RequestMessages};
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DecisionsPage() -> impl IntoView {
    view! { <RequireLogin><DecisionsView/></RequireLogin> }
}

#[component]
fn DecisionsView() -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let waiting = Resource::new(|| (), |_| my_decisions());
    view! {
        <PageTitle text=move || rm().decisions_title/>
        <h1>{move || rm().decisions_title}</h1>
        <p class="muted">{move || rm().decisions_intro}</p>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match waiting.await {
                    Ok(list) if list.is_empty() => {
                        view! { <p class="empty" data-testid="no-decisions">{move || rm().no_decisions}</p> }.into_any()
                    }
                    Ok(mut list) => {
                        // The longest wait first: it is the one holding a project up.
                        list.sort_by_key(|r| r.created_at);
                        view! { <DecisionTable list/> }.into_any()
                    }
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// Milliseconds since the epoch: the browser's clock, or the server's while it renders (a wait
/// counted in whole days reads the same on both).
fn now_millis() -> Option<i64> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window().and_then(|w| w.performance()).map(|p| (p.time_origin() + p.now()) as i64)
    }
    #[cfg(all(feature = "ssr", not(feature = "hydrate")))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok().map(|d| d.as_millis() as i64)
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        None
    }
}

#[component]
fn DecisionTable(list: Vec<ChangeRequestSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequestMessages::of(i18n.get());
    let now = now_millis();
    view! {
        <table class="decisions" tabindex="0">
            <caption>{move || rm().decisions_caption}</caption>
            <thead><tr>
                <th scope="col">{move || rm().request}</th>
                <th scope="col">{move || rm().project}</th>
                <th scope="col">{move || rm().option}</th>
                <th scope="col">{move || rm().launch_move}</th>
                <th scope="col">{move || rm().requested_by}</th>
                <th scope="col">{move || rm().waiting_for}</th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|r| {
                    let (kind, revision, launch, created) = (r.kind, r.revision, r.launch, r.created_at);
                    let has_baseline = r.launch_moved_working_days.is_some();
                    let moved = r.launch_moved_working_days;
                    let requester = r.requested_by_name.clone();
                    view! {
                        <tr data-id=r.id.clone()>
                            <th scope="row">
                                <A href=format!("/change-requests/{}", r.id)>{move || rm().kind_name(kind, has_baseline)}</A>
                                <div class="muted request-reason">{r.reason.clone()}</div>
                            </th>
                            <td><A href=format!("/projects/{}", r.project_id)>{r.project_name.clone()}</A></td>
                            <td>
                                <A href=format!("/options/{}", r.option_id)>{r.option_title.clone()}</A>
                                <span class="muted">{move || format!(" · {}", rm().revision(revision))}</span>
                            </td>
                            <td>
                                <time datetime=launch.to_string()>{move || i18n.get().date(launch)}</time>
                                {moved.map(|n| view! {
                                    " " <strong class="launch-move" class:later={n > 0} data-moved=n>
                                        {move || format!("({})", rm().launch_move(i64::from(n)))}
                                    </strong>
                                })}
                            </td>
                            <td>{requester}</td>
                            <td>
                                {move || now.map(|now| rm().age(days_waiting(created, now))).unwrap_or_default()}
                                <div class="muted"><time>{move || i18n.get().day_of(created)}</time></div>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
