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
    assert!(run.stderr.contains("hyaluronidase"), "{}", run.stderr);
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
        run.stderr.contains("unknown ingredient `xyzzy`") && !run.stderr.contains("did you mean"),
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
