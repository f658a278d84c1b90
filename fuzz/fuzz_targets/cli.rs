//! The argument vector through the whole command-line entry point, without a process: any
//! arguments give an exit code and never a panic. Arguments that would read standard input,
//! write files or read device files are skipped (the fuzzer must not touch the machine).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let args: Vec<&str> = text.split('\0').collect();
    if args.len() > 24 {
        return;
    }
    for a in &args {
        let touches_machine = *a == "-" || a.starts_with("-o") || a.starts_with("--o") || a.contains("/dev/") || a.contains("/proc/");
        if touches_machine {
            return;
        }
    }
    let env = mesomix::app::Env::default();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("mesomix").chain(args.iter().copied()).map(std::ffi::OsString::from);
    let exit = mesomix::app::run(argv, &env, &mut out, &mut err);
    assert!((exit as u8) <= 2);
});
