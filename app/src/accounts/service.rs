//! Account services: sign-in with rate limiting, the first administrator, own password and
//! language, personal access tokens.

use super::dto::*;
use crate::auth::limiter::Purpose;
use crate::auth::{self, CurrentUser};
use crate::db::{self, tokens::TokenRow};
use crate::domain::text::{Name, Password, Username};
use crate::domain::DomainError;
use crate::error::{AppError, Conflict};
use crate::i18n::Locale;
use crate::organisation::dto::{DepartmentInput, NewPerson};
use crate::organisation::service::{insert_department, insert_person};
use crate::state::AppState;
use std::time::Instant;

/// Password checks are deliberately slow (argon2id); keep them off the async workers.
async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash)).await.unwrap_or(false)
}

/// Checks a username and password; on success starts a session and returns its cookie token.
/// `client` is the caller's address, for the per-address limit.
#[tracing::instrument(skip_all)]
pub async fn login(state: &AppState, input: LoginInput, client: &str) -> Result<(CurrentUser, String), AppError> {
    let account = input.username.trim().to_ascii_lowercase();
    if account.is_empty() {
        return Err(DomainError::Empty { field: "username".into() }.into());
    }
    if input.password.is_empty() {
        return Err(DomainError::Empty { field: "password".into() }.into());
    }
    // Longer than any username: refused before the limiter would keep it.
    if account.chars().count() > Username::MAX as usize {
        return Err(DomainError::TooLong { field: "username".into(), max: Username::MAX }.into());
    }
    let attempt = state
        .login_limiter
        .begin(Purpose::SignIn, &account, client, Instant::now())
        .map_err(|retry_after_secs| AppError::RateLimited { retry_after_secs })?;
    let row = {
        let mut conn = state.db.acquire().await?;
        db::users::find_by_username(&mut conn, &account).await?
    };
    let hash = row.as_ref().map_or_else(|| auth::dummy_hash().to_string(), |r| r.password_hash.clone());
    let matches = verify_password(input.password, hash).await;
    let Some(row) = row.filter(|_| matches) else {
        tracing::info!("failed sign-in");
        return Err(AppError::BadCredentials);
    };
    state.login_limiter.succeeded(attempt);
    let token = auth::start_session(state, &row.user_id).await?;
    Ok((auth::user_from_row(row), token))
}

pub async fn needs_setup(state: &AppState) -> Result<bool, AppError> {
    use std::sync::atomic::Ordering;
    if state.setup_done.load(Ordering::Relaxed) {
        return Ok(false);
    }
    let mut conn = state.db.acquire().await?;
    let needed = db::users::count_admins(&mut conn).await? == 0;
    if !needed {
        state.setup_done.store(true, Ordering::Relaxed);
    }
    Ok(needed)
}

/// Creates the first administrator (and their department) and signs them in. Refused once any
/// administrator exists, so the form cannot be used to take over an installation.
#[tracing::instrument(skip_all)]
pub async fn setup_first_admin(state: &AppState, input: SetupInput) -> Result<(CurrentUser, String), AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    db::locks::serialise(&mut tx, db::locks::Serialised::Administrators).await?;
    if db::users::count_admins(&mut tx).await? > 0 {
        return Err(Conflict::AdminExists.into());
    }
    let department_id = match db::departments::find_by_code(&mut tx, input.department_code.trim().to_ascii_uppercase().as_str()).await? {
        Some(existing) => existing.department_id,
        None => {
            let department =
                DepartmentInput { code: input.department_code, name_zh: input.department_name_zh, name_en: input.department_name_en };
            insert_department(&mut tx, &department).await?.department_id
        }
    };
    let person = NewPerson {
        username: input.username,
        display_name: input.display_name,
        department_id,
        role: "leader".into(),
        is_admin: true,
        password: input.password,
    };
    let row = insert_person(&mut tx, &person).await?;
    tx.commit().await?;
    let token = auth::start_session(state, &row.user_id).await?;
    Ok((auth::user_from_row(row), token))
}

