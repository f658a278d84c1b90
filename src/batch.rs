//! `mesomix formulate --batch FILE`: JSON Lines in, one JSON result per line out, streamed.
//!
//! Lines are read in chunks; a chunk's records are answered on every core (rayon's pool) while
//! the chunk before is written, and the answers are written in input order, so the output is
//! the same byte for byte as answering line after line, and memory is bounded by two chunks
//! whatever the number of lines. A record is resolved by the same `resolve::Resolver` as the
//! command line and answered by the same `request::formulate`. A line that is not a valid
//! request yields `{"record": N, "error": {...}}` and the run goes on; `N` is the line number.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use rayon::iter::{IndexedParallelIterator, IntoParallelRefIterator, ParallelIterator};
use rayon::{ThreadPool, ThreadPoolBuilder};
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::error::{Error, Field, Surface, Usage};
use crate::exit::Exit;
use crate::io::{MAX_LINE_BYTES, Target, TempFile, closed_pipe};
use crate::patient::PatientInput;
use crate::render::formulate::{FormulationJson, formulation_value};
use crate::render::lang::Lang;
use crate::request::ExitPolicy;
use crate::resolve::{FormulateSpec, Resolver};

/// One request line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchRequest {
    /// Goal ids or names in priority order; `goal:weight` sets a weight.
    goals: Vec<String>,
    #[serde(default)]
    zone: Option<String>,
    #[serde(default)]
    patient: PatientInput,
    #[serde(default)]
    max_components: Option<usize>,
    #[serde(default)]
    require: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    allow_caution: Option<bool>,
    #[serde(default)]
    alternatives: Option<usize>,
}

/// What the command line sets for every record; a record's own field wins.
#[derive(Debug, Clone, Copy)]
pub struct Defaults {
    /// `--max-components`.
    pub max_components: usize,
    /// `--allow-caution`.
    pub allow_caution: bool,
    /// `--alternatives`.
    pub alternatives: usize,
    /// `--strict`, `--allow-unknown`: how each record's verdict counts toward the exit code.
    pub policy: ExitPolicy,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            max_components: crate::check::DEFAULT_MAX_COMPONENTS,
            allow_caution: false,
            alternatives: 0,
            policy: ExitPolicy::default(),
        }
    }
}

#[derive(Debug, Serialize)]
struct Answer<'c> {
    record: usize,
    #[serde(flatten)]
    formulation: FormulationJson<'c>,
}

#[derive(Debug, Serialize)]
struct Failure {
    record: usize,
    error: FailureDetail,
}

#[derive(Debug, Serialize)]
struct FailureDetail {
    /// `json` (not JSON or not a request object) or `request` (names or values wrong).
    kind: &'static str,
    message: String,
    /// Column of a JSON syntax error, 1-based.
    column: Option<usize>,
}

/// A failure line for `record`.
fn failure(
    record: usize,
    kind: &'static str,
    message: String,
    column: Option<usize>,
) -> (String, Exit) {
    let f = Failure {
        record,
        error: FailureDetail {
            kind,
            message,
            column,
        },
    };
    (serde_json::to_string(&f).unwrap_or_default(), Exit::Error)
}

/// The answer to one line: the result JSON (one line, no newline) and its exit code.
pub fn answer_line(
    catalog: &Catalog,
    record: usize,
    line: &str,
    defaults: &Defaults,
) -> (String, Exit) {
    // A request is a JSON object; serde would also read a struct from an array by position.
    if !line.trim_start().starts_with('{') {
        return failure(
            record,
            "json",
            "a request is a JSON object (`{\"goals\": [...]}`)".into(),
            Some(line.len() - line.trim_start().len() + 1),
        );
    }
    let request: BatchRequest = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return failure(record, "json", e.to_string(), Some(e.column())),
    };
    match answer(catalog, &request, defaults) {
        Ok(answer) => answer(record),
        Err(Error::Unknown { field, source }) => failure(
            record,
            "request",
            crate::render::errors::unknown(field, &source, Lang::En, Surface::Batch),
            None,
        ),
        Err(Error::Usage(usage)) => failure(
            record,
            "request",
            crate::render::errors::usage_text(&usage, Lang::En, Surface::Batch),
            None,
        ),
        Err(e) => failure(record, "request", e.to_string(), None),
    }
}

