//! Property tests over random mixes of the real catalog (DESIGN §1 safety rules).

use mesomix::catalog::{self, Catalog};
use mesomix::check::{CheckRequest, Verdict, blocks, check};
use mesomix::compat::{PairRating, resolve};
use mesomix::patient::Patient;
use proptest::prelude::*;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| catalog::embedded().expect("the embedded catalog is valid"))
}

fn mix_strategy(max: usize) -> impl Strategy<Value = Vec<usize>> {
    let n = catalog().ingredients().len();
    proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 1..=max).prop_shuffle()
}

fn request(mix: Vec<usize>) -> CheckRequest {
    CheckRequest {
        mix,
        zone: None,
        patient: Patient::default(),
        max_components: 4,
    }
}

/// Whether the pair of catalog ingredients blocks, as `check` defines it (solo rules included).
fn pair_blocks(a: usize, b: usize) -> bool {
    let solo = |i: usize| {
        catalog().ingredients()[i]
            .solo
            .as_ref()
            .is_some_and(|s| s.rating == mesomix::catalog::model::Rating::Incompatible)
    };
    blocks(resolve(catalog(), a, b).rating) || solo(a) || solo(b)
}

fn no_blocking_pair(set: &[usize]) -> bool {
    set.iter()
        .enumerate()
        .all(|(n, &a)| set[n + 1..].iter().all(|&b| !pair_blocks(a, b)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn verdict_does_not_depend_on_order(mix in mix_strategy(6), seed in any::<u64>()) {
        let first = check(catalog(), &request(mix.clone())).expect("checks");
        let mut shuffled = mix;
        // A deterministic reshuffle from the seed.
        let len = shuffled.len();
        for i in 0..len {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % len as u64) as usize;
            shuffled.swap(i, j);
        }
        let second = check(catalog(), &request(shuffled)).expect("checks");
        prop_assert_eq!(first.verdict, second.verdict);
        prop_assert_eq!(first.mix, second.mix);
        prop_assert_eq!(first.pairs, second.pairs);
        prop_assert_eq!(first.findings, second.findings);
    }

    #[test]
    fn compatible_only_when_every_pair_is(mix in mix_strategy(6)) {
        let report = check(catalog(), &request(mix)).expect("checks");
        if report.verdict == Verdict::Compatible {
            prop_assert!(report.pairs.iter().all(|p| p.rating == PairRating::Compatible));
        }
        // The verdict is never better than the worst pair.
        for p in &report.pairs {
            prop_assert!(report.verdict >= Verdict::from(p.rating));
        }
    }

    #[test]
    fn remove_sets_are_valid_and_smallest(mix in mix_strategy(7)) {
        let report = check(catalog(), &request(mix.clone())).expect("checks");
        let remove = &report.suggestions.remove;
        let needs_fix = !no_blocking_pair(&mix);
        prop_assert_eq!(needs_fix, !remove.is_empty());
        if let Some(first) = remove.first() {
            let size = first.len();
            for set in remove {
                prop_assert_eq!(set.len(), size);
                let rest: Vec<usize> = mix.iter().copied().filter(|i| !set.contains(i)).collect();
                prop_assert!(no_blocking_pair(&rest), "removing {:?} leaves a blocking pair", set);
            }
            // Brute force: no smaller removal works.
            let n = mix.len();
            for bits in 0u32..(1 << n) {
                if (bits.count_ones() as usize) < size {
                    let rest: Vec<usize> = (0..n).filter(|&k| bits & (1 << k) == 0).map(|k| mix[k]).collect();
                    prop_assert!(!no_blocking_pair(&rest), "a smaller removal exists: keep {:?}", rest);
                }
            }
        }
    }

    #[test]
    fn split_syringes_are_clean_and_fewest(mix in mix_strategy(7)) {
        let report = check(catalog(), &request(mix.clone())).expect("checks");
        let split = &report.suggestions.split;
        if split.is_empty() {
            prop_assert!(no_blocking_pair(&mix));
            return Ok(());
        }
        prop_assert!(report.suggestions.split_exact);
        let mut all: Vec<usize> = split.iter().flat_map(|s| s.ingredients.clone()).collect();
        all.sort_unstable();
        let mut expected = mix.clone();
        expected.sort_unstable();
        prop_assert_eq!(all, expected, "every ingredient in exactly one syringe");
        for s in split {
            prop_assert!(no_blocking_pair(&s.ingredients));
        }
        // Brute force: no assignment to fewer syringes is clean.
        let k = split.len() - 1;
        let n = mix.len();
        if k >= 1 {
            let total = (k as u64).pow(n as u32);
            for code in 0..total {
                let mut c = code;
                let colour: Vec<usize> = (0..n).map(|_| { let x = (c % k as u64) as usize; c /= k as u64; x }).collect();
                let clean = (0..n).all(|x| (x + 1..n).all(|y| colour[x] != colour[y] || !pair_blocks(mix[x], mix[y])));
                prop_assert!(!clean, "{} syringes would do: {:?}", k, colour);
            }
        }
    }
}

mod formulation {
    use super::catalog;
    use mesomix::catalog::Catalog;
    use mesomix::catalog::model::Status;
    use mesomix::compat::{PairRating, resolve};
    use mesomix::formulate::{
        FormulateRequest, GoalWeight, default_weights, exclusion_reasons, exhaustive_best,
        formulate,
    };
    use mesomix::patient::Patient;
    use mesomix::synthetic::{self, Shape};
    use proptest::prelude::*;

    /// A random request over `catalog`: 1–4 goals, maybe a zone, some patient conditions.
    fn request(
        catalog: &Catalog,
        picks: &[usize],
        zone: Option<usize>,
        conditions: &[usize],
        caution: bool,
        max: usize,
    ) -> FormulateRequest {
        let mut goals: Vec<usize> = Vec::new();
        for &p in picks {
            let g = p % catalog.goals().len();
            if !goals.contains(&g) {
                goals.push(g);
            }
        }
        let zone = zone
            .filter(|_| !catalog.zones().is_empty())
            .map(|z| z % catalog.zones().len());
        let mut patient = Patient::default();
        for &c in conditions {
            let c = c % catalog.conditions().len();
            // Only ingredient-scoped conditions: the others stop the search before it starts.
            if catalog.conditions()[c].scope == mesomix::catalog::model::Scope::Ingredient
                && !patient.conditions.contains(&c)
            {
                patient.conditions.push(c);
            }
        }
        patient.conditions.sort_unstable();
        FormulateRequest {
            goals: default_weights(&goals),
            zone,
            patient,
            max_components: max,
            require: Vec::new(),
            exclude: Vec::new(),
            allow_caution: caution,
            alternatives: 2,
        }
    }

    fn assert_safe(
        catalog: &Catalog,
        req: &FormulateRequest,
        ids: &[usize],
    ) -> Result<(), TestCaseError> {
        for (n, &a) in ids.iter().enumerate() {
            prop_assert!(
                matches!(catalog.ingredients()[a].status, Status::Available),
                "{} is not available",
                catalog.ingredients()[a].id
            );
            prop_assert!(
                exclusion_reasons(catalog, a, req).is_empty(),
                "{} is ruled out",
                catalog.ingredients()[a].id
            );
            for &b in &ids[n + 1..] {
                let r = resolve(catalog, a, b).rating;
                let allowed =
                    r == PairRating::Compatible || (req.allow_caution && r == PairRating::Caution);
                prop_assert!(
                    allowed,
                    "{} × {} is {:?}",
                    catalog.ingredients()[a].id,
                    catalog.ingredients()[b].id,
                    r
                );
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

        #[test]
        fn real_catalog_optimum_matches_exhaustive_search(
            picks in proptest::collection::vec(0usize..100, 1..=4),
            zone in proptest::option::of(0usize..100),
            conditions in proptest::collection::vec(0usize..100, 0..3),
            caution in any::<bool>(),
            max in 1usize..=4,
        ) {
            let c = catalog();
            let req = request(c, &picks, zone, &conditions, caution, max);
            let found = formulate(c, &req).expect("a valid request");
            let exact = exhaustive_best(c, &req).expect("a valid request");
            prop_assert_eq!(found.cocktail.as_ref().map(|x| (&x.ingredients, x.score)), exact.as_ref().map(|x| (&x.ingredients, x.score)));
            if let Some(cocktail) = &found.cocktail {
                assert_safe(c, &req, &cocktail.ingredients)?;
                for alt in &found.alternatives {
                    assert_safe(c, &req, &alt.ingredients)?;
                    prop_assert!(alt.ingredients != cocktail.ingredients, "alternatives are distinct");
                }
            }
            // The same request gives the same answer.
            let again = formulate(c, &req).expect("a valid request");
            prop_assert_eq!(found.cocktail, again.cocktail);
            prop_assert_eq!(found.alternatives, again.alternatives);
        }

        #[test]
        fn synthetic_catalog_optimum_matches_exhaustive_search(
            seed in any::<u64>(),
            picks in proptest::collection::vec(0usize..100, 1..=5),
            caution in any::<bool>(),
            max in 1usize..=4,
        ) {
            let shape = Shape { ingredients: 24, goals: 6, classes: 4, conflict: 0.10, caution: 0.05, seed };
            let c = synthetic::catalog(&shape).expect("the generator writes valid catalogs");
            let req = request(&c, &picks, None, &[], caution, max);
            let found = formulate(&c, &req).expect("a valid request");
            let exact = exhaustive_best(&c, &req).expect("a valid request");
            prop_assert_eq!(found.cocktail.as_ref().map(|x| (&x.ingredients, x.score)), exact.as_ref().map(|x| (&x.ingredients, x.score)));
            if let Some(cocktail) = &found.cocktail {
                assert_safe(&c, &req, &cocktail.ingredients)?;
            }
        }
    }

    /// Weights given by hand override the positional defaults.
    #[test]
    fn explicit_weights_change_the_priority() {
        let c = catalog();
        let g = |id: &str| c.goal_index(id).expect("goal");
        let face = c.zones().iter().position(|z| z.id == "face");
        let base = FormulateRequest {
            goals: vec![
                GoalWeight {
                    goal: g("hyperpigmentation"),
                    weight: 1,
                },
                GoalWeight {
                    goal: g("rejuvenation"),
                    weight: 1,
                },
            ],
            zone: face,
            patient: Patient::default(),
            max_components: 4,
            require: Vec::new(),
            exclude: Vec::new(),
            allow_caution: false,
            alternatives: 0,
        };
        let heavy = FormulateRequest {
            goals: vec![
                GoalWeight {
                    goal: g("hyperpigmentation"),
                    weight: 10,
                },
                GoalWeight {
                    goal: g("rejuvenation"),
                    weight: 1,
                },
            ],
            ..base.clone()
        };
        let covers = |req: &FormulateRequest, goal: usize| {
            formulate(c, req).expect("valid").cocktail.is_some_and(|x| {
                x.coverage
                    .iter()
                    .any(|cov| cov.goal == goal && cov.efficacy > 0)
            })
        };
        assert!(
            covers(&heavy, g("hyperpigmentation")),
            "a heavy first goal is covered"
        );
    }
}

mod plans {
    use super::catalog;
    use jiff::ToSpan;
    use mesomix::plan::{PlanRequest, plan};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

        /// Session dates strictly increase, every gap respects every applicable minimum
        /// interval, and no count exceeds any applicable maximum.
        #[test]
        fn sessions_respect_every_rule(zone in 0usize..100, picks in proptest::collection::vec(0usize..1000, 0..4), days in 0i64..3000, sessions in proptest::option::of(1u32..30)) {
            let c = catalog();
            let zone = zone % c.zones().len();
            let mut ingredients: Vec<usize> = picks.iter().map(|p| p % c.ingredients().len()).collect();
            ingredients.sort_unstable();
            ingredients.dedup();
            let start = jiff::civil::date(2026, 1, 1).checked_add(days.days()).expect("in range");
            let req = PlanRequest { zone, ingredients: ingredients.clone(), start, sessions, today: None };
            let z = &c.zones()[zone].course;
            let mut max = z.sessions.max;
            let mut min_gap = z.interval_days.min;
            for &i in &ingredients {
                if let Some(limit) = &c.ingredients()[i].course {
                    max = limit.max_sessions.map_or(max, |m| m.min(max));
                    min_gap = limit.min_interval_days.map_or(min_gap, |d| d.max(min_gap));
                }
            }
            match plan(c, &req) {
                Ok(p) => {
                    prop_assert!(p.sessions.len() as u32 <= max);
                    prop_assert!(!p.sessions.is_empty());
                    for pair in p.sessions.windows(2) {
                        prop_assert!(pair[0].date < pair[1].date);
                        let gap = (pair[1].date - pair[0].date).get_days();
                        prop_assert!(gap >= min_gap as i32, "gap {} < {}", gap, min_gap);
                    }
                }
                Err(_) => prop_assert!(sessions.is_some_and(|n| n > max)),
            }
        }
    }
}

mod safety_rules {
    use super::{catalog, mix_strategy, request};
    use mesomix::check::{FindingKind, Verdict, check};
    use mesomix::compat::{PairRating, Via};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

        /// DESIGN §1.2 and §1.3: every rating says where it came from, with sources, and the
        /// verdict is exactly the worst pair or finding.
        #[test]
        fn every_finding_says_why_and_the_verdict_is_the_worst(mix in mix_strategy(6)) {
            let c = catalog();
            let report = check(c, &request(mix)).expect("checks");
            let mut worst = Verdict::Compatible;
            for p in &report.pairs {
                worst = worst.max(Verdict::from(p.rating));
                match p.via {
                    Via::Ingredient | Via::Class => prop_assert!(p.edge.is_some()),
                    Via::Ph => prop_assert!(p.ph.is_some_and(|ph| ph.decides())),
                    Via::None => prop_assert_eq!(p.rating, PairRating::Unknown),
                }
                if p.rating == PairRating::Unknown {
                    prop_assert_eq!(p.via, Via::None, "no data is never rated");
                }
            }
            for f in &report.findings {
                if let Some(v) = f.severity.verdict() {
                    worst = worst.max(v);
                }
                // A setting is not a source; everything else cites one.
                if !matches!(f.kind, FindingKind::TooManyComponents { .. } | FindingKind::Allergy { .. }) {
                    prop_assert!(!f.sources.is_empty(), "{:?} has no source", f.kind);
                }
            }
            prop_assert_eq!(report.verdict, worst);
        }
    }
}
