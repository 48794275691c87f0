//! Editing, event layers and change lists in French (issue #23): the Markdown change lists of
//! `diff` and `changelog` with `--lang fr`, the scenario's own title translated (and `check`
//! warning on a translation of a field the scenario does not have), the Edit → Add event form
//! (with `check`'s problem beside a field) and an event layer's legend section and column
//! dialog read in French in the app.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::model::i18n::Lang;

use crate::app_ui::{harness, wait_idle};
use crate::common::{Ran, day, fixture, sahel_atlas};

/// Non-breaking space, as French puts before `:` and `;`.
const NB: char = '\u{a0}';

/// `diff --markdown` from 25 Jul to 31 Dec 2023 in `lang`.
fn diff_markdown(lang: &str) -> Ran {
    sahel_atlas([
        "diff",
        "--from",
        "2023-07-25",
        "--to",
        "2023-12-31",
        "--markdown",
        "--lang",
        lang,
    ])
}

#[test]
fn diff_markdown_in_french_has_french_words_dates_and_names() {
    let ran = diff_markdown("fr");
    assert!(ran.ok, "{ran:?}");
    let md = ran.stdout;
    assert!(
        md.starts_with("# Ce qui a changé du 25 juil. 2023 au 31 déc. 2023\n"),
        "{md}"
    );
    // The scenario's French title, the count's words, a state's French name.
    assert!(
        md.contains("liens ont changé de statut (Liens de sécurité au Sahel, 2012–2026)."),
        "{md}"
    );
    assert!(md.contains("\n## Tchad\n"), "no heading for Chad in French");
    // A tie's kind and statuses in French, with French punctuation.
    assert!(
        md.contains(&format!("{NB}: terminé, actif → terminé")),
        "{md}"
    );
    assert!(md.contains("(déploiement de troupes"), "{md}");
    // An event line: its date the French way, its sources after "sources :".
    assert!(
        md.contains(&format!("31 déc. 2023{NB}: "))
            && md.contains(&format!("(sources{NB}: [1](https://")),
        "{md}"
    );
    for english in [
        "What changed",
        "changed status",
        "(sources: ",
        " Dec 2023",
        "active →",
    ] {
        assert!(!md.contains(english), "English left: {english:?}");
    }

    // The same list in English, for contrast.
    let en = diff_markdown("en");
    assert!(
        en.stdout
            .starts_with("# What changed from 25 Jul 2023 to 31 Dec 2023")
    );
    assert!(
        en.stdout
            .contains("ties changed status (Sahel security ties, 2012–2026).")
    );
}

#[test]
fn changelog_markdown_in_french_has_french_words_and_dates() {
    let ran = sahel_atlas(["changelog", "--markdown", "--lang", "fr", "--year", "2023"]);
    assert!(ran.ok, "{ran:?}");
    let md = ran.stdout;
    assert!(
        md.starts_with(
            "# Liens nés et terminés, par année\n\nLiens de sécurité au Sahel, 2012–2026\n"
        ),
        "{md}"
    );
    assert!(md.contains("**Nés** ("), "{md}");
    assert!(md.contains("**Terminés** ("), "{md}");
    // ECOWAS's sanctions on Niger began on 30 July 2023: label and title in French.
    let line = md
        .lines()
        .find(|l| l.contains(&format!("30 juil. 2023{NB}: ")))
        .unwrap_or_else(|| panic!("no entry dated 30 juil. 2023: {md}"));
    assert!(line.starts_with("- **"), "{line}");
    assert!(line.contains(&format!("**{NB}: ")), "{line}");
    assert!(
        line.contains(&format!("(sources{NB}: [1](https://")),
        "{line}"
    );
    assert!(!md.contains("Began") && !md.contains(" Jul 2023"), "{md}");
}

/// tiny_fr.json with a French title for the scenario itself, and a misspelt field.
fn tiny_with_scenario_translation(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("scenario/tiny_fr.json")).expect("fixture");
    let text = text.replacen(
        "\"title\": \"Tiny\",\n",
        "\"title\": \"Tiny\",\n  \"i18n\": {\"fr\": {\"title\": \"Minuscule\", \"titel\": \"Petit\"}},\n",
        1,
    );
    let path = dir.join("tiny_fr.json");
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn the_scenario_s_own_title_takes_a_translation_and_check_warns_on_an_unknown_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = tiny_with_scenario_translation(dir.path());
    let path = path.to_str().expect("utf-8 path");
    let log = |lang: &str| {
        let ran = sahel_atlas([
            "changelog",
            "--markdown",
            "--lang",
            lang,
            "--scenario",
            path,
        ]);
        assert!(ran.ok, "{ran:?}");
        ran.stdout
    };
    assert!(log("fr").contains("\n\nMinuscule\n"), "{}", log("fr"));
    assert!(log("en").contains("\n\nTiny\n"), "{}", log("en"));

    let ran = sahel_atlas(["check", path]);
    assert!(ran.ok, "warnings only: {ran:?}");
    let report = format!("{}{}", ran.stdout, ran.stderr);
    let titel = report
        .lines()
        .find(|l| l.contains("\"titel\""))
        .unwrap_or_else(|| panic!("no warning on titel: {report}"));
    assert!(titel.contains("warning"), "{titel}");
    assert!(
        titel.contains("scenario: i18n.fr translates \"titel\", which scenarios do not have"),
        "{titel}"
    );
    assert!(titel.contains("did you mean \"title\""), "{titel}");
    // The title itself is a field the scenario has: no warning.
    assert!(!report.contains("\"title\", which"), "{report}");
}

fn french_app() -> Harness<'static, SahelApp> {
    let mut h = harness();
    h.state_mut().push(Command::SetLang(Some(Lang::Fr)));
    h.run_steps(3);
    h
}

