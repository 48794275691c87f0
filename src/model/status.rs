//! The status of a relationship at a date.

use serde::{Deserialize, Serialize};

/// Where a relationship stands. Set by its latest event on or before a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Agreed or announced, not yet operating.
    Planned,
    /// In force / operating.
    Active,
    /// Suspended; may resume.
    Suspended,
    /// Notice given or termination decided; withdrawal under way.
    WindingDown,
    /// Over.
    Ended,
}

impl Status {
    /// Every status, in legend order.
    pub const ALL: [Self; 5] = [
        Self::Planned,
        Self::Active,
        Self::Suspended,
        Self::WindingDown,
        Self::Ended,
    ];

    /// The word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Active => "active",
            Self::Suspended => "suspended",
            Self::WindingDown => "winding-down",
            Self::Ended => "ended",
        }
    }

    /// How live a status is, for picking the one that stands for several ties: active
    /// above winding down above suspended above planned above ended.
    pub fn liveliness(self) -> u8 {
        match self {
            Self::Active => 5,
            Self::WindingDown => 4,
            Self::Suspended => 3,
            Self::Planned => 2,
            Self::Ended => 1,
        }
    }

    /// A human label for legends.
    pub fn label(self) -> &'static str {
        super::i18n::tr_static(match self {
            Self::Planned => "status-planned",
            Self::Active => "status-active",
            Self::Suspended => "status-suspended",
            Self::WindingDown => "status-winding-down",
            Self::Ended => "status-ended",
        })
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
