//! Sign-off services: the matrix, signing (password re-entered, rate-limited like login),
//! revoking, telling people what they must (re-)sign, and re-checking stored fingerprints.
//!
//! Nothing here stores whether a signature is current: every answer recomputes the subjects'
//! canonical contents from their revisions and compares fingerprints.

use super::dto::*;
use crate::access::load_readable;
use crate::audit::{self, AuditAction, NewAuditEntry};
use crate::auth::limiter::Purpose;
use crate::auth::CurrentUser;
use crate::db::locks::Serialised;
use crate::db::stored;
use crate::db::{self, signoffs as repo};
use crate::domain::requirement_content::RequirementContent;
use crate::domain::signoffs::{self as rules, cell_state, fingerprint, meaning_text, Person, RequiredSignature, SubjectFacts};
use crate::domain::solutions::OptionContent;
use crate::domain::text::bounded;
use crate::domain::DomainError;
use crate::error::{AppError, Conflict};
use crate::i18n::Locale;
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, NewNotification};
use crate::state::AppState;
use serde::Deserialize;
use std::collections::HashMap;
use std::time::Instant;

/// A subject as it is now, with the facts that decide its signers.
pub struct CurrentSubject {
    pub dto: SubjectDto,
    pub facts: SubjectFacts,
}

/// The project's subjects now: requirements up for sign-off, the chosen options' current
/// revisions and the current baseline, each with its fingerprint.
pub async fn current_subjects(conn: &mut db::Conn, project_id: &str) -> Result<Vec<CurrentSubject>, AppError> {
    let departments = db::departments::list(conn).await?;
    subjects_with(conn, project_id, &departments).await
}

/// [`current_subjects`] with the departments already loaded.
async fn subjects_with(
    conn: &mut db::Conn,
    project_id: &str,
    departments: &[db::departments::DepartmentRow],
) -> Result<Vec<CurrentSubject>, AppError> {
    let id_of_code: HashMap<&str, &str> = departments.iter().map(|d| (d.code.as_str(), d.department_id.as_str())).collect();
    let codes_to_ids = |codes: &mut dyn Iterator<Item = String>| -> Vec<String> {
        codes.filter_map(|c| id_of_code.get(c.as_str()).map(|id| id.to_string())).collect()
    };
    let mut out = Vec::new();
    let requirements = repo::requirement_subjects(conn, project_id).await?;
    let mut keys: HashMap<String, String> = HashMap::new();
    for r in &requirements {
        keys.insert(r.requirement_id.clone(), r.req_key.clone());
        let value = stored::json::<serde_json::Value>(&r.content, "requirement content")?;
        let content = RequirementContent::deserialize(&value).map_err(|_| AppError::Internal)?;
        let canonical = rules::requirement_content(&r.requirement_id, r.current_revision, &value);
        out.push(CurrentSubject {
            dto: SubjectDto {
                kind: SubjectKind::Requirement,
                subject_id: r.requirement_id.clone(),
                subject_ref: r.requirement_id.clone(),
                label: format!("{} {}", r.req_key, r.title),
                revision: r.current_revision,
                fingerprint: fingerprint(&canonical),
                link: format!("/requirements/{}", r.requirement_id),
            },
            facts: SubjectFacts {
                kind: SubjectKind::Requirement,
                subject_id: r.requirement_id.clone(),
                departments: content.change_point_departments(),
                owner_id: Some(r.owner_id.clone()),
            },
        });
    }
    for o in repo::solution_subjects(conn, project_id).await? {
        let value = stored::json::<serde_json::Value>(&o.content, "option content")?;
        let content = OptionContent::deserialize(&value).map_err(|_| AppError::Internal)?;
        let canonical = rules::solution_content(&o.requirement_id, &o.option_id, o.current_revision, &value);
        let key = match keys.get(&o.requirement_id) {
            Some(k) => k.clone(),
            None => db::requirements::find(conn, &o.requirement_id).await?.map(|r| r.req_key).unwrap_or_default(),
        };
        out.push(CurrentSubject {
            dto: SubjectDto {
                kind: SubjectKind::Solution,
                subject_id: o.requirement_id.clone(),
                subject_ref: o.option_id.clone(),
                label: format!("{key} · {}", o.title),
                revision: o.current_revision,
                fingerprint: fingerprint(&canonical),
                link: format!("/options/{}", o.option_id),
            },
            facts: SubjectFacts {
                kind: SubjectKind::Solution,
                subject_id: o.requirement_id.clone(),
                departments: codes_to_ids(&mut content.plan.departments().into_iter()),
                owner_id: None,
            },
        });
    }
    if let Some(b) = db::solutions::current_baseline(conn, project_id).await? {
        let plan = stored::json::<serde_json::Value>(&b.plan, "baseline plan")?;
        let canonical = rules::baseline_content(project_id, b.number, &b.option_id, b.revision, &plan, &b.launch_on);
        let mut codes: Vec<String> = Vec::new();
        for item in plan.get("items").and_then(|i| i.as_array()).into_iter().flatten() {
            if let Some(code) = item.get("department").and_then(|d| d.as_str()) {
                if !codes.iter().any(|c| c == code) {
                    codes.push(code.to_string());
                }
            }
        }
        codes.sort();
        out.push(CurrentSubject {
            dto: SubjectDto {
                kind: SubjectKind::Baseline,
                subject_id: project_id.to_string(),
                subject_ref: b.baseline_id.clone(),
                label: format!("#{}", b.number),
                revision: b.number,
                fingerprint: fingerprint(&canonical),
                link: format!("/projects/{project_id}/schedule"),
            },
            facts: SubjectFacts {
                kind: SubjectKind::Baseline,
                subject_id: project_id.to_string(),
                departments: codes_to_ids(&mut codes.into_iter()),
                owner_id: None,
            },
        });
    }
    Ok(out)
}

