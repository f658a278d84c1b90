//! `mesomix check` and `mesomix explain`: real scenarios from FACTS.md in every format and
//! both languages, exit codes, bad input, and JSON validated against `mesomix schema check`.

use crate::snap;
use crate::support::{Schema, Test};

/// (snapshot name, arguments, expected verdict, expected exit code)
const SCENARIOS: &[(&str, &[&str], &str, i32)] = &[
    (
        "hyaluronidase_hyaluronic_acid",
        &["hyaluronidase", "hyaluronic_acid"],
        "incompatible",
        1,
    ),
    ("vitamin_c_b12", &["vitamin_c", "b12"], "incompatible", 1),
    (
        "pcdc_lidocaine",
        &["lipostabil", "lidocaine"],
        "incompatible",
        1,
    ),
    (
        "aminophylline_caffeine",
        &["aminophylline", "caffeine"],
        "incompatible",
        1,
    ),
    (
        "aminophylline_solo",
        &["aminophylline", "dexpanthenol"],
        "unknown",
        1,
    ),
    ("buflomedil", &["buflomedil"], "incompatible", 1),
    ("no_data", &["minoxidil", "tranexamic_acid"], "unknown", 1),
    (
        "ph_inferred",
        &["organic_silicon", "aminophylline"],
        "caution",
        0,
    ),
    (
        "five_components",
        &[
            "hyaluronic_acid",
            "pdrn",
            "amino_acids",
            "copper_peptide",
            "succinic_acid",
            "--zone",
            "face",
        ],
        "unknown",
        1,
    ),
    (
        "pregnant",
        &["hyaluronic_acid", "pdrn", "--condition", "pregnancy"],
        "refused",
        1,
    ),
    (
        "anticoagulants",
        &[
            "phosphatidylcholine_deoxycholate",
            "--zone",
            "abdomen",
            "--medication",
            "warfarin",
        ],
        "caution",
        0,
    ),
    (
        "gallstones_artichoke",
        &["artichoke", "--zone", "thighs", "--condition", "gallstones"],
        "incompatible",
        1,
    ),
    (
        "menstruation",
        &[
            "hyaluronic_acid",
            "--zone",
            "face",
            "--condition",
            "menstruation",
        ],
        "postpone",
        1,
    ),
    (
        "kybella_outside_submental",
        &["kybella", "--zone", "abdomen"],
        "incompatible",
        1,
    ),
];

#[test]
fn scenarios_in_every_format_and_language() {
    for (name, args, verdict, code) in SCENARIOS {
        let json = Test::new()
            .args(["check"])
            .args(*args)
            .args(["--format", "json"])
            .status(*code);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(value["verdict"], *verdict, "{name}");
        snap!(format!("check.{name}.json"), json.stdout);
        for lang in ["en", "ru"] {
            for format in ["table", "markdown"] {
                let run = Test::new()
                    .args(["check"])
                    .args(*args)
                    .args(["--format", format, "--lang", lang, "--color", "never"])
                    .status(*code);
                snap!(format!("check.{name}.{lang}.{format}"), run.stdout);
            }
        }
    }
}

#[test]
fn json_validates_against_the_published_schema() {
    let schema = Schema::of("check");
    for (name, args, _, code) in SCENARIOS {
        let run = Test::new()
            .args(["check"])
            .args(*args)
            .args(["--format", "json"])
            .status(*code);
        schema.assert_valid(name, &run.stdout);
    }
}

#[test]
fn russian_names_and_messages() {
    let run = Test::new()
        .args([
            "check",
            "лидаза",
            "hyaluronic_acid",
            "--lang",
            "ru",
            "--color",
            "never",
        ])
        .status(1);
    assert!(run.stdout.contains("НЕСОВМЕСТИМО"), "{}", run.stdout);
    assert!(
        run.stdout.contains("ферментативное разрушение"),
        "{}",
        run.stdout
    );
}

#[test]
fn exit_codes_follow_strict_and_allow_unknown() {
    Test::new()
        .args(["check", "organic_silicon", "aminophylline", "--strict"])
        .status(1);
    Test::new()
        .args(["check", "minoxidil", "tranexamic_acid", "--allow-unknown"])
        .status(0);
    Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "hyaluronidase",
            "--allow-unknown",
        ])
        .status(1);
    Test::new()
        .args(["check", "hyaluronic_acid", "pdrn"])
        .status(0);
}

#[test]
fn patient_file_in_json_and_ron() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("patient.json");
    std::fs::write(
        &json,
        r#"{"conditions": ["gallstones"], "medications": ["warfarin"]}"#,
    )
    .expect("write");
    let run = Test::new()
        .args([
            "check",
            "artichoke",
            "--format",
            "json",
            "--patient",
            json.to_str().expect("path"),
        ])
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["verdict"], "incompatible");
    assert_eq!(value["patient"]["conditions"][0], "cholelithiasis");
    let ron = dir.path().join("patient.ron");
    std::fs::write(&ron, "(conditions: [\"menstruation\"])").expect("write");
    let run = Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--format",
            "json",
            "--patient",
            ron.to_str().expect("path"),
        ])
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["verdict"], "postpone");
    let run = Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--format",
            "json",
            "--patient",
            "-",
        ])
        .stdin("{\"conditions\": [\"pregnancy\"]}")
        .status(1);
    assert!(run.stdout.contains("\"refused\""));
}

