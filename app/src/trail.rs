//! `concord audit verify`: the whole record trail checked in one pass — the audit log's hash chain,
//! then every stored sign-off's fingerprint, then the closed meetings' records against the entries
//! that recorded them. It lives apart from the features it checks so that they depend on the
//! audit log (they append to it) and nothing in the audit log depends on them.

use crate::audit::dto::{AuditMismatch, AuditVerifyReport};
use crate::db;
use crate::error::AppError;

/// Checks the chain, the sign-offs, then the meetings' records, and reports the first thing that
/// does not match (the chain first, in order).
#[tracing::instrument(skip_all)]
pub async fn verify(pool: &db::Db) -> Result<AuditVerifyReport, AppError> {
    let mut conn = pool.acquire().await?;
    let (entries, problem) = crate::audit::service::verify_chain(&mut conn).await?;
    if problem.is_some() {
        return Ok(report(entries, 0, 0, problem));
    }
    let (signoffs, problem) = crate::signoffs::service::verify_fingerprints(&mut conn).await?;
    if let Some((signoff_id, problem)) = problem {
        let mismatch = AuditMismatch { signoff_id: Some(signoff_id.clone()), ..AuditMismatch::of_record("signoff", signoff_id, problem) };
        return Ok(report(entries, signoffs, 0, Some(mismatch)));
    }
    let (meeting_records, problem) = crate::meetings::record::verify(&mut conn).await?;
    let mismatch = problem.map(|p| AuditMismatch { seq: p.seq, ..AuditMismatch::of_record(p.kind, p.id, p.problem) });
    Ok(report(entries, signoffs, meeting_records, mismatch))
}

fn report(entries: i64, signoffs: i64, meeting_records: i64, first_mismatch: Option<AuditMismatch>) -> AuditVerifyReport {
    AuditVerifyReport { entries, signoffs, meeting_records, first_mismatch }
}
