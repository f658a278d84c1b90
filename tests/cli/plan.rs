//! `mesomix plan` and `formulate --plan`: real courses in every format and both languages,
//! the calendar parsed back by an independent parser, and bad input.

use crate::snap;
use crate::support::{Schema, Test};

const TODAY: &str = "2026-11-22";

/// (snapshot name, arguments)
const PLANS: &[(&str, &[&str])] = &[
    (
        "abdomen_pcdc",
        &[
            "--zone",
            "abdomen",
            "--ingredients",
            "phosphatidylcholine_deoxycholate",
            "--start",
            "2026-12-01",
        ],
    ),
    (
        "face_ha",
        &[
            "--zone",
            "face",
            "--goal",
            "rejuvenation",
            "--start",
            "2026-12-07",
        ],
    ),
    (
        "scalp_hair",
        &[
            "--zone",
            "scalp",
            "--goal",
            "hair_loss",
            "--start",
            "2027-01-15",
        ],
    ),
    (
        "submental_kybella",
        &[
            "--zone",
            "submental",
            "--ingredients",
            "kybella",
            "--start",
            "2026-12-03",
            "--sessions",
            "6",
        ],
    ),
];

#[test]
fn plans_in_every_format_and_language() {
    for (name, args) in PLANS {
        let json = Test::new()
            .args(["plan"])
            .args(*args)
            .args(["--today", TODAY, "--format", "json"])
            .status(0);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(value["schema"], "mesomix.plan/1");
        snap!(format!("plan.{name}.json"), json.stdout);
        for lang in ["en", "ru"] {
            for format in ["table", "markdown", "ics"] {
                let run = Test::new()
                    .args(["plan"])
                    .args(*args)
                    .args([
                        "--today", TODAY, "--format", format, "--lang", lang, "--color", "never",
                    ])
                    .status(0);
                snap!(
                    format!("plan.{name}.{lang}.{format}"),
                    run.stdout.replace("\r\n", "\u{240d}\n")
                );
            }
        }
    }
}

#[test]
fn the_stricter_rule_wins_and_says_so() {
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "abdomen",
            "--ingredients",
            "lipostabil",
            "--start",
            "2026-12-01",
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .status(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["rules"]["interval_days"]["value"], 28);
    assert_eq!(
        v["rules"]["interval_days"]["set_by"],
        "ingredient:phosphatidylcholine_deoxycholate"
    );
    assert_eq!(v["rules"]["sessions"]["value"], 4);
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "submental",
            "--ingredients",
            "kybella",
            "--start",
            "2026-12-01",
            "--sessions",
            "7",
        ])
        .status(2);
    assert!(
        run.stderr.contains("deoxycholic_acid") && run.stderr.contains("at most 6"),
        "{}",
        run.stderr
    );
}

#[test]
fn formulation_piped_in() {
    let f = Test::new()
        .args([
            "formulate",
            "--goal",
            "rejuvenation",
            "--goal",
            "hydration",
            "--zone",
            "face",
            "--format",
            "json",
        ])
        .status(0);
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--from",
            "-",
            "--start",
            "2026-12-07",
            "--today",
            TODAY,
        ])
        .args(["--format", "json"])
        .stdin(&f.stdout)
        .status(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["ingredients"][0], "dexpanthenol");
    snap!("plan.from_formulation.json", run.stdout);
    // formulate --plan appends the same plan.
    let both = Test::new()
        .args([
            "formulate",
            "--goal",
            "rejuvenation",
            "--goal",
            "hydration",
            "--zone",
            "face",
            "--plan",
            "--start",
            "2026-12-07",
            "--format",
            "json",
        ])
        .status(0);
    let b: serde_json::Value = serde_json::from_str(&both.stdout).expect("JSON");
    assert_eq!(b["plan"]["sessions"], v["sessions"]);
    let md = Test::new()
        .args([
            "formulate",
            "--goal",
            "hair_loss",
            "--zone",
            "scalp",
            "--plan",
            "--start",
            "2027-01-15",
            "--format",
            "markdown",
            "--lang",
            "ru",
        ])
        .status(0);
    assert!(md.stdout.contains("План курса"), "{}", md.stdout);
}

