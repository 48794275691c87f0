//! The scenario as a spreadsheet (issue #21): JSON → XLSX (or CSV) → JSON gives the same
//! scenario, for random valid scenarios and the shipped one; a broken cell is reported at
//! its `SHEET!CELL` and no JSON is written; `sheet export` and `sheet import` as a process.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use proptest::prelude::*;
use sahel_atlas::io::sheet::{
    Cell, read_sheet_scenario, scenario_tables, tables_xlsx, write_sheets,
};
use sahel_atlas::model::{
    Amount, Change, Currency, DatePrecision, Entity, EntityKind, Event, Government, GovernmentForm,
    Group, Notice, Place, Relationship, RelationshipKind, SCENARIO_FORMAT, Scenario, ScenarioSpan,
    Severity, Site, Size, Status, check,
};

use sahel_atlas::model::i18n::Translations;

use crate::common::project_file;

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahel-sheet-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn shipped() -> Scenario {
    crate::common::timeline().scenario().clone()
}

/// Writes `scenario` to `out` (a workbook or a folder) and reads it back.
fn round_trip(scenario: &Scenario, out: &Path) -> Scenario {
    write_sheets(out, scenario).expect("sheets written");
    match read_sheet_scenario(out) {
        Ok((back, _warnings)) => back,
        Err(e) => panic!("read back: {e}"),
    }
}

#[test]
fn the_shipped_scenario_survives_xlsx_and_csv() {
    let dir = scratch("shipped");
    let scenario = shipped();
    assert_eq!(round_trip(&scenario, &dir.join("scenario.xlsx")), scenario);
    assert_eq!(round_trip(&scenario, &dir.join("csv/")), scenario);
    let names: Vec<String> = std::fs::read_dir(dir.join("csv"))
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    for sheet in sahel_atlas::io::sheet::SHEET_NAMES {
        assert!(names.contains(&format!("{sheet}.csv")), "{names:?}");
    }
}

#[test]
fn one_row_per_item_one_column_per_field_sources_one_per_line_dates_as_dates() {
    let scenario = shipped();
    let tables = scenario_tables(&scenario).expect("tables");
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "entities",
            "relationships",
            "events",
            "changes",
            "groups",
            "about"
        ]
    );
    let events = &tables[2];
    assert_eq!(events.rows.len(), scenario.events.len() + 1);
    let header: Vec<&Cell> = events.rows[0].iter().collect();
    assert_eq!(header[1], &Cell::Text("date".into()));
    let with_two_sources = scenario
        .events
        .iter()
        .position(|e| e.sources.len() == 2)
        .expect("an event with two sources");
    let row = &events.rows[with_two_sources + 1];
    assert_eq!(row[1], Cell::Date(scenario.events[with_two_sources].date));
    let sources = scenario.events[with_two_sources].sources.join("\n");
    assert!(row.contains(&Cell::Text(sources)), "{row:?}");
    let changes: usize = scenario.events.iter().map(|e| e.changes.len()).sum();
    assert_eq!(tables[3].rows.len(), changes + 1);
}

/// A broken workbook: the shipped scenario with one cell changed.
fn broken_workbook(dir: &Path, sheet: &str, row: usize, col: usize, cell: Cell) -> PathBuf {
    let mut tables = scenario_tables(&shipped()).expect("tables");
    let table = tables.iter_mut().find(|t| t.name == sheet).expect("sheet");
    table.rows[row][col] = cell;
    let path = dir.join("scenario.xlsx");
    std::fs::write(&path, tables_xlsx(&tables).expect("xlsx")).expect("write");
    path
}

