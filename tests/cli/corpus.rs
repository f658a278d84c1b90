//! The bad-input corpus beyond catalogs (those are in `validate.rs`, one snapshot each): patient
//! files, batch files and sizes. Each case names the error and the place it must produce.

use crate::support::{Test, fixture};

/// (patient file under tests/fixtures/bad/patient, what stderr must say)
const PATIENTS: &[(&str, &str)] = &[
    ("catalog_as_patient.ron", "catalog_as_patient.ron:4:"),
    ("unknown_field.json", "unknown_field.json:3:"),
    ("truncated.json", "truncated.json:1:"),
    ("wrong_type.json", "wrong_type.json:1:"),
    (
        "unknown_condition.json",
        "unknown_condition.json:1:18: unknown condition `pregnacy` (conditions)",
    ),
];

#[test]
fn bad_patient_files_name_the_place() {
    for (file, place) in PATIENTS {
        let path = fixture(&format!("bad/patient/{file}"));
        let run = Test::new()
            .args([
                "check",
                "hyaluronic_acid",
                "--patient",
                &path,
                "--color",
                "never",
            ])
            .status(2);
        assert!(
            run.stderr.contains(place),
            "{file}: expected `{place}` in {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{file}: nothing half-written");
    }
    let run = Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--patient",
            &fixture("bad/patient/unknown_condition.json"),
        ])
        .status(2);
    assert!(
        run.stderr.contains("pregnancy"),
        "closest name: {}",
        run.stderr
    );
}

/// (batch file under tests/fixtures/bad/batch, exit code, per-record outcome: Ok(verdict) or Err(error kind))
type Outcome = (u64, Result<&'static str, &'static str>);
const BATCHES: &[(&str, i32, &[Outcome])] = &[
    (
        "blank_lines.jsonl",
        0,
        &[(2, Ok("compatible")), (5, Ok("compatible"))],
    ),
    (
        "truncated_last_line.jsonl",
        2,
        &[(1, Ok("compatible")), (2, Err("json"))],
    ),
    ("not_an_object.jsonl", 2, &[(1, Err("json"))]),
    ("unknown_field.jsonl", 2, &[(1, Err("json"))]),
    ("bad_weight.jsonl", 2, &[(1, Err("request"))]),
    (
        "crlf.jsonl",
        2,
        &[(1, Ok("compatible")), (2, Err("request"))],
    ),
];

#[test]
fn bad_batch_lines_are_reported_and_the_run_goes_on() {
    for (file, code, outcomes) in BATCHES {
        let run = Test::new()
            .args([
                "formulate",
                "--batch",
                &fixture(&format!("bad/batch/{file}")),
            ])
            .status(*code);
        let lines: Vec<serde_json::Value> = run
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect();
        assert_eq!(
            lines.len(),
            outcomes.len(),
            "{file}: one line per non-blank record"
        );
        for (line, (record, outcome)) in lines.iter().zip(outcomes.iter()) {
            assert_eq!(line["record"], *record, "{file}");
            match outcome {
                Ok(verdict) => assert_eq!(line["verdict"], *verdict, "{file} record {record}"),
                Err(kind) => assert_eq!(
                    line["error"]["kind"], *kind,
                    "{file} record {record}: {line}"
                ),
            }
        }
    }
    // The JSON syntax error names its column.
    let run = Test::new()
        .args([
            "formulate",
            "--batch",
            &fixture("bad/batch/unknown_field.jsonl"),
        ])
        .status(2);
    assert!(run.stdout.contains("\"column\":"), "{}", run.stdout);
}

