//! Compare mode, the change log and the alignment charts in the real app, through kittest.

use egui::accesskit::Role;
use egui::{Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::compare::CompareCommand;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::export::chart::{ChartLayout, details_chart};
use sahel_atlas::model::Day;

use crate::app_ui::harness;
use crate::common::day;

fn go_to(h: &mut Harness<'_, SahelApp>, date: &str) {
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDay(day(date))));
    h.run_steps(3);
}

fn strip_point(h: &Harness<'_, SahelApp>, date: &str) -> Pos2 {
    crate::app_ui::strip_point(h, day(date))
}

fn shift_click(h: &mut Harness<'_, SahelApp>, pos: Pos2) {
    h.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    h.event(egui::Event::PointerMoved(pos));
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        });
    }
    h.run_steps(2);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(3);
}

fn near(a: Day, b: Day) -> bool {
    (a.0 - b.0).abs() <= 5
}

#[test]
fn shift_click_on_the_strip_compares_and_the_changes_panel_lists_niger() {
    let mut h = harness();
    go_to(&mut h, "2023-12-31");
    assert_eq!(h.state().compare_range(), None);
    let july = strip_point(&h, "2023-07-25");
    shift_click(&mut h, july);
    let (from, to) = h.state().compare_range().expect("compare mode");
    assert!(near(from, day("2023-07-25")), "{:?}", from.to_date());
    assert_eq!(to, day("2023-12-31"));
    // The date did not move: shift-click marks, it does not scrub.
    assert_eq!(h.state().day(), day("2023-12-31"));
    let diff = h.state().compare_diff().expect("a diff");
    assert!(!diff.is_empty());
    // The Changes, in the right panel (with a tab for the events).
    assert!(
        h.get_all_by_label("Changes").count() >= 2,
        "the heading and the tab"
    );
    let timeline = h.state().timeline().clone();
    let niger = diff
        .by_sahel_state(&timeline)
        .into_iter()
        .find(|g| g.state == Some("NER"))
        .expect("Niger changed");
    h.get_by_label(&format!("Niger ({})", niger.changes.len()));
    h.get_by_label("EU Military Partnership Mission in Niger (EUMPM Niger)");
    h.get_by_label("EU Capacity Building Mission in Niger (EUCAP Sahel Niger)");
    h.get_by_label("ECOWAS sanctions on Niger (2023–2024; UEMOA measures alongside)");
    // Russia–Niger cooperation, in force since 2017, did not change between the two dates.
    assert!(
        h.query_by_label(
            "Russia–Niger military cooperation (agreement of 2017; new documents of 4 Dec 2023)"
        )
        .is_none()
    );

    // A click on an event jumps to it; the compared dates stay.
    let event = "4 Dec 2023 · Niger ends the EU's two missions";
    h.get_all_by_label(event)
        .next()
        .expect("the event under the EU missions")
        .scroll_to_me();
    h.run_steps(3);
    h.get_all_by_label(event).next().expect("the event").click();
    h.run_steps(3);
    assert_eq!(h.state().day(), day("2023-12-04"));
    assert_eq!(h.state().compare_range(), Some((from, to)));

    // Esc leaves compare mode, and the panel goes.
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert_eq!(h.state().compare_range(), None);
    assert!(
        h.query_by_label("EU Military Partnership Mission in Niger (EUMPM Niger)")
            .is_none()
    );
}

#[test]
fn shift_drag_on_the_strip_marks_both_ends() {
    let mut h = harness();
    go_to(&mut h, "2015-01-01");
    let (a, b) = (strip_point(&h, "2021-01-01"), strip_point(&h, "2024-06-01"));
    h.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    h.event(egui::Event::PointerMoved(a));
    h.step();
    h.event(egui::Event::PointerButton {
        pos: a,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::SHIFT,
    });
    h.step();
    for k in 1..=10 {
        h.event(egui::Event::PointerMoved(a + (b - a) * (k as f32 / 10.0)));
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: b,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::SHIFT,
    });
    h.step();
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(3);
    let (from, to) = h.state().compare_range().expect("compare mode");
    assert!(near(from, day("2021-01-01")), "{:?}", from.to_date());
    assert!(near(to, day("2024-06-01")), "{:?}", to.to_date());
    assert_eq!(h.state().day(), day("2015-01-01"), "the date stays");
}

#[test]
fn the_compare_with_field_sets_the_range() {
    let mut h = harness();
    go_to(&mut h, "2023-12-31");
    h.get_by_label("Compare with").click();
    h.run_steps(2);
    h.get_by_label("Compare with").type_text("2023-07-25");
    h.run_steps(2);
    h.get_by_label("Compare").click();
    h.run_steps(3);
    assert_eq!(
        h.state().compare_range(),
        Some((day("2023-07-25"), day("2023-12-31")))
    );
    h.get_by_label("French forces in Niger (Operation Barkhane, then bilateral partnership)");
}

