//! The panels around the map: menu, time bar, event list, details and the map area with its
//! legend. Each is an `impl SahelApp` block that reads the app and pushes commands.

pub(crate) mod animation;
mod details;
mod dialogs;
mod events;
mod map_area;
mod menu;
mod search;
mod time_bar;

pub use search::{fold, search_countries};
