//! Issue #17, "nothing lost, nothing injected": atomic outputs under concurrency, full disks
//! and signals; standard output errors; the strict scenario reader, one test per rule; dates
//! outside the span; escaping for Markdown, CSV and terminals (with a property test).

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use proptest::prelude::*;
use sahel_atlas::model::{Day, Scenario, Timeline};

use crate::common::{fixture, sahel_atlas};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sahel-atlas"))
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahel-atlas-safe-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// The names in a folder, hidden ones too, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn s(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

// ---------------------------------------------------------------------------------------
// Atomic outputs

/// Every sample of an MP4 decodes (a mix of two writers' samples fails with "Invalid NAL
/// unit size" or a decoding error).
fn decode_every_mp4_sample(bytes: Vec<u8>) -> usize {
    let size = bytes.len() as u64;
    let mut mp4 = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).expect("demux");
    let (&id, track) = mp4.tracks().iter().next().expect("a track");
    let count = track.sample_count();
    let mut stream = vec![0, 0, 0, 1];
    stream.extend_from_slice(track.sequence_parameter_set().expect("SPS"));
    stream.extend_from_slice(&[0, 0, 0, 1]);
    stream.extend_from_slice(track.picture_parameter_set().expect("PPS"));
    let mut decoder = openh264::decoder::Decoder::new().expect("decoder");
    for k in 1..=count {
        let sample = mp4.read_sample(id, k).expect("sample").expect("present");
        let mut at = 0;
        while at + 4 <= sample.bytes.len() {
            let len = u32::from_be_bytes(sample.bytes[at..at + 4].try_into().expect("4")) as usize;
            assert!(
                at + 4 + len <= sample.bytes.len(),
                "sample {k}: NAL unit size"
            );
            stream.extend_from_slice(&[0, 0, 0, 1]);
            stream.extend_from_slice(&sample.bytes[at + 4..at + 4 + len]);
            at += 4 + len;
        }
        let picture = decoder.decode(&stream).expect("sample decodes");
        assert!(picture.is_some(), "sample {k} gives a picture");
        stream.clear();
    }
    count as usize
}

