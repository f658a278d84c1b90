//! `mesomix formulate`: real requests in every format and both languages, JSON validated
//! against `mesomix schema formulation`, batch mode, and bad input.

use crate::snap;
use crate::support::{Schema, Test};

/// (snapshot name, arguments, expected verdict, exit code)
const REQUESTS: &[(&str, &[&str], &str, i32)] = &[
    (
        "abdomen_fat",
        &["--goal", "local_fat", "--zone", "abdomen"],
        "compatible",
        0,
    ),
    (
        "thighs_cellulite_gallstones",
        &[
            "--goal",
            "cellulite",
            "--zone",
            "thighs",
            "--condition",
            "gallstones",
        ],
        "compatible",
        0,
    ),
    (
        "stretch_marks",
        &["--goal", "stretch_marks", "--zone", "abdomen"],
        "compatible",
        0,
    ),
    (
        "face_rejuvenation_hydration",
        &[
            "--goal",
            "rejuvenation",
            "--goal",
            "hydration",
            "--zone",
            "face",
        ],
        "compatible",
        0,
    ),
    (
        "scalp_hair_loss",
        &["--goal", "hair_loss", "--zone", "scalp"],
        "compatible",
        0,
    ),
    (
        "hyperpigmentation",
        &["--goal", "hyperpigmentation", "--zone", "face"],
        "compatible",
        0,
    ),
    (
        "anticoagulants_gallstones",
        &[
            "--goal",
            "local_fat",
            "--goal",
            "cellulite",
            "--zone",
            "abdomen",
            "--condition",
            "cholelithiasis",
            "--medication",
            "anticoagulant",
            "--cleared",
            "anticoagulant",
        ],
        "caution",
        0,
    ),
    (
        "pregnancy",
        &[
            "--goal",
            "rejuvenation",
            "--zone",
            "face",
            "--condition",
            "pregnancy",
        ],
        "refused",
        1,
    ),
    (
        "menstruation",
        &[
            "--goal",
            "cellulite",
            "--zone",
            "thighs",
            "--condition",
            "menstruation",
        ],
        "postpone",
        1,
    ),
    (
        "two_syringes",
        &["--goal", "scars", "--goal", "hydration", "--zone", "face"],
        "compatible",
        0,
    ),
    (
        "alternatives",
        &[
            "--goal",
            "rejuvenation",
            "--goal",
            "hydration",
            "--zone",
            "face",
            "--alternatives",
            "3",
        ],
        "compatible",
        0,
    ),
];

#[test]
fn requests_in_every_format_and_language() {
    for (name, args, verdict, code) in REQUESTS {
        let json = Test::new()
            .args(["formulate"])
            .args(*args)
            .args(["--format", "json"])
            .status(*code);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(value["verdict"], *verdict, "{name}");
        snap!(format!("formulate.{name}.json"), json.stdout);
        // The cocktail of two or more is drawn once, in Markdown only (its own check, which
        // follows, does not draw it again).
        let components = value["cocktail"]["ingredients"]
            .as_array()
            .map_or(0, Vec::len);
        for lang in ["en", "ru"] {
            for format in ["table", "markdown"] {
                let run = Test::new()
                    .args(["formulate"])
                    .args(*args)
                    .args(["--format", format, "--lang", lang, "--color", "never"])
                    .status(*code);
                let pictures = run.stdout.matches("```mermaid").count();
                let expected = usize::from(format == "markdown" && components > 1);
                assert_eq!(pictures, expected, "{name} {lang} {format}");
                snap!(format!("formulate.{name}.{lang}.{format}"), run.stdout);
            }
        }
    }
}

#[test]
fn json_validates_against_the_published_schema() {
    let schema = Schema::of("formulation");
    for (name, args, _, code) in REQUESTS {
        let run = Test::new()
            .args(["formulate"])
            .args(*args)
            .args(["--format", "json"])
            .status(*code);
        schema.assert_valid(name, &run.stdout);
    }
}

