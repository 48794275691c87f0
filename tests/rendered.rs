//! The app rendered to pixels through wgpu (Mesa's software rasteriser here): countries are
//! filled exactly, concave outlines included, and the sea stays sea.
//!
//! Where no wgpu adapter exists the tests say so and pass, except under CI (the `CI`
//! environment variable set), where they fail and say what to install: a CI machine that
//! cannot render must not pass these tests by skipping them. `.ci/run` installs Mesa's
//! Vulkan drivers when they are missing.

use egui::Vec2;
use egui_kittest::Harness;
use geo::{Contains, ConvexHull};
use sahel_atlas::SahelApp;
use sahel_atlas::map::widget::{palette, screen_from_lon_lat};

fn rendered_app() -> Option<(Harness<'static, SahelApp>, image::RgbaImage)> {
    let built = std::panic::catch_unwind(|| {
        let mut h = Harness::builder()
            .with_size(Vec2::new(1400.0, 900.0))
            .with_pixels_per_point(1.0)
            .with_max_steps(50)
            .wgpu()
            .build_ui_state(
                |ui, app: &mut SahelApp| app.show(ui),
                crate::common::app_in_english(),
            );
        h.run_steps(3);
        h
    });
    let Ok(mut h) = built else {
        return no_adapter("no wgpu adapter was found");
    };
    match h.render() {
        Ok(image) => Some((h, image)),
        Err(e) => no_adapter(&format!("rendering failed: {e}")),
    }
}

/// What to do where nothing can render: skip with a note on a person's machine, fail under CI.
fn no_adapter<T>(why: &str) -> Option<T> {
    let advice = "the rendered-image tests need a Vulkan driver; on Debian or Ubuntu install \
                  Mesa's with `apt-get install -y mesa-vulkan-drivers` (.ci/run does this \
                  when it is missing)";
    assert!(
        std::env::var_os("CI").is_none(),
        "{why}: {advice}. CI is set, so this test fails rather than skips."
    );
    eprintln!("{why}: skipping the rendered-image test ({advice})");
    None
}

/// Whether each channel of `a` is within `tolerance` of `b`.
fn within(a: [u8; 3], b: [u8; 3], tolerance: i16) -> bool {
    a.iter()
        .zip(b)
        .all(|(x, y)| (i16::from(*x) - i16::from(y)).abs() <= tolerance)
}

fn pixel(image: &image::RgbaImage, pos: egui::Pos2) -> [u8; 3] {
    let p = image.get_pixel(pos.x.round() as u32, pos.y.round() as u32);
    [p[0], p[1], p[2]]
}

fn close(a: [u8; 3], b: egui::Color32) -> bool {
    let b = [b.r(), b.g(), b.b()];
    a.iter()
        .zip(b)
        .all(|(x, y)| (i16::from(*x) - i16::from(y)).abs() <= 12)
}

/// Share of grid points (lon/lat, away from the border by `margin` degrees) inside or outside
/// Niger whose pixel has Niger's fill.
fn niger_coloured_share(
    layer: &sahel_atlas::map::MapLayer,
    image: &image::RgbaImage,
    at: &dyn Fn(f64, f64) -> egui::Pos2,
    shape: &geo::MultiPolygon<f64>,
    inside: bool,
) -> (f64, usize) {
    let hull = shape.convex_hull();
    let margin = 0.35;
    let (mut hits, mut total) = (0, 0);
    for i in 0..80 {
        for j in 0..50 {
            let lon = -0.5 + f64::from(i) * 0.2;
            let lat = 11.0 + f64::from(j) * 0.25;
            let ring = [
                (0.0, 0.0),
                (-margin, 0.0),
                (margin, 0.0),
                (0.0, -margin),
                (0.0, margin),
            ];
            let all = ring
                .iter()
                .all(|(dx, dy)| shape.contains(&geo::Point::new(lon + dx, lat + dy)));
            let none = ring
                .iter()
                .all(|(dx, dy)| !shape.contains(&geo::Point::new(lon + dx, lat + dy)));
            // Outside, only where the country there is not another military-ruled Sahel state
            // (they share Niger's fill in December 2023).
            let other_sahel = layer.country_at_lon_lat(lon, lat).is_some_and(|c| {
                ["MLI", "BFA", "TCD"].contains(&layer.countries()[c].key.as_str())
            });
            let wanted = if inside {
                all
            } else {
                none && !other_sahel && hull.contains(&geo::Point::new(lon, lat))
            };
            if wanted {
                total += 1;
                if close(pixel(image, at(lon, lat)), palette::SAHEL_MILITARY) {
                    hits += 1;
                }
            }
        }
    }
    (hits as f64 / total.max(1) as f64, total)
}

