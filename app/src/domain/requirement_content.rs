//! What a requirement says: title, background, goal, priority, owner, its scenarios and its change
//! points per department — and the rules every saved revision obeys.
//!
//! The seed case failed because a scenario ("approved after the first query") was found only after
//! development started; keeping scenarios and per-department change points as explicit lists (not
//! buried in prose) is what lets a review spot the gap and a diff show exactly when one was added.

use super::error::DomainError;
use super::text::{bounded, optional_long};
use serde::{Deserialize, Serialize};

/// Longest title, in characters.
pub const TITLE_MAX: u32 = 200;
/// Longest background, goal or scenario text, in characters (a requirement is ~2 KB typically).
pub const LONG_TEXT_MAX: u32 = 20_000;
/// Longest scenario name or change-point line.
pub const ITEM_MAX: u32 = 500;
/// More scenarios or change points than this is a document, not a requirement.
pub const LIST_MAX: usize = 100;

/// How urgent a requirement is. Stored and sent as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Critical,
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::Critical, Priority::High, Priority::Medium, Priority::Low];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Critical => "critical",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed("priority"))
    }

    /// Sort rank: critical first.
    pub fn rank(self) -> i64 {
        self as i64
    }
}

/// One situation the requirement must handle. Either Given/When/Then or free text (or both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Scenario {
    /// Stable within the requirement (`S1`, `S2`, ...), so a diff can tell "changed" from
    /// "removed and added". Empty on input for a new scenario; the server assigns one.
    #[serde(default)]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub given: String,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub then: String,
    /// Free text for a scenario that does not fit Given/When/Then.
    #[serde(default)]
    pub notes: String,
}

/// What one stakeholder department must change (改动点), one line each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ChangePoint {
    /// Stable within the requirement (`C1`, `C2`, ...); empty on input for a new one.
    #[serde(default)]
    pub id: String,
    pub department_id: String,
    pub text: String,
}

/// The whole content of one revision. Every save stores one of these, whole and immutable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementContent {
    pub title: String,
    /// Markdown; the seed's "customer view" and "PM view" are typical sections.
    pub background: String,
    pub goal: String,
    pub priority: Priority,
    pub owner_id: String,
    pub scenarios: Vec<Scenario>,
    pub change_points: Vec<ChangePoint>,
}

impl RequirementContent {
    /// Trims and checks every field; gives new scenarios and change points their ids, continuing
    /// after the highest id `previous` used so a removed item's id is never reused. Department and
    /// owner ids are checked against the database by the caller.
    pub fn normalise(mut self, previous: Option<&RequirementContent>) -> Result<Self, DomainError> {
        self.title = bounded(&self.title, "title", TITLE_MAX)?;
        self.background = optional_long(&self.background, "background", LONG_TEXT_MAX)?;
        self.goal = optional_long(&self.goal, "goal", LONG_TEXT_MAX)?;
        self.owner_id = self.owner_id.trim().to_string();
        if self.owner_id.is_empty() {
            return Err(DomainError::empty("owner_id"));
        }
        if self.scenarios.len() > LIST_MAX {
            return Err(DomainError::TooLong { field: "scenarios".into(), max: LIST_MAX as u32 });
        }
        if self.change_points.len() > LIST_MAX {
            return Err(DomainError::TooLong { field: "change_points".into(), max: LIST_MAX as u32 });
        }
        let mut next_scenario =
            next_number('S', previous.map(|p| p.scenarios.iter().map(|s| s.id.as_str())), self.scenarios.iter().map(|s| s.id.as_str()));
        for (i, s) in self.scenarios.iter_mut().enumerate() {
            let field = |part: &str| format!("scenarios[{i}].{part}");
            s.name = bounded(&s.name, "scenario name", ITEM_MAX).map_err(|e| rename(e, field("name")))?;
            s.given = optional_long(&s.given, "given", LONG_TEXT_MAX).map_err(|e| rename(e, field("given")))?;
            s.when = optional_long(&s.when, "when", LONG_TEXT_MAX).map_err(|e| rename(e, field("when")))?;
            s.then = optional_long(&s.then, "then", LONG_TEXT_MAX).map_err(|e| rename(e, field("then")))?;
            s.notes = optional_long(&s.notes, "notes", LONG_TEXT_MAX).map_err(|e| rename(e, field("notes")))?;
            s.id = assign_id(&s.id, 'S', &mut next_scenario).ok_or_else(|| DomainError::Malformed { field: field("id") })?;
        }
        ensure_unique_ids(self.scenarios.iter().map(|s| s.id.as_str()), "scenarios")?;
        let mut next_point = next_number(
            'C',
            previous.map(|p| p.change_points.iter().map(|c| c.id.as_str())),
            self.change_points.iter().map(|c| c.id.as_str()),
        );
        for (i, c) in self.change_points.iter_mut().enumerate() {
            let field = |part: &str| format!("change_points[{i}].{part}");
            c.department_id = c.department_id.trim().to_string();
            if c.department_id.is_empty() {
                return Err(DomainError::Empty { field: field("department_id") });
            }
            c.text = bounded(&c.text, "text", ITEM_MAX).map_err(|e| rename(e, field("text")))?;
            c.id = assign_id(&c.id, 'C', &mut next_point).ok_or_else(|| DomainError::Malformed { field: field("id") })?;
        }
        ensure_unique_ids(self.change_points.iter().map(|c| c.id.as_str()), "change_points")?;
        Ok(self)
    }