#[test]
fn a_broken_cell_is_reported_at_its_sheet_and_cell() {
    let dir = scratch("broken");
    // events!C12: the effective date of the 11th event.
    let path = broken_workbook(&dir, "events", 11, 2, Cell::Text("2023-13-45".into()));
    let error = read_sheet_scenario(&path).expect_err("a bad date");
    let expected = format!(
        "{}:events!C12: error: \"2023-13-45\" is not a date",
        path.display()
    );
    assert_eq!(error.diagnostics[0].to_string(), expected);
    // A rule of `check`: a change naming an unknown tie, at its cell of `changes`.
    let tables = scenario_tables(&shipped()).expect("tables");
    let row = (1..tables[3].rows.len())
        .find(|&r| matches!(tables[3].rows[r][1], Cell::Text(_)))
        .expect("a tie change");
    let path = broken_workbook(&dir, "changes", row, 1, Cell::Text("no-such-tie".into()));
    let error = read_sheet_scenario(&path).expect_err("an unknown tie");
    let text = error.to_string();
    assert!(
        text.contains(&format!(":changes!B{}: error: event ", row + 1))
            && text.contains("unknown relationship \"no-such-tie\""),
        "{text}"
    );
    // A kind that is no kind, at its cell of `entities`.
    let path = broken_workbook(&dir, "entities", 3, 1, Cell::Text("empire".into()));
    let text = read_sheet_scenario(&path)
        .expect_err("a bad kind")
        .to_string();
    assert!(
        text.contains(":entities!B4: error: unknown variant `empire`"),
        "{text}"
    );
    // An unknown column header.
    let path = broken_workbook(&dir, "events", 0, 4, Cell::Text("headline".into()));
    let text = read_sheet_scenario(&path)
        .expect_err("a bad header")
        .to_string();
    assert!(
        text.contains(":events!E1: error: unknown column \"headline\""),
        "{text}"
    );
}

#[test]
fn sheet_export_and_import_as_a_process() {
    let dir = scratch("cli");
    let xlsx = dir.join("scenario.xlsx");
    let json = dir.join("scenario.json");
    let xlsx_arg = xlsx.display().to_string();
    let json_arg = json.display().to_string();
    let ran = crate::common::sahel_atlas(["sheet", "export", "--out", &xlsx_arg]);
    assert!(ran.ok, "{}", ran.stderr);
    assert!(ran.stdout.contains("Wrote"), "{}", ran.stdout);
    let ran = crate::common::sahel_atlas(["sheet", "import", &xlsx_arg, "--out", &json_arg]);
    assert!(ran.ok, "{}", ran.stderr);
    // The shipped scenario as the writer writes it (the shipped file's formatting).
    let shipped = sahel_atlas::io::scenario_json(&shipped()).into_bytes();
    assert_eq!(std::fs::read(&json).expect("written"), shipped);

    // A folder of CSV files, from a scenario given with --scenario.
    let folder = format!("{}/", dir.join("csv").display());
    let scenario = project_file("geodata/scenario.json").display().to_string();
    let ran =
        crate::common::sahel_atlas(["sheet", "export", "--scenario", &scenario, "--out", &folder]);
    assert!(ran.ok, "{}", ran.stderr);
    let from_csv = dir.join("from-csv.json").display().to_string();
    let ran = crate::common::sahel_atlas(["sheet", "import", &folder, "--out", &from_csv]);
    assert!(ran.ok, "{}", ran.stderr);
    assert_eq!(std::fs::read(&from_csv).expect("written"), shipped);

    // Errors: exit 1, every problem at its cell, and no JSON written.
    let broken = broken_workbook(&dir, "events", 11, 2, Cell::Text("2023-13-45".into()));
    let out = dir.join("never.json");
    let ran = crate::common::sahel_atlas([
        "sheet",
        "import",
        &broken.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(!ran.ok);
    assert_eq!(ran.code, Some(1));
    assert!(
        ran.stderr
            .contains("events!C12: error: \"2023-13-45\" is not a date"),
        "{}",
        ran.stderr
    );
    assert!(!out.exists(), "no JSON when there are errors");
    let ran = crate::common::sahel_atlas([
        "sheet",
        "export",
        "--out",
        &dir.join("a.pdf").display().to_string(),
    ]);
    assert!(!ran.ok && ran.stderr.contains(".xlsx"), "{}", ran.stderr);
}

const START: Date = Date::constant(2000, 1, 1);

fn day_after(days: i32) -> Date {
    START.saturating_add(jiff::SignedDuration::from_hours(i64::from(days) * 24))
}

/// Text as people type it: accents, quotes, formula-like starts (no control characters,
/// which the scenario format refuses).
fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("[=+@'\\-]?[A-Za-zéèô ,.\"'()0-9]{1,12}( [a-zç’]{1,6})?")
        .expect("regex")
}

/// A tie's size: troops and an amount, either or both absent (exact in a spreadsheet's
/// cells: up to 2^53).
fn size() -> impl Strategy<Value = Size> {
    let currency = prop::sample::select(vec!["EUR", "USD", "XOF"])
        .prop_map(|c| Currency::try_from(c.to_owned()).expect("currency"));
    (
        prop::option::of(any::<u32>()),
        prop::option::of((0u64..(1 << 53), currency)),
    )
        .prop_map(|(troops, amount)| Size {
            troops,
            amount: amount.map(|(value, currency)| Amount { value, currency }),
        })
}

/// Translations of some of `fields` into French or Arabic (text, never blank).
fn translations(fields: &'static [&'static str]) -> impl Strategy<Value = Translations> {
    prop::collection::btree_map(
        prop::sample::select(vec!["fr", "ar"]).prop_map(str::to_owned),
        prop::collection::btree_map(
            prop::sample::select(fields.to_vec()).prop_map(str::to_owned),
            "[A-Za-zéà’ ]{0,8}[a-zé]",
            1..3,
        ),
        0..3,
    )
    .prop_map(Translations)
}

