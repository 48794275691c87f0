//! `check` on scenarios that break every rule it knows, its output pinned byte for byte
//! (`tests/fixtures/scenario/check/NAME.expected`, written by the `check` before it was split
//! into one function per part): the wording, the places and the order of every message.

use crate::common::project_file;

const FOLDER: &str = "tests/fixtures/scenario/check";

/// `check`'s output for a fixture, named by its path from the project's folder.
fn check_output(name: &str) -> (String, bool) {
    // Relative, as a person would type it: the report names the file so.
    let path = format!("{FOLDER}/{name}.json");
    assert!(project_file(&path).exists(), "{path}");
    sahel_atlas::cli::check_files(&[path])
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(project_file(&format!("{FOLDER}/{name}.expected")))
        .expect("expected output")
}

#[test]
fn every_entity_group_relationship_event_and_history_problem_reads_as_before() {
    let (out, ok) = check_output("every_problem");
    assert!(!ok, "{out}");
    assert_eq!(out, expected("every_problem"));
}

#[test]
fn format_span_and_research_date_problems_read_as_before() {
    let (out, ok) = check_output("header_problems");
    assert!(!ok, "{out}");
    assert_eq!(out, expected("header_problems"));
}
