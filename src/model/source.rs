//! Which source addresses may be opened. A scenario is someone else's file: a source written
//! as `file:///…`, `javascript:…` or `smb://…` must never reach the operating system's
//! opener. [`web_address`] is the one place that decides; the app makes only what it
//! accepts clickable and shows anything else as text with [`NOT_OPENED`].

/// The note shown beside a source that is not opened.
pub const NOT_OPENED: &str = "not a web address; not opened";

/// The address to open for a source, if it is a web address: `http://` or `https://`
/// (in any case) followed by a host, with no spaces or control characters. Surrounding
/// whitespace is trimmed. `None` for anything else: other schemes, relative paths, text.
pub fn web_address(source: &str) -> Option<&str> {
    // Trimmed only when it begins or ends with a space or a non-ASCII character (which may be
    // one): every check of a scenario reads every source.
    let plain_end = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = source.as_bytes();
    let address = if plain_end(bytes.first()) && plain_end(bytes.last()) {
        source
    } else {
        source.trim()
    };
    // The scheme: the text before the first `://`, which is `http` or `https` only when the
    // address begins with `http://` or `https://`.
    let bytes = address.as_bytes();
    let starts = |prefix: &[u8]| {
        bytes
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
    };
    let scheme_len = if starts(b"http://") {
        4
    } else if starts(b"https://") {
        5
    } else {
        return None;
    };
    // The host: up to the first `/`, `?` or `#`, without any user info (up to the last `@`)
    // and port (from the first `:`). ASCII bytes, so the same as splitting the characters.
    let rest = &bytes[scheme_len + 3..];
    let host = rest
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .map_or(rest, |end| &rest[..end]);
    let host = host
        .iter()
        .rposition(|&b| b == b'@')
        .map_or(host, |at| &host[at + 1..]);
    let host = host
        .iter()
        .position(|&b| b == b':')
        .map_or(host, |colon| &host[..colon]);
    // Whitespace and control characters; bytes for the usual all-ASCII address.
    let clean = if address.is_ascii() {
        !bytes.iter().any(|&b| b <= b' ' || b == 0x7f)
    } else {
        !address.chars().any(|c| c.is_whitespace() || c.is_control())
    };
    (clean && !host.is_empty()).then_some(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_web_addresses() {
        for (source, opened) in [
            (
                "https://www.reuters.com/world/africa/x",
                Some("https://www.reuters.com/world/africa/x"),
            ),
            ("http://example.org", Some("http://example.org")),
            (
                "  HTTPS://Example.org/a?b#c ",
                Some("HTTPS://Example.org/a?b#c"),
            ),
            (
                "https://user@example.org:8443/x",
                Some("https://user@example.org:8443/x"),
            ),
            ("file:///etc/passwd", None),
            ("javascript:alert(1)", None),
            ("smb://server/share", None),
            ("ftp://example.org/file", None),
            ("data:text/html,<script>", None),
            ("mailto:someone@example.org", None),
            ("//example.org/x", None),
            ("example.org/x", None),
            ("https://", None),
            ("https:///etc/passwd", None),
            ("https://exa mple.org", None),
            ("https://example.org/\nfile:///etc", None),
            ("httpsx://example.org", None),
            ("javascript://https://example.org", None),
            ("", None),
        ] {
            assert_eq!(web_address(source), opened, "{source:?}");
        }
    }
}