fn set_day(h: &mut Harness<'_, SahelApp>, date: &str) {
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDay(day(date))));
    h.run_steps(3);
}

#[test]
fn the_add_event_form_reads_in_french() {
    let mut h = french_app();
    set_day(&mut h, "2023-12-04");
    h.get_by_label("Édition").click();
    h.run_steps(2);
    h.get_by_label("Ajouter un événement au 4 décembre 2023…")
        .click();
    h.run_steps(4);
    // The window, its fields and buttons.
    h.get_by_label("Événement");
    for label in [
        "Date",
        "Prise d’effet (facultatif)",
        "Précision",
        "Titre",
        "Résumé",
        "Confiance",
        "Sources (une par ligne)",
        "Préavis (facultatif, P6M)",
        "Identifiant",
        "Ce qu’il change",
        "+ Statut d’un lien",
        "+ Changement de gouvernement",
        "Supprimer l’événement",
    ] {
        h.get_by_label(label);
    }
    h.get_by_role_and_label(Role::RadioButton, "jour");
    // check's problem beside the sources, in French: the new event has none yet.
    h.get_by_label(&format!(
        "aucune source{NB}: donnez au moins une adresse web"
    ));
    // The new event's title is French too.
    let app = h.state();
    let scenario = app.timeline().scenario();
    assert!(
        scenario
            .events
            .iter()
            .any(|e| e.title == "Nouvel événement"),
        "no event titled Nouvel événement"
    );
    // A date that does not read is said in French beside its field.
    h.get_by_role_and_label(Role::TextInput, "Date").click();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Date")
        .type_text("demain");
    h.run_steps(4);
    h.get_by_label("«\u{a0}demain\u{a0}» n’est pas une date (AAAA-MM-JJ)");
    // A change row's words.
    h.get_by_label("+ Statut d’un lien").click();
    h.run_steps(3);
    h.get_by_label("Soldats");
    h.get_by_label("Montant");
    h.get_by_label("Devise");
}

#[test]
fn an_event_layer_s_legend_and_column_dialog_read_in_french() {
    let mut h = french_app();
    h.state_mut()
        .push(Command::Load(fixture("events/acled_31.csv"), None));
    h.step();
    wait_idle(&mut h);
    assert_eq!(
        h.state().document.events.len(),
        1,
        "{:?}",
        h.state().view.messages
    );
    set_day(&mut h, "2023-07-31");
    h.get_by_label("Événements de conflit");
    h.get_by_label_contains(&format!("ACLED{NB}: 6 événements"));
    h.get_by_label_contains("4 événements, 18 morts dans la fenêtre finissant le 31 juil. 2023");
    h.get_by_label(&format!("Fenêtre{NB}:"));
    h.get_by_label("Tout");
    h.get_by_label("30\u{202f}j");
    h.get_by_label(&format!("Hexagones{NB}:"));
    h.get_by_label("Morts");
    // ACLED's event types under their French names; the filter keeps the data's.
    h.get_by_role_and_label(Role::CheckBox, "Combats").click();
    h.run_steps(3);
    assert_eq!(
        h.state().view.events.filter.hidden_kinds,
        vec!["Battles".to_owned()]
    );

    // A CSV whose columns are not recognised: the dialog asks in French.
    h.state_mut()
        .push(Command::Load(fixture("events/generic.csv"), None));
    h.step();
    wait_idle(&mut h);
    h.get_by_label("Choisir les colonnes des événements");
    h.get_by_label_contains("Quelles colonnes les contiennent");
    h.get_by_label("Latitude");
    h.get_by_label("Charger");
    h.get_by_label("Annuler");
}

#[test]
fn help_about_shows_the_scenario_s_french_title_and_description() {
    let mut h = french_app();
    h.get_by_label("Aide").click();
    h.run_steps(2);
    h.get_by_label("À propos de Sahel Atlas").click();
    h.run_steps(3);
    h.get_by_label(&format!(
        "Scénario{NB}: Liens de sécurité au Sahel, 2012–2026"
    ));
    h.get_by_label("Une carte de bureau des liens de sécurité du Sahel au fil du temps");
    h.get_by_label("Ce que couvre le scénario").click();
    h.run_steps(3);
    h.get_by_label_contains("Les liens de sécurité des États du Sahel central (Mali,");
    // The window title names the scenario in French too (the embedded one has no file).
    assert_eq!(
        sahel_atlas::app::editing::window_title(
            h.state().timeline().scenario().title_in(Lang::Fr),
            None,
            false
        ),
        "Liens de sécurité au Sahel, 2012–2026 — Sahel Atlas"
    );
}

#[test]
fn a_picture_with_an_event_layer_has_its_caption_in_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("events.svg");
    let events = fixture("events/acled_31.csv");
    let run = |lang: &str| {
        let ran = sahel_atlas([
            "render",
            "--lang",
            lang,
            "--events",
            events.to_str().expect("utf-8 path"),
            "--window",
            "30d",
            "--at",
            "2023-07-31",
            "--out",
            svg.to_str().expect("utf-8 path"),
        ]);
        assert!(ran.ok, "{ran:?}");
        std::fs::read_to_string(&svg).expect("svg written")
    };
    let fr = run("fr");
    assert!(
        fr.contains("Événements de conflit, les 30 jours jusqu’au 31 juil. 2023 ("),
        "no French caption"
    );
    assert!(
        fr.contains("acled_31.csv (ACLED)"),
        "the layer is not named"
    );
    let en = run("en");
    assert!(en.contains("Conflict events, the 30 days to 31 Jul 2023 ("));
}
