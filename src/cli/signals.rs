//! SIGINT and SIGTERM: a run stopped with Ctrl-C or `kill` removes the temporary files of
//! the writes it had under way (see [`crate::io::atomic`]), says so in one line and exits
//! 130 (SIGINT) or 143 (SIGTERM), as shells report a process ended by those signals. The
//! files asked for are untouched: they are only ever replaced by a complete file. `kill -9`
//! cannot be caught: it may leave a hidden `.NAME.XXXXXX.part` file beside the target.

use std::io::Write as _;

/// The exit status after SIGINT (128 + 2).
pub const EXIT_SIGINT: u8 = 130;
/// The exit status after SIGTERM (128 + 15).
pub const EXIT_SIGTERM: u8 = 143;

/// Starts a thread that waits for SIGINT or SIGTERM, then removes every live temporary
/// file and exits.
///
/// # Errors
/// The handlers could not be installed or the thread not started.
#[cfg(unix)]
pub fn install() -> std::io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: no temporary file appears or is renamed after.
                let (removed, _held) = crate::io::atomic::remove_live_temporaries();
                let (name, code) = if signal == SIGINT {
                    ("interrupted (SIGINT)", EXIT_SIGINT)
                } else {
                    ("terminated (SIGTERM)", EXIT_SIGTERM)
                };
                let _ = writeln!(
                    std::io::stderr().lock(),
                    "sahel-atlas: {name}: stopped; {removed} unfinished temporary file(s) \
                     removed, the files asked for are as they were"
                );
                std::process::exit(i32::from(code));
            }
        })?;
    Ok(())
}

/// Nothing to install where there are no POSIX signals.
///
/// # Errors
/// Never.
#[cfg(not(unix))]
pub fn install() -> std::io::Result<()> {
    Ok(())
}
