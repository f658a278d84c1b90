//! What a person sees in a real terminal: `scripts/tmux_captures.sh` runs each command of its
//! list in tmux at 80 and 120 columns, in English and Russian, and keeps the panes in
//! `snapshots/terminal/`. Here every capture must equal what `--width N --color never` prints
//! now (trailing spaces aside), so the terminal layout is tested on every run; and no line of a
//! capture is wider than its terminal or breaks an id.

use unicode_width::UnicodeWidthStr;

use crate::support::Test;

/// The (name, arguments) list of the capture script.
fn commands() -> Vec<(String, Vec<String>)> {
    let script = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/tmux_captures.sh"
    ))
    .expect("the capture script");
    let list = script
        .split("<<'LIST'\n")
        .nth(1)
        .and_then(|rest| rest.split("\nLIST").next())
        .expect("the script's LIST");
    list.lines()
        .filter_map(|line| line.split_once('|'))
        .map(|(name, args)| {
            (
                name.to_owned(),
                args.split_whitespace().map(str::to_owned).collect(),
            )
        })
        .collect()
}

fn trimmed(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end].join("\n")
}

#[test]
fn terminal_captures_are_what_the_tool_prints() {
    let commands = commands();
    assert!(
        commands.len() >= 5,
        "check, formulate, show, explain, conditions at least"
    );
    let mut compared = 0;
    for (name, args) in &commands {
        for width in [80, 120] {
            for lang in ["en", "ru"] {
                let path = format!(
                    "{}/snapshots/terminal/{name}.{lang}.{width}.txt",
                    env!("CARGO_MANIFEST_DIR")
                );
                let capture = std::fs::read_to_string(&path)
                    .unwrap_or_else(|_| panic!("{path}: run scripts/tmux_captures.sh"));
                for line in capture.lines() {
                    assert!(
                        line.width() <= width,
                        "{path}: a line of {} columns: {line}",
                        line.width()
                    );
                }
                let run = Test::new()
                    .args(args)
                    .args(["--lang", lang, "--color", "never", "--width"])
                    .args([width.to_string()])
                    .run();
                assert_eq!(
                    trimmed(&format!("{}{}", run.stdout, run.stderr)),
                    trimmed(&capture),
                    "{path} is out of date (scripts/tmux_captures.sh)"
                );
                compared += 1;
            }
        }
    }
    assert_eq!(compared, commands.len() * 4);
}

/// Ids and ratings are never broken across lines at either width.
#[test]
fn captures_break_no_id_or_rating() {
    for (name, _) in commands() {
        for width in [80, 120] {
            for lang in ["en", "ru"] {
                let path = format!(
                    "{}/snapshots/terminal/{name}.{lang}.{width}.txt",
                    env!("CARGO_MANIFEST_DIR")
                );
                let capture = std::fs::read_to_string(&path).expect("capture");
                for word in [
                    "hyaluronic_acid",
                    "hyaluronidase",
                    "incompatible",
                    "несовместимо",
                    "с осторожностью",
                    "tranexamic_acid",
                ] {
                    // A word cut at a line end leaves its head at the end of one line and its
                    // tail at the start of the next.
                    for (a, b) in capture.lines().zip(capture.lines().skip(1)) {
                        for cut in 3..word.len().saturating_sub(2) {
                            if !word.is_char_boundary(cut) {
                                continue;
                            }
                            let (head, tail) = word.split_at(cut);
                            let a = a.trim_end_matches([' ', '│']).trim_end();
                            let b = b.trim_start_matches([' ', '│', '┆']).trim_start();
                            assert!(
                                !(a.ends_with(head) && b.starts_with(tail)),
                                "{path}: `{word}` broken:\n{a}\n{b}"
                            );
                        }
                    }
                }
            }
        }
    }
}
