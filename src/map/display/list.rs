//! The display list itself: paints, lines, text styles, the items and the list of a frame.
//! Positions are frame pixels, y down, origin at the frame's top left.

use crate::io::CountryIx;
use crate::map::camera::MapCamera;
use crate::map::style::{LinkStyle, Rgb};
use crate::map::text;
use crate::model::RelIx;
use crate::model::Status;

/// A colour with an opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    /// sRGB colour.
    pub rgb: Rgb,
    /// Opacity, 0..=1.
    pub alpha: f32,
}

impl Paint {
    /// An opaque colour.
    pub const fn solid(rgb: Rgb) -> Self {
        Self { rgb, alpha: 1.0 }
    }
}

/// How a line is stroked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Colour and opacity.
    pub paint: Paint,
    /// Width in pixels.
    pub width: f32,
    /// Dash and gap lengths; `None` for solid.
    pub dash: Option<(f32, f32)>,
}

impl Line {
    /// A solid line.
    pub const fn solid(rgb: Rgb, width: f32) -> Self {
        Self {
            paint: Paint::solid(rgb),
            width,
            dash: None,
        }
    }

    /// A link's line for a status.
    pub fn of_link(status: Status) -> Self {
        let s = LinkStyle::of(status);
        Self {
            paint: Paint {
                rgb: s.rgb,
                alpha: s.alpha,
            },
            width: s.width,
            dash: s.dash,
        }
    }

    /// A link whose status no source has confirmed since a date: its status's colour,
    /// fainter and finely dotted, so it does not assert what nobody reported.
    pub fn unconfirmed(status: Status) -> Self {
        let line = Self::of_link(status);
        Self {
            paint: Paint {
                alpha: line.paint.alpha * 0.6,
                ..line.paint
            },
            width: line.width.min(2.0),
            dash: Some((1.5, 3.5)),
        }
    }

    /// The legend's label for unconfirmed links.
    pub const UNCONFIRMED_LABEL: &'static str = "legend-unconfirmed";

    /// This line, `factor` times as wide.
    #[must_use]
    pub fn widened(self, factor: f32) -> Self {
        Self {
            width: self.width * factor,
            ..self
        }
    }

    /// This line at `factor` of its opacity.
    #[must_use]
    pub fn faded(self, factor: f32) -> Self {
        Self {
            paint: Paint {
                alpha: self.paint.alpha * factor,
                ..self.paint
            },
            ..self
        }
    }
}

/// Where a text's position sits horizontally; vertically the position is always the middle
/// of the text's line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The position is where the text starts.
    Start,
    /// The position is the text's centre.
    Middle,
    /// The position is where the text ends (numbers right-aligned on an axis).
    End,
}

/// How a text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// Em size, pixels.
    pub size: f32,
    /// Colour.
    pub paint: Paint,
    /// Horizontal anchor.
    pub anchor: Anchor,
    /// A light halo so it reads over any fill (labels on the map).
    pub halo: bool,
}

/// What a shape stands for, so SVG readers can tell (ignored by pixels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meta {
    /// A country of the layer.
    Country(CountryIx),
    /// A link: the relationship and its status.
    Link(RelIx, Status),
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Starts a named group (an SVG `<g id>`).
    Group(&'static str),
    /// Ends the group begun last.
    EndGroup,
    /// Every country of the layer that meets the view, filled with [`DisplayList::fills`]:
    /// the layer's triangle meshes for the screen, their rings for the exports.
    Countries,
    /// Every country's outline, as the borders.
    Borders(Line),
    /// One country tinted (hover).
    CountryTint(CountryIx, Paint),
    /// One country's outline (hover, selection).
    CountryOutline(CountryIx, Line),
    /// Closed rings, filled with the even-odd rule and/or outlined.
    Rings {
        /// The rings, pixels.
        rings: Vec<Vec<[f32; 2]>>,
        /// Fill.
        fill: Option<Paint>,
        /// Outline.
        line: Option<Line>,
    },
    /// An open polyline.
    Polyline {
        /// Points, pixels.
        points: Vec<[f32; 2]>,
        /// Stroke.
        line: Line,
        /// What it stands for.
        meta: Option<Meta>,
    },
    /// A circle.
    Circle {
        /// Centre, pixels.
        center: [f32; 2],
        /// Radius, pixels.
        radius: f32,
        /// Fill.
        fill: Paint,
        /// Outline.
        line: Line,
    },
    /// An axis-aligned rectangle.
    Rect {
        /// Top-left corner.
        min: [f32; 2],
        /// Bottom-right corner.
        max: [f32; 2],
        /// Fill.
        fill: Option<Paint>,
        /// Outline.
        line: Option<Line>,
    },
    /// A line of text.
    Text {
        /// Anchor point: see [`Anchor`]; vertically the middle of the line.
        at: [f32; 2],
        /// The text.
        text: String,
        /// How it is set.
        style: TextStyle,
    },
}

