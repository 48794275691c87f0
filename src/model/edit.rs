//! Edits of a scenario and their history: every edit can be undone and redone, without
//! limit. An edit inserts, replaces or removes one entity, relationship or event, and keeps
//! what was there, so undoing it is applying it backwards. Consecutive edits of one item from
//! one form (typing in a field) merge into one step.

use super::{Entity, Event, Relationship, Scenario};

/// One entity, relationship or event.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemValue {
    /// An entity.
    Entity(Entity),
    /// A relationship.
    Relationship(Relationship),
    /// An event.
    Event(Event),
}

/// Which list of the scenario an item is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// `entities`.
    Entities,
    /// `relationships`.
    Relationships,
    /// `events`.
    Events,
}

impl ItemValue {
    /// The list it belongs in.
    pub fn section(&self) -> Section {
        match self {
            Self::Entity(_) => Section::Entities,
            Self::Relationship(_) => Section::Relationships,
            Self::Event(_) => Section::Events,
        }
    }
}

/// One edit: at `index` of `section`, `before` becomes `after` (`None` before: an insertion;
/// `None` after: a removal).
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// The list.
    pub section: Section,
    /// The position in it.
    pub index: usize,
    /// What was there.
    pub before: Option<ItemValue>,
    /// What is there after the edit.
    pub after: Option<ItemValue>,
}

impl Edit {
    /// Inserts `item` at `index`.
    pub fn insert(index: usize, item: ItemValue) -> Self {
        Self {
            section: item.section(),
            index,
            before: None,
            after: Some(item),
        }
    }

    /// The edit that undoes this one.
    pub fn inverse(&self) -> Self {
        Self {
            section: self.section,
            index: self.index,
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }

    /// Applies the edit to `scenario`; `false` (and nothing changed) when the index is out
    /// of range for it.
    pub fn apply(&self, scenario: &mut Scenario) -> bool {
        match self.section {
            Section::Entities => splice(&mut scenario.entities, self, |v| match v {
                ItemValue::Entity(e) => Some(e),
                _ => None,
            }),
            Section::Relationships => splice(&mut scenario.relationships, self, |v| match v {
                ItemValue::Relationship(r) => Some(r),
                _ => None,
            }),
            Section::Events => splice(&mut scenario.events, self, |v| match v {
                ItemValue::Event(e) => Some(e),
                _ => None,
            }),
        }
    }
}

fn splice<T: Clone>(list: &mut Vec<T>, edit: &Edit, of: impl Fn(&ItemValue) -> Option<&T>) -> bool {
    let after = edit.after.as_ref().and_then(&of).cloned();
    match (edit.before.is_some(), after) {
        (false, Some(item)) if edit.index <= list.len() => list.insert(edit.index, item),
        (true, Some(item)) if edit.index < list.len() => list[edit.index] = item,
        (true, None) if edit.index < list.len() => {
            list.remove(edit.index);
        }
        _ => return false,
    }
    true
}

/// What was done and undone, and which state was last saved.
#[derive(Clone, Debug, Default)]
pub struct EditHistory {
    /// Edits done, oldest first, each with the id of the state it leads to.
    done: Vec<(Edit, u64, Option<u64>)>,
    /// Edits undone, most recently undone last.
    undone: Vec<(Edit, u64, Option<u64>)>,
    /// The id of the state last saved (0: as opened).
    saved: u64,
    next_id: u64,
}

impl EditHistory {
    /// Records an edit already applied. With `merge_key`, it merges into the previous edit
    /// when that one has the same key and item (one undo step per form being typed in).
    /// Clears what was undone.
    pub fn record(&mut self, edit: Edit, merge_key: Option<u64>) {
        self.undone.clear();
        self.next_id += 1;
        let id = self.next_id;
        if let Some((last, last_id, last_key)) = self.done.last_mut()
            && merge_key.is_some()
            && *last_key == merge_key
            && last.section == edit.section
            && last.index == edit.index
            && last.after.is_some()
            && edit.before.is_some()
        {
            last.after = edit.after;
            *last_id = id;
            return;
        }
        self.done.push((edit, id, merge_key));
    }

    /// The edit to apply to undo the last one, if any; it moves to the redo list.
    pub fn undo(&mut self) -> Option<Edit> {
        let entry = self.done.pop()?;
        let inverse = entry.0.inverse();
        self.undone.push(entry);
        Some(inverse)
    }

    /// The edit to apply to redo the last one undone, if any.
    pub fn redo(&mut self) -> Option<Edit> {
        let entry = self.undone.pop()?;
        let edit = entry.0.clone();
        self.done.push(entry);
        Some(edit)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The id of the current state (0: as opened).
    pub fn state_id(&self) -> u64 {
        self.done.last().map_or(0, |d| d.1)
    }

    /// Marks the state `id` as saved (from [`Self::state_id`] when the save began).
    pub fn mark_saved(&mut self, id: u64) {
        self.saved = id;
    }

    /// Whether the current state differs from the one last saved (or opened).
    pub fn is_dirty(&self) -> bool {
        self.state_id() != self.saved
    }

    /// Ends merging: the next edit is a step of its own even with the same key.
    pub fn seal(&mut self) {
        if let Some(last) = self.done.last_mut() {
            last.2 = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        serde_json::from_str(include_str!("../../geodata/scenario.json")).expect("shipped")
    }

    #[test]
    fn undo_and_redo_walk_the_history_and_dirtiness_follows() {
        let mut s = scenario();
        let original = s.clone();
        let mut history = EditHistory::default();
        let mut event = s.events[3].clone();
        event.title = "A".into();
        let edit = Edit {
            section: Section::Events,
            index: 3,
            before: Some(ItemValue::Event(s.events[3].clone())),
            after: Some(ItemValue::Event(event.clone())),
        };
        assert!(edit.apply(&mut s));
        history.record(edit, Some(1));
        // Typing on: merged.
        let mut more = event.clone();
        more.title = "AB".into();
        let edit = Edit {
            section: Section::Events,
            index: 3,
            before: Some(ItemValue::Event(event)),
            after: Some(ItemValue::Event(more)),
        };
        assert!(edit.apply(&mut s));
        history.record(edit, Some(1));
        assert!(history.is_dirty());
        let undo = history.undo().expect("undo");
        assert!(undo.apply(&mut s));
        assert_eq!(s, original, "one step undoes the typing");
        assert!(!history.is_dirty());
        let redo = history.redo().expect("redo");
        assert!(redo.apply(&mut s));
        assert_eq!(s.events[3].title, "AB");
        history.mark_saved(history.state_id());
        assert!(!history.is_dirty());
        // A removal, undone.
        let removed = Edit {
            section: Section::Events,
            index: 0,
            before: Some(ItemValue::Event(s.events[0].clone())),
            after: None,
        };
        let before = s.clone();
        assert!(removed.apply(&mut s));
        history.record(removed, None);
        assert_eq!(s.events.len(), before.events.len() - 1);
        assert!(history.undo().expect("undo").apply(&mut s));
        assert_eq!(s, before);
        assert!(!history.is_dirty());
        assert!(history.can_redo());
    }

    #[test]
    fn an_edit_out_of_range_changes_nothing() {
        let mut s = scenario();
        let event = s.events[0].clone();
        let edit = Edit::insert(s.events.len() + 5, ItemValue::Event(event));
        let before = s.clone();
        assert!(!edit.apply(&mut s));
        assert_eq!(s, before);
    }
}