/// The issue's acceptance path: the cocktail's ids, piped into `check` for the same patient,
/// give an approved verdict (exit 0).
#[test]
fn formulated_cocktail_passes_check() {
    for (name, args, _, code) in REQUESTS {
        if *code != 0 {
            continue;
        }
        let run = Test::new()
            .args(["formulate"])
            .args(*args)
            .args(["--format", "json"])
            .status(0);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let ids: Vec<String> = value["cocktail"]["ingredients"]
            .as_array()
            .expect("a cocktail")
            .iter()
            .map(|i| i["id"].as_str().expect("id").to_owned())
            .collect();
        let mut check_args: Vec<String> = vec!["check".into()];
        check_args.extend(ids);
        // The same zone and patient flags.
        let mut rest = args.iter().peekable();
        while let Some(flag) = rest.next() {
            if [
                "--zone",
                "--condition",
                "--medication",
                "--allergy",
                "--cleared",
            ]
            .contains(flag)
            {
                check_args.push((*flag).to_owned());
                check_args.push((*rest.next().expect("a value")).to_owned());
            }
        }
        let check = Test::new()
            .args(&check_args)
            .args(["--format", "json"])
            .status(0);
        let verdict: serde_json::Value = serde_json::from_str(&check.stdout).expect("JSON");
        assert!(
            ["compatible", "caution"].contains(&verdict["verdict"].as_str().expect("verdict")),
            "{name}: {}",
            check.stdout
        );
    }
}

#[test]
fn every_choice_and_exclusion_is_explained_in_both_languages() {
    let args = [
        "formulate",
        "--goal",
        "local_fat",
        "--goal",
        "cellulite",
        "--zone",
        "abdomen",
        "--condition",
        "cholelithiasis",
        "--medication",
        "anticoagulant",
        "--cleared",
        "anticoagulant",
        "--color",
        "never",
    ];
    let en = Test::new().args(args).args(["--lang", "en"]).status(0);
    assert!(
        en.stdout.contains("Excluded ingredients") && en.stdout.contains("artichoke"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("Gallstones"), "{}", en.stdout);
    let ru = Test::new().args(args).args(["--lang", "ru"]).status(0);
    assert!(
        ru.stdout.contains("Исключённые ингредиенты") && ru.stdout.contains("Желчнокаменная"),
        "{}",
        ru.stdout
    );
}

#[test]
fn same_request_same_bytes() {
    for (_, args, _, code) in REQUESTS {
        let a = Test::new()
            .args(["formulate"])
            .args(*args)
            .args(["--format", "json"])
            .status(*code);
        let b = Test::new()
            .args(["formulate"])
            .args(*args)
            .args(["--format", "json"])
            .status(*code);
        assert_eq!(a.stdout, b.stdout);
    }
}

#[test]
fn require_exclude_and_allow_caution() {
    let json = |args: &[&str], code| {
        let run = Test::new()
            .args(["formulate"])
            .args(args)
            .args(["--format", "json"])
            .status(code);
        serde_json::from_str::<serde_json::Value>(&run.stdout).expect("JSON")
    };
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["cocktail"]["ingredients"]
            .as_array()
            .map_or_else(Vec::new, |a| {
                a.iter()
                    .map(|i| i["id"].as_str().unwrap_or_default().to_owned())
                    .collect()
            })
    };
    let v = json(
        &[
            "--goal",
            "rejuvenation",
            "--zone",
            "face",
            "--exclude",
            "hyaluronic_acid",
        ],
        0,
    );
    assert!(!ids(&v).contains(&"hyaluronic_acid".to_owned()));
    assert!(
        v["excluded"]
            .as_array()
            .expect("excluded")
            .iter()
            .any(|e| e["ingredient"] == "hyaluronic_acid"
                && e["reasons"][0]["kind"] == "excluded_by_user")
    );
    let v = json(
        &[
            "--goal",
            "rejuvenation",
            "--zone",
            "face",
            "--require",
            "lidocaine",
        ],
        0,
    );
    assert!(ids(&v).contains(&"lidocaine".to_owned()), "{v}");
    // With --allow-caution, caution pairs may share the syringe.
    let strict = json(
        &[
            "--goal",
            "hyperpigmentation",
            "--goal",
            "rejuvenation",
            "--zone",
            "face",
        ],
        0,
    );
    let relaxed = json(
        &[
            "--goal",
            "hyperpigmentation",
            "--goal",
            "rejuvenation",
            "--zone",
            "face",
            "--allow-caution",
        ],
        0,
    );
    assert!(
        relaxed["cocktail"]["score"]["coverage"].as_u64()
            >= strict["cocktail"]["score"]["coverage"].as_u64()
    );
}

