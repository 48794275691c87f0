//! Reading the map (issue #11), driving the real app: a click on a country's name selects
//! the country, a click on an arc away from the names selects the link, focus fades the
//! ties of the rest, the legend's filters leave links out, markers say where arcs leave the
//! view, and the theme switches.

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::{Command, ThemeChoice};
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::map::MapCamera;
use sahel_atlas::map::display::plan_frame;
use sahel_atlas::model::RelIx;
use sahel_atlas::model::{LinkFilter, RelationshipKind, Status};

use crate::app_ui::{click_at, harness};
use crate::common::day;

/// Goes to a date and lets the app draw it.
fn go_to(h: &mut Harness<'_, SahelApp>, date: &str) {
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDay(day(date))));
    h.run_steps(3);
}

/// The screen position of the label the map placed for a country key, if it placed one:
/// the middle of the map's label node of that name.
fn label_of(h: &Harness<'_, SahelApp>, key: &str) -> Option<Pos2> {
    let layer = h.state().layer().clone();
    let name = &layer.country(layer.country_index(key)?)?.name;
    let labels = crate::app_ui::map_labels(h);
    let (_, bounds) = labels.iter().find(|(text, _)| text == name)?;
    Some(bounds.center())
}

/// Sets the camera to frame lon/lat bounds and draws.
fn frame(h: &mut Harness<'_, SahelApp>, min: [f64; 2], max: [f64; 2]) {
    let rect = h.state().view.map_rect;
    let cam = MapCamera::framing_lon_lat(
        min,
        max,
        [f64::from(rect.width()), f64::from(rect.height())],
    );
    h.state_mut().view.camera = Some(cam);
    h.run_steps(3);
}

#[test]
fn a_click_on_a_countrys_name_selects_that_country() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    let check = |h: &mut Harness<'_, SahelApp>, key: &str| {
        let Some(p) = label_of(h, key) else {
            panic!("{key} has no label on the map");
        };
        click_at(h, p);
        assert_eq!(
            h.state().view.selected.as_deref(),
            Some(key),
            "a click on the name of {key} at {p:?}"
        );
        assert_eq!(h.state().view.selected_link, None, "{key}: no link picked");
        h.state_mut().push(Command::SelectCountry(None));
        h.run_steps(2);
    };
    // On the default view, where the links of each state end at its name.
    for key in ["MLI", "BFA", "NER", "TCD", "MRT", "FRA", "NGA"] {
        check(&mut h, key);
    }
    // Russia, framed with the Sahel by zooming out over Europe and Asia.
    frame(&mut h, [-20.0, -5.0], [60.0, 62.0]);
    check(&mut h, "RUS");
}

#[test]
fn a_click_on_an_arc_midway_selects_its_link() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    let app = h.state();
    let rect = app.view.map_rect;
    let cam = app.view.camera.expect("camera");
    let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
    // The first live arc whose middle is on screen and clear of every label.
    let labels = crate::app_ui::map_labels(&h);
    let scene = app.scene().clone();
    let drawn = sahel_atlas::map::display::drawn_arcs(scene.as_ref(), &cam, None);
    let target = drawn
        .iter()
        .map(|a| &scene.links[a.link])
        .filter(|l| l.status == Status::Active)
        .find_map(|l| {
            let mid = l.points_world[l.points_world.len() / 2];
            let s = cam.screen_from_world(mid, center);
            let p = Pos2::new(s[0] as f32, s[1] as f32);
            let clear = labels.iter().all(|(_, b)| !b.expand(12.0).contains(p));
            (rect.shrink(60.0).contains(p) && clear).then_some((l.relationship, p))
        });
    let (relationship, p) = target.expect("an arc in view");
    click_at(&mut h, p);
    // Another arc may cross at that point; what counts is that a link, not a country, is
    // picked, and it is one whose arc passes there.
    let picked = h.state().view.selected_link.expect("a link is selected");
    let scene = h.state().scene().clone();
    let arc = scene
        .links
        .iter()
        .find(|l| l.relationship == picked)
        .expect("the picked link is drawn");
    let world = cam.world_from_screen([f64::from(p.x), f64::from(p.y)], center);
    let d = sahel_atlas::map::links::distance_to_polyline(world, &arc.points_world) * cam.scale;
    assert!(
        d <= 6.0,
        "picked arc is {d} points away (wanted {relationship})"
    );
}

