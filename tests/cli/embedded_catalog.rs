//! The embedded catalog against the facts it was built from (shared/domain/FACTS.md).

use mesomix::catalog::model::{Evidence, Rating, Scope, Status};
use mesomix::catalog::{self, Catalog, Kind};
use mesomix::compat::{PairRating, Via, resolve};

use crate::support::Test;

fn catalog() -> Catalog {
    catalog::embedded()
        .unwrap_or_else(|e| panic!("the embedded catalog is valid: {:?}", e.diagnostics))
}

fn index(catalog: &Catalog, id: &str) -> usize {
    catalog
        .ingredient_index(id)
        .unwrap_or_else(|| panic!("ingredient `{id}` is in the catalog"))
}

#[test]
fn is_valid_sorted_and_complete() {
    let c = catalog();
    let ids: Vec<&str> = c.ingredients().iter().map(|i| i.id.as_ref()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "ingredients are sorted by id");
    assert!(ids.len() >= 30);
    // Every ingredient FACTS §1 describes.
    for id in [
        "aminophylline",
        "artichoke",
        "ascorbic_acid",
        "buflomedil",
        "caffeine",
        "collagen",
        "collagenase",
        "cyanocobalamin",
        "deoxycholic_acid",
        "dexpanthenol",
        "dmae",
        "dutasteride",
        "ginkgo",
        "glutathione",
        "hyaluronic_acid",
        "hyaluronidase",
        "l_carnitine",
        "lidocaine",
        "melilotus",
        "minoxidil",
        "organic_silicon",
        "pdrn",
        "phosphatidylcholine_deoxycholate",
        "procaine",
        "thiamine",
        "tranexamic_acid",
        "troxerutin",
        "vitamin_e",
        "yohimbine",
    ] {
        index(&c, id);
    }
}

#[test]
fn has_the_vocabularies_design_names() {
    let c = catalog();
    let has = |ids: Vec<&str>, want: &[&str]| {
        for w in want {
            assert!(ids.contains(w), "`{w}` is defined");
        }
    };
    has(
        c.classes().iter().map(|x| x.id.as_ref()).collect(),
        &[
            "lipolytic",
            "enzyme",
            "vascular",
            "vitamin",
            "hyaluronic_acid",
            "matrix",
            "anesthetic",
            "depigmenting",
            "hair",
        ],
    );
    has(
        c.goals().iter().map(|x| x.id.as_ref()).collect(),
        &[
            "local_fat",
            "cellulite",
            "skin_laxity",
            "stretch_marks",
            "scars",
            "rejuvenation",
            "hydration",
            "hyperpigmentation",
            "hair_loss",
            "lymphatic_drainage",
            "rosacea",
            "acne",
        ],
    );
    has(
        c.zones().iter().map(|x| x.id.as_ref()).collect(),
        &[
            "face",
            "neck",
            "decollete",
            "scalp",
            "submental",
            "arms",
            "abdomen",
            "flanks",
            "thighs",
            "buttocks",
        ],
    );
    has(
        c.medications().iter().map(|x| x.id.as_ref()).collect(),
        &[
            "anticoagulant",
            "antiplatelet",
            "maoi",
            "snri_tca",
            "antihypertensive",
            "sulfonamide",
            "furosemide",
            "benzodiazepine",
            "phenytoin",
            "heparin",
        ],
    );
}

