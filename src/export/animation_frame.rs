//! One frame of a clip: its date, when it shows and for how long, and the events it holds
//! on. The schedule (`animation.rs`) makes the frames and drives the encoders; the MP4
//! encoder (`mp4_out.rs`) reads them from here, so it does not import the schedule back.

use jiff::civil::Date;

/// One frame of a clip, as [`super::animation_schedule`] decides it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnimationFrame {
    /// The date drawn.
    pub date: Date,
    /// When the frame appears, seconds from the start of the clip.
    pub start: f64,
    /// How long it stays, seconds.
    pub seconds: f64,
    /// The events that take effect on this frame, in date order; empty when nothing
    /// happened since the previous frame.
    pub events: Vec<crate::model::EventIx>,
    /// The headline drawn on a held frame: the events' titles.
    pub headline: Option<String>,
}
