//! The exact search, exhaustive enumeration and an independent integer program agree on the
//! optimum, on synthetic catalogs and on the real one.

use mesomix::catalog::{self, Catalog};
use mesomix::formulate::{
    FormulateRequest, default_weights, exhaustive_best, exhaustive_syringes, formulate,
};
use mesomix::synthetic::{self, Shape};

use crate::ilp::ilp_best;

fn request(catalog: &Catalog, goals: &[&str], max: usize, allow_caution: bool) -> FormulateRequest {
    let goals: Vec<usize> = goals
        .iter()
        .map(|g| catalog.goal_index(g).expect("goal"))
        .collect();
    FormulateRequest {
        allow_caution,
        ..FormulateRequest::new(default_weights(&goals), max)
    }
}

#[track_caller]
fn agree(catalog: &Catalog, req: &FormulateRequest) {
    let search = formulate(catalog, req)
        .expect("valid")
        .cocktail
        .map(|c| c.score);
    let exhaustive = exhaustive_best(catalog, req)
        .expect("valid")
        .map(|c| c.score);
    let ilp = ilp_best(catalog, req);
    assert_eq!(
        search, exhaustive,
        "search vs exhaustive for {:?}",
        req.goals
    );
    assert_eq!(search, ilp, "search vs integer program for {:?}", req.goals);
}

#[test]
fn three_methods_agree_on_synthetic_catalogs() {
    for seed in 0..12 {
        let shape = Shape {
            ingredients: 22,
            goals: 6,
            classes: 4,
            conflict: 0.10,
            caution: 0.05,
            performs: None,
            seed,
        };
        let c = synthetic::catalog(&shape).expect("valid synthetic catalog");
        let goals: Vec<String> = (0..6).map(|g| format!("g{g:02}")).collect();
        let goals: Vec<&str> = goals.iter().map(String::as_str).collect();
        for (max, caution) in [(3, false), (4, true), (2, false)] {
            agree(&c, &request(&c, &goals, max, caution));
        }
    }
}

/// The benchmark's shape (12 goals, k up to 5) at a size exhaustive search still finishes.
#[test]
fn three_methods_agree_on_benchmark_shaped_catalogs() {
    for seed in 0..4 {
        let c = synthetic::catalog(&Shape {
            ingredients: 28,
            ..Shape::benchmark(28, seed)
        })
        .expect("valid synthetic catalog");
        let goals: Vec<String> = (0..12).map(|g| format!("g{g:02}")).collect();
        let goals: Vec<&str> = goals.iter().map(String::as_str).collect();
        for max in [3, 5] {
            agree(&c, &request(&c, &goals, max, false));
        }
    }
}

#[test]
fn three_methods_agree_on_the_real_catalog() {
    let c = catalog::embedded().expect("valid");
    for goals in [
        &["local_fat", "cellulite"][..],
        &["rejuvenation", "hydration", "hyperpigmentation"],
        &["hair_loss"],
        &["scars", "hydration", "rejuvenation", "cellulite"],
        &["stretch_marks", "skin_laxity", "lymphatic_drainage"],
    ] {
        for (max, caution) in [(4, false), (3, true)] {
            agree(&c, &request(&c, goals, max, caution));
        }
    }
}

/// The two-syringe answer of `formulate` is the exhaustive two-syringe optimum whenever that
/// optimum covers more than one syringe can (small syringes keep the enumeration short).
#[test]
fn two_syringes_agree_with_exhaustive_search_on_the_real_catalog() {
    let c = catalog::embedded().expect("valid");
    let zone = |id: &str| c.zones().iter().position(|z| z.id == id);
    for (goals, z) in [
        (&["local_fat", "cellulite"][..], "abdomen"),
        (&["cellulite"], "thighs"),
        (&["rejuvenation"], "face"),
        (&["hyperpigmentation"], "face"),
        (&["hair_loss"], "scalp"),
        (&["scars", "hydration"], "face"),
    ] {
        for (max, caution) in [(1, false), (2, false), (2, true)] {
            let req = FormulateRequest {
                zone: zone(z),
                ..request(&c, goals, max, caution)
            };
            let f = formulate(&c, &req).expect("valid");
            let single = exhaustive_best(&c, &req).expect("valid");
            let pair = exhaustive_syringes(&c, &req, 2).expect("valid");
            assert_eq!(
                f.cocktail.as_ref().map(|x| x.score),
                single.map(|x| x.score)
            );
            let better = pair.filter(|p| {
                p.syringes.len() == 2
                    && f.cocktail
                        .as_ref()
                        .is_none_or(|s| p.score.coverage > s.score.coverage)
            });
            assert_eq!(
                f.two_syringes.as_ref().map(|x| (&x.syringes, x.score)),
                better.as_ref().map(|x| (&x.syringes, x.score)),
                "{goals:?} in {z}, max {max}"
            );
        }
    }
}