/// A frame to draw: the view and the items, in drawing order.
#[derive(Clone, Debug)]
pub struct DisplayList {
    /// Width and height, pixels.
    pub size: [f32; 2],
    /// The camera the frame was built with.
    pub camera: MapCamera,
    /// Fill per country of the layer, for [`Item::Countries`].
    pub fills: Vec<Rgb>,
    /// What to draw.
    pub items: Vec<Item>,
}

impl DisplayList {
    /// An empty list for a frame of `size` seen through `camera`.
    pub fn new(size: [f32; 2], camera: MapCamera) -> Self {
        Self {
            size,
            camera,
            fills: Vec::new(),
            items: Vec::new(),
        }
    }

    /// The centre of the frame, pixels: the camera's viewport centre.
    pub fn center(&self) -> [f64; 2] {
        [f64::from(self.size[0]) / 2.0, f64::from(self.size[1]) / 2.0]
    }

    /// A world position in frame pixels.
    pub fn pixel_from_world(&self, world: [f64; 2]) -> [f32; 2] {
        let s = self.camera.screen_from_world(world, self.center());
        [s[0] as f32, s[1] as f32]
    }

    /// The world rectangle in the frame: min and max corners.
    pub fn world_bounds(&self) -> ([f64; 2], [f64; 2]) {
        let [w, h] = self.size.map(f64::from);
        let c = self.center();
        (
            self.camera.world_from_screen([0.0, h], c),
            self.camera.world_from_screen([w, 0.0], c),
        )
    }

    /// Whether `p` lies within the frame grown by `margin`.
    pub fn contains(&self, p: [f32; 2], margin: f32) -> bool {
        p[0] >= -margin
            && p[1] >= -margin
            && p[0] <= self.size[0] + margin
            && p[1] <= self.size[1] + margin
    }

    /// The bounding boxes of every text (min x, min y, max x, max y), grown by `margin`:
    /// where pictures from different text rasterisers may differ.
    pub fn text_boxes(&self, margin: f32) -> Vec<[f32; 4]> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { at, text, style } => {
                    let b = text_box(*at, text, style);
                    Some([b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin])
                }
                _ => None,
            })
            .collect()
    }

    /// The texts drawn, in order (what tests read).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// The box a text covers: min x, min y, max x, max y.
pub fn text_box(at: [f32; 2], text: &str, style: &TextStyle) -> [f32; 4] {
    let w = text::width(text, style.size);
    let (ascent, descent) = text::ascent_descent(style.size);
    let h = ascent - descent;
    let x0 = match style.anchor {
        Anchor::Start => at[0],
        Anchor::Middle => at[0] - w / 2.0,
        Anchor::End => at[0] - w,
    };
    [x0, at[1] - h / 2.0, x0 + w, at[1] + h / 2.0]
}

/// The baseline's y of a line of text of `size` centred vertically on `y`.
pub fn baseline_y(y: f32, size: f32) -> f32 {
    let (ascent, descent) = text::ascent_descent(size);
    y + (ascent + descent) / 2.0
}
