//! The argument vector (and what standard input holds) through the whole command-line entry
//! point, without a process. Any input gives an exit code of 0, 1 or 2 and never a panic, and a
//! run that exits 2 (an error) writes nothing to standard output. `-o`/`--output` values are
//! redirected into a fresh temporary directory and `-` reads the fuzzed standard input, so the
//! fuzzer covers writing files and reading stdin without touching the machine; arguments that
//! name device or process files are skipped.
#![no_main]

use std::ffi::OsString;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// One temporary directory for the whole run; each output goes to a fresh name inside it.
fn scratch() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("mesomix-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Arguments, then (after a \u{1}) what standard input holds.
    let (argv_text, stdin) = text.split_once('\u{1}').unwrap_or((text, ""));
    let args: Vec<&str> = argv_text.split('\0').collect();
    if args.len() > 24 {
        return;
    }
    if args.iter().any(|a| a.contains("/dev/") || a.contains("/proc/") || a.contains("/sys/")) {
        return;
    }
    // Output paths go into the scratch directory (never elsewhere on the machine).
    let mut argv: Vec<OsString> = vec!["mesomix".into()];
    let mut redirect_next = false;
    for (n, a) in args.iter().enumerate() {
        if redirect_next {
            argv.push(scratch().join(format!("out-{n}")).into());
            redirect_next = false;
            continue;
        }
        if *a == "-o" || *a == "--output" {
            redirect_next = true;
            argv.push((*a).into());
        } else if let Some(_value) = a.strip_prefix("--output=") {
            argv.push(format!("--output={}", scratch().join(format!("out-{n}")).display()).into());
        } else if a.starts_with("-o") && a.len() > 2 {
            argv.push(format!("-o{}", scratch().join(format!("out-{n}")).display()).into());
        } else if a.starts_with('/') || a.contains("..") {
            // No absolute paths or climbing out: only names relative to the working directory.
            return;
        } else {
            argv.push((*a).into());
        }
    }
    let env = mesomix::app::Env::default();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let exit = mesomix::io::with_stdin(stdin.as_bytes().to_vec(), || {
        mesomix::app::run(argv, &env, &mut out, &mut err)
    });
    let code = exit as u8;
    assert!(code <= 2, "exit code {code}");
    if code == 2 {
        assert!(out.is_empty(), "an error wrote to standard output: {}", String::from_utf8_lossy(&out));
        assert!(!err.is_empty(), "an error says what went wrong");
    }
});
