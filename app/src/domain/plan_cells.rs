//! The work-plan editor's cells, read as strictly as the engine reads a plan: a list of
//! predecessors with lags (`a, b+2`), a milestone's ids, an effort, a not-before date. Pure, so the
//! browser marks a wrong cell where it is typed and the rules are tested without a page.

use super::dates::Date;
use super::schedule::{ItemSpec, Predecessor};
use super::DomainError;
use std::collections::BTreeSet;

/// The largest effort or lag the engine takes, in working days.
pub const MAX_DAYS: i64 = super::schedule::error::MAX_DAYS;

/// What is wrong with the text of a list of ids (an item's predecessors, a milestone's `after`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// An entry without an id (`+2` alone).
    MissingId,
    /// `a+x`, `a+-1`, `a+99999`: the lag after `+` is not a whole number of working days.
    BadLag { entry: String },
    /// A milestone's entry with a lag: milestones wait for their items without one.
    LagNotAllowed { entry: String },
    /// The same id twice.
    Repeated { id: String },
}

/// Separators between entries: the ASCII comma and the Chinese ones people type with an IME.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', '、']).map(str::trim).filter(|e| !e.is_empty())
}

/// Parses `a, b+2` into predecessors: `a`, and `b` with 2 working days of lag. Entries are
/// separated by commas (`,`, `，` or `、`); empty entries (a trailing comma while typing) are
/// skipped. An id may contain spaces; a `+` starts the lag only when a whole number follows it,
/// and any other `+` is refused so a typo never silently becomes part of an id.
pub fn parse_predecessors(text: &str) -> Result<Vec<Predecessor>, ListError> {
    let mut out: Vec<Predecessor> = Vec::new();
    for entry in entries(text) {
        let (id, lag) = match entry.rsplit_once('+') {
            None => (entry, 0),
            Some((id, lag)) => {
                let lag = lag.trim();
                if lag.is_empty() || !lag.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ListError::BadLag { entry: entry.to_string() });
                }
                match lag.parse::<i64>() {
                    Ok(n) if n <= MAX_DAYS => (id.trim(), n),
                    _ => return Err(ListError::BadLag { entry: entry.to_string() }),
                }
            }
        };
        if id.is_empty() {
            return Err(ListError::MissingId);
        }
        if out.iter().any(|p| p.id() == id) {
            return Err(ListError::Repeated { id: id.to_string() });
        }
        out.push(if lag == 0 { Predecessor::Id(id.to_string()) } else { Predecessor::WithLag { id: id.to_string(), lag } });
    }
    Ok(out)
}

/// The text [`parse_predecessors`] reads back into the same predecessors. An id that itself
/// contains `+` is written with an explicit `+0`, so its last `+` is not taken for a lag.
pub fn format_predecessors(after: &[Predecessor]) -> String {
    after
        .iter()
        .map(|p| match p.lag() {
            0 if p.id().contains('+') => format!("{}+0", p.id()),
            0 => p.id().to_string(),
            lag => format!("{}+{lag}", p.id()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a milestone's `after`: ids separated by commas, without lags.
pub fn parse_ids(text: &str) -> Result<Vec<String>, ListError> {
    let mut out: Vec<String> = Vec::new();
    for entry in entries(text) {
        if let Some((_, lag)) = entry.rsplit_once('+') {
            if !lag.trim().is_empty() && lag.trim().bytes().all(|b| b.is_ascii_digit()) {
                return Err(ListError::LagNotAllowed { entry: entry.to_string() });
            }
        }
        if out.iter().any(|id| id == entry) {
            return Err(ListError::Repeated { id: entry.to_string() });
        }
        out.push(entry.to_string());
    }
    Ok(out)
}

/// What is wrong with an effort cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffortError {
    Empty,
    /// Not a whole number from 1 to the engine's maximum.
    OutOfRange,
}

/// A whole number of working days, 1 ..= the engine's maximum; nothing else (no `2.5`, no `3d`).
pub fn parse_effort(text: &str) -> Result<i64, EffortError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(EffortError::Empty);
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(EffortError::OutOfRange);
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=MAX_DAYS).contains(&n) => Ok(n),
        _ => Err(EffortError::OutOfRange),
    }
}

/// An optional ISO date (`YYYY-MM-DD`, what a date input gives); empty is none.
pub fn parse_not_before(text: &str) -> Result<Option<Date>, DomainError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Date::parse(text, "not_before").map(Some)
}

/// Ids of the items that nothing in the plan follows: what a launch usually waits for.
pub fn last_items(items: &[ItemSpec]) -> Vec<String> {
    let followed: BTreeSet<&str> = items.iter().flat_map(|i| i.after.iter().map(Predecessor::id)).collect();
    items.iter().filter(|i| !followed.contains(i.id.as_str())).map(|i| i.id.clone()).collect()
}

