//! The interface's words in English and French: one message catalogue per language
//! ([Project Fluent](https://projectfluent.org), embedded from `assets/i18n/`), the language
//! in force, and dates and numbers written the way each language writes them.
//!
//! The language is a value ([`Lang`]), not a global switch: the command line sets the
//! process's default once ([`set_default_lang`]); the app sets its thread's language at the
//! start of each frame ([`set_thread_lang`]) and background jobs carry the language they were
//! started with, so two windows or two tests in two languages never see each other's words.
//!
//! ```
//! use sahel_atlas::model::i18n::{Lang, format_day_long};
//! use jiff::civil::date;
//!
//! assert_eq!(format_day_long(date(2023, 12, 4), Lang::Fr), "4 décembre 2023");
//! assert_eq!(format_day_long(date(2023, 12, 4), Lang::En), "4 December 2023");
//! ```

mod catalogue;
mod format;
mod lang;
mod translations;

pub use catalogue::{Arg, catalogue_keys, tr, tr_args, tr_in, tr_static};
pub use format::{
    format_amount_words, format_big, format_date, format_date_with_precision, format_day_long,
    format_day_short, format_decimal, format_integer, format_month, month_name,
};
pub use lang::{
    Lang, current_lang, lang_from_locale_tag, set_default_lang, set_thread_lang, system_lang,
};
pub use translations::Translations;
