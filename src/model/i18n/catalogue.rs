//! The message catalogues: `assets/i18n/LANG/*.ftl` (one file per part of the atlas, see
//! [`FILES`]), embedded in the binary and parsed once, on first use.
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

/// The catalogue files, the same names in every language: `atlas.ftl` (menus, legend,
/// pictures), `panels.ftl` (the side panels, time bar, map and charts), `edit.ftl` (editing,
/// dialogs and messages) and `layers.ftl` (event layers, animations, change lists).
pub const FILES: [&str; 4] = ["atlas.ftl", "panels.ftl", "edit.ftl", "layers.ftl"];

const ENGLISH: [&str; FILES.len()] = [
    include_str!("../../../assets/i18n/en/atlas.ftl"),
    include_str!("../../../assets/i18n/en/panels.ftl"),
    include_str!("../../../assets/i18n/en/edit.ftl"),
    include_str!("../../../assets/i18n/en/layers.ftl"),
];
const FRENCH: [&str; FILES.len()] = [
    include_str!("../../../assets/i18n/fr/atlas.ftl"),
    include_str!("../../../assets/i18n/fr/panels.ftl"),
    include_str!("../../../assets/i18n/fr/edit.ftl"),
    include_str!("../../../assets/i18n/fr/layers.ftl"),
];

/// The text of each catalogue file of `lang`, in [`FILES`] order.
fn sources(lang: Lang) -> &'static [&'static str; FILES.len()] {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Fr => &FRENCH,
    }
}

struct Catalogues {
    en: FluentBundle<FluentResource>,
    fr: FluentBundle<FluentResource>,
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id =
        unic_langid::LanguageIdentifier::from_bytes(lang.code().as_bytes()).unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as boxes in egui's fonts and in SVG text.
    bundle.set_use_isolating(false);
    for text in sources(lang) {
        // A catalogue with a syntax error keeps every message it could read (a test makes
        // sure the shipped ones have none).
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        // Duplicate keys are refused by a test; here the first one wins.
        let _ = bundle.add_resource(resource);
    }
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

/// Every message key of one catalogue file (`file` from [`FILES`]) of `lang`, in file order,
/// with the syntax errors it has (as text): for the tests that keep the catalogues in step.
pub fn catalogue_keys(lang: Lang, file: &str) -> (Vec<String>, Vec<String>) {
    let Some(i) = FILES.iter().position(|f| *f == file) else {
        return (Vec::new(), vec![format!("no catalogue file {file}")]);
    };
    let (resource, errors) = match FluentResource::try_new(sources(lang)[i].to_owned()) {
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

    /// Every key of every file, with the file it is in, for `lang`.
    fn all_keys(lang: Lang) -> Vec<(String, &'static str)> {
        let mut keys = Vec::new();
        for file in FILES {
            let (k, errors) = catalogue_keys(lang, file);
            assert_eq!(
                errors,
                Vec::<String>::new(),
                "assets/i18n/{}/{file}",
                lang.code()
            );
            keys.extend(k.into_iter().map(|k| (k, file)));
        }
        keys
    }

    #[test]
    fn both_catalogues_parse_and_hold_the_same_keys_once() {
        let en = all_keys(Lang::En);
        let fr = all_keys(Lang::Fr);
        let mut sorted_en: Vec<_> = en.iter().map(|(k, _)| k).collect();
        sorted_en.sort();
        sorted_en.dedup();
        assert_eq!(
            sorted_en.len(),
            en.len(),
            "a key is defined twice in English"
        );
        // The same key in the same file in both languages.
        let missing_fr: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        let missing_en: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        assert!(missing_fr.is_empty(), "French lacks {missing_fr:?}");
        assert!(missing_en.is_empty(), "English lacks {missing_en:?}");
        assert!(en.len() > 20);
    }

    /// The Rust source of the crate, every file of `src/` but this module's.
    fn crate_source() -> String {
        fn walk(dir: &std::path::Path, out: &mut String) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("i18n/catalogue.rs")
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        let mut text = String::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut text,
        );
        text
    }

    #[test]
    fn every_key_is_used_by_the_code() {
        // A key is written whole, in quotes, where it is used (`tr("menu-file")`, a table of
        // keys): no key is built from pieces, so a key the source never quotes is unused.
        let source = crate_source();
        assert!(source.contains("tr_static"), "the source was read");
        let unused: Vec<_> = all_keys(Lang::En)
            .into_iter()
            .filter(|(key, _)| !source.contains(&format!("\"{key}\"")))
            .collect();
        assert!(unused.is_empty(), "catalogue keys no code uses: {unused:?}");
    }

    #[test]
    fn messages_take_arguments_and_plurals_per_language() {
        let one = [("count", FluentValue::from(1))];
        let two = [("count", FluentValue::from(2))];
        let key = "map-ties-between";
        assert_eq!(tr_in(Lang::En, key, &one), "1 tie between these two:");
        assert_eq!(tr_in(Lang::En, key, &two), "2 ties between these two:");
        assert_eq!(tr_in(Lang::Fr, key, &one), "1 lien entre ces deux\u{a0}:");
        assert_eq!(tr_in(Lang::Fr, key, &two), "2 liens entre ces deux\u{a0}:");
        // French plural rules put 0 with 1.
        let zero = [("count", FluentValue::from(0))];
        assert_eq!(tr_in(Lang::Fr, key, &zero), "0 lien entre ces deux\u{a0}:");
        assert_eq!(tr_in(Lang::En, key, &zero), "0 ties between these two:");
    }

    #[test]
    fn a_missing_key_falls_back_to_the_key() {
        assert_eq!(tr_in(Lang::Fr, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn french_punctuation_has_its_non_breaking_spaces() {
        // Before : ; ? ! and inside « », French puts a non-breaking space (U+00A0 or the
        // narrow U+202F), never a plain space or none.
        for (file, text) in FILES.iter().zip(sources(Lang::Fr)) {
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
                        "fr/{file}:{}: {c:?} needs a non-breaking space: {line}",
                        n + 1
                    );
                }
            }
        }
    }
}