/// Resolves and answers one record; the answer line is made once its number is known.
fn answer<'c>(
    catalog: &'c Catalog,
    request: &BatchRequest,
    defaults: &Defaults,
) -> Result<impl FnOnce(usize) -> (String, Exit) + 'c, Error> {
    let alternatives = request.alternatives.unwrap_or(defaults.alternatives);
    if alternatives > 50 {
        return Err(Usage::OutOfRange {
            field: Field::Alternatives,
            min: 0,
            max: 50,
        }
        .into());
    }
    if request
        .max_components
        .is_some_and(|m| !(1..=12).contains(&m))
    {
        return Err(Usage::OutOfRange {
            field: Field::MaxComponents,
            min: 1,
            max: 12,
        }
        .into());
    }
    let names = Resolver::new(catalog);
    let patient = names.patient_input(&request.patient)?;
    let spec = FormulateSpec {
        goals: &request.goals,
        zone: request.zone.as_deref(),
        max_components: request.max_components.unwrap_or(defaults.max_components),
        require: &request.require,
        exclude: &request.exclude,
        allow_caution: request.allow_caution.unwrap_or(defaults.allow_caution),
        alternatives,
    };
    let policy = defaults.policy;
    let req = names.formulate(&spec, patient)?;
    let f = crate::request::formulate(catalog, &req)
        .map_err(|e| crate::render::errors::word(catalog, e))?;
    Ok(move |record| {
        let answer = Answer {
            record,
            formulation: formulation_value(catalog, &req, &f),
        };
        // An answer is about 26 KB: room for it up front spares the buffer a dozen doublings.
        let mut line = Vec::with_capacity(ANSWER_BYTES);
        let text = match serde_json::to_writer(&mut line, &answer) {
            Ok(()) => String::from_utf8(line).unwrap_or_default(),
            Err(_) => String::new(),
        };
        (text, policy.exit(f.verdict))
    })
}

/// The room an answer's JSON line is given before it is written (most need 20–30 KB).
const ANSWER_BYTES: usize = 32 << 10;

/// Lines read and answered together: the workers share them, and the answers are written in
/// input order before the chunk after the next is read. An answer is about 26 KB of JSON, so
/// 256 lines hold about 7 MB of answers (two chunks are in memory at once: one being written,
/// the next being answered) and keep two cores busy for some 20 ms between writes.
const CHUNK_LINES: usize = 256;

/// Input bytes that end a chunk early, so that a file of long lines (each up to
/// [`MAX_LINE_BYTES`]) does not hold hundreds of MiB at once.
const CHUNK_BYTES: usize = 4 << 20;

/// One line of input: its bytes, or too long to read (the rest of it was skipped).
enum Line {
    Bytes(Vec<u8>),
    TooLong,
}

/// The lines of one chunk, each with its record number (its line number), and how reading
/// stopped.
struct Chunk {
    lines: Vec<(usize, Line)>,
    end: ChunkEnd,
}

/// Why a chunk stopped where it did.
enum ChunkEnd {
    /// It is full; more lines may follow.
    Full,
    /// The input ended.
    Input,
    /// Reading failed after the chunk's lines: the error, once they are written.
    Failed(std::io::Error),
}

/// One record's answer, ready to write: its JSON line and exit code; `None` for a blank line,
/// which is skipped (it still counts as a record number).
type Answered = Option<(String, Exit)>;

/// The next line (without its `\n`), reading at most [`MAX_LINE_BYTES`] of it; `None` at the
/// end of the input.
fn next_line(reader: &mut impl BufRead) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let read = reader
        .by_ref()
        .take(MAX_LINE_BYTES + 1)
        .read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        return Ok(Some(Line::Bytes(bytes)));
    }
    if (bytes.len() as u64) <= MAX_LINE_BYTES {
        // The last line, without a newline.
        return Ok(Some(Line::Bytes(bytes)));
    }
    // Too long: skip to the end of the line without keeping it.
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                break;
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
    Ok(Some(Line::TooLong))
}

