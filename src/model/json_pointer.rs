//! JSON Pointer tokens (RFC 6901): the one escaper for the keys of the pointers that problems,
//! strict-text errors and sheet columns name (`/events/3/i18n/fr`), and its inverse.

use std::borrow::Cow;

/// `token` as one JSON Pointer token: `~` as `~0`, then `/` as `~1` (RFC 6901, section 3).
/// Borrowed when there is nothing to escape, which is nearly always.
pub fn escape_token(token: &str) -> Cow<'_, str> {
    if token.contains(['~', '/']) {
        Cow::Owned(token.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(token)
    }
}

/// The key a JSON Pointer token names: `~1` as `/`, then `~0` as `~` (the inverse of
/// [`escape_token`]).
pub fn unescape_token(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_escape_tilde_first_and_round_trip() {
        assert_eq!(escape_token("title"), "title");
        assert!(matches!(escape_token("title"), Cow::Borrowed(_)));
        assert_eq!(escape_token("a/b"), "a~1b");
        assert_eq!(escape_token("m~n"), "m~0n");
        // `~` first: "~1" is a key of two characters, not an escaped slash.
        assert_eq!(escape_token("~1"), "~01");
        assert_eq!(unescape_token("~01"), "~1");
        for key in ["", "a/b", "m~n", "~1", "/~0/", "événements"] {
            assert_eq!(unescape_token(&escape_token(key)), key);
        }
    }
}
