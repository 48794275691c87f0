//! The event model: entities, relationships and dated events, and the state they imply at a
//! date. Pure data and time; nothing here knows about egui or the map.
//!
//! A [`Scenario`] is what a scenario file holds. A [`Timeline`] indexes a scenario once so that
//! [`Timeline::state_at`] answers "what holds at this date?" without replaying history.

mod alignment;
mod changelog;
mod check;
mod date;
mod diff;
mod edit;
pub mod event_layer;
mod filter;
pub mod i18n;
mod index;
pub mod json_pointer;
mod localized;
mod provenance;
mod scenario;
mod size;
pub mod source;
mod status;
mod timeline;

pub use alignment::{Alignment, AlignmentStep, CounterpartRow, Counterparts, counts_for_alignment};
pub use changelog::{LogEntry, YearLog};
pub use check::{Item, Problem, Severity, check};
pub use date::{DateError, DatePrecision, Day, parse_date, parse_event_date};
pub use diff::{ChangeKind, Diff, SahelChanges, TieChange};
pub use edit::{Edit, EditHistory, ItemValue, Section};
pub use event_layer::{
    EventFilter, EventFormat, EventLayer, EventTexts, EventWindow, LayerFilter, parse_window,
};
pub use filter::{FilterError, LinkFilter};
pub use i18n::format_date_with_precision;
pub(crate) use index::index_type;
pub use index::{EntityIx, EventIx, RelIx};
pub use localized::Localized;
pub use provenance::check_sources;
pub use scenario::{
    Change, Entity, EntityKind, Event, Government, GovernmentForm, Group, OTHER_GROUP, Place,
    Relationship, RelationshipKind, SCENARIO_FORMAT, Scenario, ScenarioSpan, Site, parse_colour,
};
pub use size::{Amount, Currency, Notice, Size, thousands, troops_label};
pub use status::Status;
pub use timeline::{CountryState, LinkState, PartnerGroup, State, Timeline};

/// The five Sahel states the atlas is about (Natural Earth `ADM0_A3` codes).
pub const SAHEL_STATES: [&str; 5] = ["MLI", "BFA", "NER", "TCD", "MRT"];

/// Whether `id` is one of the [`SAHEL_STATES`].
pub fn is_sahel_state(id: &str) -> bool {
    SAHEL_STATES.contains(&id)
}
