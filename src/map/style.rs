//! The map's colours and line styles, as plain RGB so the egui widget and the PNG/SVG
//! exports draw the same map.

use crate::model::Status;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Outside the world's outline.
pub const SPACE: Rgb = [0xEE, 0xEC, 0xE7];
/// The sea.
pub const SEA: Rgb = [0xCF, 0xE0, 0xEA];
/// Countries that are neither Sahel states nor partners.
pub const LAND: Rgb = [0xE4, 0xE1, 0xDA];
/// Sahel states.
pub const SAHEL: Rgb = [0xE3, 0xA8, 0x5B];
/// Sahel states under military rule at the date.
pub const SAHEL_MILITARY: Rgb = [0xC9, 0x7B, 0x45];
/// Partner states with a live tie at the date.
pub const PARTNER: Rgb = [0xB4, 0xC3, 0xD3];
/// Partner states whose ties have all ended.
pub const FORMER_PARTNER: Rgb = [0xD3, 0xD5, 0xD6];
/// Borders.
pub const BORDER: Rgb = [0x8C, 0x88, 0x80];
/// The selected country's outline, node outlines.
pub const INK: Rgb = [0x1D, 0x2B, 0x3A];
/// Labels.
pub const LABEL: Rgb = [0x2A, 0x2A, 0x2A];

/// How a link of a status is drawn: colour, opacity, width and dash, so statuses differ
/// without colour too.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkStyle {
    /// Colour.
    pub rgb: Rgb,
    /// Opacity 0..=1 (ended links fade).
    pub alpha: f32,
    /// Width in points.
    pub width: f32,
    /// Dash and gap lengths in points; `None` for solid.
    pub dash: Option<(f32, f32)>,
}

impl LinkStyle {
    /// The style of a link with this status.
    pub fn of(status: Status) -> Self {
        let rgb = status_rgb(status);
        match status {
            Status::Active => Self {
                rgb,
                alpha: 1.0,
                width: 3.0,
                dash: None,
            },
            Status::Planned => Self {
                rgb,
                alpha: 1.0,
                width: 2.0,
                dash: Some((7.0, 5.0)),
            },
            Status::Suspended => Self {
                rgb,
                alpha: 1.0,
                width: 2.5,
                dash: Some((2.0, 4.0)),
            },
            Status::WindingDown => Self {
                rgb,
                alpha: 1.0,
                width: 2.5,
                dash: Some((10.0, 4.0)),
            },
            Status::Ended => Self {
                rgb,
                alpha: 0.45,
                width: 1.2,
                dash: None,
            },
        }
    }
}

/// The colour of a status.
pub fn status_rgb(status: Status) -> Rgb {
    match status {
        Status::Planned => [0x6A, 0x5A, 0xCD],
        Status::Active => [0x1B, 0x7F, 0x3B],
        Status::Suspended => [0xD9, 0x8E, 0x04],
        Status::WindingDown => [0xC0, 0x39, 0x2B],
        Status::Ended => [0x8A, 0x8A, 0x8A],
    }
}

/// `rgb` as `#rrggbb`.
pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}
