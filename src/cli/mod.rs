//! The command line, all of it (as ripgrep keeps its `flags/`): every clap struct
//! ([`args`]), running a subcommand in-process ([`run`]) with the runners of `diff` and
//! `changelog` ([`change_list`]) and `chart` ([`chart`]), the state at a date, and checking
//! files. The domain modules (`export`, `model`) only export pure functions.

pub mod args;
pub mod change_list;
pub mod chart;
pub mod output;
pub mod run;
pub mod sheet;
pub mod signals;

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::io::{
    Diagnostic, FileKind, detect_kind, parse_countries, parse_scenario, read_file_bytes,
};
use crate::model::{Severity, Timeline};

/// One link in `state --json`.
#[derive(Debug, Serialize)]
pub struct LinkJson<'a> {
    /// Relationship id.
    pub id: &'a str,
    /// Its label, in the language asked for where the scenario translates it.
    pub label: &'a str,
    /// Its kind.
    pub kind: &'a str,
    /// Entity ids (`ADM0_A3` or organisation ids).
    pub parties: &'a [String],
    /// Status at the date.
    pub status: &'a str,
    /// Since when (`null` when in force since before the scenario's span).
    pub since: Option<String>,
    /// Sources of the event that set the status.
    pub sources: Vec<&'a str>,
    /// The last date a source confirmed the status (`null` when the scenario does not say).
    pub confirmed_until: Option<String>,
    /// Whether the status at the date is past `confirmed_until`, unconfirmed.
    pub unconfirmed: bool,
    /// Where the tie is on the ground (`{"name", "lon", "lat"}`), if the scenario says.
    pub site: Option<&'a crate::model::Site>,
    /// Troops at the date, where known (`null` once the tie has ended).
    pub troops: Option<u32>,
    /// Money at the date (`{"value", "currency"}`), where known.
    pub amount: Option<crate::model::Amount>,
}

/// One country in `state --json`.
#[derive(Debug, Serialize)]
pub struct CountryJson<'a> {
    /// `ADM0_A3`.
    pub id: &'a str,
    /// Name, in the language asked for where the scenario translates it.
    pub name: &'a str,
    /// `civilian` or `military`.
    pub government: &'a str,
    /// Leader, if known.
    pub leader: Option<String>,
    /// Since when, if an event set it.
    pub since: Option<String>,
}

/// The whole of `state --json`.
#[derive(Debug, Serialize)]
pub struct StateJson<'a> {
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// The language of the labels and names (`en`, `fr`).
    pub lang: crate::model::i18n::Lang,
    /// Every relationship that exists at the date, ended ones too.
    pub links: Vec<LinkJson<'a>>,
    /// Every state the scenario gives a government.
    pub countries: Vec<CountryJson<'a>>,
}

/// The state at `date` in the shape `state --json` prints.
pub fn state_json(timeline: &Timeline, date: jiff::civil::Date) -> StateJson<'_> {
    let scenario = timeline.scenario();
    let state = timeline.state_at_date(date);
    let lang = crate::model::i18n::current_lang();
    let links = state
        .links()
        .map(|l| {
            let rel = &scenario.relationships[l.relationship];
            LinkJson {
                id: &rel.id,
                label: rel.i18n.or(lang, "label", &rel.label),
                kind: rel.kind.as_str(),
                parties: &rel.parties,
                status: l.status.as_str(),
                since: l.since.map(|d| d.to_date().to_string()),
                sources: l
                    .event
                    .map(|e| {
                        scenario.events[e]
                            .sources
                            .iter()
                            .map(String::as_str)
                            .collect()
                    })
                    .unwrap_or_default(),
                confirmed_until: rel.confirmed_until.map(|d| d.to_string()),
                unconfirmed: l.last_confirmed.is_some(),
                site: rel.site.as_ref(),
                troops: l.size.troops,
                amount: l.size.amount,
            }
        })
        .collect();
    let countries = state
        .countries
        .iter()
        .map(|c| {
            let e = &scenario.entities[c.entity];
            CountryJson {
                id: &e.id,
                name: e.i18n.or(lang, "name", &e.name),
                government: c.government.as_str(),
                leader: c.leader.as_deref().map(str::to_owned),
                since: c.since.map(|d| d.to_date().to_string()),
            }
        })
        .collect();
    StateJson {
        date: date.to_string(),
        lang,
        links,
        countries,
    }
}

