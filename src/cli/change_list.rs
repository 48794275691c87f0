//! `diff` and `changelog`: the change list on the command line. What changed is worked out
//! by the model ([`Timeline::diff`], [`Timeline::changelog`]) and written by
//! [`crate::export::change_list`]; this picks the format the flags ask for.

use super::args::{ChangelogArgs, DiffArgs};
use crate::export::change_list::{
    changelog_markdown, changelog_text, diff_csv, diff_json, diff_markdown, diff_table,
};
use crate::model::{Day, Timeline};

/// Runs `diff` on `timeline`: the text to print.
///
/// # Errors
/// The JSON could not be written.
pub fn run_diff(args: &DiffArgs, timeline: &Timeline) -> Result<String, serde_json::Error> {
    let diff = timeline.diff(Day::from_date(args.from), Day::from_date(args.to));
    let text = if args.json {
        serde_json::to_string_pretty(&diff_json(timeline, &diff))?
    } else if args.csv {
        diff_csv(timeline, &diff)
    } else if args.markdown {
        diff_markdown(timeline, &diff)
    } else {
        diff_table(timeline, &diff)
    };
    Ok(text.trim_end().to_owned())
}

/// Runs `changelog` on `timeline`: the text to print.
pub fn run_changelog(args: &ChangelogArgs, timeline: &Timeline) -> String {
    let years = match args.year {
        Some(y) => vec![timeline.changelog_of_year(y)],
        None => timeline.changelog(),
    };
    let text = if args.markdown {
        changelog_markdown(timeline, &years)
    } else {
        changelog_text(timeline, &years)
    };
    text.trim_end().to_owned()
}
