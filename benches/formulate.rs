//! Formulation speed: the exact search on the embedded catalog, on synthetic catalogs of 100,
//! 1,000 and 10,000 ingredients (k = 5, 12 goals) and on the hostile shape (250 ingredients,
//! every pair rated, two actions each, k = 8), against exhaustive enumeration and an integer
//! program (good_lp + microlp) on the instances where those finish. `benches/highs.py` runs
//! the same instances through HiGHS.
//!
//! Run: `cargo bench --bench formulate`. Results are quoted in docs/reference.md (Performance).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use mesomix::catalog::{self, Catalog};
use mesomix::formulate::{
    FormulateRequest, best_syringe, default_weights, exhaustive_best, formulate,
};
use mesomix::synthetic::{self, Shape};

#[allow(dead_code)]
#[path = "support/ilp.rs"]
mod ilp;

fn request(catalog: &Catalog, max: usize) -> FormulateRequest {
    let goals: Vec<usize> = (0..catalog.goals().len()).collect();
    FormulateRequest::new(default_weights(&goals), max)
}

fn embedded(c: &mut Criterion) {
    let catalog = catalog::embedded().expect("valid");
    let g = |id: &str| catalog.goal_index(id).expect("goal");
    let req = FormulateRequest {
        goals: default_weights(&[g("local_fat"), g("cellulite")]),
        zone: catalog.zones().iter().position(|z| z.id == "abdomen"),
        ..request(&catalog, 4)
    };
    c.bench_function("formulate/embedded/abdomen_fat_cellulite", |b| {
        b.iter(|| formulate(black_box(&catalog), black_box(&req)))
    });
    let all = request(&catalog, 4);
    c.bench_function("formulate/embedded/all_12_goals", |b| {
        b.iter(|| formulate(black_box(&catalog), black_box(&all)))
    });
}

fn synthetic_search(c: &mut Criterion) {
    let mut group = c.benchmark_group("formulate/synthetic");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    // The exact single-syringe search (the problem the integer program solves), and the whole
    // answer (both searches, the checks, the reasons) where it takes less than seconds.
    for n in [100, 1_000, 10_000] {
        let catalog = synthetic::catalog(&Shape::benchmark(n, 7)).expect("valid");
        let req = request(&catalog, 5);
        group.bench_function(format!("exact_search/{n}"), |b| {
            b.iter(|| best_syringe(black_box(&catalog), black_box(&req)))
        });
        if n <= 1_000 {
            group.bench_function(format!("whole_answer/{n}"), |b| {
                b.iter(|| formulate(black_box(&catalog), black_box(&req)))
            });
        }
    }
    let hostile = synthetic::catalog(&Shape::hostile(250, 7)).expect("valid");
    let req = request(&hostile, 8);
    group.bench_function("exact_search/hostile_250_k8", |b| {
        b.iter(|| best_syringe(black_box(&hostile), black_box(&req)))
    });
    group.finish();
}

fn comparison(c: &mut Criterion) {
    let mut group = c.benchmark_group("formulate/compare");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    // Small instances where exhaustive enumeration finishes, and the integer program beside them.
    for n in [30, 100] {
        let catalog = synthetic::catalog(&Shape::benchmark(n, 7)).expect("valid");
        let req = request(&catalog, 5);
        group.bench_function(format!("exact_search/{n}"), |b| {
            b.iter(|| best_syringe(black_box(&catalog), black_box(&req)))
        });
        group.bench_function(format!("integer_program/{n}"), |b| {
            b.iter(|| ilp::ilp_best(black_box(&catalog), black_box(&req)))
        });
        if n <= 30 {
            group.bench_function(format!("exhaustive/{n}"), |b| {
                b.iter(|| exhaustive_best(black_box(&catalog), black_box(&req)))
            });
        }
    }
    // The integer program at 1,000 ingredients, as the target compares against.
    let catalog = synthetic::catalog(&Shape::benchmark(1_000, 7)).expect("valid");
    let req = request(&catalog, 5);
    group.bench_function("integer_program/1000", |b| {
        b.iter(|| ilp::ilp_best(black_box(&catalog), black_box(&req)))
    });
    group.finish();
}

criterion_group!(benches, embedded, synthetic_search, comparison);
criterion_main!(benches);
