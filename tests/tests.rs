//! Integration tests, one binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::type_complexity)]
//!
//! - `seed_story`: the seed article's story and other facts of the shipped scenario.
//! - `timeline_props`: `state_at` equals a naive fold of the events, for random scenarios.
//! - `map_hits`: hit tests on the embedded layers at known places.
//! - `loaders`: the country and scenario loaders on good and bad input.
//! - `animation`: GIF and MP4 clips read back with decoders, holds on events, cancel.
//! - `cli`: the `state` and `check` subcommands, run as a process.
//! - `app_ui`: the real app driven through egui_kittest.
//! - `rendered`: the app rendered to pixels through wgpu (Mesa here).

mod common;

mod animation;
mod app_ui;
mod bad_input;
mod cli;
mod export;
mod loaders;
mod map_hits;
mod rendered;
mod seed_story;
mod timeline_props;