    /// The departments that have change points, each once, in the order they first appear.
    pub fn change_point_departments(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for point in &self.change_points {
            if !ids.contains(&point.department_id) {
                ids.push(point.department_id.clone());
            }
        }
        ids
    }

    /// The words search looks in: title, background, goal and scenarios, lowercased so English
    /// matches regardless of case (Chinese has no case and matches as written).
    pub fn search_text(&self) -> String {
        let mut text = String::with_capacity(self.title.len() + self.background.len() + self.goal.len() + 256);
        for part in [&self.title, &self.background, &self.goal] {
            text.push_str(part);
            text.push('\n');
        }
        for s in &self.scenarios {
            for part in [&s.name, &s.given, &s.when, &s.then, &s.notes] {
                text.push_str(part);
                text.push('\n');
            }
        }
        text.to_lowercase()
    }
}

fn rename(error: DomainError, field: String) -> DomainError {
    match error {
        DomainError::Empty { .. } => DomainError::Empty { field },
        DomainError::TooLong { max, .. } => DomainError::TooLong { field, max },
        DomainError::TooShort { min, .. } => DomainError::TooShort { field, min },
        _ => DomainError::Malformed { field },
    }
}

/// The number after the highest `<prefix><n>` id seen in the previous revision or the input.
fn next_number<'a>(prefix: char, previous: Option<impl Iterator<Item = &'a str>>, current: impl Iterator<Item = &'a str>) -> u32 {
    let parse = |id: &str| id.strip_prefix(prefix).and_then(|n| n.parse::<u32>().ok());
    let highest_previous = previous.into_iter().flatten().filter_map(parse).max().unwrap_or(0);
    let highest_current = current.filter_map(parse).max().unwrap_or(0);
    highest_previous.max(highest_current) + 1
}

/// Keeps a well-formed id, gives an empty one the next number, refuses anything else.
fn assign_id(id: &str, prefix: char, next: &mut u32) -> Option<String> {
    let id = id.trim();
    if id.is_empty() {
        let fresh = format!("{prefix}{next}");
        *next += 1;
        return Some(fresh);
    }
    let well_formed = id.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()));
    well_formed.then(|| id.to_string())
}

fn ensure_unique_ids<'a>(ids: impl Iterator<Item = &'a str>, field: &str) -> Result<(), DomainError> {
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(DomainError::Malformed { field: format!("{field}.id") });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> RequirementContent {
        RequirementContent {
            title: "  付款前须审批 ".into(),
            background: "## 客户视角\n".into(),
            goal: "".into(),
            priority: Priority::High,
            owner_id: "u1".into(),
            scenarios: vec![
                Scenario { name: "approved before first query".into(), ..Default::default() },
                Scenario { name: "auto-approved".into(), notes: "by the system".into(), ..Default::default() },
            ],
            change_points: vec![ChangePoint { id: String::new(), department_id: "B".into(), text: "new approval-status API".into() }],
        }
    }

    #[test]
    fn new_items_get_ids_and_text_is_trimmed() {
        let c = content().normalise(None).unwrap();
        assert_eq!(c.title, "付款前须审批");
        assert_eq!(c.scenarios.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["S1", "S2"]);
        assert_eq!(c.change_points[0].id, "C1");
    }

    #[test]
    fn ids_of_removed_items_are_never_reused() {
        let first = content().normalise(None).unwrap();
        let mut second = first.clone();
        second.scenarios.remove(1); // S2 removed
        second.scenarios.push(Scenario { name: "approved after first query".into(), ..Default::default() });
        let second = second.normalise(Some(&first)).unwrap();
        assert_eq!(second.scenarios.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["S1", "S3"]);
    }

    #[test]
    fn bad_items_name_their_position() {
        let mut c = content();
        c.scenarios[1].name = "  ".into();
        assert_eq!(c.normalise(None), Err(DomainError::Empty { field: "scenarios[1].name".into() }));
        let mut c = content();
        c.change_points[0].department_id = "".into();
        assert_eq!(c.normalise(None), Err(DomainError::Empty { field: "change_points[0].department_id".into() }));
        let mut c = content();
        c.scenarios[0].id = "X9".into();
        assert!(c.normalise(None).is_err());
        let mut c = content();
        c.scenarios[0].id = "S2".into();
        c.scenarios[1].id = "S2".into();
        assert_eq!(c.normalise(None), Err(DomainError::Malformed { field: "scenarios.id".into() }));
    }

    #[test]
    fn title_and_owner_are_required() {
        let mut c = content();
        c.title = " ".into();
        assert_eq!(c.normalise(None), Err(DomainError::Empty { field: "title".into() }));
        let mut c = content();
        c.owner_id = "".into();
        assert_eq!(c.normalise(None), Err(DomainError::Empty { field: "owner_id".into() }));
    }

    #[test]
    fn search_text_covers_scenarios_and_ignores_case() {
        let c = content().normalise(None).unwrap();
        let text = c.search_text();
        assert!(text.contains("approved before first query") && text.contains("付款前须审批") && text.contains("客户视角"));
        let mut upper = c.clone();
        upper.title = "Payment NEEDS Approval".into();
        assert!(upper.search_text().contains("payment needs approval"));
    }

    #[test]
    fn priorities_round_trip() {
        for p in Priority::ALL {
            assert_eq!(Priority::parse(p.as_str()), Ok(p));
        }
        assert!(Priority::parse("urgent").is_err());
    }
}