/// The state at `date` as a readable table.
pub fn state_table(timeline: &Timeline, date: jiff::civil::Date) -> String {
    let json = state_json(timeline, date);
    let mut out = String::new();
    let _ = writeln!(out, "State on {}", json.date);
    let _ = writeln!(out, "\nCountries");
    for c in &json.countries {
        let _ = writeln!(
            out,
            "  {:<4} {:<14} {:<9} {:<32} since {}",
            c.id,
            c.name,
            c.government,
            c.leader.as_deref().unwrap_or("-"),
            c.since.as_deref().unwrap_or("the start")
        );
    }
    let _ = writeln!(out, "\nLinks ({})", json.links.len());
    let width = json
        .links
        .iter()
        .map(|l| l.label.chars().count())
        .max()
        .unwrap_or(10)
        .min(70);
    for l in &json.links {
        let label: String = l.label.chars().take(70).collect();
        let _ = writeln!(
            out,
            "  {:<width$}  {:<12}  since {:<10}  {}{}",
            label,
            l.status,
            l.since.as_deref().unwrap_or("the start"),
            l.parties.join(", "),
            match (&l.confirmed_until, l.unconfirmed) {
                (Some(c), true) => format!("  (status last confirmed on {c})"),
                _ => String::new(),
            },
        );
        let size = crate::model::Size {
            troops: l.troops,
            amount: l.amount,
        };
        if !size.is_empty() || l.site.is_some() {
            let at = l.site.map(|s| format!("at {}", s.name));
            let parts: Vec<String> = at.into_iter().chain(Some(size.label())).collect();
            let _ = writeln!(out, "  {:<width$}  {}", "", parts.join("  ").trim_end());
        }
    }
    out
}

