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
        "incompatible",
        1,
    ),
    ("buflomedil", &["buflomedil"], "incompatible", 1),
    ("no_data", &["minoxidil", "tranexamic_acid"], "unknown", 1),
    (
        "label_rule_over_ph",
        &["organic_silicon", "aminophylline"],
        "incompatible",
        1,
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
    // Blood thinners are a relative contraindication: blocked until the prescriber clears them.
    (
        "anticoagulants",
        &[
            "phosphatidylcholine_deoxycholate",
            "--zone",
            "abdomen",
            "--medication",
            "warfarin",
        ],
        "incompatible",
        1,
    ),
    (
        "anticoagulants_cleared",
        &[
            "phosphatidylcholine_deoxycholate",
            "--zone",
            "abdomen",
            "--medication",
            "warfarin",
            "--cleared",
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
        .args(["check", "ascorbic_acid", "hyaluronic_acid"])
        .status(0);
    Test::new()
        .args(["check", "ascorbic_acid", "hyaluronic_acid", "--strict"])
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
        (
            "explain.label_rule_over_ph",
            "organic_silicon",
            "aminophylline",
        ),
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

/// `check ARGS --format json`'s suggestions, with the expected exit code.
fn suggestions_of(args: &[&str], code: i32) -> serde_json::Value {
    let run = Test::new()
        .args(["check"])
        .args(args)
        .args(["--format", "json"])
        .status(code);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    value["suggestions"].clone()
}

/// `check ARGS` as a table in `lang`, from its suggestions heading on.
fn suggestions_table(args: &[&str], lang: &str) -> String {
    let run = Test::new()
        .args(["check"])
        .args(args)
        // Whole lines: the phrases looked for are not wrapped.
        .args(["--lang", lang, "--color", "never", "--width", "0"])
        .status(1);
    let heading = if lang == "ru" {
        "Предложения"
    } else {
        "Suggestions"
    };
    let at = run.stdout.find(heading).expect("a suggestions section");
    run.stdout[at..].to_owned()
}

/// Ids of a JSON array of strings.
fn strings(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

/// The ingredients of every `split` syringe.
fn syringes(s: &serde_json::Value) -> Vec<Vec<&str>> {
    s["split"]
        .as_array()
        .expect("split")
        .iter()
        .map(|syringe| strings(&syringe["ingredients"]))
        .collect()
}

fn remove_sets(s: &serde_json::Value) -> Vec<Vec<&str>> {
    s["remove"]
        .as_array()
        .expect("remove")
        .iter()
        .map(strings)
        .collect()
}

#[test]
fn a_not_injectable_ingredient_is_in_no_suggested_syringe() {
    let args = ["vitamin_e", "hyaluronic_acid", "lidase"];
    let s = suggestions_of(&args, 1);
    assert_eq!(strings(&s["blocked_alone"]), ["vitamin_e"]);
    assert_eq!(
        remove_sets(&s),
        [
            ["hyaluronic_acid", "vitamin_e"],
            ["hyaluronidase", "vitamin_e"]
        ]
    );
    // Before: a syringe of hyaluronic acid + vitamin E was offered.
    assert_eq!(syringes(&s), [["hyaluronic_acid"], ["hyaluronidase"]]);
    assert!(s["none_approvable"].is_null());
    let en = suggestions_table(&args, "en");
    assert!(
        en.contains(
            "Ruled out on its own, so in no suggested syringe (see the findings): vitamin_e"
        ),
        "{en}"
    );
    assert!(
        en.contains("one of: {hyaluronic_acid, vitamin_e} or {Lidase (hyaluronidase), vitamin_e}"),
        "{en}"
    );
    assert!(en.contains("syringe 1: hyaluronic_acid — goals"), "{en}");
    assert!(
        en.contains("syringe 2: Lidase (hyaluronidase) — goals"),
        "{en}"
    );
    assert!(!en.contains("+ vitamin_e"), "{en}");
    let ru = suggestions_table(&args, "ru");
    assert!(
        ru.contains("Недопустимо само по себе, поэтому не входит ни в один предложенный шприц (см. замечания): Витамин E (токоферол)"),
        "{ru}"
    );
    assert!(
        ru.contains("шприц 1: Гиалуроновая кислота (нестабилизированная) — цели"),
        "{ru}"
    );
    assert!(!ru.contains("+ Витамин E"), "{ru}");
}

#[test]
fn an_allergen_is_in_no_suggested_syringe() {
    let args = [
        "hyaluronic_acid",
        "lidase",
        "lidocaine",
        "--allergy",
        "lidocaine",
    ];
    let s = suggestions_of(&args, 1);
    assert_eq!(strings(&s["blocked_alone"]), ["lidocaine"]);
    assert_eq!(
        remove_sets(&s),
        [
            ["hyaluronic_acid", "lidocaine"],
            ["hyaluronidase", "lidocaine"]
        ]
    );
    // Before: syringe 1 was hyaluronic acid + lidocaine.
    assert_eq!(syringes(&s), [["hyaluronic_acid"], ["hyaluronidase"]]);
    // Russian prose names the ingredients.
    for (lang, lidocaine, ha) in [
        ("en", "lidocaine", "hyaluronic_acid"),
        (
            "ru",
            "Лидокаин",
            "Гиалуроновая кислота (нестабилизированная)",
        ),
    ] {
        let table = suggestions_table(&args, lang);
        assert!(table.contains(&format!("): {lidocaine}\n")), "{table}");
        assert!(!table.contains(&format!("+ {lidocaine}")), "{table}");
        assert!(!table.contains(&format!("{{{ha}}}")), "{table}");
    }
}

#[test]
fn a_withdrawn_ingredient_is_removed_and_the_rest_offered() {
    let args = ["buflomedil", "lidocaine"];
    let s = suggestions_of(&args, 1);
    // Before: nothing at all was offered.
    assert_eq!(strings(&s["blocked_alone"]), ["buflomedil"]);
    assert_eq!(remove_sets(&s), [["buflomedil"]]);
    assert_eq!(syringes(&s), [["lidocaine"]]);
    assert!(s["none_approvable"].is_null());
    let en = suggestions_table(&args, "en");
    assert!(en.contains("see the findings): buflomedil"), "{en}");
    assert!(
        en.contains("Remove the fewest ingredients, one of: {buflomedil}\n"),
        "{en}"
    );
    let ru = suggestions_table(&args, "ru");
    assert!(ru.contains("см. замечания): Буфломедил"), "{ru}");
    assert!(ru.contains("один из вариантов: {Буфломедил}\n"), "{ru}");
}

#[test]
fn nothing_approvable_is_said_so() {
    // Every ingredient ruled out on its own.
    let args = ["buflomedil", "vitamin_e"];
    let s = suggestions_of(&args, 1);
    assert_eq!(s["none_approvable"], "ingredients");
    assert_eq!(strings(&s["blocked_alone"]), ["buflomedil", "vitamin_e"]);
    assert!(remove_sets(&s).is_empty() && syringes(&s).is_empty());
    assert!(strings(&s["alternatives"]).is_empty());
    let en = suggestions_table(&args, "en");
    assert!(en.contains("Nothing approvable remains"), "{en}");
    assert!(!en.contains("Remove the fewest"), "{en}");
    let ru = suggestions_table(&args, "ru");
    assert!(ru.contains("Одобрить нечего"), "{ru}");
    // A patient for whom no session is possible: no syringe at all, whatever the pairs.
    let args = ["hyaluronic_acid", "lidase", "--condition", "pregnancy"];
    let s = suggestions_of(&args, 1);
    assert_eq!(s["none_approvable"], "session");
    assert!(remove_sets(&s).is_empty() && syringes(&s).is_empty());
    assert!(strings(&s["blocked_alone"]).is_empty());
    let en = suggestions_table(&args, "en");
    assert!(
        en.contains("Nothing to suggest: a finding about the patient"),
        "{en}"
    );
    let ru = suggestions_table(&args, "ru");
    assert!(ru.contains("Предложить нечего"), "{ru}");
}

/// A label "do not mix" rule is a claim on every pair of its ingredient: it outranks a weaker
/// or equal-grade milder edge claim, and the pair and the mix-level finding agree.
#[test]
fn label_rules_rate_the_pair() {
    // Procaine: its weak caution edge with aminophylline plus its own weak "do not mix" rule
    // (Hewedolor, FACTS-pairs §1); artichoke: no edge and no rule of its own.
    for (other, edge) in [("procaine", true), ("artichoke", false)] {
        let run = Test::new()
            .args(["check", "aminophylline", other, "--format", "json"])
            .status(1);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(value["verdict"], "incompatible", "{other}");
        let pair = &value["pairs"][0];
        assert_eq!(pair["rating"], "incompatible", "{other}");
        assert_eq!(pair["via"], "rule", "{other}");
        let solo = value["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["kind"] == "solo")
            .expect("a solo finding");
        assert_eq!(solo["rating"], "incompatible", "{other}");
        let explain = Test::new()
            .args(["explain", "aminophylline", other, "--format", "json"])
            .status(0);
        let value: serde_json::Value = serde_json::from_str(&explain.stdout).expect("JSON");
        let claims = value["claims"].as_array().expect("claims");
        assert_eq!(claims[0]["from"], "rule");
        assert_eq!(claims[0]["role"], "decides");
        // The weaker edge claim is kept and shown as conflicting evidence.
        assert_eq!(claims.len(), if edge { 3 } else { 1 }, "{other}");
        if edge {
            assert_eq!(claims[1]["role"], "conflicts");
            assert_eq!(claims[1]["rating"], "caution");
        }
    }
    for lang in ["en", "ru"] {
        let text = Test::new()
            .args(["explain", "aminophylline", "procaine", "--lang", lang])
            .status(0);
        let (decides, conflicts) = if lang == "en" {
            ("decides", "conflicting evidence")
        } else {
            ("решает", "противоречащие данные")
        };
        assert!(
            text.stdout.contains(decides) && text.stdout.contains(conflicts),
            "{}",
            text.stdout
        );
    }
}

/// DESIGN §2 "Claims" on a small catalog made for it: the strongest grade decides, ties go to
/// the more severe, a "do not mix" rule never makes a pair milder than its edge, the others are
/// kept as conflicting evidence, and a pair with no claim falls to pH inference.
#[test]
fn claims_resolve_by_grade_and_are_all_shown() {
    let catalog = crate::support::fixture("good/claims.ron");
    // (a, b, rating, via, conflicting claims, condition shown)
    let cases: &[(&str, &str, &str, &str, usize, bool)] = &[
        (
            "hyaluronic_acid",
            "alkaline",
            "compatible",
            "ingredient",
            1,
            true,
        ),
        (
            "hyaluronic_acid",
            "label_solo",
            "incompatible",
            "rule",
            1,
            false,
        ),
        (
            "hyaluronidase",
            "weak_solo",
            "incompatible",
            "ingredient",
            1,
            false,
        ),
        ("hyaluronic_acid", "weak_solo", "caution", "rule", 0, false),
        ("hyaluronidase", "alkaline", "caution", "ph", 0, false),
        (
            "hyaluronidase",
            "hyaluronic_acid",
            "incompatible",
            "ingredient",
            0,
            false,
        ),
    ];
    for &(a, b, rating, via, conflicting, condition) in cases {
        let run = Test::new()
            .args(["--catalog", &catalog, "check", a, b, "--format", "json"])
            .run();
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let pair = &value["pairs"][0];
        assert_eq!(pair["rating"], rating, "{a} × {b}");
        assert_eq!(pair["via"], via, "{a} × {b}");
        let listed = pair["conflicting"].as_array().expect("conflicting");
        assert_eq!(listed.len(), conflicting, "{a} × {b}: {listed:?}");
        assert!(listed.iter().all(|c| c["rating"] != rating), "{a} × {b}");
        assert_eq!(pair["condition"].is_object(), condition, "{a} × {b}");
        let explain = Test::new()
            .args(["--catalog", &catalog, "explain", a, b, "--format", "json"])
            .status(0);
        let value: serde_json::Value = serde_json::from_str(&explain.stdout).expect("JSON");
        let claims = value["claims"].as_array().expect("claims");
        let conflicts = claims.iter().filter(|c| c["role"] == "conflicts").count();
        assert_eq!(conflicts, conflicting, "explain {a} × {b}");
    }
    for (lang, words) in [
        ("en", "Conflicting evidence"),
        ("ru", "Противоречащие данные"),
    ] {
        let run = Test::new()
            .args([
                "--catalog",
                &catalog,
                "check",
                "hyaluronic_acid",
                "alkaline",
            ])
            .args(["--lang", lang, "--color", "never"])
            .status(0);
        assert!(run.stdout.contains(words), "{}", run.stdout);
    }
}

/// DESIGN §2 scope `relative`: a blood thinner blocks (`needs_clearance`, incompatible) until
/// `--cleared` records the prescriber's clearance; then it is a caution naming the clearance, in
/// every format, both languages, from flags, a patient file and a batch record.
#[test]
fn relative_contraindications_need_clearance() {
    let finding = |args: &[&str], code: i32| {
        let run = Test::new()
            .args(["check", "hyaluronic_acid", "--medication", "warfarin"])
            .args(args)
            .args(["--format", "json"])
            .status(code);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let found = value["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["subject"] == "anticoagulant")
            .cloned()
            .expect("an anticoagulant finding");
        (value["verdict"].clone(), found)
    };
    let (verdict, f) = finding(&[], 1);
    assert_eq!(verdict, "incompatible");
    assert_eq!(f["kind"], "needs_clearance");
    assert_eq!(f["rating"], "incompatible");
    assert!(
        f["note"]["en"]
            .as_str()
            .expect("note")
            .contains("--cleared anticoagulant")
    );
    for cleared in ["warfarin", "anticoagulant", "Антикоагулянты"] {
        let (verdict, f) = finding(&["--cleared", cleared], 0);
        assert_eq!(verdict, "caution", "--cleared {cleared}");
        assert_eq!(f["kind"], "cleared");
        assert_eq!(f["rating"], "caution");
    }
    // Clearing something else clears nothing.
    let (verdict, _) = finding(&["--cleared", "pregnancy"], 1);
    assert_eq!(verdict, "incompatible");
    for (lang, needs, given) in [
        (
            "en",
            "treat only with the prescriber's",
            "cleared by the prescriber",
        ),
        (
            "ru",
            "только с разрешения лечащего врача",
            "разрешено лечащим врачом",
        ),
    ] {
        let blocked = Test::new()
            .args([
                "check",
                "hyaluronic_acid",
                "--medication",
                "warfarin",
                "--lang",
                lang,
                "--width",
                "0",
            ])
            .status(1);
        assert!(blocked.stdout.contains(needs), "{}", blocked.stdout);
        let cleared = Test::new()
            .args([
                "check",
                "hyaluronic_acid",
                "--medication",
                "warfarin",
                "--lang",
                lang,
            ])
            .args(["--cleared", "warfarin", "--format", "markdown"])
            .status(0);
        assert!(cleared.stdout.contains(given), "{}", cleared.stdout);
    }
    // A patient file and a batch record carry `cleared` too.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("patient.json");
    std::fs::write(
        &file,
        r#"{"medications": ["warfarin"], "cleared": ["warfarin"]}"#,
    )
    .expect("write");
    Test::new()
        .args([
            "check",
            "hyaluronic_acid",
            "--patient",
            file.to_str().expect("path"),
        ])
        .status(0);
    let batch = Test::new()
        .args(["formulate", "--batch", "-"])
        .stdin(concat!(
            r#"{"goals": ["hydration"], "zone": "face", "patient": {"medications": ["warfarin"]}}"#,
            "\n",
            r#"{"goals": ["hydration"], "zone": "face", "patient": {"medications": ["warfarin"], "cleared": ["warfarin"]}}"#,
            "\n",
            r#"{"goals": ["hydration"], "patient": {"cleared": ["warfarn"]}}"#,
            "\n",
        ))
        .run();
    let lines: Vec<serde_json::Value> = batch
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines[0]["verdict"], "incompatible", "{}", batch.stdout);
    assert_eq!(lines[1]["verdict"], "caution", "{}", batch.stdout);
    let error = lines[2]["error"]["message"].as_str().expect("an error");
    assert!(
        error.contains("patient.cleared") && error.contains("anticoagulant"),
        "{error}"
    );
    // An unknown name to clear is a usage error that names the flag.
    let run = Test::new()
        .args(["check", "hyaluronic_acid", "--cleared", "warfarn"])
        .status(2);
    assert!(run.stderr.contains("--cleared"), "{}", run.stderr);
}

/// Components (DESIGN §2): the patient is screened against what an ingredient contains, and
/// every such finding names the carrier and the component, with the component's source.
#[test]
fn patient_screening_reaches_every_component() {
    let catalog = crate::support::fixture("good/components.ron");
    let findings = |patient: &[&str], code: i32| {
        let run = Test::new()
            .args([
                "--catalog",
                &catalog,
                "check",
                "booster",
                "--format",
                "json",
            ])
            .args(patient)
            .status(code);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        value["findings"].as_array().expect("findings").clone()
    };
    // (patient, exit, kind, rating, component)
    let cases: &[(&[&str], i32, &str, &str, &str)] = &[
        (
            &["--allergy", "lidocaine"],
            1,
            "allergy",
            "incompatible",
            "lidocaine hydrochloride 0.3 %",
        ),
        (
            &["--allergy", "sulfite_allergy"],
            1,
            "component",
            "incompatible",
            "sodium metabisulfite",
        ),
        (
            &["--condition", "sulfite_allergy"],
            1,
            "component",
            "incompatible",
            "sodium metabisulfite",
        ),
        (
            &["--medication", "heparin"],
            0,
            "interaction",
            "caution",
            "lidocaine hydrochloride 0.3 %",
        ),
    ];
    for &(patient, code, kind, rating, component) in cases {
        let all = findings(patient, code);
        let f = all.iter().find(|f| f["kind"] == kind).expect("the finding");
        assert_eq!(f["subject"], "booster", "{patient:?}");
        assert_eq!(f["rating"], rating, "{patient:?}");
        assert_eq!(f["component"]["en"], component, "{patient:?}");
        assert!(
            f["note"]["en"]
                .as_str()
                .expect("note")
                .starts_with(&format!("contains {component}"))
        );
        assert!(
            f["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .any(|s| s == "label_a")
        );
    }
    assert!(findings(&[], 0).is_empty());
    // The Russian note names the component too.
    let ru = Test::new()
        .args([
            "--catalog",
            &catalog,
            "check",
            "booster",
            "--allergy",
            "lidocaine",
            "--lang",
            "ru",
        ])
        .status(1);
    assert!(
        ru.stdout.contains("содержит лидокаина гидрохлорид 0,3 %"),
        "{}",
        ru.stdout
    );
    // formulate leaves out what the patient cannot have because of a component.
    let run = Test::new()
        .args([
            "--catalog",
            &catalog,
            "formulate",
            "--goal",
            "hydration",
            "--format",
            "json",
        ])
        .args(["--allergy", "lidocaine"])
        .run();
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let excluded: Vec<&str> = value["excluded"]
        .as_array()
        .expect("excluded")
        .iter()
        .filter_map(|e| e["ingredient"].as_str())
        .collect();
    assert!(excluded.contains(&"booster"), "{}", run.stdout);
}

/// Branded products (issue 13 item 2): listed, found by brand names, expanded to their actives
/// in a check (named "Product (active)"), never a pair against their own co-formulated
/// actives, used whole in suggestions, and screened for what they contain.
#[test]
fn products_are_checked_by_their_actives() {
    let list = Test::new().args(["products", "--format", "json"]).status(0);
    let value: serde_json::Value = serde_json::from_str(&list.stdout).expect("JSON");
    let products = value["products"].as_array().expect("products");
    assert!(products.len() >= 15, "{} products", products.len());
    // Brand names, in Latin and Cyrillic, find the product; show prints it.
    for name in ["profhilo", "Profhilo", "лидаза", "Kybella", "hylenex"] {
        let run = Test::new()
            .args(["show", name, "--format", "json"])
            .status(0);
        assert!(
            run.stdout.contains("\"mesomix.product/2\""),
            "{name}: {}",
            run.stdout
        );
    }
    // Profhilo (HA) × Lidase (hyaluronidase): incompatible, named by product and active.
    let run = Test::new()
        .args(["check", "profhilo", "lidase", "--format", "json"])
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let pair = &value["pairs"][0];
    assert_eq!(pair["rating"], "incompatible");
    assert_eq!(
        (pair["a_product"].as_str(), pair["b_product"].as_str()),
        (Some("profhilo"), Some("lidase"))
    );
    // The pairs table names the product and the active (ids, as typed) in both languages; the
    // Russian title names the products.
    for lang in ["en", "ru"] {
        let table = Test::new()
            .args([
                "check", "profhilo", "lidase", "--lang", lang, "--color", "never",
            ])
            .status(1);
        let label = "Profhilo (hyaluronic_acid) × Lidase (hyaluronidase)";
        assert!(table.stdout.contains(label), "{}", table.stdout);
        if lang == "ru" {
            assert!(
                table.stdout.starts_with("Проверка: Профайло + Лидаза"),
                "{}",
                table.stdout
            );
        }
    }
    // A co-formulated product alone: its actives are no pair; a lidocaine allergy reaches it.
    let run = Test::new()
        .args(["check", "restylane_vital_lidocaine", "--format", "json"])
        .status(0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(
        value["pairs"].as_array().expect("pairs").is_empty(),
        "{}",
        run.stdout
    );
    let run = Test::new()
        .args([
            "check",
            "restylane_vital_lidocaine",
            "--allergy",
            "lidocaine",
            "--format",
            "json",
        ])
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let allergy = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["kind"] == "allergy")
        .expect("the allergy");
    assert_eq!(allergy["product"], "restylane_vital_lidocaine");
    // Suggestions keep a product whole: Restylane's HA and lidocaine stay together.
    let run = Test::new()
        .args([
            "check",
            "restylane_vital_lidocaine",
            "lidase",
            "--format",
            "json",
        ])
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let split: Vec<Vec<&str>> = value["suggestions"]["split"]
        .as_array()
        .expect("split")
        .iter()
        .map(|s| {
            s["ingredients"]
                .as_array()
                .expect("ids")
                .iter()
                .map(|i| i.as_str().expect("id"))
                .collect()
        })
        .collect();
    assert!(
        split.contains(&vec!["hyaluronic_acid", "lidocaine"]),
        "{split:?}"
    );
    // The maker's "do not mix" is a finding, and a claim on the pair.
    let run = Test::new()
        .args(["check", "kybella", "lidocaine", "--format", "json"])
        .status(1);
    assert!(run.stdout.contains("\"product_solo\""), "{}", run.stdout);
    // The same active twice (a product and its raw active) is named.
    let run = Test::new()
        .args(["check", "profhilo", "hyaluronic_acid"])
        .status(2);
    assert!(run.stderr.contains("listed twice"), "{}", run.stderr);
    // explain takes a product with one active; several actives are refused with their list.
    Test::new()
        .args(["explain", "profhilo", "lidase"])
        .status(0);
    let run = Test::new().args(["explain", "jalupro", "lidase"]).status(2);
    assert!(run.stderr.contains("amino_acids"), "{}", run.stderr);
    // formulate --require and plan --ingredients take products too.
    let run = Test::new()
        .args([
            "formulate",
            "--goal",
            "hydration",
            "--zone",
            "face",
            "--require",
            "profhilo",
            "--format",
            "json",
        ])
        .status(0);
    assert!(run.stdout.contains("\"hyaluronic_acid\""), "{}", run.stdout);
    Test::new()
        .args([
            "plan",
            "--zone",
            "submental",
            "--ingredients",
            "kybella",
            "--start",
            "2026-12-07",
        ])
        .status(0);
}
