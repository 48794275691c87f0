//! The message catalogues: `assets/i18n/LANG/atlas.ftl`, embedded in the binary and parsed
//! once, on first use.
//!
//! Why Fluent (`fluent-bundle`) rather than gettext or `i18n-embed`: a message is a whole
//! sentence with named arguments and per-language plural rules ("1 lien" / "2 liens",
//! "1 link" / "2 links"), which French grammar needs and gettext's `msgid` keyed by English
//! text makes brittle; and `fluent-bundle` alone is enough for two embedded catalogues,
//! where `i18n-embed` adds a file-system loader and derive macros the atlas does not use.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::lang::{Lang, current_lang};

/// A named argument of a message: `("count", 3.into())`, `("name", "Mali".into())`.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

const ENGLISH: &str = include_str!("../../../assets/i18n/en/atlas.ftl");
const FRENCH: &str = include_str!("../../../assets/i18n/fr/atlas.ftl");

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ENGLISH,
        Lang::Fr => FRENCH,
    }
}

struct Catalogues {
    en: FluentBundle<FluentResource>,
    fr: FluentBundle<FluentResource>,
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    // A catalogue with a syntax error keeps every message it could read (a test makes sure
    // the shipped ones have none).
    let resource = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(r, _)| r);
    let id =
        unic_langid::LanguageIdentifier::from_bytes(lang.code().as_bytes()).unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as boxes in egui's fonts and in SVG text.
    bundle.set_use_isolating(false);
    // Duplicate keys are refused by a test; here the first one wins.
    let _ = bundle.add_resource(resource);
    bundle
}

fn catalogues() -> &'static Catalogues {
    static CATALOGUES: OnceLock<Catalogues> = OnceLock::new();
    CATALOGUES.get_or_init(|| Catalogues {
        en: bundle(Lang::En),
        fr: bundle(Lang::Fr),
    })
}

fn format(bundle: &FluentBundle<FluentResource>, key: &str, args: &[Arg<'_>]) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            a.set(*name, value.clone());
        }
        a
    });
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
    Some(match text {
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(s) => s,
    })
}

/// The message `key` in `lang` with its arguments; the English message where the language
/// lacks it, and the key itself where English does too (a test keeps the catalogues whole).
pub fn tr_in(lang: Lang, key: &str, args: &[Arg<'_>]) -> String {
    let c = catalogues();
    let first = match lang {
        Lang::En => &c.en,
        Lang::Fr => &c.fr,
    };
    format(first, key, args)
        .or_else(|| format(&c.en, key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// The message `key` in the thread's language ([`current_lang`]).
pub fn tr(key: &str) -> String {
    tr_in(current_lang(), key, &[])
}

/// The message `key` with arguments, in the thread's language.
pub fn tr_args(key: &str, args: &[Arg<'_>]) -> String {
    tr_in(current_lang(), key, args)
}

/// The message `key` (without arguments) in the thread's language, as a `&'static str`, for
/// the tables that hand out static text (status names, legend rows). Each (language, key)
/// is formatted once and kept for the life of the process: a few hundred short strings at
/// most.
pub fn tr_static(key: &str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::Mutex;
    // Key → its text per language ([`Lang::ALL`] order), looked up by `&str` so that a hit
    // (every frame, for the legend's rows) allocates nothing.
    type Texts = [Option<&'static str>; Lang::ALL.len()];
    static CACHE: OnceLock<Mutex<HashMap<String, Texts>>> = OnceLock::new();
    let lang = current_lang();
    let slot = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = match cache.lock() {
        Ok(map) => map,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(text) = map.get(key).and_then(|texts| texts[slot]) {
        return text;
    }
    let text: &'static str = Box::leak(tr_in(lang, key, &[]).into_boxed_str());
    map.entry(key.to_owned()).or_default()[slot] = Some(text);
    text
}

/// Every message key a catalogue defines, in file order, with the syntax errors it has (as
/// text): for the tests that keep the two catalogues in step.
pub fn catalogue_keys(lang: Lang) -> (Vec<String>, Vec<String>) {
    let (resource, errors) = match FluentResource::try_new(source(lang).to_owned()) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors.iter().map(|e| format!("{e:?}")).collect()),
    };
    let keys = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    (keys, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_parse_and_hold_the_same_keys_once() {
        let (en, en_errors) = catalogue_keys(Lang::En);
        let (fr, fr_errors) = catalogue_keys(Lang::Fr);
        assert_eq!(en_errors, Vec::<String>::new(), "assets/i18n/en/atlas.ftl");
        assert_eq!(fr_errors, Vec::<String>::new(), "assets/i18n/fr/atlas.ftl");
        let mut sorted_en = en.clone();
        sorted_en.sort();
        sorted_en.dedup();
        assert_eq!(
            sorted_en.len(),
            en.len(),
            "a key is defined twice in English"
        );
        let missing_fr: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        let missing_en: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        assert!(missing_fr.is_empty(), "French lacks {missing_fr:?}");
        assert!(missing_en.is_empty(), "English lacks {missing_en:?}");
        assert!(en.len() > 20);
    }

    #[test]
    fn messages_take_arguments_and_plurals_per_language() {
        let one = [("count", FluentValue::from(1))];
        let two = [("count", FluentValue::from(2))];
        assert_eq!(tr_in(Lang::En, "links-count", &one), "1 link");
        assert_eq!(tr_in(Lang::En, "links-count", &two), "2 links");
        assert_eq!(tr_in(Lang::Fr, "links-count", &one), "1 lien");
        assert_eq!(tr_in(Lang::Fr, "links-count", &two), "2 liens");
        // French plural rules put 0 with 1.
        let zero = [("count", FluentValue::from(0))];
        assert_eq!(tr_in(Lang::Fr, "links-count", &zero), "0 lien");
        assert_eq!(tr_in(Lang::En, "links-count", &zero), "0 links");
    }

    #[test]
    fn a_missing_key_falls_back_to_the_key() {
        assert_eq!(tr_in(Lang::Fr, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn french_punctuation_has_its_non_breaking_spaces() {
        // Before : ; ? ! and inside « », French puts a non-breaking space (U+00A0 or the
        // narrow U+202F), never a plain space or none.
        let text = source(Lang::Fr);
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let value = line.split_once(" = ").map_or(line, |(_, v)| v);
            let chars: Vec<char> = value.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let nb = |c: Option<char>| matches!(c, Some('\u{a0}' | '\u{202f}'));
                let spaced = match c {
                    ';' | '?' | '!' | '»' => nb(before),
                    ':' => nb(before) || before.is_some_and(|b| b.is_ascii_digit()),
                    '«' => nb(after),
                    _ => true,
                };
                assert!(
                    spaced,
                    "fr/atlas.ftl:{}: {c:?} needs a non-breaking space: {line}",
                    n + 1
                );
            }
        }
    }
}