/// Reads the next chunk: up to [`CHUNK_LINES`] lines or [`CHUNK_BYTES`] bytes, numbering
/// the records from `*record` on.
fn read_chunk(reader: &mut impl BufRead, record: &mut usize) -> Chunk {
    let mut lines = Vec::with_capacity(CHUNK_LINES);
    let mut bytes = 0;
    while lines.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
        match next_line(reader) {
            Ok(Some(line)) => {
                if let Line::Bytes(b) = &line {
                    bytes += b.len();
                }
                lines.push((*record, line));
                *record += 1;
            }
            Ok(None) => {
                return Chunk {
                    lines,
                    end: ChunkEnd::Input,
                };
            }
            Err(e) => {
                return Chunk {
                    lines,
                    end: ChunkEnd::Failed(e),
                };
            }
        }
    }
    Chunk {
        lines,
        end: ChunkEnd::Full,
    }
}

/// The answer to one record of a chunk.
fn answer_record(catalog: &Catalog, record: usize, line: &Line, defaults: &Defaults) -> Answered {
    Some(match line {
        Line::TooLong => failure(
            record,
            "json",
            format!("longer than {} MiB: not read", MAX_LINE_BYTES >> 20),
            None,
        ),
        Line::Bytes(bytes) => match std::str::from_utf8(bytes) {
            Ok(line) if line.trim().is_empty() => return None,
            Ok(line) => answer_line(catalog, record, line.trim_end_matches('\r'), defaults),
            Err(e) => failure(record, "json", format!("not UTF-8 text: {e}"), None),
        },
    })
}

/// The answers to a chunk's lines, in their order: shared among the pool's threads when this
/// runs in the pool, else one after the other.
fn answer_chunk(catalog: &Catalog, lines: &[(usize, Line)], defaults: &Defaults) -> Vec<Answered> {
    lines
        .par_iter()
        // Each record is a piece another thread may take. Left to itself rayon splits a chunk
        // into a few runs of 32 to 64 records, which it cannot share out once they have started:
        // one thread then finishes its run while the other waits at the end of the chunk (both
        // cores were busy 89-92 % of a run; with this, 93-96 %).
        .with_max_len(1)
        .map(|(record, line)| answer_record(catalog, *record, line, defaults))
        .collect()
}

/// The records written so far, as the exit code counts them: the worst verdict, and whether
/// any record was bad (a bad record outranks every verdict).
#[derive(Debug, Clone, Copy)]
struct Tally {
    worst: Exit,
    bad_record: bool,
}

impl Tally {
    /// The exit code of the run so far.
    fn exit(self) -> Exit {
        if self.bad_record {
            Exit::Error
        } else {
            self.worst
        }
    }
}

/// How writing a chunk's answers ended.
enum Written {
    /// Every answer was written.
    All,
    /// The reader closed the pipe: the run ends quietly with the records counted so far.
    ClosedPipe,
}

/// Writes answers in order, counting each one before it is written (as a run that stops on a
/// closed pipe counts the record it could not write).
fn write_answers(
    out: &mut dyn Write,
    answers: &[Answered],
    tally: &mut Tally,
) -> std::io::Result<Written> {
    for (text, exit) in answers.iter().flatten() {
        if *exit == Exit::Error {
            tally.bad_record = true;
        } else if *exit == Exit::Finding {
            tally.worst = Exit::Finding;
        }
        // A closed pipe ends the run quietly: nobody is reading any more. Any other write
        // error (a full disk) is an error: nothing is lost silently.
        match writeln!(out, "{text}") {
            Ok(()) => {}
            Err(e) if closed_pipe(&e) => return Ok(Written::ClosedPipe),
            Err(e) => return Err(e),
        }
    }
    Ok(Written::All)
}

/// The pool that answers a batch's records: rayon's default size (`RAYON_NUM_THREADS`, else
/// one thread per core this process may run on). `None` when its threads cannot be started:
/// the records are then answered on this thread, one after the other.
fn pool() -> Option<ThreadPool> {
    ThreadPoolBuilder::new()
        .thread_name(|n| format!("mesomix-batch-{n}"))
        .build()
        .ok()
}

