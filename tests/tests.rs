//! Integration tests, one binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::type_complexity)]
//!
//! - `seed_story`: the seed article's story and other facts of the shipped scenario.
//! - `timeline_props`: `state_at` equals a naive fold of the events, for random scenarios.
//! - `chart`: the alignment chart's pixels and the `chart` command.
//! - `cli_changes`: `diff` and `changelog`, run as a process.
//! - `diff_props`: `Diff` holds exactly the ties whose status differs, for random scenarios.
//! - `map_hits`: hit tests on the embedded layers at known places.
//! - `loaders`: the country and scenario loaders on good and bad input.
//! - `cli`: the `state` and `check` subcommands, run as a process.
//! - `app_compare`: compare mode, the change log and the alignment charts in the app.
//! - `app_ui`: the real app driven through egui_kittest.
//! - `rendered`: the app rendered to pixels through wgpu (Mesa here).

mod common;

mod app_compare;
mod app_ui;
mod bad_input;
mod chart;
mod cli;
mod cli_changes;
mod diff_props;
mod export;
mod loaders;
mod map_hits;
mod rendered;
mod seed_story;
mod timeline_props;
