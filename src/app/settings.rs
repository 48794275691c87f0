//! The settings file: what the app remembers between runs, written atomically.
//!
//! eframe's own storage writes its `app.ron` in place (`File::create`) on a background
//! thread, so a full disk or a kill during that write can leave a truncated file. The app
//! therefore keeps its own file, `settings.ron`, in the same folder
//! ([`eframe::storage_dir`]), in the same shape (a RON map from key to RON text) and with the
//! same keys: `sahel-atlas` ([`Persisted`](crate::app::persist::Persisted): view, date,
//! selection, open and recent files), `egui` (egui's memory: panel sizes) and `window` (the
//! window's place and size). It is written through [`crate::io::atomic::write_atomic`]
//! whenever eframe saves (every 30 seconds and on exit), so it is always either the old
//! file or the new one.
//!
//! eframe still restores the window's place from its `app.ron` before the app exists, so
//! `app.ron` keeps only the `window` entry; at start-up it is rewritten (atomically) from
//! `settings.ron` when the two differ, so a truncated `app.ron` costs nothing.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::app::persist::{Persisted, STORAGE_KEY};

/// The settings file's name, in [`eframe::storage_dir`].
pub const SETTINGS_FILE: &str = "settings.ron";
/// eframe's own file in the same folder, read once to migrate from it.
pub const EFRAME_FILE: &str = "app.ron";
/// eframe's key for egui's memory (panel sizes).
pub const EGUI_KEY: &str = "egui";
/// eframe's key for the window's place and size.
pub const WINDOW_KEY: &str = "window";

/// The keys eframe's storage must not keep (they are in the settings file only).
const OURS_ONLY: [&str; 2] = [STORAGE_KEY, EGUI_KEY];

/// Everything remembered: key → RON text, as eframe's `app.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings(pub BTreeMap<String, String>);

/// The folder eframe and the app keep their settings in (`~/.local/share/sahel-atlas`).
pub fn settings_dir() -> Option<PathBuf> {
    eframe::storage_dir("sahel-atlas")
}

impl Settings {
    /// Reads a settings file. `Ok(None)`: there is none.
    ///
    /// # Errors
    /// The file cannot be read or is not a RON map of strings (say, the old format, or
    /// a file cut short); the message names the file and the place.
    pub fn read(path: &Path) -> Result<Option<Self>, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        ron::from_str::<BTreeMap<String, String>>(&text)
            .map(|map| Some(Self(map)))
            .map_err(|e| {
                format!(
                    "{}:{}:{}: {}",
                    path.display(),
                    e.span.start.line,
                    e.span.start.col,
                    e.code
                )
            })
    }

    /// Writes the settings to `path` atomically: on any failure the old file is untouched.
    ///
    /// # Errors
    /// The folder cannot hold a new file, or the write, sync or rename failed.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        let text = ron::ser::to_string_pretty(&self.0, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)?;
        }
        crate::io::atomic::write_atomic(path, text.as_bytes())
    }

    /// The settings at start-up from `dir`: `settings.ron`, or else (once, to migrate)
    /// eframe's `app.ron`. A file that cannot be read is ignored, with a note saying why.
    pub fn load(dir: &Path) -> (Self, Option<String>) {
        match Self::read(&dir.join(SETTINGS_FILE)) {
            Ok(Some(settings)) => (settings, None),
            Ok(None) => (
                Self::read(&dir.join(EFRAME_FILE))
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
                None,
            ),
            Err(e) => (
                Self::default(),
                Some(crate::model::i18n::tr_args(
                    "msg-settings-unreadable",
                    &[("error", e.to_string().into())],
                )),
            ),
        }
    }

    /// A value stored under `key`, decoded; `None` when absent or in an older format.
    pub fn get<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        ron::from_str(self.0.get(key)?).ok()
    }

    /// The remembered state of the app.
    pub fn persisted(&self) -> Option<Persisted> {
        self.get(STORAGE_KEY)
    }

    /// egui's remembered memory (panel sizes).
    pub fn egui_memory(&self) -> Option<egui::Memory> {
        self.get(EGUI_KEY)
    }

    /// What eframe's storage holds after it saved the window and egui's memory, with the
    /// app's own state; then takes the app's keys out of eframe's storage, so that its
    /// in-place `app.ron` keeps only the window's place.
    pub fn gather(storage: &mut dyn eframe::Storage, persisted: &Persisted) -> Self {
        let mut map = BTreeMap::new();
        for key in [WINDOW_KEY, EGUI_KEY] {
            if let Some(value) = storage.get_string(key) {
                map.insert(key.to_owned(), value);
            }
        }
        if let Ok(text) = ron::ser::to_string(persisted) {
            map.insert(STORAGE_KEY.to_owned(), text);
        }
        for key in OURS_ONLY {
            // Only when present: each removal makes eframe write its file again.
            if storage.get_string(key).is_some() {
                storage.remove_string(key);
            }
        }
        Self(map)
    }

    /// Makes eframe's `app.ron` in `dir` hold exactly the remembered window entry, written
    /// atomically, so eframe places the window as remembered even if its own file was cut
    /// short. Nothing is written when it already does.
    ///
    /// # Errors
    /// The file could not be written; the old one is then untouched.
    pub fn sync_eframe_file(&self, dir: &Path) -> io::Result<()> {
        let path = dir.join(EFRAME_FILE);
        let wanted = Self(
            self.0
                .get(WINDOW_KEY)
                .map(|w| BTreeMap::from([(WINDOW_KEY.to_owned(), w.clone())]))
                .unwrap_or_default(),
        );
        match Self::read(&path) {
            Ok(Some(current)) if current == wanted => Ok(()),
            Ok(None) if wanted.0.is_empty() => Ok(()),
            _ => wanted.write(&path),
        }
    }
}

