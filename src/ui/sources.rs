//! Sources in panels. A web address ([`web_address`]) is a link that asks the app to open
//! it; anything else is plain text with a note ([`NOT_OPENED`]) and nothing to click.

use egui::RichText;

use crate::app::command::Command;
use crate::model::source::{NOT_OPENED, web_address};

/// One source shown as `text` ("source 1"): a link, or the address as text with the note.
pub(crate) fn source_ui(ui: &mut egui::Ui, text: &str, source: &str, commands: &mut Vec<Command>) {
    match web_address(source) {
        Some(address) => {
            if ui.link(text).on_hover_text(address).clicked() {
                commands.push(Command::OpenUrl(address.to_owned()));
            }
        }
        None => {
            ui.label(RichText::new(format!("{text}: {source} ({NOT_OPENED})")).weak());
        }
    }
}

/// "source 1", "source 2", …: each opens its address; hover shows it.
pub(crate) fn sources_ui(ui: &mut egui::Ui, sources: &[String], commands: &mut Vec<Command>) {
    for (k, source) in sources.iter().enumerate() {
        source_ui(ui, &format!("source {}", k + 1), source, commands);
    }
}

/// A source in a one-line row: a small "src" button, or a plain "src" whose hover text says
/// why it is not a link.
pub(crate) fn compact_source_ui(ui: &mut egui::Ui, source: &str, commands: &mut Vec<Command>) {
    match web_address(source) {
        Some(address) => {
            if ui.small_button("src").on_hover_text(address).clicked() {
                commands.push(Command::OpenUrl(address.to_owned()));
            }
        }
        None => {
            ui.label(RichText::new("src").weak().small())
                .on_hover_text(format!("{source}: {NOT_OPENED}"));
        }
    }
}
