//! The same formulation instance for the exact search and for an outside MIP solver: builds a
//! synthetic catalog in memory (as `examples/synthetic.rs` writes it), times mesomix's exact
//! single-syringe search on it (all 12 goals, the most components `--max`), writes the integer
//! program of `benches/support/ilp.rs` for that request in CPLEX LP format to `--lp FILE`, and
//! prints one JSON line: the search's time (median of `--runs`), whether it is proven, and its
//! optimum as the program's objective value, so a solver's optimum can be compared.
//! `benches/highs.py` runs it and HiGHS side by side.
//!
//! ```text
//! cargo run --release --example ilp -- --items 1000 --seed 7 --max 5 --lp /tmp/syn.lp
//! ```

// A command-line program: it prints its result and its errors.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::{Duration, Instant};

use mesomix::catalog::Catalog;
use mesomix::formulate::{FormulateRequest, best_syringe, default_weights};
use mesomix::synthetic::{self, Shape};

#[allow(dead_code)]
#[path = "../benches/support/ilp.rs"]
mod ilp;

const USAGE: &str = "usage: ilp --items N --lp FILE [--seed S] [--max K] [--runs R] \
                     [--shape benchmark|hostile]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ilp: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag}: '{value}' is not a whole number"))
}

fn run() -> Result<(), String> {
    let (mut items, mut seed, mut max, mut runs) = (None, 7u64, 5usize, 5usize);
    let (mut lp, mut hostile) = (None, false);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--items" => items = Some(number::<usize>(&flag, &value)?.max(1)),
            "--seed" => seed = number(&flag, &value)?,
            "--max" => max = number::<usize>(&flag, &value)?.clamp(1, 12),
            "--runs" => runs = number::<usize>(&flag, &value)?.max(1),
            "--lp" => lp = Some(value),
            "--shape" => {
                hostile = match value.as_str() {
                    "benchmark" => false,
                    "hostile" => true,
                    other => return Err(format!("--shape: '{other}' is not benchmark or hostile")),
                }
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    let items = items.ok_or("--items is required")?;
    let lp = lp.ok_or("--lp is required")?;
    let shape = if hostile {
        Shape::hostile(items, seed)
    } else {
        Shape::benchmark(items, seed)
    };
    let catalog: Catalog = synthetic::catalog(&shape)
        .map_err(|problems| format!("the generator wrote an invalid catalog: {problems:?}"))?;
    let goals: Vec<usize> = (0..catalog.goals().len()).collect();
    let request = FormulateRequest::new(default_weights(&goals), max);
    let mut times: Vec<Duration> = Vec::new();
    let mut answer = None;
    for _ in 0..runs {
        let start = Instant::now();
        let found = best_syringe(&catalog, &request).map_err(|e| format!("{e:?}"))?;
        times.push(start.elapsed());
        answer = Some(found);
    }
    times.sort();
    let (cocktail, proven) = answer.ok_or("no run")?;
    let program = ilp::program(&catalog, &request).ok_or("no ingredient can be chosen")?;
    std::fs::write(&lp, program.lp()).map_err(|e| format!("cannot write {lp}: {e}"))?;
    let objective = cocktail
        .as_ref()
        .and_then(|c| ilp::score_of(&catalog, &request, &c.ingredients))
        .map_or(0.0, |score| program.value(&score));
    println!(
        "{{\"items\": {items}, \"search_ms\": {:.3}, \"proven\": {proven}, \"objective\": {objective}, \
         \"variables\": {}, \"constraints\": {}}}",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        program.vars.len(),
        program.constraints.len()
    );
    Ok(())
}
