//! Writes a seeded synthetic catalog as RON on standard output, so that a whole `mesomix`
//! process can be timed on it:
//!
//! ```text
//! cargo run --release --example synthetic -- --items 1000 --seed 7 > syn.ron
//! mesomix --catalog syn.ron formulate --goal g00 … --goal g11 --max-components 5 --format json
//! ```
//!
//! `--shape benchmark` (the default: 12 goals, one class per 50 ingredients, 10% of pairs
//! incompatible, 5% caution) is the shape of `benches/formulate.rs`; `--shape hostile` rates
//! every pair (each ingredient its own class) and gives each ingredient two actions.

// A command-line program: it prints its result and its errors.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write as _;
use std::process::ExitCode;

use mesomix::synthetic::{self, Shape};

const USAGE: &str = "usage: synthetic --items N [--seed S] [--shape benchmark|hostile]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("synthetic: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut items: Option<usize> = None;
    let mut seed = 7u64;
    let mut hostile = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--items" => {
                let v = value()?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--items: '{v}' is not a whole number"))?;
                if n == 0 {
                    return Err("--items: at least 1".into());
                }
                items = Some(n);
            }
            "--seed" => {
                let v = value()?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: '{v}' is not a whole number"))?;
            }
            "--shape" => match value()?.as_str() {
                "benchmark" => hostile = false,
                "hostile" => hostile = true,
                other => return Err(format!("--shape: '{other}' is not benchmark or hostile")),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    let items = items.ok_or("--items is required")?;
    let shape = if hostile {
        Shape::hostile(items, seed)
    } else {
        Shape::benchmark(items, seed)
    };
    let text = synthetic::ron(&shape).map_err(|e| format!("cannot write the catalog: {e}"))?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}
