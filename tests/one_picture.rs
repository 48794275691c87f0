//! One picture: the screen (the egui backend, rendered through kittest and wgpu) and the PNG
//! export (tiny-skia) replay the same display list and agree pixel for pixel away from text
//! edges (text is rasterised by egui's atlas on one side and `ab_glyph` on the other).

use egui::Vec2;
use egui_kittest::Harness;
use sahel_atlas::export::{self, MapData, RenderOptions};
use std::sync::Arc;

use sahel_atlas::export::chart;
use sahel_atlas::map::display::{self, DisplayList};
use sahel_atlas::map::{MapCamera, MapLayer, paint};

use crate::common;

/// Renders `list` through the egui backend in a kittest harness; `None` (with a message)
/// where no wgpu adapter exists, and a failure instead when `CI` is set.
fn screen_pixels(list: &DisplayList, layer: &Arc<MapLayer>) -> Option<image::RgbaImage> {
    let size = Vec2::new(list.size[0], list.size[1]);
    let (list, layer) = (list.clone(), Arc::clone(layer));
    let mut cache = paint::MeshCache::default();
    painted(size, move |painter| {
        paint::paint(painter, egui::Pos2::ZERO, &list, &layer, &mut cache);
    })
}

/// What `draw` paints on a painter covering a window of `size`, rendered through kittest and
/// wgpu (see [`screen_pixels`]).
fn painted(size: Vec2, mut draw: impl FnMut(&egui::Painter) + 'static) -> Option<image::RgbaImage> {
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut h = Harness::builder()
            .with_size(size)
            .with_pixels_per_point(1.0)
            .wgpu()
            .build_ui(move |ui| {
                let painter = egui::Painter::new(
                    ui.ctx().clone(),
                    egui::LayerId::background(),
                    egui::Rect::EVERYTHING,
                );
                draw(&painter);
            });
        h.run_steps(2);
        h.render()
    }));
    match built {
        Ok(Ok(image)) => Some(image),
        other => {
            let why = match other {
                Ok(Err(e)) => e.to_string(),
                _ => "no wgpu adapter".to_owned(),
            };
            assert!(
                std::env::var_os("CI").is_none(),
                "cannot render through wgpu ({why}): install Mesa's Vulkan drivers \
                 (apt-get install mesa-vulkan-drivers); .ci/run does this"
            );
            eprintln!("cannot render through wgpu ({why}): skipping (set CI to fail instead)");
            None
        }
    }
}

#[test]
fn the_screen_and_the_png_export_draw_the_same_picture() {
    let layer = common::fine();
    let coarse = common::coarse();
    let timeline = common::timeline();
    let data = MapData {
        layer: &layer,
        places: &coarse,
        timeline: &timeline,
    };
    let date = jiff::civil::Date::constant(2023, 12, 5);
    let options = RenderOptions {
        size: [900, 560],
        camera: Some(MapCamera::sahel([900.0, 560.0])),
        ..RenderOptions::at(date)
    };
    let list = export::frame(&data, &options);
    let png = export::render_rgba(&data, &options).expect("renders");
    let Some(screen) = screen_pixels(&list, &layer) else {
        return;
    };
    assert_eq!(screen.dimensions(), (900, 560));
    let text = list.text_boxes(3.0);
    let near_text = |x: u32, y: u32| {
        let (x, y) = (x as f32, y as f32);
        text.iter()
            .any(|b| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])
    };
    let (share, total) = agreement(&png, &screen, &near_text, "one-picture");
    assert!(total > 300_000, "most of the picture is compared: {total}");
    assert!(
        share >= 0.97,
        "only {:.2} % of pixels away from text agree between screen and PNG",
        share * 100.0
    );
}

