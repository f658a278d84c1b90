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
        from: Default::default(),
        amounts: Vec::new(),
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
        // Without a patient or zone, an ingredient is ruled out on its own by its status alone.
        let (usable, blocked) = by_status(&mix);
        prop_assert_eq!(&report.suggestions.blocked_alone, &sorted_by_id(&blocked));
        let needs_fix = !no_blocking_pair(&usable) || !blocked.is_empty();
        prop_assert_eq!(needs_fix && !usable.is_empty(), !remove.is_empty());
        if let Some(first) = remove.first() {
            let size = first.len();
            for set in remove {
                prop_assert_eq!(set.len(), size);
                prop_assert!(blocked.iter().all(|i| set.contains(i)), "{:?} keeps a ruled-out ingredient", set);
                let rest: Vec<usize> = mix.iter().copied().filter(|i| !set.contains(i)).collect();
                prop_assert!(!rest.is_empty());
                prop_assert!(no_blocking_pair(&rest), "removing {:?} leaves a blocking pair", set);
            }
            // Brute force over the usable ingredients: no smaller removal works.
            let n = usable.len();
            for bits in 0u32..(1 << n) {
                if ((bits.count_ones() as usize) + blocked.len()) < size {
                    let rest: Vec<usize> = (0..n).filter(|&k| bits & (1 << k) == 0).map(|k| usable[k]).collect();
                    prop_assert!(!no_blocking_pair(&rest), "a smaller removal exists: keep {:?}", rest);
                }
            }
        }
    }

    #[test]
    fn split_syringes_are_clean_and_fewest(mix in mix_strategy(7)) {
        let report = check(catalog(), &request(mix.clone())).expect("checks");
        let split = &report.suggestions.split;
        let (usable, blocked) = by_status(&mix);
        if split.is_empty() {
            prop_assert!(usable.is_empty() || (blocked.is_empty() && no_blocking_pair(&usable)));
            return Ok(());
        }
        prop_assert!(report.suggestions.split_exact);
        let mut all: Vec<usize> = split.iter().flat_map(|s| s.ingredients.clone()).collect();
        all.sort_unstable();
        let mut expected = usable.clone();
        expected.sort_unstable();
        prop_assert_eq!(all, expected, "every usable ingredient in exactly one syringe");
        for s in split {
            prop_assert!(no_blocking_pair(&s.ingredients));
        }
        // Brute force: no assignment to fewer syringes is clean.
        let k = split.len() - 1;
        let n = usable.len();
        if k >= 1 {
            let total = (k as u64).pow(n as u32);
            for code in 0..total {
                let mut c = code;
                let colour: Vec<usize> = (0..n).map(|_| { let x = (c % k as u64) as usize; c /= k as u64; x }).collect();
                let clean = (0..n).all(|x| (x + 1..n).all(|y| colour[x] != colour[y] || !pair_blocks(usable[x], usable[y])));
                prop_assert!(!clean, "{} syringes would do: {:?}", k, colour);
            }
        }
    }
}

/// `mix` split into the ingredients that are available and those that are not (withdrawn, not
/// injectable, unapproved), each in `mix` order.
fn by_status(mix: &[usize]) -> (Vec<usize>, Vec<usize>) {
    mix.iter().partition(|&&i| {
        matches!(
            catalog().ingredients()[i].status,
            mesomix::catalog::model::Status::Available
        )
    })
}

