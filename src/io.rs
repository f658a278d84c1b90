//! File and stream IO at the edge: reading inputs (`-` is standard input), loading the catalog,
//! and writing output whole or not at all. The core never calls this.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::catalog::{self, Catalog};
use crate::error::Error;

/// The catalog in use: `--catalog FILE` (or `MESOMIX_CATALOG`), else the embedded one.
pub fn load_catalog(path: Option<&Path>) -> Result<Catalog, Error> {
    match path {
        Some(path) => load_file(path),
        None => Ok(catalog::embedded()?),
    }
}

/// Reads and validates a catalog file.
pub fn load_file(path: &Path) -> Result<Catalog, Error> {
    let (text, origin) = read_input(path)?;
    Ok(catalog::load(&text, &origin)?)
}

/// Reads a file argument; `-` is standard input. Returns the text (UTF-8, byte-order mark
/// removed) and the name to show for it.
pub fn read_input(path: &Path) -> Result<(String, String), Error> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let stdin = path == Path::new("-");
    let bytes = if stdin {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(io_error)?;
        buf
    } else {
        std::fs::read(path).map_err(io_error)?
    };
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
pub fn write_quietly(out: &mut dyn Write, bytes: &[u8]) {
    let _ = out.write_all(bytes).and_then(|()| out.flush());
}

/// A temporary file beside `path`, to be renamed onto it once written whole.
pub fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile, Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    tempfile::NamedTempFile::new_in(dir).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

/// Syncs a written temporary file and renames it onto `path`.
pub fn persist(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), Error> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    tmp.as_file().sync_all().map_err(io_error)?;
    tmp.persist(path).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the
/// file is either the whole new output or untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    persist(tmp, path)
}
