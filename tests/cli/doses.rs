//! Amounts and doses (issue 15, DESIGN §6a): real dosed mixes in every format and both
//! languages, the arithmetic checked against hand-computed figures, the verdict rules, the
//! largest volume that fits, a course's totals, and every wrong amount refused with its item.

use crate::snap;
use crate::support::{Schema, Test};

/// (snapshot name, arguments, expected verdict, expected exit code)
const DOSED: &[(&str, &[&str], &str, i32)] = &[
    // The issue's own example: PC/DC and lidocaine for 60 kg (the pair itself is incompatible).
    (
        "pcdc_lidocaine_60kg",
        &[
            "pcdc:4ml",
            "lidocaine:1ml@2%",
            "--weight",
            "60kg",
            "--zone",
            "abdomen",
        ],
        "incompatible",
        1,
    ),
    // 20 mL of lidocaine 2 % for 50 kg: 400 mg against min(4.5 × 50, 300) = 225 mg.
    (
        "lidocaine_20ml_50kg",
        &["lidocaine:20ml@2%", "--weight", "50kg", "--zone", "face"],
        "incompatible",
        1,
    ),
    // 40 mL of an Essentiale-type PC/DC: its deoxycholate against Kybella's labelled 100 mg.
    (
        "essentiale_40ml",
        &["lipostabil:40ml", "--weight", "70kg", "--zone", "abdomen"],
        "incompatible",
        1,
    ),
    // No weight: the per-kilogram limit asks for it (a caution), the cap still applies.
    (
        "lidocaine_no_weight",
        &["lidocaine:2ml@1%", "--zone", "face"],
        "caution",
        0,
    ),
    // Within the labelled 100 mg: compatible, with the share shown.
    (
        "kybella_within",
        &["kybella:8ml", "--weight", "60kg", "--zone", "submental"],
        "compatible",
        0,
    ),
];

fn json_of(args: &[&str], code: i32) -> serde_json::Value {
    let run = Test::new()
        .args(["check", "--format", "json"])
        .args(args)
        .status(code);
    serde_json::from_str(&run.stdout).expect("JSON")
}

#[test]
fn dosed_mixes_in_every_format_and_language() {
    let schema = Schema::of("check");
    for (name, args, verdict, code) in DOSED {
        let json = Test::new()
            .args(["check", "--format", "json"])
            .args(*args)
            .status(*code);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(value["verdict"], *verdict, "{name}");
        schema.assert_valid(name, &json.stdout);
        snap!(format!("doses.{name}.json"), json.stdout);
        for lang in ["en", "ru"] {
            for format in ["table", "markdown"] {
                let run = Test::new()
                    .args(["check"])
                    .args(*args)
                    .args(["--format", format, "--lang", lang, "--color", "never"])
                    .status(*code);
                snap!(format!("doses.{name}.{lang}.{format}"), run.stdout);
            }
        }
    }
}

/// The limit of `ingredient` in a check's JSON (the first, a session limit).
fn limit<'v>(v: &'v serde_json::Value, ingredient: &str) -> &'v serde_json::Value {
    v["doses"]["limits"]
        .as_array()
        .expect("limits")
        .iter()
        .find(|l| l["ingredient"] == ingredient)
        .unwrap_or_else(|| panic!("a limit for {ingredient}: {v}"))
}

fn active<'v>(v: &'v serde_json::Value, ingredient: &str) -> &'v serde_json::Value {
    v["doses"]["actives"]
        .as_array()
        .expect("actives")
        .iter()
        .find(|a| a["ingredient"] == ingredient)
        .unwrap_or_else(|| panic!("an amount of {ingredient}: {v}"))
}

