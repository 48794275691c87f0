//! What a legend shows, on screen and in exports alike: the country fills, the troop widths,
//! the site marker and compare mode's samples.

use super::marks::troops_width;
use super::{Item, Line, compare_link};
use crate::map::scene::SceneLink;
use crate::map::style::{self, Rgb};
use crate::model::{ChangeKind, Status};
use crate::model::{EntityIx, RelIx};

/// The country fills a legend explains, on screen and in exports alike.
pub const LEGEND_FILLS: [(Rgb, &str); 5] = [
    (style::SAHEL, "legend-sahel-state"),
    (style::SAHEL_MILITARY, "legend-sahel-military"),
    (style::PARTNER, "legend-partner-live"),
    (style::FORMER_PARTNER, "legend-former-partner"),
    (style::LAND, "legend-other-country"),
];

/// The troop numbers the legend draws a width for.
pub const TROOPS_LEGEND: [u32; 3] = [100, 1_000, 10_000];

/// The legend's row for arc widths: the troop numbers its three samples stand for.
pub const TROOPS_LEGEND_LABEL: &str = "legend-troops";

/// The legend's row for sites.
pub const SITE_LEGEND_LABEL: &str = "legend-site";

/// The legend's samples for arc widths: three short ink lines, one per
/// [`TROOPS_LEGEND`] number, side by side from `x` to `x + width` at height `y`.
pub fn troops_samples(x: f32, y: f32, width: f32) -> Vec<([[f32; 2]; 2], Line)> {
    let step = width / TROOPS_LEGEND.len() as f32;
    TROOPS_LEGEND
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let x0 = x + i as f32 * step;
            // In ink: width is not a status, and a filtered-out status leaves no pixel.
            let line = Line::solid(style::INK, troops_width(t));
            ([[x0 + 1.0, y], [x0 + step - 2.0, y]], line)
        })
        .collect()
}

/// The legend's rows for compare mode: label and a sample drawing each.
pub const COMPARE_LEGEND: [(&str, ChangeKind); 3] = [
    ("legend-appeared", ChangeKind::Appeared),
    ("legend-ended", ChangeKind::Ended),
    ("legend-changed", ChangeKind::Changed),
];

/// A sample of a compare-mode drawing between `a` and `b` (legends).
pub fn compare_sample(kind: ChangeKind, a: [f32; 2], b: [f32; 2]) -> Vec<Item> {
    let points: Vec<[f32; 2]> = (0..=8)
        .map(|i| {
            let t = i as f32 / 8.0;
            [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
        })
        .collect();
    let (status, from) = match kind {
        ChangeKind::Appeared => (Status::Active, None),
        ChangeKind::Ended => (Status::Ended, Some(Status::Active)),
        ChangeKind::Changed => (Status::WindingDown, Some(Status::Active)),
    };
    let link = SceneLink {
        relationship: RelIx::new(usize::MAX),
        status,
        unconfirmed_since: None,
        points_world: Vec::new(),
        ends: [EntityIx::default(); 2],
        change: Some((from, kind)),
        troops: None,
        site: None,
    };
    let mut items = Vec::new();
    compare_link(&mut items, &link, points, false);
    for item in &mut items {
        if let Item::Polyline { meta, .. } = item {
            *meta = None;
        }
    }
    items
}