/// Ingredient indices sorted by id, as `check` lists them.
fn sorted_by_id(list: &[usize]) -> Vec<usize> {
    let mut out = list.to_vec();
    out.sort_by(|&a, &b| {
        catalog().ingredients()[a]
            .id
            .cmp(&catalog().ingredients()[b].id)
    });
    out
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
            let shape = Shape { ingredients: 24, goals: 6, classes: 4, conflict: 0.10, caution: 0.05, performs: None, seed };
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
            formulate(c, req)
                .expect("valid")
                .cocktail
                .and_then(|x| {
                    x.coverage
                        .iter()
                        .find(|cov| cov.goal == goal)
                        .map(|cov| cov.value())
                })
                .unwrap_or(0.0)
        };
        let (heavy_pig, base_pig) = (
            covers(&heavy, g("hyperpigmentation")),
            covers(&base, g("hyperpigmentation")),
        );
        assert!(heavy_pig > 0.0, "a heavy first goal is covered");
        assert!(
            heavy_pig >= base_pig,
            "more weight never covers a goal less"
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
                    Via::Ingredient | Via::Rule | Via::Class => {
                        // A deciding claim with its sources, and it rates the pair.
                        let claim = p.decided_by.and_then(|at| at.get(c));
                        prop_assert!(claim.is_some_and(|cl| !cl.sources.is_empty()
                            && PairRating::from(cl.rating) == p.rating));
                    }
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

/// Every suggestion `check` offers is itself approvable for the same patient and zone, and no
/// suggestion keeps an ingredient that is ruled out on its own.
mod suggestions {
    use super::{catalog, mix_strategy};
    use mesomix::check::{CheckReport, CheckRequest, NoneApprovable, approved, check};
    use mesomix::patient::{Allergen, Patient};
    use proptest::prelude::*;

    /// A few conditions, medications and allergies of the catalog (indices wrapped into range).
    fn patient_strategy() -> impl Strategy<Value = Patient> {
        let picks = || proptest::collection::vec(any::<usize>(), 0..=2);
        (picks(), picks(), picks(), picks()).prop_map(
            |(conditions, medications, kinds, allergens)| {
                let c = catalog();
                let mut patient = Patient {
                    conditions: conditions
                        .iter()
                        .map(|x| x % c.conditions().len())
                        .collect(),
                    medications: medications
                        .iter()
                        .map(|x| x % c.medications().len())
                        .collect(),
                    allergies: kinds
                        .iter()
                        .zip(&allergens)
                        .map(|(kind, x)| match kind % 3 {
                            0 => Allergen::Ingredient(x % c.ingredients().len()),
                            1 => Allergen::Class(x % c.classes().len()),
                            _ => Allergen::Condition(x % c.conditions().len()),
                        })
                        .collect(),
                    ..Patient::default()
                };
                patient.conditions.sort_unstable();
                patient.conditions.dedup();
                patient.medications.sort_unstable();
                patient.medications.dedup();
                patient.allergies.sort_unstable();
                patient.allergies.dedup();
                patient
            },
        )
    }

    /// The report of `mix` checked with `like`'s zone, patient and setting.
    fn recheck(like: &CheckRequest, mix: &[usize]) -> CheckReport {
        let request = CheckRequest {
            mix: mix.to_vec(),
            ..like.clone()
        };
        check(catalog(), &request).expect("a suggested syringe is a valid mix")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

        #[test]
        fn every_suggested_syringe_is_approvable(
            mix in mix_strategy(6).prop_filter("2 to 6 ingredients", |m| m.len() >= 2),
            patient in patient_strategy(),
            zone in proptest::option::of(any::<usize>()),
        ) {
            let request = CheckRequest {
                mix: mix.clone(),
                zone: zone.map(|z| z % catalog().zones().len()),
                patient,
                max_components: 4,
            from: Default::default(),
            amounts: Vec::new(),
            };
            let report = check(catalog(), &request).expect("checks");
            let s = &report.suggestions;
            if approved(report.verdict) {
                prop_assert_eq!(s, &Default::default());
                return Ok(());
            }
            // Ruled out on its own: checked alone, with the same patient and zone, not approved.
            let alone_ok = |i: usize| approved(recheck(&request, &[i]).verdict);
            let ruled_out: Vec<usize> = report.mix.iter().copied().filter(|&i| !alone_ok(i)).collect();
            let usable = report.mix.len() - ruled_out.len();
            let approvable = |syringe: &[usize]| -> Result<(), TestCaseError> {
                prop_assert!(!syringe.is_empty());
                let again = recheck(&request, syringe);
                prop_assert!(approved(again.verdict), "{:?} is {:?}", syringe, again.verdict);
                prop_assert!(syringe.iter().all(|i| !ruled_out.contains(i)), "{:?} keeps one of {:?}", syringe, ruled_out);
                Ok(())
            };
            for set in &s.remove {
                let rest: Vec<usize> = report.mix.iter().copied().filter(|i| !set.contains(i)).collect();
                approvable(&rest)?;
            }
            for syringe in &s.split {
                approvable(&syringe.ingredients)?;
            }
            for alt in &s.alternatives {
                let set = s.remove.iter().find(|set| set.contains(&alt.replaces));
                prop_assert!(set.is_some(), "{:?} replaces what no remove set takes out", alt);
                let mut syringe: Vec<usize> = report.mix.iter().copied().filter(|i| set.is_some_and(|set| !set.contains(i))).collect();
                syringe.push(alt.ingredient);
                approvable(&syringe)?;
            }
            // What is left out everywhere, and saying so when nothing remains.
            if s.none_approvable == Some(NoneApprovable::Session) {
                prop_assert_eq!(usable, 0);
                prop_assert!(s.remove.is_empty() && s.split.is_empty() && s.alternatives.is_empty());
            } else {
                prop_assert_eq!(&s.blocked_alone, &ruled_out);
                prop_assert_eq!(s.none_approvable.is_some(), usable == 0);
                // Something approvable remains: it is offered (a remove set and a split).
                prop_assert_eq!(!s.remove.is_empty(), usable > 0);
                prop_assert_eq!(!s.split.is_empty(), usable > 0);
            }
        }
    }
}

/// Doses (DESIGN §6a): amounts scale linearly with the volumes, and a check never gets better
/// when a volume grows.
mod doses {
    use super::*;
    use mesomix::catalog::Item;
    use mesomix::dose::{ItemAmount, Weight, doses, settle_strength};

    /// Every ingredient and product a volume alone can dose (one known strength, or a
    /// product), as items with their settled strength.
    fn dosable() -> &'static [(Item, Option<mesomix::catalog::model::Strength>)] {
        static ITEMS: OnceLock<Vec<(Item, Option<mesomix::catalog::model::Strength>)>> =
            OnceLock::new();
        ITEMS.get_or_init(|| {
            let c = catalog();
            (0..c.ingredients().len())
                .map(Item::Ingredient)
                .chain((0..c.products().len()).map(Item::Product))
                .filter_map(|item| {
                    let strength = settle_strength(c, item, None).ok()?;
                    // A product without a strength for any active doses nothing.
                    (strength.is_some() || matches!(item, Item::Product(_)))
                        .then_some((item, strength))
                })
                .collect()
        })
    }

    /// Up to four distinct dosable items whose actives do not repeat, with volumes.
    fn mix() -> impl Strategy<Value = Vec<ItemAmount>> {
        let n = dosable().len();
        (
            proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 1..=4),
            proptest::collection::vec(1u32..=400, 4),
        )
            .prop_map(|(picked, tenths)| {
                let mut seen = Vec::new();
                let mut out = Vec::new();
                for (k, &p) in picked.iter().enumerate() {
                    let (item, strength) = dosable()[p];
                    let actives = catalog().actives_of(item);
                    if actives.iter().any(|a| seen.contains(a)) {
                        continue;
                    }
                    seen.extend(actives);
                    out.push(ItemAmount {
                        item,
                        volume_ml: f64::from(tenths[k]) / 10.0,
                        strength,
                    });
                }
                out
            })
    }

    fn check_of(items: &[ItemAmount], weight: Option<Weight>) -> Verdict {
        let mut mix = Vec::new();
        let mut from = std::collections::BTreeMap::new();
        for it in items {
            for a in catalog().actives_of(it.item) {
                mix.push(a);
                if let Item::Product(p) = it.item {
                    from.insert(a, p);
                }
            }
        }
        let request = CheckRequest {
            mix,
            zone: None,
            patient: Patient {
                weight,
                ..Patient::default()
            },
            max_components: 12,
            from,
            amounts: items.to_vec(),
        };
        check(catalog(), &request).expect("a valid mix").verdict
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn amounts_scale_linearly(items in mix(), k in 1u32..=5, kg in proptest::option::of(30u32..=150)) {
            let weight = kg.map(f64::from);
            let base = doses(catalog(), &items, weight, 1);
            let scaled: Vec<ItemAmount> = items
                .iter()
                .map(|it| ItemAmount { volume_ml: it.volume_ml * f64::from(k), ..*it })
                .collect();
            let big = doses(catalog(), &scaled, weight, 1);
            prop_assert_eq!(base.actives.len(), big.actives.len());
            for (a, b) in base.actives.iter().zip(&big.actives) {
                prop_assert_eq!(a.ingredient, b.ingredient);
                let expected = a.amount * f64::from(k);
                prop_assert!((b.amount - expected).abs() <= 1e-9 * expected.max(1.0));
                // Concentrations do not change when every volume scales alike.
                prop_assert!((b.concentration - a.concentration).abs() <= 1e-9 * a.concentration.max(1.0));
            }
        }

        #[test]
        fn a_bigger_volume_never_improves_the_verdict(
            items in mix(),
            which in 0usize..4,
            extra in 1u32..=200,
            kg in proptest::option::of(30u32..=150),
        ) {
            let weight = kg.and_then(|w| Weight::from_kg(f64::from(w)));
            let before = check_of(&items, weight);
            let mut grown = items.clone();
            let i = which % grown.len();
            grown[i].volume_ml += f64::from(extra) / 10.0;
            let after = check_of(&grown, weight);
            prop_assert!(after >= before, "{:?} -> {:?}", before, after);
        }
    }
}
