//! A small, forgiving scanner over JSON text, used only to point messages at a line and
//! column: where the value at a JSON Pointer starts, and which path a byte offset lies on.
//!
//! It reads bytes that may be anything (it runs on files that failed to parse too), never
//! panics, never recurses, and reads the text at most once per call.

/// Skips JSON whitespace from `at`.
pub(crate) fn skip_ws(text: &[u8], mut at: usize) -> usize {
    while text
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        at += 1;
    }
    at
}

/// `at` is on a `"`: the offset just after the closing quote (or the end of the text).
fn skip_string(text: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    while let Some(&b) = text.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b',' | b':' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
}

/// The offset just after the value starting at `at`; always past `at` unless at the end.
fn skip_value(text: &[u8], at: usize) -> usize {
    let end = match text.get(at) {
        None => return at,
        Some(b'"') => skip_string(text, at),
        Some(b'{' | b'[') => {
            let mut depth = 0_usize;
            let mut i = at;
            let mut end = text.len();
            while let Some(&b) = text.get(i) {
                match b {
                    b'"' => {
                        i = skip_string(text, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            end
        }
        Some(_) => {
            let mut i = at;
            while text.get(i).is_some_and(|&b| !is_delimiter(b)) {
                i += 1;
            }
            i
        }
    };
    end.max(at + 1)
}

/// The start of the member `segment` of the object at `at`, or of its element `segment` (a
/// decimal index) if it is an array.
fn child(text: &[u8], at: usize, segment: &str) -> Option<usize> {
    match text.get(at)? {
        b'{' => {
            let mut i = skip_ws(text, at + 1);
            loop {
                if *text.get(i)? != b'"' {
                    return None;
                }
                let key_end = skip_string(text, i);
                let key = text.get(i + 1..key_end.saturating_sub(1))?;
                i = skip_ws(text, key_end);
                if *text.get(i)? != b':' {
                    return None;
                }
                i = skip_ws(text, i + 1);
                if key == segment.as_bytes() {
                    return Some(i);
                }
                i = skip_ws(text, skip_value(text, i));
                if *text.get(i)? != b',' {
                    return None;
                }
                i = skip_ws(text, i + 1);
            }
        }
        b'[' => {
            let want: usize = segment.parse().ok()?;
            let mut i = skip_ws(text, at + 1);
            let mut n = 0;
            loop {
                if matches!(text.get(i)?, b']') {
                    return None;
                }
                if n == want {
                    return Some(i);
                }
                i = skip_ws(text, skip_value(text, i));
                if *text.get(i)? != b',' {
                    return None;
                }
                i = skip_ws(text, i + 1);
                n += 1;
            }
        }
        _ => None,
    }
}

/// Follows a JSON Pointer (`/events/3/date`, RFC 6901) from the value starting at `from`.
///
/// # Errors
/// The deepest value found, when the pointer leads nowhere.
pub(crate) fn resolve(text: &[u8], from: usize, pointer: &str) -> Result<usize, usize> {
    let mut at = skip_ws(text, from);
    for segment in pointer.split('/').skip(1) {
        let segment = crate::model::json_pointer::unescape_token(segment);
        match child(text, at, &segment) {
            Some(next) => at = next,
            None => return Err(at),
        }
    }
    Ok(at)
}

/// The offset of the first `[` or `{` nested deeper than `limit`, if any.
pub(crate) fn too_deep(text: &[u8], limit: usize) -> Option<usize> {
    let mut depth = 0_usize;
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'"' => {
                i = skip_string(text, i);
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The start of every element of the array starting at `at` (none if it is not an array).
pub(crate) fn elements(text: &[u8], at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if text.get(at) != Some(&b'[') {
        return out;
    }
    let mut i = skip_ws(text, at + 1);
    while let Some(&b) = text.get(i) {
        if b == b']' {
            break;
        }
        out.push(i);
        i = skip_ws(text, skip_value(text, i));
        if text.get(i) != Some(&b',') {
            break;
        }
        i = skip_ws(text, i + 1);
    }
    out
}

/// Where in the document a byte offset lies.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PathAt {
    /// Like `events[1].changes[0].status`; empty at the top level.
    pub path: String,
    /// The last key of the path, if the path ends in one.
    pub key: Option<String>,
    /// Where the value the offset lies in starts: the scalar or string if the offset is in
    /// one, else the innermost object or array.
    pub value_start: Option<usize>,
}

enum Frame {
    Object {
        start: usize,
        key: Option<String>,
        expect_key: bool,
    },
    Array {
        start: usize,
        index: usize,
    },
}

/// The longest key the path keeps, in bytes.
const KEY_BYTES: usize = 64;

/// The path to the value being read when a parser stopped on the byte at `offset` (that byte
/// is not read, so a value ending there counts as unfinished).
pub(crate) fn path_at(text: &[u8], offset: usize) -> PathAt {
    let end = offset.min(text.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut value_start: Option<usize> = None;
    let mut in_scalar = false;
    let mut i = 0;
    // A value in the innermost object is finished: forget its key.
    let finished = |stack: &mut Vec<Frame>| {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    };
    while i < end {
        let Some(&b) = text.get(i) else { break };
        if in_scalar && is_delimiter(b) {
            in_scalar = false;
            value_start = None;
            finished(&mut stack);
        }
        match b {
            b'"' => {
                let close = skip_string(text, i);
                if let Some(Frame::Object {
                    key,
                    expect_key: expect_key @ true,
                    ..
                }) = stack.last_mut()
                {
                    let raw = text.get(i + 1..close.saturating_sub(1)).unwrap_or_default();
                    let raw = raw.get(..KEY_BYTES).unwrap_or(raw);
                    *key = Some(String::from_utf8_lossy(raw).into_owned());
                    *expect_key = false;
                } else if close <= end {
                    finished(&mut stack);
                } else {
                    value_start = Some(i);
                }
                i = close;
                continue;
            }
            b'{' => stack.push(Frame::Object {
                start: i,
                key: None,
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array { start: i, index: 0 }),
            b'}' | b']' => {
                stack.pop();
                finished(&mut stack);
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index, .. }) => *index += 1,
                Some(Frame::Object {
                    key, expect_key, ..
                }) => {
                    *key = None;
                    *expect_key = true;
                }
                None => {}
            },
            b':' | b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                if !in_scalar {
                    in_scalar = true;
                    value_start = Some(i);
                }
            }
        }
        i += 1;
    }
    let mut path = String::new();
    let mut last_key = None;
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                last_key = Some(k.clone());
            }
            Frame::Object { key: None, .. } => last_key = None,
            Frame::Array { index, .. } => {
                path.push_str(&format!("[{index}]"));
                last_key = None;
            }
        }
    }
    let innermost = stack.last().map(|f| match f {
        Frame::Object { start, .. } | Frame::Array { start, .. } => *start,
    });
    PathAt {
        path,
        key: last_key,
        value_start: value_start.or(innermost),
    }
}

/// A member name that an object has twice (RFC 8259 §4: names SHOULD be unique).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DuplicateMember {
    /// The name, decoded.
    pub name: String,
    /// Where the first one's name starts (its `"`).
    pub first: usize,
    /// Where the second one's name starts.
    pub second: usize,
}

