//! What a scenario file holds: entities, relationships and dated, sourced events.
//!
//! The file format is JSON; the README documents it. Parsing lives in `crate::io`; this module
//! only defines the data and the rules that make a scenario coherent.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::i18n::Translations;

use super::date::strict;
use super::{Amount, DatePrecision, Notice, Size, Status};

/// The value of the `format` field every scenario file carries.
pub const SCENARIO_FORMAT: &str = "sahel-atlas/scenario@1";

/// A whole scenario: who, what ties them, and what happened when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Always [`SCENARIO_FORMAT`].
    pub format: String,
    /// A title for window captions and exports.
    pub title: String,
    /// A paragraph on what the scenario covers and where it comes from.
    #[serde(default)]
    pub description: String,
    /// The title and description in other languages: `{"fr": {"title": "…"}}`.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub i18n: Translations,
    /// The dates the time slider runs over.
    pub span: ScenarioSpan,
    /// The last date the scenario's research covers: after it, the map shows what was known
    /// then, not what happened (the time bar marks the rest of the span "beyond the data").
    #[serde(
        default,
        deserialize_with = "strict::option_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub research_until: Option<Date>,
    /// Partner groups (Western, Russian, regional, UN, other) for filters, charts and
    /// comparisons: which entities belong together. Optional; see [`Group`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// States and organisations.
    pub entities: Vec<Entity>,
    /// Agreements, missions, deployments, memberships, sanctions: the links on the map.
    pub relationships: Vec<Relationship>,
    /// Dated, sourced events that change relationships and states.
    pub events: Vec<Event>,
}

/// The first and last date of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSpan {
    /// First day.
    #[serde(deserialize_with = "strict::date")]
    pub start: Date,
    /// Last day.
    #[serde(deserialize_with = "strict::date")]
    pub end: Date,
}

/// A partner group: entities that count together in filters and the alignment chart.
///
/// An entity belongs to at most one group; one not listed belongs to the group whose id is
/// [`OTHER_GROUP`] (added when the file has none). A relationship's group is its partner's:
/// the group of its first party that is not one of the [`super::SAHEL_STATES`], or of its
/// first party when all of them are Sahel states.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Unique id, lower case (`western`, `russian`, `regional`, `un`, `other`).
    pub id: String,
    /// What the legend says ("Western states, EU and NATO").
    pub label: String,
    /// `#rrggbb`, for the legend and charts; a default palette colour when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Entity ids.
    #[serde(default)]
    pub members: Vec<String>,
    /// Translations of its text fields (`{"fr": {"FIELD": "…"}}`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub i18n: Translations,
}

/// The id of the group that holds every entity no group lists.
pub const OTHER_GROUP: &str = "other";

/// Parses `#rrggbb`.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// A state (keyed by Natural Earth `ADM0_A3`) or an organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// `ADM0_A3` for states; an upper-case id such as `EU` or `G5_SAHEL` for organisations.
    pub id: String,
    /// State or organisation.
    pub kind: EntityKind,
    /// Display name.
    pub name: String,
    /// A short name for map labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Where the entity's node sits on the map (a state's label point, an organisation's seat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// A state's government at the start of the span, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub government: Option<Government>,
    /// Translations of its text fields (`{"fr": {"FIELD": "…"}}`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub i18n: Translations,
}

/// State or organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A country, drawn as its shape.
    State,
    /// An organisation, drawn as a labelled node.
    Organisation,
}

/// A point on the map, WGS84 degrees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
    /// What the point is ("Brussels").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A state's government: its form and leader, with sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Government {
    /// Civilian or military.
    pub form: GovernmentForm,
    /// Head of state or of the junta.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// Where this comes from.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Who governs a state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GovernmentForm {
    /// An elected or otherwise civilian government.
    Civilian,
    /// A junta or military transition.
    Military,
}

impl GovernmentForm {
    /// The word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Civilian => "civilian",
            Self::Military => "military",
        }
    }
}

