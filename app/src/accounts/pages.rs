//! Sign-in, first-administrator set-up and "my account" pages.

use super::api::{ChangePassword, CreateToken, Login, RevokeToken, SetupFirstAdmin};
use super::dto::SessionInfo;
use crate::t;
use crate::ui::forms::action_error;
use crate::ui::return_to::after_sign_in;
use crate::ui::PageTitle;
use crate::ui::{full_page_load, use_i18n, use_session, FieldError, FormError, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let action = ServerAction::<Login>::new();
    let error = action_error(action);
    // Where the visitor was going (a deep link), or the project list.
    let next = after_sign_in(&leptos_router::hooks::use_location().search.get_untracked());
    let after = next.clone();
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            full_page_load(&after);
        }
    });
    if session.needs_setup {
        return view! { <Redirect path="/setup"/> }.into_any();
    }
    if session.user.is_some() {
        return view! { <Redirect path=next/> }.into_any();
    }
    // Only the demo accounts' list waits for data (and only demo mode has one).
    let demo = Resource::new(|| (), |_| super::api::get_session());
    view! {
        <section class="card narrow">
            <PageTitle text=t!(i18n, login_title)/>
            <h1>{t!(i18n, login_title)}</h1>
            <ActionForm action=action>
                <label>
                    <span>{t!(i18n, username)}</span>
                    <input name="username" autocomplete="username" required/>
                </label>
                <FieldError error field="username"/>
                <label>
                    <span>{t!(i18n, password)}</span>
                    <input type="password" name="password" autocomplete="current-password" required/>
                </label>
                <FieldError error field="password"/>
                <FormError error fields=&["username", "password"]/>
                <button type="submit">{t!(i18n, sign_in)}</button>
            </ActionForm>
        </section>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match demo.await {
                    Ok(SessionInfo { demo_accounts, .. }) => view! { <DemoAccounts accounts=demo_accounts/> }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{move || i18n.get().error(&e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// Demo mode only: who to sign in as, and the shared password.
#[component]
fn DemoAccounts(accounts: Vec<super::dto::DemoAccount>) -> impl IntoView {
    let i18n = use_i18n();
    (!accounts.is_empty()).then(|| {
        view! {
            <section class="card demo-accounts" aria-labelledby="demo-accounts-title">
                <h2 id="demo-accounts-title">{t!(i18n, demo_accounts)}</h2>
                <p>{t!(i18n, demo_password_note)} " " <code>{super::DEMO_PASSWORD}</code></p>
                <table tabindex="0">
                    <thead>
                        <tr>
                            <th>{t!(i18n, username)}</th>
                            <th>{t!(i18n, display_name)}</th>
                            <th>{t!(i18n, department)}</th>
                            <th>{t!(i18n, role)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {accounts
                            .into_iter()
                            .map(|a| {
                                let role = a.role;
                                let admin = a.is_admin;
                                view! {
                                    <tr>
                                        <td><code>{a.username}</code></td>
                                        <td>{a.display_name}</td>
                                        <td>{a.department_code}</td>
                                        <td>
                                            {move || i18n.get().job_role(role)}
                                            {move || admin.then(|| format!(" · {}", i18n.m().admin))}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
        }
    })
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let action = ServerAction::<SetupFirstAdmin>::new();
    let error = action_error(action);
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            full_page_load("/");
        }
    });
    const FIELDS: &[&str] = &["username", "display_name", "password", "code", "name_zh", "name_en"];
    if !session.needs_setup {
        return view! { <Redirect path="/"/> }.into_any();
    }
    view! {
        <section class="card narrow">
            <PageTitle text=t!(i18n, setup_title)/>
            <h1>{t!(i18n, setup_title)}</h1>
            <p>{t!(i18n, setup_intro)}</p>
            <ActionForm action=action>
                <label><span>{t!(i18n, username)}</span><input name="username" autocomplete="username" required/></label>
                <FieldError error field="username"/>
                <label><span>{t!(i18n, display_name)}</span><input name="display_name" required/></label>
                <FieldError error field="display_name"/>
                <label><span>{t!(i18n, password)}</span><input type="password" name="password" autocomplete="new-password" required/></label>
                <FieldError error field="password"/>
                <fieldset>
                    <legend>{t!(i18n, first_department)}</legend>
                    <label><span>{t!(i18n, code)}</span><input name="department_code" required maxlength="10"/></label>
                    <FieldError error field="code"/>
                    <label><span>{t!(i18n, name_zh)}</span><input name="department_name_zh" required/></label>
                    <FieldError error field="name_zh"/>
                    <label><span>{t!(i18n, name_en)}</span><input name="department_name_en" required/></label>
                    <FieldError error field="name_en"/>
                </fieldset>
                <FormError error fields=FIELDS/>
                <button type="submit">{t!(i18n, setup_submit)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <AccountSettings/>
        </RequireLogin>
    }
}

#[component]
fn AccountSettings() -> impl IntoView {
    let i18n = use_i18n();
    let user = crate::ui::session::use_user();
    let change = ServerAction::<ChangePassword>::new();
    let change_error = action_error(change);
    let changed = move || matches!(change.value().get(), Some(Ok(())));
    view! {
        <PageTitle text=t!(i18n, account_title)/>
        <h1>{t!(i18n, account_title)}</h1>
        <p>
            {user.display_name.clone()} " (" <code>{user.username.clone()}</code> ") · "
            {move || i18n.get().job_role(user.role)}
        </p>
        <section class="card">
            <h2>{t!(i18n, change_password)}</h2>
            <ActionForm action=change>
                <label><span>{t!(i18n, current_password)}</span><input type="password" name="current_password" autocomplete="current-password" required/></label>
                <FieldError error=change_error field="current_password"/>
                <label><span>{t!(i18n, new_password)}</span><input type="password" name="new_password" autocomplete="new-password" required/></label>
                <FieldError error=change_error field="new_password"/>
                <FormError error=change_error fields=&["current_password", "new_password"]/>
                <Show when=changed><p class="notice" role="status">{t!(i18n, password_changed)}</p></Show>
                <button type="submit">{t!(i18n, save)}</button>
            </ActionForm>
        </section>
        <Tokens/>
    }
}

#[component]
fn Tokens() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    let create_error = action_error(create);
    let tokens = Resource::new(move || (create.version().get(), revoke.version().get()), |_| super::api::list_tokens());
    view! {
        <section class="card">
            <h2>{t!(i18n, tokens_title)}</h2>
            <p>{t!(i18n, tokens_intro)}</p>
            <ActionForm action=create>
                <label><span>{t!(i18n, token_name)}</span><input name="name" required/></label>
                <FieldError error=create_error field="name"/>
                <FormError error=create_error fields=&["name"]/>
                <button type="submit">{t!(i18n, create_token)}</button>
            </ActionForm>
            {move || {
                create.value().get().and_then(|r| r.ok()).map(|created| {
                    view! {
                        <p class="notice" role="status">
                            {t!(i18n, token_shown_once)} " " <code class="secret">{created.token}</code>
                        </p>
                    }
                })
            }}
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    let list = tokens.await.unwrap_or_default();
                    view! {
                        <ul class="tokens">
                            {list
                                .into_iter()
                                .map(|tok| {
                                    let revoked = tok.revoked_at.is_some();
                                    let created_at = tok.created_at;
                                    let last_used = tok.last_used_at;
                                    let id = tok.id.clone();
                                    view! {
                                        <li>
                                            <strong>{tok.name}</strong>
                                            " · " {t!(i18n, created)} " " {move || i18n.get().day_of(created_at)}
                                            " · " {t!(i18n, last_used)} " "
                                            {move || last_used.map(|t| i18n.get().day_of(t)).unwrap_or_else(|| i18n.m().never.to_string())}
                                            {if revoked {
                                                view! { <span class="badge">{t!(i18n, revoked)}</span> }.into_any()
                                            } else {
                                                view! {
                                                    <ActionForm action=revoke>
                                                        <input type="hidden" name="id" value=id/>
                                                        <button type="submit" class="secondary">{t!(i18n, revoke)}</button>
                                                    </ActionForm>
                                                }
                                                .into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            </Transition>
        </section>
    }
}
