//! Sahel Atlas: a desktop map of the security ties of the Sahel states and their partners,
//! and how they changed from 2012 on.
//!
//! # Layers
//! - [`model`]: the event model, pure Rust. A [`model::Scenario`] (entities, relationships,
//!   dated and sourced events) is indexed once into a [`model::Timeline`], which answers
//!   "what holds at this date?" by binary search per relationship, or incrementally while
//!   scrubbing ([`model::Timeline::seek`]). Indices into the scenario's lists are typed
//!   ([`model::EntityIx`], [`model::RelIx`], [`model::EventIx`]; a country layer's is
//!   [`io::CountryIx`]), so that one list's index cannot index another.
//! - [`io`]: reading and checking files. Country layers are GeoJSON keyed by `ADM0_A3`;
//!   scenarios are JSON (read strictly: unknown keys, loose dates, non-web sources and control
//!   characters are errors). Loaders take bytes, never panic, and report file, place and
//!   problem. Every file the program writes goes through [`io::atomic`]: a temporary file
//!   beside the target, synced, then renamed over it.
//! - [`map`]: the Equal Earth projection, the camera, the country layer triangulated and
//!   R-tree-indexed once when it loads, link arcs, and the egui map widget.
//! - [`export`]: pictures and files: the title, legend and caption around the display list,
//!   the PNG (tiny-skia) and SVG backends, frames and clips (MP4, GIF), GeoJSON and CSV of the
//!   state, the alignment chart, and the change list (a diff and the change log as table,
//!   JSON, CSV and Markdown).
//! - [`app`] and `ui`: the eframe app and its panels. The app owns the
//!   [`app::document::Document`] (layers, timeline, files), the [`app::view::View`] (date and
//!   playback, camera, selection, filters, messages) and the background [`app::jobs::Jobs`].
//!   Panels read the document and the view through shared references and push
//!   [`app::command::Command`]s; only [`SahelApp::apply`] changes them, after the frame.
//!   [`app::derived::AtDate`] is the state and scenes at the date, rebuilt when the date or
//!   data change; [`app::persist`] converts the view to and from what is remembered;
//!   [`app::startup`] opens the window and merges the remembered state with the command line.
//! - [`app::event_view`]: conflict-event layers in the app (window, filters, the events
//!   listed, the selected state's events); parsed in `io`, drawn by `map::events`.
//! - [`cli`]: the command line (every clap struct) and the headless subcommands (`state`,
//!   `check`, `render`, `export`, `diff`, `changelog`, `chart`), run in-process; standard
//!   output written with every error checked ([`cli::output`]); SIGINT/SIGTERM removing the
//!   temporary files of unfinished writes ([`cli::signals`]). `main.rs` only parses and
//!   dispatches. Text from the scenario leaves through [`export::escape`].
//!
//! Each layer uses only those listed before it: `model` nothing of the crate; `io` reads
//! into `model`; `map` draws `io`'s layers and `model`'s state; `export` writes `map`'s display
//! list; `cli` runs them headless; `app` and `ui` (the panels, which read `app`'s document and
//! view and push its commands) sit on top.
//!
//! # Coordinate spaces
//! `lon_lat` (WGS84 degrees) → `world` (Equal Earth, units of the Earth's radius, y north,
//! f64) → `screen` (egui points, y down). Functions say which: `world_from_lon_lat`,
//! `screen_from_world`.

pub mod app;
pub mod cli;
pub mod export;
pub mod io;
pub mod map;
pub mod model;
mod ui;

pub use app::SahelApp;
pub use map::search::{fold, search_countries};
