//! Renders a revision diff: each changed field with its insertions and deletions marked inline,
//! then scenarios and change points as added, removed or changed. All text is escaped (never
//! inserted as HTML): a diff of Markdown shows the Markdown source.

use super::dto::DiffDto;
use super::messages::RequirementMessages;
use crate::domain::requirement_diff::{FieldChange, ItemChange, ItemChangeKind, SegmentKind};
use crate::ui::use_i18n;
use leptos::prelude::*;

/// `heading_level` is the level of the "Scenarios" and "Change points" headings: one below the
/// heading the diff sits under (2 on the diff page, below its title).
#[component]
pub fn DiffView(diff: DiffDto, #[prop(default = 2)] heading_level: u8) -> impl IntoView {
    let i18n = use_i18n();
    let rm = move || RequirementMessages::of(i18n.get());
    let heading = move |text: fn(&RequirementMessages) -> &'static str| {
        let text = move || text(rm());
        match heading_level {
            2 => view! { <h2 class="diff-heading">{text}</h2> }.into_any(),
            3 => view! { <h3 class="diff-heading">{text}</h3> }.into_any(),
            _ => view! { <h4 class="diff-heading">{text}</h4> }.into_any(),
        }
    };
    let d = diff.diff;
    let empty = d.is_empty();
    view! {
        <div class="diff" data-from=d.from data-to=d.to>
            {empty.then(|| view! { <p class="muted no-diff">{move || rm().no_differences}</p> })}
            {(!d.fields.is_empty()).then(|| view! {
                <dl class="diff-fields">{d.fields.into_iter().map(field_view).collect_view()}</dl>
            })}
            {(!d.scenarios.is_empty()).then(|| view! {
                {heading(|m| m.scenarios)}
                <ul class="diff-items diff-scenarios">{d.scenarios.into_iter().map(item_view).collect_view()}</ul>
            })}
            {(!d.change_points.is_empty()).then(|| view! {
                {heading(|m| m.change_points)}
                <ul class="diff-items diff-change-points">{d.change_points.into_iter().map(item_view).collect_view()}</ul>
            })}
        </div>
    }
}

fn field_view(change: FieldChange) -> impl IntoView {
    let i18n = use_i18n();
    let field = change.field.clone();
    view! {
        <dt>{move || RequirementMessages::of(i18n.get()).field_name(&field)}</dt>
        <dd class="diff-text" data-field=change.field.clone()>
            {change.segments.into_iter().map(|s| match s.kind {
                SegmentKind::Equal => view! { <span>{s.text}</span> }.into_any(),
                SegmentKind::Insert => view! { <ins>{s.text}</ins> }.into_any(),
                SegmentKind::Delete => view! { <del>{s.text}</del> }.into_any(),
            }).collect_view()}
        </dd>
    }
}

fn item_view(item: ItemChange) -> impl IntoView {
    let i18n = use_i18n();
    let kind = item.kind;
    let class = match kind {
        ItemChangeKind::Added => "added",
        ItemChangeKind::Removed => "removed",
        ItemChangeKind::Changed => "changed",
    };
    let badge = move || {
        let rm = RequirementMessages::of(i18n.get());
        match kind {
            ItemChangeKind::Added => rm.added,
            ItemChangeKind::Removed => rm.removed,
            ItemChangeKind::Changed => rm.changed,
        }
    };
    view! {
        <li class=format!("diff-item {class}") data-id=item.id.clone()>
            <span class="badge">{badge}</span> " " <strong>{item.label}</strong>
            <dl class="diff-fields">{item.fields.into_iter().map(field_view).collect_view()}</dl>
        </li>
    }
}
