//! One syringe → [`CheckReport`]: every pair resolved, mix-level and patient findings, the
//! verdict (the worst finding) and, when it is not approved, the smallest fixes.
//!
//! This module holds the types, [`check`] and the verdict; `findings` the mix and patient
//! findings; `suggest` the fixes (remove sets, split syringes, alternatives) and the graph
//! algorithms behind them. Everything public is re-exported here, at `crate::check::X`.

#![warn(missing_docs)]

mod findings;
mod suggest;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Rating};
use crate::compat::{ClaimAt, PairRating, PhInference, Via, resolve_items};
use crate::patient::{Allergen, Patient};

pub use findings::{allowed_in_zone, eligible, ingredient_patient_findings, session_findings};
pub use suggest::{exact_colouring, goals_served, minimum_vertex_covers};

use findings::{mix_findings, patient_findings};

/// The default `--max-components`: a setting, not a sourced fact (FACTS found no such rule).
pub const DEFAULT_MAX_COMPONENTS: usize = 4;

/// `remove` suggestions are computed (exactly) up to this many ingredients in the mix.
pub const EXACT_REMOVE_LIMIT: usize = 16;

/// Exact colouring is used up to this many ingredients; beyond it, DSatur (not proven optimal).
pub const EXACT_SPLIT_LIMIT: usize = 12;

// Doc comments on `Verdict` and `Severity` and their variants are published as descriptions in
// the JSON Schema (schemars), so their variants are explained in plain comments instead.
/// The verdict of a check, in order of severity.
#[allow(missing_docs)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    // Every pair compatible, no finding above `info`.
    Compatible,
    // Nothing blocks, but a pair or finding calls for caution.
    Caution,
    // A pair without data (worse than caution: no data is not "compatible").
    Unknown,
    // An incompatible pair or finding.
    Incompatible,
    // The patient should come back later (a postpone condition).
    Postpone,
    // No session for this patient (an absolute or zone condition).
    Refused,
}

impl From<PairRating> for Verdict {
    fn from(r: PairRating) -> Verdict {
        match r {
            PairRating::Compatible => Verdict::Compatible,
            PairRating::Caution => Verdict::Caution,
            PairRating::Unknown => Verdict::Unknown,
            PairRating::Incompatible => Verdict::Incompatible,
        }
    }
}

impl From<Rating> for Verdict {
    fn from(r: Rating) -> Verdict {
        PairRating::from(r).into()
    }
}

/// How much a finding weighs: `info` is there to be read and does not change the verdict.
#[allow(missing_docs)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Caution,
    Incompatible,
    Postpone,
    Refused,
}

impl Severity {
    /// The verdict this severity raises a check to at least; `None` for `info`, which never
    /// changes the verdict.
    pub fn verdict(self) -> Option<Verdict> {
        match self {
            Severity::Info => None,
            Severity::Caution => Some(Verdict::Caution),
            Severity::Incompatible => Some(Verdict::Incompatible),
            Severity::Postpone => Some(Verdict::Postpone),
            Severity::Refused => Some(Verdict::Refused),
        }
    }
}

impl From<Rating> for Severity {
    fn from(r: Rating) -> Severity {
        match r {
            // A contraindication or interaction is never "compatible" (validation); if one
            // ever were, it still deserves to be read.
            Rating::Compatible => Severity::Info,
            Rating::Caution => Severity::Caution,
            Rating::Incompatible => Severity::Incompatible,
        }
    }
}

/// What a finding is about. Indices point into the catalog: `ingredient`, `condition`,
/// `medication` and `zone` into its lists, `contraindication` and `interaction` into the
/// ingredient's own lists. The order of the variants is the order findings of one severity are
/// listed in.
#[allow(missing_docs)] // the fields, named for what they index, are described above
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    /// The ingredient is withdrawn, not injectable or unapproved.
    Status { ingredient: usize },
    /// A "do not mix" ingredient shares the syringe with others.
    Solo { ingredient: usize },
    /// More components than the request's `max_components` setting.
    TooManyComponents { count: usize, max: usize },
    /// The ingredient has a sourced per-session limit.
    SessionLimit { ingredient: usize },
    /// The ingredient is not for this zone.
    NotInZone { ingredient: usize, zone: usize },
    /// A patient condition that acts on the whole session (absolute, postpone, zone).
    Condition { condition: usize },
    /// A patient condition named by an ingredient's contraindications.
    Contraindication {
        ingredient: usize,
        condition: usize,
        contraindication: usize,
    },
    /// The patient is allergic to the ingredient (directly, by class or by allergy condition).
    Allergy {
        ingredient: usize,
        allergen: Allergen,
    },
    /// A medication's warning for any session.
    MedicationGeneral { medication: usize },
    /// A component of an ingredient or product (an allergen such as metabisulfite) rules the
    /// carrier out for a condition the patient has.
    ComponentCondition { of: ComponentOf, condition: usize },
    /// A product's maker says not to mix it with other drugs, and the mix holds others.
    ProductSolo { product: usize },
    /// A medication's interaction with one ingredient.
    Interaction {
        ingredient: usize,
        medication: usize,
        interaction: usize,
    },
    /// An active's total goes past one of its dose limits, or the limit is per kilogram and no
    /// weight was given. Amounts in thousandths of the limit's unit, weight in tenths of a kg.
    DoseLimit {
        ingredient: usize,
        limit: usize,
        total_milli: u64,
        applied_milli: Option<u64>,
        weight_tenths: Option<u32>,
    },
    /// Two or more local anaesthetics add up past their joint maximum (Σ fractions, in
    /// thousandths), or one of them needs a weight to be counted.
    AnaestheticSum { total_milli: u64, unweighed: usize },
}

