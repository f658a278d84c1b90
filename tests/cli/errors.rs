//! Wrong input: each gets a clear message naming the place, and exit code 2.

use crate::snap;
use crate::support::Test;

#[test]
fn unknown_names_suggest_the_closest() {
    let run = Test::new().args(["show", "hyaluronidaze"]).status(2);
    assert!(run.stdout.is_empty());
    snap!("error.show_hyaluronidaze", run.stderr);
    assert!(run.stderr.contains("hyaluronidase"));

    let run = Test::new()
        .args(["show", "лидза", "--lang", "ru"])
        .status(2);
    assert!(run.stderr.contains("lidase"), "{}", run.stderr);
    assert!(
        run.stderr.contains("неизвестный ингредиент"),
        "{}",
        run.stderr
    );

    let run = Test::new()
        .args(["ingredients", "--class", "enzym"])
        .status(2);
    assert!(
        run.stderr.contains("--class") && run.stderr.contains("enzyme"),
        "{}",
        run.stderr
    );
    let run = Test::new()
        .args(["ingredients", "--goal", "celulite"])
        .status(2);
    assert!(
        run.stderr.contains("--goal") && run.stderr.contains("cellulite"),
        "{}",
        run.stderr
    );
    let run = Test::new().args(["show", "xyzzy"]).status(2);
    assert!(
        run.stderr.contains("unknown ingredient or product `xyzzy`")
            && !run.stderr.contains("did you mean"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    Test::new()
        .args(["ingredients", "--format", "yaml"])
        .status(2);
    Test::new().args(["show"]).status(2);
    Test::new().args(["frobnicate"]).status(2);
    Test::new().args(["completions", "tcsh"]).status(2);
    Test::new().args(["goals", "--lang", "de"]).status(2);
}

#[test]
fn unreadable_catalog_names_the_file() {
    let run = Test::new()
        .args(["ingredients", "--catalog", "/nonexistent/catalog.ron"])
        .status(2);
    assert!(
        run.stderr.contains("/nonexistent/catalog.ron"),
        "{}",
        run.stderr
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("latin1.ron");
    std::fs::write(&bad, b"(version: \"\xe9\")").expect("write");
    let run = Test::new()
        .args(["ingredients", "--catalog", bad.to_str().expect("path")])
        .status(2);
    assert!(run.stderr.contains("not UTF-8"), "{}", run.stderr);
}

#[test]
fn an_invalid_catalog_stops_every_command() {
    let bad = crate::support::fixture("bad/unknown_class.ron");
    for cmd in [
        "ingredients",
        "classes",
        "goals",
        "zones",
        "conditions",
        "medications",
    ] {
        let run = Test::new()
            .args([cmd, "--catalog", &bad, "--color", "never"])
            .status(2);
        assert!(run.stdout.is_empty(), "{cmd}");
        assert!(
            run.stderr.contains("unknown_class.ron:"),
            "{cmd}: {}",
            run.stderr
        );
    }
}

#[test]
fn unwritable_output_is_a_clear_error() {
    let run = Test::new()
        .args(["goals", "--output", "/nonexistent/dir/goals.txt"])
        .status(2);
    assert!(
        run.stderr.contains("/nonexistent/dir/goals.txt"),
        "{}",
        run.stderr
    );
}

/// Each command's help lists only the formats it writes, and `--format` is checked against the
/// same list for every command.
#[test]
fn formats_are_per_command_in_help_and_use() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "check",
            "table (default), json, markdown",
            &["ics", "dot", "svg"],
        ),
        (
            "graph",
            "dot (default), mermaid, svg",
            &["table", "json", "ics"],
        ),
        (
            "plan",
            "table (default), json, markdown, ics",
            &["dot", "mermaid"],
        ),
        ("schema", "json (default)", &["table", "markdown"]),
    ];
    for (command, listed, refused) in cases {
        let help = Test::new().args([command, "--help"]).status(0);
        let line = format!("Formats (--format): {listed}");
        assert!(
            help.stdout.contains(&line),
            "{command} --help:\n{}",
            help.stdout
        );
        for format in *refused {
            let args: Vec<&str> = match *command {
                "check" => vec!["check", "lidase", "--format", format],
                "graph" => vec!["graph", "--format", format],
                "plan" => vec![
                    "plan",
                    "--zone",
                    "face",
                    "--ingredients",
                    "ha",
                    "--start",
                    "2026-12-07",
                    "--format",
                    format,
                ],
                _ => vec!["schema", "check", "--format", format],
            };
            let run = Test::new().args(&args).status(2);
            assert!(
                run.stderr
                    .contains(&format!("`{command}` does not write --format {format}")),
                "{args:?}: {}",
                run.stderr
            );
            assert!(run.stdout.is_empty(), "{args:?} wrote output");
        }
    }
    let ics = Test::new()
        .args(["formulate", "--goal", "cellulite", "--format", "ics"])
        .status(2);
    assert!(
        ics.stderr.contains("formulate (without --plan)"),
        "{}",
        ics.stderr
    );
}

