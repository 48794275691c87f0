//! Frames: the map at regular dates as numbered PNGs, for animations.

use std::path::{Path, PathBuf};

use jiff::Span;
use jiff::civil::Date;

use super::{ExportError, MAX_FRAMES, MapData, RenderOptions, render_png};

/// The unit of a [`FrameStep`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepUnit {
    /// `d`
    Day,
    /// `w`
    Week,
    /// `m`: calendar months; the 31st steps to the last day of shorter months.
    Month,
    /// `y`: calendar years.
    Year,
}

/// The time between frames: a count of days, weeks, months or years (`7d`, `2w`, `1m`, `1y`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameStep {
    /// How many units, at least 1.
    pub count: u32,
    /// Of what.
    pub unit: StepUnit,
}

impl FrameStep {
    /// Parses a step: a whole number and `d`, `w`, `m` or `y`.
    ///
    /// # Errors
    /// [`ExportError::BadStep`] saying what is expected.
    pub fn parse(text: &str) -> Result<Self, ExportError> {
        let bad = || {
            ExportError::BadStep(format!(
                "'{text}' is not a frame step: write a whole number from 1 to 10000 and d, w, \
                 m or y (days, weeks, months, years), such as 7d, 2w, 1m or 1y"
            ))
        };
        let t = text.trim();
        let unit = match t.chars().last() {
            Some('d' | 'D') => StepUnit::Day,
            Some('w' | 'W') => StepUnit::Week,
            Some('m' | 'M') => StepUnit::Month,
            Some('y' | 'Y') => StepUnit::Year,
            _ => return Err(bad()),
        };
        let digits = &t[..t.len() - 1];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let count: u32 = digits.parse().map_err(|_| bad())?;
        if !(1..=10_000).contains(&count) {
            return Err(bad());
        }
        Ok(Self { count, unit })
    }

    /// `k` steps as a span.
    fn times(self, k: usize) -> Option<Span> {
        let n = i64::from(self.count).checked_mul(i64::try_from(k).ok()?)?;
        let span = Span::new();
        match self.unit {
            StepUnit::Day => span.try_days(n),
            StepUnit::Week => span.try_weeks(n),
            StepUnit::Month => span.try_months(n),
            StepUnit::Year => span.try_years(n),
        }
        .ok()
    }
}

/// The dates of the frames: `from`, then every `step` after it (counted from `from`, so a
/// monthly series from the 31st keeps to month ends) up to and including `to`.
///
/// # Errors
/// [`ExportError::BadRange`] if `to` is before `from` or there would be more than
/// [`MAX_FRAMES`] frames.
pub fn frame_dates(from: Date, to: Date, step: FrameStep) -> Result<Vec<Date>, ExportError> {
    if to < from {
        return Err(ExportError::BadRange(format!(
            "the frames cannot run from {from} back to {to}: --to must not be before --from"
        )));
    }
    let mut dates = Vec::new();
    for k in 0.. {
        let Some(date) = step.times(k).and_then(|s| from.checked_add(s).ok()) else {
            break;
        };
        if date > to {
            break;
        }
        if dates.len() == MAX_FRAMES {
            return Err(ExportError::BadRange(format!(
                "from {from} to {to} by this step makes more than {MAX_FRAMES} frames: take a \
                 longer step or a shorter span"
            )));
        }
        dates.push(date);
    }
    Ok(dates)
}

/// Whether `out` is a file pattern (its file name holds `{n}` or a run of `#`) rather than
/// a folder.
pub fn is_frame_pattern(out: &Path) -> bool {
    out.file_name()
        .and_then(|f| f.to_str())
        .is_some_and(|f| f.contains("{n}") || f.contains('#'))
}