#[test]
fn hovering_shows_what_a_click_would_select() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    let p = label_of(&h, "NER").expect("Niger's label");
    h.event(egui::Event::PointerMoved(p));
    h.run_steps(2);
    // The tooltip names the country, not a link (the name on the map aside).
    let named = h
        .get_all_by_label("Niger")
        .filter(|n| !crate::app_ui::on_map(&egui_kittest::kittest::NodeT::accesskit_node(n)))
        .count();
    assert_eq!(named, 1, "a tooltip names Niger");
    assert_eq!(h.state().view.map_hovered_link, None);
}

#[test]
fn focus_fades_the_ties_of_the_rest_and_can_be_turned_off() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    let p = label_of(&h, "NER").expect("Niger's label");
    click_at(&mut h, p);
    assert!(h.state().view.focus_ties, "focus is on by default");
    // The display list of an export with the app's focus: Niger's arcs at full strength,
    // every other arc faded.
    let app = h.state();
    let timeline = app.timeline().clone();
    let niger = timeline.entity_index("NER").expect("Niger");
    let layer = app.layer().clone();
    let scene = app.scene().clone();
    let highlights = sahel_atlas::map::display::Highlights {
        focus: Some(niger),
        ..Default::default()
    };
    let list = sahel_atlas::map::display::map_frame(
        &layer,
        scene.as_ref(),
        app.view.camera.expect("camera"),
        [app.view.map_rect.width(), app.view.map_rect.height()],
        &highlights,
    );
    let (mut focused, mut faded) = (0, 0);
    for item in &list.items {
        if let sahel_atlas::map::display::Item::Polyline {
            line,
            meta: Some(sahel_atlas::map::display::Meta::Link(r, status)),
            ..
        } = item
        {
            // A relationship of several parties has an arc per party: judge only those
            // whose arcs all touch Niger, or none does.
            let arcs: Vec<bool> = scene
                .links
                .iter()
                .filter(|l| l.relationship == *r)
                .map(|l| l.ends.contains(&niger))
                .collect();
            // A tie whose status is past its last confirmation is drawn fainter at full
            // strength (Niger's outreach to IS fighters, last confirmed in March 2022).
            let unconfirmed = scene
                .links
                .iter()
                .any(|l| l.relationship == *r && l.unconfirmed_since.is_some());
            let full = if unconfirmed {
                Line::unconfirmed(*status).paint.alpha
            } else {
                Line::of_link(*status).paint.alpha
            };
            if arcs.iter().all(|&t| t) {
                assert!(
                    (line.paint.alpha - full).abs() < 1e-6,
                    "{r} at full strength"
                );
                focused += 1;
            } else if arcs.iter().all(|&t| !t) {
                assert!(line.paint.alpha < full * 0.5, "{r} is faded");
                faded += 1;
            }
        }
    }
    assert!(
        focused >= 3 && faded >= 10,
        "{focused} focused, {faded} faded"
    );
    // The switch in View turns it off, and is remembered.
    h.state_mut().push(Command::SetFocusTies(false));
    h.run_steps(2);
    assert!(!h.state().view.focus_ties);
    assert_eq!(h.state().persisted().focus_ties, Some(false));
}

use sahel_atlas::map::display::Line;

#[test]
fn each_filter_of_the_legend_leaves_its_links_out() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    let all = h.state().scene().links.len();
    // The legend lists the statuses with their counts at the date, and a click on one
    // hides its links.
    let winding = h
        .state()
        .state()
        .links()
        .filter(|l| l.status == Status::WindingDown)
        .count();
    assert!(winding > 0);
    let row = format!("Winding down ({winding})");
    h.get_by_label(&row);
    let checkbox = h
        .get_all_by_role(egui::accesskit::Role::CheckBox)
        .find(|n| n.rect().center().y.round() == h.get_by_label(&row).rect().center().y.round())
        .map(|n| n.rect().center());
    click_at(&mut h, checkbox.expect("a checkbox beside the row"));
    assert!(
        h.state()
            .view
            .filter
            .hidden_statuses
            .contains(&Status::WindingDown)
    );
    assert!(
        h.state()
            .scene()
            .links
            .iter()
            .all(|l| l.status != Status::WindingDown)
    );
    assert!(h.state().scene().links.len() < all);
    // Kinds.
    let mut filter = h.state().view.filter.clone();
    filter.toggle_kind(RelationshipKind::Membership);
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(2);
    let timeline = h.state().timeline().clone();
    assert!(h.state().scene().links.iter().all(|l| {
        timeline.scenario().relationships[l.relationship].kind != RelationshipKind::Membership
    }));
    // Partner groups: the Russian group's ties leave the map.
    let mut filter = h.state().view.filter.clone();
    filter.toggle_group("russian");
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(2);
    assert!(
        h.state()
            .scene()
            .links
            .iter()
            .all(|l| { timeline.group_id_of_relationship(l.relationship) != Some("russian") })
    );
    // Remembered between runs.
    let remembered = h.state().persisted();
    assert!(
        remembered
            .filter
            .hidden_kinds
            .contains(&RelationshipKind::Membership)
    );
    let mut again = crate::common::app_in_english();
    again.restore(remembered);
    assert_eq!(again.view.filter, h.state().view.filter);
    // Show all links again.
    h.state_mut()
        .push(Command::SetFilter(LinkFilter::default()));
    h.run_steps(2);
    assert_eq!(h.state().scene().links.len(), all);
}

