//! Wire types of sign-offs (shared by server and browser).

pub use crate::domain::signoffs::{Capacity, CellState, SubjectKind};
use serde::{Deserialize, Serialize};

/// A project's sign-off matrix: subjects (columns), signers (rows) and one cell per required
/// signature. Anyone who may read the project may read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignoffMatrix {
    pub project_id: String,
    pub project_name: String,
    pub subjects: Vec<SubjectDto>,
    pub signers: Vec<SignerDto>,
    pub cells: Vec<CellDto>,
    /// How many cells are signed, stale and missing.
    pub signed: i64,
    pub stale: i64,
    pub missing: i64,
}

/// What can be signed, at its current revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SubjectDto {
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "solution"))]
    pub kind: SubjectKind,
    /// Requirement id (requirement, solution) or project id (baseline).
    pub subject_id: String,
    /// What exactly is signed now: the requirement, the chosen option or the baseline row.
    pub subject_ref: String,
    /// e.g. `PAY-1`, or `PAY-1 · <option title>`, or `Baseline 3`.
    pub label: String,
    /// The requirement's or option's current revision, or the baseline's number.
    pub revision: i64,
    /// SHA-256 (hex) of the subject's canonical content now.
    pub fingerprint: String,
    /// The page that shows it.
    pub link: String,
}

/// A person the matrix names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignerDto {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub department_id: String,
    pub department_code: String,
    pub department_name_zh: String,
    pub department_name_en: String,
    /// The person's job role (pm, architect, tech-manager, leader).
    pub job_role: String,
}

/// One required signature and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CellDto {
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "requirement"))]
    pub kind: SubjectKind,
    pub subject_id: String,
    pub department_id: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "pm"))]
    pub capacity: Capacity,
    /// Who must sign it; `None` when the department has nobody in that role.
    pub signer_id: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "signed"))]
    pub state: CellState,
    /// The cell's latest signature (revoked or not), if any.
    pub signature: Option<SignatureDto>,
}

/// One signature as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignatureDto {
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "solution"))]
    pub kind: SubjectKind,
    pub subject_id: String,
    pub subject_ref: String,
    pub revision: i64,
    pub fingerprint: String,
    pub signer_id: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "pm"))]
    pub capacity: Capacity,
    pub signer_role: String,
    pub signer_department_id: String,
    pub meaning_key: String,
    /// The meaning exactly as it was shown to the signer, in their language.
    pub meaning_text: String,
    /// Epoch milliseconds.
    pub signed_at: i64,
    pub revoked_at: Option<i64>,
    pub revoke_reason: Option<String>,
}

/// `POST /api/v1/projects/{id}/signoffs`: sign one's cell of a subject at the revision shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignInput {
    /// `requirement`, `solution` or `baseline`.
    pub kind: String,
    /// Requirement id (requirement, solution) or project id (baseline).
    pub subject_id: String,
    /// The revision the person was shown; refused (409) if the subject has changed since.
    pub revision: i64,
    /// The fingerprint the person was shown; refused (409) if it is no longer the current one.
    pub fingerprint: String,
    /// The person's password, again.
    pub password: String,
}

/// `POST /api/v1/signoffs/{id}/revoke`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RevokeInput {
    /// Why (required, up to 1,000 characters).
    pub reason: String,
}

/// Longest revocation reason, in characters.
pub const REASON_MAX: u32 = 1_000;
