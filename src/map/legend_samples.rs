//! The legend's samples: a link's line, a compare-mode drawing, the arc widths, an
//! organisation's node, a site's marker and a fill, each drawn through a [`Canvas`] with the
//! map's own items and styles. The pictures' legend (`export::picture`) and the screen's
//! (`ui::legend`, through [`super::paint::EguiCanvas`]) both draw them here, so a colour
//! or a mark changed in the style table changes the map and both legends alike.

use super::display::{self, Canvas, Line, Paint};
use super::style::{self, Rgb};
use crate::model::ChangeKind;

/// What a legend row shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sample {
    /// A link's line.
    Link(Line),
    /// How compare mode draws a change.
    Compare(ChangeKind),
    /// The arc widths of [`display::TROOPS_LEGEND`], in the map's ink, or in `Some` paint (the
    /// screen's text colour, where the ink would vanish on a dark panel).
    Troops(Option<Paint>),
    /// An organisation's node.
    Organisation,
    /// A site's marker.
    Site,
    /// A fill (a country's, a partner group's colour) with the map's border around it.
    Fill(Rgb),
}

/// Draws `sample` in the box from `min` to `max` (canvas pixels): lines across it half way
/// down, marks at its centre, fills over all of it.
pub fn draw_sample(canvas: &mut impl Canvas, sample: Sample, min: [f32; 2], max: [f32; 2]) {
    let mid = (min[1] + max[1]) / 2.0;
    let centre = [(min[0] + max[0]) / 2.0, mid];
    match sample {
        Sample::Link(line) => canvas.polyline(&[[min[0], mid], [max[0], mid]], &line, None),
        Sample::Compare(kind) => {
            let items = display::compare_sample(kind, [min[0], mid], [max[0], mid]);
            display::replay_items(&items, None, canvas);
        }
        Sample::Troops(ink) => {
            for (points, mut line) in display::troops_samples(min[0], mid, max[0] - min[0]) {
                if let Some(paint) = ink {
                    line.paint = paint;
                }
                canvas.polyline(&points, &line, None);
            }
        }
        Sample::Organisation => canvas.circle(
            centre,
            display::marks::NODE_RADIUS,
            display::marks::NODE_FILL,
            &display::marks::NODE_LINE,
        ),
        Sample::Site => display::replay_items(&[display::site_marker(centre)], None, canvas),
        Sample::Fill(rgb) => canvas.rect(
            min,
            max,
            Some(Paint::solid(rgb)),
            Some(&Line::solid(style::BORDER, 0.8)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::display::Item;
    use crate::model::Status;

    fn drawn(sample: Sample) -> Vec<Item> {
        let mut items = Vec::new();
        draw_sample(
            &mut display::Recorder(&mut items),
            sample,
            [10.0, 20.0],
            [40.0, 32.0],
        );
        items
    }

    #[test]
    fn a_link_sample_is_the_maps_line_across_the_box_half_way_down() {
        for status in Status::ALL {
            let line = Line::of_link(status);
            assert_eq!(
                drawn(Sample::Link(line)),
                [Item::Polyline {
                    points: vec![[10.0, 26.0], [40.0, 26.0]],
                    line,
                    meta: None,
                }]
            );
        }
    }

    #[test]
    fn marks_and_fills_come_from_the_style_table() {
        assert_eq!(
            drawn(Sample::Organisation),
            [Item::Circle {
                center: [25.0, 26.0],
                radius: display::marks::NODE_RADIUS,
                fill: display::marks::NODE_FILL,
                line: display::marks::NODE_LINE,
            }]
        );
        assert_eq!(drawn(Sample::Site), [display::site_marker([25.0, 26.0])]);
        for (rgb, _) in display::LEGEND_FILLS {
            assert_eq!(
                drawn(Sample::Fill(rgb)),
                [Item::Rect {
                    min: [10.0, 20.0],
                    max: [40.0, 32.0],
                    fill: Some(Paint::solid(rgb)),
                    line: Some(Line::solid(style::BORDER, 0.8)),
                }]
            );
        }
        let compare = drawn(Sample::Compare(ChangeKind::Appeared));
        assert_eq!(
            compare,
            display::compare_sample(ChangeKind::Appeared, [10.0, 26.0], [40.0, 26.0])
        );
    }

    #[test]
    fn the_width_samples_are_in_ink_unless_the_screen_asks_for_its_text_colour() {
        let widths: Vec<f32> = display::TROOPS_LEGEND
            .iter()
            .map(|&t| display::troops_width(t))
            .collect();
        let lines = |sample| -> Vec<Line> {
            drawn(sample)
                .into_iter()
                .filter_map(|item| match item {
                    Item::Polyline { line, .. } => Some(line),
                    _ => None,
                })
                .collect()
        };
        let ink = lines(Sample::Troops(None));
        assert_eq!(ink.iter().map(|l| l.width).collect::<Vec<_>>(), widths);
        assert!(ink.iter().all(|l| l.paint == Paint::solid(style::INK)));
        let grey = Paint::solid([0xC0, 0xC0, 0xC0]);
        assert!(
            lines(Sample::Troops(Some(grey)))
                .iter()
                .all(|l| l.paint == grey)
        );
    }
}