#[test]
fn bad_input_is_named() {
    let run = Test::new()
        .args(["formulate", "--goal", "celulite"])
        .status(2);
    assert!(
        run.stderr.contains("--goal") && run.stderr.contains("cellulite"),
        "{}",
        run.stderr
    );
    let run = Test::new()
        .args(["formulate", "--goal", "cellulite", "--zone", "tumy"])
        .status(2);
    assert!(run.stderr.contains("--zone"), "{}", run.stderr);
    Test::new()
        .args(["formulate", "--goal", "cellulite", "--max-components", "0"])
        .status(2);
    Test::new().args(["formulate"]).status(2);
    let run = Test::new()
        .args(["formulate", "--goal", "cellulite:0"])
        .status(2);
    assert!(run.stderr.contains("weight"), "{}", run.stderr);
    let run = Test::new()
        .args(["formulate", "--goal", "cellulite", "--goal", "cellulite"])
        .status(2);
    assert!(run.stderr.contains("twice"), "{}", run.stderr);
    let run = Test::new()
        .args([
            "formulate",
            "--goal",
            "cellulite",
            "--zone",
            "thighs",
            "--condition",
            "gallstones",
            "--require",
            "artichoke",
        ])
        .status(2);
    assert!(
        run.stderr.contains("--require artichoke") && run.stderr.contains("ruled out"),
        "{}",
        run.stderr
    );
    let run = Test::new()
        .args([
            "formulate",
            "--goal",
            "hydration",
            "--require",
            "hyaluronidase",
            "--require",
            "hyaluronic_acid",
        ])
        .status(2);
    assert!(
        run.stderr.contains("hyaluronidase")
            && run.stderr.contains("hyaluronic_acid")
            && run.stderr.contains("incompatible"),
        "{}",
        run.stderr
    );
    let run = Test::new()
        .args([
            "formulate",
            "--goal",
            "hydration",
            "--require",
            "ha",
            "--exclude",
            "hyaluronic_acid",
        ])
        .status(2);
    assert!(run.stderr.contains("both"), "{}", run.stderr);
}

#[test]
fn batch_answers_every_line_in_order() {
    let input = concat!(
        "{\"goals\": [\"local_fat\"], \"zone\": \"abdomen\"}\n",
        "\n",
        "not json\n",
        "[1, 2]\n",
        "{\"goals\": [\"hydration\"], \"weight\": 60}\n",
        "{\"goals\": [\"celulite\"]}\n",
        "{\"goals\": [\"rejuvenation\"], \"zone\": \"face\", \"patient\": {\"conditions\": [\"pregnancy\"]}}\n",
        "{\"goals\": [\"hair_loss:2\", \"hydration\"], \"zone\": \"scalp\", \"max_components\": 2}",
    );
    let run = Test::new()
        .args(["formulate", "--batch", "-"])
        .stdin(input)
        .status(2);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let records: Vec<u64> = lines
        .iter()
        .map(|l| l["record"].as_u64().expect("record"))
        .collect();
    assert_eq!(
        records,
        [1, 3, 4, 5, 6, 7, 8],
        "one result per non-blank line, in order"
    );
    assert_eq!(lines[0]["verdict"], "compatible");
    assert_eq!(lines[0]["schema"], "mesomix.formulation/2");
    assert_eq!(lines[1]["error"]["kind"], "json");
    assert_eq!(
        lines[2]["error"]["kind"], "json",
        "an array is not a request"
    );
    assert!(
        lines[3]["error"]["message"]
            .as_str()
            .expect("message")
            .contains("weight"),
        "unknown field named"
    );
    assert!(
        lines[4]["error"]["message"]
            .as_str()
            .expect("message")
            .contains("cellulite"),
        "closest name suggested"
    );
    assert_eq!(lines[5]["verdict"], "refused");
    assert_eq!(lines[6]["request"]["goals"][0]["weight"], 2);
    // Without bad lines the exit code is the worst verdict's.
    let run = Test::new()
        .args(["formulate", "--batch", "-"])
        .stdin("{\"goals\": [\"local_fat\"]}\n")
        .status(0);
    assert_eq!(run.stdout.lines().count(), 1);
    Test::new()
        .args(["formulate", "--batch", "-"])
        .stdin("{\"goals\": [\"rejuvenation\"], \"patient\": {\"conditions\": [\"pregnancy\"]}}\n")
        .status(1);
    let run = Test::new()
        .args(["formulate", "--batch", "/nonexistent/requests.jsonl"])
        .status(2);
    assert!(
        run.stderr.contains("/nonexistent/requests.jsonl"),
        "{}",
        run.stderr
    );
    Test::new()
        .args(["formulate", "--batch", "-", "--goal", "cellulite"])
        .status(2);
}