/// Every member name an object of the text has already had, up to `max` of them, in file
/// order. Reads the text once, without recursion; meant for text that parsed as JSON.
pub(crate) fn duplicate_members(text: &[u8], max: usize) -> Vec<DuplicateMember> {
    use std::borrow::Cow;
    use std::collections::HashMap;
    enum Frame<'a> {
        Object {
            names: HashMap<Cow<'a, [u8]>, usize>,
            expect_key: bool,
        },
        Array,
    }
    let mut found = Vec::new();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'"' => {
                let close = skip_string(text, i);
                if let Some(Frame::Object {
                    names,
                    expect_key: expect_key @ true,
                }) = stack.last_mut()
                {
                    *expect_key = false;
                    let raw = text.get(i + 1..close.saturating_sub(1)).unwrap_or_default();
                    // An escaped name is the same name as its plain spelling.
                    let name: Cow<'_, [u8]> = if raw.contains(&b'\\') {
                        match serde_json::from_slice::<String>(
                            text.get(i..close).unwrap_or_default(),
                        ) {
                            Ok(s) => Cow::Owned(s.into_bytes()),
                            Err(_) => Cow::Borrowed(raw),
                        }
                    } else {
                        Cow::Borrowed(raw)
                    };
                    if let Some(&first) = names.get(&name) {
                        found.push(DuplicateMember {
                            name: String::from_utf8_lossy(&name).into_owned(),
                            first,
                            second: i,
                        });
                        if found.len() >= max {
                            return found;
                        }
                    } else {
                        names.insert(name, i);
                    }
                }
                i = close;
                continue;
            }
            b'{' => stack.push(Frame::Object {
                names: HashMap::new(),
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The byte offset where line `line` (from 1) starts, or the end of the text.
pub(crate) fn line_start(text: &[u8], line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    let mut seen = 1;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            seen += 1;
            if seen == line {
                return i + 1;
            }
        }
    }
    text.len()
}

