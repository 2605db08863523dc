//! A readable difference between two revisions of a requirement: per field; text diffed word by
//! word (Chinese character by character, the way Unicode segments it); scenarios and change points
//! matched by their stable ids and reported as added, removed or changed.
//!
//! The types travel to the browser, which only renders them; the computation runs on the server
//! (the `similar` crate is server-only, keeping it out of the wasm bundle).

use serde::{Deserialize, Serialize};

/// One run of text in a diff: kept, inserted or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Equal,
    Insert,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

/// A field whose value differs between the two revisions, as segments of the merged text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// `title`, `background`, `goal`, `priority`, `owner_id`; inside an item: `name`, `given`,
    /// `when`, `then`, `notes`, `department_id`, `text`.
    pub field: String,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemChangeKind {
    Added,
    Removed,
    Changed,
}

/// A scenario or change point that was added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemChange {
    pub id: String,
    pub kind: ItemChangeKind,
    /// The item's name (scenario) or text (change point) in the newer revision, or the older one
    /// when removed — what a reader recognises it by.
    pub label: String,
    /// Per-field changes; for an added or removed item, every non-empty field.
    pub fields: Vec<FieldChange>,
}

/// Everything that differs from revision `from` to revision `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementDiff {
    pub from: i64,
    pub to: i64,
    pub fields: Vec<FieldChange>,
    pub scenarios: Vec<ItemChange>,
    pub change_points: Vec<ItemChange>,
}

impl RequirementDiff {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.scenarios.is_empty() && self.change_points.is_empty()
    }
}

#[cfg(feature = "ssr")]
pub use compute::diff;

#[cfg(feature = "ssr")]
mod compute {
    use super::*;
    use crate::domain::requirement_content::{ChangePoint, RequirementContent, Scenario};
    use similar::{ChangeTag, TextDiff};

    /// Compares two revisions' contents.
    pub fn diff(from: i64, old: &RequirementContent, to: i64, new: &RequirementContent) -> RequirementDiff {
        let mut fields = Vec::new();
        push_text(&mut fields, "title", &old.title, &new.title);
        push_text(&mut fields, "background", &old.background, &new.background);
        push_text(&mut fields, "goal", &old.goal, &new.goal);
        push_text(&mut fields, "priority", old.priority.as_str(), new.priority.as_str());
        push_text(&mut fields, "owner_id", &old.owner_id, &new.owner_id);
        RequirementDiff {
            from,
            to,
            fields,
            scenarios: items(&old.scenarios, &new.scenarios, |s| &s.id, |s| &s.name, scenario_fields),
            change_points: items(&old.change_points, &new.change_points, |c| &c.id, |c| &c.text, change_point_fields),
        }
    }