#[test]
fn the_arithmetic_matches_the_labels() {
    // PC/DC 4 mL + lidocaine 2 % 1 mL, 60 kg.
    let v = json_of(&["pcdc:4ml", "lidocaine:1ml@2%", "--weight", "60kg"], 1);
    assert_eq!(v["doses"]["volume_ml"], 5.0);
    assert_eq!(active(&v, "lidocaine")["amount"], 20.0);
    assert_eq!(active(&v, "lidocaine")["concentration_per_ml"], 4.0);
    assert_eq!(
        active(&v, "phosphatidylcholine_deoxycholate")["amount"],
        200.0
    );
    // The deoxycholate inside PC/DC (25.3 mg/mL, Essentiale N label) is counted.
    assert_eq!(active(&v, "deoxycholic_acid")["amount"], 101.2);
    let lido = limit(&v, "lidocaine");
    assert_eq!(lido["by_weight"], 270.0);
    assert_eq!(lido["applied"], 270.0);
    assert_eq!(lido["standing"], "within");
    assert_eq!(lido["evidence"], "label");
    assert_eq!(lido["route"], "local");
    let dc = limit(&v, "deoxycholic_acid");
    assert_eq!(dc["applied"], 100.0);
    assert_eq!(dc["standing"], "over");
    // At most 3.9 mL of PC/DC keeps the deoxycholate within 100 mg (3.95 rounded down).
    assert_eq!(dc["most_volume"][0]["volume_ml"], 3.9);

    // 20 mL of lidocaine 2 % for 50 kg: 400 mg > 225 mg, a blocking dose finding.
    let v = json_of(&["lidocaine:20ml@2%", "--weight", "50kg"], 1);
    let lido = limit(&v, "lidocaine");
    assert_eq!(lido["total"], 400.0);
    assert_eq!(lido["applied"], 225.0);
    assert_eq!(lido["standing"], "over");
    assert_eq!(lido["most_volume"][0]["volume_ml"], 11.2);
    let finding = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["kind"] == "dose_limit")
        .expect("a dose finding");
    assert_eq!(finding["rating"], "incompatible");

    // Above the cap alone (a heavy patient): the cap of 300 mg applies.
    let v = json_of(&["lidocaine:16ml@2%", "--weight", "120kg"], 1);
    assert_eq!(limit(&v, "lidocaine")["applied"], 300.0);

    // 40 mL of Essentiale-type PC/DC: about 1 g of deoxycholate against the labelled 100 mg.
    let v = json_of(&["lipostabil:40ml", "--weight", "70kg"], 1);
    assert_eq!(active(&v, "deoxycholic_acid")["amount"], 1012.0);
    let dc = limit(&v, "deoxycholic_acid");
    assert_eq!(dc["standing"], "over");
    assert!(
        dc["note"]["en"]
            .as_str()
            .expect("note")
            .contains("haemolysis")
    );
}

#[test]
fn weaker_or_borrowed_limits_are_cautions() {
    // Caffeine's 0.5 g is an intramuscular label figure: a ceiling from another route.
    let v = json_of(&["caffeine:3ml"], 0);
    let c = limit(&v, "caffeine");
    assert_eq!(c["standing"], "caution");
    assert_eq!(v["verdict"], "caution");
    // An mg/kg limit with no weight: a caution asking for the weight.
    let v = json_of(&["lidocaine:1ml@1%"], 0);
    let lido = limit(&v, "lidocaine");
    assert_eq!(lido["needs_weight"], true);
    assert_eq!(lido["standing"], "caution");
    assert!(
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["kind"] == "dose_limit" && f["rating"] == "caution")
    );
}

#[test]
fn local_anaesthetics_add_up() {
    // Lidocaine 5 mL at 1 % (50 of 300 mg for 70 kg... 4.5 × 70 = 315, cap 300) and procaine
    // 10 mL at 2 % (200 of 500 mg): 16.7 % + 40 % = 56.7 %.
    let run = Test::new()
        .args([
            "check",
            "lidocaine:5ml@1%",
            "procaine:10ml@2%",
            "--weight",
            "70kg",
            "--format",
            "json",
        ])
        .run();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let sum = &v["doses"]["anaesthetics"];
    assert_eq!(sum["evidence"], "inference");
    assert_eq!(sum["total"], 0.567);
    assert_eq!(sum["standing"], "within");
    // Twice the volumes: 113 % of one maximum, a caution though each is within its own.
    let run = Test::new()
        .args([
            "check",
            "lidocaine:10ml@1%",
            "procaine:20ml@2%",
            "--weight",
            "70kg",
            "--format",
            "json",
        ])
        .run();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["doses"]["anaesthetics"]["standing"], "caution");
    assert!(
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["kind"] == "anaesthetic_sum")
    );
}

