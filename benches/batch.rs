//! Batch throughput: answering JSON Lines formulation requests on the embedded catalog, one core.
//!
//! Run: `cargo bench --bench batch`. `benches/batch_scale.sh` runs 100,000 and 1,000,000-line
//! files through the release binary and reports wall time and peak memory.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mesomix::batch::{Defaults, answer_line};
use mesomix::catalog;

/// A mix of the requests a clinic sends: one zone and goal set after another.
pub const REQUESTS: &[&str] = &[
    r#"{"goals": ["local_fat", "cellulite"], "zone": "abdomen"}"#,
    r#"{"goals": ["rejuvenation", "hydration"], "zone": "face"}"#,
    r#"{"goals": ["hair_loss"], "zone": "scalp"}"#,
    r#"{"goals": ["cellulite"], "zone": "thighs", "patient": {"conditions": ["gallstones"]}}"#,
    r#"{"goals": ["hyperpigmentation", "rejuvenation"], "zone": "face", "allow_caution": true}"#,
    r#"{"goals": ["stretch_marks", "skin_laxity"], "zone": "abdomen", "patient": {"medications": ["warfarin"]}}"#,
    r#"{"goals": ["scars", "hydration"], "zone": "face", "alternatives": 2}"#,
    r#"{"goals": ["rejuvenation"], "zone": "face", "patient": {"conditions": ["pregnancy"]}}"#,
];

fn throughput(c: &mut Criterion) {
    let catalog = catalog::embedded().expect("valid");
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(REQUESTS.len() as u64));
    group.bench_function("answer_line/mixed_8", |b| {
        b.iter(|| {
            for (n, line) in REQUESTS.iter().enumerate() {
                black_box(answer_line(
                    &catalog,
                    n + 1,
                    black_box(line),
                    &Defaults::default(),
                ));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
