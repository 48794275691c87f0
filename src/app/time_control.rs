//! The time slider's state without egui: the current day, play/pause, speed and loop, and the
//! commands the time bar and the keyboard send. `update(dt)` takes elapsed seconds rather than
//! reading a clock, so tests drive it exactly.

use serde::{Deserialize, Serialize};

use crate::model::{Day, Timeline};

/// What the time bar and keys ask for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimeCommand {
    /// Jump to a day (clamped to the span).
    SetDay(Day),
    /// Next event after the current day.
    NextEvent,
    /// Last event before the current day.
    PreviousEvent,
    /// First day of the span.
    Start,
    /// Last day of the span.
    End,
    /// Play or pause.
    TogglePlay,
    /// Pause.
    Pause,
    /// Playback speed, days per second.
    SetSpeed(f64),
    /// Loop at the end or stop.
    SetLoop(bool),
}

/// The playback speeds offered, in days per second, with the catalogue key of their name
/// ("1 week/s", "1 semaine/s").
pub const SPEEDS: [(f64, &str); 5] = [
    (7.0, "time-speed-week"),
    (30.0, "time-speed-month"),
    (91.0, "time-speed-quarter"),
    (182.0, "time-speed-half-year"),
    (365.0, "time-speed-year"),
];

/// The current day and playback.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeControl {
    /// The day shown, as a fractional day while playing.
    position: f64,
    /// Playing?
    pub playing: bool,
    /// Days per second when playing.
    pub speed: f64,
    /// Start again at the end?
    pub looping: bool,
}

impl TimeControl {
    /// Paused at `day`, one month a second.
    pub fn new(day: Day) -> Self {
        Self {
            position: f64::from(day.0),
            playing: false,
            speed: 91.0,
            looping: false,
        }
    }

    /// The current day.
    pub fn day(&self) -> Day {
        Day(self.position.floor() as i32)
    }

    /// Applies a command within the timeline's span.
    pub fn apply(&mut self, command: TimeCommand, timeline: &Timeline) {
        let (start, end) = (timeline.start(), timeline.end());
        let day = self.day();
        let set = |this: &mut Self, d: Day| {
            this.position = f64::from(d.0.clamp(start.0, end.0));
        };
        match command {
            TimeCommand::SetDay(d) => set(self, d),
            TimeCommand::NextEvent => {
                if let Some(d) = timeline.next_event_day(day) {
                    set(self, d);
                }
            }
            TimeCommand::PreviousEvent => {
                if let Some(d) = timeline.previous_event_day(day) {
                    set(self, d);
                }
            }
            TimeCommand::Start => set(self, start),
            TimeCommand::End => set(self, end),
            TimeCommand::TogglePlay => {
                self.playing = !self.playing;
                if self.playing && day >= end {
                    set(self, start);
                }
            }
            TimeCommand::Pause => self.playing = false,
            TimeCommand::SetSpeed(s) if s.is_finite() && s > 0.0 => self.speed = s,
            TimeCommand::SetSpeed(_) => {}
            TimeCommand::SetLoop(l) => self.looping = l,
        }
    }

    /// Advances playback by `dt` seconds; returns whether the day changed.
    pub fn update(&mut self, dt: f64, timeline: &Timeline) -> bool {
        if !self.playing || !dt.is_finite() || dt <= 0.0 {
            return false;
        }
        let before = self.day();
        let (start, end) = (f64::from(timeline.start().0), f64::from(timeline.end().0));
        self.position += dt * self.speed;
        if self.position >= end {
            if self.looping {
                self.position = start + (self.position - end).min(end - start);
            } else {
                self.position = end;
                self.playing = false;
            }
        }
        self.position = self.position.clamp(start, end);
        self.day() != before
    }
}