/// Answers `lines` in the pool while `write` runs on this thread (the output need not be
/// `Send`); without a pool, writes first and answers after.
fn answer_while<W>(
    pool: Option<&ThreadPool>,
    catalog: &Catalog,
    lines: &[(usize, Line)],
    defaults: &Defaults,
    write: impl FnOnce() -> W,
) -> (Vec<Answered>, W) {
    let Some(pool) = pool else {
        let written = write();
        let answers = lines
            .iter()
            .map(|(record, line)| answer_record(catalog, *record, line, defaults))
            .collect();
        return (answers, written);
    };
    let mut answers = Vec::new();
    let written = pool.in_place_scope(|scope| {
        scope.spawn(|_| answers = answer_chunk(catalog, lines, defaults));
        write()
    });
    (answers, written)
}

/// Runs a whole batch from `input` (`-` = stdin) to `output` (or stdout). A regular output
/// file is written whole or not at all; a device is written directly; standard output line by
/// line, each record whole. A closed pipe ends the run quietly; any other write error is an
/// error naming where it failed.
pub fn run(
    catalog: &Catalog,
    input: &Path,
    output: Option<&Path>,
    defaults: &Defaults,
    stdout: &mut dyn Write,
) -> Result<Exit, Error> {
    let reader: Box<dyn Read> = if input == Path::new("-") {
        crate::io::stdin_reader()
    } else {
        Box::new(std::fs::File::open(input).map_err(|source| Error::Io {
            path: input.to_owned(),
            source,
        })?)
    };
    let reader = BufReader::new(reader);
    match output.map(Target::of).unwrap_or(Target::Stdout) {
        Target::Stdout => stream(
            catalog,
            input,
            reader,
            &mut BufWriter::new(stdout),
            Path::new("<stdout>"),
            defaults,
        ),
        Target::Device(path) => {
            let device = std::fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
            stream(
                catalog,
                input,
                reader,
                &mut BufWriter::new(device),
                &path,
                defaults,
            )
        }
        Target::File(path) => {
            let mut writer = BufWriter::new(TempFile::beside(&path)?);
            let exit = stream(catalog, input, reader, &mut writer, &path, defaults)?;
            let tmp = writer.into_inner().map_err(|e| Error::Io {
                path: path.clone(),
                source: e.into_error(),
            })?;
            tmp.persist()?;
            Ok(exit)
        }
    }
}

/// Answers every record of `reader` and writes the answers to `out` in input order. Chunks of
/// [`CHUNK_LINES`] lines are answered on every core while the chunk before is written, so the
/// output is byte for byte what answering line after line gives, and memory stays bounded by
/// two chunks whatever the length of the input.
fn stream(
    catalog: &Catalog,
    input: &Path,
    reader: impl BufRead,
    out: &mut dyn Write,
    output: &Path,
    defaults: &Defaults,
) -> Result<Exit, Error> {
    let write_error = |source| Error::Io {
        path: output.to_owned(),
        source,
    };
    let pool = pool();
    let mut tally = Tally {
        worst: Exit::Success,
        bad_record: false,
    };
    let mut reader = reader;
    let mut record = 1;
    // Answered, not yet written.
    let mut ready: Vec<Answered> = Vec::new();
    loop {
        let Chunk { lines, end } = read_chunk(&mut reader, &mut record);
        let written_before = std::mem::take(&mut ready);
        let (answers, written) = answer_while(pool.as_ref(), catalog, &lines, defaults, || {
            let written = write_answers(out, &written_before, &mut tally);
            // Freed here, while the pool answers, rather than once it has finished.
            drop(written_before);
            written
        });
        match written.map_err(write_error)? {
            Written::All => {}
            Written::ClosedPipe => return Ok(tally.exit()),
        }
        ready = answers;
        match end {
            ChunkEnd::Full => {}
            ChunkEnd::Input => break,
            ChunkEnd::Failed(source) => {
                // The lines before the one that could not be read are answered, as they were
                // read; then the run fails naming the input.
                if let Written::ClosedPipe =
                    write_answers(out, &ready, &mut tally).map_err(write_error)?
                {
                    return Ok(tally.exit());
                }
                return Err(Error::Io {
                    path: input.to_owned(),
                    source,
                });
            }
        }
    }
    if let Written::ClosedPipe = write_answers(out, &ready, &mut tally).map_err(write_error)? {
        return Ok(tally.exit());
    }
    match out.flush() {
        Err(e) if !closed_pipe(&e) => Err(write_error(e)),
        _ => Ok(tally.exit()),
    }
}
