//! The stakeholder map as a picture: server-rendered SVG (hydrated like the rest of the page),
//! departments as boxes from upstream to downstream, each showing its role.

use super::dto::{LinkDto, StakeholderDto};
use crate::domain::projects::StakeholderRole;
use crate::domain::stakeholder_map::{layout, BOX_HEIGHT, BOX_WIDTH};
use crate::ui::use_i18n;
use leptos::prelude::*;

#[component]
pub fn StakeholderMap(stakeholders: Vec<StakeholderDto>, links: Vec<LinkDto>) -> impl IntoView {
    let i18n = use_i18n();
    let keys: Vec<String> = stakeholders.iter().map(|s| s.department_id.clone()).collect();
    let pairs: Vec<(String, String)> =
        links.iter().map(|l| (l.upstream_department_id.clone(), l.downstream_department_id.clone())).collect();
    let map = layout(&keys, &pairs);
    let view_box = format!("0 0 {} {}", map.width, map.height);
    let boxes = map
        .boxes
        .into_iter()
        .filter_map(|b| {
            let s = stakeholders.iter().find(|s| s.department_id == b.key)?.clone();
            let class = match s.role {
                StakeholderRole::Lead => "map-box lead",
                StakeholderRole::Collaborator => "map-box collaborator",
                _ => "map-box other",
            };
            let role = s.role;
            let (x, y) = (b.x, b.y);
            let s_name = s.clone();
            Some(view! {
                <g class=class data-department=s.code.clone()>
                    <rect x=x y=y width=BOX_WIDTH height=BOX_HEIGHT rx="8"/>
                    <text x=x + 12 y=y + 26 class="map-name">
                        {format!("{} · ", s.code)} {move || s_name.name(i18n.get()).to_string()}
                    </text>
                    <text x=x + 12 y=y + 48 class="map-role">{move || i18n.get().stakeholder_role(role)}</text>
                </g>
            })
        })
        .collect_view();
    let arrows = map
        .arrows
        .into_iter()
        .map(|a| view! { <line x1=a.x1 y1=a.y1 x2=a.x2 - 4 y2=a.y2 class="map-arrow" marker-end="url(#arrowhead)"/> })
        .collect_view();
    view! {
        // Focusable, so the keyboard can scroll a map wider than the screen.
        <figure class="stakeholder-map" tabindex="0" aria-label=move || i18n.m().stakeholder_map>
            <svg viewBox=view_box width=map.width height=map.height role="img" aria-labelledby="map-title">
                <title id="map-title">{move || i18n.m().stakeholder_map}</title>
                <defs>
                    <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z"/>
                    </marker>
                </defs>
                {arrows}
                {boxes}
            </svg>
            <figcaption>{move || i18n.m().stakeholder_map_caption}</figcaption>
        </figure>
    }
}
