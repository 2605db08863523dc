//! Requirement pages: a project's list (filters, search, sort, pages), the new and edit forms, and
//! the diff between two revisions. The requirement's own page is in [`super::detail`].

use super::api::{diff_revisions, form_options, get_requirement, list_requirements};
use super::diff_view::DiffView;
use super::dto::{RequirementFormOptions, RequirementListQuery, RequirementPage};
use super::editor::{EditTarget, RequirementEditor};
use super::messages::RequirementMessages;
use crate::domain::requirements::RequirementStatus;
use crate::error::AppError;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::session::use_user;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::{Form, A};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RequirementListPage() -> impl IntoView {
    view! { <RequireLogin><RequirementList/></RequireLogin> }
}

#[component]
fn RequirementList() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let project_id = move || params.read().get("id").unwrap_or_default();
    let list_query = move || {
        let q = query.read();
        RequirementListQuery {
            status: q.get("status"),
            department: q.get("department"),
            owner: q.get("owner"),
            q: q.get("q"),
            sort: q.get("sort"),
            limit: None,
            offset: q.get("offset").and_then(|o| o.parse().ok()),
        }
    };
    let options = Resource::new(project_id, form_options);
    let page = Resource::new(move || (project_id(), list_query()), |(id, q)| list_requirements(id, q));
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let options = match options.await {
                    Ok(o) => o,
                    Err(e) => return load_error(e),
                };
                let page = page.await;
                view! { <ListContent options page query=list_query()/> }.into_any()
            })}
        </Transition>
    }
}

#[component]
fn ListContent(options: RequirementFormOptions, page: Result<RequirementPage, AppError>, query: RequirementListQuery) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let project_id = options.project_id.clone();
    let selected = |value: &Option<String>, option: &str| value.as_deref() == Some(option);
    let (status, department, owner, sort) = (query.status.clone(), query.department.clone(), query.owner.clone(), query.sort.clone());
    let search_text = query.q.clone().unwrap_or_default();
    view! {
        <PageTitle text={let p = options.project_name.clone(); move || format!("{} · {}", rm().requirements, p)}/>
        <div class="page-title">
            <h1>{move || rm().requirements} " · " <A href=format!("/projects/{project_id}")>{options.project_name.clone()}</A></h1>
            {options.can_edit.then(|| view! {
                <A href=format!("/projects/{}/requirements/new", options.project_id) attr:class="button">{move || rm().new_requirement}</A>
            })}
        </div>
        <Form method="GET" action="" attr:class="filters card">
            <label><span>{move || rm().search}</span>
                <input type="search" name="q" value=search_text placeholder=move || rm().search_placeholder/></label>
            <label><span>{move || rm().status}</span>
                <select name="status">
                    <option value="">{move || rm().any}</option>
                    {RequirementStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=selected(&status, s.as_str())>{move || rm().status_name(s)}</option>
                    }).collect_view()}
                </select></label>
            <label><span>{t!(i18n, department)}</span>
                <select name="department">
                    <option value="">{move || rm().any}</option>
                    {options.departments.iter().cloned().map(|d| {
                        let (value, is_selected) = (d.id.clone(), selected(&department, &d.id));
                        view! {
                        <option value=value selected=is_selected>{move || d.label(i18n.get())}</option>
                    }}).collect_view()}
                </select></label>
            <label><span>{move || rm().owner}</span>
                <select name="owner">
                    <option value="">{move || rm().any}</option>
                    {options.owners.iter().map(|o| view! {
                        <option value=o.id.clone() selected=selected(&owner, &o.id)>{o.display_name.clone()}</option>
                    }).collect_view()}
                </select></label>
            <label><span>{move || rm().sort}</span>
                <select name="sort">
                    {["number", "number_asc", "updated", "title", "priority", "status"]
                        .into_iter().map(|value| {
                            let label = move || {
                                let m = rm();
                                match value {
                                    "number" => m.sort_newest,
                                    "number_asc" => m.sort_oldest,
                                    "updated" => m.sort_updated,
                                    "title" => m.title,
                                    "priority" => m.priority,
                                    _ => m.status,
                                }
                            };
                            view! { <option value=value selected=selected(&sort, value)>{label}</option> }
                        }).collect_view()}
                </select></label>
            <button type="submit">{move || rm().search}</button>
        </Form>
        {match page {
            Err(e) => load_error(e),
            Ok(page) => view! { <ListTable page query/> }.into_any(),
        }}
    }
}