/// Usage messages speak the user's language and name the flag.
#[test]
fn usage_messages_follow_the_language() {
    let cases = [
        (
            vec![
                "plan",
                "--zone",
                "face",
                "--ingredients",
                "ha",
                "--start",
                "2026-02-30",
            ],
            "--start 2026-02-30: not a valid date",
            "--start 2026-02-30: неверная дата",
        ),
        (
            vec!["check", "ha", "hyaluronic_acid"],
            "is listed twice",
            "указан дважды",
        ),
        (
            vec!["explain", "lidase", "hyaluronidase"],
            "explain needs two different ingredients",
            "нужны два разных ингредиента",
        ),
        (
            vec!["formulate", "--goal", "cellulite", "--goal", "cellulite"],
            "--goal `cellulite` is given twice",
            "--goal `cellulite` указана дважды",
        ),
    ];
    for (args, en, ru) in cases {
        let run = Test::new().args(&args).args(["--lang", "en"]).status(2);
        assert!(run.stderr.contains(en), "{args:?}: {}", run.stderr);
        let run = Test::new().args(&args).args(["--lang", "ru"]).status(2);
        assert!(
            run.stderr.starts_with("ошибка: "),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(ru), "{args:?}: {}", run.stderr);
    }
}

/// A run whose standard streams were closed by its caller answers as if they were /dev/null
/// (the binary reopens them there, as std's runtime, which it does without, would): a batch read
/// from a file ends with the exit code it has with its streams open, `--output` gets the whole
/// document, and a usage error still exits 2.
#[test]
fn closed_standard_streams_answer_as_dev_null_would() {
    let dir = tempfile::tempdir().expect("temp dir");
    let requests = dir.path().join("requests.jsonl");
    let lines = "{\"goals\": [\"hydration\"]}\n{\"goals\": [\"hair_loss\"], \"zone\": \"scalp\"}\n";
    std::fs::write(&requests, lines).expect("requests written");
    let requests = requests.to_str().expect("path");
    let out = dir.path().join("check.md");
    let out = out.to_str().expect("path");
    let run = |args: &[&str]| Test::new().args(args).streams_closed();
    let batch = ["formulate", "--batch", requests];
    let open = Test::new().args(batch).run().code;
    assert_ne!(open, 2, "the requests are good ones");
    assert_eq!(run(&batch), Some(open));
    let check = ["check", "lidase", "hyaluronic_acid", "--format", "markdown"];
    let expected = Test::new().args(check).status(1).stdout;
    assert_eq!(run(&[&check[..], &["--output", out]].concat()), Some(1));
    assert_eq!(std::fs::read_to_string(out).expect("written"), expected);
    // A usage error is still exit 2, with nowhere to say it.
    assert_eq!(run(&["check", "lidase", "--max-components", "0"]), Some(2));
}

/// Write errors are errors (only a closed pipe ends quietly), devices are written directly,
/// `-o -` is standard output, and a replaced file keeps its permissions.
#[test]
fn output_goes_where_it_is_told_and_failures_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let full = std::path::Path::new("/dev/full");
    if full.exists() {
        // Standard output on a full disk.
        let mut cmd = Test::new().args(["ingredients"]).command();
        let out = cmd
            .stdout(std::fs::File::create(full).expect("/dev/full opens"))
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("<stdout>"));
        // --output onto a full device, for a document and for a batch.
        let run = Test::new()
            .args(["goals", "--output", "/dev/full"])
            .status(2);
        assert!(run.stderr.contains("/dev/full"), "{}", run.stderr);
        let run = Test::new()
            .args(["formulate", "--batch", "-", "--output", "/dev/full"])
            .stdin("{\"goals\": [\"hydration\"]}\n")
            .status(2);
        assert!(run.stderr.contains("/dev/full"), "{}", run.stderr);
    }
    // A device is written, not replaced.
    Test::new()
        .args(["goals", "--output", "/dev/null"])
        .status(0);
    assert!(!std::fs::metadata("/dev/null").expect("/dev/null").is_file());
    // `-o -` is standard output.
    let run = Test::new()
        .args(["goals", "-o", "-", "--format", "json"])
        .status(0);
    assert!(run.stdout.contains("\"schema\""));
    // A regular file keeps its permissions; a new one gets what the umask gives any file.
    let dir = tempfile::tempdir().expect("temp dir");
    let kept = dir.path().join("kept.json");
    std::fs::write(&kept, "old").expect("write");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    Test::new()
        .args([
            "goals",
            "--format",
            "json",
            "-o",
            kept.to_str().expect("path"),
        ])
        .status(0);
    let mode = std::fs::metadata(&kept).expect("kept").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(
        std::fs::read_to_string(&kept)
            .expect("read")
            .contains("\"schema\"")
    );
    let fresh = dir.path().join("fresh.json");
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "").expect("write");
    Test::new()
        .args(["goals", "-o", fresh.to_str().expect("path")])
        .status(0);
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&fresh), mode(&plain), "a new file follows the umask");
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// An interrupted run (SIGTERM, SIGINT) leaves no temporary file and no half-written output.
#[test]
fn an_interrupted_run_leaves_nothing_behind() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("answers.jsonl");
    for signal in ["-TERM", "-INT"] {
        let mut child = Test::new()
            .args([
                "formulate",
                "--batch",
                "-",
                "--output",
                out.to_str().expect("path"),
            ])
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"{\"goals\": [\"hydration\"]}\n")
            .expect("a record");
        // Wait for the temporary file: the run is then writing, and waiting for more input.
        let temporaries = || {
            std::fs::read_dir(dir.path())
                .expect("dir")
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count()
        };
        let mut waited = 0;
        while temporaries() == 0 && waited < 200 {
            std::thread::sleep(std::time::Duration::from_millis(50));
            waited += 1;
        }
        assert_eq!(temporaries(), 1, "the run writes through a temporary file");
        let killed = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = child.wait().expect("ends");
        drop(stdin);
        assert_eq!(status.code(), Some(130), "{signal}");
        assert_eq!(temporaries(), 0, "{signal}: a temporary file is left");
        assert!(!out.exists(), "{signal}: half an output was written");
    }
}

