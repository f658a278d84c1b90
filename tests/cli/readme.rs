//! The examples of README.md, docs/commands.md and docs/reference.md are real: every ```console block starting with
//! `$ mesomix ARGS` must show what the binary prints now (refresh them with
//! `scripts/update_readme.py`).

use crate::support::Test;

#[test]
fn readme_examples_are_current() {
    let checked = examples_are_current("README.md");
    assert!(
        checked >= 7,
        "README shows an example of every job ({checked} found)"
    );
    let commands = examples_are_current("docs/commands.md");
    assert!(
        commands >= 8,
        "docs/commands.md shows every command ({commands} found)"
    );
    let reference = examples_are_current("docs/reference.md");
    assert!(
        reference >= 5,
        "docs/reference.md shows the catalog commands ({reference} found)"
    );
}

/// Checks every example of one document; returns how many there are.
fn examples_are_current(name: &str) -> usize {
    let path = format!("{}/{name}", env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(&path).expect(name);
    let mut checked = 0;
    let mut rest = readme.as_str();
    while let Some(start) = rest.find("```console\n$ mesomix ") {
        let block = &rest[start + "```console\n".len()..];
        let end = block.find("```").expect("a closed block");
        let (command, shown) = block[..end].split_once('\n').expect("a command line");
        rest = &block[end + 3..];
        let args = shell_words(command.trim_start_matches("$ mesomix "));
        let run = Test::new().args(&args).run();
        let actual = format!("{}{}", run.stdout, run.stderr);
        let shown_lines: Vec<&str> = shown.lines().collect();
        if shown_lines.last() == Some(&"…") {
            let keep = shown_lines.len() - 1;
            let actual_lines: Vec<&str> = actual.lines().take(keep).collect();
            assert_eq!(
                actual_lines,
                shown_lines[..keep],
                "{name} example `mesomix {}` is out of date",
                args.join(" ")
            );
        } else {
            assert_eq!(
                actual,
                shown,
                "{name} example `mesomix {}` is out of date",
                args.join(" ")
            );
        }
        checked += 1;
    }
    checked
}

/// Splits a command line on spaces, keeping single- or double-quoted words together.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (None, ' ') => {
                if started || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (None, c) => word.push(c),
        }
    }
    if started || !word.is_empty() {
        words.push(word);
    }
    words
}

/// docs/catalog.md is the catalog reference generated from `ingredients.ron`: every section is
/// what its command prints as Markdown now, headings one level down (refresh it with
/// `scripts/update_readme.py`).
#[test]
fn catalog_reference_is_current() {
    let path = format!("{}/docs/catalog.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).expect("docs/catalog.md");
    let commands = [
        "goals",
        "ingredients",
        "products",
        "classes",
        "zones",
        "conditions",
        "medications",
    ];
    for command in commands {
        let run = Test::new()
            .args([command, "--format", "markdown"])
            .status(0);
        let shifted: String = run
            .stdout
            .lines()
            .map(|l| {
                if l.starts_with('#') {
                    format!("#{l}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        let section = format!("<!-- mesomix {command} --format markdown -->\n{shifted}\n");
        assert!(
            doc.contains(&section),
            "docs/catalog.md: the `{command}` section is out of date (scripts/update_readme.py)"
        );
    }
}
