//! The app rendered to pixels through wgpu (Mesa's software rasteriser here): countries are
//! filled exactly, concave outlines included, and the sea stays sea.

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
            .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), SahelApp::new());
        h.run_steps(3);
        h
    });
    let Ok(mut h) = built else {
        eprintln!("no wgpu adapter here: skipping the rendered-image test");
        return None;
    };
    match h.render() {
        Ok(image) => Some((h, image)),
        Err(e) => {
            eprintln!("cannot render ({e}): skipping the rendered-image test");
            None
        }
    }
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
    let camera = app.camera.expect("camera");
    let at = |lon, lat| screen_from_lon_lat(&camera, app.map_rect, lon, lat);
    let layer = app.layer();
    // The layer keeps Niger as triangles; its outline for sampling comes from the file.
    let bytes = if app.showing_fine_layer() {
        sahel_atlas::data::COUNTRIES_50M
    } else {
        sahel_atlas::data::COUNTRIES_110M
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
            app.map_rect.contains(p) && close(pixel(&image, p), palette::SEA)
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
        app.camera = Some(sahel_atlas::map::MapCamera::centered_on_lon_lat(
            26.0, -29.0, 900.0,
        ));
    }
    h.run_steps(2);
    let Ok(image) = h.render() else { return };
    let app = h.state();
    let camera = app.camera.expect("camera");
    let maseru_ish = screen_from_lon_lat(&camera, app.map_rect, 28.2, -29.6);
    let zaf = screen_from_lon_lat(&camera, app.map_rect, 24.0, -30.5);
    let lso_px = pixel(&image, maseru_ish);
    let zaf_px = pixel(&image, zaf);
    assert!(close(zaf_px, palette::LAND), "South Africa: {zaf_px:?}");
    assert!(
        close(lso_px, palette::LAND),
        "Lesotho is land too: {lso_px:?}"
    );
    // A border runs between them: somewhere on the line from Lesotho's centre to South Africa
    // a pixel is darker than the land fill.
    let steps = 60;
    let darker = (0..=steps).any(|k| {
        let t = k as f32 / steps as f32;
        let p = pixel(&image, maseru_ish + (zaf - maseru_ish) * t);
        p.iter().map(|&c| u32::from(c)).sum::<u32>() + 60
            < [palette::LAND.r(), palette::LAND.g(), palette::LAND.b()]
                .iter()
                .map(|&c| u32::from(c))
                .sum::<u32>()
    });
    assert!(darker, "no border between Lesotho and South Africa");
}

/// Writes the default view to `target/screenshots/` for a person to look at (not an
/// assertion: the other tests check pixels).
#[test]
fn save_default_view_for_inspection() {
    let Some((_, image)) = rendered_app() else {
        return;
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("default-view.png");
    assert!(image.save(&path).is_ok(), "cannot write {}", path.display());
}
