//! A scenario item's text in other languages: `"i18n": {"fr": {"title": "…"}}` on events,
//! relationships, entities and groups.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// Language code → field → text. Which fields an item may translate is the item's business
/// (`check` warns on a field the item does not have); the reader keeps them all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Translations(pub BTreeMap<String, BTreeMap<String, String>>);

impl Translations {
    /// Whether there are none (the field is then left out of the file).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text of `field` in `lang`, if translated (and not blank).
    pub fn get(&self, lang: Lang, field: &str) -> Option<&str> {
        self.0
            .get(lang.code())?
            .get(field)
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
    }

    /// `field` in `lang` where translated, else `original` (English).
    pub fn or<'a>(&'a self, lang: Lang, field: &str, original: &'a str) -> &'a str {
        match lang {
            Lang::En => original,
            _ => self.get(lang, field).unwrap_or(original),
        }
    }

    /// Every (language, field) pair given, for checks.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .flat_map(|(lang, fields)| fields.keys().map(move |f| (lang.as_str(), f.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_falls_back_to_the_original() {
        let t: Translations =
            serde_json::from_str(r#"{"fr": {"title": "Le Niger met fin", "summary": " "}}"#)
                .unwrap_or_default();
        assert_eq!(t.or(Lang::Fr, "title", "Niger ends"), "Le Niger met fin");
        assert_eq!(t.or(Lang::En, "title", "Niger ends"), "Niger ends");
        // A blank translation is no translation.
        assert_eq!(t.or(Lang::Fr, "summary", "English"), "English");
        assert_eq!(t.or(Lang::Fr, "note", "English"), "English");
        assert_eq!(t.fields().count(), 2);
    }
}
