//! Shared helpers: the embedded data, fixture paths, running the binary, and verbs for
//! driving the app.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::sync::Arc;

use sahel_atlas::map::MapLayer;
use sahel_atlas::model::{Day, Timeline};

pub fn coarse() -> Arc<MapLayer> {
    sahel_atlas::map::embedded::coarse_layer().expect("embedded 1:110m parses")
}

pub fn fine() -> Arc<MapLayer> {
    sahel_atlas::map::embedded::fine_layer().expect("embedded 1:50m parses")
}

pub fn timeline() -> Arc<Timeline> {
    sahel_atlas::io::embedded::default_timeline().expect("embedded scenario parses")
}

pub fn day(text: &str) -> Day {
    Day::from_date(sahel_atlas::model::parse_date(text).expect("test date"))
}

/// A file under `tests/fixtures/`, such as `fixture("scenario/tiny.json")`.
pub fn fixture(path: &str) -> PathBuf {
    project_file("tests/fixtures").join(path)
}

/// A file in the project, such as `project_file("geodata/scenario.json")`.
pub fn project_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Ran {
    /// Exit status 0.
    pub ok: bool,
    /// The exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the real `sahel-atlas` binary with `args` and waits for it.
pub fn sahel_atlas<I, S>(args: I) -> Ran
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    // The tests read English unless they ask for French with --lang: the developer's own
    // locale must not change what the binary writes.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sahel-atlas"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run sahel-atlas");
    Ran {
        ok: out.status.success(),
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The app on the embedded data, speaking English whatever the machine's locale: the app
/// follows `LANG` and the like (issue #23), and the tests read English words unless they ask
/// for another language.
pub fn app_in_english() -> sahel_atlas::SahelApp {
    in_lang(
        sahel_atlas::SahelApp::new(),
        sahel_atlas::model::i18n::Lang::En,
    )
}

/// `app` speaking `lang`, as View → Language sets it.
pub fn in_lang(
    mut app: sahel_atlas::SahelApp,
    lang: sahel_atlas::model::i18n::Lang,
) -> sahel_atlas::SahelApp {
    app.apply(sahel_atlas::app::command::Command::SetLang(Some(lang)));
    app
}