#[test]
fn catalog_edge_cases() {
    // A byte-order mark is not part of the text.
    Test::new()
        .args(["validate", &fixture("good/bom.ron")])
        .status(0);
    // CRLF line ends give the same place as LF.
    let crlf = Test::new()
        .args([
            "validate",
            &fixture("bad/crlf_unknown_class.ron"),
            "--color",
            "never",
        ])
        .status(2);
    let lf = Test::new()
        .args([
            "validate",
            &fixture("bad/unknown_class.ron"),
            "--color",
            "never",
        ])
        .status(2);
    let place = |s: &str| {
        s.lines()
            .find(|l| l.contains("-->"))
            .and_then(|l| l.rsplit(".ron").next())
            .map(str::to_owned)
    };
    assert_eq!(place(&crlf.stderr), place(&lf.stderr));
    // Non-UTF-8 bytes: the place of the first bad byte.
    let run = Test::new()
        .args(["validate", &fixture("bad/not_utf8.ron")])
        .status(2);
    assert!(
        run.stderr.contains("not UTF-8 text: invalid byte at line"),
        "{}",
        run.stderr
    );
}

#[test]
fn ten_megabyte_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A valid catalog padded to 10 MB with comments still loads.
    let minimal = std::fs::read_to_string(fixture("good/minimal.ron")).expect("fixture");
    let padding = "// padding padding padding padding padding padding padding padding padding\n"
        .repeat(10 * 1024 * 1024 / 76);
    let big = dir.path().join("big.ron");
    std::fs::write(&big, format!("{padding}{minimal}")).expect("write");
    let run = Test::new()
        .args(["validate", big.to_str().expect("path"), "--format", "json"])
        .status(0);
    assert!(run.stdout.contains("\"valid\": true"));
    // 10 MB of one unterminated string is refused with its place.
    let junk = dir.path().join("junk.ron");
    std::fs::write(
        &junk,
        format!("(version: \"{}", "x".repeat(10 * 1024 * 1024)),
    )
    .expect("write");
    let run = Test::new()
        .args(["validate", junk.to_str().expect("path"), "--color", "never"])
        .status(2);
    assert!(
        run.stderr.contains("junk.ron:1:"),
        "{}",
        &run.stderr[..run.stderr.len().min(400)]
    );
}

/// Every input has a documented size limit, refused before it is read whole, and the work a
/// hostile input can ask for is bounded.
#[test]
fn sizes_and_work_are_bounded() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A catalog over 16 MiB.
    let big = dir.path().join("big.ron");
    std::fs::write(&big, "/".repeat(17 << 20)).expect("write");
    let run = Test::new()
        .args(["validate", big.to_str().expect("path")])
        .status(2);
    assert!(run.stderr.contains("larger than 16 MiB"), "{}", run.stderr);
    // A patient file over 1 MiB.
    let patient = dir.path().join("patient.json");
    std::fs::write(&patient, " ".repeat((1 << 20) + 1)).expect("write");
    let run = Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--patient",
            patient.to_str().expect("path"),
        ])
        .status(2);
    assert!(run.stderr.contains("larger than 1 MiB"), "{}", run.stderr);
    // A batch line over 1 MiB is a bad record; the next record is still answered.
    let long = format!(
        "{{\"goals\": [\"{}\"]}}\n{{\"goals\": [\"hydration\"]}}\n",
        "x".repeat(2 << 20)
    );
    let run = Test::new()
        .args(["formulate", "--batch", "-"])
        .stdin(&long)
        .status(2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].contains("\"record\":1") && lines[0].contains("longer than 1 MiB"));
    assert!(lines[1].contains("\"record\":2") && lines[1].contains("\"verdict\""));
    // "Did you mean" is not computed for a name no catalog has.
    let run = Test::new()
        .args(["show", &"hyaluronidaze".repeat(5_000)])
        .status(2);
    assert!(
        !run.stderr.contains("did you mean"),
        "{}",
        &run.stderr[..200.min(run.stderr.len())]
    );
    // --sessions has a bound, and so does every day count in a catalog.
    Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--ingredients",
            "ha",
            "--start",
            "2026-12-07",
            "--sessions",
            "1000",
        ])
        .status(2);
    let run = Test::new()
        .args([
            "validate",
            &crate::support::fixture("bad/interval_too_long.ron"),
        ])
        .status(2);
    assert!(run.stderr.contains("above 3650"), "{}", run.stderr);
}
