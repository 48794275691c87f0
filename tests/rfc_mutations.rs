//! Property tests: a valid small layer, with RFC-shaped mutations applied to some of its
//! features (reversed rings, unclosed rings, duplicated members, overlapping parts, holes
//! touching their outer ring at a point), and each generated file checked against what the
//! mutation should produce: ok without a word, a warning at that feature, or an error at the
//! duplicated member's line and column.

use proptest::prelude::*;
use sahel_atlas::cli::check_bytes;
use sahel_atlas::io::{Where, parse_countries};
use sahel_atlas::model::Severity;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Member {
    /// A second `ADM0_A3` in the properties.
    Key,
    /// A second `NAME` in the properties.
    Name,
    /// A second `geometry` in the feature.
    Geometry,
    /// A second `type` in the geometry.
    GeometryType,
}

impl Member {
    fn name(self) -> &'static str {
        match self {
            Self::Key => "ADM0_A3",
            Self::Name => "NAME",
            Self::Geometry => "geometry",
            Self::GeometryType => "type",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mutation {
    /// The outer ring clockwise (RFC 7946 §3.1.6: readers SHOULD NOT reject it).
    ReversedRing,
    /// The outer ring's closing position dropped (§3.1.6 MUST: closed with a warning).
    UnclosedRing,
    /// A member twice in one object (RFC 8259 §4 SHOULD: an error at the second).
    DuplicatedMember(Member),
    /// A second part that overlaps the first (a warning from `check`).
    OverlappingPart,
    /// A hole that touches the outer ring at one point (valid: no word).
    HoleTouching,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::ReversedRing),
        Just(Mutation::UnclosedRing),
        prop::sample::select(vec![
            Member::Key,
            Member::Name,
            Member::Geometry,
            Member::GeometryType
        ])
        .prop_map(Mutation::DuplicatedMember),
        Just(Mutation::OverlappingPart),
        Just(Mutation::HoleTouching),
    ]
}

const KEYS: [&str; 6] = ["NER", "MLI", "BFA", "TCD", "MRT", "SEN"];

fn ring(points: &[(f64, f64)]) -> String {
    let p: Vec<String> = points.iter().map(|(x, y)| format!("[{x}, {y}]")).collect();
    format!("[{}]", p.join(", "))
}

