//! `diff` and `changelog`, run as the real binary.

use crate::common::{Ran, sahel_atlas};

fn diff_json(from: &str, to: &str) -> serde_json::Value {
    let Ran {
        ok,
        stdout: out,
        stderr: err,
        ..
    } = sahel_atlas(["diff", "--from", from, "--to", to, "--json"]);
    assert!(ok, "{err}");
    serde_json::from_str(&out).expect("JSON")
}

fn change<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no change of {id}"))
}

#[test]
fn diff_json_of_the_second_half_of_2023_tells_the_niger_story() {
    let v = diff_json("2023-07-25", "2023-12-31");
    assert_eq!(v["from"], "2023-07-25");
    assert_eq!(v["to"], "2023-12-31");
    for mission in ["eucap-sahel-niger", "eumpm-niger"] {
        let c = change(&v, mission);
        assert_eq!(c["from_status"], "active", "{mission}");
        assert_ne!(c["to_status"], "active", "{mission}");
        assert!(
            c["events"]
                .as_array()
                .expect("events")
                .contains(&serde_json::json!("2023-12-04-niger-ends-eu-missions")),
            "{c}"
        );
    }
    let french = change(&v, "fra-forces-ner");
    assert_eq!(french["to_status"], "ended");
    assert_eq!(french["change"], "ended");
    assert_eq!(french["kind"], "troop-deployment");
    let russia = change(&v, "rus-ner-defence-cooperation");
    assert_eq!(russia["from_status"], serde_json::Value::Null);
    assert_eq!(russia["to_status"], "active");
    assert_eq!(russia["change"], "appeared");
    assert_eq!(russia["group"], "russian");
    assert_eq!(russia["parties"], serde_json::json!(["RUS", "NER"]));
}

#[test]
fn diff_reads_backwards_and_equal_dates_give_nothing() {
    let back = diff_json("2023-12-31", "2023-07-25");
    let russia = change(&back, "rus-ner-defence-cooperation");
    assert_eq!(russia["from_status"], "active");
    assert_eq!(russia["to_status"], serde_json::Value::Null);
    let same = diff_json("2023-07-25", "2023-07-25");
    assert_eq!(same["changes"], serde_json::json!([]));
}

#[test]
fn diff_table_csv_and_markdown() {
    let args = ["diff", "--from", "2023-07-25", "--to", "2023-12-31"];
    let Ran {
        ok,
        stdout: table,
        stderr: err,
        ..
    } = sahel_atlas(args);
    assert!(ok, "{err}");
    assert!(
        table.starts_with("Changes from 2023-07-25 to 2023-12-31"),
        "{table}"
    );
    assert!(table.contains("\nNiger\n"), "{table}");
    assert!(table.contains("Russia and Niger sign military cooperation documents"));

    let Ran {
        ok,
        stdout: csv,
        stderr: err,
        ..
    } = sahel_atlas([&args[..], &["--csv"]].concat());
    assert!(ok, "{err}");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("from,to,id,label"))
    );
    let row = lines
        .find(|l| l.contains(",fra-forces-ner,"))
        .expect("a row for French forces in Niger");
    assert!(row.contains(",active,ended,"), "{row}");
    assert!(row.contains("https://"), "sources: {row}");

    let Ran {
        ok,
        stdout: md,
        stderr: err,
        ..
    } = sahel_atlas([&args[..], &["--markdown"]].concat());
    assert!(ok, "{err}");
    assert!(
        md.starts_with("# What changed from 25 Jul 2023 to 31 Dec 2023"),
        "{md}"
    );
    assert!(md.contains("\n## Niger\n"));
    assert!(
        md.contains("Russia and Niger sign military cooperation documents (sources: [1](https://")
    );
}

#[test]
fn diff_on_a_scenario_file_and_bad_dates() {
    let tiny = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scenario/tiny.json"
    );
    let Ran {
        ok,
        stdout: out,
        stderr: err,
        ..
    } = sahel_atlas([
        "diff",
        "--from",
        "2020-01-01",
        "--to",
        "2021-06-01",
        "--json",
        "--scenario",
        tiny,
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        v["changes"],
        serde_json::json!([{"id": "mission", "label": "A mission", "kind": "military-mission",
            "change": "ended", "group": "other", "parties": ["EU", "NER"],
            "from_status": null, "to_status": "ended", "events": ["start", "end"]}])
    );
    let Ran {
        ok,
        stdout: _,
        stderr: err,
        ..
    } = sahel_atlas(["diff", "--from", "2023-02-30", "--to", "2023-12-31"]);
    assert!(!ok);
    assert!(
        err.contains("--from") && err.contains("'2023-02-30' is not a real calendar date"),
        "{err}"
    );
    let Ran {
        ok,
        stdout: _,
        stderr: err,
        ..
    } = sahel_atlas([
        "diff",
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
        "--json",
        "--csv",
    ]);
    assert!(!ok, "two formats at once");
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn changelog_of_2023_lists_what_began_and_ended() {
    let Ran {
        ok,
        stdout: out,
        stderr: err,
        ..
    } = sahel_atlas(["changelog", "--year", "2023"]);
    assert!(ok, "{err}");
    let began = out.find("began").expect("began");
    let ended = out.find("ended").expect("ended");
    let russia = out
        .find("Russia–Niger defence cooperation")
        .expect("Russia–Niger began");
    let french = out
        .find("French forces in Niger")
        .expect("French forces ended");
    assert!(began < russia && russia < ended && ended < french, "{out}");
    assert!(
        out.lines()
            .all(|l| l.starts_with(' ') || l.is_empty() || l == "2023"),
        "{out}"
    );

    let Ran {
        ok,
        stdout: md,
        stderr: err,
        ..
    } = sahel_atlas(["changelog", "--markdown"]);
    assert!(ok, "{err}");
    for year in ["## 2012", "## 2023", "## 2024"] {
        assert!(md.contains(year), "{year}");
    }
    assert!(md.contains(
        "- **Russia–Niger defence cooperation (agreements of 4 Dec 2023)**: 4 Dec 2023: "
    ));
}