/// The first of `prefix1`, `prefix2`, … not taken by `taken`.
pub fn fresh_id(prefix: &str, taken: &BTreeSet<String>) -> String {
    (1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.contains(id)).unwrap_or_else(|| prefix.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Predecessor {
        Predecessor::Id(s.into())
    }

    fn lag(s: &str, n: i64) -> Predecessor {
        Predecessor::WithLag { id: s.into(), lag: n }
    }

    #[test]
    fn predecessors_are_ids_with_an_optional_lag() {
        let cases: &[(&str, Vec<Predecessor>)] = &[
            ("", vec![]),
            ("  ", vec![]),
            ("a", vec![id("a")]),
            ("a, b+2", vec![id("a"), lag("b", 2)]),
            ("a ,b + 2 ,", vec![id("a"), lag("b", 2)]),
            ("a，b、c+1", vec![id("a"), id("b"), lag("c", 1)]),
            ("b api+3", vec![lag("b api", 3)]),
            ("a+0", vec![id("a")]),
            ("x+y+4", vec![lag("x+y", 4)]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_predecessors(text).as_ref(), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn malformed_predecessors_are_refused_with_the_entry_at_fault() {
        let cases: &[(&str, ListError, &str)] = &[
            ("+2", ListError::MissingId, "a lag without an id"),
            ("a, b+", ListError::BadLag { entry: "b+".into() }, "a plus without a number"),
            ("a+x", ListError::BadLag { entry: "a+x".into() }, "a lag that is not a number"),
            ("a+-1", ListError::BadLag { entry: "a+-1".into() }, "a negative lag"),
            ("a+1.5", ListError::BadLag { entry: "a+1.5".into() }, "a fractional lag"),
            ("a+99999", ListError::BadLag { entry: "a+99999".into() }, "a lag beyond the engine's maximum"),
            ("a, a+1", ListError::Repeated { id: "a".into() }, "the same predecessor twice"),
        ];
        for (text, expected, why) in cases {
            assert_eq!(parse_predecessors(text).as_ref(), Err(expected), "{why}: {text:?}");
        }
    }

    #[test]
    fn formatted_predecessors_parse_back_to_the_same_list() {
        let lists = vec![vec![], vec![id("a")], vec![id("a"), lag("b", 2)], vec![id("c+d")], vec![lag("e+f", 3), id("g h")]];
        for after in lists {
            let text = format_predecessors(&after);
            assert_eq!(parse_predecessors(&text), Ok(after.clone()), "{text:?}");
        }
        assert_eq!(format_predecessors(&[id("a"), lag("b", 2)]), "a, b+2");
    }

    #[test]
    fn a_milestone_lists_ids_without_lags() {
        assert_eq!(parse_ids("a, b，c"), Ok(vec!["a".to_string(), "b".into(), "c".into()]));
        assert_eq!(parse_ids("a+2"), Err(ListError::LagNotAllowed { entry: "a+2".into() }));
        assert_eq!(parse_ids("a, a"), Err(ListError::Repeated { id: "a".into() }));
        assert_eq!(parse_ids(" , "), Ok(vec![]));
    }

    #[test]
    fn effort_is_a_whole_number_of_working_days_from_one() {
        let cases: &[(&str, Result<i64, EffortError>)] = &[
            ("3", Ok(3)),
            (" 12 ", Ok(12)),
            ("", Err(EffortError::Empty)),
            ("0", Err(EffortError::OutOfRange)),
            ("-1", Err(EffortError::OutOfRange)),
            ("2.5", Err(EffortError::OutOfRange)),
            ("3d", Err(EffortError::OutOfRange)),
            ("10001", Err(EffortError::OutOfRange)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_effort(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn not_before_is_an_iso_date_or_nothing() {
        assert_eq!(parse_not_before(""), Ok(None));
        assert_eq!(parse_not_before("2026-03-02").map(|d| d.map(|d| d.to_string())), Ok(Some("2026-03-02".into())));
        assert!(parse_not_before("2026-02-30").is_err());
        assert!(parse_not_before("3/2/2026").is_err());
    }

    #[test]
    fn the_last_items_are_those_nothing_follows() {
        let item = |i: &str, after: &[&str]| ItemSpec {
            id: i.into(),
            name: None,
            department: "A".into(),
            effort: 1,
            not_before: None,
            after: after.iter().map(|a| id(a)).collect(),
        };
        let items = vec![item("a", &[]), item("b", &["a"]), item("c", &["a"]), item("d", &["b"])];
        assert_eq!(last_items(&items), vec!["c", "d"]);
    }

    #[test]
    fn fresh_ids_skip_taken_ones() {
        let taken: BTreeSet<String> = ["w1", "w2", "w4"].into_iter().map(String::from).collect();
        assert_eq!(fresh_id("w", &taken), "w3");
    }
}
