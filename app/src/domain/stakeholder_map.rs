//! Lays out a project's stakeholder map as a picture: departments as boxes from upstream (left)
//! to downstream (right), like the seed case's figure C → B → A.
//!
//! Pure geometry; the UI turns the result into SVG. Columns are the longest upstream path to a
//! department, so every arrow points rightwards; within a column boxes keep input order.

use serde::{Deserialize, Serialize};

pub const BOX_WIDTH: i32 = 180;
pub const BOX_HEIGHT: i32 = 64;
const COLUMN_GAP: i32 = 80;
const ROW_GAP: i32 = 28;
const MARGIN: i32 = 16;

/// One department placed on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedBox {
    pub key: String,
    pub x: i32,
    pub y: i32,
}

/// One upstream → downstream arrow, from the right edge of one box to the left edge of another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Arrow {
    pub from_key: String,
    pub to_key: String,
    pub x1: i32,
    pub y1: i32,
    pub x2: i32,
    pub y2: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapLayout {
    pub width: i32,
    pub height: i32,
    pub boxes: Vec<PlacedBox>,
    pub arrows: Vec<Arrow>,
}

/// Places `keys` (department ids, in display order) given `links` as (upstream, downstream).
/// Links naming unknown keys are ignored; a loop (which the domain refuses) cannot hang this.
pub fn layout(keys: &[String], links: &[(String, String)]) -> MapLayout {
    let n = keys.len();
    let index = |k: &str| keys.iter().position(|x| x == k);
    let edges: Vec<(usize, usize)> = links.iter().filter_map(|(a, b)| Some((index(a)?, index(b)?))).collect();

    // Longest-path layering, bounded by n rounds so a loop cannot spin forever.
    let mut column = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(a, b) in &edges {
            if column[b] < column[a] + 1 && column[a] + 1 < n.max(1) {
                column[b] = column[a] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let mut rows_in_column = vec![0i32; n.max(1)];
    let mut boxes = Vec::with_capacity(n);
    for (i, key) in keys.iter().enumerate() {
        let c = column[i];
        let r = rows_in_column[c];
        rows_in_column[c] += 1;
        boxes.push(PlacedBox { key: key.clone(), x: MARGIN + c as i32 * (BOX_WIDTH + COLUMN_GAP), y: MARGIN + r * (BOX_HEIGHT + ROW_GAP) });
    }

    let arrows = edges
        .iter()
        .map(|&(a, b)| Arrow {
            from_key: keys[a].clone(),
            to_key: keys[b].clone(),
            x1: boxes[a].x + BOX_WIDTH,
            y1: boxes[a].y + BOX_HEIGHT / 2,
            x2: boxes[b].x,
            y2: boxes[b].y + BOX_HEIGHT / 2,
        })
        .collect();

    let columns = column.iter().copied().max().map_or(0, |m| m + 1) as i32;
    let rows = rows_in_column.iter().copied().max().unwrap_or(0);
    MapLayout {
        width: (2 * MARGIN + columns * BOX_WIDTH + (columns - 1).max(0) * COLUMN_GAP).max(2 * MARGIN + BOX_WIDTH),
        height: (2 * MARGIN + rows * BOX_HEIGHT + (rows - 1).max(0) * ROW_GAP).max(2 * MARGIN + BOX_HEIGHT),
        boxes,
        arrows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn the_seed_chain_runs_left_to_right_upstream_first() {
        let keys = s(&["A", "B", "C"]);
        let links = vec![("C".into(), "B".into()), ("B".into(), "A".into())];
        let map = layout(&keys, &links);
        let x = |k: &str| map.boxes.iter().find(|b| b.key == k).unwrap().x;
        assert!(x("C") < x("B") && x("B") < x("A"));
        assert_eq!(map.arrows.len(), 2);
        assert!(map.arrows.iter().all(|a| a.x2 > a.x1), "every arrow points downstream (right)");
        assert!(map.width >= x("A") + BOX_WIDTH);
    }

    #[test]
    fn unlinked_departments_stack_in_the_first_column_and_loops_do_not_hang() {
        let keys = s(&["A", "B"]);
        let map = layout(&keys, &[]);
        assert_eq!(map.boxes[0].x, map.boxes[1].x);
        assert!(map.boxes[1].y > map.boxes[0].y);
        let looped = layout(&keys, &[("A".into(), "B".into()), ("B".into(), "A".into())]);
        assert_eq!(looped.boxes.len(), 2);
    }

    #[test]
    fn an_empty_map_still_has_a_drawable_size() {
        let map = layout(&[], &[]);
        assert!(map.width > 0 && map.height > 0);
    }
}