#[test]
fn a_marker_says_where_arcs_leave_the_view_and_a_click_frames_both_ends() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    let p = label_of(&h, "NER").expect("Niger's label");
    click_at(&mut h, p);
    // Close in on Niger: Russia, France and the rest are beyond the edge.
    frame(&mut h, [0.0, 11.0], [16.0, 24.0]);
    // The markers are buttons in the map's node, named by their labels.
    let markers = crate::app_ui::map_markers(&h);
    let names: Vec<&str> = markers.iter().map(|(label, _)| label.as_str()).collect();
    assert!(
        names.iter().any(|n| n.starts_with("Russia")),
        "markers: {names:?}"
    );
    let (_, russia) = markers
        .iter()
        .find(|(label, _)| label.starts_with("Russia"))
        .expect("Russia's marker");
    let at = russia.center();
    let before = h.state().view.camera.expect("camera");
    click_at(&mut h, at);
    h.run_steps(60); // the flight
    let after = h.state().view.camera.expect("camera");
    assert!(after.scale < before.scale, "zoomed out to frame both ends");
    // Both ends are now in view.
    let app = h.state();
    let center = [
        f64::from(app.view.map_rect.center().x),
        f64::from(app.view.map_rect.center().y),
    ];
    // Russia's place and Niger's, the ends of the selected Niger's arcs to Russia.
    let ends = ["RUS", "NER"].map(|id| {
        let e = app.timeline().entity_index(id).expect("in the scenario");
        sahel_atlas::map::scene::entity_world(app.timeline(), app.layer(), e).expect("placed")
    });
    for w in ends {
        let s = after.screen_from_world(w, center);
        assert!(
            app.view
                .map_rect
                .expand(2.0)
                .contains(Pos2::new(s[0] as f32, s[1] as f32)),
            "{w:?} in view"
        );
        // With room for its label: well inside the visible rectangle, not at its edge.
        let room = app.view.visible_rect.shrink2(egui::vec2(40.0, 14.0));
        assert!(
            room.contains(Pos2::new(s[0] as f32, s[1] as f32)),
            "{w:?} at {s:?}, too near the edge of {room:?}"
        );
    }
}

#[test]
fn the_theme_switches_and_is_remembered() {
    let mut h = harness();
    h.state_mut().push(Command::SetTheme(ThemeChoice::Dark));
    h.run_steps(2);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    h.state_mut().push(Command::SetTheme(ThemeChoice::Light));
    h.run_steps(2);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    assert_eq!(h.state().persisted().theme, ThemeChoice::Light);
}

/// Pixels of a PNG export close to a colour.
fn pixels_of(rgba: &[u8], rgb: [u8; 3]) -> usize {
    rgba.chunks_exact(4)
        .filter(|p| {
            p[..3]
                .iter()
                .zip(rgb)
                .all(|(a, b)| (i16::from(*a) - i16::from(b)).abs() <= 6)
        })
        .count()
}

#[test]
fn a_filtered_out_status_leaves_no_pixels_of_its_colour_and_the_caption_says_so() {
    use sahel_atlas::export::{MapData, RenderOptions, render_rgba};
    let layer = crate::common::fine();
    let coarse = crate::common::coarse();
    let timeline = crate::common::timeline();
    let data = MapData {
        layer: &layer,
        places: &coarse,
        timeline: &timeline,
    };
    let date = jiff::civil::Date::constant(2023, 12, 5);
    let green = sahel_atlas::map::style::status_rgb(Status::Active);
    let all = render_rgba(&data, &RenderOptions::at(date)).expect("renders");
    assert!(pixels_of(&all, green) > 500, "active links are drawn");
    let mut filter = LinkFilter::default();
    filter.toggle_status(Status::Active);
    let options = RenderOptions {
        filter,
        ..RenderOptions::at(date)
    };
    let filtered = render_rgba(&data, &options).expect("renders");
    assert_eq!(pixels_of(&filtered, green), 0, "no active green left");
    let list = sahel_atlas::export::frame(&data, &options);
    assert!(
        list.texts()
            .any(|t| t.starts_with("Not shown: statuses Active")),
        "the caption says what was filtered out"
    );
}

