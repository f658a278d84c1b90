//! Every command, twice, in every format it has: the same bytes each time, and no time- or
//! machine-dependent field in JSON unless asked for.

use crate::support::Test;

const COMMANDS: &[&[&str]] = &[
    &["ingredients"],
    &["show", "hyaluronidase"],
    &["classes"],
    &["goals"],
    &["zones"],
    &["conditions"],
    &["medications"],
    &["validate"],
    &[
        "check",
        "hyaluronidase",
        "hyaluronic_acid",
        "lidocaine",
        "--condition",
        "menstruation",
    ],
    &[
        "check",
        "vitamin_c",
        "b12",
        "copper",
        "zinc",
        "collagenase",
        "--zone",
        "face",
    ],
    &["explain", "ascorbic_acid", "hyaluronic_acid"],
    &[
        "formulate",
        "--goal",
        "local_fat",
        "--goal",
        "cellulite",
        "--zone",
        "abdomen",
        "--alternatives",
        "3",
    ],
    &[
        "formulate",
        "--goal",
        "rejuvenation",
        "--zone",
        "face",
        "--plan",
        "--start",
        "2026-12-07",
        "--today",
        "2026-11-22",
    ],
    &[
        "plan",
        "--zone",
        "face",
        "--goal",
        "rejuvenation",
        "--start",
        "2026-12-07",
        "--today",
        "2026-11-22",
    ],
    &["graph"],
    &[
        "graph",
        "hyaluronidase",
        "hyaluronic_acid",
        "lidocaine",
        "--show-unknown",
    ],
    &["schema", "check"],
    &["schema", "formulation"],
    &["schema", "plan"],
];

fn formats(args: &[&str]) -> &'static [&'static str] {
    match args[0] {
        "graph" => &["dot", "mermaid", "svg"],
        "plan" => &["table", "json", "markdown", "ics"],
        "formulate" if args.contains(&"--plan") => &["table", "json", "markdown", "ics"],
        "schema" => &["json"],
        _ => &["table", "json", "markdown"],
    }
}

#[test]
fn every_command_gives_the_same_bytes_twice() {
    for args in COMMANDS {
        for format in formats(args) {
            for lang in ["en", "ru"] {
                let run = || {
                    Test::new()
                        .args(*args)
                        .args(["--format", format, "--lang", lang, "--color", "never"])
                        .run()
                };
                let (a, b) = (run(), run());
                assert_eq!(a.code, b.code, "{args:?} {format}");
                assert_eq!(
                    a.stdout, b.stdout,
                    "{args:?} --format {format} --lang {lang}"
                );
                assert!(!a.stdout.is_empty(), "{args:?} {format}");
            }
        }
    }
}

/// Two clocks far apart, in two time zones on either side of the date line.
const CLOCKS: [(&str, &str); 2] = [
    ("2000-01-01", "Pacific/Kiritimati"),
    ("2099-12-31", "Etc/GMT+12"),
];

#[test]
fn no_output_depends_on_the_clock_or_time_zone() {
    for args in COMMANDS {
        for format in formats(args) {
            let run = |(today, tz): (&str, &str)| {
                Test::new()
                    .args(*args)
                    .args(["--format", format, "--color", "never"])
                    .env("MESOMIX_TODAY", today)
                    .env("TZ", tz)
                    .run()
            };
            let (a, b) = (run(CLOCKS[0]), run(CLOCKS[1]));
            assert_eq!(a.code, b.code, "{args:?} --format {format}");
            assert_eq!(a.stdout, b.stdout, "{args:?} --format {format}");
            assert!(
                !a.stdout.contains(env!("CARGO_MANIFEST_DIR")),
                "{args:?} --format {format} prints a local path"
            );
        }
    }
}

/// The clock does reach a plan given no `--today`: `MESOMIX_TODAY` pins it, and a bad value is
/// an error that names the variable.
#[test]
fn a_plan_without_today_takes_the_pinned_clock() {
    let plan = |today: &str| {
        Test::new()
            .args(["plan", "--zone", "face", "--ingredients", "hyaluronic_acid"])
            .args(["--start", "2026-12-07", "--format", "json"])
            .env("MESOMIX_TODAY", today)
            .run()
    };
    let past = |run: crate::support::Run| {
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        value["start_in_past"]
            .as_bool()
            .expect("start_in_past is a boolean")
    };
    assert!(!past(plan("2026-12-06")));
    assert!(!past(plan("2026-12-07")));
    assert!(past(plan("2026-12-08")));
    let bad = plan("yesterday");
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("MESOMIX_TODAY"), "{}", bad.stderr);
}
