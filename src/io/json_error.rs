//! Turning serde_json's errors into messages a person can act on, at a line and column; and
//! the checks every JSON loader makes before parsing (empty file, byte order mark, not an
//! object at the top).

use serde_json::Value;
use serde_json::error::Category;

use super::diagnostic::shorten;
use super::json_text::{line_columns, line_start, path_at, skip_ws};
use super::{Diagnostic, LoadError, Where};

/// How deep serde_json lets arrays and objects nest.
pub(crate) const MAX_DEPTH: usize = 128;

/// The message for text nested deeper than [`MAX_DEPTH`].
pub(crate) const TOO_DEEP: &str =
    "arrays and objects are nested more than 128 deep; this is not a file this app reads";

/// Strips a UTF-8 byte order mark: some Windows editors write one, and JSON parsers reject it.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Checks that `text` holds a JSON object; if not, says what it holds instead. `what` says
/// what the file should be ("a GeoJSON FeatureCollection of countries").
///
/// # Errors
/// The file is empty, is not JSON, or holds something other than an object.
pub(crate) fn expect_object(name: &str, text: &[u8], what: &str) -> Result<(), LoadError> {
    let fail =
        |place, message: String| Err(LoadError::single(Diagnostic::error(name, place, message)));
    if let Some(encoding) = utf16(text) {
        return fail(
            Where::File,
            format!(
                "the file is {encoding}, not UTF-8: JSON files are UTF-8 (RFC 8259 §8.1); \
                 save it as UTF-8"
            ),
        );
    }
    let at = skip_ws(text, 0);
    match text.get(at) {
        Some(b'{') => Ok(()),
        None if text.is_empty() => fail(Where::File, "the file is empty".to_owned()),
        None => fail(
            Where::File,
            "the file is empty (only blank space)".to_owned(),
        ),
        Some(_) => match serde_json::from_slice::<Value>(text) {
            Err(e) => Err(LoadError::single(json_diagnostic(name, text, &e))),
            Ok(value) => {
                let (line, column) = line_columns(text, &[at])[0];
                fail(
                    Where::LineColumn { line, column },
                    format!("expected {what}, but the file holds {}", describe(&value)),
                )
            }
        },
    }
}