#[test]
fn exported_labels_never_overlap_and_markers_appear_in_exports() {
    use sahel_atlas::export::{MapData, RenderOptions};
    let layer = crate::common::fine();
    let coarse = crate::common::coarse();
    let timeline = crate::common::timeline();
    let data = MapData {
        layer: &layer,
        places: &coarse,
        timeline: &timeline,
    };
    let date = jiff::civil::Date::constant(2023, 12, 5);
    // Niger close up, in focus: its arcs leave the picture toward its partners.
    let options = RenderOptions {
        size: [1200, 800],
        camera: Some(MapCamera::framing_lon_lat(
            [0.0, 11.0],
            [16.0, 24.0],
            [1200.0, 800.0],
        )),
        focus: Some("NER".to_owned()),
        ..RenderOptions::at(date)
    };
    let list = sahel_atlas::export::frame(&data, &options);
    assert!(
        list.texts().any(|t| t.starts_with("Russia")),
        "a marker names Russia: {:?}",
        list.texts().collect::<Vec<_>>()
    );
    // Whole-world view with every label: no two map labels overlap.
    let options = RenderOptions {
        camera: Some(MapCamera::world([1600.0, 1000.0])),
        ..RenderOptions::at(date)
    };
    let list = sahel_atlas::export::frame(&data, &options);
    let mut boxes = Vec::new();
    let mut in_labels = false;
    for item in &list.items {
        match item {
            sahel_atlas::map::display::Item::Group(g) => in_labels = *g == "labels",
            sahel_atlas::map::display::Item::Text { at, text, style } if in_labels => {
                boxes.push((
                    text.clone(),
                    sahel_atlas::map::display::text_box(*at, text, style),
                ));
            }
            _ => {}
        }
    }
    assert!(boxes.len() > 10);
    for (i, (ta, a)) in boxes.iter().enumerate() {
        for (tb, b) in &boxes[i + 1..] {
            let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
            assert!(!overlap, "{ta} overlaps {tb}");
        }
    }
}

#[test]
fn a_tie_whose_status_is_unconfirmed_has_its_own_style_and_legend_row() {
    use sahel_atlas::export::{MapData, RenderOptions};
    use sahel_atlas::map::display::{Item, Meta};
    let layer = crate::common::fine();
    let coarse = crate::common::coarse();
    let timeline = crate::common::timeline();
    let data = MapData {
        layer: &layer,
        places: &coarse,
        timeline: &timeline,
    };
    // The first date on which some drawn tie is unconfirmed, looking month by month.
    let date = (2012..=2026)
        .flat_map(|y| (1..=12).map(move |m| jiff::civil::Date::constant(y, m, 1)))
        .find(|&d| {
            let state = timeline.state_at_date(d);
            let scene =
                sahel_atlas::map::scene::build_scene(&coarse, &coarse, &timeline, &state, false);
            scene.links.iter().any(|l| l.unconfirmed_since.is_some())
        })
        .expect("the shipped scenario has ties whose status was last confirmed before a date");
    let state = timeline.state_at_date(date);
    // In focus on one end of such a tie, so that no bundle stands for it.
    let scene = sahel_atlas::map::scene::build_scene(&coarse, &coarse, &timeline, &state, false);
    let hub = scene
        .links
        .iter()
        .find(|l| l.unconfirmed_since.is_some())
        .map(|l| timeline.scenario().entities[l.ends[0]].id.clone());
    let options = RenderOptions {
        camera: Some(MapCamera::world([1600.0, 1000.0])),
        focus: hub,
        ..RenderOptions::at(date)
    };
    let list = sahel_atlas::export::frame(&data, &options);
    let mut unconfirmed = 0;
    for item in &list.items {
        if let Item::Polyline {
            line,
            meta: Some(Meta::Link(r, status)),
            ..
        } = item
        {
            let link = state.link(*r).expect("drawn link exists");
            if timeline.unconfirmed_since(*r, state.day).is_some() && link.status != Status::Ended {
                assert_eq!(*line, Line::unconfirmed(*status), "{r} unconfirmed");
                unconfirmed += 1;
            }
        }
    }
    assert!(unconfirmed > 0);
    let unconfirmed_label = sahel_atlas::model::i18n::tr_static(Line::UNCONFIRMED_LABEL);
    assert_eq!(unconfirmed_label, "Status not confirmed lately");
    assert!(list.texts().any(|t| t == unconfirmed_label));
}

