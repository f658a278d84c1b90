//! `mesomix formulate --batch FILE`: JSON Lines in, one JSON result per line out, streamed.
//!
//! Each line is read, answered and written before the next is read, so memory does not grow
//! with the number of lines. A line that is not a valid request yields
//! `{"record": N, "error": {...}}` and the run goes on; `N` is the line number.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::app::{RequestSpec, build_request, formulate_error, verdict_exit};
use crate::catalog::Catalog;
use crate::error::Error;
use crate::exit::Exit;
use crate::formulate;
use crate::patient::{Patient, PatientInput};
use crate::render::formulate::{FormulationJson, formulation_value};

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
    allow_caution: bool,
    #[serde(default)]
    alternatives: usize,
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

/// The answer to one line: the result JSON (one line, no newline) and its exit code.
pub fn answer_line(catalog: &Catalog, record: usize, line: &str) -> (String, Exit) {
    let failure = |kind, message: String, column| {
        let f = Failure {
            record,
            error: FailureDetail {
                kind,
                message,
                column,
            },
        };
        (serde_json::to_string(&f).unwrap_or_default(), Exit::Error)
    };
    let request: BatchRequest = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return failure("json", e.to_string(), Some(e.column())),
    };
    if request.alternatives > 50 {
        return failure("request", "alternatives must be at most 50".into(), None);
    }
    if request
        .max_components
        .is_some_and(|m| !(1..=12).contains(&m))
    {
        return failure(
            "request",
            "max_components must be from 1 to 12".into(),
            None,
        );
    }
    let patient = match Patient::resolve(catalog, &request.patient) {
        Ok(p) => p,
        Err(e) => {
            return failure(
                "request",
                unknown_text(
                    match e.field {
                        crate::patient::PatientField::Conditions => "patient.condition",
                        crate::patient::PatientField::Medications => "patient.medication",
                        crate::patient::PatientField::Allergies => "patient.allergy",
                    },
                    &e.unknown,
                ),
                None,
            );
        }
    };
    let spec = RequestSpec {
        goals: &request.goals,
        zone: request.zone.as_deref(),
        max_components: request
            .max_components
            .unwrap_or(crate::check::DEFAULT_MAX_COMPONENTS),
        require: &request.require,
        exclude: &request.exclude,
        allow_caution: request.allow_caution,
        alternatives: request.alternatives,
    };
    let result =
        build_request(catalog, &spec, patient).and_then(|req| {
            match formulate::formulate(catalog, &req) {
                Ok(f) => Ok((req, f)),
                Err(e) => Err(formulate_error(catalog, &req, &e)),
            }
        });
    match result {
        Ok((req, f)) => {
            let answer = Answer {
                record,
                formulation: formulation_value(catalog, &req, &f),
            };
            (
                serde_json::to_string(&answer).unwrap_or_default(),
                verdict_exit(f.verdict, false, false),
            )
        }
        Err(Error::Unknown { flag, source }) => {
            failure("request", unknown_text(field_of(&flag), &source), None)
        }
        Err(e) => failure("request", e.to_string(), None),
    }
}

/// The request field a command-line flag corresponds to.
fn field_of(flag: &str) -> &str {
    match flag {
        "--goal" => "goals",
        "--zone" => "zone",
        "--require" => "require",
        "--exclude" => "exclude",
        other => other,
    }
}

fn unknown_text(field: &str, unknown: &crate::catalog::UnknownName) -> String {
    let mut text = format!("{field}: unknown name `{}`", unknown.name);
    if !unknown.suggestions.is_empty() {
        text.push_str(&format!(
            "; did you mean {}?",
            unknown.suggestions.join(", ")
        ));
    }
    text
}

/// Runs a whole batch from `input` (`-` = stdin) to `output` (or stdout).
pub fn run(
    catalog: &Catalog,
    input: &Path,
    output: Option<&Path>,
    stdout: &mut dyn Write,
) -> Result<Exit, Error> {
    fn io_error(path: &Path) -> impl Fn(io::Error) -> Error + '_ {
        move |source| Error::Io {
            path: path.to_owned(),
            source,
        }
    }
    let reader: Box<dyn Read> = if input == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(input).map_err(io_error(input))?)
    };
    match output {
        None => stream(
            catalog,
            input,
            BufReader::new(reader),
            &mut BufWriter::new(stdout),
        ),
        Some(path) => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_error(path))?;
            let mut writer = BufWriter::new(tmp);
            let exit = stream(catalog, input, BufReader::new(reader), &mut writer)?;
            let tmp = writer
                .into_inner()
                .map_err(|e| io_error(path)(e.into_error()))?;
            tmp.as_file().sync_all().map_err(io_error(path))?;
            tmp.persist(path).map_err(|e| io_error(path)(e.error))?;
            Ok(exit)
        }
    }
}

fn stream(
    catalog: &Catalog,
    input: &Path,
    reader: impl BufRead,
    out: &mut dyn Write,
) -> Result<Exit, Error> {
    let mut worst = Exit::Success;
    let mut bad_record = false;
    for (n, line) in reader.split(b'\n').enumerate() {
        let record = n + 1;
        let bytes = line.map_err(|source| Error::Io {
            path: input.to_owned(),
            source,
        })?;
        let (text, exit) = match std::str::from_utf8(&bytes) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => answer_line(catalog, record, line.trim_end_matches('\r')),
            Err(e) => {
                let f = Failure {
                    record,
                    error: FailureDetail {
                        kind: "json",
                        message: format!("not UTF-8 text: {e}"),
                        column: None,
                    },
                };
                (serde_json::to_string(&f).unwrap_or_default(), Exit::Error)
            }
        };
        if exit == Exit::Error {
            bad_record = true;
        } else if exit == Exit::Finding {
            worst = Exit::Finding;
        }
        // A closed pipe ends the run quietly: nobody is reading any more.
        if writeln!(out, "{text}").is_err() {
            return Ok(if bad_record { Exit::Error } else { worst });
        }
    }
    let _ = out.flush();
    Ok(if bad_record { Exit::Error } else { worst })
}
