//! The time bar's state without egui: playback speed, stopping at the end, looping, and the
//! commands the time bar and keys send. Driven with exact elapsed times, no clock.

use sahel_atlas::app::time_control::{TimeCommand, TimeControl};
use sahel_atlas::model::{Day, Timeline};

use crate::common::{day, fixture};

/// The tiny scenario: 1 January 2020 to 31 December 2021, events on 1 March 2020 and
/// 1 March 2021.
fn tiny() -> Timeline {
    let (scenario, _) =
        sahel_atlas::io::read_scenario(&fixture("scenario/tiny.json")).expect("tiny scenario");
    Timeline::new(scenario)
}

/// A time control at `at`, playing at `speed` days a second.
fn playing(timeline: &Timeline, at: &str, speed: f64, looping: bool) -> TimeControl {
    let mut time = TimeControl::new(day(at));
    for command in [
        TimeCommand::SetSpeed(speed),
        TimeCommand::SetLoop(looping),
        TimeCommand::TogglePlay,
    ] {
        time.apply(command, timeline);
    }
    assert!(time.playing);
    time
}

/// Advances `time` by `seconds` in frames of `dt`; returns how many frames changed the day.
fn run_for(time: &mut TimeControl, timeline: &Timeline, seconds: f64, dt: f64) -> usize {
    let frames = (seconds / dt).round() as usize;
    (0..frames).filter(|_| time.update(dt, timeline)).count()
}

#[test]
fn playback_moves_speed_days_a_second_whatever_the_frame_rate() {
    let t = tiny();
    for dt in [1.0 / 60.0, 1.0 / 144.0, 0.1] {
        let mut time = playing(&t, "2020-01-01", 30.0, false);
        run_for(&mut time, &t, 2.0, dt);
        // 60 days at 30 days a second, within a day of rounding.
        let moved = time.day().0 - day("2020-01-01").0;
        assert!((59..=60).contains(&moved), "dt {dt}: {moved} days");
    }
}

#[test]
fn a_new_speed_applies_at_once_and_nonsense_speeds_are_ignored() {
    let t = tiny();
    let mut time = playing(&t, "2020-01-01", 7.0, false);
    time.update(1.0, &t);
    assert_eq!(time.day(), day("2020-01-08"));
    time.apply(TimeCommand::SetSpeed(365.0), &t);
    time.update(0.5, &t);
    assert_eq!(time.day().0 - day("2020-01-08").0, 182);
    for nonsense in [0.0, -30.0, f64::NAN, f64::INFINITY] {
        time.apply(TimeCommand::SetSpeed(nonsense), &t);
        assert_eq!(time.speed, 365.0, "{nonsense}");
    }
}

#[test]
fn playback_stops_at_the_end_when_not_looping() {
    let t = tiny();
    let mut time = playing(&t, "2021-12-01", 30.0, false);
    assert!(time.update(5.0, &t), "the day changed");
    assert_eq!(time.day(), t.end());
    assert!(!time.playing, "paused at the end");
    assert!(!time.update(1.0, &t), "nothing moves once paused");
    assert_eq!(time.day(), t.end());
    // Play again from the end starts over.
    time.apply(TimeCommand::TogglePlay, &t);
    assert!(time.playing);
    assert_eq!(time.day(), t.start());
}

#[test]
fn playback_loops_to_the_start_and_keeps_playing() {
    let t = tiny();
    let mut time = playing(&t, "2021-12-21", 10.0, true);
    // 10 days reach the end (31 December 2021); the 5 days beyond it carry on from the start.
    time.update(1.5, &t);
    assert!(time.playing, "still playing after the wrap");
    assert_eq!(time.day(), day("2020-01-06"));
    // A whole span and more in one frame (a stalled window) stays inside the span.
    time.update(10_000.0, &t);
    assert!((t.start()..=t.end()).contains(&time.day()));
    assert!(time.playing);
}

#[test]
fn a_paused_control_and_bad_frame_times_do_not_move() {
    let t = tiny();
    let mut time = TimeControl::new(day("2020-06-01"));
    assert!(!time.update(1.0, &t), "paused");
    let mut time = playing(&t, "2020-06-01", 30.0, false);
    for dt in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(!time.update(dt, &t), "dt {dt}");
    }
    assert_eq!(time.day(), day("2020-06-01"));
}

#[test]
fn jumps_are_clamped_to_the_span_and_step_between_events() {
    let t = tiny();
    let mut time = TimeControl::new(day("2020-06-01"));
    time.apply(TimeCommand::SetDay(Day(i32::MIN)), &t);
    assert_eq!(time.day(), t.start());
    time.apply(TimeCommand::SetDay(day("2030-01-01")), &t);
    assert_eq!(time.day(), t.end());
    time.apply(TimeCommand::PreviousEvent, &t);
    assert_eq!(time.day(), day("2021-03-01"));
    time.apply(TimeCommand::PreviousEvent, &t);
    assert_eq!(time.day(), day("2020-03-01"));
    time.apply(TimeCommand::NextEvent, &t);
    assert_eq!(time.day(), day("2021-03-01"));
    time.apply(TimeCommand::Start, &t);
    assert_eq!(time.day(), t.start());
    time.apply(TimeCommand::TogglePlay, &t);
    time.apply(TimeCommand::Pause, &t);
    assert!(!time.playing);
}
