//! File and stream IO at the edge: reading inputs (`-` is standard input), loading the catalog,
//! and writing output whole or not at all. The core never calls this.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::catalog::{self, Catalog};
use crate::error::Error;

/// The catalog in use: `--catalog FILE` (or `MESOMIX_CATALOG`), else the embedded one.
pub fn load_catalog(path: Option<&Path>) -> Result<Catalog, Error> {
    match path {
        Some(path) => load_file(path),
        None => Ok(catalog::embedded()?),
    }
}

/// The largest catalog file read (the embedded one is about 0.2 MiB).
pub const MAX_CATALOG_BYTES: u64 = 16 << 20;
/// The largest patient file read.
pub const MAX_PATIENT_BYTES: u64 = 1 << 20;
/// The largest `--from` formulation read.
pub const MAX_FORMULATION_BYTES: u64 = 16 << 20;
/// The longest batch line read; a longer one is a bad record.
pub const MAX_LINE_BYTES: u64 = 1 << 20;

/// Reads and validates a catalog file.
pub fn load_file(path: &Path) -> Result<Catalog, Error> {
    let (text, origin) = read_input(path, MAX_CATALOG_BYTES)?;
    Ok(catalog::load(&text, &origin)?)
}

thread_local! {
    /// Standard input replaced for this thread (see [`with_stdin`]).
    static STDIN: std::cell::RefCell<Option<Vec<u8>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with standard input replaced by `bytes` on this thread: the first read of `-`
/// gets them, later reads get nothing, as from a real pipe. For running the command line
/// without a process (the fuzz target, tests); the tool itself never calls it.
pub fn with_stdin<T>(bytes: Vec<u8>, f: impl FnOnce() -> T) -> T {
    STDIN.with(|s| *s.borrow_mut() = Some(bytes));
    let out = f();
    STDIN.with(|s| *s.borrow_mut() = None);
    out
}

/// Standard input, or this thread's replacement while [`with_stdin`] runs.
pub fn stdin_reader() -> Box<dyn Read> {
    match STDIN.with(|s| s.borrow_mut().as_mut().map(std::mem::take)) {
        Some(bytes) => Box::new(io::Cursor::new(bytes)),
        None => Box::new(io::stdin()),
    }
}

/// Reads a file argument; `-` is standard input. Returns the text (UTF-8, byte-order mark
/// removed) and the name to show for it. More than `limit` bytes is refused before the input
/// is read whole.
pub fn read_input(path: &Path, limit: u64) -> Result<(String, String), Error> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let stdin = path == Path::new("-");
    let reader: Box<dyn Read> = if stdin {
        stdin_reader()
    } else {
        Box::new(std::fs::File::open(path).map_err(io_error)?)
    };
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(io_error(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "larger than {} MiB, the most mesomix reads here",
                limit >> 20
            ),
        )));
    }
    let origin = if stdin {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]);
        let (line, column) = catalog::line_column(&valid, valid.len());
        io_error(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not UTF-8 text: invalid byte at line {line}, column {column} (byte offset {offset})"),
        ))
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok((text, origin))
}

/// Writes to a stream; a closed pipe (`mesomix ... | head -1`) is not an error worth a word.
/// For messages on standard error, where nothing better can be done with a failure.
pub fn write_quietly(out: &mut dyn Write, bytes: &[u8]) {
    let _ = out.write_all(bytes).and_then(|()| out.flush());
}