/// One thing the practitioner must read about a mix or the patient, with what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What the finding is about.
    pub kind: FindingKind,
    /// How much it weighs; the verdict is at least its [`Severity::verdict`].
    pub severity: Severity,
    /// The grade of the catalog claim it comes from; `None` when it comes from no graded claim
    /// (status, too many components, allergies).
    pub evidence: Option<Evidence>,
    /// Ids of the catalog sources of that claim (empty for a setting or an allergy).
    pub sources: Vec<String>,
    /// For a relative contraindication: whether the prescriber's clearance is still needed
    /// (the finding blocks) or was recorded with `--cleared` (a caution); `None` otherwise.
    pub clearance: Option<Clearance>,
    /// Set when the finding is about a substance inside an ingredient (or product) rather than
    /// the ingredient itself: which ingredient carries it, and which of its components.
    pub component: Option<ComponentOf>,
}

/// A component of a mix item: `components[index]` of the carrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ComponentOf {
    /// The ingredient or product that contains it.
    pub carrier: Carrier,
    /// Its index in the carrier's components.
    pub index: usize,
}

/// What carries a component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Carrier {
    /// An ingredient (index).
    Ingredient(usize),
    /// A branded product (index).
    Product(usize),
}

impl ComponentOf {
    /// The component itself.
    pub fn component<'c>(&self, catalog: &'c Catalog) -> &'c crate::catalog::model::Component {
        match self.carrier {
            Carrier::Ingredient(i) => &catalog.ingredients()[i].components[self.index],
            Carrier::Product(p) => &catalog.products()[p].components[self.index],
        }
    }

    /// The carrier's id.
    pub fn carrier_id<'c>(&self, catalog: &'c Catalog) -> &'c str {
        match self.carrier {
            Carrier::Ingredient(i) => &catalog.ingredients()[i].id,
            Carrier::Product(p) => &catalog.products()[p].id,
        }
    }
}

/// Where a relative contraindication stands (DESIGN §2, scope `relative`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Clearance {
    /// Not yet cleared: rated `incompatible` until `--cleared` records it.
    Needed,
    /// Cleared by the prescriber or physician (`--cleared`): a caution naming the clearance.
    Given,
}

/// One pair of the mix, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Ingredient index; `a`'s id sorts before `b`'s when the pair comes from [`check`].
    pub a: usize,
    /// The other ingredient index.
    pub b: usize,
    /// The resolved rating (`unknown` when nothing decides it).
    pub rating: PairRating,
    /// The layer that decided the rating (ingredient edge, class edge, pH, none).
    pub via: Via,
    /// Where the deciding claim is written (ingredient edge, solo rule, class edge); `None` for
    /// a pH inference or no data.
    pub decided_by: Option<ClaimAt>,
    /// The pH comparison, when both ingredients have a pH range.
    pub ph: Option<PhInference>,
    /// The products `a` and `b` came in (`None` for a raw ingredient).
    pub products: [Option<usize>; 2],
}

/// One syringe of a split, with the goals it still serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syringe {
    /// Ingredient indices, in the order of the checked mix.
    pub ingredients: Vec<usize>,
    /// Goal indices served by any of them, in catalog order.
    pub goals: Vec<usize>,
}

/// A replacement for an ingredient that a `remove` suggestion takes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    /// The ingredient (index) taken out by a `remove` set.
    pub replaces: usize,
    /// The replacement (index): eligible for the patient and zone, not in the mix.
    pub ingredient: usize,
    /// Goals of the replaced ingredient that the alternative serves.
    pub goals: Vec<usize>,
    /// The worst rating of the alternative with the rest of the mix.
    pub worst: PairRating,
}

