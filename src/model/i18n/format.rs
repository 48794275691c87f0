//! Dates and numbers the way each language writes them: "4 December 2023" and
//! "4 décembre 2023", "Dec 2023" and "déc. 2023", "23.31 million" and "23,31 millions".
//!
//! Hand-written for two languages: the CLDR patterns for English and French dates and
//! decimal numbers are a few lines each, where ICU4X's data would add megabytes to the binary.

use jiff::civil::Date;

use super::lang::Lang;
use crate::model::DatePrecision;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
// CLDR's abbreviated French months.
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// A month's name, in full (`short == false`) or abbreviated.
pub fn month_name(month: i8, short: bool, lang: Lang) -> &'static str {
    let i = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
    match (lang, short) {
        (Lang::En, false) => MONTHS_EN[i],
        (Lang::En, true) => MONTHS_EN_SHORT[i],
        (Lang::Fr, false) => MONTHS_FR[i],
        (Lang::Fr, true) => MONTHS_FR_SHORT[i],
    }
}

/// The day of the month as French writes it: "1er" for the first, the number otherwise.
fn day_number(date: Date, lang: Lang) -> String {
    match (lang, date.day()) {
        (Lang::Fr, 1) => "1er".to_owned(),
        (_, d) => d.to_string(),
    }
}

/// "4 December 2023", "4 décembre 2023", "1er mars 2020".
pub fn format_day_long(date: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        day_number(date, lang),
        month_name(date.month(), false, lang),
        date.year()
    )
}

/// "4 Dec 2023", "4 déc. 2023".
pub fn format_day_short(date: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        day_number(date, lang),
        month_name(date.month(), true, lang),
        date.year()
    )
}

/// "Dec 2023", "déc. 2023".
pub fn format_month(date: Date, lang: Lang) -> String {
    format!("{} {}", month_name(date.month(), true, lang), date.year())
}

/// A date at its precision: "4 Dec 2023" / "4 déc. 2023" for a day, "Dec 2023" /
/// "déc. 2023" for a month, "2023" for a year.
pub fn format_date(date: Date, precision: DatePrecision, lang: Lang) -> String {
    match precision {
        DatePrecision::Day => format_day_short(date, lang),
        DatePrecision::Month => format_month(date, lang),
        DatePrecision::Year => date.year().to_string(),
    }
}

/// A date at its precision in the thread's language ([`current_lang`](super::current_lang)):
/// "4 Dec 2023", "Dec 2023", "2023" ("4 déc. 2023", "déc. 2023" in French).
pub fn format_date_with_precision(date: Date, precision: DatePrecision) -> String {
    format_date(date, precision, super::current_lang())
}

