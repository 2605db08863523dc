//! Sign-offs (签字确认), the pure part: who must sign what, the canonical content of what is signed
//! and its fingerprint, whether a signature is still current, and the fixed meaning texts.
//!
//! A signature is bound to a fingerprint (SHA-256 of the subject's canonical content at the signed
//! revision). Whether it still holds is computed by comparing that fingerprint with the subject's
//! current one — never a flag someone sets — so a new requirement revision, a new solution
//! revision or a new baseline makes exactly the signatures on that subject stale by itself.

use super::people::JobRole;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a sign-off is about. Stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A requirement's current revision (subject id: the requirement).
    Requirement,
    /// The current revision of a requirement's chosen option (subject id: the requirement).
    Solution,
    /// The project's current baseline (subject id: the project).
    Baseline,
}

impl SubjectKind {
    pub const ALL: [SubjectKind; 3] = [SubjectKind::Requirement, SubjectKind::Solution, SubjectKind::Baseline];

    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Requirement => "requirement",
            SubjectKind::Solution => "solution",
            SubjectKind::Baseline => "baseline",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    /// The key of the fixed meaning text a signer of this kind agrees to (see [`meaning_text`]).
    pub fn meaning_key(self) -> &'static str {
        match self {
            SubjectKind::Requirement => "signoff.meaning.requirement.v1",
            SubjectKind::Solution => "signoff.meaning.solution.v1",
            SubjectKind::Baseline => "signoff.meaning.baseline.v1",
        }
    }
}

/// In which capacity a person signs. Stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Capacity {
    Pm,
    /// The department's architect, or its tech manager when it has no architect.
    Technical,
    Leader,
}

impl Capacity {
    pub const ALL: [Capacity; 3] = [Capacity::Pm, Capacity::Technical, Capacity::Leader];

    pub fn as_str(self) -> &'static str {
        match self {
            Capacity::Pm => "pm",
            Capacity::Technical => "technical",
            Capacity::Leader => "leader",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw)
    }
}

/// The fixed meaning text of `key`, in Chinese (`zh`) or English. The text shown is stored with
/// the signature as it was shown; versioned keys keep old signatures' meaning if a text changes.
pub fn meaning_text(key: &str, zh: bool) -> Option<&'static str> {
    let (zh_text, en_text) = match key {
        "signoff.meaning.requirement.v1" => {
            ("我同意以此需求修订版本作为开发的依据。", "I agree to this requirement revision as the basis for development.")
        }
        "signoff.meaning.solution.v1" => (
            "我同意以此方案修订版本作为本部门实施的依据，并确认其中本部门的工作内容。",
            "I agree to this solution revision as the basis for my department's implementation, including my department's work in it.",
        ),
        "signoff.meaning.baseline.v1" => {
            ("我代表本部门承诺按此基线排期交付。", "On behalf of my department, I commit to delivering to this baseline schedule.")
        }
        _ => return None,
    };
    Some(if zh { zh_text } else { en_text })
}

/// A person as the derivation needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user_id: String,
    pub username: String,
    pub department_id: String,
    pub role: JobRole,
}

/// The facts of one subject that decide its signers (department ids, not codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectFacts {
    pub kind: SubjectKind,
    /// Requirement id (requirement, solution) or project id (baseline).
    pub subject_id: String,
    /// Departments with change points (requirement) or with work in the plan (solution, baseline).
    pub departments: Vec<String>,
    /// The requirement's owner: preferred as their department's PM signer when they are one.
    pub owner_id: Option<String>,
}

/// One cell the matrix must have: this subject needs a signature from this department in this
/// capacity, by `signer_id` (`None` when the department has nobody in that role).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredSignature {
    pub kind: SubjectKind,
    pub subject_id: String,
    pub department_id: String,
    pub capacity: Capacity,
    pub signer_id: Option<String>,
}

