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

#[test]
fn json_has_no_clock_or_machine_field() {
    let today = jiff::Zoned::now().date().to_string();
    for args in COMMANDS {
        if !formats(args).contains(&"json") {
            continue;
        }
        let run = Test::new().args(*args).args(["--format", "json"]).run();
        // No current date (plans are given --today or a fixed start), no paths of this machine.
        let asked_for_today = args.contains(&"--plan");
        if !asked_for_today {
            assert!(!run.stdout.contains(&today), "{args:?} prints today's date");
        }
        assert!(
            !run.stdout.contains(env!("CARGO_MANIFEST_DIR")),
            "{args:?} prints a local path"
        );
    }
}
