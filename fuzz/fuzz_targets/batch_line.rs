//! One JSON Lines batch request → one JSON answer line, always valid JSON.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mesomix::catalog::Catalog;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| mesomix::catalog::embedded().expect("the embedded catalog is valid"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    if line.contains('\n') {
        return;
    }
    let (answer, _) = mesomix::batch::answer_line(catalog(), 1, line, &mesomix::batch::Defaults::default());
    assert!(serde_json_valid(&answer), "the answer is one JSON document: {answer}");
});

fn serde_json_valid(text: &str) -> bool {
    // The answer is an object that starts with its record number.
    text.starts_with("{\"record\":1,") && text.ends_with('}') && !text.contains('\n')
}