/// Where frame `n` (from 1) goes: `out` with `{n}` replaced by the number in four digits, or
/// its first run of `#` by the number padded to the run's length (`sahel-####.png`), or,
/// when `out` is a folder, `out/frame-NNNN.png`.
fn frame_path(out: &Path, n: usize) -> PathBuf {
    let number = format!("{n:04}");
    let Some(pattern) = out.to_str().filter(|_| is_frame_pattern(out)) else {
        return out.join(format!("frame-{number}.png"));
    };
    if pattern.contains("{n}") {
        return PathBuf::from(pattern.replace("{n}", &number));
    }
    let name_start = pattern.len() - out.file_name().map_or(0, |f| f.len());
    let Some(start) = pattern[name_start..].find('#').map(|i| i + name_start) else {
        return PathBuf::from(pattern);
    };
    let width = pattern[start..].chars().take_while(|&c| c == '#').count();
    PathBuf::from(format!(
        "{}{n:0width$}{}",
        &pattern[..start],
        &pattern[start + width..]
    ))
}

/// Renders the map as PNGs at the [`frame_dates`] from `from` to `to`, with `options`' size,
/// view and switches, into `out`: a folder (created if missing; files `frame-0001.png`, …)
/// or a pattern such as `frames/sahel-####.png` or `frames/sahel-{n}.png`. Returns the files
/// written.
///
/// # Errors
/// A bad range or size, or a file that cannot be written.
pub fn render_frames(
    data: &MapData<'_>,
    options: &RenderOptions,
    from: Date,
    to: Date,
    step: FrameStep,
    out: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    options.check_size()?;
    let dates = frame_dates(from, to, step)?;
    let folder = if is_frame_pattern(out) {
        out.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        out.to_path_buf()
    };
    if !folder.as_os_str().is_empty() {
        std::fs::create_dir_all(&folder).map_err(|source| ExportError::Write {
            path: folder.clone(),
            source,
        })?;
    }
    let mut written = Vec::with_capacity(dates.len());
    for (i, date) in dates.into_iter().enumerate() {
        let png = render_png(
            data,
            &RenderOptions {
                date,
                ..options.clone()
            },
        )?;
        let path = frame_path(out, i + 1);
        crate::io::atomic::write_atomic(&path, &png).map_err(|source| ExportError::Write {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(text: &str) -> FrameStep {
        FrameStep::parse(text).unwrap_or(FrameStep {
            count: 0,
            unit: StepUnit::Day,
        })
    }

    #[test]
    fn steps_parse() {
        assert_eq!(
            step("1m"),
            FrameStep {
                count: 1,
                unit: StepUnit::Month
            }
        );
        assert_eq!(step("2w").unit, StepUnit::Week);
        assert_eq!(step("7d").count, 7);
        assert_eq!(step("1y").unit, StepUnit::Year);
        for bad in [
            "",
            "m",
            "0m",
            "1",
            "1h",
            "-1m",
            "1.5m",
            "99999999999m",
            "１m",
        ] {
            assert!(FrameStep::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn monthly_dates_keep_to_month_ends_and_include_the_end() {
        let dates = frame_dates(
            Date::constant(2024, 1, 31),
            Date::constant(2024, 3, 31),
            step("1m"),
        )
        .unwrap_or_default();
        assert_eq!(
            dates,
            [
                Date::constant(2024, 1, 31),
                Date::constant(2024, 2, 29),
                Date::constant(2024, 3, 31)
            ]
        );
    }

    #[test]
    fn backwards_and_huge_ranges_are_refused() {
        let (a, b) = (Date::constant(2020, 1, 1), Date::constant(2024, 1, 1));
        assert!(frame_dates(b, a, step("1d")).is_err());
        assert!(frame_dates(Date::constant(1900, 1, 1), b, step("1d")).is_err());
        assert_eq!(frame_dates(a, a, step("1y")).map(|d| d.len()).ok(), Some(1));
    }

    #[test]
    fn frame_paths() {
        assert_eq!(
            frame_path(Path::new("out"), 3),
            Path::new("out/frame-0003.png")
        );
        assert_eq!(
            frame_path(Path::new("f/s-{n}.png"), 12),
            Path::new("f/s-0012.png")
        );
        assert_eq!(
            frame_path(Path::new("f/s-####.png"), 12),
            Path::new("f/s-0012.png")
        );
        assert_eq!(
            frame_path(Path::new("f#/s-######.png"), 7),
            Path::new("f#/s-000007.png")
        );
    }
}
