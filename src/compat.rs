//! The compatibility graph and pair resolution.
//!
//! Nodes are ingredients. An ingredient edge links its two ingredients; a class edge is
//! inherited by every pair of members of its two classes. Edges are undirected.
//!
//! A pair is rated by its claims (DESIGN §2): those of its ingredient edge and the solo rules
//! ("do not mix with other drugs") of both ingredients. The strongest grade wins (`label` >
//! `peer` > `weak` > `inference`); among claims of one grade the more severe wins; the others
//! are kept as conflicting evidence. A solo rule is a "do not mix", not evidence that a pair
//! mixes: it can make a pair more severe, never milder than its edge claims alone would. Only a pair with no such claim falls to its class edge,
//! then to pH inference (both ranges known and far apart), and is otherwise `unknown`: no data
//! is never read as compatible.

use serde::Serialize;

use crate::catalog::Catalog;
pub use crate::catalog::CompatGraph;
use crate::catalog::model::{Edge, Evidence, Mechanism, Rating, Str, Text};

/// Two pH ranges further apart than this many units make a pair `caution` by inference.
pub const PH_GAP: f64 = 2.0;

/// The rating of a pair, in order of severity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PairRating {
    /// The deciding claim or class edge says the two may share a syringe.
    Compatible,
    /// Allowed with care: the deciding claim or class edge says so (a solo rule below `label`
    /// grade always does), or the two pH ranges are far enough apart to infer a risk.
    Caution,
    /// No claim, class edge or decisive pH gap: nothing is known, which is never read as
    /// compatible.
    Unknown,
    /// The deciding claim or class edge says the two must not share a syringe (a solo rule of
    /// `label` grade always does).
    Incompatible,
}

impl From<Rating> for PairRating {
    fn from(r: Rating) -> Self {
        match r {
            Rating::Compatible => PairRating::Compatible,
            Rating::Caution => PairRating::Caution,
            Rating::Incompatible => PairRating::Incompatible,
        }
    }
}

/// Where a pair's rating came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// A claim of the ingredient edge between the two (its own claim or one of its `also`).
    Ingredient,
    /// A solo rule: one ingredient's own "do not mix with other drugs".
    Rule,
    /// No claim on the pair: the class edge between their two classes.
    Class,
    /// No claim and no class edge: the two pH ranges are far enough apart to rate the pair
    /// `caution` by inference.
    Ph,
    /// No data: the pair is unknown.
    None,
}

/// Every layer of a pair's resolution, for `explain`; `rating` and `via` are the decision.
#[derive(Debug, Clone)]
pub struct Resolution<'c> {
    /// The pair's rating, as decided.
    pub rating: PairRating,
    /// The layer that decided the rating.
    pub via: Via,
    /// Every claim on the pair (edge claims, then solo rules), the deciding one first, then
    /// by strength of grade and severity. Empty when no edge or solo rule speaks of the pair.
    pub claims: Vec<PairClaim<'c>>,
    /// The class edge's claim, whether or not it decided the rating.
    pub class_claim: Option<PairClaim<'c>>,
    /// The ingredient edge between the two, if any (its own claim and its `also` claims are in
    /// `claims`).
    pub ingredient_edge: Option<&'c Edge>,
    /// The class edge between the two classes, whether or not it decided the rating.
    pub class_edge: Option<&'c Edge>,
    /// Both pH ranges when both are known, and the gap between them.
    pub ph: Option<PhInference>,
}

/// Where a claim on a pair is written in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimAt {
    /// The ingredient edge `edges[edge]`: its own claim (`also: None`) or `also[i]`.
    Edge {
        /// Index into the catalog's ingredient `edges`.
        edge: usize,
        /// `None` for the edge's own claim, `Some(i)` for its claim `also[i]`.
        also: Option<usize>,
    },
    /// The solo rule of ingredient `ingredient`.
    Rule {
        /// Index of the ingredient whose solo rule it is.
        ingredient: usize,
    },
    /// The maker's "do not mix" statement of a product in the mix.
    ProductRule {
        /// Index of the product.
        product: usize,
    },
    /// The class edge `class_edges[edge]`.
    Class {
        /// Index into the catalog's `class_edges`.
        edge: usize,
    },
}