#[test]
fn four_processes_writing_one_clip_leave_one_whole_file_and_no_temporary() {
    let dir = scratch_dir("concurrent");
    for (name, frames) in [("clip.mp4", 6), ("clip.gif", 6)] {
        let out = dir.join(name);
        let children: Vec<_> = (0..4)
            .map(|i| {
                // Different sizes, so that a mix of two writers could not pass for one file.
                let size = format!("{}x{}", 160 + 32 * i, 96 + 16 * i);
                bin()
                    .args(["render", "--from", "2023-01-01", "--to", "2023-06-01"])
                    .args(["--step", "1m", "--size", &size, "--out", &s(&out)])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(files_in(&dir), [name], "no temporary file is left");
        let bytes = std::fs::read(&out).expect("read");
        if name.ends_with(".mp4") {
            assert_eq!(decode_every_mp4_sample(bytes), frames);
        } else {
            let mut options = gif::DecodeOptions::new();
            options.set_color_output(gif::ColorOutput::Indexed);
            let mut decoder = options.read_info(bytes.as_slice()).expect("GIF header");
            let (w, h) = (decoder.width(), decoder.height());
            assert!(
                (0..4).any(|i| (w, h) == (160 + 32 * i, 96 + 16 * i)),
                "{w}×{h} is one writer's size"
            );
            let mut read = 0;
            while let Some(frame) = decoder.read_next_frame().expect("frame decodes") {
                assert!(frame.left + frame.width <= w && frame.top + frame.height <= h);
                read += 1;
            }
            assert!(read >= 1);
        }
        std::fs::remove_file(&out).expect("remove");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn every_output_is_written_through_a_symlink() {
    let dir = scratch_dir("symlink");
    let real = dir.join("real.csv");
    let link = dir.join("link.csv");
    std::fs::write(&real, "old").expect("real");
    std::os::unix::fs::symlink("real.csv", &link).expect("symlink");
    let ran = sahel_atlas(["export", "--at", "2023-12-05", "--out", &s(&link)]);
    assert!(ran.ok, "{}", ran.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    let text = std::fs::read_to_string(&real).expect("real");
    assert!(text.starts_with("id,label,kind"), "{text}");
    assert_eq!(files_in(&dir), ["link.csv", "real.csv"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A small tmpfs mounted for a test and unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` at a new folder, or says why it cannot.
    fn mount(name: &str, size: &str) -> Result<Self, String> {
        if !cfg!(target_os = "linux") {
            return Err("tmpfs is Linux's".to_owned());
        }
        let dir = scratch_dir(name);
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if out.status.success() {
            Ok(Self(dir))
        } else {
            let _ = std::fs::remove_dir_all(&dir);
            Err(format!(
                "mount -t tmpfs is not permitted here ({})",
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Fills the file system at `dir` until it is full.
fn fill(dir: &Path) {
    use std::io::Write as _;
    let mut filler = std::fs::File::create(dir.join("filler")).expect("filler");
    let block = vec![0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    let _ = filler.sync_all();
    // Whatever bytes are left in a last, partial block.
    while filler.write_all(&[0]).is_ok() {}
}

#[test]
fn a_full_disk_leaves_every_old_file_as_it_was_and_no_temporary() {
    let disk = match Tmpfs::mount("full", "2m") {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("skipped: the disk-full test needs a small tmpfs: {why}");
            return;
        }
    };
    let dir = &disk.0;
    let outputs = [
        (
            "map.png",
            vec!["render", "--at", "2023-12-05", "--size", "320x200"],
        ),
        (
            "map.svg",
            vec!["render", "--at", "2023-12-05", "--size", "320x200"],
        ),
        ("state.csv", vec!["export", "--at", "2023-12-05"]),
        ("state.geojson", vec!["export", "--at", "2023-12-05"]),
        ("chart.svg", vec!["chart", "--country", "NER"]),
        (
            "clip.gif",
            vec![
                "render",
                "--from",
                "2023-01-01",
                "--to",
                "2023-04-01",
                "--step",
                "1m",
                "--size",
                "160x100",
            ],
        ),
    ];
    // Good files first, while there is room.
    let mut old = Vec::new();
    for (name, args) in &outputs {
        let out = dir.join(name);
        let ran = sahel_atlas(args.iter().copied().chain(["--out", &s(&out)]));
        assert!(ran.ok, "{name}: {}", ran.stderr);
        old.push(std::fs::read(&out).expect("written"));
    }
    let frames = dir.join("frames");
    std::fs::create_dir(&frames).expect("frames folder");
    let frame = frames.join("frame-0001.png");
    std::fs::write(&frame, b"an older frame").expect("old frame");
    fill(dir);
    for ((name, args), before) in outputs.iter().zip(&old) {
        let out = dir.join(name);
        let ran = sahel_atlas(args.iter().copied().chain(["--out", &s(&out)]));
        assert_eq!(ran.code, Some(1), "{name}: {ran:?}");
        assert_eq!(
            ran.stderr.trim().lines().count(),
            1,
            "{name}: {}",
            ran.stderr
        );
        assert!(
            ran.stderr.contains("cannot write"),
            "{name}: {}",
            ran.stderr
        );
        assert_eq!(&std::fs::read(&out).expect("still there"), before, "{name}");
    }
    let ran = sahel_atlas([
        "render",
        "--from",
        "2023-01-01",
        "--to",
        "2023-02-01",
        "--step",
        "1m",
        "--size",
        "320x200",
        "--out",
        &s(&frames),
    ]);
    assert_eq!(ran.code, Some(1), "{ran:?}");
    assert_eq!(std::fs::read(&frame).expect("frame"), b"an older frame");
    let mut expected: Vec<String> = outputs.iter().map(|(n, _)| (*n).to_owned()).collect();
    expected.extend(["filler".to_owned(), "frames".to_owned()]);
    expected.sort();
    assert_eq!(files_in(dir), expected, "no temporary file is left");
    assert_eq!(files_in(&frames), ["frame-0001.png"]);
}

/// Starts a long clip, waits until its temporary file exists, sends `signal`, and returns
/// the exit code and standard error.
#[cfg(unix)]
fn interrupt_a_clip(out: &Path, signal: &str) -> (Option<i32>, String) {
    let dir = out.parent().expect("folder");
    let mut child = bin()
        .args([
            "render",
            "--from",
            "2012-01-01",
            "--to",
            "2026-12-01",
            "--step",
            "7d",
        ])
        .args(["--size", "320x200", "--out", &s(out)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    while !files_in(dir).iter().any(|f| f.ends_with(".part")) {
        assert!(
            started.elapsed().as_secs() < 300,
            "no temporary file appeared"
        );
        assert!(child.try_wait().expect("wait").is_none(), "ended too soon");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let killed = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read");
    let status = child.wait().expect("wait");
    (status.code(), stderr)
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_remove_the_temporary_files_and_exit_130_and_143() {
    let dir = scratch_dir("signals");
    for (name, signal, code) in [("clip.mp4", "-INT", 130), ("clip.gif", "-TERM", 143)] {
        let out = dir.join(name);
        std::fs::write(&out, b"an older clip").expect("old");
        let (got, stderr) = interrupt_a_clip(&out, signal);
        assert_eq!(got, Some(code), "{name}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.contains(if code == 130 {
                "interrupted"
            } else {
                "terminated"
            }),
            "{stderr}"
        );
        assert_eq!(files_in(&dir), [name], "no temporary file is left");
        assert_eq!(std::fs::read(&out).expect("old"), b"an older clip");
        std::fs::remove_file(&out).expect("remove");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// Standard output

#[test]
fn standard_output_on_a_full_device_is_one_line_and_exit_1() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    for args in [
        &["state", "--at", "2023-12-05", "--json"][..],
        &["state", "--at", "2023-12-05"],
        &["changelog", "--markdown"],
        &[
            "diff",
            "--from",
            "2023-07-25",
            "--to",
            "2023-12-31",
            "--markdown",
        ],
    ] {
        let out = bin()
            .args(args)
            .stdout(full.try_clone().expect("clone"))
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [
        &[
            "diff",
            "--from",
            "2012-01-01",
            "--to",
            "2026-12-31",
            "--markdown",
        ][..],
        &["changelog", "--markdown"],
        &["state", "--at", "2023-12-05", "--json"],
    ] {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // As `| head -c 10`: read a little, then close the pipe.
        let mut stdout = child.stdout.take().expect("stdout");
        let mut head = [0u8; 10];
        let _ = stdout.read(&mut head);
        drop(stdout);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------------------------------
// The strict scenario reader: one test per rule

/// The tiny fixture scenario with `edit` applied to its text, written to a file.
fn scenario_file(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(fixture("scenario/tiny.json")).expect("tiny");
    let edited = edit(text.clone());
    assert_ne!(edited, text, "{name}: the edit changed nothing");
    let path = dir.join(name);
    std::fs::write(&path, edited).expect("write");
    path
}

/// `check FILE`: (passed, what it printed).
fn check(path: &Path) -> (bool, String) {
    let ran = sahel_atlas([std::ffi::OsStr::new("check"), path.as_os_str()]);
    (ran.ok, ran.stdout)
}

#[test]
fn an_unknown_key_is_an_error_at_its_place_with_the_nearest_key() {
    let dir = scratch_dir("unknown-key");
    let path = scenario_file(&dir, "typo.json", |t| {
        t.replace(
            r#""date": "2021-03-01", "precision""#,
            r#""date": "2021-03-01", "efective": "2022-01-01", "precision""#,
        )
    });
    let (ok, out) = check(&path);
    assert!(!ok, "{out}");
    // Line 15 of the file, at the key's opening quote.
    let column = 1 + std::fs::read_to_string(&path)
        .expect("read")
        .lines()
        .nth(14)
        .expect("line 15")
        .find("\"efective\"")
        .expect("the key");
    assert!(
        out.contains(&format!(
            "typo.json:15:{column}: error: events[1]: unknown field `efective`; did you mean `effective`?"
        )),
        "{out}"
    );
    // Anywhere in the format: an entity's place.
    let path = scenario_file(&dir, "place.json", |t| {
        t.replace(r#""lat": 17.4}"#, r#""lat": 17.4, "lable": "Niamey"}"#)
    });
    let (ok, out) = check(&path);
    assert!(!ok && out.contains("did you mean `label`?"), "{out}");
    // Far from every key: the list of keys instead.
    let path = scenario_file(&dir, "far.json", |t| {
        t.replace(r#""title": "Tiny","#, r#""title": "Tiny", "zzzzzzzz": 1,"#)
    });
    let (ok, out) = check(&path);
    assert!(
        !ok && out.contains("unknown field `zzzzzzzz`; the fields here are"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dates_are_yyyy_mm_dd_or_shorter_only_where_the_precision_says_so() {
    let dir = scratch_dir("dates");
    let path = scenario_file(&dir, "basic.json", |t| {
        t.replace(r#""date": "2020-03-01""#, r#""date": "20200301""#)
    });
    let (ok, out) = check(&path);
    assert!(!ok, "{out}");
    assert!(
        out.contains("'20200301' is not a date of the form YYYY-MM-DD"),
        "{out}"
    );
    for (from, to) in [
        (r#""start": "2020-01-01""#, r#""start": "2020-1-1""#),
        (r#""end": "2021-12-31""#, r#""end": "2021-12-31T00:00""#),
    ] {
        let path = scenario_file(&dir, "span.json", |t| t.replace(from, to));
        let (ok, out) = check(&path);
        assert!(
            !ok && out.contains("is not a date of the form YYYY-MM-DD"),
            "{out}"
        );
    }
    // The month-precision event may be written 2021-03; the day-precision one may not.
    let path = scenario_file(&dir, "month.json", |t| {
        t.replace(r#""date": "2021-03-01""#, r#""date": "2021-03""#)
    });
    let (ok, out) = check(&path);
    assert!(ok, "{out}");
    let path = scenario_file(&dir, "day.json", |t| {
        t.replace(r#""date": "2020-03-01""#, r#""date": "2020-03""#)
    });
    let (ok, out) = check(&path);
    assert!(!ok, "{out}");
    assert!(
        out.contains("day.json:13:") && out.contains("needs \"precision\": \"month\""),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_address_field_must_be_a_web_address() {
    let dir = scratch_dir("addresses");
    let cases: [(&str, &str, &str, &str); 6] = [
        (
            "event",
            r#""sources": ["https://example.org/a"]"#,
            r#""sources": ["javascript:alert(1)"]"#,
            "event \"start\": source \"javascript:alert(1)\": is a javascript: address",
        ),
        (
            "spaces",
            r#""sources": ["https://example.org/a"]"#,
            r#""sources": ["https://example.org/a b"]"#,
            "is not a complete web address",
        ),
        (
            "start",
            r#""parties": ["EU", "NER"]}"#,
            r#""parties": ["EU", "NER"], "in_force_at_start": true, "start_sources": ["file:///etc/passwd"]}"#,
            "start source \"file:///etc/passwd\": is a file: address",
        ),
        (
            "confirmed",
            r#""parties": ["EU", "NER"]}"#,
            r#""parties": ["EU", "NER"], "confirmed_until": "2020-06-01", "confirmed_source": "javascript:alert(1)"}"#,
            "confirmed_source \"javascript:alert(1)\": is a javascript: address",
        ),
        (
            "government",
            r#""place": {"lon": 9.5, "lat": 17.4}}"#,
            r#""place": {"lon": 9.5, "lat": 17.4}, "government": {"form": "civilian", "sources": ["smb://server/x"]}}"#,
            "government source \"smb://server/x\": is a smb: address",
        ),
        (
            "relative",
            r#""sources": ["https://example.org/b"]"#,
            r#""sources": ["example.org/b"]"#,
            "has no scheme",
        ),
    ];
    for (name, from, to, says) in cases {
        let path = scenario_file(&dir, &format!("{name}.json"), |t| t.replacen(from, to, 1));
        let (ok, out) = check(&path);
        assert!(!ok, "{name}: {out}");
        assert!(out.contains(says), "{name}: {out}");
        assert!(
            out.contains(&format!("{name}.json:")),
            "{name}: at a line: {out}"
        );
        let errors = out.lines().filter(|l| l.contains(": error: ")).count();
        assert_eq!(errors, 1, "{name}: one error, no duplicate: {out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn control_characters_in_any_text_are_errors() {
    let dir = scratch_dir("controls");
    for (name, from, to) in [
        (
            "title",
            r#""title": "Starts""#,
            r#""title": "Starts\u001b[2J""#,
        ),
        (
            "bell",
            r#""label": "A mission""#,
            r#""label": "A\u0007 mission""#,
        ),
        ("nul", r#""name": "Niger""#, r#""name": "Niger\u0000""#),
        ("newline", r#""title": "Tiny""#, r#""title": "Ti\nny""#),
    ] {
        let path = scenario_file(&dir, &format!("{name}.json"), |t| t.replacen(from, to, 1));
        let (ok, out) = check(&path);
        assert!(!ok, "{name}: {out}");
        assert!(out.contains("holds the control character"), "{name}: {out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// Dates outside the span

#[test]
fn dates_outside_the_span_are_errors_that_give_the_span() {
    let dir = scratch_dir("span");
    let out = |n: &str| s(&dir.join(n));
    for args in [
        vec!["state", "--at", "1900-01-01"],
        vec!["state", "--at", "2030-01-01", "--json"],
        vec!["render", "--at", "1900-01-01", "--out", &out("a.png")],
        vec![
            "render",
            "--at",
            "2023-12-05",
            "--since",
            "2000-01-01",
            "--out",
            &out("a.png"),
        ],
        vec!["export", "--at", "1999-12-31", "--out", &out("a.csv")],
        vec!["diff", "--from", "1900-01-01", "--to", "2023-12-31"],
        vec![
            "diff",
            "--from",
            "2023-01-01",
            "--to",
            "2099-01-01",
            "--json",
        ],
        vec![
            "render",
            "--from",
            "2000-01-01",
            "--to",
            "2013-01-01",
            "--step",
            "1y",
            "--out",
            &out("frames"),
        ],
        vec!["changelog", "--year", "1990"],
    ] {
        let ran = sahel_atlas(&args);
        assert_eq!(ran.code, Some(1), "{args:?}: {ran:?}");
        assert!(
            ran.stderr
                .contains("outside the scenario's span, 2012-01-01 to 2026-12-31"),
            "{args:?}: {}",
            ran.stderr
        );
        assert!(ran.stdout.is_empty(), "{args:?}");
    }
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// Text leaving the program

#[test]
fn markdown_escapes_titles_and_percent_encodes_sources() {
    let dir = scratch_dir("markdown");
    let path = scenario_file(&dir, "html.json", |t| {
        t.replace(
            r#""title": "Ends""#,
            r#""title": "<img src=x onerror=alert(1)> [click](javascript:alert(1)) *b*""#,
        )
        .replace(
            "https://example.org/b",
            "https://example.org/b)[x](javascript:alert(2)",
        )
    });
    let ran = sahel_atlas([
        "diff",
        "--from",
        "2020-06-01",
        "--to",
        "2021-06-01",
        "--markdown",
        "--scenario",
        &s(&path),
    ]);
    assert!(ran.ok, "{}", ran.stderr);
    let md = &ran.stdout;
    assert!(!md.contains('<'), "no raw HTML: {md}");
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"), "{md}");
    assert!(md.contains("\\[click\\](javascript:alert(1))"), "{md}");
    assert!(
        md.contains("[1](https://example.org/b%29%5Bx%5D%28javascript:alert%282%29)"),
        "{md}"
    );
    for target in link_targets(md) {
        assert!(target.starts_with("https://"), "{target} in {md}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_cells_that_would_be_formulas_are_neutralised() {
    let dir = scratch_dir("csv");
    let path = scenario_file(&dir, "formula.json", |t| {
        t.replace(
            r#""label": "A mission""#,
            r#""label": "=HYPERLINK(\"http://x\",\"y\")""#,
        )
    });
    let out = dir.join("s.csv");
    let ran = sahel_atlas([
        "export",
        "--at",
        "2020-06-01",
        "--out",
        &s(&out),
        "--scenario",
        &s(&path),
    ]);
    assert!(ran.ok, "{}", ran.stderr);
    let text = std::fs::read_to_string(&out).expect("csv");
    assert!(
        text.contains(r#"mission,"'=HYPERLINK(""http://x"",""y"")",military-mission"#),
        "{text}"
    );
    let ran = sahel_atlas([
        "diff",
        "--from",
        "2020-01-01",
        "--to",
        "2020-06-01",
        "--csv",
        "--scenario",
        &s(&path),
    ]);
    assert!(ran.ok, "{}", ran.stderr);
    assert!(ran.stdout.contains(r#","'=HYPERLINK("#), "{}", ran.stdout);
    assert!(!ran.stdout.contains(",=HYPERLINK"), "{}", ran.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A scenario held in memory only: the strict reader would refuse its text, so this is what
/// another program building a `Scenario` could hand the library.
fn scenario_with(title: &str, sources: &[String]) -> Scenario {
    serde_json::from_value(serde_json::json!({
        "format": "sahel-atlas/scenario@1",
        "title": "T",
        "span": {"start": "2020-01-01", "end": "2021-12-31"},
        "entities": [
            {"id": "NER", "kind": "state", "name": "Niger", "place": {"lon": 9.5, "lat": 17.4}},
            {"id": "EU", "kind": "organisation", "name": "EU", "place": {"lon": 4.35, "lat": 50.85}}
        ],
        "relationships": [
            {"id": "m", "label": title, "kind": "military-mission", "parties": ["EU", "NER"]}
        ],
        "events": [
            {"id": "e", "date": "2020-03-01", "title": title, "sources": sources,
             "changes": [{"relationship": "m", "status": "active"}]}
        ]
    }))
    .expect("scenario")
}

#[test]
fn tables_for_a_terminal_show_control_characters_instead_of_sending_them() {
    let timeline = Timeline::new(scenario_with(
        "Bell\u{7} and escape\u{1b}[2J and nul\0",
        &["https://example.org".to_owned()],
    ));
    let date = jiff::civil::Date::constant(2020, 6, 1);
    let table =
        sahel_atlas::export::escape::terminal_text(&sahel_atlas::cli::state_table(&timeline, date));
    assert!(
        table.contains("Bell\u{2407} and escape\u{241b}[2J and nul\u{2400}"),
        "{table}"
    );
    assert!(
        !table.chars().any(|c| c.is_control() && c != '\n'),
        "{table:?}"
    );
    let diff = timeline.diff(
        Day::from_date(timeline.start().to_date()),
        Day::from_date(date),
    );
    let text = sahel_atlas::export::escape::terminal_text(
        &sahel_atlas::export::change_list::diff_table(&timeline, &diff),
    );
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

/// The targets of the Markdown links in `md`: what follows each `](` that is not escaped,
/// up to the `)`.
fn link_targets(md: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut rest = md;
    while let Some(i) = rest.find("](") {
        let escaped = rest[..i].ends_with('\\');
        let after = &rest[i + 2..];
        let end = after.find(')').unwrap_or(after.len());
        if !escaped {
            targets.push(&after[..end]);
        }
        rest = &after[end.min(after.len())..];
    }
    targets
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
        prop::collection::vec(
            prop::sample::select(vec![
                '<', '>', '&', '"', '\'', '(', ')', '[', ']', '\\', '`', '*', '_', '!', '\n', '\r',
                '\u{1b}', '\u{7}', '\0', ' ', ':', '/', 'a', 'j', 'h',
            ]),
            0..40
        )
        .prop_map(String::from_iter),
        Just("javascript:alert(1)".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
    ]
}

fn any_source() -> impl Strategy<Value = String> {
    prop_oneof![
        any_text(),
        any_text().prop_map(|t| format!("https://example.org/{t}")),
        any_text().prop_map(|t| format!("HTTP://{t}")),
        Just("file:///etc/passwd".to_owned()),
        Just("https://example.org/x)[y](javascript:alert(1)".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn markdown_never_carries_raw_html_control_bytes_or_a_non_web_link(
        title in any_text(),
        sources in prop::collection::vec(any_source(), 1..4),
    ) {
        let timeline = Timeline::new(scenario_with(&title, &sources));
        let diff = timeline.diff(
            Day::from_date(timeline.start().to_date()),
            Day::from_date(timeline.end().to_date()),
        );
        let log = timeline.changelog();
        for md in [
            sahel_atlas::export::change_list::diff_markdown(&timeline, &diff),
            sahel_atlas::export::change_list::changelog_markdown(&timeline, &log),
        ] {
            prop_assert!(!md.contains('<'), "raw HTML: {md}");
            prop_assert!(
                !md.chars().any(|c| c.is_control() && c != '\n'),
                "control character: {md:?}"
            );
            for target in link_targets(&md) {
                let lower = target.to_ascii_lowercase();
                prop_assert!(
                    lower.starts_with("http://") || lower.starts_with("https://"),
                    "link to {target} in {md}"
                );
                prop_assert!(
                    !target.chars().any(|c| c.is_whitespace() || "<>\"'()[]`".contains(c)),
                    "{target}"
                );
            }
        }
    }
}

#[test]
fn unclear_inputs_get_messages_that_say_what_is_wrong() {
    // Issue #17 item 7, as a person meets each one on the command line.
    let dir = scratch_dir("messages");
    let gif = dir.join("a.gif");
    let clip = |extra: &[&str]| {
        let mut args = vec![
            "render",
            "--from",
            "2020-01-01",
            "--to",
            "2020-03-01",
            "--step",
            "1m",
        ];
        args.extend_from_slice(extra);
        sahel_atlas(args)
    };
    // A negative value names its option.
    let ran = clip(&["--fps", "-3", "--out", &s(&gif)]);
    assert!(!ran.ok && ran.stderr.contains("--fps"), "{}", ran.stderr);
    // An endless input is not a regular file.
    // (`check` reports on standard output, as for any file it checks.)
    let ran = sahel_atlas(["check", "/dev/zero"]);
    assert!(
        !ran.ok && ran.stdout.contains("not a regular file"),
        "{ran:?}"
    );
    // UTF-16 is named as UTF-16.
    let utf16 = dir.join("utf16.json");
    std::fs::write(&utf16, b"\xff\xfe{\x00}\x00").expect("write");
    let ran = sahel_atlas(["check", &s(&utf16)]);
    assert!(!ran.ok && ran.stdout.contains("UTF-16"), "{ran:?}");
    // A clip under 16 px is refused before encoding, with the minimum, and nothing is written.
    let ran = clip(&["--size", "10x10", "--out", &s(&gif)]);
    assert!(
        !ran.ok && ran.stderr.contains("at least 16 pixels"),
        "{}",
        ran.stderr
    );
    // Frames need a folder or a pattern; a plain file name makes no folder.
    let fixed = dir.join("fixed.png");
    let ran = clip(&["--out", &s(&fixed)]);
    assert!(
        !ran.ok && ran.stderr.contains("need a folder or a pattern"),
        "{}",
        ran.stderr
    );
    assert!(
        files_in(&dir).iter().all(|f| f == "utf16.json"),
        "{:?}",
        files_in(&dir)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
