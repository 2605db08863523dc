//! The "Solution options" section of a requirement's page: its options with status, launch and
//! open concerns, and the ways to propose one and to compare them.

use super::dto::OptionSummary;
use super::messages::OptionMessages;
use super::option_page::StatusBadge;
use crate::ui::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// `options` is loaded by the requirement page with its other data (a resource created inside the
/// page's own `<Suspense>` would be numbered differently on the server than in the hydrating
/// browser). `can_propose` shows the link to the form to stakeholders; the server still decides.
#[component]
pub fn RequirementOptions(
    requirement_id: String,
    options: Result<Vec<OptionSummary>, crate::error::AppError>,
    can_propose: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let om = move || OptionMessages::of(i18n.get());
    let rid = StoredValue::new(requirement_id);
    let body = match options {
        Err(e) => view! { <p class="form-error" role="alert">{move || i18n.get().error(&e)}</p> }.into_any(),
        Ok(list) if list.is_empty() => view! { <p class="muted">{move || om().no_options}</p> }.into_any(),
        Ok(list) => {
            let several = list.len() > 1;
            view! {
                <table class="options-list" tabindex="0">
                    <thead><tr>
                        <th scope="col">{move || om().option}</th><th scope="col">{move || om().status}</th>
                        <th scope="col">{move || om().launch}</th><th scope="col">{move || om().open_concerns}</th>
                        <th scope="col">{move || om().proposed_by}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|o| {
                            let concerns = o.open_concerns;
                            view! {
                                <tr data-id=o.id.clone()>
                                    <td><A href=format!("/options/{}", o.id)>{o.title.clone()}</A></td>
                                    <td><StatusBadge status=o.status/></td>
                                    <td><time datetime=o.launch.to_string()>{o.launch.to_string()}</time></td>
                                    <td class:has-open-concerns={concerns > 0}>{concerns}</td>
                                    <td>{o.created_by_name.clone()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                {several.then(|| view! {
                    <p><A href=format!("/requirements/{}/options/compare", rid.get_value())>{move || om().compare_options}</A></p>
                })}
            }
            .into_any()
        }
    };
    view! {
        <section class="card requirement-options">
            <div class="page-title">
                <h2>{move || om().options_title}</h2>
                <div class="row-actions">
                    {can_propose.then(|| view! {
                        <A href=format!("/requirements/{}/options/new", rid.get_value()) attr:class="button">{move || om().propose_option}</A>
                    })}
                </div>
            </div>
            {body}
        </section>
    }
}