#[test]
fn a_comparison_draws_what_appeared_ended_and_changed_and_says_from_a_to_b() {
    use sahel_atlas::export::{MapData, RenderOptions};
    use sahel_atlas::map::display::{Item, Meta, marks};
    let layer = crate::common::fine();
    let coarse = crate::common::coarse();
    let timeline = crate::common::timeline();
    let data = MapData {
        layer: &layer,
        places: &coarse,
        timeline: &timeline,
    };
    let (a, b) = (
        jiff::civil::Date::constant(2023, 7, 25),
        jiff::civil::Date::constant(2023, 12, 31),
    );
    let options = RenderOptions {
        compare: Some((a, b)),
        ..RenderOptions::at(b)
    };
    let list = sahel_atlas::export::frame(&data, &options);
    assert!(list.texts().any(|t| t == "From 25 Jul 2023 to 31 Dec 2023"));
    for row in ["Appeared", "Ended", "Changed status (old colour, then new)"] {
        assert!(list.texts().any(|t| t == row), "legend row {row}");
    }
    let diff = timeline.diff(
        sahel_atlas::model::Day::from_date(a),
        sahel_atlas::model::Day::from_date(b),
    );
    let id = |r: RelIx| timeline.scenario().relationships[r].id.clone();
    // Every arc drawn: a changed tie in its change's drawing, an unchanged one faded.
    let mut halos = 0;
    let mut seen_changed = std::collections::HashSet::new();
    let mut previous_halo = false;
    for item in &list.items {
        let Item::Polyline { line, meta, .. } = item else {
            continue;
        };
        match meta {
            None if *line == marks::APPEARED_HALO => {
                halos += 1;
                previous_halo = true;
                continue;
            }
            Some(Meta::Link(r, status)) => {
                let change = diff.changes.iter().find(|c| c.relationship == *r);
                match change.map(|c| c.kind()) {
                    None => assert!(
                        line.paint.alpha < Line::of_link(*status).paint.alpha * 0.5,
                        "{} unchanged, faded",
                        id(*r)
                    ),
                    Some(sahel_atlas::model::ChangeKind::Appeared) => {
                        assert!(previous_halo, "{} appeared over a halo", id(*r));
                        seen_changed.insert(id(*r));
                    }
                    Some(_) => {
                        seen_changed.insert(id(*r));
                    }
                }
            }
            _ => {}
        }
        previous_halo = false;
    }
    assert!(halos > 0, "something appeared in the second half of 2023");
    // The seed story: Niger's EU missions and French forces changed, Russia–Niger appeared.
    for (r, kind) in diff.changes.iter().map(|c| (id(c.relationship), c.kind())) {
        if r.contains("niger")
            && ["eumpm", "eucap", "russia", "france"]
                .iter()
                .any(|p| r.contains(p))
        {
            assert!(
                seen_changed.contains(&r),
                "{r} ({kind:?}) is drawn as a change"
            );
        }
    }
}

#[test]
fn compare_mode_tags_what_changed_on_the_map_and_esc_leaves_it() {
    use sahel_atlas::app::compare::CompareCommand;
    use sahel_atlas::model::ChangeKind;
    let mut h = harness();
    h.state_mut()
        .push(Command::Compare(CompareCommand::SetRange(Some((
            day("2023-07-25"),
            day("2023-12-31"),
        )))));
    h.run_steps(3);
    let scene = h.state().scene().clone();
    let timeline = h.state().timeline().clone();
    let kind_of = |id: &str| {
        let r = timeline.relationship_index(id).expect("known tie");
        scene
            .links
            .iter()
            .find(|l| l.relationship == r)
            .and_then(|l| l.change)
            .map(|c| c.1)
    };
    assert_eq!(kind_of("eumpm-niger"), Some(ChangeKind::Changed));
    assert!(
        scene
            .links
            .iter()
            .any(|l| matches!(l.change, Some((_, ChangeKind::Appeared))))
    );
    assert!(
        scene.links.iter().any(|l| l.change.is_none()),
        "unchanged ties stay, faded"
    );
    // The legend says what each drawing means.
    h.get_by_label("Appeared");
    h.get_by_label("Changed status (old colour, then new)");
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(h.state().scene().links.iter().all(|l| l.change.is_none()));
}

