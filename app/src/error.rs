//! `AppError`: the one error type of every service, server function and REST handler.
//!
//! Each variant's doc names its HTTP status. It is serializable so server functions carry it to
//! the browser intact (the UI shows the message next to the named field). Internal failures are
//! logged where they happen and reach the client only as `Internal`, never with SQL or a trace.

use crate::domain::meetings::Refusal;
use crate::domain::DomainError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// 422: a field broke a rule.
    #[error("{0}")]
    Invalid(DomainError),
    /// 400: the request itself is unreadable (bad JSON, missing body).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 422: the JSON body is well-formed but does not have the expected shape (serde's words).
    #[error("invalid body: {0}")]
    InvalidBody(String),
    /// 401: not signed in, or the session/token is no longer valid.
    #[error("sign-in required")]
    Unauthorized,
    /// 401: the username or password is wrong (never says which).
    #[error("wrong username or password")]
    BadCredentials,
    /// 403: signed in, but not allowed to do this.
    #[error("not allowed")]
    Forbidden,
    /// 403: a cookie-authenticated change that did not come from this site's pages.
    #[error("cross-site request refused")]
    CsrfRejected,
    /// 404: no such thing, or one the person may not know exists.
    #[error("not found")]
    NotFound,
    /// 409: the value of `field` is already taken by another record.
    #[error("{field}: already taken")]
    Duplicate { field: String },
    /// 409: someone else saved this record since it was loaded.
    #[error("this record was changed by someone else; reload and try again")]
    StaleVersion,
    /// 409: someone saved a newer revision since the one this edit started from. Says who and
    /// which revision, so the client can show the diff and keep the person's text.
    #[error("revision {current_revision} was saved by {saved_by} after the one you edited")]
    EditConflict { current_revision: i64, saved_by: String },
    /// 409: the request conflicts with the current state; the reason says which rule.
    #[error("{0}")]
    Conflict(Conflict),
    /// 429: too many attempts; try again after the given number of seconds.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: u32 },
    /// 428: a write of a versioned record that does not say which version it was edited from, so
    /// it could silently overwrite a change its author never saw. `field` is where the version goes.
    #[error("{field}: say which version this edit started from")]
    VersionRequired { field: String },
    /// 413: the request body is larger than the server accepts (2 MiB).
    #[error("request body too large")]
    PayloadTooLarge,
    /// 500: something failed on our side; details are in the server log only.
    #[error("internal error")]
    Internal,
    /// The request never reached the service (network, encoding): only on the client side.
    #[error("request failed: {0}")]
    Transport(String),
}

impl AppError {
    /// The stable machine-readable code of the REST API's error object.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "invalid",
            AppError::BadRequest(_) => "bad_request",
            AppError::InvalidBody(_) => "invalid",
            AppError::Unauthorized => "unauthorized",
            AppError::BadCredentials => "bad_credentials",
            AppError::Forbidden => "forbidden",
            AppError::CsrfRejected => "csrf_rejected",
            AppError::NotFound => "not_found",
            AppError::Duplicate { .. } => "duplicate",
            AppError::StaleVersion => "stale_version",
            AppError::EditConflict { .. } => "edit_conflict",
            AppError::Conflict(_) => "conflict",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::VersionRequired { .. } => "version_required",
            AppError::Internal => "internal",
            AppError::Transport(_) => "transport",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) | AppError::InvalidBody(_) => 422,
            AppError::BadRequest(_) => 400,
            AppError::Unauthorized | AppError::BadCredentials => 401,
            AppError::Forbidden | AppError::CsrfRejected => 403,
            AppError::NotFound => 404,
            AppError::Duplicate { .. } | AppError::StaleVersion | AppError::EditConflict { .. } | AppError::Conflict(_) => 409,
            AppError::RateLimited { .. } => 429,
            AppError::PayloadTooLarge => 413,
            AppError::VersionRequired { .. } => 428,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// The input field the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid(e) => Some(e.field()),
            AppError::Duplicate { field } | AppError::VersionRequired { field } => Some(field),
            _ => None,
        }
    }

    /// The version an edit started from, or 428 when the client did not send it.
    pub fn require_version(version: Option<i64>, field: &str) -> Result<i64, AppError> {
        version.ok_or_else(|| AppError::VersionRequired { field: field.into() })
    }

    /// Refuses an edit that does not start from the record's `current` version: 428 when the
    /// client sent no `version`, 409 `stale_version` when it sent another.
    pub fn require_current_version(sent: Option<i64>, current: i64) -> Result<(), AppError> {
        if Self::require_version(sent, "version")? != current {
            return Err(AppError::StaleVersion);
        }
        Ok(())
    }

    pub fn duplicate(field: &str) -> Self {
        AppError::Duplicate { field: field.into() }
    }

    /// The stable reason of a 409, beside `code` in the REST error: which rule was in the way.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            AppError::Conflict(c) => Some(c.reason()),
            AppError::Duplicate { .. } => Some("taken"),
            AppError::StaleVersion => Some("stale_version"),
            AppError::EditConflict { .. } => Some("newer_revision"),
            _ => None,
        }
    }
}

impl From<Conflict> for AppError {
    fn from(c: Conflict) -> Self {
        AppError::Conflict(c)
    }
}

