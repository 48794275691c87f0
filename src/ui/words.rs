//! Words the panels share: the mark on a text shown in English for want of a translation,
//! "since …" of a tie, an event's summary for a tooltip, a date field's width, a
//! government's form.

use egui::RichText;

use crate::model::i18n::{Lang, current_lang, format_day_short, tr, tr_args};
use crate::model::{Day, Event};

/// "since 4 Dec 2023" ("depuis le 4 déc. 2023"), or "since before the span".
pub(crate) fn since(day: Option<Day>) -> String {
    match day {
        Some(d) => tr_args(
            "details-since",
            &[("date", format_day_short(d.to_date(), current_lang()).into())],
        ),
        None => tr("details-since-start"),
    }
}

/// The small "(en anglais)" mark, with a tooltip saying why.
pub(crate) fn in_english_mark(ui: &mut egui::Ui) {
    ui.label(
        RichText::new(tr("details-in-english"))
            .weak()
            .small()
            .italics(),
    )
    .on_hover_text(tr("details-in-english-hint"));
}

/// An event's summary for a tooltip, ending with "(en anglais)" where it is the English one.
pub(crate) fn summary_hover(event: &Event, lang: Lang) -> String {
    let summary = event.summary_in(lang);
    if summary.fallback {
        format!("{}\n{}", summary.text, tr("details-in-english"))
    } else {
        summary.text.to_owned()
    }
}

/// The width of a date field: at least its hint ("YYYY-MM-DD", "AAAA-MM-JJ") in full.
pub(crate) fn date_field_width(ui: &egui::Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let hint = ui
        .painter()
        .layout_no_wrap(tr("time-date-format"), font, egui::Color32::WHITE);
    (hint.size().x + 2.0 * ui.spacing().button_padding.x + 4.0).max(90.0)
}

/// "civilian", "military" ("civil", "militaire"): a government's form as the panels say it.
pub(crate) fn government_word(form: crate::model::GovernmentForm) -> String {
    match form {
        crate::model::GovernmentForm::Civilian => tr("details-government-civilian"),
        crate::model::GovernmentForm::Military => tr("details-government-military"),
    }
}
