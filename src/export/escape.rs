//! Text leaving the program: titles, labels, names and sources come from someone else's
//! scenario file, so they reach a Markdown reader, a spreadsheet or a terminal only through
//! the escaper of that format, here, one per format (OWASP's output-encoding rule).
//!
//! - [`markdown_text`]: Markdown's punctuation backslash-escaped and `<`, `>`, `&` as HTML
//!   entities, so no text becomes markup, a link or raw HTML.
//! - [`markdown_link`]: a source as a link only when it is a web address
//!   ([`crate::model::source::web_address`]), its target percent-encoded so that it cannot end the
//!   link early or become another scheme; anything else as text.
//! - [`csv_cell`]: RFC 4180 quoting, and OWASP's rule against CSV injection: a cell that
//!   begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front (and
//!   quotes), so spreadsheets show it as text instead of running it as a formula.
//! - [`terminal_text`]: control characters (ESC, BEL, NUL, …) and bidirectional overrides
//!   replaced by visible symbols, so a title cannot move the cursor, ring the bell or
//!   reorder a line.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

/// What is percent-encoded in a link target: everything but the characters URLs are made
/// of that mean nothing to Markdown or HTML.
const LINK_TARGET: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'\'')
    .add(b'<')
    .add(b'>')
    .add(b'(')
    .add(b')')
    .add(b'[')
    .add(b']')
    .add(b'{')
    .add(b'}')
    .add(b'|')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'*')
    .add(b'_')
    .add(b'~');

/// `text` for Markdown, inside a line: `\`, `` ` ``, `*`, `_`, `[`, `]`, `|` and `~`
/// backslash-escaped (no emphasis, code, link, image or table cell can start); `<`, `>` and
/// `&` as `&lt;`, `&gt;`, `&amp;` (no HTML, no autolink, no entity); line breaks and other
/// control characters as spaces (one item stays one line, so no heading or list starts).
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_bidi_control(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A source as Markdown: `[label](target)` when it is a web address, with the target
/// percent-encoded; otherwise the source as escaped text, marked as not a web address.
pub fn markdown_link(label: &str, source: &str) -> String {
    match crate::model::source::web_address(source) {
        Some(address) => format!(
            "[{}]({})",
            markdown_text(label),
            utf8_percent_encode(address, LINK_TARGET)
        ),
        None => format!(
            "{} ({}: {})",
            markdown_text(label),
            markdown_text(crate::model::source::NOT_OPENED),
            markdown_text(source)
        ),
    }
}

/// Whether a cell would start a formula in a spreadsheet (OWASP: `=`, `+`, `-`, `@`, tab,
/// carriage return).
fn starts_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
/// doubled; a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// neutralised as OWASP recommends: a `'` in front, and quoted.
pub fn csv_cell(text: &str) -> String {
    if starts_formula(text) {
        return format!("\"'{}\"", text.replace('"', "\"\""));
    }
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Whether `c` is one of Unicode's bidirectional embedding, override or isolate controls.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// `text` for a terminal: line breaks and tabs kept; other C0 controls shown as their
/// Unicode control pictures (ESC as `␛`, BEL as `␇`, NUL as `␀`), DEL as `␡`, C1 controls
/// and bidirectional controls as `�`.
pub fn terminal_text(text: &str) -> String {
    if !text.chars().any(needs_picture) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match c {
            c if !needs_picture(c) => c,
            c @ '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7F}' => '\u{2421}',
            _ => '\u{FFFD}',
        })
        .collect()
}

fn needs_picture(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_leaves_no_markup() {
        assert_eq!(
            markdown_text("<script>alert(1)</script> & [x](y) *b* `c`"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\[x\\](y) \\*b\\* \\`c\\`"
        );
        assert_eq!(markdown_text("a\nb\u{1b}[31m"), "a b \\[31m");
        assert_eq!(
            markdown_text("Niger ends the EU's missions"),
            "Niger ends the EU's missions"
        );
    }

    #[test]
    fn links_are_web_addresses_percent_encoded() {
        assert_eq!(
            markdown_link("1", "https://example.org/a_(b)?q=<x>"),
            "[1](https://example.org/a%5F%28b%29?q=%3Cx%3E)"
        );
        let js = markdown_link("2", "javascript:alert(1)");
        assert!(!js.contains("]("), "{js}");
        assert!(js.contains("not a web address"), "{js}");
        let file = markdown_link("3", "file:///etc/passwd");
        assert!(!file.contains("]("), "{file}");
        let broken = markdown_link("4", "https://example.org/x)[y](javascript:alert(1)");
        assert_eq!(broken.matches("](").count(), 1, "{broken}");
        assert!(
            broken.ends_with(')') && !broken[4..].contains('('),
            "{broken}"
        );
    }

    #[test]
    fn csv_cells_that_would_be_formulas_are_neutralised() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "\"'+1\"");
        assert_eq!(csv_cell("-2+3"), "\"'-2+3\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("\tx"), "\"'\tx\"");
        assert_eq!(csv_cell("\rx"), "\"'\rx\"");
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("2023-12-04"), "2023-12-04");
    }

    #[test]
    fn terminal_text_shows_control_characters() {
        assert_eq!(
            terminal_text("a\u{1b}[2Jb\u{7}c\0d"),
            "a\u{241b}[2Jb\u{2407}c\u{2400}d"
        );
        assert_eq!(terminal_text("x\u{202E}y\u{9b}z"), "x\u{FFFD}y\u{FFFD}z");
        assert_eq!(terminal_text("kept\tand\nkept"), "kept\tand\nkept");
    }
}
