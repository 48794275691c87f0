//! Calendar dates as the model uses them.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How precisely an event's date is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// The day is known.
    #[default]
    Day,
    /// Only the month is known; the date is the first of the month.
    Month,
    /// Only the year is known; the date is 1 January.
    Year,
}

impl DatePrecision {
    /// The word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// A date as a count of days since 1970-01-01: cheap to compare, subtract and put on a slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

const EPOCH: Date = Date::constant(1970, 1, 1);

impl Day {
    /// The day number of a calendar date.
    pub fn from_date(date: Date) -> Self {
        let days = date.duration_since(EPOCH).as_secs().div_euclid(86_400);
        // jiff dates span years -9999..=9999: a few million days, well inside i32.
        Self(i32::try_from(days).unwrap_or(i32::MAX))
    }

    /// The calendar date of this day number, clamped to the range jiff supports.
    pub fn to_date(self) -> Date {
        EPOCH.saturating_add(jiff::SignedDuration::from_hours(i64::from(self.0) * 24))
    }

    /// This day moved by `days` (which may be negative).
    #[must_use]
    pub fn plus(self, days: i32) -> Self {
        Self(self.0.saturating_add(days))
    }
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not four digits, a dash, two digits, a dash and two digits.
    #[error("'{0}' is not a date of the form YYYY-MM-DD")]
    Shape(String),
    /// The right shape, but no such day (2023-02-30).
    #[error("'{0}' is not a real calendar date")]
    NoSuchDay(String),
}

/// Parses `YYYY-MM-DD` strictly (a real calendar date).
///
/// # Errors
/// [`DateError`] saying what is wrong with the text.
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let t = text.trim();
    let bytes = t.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(DateError::Shape(t.to_owned()));
    }
    let num = |r: std::ops::Range<usize>| t[r].parse::<i16>().unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    Date::new(y, m as i8, d as i8).map_err(|_| DateError::NoSuchDay(t.to_owned()))
}

/// Parses an event's date in a scenario file: `YYYY-MM-DD`, or `YYYY-MM` (the 1st of the
/// month) or `YYYY` (1 January) for an event known to the month or year. Whether the
/// precision allows the shorter forms is checked where the file is read.
///
/// # Errors
/// [`DateError`] saying what is wrong with the text.
pub fn parse_event_date(text: &str) -> Result<Date, DateError> {
    let bytes = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
    let num = |r: std::ops::Range<usize>| text[r].parse::<i16>().unwrap_or(0);
    match bytes.len() {
        4 if digits(0..4) => {
            Ok(Date::new(num(0..4), 1, 1).map_err(|_| DateError::NoSuchDay(text.to_owned()))?)
        }
        7 if digits(0..4) && bytes[4] == b'-' && digits(5..7) => {
            Date::new(num(0..4), num(5..7) as i8, 1)
                .map_err(|_| DateError::NoSuchDay(text.to_owned()))
        }
        _ if text.trim() != text => Err(DateError::Shape(text.to_owned())),
        _ => parse_date(text),
    }
}

/// serde helpers that read a scenario's dates strictly: `YYYY-MM-DD` and nothing else (no
/// `20231204`, no times, no spaces), and an event's `date` also as `YYYY-MM` or `YYYY`.
pub mod strict {
    use jiff::civil::Date;
    use serde::{Deserialize as _, Deserializer, de::Error as _};

    fn day(text: &str) -> Result<Date, super::DateError> {
        if text.trim() != text {
            return Err(super::DateError::Shape(text.to_owned()));
        }
        super::parse_date(text)
    }

    /// A `YYYY-MM-DD` date.
    ///
    /// # Errors
    /// Anything else, saying what is expected.
    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        day(&text).map_err(D::Error::custom)
    }

    /// An optional `YYYY-MM-DD` date (`null` or absent for none).
    ///
    /// # Errors
    /// Anything else, saying what is expected.
    pub fn option_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| day(&text).map_err(D::Error::custom))
            .transpose()
    }

    /// An event's date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    ///
    /// # Errors
    /// Anything else, saying what is expected.
    pub fn event_date<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_event_date(&text).map_err(|e| match e {
            super::DateError::Shape(t) => D::Error::custom(format!(
                "'{t}' is not a date of the form YYYY-MM-DD (or YYYY-MM, YYYY for an event \
                 whose precision is month or year)"
            )),
            other => D::Error::custom(other),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for date in [
            Date::constant(1970, 1, 1),
            Date::constant(2012, 2, 29),
            Date::constant(2023, 12, 4),
            Date::constant(1900, 3, 1),
        ] {
            assert_eq!(Day::from_date(date).to_date(), date);
        }
        assert_eq!(Day::from_date(Date::constant(1970, 1, 2)), Day(1));
        assert_eq!(Day::from_date(Date::constant(1969, 12, 31)), Day(-1));
    }

    #[test]
    fn parse_date_is_strict() {
        assert_eq!(parse_date("2023-12-04"), Ok(Date::constant(2023, 12, 4)));
        assert!(parse_date("2023-02-30").is_err());
        assert!(parse_date("2023-2-3").is_err());
        assert!(parse_date("yesterday").is_err());
        assert!(parse_date("２０２３-12-04").is_err());
    }

    #[test]
    fn event_dates_take_three_shapes_and_nothing_else() {
        assert_eq!(
            parse_event_date("2023-12-04"),
            Ok(Date::constant(2023, 12, 4))
        );
        assert_eq!(parse_event_date("2023-12"), Ok(Date::constant(2023, 12, 1)));
        assert_eq!(parse_event_date("2023"), Ok(Date::constant(2023, 1, 1)));
        for bad in [
            "20231204",
            "2023-13",
            "2023-1",
            "23",
            " 2023-12-04",
            "2023-12-04T00:00",
        ] {
            assert!(parse_event_date(bad).is_err(), "{bad}");
        }
    }
}