impl ClaimAt {
    /// Whether it is a "do not mix" rule (an ingredient's or a product's), not an edge claim.
    pub fn is_rule(self) -> bool {
        matches!(self, ClaimAt::Rule { .. } | ClaimAt::ProductRule { .. })
    }

    /// The claim written there; `None` when nothing is (an index out of range, or a `Rule` of
    /// an ingredient without a solo rule).
    pub fn get(self, catalog: &Catalog) -> Option<PairClaim<'_>> {
        let file = catalog.file();
        match self {
            ClaimAt::Edge { edge, also: None } => file.edges.get(edge).map(|e| self.of_edge(e)),
            ClaimAt::Edge {
                edge,
                also: Some(i),
            } => {
                let c = file.edges.get(edge)?.also.get(i)?;
                Some(PairClaim {
                    at: self,
                    rating: c.rating,
                    mechanism: Some(c.mechanism),
                    note: &c.note,
                    evidence: c.evidence,
                    sources: &c.sources,
                    condition: c.condition.as_ref(),
                })
            }
            ClaimAt::Class { edge } => file.class_edges.get(edge).map(|e| self.of_edge(e)),
            ClaimAt::ProductRule { product } => {
                let s = file.products.get(product)?.solo.as_ref()?;
                Some(PairClaim {
                    at: self,
                    rating: s.pair_rating(),
                    mechanism: None,
                    note: &s.note,
                    evidence: s.evidence,
                    sources: &s.sources,
                    condition: None,
                })
            }
            ClaimAt::Rule { ingredient } => {
                let s = file.ingredients.get(ingredient)?.solo.as_ref()?;
                Some(PairClaim {
                    at: self,
                    rating: s.pair_rating(),
                    mechanism: None,
                    note: &s.note,
                    evidence: s.evidence,
                    sources: &s.sources,
                    condition: None,
                })
            }
        }
    }

    /// An edge's own claim.
    fn of_edge(self, e: &Edge) -> PairClaim<'_> {
        PairClaim {
            at: self,
            rating: e.rating,
            mechanism: Some(e.mechanism),
            note: &e.note,
            evidence: e.evidence,
            sources: &e.sources,
            condition: e.condition.as_ref(),
        }
    }
}

/// One claim on a pair, wherever it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairClaim<'c> {
    /// Where it is written.
    pub at: ClaimAt,
    /// What the claim rates the pair (for a solo rule,
    /// [`Solo::pair_rating`](crate::catalog::model::Solo::pair_rating)).
    pub rating: Rating,
    /// The edge's mechanism; `None` for a solo rule (it names no partner).
    pub mechanism: Option<Mechanism>,
    /// The claim in words.
    pub note: &'c Text,
    /// Its grade: among claims on one pair the strongest decides.
    pub evidence: Evidence,
    /// Ids of the sources it cites.
    pub sources: &'c [Str],
    /// When the claim holds, if not always; `None` for a solo rule.
    pub condition: Option<&'c Text>,
}

impl PairClaim<'_> {
    /// Which of two claims decides: the stronger grade, then the more severe rating.
    fn weight(&self) -> (u8, Rating) {
        (self.evidence.strength(), self.rating)
    }
}

impl<'c> Resolution<'c> {
    /// The claim that decided the pair: its first claim, or its class edge; `None` for a pH
    /// inference or a pair without data.
    pub fn decision(&self) -> Option<PairClaim<'c>> {
        match self.via {
            Via::Ingredient | Via::Rule => self.claims.first().copied(),
            Via::Class => self.class_claim,
            Via::Ph | Via::None => None,
        }
    }

    /// The claims that did not decide the pair and rate it otherwise: conflicting evidence.
    pub fn conflicting(&self) -> impl Iterator<Item = &PairClaim<'c>> {
        let decided = self.claims.first().map(|c| c.rating);
        self.claims
            .iter()
            .skip(1)
            .filter(move |c| Some(c.rating) != decided)
    }
}