/// At start-up, before eframe reads its own file: the settings from [`settings_dir`], and
/// eframe's `app.ron` brought in line with them. The note says what could not be read or
/// written; the app then starts with what it has.
pub fn prepare() -> (Settings, Option<String>) {
    let Some(dir) = settings_dir() else {
        return (Settings::default(), None);
    };
    let (settings, mut note) = Settings::load(&dir);
    if settings.0.contains_key(STORAGE_KEY) && settings.persisted().is_none() {
        note.get_or_insert_with(|| crate::model::i18n::tr("msg-settings-old"));
    }
    if let Err(e) = settings.sync_eframe_file(&dir) {
        note.get_or_insert_with(|| {
            crate::model::i18n::tr_args(
                "msg-window-place",
                &[
                    ("path", dir.join(EFRAME_FILE).display().to_string().into()),
                    ("error", e.to_string().into()),
                ],
            )
        });
    }
    (settings, note)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use eframe::Storage as _;

    /// eframe's storage, as far as [`Settings::gather`] sees it.
    #[derive(Default)]
    struct Memory(HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    fn temporaries(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".part"))
            .collect()
    }

    fn sample() -> Settings {
        let persisted = Persisted {
            selected: Some("NER".into()),
            day: Some(19_700),
            recent: vec!["/data/sahel.json".into()],
            ..Default::default()
        };
        let mut storage = Memory::default();
        storage.set_string(
            WINDOW_KEY,
            "(inner_size_points: Some((1500.0, 920.0)))".into(),
        );
        storage.set_string(EGUI_KEY, ron::to_string(&egui::Memory::default()).unwrap());
        Settings::gather(&mut storage, &persisted)
    }

    #[test]
    fn settings_are_written_whole_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join(SETTINGS_FILE);
        let settings = sample();
        settings.write(&path).unwrap();
        assert_eq!(Settings::read(&path).unwrap(), Some(settings.clone()));
        assert!(temporaries(&dir.path().join("nested")).is_empty());
        let persisted = settings.persisted().unwrap();
        assert_eq!(persisted.selected.as_deref(), Some("NER"));
        assert_eq!(persisted.day, Some(19_700));
        assert!(settings.egui_memory().is_some());
    }

    #[test]
    fn gather_keeps_only_the_window_in_eframes_storage() {
        let mut storage = Memory::default();
        storage.set_string(WINDOW_KEY, "(w)".into());
        storage.set_string(EGUI_KEY, "(e)".into());
        storage.set_string(STORAGE_KEY, "(old)".into());
        let settings = Settings::gather(&mut storage, &Persisted::default());
        assert_eq!(
            settings.0.keys().collect::<Vec<_>>(),
            [EGUI_KEY, STORAGE_KEY, WINDOW_KEY]
        );
        assert_eq!(settings.0[WINDOW_KEY], "(w)");
        assert_eq!(settings.persisted(), Some(Persisted::default()));
        assert_eq!(storage.0.keys().collect::<Vec<_>>(), [WINDOW_KEY]);
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_leaves_no_temporary_and_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: refused, nothing left behind.
        let folder = dir.path().join(SETTINGS_FILE);
        std::fs::create_dir(&folder).unwrap();
        assert!(sample().write(&folder).is_err());
        assert!(folder.is_dir());
        assert!(temporaries(dir.path()).is_empty());
        // A folder that cannot take a new file: the old settings stay byte for byte.
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        let path = locked.join(SETTINGS_FILE);
        Settings::default().write(&path).unwrap();
        let before = std::fs::read(&path).unwrap();
        set_read_only(&locked, true);
        let root = std::fs::write(locked.join("probe"), b"").is_ok();
        if root {
            // Root writes anyway: the case cannot be made here; the folder case above stands.
            std::fs::remove_file(locked.join("probe")).unwrap();
        } else {
            assert!(sample().write(&path).is_err());
            assert_eq!(std::fs::read(&path).unwrap(), before);
            assert!(temporaries(&locked).is_empty());
        }
        set_read_only(&locked, false);
        // A failure root cannot write past (more than 40 symbolic links to the settings):
        // the old file at the end of the chain stays byte for byte.
        let mut link = path.clone();
        for i in 0..41 {
            let next = locked.join(format!("link{i}"));
            std::os::unix::fs::symlink(&link, &next).unwrap();
            link = next;
        }
        assert!(sample().write(&link).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(temporaries(&locked).is_empty());
    }

    fn set_read_only(dir: &Path, read_only: bool) {
        let mut permissions = std::fs::metadata(dir).unwrap().permissions();
        permissions.set_readonly(read_only);
        std::fs::set_permissions(dir, permissions).unwrap();
    }

    #[test]
    fn an_unreadable_file_is_set_aside_with_a_note_and_app_ron_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        // No settings.ron yet: eframe's old app.ron is read once.
        let old = sample();
        old.write(&dir.path().join(EFRAME_FILE)).unwrap();
        let (loaded, note) = Settings::load(dir.path());
        assert_eq!((loaded, note), (old.clone(), None));
        // A settings file cut short: ignored, with a note naming it.
        let text = std::fs::read_to_string(dir.path().join(EFRAME_FILE)).unwrap();
        std::fs::write(dir.path().join(SETTINGS_FILE), &text[..text.len() / 2]).unwrap();
        let (loaded, note) = Settings::load(dir.path());
        assert_eq!(loaded, Settings::default());
        assert!(note.unwrap().contains(SETTINGS_FILE));
    }

    #[test]
    fn eframes_file_is_repaired_to_hold_only_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let app_ron = dir.path().join(EFRAME_FILE);
        std::fs::write(&app_ron, "{\"window\": \"(inner_").unwrap();
        let settings = sample();
        settings.sync_eframe_file(dir.path()).unwrap();
        let repaired = Settings::read(&app_ron).unwrap().unwrap();
        assert_eq!(repaired.0.keys().collect::<Vec<_>>(), [WINDOW_KEY]);
        assert_eq!(repaired.0[WINDOW_KEY], settings.0[WINDOW_KEY]);
        let modified = std::fs::metadata(&app_ron).unwrap().modified().unwrap();
        settings.sync_eframe_file(dir.path()).unwrap();
        assert_eq!(
            std::fs::metadata(&app_ron).unwrap().modified().unwrap(),
            modified
        );
    }
}
