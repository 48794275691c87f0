//! Sizes and looks of the map's marks, shared by every backend: nodes, sites, the sea's
//! edge, highlights, and how a link is stroked (by status, troops, focus and change).

use super::{Anchor, Item, Line, Meta, Paint, TextStyle};
use crate::map::scene::SceneLink;
use crate::map::style;
use crate::model::EntityIx;
use crate::model::{ChangeKind, Status};

/// A country label.
pub const COUNTRY_LABEL: TextStyle = TextStyle {
    size: 12.5,
    paint: Paint::solid(style::LABEL),
    anchor: Anchor::Middle,
    halo: true,
};
/// An organisation node's label.
pub const NODE_LABEL: TextStyle = TextStyle {
    size: 11.5,
    paint: Paint::solid(style::INK),
    anchor: Anchor::Middle,
    halo: true,
};
/// The node's radius, pixels.
pub const NODE_RADIUS: f32 = 6.0;
/// How far above its node a node's label sits.
pub const NODE_LABEL_OFFSET: f32 = 14.0;
/// The node's fill.
pub const NODE_FILL: Paint = Paint::solid([0xFF, 0xFF, 0xFF]);
/// The node's outline.
pub const NODE_LINE: Line = Line::solid(style::INK, 2.0);
/// The sea's edge.
pub const SEA_EDGE: Line = Line {
    paint: Paint {
        rgb: style::BORDER,
        alpha: 0.6,
    },
    width: 1.0,
    dash: None,
};
/// The selected country's outline.
pub const SELECTED: Line = Line::solid(style::INK, 2.5);
/// The hovered country's outline.
pub const HOVERED: Line = Line {
    paint: Paint {
        rgb: style::INK,
        alpha: 0.6,
    },
    width: 1.5,
    dash: None,
};
/// The hovered country's tint.
pub const HOVER_TINT: Paint = Paint {
    rgb: [0xFF, 0xFF, 0xFF],
    alpha: 70.0 / 255.0,
};
/// The light halo under a tie that appeared (compare mode).
pub const APPEARED_HALO: Line = Line {
    paint: Paint {
        rgb: [0x9B, 0xE0, 0x9F],
        alpha: 0.7,
    },
    width: 8.0,
    dash: None,
};
/// A tie that ended between the two dates (compare mode).
pub const ENDED_IN_RANGE: Line = Line {
    paint: Paint {
        rgb: style::INK,
        alpha: 0.85,
    },
    width: 2.0,
    dash: Some((5.0, 4.0)),
};
/// How much wider an emphasised link is drawn.
pub const LINK_EMPHASIS: f32 = 1.8;
/// A site's marker: a small diamond of this half-diagonal, pixels.
pub const SITE_RADIUS: f32 = 4.0;
/// A site's marker fill.
pub const SITE_FILL: Paint = Paint::solid(style::INK);
/// A site's marker outline.
pub const SITE_LINE: Line = Line::solid([0xFF, 0xFF, 0xFF], 1.0);
/// A site's name.
pub const SITE_LABEL: TextStyle = TextStyle {
    size: 10.5,
    paint: Paint::solid(style::INK),
    anchor: Anchor::Middle,
    halo: true,
};
/// How far below its marker a site's name sits.
pub const SITE_LABEL_OFFSET: f32 = 11.0;

/// The width of an arc whose tie has `troops` at the date, pixels: it grows with the square
/// root of the troops (100 → 2, 1,000 → 3.1, 10,000 → 6.5), up to 10.
pub fn troops_width(troops: u32) -> f32 {
    (1.5 + (troops as f32).sqrt() / 20.0).min(10.0)
}

/// A link's line: by its status (fainter and dotted when unconfirmed), as wide as its troops
/// where they are known and it has not ended, wider when emphasised, faded out of focus.
pub fn link_line(link: &SceneLink, emphasised: bool, in_focus: bool) -> Line {
    let mut line = if link.unconfirmed_since.is_some() {
        Line::unconfirmed(link.status)
    } else {
        Line::of_link(link.status)
    };
    if let Some(troops) = link.troops
        && link.status != Status::Ended
    {
        line.width = troops_width(troops);
    }
    if emphasised {
        line = line.widened(LINK_EMPHASIS);
    } else if !in_focus {
        line = line.faded(OUT_OF_FOCUS);
    }
    line
}

/// A site's marker at `p`: a small diamond.
pub fn site_marker(p: [f32; 2]) -> Item {
    let r = SITE_RADIUS;
    Item::Rings {
        rings: vec![vec![
            [p[0], p[1] - r],
            [p[0] + r, p[1]],
            [p[0], p[1] + r],
            [p[0] - r, p[1]],
        ]],
        fill: Some(SITE_FILL),
        line: Some(SITE_LINE),
    }
}

/// How compare mode draws a tie: unchanged ones faded; one that appeared over a light halo;
/// one that ended in ink, dashed, with a cross at its middle; one that changed
/// status in its old colour up to the middle and its new colour from there.
pub(super) fn compare_link(
    items: &mut Vec<Item>,
    link: &SceneLink,
    points: Vec<[f32; 2]>,
    emphasised: bool,
) {
    let meta = Some(Meta::Link(link.relationship, link.status));
    let widen = |line: Line| {
        if emphasised {
            line.widened(LINK_EMPHASIS)
        } else {
            line
        }
    };
    match link.change {
        None => items.push(Item::Polyline {
            points,
            line: widen(Line::of_link(link.status).faded(OUT_OF_FOCUS)),
            meta,
        }),
        Some((_, ChangeKind::Appeared)) => {
            items.push(Item::Polyline {
                points: points.clone(),
                line: APPEARED_HALO,
                meta: None,
            });
            items.push(Item::Polyline {
                points,
                line: widen(Line::of_link(link.status)),
                meta,
            });
        }
        Some((_, ChangeKind::Ended)) => {
            let mid = points.get(points.len() / 2).copied();
            items.push(Item::Polyline {
                points,
                line: widen(ENDED_IN_RANGE),
                meta,
            });
            if let Some([x, y]) = mid {
                for (a, b) in [([-4.0, -4.0], [4.0, 4.0]), ([-4.0, 4.0], [4.0, -4.0])] {
                    items.push(Item::Polyline {
                        points: vec![[x + a[0], y + a[1]], [x + b[0], y + b[1]]],
                        line: Line::solid(style::INK, 2.0),
                        meta: None,
                    });
                }
            }
        }
        Some((from, ChangeKind::Changed)) => {
            let half = points.len() / 2;
            let (first, second) = (
                points[..=half.min(points.len() - 1)].to_vec(),
                points[half..].to_vec(),
            );
            items.push(Item::Polyline {
                points: first,
                line: widen(Line::of_link(from.unwrap_or(link.status))),
                meta,
            });
            items.push(Item::Polyline {
                points: second,
                line: widen(Line::of_link(link.status)),
                meta,
            });
        }
    }
}

/// Whether a link is drawn at full strength in a frame: not ended, not faded out of focus,
/// and in compare mode (`comparing`) one that changed. Only such arcs are picked over a
/// country.
pub fn at_full_strength(link: &SceneLink, focus: Option<EntityIx>, comparing: bool) -> bool {
    let strong = if comparing {
        link.change.is_some()
    } else {
        link.status != Status::Ended
    };
    strong && focus.is_none_or(|f| link.ends.contains(&f))
}

/// How much of their opacity links out of focus keep.
pub const OUT_OF_FOCUS: f32 = 0.22;