#[test]
fn batch_output_file_is_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("results.jsonl");
    let input = "{\"goals\": [\"local_fat\"]}\n{\"goals\": [\"hydration\"]}\n";
    Test::new()
        .args([
            "formulate",
            "--batch",
            "-",
            "--output",
            out.to_str().expect("path"),
        ])
        .stdin(input)
        .status(0);
    let text = std::fs::read_to_string(&out).expect("written");
    assert_eq!(text.lines().count(), 2);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        1,
        "no temporary file left"
    );
}

/// Lines a batch of many records cycles through: answers, bad JSON, unknown names (with and
/// without suggestions), blank lines, names found only in a later vocabulary (an allergy named
/// by an ingredient, a product, a cleared medication) and a refusal.
const MIXED_LINES: &[&str] = &[
    r#"{"goals": ["local_fat", "cellulite"], "zone": "abdomen"}"#,
    r#"{"goals": ["celulite"], "zone": "abdomen"}"#,
    "",
    "[1, 2]",
    r#"{"goals": ["hair_loss"], "zone": "scalp"}"#,
    r#"{"goals": ["hydration"], "weight": 60}"#,
    r#"{"goals": ["rejuvenation"], "zone": "face", "patient": {"allergies": ["lidocaine"]}}"#,
    r#"{"goals": ["rejuvenation"], "zone": "face", "patient": {"allergies": ["lidocane"]}}"#,
    r#"{"goals": ["rejuvenation"], "zone": "face", "require": ["profhilo"]}"#,
    r#"{"goals": ["rejuvenation"], "zone": "face", "require": ["dermahel"]}"#,
    r#"{"goals": ["cellulite"], "zone": "thighs", "patient": {"cleared": ["warfarin"]}}"#,
    r#"{"goals": ["cellulite"], "zone": "thighs", "patient": {"cleared": ["warfrin"]}}"#,
    "   ",
    r#"{"goals": ["rejuvenation"], "zone": "face", "patient": {"conditions": ["pregnancy"]}}"#,
    r#"{"goals": ["rejuvenation"],"#,
];