/// Everything the matrix is computed from.
struct Snapshot {
    subjects: Vec<CurrentSubject>,
    people: Vec<db::users::UserRow>,
    departments: Vec<db::departments::DepartmentRow>,
    required: Vec<RequiredSignature>,
    /// The latest signature of each (kind, subject, signer).
    latest: HashMap<(SubjectKind, String, String), repo::SignoffRow>,
}

async fn snapshot(conn: &mut db::Conn, project_id: &str) -> Result<Snapshot, AppError> {
    let departments = db::departments::list(conn).await?;
    let subjects = subjects_with(conn, project_id, &departments).await?;
    let stakeholders: Vec<String> = db::projects::stakeholders(conn, project_id).await?.into_iter().map(|s| s.department_id).collect();
    let people = db::users::list_in_departments(conn, project_id).await?;
    let persons: Vec<Person> = people
        .iter()
        .map(|u| Person {
            user_id: u.user_id.clone(),
            username: u.username.clone(),
            department_id: u.department_id.clone(),
            role: u.job_role,
        })
        .collect();
    let facts: Vec<SubjectFacts> = subjects.iter().map(|s| s.facts.clone()).collect();
    let required = rules::required_signatures(&stakeholders, &persons, &facts);
    let mut latest = HashMap::new();
    for row in repo::of_project(conn, project_id).await? {
        latest.insert((row.subject_kind, row.subject_id.clone(), row.signer_id.clone()), row);
    }
    Ok(Snapshot { subjects, people, departments, required, latest })
}

impl Snapshot {
    fn subject(&self, kind: SubjectKind, subject_id: &str) -> Option<&CurrentSubject> {
        self.subjects.iter().find(|s| s.dto.kind == kind && s.dto.subject_id == subject_id)
    }

    fn latest_of(&self, r: &RequiredSignature) -> Option<&repo::SignoffRow> {
        let signer = r.signer_id.as_ref()?;
        self.latest.get(&(r.kind, r.subject_id.clone(), signer.clone()))
    }