/// A tie between entities, drawn as a link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// Unique id, kebab-case.
    pub id: String,
    /// Full name ("EU Military Partnership Mission in Niger").
    pub label: String,
    /// Short name for the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// What sort of tie.
    pub kind: RelationshipKind,
    /// Entity ids; the first is the hub the links are drawn from.
    pub parties: Vec<String>,
    /// Already in force when the span starts (active from the start, before any event).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_force_at_start: bool,
    /// Sources showing the tie was in force when the span starts (with `in_force_at_start`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub start_sources: Vec<String>,
    /// The last date a source confirmed the tie's status. After it, unless a later event
    /// changes the status, the tie is shown as unconfirmed ("status last confirmed on …").
    #[serde(
        default,
        deserialize_with = "strict::option_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub confirmed_until: Option<Date>,
    /// The source that confirmed the status on `confirmed_until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_source: Option<String>,
    /// Where the tie is on the ground (a base, a camp): the arc to its second party (the
    /// host) is drawn to this point instead of the host's capital.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Site>,
    /// Translations of its text fields (`{"fr": {"FIELD": "…"}}`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub i18n: Translations,
}

/// Where a tie is on the ground: a named point, WGS84 degrees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// What the place is ("Air Base 101, Niamey").
    pub name: String,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

impl Relationship {
    /// The short name if there is one, else the label.
    pub fn short_label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.label)
    }
}

/// What sort of tie a relationship is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationshipKind {
    /// A defence or status-of-forces agreement.
    DefenceAgreement,
    /// Security or military cooperation.
    SecurityCooperation,
    /// A military (training, partnership) mission.
    MilitaryMission,
    /// A civilian (police, capacity-building) mission.
    CivilianMission,
    /// Troops deployed in an operation.
    TroopDeployment,
    /// A military base.
    MilitaryBase,
    /// Membership of an organisation.
    Membership,
    /// A sanctions regime.
    Sanctions,
    /// A peace or transition agreement.
    PeaceAgreement,
    /// Supply of arms or equipment.
    ArmsSupply,
    /// Anything else.
    Other,
}

impl RelationshipKind {
    /// Every kind, in legend order.
    pub const ALL: [Self; 11] = [
        Self::MilitaryMission,
        Self::CivilianMission,
        Self::TroopDeployment,
        Self::MilitaryBase,
        Self::DefenceAgreement,
        Self::SecurityCooperation,
        Self::Membership,
        Self::Sanctions,
        Self::PeaceAgreement,
        Self::ArmsSupply,
        Self::Other,
    ];

    /// A human label, in the thread's language ("defence agreement", "accord de défense").
    pub fn label(self) -> &'static str {
        super::i18n::tr_static(match self {
            Self::DefenceAgreement => "kind-defence-agreement",
            Self::SecurityCooperation => "kind-security-cooperation",
            Self::MilitaryMission => "kind-military-mission",
            Self::CivilianMission => "kind-civilian-mission",
            Self::TroopDeployment => "kind-troop-deployment",
            Self::MilitaryBase => "kind-military-base",
            Self::Membership => "kind-membership",
            Self::Sanctions => "kind-sanctions",
            Self::PeaceAgreement => "kind-peace-agreement",
            Self::ArmsSupply => "kind-arms-supply",
            Self::Other => "kind-other",
        })
    }

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DefenceAgreement => "defence-agreement",
            Self::SecurityCooperation => "security-cooperation",
            Self::MilitaryMission => "military-mission",
            Self::CivilianMission => "civilian-mission",
            Self::TroopDeployment => "troop-deployment",
            Self::MilitaryBase => "military-base",
            Self::Membership => "membership",
            Self::Sanctions => "sanctions",
            Self::PeaceAgreement => "peace-agreement",
            Self::ArmsSupply => "arms-supply",
            Self::Other => "other",
        }
    }
}