/// Who must sign what. Only stakeholder departments count (`stakeholders`,
/// the project's lead department included by the caller): a change point or plan item naming any
/// other department does not make it a signer.
///
/// - requirement: the PM of each department with change points;
/// - solution: the PM and the architect (else the tech manager) of each department with work;
/// - baseline: the leader of each department with work in the baseline's plan.
///
/// A department with several people in a role is represented by one of them, chosen stably: the
/// requirement's owner when they hold the role there, otherwise the first by username.
pub fn required_signatures(stakeholders: &[String], people: &[Person], subjects: &[SubjectFacts]) -> Vec<RequiredSignature> {
    let mut out = Vec::new();
    for subject in subjects {
        let mut departments: Vec<&String> = Vec::new();
        for d in &subject.departments {
            if stakeholders.contains(d) && !departments.contains(&d) {
                departments.push(d);
            }
        }
        let capacities: &[Capacity] = match subject.kind {
            SubjectKind::Requirement => &[Capacity::Pm],
            SubjectKind::Solution => &[Capacity::Pm, Capacity::Technical],
            SubjectKind::Baseline => &[Capacity::Leader],
        };
        for department_id in departments {
            for &capacity in capacities {
                out.push(RequiredSignature {
                    kind: subject.kind,
                    subject_id: subject.subject_id.clone(),
                    department_id: department_id.clone(),
                    capacity,
                    signer_id: holder(people, department_id, capacity, subject.owner_id.as_deref()),
                });
            }
        }
    }
    out
}

/// The person who signs for `department_id` in `capacity`.
fn holder(people: &[Person], department_id: &str, capacity: Capacity, preferred: Option<&str>) -> Option<String> {
    let roles: &[JobRole] = match capacity {
        Capacity::Pm => &[JobRole::Pm],
        Capacity::Technical => &[JobRole::Architect, JobRole::TechManager],
        Capacity::Leader => &[JobRole::Leader],
    };
    for role in roles {
        let mut candidates: Vec<&Person> = people.iter().filter(|p| p.department_id == department_id && p.role == *role).collect();
        if candidates.is_empty() {
            continue;
        }
        if let Some(p) = preferred.and_then(|id| candidates.iter().find(|p| p.user_id == id)) {
            return Some(p.user_id.clone());
        }
        candidates.sort_by(|a, b| a.username.cmp(&b.username));
        return Some(candidates[0].user_id.clone());
    }
    None
}

/// Where one cell stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    /// Signed, and the subject has not changed since.
    Signed,
    /// Signed, but the subject's content is no longer what was signed.
    Stale,
    /// Never signed, or the signature was revoked.
    Missing,
}

impl CellState {
    pub fn as_str(self) -> &'static str {
        match self {
            CellState::Signed => "signed",
            CellState::Stale => "stale",
            CellState::Missing => "missing",
        }
    }
}

/// The state of a cell whose latest unrevoked signature has `signed_fingerprint` (`None`: none)
/// while the subject's content now has `current_fingerprint`.
pub fn cell_state(current_fingerprint: &str, signed_fingerprint: Option<&str>) -> CellState {
    match signed_fingerprint {
        None => CellState::Missing,
        Some(f) if f == current_fingerprint => CellState::Signed,
        Some(_) => CellState::Stale,
    }
}

/// JSON with object keys sorted (by their UTF-8 bytes), no insignificant whitespace, and
/// serde_json's escaping of strings: the same value always gives the same text, on any engine and
/// whatever order the keys were written or stored in.
pub fn canonical_json(value: &Value) -> String {
    let mut out = Vec::with_capacity(256);
    write_canonical(value, &mut out);
    into_text(out)
}

/// The bytes written are JSON text built from valid UTF-8, so this never loses anything.
fn into_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes a string or number as serde_json does (into a `Vec`, which cannot fail).
fn write_scalar(value: &impl serde::Serialize, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(&mut *out, value);
}

fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut fields: Vec<(&str, &Value)> = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
            fields.sort_unstable_by(|a, b| a.0.cmp(b.0));
            write_fields(&fields, out);
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        other => write_scalar(other, out),
    }
}

/// Writes an object of `fields`, which must be sorted by name already.
fn write_fields(fields: &[(&str, &Value)], out: &mut Vec<u8>) {
    out.push(b'{');
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_scalar(key, out);
        out.push(b':');
        write_canonical(value, out);
    }
    out.push(b'}');
}

/// The canonical JSON of an object with these fields, without copying their values into one
/// (a subject's content can be large, and the sign-off matrix fingerprints every subject).
fn canonical_object(mut fields: Vec<(&str, &Value)>) -> String {
    fields.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::with_capacity(1024);
    write_fields(&fields, &mut out);
    into_text(out)
}

/// The canonical content of a requirement revision: what its signers agree to.
pub fn requirement_content(requirement_id: &str, revision: i64, content: &Value) -> String {
    let (kind, id, revision) = (Value::from("requirement"), Value::from(requirement_id), Value::from(revision));
    canonical_object(vec![("kind", &kind), ("requirement_id", &id), ("revision", &revision), ("content", content)])
}