fn notice() -> impl Strategy<Value = Option<Notice>> {
    prop::option::of(
        prop::sample::select(vec!["P6M", "P1Y", "P90D", "P2W", "P1Y6M"])
            .prop_map(|n| Notice::parse(n).expect("notice")),
    )
}

fn some_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text().prop_filter("non-blank", |t| !t.trim().is_empty()))
}

fn source() -> impl Strategy<Value = String> {
    "[a-z]{1,8}".prop_map(|p| format!("https://example.org/{p}?q=a&b=1"))
}

prop_compose! {
    fn entity_strategy(i: usize)(
        state in any::<bool>(), name in text(), short in some_text(),
        place in prop::option::of((-180.0f64..180.0, -90.0f64..90.0, some_text())),
        gov in prop::option::of((any::<bool>(), some_text(), prop::collection::vec(source(), 0..3))),
        i18n in translations(&["name", "short"]),
    ) -> Entity {
        let kind = if state { EntityKind::State } else { EntityKind::Organisation };
        Entity {
            id: format!("E{i}"), kind, name, short,
            place: place.map(|(lon, lat, label)| Place { lon, lat, label }),
            government: gov.filter(|_| state).map(|(military, leader, sources)| Government {
                form: if military { GovernmentForm::Military } else { GovernmentForm::Civilian },
                leader, sources,
            }),
            i18n,
        }
    }
}

prop_compose! {
    fn relationship_strategy(i: usize, entities: usize)(
        label in text(), short in some_text(),
        kind in prop::sample::select(RelationshipKind::ALL.to_vec()),
        a in 0..entities, b in 0..entities,
        in_force in any::<bool>(), start_sources in prop::collection::vec(source(), 0..3),
        confirmed in prop::option::of((0i32..9000, source())),
        site in prop::option::of(("[A-Z][a-z]{2,9}( [A-Z][a-z]{2,6})?", -180.0f64..180.0, -90.0f64..90.0)),
        i18n in translations(&["label", "short"]),
    ) -> Relationship {
        let b = if a == b { (b + 1) % entities } else { b };
        Relationship {
            id: format!("r-{i}"), label, short, kind,
            parties: vec![format!("E{a}"), format!("E{b}")],
            in_force_at_start: in_force, start_sources,
            confirmed_until: confirmed.as_ref().map(|(d, _)| day_after(*d)),
            confirmed_source: confirmed.map(|(_, s)| s),
            site: site.map(|(name, lon, lat)| Site { name, lon, lat }),
            i18n,
        }
    }
}