/// The smallest fixes of a mix that is not approved; empty when the verdict is `compatible` or
/// `caution`. Every syringe offered (the rest after a `remove` set, each `split` syringe, the
/// rest with an alternative in) passes a new check with the same zone and patient: its verdict
/// is `compatible` or `caution`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Every smallest set of ingredients whose removal leaves an approvable mix; each holds
    /// every ingredient of `blocked_alone`.
    pub remove: Vec<Vec<usize>>,
    /// The fewest syringes for the ingredients not in `blocked_alone`, in which no pair blocks.
    /// One syringe when only `blocked_alone` had to go; empty when nothing remains.
    pub split: Vec<Syringe>,
    /// Whether `split` is proven to use the fewest syringes (exact up to 12 ingredients);
    /// `false` when `split` is empty.
    pub split_exact: bool,
    /// Replacements for the ingredients the `remove` sets take out (`blocked_alone` included):
    /// per replaced ingredient, best efficacy first, then the safer, then by id. Each goes into
    /// the rest of the first `remove` set that takes its ingredient out.
    pub alternatives: Vec<Alternative>,
    /// Ingredients of the mix (in mix order) that no approvable syringe may hold for this
    /// patient and zone: not available, not for the zone, or ruled out for this patient (a
    /// contraindication, allergy or interaction rated `incompatible`). The findings about them
    /// say why.
    pub blocked_alone: Vec<usize>,
    /// Set when no syringe made from the mix's ingredients can be approved, with why; then
    /// `remove` and `split` are empty.
    pub none_approvable: Option<NoneApprovable>,
}

/// Why a check offers no syringe made from the mix's ingredients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoneApprovable {
    /// A finding about the patient rules out every syringe in this session (an absolute or
    /// zone condition, a postpone condition, or a medication's general warning rated
    /// incompatible): nothing is suggested.
    Session,
    /// No syringe made from the mix's ingredients passes a check for this patient and zone:
    /// each is ruled out on its own (see `blocked_alone` and the findings).
    Ingredients,
}

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    /// Ingredient indices, in any order; each at most once.
    pub mix: Vec<usize>,
    /// The treatment zone (index), if any: ingredients not for it are findings.
    pub zone: Option<usize>,
    /// The patient, resolved; an empty patient adds no finding.
    pub patient: Patient,
    /// More components than this is a `caution` finding (a setting, not a sourced rule).
    pub max_components: usize,
    /// Active → the branded product it came in (absent for a raw ingredient). Actives of one
    /// product are its maker's co-formulation: never a pair finding against each other.
    pub from: BTreeMap<usize, usize>,
    /// The items as named with their volumes and strengths (DESIGN §6a); empty when the mix
    /// carries no amounts, and then nothing is dosed.
    pub amounts: Vec<crate::dose::ItemAmount>,
}

/// The answer to a [`CheckRequest`].
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// The worst of every pair rating and every finding's severity.
    pub verdict: Verdict,
    /// The mix, sorted by ingredient id (so nothing depends on the order it was named in).
    pub mix: Vec<usize>,
    /// Worst first, then by ids.
    pub pairs: Vec<Pair>,
    /// Worst first, in a stable order.
    pub findings: Vec<Finding>,
    /// Fixes, computed only when the verdict is worse than `caution`.
    pub suggestions: Suggestions,
    /// Active → the product it came in, as requested.
    pub from: BTreeMap<usize, usize>,
    /// The doses, when the mix carries amounts.
    pub doses: Option<crate::dose::DoseReport>,
}

/// Why a mix could not be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// No ingredient was given.
    #[error("the mix is empty")]
    Empty,
    /// An ingredient appears twice in the mix.
    #[error("ingredient listed twice")]
    Duplicate {
        /// The repeated ingredient (index).
        ingredient: usize,
    },
}

/// Whether a pair rating blocks approval: `incompatible`, or `unknown` (no data).
pub fn blocks(rating: PairRating) -> bool {
    matches!(rating, PairRating::Incompatible | PairRating::Unknown)
}

