//! Amounts and doses (DESIGN §6a): what the volumes in a syringe mean as a dose for this
//! patient, set against every sourced limit.
//!
//! Each item of a mix carries a volume and a strength (a product's from the catalog). Its
//! amount of each active is volume × strength, summed over every item that delivers the
//! active (a product's actives, components with a stated amount, an ingredient's contained
//! ingredients: the deoxycholate of PC/DC). Each limit applies the lower of `per_kg × weight`
//! and its cap; without a weight, an mg/kg limit asks for it. Local anaesthetics are also
//! summed as fractions of their own maxima (an inference, marked so). No label gives a
//! mesotherapy dose: every figure is a ceiling.

use crate::catalog::model::{
    DoseLimit, DoseUnit, Evidence, LimitPer, LimitRoute, Strength, StrengthUnit,
};
use crate::catalog::{Catalog, Item};

/// The heaviest body weight accepted, in kilograms.
pub const MAX_WEIGHT_KG: f64 = 500.0;
/// The largest volume of one item, in millilitres (a syringe holds far less; this bounds the
/// arithmetic, not the practice).
pub const MAX_VOLUME_ML: f64 = 1000.0;

/// A body weight, kept in tenths of a kilogram so a patient stays comparable and hashable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weight(u32);

impl Weight {
    /// A weight from kilograms: positive, at most [`MAX_WEIGHT_KG`], rounded to 0.1 kg.
    pub fn from_kg(kg: f64) -> Option<Weight> {
        (kg.is_finite() && kg > 0.0 && kg <= MAX_WEIGHT_KG)
            .then(|| Weight((kg * 10.0).round().max(1.0) as u32))
    }

    /// The weight in kilograms.
    pub fn kg(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

/// The amount per millilitre a strength gives, and its unit: `%` is g per 100 mL.
pub fn per_ml(s: Strength) -> (f64, DoseUnit) {
    match s.unit {
        StrengthUnit::MgPerMl => (s.value, DoseUnit::Mg),
        StrengthUnit::Percent => (s.value * 10.0, DoseUnit::Mg),
        StrengthUnit::UnitsPerMl | StrengthUnit::IuPerMl => (s.value, DoseUnit::Units),
    }
}

/// One item of a mix with its volume, and the strength it was given (`None` for a product,
/// whose actives' strengths come from the catalog).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemAmount {
    pub item: Item,
    pub volume_ml: f64,
    pub strength: Option<Strength>,
}

/// Why an item's strength cannot be settled.
#[derive(Debug, Clone, PartialEq)]
pub enum StrengthError {
    /// The ingredient comes in several strengths: the item must say which.
    Ambiguous {
        ingredient: usize,
        choices: Vec<Strength>,
    },
    /// The catalog knows no strength for the ingredient: the item must give one.
    Unknown { ingredient: usize },
    /// A product's strength is the catalog's; the item may not set one.
    ForProduct { product: usize },
    /// The strength is in units where the ingredient is dosed in mg, or the other way round.
    WrongKind {
        ingredient: usize,
        expected: DoseUnit,
    },
}

/// The strength an item is dosed at: the one given (checked against the ingredient's kind of
/// unit), the ingredient's only strength, or none for a product (its actives carry theirs).
pub fn settle_strength(
    catalog: &Catalog,
    item: Item,
    given: Option<Strength>,
) -> Result<Option<Strength>, StrengthError> {
    match item {
        Item::Product(product) => match given {
            Some(_) => Err(StrengthError::ForProduct { product }),
            None => Ok(None),
        },
        Item::Ingredient(ingredient) => {
            let ing = &catalog.ingredients()[ingredient];
            let kind = ing
                .strengths
                .first()
                .map(|&s| per_ml(s).1)
                .or_else(|| ing.dose_limits.first().map(|l| l.unit));
            match given {
                Some(s) => match kind {
                    Some(expected) if per_ml(s).1 != expected => Err(StrengthError::WrongKind {
                        ingredient,
                        expected,
                    }),
                    _ => Ok(Some(s)),
                },
                None => match &*ing.strengths {
                    [one] => Ok(Some(*one)),
                    [] => Err(StrengthError::Unknown { ingredient }),
                    many => Err(StrengthError::Ambiguous {
                        ingredient,
                        choices: many.to_vec(),
                    }),
                },
            }
        }
    }
}

/// How an item delivers an active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Through {
    /// The item is the ingredient itself.
    Own,
    /// One of a product's actives (index into its `actives`).
    Active(usize),
    /// A component of a product or ingredient with a stated amount (index into `components`).
    Component(usize),
    /// An ingredient's contained ingredient (index into its `contains`).
    Contained(usize),
}

/// What one item gives of one active.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// Index into the mix's items.
    pub item: usize,
    pub through: Through,
    /// The strength it is delivered at.
    pub strength: Strength,
    /// Volume × strength, in the active's unit.
    pub amount: f64,
}