/// Whether a write error means the reader went away (`EPIPE`): the run ends quietly then.
pub fn closed_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Writes the answer to standard output. A closed pipe ends quietly; any other failure (a
/// full disk behind a redirection, an I/O error) is an error naming standard output.
pub fn write_stdout(out: &mut dyn Write, bytes: &[u8]) -> Result<(), Error> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if !closed_pipe(&e) => Err(Error::Io {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Where `--output` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-o -`: standard output.
    Stdout,
    /// A regular file, or a new one: written whole through a temporary file and a rename
    /// (a symlink is followed: the file it points to is replaced, the link kept).
    File(PathBuf),
    /// Something that is not a regular file (a device such as `/dev/null`, a FIFO,
    /// `/dev/stdout`): written directly.
    Device(PathBuf),
}

impl Target {
    /// The target `--output PATH` names.
    pub fn of(path: &Path) -> Target {
        if path == Path::new("-") {
            return Target::Stdout;
        }
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => Target::Device(path.to_owned()),
            Ok(_) => Target::File(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())),
            Err(_) => Target::File(path.to_owned()),
        }
    }
}

/// Writes `bytes` to `target`: standard output, a device directly, or a regular file whole or
/// not at all.
pub fn write_to(target: &Target, stdout: &mut dyn Write, bytes: &[u8]) -> Result<(), Error> {
    match target {
        Target::Stdout => write_stdout(stdout, bytes),
        Target::Device(path) => {
            let io_error = |source| Error::Io {
                path: path.clone(),
                source,
            };
            let mut device = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io_error)?;
            device.write_all(bytes).map_err(io_error)
        }
        Target::File(path) => write_atomically(path, bytes),
    }
}

/// Reopens each closed standard stream (0, 1, 2) on `/dev/null`, as std's runtime does before a
/// Rust `main` (the binary is its own entry point and does without that runtime), so that no
/// file the run opens later takes a stream's number and receives what was meant for standard
/// output or error. `open` returns the lowest free number: while that is a stream's, the stream
/// was closed and the new descriptor is kept in its place. Called once by `main`.
#[cfg(unix)]
pub fn reopen_closed_standard_streams() {
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

/// Temporary files being written now, removed if the run is interrupted.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Whether `main` asked for temporary files to be removed on an interrupt.
static REMOVE_ON_INTERRUPT: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Installs the interrupt handler once.
static HANDLER: std::sync::Once = std::sync::Once::new();

/// On SIGINT or SIGTERM, removes the temporary files being written and exits with 130, so an
/// interrupted run leaves nothing behind (the destination stays untouched). Called once by
/// `main`. The handler (ctrlc's, which starts a thread) is installed just before the first
/// temporary file is created, so a run that writes none starts no thread; until then an
/// interrupt ends the process as the signal does by default. A platform without signals
/// changes nothing.
pub fn remove_temporaries_on_interrupt() {
    REMOVE_ON_INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Installs the handler of [`remove_temporaries_on_interrupt`] if `main` asked for it.
fn handle_interrupts() {
    if REMOVE_ON_INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
        HANDLER.call_once(|| {
            let _ = ctrlc::set_handler(|| {
                if let Ok(pending) = PENDING.lock() {
                    for path in pending.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                }
                std::process::exit(130);
            });
        });
    }
}

fn register(path: &Path, add: bool) {
    if let Ok(mut pending) = PENDING.lock() {
        if add {
            pending.push(path.to_owned());
        } else {
            pending.retain(|p| p != path);
        }
    }
}

/// A file being written beside its destination, renamed onto it once whole and removed if the
/// run fails first.
#[derive(Debug)]
pub struct TempFile {
    file: Option<std::fs::File>,
    temp: PathBuf,
    dest: PathBuf,
}

impl TempFile {
    /// A new temporary file in `dest`'s folder. It is created with the default permissions
    /// (0666 less the umask), not 0600; a file that already exists at `dest` keeps its own.
    pub fn beside(dest: &Path) -> Result<TempFile, Error> {
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let io_error = |source| Error::Io {
            path: dest.to_owned(),
            source,
        };
        handle_interrupts();
        for attempt in 0..100u32 {
            let temp = dir.join(format!(
                ".{name}.mesomix-{}-{attempt}.tmp",
                std::process::id()
            ));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
            {
                Ok(file) => {
                    register(&temp, true);
                    return Ok(TempFile {
                        file: Some(file),
                        temp,
                        dest: dest.to_owned(),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io_error(e)),
            }
        }
        Err(io_error(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free temporary file name",
        )))
    }

    /// Syncs the file, gives it the destination's permissions when that exists, and renames
    /// it onto the destination.
    pub fn persist(mut self) -> Result<(), Error> {
        let io_error = |source| Error::Io {
            path: self.dest.clone(),
            source,
        };
        if let Some(file) = self.file.take() {
            file.sync_all().map_err(io_error)?;
            if let Ok(meta) = std::fs::metadata(&self.dest) {
                file.set_permissions(meta.permissions()).map_err(io_error)?;
            }
        }
        std::fs::rename(&self.temp, &self.dest).map_err(io_error)?;
        register(&self.temp, false);
        self.temp = PathBuf::new();
        Ok(())
    }
}

impl Write for TempFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("the temporary file is closed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // Not persisted: the destination is left untouched and the temporary file removed.
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
            register(&self.temp, false);
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the
/// file is either the whole new output or untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut tmp = TempFile::beside(path)?;
    tmp.write_all(bytes).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    tmp.persist()
}