/// Every claim on the pair `a`, `b`: its ingredient edge's (index `edge`), then the solo rules
/// of `a` and `b`, the deciding claim first.
fn claims(
    catalog: &Catalog,
    edge: Option<usize>,
    (a, b): (usize, usize),
    products: [Option<usize>; 2],
) -> Vec<PairClaim<'_>> {
    let mut out: Vec<PairClaim<'_>> = claim_places(catalog, edge, (a, b), products)
        .filter_map(|c| c.get(catalog))
        .collect();
    // Stable: among equal claims the edge's come first, then `a`'s rule, then `b`'s.
    out.sort_by_key(|c| std::cmp::Reverse(c.weight()));
    // The deciding claim first: the strongest, unless a rule would make the pair milder than
    // its edge's claims rate it.
    if let Some(deciding) = deciding_claim(out.iter().copied())
        && let Some(at) = out.iter().position(|c| c.at == deciding.at)
    {
        let claim = out.remove(at);
        out.insert(0, claim);
    }
    out
}

/// Where a pair's claims may be written, in the order [`claims`] breaks ties by: the ingredient
/// edge's claims, `a`'s and `b`'s "do not mix" rules, then each product's rule when the two
/// actives come from different products (two actives of one product are its maker's
/// co-formulation: its rule does not part them).
fn claim_places(
    catalog: &Catalog,
    edge: Option<usize>,
    (a, b): (usize, usize),
    products: [Option<usize>; 2],
) -> impl Iterator<Item = ClaimAt> + '_ {
    let also = edge.map_or(0, |e| catalog.file().edges[e].also.len());
    let edge_claims = edge.into_iter().flat_map(move |edge| {
        std::iter::once(ClaimAt::Edge { edge, also: None }).chain((0..also).map(move |i| {
            ClaimAt::Edge {
                edge,
                also: Some(i),
            }
        }))
    });
    let rules = [a, b]
        .into_iter()
        .filter(|&i| catalog.ingredients()[i].solo.is_some())
        .map(|ingredient| ClaimAt::Rule { ingredient });
    let product_rules = (products[0] != products[1])
        .then_some(products)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|&p| catalog.products()[p].solo.is_some())
        .map(|product| ClaimAt::ProductRule { product });
    edge_claims.chain(rules).chain(product_rules)
}

/// The claim that decides a pair, among its `claims` in written order: the strongest grade, then
/// the most severe, the first of equals; but when that is a "do not mix" rule and the strongest
/// edge claim is more severe, the edge claim. A solo rule says "do not mix"; it is no evidence
/// that the pair mixes, so it can make a pair more severe, never milder than the pair's own edge
/// claims rate it. [`claims`] puts it first; [`rating`] finds it without gathering the claims.
fn deciding_claim<'c>(claims: impl Iterator<Item = PairClaim<'c>>) -> Option<PairClaim<'c>> {
    let mut first: Option<PairClaim<'c>> = None;
    let mut first_edge: Option<PairClaim<'c>> = None;
    for c in claims {
        if first.is_none_or(|f| c.weight() > f.weight()) {
            first = Some(c);
        }
        if !c.at.is_rule() && first_edge.is_none_or(|f| c.weight() > f.weight()) {
            first_edge = Some(c);
        }
    }
    match (first, first_edge) {
        (Some(f), Some(e)) if f.at.is_rule() && e.rating > f.rating => Some(e),
        (f, _) => f,
    }
}

/// The pH ranges of a pair's two ingredients, both known, and how far apart they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhInference {
    /// `(min, max)` pH of the pair's first ingredient.
    pub a: (f64, f64),
    /// `(min, max)` pH of the pair's second ingredient.
    pub b: (f64, f64),
    /// Distance between the ranges; 0 when they overlap.
    pub gap: f64,
}

impl PhInference {
    /// Whether the gap is wide enough (more than [`PH_GAP`]) to rate `caution` a pair that has no
    /// claim and no class edge.
    pub fn decides(&self) -> bool {
        self.gap > PH_GAP
    }
}

/// Resolves a pair: its claims (ingredient edge and solo rules: strongest grade, then most
/// severe), else the class edge, else pH inference, else unknown.
pub fn resolve(catalog: &Catalog, a: usize, b: usize) -> Resolution<'_> {
    resolve_items(catalog, (a, None), (b, None))
}