/// Every example a command's `--help` gives runs as shown (pipes, batch files and a clinic's
/// own catalog aside) and answers with a verdict, never a usage error.
#[test]
fn help_examples_run() {
    let commands = [
        "check",
        "formulate",
        "plan",
        "explain",
        "show",
        "ingredients",
        "graph",
        "validate",
        "goals",
        "conditions",
        "products",
        "schema",
        "zones",
        "medications",
        "classes",
        "completions",
        "man",
    ];
    let mut ran = 0;
    for command in commands {
        let help = Test::new().args([command, "--help"]).status(0).stdout;
        let examples: Vec<&str> = help
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("mesomix "))
            .collect();
        assert!(!examples.is_empty(), "{command} --help has examples");
        if !matches!(command, "completions" | "man") {
            assert!(
                help.contains("Formats (--format)"),
                "{command} lists its formats"
            );
        }
        if matches!(command, "check" | "formulate" | "plan") {
            assert!(
                help.contains("Exit codes:"),
                "{command} lists its exit codes"
            );
        }
        for example in examples {
            if example.contains('|')
                || example.contains('>')
                || example.contains(".jsonl")
                || example.contains("clinic.ron")
            {
                continue;
            }
            let args: Vec<&str> = example.split_whitespace().skip(1).collect();
            let run = Test::new().args(&args).run();
            assert!(
                matches!(run.code, 0 | 1),
                "`{example}` exits {}: {}",
                run.code,
                run.stderr
            );
            ran += 1;
        }
    }
    assert!(ran >= 15, "{ran} examples ran");
}

/// `--start` takes `today` and `tomorrow` (counted from the pinned date), and a bad date says
/// the forms it takes, without parser internals.
#[test]
fn start_takes_today_and_tomorrow() {
    for (word, date) in [
        ("today", "2026-11-22"),
        ("tomorrow", "2026-11-23"),
        ("завтра", "2026-11-23"),
    ] {
        let run = Test::new()
            .args([
                "plan",
                "--zone",
                "face",
                "--goal",
                "rejuvenation",
                "--start",
                word,
                "--format",
                "json",
            ])
            .status(0);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(v["start"], date, "{word}");
    }
    let run = Test::new()
        .args([
            "plan",
            "--zone",
            "face",
            "--goal",
            "rejuvenation",
            "--start",
            "someday",
        ])
        .status(2);
    assert!(
        run.stderr.contains("YYYY-MM-DD") && run.stderr.contains("today or tomorrow"),
        "{}",
        run.stderr
    );
}

/// A bad name inside a patient file names the file, the line and column, and the file's key;
/// an empty file says so.
#[test]
fn patient_file_errors_name_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ron = dir.path().join("patient.ron");
    std::fs::write(&ron, "(\n  conditions: [\"pregnacy\"],\n)").expect("write");
    let run = Test::new()
        .args(["check", "lidocaine", "--patient"])
        .args([ron.to_str().expect("path")])
        .status(2);
    assert!(
        run.stderr
            .contains("patient.ron:2:17: unknown condition `pregnacy` (conditions)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean: pregnancy?"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--condition"), "{}", run.stderr);
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "  \n").expect("write");
    let run = Test::new()
        .args(["check", "lidocaine", "--patient"])
        .args([empty.to_str().expect("path")])
        .status(2);
    assert!(
        run.stderr.contains("empty.json:1:1: the file is empty"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("PatientInput"),
        "no serde type names: {}",
        run.stderr
    );
}

/// The man page is one page: every command is in it, and it refers to no other page.
#[test]
fn the_man_page_has_no_dead_references() {
    let man = Test::new().args(["man"]).status(0).stdout;
    assert!(!man.contains("(1)"), "no reference to another page: {man}");
    for command in [
        "check",
        "formulate",
        "plan",
        "explain",
        "show",
        "graph",
        "validate",
    ] {
        assert!(
            man.contains(&format!("\\fBmesomix {command}\\fR")),
            "the man page describes {command}"
        );
    }
    assert!(man.contains("Examples:") && man.contains("Exit codes:"));
}
