//! The alignment chart's pixels: a band of a group's colour where that group has ties, none
//! where it has none; a partner's chart by counterpart (issue #20); and `chart` as a process.

use sahel_atlas::export::chart::{chart_for, chart_png};
use sahel_atlas::model::Status;

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
fn niger_chart_is_western_before_2017_and_russian_after_2024() {
    let (western, russian) = (colour_of("western"), colour_of("russian"));
    let in_2016 = column_colours("NER", "2016-06-15");
    assert!(in_2016.contains(&western), "a Western band in 2016");
    assert!(!in_2016.contains(&russian), "no Russian band in 2016");
    // The Russia–Niger agreement of 2017 adds a thin Russian band beside the Western one.
    let in_2020 = column_colours("NER", "2020-01-15");
    assert!(in_2020.contains(&western) && in_2020.contains(&russian));
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
    assert_eq!(on("2016-12-31"), 0);
    assert!(
        on("2017-01-01") >= 1,
        "Russia–Niger cooperation counts from its 2017 agreement"
    );
    let ties = t.alignment_ties(ner, russian, day("2017-01-01"));
    let ids: Vec<&str> = ties
        .iter()
        .map(|&r| t.scenario().relationships[r].id.as_str())
        .collect();
    assert!(ids.contains(&"rus-ner-defence-cooperation"), "{ids:?}");
    // The Africa Corps's arrival on 10 April 2024 adds one.
    assert_eq!(on("2024-04-10"), on("2024-04-09") + 1);
    let ties = t.alignment_ties(ner, russian, day("2024-04-10"));
    assert!(
        ties.iter()
            .any(|&r| t.scenario().relationships[r].id == "africa-corps-ner")
    );
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

/// The counterparts' ids of a partner's chart, in row order.
fn counterpart_ids(t: &sahel_atlas::model::Timeline, partner: &str) -> Vec<String> {
    let e = t.entity_index(partner).expect("partner");
    t.counterparts(e)
        .rows
        .iter()
        .map(|r| t.scenario().entities[r.counterpart].id.clone())
        .collect()
}

/// The status of a partner's ties with `counterpart` on `date`.
fn status_with(partner: &str, counterpart: &str, date: &str) -> Option<Status> {
    let t = timeline();
    let (e, c) = (
        t.entity_index(partner).expect("partner"),
        t.entity_index(counterpart).expect("counterpart"),
    );
    t.counterparts(e)
        .rows
        .iter()
        .find(|r| r.counterpart == c)
        .expect("a row for the counterpart")
        .status_at(day(date))
}

#[test]
fn a_partners_chart_has_one_row_per_counterpart_with_the_status_of_their_ties() {
    let t = timeline();
    // France: the Sahel states first, then Senegal and Côte d'Ivoire (bases). Takuba's
    // eleven European partners are not France's counterparts: Mali and Niger are.
    assert_eq!(
        counterpart_ids(&t, "FRA"),
        ["MLI", "BFA", "NER", "TCD", "MRT", "SEN", "CIV"]
    );
    assert_eq!(
        status_with("FRA", "MLI", "2016-06-01"),
        Some(Status::Active)
    );
    assert_eq!(status_with("FRA", "MLI", "2025-06-01"), Some(Status::Ended));
    assert_eq!(
        status_with("FRA", "NER", "2020-06-01"),
        Some(Status::Active)
    );
    assert_eq!(status_with("FRA", "NER", "2024-06-01"), Some(Status::Ended));
    assert_eq!(status_with("FRA", "BFA", "2024-06-01"), Some(Status::Ended));
    // Russia: Mali, Burkina Faso, Niger and Chad, and the AES as a body.
    assert_eq!(
        counterpart_ids(&t, "RUS"),
        ["MLI", "BFA", "NER", "TCD", "AES"]
    );
    assert_eq!(status_with("RUS", "NER", "2016-06-01"), None);
    assert_eq!(
        status_with("RUS", "NER", "2025-06-01"),
        Some(Status::Active)
    );
    // Sanctions are left out: the EU's sanctions on Wagner are no row.
    assert_eq!(counterpart_ids(&t, "EU"), ["MLI", "NER", "MRT"]);
    // The ties behind a row name each tie with its status.
    let (fra, mli) = (
        t.entity_index("FRA").expect("FRA"),
        t.entity_index("MLI").expect("MLI"),
    );
    let ties = t.counterpart_ties(fra, mli, day("2016-06-01"));
    let barkhane = t.relationship_index("barkhane-mli").expect("Barkhane");
    assert!(ties.contains(&(barkhane, Some(Status::Active))), "{ties:?}");
    // The five Sahel states keep the chart by partner group.
    assert!(!t.charts_by_counterpart(t.entity_index("NER").expect("NER")));
    assert!(t.charts_by_counterpart(fra));
}

#[test]
fn a_partners_chart_draws_each_row_in_the_colour_of_its_status() {
    use sahel_atlas::map::style::status_rgb;
    let t = timeline();
    let layout = chart_for(&t, Some("FRA"), [1200.0, 360.0]).expect("chart");
    let png = chart_png(&layout).expect("PNG");
    let image = image::load_from_memory(&png).expect("decode").to_rgb8();
    let row = |id: &str| {
        let c = t.entity_index(id).expect("counterpart");
        *layout
            .rows
            .iter()
            .find(|r| r.counterpart == c)
            .expect("a row")
    };
    // The middle of a row on a date: its band's colour.
    let at = |id: &str, date: &str| {
        let r = row(id);
        let x = layout.x_of(day(date)).round() as u32 + 1;
        image.get_pixel(x, ((r.rect[1] + r.rect[3]) / 2.0) as u32).0
    };
    assert_eq!(layout.rows.len(), 7);
    assert_eq!(at("MLI", "2016-06-01"), status_rgb(Status::Active));
    assert_eq!(at("MLI", "2025-06-01"), status_rgb(Status::Ended));
    assert_eq!(at("NER", "2020-06-01"), status_rgb(Status::Active));
    assert_eq!(at("NER", "2024-06-01"), status_rgb(Status::Ended));
    // Hit-testing finds the same band.
    let r = row("MLI");
    let band = layout
        .tie_band_at([
            layout.x_of(day("2016-06-01")) + 1.0,
            (r.rect[1] + r.rect[3]) / 2.0,
        ])
        .expect("a band");
    assert_eq!(band.status, Status::Active);
    assert_eq!(band.counterpart, t.entity_index("MLI").expect("MLI"));
}

#[test]
fn chart_command_draws_a_partner_by_counterpart() {
    let dir = std::env::temp_dir().join(format!("sahel-chart-fra-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let svg = dir.join("fra.svg");
    let out = crate::common::sahel_atlas([
        "chart",
        "--country",
        "FRA",
        "--out",
        svg.to_str().expect("path"),
    ]);
    assert!(out.ok, "{}", out.stderr);
    let text = std::fs::read_to_string(&svg).expect("svg");
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert!(text.contains("France: ties by counterpart and status"));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for name in [
        "Mali",
        "Burkina Faso",
        "Niger",
        "Chad",
        "Mauritania",
        "Senegal",
        "Côte d'Ivoire",
    ] {
        assert!(texts.contains(&name), "a row for {name}: {texts:?}");
    }
    for status in [Status::Active, Status::Ended] {
        let hex = sahel_atlas::map::style::hex(sahel_atlas::map::style::status_rgb(status));
        assert!(text.contains(&hex), "a band of {status} ({hex})");
        assert!(texts.contains(&status.label()), "{status} in the key");
    }
    // An organisation that is a partner charts the same way.
    let eu = dir.join("eu.png");
    let out = crate::common::sahel_atlas([
        "chart",
        "--country",
        "EU",
        "--out",
        eu.to_str().expect("path"),
    ]);
    assert!(out.ok, "{}", out.stderr);
    assert!(image::open(&eu).is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `chart --lang fr` (issue #23): the title, the group key and the names in French.
#[test]
fn chart_command_speaks_french_with_lang_fr() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("tcd.svg");
    let out = crate::common::sahel_atlas([
        "chart",
        "--lang",
        "fr",
        "--country",
        "TCD",
        "--out",
        svg.to_str().expect("path"),
    ]);
    assert!(out.ok, "{}", out.stderr);
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(
        text.contains("Tchad\u{a0}: liens vivants par groupe de partenaires"),
        "no French title"
    );
    assert!(
        text.contains("États occidentaux, UE et OTAN"),
        "no French key"
    );
    assert!(!text.contains("live ties per partner group"));
    let sahel = dir.path().join("sahel.svg");
    let out = crate::common::sahel_atlas([
        "chart",
        "--lang",
        "fr",
        "--out",
        sahel.to_str().expect("path"),
    ]);
    assert!(out.ok, "{}", out.stderr);
    let text = std::fs::read_to_string(&sahel).expect("svg");
    assert!(text.contains("Les États du Sahel"), "no French title");
    assert!(text.contains(">Burkina Faso<") && text.contains(">Tchad<"));
}