/// `lines` lines cycling through `templates`, each ended by a newline.
fn cycled(templates: &[&str], lines: usize) -> String {
    templates
        .iter()
        .cycle()
        .take(lines)
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A batch of more lines than one chunk is answered on one thread and on several to the same
/// bytes and exit code, on standard output and into `--output`, each answer in its input line's
/// place: the same answer as the first line of its kind, under its own record number.
#[test]
fn batch_on_every_core_writes_what_one_thread_writes() {
    let lines = 700;
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("requests.jsonl");
    std::fs::write(&input, cycled(MIXED_LINES, lines)).expect("input written");
    let input = input.to_str().expect("path");
    let batch = |threads: &str| {
        Test::new()
            .args(["formulate", "--batch", input])
            .env("RAYON_NUM_THREADS", threads)
            .status(2)
    };
    let one = batch("1");
    for threads in ["2", "3"] {
        assert!(
            batch(threads).stdout == one.stdout,
            "{threads} threads write what one thread writes"
        );
    }
    let out = dir.path().join("results.jsonl");
    Test::new()
        .args(["formulate", "--batch", input])
        .args(["--output", out.to_str().expect("path")])
        .env("RAYON_NUM_THREADS", "2")
        .status(2);
    assert!(
        std::fs::read_to_string(&out).expect("written") == one.stdout,
        "--output holds what standard output shows"
    );

    // In input order: record numbers are the non-blank lines' numbers, and each answer is the
    // one its line's first occurrence got.
    let answers: Vec<serde_json::Value> = one
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let expected: Vec<usize> = (1..=lines)
        .filter(|n| !MIXED_LINES[(n - 1) % MIXED_LINES.len()].trim().is_empty())
        .collect();
    let records: Vec<usize> = answers
        .iter()
        .map(|a| a["record"].as_u64().expect("record") as usize)
        .collect();
    assert_eq!(records, expected, "one answer per non-blank line, in order");
    let without_record = |a: &serde_json::Value| {
        let mut a = a.clone();
        a.as_object_mut().expect("an object").remove("record");
        a
    };
    for (answer, &record) in answers.iter().zip(&records) {
        let first = (record - 1) % MIXED_LINES.len() + 1;
        let first = &answers[records.iter().position(|&r| r == first).expect("first")];
        assert_eq!(
            without_record(answer),
            without_record(first),
            "record {record}"
        );
    }
    // Names found in a later vocabulary are found; the unknown ones suggest as before.
    let kinds: Vec<&str> = answers[..13]
        .iter()
        .map(|a| {
            a.get("verdict")
                .and_then(|v| v.as_str())
                .or_else(|| a["error"]["message"].as_str())
                .expect("a verdict or an error")
        })
        .collect();
    assert!(!kinds[5].contains("unknown"), "{kinds:?}");
    assert_eq!(
        kinds[6],
        "patient.allergies: unknown name `lidocane`; did you mean amide_anesthetic_allergy, \
         lidocaine, lidocaine_epinephrine?"
    );
    assert!(!kinds[7].contains("unknown"), "{kinds:?}");
    assert_eq!(
        kinds[8],
        "require: unknown name `dermahel`; did you mean dexpanthenol?"
    );
    assert!(!kinds[9].contains("unknown"), "{kinds:?}");
    assert_eq!(
        kinds[10],
        "patient.cleared: unknown name `warfrin`; did you mean anticoagulant?"
    );

    // Without bad records the exit code is the worst verdict's, whatever the thread count.
    let valid: Vec<&str> = MIXED_LINES
        .iter()
        .copied()
        .filter(|l| l.starts_with('{') && !l.contains("weight") && !l.ends_with(','))
        .filter(|l| {
            !["celulite", "lidocane", "dermahel", "warfrin"]
                .iter()
                .any(|n| l.contains(n))
        })
        .collect();
    std::fs::write(dir.path().join("valid.jsonl"), cycled(&valid, 300)).expect("input written");
    let valid_input = dir.path().join("valid.jsonl");
    let valid_batch = |threads: &str| {
        Test::new()
            .args(["formulate", "--batch", valid_input.to_str().expect("path")])
            .env("RAYON_NUM_THREADS", threads)
            .status(1)
    };
    let one = valid_batch("1");
    assert_eq!(one.stdout.lines().count(), 300);
    assert!(valid_batch("2").stdout == one.stdout, "2 threads as one");
}

/// A reader that goes away ends a batch on many cores quietly, with the exit code one thread
/// gives.
#[test]
fn batch_on_every_core_ends_quietly_on_a_closed_pipe() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("requests.jsonl");
    std::fs::write(&input, cycled(MIXED_LINES, 600)).expect("input written");
    let mut codes = Vec::new();
    for threads in ["1", "2"] {
        let (stderr, code) = Test::new()
            .args(["formulate", "--batch", input.to_str().expect("path")])
            .env("RAYON_NUM_THREADS", threads)
            .closed_stdout();
        assert!(stderr.is_empty(), "{threads} threads: {stderr}");
        codes.push(code);
    }
    assert_eq!(codes[0], codes[1]);
}