/// FACTS §2, pair by pair: the rating the catalog must give.
#[test]
fn pairwise_facts_hold() {
    let c = catalog();
    use PairRating::*;
    let expected = [
        ("hyaluronidase", "hyaluronic_acid", Incompatible),
        ("collagenase", "collagen", Incompatible),
        ("collagenase", "zinc", Incompatible),
        ("collagenase", "copper", Incompatible),
        // The CCH label solo rule (FACTS-pairs §10.1) outranks the inferred pH caution.
        ("collagenase", "thiamine", Incompatible),
        ("hyaluronidase", "zinc", Caution),
        ("hyaluronidase", "troxerutin", Caution),
        ("hyaluronidase", "lidocaine", Caution),
        ("hyaluronidase", "procaine", Caution),
        ("hyaluronidase", "sodium_chloride", Compatible),
        (
            "phosphatidylcholine_deoxycholate",
            "ascorbic_acid",
            Incompatible,
        ),
        (
            "phosphatidylcholine_deoxycholate",
            "lidocaine",
            Incompatible,
        ),
        ("phosphatidylcholine_deoxycholate", "thiamine", Incompatible),
        (
            "phosphatidylcholine_deoxycholate",
            "organic_silicon",
            Incompatible,
        ),
        (
            "phosphatidylcholine_deoxycholate",
            "cyanocobalamin",
            Incompatible,
        ),
        ("deoxycholic_acid", "ascorbic_acid", Incompatible),
        ("aminophylline", "ascorbic_acid", Incompatible),
        ("aminophylline", "lidocaine", Incompatible),
        ("aminophylline", "thiamine", Incompatible),
        ("aminophylline", "cyanocobalamin", Incompatible),
        ("aminophylline", "l_carnitine", Incompatible),
        ("aminophylline", "caffeine", Incompatible),
        ("lidocaine", "sodium_bicarbonate", Caution),
        ("ascorbic_acid", "cyanocobalamin", Incompatible),
        ("ascorbic_acid", "copper", Incompatible),
        ("ascorbic_acid", "hyaluronic_acid", Caution),
        ("caffeine", "lidocaine", Caution),
        ("caffeine", "procaine", Caution),
        ("yohimbine", "lidocaine", Caution),
        ("hyaluronic_acid", "pdrn", Compatible),
        ("hyaluronic_acid", "amino_acids", Compatible),
        ("hyaluronic_acid", "lidocaine", Compatible),
        ("dutasteride", "dexpanthenol", Compatible),
    ];
    for (a, b, want) in expected {
        let (ia, ib) = (index(&c, a), index(&c, b));
        let forward = resolve(&c, ia, ib);
        let backward = resolve(&c, ib, ia);
        assert_eq!(forward.rating, want, "{a} × {b}");
        assert_eq!(backward.rating, want, "{b} × {a}: edges are undirected");
        assert!(forward.via != Via::None);
    }
}

#[test]
fn no_data_is_unknown_never_compatible() {
    let c = catalog();
    // FACTS has nothing on minoxidil with tranexamic acid, and neither has a sourced pH.
    let r = resolve(&c, index(&c, "minoxidil"), index(&c, "tranexamic_acid"));
    assert_eq!(r.rating, PairRating::Unknown);
    assert_eq!(r.via, Via::None);
}

#[test]
fn ingredient_edges_override_class_edges() {
    let c = catalog();
    // Hyaluronic acid × vitamins is compatible at class level (NCTF), but vitamin C's own edge
    // with hyaluronic acid (oxidative depolymerisation) is a caution and wins.
    let (ha, vc) = (index(&c, "hyaluronic_acid"), index(&c, "ascorbic_acid"));
    let r = resolve(&c, ha, vc);
    assert_eq!(r.via, Via::Ingredient);
    assert_eq!(r.rating, PairRating::Caution);
    let class_edge = r
        .class_edge
        .expect("the class edge is still visible to explain");
    assert_eq!(class_edge.rating, Rating::Compatible);
}

#[test]
fn statuses_keep_unusable_ingredients_out() {
    let c = catalog();
    let status = |id| &c.ingredients()[index(&c, id)].status;
    assert!(matches!(status("buflomedil"), Status::Withdrawn { .. }));
    assert!(matches!(status("vitamin_e"), Status::NotInjectable { .. }));
    assert!(matches!(status("glutathione"), Status::Unapproved { .. }));
    // No injectable ginkgo product was found.
    assert!(!matches!(status("ginkgo"), Status::Available));
}

#[test]
fn solo_rules_and_course_limits() {
    let c = catalog();
    for id in [
        "aminophylline",
        "phosphatidylcholine_deoxycholate",
        "deoxycholic_acid",
    ] {
        assert!(
            c.ingredients()[index(&c, id)].solo.is_some(),
            "{id} is not to be mixed"
        );
    }
    let kybella = c.ingredients()[index(&c, "deoxycholic_acid")]
        .course
        .as_ref()
        .expect("Kybella's course");
    assert_eq!(kybella.max_sessions, Some(6));
    assert_eq!(kybella.min_interval_days, Some(28));
}

