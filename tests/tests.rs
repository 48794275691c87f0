//! Integration tests, one binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::type_complexity,
    clippy::print_stdout,
    clippy::print_stderr
)]
//!
//! - `seed_story`: the seed article's story and other facts of the shipped scenario.
//! - `data_dates`: the shipped scenario's ties at the 14 audit dates, with their sources.
//! - `timeline_props`: `state_at` equals a naive fold of the events, for random scenarios.
//! - `chart`: the alignment chart's pixels and the `chart` command.
//! - `cli_changes`: `diff` and `changelog`, run as a process.
//! - `diff_props`: `Diff` holds exactly the ties whose status differs, for random scenarios.
//! - `map_hits`: hit tests on the embedded layers at known places.
//! - `loaders`: the country and scenario loaders on good and bad input.
//! - `animation`: GIF and MP4 clips read back with decoders, holds on events, cancel.
//! - `cli`: the `state` and `check` subcommands, run as a process.
//! - `check_messages`: `check`'s every message on scenarios that break every rule, pinned.
//! - `import_cycles`: no two files of `src/` import each other; clap only in `src/cli/`.
//! - `app_ui`: the real app driven through egui_kittest.
//! - `app_events`: event layers on the map, on the command line and in the app (issue #22).
//! - `app_view`: the map keeps the Sahel in view: panels, banners, framing, clicks, the
//!   time bar's places, typed paths, the events filter (issue #20).
//! - `app_edit`: editing in the app: add an event, undo, redo, field errors, save, recovery.
//! - `app_french`: the app in French: legend, details, date, summaries marked as English.
//! - `app_compare`: compare mode, the change log and the alignment charts in the app.
//! - `rendered`: the app rendered to pixels through wgpu (Mesa here); fails under CI when no
//!   adapter exists.
//! - `reading_map`: picking, focus, filters, edge markers, theme (issue #11).
//! - `one_picture`: the screen and the PNG export draw one display list alike.
//! - `provenance`: no tie of the shipped scenario winds down past its notice.
//! - `time_control`: playback speed, stopping at the end, looping, jumps.
//! - `rfc_corpus`: one country layer per MUST and SHOULD of RFC 7946 and RFC 8259, and what
//!   `check` says of each (tests/fixtures/rfc/EXPECTED.tsv).
//! - `rfc_mutations`: RFC-shaped mutations of a valid layer, each checked against what it should give.
//! - `safe_output`: issue #17: atomic outputs (four writers, a full disk, signals), stdout
//!   errors, the strict scenario reader, dates outside the span, Markdown/CSV/terminal escapes.
//! - `event_layers`: conflict-event layers (issue #22): each format, bad rows, `check`, the window.
//! - `sites_sizes`: a tie's site, troops, amount and notice, from the file to the map, the
//!   exports and `check --sources` (issue #19).
//! - `sheet`: the scenario as a spreadsheet and back: the round-trip property, cells of errors,
//!   `sheet export` and `sheet import` as a process.
//! - `world_layers`: extracts of world layers from npm packages, loaded, hit-tested, clicked.
//! - `i18n_edit`: editing, event layers and the Markdown change lists in French (issue #23).

mod common;

mod animation;
mod app_compare;
mod app_edit;
mod app_events;
mod app_french;
mod app_ui;
mod app_view;
mod bad_input;
mod chart;
mod check_messages;
mod cli;
mod cli_changes;
mod data_dates;
mod diff_props;
mod event_layers;
mod export;
mod i18n;
mod i18n_edit;
mod import_cycles;
mod loaders;
mod map_hits;
mod one_picture;
mod provenance;
mod reading_map;
mod rendered;
mod rfc_corpus;
mod rfc_mutations;
mod safe_output;
mod seed_story;
mod sheet;
mod sites_sizes;
mod time_control;
mod timeline_props;
mod world_layers;