/// One active's total in the syringe (or over a course).
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveDose {
    /// Index into the catalog's ingredients.
    pub ingredient: usize,
    pub unit: DoseUnit,
    /// The total, in `unit`.
    pub amount: f64,
    /// The total per millilitre of the syringe.
    pub concentration: f64,
    /// Every item that delivers it, in the mix's order.
    pub contributions: Vec<Contribution>,
}

/// How far a limit's total goes, and what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Within the limit.
    Within,
    /// Above a weaker figure or a ceiling from another route, or an mg/kg limit without a
    /// weight: read it.
    Caution,
    /// Above a label limit set for local injection: blocks.
    Over,
}

/// One sourced limit set against one active's total.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitUse {
    /// Index into the catalog's ingredients (whose `dose_limits` hold the limit).
    pub ingredient: usize,
    /// Index into its `dose_limits`.
    pub limit: usize,
    /// The total the limit is held against (a session's, or a course's).
    pub total: f64,
    /// `per_kg × weight`, when both are known.
    pub by_weight: Option<f64>,
    /// The lower of `by_weight` and the cap: what applies; `None` when the limit is per kg only
    /// and no weight was given.
    pub applied: Option<f64>,
    /// `total / applied`.
    pub share: Option<f64>,
    /// An mg/kg limit with no weight given.
    pub needs_weight: bool,
    pub standing: Standing,
    /// For a limit exceeded: the most of each contributing item (index into the mix's items)
    /// that fits with the rest unchanged, in mL, rounded down to 0.1 mL.
    pub most_volume: Vec<(usize, f64)>,
}

/// The local anaesthetics of a session, each as a fraction of its own maximum, added up.
#[derive(Debug, Clone, PartialEq)]
pub struct AnaestheticSum {
    /// (ingredient, total / its applied maximum), in the mix's order.
    pub parts: Vec<(usize, f64)>,
    pub total: f64,
    /// Anaesthetics whose maximum needs a weight that was not given (left out of the sum).
    pub unweighed: Vec<usize>,
    pub standing: Standing,
}

/// The doses of a mix.
#[derive(Debug, Clone, PartialEq)]
pub struct DoseReport {
    /// The items, in the order named, with the strengths they are dosed at.
    pub items: Vec<ItemAmount>,
    /// The patient's weight, if given.
    pub weight_kg: Option<f64>,
    /// Σ volumes, mL.
    pub volume_ml: f64,
    /// Sessions the totals are for (1 for a check; a plan's course for course limits).
    pub sessions: u32,
    /// Every active with an amount, in the order first delivered.
    pub actives: Vec<ActiveDose>,
    /// Actives of an item whose strength the catalog does not give (product, active index):
    /// their dose is unknown.
    pub unknown: Vec<(usize, usize)>,
    /// Every limit of every active with an amount (session limits; course limits too when
    /// `sessions` > 1), in the order of `actives`.
    pub limits: Vec<LimitUse>,
    /// Set when two or more local anaesthetics are in the mix.
    pub anaesthetics: Option<AnaestheticSum>,
}

impl DoseReport {
    /// The worst standing of any limit or of the anaesthetic sum.
    pub fn standing(&self) -> Standing {
        self.limits
            .iter()
            .map(|l| l.standing)
            .chain(self.anaesthetics.iter().map(|a| a.standing))
            .max()
            .unwrap_or(Standing::Within)
    }
}

/// How exceeding `limit` stands: a label limit set for local injection blocks; anything weaker,
/// or a ceiling from another route, is a caution.
fn over(limit: &DoseLimit) -> Standing {
    if limit.evidence == Evidence::Label && limit.route == LimitRoute::Local {
        Standing::Over
    } else {
        Standing::Caution
    }
}