/// Why an action conflicts with the current state of the records (answered 409). Each reason
/// has a stable snake_case name (`reason` in the REST error) and a sentence in each language
/// (`Locale::conflict`); the English text here is the REST error's `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    /// First-run set-up once an administrator exists.
    #[error("an administrator already exists")]
    AdminExists,
    /// Removing the admin flag of the only administrator.
    #[error("the last administrator cannot lose the admin flag")]
    LastAdmin,
    /// Removing the lead department from its project's stakeholders.
    #[error("the lead department cannot be removed; change the project's lead first")]
    LeadDepartment,
    /// A project has at most one pending schedule change request.
    #[error("a schedule change request is already pending for this project; it must be decided or withdrawn first")]
    RequestPending,
    /// Deciding or withdrawing a request that was already approved, rejected or withdrawn.
    #[error("this request is no longer pending")]
    RequestClosed,
    /// A department decides a request once.
    #[error("your department has already decided this request")]
    AlreadyDecided,
    /// Choosing the revision that already is the agreed schedule.
    #[error("this option's current revision is already the agreed schedule")]
    AlreadyAgreed,
    /// Resolving a comment that was not raised as a concern.
    #[error("this comment is not a concern")]
    NotAConcern,
    /// Resolving a concern twice.
    #[error("this concern is already resolved")]
    ConcernResolved,
    /// The meeting is closed: its record is locked; corrections are amendments.
    #[error("this meeting is closed: its minutes and decisions are locked; add an amendment instead")]
    MeetingClosed,
    /// The meeting has not started: there is nothing to record yet.
    #[error("this meeting has not started: start it before recording attendance, minutes, decisions or action items")]
    MeetingNotStarted,
    /// Amendments are for closed meetings; an open one is simply edited.
    #[error("only a closed meeting is amended; edit an open meeting directly")]
    MeetingNotClosed,
    /// A meeting goes planned → in progress → closed, one step at a time.
    #[error("a meeting goes from planned to in progress to closed, one step at a time")]
    MeetingStep,
    /// The subject of a signature changed after the signer saw it.
    #[error("the subject changed: it is now at revision {revision} with fingerprint {fingerprint}; review it and sign again")]
    SubjectChanged { revision: i64, fingerprint: String },
    /// The cell is already signed at this revision.
    #[error("already signed at this revision")]
    AlreadySigned,
    /// Revoking a revoked sign-off.
    #[error("this sign-off is already revoked")]
    AlreadyRevoked,
    /// Revoking a sign-off that a newer one of the same cell superseded.
    #[error("a newer sign-off of this cell exists; revoke that one")]
    NewerSignoff,
}

impl From<Refusal> for Conflict {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Closed => Conflict::MeetingClosed,
            Refusal::NotStarted => Conflict::MeetingNotStarted,
            Refusal::NotClosed => Conflict::MeetingNotClosed,
            Refusal::BadTransition => Conflict::MeetingStep,
        }
    }
}

impl Conflict {
    /// The stable name of the REST error's `reason`.
    pub fn reason(&self) -> &'static str {
        match self {
            Conflict::AdminExists => "admin_exists",
            Conflict::LastAdmin => "last_admin",
            Conflict::LeadDepartment => "lead_department",
            Conflict::RequestPending => "request_pending",
            Conflict::RequestClosed => "request_closed",
            Conflict::AlreadyDecided => "already_decided",
            Conflict::AlreadyAgreed => "already_agreed",
            Conflict::NotAConcern => "not_a_concern",
            Conflict::ConcernResolved => "concern_resolved",
            Conflict::MeetingClosed => "meeting_closed",
            Conflict::MeetingNotStarted => "meeting_not_started",
            Conflict::MeetingNotClosed => "meeting_not_closed",
            Conflict::MeetingStep => "meeting_step",
            Conflict::SubjectChanged { .. } => "subject_changed",
            Conflict::AlreadySigned => "already_signed",
            Conflict::AlreadyRevoked => "already_revoked",
            Conflict::NewerSignoff => "newer_signoff",
        }
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError::Invalid(e)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => AppError::BadRequest(msg),
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl From<sqlx::Error> for AppError {
        /// A violated unique constraint that means something to the person (a taken code, a
        /// pending request, a lost race for a first save) becomes that error, by the
        /// constraint's name (`db::constraints`); any other database failure is logged here,
        /// with its text, and answered as `Internal`.
        fn from(e: sqlx::Error) -> Self {
            if let Some(meaning) = crate::db::constraints::meaning(&e) {
                return meaning;
            }
            // Text PostgreSQL cannot hold (a NUL byte; 22021, 22P05). Requests are checked for
            // control characters before they get here; this keeps anything missed a 400.
            if let Some(code) = e.as_database_error().and_then(|d| d.code()).filter(|c| matches!(c.as_ref(), "22021" | "22P05")) {
                tracing::warn!(code = %code, "text the database cannot store");
                return AppError::BadRequest("the text contains a character that cannot be stored".into());
            }
            tracing::error!(error = %e, "database error");
            AppError::Internal
        }
    }

    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            let status = http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
            let mut error = serde_json::json!({ "code": self.code(), "message": self.to_string() });
            if let Some(field) = self.field() {
                error["field"] = serde_json::Value::String(field.to_string());
            }
            if let Some(reason) = self.reason() {
                error["reason"] = serde_json::Value::String(reason.to_string());
            }
            if let AppError::EditConflict { current_revision, saved_by } = &self {
                error["current_revision"] = serde_json::json!(current_revision);
                error["saved_by"] = serde_json::json!(saved_by);
            }
            let mut response = (status, axum::Json(serde_json::json!({ "error": error }))).into_response();
            if let AppError::RateLimited { retry_after_secs } = self {
                if let Ok(v) = http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                    response.headers_mut().insert(http::header::RETRY_AFTER, v);
                }
            }
            response
        }
    }
}