#[test]
fn calendar_parses_back_event_by_event() {
    let args = [
        "plan",
        "--zone",
        "face",
        "--goal",
        "rejuvenation",
        "--start",
        "2026-12-07",
        "--today",
        TODAY,
    ];
    let json = Test::new().args(args).args(["--format", "json"]).status(0);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    for lang in ["en", "ru"] {
        let ics = Test::new()
            .args(args)
            .args(["--format", "ics", "--lang", lang])
            .status(0);
        assert!(
            ics.stdout.ends_with("\r\n") && !ics.stdout.replace("\r\n", "").contains('\n'),
            "CRLF line ends only"
        );
        for line in ics.stdout.split("\r\n") {
            assert!(line.len() <= 75, "folded at 75 octets: {line}");
        }
        let unfolded = icalendar::parser::unfold(&ics.stdout);
        let calendar =
            icalendar::parser::read_calendar(&unfolded).expect("an independent parser reads it");
        let events: Vec<_> = calendar
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        let sessions = v["sessions"].as_array().expect("sessions");
        let windows = v["aftercare"].as_array().expect("aftercare");
        let extra =
            usize::from(!v["maintenance"].is_null()) + usize::from(!v["next_course"].is_null());
        assert_eq!(events.len(), sessions.len() + windows.len() + extra);
        let prop = |e: &icalendar::parser::Component<'_>, name: &str| {
            e.properties
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.val.as_str().to_owned())
                .expect(name)
        };
        let mut uids = std::collections::BTreeSet::new();
        for (n, s) in sessions.iter().enumerate() {
            let date = s["date"].as_str().expect("date").replace('-', "");
            let event = events
                .iter()
                .find(|e| {
                    prop(e, "DTSTART") == date && prop(e, "SUMMARY").contains(&format!("{}", n + 1))
                })
                .expect("a session event");
            assert!(!prop(event, "DTSTAMP").is_empty());
        }
        for e in &events {
            assert!(uids.insert(prop(e, "UID")), "UIDs are unique");
            assert!(
                prop(e, "DTEND") > prop(e, "DTSTART"),
                "all-day events end after they start"
            );
        }
        // The same plan gives the same bytes.
        let again = Test::new()
            .args(args)
            .args(["--format", "ics", "--lang", lang])
            .status(0);
        assert_eq!(ics.stdout, again.stdout);
    }
}

#[test]
fn bad_input_is_named() {
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--goal",
            "rejuvenation",
            "--start",
            "2026-02-30",
        ])
        .status(2);
    assert!(run.stderr.contains("--start 2026-02-30"), "{}", run.stderr);
    Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--goal",
            "rejuvenation",
            "--start",
            "01.12.2026",
        ])
        .status(2);
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--goal",
            "rejuvenation",
            "--start",
            "2026-12-01",
            "--sessions",
            "0",
        ])
        .status(2);
    assert!(run.stderr.contains("--sessions"), "{}", run.stderr);
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "fase",
            "--goal",
            "rejuvenation",
            "--start",
            "2026-12-01",
        ])
        .status(2);
    assert!(run.stderr.contains("face"), "{}", run.stderr);
    Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--goal",
            "rejuvenaton",
            "--start",
            "2026-12-01",
        ])
        .status(2);
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--from",
            "-",
            "--start",
            "2026-12-01",
        ])
        .stdin("{\"schema\": \"mesomix.check/3\"}")
        .status(2);
    assert!(
        run.stderr.contains("not a mesomix formulation"),
        "{}",
        run.stderr
    );
    Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--from",
            "-",
            "--start",
            "2026-12-01",
        ])
        .stdin("not json")
        .status(2);
    Test::new()
        .args(["plan", "--zone", "face", "--start", "2026-12-01"])
        .status(2);
    Test::new().args(["goals", "--format", "ics"]).status(2);
    // A start in the past is allowed and flagged.
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--goal",
            "rejuvenation",
            "--start",
            "2026-01-05",
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .status(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["start_in_past"], true);
}