#[test]
fn the_change_log_window_lists_what_began_and_ended_in_the_year() {
    let mut h = harness();
    go_to(&mut h, "2023-06-01");
    h.state_mut()
        .push(Command::Compare(CompareCommand::ShowChangelog(true)));
    h.run_steps(3);
    h.get_by_label("What changed this year");
    h.get_by_label_contains("Began (");
    h.get_by_label("30 Jul 2023 · ECOWAS sanctions on Niger (2023–2024; UEMOA measures alongside)")
        .click();
    h.run_steps(3);
    assert_eq!(h.state().day(), day("2023-07-30"));
    let sanctions = h
        .state()
        .timeline()
        .relationship_index("ecowas-sanctions-ner");
    assert_eq!(h.state().view.selected_link, sanctions);
}

#[test]
fn the_details_panel_and_the_view_menu_show_alignment_charts() {
    let mut h = harness();
    h.state_mut()
        .push(Command::SelectCountry(Some("NER".to_owned())));
    h.run_steps(3);
    h.get_by_label("Alignment over time");
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Alignment of the Sahel states").click();
    h.run_steps(3);
    assert!(h.state().view.compare.show_sahel_chart);
    // The window's title.
    assert!(
        h.get_all_by_label("Alignment of the Sahel states").count() >= 1,
        "the window is open"
    );
}