#[test]
fn a_course_counts_every_session() {
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "submental",
            "--ingredients",
            "kybella:10ml",
            "--start",
            "2026-12-03",
            "--today",
            "2026-11-22",
            "--sessions",
            "6",
            "--format",
            "json",
        ])
        .status(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let d = &v["doses"];
    assert_eq!(d["sessions"], 6);
    let course = d["limits"]
        .as_array()
        .expect("limits")
        .iter()
        .find(|l| l["per"] == "course")
        .expect("the course limit");
    assert_eq!(course["total"], 600.0);
    assert_eq!(course["applied"], 600.0);
    snap!("doses.plan_kybella_course.json", run.stdout);
    for lang in ["en", "ru"] {
        let run = Test::new()
            .args([
                "plan",
                "--zone",
                "submental",
                "--ingredients",
                "kybella:10ml",
                "--start",
                "2026-12-03",
                "--today",
                "2026-11-22",
                "--sessions",
                "6",
                "--lang",
                lang,
                "--color",
                "never",
            ])
            .status(0);
        snap!(
            format!("doses.plan_kybella_course.{lang}.table"),
            run.stdout
        );
    }
    // A session over the label limit is not planned at all.
    Test::new()
        .args([
            "plan",
            "--zone",
            "submental",
            "--ingredients",
            "kybella:12ml",
            "--start",
            "2026-12-03",
            "--today",
            "2026-11-22",
        ])
        .status(1);
}

#[test]
fn wrong_amounts_name_their_item() {
    for (args, needle) in [
        (&["lidocaine:abc"][..], "`lidocaine:abc`"),
        (&["lidocaine:0ml@2%"], "`lidocaine:0ml@2%`"),
        (&["lidocaine:2000ml@2%"], "at most 1000"),
        (&["lidocaine:1ml@2kg"], "strength"),
        (&["lidocaine:1ml@200%"], "strength"),
        (&["lidocaine:1ml"], "several strengths (1%, 2%)"),
        (&["hyaluronic_acid:1ml"], "no strength"),
        (&["belkyra:2ml@1%"], "product"),
        (&["lidocaine:1ml@150u/ml"], "dosed in mg"),
        (
            &["lidocaine:1ml@2%", "hyaluronic_acid"],
            "`hyaluronic_acid` has no volume",
        ),
        (&["lidocaine:1ml@2%", "--weight", "0"], "--weight `0`"),
        (
            &["lidocaine:1ml@2%", "--weight", "heavy"],
            "--weight `heavy`",
        ),
    ] {
        let run = Test::new().args(["check"]).args(args).status(2);
        assert!(run.stdout.is_empty(), "{args:?}: nothing on stdout");
        assert!(run.stderr.contains(needle), "{args:?}: {}", run.stderr);
    }
    // Russian words for the same.
    let run = Test::new()
        .args(["check", "lidocaine:1ml", "--lang", "ru"])
        .status(2);
    assert!(
        run.stderr.contains("нескольких концентрациях"),
        "{}",
        run.stderr
    );
}

#[test]
fn weight_comes_from_a_patient_file_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("patient.ron");
    std::fs::write(&path, "(weight_kg: 50)").expect("write");
    let run = Test::new()
        .args([
            "check",
            "lidocaine:20ml@2%",
            "--format",
            "json",
            "--patient",
        ])
        .args([path.to_str().expect("path")])
        .status(1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["patient"]["weight_kg"], 50.0);
    assert_eq!(limit(&v, "lidocaine")["applied"], 225.0);
    // A flag overrides the file.
    let run = Test::new()
        .args([
            "check",
            "lidocaine:20ml@2%",
            "--weight",
            "80",
            "--format",
            "json",
            "--patient",
        ])
        .args([path.to_str().expect("path")])
        .status(1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(limit(&v, "lidocaine")["applied"], 300.0);
    // A weight that is not one: the file and the place.
    std::fs::write(&path, "(weight_kg: -3)").expect("write");
    let run = Test::new()
        .args(["check", "lidocaine", "--patient"])
        .args([path.to_str().expect("path")])
        .status(2);
    assert!(
        run.stderr.contains("patient.ron") && run.stderr.contains("weight_kg"),
        "{}",
        run.stderr
    );
}
