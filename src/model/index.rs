//! Typed indices into the scenario's lists: [`EntityIx`] into [`Scenario::entities`],
//! [`RelIx`] into [`Scenario::relationships`], [`EventIx`] into [`Scenario::events`].
//!
//! Each is a `usize` that says which list it points into, as jiff's typed values say what a
//! number means. Each list is indexed only by its own type (`scenario.relationships[rel]`),
//! so that an entity's index used where a relationship's is meant is a compile-time error
//! rather than the wrong tie drawn. The country layers' index is [`crate::io::CountryIx`].
//!
//! ```
//! use sahel_atlas::model::{RelIx, Scenario};
//!
//! fn label(scenario: &Scenario, rel: RelIx) -> &str {
//!     &scenario.relationships[rel].label
//! }
//! let timeline = sahel_atlas::io::embedded::default_timeline().expect("embedded scenario");
//! let first = RelIx::new(0);
//! assert_eq!(label(timeline.scenario(), first), timeline.scenario().relationships[0].label);
//! ```
//!
//! ```compile_fail
//! use sahel_atlas::model::{EntityIx, Scenario};
//!
//! // An entity's index does not index the relationships: this does not compile.
//! fn label(scenario: &Scenario, entity: EntityIx) -> &str {
//!     &scenario.relationships[entity].label
//! }
//! ```
//!
//! [`Scenario::entities`]: super::Scenario::entities
//! [`Scenario::relationships`]: super::Scenario::relationships
//! [`Scenario::events`]: super::Scenario::events

use super::{Entity, Event, Relationship};

/// Defines an index type for one list, with `Index`/`IndexMut` on that list only (also used
/// for the country layers' [`crate::io::CountryIx`]).
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident => $item:ty) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
        pub struct $name(usize);

        impl $name {
            /// The index at position `index` of its list.
            pub const fn new(index: usize) -> Self {
                Self(index)
            }

            /// Its position in its list, for the per-item tables kept beside it.
            pub const fn index(self) -> usize {
                self.0
            }

            /// Every index of a list of `len` items, in order.
            pub fn all(len: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator {
                (0..len).map(Self)
            }
        }

        /// The position, for messages.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::ops::Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, ix: $name) -> &$item {
                &self[ix.0]
            }
        }

        impl std::ops::IndexMut<$name> for [$item] {
            fn index_mut(&mut self, ix: $name) -> &mut $item {
                &mut self[ix.0]
            }
        }

        impl std::ops::Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, ix: $name) -> &$item {
                &self[ix.0]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$item> {
            fn index_mut(&mut self, ix: $name) -> &mut $item {
                &mut self[ix.0]
            }
        }
    };
}

pub(crate) use index_type;

index_type! {
    /// The index of an entity in [`super::Scenario::entities`].
    EntityIx => Entity
}

index_type! {
    /// The index of a relationship in [`super::Scenario::relationships`].
    RelIx => Relationship
}

index_type! {
    /// The index of an event in [`super::Scenario::events`].
    EventIx => Event
}

/// Typed look-ups that do not panic, for indices that may be stale (a selection kept across
/// an edit that removed the item).
impl super::Scenario {
    /// The entity at `ix`, if there is one.
    pub fn entity_at(&self, ix: EntityIx) -> Option<&Entity> {
        self.entities.get(ix.0)
    }

    /// The relationship at `ix`, if there is one.
    pub fn relationship_at(&self, ix: RelIx) -> Option<&Relationship> {
        self.relationships.get(ix.0)
    }

    /// The event at `ix`, if there is one.
    pub fn event_at(&self, ix: EventIx) -> Option<&Event> {
        self.events.get(ix.0)
    }

    /// Every relationship with its index, in file order.
    pub fn relationships_ix(&self) -> impl Iterator<Item = (RelIx, &Relationship)> {
        self.relationships
            .iter()
            .enumerate()
            .map(|(i, r)| (RelIx(i), r))
    }

    /// Every entity with its index, in file order.
    pub fn entities_ix(&self) -> impl Iterator<Item = (EntityIx, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (EntityIx(i), e))
    }

    /// Every event with its index, in file order.
    pub fn events_ix(&self) -> impl Iterator<Item = (EventIx, &Event)> {
        self.events.iter().enumerate().map(|(i, e)| (EventIx(i), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_is_indexed_by_its_own_type() {
        let scenario = crate::io::embedded::default_timeline()
            .expect("embedded scenario")
            .scenario()
            .clone();
        let (rel, entity, event) = (RelIx::new(1), EntityIx::new(1), EventIx::new(1));
        assert_eq!(scenario.relationships[rel], scenario.relationships[1]);
        assert_eq!(scenario.entities[entity], scenario.entities[1]);
        assert_eq!(scenario.events[event], scenario.events[1]);
        assert_eq!(
            scenario.relationship_at(rel),
            Some(&scenario.relationships[1])
        );
        let past = RelIx::new(scenario.relationships.len());
        assert_eq!(
            scenario.relationship_at(past),
            None,
            "no panic past the end"
        );
        assert_eq!(
            scenario.relationships_ix().map(|(r, _)| r.index()).max(),
            Some(scenario.relationships.len() - 1)
        );
        // `scenario.relationships[entity]` does not compile: see the module's compile_fail
        // example, which is the point of these types (a compile-time guard).
    }
}