/// The outcome of `check` on one file.
#[derive(Debug)]
pub struct CheckReport {
    /// A one-line summary when the file is good.
    pub summary: Option<String>,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    /// Whether the file has errors.
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Checks one file: detects its kind and validates it.
pub fn check_file(path: &Path) -> CheckReport {
    let name = path.display().to_string();
    // An event layer is read as it streams: it may be larger than other files can be.
    if crate::io::detect_file_kind(path).is_ok_and(|k| k == FileKind::Events) {
        return event_report(
            &name,
            crate::io::read_event_layer(path, &crate::io::ColumnChoices::default()),
        );
    }
    let bytes = match read_file_bytes(path) {
        Ok(b) => b,
        Err(e) => {
            return CheckReport {
                summary: None,
                diagnostics: e.diagnostics,
            };
        }
    };
    check_bytes(&name, &bytes)
}

/// Checks bytes that came from a file called `name`.
pub fn check_bytes(name: &str, bytes: &[u8]) -> CheckReport {
    match detect_kind(bytes) {
        FileKind::Scenario => match parse_scenario(name, bytes) {
            Ok((scenario, warnings)) => CheckReport {
                summary: Some(format!(
                    "{name}: scenario: {} entities, {} relationships, {} events, {} – {}",
                    scenario.entities.len(),
                    scenario.relationships.len(),
                    scenario.events.len(),
                    scenario.span.start,
                    scenario.span.end
                )),
                diagnostics: warnings,
            },
            Err(e) => CheckReport {
                summary: None,
                diagnostics: e.diagnostics,
            },
        },
        FileKind::Events => check_events(name, bytes),
        FileKind::Countries => match parse_countries(name, bytes) {
            Ok(layer) => {
                let mut diagnostics = layer.warnings.clone();
                diagnostics.extend(crate::io::geometry_check::geometry_warnings(
                    name, bytes, &layer,
                ));
                CheckReport {
                    summary: Some(format!(
                        "{name}: countries: {} features, {} vertices, keyed by {}",
                        layer.countries.len(),
                        layer.vertex_count(),
                        layer.keyed_by()
                    )),
                    diagnostics,
                }
            }
            Err(e) => match (
                geojson_data_summary(name, bytes),
                crate::io::collection_findings(name, bytes),
            ) {
                // Good GeoJSON without polygons (an exported state, say): not a country layer,
                // but nothing wrong with it beyond what the warnings say.
                (Some(summary), Ok(warnings)) => CheckReport {
                    summary: Some(summary),
                    diagnostics: warnings,
                },
                (Some(_), Err(errors)) => CheckReport {
                    summary: None,
                    diagnostics: errors,
                },
                (None, _) => CheckReport {
                    summary: None,
                    diagnostics: e.diagnostics,
                },
            },
        },
    }
}

/// A summary of a valid RFC 7946 FeatureCollection whose features are all points and lines
/// with positions on the Earth, such as `sahel-atlas export --out FILE.geojson` writes.
/// `None` for anything else (then the country-layer errors stand).
fn geojson_data_summary(name: &str, bytes: &[u8]) -> Option<String> {
    use geojson::GeometryValue;
    let text = std::str::from_utf8(bytes).ok()?;
    let geojson::GeoJson::FeatureCollection(collection) = text.parse::<geojson::GeoJson>().ok()?
    else {
        return None;
    };
    let on_earth = |p: &geojson::Position| {
        let s = p.as_slice();
        (2..=3).contains(&s.len())
            && (-180.0..=180.0).contains(&s[0])
            && (-90.0..=90.0).contains(&s[1])
    };
    let (mut points, mut lines) = (0usize, 0usize);
    for feature in &collection.features {
        match &feature.geometry.as_ref()?.value {
            GeometryValue::Point { coordinates } if on_earth(coordinates) => points += 1,
            GeometryValue::LineString { coordinates }
                if coordinates.len() >= 2 && coordinates.iter().all(on_earth) =>
            {
                lines += 1;
            }
            _ => return None,
        }
    }
    Some(format!(
        "{name}: GeoJSON data, not a country layer: {} features ({lines} LineString, {points} Point)",
        collection.features.len()
    ))
}

/// Checks an event layer: a summary, and every row left out as an error at its place.
fn check_events(name: &str, bytes: &[u8]) -> CheckReport {
    let choices = crate::io::ColumnChoices::default();
    event_report(name, crate::io::parse_event_layer(name, bytes, &choices))
}

/// The `check` report of an event layer read, or why it could not be.
fn event_report(
    name: &str,
    loaded: Result<crate::io::EventLoad, crate::io::LoadError>,
) -> CheckReport {
    match loaded {
        Ok(load) => {
            let layer = &load.layer;
            let span = layer.span().map_or_else(String::new, |(a, b)| {
                format!(", {} – {}", a.to_date(), b.to_date())
            });
            let format = layer.format.map_or("event", |f| f.label());
            let mut summary = format!("{name}: {format} event layer: {} events{span}", layer.len());
            if load.skipped > 0 {
                summary.push_str(&format!(", {} rows left out", load.skipped));
            }
            let mut diagnostics = load.problems;
            if load.skipped > diagnostics.len() {
                diagnostics.push(crate::io::Diagnostic::error(
                    name,
                    crate::io::Where::File,
                    format!(
                        "and {} more rows left out",
                        load.skipped - diagnostics.len()
                    ),
                ));
            }
            CheckReport {
                summary: Some(summary),
                diagnostics,
            }
        }
        Err(e) => CheckReport {
            summary: None,
            diagnostics: e.diagnostics,
        },
    }
}

/// Runs `check` over files; returns the text to print and whether every file passed.
pub fn check_files(paths: &[impl AsRef<Path>]) -> (String, bool) {
    check_files_with(paths, false)
}

/// The provenance lists of `check --sources` for a scenario file that loads: its ties at
/// their LINE:COL as errors, or a summary line when none is listed. Nothing for other files
/// (their `check` report says what they are or what is wrong).
pub fn source_report(path: &Path) -> CheckReport {
    let name = path.display().to_string();
    let none = CheckReport {
        summary: None,
        diagnostics: Vec::new(),
    };
    let Ok(bytes) = read_file_bytes(path) else {
        return none;
    };
    if detect_kind(&bytes) != FileKind::Scenario {
        return none;
    }
    match crate::io::source_diagnostics(&name, &bytes) {
        Ok(diagnostics) if diagnostics.is_empty() => CheckReport {
            summary: Some(format!(
                "{name}: sources: every tie's beginning has a source, every status is confirmed within 12 months of research_until, none winds down past its notice"
            )),
            diagnostics,
        },
        Ok(diagnostics) => CheckReport {
            summary: None,
            diagnostics,
        },
        Err(_) => none,
    }
}

/// [`check_files`], with `sources` also the provenance lists of `check --sources` for each
/// scenario ([`source_report`]), after its check.
pub fn check_files_with(paths: &[impl AsRef<Path>], sources: bool) -> (String, bool) {
    let mut out = String::new();
    let mut ok = true;
    for path in paths {
        let mut reports = vec![check_file(path.as_ref())];
        if sources {
            reports.push(source_report(path.as_ref()));
        }
        for report in reports {
            ok &= print_report(&mut out, &report);
        }
    }
    (out, ok)
}

/// Writes a report as `check` prints it: the summary when it passed, then errors, then
/// warnings. Returns whether it passed.
fn print_report(out: &mut String, report: &CheckReport) -> bool {
    if let Some(summary) = &report.summary
        && !report.failed()
    {
        let _ = writeln!(out, "ok: {summary}");
    }
    for severity in [Severity::Error, Severity::Warning] {
        for d in report.diagnostics.iter().filter(|d| d.severity == severity) {
            let _ = writeln!(out, "{d}");
        }
    }
    !report.failed()
}
