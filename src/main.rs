//! The mesomix binary: gather the environment, run, exit with the code the run chose.
//!
//! `main` is the C entry point itself (`no_main`), not a Rust `main` that std's runtime calls:
//! that runtime's set-up reads the whole of `/proc/self/maps` (through `pthread_getattr_np`) to
//! find the main thread's stack, only so that a stack overflow is reported as such rather than
//! as a segmentation fault. It is some 100,000 instructions and seven system calls, a sixth of a
//! `check`'s start-up (see the performance page of `docs/reference.md`). What else that set-up
//! does, this file does: standard streams that were closed are reopened on `/dev/null`, a
//! closed pipe is an error the run handles (`SIGPIPE` ignored), a panic exits with 101, and
//! standard output is flushed before exit. The arguments are std's as ever: on glibc, std reads
//! them before `main` runs.
#![no_main]

use std::ffi::{c_char, c_int};
use std::io::Write;

/// The process's entry point, called by the C runtime.
#[allow(unsafe_code, reason = "the C entry point is an unmangled symbol")]
#[unsafe(no_mangle)]
extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    #[cfg(unix)]
    {
        reopen_closed_standard_streams();
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
        // Answers are flushed as they are written; this empties what a panic hook or a message
        // may have left in the buffer, as std's runtime does at exit.
        let _ = std::io::stdout().flush();
        exit as c_int
    });
    // The panic's message is already on standard error (the panic hook); 101 is the code a
    // panicking Rust `main` exits with.
    run.unwrap_or(101)
}

/// Reopens each closed standard stream (0, 1, 2) on `/dev/null`, so that no file the run opens
/// later takes its number and receives what was meant for standard output or error. `open`
/// returns the lowest free number: while that is a standard stream's, the stream was closed and
/// the new descriptor is kept in its place.
#[cfg(unix)]
fn reopen_closed_standard_streams() {
    use std::os::fd::{AsRawFd, IntoRawFd};
    while let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        if null.as_raw_fd() > 2 {
            break;
        }
        let _kept = null.into_raw_fd();
    }
}

/// A reader that goes away (`mesomix ... | head -1`) then shows as a write error the run ends
/// on quietly (`io::closed_pipe`), instead of the signal killing the process.
#[cfg(unix)]
fn ignore_sigpipe() {
    // SAFETY: `signal` with `SIG_IGN` installs no handler code; it only changes how the kernel
    // delivers SIGPIPE to this process, before any other thread exists.
    #[allow(unsafe_code, reason = "no safe interface sets a signal's disposition")]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}