#[test]
fn json_validates_against_the_published_schema() {
    let schema = Schema::of("plan");
    for (name, args) in PLANS {
        let run = Test::new()
            .args(["plan"])
            .args(*args)
            .args(["--today", TODAY, "--format", "json"])
            .status(0);
        schema.assert_valid(name, &run.stdout);
    }
}

/// `plan` checks what it plans, for the patient and in the plan's zone: a blocked cocktail gets
/// the check's findings and exit 1, no plan and no calendar.
#[test]
fn plan_checks_what_it_plans() {
    let start = ["--start", "2026-12-07"];
    // A withdrawn drug: no calendar on stdout; the findings go to stderr.
    let ics = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--ingredients",
            "buflomedil",
            "--format",
            "ics",
        ])
        .args(start)
        .status(1);
    assert!(
        ics.stdout.is_empty(),
        "a calendar was written:\n{}",
        ics.stdout
    );
    assert!(
        ics.stderr.contains("buflomedil") && ics.stderr.contains("withdrawn"),
        "{}",
        ics.stderr
    );
    for lang in ["en", "ru"] {
        let json = Test::new()
            .args([
                "plan",
                "--zone",
                "face",
                "--ingredients",
                "buflomedil",
                "--format",
                "json",
            ])
            .args(start)
            .args(["--lang", lang])
            .status(1);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(value["schema"], "mesomix.check/3");
        assert_eq!(value["verdict"], "incompatible");
        assert!(value.get("sessions").is_none());
    }
    // The patient: pregnancy refuses, a condition a cocktail does not touch lets it through.
    let refused = Test::new()
        .args(["plan", "--zone", "face", "--ingredients", "hyaluronic_acid"])
        .args(start)
        .args(["--condition", "pregnancy", "--format", "json"])
        .status(1);
    assert!(
        refused.stdout.contains("\"verdict\": \"refused\""),
        "{}",
        refused.stdout
    );
    let allergy = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--ingredients",
            "hyaluronic_acid",
            "lidocaine",
        ])
        .args(start)
        .args(["--allergy", "lidocaine", "--format", "json"])
        .status(1);
    assert!(
        allergy.stdout.contains("mesomix.check/3"),
        "{}",
        allergy.stdout
    );
    Test::new()
        .args(["plan", "--zone", "face", "--ingredients", "hyaluronic_acid"])
        .args(start)
        .status(0);
    // A formulation made for the abdomen, planned for the face: checked in the face.
    let abdomen = Test::new()
        .args([
            "formulate",
            "--goal",
            "local_fat",
            "--zone",
            "abdomen",
            "--format",
            "json",
        ])
        .status(0);
    let value: serde_json::Value = serde_json::from_str(&abdomen.stdout).expect("JSON");
    let ids: Vec<&str> = value["cocktail"]["ingredients"]
        .as_array()
        .expect("a cocktail")
        .iter()
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    let face = Test::new()
        .args(["plan", "--zone", "face", "--from", "-", "--format", "json"])
        .args(start)
        .stdin(&abdomen.stdout)
        .run();
    let check = Test::new()
        .args(["check", "--zone", "face", "--format", "json"])
        .args(&ids)
        .run();
    let verdict: serde_json::Value = serde_json::from_str(&check.stdout).expect("JSON");
    let blocked = !matches!(verdict["verdict"].as_str(), Some("compatible" | "caution"));
    assert_eq!(
        face.code,
        if blocked { 1 } else { 0 },
        "{ids:?}: {}",
        face.stdout
    );
    assert_eq!(
        face.stdout.contains("mesomix.check/3"),
        blocked,
        "{}",
        face.stdout
    );
}
