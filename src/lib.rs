//! Sahel Atlas: a desktop map of the security ties of the Sahel states and their partners,
//! and how they changed from 2012 on.
//!
//! # Layers
//! - [`model`]: the event model, pure Rust. A [`model::Scenario`] (entities, relationships,
//!   dated and sourced events) is indexed once into a [`model::Timeline`], which answers
//!   "what holds at this date?" by binary search per relationship, or incrementally while
//!   scrubbing ([`model::Timeline::seek`]).
//! - [`io`]: reading and checking files. Country layers are GeoJSON keyed by `ADM0_A3`;
//!   scenarios are JSON. Loaders take bytes, never panic, and report file, place and problem.
//! - [`map`]: the Equal Earth projection, the camera, the country layer triangulated and
//!   R-tree-indexed once when it loads, link arcs, and the egui map widget.
//! - [`app`] and `ui`: the eframe app and its panels. The app owns the [`document::Document`]
//!   (layers, timeline, files), the [`view::View`] (date and playback, camera, selection,
//!   filters, messages) and the background [`jobs::Jobs`]. Panels read the document and the
//!   view through shared references and push [`command::Command`]s; only
//!   [`SahelApp::apply`] changes them, after the frame. [`derived::AtDate`] is the state and
//!   scenes at the date, rebuilt when the date or data change. [`persist`] converts the view
//!   to and from what is remembered; [`search`] finds countries by name.
//! - [`cli`]: the command line and the headless subcommands (`state`, `check`, `render`,
//!   `export`), run in-process; [`startup`]: the window, and the start-up merge of the
//!   remembered state with the command line. `main.rs` only parses and dispatches.
//! - [`changes`]: what changed between two dates and per year, as text (`diff`, `changelog`).
//! - [`editing`]: editing the scenario in the app: edit commands, undo and redo through
//!   [`model::EditHistory`], saving (in the shipped file's formatting, atomically) and the
//!   recovery file; the forms are in `ui::edit`.
//!
//! # Coordinate spaces
//! `lon_lat` (WGS84 degrees) → `world` (Equal Earth, units of the Earth's radius, y north,
//! f64) → `screen` (egui points, y down). Functions say which: `world_from_lon_lat`,
//! `screen_from_world`.

pub mod app;
pub mod changes;
pub mod cli;
pub mod command;
pub mod compare;
pub mod data;
pub mod derived;
mod dialogs;
pub mod document;
pub mod editing;
pub mod export;
pub mod io;
pub mod jobs;
pub mod map;
pub mod memory;
pub mod model;
pub mod persist;
pub mod search;
pub mod startup;
pub mod time_control;
mod ui;
pub mod view;

pub use app::SahelApp;
pub use search::{fold, search_countries};
