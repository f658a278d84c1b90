//! The mesomix binary: gather the environment, run, exit with the code the run chose.
//!
//! `main` is the C entry point itself (`no_main`): std's runtime set-up before a Rust `main`
//! reads all of `/proc/self/maps` only to name a stack overflow, a sixth of `check`'s start-up
//! (`docs/reference.md`, "Performance"). The rest of that set-up is done here: closed standard
//! streams reopened on `/dev/null`, SIGPIPE ignored, a panic exits 101, standard output flushed.
#![no_main]

use std::ffi::{c_char, c_int};
use std::io::Write;

/// The process's entry point, called by the C runtime (std has read the arguments by then).
#[allow(unsafe_code, reason = "the C entry point is an unmangled symbol")]
#[unsafe(no_mangle)]
extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    #[cfg(unix)]
    {
        mesomix::io::reopen_closed_standard_streams();
        ignore_sigpipe();
    }
    let run = std::panic::catch_unwind(|| {
        mesomix::io::remove_temporaries_on_interrupt();
        let env = mesomix::app::Env::from_process();
        let exit = mesomix::app::run(
            std::env::args_os(),
            &env,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        );
        let _ = std::io::stdout().flush();
        exit as c_int
    });
    // The panic hook has printed the message; 101 is a panicking Rust `main`'s code.
    run.unwrap_or(101)
}

/// A reader that goes away (`mesomix ... | head -1`) is then a write error the run ends on
/// quietly (`io::closed_pipe`) instead of a signal that kills the process.
#[cfg(unix)]
fn ignore_sigpipe() {
    // SAFETY: `SIG_IGN` installs no handler code; it only changes how the kernel delivers
    // SIGPIPE to this process, before any other thread exists.
    #[allow(unsafe_code, reason = "no safe interface sets a signal's disposition")]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}
