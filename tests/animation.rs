//! Animations: the schedule paced by events, and GIF and MP4 clips read back with decoders
//! (the `gif` decoder, the `mp4` demuxer and OpenH264's decoder), cancelling, and the
//! `render` subcommand's errors for clips, run as the real binary.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use jiff::civil::Date;
use sahel_atlas::export::{
    AnimationFrame, AnimationProgress, AnimationRequest, ExportError, FrameStep, MapData,
    RenderOptions, animation_schedule, render_animation, render_rgba,
};
use sahel_atlas::map::MapLayer;
use sahel_atlas::model::{Timeline, parse_date};

use crate::common::{Ran, coarse, sahel_atlas, timeline};

fn date(text: &str) -> Date {
    parse_date(text).expect("test date")
}

fn data<'a>(layer: &'a MapLayer, timeline: &'a Timeline) -> MapData<'a> {
    MapData {
        layer,
        places: layer,
        timeline,
    }
}

fn request(from: &str, to: &str, fps: f64, hold: f64) -> AnimationRequest {
    AnimationRequest {
        from: date(from),
        to: date(to),
        step: FrameStep::parse("1m").expect("step"),
        fps,
        hold_events: hold,
    }
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "sahel-atlas-animation-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn render(
    out: &Path,
    size: [u32; 2],
    req: &AnimationRequest,
) -> Result<Vec<AnimationFrame>, ExportError> {
    let (layer, timeline) = (coarse(), timeline());
    let options = RenderOptions {
        size,
        ..RenderOptions::at(req.from)
    };
    render_animation(
        &data(&layer, &timeline),
        &options,
        req,
        out,
        &AnimationProgress::default(),
    )?;
    animation_schedule(&timeline, req, size[0] & !1)
}

#[test]
fn held_frames_are_the_frames_where_events_take_effect_with_their_titles() {
    let timeline = timeline();
    let req = request("2023-06-01", "2024-01-01", 2.0, 1.5);
    let frames = animation_schedule(&timeline, &req, 1280).expect("schedule");
    assert_eq!(frames.len(), 8);
    let scenario = timeline.scenario();
    let mut previous = date("2023-05-31");
    let mut clock = 0.0;
    for frame in &frames {
        // Exactly the events dated after the previous frame and on or before this one.
        let mut expected: Vec<sahel_atlas::model::EventIx> = scenario
            .events_ix()
            .filter(|(_, e)| e.date > previous && e.date <= frame.date)
            .map(|(i, _)| i)
            .collect();
        let mut got = frame.events.clone();
        expected.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, expected, "{}", frame.date);
        previous = frame.date;
        assert!((frame.start - clock).abs() < 1e-9);
        clock += frame.seconds;
        if frame.events.is_empty() {
            assert_eq!(frame.seconds, 0.5);
            assert_eq!(frame.headline, None);
        } else {
            assert_eq!(frame.seconds, 1.5);
            let first = &scenario.events[frame.events[0]].title;
            let headline = frame.headline.clone().unwrap_or_default();
            assert!(headline.starts_with(first.as_str()), "{headline}");
            if frame.events.len() > 1 {
                let titles: Vec<&str> = frame
                    .events
                    .iter()
                    .map(|&e| scenario.events[e].title.as_str())
                    .collect();
                let all = titles.join(" · ");
                let more = format!("{first} (and {} more)", frame.events.len() - 1);
                assert!(headline == all || headline == more, "{headline}");
            }
        }
    }
    // The 4 December 2023 story is held on the January frame: Niger ends the EU missions.
    let january = frames.last().expect("last frame");
    assert!(
        january
            .events
            .iter()
            .any(|&e| scenario.events[e].id == "2023-12-04-niger-ends-eu-missions")
    );
    assert!(frames.iter().any(|f| f.headline.is_some()));
    // A frame with no event takes its room but no title: the weeks of a quiet month.
    let quiet = animation_schedule(
        &timeline,
        &AnimationRequest {
            step: FrameStep::parse("1d").expect("step"),
            ..request("2023-06-01", "2023-06-30", 2.0, 1.5)
        },
        1280,
    )
    .expect("schedule");
    assert!(
        quiet
            .iter()
            .any(|f| f.events.is_empty() && f.headline.is_none())
    );

    // Without a hold, time flows evenly and nothing is captioned.
    let even = animation_schedule(
        &timeline,
        &request("2023-06-01", "2024-01-01", 4.0, 0.0),
        1280,
    )
    .expect("schedule");
    assert!(
        even.iter()
            .all(|f| f.seconds == 0.25 && f.headline.is_none())
    );
}

