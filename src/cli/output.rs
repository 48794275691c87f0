//! Standard output for the subcommands. Every write is checked: a full disk or a failing
//! device is one line on standard error and exit status 1; a closed pipe (`| head`) ends the
//! run quietly, as `head` expects. Nothing here can panic, unlike `print!`.

use std::io::{self, Write};

/// Why standard output could not take the text.
#[derive(Debug, thiserror::Error)]
pub enum StdoutError {
    /// The reader went away (a closed pipe): not worth a message.
    #[error("standard output was closed")]
    Closed,
    /// Anything else: a full disk, a device error.
    #[error("cannot write to standard output: {0}")]
    Failed(io::Error),
}

/// Writes `bytes` to standard output and flushes it.
///
/// # Errors
/// [`StdoutError::Closed`] for a closed pipe, [`StdoutError::Failed`] for anything else.
pub fn write_stdout(bytes: &[u8]) -> Result<(), StdoutError> {
    write_to(&mut io::stdout().lock(), bytes)
}

/// Writes `bytes` to `out` and flushes it (see [`write_stdout`]).
///
/// # Errors
/// As [`write_stdout`].
pub fn write_to(out: &mut dyn Write, bytes: &[u8]) -> Result<(), StdoutError> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(StdoutError::Closed),
        Err(e) => Err(StdoutError::Failed(e)),
    }
}

/// One line on standard error, its control characters made visible; nothing to be done if
/// even that fails (unlike `eprintln!`, it does not panic).
pub fn say(line: &str) {
    let line = crate::export::escape::terminal_text(line);
    let _ = writeln!(io::stderr().lock(), "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_quiet_and_a_full_disk_is_an_error() {
        assert!(matches!(
            write_to(&mut Failing(io::ErrorKind::BrokenPipe), b"x"),
            Err(StdoutError::Closed)
        ));
        let e = write_to(&mut Failing(io::ErrorKind::StorageFull), b"x").expect_err("full");
        assert!(
            e.to_string().starts_with("cannot write to standard output"),
            "{e}"
        );
        let mut sink = Vec::new();
        assert!(write_to(&mut sink, b"ok").is_ok());
        assert_eq!(sink, b"ok");
    }
}