/// The share of pixels away from text (`near_text`) on which the PNG backend's `png` (RGBA
/// rows) and the `screen` agree, and how many were compared. Where less than 97 % agree,
/// both pictures and their difference are left in the temporary folder, named after `name`.
fn agreement(
    png: &[u8],
    screen: &image::RgbaImage,
    near_text: &dyn Fn(u32, u32) -> bool,
    name: &str,
) -> (f64, usize) {
    let (w, h) = screen.dimensions();
    assert_eq!(png.len(), (w * h * 4) as usize, "same size");
    // Two anti-aliasing rasterisers put a line's ink a fraction of a pixel differently: the
    // pictures are compared after a 3×3 box blur, which keeps every real difference (a
    // missing or moved line, a wrong colour) and evens out where within a pixel ink fell.
    let blur = |at: &dyn Fn(u32, u32) -> [u8; 3], x: u32, y: u32| -> [f32; 3] {
        let mut sum = [0.0_f32; 3];
        let mut n = 0.0;
        for yy in y.saturating_sub(1)..=(y + 1).min(h - 1) {
            for xx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                let p = at(xx, yy);
                for k in 0..3 {
                    sum[k] += f32::from(p[k]);
                }
                n += 1.0;
            }
        }
        sum.map(|v| v / n)
    };
    let png_at = |x: u32, y: u32| {
        let i = ((y * w + x) * 4) as usize;
        [png[i], png[i + 1], png[i + 2]]
    };
    let screen_at = |x: u32, y: u32| {
        let p = screen.get_pixel(x, y);
        [p[0], p[1], p[2]]
    };
    let (mut same, mut total) = (0usize, 0usize);
    for y in 0..h {
        for x in 0..w {
            if near_text(x, y) {
                continue;
            }
            total += 1;
            let (a, b) = (blur(&png_at, x, y), blur(&screen_at, x, y));
            if a.iter().zip(b).all(|(p, q)| (p - q).abs() <= 12.0) {
                same += 1;
            }
        }
    }
    let share = same as f64 / total as f64;
    eprintln!(
        "{name}: {:.2} % of pixels away from text agree",
        share * 100.0
    );
    if share < 0.97 {
        // Leave both pictures and their difference for a person to look at.
        let dir = std::env::temp_dir();
        let png_image = image::RgbaImage::from_raw(w, h, png.to_vec()).expect("size");
        let mut diff = image::RgbaImage::new(w, h);
        for (x, y, p) in diff.enumerate_pixels_mut() {
            let (a, b) = (png_image.get_pixel(x, y), screen.get_pixel(x, y));
            let d = (0..3)
                .map(|k| (i16::from(a[k]) - i16::from(b[k])).unsigned_abs())
                .max()
                .unwrap_or(0);
            *p = if d > 16 {
                image::Rgba([255, 0, 0, 255])
            } else {
                image::Rgba([a[0] / 2 + 127, a[1] / 2 + 127, a[2] / 2 + 127, 255])
            };
        }
        let _ = png_image.save(dir.join(format!("{name}-png.png")));
        let _ = screen.save(dir.join(format!("{name}-screen.png")));
        let _ = diff.save(dir.join(format!("{name}-diff.png")));
        eprintln!("pictures left in {}", dir.display());
    }
    (share, total)
}

#[test]
fn the_chart_on_screen_and_its_png_are_the_same_picture() {
    // The app's chart and `sahel-atlas chart` draw one layout through the map's backends.
    let timeline = common::timeline();
    let layout = chart::chart_for(&timeline, Some("NER"), [900.0, 300.0]).expect("chart");
    let (w, h, png) = chart::chart_rgba(&layout).expect("rasterised");
    let items = layout.items.clone();
    let Some(screen) = painted(Vec2::new(w as f32, h as f32), move |painter| {
        painter.rect_filled(egui::Rect::EVERYTHING, 0.0, egui::Color32::WHITE);
        let mut canvas = paint::EguiCanvas::new(painter, egui::Pos2::ZERO, None);
        display::replay_items(&items, None, &mut canvas);
    }) else {
        return;
    };
    assert_eq!(screen.dimensions(), (w, h));
    let text: Vec<[f32; 4]> = layout
        .items
        .iter()
        .filter_map(|item| match item {
            display::Item::Text { at, text, style } => {
                let b = display::text_box(*at, text, style);
                Some([b[0] - 3.0, b[1] - 3.0, b[2] + 3.0, b[3] + 3.0])
            }
            _ => None,
        })
        .collect();
    let near_text = |x: u32, y: u32| {
        let (x, y) = (x as f32, y as f32);
        text.iter()
            .any(|b| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])
    };
    let (share, total) = agreement(&png, &screen, &near_text, "one-chart");
    assert!(total > 150_000, "most of the chart is compared: {total}");
    assert!(
        share >= 0.97,
        "only {:.2} % of pixels away from text agree between the chart on screen and its PNG",
        share * 100.0
    );
    // Something is drawn: bands of the Western and Russian groups' colours on both.
    for group in ["western", "russian"] {
        let rgb = timeline.groups()[timeline.group_index(group).expect("group")].colour;
        let has = |image: &image::RgbaImage| {
            image
                .pixels()
                .any(|p| (0..3).all(|k| p[k].abs_diff(rgb[k]) <= 2))
        };
        assert!(has(&screen), "{group} band on screen");
    }
}
