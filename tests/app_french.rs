//! The app in French (issue #23): the legend, a country's details, the date, the event card,
//! and a summary without a French translation marked as English.

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::model::i18n::Lang;

use crate::common::{day, in_lang};

/// Whether some node's label holds `text` (several may: the card and the list).
fn shows(h: &Harness<'_, SahelApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// The app on the embedded data in French, at the seed date (4 December 2023).
fn french_harness() -> Harness<'static, SahelApp> {
    let mut h = Harness::builder()
        .with_size(Vec2::new(1500.0, 920.0))
        .with_max_steps(400)
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            in_lang(SahelApp::new(), Lang::Fr),
        );
    h.run_steps(3);
    crate::app_ui::wait_idle(&mut h);
    h
}

#[test]
fn the_date_the_legend_and_the_event_list_read_in_french() {
    let h = french_harness();
    assert_eq!(h.state().day(), day("2023-12-04"));
    // The big date of the time bar.
    h.get_by_label("4 décembre 2023");
    assert!(h.query_by_label("4 December 2023").is_none());
    // The legend's sections and rows.
    h.get_by_label_contains("Légende et filtres");
    h.get_by_label_contains("Liens par statut");
    h.get_by_label_contains("Actif (");
    h.get_by_label_contains("Afficher tous les liens");
    // The time bar's controls and the event list.
    h.get_by_label_contains("Événement suivant");
    h.get_by_label_contains("Aller à la date");
    h.get_by_label_contains("Filtrer les événements");
    // An event of the day under its French title.
    assert!(shows(&h, "Le Niger met fin aux deux missions de l’UE"));
    assert!(
        h.query_by_label_contains("Niger ends the EU's two missions")
            .is_none()
    );
    // No English word of these panels is left.
    for english in [
        "Find a country",
        "Legend and filters",
        "Next event",
        "Filter events",
    ] {
        assert!(
            h.query_by_label_contains(english).is_none(),
            "{english:?} is still in English"
        );
    }
}

#[test]
fn a_countrys_details_read_in_french() {
    let mut h = french_harness();
    // The map names Mali too: the details add one more "Mali".
    let before = h.query_all_by_label("Mali").count();
    h.state_mut()
        .push(Command::SelectCountry(Some("MLI".to_owned())));
    h.run_steps(3);
    // Its name, in French (the same word), and the panel's words.
    assert!(
        h.query_all_by_label("Mali").count() > before,
        "Mali in the details panel"
    );
    h.get_by_label("Au 4 décembre 2023");
    h.get_by_label_contains("Gouvernement\u{a0}: militaire");
    h.get_by_label_contains("Liens (");
    h.get_by_label_contains("Population");
    h.get_by_label_contains("millions d’habitants");
    // A tie under its French label, its status and since when in French.
    h.get_by_label_contains("• Coopération militaire Russie-Mali");
    assert!(shows(&h, "— Actif depuis le "));
    assert!(
        h.query_by_label_contains("Russia–Mali military cooperation")
            .is_none()
    );
    assert!(h.query_by_label_contains("Government:").is_none());
    // Chad is Tchad.
    let before = h.query_all_by_label("Tchad").count();
    h.state_mut()
        .push(Command::SelectCountry(Some("TCD".to_owned())));
    h.run_steps(3);
    assert!(
        h.query_all_by_label("Tchad").count() > before,
        "Tchad in the details panel"
    );
}

/// The tiny scenario in French at its first event, whose summary is given in English only
/// (`fr_summary`: its French translation, if any).
fn tiny_in_french(fr_summary: Option<&str>) -> Harness<'static, SahelApp> {
    let bytes = std::fs::read(crate::common::fixture("scenario/tiny_fr.json")).expect("fixture");
    let (mut scenario, _) =
        sahel_atlas::io::parse_scenario("tiny_fr.json", &bytes).expect("tiny scenario");
    scenario.events[0].summary = "The mission starts, in English.".to_owned();
    if let Some(fr) = fr_summary {
        scenario.events[0]
            .i18n
            .0
            .entry("fr".to_owned())
            .or_default()
            .insert("summary".to_owned(), fr.to_owned());
    }
    let document = sahel_atlas::app::document::Document::new(
        crate::common::coarse(),
        None,
        std::sync::Arc::new(sahel_atlas::model::Timeline::new(scenario)),
    );
    let mut app = in_lang(SahelApp::with_document(document), Lang::Fr);
    app.push(Command::Time(TimeCommand::SetDay(day("2020-03-01"))));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1500.0, 920.0))
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(3);
    h
}

#[test]
fn a_summary_without_french_is_shown_in_english_and_marked_so() {
    let h = tiny_in_french(None);
    // The card: the French title, the English summary, and the mark.
    assert!(shows(&h, "Début"));
    h.get_by_label("The mission starts, in English.");
    h.get_by_label("(en anglais)");

    // With its French translation, the summary is French and unmarked.
    let h = tiny_in_french(Some("La mission commence."));
    h.get_by_label("La mission commence.");
    assert!(h.query_by_label("(en anglais)").is_none());
    assert!(
        h.query_by_label("The mission starts, in English.")
            .is_none()
    );
}

#[test]
fn view_language_switches_the_panels_at_once() {
    let mut h = french_harness();
    h.get_by_label("4 décembre 2023");
    h.state_mut().push(Command::SetLang(Some(Lang::En)));
    h.run_steps(3);
    h.get_by_label("4 December 2023");
    h.get_by_label_contains("Legend and filters");
    assert!(h.query_by_label_contains("Légende et filtres").is_none());
}

#[test]
fn find_a_country_knows_its_french_name() {
    let layer = crate::common::coarse();
    let found = sahel_atlas::map::search::search_countries(layer.countries(), "tchad");
    let first = found.first().map(|&i| layer.countries()[i].key.as_str());
    assert_eq!(first, Some("TCD"));
    let found = sahel_atlas::map::search::search_countries(layer.countries(), "Côte");
    assert!(found.iter().any(|&i| layer.countries()[i].key == "CIV"));
}

#[test]
fn a_country_s_region_reads_in_french() {
    let mut h = french_harness();
    h.state_mut()
        .push(Command::SelectCountry(Some("NER".to_owned())));
    h.run_steps(3);
    assert!(shows(&h, "Afrique de l’Ouest"));
    assert!(shows(&h, "PIB"));
    assert!(!shows(&h, "Western Africa"));
}

#[test]
fn organisations_are_labelled_with_their_french_acronyms() {
    let h = french_harness();
    let labels: Vec<&str> = h
        .state()
        .scene()
        .nodes
        .iter()
        .map(|n| n.label.as_str())
        .collect();
    for french in ["UE", "OTAN", "CEDEAO", "ONU"] {
        assert!(labels.contains(&french), "{french} not in {labels:?}");
    }
    for english in ["EU", "NATO", "ECOWAS", "UN"] {
        assert!(!labels.contains(&english), "{english} in {labels:?}");
    }
}
