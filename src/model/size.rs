//! How big a tie is (troops, money) and how long a notice runs: the values events may carry.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A tie's size from an event's date: troops and/or an amount of money. Either may be absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Size {
    /// Troops (or personnel) deployed.
    pub troops: Option<u32>,
    /// Money committed (a budget, an assistance measure).
    pub amount: Option<Amount>,
}

impl Size {
    /// Whether neither part is given.
    pub fn is_empty(&self) -> bool {
        self.troops.is_none() && self.amount.is_none()
    }

    /// "1,500 troops · €12 million" ("1 500 soldats · 12 millions d’euros" in French), in
    /// the thread's language; empty when nothing is given.
    pub fn label(&self) -> String {
        self.label_in(super::i18n::current_lang())
    }

    /// [`Size::label`] in `lang`.
    pub fn label_in(&self, lang: super::i18n::Lang) -> String {
        use super::i18n::{Lang, format_amount_words, format_integer, tr_in};
        let (troops, amount) = match lang {
            Lang::En => (
                self.troops.map(troops_label),
                self.amount.as_ref().map(Amount::label),
            ),
            _ => (
                self.troops.map(|t| {
                    tr_in(
                        lang,
                        "tie-size-troops",
                        &[
                            ("count", t.into()),
                            ("number", format_integer(u64::from(t), lang).into()),
                        ],
                    )
                }),
                self.amount
                    .map(|a| format_amount_words(a.value as f64, a.currency.as_str(), lang)),
            ),
        };
        troops
            .into_iter()
            .chain(amount)
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// 1500 → "1,500 troops".
pub fn troops_label(troops: u32) -> String {
    format!(
        "{} {}",
        thousands(u64::from(troops)),
        if troops == 1 { "troop" } else { "troops" }
    )
}

/// 12000000 → "12,000,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount of money in a currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// In whole units of the currency (12000000 for twelve million euros).
    pub value: u64,
    /// ISO 4217 code (`EUR`, `USD`).
    pub currency: Currency,
}

impl Amount {
    /// "€12 million", "$1.17 billion", "XOF 500,000".
    pub fn label(&self) -> String {
        let symbol = match self.currency.as_str() {
            "EUR" => Some("€"),
            "USD" => Some("$"),
            "GBP" => Some("£"),
            _ => None,
        };
        let v = self.value as f64;
        let number = if self.value >= 1_000_000_000 {
            format!("{} billion", trim_decimals(v / 1e9))
        } else if self.value >= 1_000_000 {
            format!("{} million", trim_decimals(v / 1e6))
        } else {
            thousands(self.value)
        };
        match symbol {
            Some(s) => format!("{s}{number}"),
            None => format!("{} {number}", self.currency.as_str()),
        }
    }
}

/// 27.30 → "27.3", 12.0 → "12", 1.171 → "1.17".
fn trim_decimals(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// An ISO 4217 currency code: three capital letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    /// The code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl TryFrom<String> for Currency {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        match text.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Self([a, b, c])),
            _ => Err(format!(
                "currency {text:?} is not an ISO 4217 code (three capital letters, such as \"EUR\")"
            )),
        }
    }
}

impl From<Currency> for String {
    fn from(currency: Currency) -> Self {
        currency.as_str().to_owned()
    }
}

/// A notice period: an ISO 8601 period of years, months, weeks and days (`P6M`, `P1Y`,
/// `P90D`), read with jiff.
#[derive(Clone, Copy, Debug)]
pub struct Notice(jiff::Span);

impl Notice {
    /// Reads `P6M` and the like: positive, in years, months, weeks or days only.
    ///
    /// # Errors
    /// A message saying what is wrong with the text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let span = jiff::fmt::temporal::SpanParser::new()
            .parse_span(text)
            .map_err(|e| {
                format!("notice {text:?} is not an ISO 8601 period such as \"P6M\" ({e})")
            })?;
        let clock = span.get_hours() != 0
            || span.get_minutes() != 0
            || span.get_seconds() != 0
            || span.get_milliseconds() != 0
            || span.get_microseconds() != 0
            || span.get_nanoseconds() != 0;
        if clock {
            return Err(format!(
                "notice {text:?} has hours, minutes or seconds; give it in years, months, weeks or days (\"P6M\")"
            ));
        }
        if span.is_negative() || span.is_zero() {
            return Err(format!("notice {text:?} must be longer than nothing"));
        }
        Ok(Self(span))
    }

    /// The day the notice runs out when given on `from` (the last representable day if it
    /// would run past it).
    pub fn runs_out(&self, from: Date) -> Date {
        from.checked_add(self.0).unwrap_or(Date::MAX)
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl PartialEq for Notice {
    fn eq(&self, other: &Self) -> bool {
        self.0.fieldwise() == other.0.fieldwise()
    }
}

impl Serialize for Notice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Notice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(troops_label(1500), "1,500 troops");
        assert_eq!(thousands(13_289), "13,289");
        let eur = |value| Amount {
            value,
            currency: Currency::try_from("EUR".to_owned()).unwrap(),
        };
        assert_eq!(eur(12_000_000).label(), "€12 million");
        assert_eq!(eur(27_300_000).label(), "€27.3 million");
        assert_eq!(eur(450_000).label(), "€450,000");
        let size = Size {
            troops: Some(1000),
            amount: Some(eur(1_171_000_000)),
        };
        assert_eq!(size.label(), "1,000 troops · €1.17 billion");
        assert!(Currency::try_from("eur".to_owned()).is_err());
        assert!(Currency::try_from("EURO".to_owned()).is_err());
    }

    #[test]
    fn notices_are_iso_periods_of_calendar_units() {
        let six_months = Notice::parse("P6M").unwrap();
        assert_eq!(
            six_months.runs_out(Date::constant(2022, 5, 2)),
            Date::constant(2022, 11, 2)
        );
        assert_eq!(
            Notice::parse("P1Y")
                .unwrap()
                .runs_out(Date::constant(2024, 2, 29)),
            Date::constant(2025, 2, 28)
        );
        assert_eq!(six_months.to_string(), "P6M");
        assert!(Notice::parse("6 months").is_err(), "ISO 8601 only");
        assert!(Notice::parse("PT6H").is_err());
        assert!(Notice::parse("-P6M").is_err());
        assert!(Notice::parse("P0D").is_err());
        let parsed: Notice = serde_json::from_str("\"P90D\"").unwrap();
        assert_eq!(parsed, Notice::parse("P90D").unwrap());
    }
}
