//! A scenario item's words in a language: its translation (`"i18n": {"fr": {...}}`) where it
//! has one, its own (English) text otherwise. The panels, the map and the charts read items
//! through these, so French shows wherever the scenario gives it.

use super::i18n::Lang;
use super::scenario::{Entity, Event, Group, Relationship, Scenario};

/// A text in the language asked for, or the original English where it has no translation:
/// the panels mark the latter ("in English") so a reader knows why it is not in French.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<'a> {
    /// The words to show.
    pub text: &'a str,
    /// Whether they are the English original shown for want of a translation.
    pub fallback: bool,
}

fn localized<'a>(
    i18n: &'a super::i18n::Translations,
    lang: Lang,
    field: &str,
    original: &'a str,
) -> Localized<'a> {
    match (lang, i18n.get(lang, field)) {
        (Lang::En, _) => Localized {
            text: original,
            fallback: false,
        },
        (_, Some(text)) => Localized {
            text,
            fallback: false,
        },
        (_, None) => Localized {
            text: original,
            fallback: !original.trim().is_empty(),
        },
    }
}

impl Event {
    /// Its headline in `lang`.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.i18n.or(lang, "title", &self.title)
    }

    /// Its summary in `lang`, or the English one marked as a fallback.
    pub fn summary_in(&self, lang: Lang) -> Localized<'_> {
        localized(&self.i18n, lang, "summary", &self.summary)
    }

    /// Its note in `lang`, or the English one marked as a fallback; `None` without a note.
    pub fn note_in(&self, lang: Lang) -> Option<Localized<'_>> {
        let note = self.note.as_deref()?;
        Some(localized(&self.i18n, lang, "note", note))
    }
}

impl Relationship {
    /// Its label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &str {
        self.i18n.or(lang, "label", &self.label)
    }

    /// Its short name in `lang`: the translated short name, else the short name (often an
    /// acronym such as MINUSMA), else the label in `lang`.
    pub fn short_label_in(&self, lang: Lang) -> &str {
        match (lang, self.i18n.get(lang, "short"), self.short.as_deref()) {
            (Lang::En, _, _) => self.short_label(),
            (_, Some(short), _) | (_, None, Some(short)) => short,
            (_, None, None) => self.label_in(lang),
        }
    }
}

impl Entity {
    /// Its name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.i18n.or(lang, "name", &self.name)
    }

    /// What its place is ("Brussels"), in `lang` when the scenario translates it (`place` in
    /// its `i18n`), and whether it is in `lang` (false: the English text, to be marked so).
    pub fn place_label_in(&self, lang: Lang) -> Option<(&str, bool)> {
        let english = self.place.as_ref()?.label.as_deref()?;
        match (lang, self.i18n.get(lang, "place")) {
            (Lang::En, _) => Some((english, true)),
            (_, Some(translated)) => Some((translated, true)),
            (_, None) => Some((english, false)),
        }
    }
}

impl Group {
    /// Its label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &str {
        self.i18n.or(lang, "label", &self.label)
    }
}

impl super::timeline::PartnerGroup {
    /// Its label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &str {
        self.i18n.or(lang, "label", &self.label)
    }
}

impl Scenario {
    /// The name of an entity id in `lang`, or the id itself.
    pub fn entity_name_in<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.entity(id).map_or(id, |e| e.name_in(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: &str) -> Event {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_missing_translation_is_the_english_marked_as_such() {
        let e = event(
            r#"{"id": "e", "date": "2023-12-04", "title": "Niger leaves G5 Sahel",
                "summary": "Niger and Burkina Faso leave.", "sources": ["https://a.org"],
                "i18n": {"fr": {"title": "Le Niger quitte le G5 Sahel"}}}"#,
        );
        assert_eq!(e.title_in(Lang::Fr), "Le Niger quitte le G5 Sahel");
        assert_eq!(e.title_in(Lang::En), "Niger leaves G5 Sahel");
        let fr = e.summary_in(Lang::Fr);
        assert_eq!(fr.text, "Niger and Burkina Faso leave.");
        assert!(fr.fallback);
        assert!(!e.summary_in(Lang::En).fallback);
        assert_eq!(e.note_in(Lang::Fr), None);
    }

    #[test]
    fn a_translated_summary_is_not_a_fallback() {
        let e = event(
            r#"{"id": "e", "date": "2023-12-04", "title": "T", "summary": "S", "note": "N",
                "sources": ["https://a.org"], "i18n": {"fr": {"summary": "R"}}}"#,
        );
        assert_eq!(
            e.summary_in(Lang::Fr),
            Localized {
                text: "R",
                fallback: false
            }
        );
        assert_eq!(
            e.note_in(Lang::Fr),
            Some(Localized {
                text: "N",
                fallback: true
            })
        );
    }

    #[test]
    fn an_event_that_takes_effect_later_says_so_in_the_thread_s_language() {
        use crate::model::i18n::set_thread_lang;
        let e = event(
            r#"{"id": "e", "date": "2023-12", "precision": "month", "effective": "2024-01-29",
                "title": "T", "sources": ["https://a.org"]}"#,
        );
        set_thread_lang(Lang::Fr);
        let fr = e.dates_label();
        set_thread_lang(Lang::En);
        assert_eq!(fr, "annoncé en déc. 2023 · en vigueur le 29 janv. 2024");
        assert_eq!(
            e.dates_label(),
            "announced Dec 2023 · effective 29 Jan 2024"
        );
    }
}
