//! Exports: PNG and SVG pictures of a date, GeoJSON and CSV of the state, PNG frames, and the
//! `render` and `export` subcommands run as the real binary.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use sahel_atlas::export::{
    FrameStep, MapData, RenderOptions, render_frames, render_png, render_svg, state_csv,
    state_geojson,
};
use sahel_atlas::map::links::distance_to_polyline;
use sahel_atlas::map::scene::build_scene;
use sahel_atlas::map::style::{self, Rgb};
use sahel_atlas::map::{MapCamera, MapLayer, world_from_lon_lat};
use sahel_atlas::model::{Timeline, parse_date};

use crate::common::{coarse, timeline};

fn date(text: &str) -> Date {
    parse_date(text).expect("test date")
}

/// The coarse layer for both drawing and places: fast, and the same map as the app's.
fn picture_of(text: &str, size: [u32; 2]) -> (RenderOptions, image::RgbaImage) {
    let (layer, timeline) = (coarse(), timeline());
    let options = RenderOptions {
        size,
        ..RenderOptions::at(date(text))
    };
    let png = render_png(&data(&layer, &timeline), &options).expect("render PNG");
    let image = image::load_from_memory(&png)
        .expect("PNG decodes")
        .to_rgba8();
    (options, image)
}

fn data<'a>(layer: &'a MapLayer, timeline: &'a Timeline) -> MapData<'a> {
    MapData {
        layer,
        places: layer,
        timeline,
    }
}

fn rgb_at(image: &image::RgbaImage, p: [f64; 2]) -> Rgb {
    let px = image.get_pixel(p[0].round() as u32, p[1].round() as u32);
    [px[0], px[1], px[2]]
}

/// A pixel at a lon/lat of a grid that `wanted` accepts, at least 12 pixels from every link
/// and 40 from every label and node, and clear of the panels along the left and bottom.
fn quiet_pixel(
    options: &RenderOptions,
    layer: &MapLayer,
    wanted: &dyn Fn(f64, f64) -> bool,
    lon_lats: impl Iterator<Item = (f64, f64)>,
) -> Option<[f64; 2]> {
    let timeline = timeline();
    let state = timeline.state_at_date(options.date);
    let scene = build_scene(layer, layer, &timeline, &state, options.hide_ended);
    let camera = options.camera();
    let [w, h] = options.size.map(f64::from);
    let center = [w / 2.0, h / 2.0];
    let points: Vec<[f64; 2]> = scene
        .labels
        .iter()
        .filter_map(|(c, _)| layer.label_world(*c))
        .chain(scene.nodes.iter().map(|n| n.world))
        .collect();
    lon_lats
        .filter(|&(lon, lat)| wanted(lon, lat))
        .map(|(lon, lat)| world_from_lon_lat(lon, lat))
        .find(|&world| {
            let s = camera.screen_from_world(world, center);
            let on_map = s[0] > 420.0 && s[0] < w - 10.0 && s[1] > 10.0 && s[1] < h - 120.0;
            let far_from_links = scene
                .links
                .iter()
                .all(|l| distance_to_polyline(world, &l.points_world) * camera.scale > 12.0);
            let far_from_text = points
                .iter()
                .all(|p| ((p[0] - world[0]).hypot(p[1] - world[1])) * camera.scale > 40.0);
            on_map && far_from_links && far_from_text
        })
        .map(|world| camera.screen_from_world(world, center))
}

fn grid(lon: (f64, f64), lat: (f64, f64)) -> impl Iterator<Item = (f64, f64)> {
    (0..40).flat_map(move |i| {
        (0..40).map(move |j| {
            (
                lon.0 + (lon.1 - lon.0) * f64::from(i) / 39.0,
                lat.0 + (lat.1 - lat.0) * f64::from(j) / 39.0,
            )
        })
    })
}

#[test]
fn png_has_the_size_asked_for_and_niger_under_military_rule_on_4_december_2023() {
    let (options, image) = picture_of("2023-12-04", [1200, 800]);
    assert_eq!(image.dimensions(), (1200, 800));
    let layer = coarse();
    let ner = layer.country_index("NER").expect("NER");
    let in_niger = |lon, lat| layer.country_at_lon_lat(lon, lat) == Some(ner);
    let p = quiet_pixel(&options, &layer, &in_niger, grid((1.0, 15.0), (12.0, 23.0)))
        .expect("a pixel inside Niger away from links and labels");
    assert_eq!(rgb_at(&image, p), style::SAHEL_MILITARY, "Niger at {p:?}");
    let at_sea = |lon, lat| layer.country_at_lon_lat(lon, lat).is_none();
    let p = quiet_pixel(&options, &layer, &at_sea, grid((12.0, 28.0), (32.0, 37.0)))
        .expect("a pixel in the Mediterranean away from links");
    assert_eq!(rgb_at(&image, p), style::SEA, "sea at {p:?}");
}