/// The canonical content of a solution: the chosen option's revision for a requirement.
pub fn solution_content(requirement_id: &str, option_id: &str, revision: i64, content: &Value) -> String {
    let (kind, requirement, option) = (Value::from("solution"), Value::from(requirement_id), Value::from(option_id));
    let revision = Value::from(revision);
    canonical_object(vec![
        ("kind", &kind),
        ("requirement_id", &requirement),
        ("option_id", &option),
        ("revision", &revision),
        ("content", content),
    ])
}

/// The canonical content of a baseline: its number, where it came from, its plan and launch.
pub fn baseline_content(project_id: &str, number: i64, option_id: &str, revision: i64, plan: &Value, launch_on: &str) -> String {
    let (kind, project, number) = (Value::from("baseline"), Value::from(project_id), Value::from(number));
    let (option, revision, launch) = (Value::from(option_id), Value::from(revision), Value::from(launch_on));
    canonical_object(vec![
        ("kind", &kind),
        ("project_id", &project),
        ("number", &number),
        ("option_id", &option),
        ("revision", &revision),
        ("plan", plan),
        ("launch_on", &launch),
    ])
}

/// SHA-256 of `bytes`, as 64 lowercase hex digits.
#[cfg(feature = "ssr")]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// The fingerprint of a canonical content.
#[cfg(feature = "ssr")]
pub fn fingerprint(canonical: &str) -> String {
    sha256_hex(canonical.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, dept: &str, role: JobRole) -> Person {
        Person { user_id: id.into(), username: id.into(), department_id: dept.into(), role }
    }

    fn people() -> Vec<Person> {
        vec![
            person("pa", "A", JobRole::Pm),
            person("pb", "B", JobRole::Pm),
            person("pc", "C", JobRole::Pm),
            person("aa", "A", JobRole::Architect),
            person("tb", "B", JobRole::TechManager),
            person("ab", "B", JobRole::Architect),
            person("la", "A", JobRole::Leader),
            person("lb", "B", JobRole::Leader),
            person("ec", "C", JobRole::Engineer),
        ]
    }

    fn facts(kind: SubjectKind, id: &str, departments: &[&str]) -> SubjectFacts {
        SubjectFacts { kind, subject_id: id.into(), departments: departments.iter().map(|d| d.to_string()).collect(), owner_id: None }
    }

    fn cells(required: &[RequiredSignature]) -> Vec<(SubjectKind, &str, Capacity, Option<&str>)> {
        required.iter().map(|r| (r.kind, r.department_id.as_str(), r.capacity, r.signer_id.as_deref())).collect()
    }

    #[test]
    fn requirement_signers_are_the_pms_of_departments_with_change_points() {
        let stakeholders = ["A", "B", "C"].map(String::from);
        let required = required_signatures(&stakeholders, &people(), &[facts(SubjectKind::Requirement, "r1", &["A", "C", "A"])]);
        assert_eq!(
            cells(&required),
            [(SubjectKind::Requirement, "A", Capacity::Pm, Some("pa")), (SubjectKind::Requirement, "C", Capacity::Pm, Some("pc"))]
        );
    }

    #[test]
    fn solution_signers_are_pm_and_architect_else_tech_manager() {
        let stakeholders = ["A", "B", "C"].map(String::from);
        let required = required_signatures(&stakeholders, &people(), &[facts(SubjectKind::Solution, "r1", &["A", "B", "C"])]);
        assert_eq!(
            cells(&required),
            [
                (SubjectKind::Solution, "A", Capacity::Pm, Some("pa")),
                (SubjectKind::Solution, "A", Capacity::Technical, Some("aa")),
                (SubjectKind::Solution, "B", Capacity::Pm, Some("pb")),
                (SubjectKind::Solution, "B", Capacity::Technical, Some("ab")),
                (SubjectKind::Solution, "C", Capacity::Pm, Some("pc")),
                (SubjectKind::Solution, "C", Capacity::Technical, None),
            ],
            "B has both: the architect signs; C has neither: the cell names nobody"
        );
        let no_architect: Vec<Person> = people().into_iter().filter(|p| p.user_id != "ab").collect();
        let required = required_signatures(&stakeholders, &no_architect, &[facts(SubjectKind::Solution, "r1", &["B"])]);
        assert_eq!(required[1].signer_id.as_deref(), Some("tb"), "without an architect the tech manager signs");
    }

    #[test]
    fn baseline_signers_are_leaders_and_outsiders_never_sign() {
        let stakeholders = ["A", "B"].map(String::from);
        let required = required_signatures(&stakeholders, &people(), &[facts(SubjectKind::Baseline, "p1", &["A", "B", "X"])]);
        assert_eq!(
            cells(&required),
            [(SubjectKind::Baseline, "A", Capacity::Leader, Some("la")), (SubjectKind::Baseline, "B", Capacity::Leader, Some("lb"))]
        );
    }

    #[test]
    fn the_owner_signs_for_their_department_when_it_has_several_pms() {
        let mut all = people();
        all.push(person("pa0", "A", JobRole::Pm));
        let mut subject = facts(SubjectKind::Requirement, "r1", &["A"]);
        let required = required_signatures(&["A".to_string()], &all, std::slice::from_ref(&subject));
        assert_eq!(required[0].signer_id.as_deref(), Some("pa"), "first by username");
        subject.owner_id = Some("pa0".into());
        let required = required_signatures(&["A".to_string()], &all, &[subject]);
        assert_eq!(required[0].signer_id.as_deref(), Some("pa0"), "the owner");
    }

    #[test]
    fn a_cell_is_stale_exactly_when_the_fingerprint_differs() {
        assert_eq!(cell_state("f1", None), CellState::Missing);
        assert_eq!(cell_state("f1", Some("f1")), CellState::Signed);
        assert_eq!(cell_state("f2", Some("f1")), CellState::Stale);
    }

    #[test]
    fn subject_contents_are_the_canonical_json_of_the_whole_object() {
        let content = serde_json::json!({"z": [1, 2.5, {"b": "中文\n\u{1}", "a": null}], "a": "x\"y"});
        assert_eq!(
            requirement_content("r-1", 3, &content),
            canonical_json(&serde_json::json!({"kind": "requirement", "requirement_id": "r-1", "revision": 3, "content": content}))
        );
        assert_eq!(
            solution_content("r-1", "o-1", 4, &content),
            canonical_json(
                &serde_json::json!({"kind": "solution", "requirement_id": "r-1", "option_id": "o-1", "revision": 4, "content": content})
            )
        );
        assert_eq!(
            baseline_content("p", 2, "o", 5, &content, "2026-03-01"),
            canonical_json(&serde_json::json!({
                "kind": "baseline", "project_id": "p", "number": 2, "option_id": "o", "revision": 5, "plan": content, "launch_on": "2026-03-01",
            }))
        );
        // Pinned: a stored fingerprint must keep matching after any rewrite of this code.
        assert_eq!(
            requirement_content("r", 1, &serde_json::json!({"b": 1, "a": "é"})),
            r#"{"content":{"a":"é","b":1},"kind":"requirement","requirement_id":"r","revision":1}"#
        );
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_level_and_keeps_arrays_in_order() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": {"y": [3, 1, {"z": "中文", "c": null}], "x": true}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":{"x":true,"y":[3,1,{"c":null,"z":"中文"}]},"b":1}"#).unwrap();
        assert_eq!(canonical_json(&a), r#"{"a":{"x":true,"y":[3,1,{"c":null,"z":"中文"}]},"b":1}"#);
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(canonical_json(&Value::String("a\"b\n".into())), r#""a\"b\n""#);
    }

    #[test]
    fn contents_differ_by_revision_and_kind() {
        let content = serde_json::json!({"title": "t"});
        assert_ne!(requirement_content("r", 1, &content), requirement_content("r", 2, &content));
        assert_ne!(requirement_content("r", 1, &content), solution_content("r", "o", 1, &content));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn fingerprints_are_sha256_hex() {
        assert_eq!(fingerprint("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn every_meaning_key_has_both_texts_and_names_round_trip() {
        for kind in SubjectKind::ALL {
            assert!(meaning_text(kind.meaning_key(), true).is_some_and(|t| !t.is_empty()));
            assert!(meaning_text(kind.meaning_key(), false).is_some_and(|t| !t.is_empty()));
            assert_eq!(SubjectKind::parse(kind.as_str()), Some(kind));
        }
        for c in Capacity::ALL {
            assert_eq!(Capacity::parse(c.as_str()), Some(c));
        }
        assert_eq!(meaning_text("nope", true), None);
    }
}
