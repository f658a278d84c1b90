//! A small fluent helper to run the real binary with a clean environment.

use std::io::Write;
use std::process::{Command, Stdio};

/// The date every test run sees as today, unless the test sets `MESOMIX_TODAY` itself.
pub const PINNED_TODAY: &str = "2026-11-22";

/// One run of `mesomix` and what it printed.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A run being set up: `Test::new().args([...]).stdin(...).run()`.
#[derive(Debug, Default)]
pub struct Test {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<String>,
}

impl Test {
    pub fn new() -> Test {
        Test::default()
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    pub fn stdin(mut self, text: &str) -> Test {
        self.stdin = Some(text.to_owned());
        self
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mesomix"));
        cmd.args(&self.args);
        // Nothing of the machine running the tests reaches the binary: no locale, colour,
        // catalog, terminal size, home or time zone of its own, and a pinned clock (a test that
        // needs another date sets MESOMIX_TODAY itself, or passes --today).
        for var in [
            "LANG",
            "LANGUAGE",
            "LC_ALL",
            "LC_MESSAGES",
            "NO_COLOR",
            "CLICOLOR_FORCE",
            "MESOMIX_CATALOG",
            "COLUMNS",
            "LINES",
            "TERM",
            "HOME",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("TZ", "UTC").env("MESOMIX_TODAY", PINNED_TODAY);
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn run(self) -> Run {
        let mut cmd = self.command();
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("the mesomix binary starts");
        let mut stdin = child.stdin.take().expect("stdin is piped");
        if let Some(text) = &self.stdin {
            // A run may end (a refused flag, a usage error) before it reads its input: a
            // closed pipe here is that, not a failure of the test.
            if let Err(e) = stdin.write_all(text.as_bytes()) {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "stdin: {e}");
            }
        }
        drop(stdin);
        let out = child.wait_with_output().expect("mesomix finishes");
        let run = Run {
            code: out
                .status
                .code()
                .expect("mesomix exits with a code, not a signal"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "mesomix panicked: {}",
            run.stderr
        );
        run
    }

    /// Runs with a reader that goes away before mesomix writes anything (the reading end of
    /// stdout closed at once): what it printed on stderr and its exit code.
    pub fn closed_stdout(self) -> (String, Option<i32>) {
        let mut cmd = self.command();
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("the mesomix binary starts");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("mesomix finishes");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (stderr, out.status.code())
    }

    /// Runs through `sh`, which closes standard input, output and error before it becomes
    /// mesomix: the exit code.
    pub fn streams_closed(self) -> Option<i32> {
        let mesomix = self.command();
        let mut sh = Command::new("sh");
        sh.arg("-c")
            .arg(r#"exec "$0" "$@" <&- >&- 2>&-"#)
            .arg(mesomix.get_program())
            .args(mesomix.get_args())
            .env_clear();
        for (key, value) in mesomix.get_envs() {
            if let Some(value) = value {
                sh.env(key, value);
            }
        }
        sh.status().expect("sh runs mesomix").code()
    }

    /// Runs and asserts the exit code.
    #[track_caller]
    pub fn status(self, code: i32) -> Run {
        let args = self.args.join(" ");
        let run = self.run();
        assert_eq!(
            run.code, code,
            "mesomix {args}\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run
    }
}

/// Snapshot settings shared by every test: snapshots live in the top-level `snapshots/`.
#[macro_export]
macro_rules! snap {
    ($name:expr, $value:expr) => {
        // The catalog's hash changes with every catalog edit; tests check it separately.
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
            filters => vec![(r"\b[0-9a-f]{64}\b", "[sha256]")],
        }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

/// The path of a test fixture.
pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A validator for `mesomix schema KIND`, and the check that one output passes it.
pub struct Schema(jsonschema::Validator);

impl Schema {
    pub fn of(kind: &str) -> Schema {
        let run = Test::new().args(["schema", kind]).status(0);
        let schema: serde_json::Value = serde_json::from_str(&run.stdout).expect("schema is JSON");
        Schema(jsonschema::validator_for(&schema).expect("a valid JSON Schema"))
    }

    #[track_caller]
    pub fn assert_valid(&self, name: &str, json: &str) {
        let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
        let errors: Vec<String> = self
            .0
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}