    fn scenario_fields(s: &Scenario) -> [(&'static str, &str); 5] {
        [("name", &s.name), ("given", &s.given), ("when", &s.when), ("then", &s.then), ("notes", &s.notes)]
    }

    fn change_point_fields(c: &ChangePoint) -> [(&'static str, &str); 2] {
        [("department_id", &c.department_id), ("text", &c.text)]
    }

    /// Items matched by id, reported in the newer revision's order, removed ones after.
    fn items<T, const N: usize>(
        old: &[T],
        new: &[T],
        id: impl Fn(&T) -> &String,
        label: impl Fn(&T) -> &String,
        item_fields: impl Fn(&T) -> [(&'static str, &str); N],
    ) -> Vec<ItemChange> {
        let mut changes = Vec::new();
        for item in new {
            match old.iter().find(|o| id(o) == id(item)) {
                None => changes.push(ItemChange {
                    id: id(item).clone(),
                    kind: ItemChangeKind::Added,
                    label: label(item).clone(),
                    fields: item_fields(item).into_iter().filter_map(|(f, v)| whole(f, v, SegmentKind::Insert)).collect(),
                }),
                Some(before) => {
                    let mut fields = Vec::new();
                    for ((f, a), (_, b)) in item_fields(before).into_iter().zip(item_fields(item)) {
                        push_text(&mut fields, f, a, b);
                    }
                    if !fields.is_empty() {
                        changes.push(ItemChange {
                            id: id(item).clone(),
                            kind: ItemChangeKind::Changed,
                            label: label(item).clone(),
                            fields,
                        });
                    }
                }
            }
        }
        for item in old.iter().filter(|o| !new.iter().any(|n| id(n) == id(o))) {
            changes.push(ItemChange {
                id: id(item).clone(),
                kind: ItemChangeKind::Removed,
                label: label(item).clone(),
                fields: item_fields(item).into_iter().filter_map(|(f, v)| whole(f, v, SegmentKind::Delete)).collect(),
            });
        }
        changes
    }

    fn whole(field: &str, value: &str, kind: SegmentKind) -> Option<FieldChange> {
        (!value.is_empty()).then(|| FieldChange { field: field.into(), segments: vec![Segment { kind, text: value.into() }] })
    }

    fn push_text(out: &mut Vec<FieldChange>, field: &str, old: &str, new: &str) {
        if old != new {
            out.push(FieldChange { field: field.into(), segments: text_segments(old, new) });
        }
    }

    /// Word-level segments (Unicode word boundaries: an English word, a space, or one CJK
    /// character), with neighbouring runs of the same kind merged so the reader sees phrases.
    pub(super) fn text_segments(old: &str, new: &str) -> Vec<Segment> {
        let diff = TextDiff::configure().timeout(std::time::Duration::from_millis(200)).diff_unicode_words(old, new);
        let mut segments: Vec<Segment> = Vec::new();
        for change in diff.iter_all_changes() {
            let kind = match change.tag() {
                ChangeTag::Equal => SegmentKind::Equal,
                ChangeTag::Insert => SegmentKind::Insert,
                ChangeTag::Delete => SegmentKind::Delete,
            };
            match segments.last_mut() {
                Some(last) if last.kind == kind => last.text.push_str(change.value()),
                _ => segments.push(Segment { kind, text: change.value().to_string() }),
            }
        }
        segments
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::compute::text_segments;
    use super::*;
    use crate::domain::requirement_content::{ChangePoint, Priority, RequirementContent, Scenario};

    fn base() -> RequirementContent {
        RequirementContent {
            title: "Payment requires approval".into(),
            background: "Orders must be approved.\nThen paid.".into(),
            goal: "No unapproved payment".into(),
            priority: Priority::High,
            owner_id: "u1".into(),
            scenarios: vec![
                Scenario { id: "S1".into(), name: "approved before first query".into(), then: "pay".into(), ..Default::default() },
                Scenario { id: "S2".into(), name: "auto-approved".into(), ..Default::default() },
            ],
            change_points: vec![ChangePoint { id: "C1".into(), department_id: "B".into(), text: "approval-status API".into() }],
        }
    }

    fn text_of(segments: &[Segment], kind: SegmentKind) -> String {
        segments.iter().filter(|s| s.kind == kind).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn identical_revisions_have_no_diff() {
        assert!(diff(1, &base(), 2, &base()).is_empty());
    }

    #[test]
    fn text_fields_are_diffed_word_by_word() {
        let segments = text_segments("Orders must be approved.", "Orders must be approved by B.");
        assert_eq!(text_of(&segments, SegmentKind::Insert), " by B");
        assert_eq!(text_of(&segments, SegmentKind::Delete), "");
        assert_eq!(text_of(&segments, SegmentKind::Equal), "Orders must be approved.");
    }

    #[test]
    fn chinese_text_is_diffed_by_character() {
        let segments = text_segments("付款前须审批", "付款前必须审批");
        assert_eq!(text_of(&segments, SegmentKind::Insert), "必");
        assert_eq!(text_of(&segments, SegmentKind::Equal), "付款前须审批");
    }

    #[test]
    fn plain_fields_show_old_and_new_values() {
        let mut new = base();
        new.priority = Priority::Critical;
        new.owner_id = "u2".into();
        let d = diff(1, &base(), 2, &new);
        let fields: Vec<_> = d.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["priority", "owner_id"]);
        assert_eq!(text_of(&d.fields[0].segments, SegmentKind::Delete), "high");
        assert_eq!(text_of(&d.fields[0].segments, SegmentKind::Insert), "critical");
    }

    #[test]
    fn scenarios_are_added_removed_and_changed_by_id() {
        let mut new = base();
        new.scenarios[0].then = "pay at once".into();
        new.scenarios.remove(1);
        new.scenarios.push(Scenario { id: "S3".into(), name: "approved after first query".into(), ..Default::default() });
        let d = diff(1, &base(), 2, &new);
        let summary: Vec<_> = d.scenarios.iter().map(|c| (c.id.as_str(), c.kind)).collect();
        assert_eq!(summary, [("S1", ItemChangeKind::Changed), ("S3", ItemChangeKind::Added), ("S2", ItemChangeKind::Removed)]);
        assert_eq!(d.scenarios[0].fields[0].field, "then");
        assert_eq!(d.scenarios[1].label, "approved after first query");
        assert_eq!(d.scenarios[2].fields[0].segments[0].kind, SegmentKind::Delete);
    }

    #[test]
    fn change_points_are_compared_per_item() {
        let mut new = base();
        new.change_points[0].text = "new approval-status API".into();
        new.change_points.push(ChangePoint { id: "C2".into(), department_id: "B".into(), text: "approval-passed message".into() });
        let d = diff(1, &base(), 2, &new);
        assert_eq!(d.change_points.len(), 2);
        assert_eq!(d.change_points[0].kind, ItemChangeKind::Changed);
        assert_eq!(text_of(&d.change_points[0].fields[0].segments, SegmentKind::Insert), "new ");
        assert_eq!(d.change_points[1].kind, ItemChangeKind::Added);
        assert!(d.fields.is_empty() && d.scenarios.is_empty());
    }

    #[test]
    fn reordering_alone_is_not_a_change() {
        let mut new = base();
        new.scenarios.reverse();
        assert!(diff(1, &base(), 2, &new).scenarios.is_empty());
    }
}