/// The instance `benches/highs.py` hands to HiGHS is the program the tests solve: the LP text
/// declares every variable and constraint once, and the program's objective orders scores as
/// the search does (a better score, a larger value), with the search's optimum at the top.
#[test]
fn the_lp_file_is_the_tested_program() {
    let c = synthetic::catalog(&Shape::benchmark(24, 3)).expect("valid synthetic catalog");
    let goals: Vec<String> = (0..12).map(|g| format!("g{g:02}")).collect();
    let goals: Vec<&str> = goals.iter().map(String::as_str).collect();
    let req = request(&c, &goals, 4, false);
    let program = crate::ilp::program(&c, &req).expect("candidates");
    let lp = program.lp();
    assert!(
        lp.contains("\nMaximize\n obj:") && lp.ends_with("End\n"),
        "{lp}"
    );
    let constraints = lp.lines().filter(|l| l.starts_with(" c")).count();
    assert_eq!(constraints, program.constraints.len());
    let binary = lp.split("Binary\n").nth(1).expect("a Binary section");
    let declared = binary.lines().filter(|l| l.starts_with(' ')).count();
    assert_eq!(declared, program.vars.iter().filter(|v| v.1).count());
    let best = formulate(&c, &req)
        .expect("valid")
        .cocktail
        .expect("a cocktail");
    let worse = formulate(
        &c,
        &FormulateRequest {
            max_components: 1,
            ..req.clone()
        },
    )
    .expect("valid")
    .cocktail
    .expect("a cocktail");
    assert!(program.value(&best.score) > program.value(&worse.score));
}

/// The search's quick pair rating is the full resolution's, on every pair of the embedded
/// catalog (edges, "do not mix" rules, classes and pH) and of a synthetic one.
#[test]
fn quick_pair_ratings_equal_the_resolution() {
    let synthetic = synthetic::catalog(&Shape::benchmark(60, 5)).expect("valid synthetic catalog");
    let embedded = catalog::embedded().expect("the embedded catalog loads");
    for c in [&embedded, &synthetic] {
        let n = c.ingredients().len();
        for a in 0..n {
            for b in 0..n {
                if a != b {
                    assert_eq!(
                        mesomix::compat::rating(c, a, b),
                        mesomix::compat::resolve(c, a, b).rating,
                        "{} × {}",
                        c.ingredients()[a].id,
                        c.ingredients()[b].id
                    );
                }
            }
        }
    }
}

/// The RON that `examples/synthetic` writes loads as a catalog file, and the exact search finds
/// the same answer on it as on the catalog built in memory.
#[test]
fn synthetic_ron_loads_as_the_same_catalog() {
    for shape in [Shape::benchmark(40, 2), Shape::hostile(30, 4)] {
        let text = synthetic::ron(&shape).expect("serialisable");
        let loaded = catalog::load(&text, "syn.ron").expect("the RON loads and validates");
        let built = synthetic::catalog(&shape).expect("valid synthetic catalog");
        assert_eq!(loaded.ingredients().len(), built.ingredients().len());
        let goals: Vec<String> = (0..12).map(|g| format!("g{g:02}")).collect();
        let goals: Vec<&str> = goals.iter().map(String::as_str).collect();
        let answer = |c: &Catalog| {
            formulate(c, &request(c, &goals, 4, false))
                .expect("valid")
                .cocktail
                .map(|x| (x.ingredients, x.score))
        };
        assert_eq!(answer(&loaded), answer(&built));
    }
}