/// Line and column (both from 1, columns in characters) of each offset, reading the text
/// once however many offsets there are.
pub(crate) fn line_columns(text: &[u8], offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0, 1, 1);
    for i in order {
        let target = offsets[i].min(text.len());
        while pos < target {
            let b = text.get(pos).copied().unwrap_or(b' ');
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not UTF-8 continuation bytes.
                column += 1;
            }
            pos += 1;
        }
        out[i] = (line, column);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n \"a\": [1, {\"b\": \"x,]}\"}, 3],\n \"c\": {\"d\": true}\n}";

    #[test]
    fn resolves_pointers() {
        let text = DOC.as_bytes();
        let at = |p| resolve(text, 0, p).map(|i| &DOC[i..i + 1]);
        assert_eq!(at(""), Ok("{"));
        assert_eq!(at("/a/1/b"), Ok("\""));
        assert_eq!(at("/a/2"), Ok("3"));
        assert_eq!(at("/c/d"), Ok("t"));
        assert!(resolve(text, 0, "/a/7").is_err());
        assert!(resolve(text, 0, "/zz").is_err());
    }

    #[test]
    fn finds_paths_and_places() {
        let text = DOC.as_bytes();
        let at = DOC.find("true").unwrap_or(0) + 2;
        let path = path_at(text, at);
        assert_eq!(path.path, "c.d");
        assert_eq!(path.key.as_deref(), Some("d"));
        let after_b = DOC.find("x,]}\"}").unwrap_or(0) + 5;
        assert_eq!(path_at(text, after_b).path, "a[1]");
        assert_eq!(line_columns(text, &[at, 0]), vec![(3, 15), (1, 1)]);
        assert_eq!(elements(text, DOC.find('[').unwrap_or(0)).len(), 3);
    }

    #[test]
    fn finds_duplicate_member_names_at_the_second() {
        let text = br#"{"a": 1, "b": {"a": 2, "c": [{"a": 1, "a": 2}]}, "\u0061": 3}"#;
        let found = duplicate_members(text, 10);
        let names: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|d| (d.name.as_str(), d.first, d.second))
            .collect();
        assert_eq!(names, vec![("a", 30, 38), ("a", 1, 49)]);
        assert!(duplicate_members(br#"{"a": {"a": {"a": 1}}, "b": "a"}"#, 10).is_empty());
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in [
            &b"{\"a"[..],
            b"[,,,",
            b"\"\\",
            b"{\"a\":",
            b"]]]}}}",
            b"\xff\xfe{",
        ] {
            let _ = resolve(text, 0, "/a/0/b");
            let _ = path_at(text, 100);
            let _ = elements(text, 0);
            let _ = line_columns(text, &[0, 3, 99]);
            let _ = duplicate_members(text, 5);
        }
    }
}