/// A pair with no data is "no data", never a conflict, in both languages; Russian prose names
/// the ingredient instead of printing its id.
#[test]
fn no_data_is_said_as_no_data() {
    let run = Test::new()
        .args([
            "formulate",
            "--goal",
            "hair_loss",
            "--zone",
            "scalp",
            "--format",
            "json",
        ])
        .status(0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let unknown: Vec<&serde_json::Value> = value["not_chosen"]
        .as_array()
        .expect("not_chosen")
        .iter()
        .filter(|n| n["rating"] == "unknown")
        .collect();
    assert!(!unknown.is_empty(), "{}", run.stdout);
    for n in unknown {
        let (en, ru) = (
            n["reason"]["en"].as_str().expect("en"),
            n["reason"]["ru"].as_str().expect("ru"),
        );
        assert!(
            en.starts_with("no data for it with ") && !en.contains("cannot share"),
            "{en}"
        );
        assert!(
            ru.starts_with("нет данных о совместимости") && !ru.contains("dutasteride"),
            "{ru}"
        );
    }
    for (lang, words) in [
        ("en", "no data for it with dutasteride"),
        ("ru", "нет данных о совместимости (пара: Дутастерид)"),
    ] {
        let table = Test::new()
            .args([
                "formulate",
                "--goal",
                "hair_loss",
                "--zone",
                "scalp",
                "--lang",
                lang,
                "--color",
                "never",
            ])
            .status(0);
        assert!(table.stdout.contains(words), "{}", table.stdout);
        assert!(!table.stdout.contains("conflict") && !table.stdout.contains("конфликт"));
    }
}

/// Batch honours the flags that make sense for every record (a record's own field wins) and
/// refuses the rest; positional arrays are not requests; stdin cannot be both catalog and batch.
#[test]
fn batch_honours_or_refuses_its_flags() {
    let record = "{\"goals\": [\"local_fat\", \"cellulite\"], \"zone\": \"abdomen\"}\n";
    let answer = |flags: &[&str], stdin: &str| {
        let run = Test::new()
            .args(["formulate", "--batch", "-"])
            .args(flags)
            .stdin(stdin)
            .run();
        let first: serde_json::Value =
            serde_json::from_str(run.stdout.lines().next().unwrap_or("{}")).expect("JSON");
        (run.code, first)
    };
    let (_, plain) = answer(&[], record);
    let (_, more) = answer(&["--alternatives", "2"], record);
    assert_eq!(plain["alternatives"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        more["alternatives"].as_array().map(Vec::len),
        Some(2),
        "{more}"
    );
    // The record's own field wins over the flag.
    let own =
        "{\"goals\": [\"local_fat\", \"cellulite\"], \"zone\": \"abdomen\", \"alternatives\": 1}\n";
    let (_, own) = answer(&["--alternatives", "2"], own);
    assert_eq!(own["alternatives"].as_array().map(Vec::len), Some(1));
    // --max-components 1 as a default.
    let (_, one) = answer(&["--max-components", "1"], record);
    assert_eq!(
        one["cocktail"]["ingredients"].as_array().map(Vec::len),
        Some(1),
        "{one}"
    );
    // --strict counts cautions toward the exit code.
    let warfarin = "{\"goals\": [\"hydration\"], \"zone\": \"face\", \"patient\": {\"medications\": [\"warfarin\"], \"cleared\": [\"warfarin\"]}}\n";
    assert_eq!(answer(&[], warfarin).0, 0);
    assert_eq!(answer(&["--strict"], warfarin).0, 1);
    // Refused, not ignored.
    for flags in [
        &["--format", "table"][..],
        &["--lang", "ru"],
        &["--plan", "--start", "2026-12-07"],
        &["--catalog", "-"],
    ] {
        let run = Test::new()
            .args(["formulate", "--batch", "-"])
            .args(flags)
            .stdin(record)
            .status(2);
        // (--lang ru words its own refusal in Russian.)
        assert!(
            run.stderr.contains("does not apply to --batch")
                || run.stderr.contains("не применяется с --batch"),
            "{flags:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
    // A positional array is not a request.
    let run = Test::new()
        .args(["formulate", "--batch", "-"])
        .stdin("[[\"cellulite\"], \"abdomen\"]\n")
        .status(2);
    assert!(
        run.stdout.contains("a request is a JSON object"),
        "{}",
        run.stdout
    );
}

/// Issue 14's acceptance: with no patient findings, each of these requests gets a cocktail of at
/// least two ingredients, in one syringe or in two syringes of one session, and every goal
/// action it leaves uncovered says why.
#[test]
fn real_requests_get_real_cocktails() {
    const CASES: &[&[&str]] = &[
        &[
            "--goal",
            "local_fat",
            "--goal",
            "cellulite",
            "--zone",
            "abdomen",
        ],
        &["--goal", "cellulite", "--zone", "thighs"],
        &["--goal", "rejuvenation", "--zone", "face"],
        &["--goal", "hyperpigmentation", "--zone", "face"],
        &["--goal", "hair_loss", "--zone", "scalp"],
    ];
    for args in CASES {
        let run = Test::new()
            .args(["formulate", "--format", "json"])
            .args(*args)
            .status(0);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let single = v["cocktail"]["ingredients"].as_array().map_or(0, Vec::len);
        let two = v["two_syringes"]["cocktail"]["ingredients"]
            .as_array()
            .map_or(0, Vec::len);
        assert!(single.max(two) >= 2, "{args:?}: {single} / {two}");
        if two > 0 {
            assert_eq!(
                v["two_syringes"]["cocktail"]["syringes"]
                    .as_array()
                    .map(Vec::len),
                Some(2)
            );
            assert!(
                v["two_syringes"]["cocktail"]["score"]["value"].as_f64()
                    > v["cocktail"]["score"]["value"].as_f64(),
                "{args:?}: two syringes are offered only when they cover more"
            );
            for check in v["two_syringes"]["checks"].as_array().expect("checks") {
                assert!(
                    matches!(check["verdict"].as_str(), Some("compatible" | "caution")),
                    "{args:?}: each syringe passes its check"
                );
            }
        }
        for u in v["uncovered"].as_array().expect("uncovered") {
            assert!(
                !u["reason"]["en"].as_str().unwrap_or("").is_empty(),
                "{args:?}: {u}"
            );
        }
        assert_eq!(v["proven"], true, "{args:?}");
    }
}

/// A search stopped by its node budget answers with the best found so far and says it is not
/// proven optimal, in the JSON field and in the table.
#[test]
fn a_search_out_of_budget_says_not_proven() {
    use mesomix::catalog;
    use mesomix::formulate::{FormulateRequest, default_weights, formulate_within};
    use mesomix::render::formulate::{formulation_doc, formulation_value};
    use mesomix::render::lang::Lang;
    use mesomix::render::table::{TableOptions, render};
    let c = catalog::embedded().expect("valid");
    let goals: Vec<usize> = ["rejuvenation", "hydration", "hyperpigmentation", "scars"]
        .iter()
        .map(|g| c.goal_index(g).expect("goal"))
        .collect();
    let request = FormulateRequest {
        goals: default_weights(&goals),
        zone: c.zones().iter().position(|z| z.id == "face"),
        patient: Default::default(),
        max_components: 4,
        require: Vec::new(),
        exclude: Vec::new(),
        allow_caution: true,
        alternatives: 0,
    };
    let full = formulate_within(&c, &request, mesomix::formulate::NODE_BUDGET).expect("valid");
    assert!(full.proven);
    let cut = formulate_within(&c, &request, 3).expect("valid");
    assert!(!cut.proven);
    assert!(
        cut.cocktail.is_some(),
        "the best found so far is still given"
    );
    let json = serde_json::to_value(formulation_value(&c, &request, &cut)).expect("JSON");
    assert_eq!(json["proven"], false);
    let table = render(
        &formulation_doc(&c, &request, &cut, Lang::En, false),
        TableOptions {
            color: false,
            width: Some(100),
        },
    );
    assert!(table.contains("not proven optimal"), "{table}");
    let full_table = render(
        &formulation_doc(&c, &request, &full, Lang::En, false),
        TableOptions {
            color: false,
            width: Some(100),
        },
    );
    assert!(!full_table.contains("not proven optimal"));
}