/// Feature `i`: a 10° square (counter-clockwise, as RFC 7946 asks), some with a square hole,
/// with the mutation applied.
fn feature(i: usize, with_hole: bool, mutation: Option<Mutation>) -> String {
    let x = -60.0 + 20.0 * i as f64;
    let y = 0.0;
    let mut outer = vec![
        (x, y),
        (x + 10.0, y),
        (x + 10.0, y + 10.0),
        (x, y + 10.0),
        (x, y),
    ];
    let mut holes = Vec::new();
    if with_hole {
        holes.push(ring(&[
            (x + 2.0, y + 2.0),
            (x + 2.0, y + 4.0),
            (x + 4.0, y + 4.0),
            (x + 4.0, y + 2.0),
            (x + 2.0, y + 2.0),
        ]));
    }
    match mutation {
        Some(Mutation::ReversedRing) => outer.reverse(),
        Some(Mutation::UnclosedRing) => {
            outer.pop();
        }
        Some(Mutation::HoleTouching) => holes.push(ring(&[
            (x + 7.0, y),
            (x + 8.0, y + 2.0),
            (x + 6.0, y + 2.0),
            (x + 7.0, y),
        ])),
        _ => {}
    }
    let rings = std::iter::once(ring(&outer))
        .chain(holes)
        .collect::<Vec<_>>()
        .join(", ");
    let mut geometry = if mutation == Some(Mutation::OverlappingPart) {
        let part = ring(&[
            (x + 5.0, y + 5.0),
            (x + 15.0, y + 5.0),
            (x + 15.0, y + 15.0),
            (x + 5.0, y + 15.0),
            (x + 5.0, y + 5.0),
        ]);
        format!(r#"{{"type": "MultiPolygon", "coordinates": [[{rings}], [{part}]]}}"#)
    } else {
        format!(r#"{{"type": "Polygon", "coordinates": [{rings}]}}"#)
    };
    let key = KEYS[i];
    let mut properties = format!(r#"{{"ADM0_A3": "{key}", "NAME": "Country {i}"}}"#);
    let mut extra = String::new();
    if let Some(Mutation::DuplicatedMember(member)) = mutation {
        match member {
            Member::Key => properties = properties.replace('}', r#", "ADM0_A3": "XXX"}"#),
            Member::Name => properties = properties.replace('}', r#", "NAME": "Other"}"#),
            Member::Geometry => {
                extra = r#", "geometry": {"type": "Point", "coordinates": [0, 0]}"#.to_owned();
            }
            Member::GeometryType => {
                geometry = geometry.replacen('}', r#", "type": "Polygon"}"#, 1);
            }
        }
    }
    format!(r#"{{"type": "Feature", "properties": {properties}, "geometry": {geometry}{extra}}}"#)
}

/// A layer of `n` features, mutation `k` applied to feature `k`; one feature per line, or all
/// on one line.
fn layer(n: usize, holes: &[bool], mutations: &[Mutation], one_line: bool) -> String {
    let features: Vec<String> = (0..n)
        .map(|i| feature(i, holes[i], mutations.get(i).copied()))
        .collect();
    let sep = if one_line { ", " } else { ",\n" };
    format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [{}{}{}]}}\n",
        if one_line { "" } else { "\n" },
        features.join(sep),
        if one_line { "" } else { "\n" }
    )
}

/// The byte offset of a line and column (columns in characters; the text is ASCII).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    start + column - 1
}

fn layer_case() -> impl Strategy<Value = (usize, Vec<bool>, Vec<Mutation>, bool)> {
    (
        prop::collection::vec(mutation(), 0..=4),
        0..3usize,
        any::<bool>(),
    )
        .prop_flat_map(|(mutations, more, one_line)| {
            let n = (mutations.len() + more).clamp(1, KEYS.len());
            (
                Just(n),
                prop::collection::vec(any::<bool>(), n),
                Just(mutations),
                Just(one_line),
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rfc_shaped_mutations_give_what_the_rfc_says((n, holes, mutations, one_line) in layer_case()) {
        let text = layer(n, &holes, &mutations, one_line);
        let report = check_bytes("m.geojson", text.as_bytes());
        let said: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        let duplicated: Vec<(usize, Member)> = mutations
            .iter()
            .enumerate()
            .filter_map(|(i, m)| match m {
                Mutation::DuplicatedMember(member) => Some((i, *member)),
                _ => None,
            })
            .collect();
        if !duplicated.is_empty() {
            // Errors, the duplicates first, each at the second occurrence of its name.
            prop_assert!(report.failed(), "{text}\n{said:#?}");
            let errors: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error && d.message.starts_with("duplicate member"))
                .collect();
            prop_assert_eq!(errors.len(), duplicated.len(), "{:#?}", said);
            prop_assert!(report.diagnostics[0].message.starts_with("duplicate member"));
            for (error, (_, member)) in errors.iter().zip(&duplicated) {
                let Where::LineColumn { line, column } = error.place else {
                    panic!("no line and column: {error}");
                };
                let at = offset(&text, line, column);
                let quoted = format!("\"{}\"", member.name());
                prop_assert!(text[at..].starts_with(&quoted), "{} at {}:{}", quoted, line, column);
                // The second one: the name occurs earlier in the same object.
                let phrase = format!("duplicate member {quoted}");
                prop_assert!(error.message.contains(&phrase), "{}", error);
            }
            prop_assert!(parse_countries("m.geojson", text.as_bytes()).is_err());
            return Ok(());
        }
        prop_assert!(!report.failed(), "{text}\n{said:#?}");
        let layer = parse_countries("m.geojson", text.as_bytes()).expect("loads");
        prop_assert_eq!(layer.countries.len(), n);
        let keys: Vec<&str> = layer.countries.iter().map(|c| c.key.as_str()).collect();
        prop_assert_eq!(keys, KEYS[..n].to_vec());
        // What each feature should have said, and nothing else.
        let mut expected = Vec::new();
        for (i, m) in mutations.iter().enumerate() {
            match m {
                Mutation::UnclosedRing => expected.push((i, "outer ring is not closed")),
                Mutation::OverlappingPart => expected.push((i, "polygons 0 and 1 overlap")),
                Mutation::ReversedRing | Mutation::HoleTouching => {}
                Mutation::DuplicatedMember(_) => unreachable!(),
            }
        }
        prop_assert_eq!(report.diagnostics.len(), expected.len(), "{}\n{:#?}", text, said);
        for (i, phrase) in expected {
            let d = report
                .diagnostics
                .iter()
                .find(|d| matches!(d.place, Where::FeatureAt { index, .. } if index == i))
                .unwrap_or_else(|| panic!("nothing about feature {i}: {said:#?}"));
            prop_assert_eq!(d.severity, Severity::Warning);
            prop_assert!(d.message.contains(phrase), "{}", d);
        }
        // An unclosed ring is closed: the same shape as the closed one.
        let clean = layer_of(n, &holes);
        for (i, m) in mutations.iter().enumerate() {
            if matches!(m, Mutation::UnclosedRing) {
                prop_assert_eq!(&layer.countries[i].shape_lon_lat, &clean.countries[i].shape_lon_lat);
            }
        }
    }
}

fn layer_of(n: usize, holes: &[bool]) -> sahel_atlas::io::CountryLayer {
    parse_countries("clean.geojson", layer(n, holes, &[], false).as_bytes()).expect("clean")
}

#[test]
fn the_clean_layer_loads_without_a_word() {
    let text = layer(5, &[true, false, true, false, true], &[], false);
    let report = check_bytes("clean.geojson", text.as_bytes());
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}