/// `Some("UTF-16LE")` or `Some("UTF-16BE")` when the text is UTF-16: by its byte order mark,
/// or, without one, by the zero byte beside each of the first ASCII characters.
pub(crate) fn utf16(text: &[u8]) -> Option<&'static str> {
    match text {
        [0xFF, 0xFE, ..] => return Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    let pairs: Vec<&[u8]> = text.chunks_exact(2).take(8).collect();
    if pairs.len() < 2 {
        return None;
    }
    if pairs.iter().all(|p| p[0] != 0 && p[0] < 0x80 && p[1] == 0) {
        Some("UTF-16LE")
    } else if pairs.iter().all(|p| p[0] == 0 && p[1] != 0 && p[1] < 0x80) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// What sort of JSON value this is, for messages: "an array", "the number 5".
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {}", shorten(&n.to_string())),
        Value::String(s) => format!("the string \"{}\"", shorten(s)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Turns a serde_json error on `text` into a diagnostic at its line and column, saying what
/// to fix where serde_json's own words would not.
pub(crate) fn json_diagnostic(name: &str, text: &[u8], error: &serde_json::Error) -> Diagnostic {
    let raw = error.to_string();
    // serde_json appends " at line L column C"; the place says that already.
    let raw = match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_owned(),
        None => raw,
    };
    if error.line() == 0 {
        return Diagnostic::error(name, Where::File, shorten_message(&raw));
    }
    // serde_json's column is that of the last byte it read, in bytes; 0 when it read none of
    // the line yet.
    let offset = line_start(text, error.line()) + error.column().saturating_sub(1);
    let (message, at) = match error.classify() {
        Category::Eof => (
            format!("the file ends too soon ({raw}); is it cut short?"),
            offset,
        ),
        Category::Syntax => (syntax_message(text, offset, &raw), offset),
        Category::Data => data_message(text, offset, &raw),
        Category::Io => (raw, offset),
    };
    let (line, column) = line_columns(text, &[at])[0];
    Diagnostic::error(
        name,
        Where::LineColumn { line, column },
        shorten_message(&message),
    )
}

/// serde_json messages quote values from the file: keep them short.
fn shorten_message(message: &str) -> String {
    const MAX_CHARS: usize = 300;
    if message.chars().count() <= MAX_CHARS {
        return message.to_owned();
    }
    let mut short: String = message.chars().take(MAX_CHARS).collect();
    short.push('…');
    short
}

/// Whether the text looks like binary data rather than text.
fn looks_binary(text: &[u8]) -> bool {
    let head = &text[..text.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    match std::str::from_utf8(head) {
        Ok(_) => false,
        // A character cut by the 8 KiB window is fine.
        Err(e) => e.error_len().is_some() && e.valid_up_to() < 16,
    }
}

/// The character at `offset`, for messages.
fn show_char(text: &[u8], offset: usize) -> String {
    let bytes = text
        .get(offset..text.len().min(offset + 4))
        .unwrap_or_default();
    match String::from_utf8_lossy(bytes).chars().next() {
        Some(c) if !c.is_control() && c != char::REPLACEMENT_CHARACTER => format!("`{c}`"),
        _ => match bytes.first() {
            Some(b) => format!("byte 0x{b:02X}"),
            None => "the end of the file".to_owned(),
        },
    }
}

/// Whether a `\\uD800`…`\\uDFFF` escape (half of a surrogate pair) ends just before `offset`.
fn after_surrogate_escape(text: &[u8], offset: usize) -> bool {
    let before = text
        .get(offset.saturating_sub(12)..text.len().min(offset + 1))
        .unwrap_or_default()
        .to_ascii_lowercase();
    before.windows(4).any(|w| {
        w[0] == b'\\' && w[1] == b'u' && w[2] == b'd' && matches!(w[3], b'8'..=b'9' | b'a'..=b'f')
    })
}

fn syntax_message(text: &[u8], offset: usize, raw: &str) -> String {
    if looks_binary(text) {
        return "this is not a text file: it holds binary data, not JSON".to_owned();
    }
    let rest = text.get(offset..).unwrap_or_default();
    match raw {
        "expected value" => {
            for word in ["NaN", "nan", "Infinity", "infinity", "inf", "-Infinity"] {
                if rest.starts_with(word.as_bytes()) {
                    return format!(
                        "{word} is not a number JSON allows; write a number, or leave the value out"
                    );
                }
            }
            format!(
                "not valid JSON: expected a value (a number, string, array, object, true, false or null), found {}",
                show_char(text, offset)
            )
        }
        "invalid unicode code point" if rest.first().is_some_and(|b| *b >= 0x80) => {
            "a string holds bytes that are not UTF-8; save the file as UTF-8".to_owned()
        }
        "recursion limit exceeded" => TOO_DEEP.to_owned(),
        _ if raw.contains("surrogate")
            || (raw == "unexpected end of hex escape" && after_surrogate_escape(text, offset)) =>
        {
            "a \\uD800-style escape is half of a UTF-16 surrogate pair, without its other half (RFC 8259 §8.2); write the character itself, or both halves".to_owned()
        }
        "number out of range" => {
            let start = text[..offset.min(text.len())]
                .iter()
                .rposition(|b| !matches!(b, b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'))
                .map_or(0, |i| i + 1);
            let literal = String::from_utf8_lossy(text.get(start..=offset).unwrap_or_default());
            format!(
                "the number {} is out of range (larger than a 64-bit float holds)",
                shorten(&literal)
            )
        }
        "trailing characters" => format!(
            "more text after the end of the JSON document, from {}: a stray bracket, or two documents in one file?",
            show_char(text, offset)
        ),
        _ if raw.starts_with("control character") => {
            "a string holds a raw control character (a line break or tab?); write it as \\n or \\t"
                .to_owned()
        }
        _ => format!("not valid JSON: {raw}"),
    }
}

/// A message for a value of the wrong shape, prefixed with its path (`events[1].date: …`),
/// and the offset of the value.
fn data_message(text: &[u8], offset: usize, raw: &str) -> (String, usize) {
    if let Some(message) = unknown_field_message(raw) {
        let key = key_start_before(text, offset);
        let at = path_at(text, key);
        let message = if at.path.is_empty() {
            message
        } else {
            format!("{}: {message}", at.path)
        };
        return (message, key);
    }
    let at = path_at(text, offset);
    let mut message = raw.to_owned();
    if !at.path.is_empty() {
        message = format!("{}: {message}", at.path);
    }
    (message, at.value_start.unwrap_or(offset))
}

/// serde's "unknown field `efective`, expected one of `id`, `date`, …" as "unknown field
/// `efective`; did you mean `effective`?" (the known field nearest in spelling), or with
/// the list of known fields when none is near. `None` for other messages.
pub(crate) fn unknown_field_message(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let known: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    Some(match nearest_name(field, &known) {
        Some(near) => format!("unknown field `{field}`; did you mean `{near}`?"),
        None if known.is_empty() => format!("unknown field `{field}`: this object has no fields"),
        None => format!(
            "unknown field `{field}`; the fields here are {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// The name in `known` nearest to `field` in spelling, if one is near enough to be a typo:
/// at most a third of its letters (and at least one) edited, or the same letters in a
/// different case or with `-` for `_`.
pub(crate) fn nearest_name<'a>(field: &str, known: &[&'a str]) -> Option<&'a str> {
    let folded = |s: &str| s.to_lowercase().replace('-', "_");
    let (best, distance) = known
        .iter()
        .map(|k| (*k, strsim::damerau_levenshtein(&folded(field), &folded(k))))
        .min_by_key(|&(_, d)| d)?;
    let limit = (field.chars().count() / 3).max(1);
    (distance <= limit).then_some(best)
}

/// The start (the `"`) of the member name that ends at or just before `offset`, where
/// serde_json stops on an unknown field.
fn key_start_before(text: &[u8], offset: usize) -> usize {
    let mut i = offset.min(text.len().saturating_sub(1));
    // Back to the name's closing quote.
    while i > 0 && text.get(i) != Some(&b'"') {
        i -= 1;
    }
    // Back to its opening quote (one not escaped).
    let mut j = i;
    while j > 0 {
        j -= 1;
        if text.get(j) == Some(&b'"') && (j == 0 || text.get(j - 1) != Some(&b'\\')) {
            return j;
        }
    }
    offset
}