/// A dated, sourced event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// When it happened or was announced (the first of the month or year when less precise).
    /// In the file `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` with a month or year precision.
    #[serde(deserialize_with = "strict::event_date")]
    pub date: Date,
    /// When its changes take effect, if later than `date` (an exit announced on one day and
    /// effective a year later). Statuses and governments change on this day.
    #[serde(
        default,
        deserialize_with = "strict::option_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub effective: Option<Date>,
    /// How precisely the date is known.
    #[serde(default)]
    pub precision: DatePrecision,
    /// A headline.
    pub title: String,
    /// One or two sentences.
    #[serde(default)]
    pub summary: String,
    /// A caveat on the sources or the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `low` where the sources are thin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// Addresses of the sources, at least one.
    pub sources: Vec<String>,
    /// For an event that starts a denunciation or withdrawal (a tie set to winding down):
    /// the notice period, an ISO 8601 period such as `P6M`, counted from `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    /// What the event changes.
    #[serde(default)]
    pub changes: Vec<Change>,
    /// Translations of its text fields (`{"fr": {"FIELD": "…"}}`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub i18n: Translations,
}

impl Event {
    /// The day its changes take effect: `effective` if given, else `date`.
    pub fn effective_date(&self) -> Date {
        self.effective.unwrap_or(self.date)
    }

    /// Its date as shown in lists, in the thread's language: "28 Jan 2024", or "announced
    /// 28 Jan 2024 · effective 29 Jan 2025" when it takes effect later.
    pub fn dates_label(&self) -> String {
        let date = super::format_date_with_precision(self.date, self.precision);
        match self.effective {
            Some(effective) if effective != self.date => super::i18n::tr_args(
                "event-announced-effective",
                &[
                    ("date", date.into()),
                    ("precision", self.precision.as_str().into()),
                    (
                        "effective",
                        super::format_date_with_precision(effective, DatePrecision::Day).into(),
                    ),
                ],
            ),
            _ => date,
        }
    }
}

/// One change an event makes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawChange", into = "RawChange")]
pub enum Change {
    /// A relationship takes a new status (and, if given, a new size).
    Relationship {
        /// Relationship id.
        relationship: String,
        /// Its status from the event's date.
        status: Status,
        /// Its size from the event's date, where the event gives one.
        size: Size,
    },
    /// The event reaffirms or reinforces a relationship without changing its status.
    Reaffirmed {
        /// Relationship id.
        relationship: String,
        /// Its size from the event's date, where the event gives one.
        size: Size,
    },
    /// The event only gives a relationship's size (troops, amount) from its date.
    Size {
        /// Relationship id.
        relationship: String,
        /// The size; at least one of its parts is given.
        size: Size,
    },
    /// A state's government changes.
    State {
        /// State id.
        state: String,
        /// The new form of government.
        government: GovernmentForm,
        /// The new leader.
        leader: Option<String>,
    },
}

/// The shape of a change in the file, checked into [`Change`].
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relationship: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reaffirmed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    government: Option<GovernmentForm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    leader: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    troops: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<Amount>,
}

/// A relationship change with neither a status, a reaffirmation nor a size.
const NO_STATUS: &str = "a relationship change needs a \"status\", \"reaffirmed\": true, or a \
                         size (\"troops\", \"amount\")";

/// A change of no known shape.
const NOT_A_CHANGE: &str = "a change is either {\"relationship\", \"status\"}, {\"relationship\", \
                            \"reaffirmed\": true}, {\"relationship\", \"troops\"/\"amount\"} or \
                            {\"state\", \"government\", \"leader\"}";

impl TryFrom<RawChange> for Change {
    type Error = String;