#[test]
fn png_of_a_whole_world_view_shows_space_around_the_world() {
    let (layer, timeline) = (coarse(), timeline());
    let options = RenderOptions {
        size: [600, 400],
        camera: Some(MapCamera {
            center_world: [0.0, 0.0],
            scale: 60.0,
        }),
        ..RenderOptions::at(date("2015-06-01"))
    };
    let png = render_png(&data(&layer, &timeline), &options).expect("render");
    let image = image::load_from_memory(&png).expect("decodes").to_rgba8();
    assert_eq!(image.dimensions(), (600, 400));
    // The right edge is outside Equal Earth's outline (and clear of the panels).
    assert_eq!(rgb_at(&image, [590.0, 200.0]), style::SPACE);
}

#[test]
fn a_size_of_zero_is_refused() {
    let (layer, timeline) = (coarse(), timeline());
    let options = RenderOptions {
        size: [0, 100],
        ..RenderOptions::at(date("2023-12-04"))
    };
    assert!(render_png(&data(&layer, &timeline), &options).is_err());
}

#[test]
fn svg_is_xml_with_a_path_per_country_drawn_and_the_date() {
    let (layer, timeline) = (coarse(), timeline());
    let options = RenderOptions {
        size: [1200, 800],
        ..RenderOptions::at(date("2023-12-04"))
    };
    let svg = render_svg(&data(&layer, &timeline), &options);
    let doc = roxmltree::Document::parse(&svg).expect("SVG is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("1200"));
    let countries = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("countries"))
        .expect("<g id=\"countries\">");
    let paths: Vec<_> = countries
        .children()
        .filter(|n| n.has_tag_name("path"))
        .collect();
    // The Sahel view shows Africa, Europe and the Middle East: dozens of countries, each once.
    assert!(paths.len() > 60, "{} country paths", paths.len());
    let keys: std::collections::HashSet<_> = paths
        .iter()
        .filter_map(|p| p.attribute("data-key"))
        .collect();
    assert_eq!(keys.len(), paths.len(), "one path per country");
    assert!(
        paths
            .iter()
            .all(|p| p.attribute("fill-rule") == Some("evenodd"))
    );
    let niger = paths
        .iter()
        .find(|p| p.attribute("data-key") == Some("NER"))
        .expect("Niger drawn");
    assert_eq!(
        niger.attribute("fill"),
        Some(style::hex(style::SAHEL_MILITARY).as_str())
    );
    assert!(!keys.contains("USA") && !keys.contains("AUS"), "culled");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    assert!(texts.iter().any(|t| t == "4 December 2023"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Niger"));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Sources of the events shown"))
    );
    assert!(!svg.contains("<image"), "vector only");
    // Dashed links: winding-down ones have their dash.
    assert!(
        doc.descendants()
            .any(|n| n.attribute("class") == Some("winding-down")
                && n.attribute("stroke-dasharray") == Some("10 4"))
    );
}

#[test]
fn svg_escapes_text_from_the_scenario() {
    let layer = coarse();
    let mut scenario = timeline().scenario().clone();
    scenario.title = "Ties & \"rivalries\" <2012–2026> 'draft'".to_owned();
    let timeline = Timeline::new(scenario);
    let svg = render_svg(
        &data(&layer, &timeline),
        &RenderOptions {
            size: [900, 600],
            ..RenderOptions::at(date("2023-12-04"))
        },
    );
    let doc = roxmltree::Document::parse(&svg).expect("well-formed despite the title");
    assert!(
        doc.descendants()
            .any(|n| n.text() == Some("Ties & \"rivalries\" <2012–2026> 'draft'"))
    );
}