#[test]
fn conditions_have_the_right_scope() {
    let c = catalog();
    let scope = |name: &str| c.conditions()[c.find(Kind::Condition, name).expect(name)].scope;
    assert_eq!(scope("pregnancy"), Scope::Absolute);
    assert_eq!(scope("breastfeeding"), Scope::Absolute);
    assert_eq!(scope("menstruation"), Scope::Postpone);
    assert_eq!(scope("herpes_flare"), Scope::Postpone);
    assert_eq!(scope("gallstones"), Scope::Ingredient);
    let artichoke = &c.ingredients()[index(&c, "artichoke")];
    assert!(
        artichoke
            .contraindications
            .iter()
            .any(|x| x.condition == "cholelithiasis" && x.rating == Rating::Incompatible),
        "gallstones rule out artichoke"
    );
}

/// Brand names are branded products now (issue 13), not aliases of their active.
#[test]
fn brand_names_find_products() {
    let c = catalog();
    for (brand, product, active) in [
        ("Kybella", "kybella", "deoxycholic_acid"),
        ("Lidase", "lidase", "hyaluronidase"),
        ("лидаза", "lidase", "hyaluronidase"),
        ("Hylenex", "hylenex_recombinant", "hyaluronidase"),
        ("Профайло", "profhilo", "hyaluronic_acid"),
    ] {
        let item = c
            .find_item(brand)
            .unwrap_or_else(|e| panic!("{brand}: {e}"));
        let catalog::Item::Product(p) = item else {
            panic!("{brand} finds an ingredient, not a product");
        };
        assert_eq!(c.products()[p].id, product, "{brand}");
        let actives: Vec<&str> = c
            .actives_of(item)
            .iter()
            .map(|&i| c.ingredients()[i].id.as_ref())
            .collect();
        assert!(actives.contains(&active), "{brand}: {actives:?}");
    }
}

#[test]
fn aliases_practitioners_use_resolve() {
    let c = catalog();
    for (alias, id) in [
        ("Lipostabil", "phosphatidylcholine_deoxycholate"),
        ("Conjonctyl", "organic_silicon"),
        ("Carnitor", "l_carnitine"),
        ("vitamin C", "ascorbic_acid"),
        ("vitamin-c", "ascorbic_acid"),
    ] {
        let i = c
            .find(Kind::Ingredient, alias)
            .unwrap_or_else(|e| panic!("{alias}: {e}"));
        assert_eq!(c.ingredients()[i].id, id, "{alias}");
    }
}

/// Efficacy 3 means an approved indication or a controlled trial by local injection: never
/// from weak sources.
#[test]
fn top_efficacy_needs_strong_evidence() {
    let c = catalog();
    let claims = c
        .ingredients()
        .iter()
        .flat_map(|i| i.actions.iter().map(move |a| (&i.id, a)))
        .chain(
            c.products()
                .iter()
                .flat_map(|p| p.actions.iter().map(move |a| (&p.id, a))),
        );
    let mut threes = 0;
    for (owner, a) in claims {
        if a.efficacy == 3 {
            threes += 1;
            assert!(
                matches!(a.evidence, Evidence::Label | Evidence::Peer),
                "{owner} {}: efficacy 3 from {:?}",
                a.action,
                a.evidence
            );
        }
    }
    assert!(threes > 0, "the catalog rates some action 3");
}

/// Every goal works through actions whose shares the catalog states, and no goal names an
/// enabling action; every action a goal names is performed by some ingredient or not (acne's
/// antibacterial and keratinisation actions have no injectable performer in FACTS-actions).
#[test]
fn every_goal_works_through_actions() {
    let c = catalog();
    for goal in c.goals() {
        assert!(!goal.actions.is_empty(), "{} has no action", goal.id);
        assert!(
            goal.share_note.is_some(),
            "{} does not say how shares were set",
            goal.id
        );
    }
    let performed = |action: &str| {
        c.ingredients()
            .iter()
            .any(|i| i.actions.iter().any(|a| a.action == action))
    };
    let acne = c.goals().iter().find(|g| g.id == "acne").expect("acne");
    let unperformed: Vec<&str> = acne
        .actions
        .iter()
        .map(|a| a.action.as_ref())
        .filter(|a| !performed(a))
        .collect();
    assert_eq!(unperformed, ["antibacterial", "keratinisation"]);
}