    /// The state of a required signature: the latest signature counts unless it was revoked.
    fn state_of(&self, r: &RequiredSignature) -> CellState {
        let current = self.subject(r.kind, &r.subject_id).map(|s| s.dto.fingerprint.as_str()).unwrap_or_default();
        let signed = self.latest_of(r).filter(|row| row.revoked_at.is_none()).map(|row| row.fingerprint.as_str());
        cell_state(current, signed)
    }
}

fn signature_dto(row: &repo::SignoffRow) -> SignatureDto {
    SignatureDto {
        id: row.signoff_id.clone(),
        kind: row.subject_kind,
        subject_id: row.subject_id.clone(),
        subject_ref: row.subject_ref.clone(),
        revision: row.revision,
        fingerprint: row.fingerprint.clone(),
        signer_id: row.signer_id.clone(),
        capacity: row.capacity,
        signer_role: row.signer_role.as_str().to_string(),
        signer_department_id: row.signer_department_id.clone(),
        meaning_key: row.meaning_key.clone(),
        meaning_text: row.meaning_text.clone(),
        signed_at: row.signed_at,
        revoked_at: row.revoked_at,
        revoke_reason: row.revoke_reason.clone(),
    }
}

/// The project's sign-off matrix, for anyone who may read the project (404 otherwise).
#[tracing::instrument(skip_all, fields(project_id = %project_id))]
pub async fn matrix(state: &AppState, user: &CurrentUser, project_id: &str) -> Result<SignoffMatrix, AppError> {
    let mut conn = state.db.acquire().await?;
    let (project, _) = load_readable(&mut conn, user, project_id).await?;
    let snap = snapshot(&mut conn, project_id).await?;
    let departments: HashMap<&str, &db::departments::DepartmentRow> =
        snap.departments.iter().map(|d| (d.department_id.as_str(), d)).collect();
    let mut cells = Vec::with_capacity(snap.required.len());
    let (mut signed, mut stale, mut missing) = (0, 0, 0);
    let mut signer_ids: Vec<&str> = Vec::new();
    for r in &snap.required {
        let state = snap.state_of(r);
        match state {
            CellState::Signed => signed += 1,
            CellState::Stale => stale += 1,
            CellState::Missing => missing += 1,
        }
        if let Some(id) = r.signer_id.as_deref() {
            if !signer_ids.contains(&id) {
                signer_ids.push(id);
            }
        }
        cells.push(CellDto {
            kind: r.kind,
            subject_id: r.subject_id.clone(),
            department_id: r.department_id.clone(),
            capacity: r.capacity,
            signer_id: r.signer_id.clone(),
            state,
            signature: snap.latest_of(r).map(signature_dto),
        });
    }
    let signers = signer_ids
        .iter()
        .filter_map(|id| snap.people.iter().find(|p| p.user_id == *id))
        .map(|p| {
            let d = departments.get(p.department_id.as_str());
            SignerDto {
                user_id: p.user_id.clone(),
                username: p.username.clone(),
                display_name: p.display_name.clone(),
                department_id: p.department_id.clone(),
                department_code: d.map(|d| d.code.clone()).unwrap_or_default(),
                department_name_zh: d.map(|d| d.name_zh.clone()).unwrap_or_default(),
                department_name_en: d.map(|d| d.name_en.clone()).unwrap_or_default(),
                job_role: p.job_role.as_str().to_string(),
            }
        })
        .collect();
    Ok(SignoffMatrix {
        project_id: project.project_id,
        project_name: project.name,
        subjects: snap.subjects.into_iter().map(|s| s.dto).collect(),
        signers,
        cells,
        signed,
        stale,
        missing,
    })
}

async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || crate::auth::verify_password(&password, &hash)).await.unwrap_or(false)
}