#[test]
fn ranges_outside_the_span_and_bad_paces_are_refused() {
    let timeline = timeline();
    for (req, what) in [
        (request("2000-01-01", "2020-01-01", 2.0, 0.0), "outside"),
        (request("2020-01-01", "2030-01-01", 2.0, 0.0), "outside"),
        (request("2020-01-01", "2019-01-01", 2.0, 0.0), "before"),
        (request("2020-01-01", "2021-01-01", 0.0, 0.0), "--fps"),
        (request("2020-01-01", "2021-01-01", f64::NAN, 0.0), "--fps"),
        (
            request("2020-01-01", "2021-01-01", 2.0, -1.0),
            "--hold-events",
        ),
    ] {
        let e = animation_schedule(&timeline, &req, 800).map(|f| f.len());
        let message = e.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains(what), "{req:?}: {message}");
    }
}

#[test]
fn a_held_frame_carries_its_headline_in_the_title_panel() {
    let (layer, timeline) = (coarse(), timeline());
    let plain = RenderOptions {
        size: [1280, 720],
        ..RenderOptions::at(date("2023-12-05"))
    };
    let held = RenderOptions {
        headline: Some("Niger ends the EU's two missions".to_owned()),
        ..plain.clone()
    };
    let a = render_rgba(&data(&layer, &timeline), &plain).expect("plain");
    let b = render_rgba(&data(&layer, &timeline), &held).expect("held");
    let differs = |x0: usize, x1: usize, y0: usize, y1: usize| {
        (y0..y1)
            .any(|y| (x0..x1).any(|x| a[(y * 1280 + x) * 4..][..3] != b[(y * 1280 + x) * 4..][..3]))
    };
    // The title panel is at the top left: the headline's line is its third.
    assert!(
        differs(16, 600, 80, 160),
        "no headline drawn in the title panel"
    );
    // The rest of the picture is the same.
    assert!(!differs(640, 1280, 0, 720), "the headline changed the map");

    // In a clip with holds the other frames keep the headline's room (an empty headline),
    // so the title panel and the legend stay put: only the panel's text differs.
    let small = |headline: Option<&str>| {
        let options = RenderOptions {
            size: [800, 500],
            headline: headline.map(str::to_owned),
            ..RenderOptions::at(date("2025-12-01"))
        };
        render_rgba(&data(&layer, &timeline), &options).expect("render")
    };
    let (held, other) = (small(Some("A headline")), small(Some("")));
    let below_panel_same = (135..430).all(|y| {
        (0..800).all(|x| held[(y * 800 + x) * 4..][..3] == other[(y * 800 + x) * 4..][..3])
    });
    assert!(
        below_panel_same,
        "the legend or the panel moved between frames"
    );
}