#[test]
fn geojson_has_the_eumpm_niger_arc_winding_down_on_5_december_2023() {
    let text = state_geojson(&timeline(), &coarse(), date("2023-12-05"));
    let geojson: geojson::GeoJson = text.parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(collection) = geojson else {
        panic!("not a FeatureCollection");
    };
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert!(value.get("crs").is_none(), "RFC 7946 has no crs member");
    let lines: Vec<_> = collection
        .features
        .iter()
        .filter(|f| {
            matches!(
                f.geometry.as_ref().map(|g| &g.value),
                Some(geojson::GeometryValue::LineString { .. })
            )
        })
        .collect();
    assert!(lines.len() > 20, "{} arcs", lines.len());
    let eumpm = lines
        .iter()
        .find(|f| f.property("id") == Some(&"eumpm-niger".into()))
        .expect("eumpm-niger arc");
    assert_eq!(eumpm.property("status"), Some(&"winding-down".into()));
    assert_eq!(eumpm.property("since"), Some(&"2023-12-04".into()));
    assert_eq!(eumpm.property("parties"), Some(&"EU;NER".into()));
    assert_eq!(eumpm.property("date"), Some(&"2023-12-05".into()));
    assert!(
        eumpm
            .property("sources")
            .and_then(|s| s.as_str())
            .is_some_and(|s| s.starts_with("http"))
    );
    // Lon/lat: from Brussels to Niger.
    let Some(geojson::GeometryValue::LineString { coordinates }) =
        eumpm.geometry.as_ref().map(|g| &g.value)
    else {
        panic!("LineString");
    };
    let (first, last) = (&coordinates[0], &coordinates[coordinates.len() - 1]);
    assert!(
        (first[0] - 4.35).abs() < 1.0 && (first[1] - 50.85).abs() < 1.0,
        "{first:?}"
    );
    assert!(
        (0.0..16.0).contains(&last[0]) && (11.0..24.0).contains(&last[1]),
        "{last:?}"
    );
    let point = |kind: &str, id: &str| {
        collection.features.iter().any(|f| {
            f.property("feature") == Some(&kind.into()) && f.property("id") == Some(&id.into())
        })
    };
    assert!(point("organisation", "EU"));
    assert!(point("state", "NER"));
    let ner = collection
        .features
        .iter()
        .find(|f| {
            f.property("feature") == Some(&"state".into())
                && f.property("id") == Some(&"NER".into())
        })
        .expect("NER point");
    assert_eq!(ner.property("government"), Some(&"military".into()));
}

/// Splits RFC 4180 CSV into records of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn csv_has_a_header_and_a_row_per_link() {
    let text = state_csv(&timeline(), date("2023-12-05"));
    assert!(text.ends_with("\r\n"));
    let records = parse_csv(&text);
    assert_eq!(
        records[0],
        [
            "id",
            "label",
            "kind",
            "parties",
            "status",
            "since",
            "sources",
            "site",
            "site_lon",
            "site_lat",
            "troops",
            "amount",
            "amount_currency"
        ]
    );
    assert!(
        records.iter().all(|r| r.len() == 13),
        "every row has 13 fields"
    );
    let eumpm = records
        .iter()
        .find(|r| r[0] == "eumpm-niger")
        .expect("eumpm-niger row");
    assert_eq!(eumpm[3], "EU;NER");
    assert_eq!(eumpm[4], "winding-down");
    assert_eq!(eumpm[5], "2023-12-04");
    // The Council's €27.3 million for the mission, from its establishment.
    assert_eq!(
        (eumpm[11].as_str(), eumpm[12].as_str()),
        ("27300000", "EUR")
    );
    let french = records
        .iter()
        .find(|r| r[0] == "fra-forces-ner")
        .expect("French forces in Niger");
    assert_eq!(french[7], "Air Base 101, Niamey");
    assert_eq!(french[10], "1500");
    let state = timeline().state_at_date(date("2023-12-05"));
    assert_eq!(records.len() - 1, state.links().count());
}