/// Signs the person's own cell of a subject at the revision they were shown, after checking their
/// password again. Wrong passwords count towards the same limit as failed logins (per account and
/// per client address), so the dialog cannot be used to guess a password. `locale` is the
/// language the meaning text was shown in (it is stored as shown).
#[tracing::instrument(skip_all, fields(project_id = %project_id, kind = %input.kind))]
pub async fn sign(
    state: &AppState,
    user: &CurrentUser,
    project_id: &str,
    input: SignInput,
    client: &str,
    locale: Locale,
) -> Result<SignatureDto, AppError> {
    let kind = SubjectKind::parse(input.kind.trim()).ok_or_else(|| DomainError::not_allowed("kind"))?;
    if input.password.is_empty() {
        return Err(DomainError::empty("password").into());
    }
    {
        let mut conn = state.db.acquire().await?;
        load_readable(&mut conn, user, project_id).await?;
        let snap = snapshot(&mut conn, project_id).await?;
        if snap.subject(kind, &input.subject_id).is_none() {
            return Err(AppError::NotFound);
        }
        let named =
            snap.required.iter().any(|r| r.kind == kind && r.subject_id == input.subject_id && r.signer_id.as_deref() == Some(&user.id));
        if !named {
            return Err(AppError::Forbidden);
        }
    }
    let attempt = state
        .login_limiter
        .begin(Purpose::Signing, &user.username, client, Instant::now())
        .map_err(|retry_after_secs| AppError::RateLimited { retry_after_secs })?;
    let hash = {
        let mut conn = state.db.acquire().await?;
        db::users::find(&mut conn, &user.id).await?.ok_or(AppError::Unauthorized)?.password_hash
    };
    if !verify_password(input.password.clone(), hash).await {
        return Err(DomainError::WrongPassword { field: "password".into() }.into());
    }
    state.login_limiter.succeeded(attempt);
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let row = sign_verified(&mut tx, user, project_id, kind, &input.subject_id, input.revision, &input.fingerprint, locale).await?;
    notify_outstanding(&mut tx, project_id, &user.id).await?;
    tx.commit().await?;
    Ok(signature_dto(&row))
}

/// Signs once the person is known to be who they say (password checked by [`sign`]; the demo's
/// own story calls it directly). Re-derives the cell inside the write transaction, so a subject
/// that changed since the dialog opened is refused (409) rather than signed unseen.
#[expect(clippy::too_many_arguments, reason = "the signature's parts, each checked again in the transaction")]
pub async fn sign_verified(
    conn: &mut db::Conn,
    user: &CurrentUser,
    project_id: &str,
    kind: SubjectKind,
    subject_id: &str,
    revision: i64,
    shown_fingerprint: &str,
    locale: Locale,
) -> Result<repo::SignoffRow, AppError> {
    // Two signings of one cell at once (a double click, two tabs) must not both find it unsigned.
    db::locks::serialise(conn, Serialised::ProjectSignoffs(project_id)).await?;
    let snap = snapshot(conn, project_id).await?;
    let subject = snap.subject(kind, subject_id).ok_or(AppError::NotFound)?;
    let cell = snap
        .required
        .iter()
        .find(|r| r.kind == kind && r.subject_id == subject_id && r.signer_id.as_deref() == Some(&user.id))
        .ok_or(AppError::Forbidden)?;
    if subject.dto.revision != revision || subject.dto.fingerprint != shown_fingerprint {
        return Err(Conflict::SubjectChanged { revision: subject.dto.revision, fingerprint: subject.dto.fingerprint.clone() }.into());
    }
    if snap.state_of(cell) == CellState::Signed {
        return Err(Conflict::AlreadySigned.into());
    }
    let key = kind.meaning_key();
    let text = meaning_text(key, locale == Locale::ZhCn).ok_or(AppError::Internal)?;
    let row = repo::SignoffRow {
        signoff_id: db::new_id(),
        project_id: project_id.to_string(),
        subject_kind: kind,
        subject_id: subject_id.to_string(),
        subject_ref: subject.dto.subject_ref.clone(),
        revision,
        fingerprint: subject.dto.fingerprint.clone(),
        signer_id: user.id.clone(),
        capacity: cell.capacity,
        signer_role: user.role,
        signer_department_id: user.department_id.clone(),
        meaning_key: key.to_string(),
        meaning_text: text.to_string(),
        signed_at: db::now_ms(),
        revoked_at: None,
        revoke_reason: None,
    };
    repo::insert(conn, &row).await?;
    let payload = serde_json::json!({
        "signoff_id": row.signoff_id,
        "kind": row.subject_kind,
        "subject_id": row.subject_id,
        "subject_ref": row.subject_ref,
        "label": subject.dto.label,
        "revision": row.revision,
        "fingerprint": row.fingerprint,
        "signer_id": row.signer_id,
        "capacity": row.capacity,
        "signer_role": row.signer_role,
        "signer_department_id": row.signer_department_id,
        "meaning_key": row.meaning_key,
        "meaning_text": row.meaning_text,
    });
    let entry = NewAuditEntry {
        project_id: Some(project_id),
        actor_id: &user.id,
        action: AuditAction::SignOffSigned,
        subject_kind: "signoff",
        subject_id: &row.signoff_id,
        payload,
    };
    audit::record(conn, entry).await?;
    Ok(row)
}