#[test]
fn niger_is_filled_exactly_and_the_sea_is_sea() {
    let Some((h, image)) = rendered_app() else {
        return;
    };
    let app = h.state();
    let camera = app.view.camera.expect("camera");
    let at = |lon, lat| screen_from_lon_lat(&camera, app.view.map_rect, lon, lat);
    let layer = app.layer();
    // The layer keeps Niger as triangles; its outline for sampling comes from the file.
    let bytes = if app.showing_fine_layer() {
        sahel_atlas::io::embedded::COUNTRIES_50M
    } else {
        sahel_atlas::io::embedded::COUNTRIES_110M
    };
    let source = sahel_atlas::io::parse_countries("embedded", bytes).expect("embedded layer");
    let ner = source
        .countries
        .iter()
        .find(|c| c.key == "NER")
        .expect("NER");
    // 4 December 2023: Niger is under military rule. Links and labels cover a few points.
    let (inside, n_in) = niger_coloured_share(layer, &image, &at, &ner.shape_lon_lat, true);
    assert!(
        n_in > 100 && inside > 0.5,
        "only {inside:.2} of {n_in} points inside Niger have its fill"
    );
    // Points inside Niger's convex hull but outside Niger: a fan triangulation (what egui
    // does with a concave path) would paint them Niger's colour.
    let (outside, n_out) = niger_coloured_share(layer, &image, &at, &ner.shape_lon_lat, false);
    assert!(
        n_out > 20 && outside < 0.05,
        "{outside:.2} of {n_out} points outside Niger have its fill"
    );
    // Open sea in several places (a link may cross one or two of them).
    let seas = [
        (18.0, 35.0),
        (25.0, 33.5),
        (-18.0, 25.0),
        (5.0, 2.0),
        (-10.0, 3.0),
        (30.0, 34.0),
    ];
    let sea_hits = seas
        .iter()
        .filter(|(lon, lat)| {
            let p = at(*lon, *lat);
            app.view.map_rect.contains(p) && close(pixel(&image, p), palette::SEA)
        })
        .count();
    assert!(
        sea_hits >= 4,
        "only {sea_hits} of {} sea points look like sea",
        seas.len()
    );
}

#[test]
fn lesotho_is_a_hole_in_south_africa() {
    let Some((mut h, _)) = rendered_app() else {
        return;
    };
    {
        let app = h.state_mut();
        app.view.camera = Some(sahel_atlas::map::MapCamera::centered_on_lon_lat(
            26.0, -29.0, 900.0,
        ));
    }
    h.run_steps(2);
    let screen = |h: &Harness<'static, SahelApp>, lon, lat| {
        let app = h.state();
        screen_from_lon_lat(
            &app.view.camera.expect("camera"),
            app.view.map_rect,
            lon,
            lat,
        )
    };
    let lesotho = [(28.2, -29.6), (28.6, -29.3), (27.9, -29.9), (28.5, -30.0)];
    let south_africa = [(24.0, -30.5), (26.0, -27.5), (22.0, -32.0), (30.5, -27.0)];
    // Somewhere in the sea, where the pointer hovers nothing.
    h.hover_at(screen(&h, 10.0, -40.0));
    h.run_steps(2);
    // The first render worked (rendered_app), so a later failure is a failure, not a skip.
    let plain = h.render().expect("a later render of the same harness");
    // The pointer on South Africa colours it (the hover fill is drawn from its triangles).
    h.hover_at(screen(&h, 24.0, -30.5));
    h.run_steps(2);
    let hovered = h.render().expect("a later render of the same harness");
    let zaf = h.state().layer().country_index("ZAF");
    let under = h.state().layer().country_at_lon_lat(24.0, -30.5);
    assert_eq!(under, zaf, "the pointer is on South Africa");
    for &(lon, lat) in &south_africa {
        let p = screen(&h, lon, lat);
        let (before, after) = (pixel(&plain, p), pixel(&hovered, p));
        assert!(
            close(before, palette::LAND),
            "South Africa at {lon},{lat}: {before:?}"
        );
        assert!(
            !within(after, before, 8),
            "hovering South Africa does not colour it at {lon},{lat}: {before:?} → {after:?}"
        );
    }
    // Lesotho is land too, and a hole in South Africa's triangles: the hover fill leaves it
    // as it was. A triangulation that ignored the hole would colour it with South Africa.
    for &(lon, lat) in &lesotho {
        let p = screen(&h, lon, lat);
        let (before, after) = (pixel(&plain, p), pixel(&hovered, p));
        assert!(
            close(before, palette::LAND),
            "Lesotho at {lon},{lat}: {before:?}"
        );
        assert!(
            within(after, before, 3),
            "Lesotho at {lon},{lat} took South Africa's hover colour: {before:?} → {after:?}"
        );
    }
}

/// The default view, checked by its colours and written to `target/screenshots/` for a
/// person to look at: sea, land, the Sahel states under military rule, partners, and links
/// in the colours of their statuses on 4 December 2023 (Niger's EU missions winding down,
/// Russia's ties active).
#[test]
fn the_default_view_shows_the_sahel_its_partners_and_their_links() {
    let Some((h, image)) = rendered_app() else {
        return;
    };
    let map_rect = h.state().view.map_rect;
    let share = |color: egui::Color32, tolerance: i16| {
        let target = [color.r(), color.g(), color.b()];
        let (mut hits, mut total) = (0usize, 0usize);
        for y in (map_rect.top() as u32..map_rect.bottom() as u32).step_by(2) {
            for x in (map_rect.left() as u32..map_rect.right() as u32).step_by(2) {
                total += 1;
                let p = image.get_pixel(x, y);
                if within([p[0], p[1], p[2]], target, tolerance) {
                    hits += 1;
                }
            }
        }
        hits as f64 / total.max(1) as f64
    };
    use sahel_atlas::model::Status;
    for (what, color, at_least) in [
        ("sea", palette::SEA, 0.15),
        ("land", palette::LAND, 0.05),
        (
            "Sahel states under military rule",
            palette::SAHEL_MILITARY,
            0.03,
        ),
        ("partner states", palette::PARTNER, 0.01),
        ("active links", palette::status(Status::Active), 0.0005),
        (
            "winding-down links",
            palette::status(Status::WindingDown),
            0.0002,
        ),
    ] {
        let s = share(color, 6);
        assert!(
            s >= at_least,
            "{what}: {s:.4} of the map, expected at least {at_least}"
        );
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("default-view.png");
    assert!(image.save(&path).is_ok(), "cannot write {}", path.display());
    let reread = image::open(&path)
        .expect("the screenshot decodes")
        .to_rgba8();
    assert_eq!(reread.dimensions(), image.dimensions());
    assert!(
        reread == image,
        "the screenshot on disk is the picture rendered"
    );
}