#[test]
fn edge_markers_never_overlap() {
    use sahel_atlas::export::{MapData, RenderOptions};
    let layer = crate::common::fine();
    let coarse = crate::common::coarse();
    let timeline = crate::common::timeline();
    let data = MapData {
        layer: &layer,
        places: &coarse,
        timeline: &timeline,
    };
    let date = jiff::civil::Date::constant(2023, 12, 5);
    // Niger close up and in focus: France, the EU, Germany, Italy, Russia… all beyond the top.
    for focus in ["NER", "MLI", "TCD"] {
        let options = RenderOptions {
            size: [1200, 800],
            camera: Some(MapCamera::framing_lon_lat(
                [0.0, 8.0],
                [24.0, 24.0],
                [1200.0, 800.0],
            )),
            focus: Some(focus.to_owned()),
            ..RenderOptions::at(date)
        };
        let list = sahel_atlas::export::frame(&data, &options);
        let mut boxes = Vec::new();
        let mut in_markers = false;
        for item in &list.items {
            match item {
                sahel_atlas::map::display::Item::Group(g) => in_markers = *g == "edge-markers",
                sahel_atlas::map::display::Item::Text { at, text, style } if in_markers => {
                    boxes.push((
                        text.clone(),
                        sahel_atlas::map::display::text_box(*at, text, style),
                    ));
                }
                _ => {}
            }
        }
        assert!(boxes.len() >= 3, "{focus}: {boxes:?}");
        for (i, (ta, a)) in boxes.iter().enumerate() {
            for (tb, b) in &boxes[i + 1..] {
                let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assert!(!overlap, "{focus}: {ta} overlaps {tb}");
            }
        }
    }
}

#[test]
fn hovering_a_tie_in_the_panel_highlights_its_arc_and_the_other_way_round() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    let p = label_of(&h, "NER").expect("Niger's label");
    click_at(&mut h, p);
    // The first row of Niger's ties that is on screen in the details panel.
    let timeline = h.state().timeline().clone();
    // Above the time bar, where the panel's scroll area shows them (scrolled to the first).
    let bottom = h.state().view.map_rect.max.y - 10.0;
    h.get_all_by_role(egui::accesskit::Role::Label)
        .find(|n| {
            use egui_kittest::kittest::NodeT as _;
            let node = n.accesskit_node();
            node.label()
                .or(node.value())
                .is_some_and(|t| t.starts_with("• "))
        })
        .expect("a tie row")
        .scroll_to_me();
    h.run_steps(3);
    let rows: Vec<(String, egui::Pos2)> = h
        .get_all_by_role(egui::accesskit::Role::Label)
        .filter_map(|n| {
            use egui_kittest::kittest::NodeT as _;
            let text = n.accesskit_node().label().or(n.value())?;
            let r = n.rect();
            (text.starts_with("• ") && r.center().y < bottom && r.center().y > 40.0)
                .then(|| (text, r.center()))
        })
        .collect();
    let (text, row) = rows.first().cloned().expect("a tie row on screen");
    let r = timeline
        .scenario()
        .relationships_ix()
        .find(|(_, rel)| text.starts_with(&format!("• {} — ", rel.label)))
        .map(|(r, _)| r)
        .expect("the row names a tie");
    h.event(egui::Event::PointerMoved(row));
    h.run_steps(3);
    assert_eq!(
        h.state().view.panel_hovered_link,
        Some(r),
        "the row's arc is highlighted"
    );
    // And an arc under the pointer on the map marks its row.
    let app = h.state();
    let cam = app.view.camera.expect("camera");
    let rect = app.view.map_rect;
    let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
    let labels = crate::app_ui::map_labels(&h);
    let scene = app.scene().clone();
    let target = scene.links.iter().find_map(|l| {
        let mid = l.points_world[l.points_world.len() / 2];
        let s = cam.screen_from_world(mid, center);
        let p = Pos2::new(s[0] as f32, s[1] as f32);
        let clear = labels.iter().all(|(_, b)| !b.expand(12.0).contains(p));
        (rect.shrink(80.0).contains(p)
            && clear
            && l.ends.contains(&timeline.entity_index("NER").unwrap_or_default())
            // Inside a country, only an arc at full strength is picked over it.
            && l.status != Status::Ended)
            .then_some(p)
    });
    let p = target.expect("an arc of Niger's in view");
    h.event(egui::Event::PointerMoved(p));
    h.run_steps(3);
    assert!(
        h.state().view.map_hovered_link.is_some(),
        "the arc under the pointer is known to the panels"
    );
}

