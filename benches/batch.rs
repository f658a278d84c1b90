//! Batch throughput: answering JSON Lines formulation requests on the embedded catalog, line
//! after line and on a thread pool of one thread and of every core, as `formulate --batch`
//! answers a chunk.
//!
//! Run: `cargo bench --bench batch`. `benches/batch_scale.sh` runs whole files through the
//! release binary on one core and on every core and reports wall time, peak memory and the
//! ratio of the rates.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mesomix::batch::{Defaults, answer_line};
use mesomix::catalog;
use rayon::iter::{IndexedParallelIterator, IntoParallelRefIterator, ParallelIterator};

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
    // An allergy named by an ingredient's name is looked up as an allergy condition first:
    // that miss must not cost a "did you mean" search.
    let allergy =
        r#"{"goals": ["rejuvenation"], "zone": "face", "patient": {"allergies": ["lidocaine"]}}"#;
    group.throughput(Throughput::Elements(1));
    group.bench_function("answer_line/allergy_by_ingredient", |b| {
        b.iter(|| {
            black_box(answer_line(
                &catalog,
                1,
                black_box(allergy),
                &Defaults::default(),
            ))
        })
    });

    // A chunk as the batch answers it: 256 lines on a pool of one thread, then of every core
    // (RAYON_NUM_THREADS, else one per core), answers collected in order.
    let chunk: Vec<&str> = REQUESTS.iter().copied().cycle().take(256).collect();
    group.throughput(Throughput::Elements(chunk.len() as u64));
    for (name, threads) in [("chunk_256/one_thread", 1), ("chunk_256/every_core", 0)] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool starts");
        group.bench_function(name, |b| {
            b.iter(|| {
                pool.install(|| {
                    let answers: Vec<_> = chunk
                        .par_iter()
                        .enumerate()
                        .map(|(n, line)| answer_line(&catalog, n + 1, line, &Defaults::default()))
                        .collect();
                    black_box(answers)
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