/// FACTS lists no injectable mesotherapy dose for these: the catalog must not state one.
#[test]
fn nothing_not_found_is_stated() {
    let c = catalog();
    for id in [
        "caffeine",
        "yohimbine",
        "l_carnitine",
        "artichoke",
        "ginkgo",
    ] {
        assert!(
            c.ingredients()[index(&c, id)].session_limit.is_none(),
            "{id} has no sourced per-session dose"
        );
    }
}

/// The pre-validated form `build.rs` stores is the same catalog as the RON text.
#[test]
fn build_time_form_matches_the_ron_text() {
    let fast = catalog();
    let slow = catalog::load(catalog::EMBEDDED, catalog::EMBEDDED_ORIGIN).expect("valid");
    assert_eq!(fast.sha256(), slow.sha256());
    let as_json = |c: &Catalog| serde_json::to_string(c.file()).expect("serialises");
    assert_eq!(as_json(&fast), as_json(&slow));
}

/// Every edge claim (the edge's own and each `also`) and every solo rule cites a source, and
/// every claim graded `inference` says so in both languages: the English note names it an
/// "inference" and the Russian note a "вывод", each naming the facts it combines.
#[test]
fn every_claim_is_sourced_and_inferences_say_so() {
    let c = catalog();
    let file = c.file();
    let mut problems = Vec::new();
    let mut check = |what: String,
                     evidence: Evidence,
                     sources: &[mesomix::catalog::model::Str],
                     en: &str,
                     ru: &str| {
        if sources.is_empty() {
            problems.push(format!("{what}: no source"));
        }
        if evidence == Evidence::Inference
            && !(en.to_lowercase().contains("inference") && ru.to_lowercase().contains("вывод"))
        {
            problems.push(format!(
                "{what}: an inference whose note does not say so (en 'inference', ru 'вывод')"
            ));
        }
    };
    for e in file.edges.iter().chain(&file.class_edges) {
        let pair = format!("{} × {}", e.a, e.b);
        check(pair.clone(), e.evidence, &e.sources, &e.note.en, &e.note.ru);
        for (i, claim) in e.also.iter().enumerate() {
            check(
                format!("{pair}, also #{i}"),
                claim.evidence,
                &claim.sources,
                &claim.note.en,
                &claim.note.ru,
            );
        }
    }
    for ingredient in c.ingredients() {
        if let Some(solo) = &ingredient.solo {
            check(
                format!("solo rule of {}", ingredient.id),
                solo.evidence,
                &solo.sources,
                &solo.note.en,
                &solo.note.ru,
            );
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// FACTS-pairs.md: the solo rules the sheet relies on exist, with their label sources.
#[test]
fn facts_pairs_solo_rules_and_ratings() {
    let c = catalog();
    let solo = |id| c.ingredients()[index(&c, id)].solo.as_ref();
    let cch = solo("collagenase").expect("the CCH label solo rule (FACTS-pairs §10.1)");
    assert_eq!(cch.evidence, Evidence::Label);
    assert!(cch.sources.iter().any(|s| s == "r161_xiapex_ch"));
    assert_eq!(solo("procaine").expect("Hewedolor").rating, Rating::Caution);
    use PairRating::*;
    for (a, b, want) in [
        ("hyaluronidase", "lidocaine_epinephrine", Incompatible),
        ("thiamine", "lidocaine_epinephrine", Incompatible),
        (
            "phosphatidylcholine_deoxycholate",
            "l_carnitine",
            Incompatible,
        ),
        (
            "phosphatidylcholine_deoxycholate",
            "deoxycholic_acid",
            Incompatible,
        ),
        ("aminophylline", "organic_silicon", Incompatible),
        ("collagenase", "caffeine", Incompatible),
        ("collagenase", "lidocaine", Incompatible),
        ("collagenase", "water_for_injection", Incompatible),
        ("tranexamic_acid", "lidocaine_epinephrine", Caution),
        ("hyaluronic_acid", "dmae", Caution),
        ("organic_silicon", "dmae", Caution),
        ("dmae", "thiamine", Incompatible),
        ("lidocaine", "cyanocobalamin", Caution),
        ("ascorbic_acid", "thiamine", Caution),
        ("riboflavin", "thiamine", Caution),
        ("thiamine", "cyanocobalamin", Compatible),
        ("pyridoxine", "cyanocobalamin", Compatible),
        ("ascorbic_acid", "cyanocobalamin", Incompatible),
        ("hyaluronic_acid", "tranexamic_acid", Compatible),
        ("tranexamic_acid", "sodium_chloride", Compatible),
        ("hyaluronidase", "water_for_injection", Compatible),
        ("caffeine", "hyaluronic_acid", Unknown),
        ("l_carnitine", "caffeine", Unknown),
        ("organic_silicon", "lidocaine", Unknown),
        ("ascorbic_acid", "lidocaine", Unknown),
    ] {
        assert_eq!(
            resolve(&c, index(&c, a), index(&c, b)).rating,
            want,
            "{a} × {b}"
        );
    }
    // Deoxycholic acid × plain lidocaine: caution up to 1 mL per 2 mL with the stricter claim
    // beyond it; the Kybella label solo rule still decides the pair.
    let dca = resolve(&c, index(&c, "deoxycholic_acid"), index(&c, "lidocaine"));
    let edge = dca.ingredient_edge.expect("the ratio-limited edge");
    assert_eq!(edge.rating, Rating::Caution);
    assert!(edge.condition.is_some());
    assert!(edge.also.iter().any(|a| a.rating == Rating::Incompatible));
    assert_eq!(dca.rating, Incompatible);
}

/// The 15-active practice core (issue 13): how many of its 105 pairs the catalog rates, and the
/// share of all ingredient pairs that stay unknown.
#[test]
fn practice_core_coverage() {
    let c = catalog();
    let core = [
        "phosphatidylcholine_deoxycholate",
        "deoxycholic_acid",
        "l_carnitine",
        "caffeine",
        "aminophylline",
        "hyaluronidase",
        "collagenase",
        "troxerutin",
        "artichoke",
        "ascorbic_acid",
        "cyanocobalamin",
        "hyaluronic_acid",
        "organic_silicon",
        "dmae",
        "lidocaine",
    ]
    .map(|id| index(&c, id));
    let core = mesomix::compat::coverage(&c, Some(&core));
    assert_eq!(core.pairs, 105);
    assert_eq!(core.rated, CORE_RATED, "rated pairs of the practice core");
    let all = mesomix::compat::coverage(&c, None);
    assert_eq!(
        (all.pairs - all.rated, all.pairs),
        ALL_UNKNOWN,
        "unknown pairs of all ingredient pairs"
    );
    // README's figure is this measurement, not a number typed by hand.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let sentence = format!("{CORE_RATED} of the 105 pairs among the 15 practice-core actives");
    assert!(readme.contains(&sentence), "README must say: {sentence}");
}

/// Measured on the embedded catalog (issue 13); update with README when the catalog changes.
const CORE_RATED: usize = 68;
/// Unknown pairs of all ingredient pairs.
const ALL_UNKNOWN: (usize, usize) = (804, 1128);

/// Issue 13 item 6: the everyday names people type (Russian and English, Cyrillic and Latin
/// vitamin letters, common spellings) find the ingredient through `Catalog::find`.
#[test]
fn everyday_names_resolve() {
    let c = catalog();
    for (name, id) in [
        ("гиалуроновая кислота", "hyaluronic_acid"),
        ("гиалуронка", "hyaluronic_acid"),
        ("hyaluronic", "hyaluronic_acid"),
        ("HA", "hyaluronic_acid"),
        ("лидокаин", "lidocaine"),
        ("Лидокаин", "lidocaine"),
        ("лидокаин с адреналином", "lidocaine_epinephrine"),
        ("витамин С", "ascorbic_acid"), // Cyrillic С
        ("витамин C", "ascorbic_acid"), // Latin C
        ("vit c", "ascorbic_acid"),
        ("vitamin-c", "ascorbic_acid"),
        ("аскорбиновая кислота", "ascorbic_acid"),
        ("аскорбинка", "ascorbic_acid"),
        ("новокаин", "procaine"),
        ("эуфиллин", "aminophylline"),
        ("аминофиллин", "aminophylline"),
        ("витамин В12", "cyanocobalamin"), // Cyrillic В
        ("витамин б12", "cyanocobalamin"),
        ("цианокобаламин", "cyanocobalamin"),
        ("тиамин", "thiamine"),
        ("витамин в1", "thiamine"),
        ("пиридоксин", "pyridoxine"),
        ("органический кремний", "organic_silicon"),
        ("л-карнитин", "l_carnitine"),
        ("L-карнитин", "l_carnitine"),
        ("физраствор", "sodium_chloride"),
        ("дезоксихолат", "deoxycholic_acid"),
        ("транексамовая кислота", "tranexamic_acid"),
        ("витамин е", "vitamin_e"), // Cyrillic е
        ("витамин e", "vitamin_e"), // Latin e
        // The new actives (FACTS-products.md §B).
        ("бупивакаин", "bupivacaine"),
        ("Marcaine", "bupivacaine"),
        ("фолиевая кислота", "folic_acid"),
        ("vitamin B9", "folic_acid"),
        ("никотинамид", "niacinamide"),
        ("nicotinamide", "niacinamide"),
        ("витамин РР", "niacinamide"), // Cyrillic Р
        ("альфа-липоевая кислота", "lipoic_acid"),
        ("thioctic acid", "lipoic_acid"),
        ("ретинол", "vitamin_a"),
        ("витамин А", "vitamin_a"), // Cyrillic А
        ("retinyl palmitate", "vitamin_a"),
        ("липаза", "lipase"),
        ("идебенон", "idebenone"),
    ] {
        let i = c
            .find(Kind::Ingredient, name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(c.ingredients()[i].id, id, "{name}");
    }
}

/// Issue 13 item 4: patient rules of FACTS-patient-doses.md §2 end to end.
#[test]
fn patient_rules_end_to_end() {
    let verdict = |args: &[&str], code: i32| {
        let run = Test::new()
            .args(["check"])
            .args(args)
            .args(["--format", "json"])
            .status(code);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let kinds: Vec<String> = value["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["kind"].as_str().unwrap_or_default().to_owned())
            .collect();
        (
            value["verdict"].as_str().expect("verdict").to_owned(),
            kinds,
        )
    };
    // Local anaesthetics x methaemoglobinaemia risk: relative (the physician's clearance).
    for anaesthetic in [
        "lidocaine",
        "bupivacaine",
        "procaine",
        "lidocaine_epinephrine",
    ] {
        for condition in [
            "g6pd_deficiency",
            "methaemoglobinaemia",
            "infant_under_6_months",
        ] {
            let (v, kinds) = verdict(&[anaesthetic, "--condition", condition], 1);
            assert_eq!(v, "incompatible", "{anaesthetic} {condition}");
            assert!(
                kinds.iter().any(|k| k == "needs_clearance"),
                "{anaesthetic} {condition}"
            );
            let (v, kinds) = verdict(
                &[
                    anaesthetic,
                    "--condition",
                    condition,
                    "--cleared",
                    condition,
                ],
                0,
            );
            assert_eq!(v, "caution", "{anaesthetic} {condition} cleared");
            assert!(kinds.iter().any(|k| k == "cleared"));
        }
    }
    let (v, _) = verdict(
        &["lidocaine", "--condition", "g6pd", "--cleared", "g6pd"],
        0,
    );
    assert_eq!(v, "caution");
    // Yohimbine: MAOIs absolute; tricyclics, SNRIs and atomoxetine relative.
    let (v, kinds) = verdict(&["yohimbine", "--medication", "phenelzine"], 1);
    assert_eq!(v, "incompatible");
    assert!(!kinds.iter().any(|k| k == "needs_clearance"));
    let (v, _) = verdict(
        &[
            "yohimbine",
            "--medication",
            "phenelzine",
            "--cleared",
            "maoi",
        ],
        1,
    );
    assert_eq!(v, "incompatible", "an absolute rule cannot be cleared");
    let (v, kinds) = verdict(&["yohimbine", "--medication", "venlafaxine"], 1);
    assert_eq!(v, "incompatible");
    assert!(kinds.iter().any(|k| k == "needs_clearance"));
    let (v, _) = verdict(
        &[
            "yohimbine",
            "--medication",
            "atomoxetine",
            "--cleared",
            "atomoxetine",
        ],
        0,
    );
    assert_eq!(v, "caution");
    // Epinephrine-containing anaesthetic: MAOIs and non-selective beta-blockers relative,
    // ergot-type oxytocics absolute; plain lidocaine is not affected.
    let (_, kinds) = verdict(&["lidocaine_epinephrine", "--medication", "propranolol"], 1);
    assert!(kinds.iter().any(|k| k == "needs_clearance"));
    let (v, _) = verdict(&["lidocaine", "--medication", "propranolol"], 0);
    assert_ne!(v, "incompatible");
    let (v, _) = verdict(
        &["lidocaine_epinephrine", "--medication", "methylergonovine"],
        1,
    );
    assert_eq!(v, "incompatible");
    // Sulfite allergy: the products that contain a sulfite, not plain lidocaine.
    for carrier in ["lidocaine_epinephrine", "procaine", "bupivacaine"] {
        let (v, kinds) = verdict(&[carrier, "--allergy", "sulfite allergy"], 1);
        assert_eq!(v, "incompatible", "{carrier}");
        assert!(
            kinds.iter().any(|k| k == "component"),
            "{carrier}: {kinds:?}"
        );
    }
    let (v, _) = verdict(&["lidocaine", "--allergy", "sulfite allergy"], 0);
    assert_ne!(v, "incompatible");
    // Dutasteride: women who may become pregnant.
    let (v, _) = verdict(&["dutasteride", "--condition", "planning pregnancy"], 1);
    assert_eq!(v, "incompatible");
    // Tranexamic acid: thrombosis history absolute; the pill and mild renal impairment relative.
    let (v, _) = verdict(
        &["tranexamic_acid", "--condition", "history of thrombosis"],
        1,
    );
    assert_eq!(v, "incompatible");
    for (flag, name) in [
        ("--medication", "oral contraceptive"),
        ("--condition", "mild renal impairment"),
    ] {
        let (_, kinds) = verdict(&["tranexamic_acid", flag, name], 1);
        assert!(kinds.iter().any(|k| k == "needs_clearance"), "{name}");
        let (v, _) = verdict(&["tranexamic_acid", flag, name, "--cleared", name], 0);
        assert_eq!(v, "caution", "{name} cleared");
    }
    // Aminophylline: fluvoxamine, ciprofloxacin and theophylline already taken are relative;
    // cimetidine stays a caution.
    for drug in ["fluvoxamine", "ciprofloxacin", "oral theophylline"] {
        let (_, kinds) = verdict(&["aminophylline", "--medication", drug], 1);
        assert!(kinds.iter().any(|k| k == "needs_clearance"), "{drug}");
    }
    let (v, _) = verdict(&["aminophylline", "--medication", "cimetidine"], 0);
    assert_eq!(v, "caution");
}

/// Issue 13 item 5: Qwo was discontinued by its maker, not withdrawn by a regulator; it stays
/// out of formulations.
#[test]
fn collagenase_is_discontinued_not_withdrawn() {
    let c = catalog();
    match &c.ingredients()[index(&c, "collagenase")].status {
        Status::Unapproved { note, .. } => {
            assert!(note.en.contains("discontinued by its maker (Endo) in 2022"));
            assert!(note.en.contains("not a regulatory withdrawal"));
        }
        other => panic!("collagenase status {other:?}"),
    }
}
