//! The typed-path window: where no file dialog can be shown (i3, sway, minimal installs),
//! every Open and Export asks for its path here instead. Enter or the button carries it out;
//! Esc or Cancel closes it. File → Export animation… keeps its own path field.

use std::path::PathBuf;

use super::Cx;
use crate::app::path_purpose::PathPurpose;
use crate::model::i18n::tr;

/// The window, while a path is asked for.
pub(crate) fn path_prompt_window(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let Some(prompt) = cx.memory.path_prompt.as_mut() else {
        return;
    };
    let mut open = true;
    let mut chosen = None;
    let mut cancelled = false;
    egui::Window::new(prompt.purpose.title())
        .id(egui::Id::unique("path_prompt"))
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ui.ctx(), |ui| {
            ui.label(&prompt.why);
            let label = ui.label(tr("path-label"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut prompt.path).desired_width(380.0))
                .labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button(prompt.purpose.action()).clicked() || enter {
                    chosen = typed_path(&prompt.purpose, &prompt.path);
                }
                cancelled = ui.button(tr("path-cancel")).clicked();
            });
            if chosen.is_none() && (enter || prompt.path.trim().is_empty()) {
                ui.label(egui::RichText::new(tr("path-type-hint")).weak());
            }
        });
    if let Some(path) = chosen {
        let command = prompt.purpose.command(path);
        cx.memory.path_prompt = None;
        cx.push(command);
    } else if cancelled || !open {
        cx.memory.path_prompt = None;
    }
}

/// The path typed for `purpose`: `~/` is the home folder, and an export without an
/// extension gets its format's. `None` when nothing was typed.
pub(crate) fn typed_path(purpose: &PathPurpose, text: &str) -> Option<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut path = match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    };
    let ext = match purpose {
        PathPurpose::Open(_) => None,
        PathPurpose::Export(crate::export::Format::Png) => Some("png"),
        PathPurpose::Export(crate::export::Format::Svg) => Some("svg"),
        PathPurpose::Export(crate::export::Format::GeoJson) => Some("geojson"),
        PathPurpose::Export(crate::export::Format::Csv) => Some("csv"),
        PathPurpose::Changes(true) => Some("md"),
        PathPurpose::Changes(false) => Some("csv"),
        PathPurpose::Animation(format) => Some(format.extension()),
        PathPurpose::SaveAs => Some("json"),
        // A folder (ending with a slash) gets one CSV file per sheet.
        PathPurpose::ExportSheet if text.ends_with('/') => None,
        PathPurpose::ExportSheet => Some("xlsx"),
    };
    if let Some(ext) = ext
        && path.extension().is_none()
    {
        path.set_extension(ext);
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::io::FileKind;

    #[test]
    fn a_typed_path_gets_its_formats_extension_and_nothing_typed_is_nothing() {
        let png = PathPurpose::Export(Format::Png);
        assert_eq!(
            typed_path(&png, " /x/map "),
            Some(PathBuf::from("/x/map.png"))
        );
        assert_eq!(
            typed_path(&png, "/x/map.png"),
            Some(PathBuf::from("/x/map.png"))
        );
        assert_eq!(
            typed_path(&PathPurpose::Changes(true), "/x/changes"),
            Some(PathBuf::from("/x/changes.md"))
        );
        let open = PathPurpose::Open(FileKind::Scenario);
        assert_eq!(
            typed_path(&open, "/x/scenario"),
            Some(PathBuf::from("/x/scenario"))
        );
        assert_eq!(typed_path(&png, "   "), None);
        assert_eq!(
            typed_path(&PathPurpose::ExportSheet, "/x/sheets/"),
            Some(PathBuf::from("/x/sheets/"))
        );
        assert_eq!(
            typed_path(&PathPurpose::SaveAs, "/x/mine"),
            Some(PathBuf::from("/x/mine.json"))
        );
    }
}
