//! Catalog text → load and validate: never a panic; every problem has a place in the text; and a
//! catalog that loads survives what the commands do with it, with small caps: lookups, pairs,
//! `classes`, `graph`, `plan` and `formulate` (a small node budget, so a hostile catalog cannot
//! stall the fuzzer).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mesomix::catalog::Catalog;

fn commands(catalog: &Catalog) {
    let n = catalog.ingredients().len();
    for i in 0..n.min(8) {
        for j in 0..n.min(8) {
            if i != j {
                let _ = mesomix::compat::resolve(catalog, i, j);
            }
        }
    }
    let _ = catalog.find(mesomix::catalog::Kind::Ingredient, "x");
    let _ = mesomix::render::catalog::vocabularies::classes_doc(catalog, mesomix::render::lang::Lang::En);
    let mix: Vec<usize> = (0..n.min(6)).collect();
    let _ = mesomix::graph::build(
        catalog,
        &mesomix::graph::GraphRequest {
            ingredients: mix.clone(),
            neighbours: true,
            show_unknown: true,
        },
    );
    if !catalog.zones().is_empty() {
        let start = jiff::civil::date(2026, 12, 1);
        let _ = mesomix::plan::plan(
            catalog,
            &mesomix::plan::PlanRequest {
                zone: 0,
                ingredients: mix.clone(),
                start,
                sessions: None,
                today: Some(start),
            },
        );
    }
    if !catalog.goals().is_empty() {
        let goals: Vec<usize> = (0..catalog.goals().len().min(3)).collect();
        let request = mesomix::formulate::FormulateRequest {
            goals: mesomix::formulate::default_weights(&goals),
            zone: (!catalog.zones().is_empty()).then_some(0),
            patient: Default::default(),
            max_components: 3,
            require: Vec::new(),
            exclude: Vec::new(),
            allow_caution: true,
            alternatives: 1,
        };
        let _ = mesomix::formulate::formulate_within(catalog, &request, 20_000);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match mesomix::catalog::load(text, "fuzz.ron") {
        Ok(catalog) => commands(&catalog),
        Err(e) => {
            // Every problem has a place inside the text.
            for d in &e.diagnostics {
                assert!(d.span.end <= text.len() && d.line >= 1 && d.column >= 1);
            }
            let _ = mesomix::render::diagnostics::render(&e, false);
        }
    }
});