/// A fresh folder under the system's temp dir for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("sahel-atlas-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn monthly_frames_over_two_months_are_three_numbered_pngs() {
    let (layer, timeline) = (coarse(), timeline());
    let dir = temp_dir("frames");
    let out = dir.join("frames");
    let options = RenderOptions {
        size: [320, 200],
        ..RenderOptions::at(date("2023-10-01"))
    };
    let written = render_frames(
        &data(&layer, &timeline),
        &options,
        date("2023-10-01"),
        date("2023-12-01"),
        FrameStep::parse("1m").expect("step"),
        &out,
    )
    .expect("frames");
    let names: Vec<_> = written
        .iter()
        .filter_map(|p| p.file_name()?.to_str())
        .collect();
    assert_eq!(
        names,
        ["frame-0001.png", "frame-0002.png", "frame-0003.png"]
    );
    for path in &written {
        let image = image::open(path).expect("frame decodes");
        assert_eq!((image.width(), image.height()), (320, 200));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_step_says_what_is_expected() {
    let e = FrameStep::parse("3q").expect_err("3q is not a step");
    assert!(e.to_string().contains("1m"), "{e}");
}

/// Runs the binary; returns whether it succeeded, its exit code and its stderr.
fn sahel_atlas(args: &[&str]) -> (bool, Option<i32>, String) {
    let ran = crate::common::sahel_atlas(args);
    (ran.ok, ran.code, ran.stderr)
}

fn path_arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

#[test]
fn render_writes_a_png_and_an_svg() {
    let dir = temp_dir("cli");
    let png = dir.join("niger.png");
    let (ok, _, err) = sahel_atlas(&[
        "render",
        "--at",
        "2023-12-05",
        "--size",
        "640x400",
        "--out",
        path_arg(&png),
    ]);
    assert!(ok, "{err}");
    let image = image::open(&png).expect("PNG decodes");
    assert_eq!((image.width(), image.height()), (640, 400));
    let svg = dir.join("niger.svg");
    let (ok, _, err) = sahel_atlas(&[
        "render",
        "--at",
        "2023-12-05",
        "--size",
        "640x400",
        "--view",
        "-2,14,3000",
        "--hide-ended",
        "--out",
        path_arg(&svg),
    ]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&svg).expect("SVG written");
    roxmltree::Document::parse(&text).expect("SVG parses");
    assert!(text.contains("5 December 2023"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_of_a_mapped_layer_is_the_render_of_the_same_layer_read() {
    // The 1:50m layer (4.5 MB) is over the size that commands map (`io::memory`); its gzip
    // copy is read. The two pictures are the same bytes.
    let dir = temp_dir("mapped");
    let plain = crate::common::project_file("geodata/ne_50m_admin_0_countries.geojson");
    let bytes = std::fs::read(&plain).expect("the 1:50m layer");
    assert!(bytes.len() > 4 << 20, "large enough to be mapped");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &bytes).expect("compressed");
    let gzipped = dir.join("countries.geojson.gz");
    std::fs::write(&gzipped, gz.finish().expect("compressed")).expect("written");
    let render = |countries: &Path, out: &Path| {
        let (ok, _, err) = sahel_atlas(&[
            "render",
            "--at",
            "2023-12-05",
            "--size",
            "480x300",
            "--countries",
            path_arg(countries),
            "--out",
            path_arg(out),
        ]);
        assert!(ok, "{err}");
        std::fs::read(out).expect("PNG written")
    };
    let mapped = render(&plain, &dir.join("mapped.png"));
    let read = render(&gzipped, &dir.join("read.png"));
    assert!(mapped == read, "the same picture from the same countries");
    // A large layer also sets the allocator for one-shot work (Linux, glibc); the embedded
    // data does not.
    if cfg!(all(target_os = "linux", target_env = "gnu")) {
        let report = |countries: Option<&Path>| {
            let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_sahel-atlas"));
            command.args(["render", "--at", "2023-12-05", "--size", "64x40", "--out"]);
            command.arg(dir.join("small.png"));
            if let Some(countries) = countries {
                command.arg("--countries").arg(countries);
            }
            let out = command
                .env("SAHEL_ATLAS_MEMORY_REPORT", "1")
                .output()
                .expect("runs");
            assert!(out.status.success(), "{out:?}");
            String::from_utf8_lossy(&out.stderr).into_owned()
        };
        assert!(report(Some(&plain)).contains("allocator: one heap in 2 MiB pages"));
        assert!(report(None).contains("allocator: glibc's defaults"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_refuses_a_bad_size_an_unknown_format_and_a_missing_file() {
    let dir = temp_dir("cli-bad");
    let png = dir.join("x.png");
    let (ok, code, err) = sahel_atlas(&[
        "render",
        "--at",
        "2023-12-05",
        "--size",
        "wide",
        "--out",
        path_arg(&png),
    ]);
    assert!(!ok && code == Some(1), "{code:?}");
    assert!(err.contains("--size") && err.contains("1600x1000"), "{err}");
    let (ok, code, err) = sahel_atlas(&[
        "render",
        "--at",
        "2023-12-05",
        "--size",
        "0x100",
        "--out",
        path_arg(&png),
    ]);
    assert!(!ok && code == Some(1), "{err}");
    let jpg = dir.join("x.jpg");
    let (ok, code, err) = sahel_atlas(&["render", "--at", "2023-12-05", "--out", path_arg(&jpg)]);
    assert!(
        !ok && code == Some(1) && err.contains(".png or .svg"),
        "{err}"
    );
    let (ok, code, err) = sahel_atlas(&[
        "render",
        "--at",
        "2023-12-05",
        "--countries",
        "/no/such/countries.geojson",
        "--out",
        path_arg(&png),
    ]);
    assert!(
        !ok && code == Some(1) && err.contains("countries.geojson"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!png.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_writes_csv_and_geojson() {
    let dir = temp_dir("cli-export");
    for name in ["state.csv", "state.geojson"] {
        let out = dir.join(name);
        let (ok, _, err) = sahel_atlas(&["export", "--at", "2023-12-05", "--out", path_arg(&out)]);
        assert!(ok, "{err}");
        let text = std::fs::read_to_string(&out).expect("written");
        assert!(text.contains("eumpm-niger"), "{name}");
    }
    let (ok, code, err) = sahel_atlas(&[
        "export",
        "--at",
        "2023-12-05",
        "--out",
        path_arg(&dir.join("state.kml")),
    ]);
    assert!(
        !ok && code == Some(1) && err.contains(".geojson or .csv"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
