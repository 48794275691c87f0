//! Which links are drawn: a choice of statuses, kinds and partner groups, made in the
//! legend, remembered between runs, and taken by `render` and `export` on the command line.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{RelationshipKind, Status};

/// What the filter leaves out; empty shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkFilter {
    /// Statuses not drawn.
    pub hidden_statuses: BTreeSet<Status>,
    /// Kinds not drawn.
    pub hidden_kinds: BTreeSet<RelationshipKind>,
    /// Partner groups (ids) not drawn.
    pub hidden_groups: BTreeSet<String>,
}

/// A filter list on the command line that names something unknown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{word}': use {choices}")]
pub struct FilterError {
    /// "status", "kind" or "partner group".
    pub what: &'static str,
    /// The word given.
    pub word: String,
    /// The words allowed, comma-separated.
    pub choices: String,
}

impl LinkFilter {
    /// Whether nothing is left out.
    pub fn is_empty(&self) -> bool {
        self.hidden_statuses.is_empty()
            && self.hidden_kinds.is_empty()
            && self.hidden_groups.is_empty()
    }

    /// Whether a link of this status, kind and partner group is drawn.
    pub fn shows(&self, status: Status, kind: RelationshipKind, group: Option<&str>) -> bool {
        !self.hidden_statuses.contains(&status)
            && !self.hidden_kinds.contains(&kind)
            && group.is_none_or(|g| !self.hidden_groups.contains(g))
    }

    /// Flips whether `status` is shown.
    pub fn toggle_status(&mut self, status: Status) {
        if !self.hidden_statuses.remove(&status) {
            self.hidden_statuses.insert(status);
        }
    }

    /// Flips whether `kind` is shown.
    pub fn toggle_kind(&mut self, kind: RelationshipKind) {
        if !self.hidden_kinds.remove(&kind) {
            self.hidden_kinds.insert(kind);
        }
    }

    /// Flips whether the group `id` is shown.
    pub fn toggle_group(&mut self, id: &str) {
        if !self.hidden_groups.remove(id) {
            self.hidden_groups.insert(id.to_owned());
        }
    }

    /// What is left out, as a sentence for pictures' captions; `None` when nothing is.
    /// `group_label` names a group id.
    pub fn describe(&self, group_label: &dyn Fn(&str) -> String) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if !self.hidden_statuses.is_empty() {
            let words: Vec<&str> = self.hidden_statuses.iter().map(|s| s.label()).collect();
            parts.push(format!("statuses {}", words.join(", ")));
        }
        if !self.hidden_kinds.is_empty() {
            let words: Vec<&str> = self.hidden_kinds.iter().map(|k| k.label()).collect();
            parts.push(format!("kinds {}", words.join(", ")));
        }
        if !self.hidden_groups.is_empty() {
            let words: Vec<String> = self.hidden_groups.iter().map(|g| group_label(g)).collect();
            parts.push(format!("partners {}", words.join(", ")));
        }
        Some(format!("Not shown: {}.", parts.join("; ")))
    }

    /// Shows only the statuses named in `list` (comma-separated, as in files: `active,planned`).
    ///
    /// # Errors
    /// A word that is no status.
    pub fn show_only_statuses(&mut self, list: &str) -> Result<(), FilterError> {
        let shown = parse_list(list, "status", &Status::ALL, |s| s.as_str())?;
        self.hidden_statuses = Status::ALL
            .into_iter()
            .filter(|s| !shown.contains(s))
            .collect();
        Ok(())
    }

    /// Shows only the kinds named in `list` (`military-mission,troop-deployment`).
    ///
    /// # Errors
    /// A word that is no kind.
    pub fn show_only_kinds(&mut self, list: &str) -> Result<(), FilterError> {
        let shown = parse_list(list, "kind", &RelationshipKind::ALL, |k| k.as_str())?;
        self.hidden_kinds = RelationshipKind::ALL
            .into_iter()
            .filter(|k| !shown.contains(k))
            .collect();
        Ok(())
    }

    /// Shows only the partner groups named in `list`, out of the groups `all` (ids).
    ///
    /// # Errors
    /// A word that is no group.
    pub fn show_only_groups(&mut self, list: &str, all: &[&str]) -> Result<(), FilterError> {
        let shown = parse_list(list, "partner group", all, |g| g)?;
        self.hidden_groups = all
            .iter()
            .filter(|g| !shown.contains(*g))
            .map(|g| (*g).to_owned())
            .collect();
        Ok(())
    }
}

fn parse_list<'a, T: Copy + PartialEq>(
    list: &str,
    what: &'static str,
    all: &[T],
    word: impl Fn(T) -> &'a str,
) -> Result<Vec<T>, FilterError> {
    list.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| {
            all.iter()
                .copied()
                .find(|&t| word(t).eq_ignore_ascii_case(w))
                .ok_or_else(|| FilterError {
                    what,
                    word: w.to_owned(),
                    choices: all.iter().map(|&t| word(t)).collect::<Vec<_>>().join(", "),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_filter_shows_everything() {
        let f = LinkFilter::default();
        assert!(f.is_empty());
        assert!(f.shows(Status::Ended, RelationshipKind::Sanctions, Some("russian")));
        assert_eq!(f.describe(&|g| g.to_owned()), None);
    }

    #[test]
    fn toggles_hide_and_show_again() {
        let mut f = LinkFilter::default();
        f.toggle_kind(RelationshipKind::Sanctions);
        f.toggle_group("un");
        assert!(!f.shows(Status::Active, RelationshipKind::Sanctions, None));
        assert!(!f.shows(Status::Active, RelationshipKind::Membership, Some("un")));
        assert!(f.shows(
            Status::Active,
            RelationshipKind::Membership,
            Some("western")
        ));
        let said = f.describe(&|g| g.to_uppercase()).unwrap_or_default();
        assert!(said.contains("sanctions") && said.contains("UN"), "{said}");
        f.toggle_kind(RelationshipKind::Sanctions);
        f.toggle_group("un");
        assert!(f.is_empty());
    }

    #[test]
    fn command_line_lists_show_only_what_they_name() {
        let mut f = LinkFilter::default();
        assert!(f.show_only_statuses("active, planned").is_ok());
        assert!(f.shows(Status::Active, RelationshipKind::Other, None));
        assert!(!f.shows(Status::Ended, RelationshipKind::Other, None));
        assert!(f.show_only_kinds("military-mission").is_ok());
        assert!(!f.shows(Status::Active, RelationshipKind::Other, None));
        let err = f.show_only_kinds("tanks").err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("unknown kind 'tanks'") && e.contains("sanctions")));
        assert!(
            f.show_only_groups("russian", &["western", "russian"])
                .is_ok()
        );
        assert!(!f.shows(
            Status::Active,
            RelationshipKind::MilitaryMission,
            Some("western")
        ));
    }
}
