//! `mesomix validate`: every bad-catalog fixture fails with line:column, the good ones pass.

use crate::snap;
use crate::support::{Test, fixture};

#[test]
fn every_bad_fixture_fails_with_its_place() {
    insta::glob!("../fixtures/bad", "*.ron", |path| {
        let path = path.to_str().expect("UTF-8 path");
        let run = Test::new()
            .args(["validate", path, "--color", "never"])
            .status(2);
        assert!(run.stdout.is_empty());
        // Names the file with line:column for every problem.
        let name = path.rsplit('/').next().expect("file name");
        assert!(run.stderr.contains(&format!("{name}:")), "{}", run.stderr);
        let stderr = run
            .stderr
            .replace(path, &format!("tests/fixtures/bad/{name}"));
        insta::with_settings!({snapshot_path => "../../snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(stderr);
        });
        // The JSON report carries the same problems as data (a file that is not even text
        // is reported on stderr, as above).
        let json = Test::new()
            .args(["validate", path, "--format", "json"])
            .status(2);
        if json.stdout.is_empty() {
            assert!(json.stderr.contains(name), "{}", json.stderr);
            return;
        }
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON report");
        assert_eq!(value["valid"], false);
        let problems = value["problems"].as_array().expect("problems");
        assert!(!problems.is_empty());
        for p in problems {
            assert!(
                p["line"].as_u64().is_some_and(|l| l > 0)
                    && p["column"].as_u64().is_some_and(|c| c > 0)
            );
        }
    });
}

#[test]
fn good_fixture_and_embedded_catalog_pass() {
    Test::new()
        .args(["validate", &fixture("good/minimal.ron")])
        .status(0);
    let run = Test::new().args(["validate", "--color", "never"]).status(0);
    assert!(run.stdout.contains("valid"));
    let run = Test::new()
        .args(["validate", "ingredients.ron", "--format", "json"])
        .status(0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["valid"], true);
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let text = std::fs::read_to_string(fixture("good/minimal.ron")).expect("fixture");
    let text = text
        .replacen("class: \"enzyme\",", "class: \"enzym\",", 1)
        .replacen("efficacy: 1,", "efficacy: 9,", 1)
        .replacen("sources: [\"paper_b\", \"label_a\"],", "sources: [],", 1);
    let run = Test::new()
        .args(["validate", "-", "--color", "never"])
        .stdin(&text)
        .status(2);
    snap!("validate.three_problems", run.stderr);
    assert!(run.stderr.contains("3 problems found"), "{}", run.stderr);
}