/// Changes one's own password after checking the current one; every other session of the person
/// is signed out and a fresh session token is returned.
#[tracing::instrument(skip_all)]
pub async fn change_password(state: &AppState, user: &CurrentUser, input: PasswordChange) -> Result<String, AppError> {
    let new_password = Password::parse(&input.new_password, "new_password")?;
    // Guessing the current password through this form counts like failed sign-ins.
    let attempt = state
        .login_limiter
        .begin(Purpose::PasswordChange, &user.username, &format!("user:{}", user.id), Instant::now())
        .map_err(|retry_after_secs| AppError::RateLimited { retry_after_secs })?;
    let hash = {
        let mut conn = state.db.acquire().await?;
        db::users::find(&mut conn, &user.id).await?.ok_or(AppError::Unauthorized)?.password_hash
    };
    if !verify_password(input.current_password, hash).await {
        return Err(DomainError::WrongPassword { field: "current_password".into() }.into());
    }
    state.login_limiter.succeeded(attempt);
    let new_hash = auth::hash_password(new_password.expose())?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    db::users::set_password_hash(&mut tx, &user.id, &new_hash, db::now_ms()).await?;
    db::sessions::delete_for_user(&mut tx, &user.id).await?;
    tx.commit().await?;
    auth::start_session(state, &user.id).await
}

/// Remembers a signed-in person's language.
pub async fn set_locale(state: &AppState, user: &CurrentUser, locale: Locale) -> Result<(), AppError> {
    let mut conn = state.db.acquire().await?;
    db::users::set_locale(&mut conn, &user.id, locale.tag(), db::now_ms()).await?;
    Ok(())
}

/// The demo accounts, listed on the login page in demo mode.
pub async fn demo_accounts(state: &AppState) -> Result<Vec<DemoAccount>, AppError> {
    let mut conn = state.db.acquire().await?;
    let departments = db::departments::list(&mut conn).await?;
    Ok(db::users::list(&mut conn)
        .await?
        .into_iter()
        .map(|u| {
            let code = departments.iter().find(|d| d.department_id == u.department_id).map(|d| d.code.clone()).unwrap_or_default();
            let user = auth::user_from_row(u);
            DemoAccount {
                username: user.username,
                display_name: user.display_name,
                department_code: code,
                role: user.role,
                is_admin: user.is_admin,
            }
        })
        .collect())
}

fn token_dto(row: TokenRow) -> TokenDto {
    TokenDto { id: row.token_id, name: row.name, created_at: row.created_at, last_used_at: row.last_used_at, revoked_at: row.revoked_at }
}

#[tracing::instrument(skip_all)]
pub async fn create_token(state: &AppState, user: &CurrentUser, input: NewToken) -> Result<CreatedToken, AppError> {
    let name = Name::parse(&input.name, "name")?;
    let secret = format!("{}{}", auth::TOKEN_PREFIX, auth::random_token());
    let row = TokenRow {
        token_id: db::new_id(),
        user_id: user.id.clone(),
        name: name.into_inner(),
        created_at: db::now_ms(),
        last_used_at: None,
        revoked_at: None,
    };
    let mut conn = state.db.acquire().await?;
    db::tokens::insert(&mut conn, &row, &auth::sha256_hex(&secret)).await?;
    Ok(CreatedToken { id: row.token_id, name: row.name, token: secret })
}

pub async fn list_tokens(state: &AppState, user: &CurrentUser) -> Result<Vec<TokenDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(db::tokens::list_for_user(&mut conn, &user.id).await?.into_iter().map(token_dto).collect())
}

/// Revokes one of the person's own tokens; someone else's token is "not found".
pub async fn revoke_token(state: &AppState, user: &CurrentUser, token_id: &str) -> Result<(), AppError> {
    let mut conn = state.db.acquire().await?;
    if db::tokens::revoke(&mut conn, &user.id, token_id, db::now_ms()).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
