//! Catalog text → load and validate: never a panic, and a catalog that loads answers lookups.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match mesomix::catalog::load(text, "fuzz.ron") {
        Ok(catalog) => {
            // A valid catalog must survive what the commands do with it.
            for i in 0..catalog.ingredients().len().min(8) {
                for j in 0..catalog.ingredients().len().min(8) {
                    if i != j {
                        let _ = mesomix::compat::resolve(&catalog, i, j);
                    }
                }
            }
            let _ = catalog.find(mesomix::catalog::Kind::Ingredient, "x");
        }
        Err(e) => {
            // Every problem has a place inside the text.
            for d in &e.diagnostics {
                assert!(d.span.end <= text.len() && d.line >= 1 && d.column >= 1);
            }
            let _ = mesomix::render::diagnostics::render(&e, false);
        }
    }
});