/// Checks one syringe for one patient.
///
/// Guarantees: the report does not depend on the order of `request.mix` (it is sorted by id);
/// every pair is resolved (worst first, then by ids) and every finding listed (worst first, in a
/// stable order); the verdict is the worst pair rating or finding severity, `compatible` only
/// when nothing is worse; suggestions are computed when, and only when, the verdict is worse
/// than `caution`, and every syringe they offer passes [`assess`] (compatible or caution) with
/// the same zone and patient.
///
/// # Errors
/// [`CheckError::Empty`] for an empty mix, [`CheckError::Duplicate`] for an ingredient named
/// twice.
pub fn check(catalog: &Catalog, request: &CheckRequest) -> Result<CheckReport, CheckError> {
    let mut report = assess(catalog, request)?;
    if !approved(report.verdict) {
        report.suggestions = suggest::suggest(catalog, &report.mix, request);
    }
    Ok(report)
}

/// Whether a verdict approves the syringe: `compatible` or `caution`.
pub fn approved(verdict: Verdict) -> bool {
    verdict <= Verdict::Caution
}

/// [`check`] without suggestions: the verdict, mix, pairs and findings, with
/// `suggestions` left empty. The suggestions re-check their syringes with it, so a re-check
/// never computes suggestions of its own.
///
/// # Errors
/// As [`check`].
pub fn assess(catalog: &Catalog, request: &CheckRequest) -> Result<CheckReport, CheckError> {
    if request.mix.is_empty() {
        return Err(CheckError::Empty);
    }
    for (n, &i) in request.mix.iter().enumerate() {
        if request.mix[..n].contains(&i) {
            return Err(CheckError::Duplicate { ingredient: i });
        }
    }
    // The verdict must not depend on the order the ingredients were named in.
    let mut mix = request.mix.clone();
    mix.sort_by(|&a, &b| {
        catalog.ingredients()[a]
            .id
            .cmp(&catalog.ingredients()[b].id)
    });

    let pairs = resolve_pairs_from(catalog, &mix, &request.from);
    let mut findings = mix_findings(catalog, &mix, request);
    findings.extend(patient_findings(catalog, &mix, request));
    findings.sort_by(|x, y| {
        y.severity
            .cmp(&x.severity)
            .then_with(|| x.kind.cmp(&y.kind))
    });

    let doses = (!request.amounts.is_empty()).then(|| {
        crate::dose::doses(
            catalog,
            &request.amounts,
            request.patient.weight.map(crate::dose::Weight::kg),
            1,
        )
    });
    if let Some(d) = &doses {
        findings.extend(findings::dose_findings(catalog, d));
        findings.sort_by(|x, y| {
            y.severity
                .cmp(&x.severity)
                .then_with(|| x.kind.cmp(&y.kind))
        });
    }

    let verdict = pairs
        .iter()
        .map(|p| Verdict::from(p.rating))
        .chain(findings.iter().filter_map(|f| f.severity.verdict()))
        .max()
        .unwrap_or(Verdict::Compatible);
    Ok(CheckReport {
        verdict,
        mix,
        pairs,
        findings,
        suggestions: Suggestions::default(),
        from: request.from.clone(),
        doses,
    })
}

/// Every unordered pair of `mix` resolved through the catalog (claims, class edge, pH, else
/// `unknown`), worst first, ties by the ids of `a` then `b`. Actives may come in products (`from`): two actives of one
/// product are not a pair (the maker's co-formulation), and a product's "do not mix" statement
/// is a claim on every pair of its actives with the rest.
pub fn resolve_pairs_from(
    catalog: &Catalog,
    mix: &[usize],
    from: &BTreeMap<usize, usize>,
) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (n, &a) in mix.iter().enumerate() {
        for &b in &mix[n + 1..] {
            let (pa, pb) = (from.get(&a).copied(), from.get(&b).copied());
            if pa.is_some() && pa == pb {
                continue;
            }
            let r = resolve_items(catalog, (a, pa), (b, pb));
            pairs.push(Pair {
                a,
                b,
                rating: r.rating,
                via: r.via,
                decided_by: r.decision().map(|c| c.at),
                ph: r.ph,
                products: [pa, pb],
            });
        }
    }
    let id = |i: usize| catalog.ingredients()[i].id.as_ref();
    pairs.sort_by(|x, y| {
        y.rating
            .cmp(&x.rating)
            .then_with(|| (id(x.a), id(x.b)).cmp(&(id(y.a), id(y.b))))
    });
    pairs
}

/// Whether ingredient `i` has a solo rule rated incompatible: it blocks any mix with another
/// ingredient, whatever the pair ratings say. The one place the solo rule is read as blocking
/// (the blocking graph of the suggestions asks here).
fn solo_blocks(catalog: &Catalog, i: usize) -> bool {
    catalog.ingredients()[i]
        .solo
        .as_ref()
        .is_some_and(|s| s.rating == Rating::Incompatible)
}
