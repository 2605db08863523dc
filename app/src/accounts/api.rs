//! Server functions for signing in and out, set-up, own password, language and tokens.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

/// Who is here and what the first page needs; never fails for a visitor who is not signed in.
#[server(prefix = "/_sfn", endpoint = "session")]
pub async fn get_session() -> Result<SessionInfo, AppError> {
    let (state, parts) = crate::auth::server_context()?;
    let user = crate::auth::current_user().await?;
    let locale = crate::auth::request_locale(&parts, user.as_ref());
    let needs_setup = super::service::needs_setup(&state).await?;
    let demo_accounts = if state.config.demo && user.is_none() { super::service::demo_accounts(&state).await? } else { vec![] };
    Ok(SessionInfo { user, needs_setup, demo_accounts, locale })
}

#[server(prefix = "/_sfn", endpoint = "login")]
pub async fn login(username: String, password: String) -> Result<crate::auth::CurrentUser, AppError> {
    let (state, parts) = crate::auth::server_context()?;
    let client = crate::auth::client_address(&state.config, &parts);
    let (user, token) = crate::auth::answer(super::service::login(&state, LoginInput { username, password }, &client).await)?;
    // The browser's previous session, if it sent one, ends: one session per browser.
    crate::auth::answer(crate::auth::end_session(&state, &parts.headers).await)?;
    crate::auth::set_cookie(&crate::auth::session_cookie(&state, &token));
    Ok(user)
}

#[server(prefix = "/_sfn", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let (state, parts) = crate::auth::server_context()?;
    crate::auth::end_session(&state, &parts.headers).await?;
    crate::auth::set_cookie(&crate::auth::clear_session_cookie(&state));
    Ok(())
}

#[server(prefix = "/_sfn", endpoint = "setup")]
pub async fn setup_first_admin(
    username: String,
    display_name: String,
    password: String,
    department_code: String,
    department_name_zh: String,
    department_name_en: String,
) -> Result<crate::auth::CurrentUser, AppError> {
    let (state, _) = crate::auth::server_context()?;
    let input = SetupInput { username, display_name, password, department_code, department_name_zh, department_name_en };
    let (user, token) = crate::auth::answer(super::service::setup_first_admin(&state, input).await)?;
    crate::auth::set_cookie(&crate::auth::session_cookie(&state, &token));
    Ok(user)
}

#[server(prefix = "/_sfn", endpoint = "account/password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let token =
        crate::auth::answer(super::service::change_password(&state, &user, PasswordChange { current_password, new_password }).await)?;
    crate::auth::set_cookie(&crate::auth::session_cookie(&state, &token));
    Ok(())
}

/// Switches the language: remembered on the person when signed in, in a cookie otherwise.
#[server(prefix = "/_sfn", endpoint = "account/locale")]
pub async fn set_locale(locale: String) -> Result<(), AppError> {
    let (state, _) = crate::auth::server_context()?;
    let locale = crate::i18n::Locale::from_tag(&locale)
        .ok_or_else(|| AppError::Invalid(crate::domain::DomainError::NotAllowed { field: "locale".into() }))?;
    if let Some(user) = crate::auth::current_user().await? {
        crate::auth::answer(super::service::set_locale(&state, &user, locale).await)?;
    }
    crate::auth::set_cookie(&crate::auth::locale_cookie(&state, locale));
    Ok(())
}

#[server(prefix = "/_sfn", endpoint = "tokens/list")]
pub async fn list_tokens() -> Result<Vec<TokenDto>, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::list_tokens(&state, &user).await)
}

#[server(prefix = "/_sfn", endpoint = "tokens/create")]
pub async fn create_token(name: String) -> Result<CreatedToken, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::create_token(&state, &user, NewToken { name }).await)
}

#[server(prefix = "/_sfn", endpoint = "tokens/revoke")]
pub async fn revoke_token(id: String) -> Result<(), AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::revoke_token(&state, &user, &id).await)
}
