//! The errors that end a run with exit code 2, each naming the place that caused it.

use std::path::PathBuf;

use crate::catalog::{CatalogError, UnknownName};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The catalog failed to parse or validate.
    #[error(transparent)]
    Catalog(#[from] Box<CatalogError>),
    /// A name on the command line matches nothing.
    #[error("{flag}: {source}")]
    Unknown { flag: String, source: UnknownName },
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A patient file that does not parse or has unknown fields.
    #[error("{}:{line}:{column}: {message}", path.display())]
    PatientFile {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// The arguments are wrong (clap's own message, or a rule clap cannot express).
    #[error("{0}")]
    Usage(String),
}

impl From<CatalogError> for Error {
    fn from(e: CatalogError) -> Self {
        Error::Catalog(Box::new(e))
    }
}
