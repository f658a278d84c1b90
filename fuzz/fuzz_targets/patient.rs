//! A patient file (RON or JSON) → parsed and resolved against the embedded catalog.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mesomix::catalog::Catalog;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| mesomix::catalog::embedded().expect("the embedded catalog is valid"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(input) = mesomix::patient::parse_patient_file(text) {
        let _ = mesomix::patient::Patient::resolve(catalog(), &input);
    }
});