#[test]
fn a_gif_loops_with_its_frames_size_and_delays() {
    let dir = scratch_dir("gif");
    let out = dir.join("clip.gif");
    // 2016: months with events (held) and months without (a quarter of a second).
    let req = request("2016-01-01", "2016-12-01", 4.0, 1.0);
    let frames = render(&out, [320, 200], &req).expect("GIF written");
    assert_eq!(files_in(&dir), ["clip.gif"], "no temporary file left");

    let file = std::fs::File::open(&out).expect("open GIF");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options.read_info(file).expect("GIF header");
    assert_eq!((decoder.width(), decoder.height()), (320, 200));
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().expect("GIF frame") {
        delays.push(frame.delay);
    }
    assert_eq!(decoder.repeat(), gif::Repeat::Infinite);
    // One GIF frame per clip frame (each month changes the date), each for its time.
    assert_eq!(delays.len(), frames.len());
    let expected: Vec<u16> = frames
        .iter()
        .map(|f| (f.seconds * 100.0).round() as u16)
        .collect();
    assert_eq!(delays, expected);
    assert!(delays.contains(&25) && delays.contains(&100), "{delays:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The boxes at the top of an MP4 file: (type, offset, size).
fn top_boxes(bytes: &[u8]) -> Vec<(String, usize, usize)> {
    let mut boxes = Vec::new();
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let size = u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes")) as usize;
        let kind = String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned();
        boxes.push((kind, at, size));
        if size < 8 {
            break;
        }
        at += size;
    }
    boxes
}

/// A length-prefixed (AVCC) sample as an Annex B stream.
fn annex_b(sample: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 4 <= sample.len() {
        let len = u32::from_be_bytes(sample[at..at + 4].try_into().expect("4 bytes")) as usize;
        out.extend_from_slice(&[0, 0, 0, 1]);
        out.extend_from_slice(&sample[at + 4..at + 4 + len]);
        at += 4 + len;
    }
    out
}

#[test]
fn an_mp4_has_one_h264_track_of_the_frames_and_decodes_to_the_map() {
    use openh264::formats::YUVSource;
    let dir = scratch_dir("mp4");
    let out = dir.join("clip.mp4");
    // Odd sides are rounded down to even ones for 4:2:0.
    let req = request("2023-06-01", "2024-01-01", 2.0, 1.5);
    let frames = render(&out, [321, 201], &req).expect("MP4 written");
    assert_eq!(files_in(&dir), ["clip.mp4"], "no temporary file left");

    let bytes = std::fs::read(&out).expect("read MP4");
    let kinds: Vec<String> = top_boxes(&bytes).into_iter().map(|b| b.0).collect();
    assert_eq!(kinds, ["ftyp", "moov", "mdat"], "laid out for fast start");

    let size = bytes.len() as u64;
    let mut mp4 = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).expect("demux");
    assert_eq!(mp4.tracks().len(), 1);
    let (&id, track) = mp4.tracks().iter().next().expect("a track");
    assert_eq!(
        track.media_type().expect("media type"),
        mp4::MediaType::H264
    );
    assert_eq!(track.box_type().expect("box type").to_string(), "avc1");
    assert_eq!((track.width(), track.height()), (320, 200));
    assert_eq!(track.sample_count() as usize, frames.len());
    let sps = track
        .sequence_parameter_set()
        .expect("SPS in avcC")
        .to_vec();
    let pps = track.picture_parameter_set().expect("PPS in avcC").to_vec();
    let timescale = f64::from(track.timescale());
    let total: f64 = frames.iter().map(|f| f.seconds).sum();
    assert!((track.duration().as_secs_f64() - total).abs() < 0.01);

    // Held frames last the hold; the others 1/fps.
    for (k, frame) in frames.iter().enumerate() {
        let sample = mp4
            .read_sample(id, k as u32 + 1)
            .expect("sample")
            .expect("present");
        assert!((f64::from(sample.duration) / timescale - frame.seconds).abs() < 1e-3);
        if k == 0 {
            assert!(sample.is_sync, "the first sample is a key frame");
        }
    }

    // The first frame decodes to the map: the top-right corner is the colour drawn there.
    let first = mp4.read_sample(id, 1).expect("sample").expect("present");
    let mut stream = vec![0, 0, 0, 1];
    stream.extend_from_slice(&sps);
    stream.extend_from_slice(&[0, 0, 0, 1]);
    stream.extend_from_slice(&pps);
    stream.extend(annex_b(&first.bytes));
    let mut decoder = openh264::decoder::Decoder::new().expect("decoder");
    let yuv = decoder
        .decode(&stream)
        .expect("decodes")
        .expect("a picture");
    assert_eq!(yuv.dimensions(), (320, 200));
    let mut rgb = vec![0u8; 320 * 200 * 3];
    yuv.write_rgb8(&mut rgb);
    let (layer, timeline) = (coarse(), timeline());
    let drawn = render_rgba(
        &data(&layer, &timeline),
        &RenderOptions {
            size: [320, 200],
            // As the clip drew it: with its headline (or the headline's room).
            headline: frames[0].headline.clone(),
            ..RenderOptions::at(frames[0].date)
        },
    )
    .expect("render");
    // Away from edges (H.264 blurs them): the corner, a flat spot near the middle (the first
    // one around (160, 60) whose 7×7 neighbourhood is one colour, so that no arc or letter
    // crosses it: which ties are drawn there depends on the data), the caption.
    let flat = |x: usize, y: usize| {
        let centre = &drawn[(y * 320 + x) * 4..][..3];
        (y - 3..=y + 3).all(|j| {
            (x - 3..=x + 3).all(|i| {
                let p = &drawn[(j * 320 + i) * 4..][..3];
                (0..3).all(|c| p[c].abs_diff(centre[c]) <= 2)
            })
        })
    };
    let inside = (50..=70)
        .flat_map(|y| (100..=220).map(move |x| (x, y)))
        .find(|&(x, y)| flat(x, y))
        .expect("a flat spot near the middle");
    for (x, y) in [(315usize, 4usize), inside, (160, 192)] {
        let got = &rgb[(y * 320 + x) * 3..][..3];
        let want = &drawn[(y * 320 + x) * 4..][..3];
        for c in 0..3 {
            assert!(
                got[c].abs_diff(want[c]) <= 12,
                "pixel ({x}, {y}): decoded {got:?}, drawn {want:?}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cancelling_leaves_nothing_at_the_path_asked_for() {
    let (layer, timeline) = (coarse(), timeline());
    let dir = scratch_dir("cancel");
    for name in ["clip.mp4", "clip.gif"] {
        let out = dir.join(name);
        // Cancelled before it starts.
        let progress = AnimationProgress::default();
        progress.cancel();
        let req = request("2012-01-01", "2026-01-01", 10.0, 0.0);
        let options = RenderOptions {
            size: [320, 200],
            ..RenderOptions::at(req.from)
        };
        let result = render_animation(&data(&layer, &timeline), &options, &req, &out, &progress);
        assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
        assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));

        // Cancelled part way, over an older file of the same name, which stays as it was.
        std::fs::write(&out, b"an older clip").expect("write");
        let progress = AnimationProgress::default();
        let result = std::thread::scope(|scope| {
            scope.spawn(|| {
                let started = std::time::Instant::now();
                while progress.done.load(Ordering::Relaxed) < 3 && started.elapsed().as_secs() < 120
                {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                progress.cancel();
            });
            render_animation(&data(&layer, &timeline), &options, &req, &out, &progress)
        });
        assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
        let (done, total) = progress.counts();
        assert!(done >= 3 && done < total, "{done} of {total}");
        assert_eq!(files_in(&dir), [name]);
        assert_eq!(std::fs::read(&out).expect("read"), b"an older clip");
        std::fs::remove_file(&out).expect("remove");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_render_command_writes_a_clip_and_refuses_bad_arguments_in_one_line() {
    let dir = scratch_dir("cli");
    let out = dir.join("clip.gif");
    let out_text = out.to_string_lossy().into_owned();
    let Ran {
        ok, stdout, stderr, ..
    } = sahel_atlas([
        "render",
        "--from",
        "2023-10-01",
        "--to",
        "2024-01-01",
        "--step",
        "1m",
        "--size",
        "200x120",
        "--fps",
        "2",
        "--hold-events",
        "1",
        "--out",
        &out_text,
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("4 frames"), "{stdout}");
    assert!(out.exists());

    let missing_dir = dir.join("no-such-folder").join("clip.mp4");
    let missing_dir = missing_dir.to_string_lossy().into_owned();
    let base = [
        "render",
        "--from",
        "2023-01-01",
        "--to",
        "2023-06-01",
        "--size",
        "200x120",
    ];
    for (extra, what) in [
        (vec!["--step", "0m", "--out", "x.mp4"], "--step"),
        (
            vec!["--step", "1m", "--out", "x.mp4", "--fps", "0"],
            "--fps",
        ),
        (vec!["--step", "1m", "--out", "x.avi"], ".mp4 or .gif"),
        (
            vec!["--step", "1m", "--out", &missing_dir],
            "no-such-folder",
        ),
    ] {
        let args: Vec<&str> = base.iter().copied().chain(extra).collect();
        let Ran {
            ok,
            stdout: _,
            stderr,
            ..
        } = sahel_atlas(&args);
        assert!(!ok, "{args:?} succeeded");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(what), "{args:?}: {stderr}");
    }
    let Ran {
        ok,
        stdout: _,
        stderr,
        ..
    } = sahel_atlas([
        "render",
        "--from",
        "1999-01-01",
        "--to",
        "2023-06-01",
        "--step",
        "1m",
        "--out",
        "x.gif",
    ]);
    assert!(!ok);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("outside the scenario's span"), "{stderr}");
    assert!(!Path::new("x.gif").exists() && !Path::new("x.mp4").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_app_exports_an_animation_off_the_ui_thread() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let dir = scratch_dir("app");
    let out = dir.join("from-the-app.gif");
    let out_text = out.to_string_lossy().into_owned();
    let mut h = crate::app_ui::harness();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Export animation…").click();
    h.run_steps(2);
    // The menu's command opens it after the frame; a new window lays itself out unseen once.
    h.run_steps(2);
    assert!(
        h.query_by_label("Export animation").is_some(),
        "the window opened, under its title"
    );
    for (label, text) in [
        ("From", "2023-10-01"),
        ("To", "2024-01-01"),
        ("Size", "200x120"),
        ("File", out_text.as_str()),
    ] {
        h.get_by_role_and_label(Role::TextInput, label).click();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
        h.run_steps(1);
    }
    h.get_by_label("GIF").click();
    h.run_steps(1);
    h.get_by_label("Export").click();
    h.run_steps(2);
    let started = std::time::Instant::now();
    while h.query_by_label_contains("Wrote").is_none() && started.elapsed().as_secs() < 120 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label_contains("Wrote");
    let file = std::fs::File::open(&out).expect("the app wrote the GIF");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options.read_info(file).expect("GIF header");
    assert_eq!((decoder.width(), decoder.height()), (200, 120));
    let mut frames = 0;
    while decoder.read_next_frame().expect("frame").is_some() {
        frames += 1;
    }
    assert_eq!(frames, 4, "October 2023 to January 2024, monthly");
    assert_eq!(files_in(&dir), ["from-the-app.gif"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_apps_clip_is_a_job_and_cancel_leaves_nothing() {
    use egui_kittest::kittest::Queryable;
    use sahel_atlas::app::animation::{AnimationCommand, AnimationExport};
    use sahel_atlas::app::command::Command;
    let dir = scratch_dir("app-cancel");
    let out = dir.join("long.mp4");
    let mut h = crate::app_ui::harness();
    h.state_mut().push(Command::OpenAnimationWindow);
    h.run_steps(2);
    // Fourteen years, monthly, at 1280×720: far longer than the frames below.
    let export = AnimationExport {
        request: request("2012-01-01", "2025-12-01", 2.0, 1.5),
        size: [1280, 720],
        path: out.clone(),
        use_view: false,
    };
    h.state_mut()
        .push(Command::Animation(AnimationCommand::Export(export)));
    h.run_steps(2);
    assert!(!h.state().is_idle(), "the clip is one of the app's jobs");
    h.get_by_label("Cancel");
    h.state_mut()
        .push(Command::Animation(AnimationCommand::Cancel));
    let started = std::time::Instant::now();
    while !h.state().is_idle() && started.elapsed().as_secs() < 120 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(2);
    assert!(h.state().is_idle(), "the job ended");
    h.get_by_label_contains("Cancelled: nothing was written to");
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}