#[component]
fn ListTable(page: RequirementPage, query: RequirementListQuery) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    if page.items.is_empty() {
        return view! { <p class="muted empty">{move || rm().no_requirements}</p> }.into_any();
    }
    let (first, last, total) = (page.offset + 1, page.offset + page.items.len() as i64, page.total);
    let link_to = move |offset: i64| {
        let mut params: Vec<(String, String)> = Vec::new();
        for (k, v) in
            [("q", &query.q), ("status", &query.status), ("department", &query.department), ("owner", &query.owner), ("sort", &query.sort)]
        {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                params.push((k.into(), v.clone()));
            }
        }
        params.push(("offset".into(), offset.to_string()));
        let encoded: Vec<String> = params.iter().map(|(k, v)| format!("{k}={}", urlencode(v))).collect();
        format!("?{}", encoded.join("&"))
    };
    let previous = (page.offset > 0).then(|| link_to((page.offset - page.limit).max(0)));
    let next = (last < total).then(|| link_to(last));
    view! {
        <table class="requirements" tabindex="0">
            <thead><tr>
                <th>{move || rm().key}</th><th>{move || rm().title}</th><th>{move || rm().status}</th>
                <th>{move || rm().priority}</th><th>{move || rm().owner}</th><th>{move || rm().updated}</th>
            </tr></thead>
            <tbody>
                {page.items.into_iter().map(|r| {
                    let (status, late, updated) = (r.status, r.late_changes, r.updated_at);
                    let priority = r.priority;
                    view! {
                        <tr>
                            <td class="key">{r.key.clone()}</td>
                            <td><A href=format!("/requirements/{}", r.id)>{r.title.clone()}</A>
                                {(late > 0).then(|| view! { " " <span class="badge late">{move || rm().late_changes(late)}</span> })}</td>
                            <td><span class=format!("status status-{}", status.as_str())>{move || rm().status_name(status)}</span></td>
                            <td>{move || rm().priority_name(priority)}</td>
                            <td>{r.owner_name.clone()}</td>
                            <td>{move || i18n.get().day_of(updated)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <nav class="pager">
            <span class="muted">{move || rm().showing(first, last, total)}</span>
            {previous.map(|href| view! { <A href=href>{move || rm().previous}</A> })}
            {next.map(|href| view! { <A href=href>{move || rm().next}</A> })}
        </nav>
    }
    .into_any()
}

/// Percent-encodes a query-string value (UTF-8, so Chinese search words survive). Not the router's
/// `Url::escape`: that encodes differently on the server and in the browser, and these links are
/// rendered on both.
fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
pub fn NewRequirementPage() -> impl IntoView {
    view! { <RequireLogin><NewRequirement/></RequireLogin> }
}

#[component]
fn NewRequirement() -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let params = use_params_map();
    let user = use_user();
    let options = Resource::new(move || params.read().get("id").unwrap_or_default(), form_options);
    view! {
        <PageTitle text=move || rm().new_requirement/>
        <h1>{move || rm().new_requirement}</h1>
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || {
                let user_id = user.id.clone();
                Suspend::new(async move {
                    match options.await {
                        Err(e) => load_error(e),
                        Ok(o) if !o.can_edit => load_error(AppError::Forbidden),
                        Ok(o) => view! {
                            <p><A href=format!("/projects/{}/requirements", o.project_id)>{o.project_name.clone()}</A></p>
                            <RequirementEditor target=EditTarget::New { project_id: o.project_id.clone() } content=None
                                departments=o.departments owners=o.owners default_owner=user_id/>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn EditRequirementPage() -> impl IntoView {
    view! { <RequireLogin><EditRequirement/></RequireLogin> }
}

#[component]
fn EditRequirement() -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let params = use_params_map();
    // One resource for both, so the form hydrates from what the server loaded.
    let loaded = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        |id| async move {
            let detail = get_requirement(id).await?;
            let options = form_options(detail.project_id.clone()).await?;
            Ok::<_, AppError>((detail, options))
        },
    );
    view! {
        <PageTitle text=move || rm().edit_requirement/>
        <h1>{move || rm().edit_requirement}</h1>
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let (detail, options) = match loaded.await {
                    Ok((d, o)) if d.can_edit => (d, o),
                    Ok(_) => return load_error(AppError::Forbidden),
                    Err(e) => return load_error(e),
                };
                let owner = detail.content.owner_id.clone();
                view! {
                    <p><A href=format!("/requirements/{}", detail.id)>{format!("{} · {}", detail.key, detail.content.title)}</A>
                        " · " {move || rm().revision(detail.version)}</p>
                    <RequirementEditor target=EditTarget::Existing { requirement_id: detail.id.clone(), version: detail.version }
                        content=Some(detail.content.clone()) departments=options.departments owners=options.owners default_owner=owner/>
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn RequirementDiffPage() -> impl IntoView {
    view! { <RequireLogin><RequirementDiff/></RequireLogin> }
}

#[component]
fn RequirementDiff() -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let params = use_params_map();
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        let number = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        (params.read().get("id").unwrap_or_default(), number("from"), number("to"))
    };
    let diff = Resource::new(args, |(id, from, to)| diff_revisions(id, from, to));
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match diff.await {
                    Err(AppError::NotFound) => load_error(AppError::NotFound),
                    Err(e) => {
                        // A revision number that does not exist (an edited or stale link): say
                        // which, under a heading, with the way back.
                        let (id, from, to) = args();
                        let message = move || match e.field() {
                            Some("from") => rm().no_such_revision(from),
                            Some("to") => rm().no_such_revision(to),
                            _ => i18n.get().error(&e),
                        };
                        view! {
                            <PageTitle text=move || rm().diff_unavailable/>
                            <h1>{move || rm().diff_unavailable}</h1>
                            <p class="form-error" role="alert">{message}</p>
                            <p><A href=format!("/requirements/{id}")>{move || rm().back_to_requirement}</A></p>
                        }
                        .into_any()
                    }
                    Ok(d) => {
                        let (from, to) = (d.from.clone(), d.to.clone());
                        let id = args().0;
                        view! {
                            <PageTitle text={let (a, b) = (from.revision, to.revision); move || rm().diff_title(a, b)}/>
                            <h1>{move || rm().diff_title(from.revision, to.revision)}</h1>
                            <p class="muted">
                                {move || format!("{} — {}, {}", rm().revision(from.revision), from.author_name, i18n.get().day_of(from.created_at))}
                                <br/>
                                {move || format!("{} — {}, {}", rm().revision(to.revision), to.author_name, i18n.get().day_of(to.created_at))}
                            </p>
                            <DiffView diff=d/>
                            <p><A href=format!("/requirements/{id}")>{move || rm().back_to_requirement}</A></p>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}