/// The group separator of whole numbers: "12,000,000" in English, "12 000 000" in French
/// (a non-breaking space, so the number never breaks across lines).
pub fn format_integer(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Fr => '\u{a0}',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `x` with at most `decimals` decimals, trailing zeros dropped, and the language's decimal
/// mark: 27.30 → "27.3" / "27,3".
pub fn format_decimal(x: f64, decimals: usize, lang: Lang) -> String {
    let text = format!("{x:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    match lang {
        Lang::En => text.to_owned(),
        Lang::Fr => text.replace('.', ","),
    }
}

/// A large number in words: "23.31 million", "1.2 billion"; "23,31 millions",
/// "1,2 milliard" (French puts the word in the plural from two), and the number itself below a
/// million. `decimals` is the most decimals shown.
pub fn format_big(n: f64, decimals: usize, lang: Lang) -> String {
    let scales: [(f64, &str, &str, &str); 3] = [
        (1e12, "trillion", "billion", "billions"),
        (1e9, "billion", "milliard", "milliards"),
        (1e6, "million", "million", "millions"),
    ];
    for (scale, en, fr_one, fr_many) in scales {
        if n >= scale {
            let v = n / scale;
            let number = format_decimal(v, decimals, lang);
            let word = match lang {
                Lang::En => en,
                Lang::Fr if v < 2.0 => fr_one,
                Lang::Fr => fr_many,
            };
            return format!("{number} {word}");
        }
    }
    let whole = if n.is_finite() && n > 0.0 {
        n.round() as u64
    } else {
        0
    };
    format_integer(whole, lang)
}

/// A large amount of money with its currency in words, as French prose writes it
/// ("12,9 milliards de dollars US") and English ("US$12.9 billion").
pub fn format_amount_words(n: f64, currency: &str, lang: Lang) -> String {
    let number = format_big(n, 2, lang);
    match lang {
        Lang::En => {
            let symbol = match currency {
                "USD" => "US$",
                "EUR" => "€",
                "GBP" => "£",
                _ => return format!("{currency} {number}"),
            };
            format!("{symbol}{number}")
        }
        Lang::Fr => {
            let name = match currency {
                "USD" => "dollars US",
                "EUR" => "euros",
                "GBP" => "livres sterling",
                "XOF" | "XAF" => "francs CFA",
                other => other,
            };
            // "de" before a word-scale ("millions de"), none after a plain number
            // ("500 000 euros").
            let de = if n >= 1e6 { " de " } else { " " };
            let de = if de == " de " && name.starts_with(['e', 'a', 'i', 'o', 'u']) {
                " d’"
            } else {
                de
            };
            format!("{number}{de}{name}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_read_in_each_language_at_each_precision() {
        let d = date(2023, 12, 4);
        assert_eq!(format_day_long(d, Lang::Fr), "4 décembre 2023");
        assert_eq!(format_day_long(d, Lang::En), "4 December 2023");
        assert_eq!(format_date(d, DatePrecision::Day, Lang::Fr), "4 déc. 2023");
        assert_eq!(format_date(d, DatePrecision::Month, Lang::Fr), "déc. 2023");
        assert_eq!(format_date(d, DatePrecision::Month, Lang::En), "Dec 2023");
        assert_eq!(format_date(d, DatePrecision::Year, Lang::Fr), "2023");
        assert_eq!(format_day_long(date(2020, 3, 1), Lang::Fr), "1er mars 2020");
        assert_eq!(format_month(date(2022, 2, 1), Lang::Fr), "févr. 2022");
        assert_eq!(format_date(d, DatePrecision::Day, Lang::En), "4 Dec 2023");
        assert_eq!(format_date(d, DatePrecision::Year, Lang::En), "2023");
    }

    #[test]
    fn numbers_use_each_language_s_marks_and_words() {
        assert_eq!(format_integer(12_000_000, Lang::En), "12,000,000");
        assert_eq!(format_integer(12_000_000, Lang::Fr), "12\u{a0}000\u{a0}000");
        assert_eq!(format_integer(999, Lang::Fr), "999");
        assert_eq!(format_big(23_310_000.0, 2, Lang::Fr), "23,31 millions");
        assert_eq!(format_big(23_310_000.0, 2, Lang::En), "23.31 million");
        assert_eq!(format_big(1_200_000.0, 2, Lang::Fr), "1,2 million");
        assert_eq!(format_big(12_900_000_000.0, 2, Lang::Fr), "12,9 milliards");
        assert_eq!(format_big(12_000.0, 2, Lang::Fr), "12\u{a0}000");
        assert_eq!(
            format_amount_words(12_900_000_000.0, "USD", Lang::Fr),
            "12,9 milliards de dollars US"
        );
        assert_eq!(
            format_amount_words(12_900_000_000.0, "USD", Lang::En),
            "US$12.9 billion"
        );
        assert_eq!(
            format_amount_words(12_000_000.0, "EUR", Lang::Fr),
            "12 millions d’euros"
        );
        assert_eq!(
            format_amount_words(500_000.0, "EUR", Lang::Fr),
            "500\u{a0}000 euros"
        );
    }
}