#[test]
fn bad_input_names_the_place() {
    let run = Test::new()
        .args(["check", "hyaluronidaze", "hyaluronic_acid"])
        .status(2);
    assert!(run.stderr.contains("hyaluronidase"), "{}", run.stderr);
    let run = Test::new()
        .args(["check", "hyaluronic_acid", "--condition", "pregnacy"])
        .status(2);
    assert!(
        run.stderr.contains("--condition") && run.stderr.contains("pregnancy"),
        "{}",
        run.stderr
    );
    let run = Test::new()
        .args(["check", "hyaluronic_acid", "--zone", "fase"])
        .status(2);
    assert!(
        run.stderr.contains("--zone") && run.stderr.contains("face"),
        "{}",
        run.stderr
    );
    let run = Test::new()
        .args(["check", "hyaluronic_acid", "ha"])
        .status(2);
    assert!(run.stderr.contains("listed twice"), "{}", run.stderr);
    Test::new().args(["check"]).status(2);
    Test::new()
        .args(["check", "hyaluronic_acid", "--max-components", "0"])
        .status(2);
    Test::new()
        .args(["check", "hyaluronic_acid", "--strict", "--allow-unknown"])
        .status(2);
    let run = Test::new()
        .args(["check", "hyaluronic_acid", "--allergy", "pollen"])
        .status(2);
    assert!(run.stderr.contains("--allergy"), "{}", run.stderr);

    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("patient.json");
    std::fs::write(
        &bad,
        "{\n  \"conditions\": [\"pregnancy\"],\n  \"weight\": 60\n}\n",
    )
    .expect("write");
    let run = Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--patient",
            bad.to_str().expect("path"),
        ])
        .status(2);
    assert!(run.stderr.contains("patient.json:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("weight"), "{}", run.stderr);
    let malformed = dir.path().join("patient.ron");
    std::fs::write(&malformed, "(conditions: [\"pregnancy\"").expect("write");
    let run = Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--patient",
            malformed.to_str().expect("path"),
        ])
        .status(2);
    assert!(run.stderr.contains("patient.ron:1:"), "{}", run.stderr);
    let run = Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--patient",
            "/nonexistent/p.json",
        ])
        .status(2);
    assert!(run.stderr.contains("/nonexistent/p.json"), "{}", run.stderr);
}

#[test]
fn allergies_by_ingredient_class_and_condition() {
    let json = |args: &[&str], code| {
        let run = Test::new()
            .args(["check"])
            .args(args)
            .args(["--format", "json"])
            .status(code);
        serde_json::from_str::<serde_json::Value>(&run.stdout).expect("JSON")
    };
    let v = json(&["lidocaine", "--allergy", "lidocaine"], 1);
    assert_eq!(v["findings"][0]["kind"], "allergy");
    let v = json(&["procaine", "--allergy", "anesthetic"], 1);
    assert_eq!(v["verdict"], "incompatible");
    let v = json(
        &[
            "phosphatidylcholine_deoxycholate",
            "--allergy",
            "soy_allergy",
        ],
        1,
    );
    assert_eq!(v["verdict"], "incompatible");
}

#[test]
fn explain_walks_every_step() {
    for (name, a, b) in [
        (
            "explain.hyaluronidase_hyaluronic_acid",
            "hyaluronidase",
            "hyaluronic_acid",
        ),
        (
            "explain.vitamin_c_hyaluronic_acid",
            "ascorbic_acid",
            "hyaluronic_acid",
        ),
        ("explain.ph_inferred", "organic_silicon", "aminophylline"),
        ("explain.no_data", "minoxidil", "tranexamic_acid"),
    ] {
        for lang in ["en", "ru"] {
            let run = Test::new()
                .args(["explain", a, b, "--lang", lang, "--color", "never"])
                .status(0);
            snap!(format!("{name}.{lang}.table"), run.stdout);
        }
        let md = Test::new()
            .args(["explain", a, b, "--format", "markdown"])
            .status(0);
        snap!(format!("{name}.en.markdown"), md.stdout);
        let json = Test::new()
            .args(["explain", a, b, "--format", "json"])
            .status(0);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(value["schema"], "mesomix.explain/1");
        snap!(format!("{name}.json"), json.stdout);
    }
    // The class edge is shown even when an ingredient edge overrides it.
    let run = Test::new()
        .args([
            "explain",
            "ascorbic_acid",
            "hyaluronic_acid",
            "--format",
            "json",
        ])
        .status(0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["class_edge"]["overridden"], true);
    assert_eq!(value["via"], "ingredient");
    Test::new()
        .args(["explain", "ha", "hyaluronic_acid"])
        .status(2);
}