/// Whether the polyline `pts` has a part inside `r` (min x, min y, max x, max y) and a part
/// outside it: sampled finely along each segment.
fn enters_and_leaves(pts: &[[f32; 2]], r: [f32; 4]) -> (bool, bool) {
    let (mut inside, mut outside) = (false, false);
    for w in pts.windows(2) {
        for k in 0..=16 {
            let t = k as f32 / 16.0;
            let p = [
                w[0][0] + (w[1][0] - w[0][0]) * t,
                w[0][1] + (w[1][1] - w[0][1]) * t,
            ];
            if p[0] > r[0] + 0.5 && p[0] < r[2] - 0.5 && p[1] > r[1] + 0.5 && p[1] < r[3] - 0.5 {
                inside = true;
            } else if p[0] < r[0] - 0.5
                || p[0] > r[2] + 0.5
                || p[1] < r[1] - 0.5
                || p[1] > r[3] + 0.5
            {
                outside = true;
            }
        }
    }
    (inside, outside)
}

#[test]
fn every_arc_that_leaves_the_view_has_an_edge_marker_toward_each_end_beyond_it() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    // Close-ups where arcs cross the view with both ends beyond it (Libya, Algeria, the
    // Gulf of Guinea) or leave it from one end in view (Mali, Niger, Chad).
    let frames = [
        ([10.0, 20.0], [25.0, 33.0]),
        ([-2.0, 22.0], [10.0, 32.0]),
        ([-12.0, 10.0], [4.0, 25.0]),
        ([0.0, 11.0], [16.0, 24.0]),
        ([12.0, 8.0], [24.0, 20.0]),
        ([-6.0, 0.0], [10.0, 10.0]),
    ];
    let (mut crossing, mut leaving) = (0, 0);
    for (min, max) in frames {
        frame(&mut h, min, max);
        let app = h.state();
        let rect = app.view.map_rect;
        let camera = app.view.camera.expect("camera");
        let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
        // The markers' rectangle: the map inset by 14 points, map-local.
        let inset = [14.0, 14.0, rect.width() - 14.0, rect.height() - 14.0];
        // What the planner gives for the view drawn (the markers' ties are not on screen).
        let size = [rect.width(), rect.height()];
        let plan = plan_frame(
            &app.layer().clone(),
            app.scene().as_ref(),
            camera,
            size,
            None,
        );
        let markers = &plan.markers;
        for link in &app.scene().links {
            if link.status == Status::Ended {
                continue;
            }
            let pts: Vec<[f32; 2]> = link
                .points_world
                .iter()
                .map(|&w| {
                    let s = camera.screen_from_world(w, center);
                    [s[0] as f32 - rect.min.x, s[1] as f32 - rect.min.y]
                })
                .collect();
            let (inside, outside) = enters_and_leaves(&pts, inset);
            if !(inside && outside) {
                continue;
            }
            let out = |p: [f32; 2]| {
                p[0] < inset[0] || p[0] > inset[2] || p[1] < inset[1] || p[1] > inset[3]
            };
            let name = &app.timeline().scenario().relationships[link.relationship].label;
            for (end, p) in [(link.ends[0], pts[0]), (link.ends[1], pts[pts.len() - 1])] {
                if !out(p) {
                    continue;
                }
                assert!(
                    markers
                        .iter()
                        .any(|m| m.far == end && m.relationships.contains(&link.relationship)),
                    "{min:?}–{max:?}: {name} leaves the view toward entity {end} with no marker: {:?}",
                    markers.iter().map(|m| &m.label).collect::<Vec<_>>()
                );
            }
            if out(pts[0]) && out(pts[pts.len() - 1]) {
                crossing += 1;
            } else {
                leaving += 1;
            }
        }
    }
    assert!(crossing >= 2, "arcs crossing the view: {crossing}");
    assert!(leaving >= 5, "arcs leaving the view: {leaving}");
}

