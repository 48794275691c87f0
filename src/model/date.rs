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

/// Formats a date the way people read it at the given precision: "4 Dec 2023", "Dec 2023", "2023".
pub fn format_date_with_precision(date: Date, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => date.strftime("%-d %b %Y").to_string(),
        DatePrecision::Month => date.strftime("%b %Y").to_string(),
        DatePrecision::Year => date.strftime("%Y").to_string(),
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
    fn formats_by_precision() {
        let d = Date::constant(2023, 12, 4);
        assert_eq!(
            format_date_with_precision(d, DatePrecision::Day),
            "4 Dec 2023"
        );
        assert_eq!(
            format_date_with_precision(d, DatePrecision::Month),
            "Dec 2023"
        );
        assert_eq!(format_date_with_precision(d, DatePrecision::Year), "2023");
    }
}