/// Revokes the person's own signature (the latest of its cell), with a reason. The cell becomes
/// missing; the signature stays on record, marked revoked.
#[tracing::instrument(skip_all, fields(signoff_id = %signoff_id))]
pub async fn revoke(state: &AppState, user: &CurrentUser, signoff_id: &str, input: RevokeInput) -> Result<SignatureDto, AppError> {
    let reason = bounded(&input.reason, "reason", REASON_MAX)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let row = repo::find(&mut tx, signoff_id).await?.ok_or(AppError::NotFound)?;
    // Whether this is still the cell's latest signature must not change while it is revoked.
    db::locks::serialise(&mut tx, Serialised::ProjectSignoffs(&row.project_id)).await?;
    load_readable(&mut tx, user, &row.project_id).await?;
    if row.signer_id != user.id {
        return Err(AppError::Forbidden);
    }
    if row.revoked_at.is_some() {
        return Err(Conflict::AlreadyRevoked.into());
    }
    let latest = repo::latest_of_cell(&mut tx, &row.project_id, row.subject_kind, &row.subject_id, &row.signer_id).await?;
    if latest.as_ref().is_some_and(|l| l.signoff_id != row.signoff_id) {
        return Err(Conflict::NewerSignoff.into());
    }
    let now = db::now_ms();
    if !repo::revoke(&mut tx, signoff_id, now, &reason).await? {
        return Err(Conflict::AlreadyRevoked.into());
    }
    let payload = serde_json::json!({
        "signoff_id": row.signoff_id,
        "kind": row.subject_kind,
        "subject_id": row.subject_id,
        "subject_ref": row.subject_ref,
        "revision": row.revision,
        "fingerprint": row.fingerprint,
        "reason": reason,
    });
    let entry = NewAuditEntry {
        project_id: Some(&row.project_id),
        actor_id: &user.id,
        action: AuditAction::SignOffRevoked,
        subject_kind: "signoff",
        subject_id: &row.signoff_id,
        payload,
    };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(SignatureDto { revoked_at: Some(now), revoke_reason: Some(reason), ..signature_dto(&row) })
}

/// Tells each person with a stale or missing cell in the project to sign it, once per subject
/// content (a later change of the same subject tells them again). Called inside the transaction
/// that changed a subject (a leader's decision that made a new baseline, a new revision), and
/// after a signature; `actor_id` is not told about their own change.
pub async fn notify_outstanding(conn: &mut db::Conn, project_id: &str, actor_id: &str) -> Result<(), AppError> {
    let snap = snapshot(conn, project_id).await?;
    let now = db::now_ms();
    for r in &snap.required {
        let Some(signer) = r.signer_id.as_deref() else { continue };
        if signer == actor_id || snap.state_of(r) == CellState::Signed {
            continue;
        }
        let Some(subject) = snap.subject(r.kind, &r.subject_id) else { continue };
        if !repo::note_notice(conn, project_id, r.kind, &r.subject_id, signer, &subject.dto.fingerprint, now).await? {
            continue;
        }
        // The subject's own name (the inbox line says what is needed, in the reader's language).
        let line = match r.kind {
            SubjectKind::Baseline => subject.dto.label.clone(),
            _ => format!("{} r{}", subject.dto.label, subject.dto.revision),
        };
        let link = format!("/projects/{project_id}/signoffs");
        let note =
            NewNotification { kind: NotificationKind::SignoffNeeded, project_id: Some(project_id), link: &link, subject: &line, actor_id };
        notify(conn, &[signer.to_string()], note).await?;
    }
    Ok(())
}