prop_compose! {
    fn event_strategy(i: usize, relationships: usize, entities: usize)(
        offset in 0i32..9000, delay in prop::option::of(0i32..400),
        precision in prop::sample::select(vec![DatePrecision::Day, DatePrecision::Month, DatePrecision::Year]),
        title in text(), summary in prop::option::of(text()), note in some_text(), confidence in prop::option::of(Just("low".to_owned())),
        sources in prop::collection::vec(source(), 1..4),
        changes in prop::collection::vec((0..relationships, prop::option::of(prop::sample::select(Status::ALL.to_vec())), any::<bool>(), size()), 0..3),
        government in prop::option::of((0..entities, any::<bool>(), some_text())),
        notice in notice(),
        i18n in translations(&["title", "summary"]),
    ) -> Event {
        let mut seen = std::collections::HashSet::new();
        let mut list: Vec<Change> = changes.into_iter().filter(|(r, ..)| seen.insert(*r)).map(|(r, status, size_only, size)| {
            let relationship = format!("r-{r}");
            match status {
                Some(status) => Change::Relationship { relationship, status, size },
                None if size_only && !size.is_empty() => Change::Size { relationship, size },
                None => Change::Reaffirmed { relationship, size },
            }
        }).collect();
        if let Some((e, military, leader)) = government {
            list.push(Change::State {
                state: format!("E{e}"),
                government: if military { GovernmentForm::Military } else { GovernmentForm::Civilian },
                leader,
            });
        }
        let date = day_after(offset);
        Event {
            id: format!("ev-{i}"), date, effective: delay.map(|d| date.saturating_add(jiff::SignedDuration::from_hours(i64::from(d) * 24))),
            precision, title, summary: summary.unwrap_or_default(), note, confidence, sources, notice, changes: list, i18n,
        }
    }
}

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    (2usize..6, 1usize..6, 0usize..12)
        .prop_flat_map(|(n_entities, n_relationships, n_events)| {
            (
                (0..n_entities).map(entity_strategy).collect::<Vec<_>>(),
                (0..n_relationships)
                    .map(|i| relationship_strategy(i, n_entities))
                    .collect::<Vec<_>>(),
                (0..n_events)
                    .map(|i| event_strategy(i, n_relationships, n_entities))
                    .collect::<Vec<_>>(),
                (
                    text(),
                    prop::option::of(text()),
                    prop::option::of(0i32..9000),
                    any::<bool>(),
                ),
            )
        })
        .prop_map(
            |(entities, relationships, mut events, (title, description, research, grouped))| {
                // Only states take governments.
                for event in &mut events {
                    event.changes.retain(|c| match c {
                        Change::State { state, .. } => entities
                            .iter()
                            .any(|e| &e.id == state && e.kind == EntityKind::State),
                        _ => true,
                    });
                }
                let groups = if grouped {
                    vec![
                        Group {
                            id: "western".into(),
                            label: "Western".into(),
                            colour: Some("#2c5aa0".into()),
                            members: vec![entities[0].id.clone()],
                            i18n: Translations(
                                [(
                                    "fr".to_owned(),
                                    [("label".to_owned(), "Occidentaux".to_owned())].into(),
                                )]
                                .into(),
                            ),
                        },
                        Group {
                            id: "other".into(),
                            label: "Other".into(),
                            colour: None,
                            members: entities[1..].iter().map(|e| e.id.clone()).collect(),
                            i18n: Translations::default(),
                        },
                    ]
                } else {
                    Vec::new()
                };
                Scenario {
                    format: SCENARIO_FORMAT.into(),
                    title,
                    description: description.unwrap_or_default(),
                    i18n: Default::default(),
                    span: ScenarioSpan {
                        start: START,
                        end: Date::constant(2026, 12, 31),
                    },
                    research_until: research.map(day_after),
                    groups,
                    entities,
                    relationships,
                    events,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn json_to_xlsx_to_json_is_lossless(scenario in scenario_strategy()) {
        prop_assume!(check(&scenario).iter().all(|p| p.severity != Severity::Error));
        let dir = scratch("prop");
        prop_assert_eq!(&round_trip(&scenario, &dir.join("s.xlsx")), &scenario);
        prop_assert_eq!(&round_trip(&scenario, &dir.join("csv/")), &scenario);
    }
}

/// The column of `header` in a table's first row.
fn column(table: &sahel_atlas::io::sheet::Table, header: &str) -> usize {
    table.rows[0]
        .iter()
        .position(|c| c == &Cell::Text(header.into()))
        .unwrap_or_else(|| panic!("no column {header} in {}", table.name))
}

#[test]
fn sites_sizes_and_notices_have_their_columns() {
    let scenario = shipped();
    let tables = scenario_tables(&scenario).expect("tables");
    let (relationships, events, changes) = (&tables[1], &tables[2], &tables[3]);
    // A tie's site: name, longitude, latitude.
    let r = scenario
        .relationships
        .iter()
        .position(|r| r.site.is_some())
        .expect("a tie with a site");
    let site = scenario.relationships[r].site.clone().expect("site");
    let row = &relationships.rows[r + 1];
    assert_eq!(
        row[column(relationships, "site.name")],
        Cell::Text(site.name)
    );
    assert_eq!(
        row[column(relationships, "site.lon")],
        Cell::Number(site.lon)
    );
    assert_eq!(
        row[column(relationships, "site.lat")],
        Cell::Number(site.lat)
    );
    // An event's notice.
    let e = scenario
        .events
        .iter()
        .position(|e| e.notice.is_some())
        .expect("an event with a notice");
    let notice = scenario.events[e].notice.expect("notice").to_string();
    assert_eq!(
        events.rows[e + 1][column(events, "notice")],
        Cell::Text(notice)
    );
    // A change's troops and amount, as numbers, and the amount's currency.
    let troops = column(changes, "troops");
    let value = column(changes, "amount.value");
    let currency = column(changes, "amount.currency");
    let all: Vec<&Change> = scenario.events.iter().flat_map(|e| &e.changes).collect();
    let size = |c: &Change| match c {
        Change::Relationship { size, .. }
        | Change::Reaffirmed { size, .. }
        | Change::Size { size, .. } => *size,
        Change::State { .. } => Size::default(),
    };
    let with_troops = all.iter().position(|c| size(c).troops.is_some());
    let with_troops = with_troops.expect("a change with troops");
    let t = size(all[with_troops]).troops.expect("troops");
    assert_eq!(
        changes.rows[with_troops + 1][troops],
        Cell::Number(f64::from(t))
    );
    let with_amount = all.iter().position(|c| size(c).amount.is_some());
    let with_amount = with_amount.expect("a change with an amount");
    let amount = size(all[with_amount]).amount.expect("amount");
    let row = &changes.rows[with_amount + 1];
    assert_eq!(row[value], Cell::Number(amount.value as f64));
    assert_eq!(row[currency], Cell::Text(amount.currency.as_str().into()));
    // A size-only change comes back as one (neither a status nor a reaffirmation).
    assert!(
        all.iter().any(|c| matches!(c, Change::Size { .. })),
        "the shipped file has size-only changes"
    );
}

#[test]
fn a_broken_size_is_reported_at_its_cell() {
    let dir = scratch("broken-size");
    let tables = scenario_tables(&shipped()).expect("tables");
    let changes = &tables[3];
    let troops = column(changes, "troops");
    let row = (1..changes.rows.len())
        .find(|&r| matches!(changes.rows[r][troops], Cell::Number(_)))
        .expect("a change with troops");
    let path = broken_workbook(&dir, "changes", row, troops, Cell::Text("many".into()));
    let text = read_sheet_scenario(&path)
        .expect_err("troops that are no number")
        .to_string();
    let cell = sahel_atlas::io::sheet::cell_name(row, troops);
    assert!(
        text.contains(&format!(
            ":changes!{cell}: error: \"many\" is not a whole number"
        )),
        "{text}"
    );
    // A notice that is no period, at its cell of `events`.
    let events = &tables[2];
    let notice = column(events, "notice");
    let path = broken_workbook(&dir, "events", 5, notice, Cell::Text("six months".into()));
    let text = read_sheet_scenario(&path)
        .expect_err("a notice that is no period")
        .to_string();
    let cell = sahel_atlas::io::sheet::cell_name(5, notice);
    assert!(
        text.contains(&format!(":events!{cell}: error: notice \"six months\"")),
        "{text}"
    );
    // A line break in a title: refused as the JSON reader refuses it, at its cell.
    let title = column(events, "title");
    let path = broken_workbook(&dir, "events", 7, title, Cell::Text("Two\nlines".into()));
    let text = read_sheet_scenario(&path)
        .expect_err("a control character")
        .to_string();
    let cell = sahel_atlas::io::sheet::cell_name(7, title);
    assert!(
        text.contains(&format!(":events!{cell}: error: ")) && text.contains("U+000A"),
        "{text}"
    );
}