/// [`resolve`] for two actives of a mix, each with the product it comes from (if any): the
/// products' "do not mix" statements are claims too, unless both come from the same product.
pub fn resolve_items(
    catalog: &Catalog,
    (a, pa): (usize, Option<usize>),
    (b, pb): (usize, Option<usize>),
) -> Resolution<'_> {
    let file = catalog.file();
    let compat = catalog.compat();
    let edge_index = compat.ingredient_edge(a, b);
    let ingredient_edge = edge_index.map(|e| &file.edges[e]);
    let class_index = compat.class_link(catalog.class_of(a), catalog.class_of(b));
    let class_edge = class_index.map(|e| &file.class_edges[e]);
    let class_claim = class_index.and_then(|edge| ClaimAt::Class { edge }.get(catalog));
    let ph = ph_inference(catalog, a, b);
    let claims = claims(catalog, edge_index, (a, b), [pa, pb]);
    let (rating, via) = if let Some(first) = claims.first() {
        let via = if first.at.is_rule() {
            Via::Rule
        } else {
            Via::Ingredient
        };
        (first.rating.into(), via)
    } else if let Some(edge) = class_edge {
        (edge.rating.into(), Via::Class)
    } else if ph.is_some_and(|p| p.decides()) {
        (PairRating::Caution, Via::Ph)
    } else {
        (PairRating::Unknown, Via::None)
    };
    Resolution {
        rating,
        via,
        claims,
        class_claim,
        ingredient_edge,
        class_edge,
        ph,
    }
}

/// The rating of a pair, as [`resolve`] gives it, without gathering its claims or allocating:
/// the search asks for millions of pairs. A pair with an ingredient edge or a "do not mix" rule
/// is rated by its [`deciding_claim`]; any other pair by its class edge, else pH
/// inference, else unknown, exactly as [`resolve`] rates it.
pub fn rating(catalog: &Catalog, a: usize, b: usize) -> PairRating {
    let edge = catalog.compat().ingredient_edge(a, b);
    let places = claim_places(catalog, edge, (a, b), [None, None]);
    if let Some(claim) = deciding_claim(places.filter_map(|c| c.get(catalog))) {
        return claim.rating.into();
    }
    if let Some(edge) = catalog
        .compat()
        .class_link(catalog.class_of(a), catalog.class_of(b))
    {
        return catalog.file().class_edges[edge].rating.into();
    }
    if ph_inference(catalog, a, b).is_some_and(|p| p.decides()) {
        return PairRating::Caution;
    }
    PairRating::Unknown
}

/// The pH inference of two ingredients, when both have a pH range.
fn ph_inference(catalog: &Catalog, a: usize, b: usize) -> Option<PhInference> {
    let ingredients = catalog.ingredients();
    let (pa, pb) = (ingredients[a].ph.as_ref()?, ingredients[b].ph.as_ref()?);
    Some(PhInference {
        a: (pa.min, pa.max),
        b: (pb.min, pb.max),
        gap: (pa.min - pb.max).max(pb.min - pa.max).max(0.0),
    })
}

/// How many ingredient pairs of the catalog have a rating (anything but `unknown`), out of
/// all of them: what the catalog knows, measured rather than typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Pairs whose resolution is not `unknown`.
    pub rated: usize,
    /// All unordered pairs of distinct ingredients.
    pub pairs: usize,
}

impl Coverage {
    /// The share of pairs without data, in whole per cent (rounded).
    pub fn unknown_percent(self) -> usize {
        ((self.pairs - self.rated) * 100 + self.pairs / 2)
            .checked_div(self.pairs)
            .unwrap_or(0)
    }
}

/// The coverage of the pairs among `ingredients` (indices); all ingredients when `None`.
pub fn coverage(catalog: &Catalog, ingredients: Option<&[usize]>) -> Coverage {
    let all: Vec<usize> = match ingredients {
        Some(list) => list.to_vec(),
        None => (0..catalog.ingredients().len()).collect(),
    };
    let mut rated = 0;
    let mut pairs = 0;
    for (n, &a) in all.iter().enumerate() {
        for &b in &all[n + 1..] {
            pairs += 1;
            if resolve(catalog, a, b).rating != PairRating::Unknown {
                rated += 1;
            }
        }
    }
    Coverage { rated, pairs }
}
