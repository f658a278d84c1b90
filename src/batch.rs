//! `mesomix formulate --batch FILE`: JSON Lines in, one JSON result per line out, streamed.
//!
//! Each line is read, answered and written before the next is read, so memory does not grow
//! with the number of lines. A record is resolved by the same `resolve::Resolver` as the
//! command line and answered by the same `request::formulate`. A line that is not a valid
//! request yields `{"record": N, "error": {...}}` and the run goes on; `N` is the line number.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

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
        (
            serde_json::to_string(&answer).unwrap_or_default(),
            policy.exit(f.verdict),
        )
    })
}

/// One line of input: its bytes, or too long to read (the rest of it was skipped).
enum Line {
    Bytes(Vec<u8>),
    TooLong,
}

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
    let mut worst = Exit::Success;
    let mut bad_record = false;
    let mut reader = reader;
    for record in 1.. {
        let Some(line) = next_line(&mut reader).map_err(|source| Error::Io {
            path: input.to_owned(),
            source,
        })?
        else {
            break;
        };
        let (text, exit) = match line {
            Line::TooLong => failure(
                record,
                "json",
                format!("longer than {} MiB: not read", MAX_LINE_BYTES >> 20),
                None,
            ),
            Line::Bytes(bytes) => match std::str::from_utf8(&bytes) {
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) => answer_line(catalog, record, line.trim_end_matches('\r'), defaults),
                Err(e) => failure(record, "json", format!("not UTF-8 text: {e}"), None),
            },
        };
        if exit == Exit::Error {
            bad_record = true;
        } else if exit == Exit::Finding {
            worst = Exit::Finding;
        }
        // A closed pipe ends the run quietly: nobody is reading any more. Any other write
        // error (a full disk) is an error: nothing is lost silently.
        if let Err(e) = writeln!(out, "{text}") {
            return if closed_pipe(&e) {
                Ok(if bad_record { Exit::Error } else { worst })
            } else {
                Err(write_error(e))
            };
        }
    }
    match out.flush() {
        Err(e) if !closed_pipe(&e) => Err(write_error(e)),
        _ => Ok(if bad_record { Exit::Error } else { worst }),
    }
}