    fn try_from(mut raw: RawChange) -> Result<Self, Self::Error> {
        let size = Size {
            troops: raw.troops.take(),
            amount: raw.amount.take(),
        };
        if !size.is_empty() && raw.relationship.is_none() {
            return Err(
                "\"troops\" and \"amount\" are the size of a relationship: add \"relationship\""
                    .to_owned(),
            );
        }
        match raw {
            RawChange {
                relationship: Some(relationship),
                status: Some(status),
                reaffirmed: None | Some(false),
                state: None,
                government: None,
                leader: None,
                ..
            } => Ok(Self::Relationship {
                relationship,
                status,
                size,
            }),
            RawChange {
                relationship: Some(relationship),
                status: None,
                reaffirmed: Some(true),
                state: None,
                government: None,
                leader: None,
                ..
            } => Ok(Self::Reaffirmed { relationship, size }),
            RawChange {
                relationship: Some(relationship),
                status: None,
                reaffirmed: None,
                state: None,
                government: None,
                leader: None,
                ..
            } if !size.is_empty() => Ok(Self::Size { relationship, size }),
            RawChange {
                relationship: Some(_),
                status: Some(_),
                reaffirmed: Some(true),
                ..
            } => Err(
                "a change either sets a \"status\" or says \"reaffirmed\": true, not both"
                    .to_owned(),
            ),
            RawChange {
                relationship: None,
                status: None,
                reaffirmed: None,
                state: Some(state),
                government: Some(government),
                leader,
                ..
            } => Ok(Self::State {
                state,
                government,
                leader,
            }),
            RawChange {
                relationship: Some(_),
                status: None,
                ..
            } => Err(NO_STATUS.to_owned()),
            RawChange {
                state: Some(_),
                government: None,
                ..
            } => Err("a state change needs a \"government\" (civilian or military)".to_owned()),
            _ => Err(NOT_A_CHANGE.to_owned()),
        }
    }
}

impl From<Change> for RawChange {
    fn from(change: Change) -> Self {
        let empty = Self {
            relationship: None,
            status: None,
            reaffirmed: None,
            state: None,
            government: None,
            leader: None,
            troops: None,
            amount: None,
        };
        let sized = |relationship: String, size: Size| Self {
            relationship: Some(relationship),
            troops: size.troops,
            amount: size.amount,
            ..empty.clone()
        };
        match change {
            Change::Relationship {
                relationship,
                status,
                size,
            } => Self {
                status: Some(status),
                ..sized(relationship, size)
            },
            Change::Reaffirmed { relationship, size } => Self {
                reaffirmed: Some(true),
                ..sized(relationship, size)
            },
            Change::Size { relationship, size } => sized(relationship, size),
            Change::State {
                state,
                government,
                leader,
            } => Self {
                state: Some(state),
                government: Some(government),
                leader,
                ..empty
            },
        }
    }
}

impl Change {
    /// The relationship this change is about, if any.
    pub fn relationship(&self) -> Option<&str> {
        match self {
            Self::Relationship { relationship, .. }
            | Self::Reaffirmed { relationship, .. }
            | Self::Size { relationship, .. } => Some(relationship),
            Self::State { .. } => None,
        }
    }

    /// The size this change gives its relationship (empty when none).
    pub fn size(&self) -> Option<&Size> {
        match self {
            Self::Relationship { size, .. }
            | Self::Reaffirmed { size, .. }
            | Self::Size { size, .. } => Some(size).filter(|s| !s.is_empty()),
            Self::State { .. } => None,
        }
    }
}

impl Scenario {
    /// A scenario with nothing in it (no allocation): a placeholder while one is moved.
    pub(crate) fn empty() -> Self {
        let day = Date::constant(2000, 1, 1);
        Self {
            format: String::new(),
            title: String::new(),
            description: String::new(),
            i18n: Translations::default(),
            span: ScenarioSpan {
                start: day,
                end: day,
            },
            research_until: None,
            groups: Vec::new(),
            entities: Vec::new(),
            relationships: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The title in `lang`, where translated, else the title.
    pub fn title_in(&self, lang: super::i18n::Lang) -> &str {
        self.i18n.or(lang, "title", &self.title)
    }

    /// The description in `lang`, where translated, else the description.
    pub fn description_in(&self, lang: super::i18n::Lang) -> &str {
        self.i18n.or(lang, "description", &self.description)
    }

    /// The display name of an entity id, or the id itself.
    pub fn entity_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map_or(id, |e| e.name.as_str())
    }
}
