//! Validates the embedded catalog when mesomix is built and writes it as Rust statics: an
//! invalid `ingredients.ron` fails the build with every problem and its line, and the binary
//! holds the pre-validated catalog, with its name index and ingredients' classes already
//! derived, as static data (`src/catalog/generate.rs` writes it) instead of parsing and
//! validating RON and lower-casing every name at every start.

use std::fmt::Write as _;
use std::path::PathBuf;

#[allow(dead_code, unreachable_pub)]
#[path = "src/catalog/build_support.rs"]
mod catalog;
#[allow(dead_code, unreachable_pub)]
#[path = "src/names.rs"]
mod names;

fn main() {
    link_at_a_fixed_address();
    println!("cargo::rerun-if-changed=ingredients.ron");
    for file in [
        "src/catalog/codec.rs",
        "src/catalog/model",
        "src/catalog/validate",
        "src/catalog/spans.rs",
        "src/catalog/build_support.rs",
        "src/catalog/index.rs",
        "src/catalog/generate.rs",
        "src/names.rs",
    ] {
        println!("cargo::rerun-if-changed={file}");
    }
    let text = match std::fs::read_to_string("ingredients.ron") {
        Ok(text) => text,
        Err(e) => fail(&format!("ingredients.ron: {e}")),
    };
    let file: catalog::model::CatalogFile = match catalog::codec::ron_options().from_str(&text) {
        Ok(file) => file,
        Err(e) => fail(&format!(
            "ingredients.ron:{}:{}: {}",
            e.span.start.line, e.span.start.col, e.code
        )),
    };
    let problems = catalog::validate::validate(&file);
    if !problems.is_empty() {
        let index = catalog::spans::SpanIndex::new(&text);
        let mut message = format!(
            "ingredients.ron (the embedded catalog) has {} problem(s):\n",
            problems.len()
        );
        for p in &problems {
            let offset = index.find(&p.path).map_or(0, |s| s.start);
            let line = text[..offset].matches('\n').count() + 1;
            let _ = writeln!(
                message,
                "ingredients.ron:{line}: {} ({})",
                p.message, p.label
            );
        }
        fail(&message);
    }
    let derived = catalog::index::derive(&file);
    let generated = catalog::codec::with_every_field(|| {
        Ok::<_, catalog::generate::GenerateError>((
            catalog::generate::to_rust(&file)?,
            catalog::generate::to_rust(&derived)?,
        ))
    });
    let (file, derived) = match generated {
        Ok(generated) => generated,
        Err(e) => fail(&format!("cannot write the catalog as Rust: {e}")),
    };
    let sha = catalog::codec::sha256_hex(&text);
    let mut rust = String::from(
        "// The embedded catalog, written by build.rs from ingredients.ron (validated).\n",
    );
    let _ = writeln!(rust, "pub(super) static FILE: CatalogFile = {file};");
    let _ = writeln!(rust, "pub(super) static DERIVED: Derived = {derived};");
    let _ = writeln!(rust, "pub(super) const SHA256: &str = {sha:?};");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out.join("catalog.rs"), rust) {
        fail(&format!("cannot write catalog.rs: {e}"));
    }
}

/// Links the `mesomix` binary at a fixed address (`-no-pie`) on Linux with glibc. The embedded
/// catalog's statics hold some 8,400 pointers on 84 pages; in a position-independent executable
/// the loader rewrites each of them at every start (every one of those pages copied), about
/// 0.2 ms a run, a third of a hello world (see `docs/reference.md`, "Performance"; packed
/// relative relocations were slower still). Linked at a fixed address the pointers are resolved
/// when the binary is linked, and only the pages read are loaded. The cost: the binary's own code
/// and data are not at a random address (ASLR still places the libraries, the stack and the
/// heap). Tests, benchmarks and examples stay position-independent.
fn link_at_a_fixed_address() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    std::process::exit(1);
}