#[test]
fn a_hovered_edge_marker_is_boxed_its_arcs_stand_out_and_its_tooltip_says_what_a_click_does() {
    let mut h = harness();
    go_to(&mut h, "2023-12-05");
    frame(&mut h, [0.0, 11.0], [16.0, 24.0]);
    let app = h.state();
    let rect = app.view.map_rect;
    let camera = app.view.camera.expect("camera");
    let size = [rect.width(), rect.height()];
    let (layer, scene) = (app.layer().clone(), app.scene().clone());
    let plan = sahel_atlas::map::display::plan_frame(&layer, scene.as_ref(), camera, size, None);
    let i = plan
        .markers
        .iter()
        .position(|m| m.label.starts_with("Russia"))
        .expect("Russia's marker");
    let marker = plan.markers[i].clone();
    let frame_with = |hovered_marker| {
        let highlights = sahel_atlas::map::display::Highlights {
            hovered_marker,
            ..Default::default()
        };
        sahel_atlas::map::display::map_frame_planned(
            scene.as_ref(),
            camera,
            size,
            &highlights,
            &plan,
        )
    };
    let widths = |list: &sahel_atlas::map::display::DisplayList| -> Vec<f32> {
        list.items
            .iter()
            .filter_map(|item| match item {
                sahel_atlas::map::display::Item::Polyline {
                    line,
                    meta: Some(sahel_atlas::map::display::Meta::Link(r, _)),
                    ..
                } if marker.relationships.contains(r) => Some(line.width),
                _ => None,
            })
            .collect()
    };
    let boxes = |list: &sahel_atlas::map::display::DisplayList| {
        let mut in_markers = false;
        list.items
            .iter()
            .filter(|item| {
                if let sahel_atlas::map::display::Item::Group(g) = item {
                    in_markers = *g == "edge-markers";
                }
                in_markers && matches!(item, sahel_atlas::map::display::Item::Rect { .. })
            })
            .count()
    };
    let (plain, hovered) = (frame_with(None), frame_with(Some(i)));
    assert_eq!(boxes(&plain), 0);
    assert!(boxes(&hovered) >= 1, "the hovered marker is boxed");
    let (a, b) = (widths(&plain), widths(&hovered));
    assert!(!a.is_empty() && a.len() == b.len());
    assert!(
        a.iter().zip(&b).all(|(a, b)| b > a),
        "its arcs are emphasised: {a:?} → {b:?}"
    );
    // On screen: the pointer on it says where a click goes.
    let at = Pos2::new(
        rect.min.x + marker.label_at[0],
        rect.min.y + marker.label_at[1],
    );
    h.hover_at(at);
    h.run_steps(30);
    assert!(
        h.get_all_by_label_contains("Toward Russia: click to frame both ends")
            .next()
            .is_some(),
        "a tooltip on the marker"
    );
}

#[test]
fn hovering_a_bundles_count_lists_every_tie_it_stands_for() {
    let mut h = harness();
    go_to(&mut h, "2023-12-04");
    h.event(egui::Event::PointerMoved(Pos2::new(2.0, 2.0)));
    h.run_steps(2);
    // The counts the map draws, from its own display list.
    let app = h.state();
    let rect = app.view.map_rect;
    let camera = app.view.camera.expect("camera");
    let (layer, scene) = (app.layer().clone(), app.scene().clone());
    let list = sahel_atlas::map::display::map_frame(
        &layer,
        scene.as_ref(),
        camera,
        [rect.width(), rect.height()],
        &sahel_atlas::map::display::Highlights::default(),
    );
    let mut counts: Vec<([f32; 2], usize)> = list
        .items
        .iter()
        .filter_map(|item| match item {
            sahel_atlas::map::display::Item::Text { at, text, style }
                if style.size == sahel_atlas::map::display::BUNDLE_LABEL.size =>
            {
                Some((*at, text.parse().ok()?))
            }
            _ => None,
        })
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let &(at, n) = counts.first().expect("a bundle with a count");
    assert!(n >= 3, "{counts:?}");
    let p = Pos2::new(rect.min.x + at[0], rect.min.y + at[1]);
    h.hover_at(p);
    h.run_steps(30);
    // The tooltip's text (a label or a value, as the tree gives it).
    let head = format!("{n} ties between these two:");
    let tip: Vec<String> = h
        .get_all_by(|_| true)
        .filter_map(|n| {
            let node = egui_kittest::kittest::NodeT::accesskit_node(&n);
            node.label().or(node.value())
        })
        .filter(|t| t.starts_with(&head))
        .collect();
    assert!(!tip.is_empty(), "no tooltip for the bundle of {n}");
    // Each tie: its label and its status, at least.
    assert!(
        tip[0].lines().filter(|l| l.starts_with("• ")).count() >= 2 * n,
        "{tip:?}"
    );
}