/// The doses of `items` (a session's; over `sessions` sessions for course limits) for a
/// patient of `weight_kg`.
pub fn doses(
    catalog: &Catalog,
    items: &[ItemAmount],
    weight_kg: Option<f64>,
    sessions: u32,
) -> DoseReport {
    let volume_ml: f64 = items.iter().map(|i| i.volume_ml).sum();
    let mut actives: Vec<ActiveDose> = Vec::new();
    let mut unknown = Vec::new();
    let mut add = |ingredient: usize, contribution: Contribution| {
        let (_, unit) = per_ml(contribution.strength);
        match actives
            .iter_mut()
            .find(|a| a.ingredient == ingredient && a.unit == unit)
        {
            Some(a) => {
                a.amount += contribution.amount;
                a.contributions.push(contribution);
            }
            None => actives.push(ActiveDose {
                ingredient,
                unit,
                amount: contribution.amount,
                concentration: 0.0,
                contributions: vec![contribution],
            }),
        }
    };
    for (n, it) in items.iter().enumerate() {
        let give = |strength: Strength, through: Through| Contribution {
            item: n,
            through,
            strength,
            amount: it.volume_ml * per_ml(strength).0,
        };
        match it.item {
            Item::Ingredient(i) => {
                let ing = &catalog.ingredients()[i];
                if let Some(s) = it.strength {
                    add(i, give(s, Through::Own));
                }
                for (c, contained) in ing.contains.iter().enumerate() {
                    if let Some(j) = catalog.ingredient_index(&contained.ingredient) {
                        add(j, give(contained.strength, Through::Contained(c)));
                    }
                }
                for (c, component) in ing.components.iter().enumerate() {
                    if let (Some(id), Some(s)) = (&component.ingredient, component.strength)
                        && let Some(j) = catalog.ingredient_index(id)
                    {
                        add(j, give(s, Through::Component(c)));
                    }
                }
            }
            Item::Product(p) => {
                let product = &catalog.products()[p];
                for (a, active) in product.actives.iter().enumerate() {
                    let Some(i) = catalog.ingredient_index(&active.ingredient) else {
                        continue;
                    };
                    match active.strength {
                        Some(s) => add(i, give(s, Through::Active(a))),
                        None => unknown.push((p, a)),
                    }
                }
                for (c, component) in product.components.iter().enumerate() {
                    if let (Some(id), Some(s)) = (&component.ingredient, component.strength)
                        && let Some(j) = catalog.ingredient_index(id)
                    {
                        add(j, give(s, Through::Component(c)));
                    }
                }
            }
        }
    }
    for a in &mut actives {
        a.concentration = if volume_ml > 0.0 {
            a.amount / volume_ml
        } else {
            0.0
        };
    }
    let sessions = sessions.max(1);
    let mut limits = Vec::new();
    for a in &actives {
        let ing = &catalog.ingredients()[a.ingredient];
        for (l, limit) in ing.dose_limits.iter().enumerate() {
            if limit.unit != a.unit || (limit.per == LimitPer::Course && sessions == 1) {
                continue;
            }
            let total = match limit.per {
                LimitPer::Session => a.amount,
                LimitPer::Course => a.amount * f64::from(sessions),
            };
            limits.push(limit_use(a, l, limit, total, weight_kg, items));
        }
    }
    let anaesthetics = anaesthetic_sum(catalog, &actives, &limits);
    DoseReport {
        items: items.to_vec(),
        weight_kg,
        volume_ml,
        sessions,
        actives,
        unknown,
        limits,
        anaesthetics,
    }
}

/// One limit against one active's total.
fn limit_use(
    a: &ActiveDose,
    l: usize,
    limit: &DoseLimit,
    total: f64,
    weight_kg: Option<f64>,
    items: &[ItemAmount],
) -> LimitUse {
    let by_weight = limit.per_kg.zip(weight_kg).map(|(k, w)| k * w);
    let applied = match (by_weight, limit.cap) {
        (Some(w), Some(c)) => Some(w.min(c)),
        (w, c) => w.or(c),
    };
    let needs_weight = limit.per_kg.is_some() && weight_kg.is_none();
    let share = applied.map(|x| total / x);
    let exceeded = applied.is_some_and(|x| total > x);
    let standing = if exceeded {
        over(limit)
    } else if needs_weight {
        Standing::Caution
    } else {
        Standing::Within
    };
    let most_volume = match applied {
        Some(x) if exceeded => {
            // The total scales with every contribution alike (a course multiplies them all).
            let scale = if a.amount > 0.0 {
                total / a.amount
            } else {
                1.0
            };
            a.contributions
                .iter()
                .filter_map(|c| {
                    let per_ml = per_ml(c.strength).0 * scale;
                    (per_ml > 0.0).then(|| {
                        let rest = total - c.amount * scale;
                        let most = ((x - rest) / per_ml).max(0.0);
                        let most = (most * 10.0).floor() / 10.0;
                        (c.item, most.min(items[c.item].volume_ml))
                    })
                })
                .collect()
        }
        _ => Vec::new(),
    };
    LimitUse {
        ingredient: a.ingredient,
        limit: l,
        total,
        by_weight,
        applied,
        share,
        needs_weight,
        standing,
        most_volume,
    }
}

/// The anaesthetics' sum of fractions, when two or more are in the mix.
fn anaesthetic_sum(
    catalog: &Catalog,
    actives: &[ActiveDose],
    limits: &[LimitUse],
) -> Option<AnaestheticSum> {
    let mut parts = Vec::new();
    let mut unweighed = Vec::new();
    let mut count = 0;
    for a in actives {
        let ing = &catalog.ingredients()[a.ingredient];
        let own = limits.iter().find(|u| {
            u.ingredient == a.ingredient
                && ing.dose_limits[u.limit].anaesthetic
                && ing.dose_limits[u.limit].per == LimitPer::Session
        });
        let Some(own) = own else { continue };
        count += 1;
        match own.share {
            Some(f) => parts.push((a.ingredient, f)),
            None => unweighed.push(a.ingredient),
        }
    }
    if count < 2 {
        return None;
    }
    let total: f64 = parts.iter().map(|p| p.1).sum();
    let standing = if total > 1.0 || !unweighed.is_empty() {
        Standing::Caution
    } else {
        Standing::Within
    };
    Some(AnaestheticSum {
        parts,
        total,
        unweighed,
        standing,
    })
}
