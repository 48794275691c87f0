//! The events in the window for GIS tools: GeoJSON points or CSV rows, one per event shown
//! (the legend's type and actor filters applied), oldest first.

use serde_json::{Value, json};

use crate::io::event_details;
use crate::map::events::{EventOptions, layer_filters};
use crate::model::Day;

/// The columns of the CSV, and the properties of each GeoJSON point.
pub const EVENT_COLUMNS: [&str; 12] = [
    "layer",
    "id",
    "date",
    "event_type",
    "actor1",
    "actor2",
    "country",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
    "source",
];

/// One event's values, in [`EVENT_COLUMNS`] order.
fn rows(events: &EventOptions, day: Day) -> Vec<[String; 12]> {
    let filters = layer_filters(&events.layers, &events.filter);
    let Some(marks) = events.marks(day, &filters) else {
        return Vec::new();
    };
    marks
        .shown()
        .map(|(l, i)| {
            let layer = &events.layers[l].layer;
            let details = event_details(layer, i);
            let [a1, a2] = layer.actors[i];
            [
                layer.name.clone(),
                details.id,
                layer.date(i).to_date().to_string(),
                layer.kind_name(i).to_owned(),
                layer.string(a1).to_owned(),
                layer.string(a2).to_owned(),
                layer.string(layer.country[i]).to_owned(),
                format!("{}", layer.lat[i]),
                format!("{}", layer.lon[i]),
                layer.fatalities[i].to_string(),
                details.notes,
                details.source,
            ]
        })
        .collect()
}

/// The events shown at `day` as a GeoJSON FeatureCollection of points, each with the
/// [`EVENT_COLUMNS`] but latitude and longitude as properties (`fatalities` a number).
pub fn events_geojson(events: &EventOptions, day: Day) -> String {
    let features: Vec<geojson::Feature> = rows(events, day)
        .into_iter()
        .map(|row| {
            let mut properties = serde_json::Map::new();
            for (name, value) in EVENT_COLUMNS.iter().zip(row.iter()) {
                match *name {
                    "latitude" | "longitude" => {}
                    "fatalities" => {
                        properties
                            .insert((*name).to_owned(), json!(value.parse::<u64>().unwrap_or(0)));
                    }
                    _ => {
                        properties.insert((*name).to_owned(), json!(value));
                    }
                }
            }
            let lon = row[8].parse::<f64>().unwrap_or(0.0);
            let lat = row[7].parse::<f64>().unwrap_or(0.0);
            super::state::feature(
                geojson::Geometry::new_point([lon, lat]),
                Value::Object(properties),
            )
        })
        .collect();
    super::state::collection_text(features)
}

/// A text cell made safe for spreadsheets: one beginning `=`, `+`, `-` or `@` gets a `'`
/// in front, so it is not run as a formula (OWASP's CSV-injection rule).
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The events shown at `day` as CSV with a header of [`EVENT_COLUMNS`], quoted by the `csv`
/// crate (RFC 4180); lines end in CRLF.
pub fn events_csv(events: &EventOptions, day: Day) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(EVENT_COLUMNS);
    for row in rows(events, day) {
        let record: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(k, v)| {
                if (7..=9).contains(&k) {
                    v.clone()
                } else {
                    cell(v)
                }
            })
            .collect();
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