#[test]
fn the_change_list_exports_as_csv_and_markdown_with_sources() {
    let mut h = harness();
    go_to(&mut h, "2023-12-31");
    h.state_mut()
        .push(Command::Compare(CompareCommand::WithCurrent(day(
            "2023-07-25",
        ))));
    h.run_steps(2);
    let dir = std::env::temp_dir().join(format!("sahel-changes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let (csv, md) = (dir.join("changes.csv"), dir.join("changes.md"));
    for path in [&csv, &md] {
        h.state_mut()
            .push(Command::Compare(CompareCommand::ExportChangesTo(
                path.clone(),
            )));
    }
    // Written off the UI thread: wait for the jobs.
    let start = std::time::Instant::now();
    h.run_steps(2);
    while !h.state().is_idle() && start.elapsed() < std::time::Duration::from_secs(20) {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        h.state()
            .view
            .messages
            .iter()
            .any(|m| m.headline.starts_with("Exported") && m.headline.ends_with("changes.md.")),
        "{:?}",
        h.state().view.messages
    );
    let csv = std::fs::read_to_string(&csv).expect("CSV written");
    assert!(csv.starts_with("from,to,id,label,kind,change,group,parties"));
    assert!(
        csv.lines()
            .any(|l| l.contains(",eumpm-niger,") && l.contains("https://"))
    );
    let md = std::fs::read_to_string(&md).expect("Markdown written");
    assert!(md.starts_with("# What changed from 25 Jul 2023 to 31 Dec 2023"));
    assert!(md.contains("## Niger") && md.contains("](https://"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The details panel's chart of `entity` (an id), found by its name in the accessibility
/// tree ("Alignment chart: Niger", "Ties by counterpart: France"): its bounds and the layout
/// it draws, which is [`details_chart`]'s for its width.
fn chart(h: &Harness<'_, SahelApp>, (label, entity): Chart<'_>) -> (egui::Rect, ChartLayout) {
    let rect = h.get_by_role_and_label(Role::Canvas, label).rect();
    let timeline = h.state().timeline();
    let e = timeline
        .entity_index(entity)
        .expect("an entity of the scenario");
    let layout = details_chart(timeline, e, rect.width(), None).expect("a chart");
    assert_eq!(
        layout.size,
        [rect.width(), rect.height()],
        "the chart drawn"
    );
    (rect, layout)
}

/// A chart's name in the accessibility tree and the id of its entity.
type Chart<'a> = (&'a str, &'a str);

/// Where `chart` shows its plot on `day`: in the band of `group` (a group id) when given,
/// else half way up the plot. `None` when the chart has no such band, or the point is off the
/// screen.
fn chart_point(
    h: &Harness<'_, SahelApp>,
    chart_: Chart<'_>,
    date: &str,
    group: Option<&str>,
) -> Option<Pos2> {
    let (rect, layout) = chart(h, chart_);
    let timeline = h.state().timeline();
    let x = layout.x_of(day(date)) + 1.0;
    let plot = layout.plots.first()?;
    let y = match group {
        None => (plot.rect[1] + plot.rect[3]) / 2.0,
        Some(id) => {
            let g = timeline.group_index(id)?;
            layout.bands.iter().find_map(|b| {
                (b.band.group == g && b.min[0] <= x && x < b.max[0])
                    .then_some((b.min[1] + b.max[1]) / 2.0)
            })?
        }
    };
    on_screen(h, rect.min + egui::Vec2::new(x, y))
}

/// Where the partner's `chart` shows its row for `counterpart` (an id) on `day`.
fn chart_row_point(
    h: &Harness<'_, SahelApp>,
    chart_: Chart<'_>,
    counterpart: &str,
    date: &str,
) -> Option<Pos2> {
    let (rect, layout) = chart(h, chart_);
    let c = h.state().timeline().entity_index(counterpart)?;
    let row = layout.rows.iter().find(|r| r.counterpart == c)?;
    let y = (row.rect[1] + row.rect[3]) / 2.0;
    let x = layout.x_of(day(date)) + 1.0;
    on_screen(h, rect.min + egui::Vec2::new(x, y))
}

/// A node's text: a label's value, or another widget's label.
fn text_of(node: &egui_kittest::Node<'_>) -> Option<String> {
    let node = egui_kittest::kittest::NodeT::accesskit_node(node);
    node.value().or_else(|| node.label())
}

/// `p` when it is on the screen (a chart scrolled away is not).
fn on_screen(h: &Harness<'_, SahelApp>, p: Pos2) -> Option<Pos2> {
    h.ctx.content_rect().contains(p).then_some(p)
}

#[test]
fn a_click_in_the_alignment_chart_moves_the_date_and_hover_names_the_ties() {
    // The chart is found by its name in the accessibility tree, as a screen reader would.
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1500.0, 1000.0))
        .with_max_steps(400)
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            crate::common::app_in_english(),
        );
    h.run_steps(3);
    h.state_mut()
        .push(Command::SelectCountry(Some("NER".to_owned())));
    h.run_steps(3);
    let niger = ("Alignment chart: Niger", "NER");
    let p = chart_point(&h, niger, "2016-06-01", None).expect("Niger's chart is drawn");
    crate::app_ui::click_at(&mut h, p);
    // The chart is a few hundred pixels wide for 15 years: a pixel is about three weeks.
    let moved = h.state().day();
    assert!(
        (moved.0 - day("2016-06-01").0).abs() <= 40,
        "{:?}",
        moved.to_date()
    );
    // Hover the Russian band in 2025: the tooltip names the group and Russia's ties.
    let band =
        chart_point(&h, niger, "2025-06-01", Some("russian")).expect("a Russian band in 2025");
    h.hover_at(band);
    h.run_steps(30);
    let tip: Vec<String> = h
        .get_all_by_label_contains("Niger, Russia, Wagner and the Africa Corps:")
        .filter_map(|n| text_of(&n))
        .collect();
    assert!(
        tip.iter()
            .any(|t| t.contains("• Russia–Niger military cooperation")),
        "{tip:?}"
    );
}

#[test]
fn a_partners_details_chart_its_ties_by_counterpart_and_hover_names_them() {
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1500.0, 1000.0))
        .with_max_steps(400)
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            crate::common::app_in_english(),
        );
    h.run_steps(3);
    h.state_mut()
        .push(Command::SelectCountry(Some("FRA".to_owned())));
    h.run_steps(3);
    h.get_by_label("Ties by counterpart");
    // It stands in for "Partners over time", which said the same less well.
    assert!(h.query_all_by_label("Partners over time").next().is_none());
    // One row per counterpart: Mali's and Chad's are both drawn.
    let france = ("Ties by counterpart: France", "FRA");
    assert!(
        chart_row_point(&h, france, "TCD", "2016-06-01").is_some(),
        "a row for Chad"
    );
    let p = chart_row_point(&h, france, "MLI", "2016-06-01").expect("a row for Mali");
    h.hover_at(p);
    h.run_steps(30);
    let tip: Vec<String> = h
        .get_all_by_label_contains("France – Mali: active from")
        .filter_map(|n| text_of(&n))
        .collect();
    assert!(
        tip.iter().any(|t| t.contains("• Operation Barkhane")),
        "{tip:?}"
    );
    // Later, the same row says the ties ended.
    let p = chart_row_point(&h, france, "MLI", "2025-06-01").expect("Mali's row in 2025");
    h.hover_at(p);
    h.run_steps(30);
    assert!(
        h.get_all_by_label_contains("France – Mali: ended from")
            .next()
            .is_some()
    );
}
