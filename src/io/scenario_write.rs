//! Writing a scenario back to JSON in the shipped file's formatting: the fields in the order
//! the format lists them, two-space indentation, one key per line, one event per block, and
//! a group's `members` on one line. Reading the shipped file and writing it back gives the
//! same bytes, so a saved edit shows in a diff as the lines it changed and no others.

use std::io;
use std::path::Path;

use serde::Serialize as _;

use crate::model::Scenario;

/// Keys whose arrays are written on one line (`"members": ["FRA", "USA"]`).
const INLINE_ARRAYS: &[&str] = &["members"];

/// The scenario as JSON text, in the shipped file's formatting, ending with a newline.
pub fn scenario_json(scenario: &Scenario) -> String {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, AtlasFormatter::default());
    // Serialising plain data into a vector cannot fail: no I/O, every map key a string.
    if scenario.serialize(&mut serializer).is_err() {
        return String::new();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the scenario to `path` in the shipped file's formatting, atomically (see
/// [`super::atomic::write_atomic`]).
///
/// # Errors
/// When the file cannot be written; the old file is then untouched.
pub fn write_scenario(path: &Path, scenario: &Scenario) -> io::Result<()> {
    super::atomic::write_atomic(path, scenario_json(scenario).as_bytes())
}

/// serde_json's pretty formatter with two-space indentation, except that the arrays of the
/// keys in [`INLINE_ARRAYS`] are written on one line.
#[derive(Default)]
struct AtlasFormatter {
    indent: usize,
    /// Per open array or object: whether it is written on one line.
    inline: Vec<bool>,
    /// Whether the open container has had a value (for the newline before its end).
    has_value: bool,
    /// The key being written, and the last key written.
    key: Option<String>,
    last_key: String,
}

impl AtlasFormatter {
    fn newline_indent<W: ?Sized + io::Write>(&self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\n")?;
        for _ in 0..self.indent {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn is_inline(&self) -> bool {
        self.inline.last().copied().unwrap_or(false)
    }

    fn begin<W: ?Sized + io::Write>(&mut self, writer: &mut W, open: &[u8]) -> io::Result<()> {
        let inline = self.is_inline() || INLINE_ARRAYS.contains(&self.last_key.as_str());
        self.inline.push(inline && open == b"[");
        self.indent += 1;
        self.has_value = false;
        writer.write_all(open)
    }

    fn end<W: ?Sized + io::Write>(&mut self, writer: &mut W, close: &[u8]) -> io::Result<()> {
        let inline = self.inline.pop().unwrap_or(false);
        self.indent = self.indent.saturating_sub(1);
        if self.has_value && !inline {
            self.newline_indent(writer)?;
        }
        self.has_value = true;
        writer.write_all(close)
    }

    fn item<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if self.is_inline() {
            return if first {
                Ok(())
            } else {
                writer.write_all(b", ")
            };
        }
        if !first {
            writer.write_all(b",")?;
        }
        self.newline_indent(writer)
    }
}

impl serde_json::ser::Formatter for AtlasFormatter {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.key = Some(String::new());
        self.item(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.last_key = self.key.take().unwrap_or_default();
        Ok(())
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if let Some(key) = &mut self.key {
            key.push_str(fragment);
        }
        writer.write_all(fragment.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped file, as the repository holds it.
    fn shipped() -> String {
        include_str!("../../geodata/scenario.json").to_owned()
    }

    #[test]
    fn the_shipped_scenario_is_written_back_byte_for_byte() {
        let shipped = shipped();
        let shipped = shipped.as_str();
        let scenario: Scenario = serde_json::from_str(shipped).expect("shipped scenario");
        let written = scenario_json(&scenario);
        if written != shipped {
            let first = shipped
                .lines()
                .zip(written.lines())
                .position(|(a, b)| a != b);
            panic!("differs from line {first:?}");
        }
    }

    #[test]
    fn an_edit_changes_only_its_own_lines() {
        let shipped = shipped();
        let shipped = shipped.as_str();
        let mut scenario: Scenario = serde_json::from_str(shipped).expect("shipped scenario");
        scenario.events[10].title = "A new title".to_owned();
        scenario.events[20]
            .sources
            .push("https://example.org/b".to_owned());
        let written = scenario_json(&scenario);
        let (old, new): (Vec<&str>, Vec<&str>) =
            (shipped.lines().collect(), written.lines().collect());
        assert_eq!(new.len(), old.len() + 1);
        let added = old
            .iter()
            .zip(&new)
            .position(|(a, b)| a != b)
            .expect("a change");
        assert!(new[added].contains("A new title"), "{}", new[added]);
        // After the title, everything is the same up to the added source.
        let source = new
            .iter()
            .position(|l| l.contains("example.org/b"))
            .expect("source");
        assert_eq!(old[added + 1..source - 1], new[added + 1..source - 1]);
        assert_eq!(old[source..], new[source + 1..]);
        assert_eq!(
            new[source - 1].trim_end(),
            old[source - 1].trim_end().to_owned() + ","
        );
    }

    #[test]
    fn empty_arrays_and_inline_members_read_back() {
        let text = r#"{"format":"sahel-atlas/scenario@1","title":"t","span":{"start":"2020-01-01","end":"2021-01-01"},"groups":[{"id":"g","label":"G","members":[]},{"id":"h","label":"H","members":["A","B"]}],"entities":[],"relationships":[],"events":[]}"#;
        let scenario: Scenario = serde_json::from_str(text).expect("scenario");
        let written = scenario_json(&scenario);
        assert!(written.contains("\"members\": []"), "{written}");
        assert!(written.contains("\"members\": [\"A\", \"B\"]"), "{written}");
        assert!(written.contains("\"entities\": [],"), "{written}");
        let again: Scenario = serde_json::from_str(&written).expect("reads back");
        assert_eq!(again, scenario);
    }
}
