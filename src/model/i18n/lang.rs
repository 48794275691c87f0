//! Which language the words are in: the system's, the user's choice, or a command's `--lang`.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

/// A language the atlas speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the fallback for any message or locale the catalogues lack.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::En, Self::Fr];

    /// The BCP 47 code: `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }

    /// The language's name in itself, as a language menu shows it: "English", "Français".
    pub fn endonym(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
        }
    }

    fn to_u8(self) -> u8 {
        match self {
            Self::En => 0,
            Self::Fr => 1,
        }
    }

    fn from_u8(n: u8) -> Self {
        if n == 1 { Self::Fr } else { Self::En }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// `en`, `fr`, or a locale tag such as `fr_FR.UTF-8` or `fr-SN`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        lang_from_locale_tag(text)
            .ok_or_else(|| format!("unknown language {text:?}: expected \"en\" or \"fr\""))
    }
}

/// The language of a POSIX or BCP 47 locale tag (`fr_FR.UTF-8`, `fr-SN`, `en_GB@euro`,
/// `French_France.1252`), or `None` for a language the atlas does not speak (and for `C`
/// and `POSIX`).
pub fn lang_from_locale_tag(tag: &str) -> Option<Lang> {
    let lower = tag.trim().to_ascii_lowercase();
    let language = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
    match language {
        "en" | "english" => Some(Lang::En),
        "fr" | "french" | "français" => Some(Lang::Fr),
        _ => None,
    }
}

/// The system's language: on Unix the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set (then the preference list in `LANGUAGE`), on macOS and Windows the platform's
/// preferred languages; English when none is one the atlas speaks.
pub fn system_lang() -> Lang {
    // Read once: the locale does not change while the process runs, and the app asks
    // every frame.
    static SYSTEM: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();
    *SYSTEM.get_or_init(|| {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        system_lang_from(&var, sys_locale::get_locales())
    })
}

/// [`system_lang`] with its sources given: `var` reads an environment variable, `platform`
/// lists the platform's preferred locales.
pub fn system_lang_from(
    var: &dyn Fn(&str) -> Option<String>,
    platform: impl IntoIterator<Item = String>,
) -> Lang {
    // POSIX: LC_ALL overrides LC_MESSAGES, which overrides LANG. A "C" locale means
    // "no preference" here, and GNU's LANGUAGE list is consulted after it.
    let posix = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name));
    if let Some(tag) = &posix
        && let Some(lang) = lang_from_locale_tag(tag)
    {
        return lang;
    }
    if let Some(list) = var("LANGUAGE")
        && let Some(lang) = list.split(':').find_map(lang_from_locale_tag)
    {
        return lang;
    }
    if posix.is_some() {
        return Lang::En;
    }
    platform
        .into_iter()
        .find_map(|tag| lang_from_locale_tag(&tag))
        .unwrap_or(Lang::En)
}

static DEFAULT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the process's language: what every thread speaks unless it set its own.
pub fn set_default_lang(lang: Lang) {
    DEFAULT.store(lang.to_u8(), Ordering::Relaxed);
}

/// Sets this thread's language (the app's UI thread each frame, a job's thread at its start).
pub fn set_thread_lang(lang: Lang) {
    THREAD.with(|t| t.set(Some(lang)));
}

/// The language in force on this thread.
pub fn current_lang() -> Lang {
    THREAD
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_u8(DEFAULT.load(Ordering::Relaxed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_name_their_language() {
        assert_eq!(lang_from_locale_tag("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(lang_from_locale_tag("fr-SN"), Some(Lang::Fr));
        assert_eq!(lang_from_locale_tag("French_France.1252"), Some(Lang::Fr));
        assert_eq!(lang_from_locale_tag("en_GB@euro"), Some(Lang::En));
        assert_eq!(lang_from_locale_tag("de_DE.UTF-8"), None);
        assert_eq!(lang_from_locale_tag("C"), None);
    }

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_system_language_follows_posix_precedence() {
        let none = Vec::<String>::new;
        assert_eq!(
            system_lang_from(&env(&[("LANG", "fr_FR.UTF-8")]), none()),
            Lang::Fr
        );
        assert_eq!(
            system_lang_from(
                &env(&[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "en_US")]),
                none()
            ),
            Lang::En
        );
        assert_eq!(
            system_lang_from(
                &env(&[("LC_ALL", "fr_ML"), ("LC_MESSAGES", "en_US")]),
                none()
            ),
            Lang::Fr
        );
        // German falls back to English; LANGUAGE's list is read after a C or unknown locale.
        assert_eq!(
            system_lang_from(&env(&[("LANG", "de_DE.UTF-8")]), none()),
            Lang::En
        );
        assert_eq!(
            system_lang_from(&env(&[("LANG", "C"), ("LANGUAGE", "de:fr")]), none()),
            Lang::Fr
        );
        // Without variables, the platform's list (macOS, Windows) decides.
        assert_eq!(
            system_lang_from(&env(&[]), vec!["fr-FR".to_owned()]),
            Lang::Fr
        );
        assert_eq!(system_lang_from(&env(&[]), none()), Lang::En);
    }

    #[test]
    fn a_thread_language_overrides_the_default_only_on_its_thread() {
        set_thread_lang(Lang::Fr);
        assert_eq!(current_lang(), Lang::Fr);
        let other = std::thread::spawn(current_lang).join().ok();
        assert_eq!(other, Some(Lang::En));
    }
}