/// Recomputes every stored signature's fingerprint from the signed revision's stored content and
/// checks it against the audit entry that recorded the signing. Answers how many were checked and
/// the first that does not match (its id and what is wrong).
pub async fn verify_fingerprints(conn: &mut db::Conn) -> Result<(i64, Option<(String, String)>), AppError> {
    let mut after = String::new();
    let mut checked = 0_i64;
    loop {
        let page = repo::page(conn, &after, 1_000).await?;
        if page.is_empty() {
            return Ok((checked, None));
        }
        for row in &page {
            checked += 1;
            if let Some(problem) = check_signature(conn, row).await? {
                return Ok((checked, Some((row.signoff_id.clone(), problem))));
            }
        }
        after = page.last().map(|r| r.signoff_id.clone()).unwrap_or_default();
    }
}

async fn check_signature(conn: &mut db::Conn, row: &repo::SignoffRow) -> Result<Option<String>, AppError> {
    let canonical = match row.subject_kind {
        SubjectKind::Requirement => match repo::requirement_revision_content(conn, &row.subject_ref, row.revision).await? {
            Some(text) => serde_json::from_str(&text).ok().map(|v| rules::requirement_content(&row.subject_id, row.revision, &v)),
            None => None,
        },
        SubjectKind::Solution => match repo::option_revision_content(conn, &row.subject_ref, row.revision).await? {
            Some(text) => {
                serde_json::from_str(&text).ok().map(|v| rules::solution_content(&row.subject_id, &row.subject_ref, row.revision, &v))
            }
            None => None,
        },
        SubjectKind::Baseline => match db::solutions::find_baseline(conn, &row.subject_ref).await? {
            Some(b) if b.number == row.revision => serde_json::from_str(&b.plan)
                .ok()
                .map(|plan| rules::baseline_content(&b.project_id, b.number, &b.option_id, b.revision, &plan, &b.launch_on)),
            _ => None,
        },
    };
    let Some(canonical) = canonical else {
        return Ok(Some(format!("the signed {} revision {} no longer exists", row.subject_kind.as_str(), row.revision)));
    };
    if fingerprint(&canonical) != row.fingerprint {
        return Ok(Some(format!(
            "its fingerprint does not match the signed content of {} {} revision {}",
            row.subject_kind.as_str(),
            row.subject_ref,
            row.revision
        )));
    }
    let entries = db::audit::for_subject(conn, "signoff", &row.signoff_id).await?;
    let signed = entries.iter().find(|e| e.action == AuditAction::SignOffSigned.as_str());
    let Some(entry) = signed else {
        return Ok(Some("no audit entry records its signing".into()));
    };
    let payload: serde_json::Value = serde_json::from_str(&entry.payload).unwrap_or_default();
    let recorded = |field: &str| payload.get(field).cloned().unwrap_or_default();
    if recorded("fingerprint") != row.fingerprint.as_str()
        || recorded("revision") != row.revision
        || recorded("signer_id") != row.signer_id.as_str()
        || recorded("subject_ref") != row.subject_ref.as_str()
    {
        return Ok(Some(format!("it does not match audit entry {} that recorded its signing", entry.seq)));
    }
    if row.revoked_at.is_some() && !entries.iter().any(|e| e.action == AuditAction::SignOffRevoked.as_str()) {
        return Ok(Some("it is revoked but no audit entry records the revocation".into()));
    }
    Ok(None)
}
