//! Sources in panels. A web address ([`web_address`]) is a link that asks the app to open
//! it; anything else is plain text with a note (the interface's words for
//! [`crate::model::source::NOT_OPENED`]) and nothing to click.

use egui::RichText;

use crate::app::command::Command;
use crate::model::i18n::{tr, tr_args};
use crate::model::source::web_address;

/// One source shown as `text` ("source 1"): a link, or the address as text with the note.
pub(crate) fn source_ui(ui: &mut egui::Ui, text: &str, source: &str, commands: &mut Vec<Command>) {
    match web_address(source) {
        Some(address) => {
            if ui.link(text).on_hover_text(address).clicked() {
                commands.push(Command::OpenUrl(address.to_owned()));
            }
        }
        None => {
            let row = tr_args(
                "sources-not-opened-row",
                &[
                    ("text", text.into()),
                    ("source", source.into()),
                    ("why", tr("sources-not-opened").into()),
                ],
            );
            ui.label(RichText::new(row).weak());
        }
    }
}

/// "source 1", "source 2", …: each opens its address; hover shows it.
pub(crate) fn sources_ui(ui: &mut egui::Ui, sources: &[String], commands: &mut Vec<Command>) {
    for (k, source) in sources.iter().enumerate() {
        let text = tr_args("sources-numbered", &[("number", (k + 1).into())]);
        source_ui(ui, &text, source, commands);
    }
}

/// A source in a one-line row: a small "src" button, or a plain "src" whose hover text says
/// why it is not a link.
pub(crate) fn compact_source_ui(ui: &mut egui::Ui, source: &str, commands: &mut Vec<Command>) {
    match web_address(source) {
        Some(address) => {
            // Clickable, but not a stop for Tab: a list of 196 events would otherwise walk
            // through 196 "src" buttons (the current event's card lists its sources).
            let button = egui::Button::new(tr("sources-compact"))
                .small()
                .sense(egui::Sense::CLICK);
            if ui.add(button).on_hover_text(address).clicked() {
                commands.push(Command::OpenUrl(address.to_owned()));
            }
        }
        None => {
            ui.label(RichText::new(tr("sources-compact")).weak().small())
                .on_hover_text(format!("{source}: {}", tr("sources-not-opened")));
        }
    }
}
