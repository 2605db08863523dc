//! Server functions of the sign-off page: the same services as the REST API.

use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/_sfn", endpoint = "signoffs/matrix")]
pub async fn get_signoff_matrix(project_id: String) -> Result<SignoffMatrix, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::matrix(&state, &user, &project_id).await)
}

/// Signs the caller's cell; the meaning text is stored in the language the page is shown in.
#[server(prefix = "/_sfn", endpoint = "signoffs/sign")]
pub async fn sign_cell(
    project_id: String,
    kind: String,
    subject_id: String,
    revision: i64,
    fingerprint: String,
    password: String,
) -> Result<SignatureDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    let (_, parts) = crate::auth::server_context()?;
    let locale = crate::auth::request_locale(&parts, Some(&user));
    let client = crate::auth::client_address(&state.config, &parts);
    let input = SignInput { kind, subject_id, revision, fingerprint, password };
    crate::auth::answer(super::service::sign(&state, &user, &project_id, input, &client, locale).await)
}

#[server(prefix = "/_sfn", endpoint = "signoffs/revoke")]
pub async fn revoke_signoff(signoff_id: String, reason: String) -> Result<SignatureDto, AppError> {
    let (state, user) = crate::auth::signed_in().await?;
    crate::auth::answer(super::service::revoke(&state, &user, &signoff_id, RevokeInput { reason }).await)
}
