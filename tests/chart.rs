//! The alignment chart's pixels: a band of a group's colour where that group has ties, none
//! where it has none; and `chart` as a process.

use sahel_atlas::export::chart::{chart_for, chart_png};

use crate::common::{day, timeline};

/// The colours found in the plot's column at `date`, from a PNG of the chart.
fn column_colours(country: &str, date: &str) -> Vec<[u8; 3]> {
    let t = timeline();
    let layout = chart_for(&t, Some(country), [1200.0, 360.0]).expect("chart");
    let png = chart_png(&layout).expect("PNG");
    let image = image::load_from_memory(&png).expect("decode").to_rgb8();
    assert_eq!(image.dimensions(), (1200, 360));
    let x = layout.x_of(day(date)).round() as u32 + 1;
    let [_, y0, _, y1] = layout.plots[0].rect;
    (y0 as u32..y1 as u32)
        .map(|y| image.get_pixel(x, y).0)
        .collect()
}

fn colour_of(group: &str) -> [u8; 3] {
    let t = timeline();
    t.groups()[t.group_index(group).expect("group")].colour
}

#[test]
fn niger_chart_is_western_before_2023_and_russian_after_2024() {
    let (western, russian) = (colour_of("western"), colour_of("russian"));
    let in_2020 = column_colours("NER", "2020-01-15");
    assert!(in_2020.contains(&western), "a Western band in 2020");
    assert!(!in_2020.contains(&russian), "no Russian band in 2020");
    let in_2025 = column_colours("NER", "2025-06-15");
    assert!(in_2025.contains(&russian), "a Russian band in 2025");
    // More Russian than Western pixels by then: Africa Corps and the defence agreement.
    let count = |c: [u8; 3]| in_2025.iter().filter(|&&p| p == c).count();
    assert!(count(russian) > 0 && count(western) <= count(russian) * 2);
}

#[test]
fn mali_chart_shows_the_un_until_minusma_leaves() {
    let un = colour_of("un");
    assert!(column_colours("MLI", "2016-06-01").contains(&un));
    assert!(!column_colours("MLI", "2025-06-01").contains(&un));
}

#[test]
fn alignment_counts_live_ties_and_hover_finds_them() {
    let t = timeline();
    let ner = t.entity_index("NER").expect("NER");
    let alignment = t.alignment(ner);
    let russian = t.group_index("russian").expect("russian");
    let on = |date: &str| alignment.step_at(day(date)).expect("a step").counts[russian];
    assert_eq!(on("2023-12-03"), 0);
    assert!(
        on("2023-12-04") >= 1,
        "Russia–Niger cooperation counts from 4 Dec 2023"
    );
    let ties = t.alignment_ties(ner, russian, day("2023-12-04"));
    let ids: Vec<&str> = ties
        .iter()
        .map(|&r| t.scenario().relationships[r].id.as_str())
        .collect();
    assert!(ids.contains(&"rus-ner-defence-cooperation"), "{ids:?}");
    // Sanctions are not alignment: ECOWAS sanctions on Niger never count.
    let regional = t.group_index("regional").expect("regional");
    let ties = t.alignment_ties(ner, regional, day("2023-09-01"));
    assert!(
        ties.iter()
            .all(|&r| t.scenario().relationships[r].id != "ecowas-sanctions-ner")
    );
    // Steps run over the whole span.
    assert_eq!(alignment.steps[0].from, t.start());
    assert_eq!(alignment.end, t.end());
}

#[test]
fn chart_command_writes_svg_and_png() {
    let dir = std::env::temp_dir().join(format!("sahel-chart-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let run = |args: &[&str]| crate::common::sahel_atlas(args);
    let svg = dir.join("ner.svg");
    let out = run(&[
        "chart",
        "--country",
        "NER",
        "--out",
        svg.to_str().expect("path"),
    ]);
    assert!(out.ok, "{}", out.stderr);
    let text = std::fs::read_to_string(&svg).expect("svg");
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(
        text.contains(&colour_hex("russian")),
        "a Russian band in the SVG"
    );
    assert!(text.contains("Niger: live ties per partner group"));
    let png = dir.join("sahel.png");
    let out = run(&["chart", "--out", png.to_str().expect("path")]);
    assert!(out.ok, "{}", out.stderr);
    let image = image::open(&png).expect("png");
    assert_eq!((image.width(), image.height()), (1200, 1000));
    let out = run(&[
        "chart",
        "--country",
        "XXX",
        "--out",
        svg.to_str().expect("path"),
    ]);
    assert!(!out.ok);
    assert!(out.stderr.contains("no entity 'XXX'"), "{}", out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

fn colour_hex(group: &str) -> String {
    let c = colour_of(group);
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}
