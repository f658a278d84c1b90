//! The exact search: a branch and bound over the search space that keeps the k best distinct
//! answers, of one syringe or of two given in the same session.
//!
//! Answers grow from the required set (in the first syringe), one candidate at a time, each new
//! member improving some target (an optimum has no idle member) and going into a syringe it
//! fits (room left, every pair with that syringe's members admitted, and no pair rated
//! incompatible with the other syringe's members: they meet in the tissue). The first member
//! always goes into the first syringe, so each split of two syringes is reached once, and a
//! child only takes candidates after its own in its node's order, so every answer is reached
//! exactly once.
//!
//! The search runs in two passes, so that the id tie-break never weakens a bound:
//!
//! 1. **Score.** Candidates in order of their gain, best first. A node whose every completion
//!    is at most as good as the k-th best score so far (ties included) is pruned. This finds
//!    the k-th best score `K*` and every answer strictly better than it.
//! 2. **Ids.** Candidates in id order, so answers are met in the order of their sorted ids: a
//!    node is pruned when no completion reaches `K*`, or when the smallest ids any completion
//!    can have are already beaten by the k answers kept. It keeps the answers of score `K*`
//!    with the smallest ids.
//!
//! Bounds (all admissible): per-target caps over the candidates still open; the largest gains
//! added up; and at every node a Lagrangian relaxation of the linear program over target
//! levels, with at most one member from each conflict group per syringe (a group is a set of
//! candidates no two of which may share a syringe, e.g. a class without data inside it), its
//! multipliers improved by subgradient steps and carried from node to node. The same
//! multipliers bound, for each open candidate, the completions that hold it (the candidate
//! forced in): a candidate no completion of use can hold is dropped from the node's list, so
//! none of its descendants takes it. Most nodes fall to the bounds over their whole list, which
//! do not depend on its order, so a list is sorted and its suffix tables built only after those
//! bounds leave the node standing. Candidates dominated by at least k others (as good on every
//! target, no more cautions, a pair admitted wherever theirs is; in the second pass with
//! smaller ids too) are dropped up front: the k best never need them. Pair admission is read
//! from rows of one byte per candidate (0: not admitted; else 1 + the cautions the pair adds),
//! one row per member, built when the member is first taken.
//!
//! The result equals the exhaustive oracle's, unless the node budget runs out first: then the
//! search says it is not proven.

use std::cmp::{Ordering, Reverse};
use std::collections::BTreeMap;

use super::Score;
use super::ranking::{Best, Ranked, key_order};
use super::space::{Level, Space};
use crate::compat::PairRating;

/// Nodes a search may visit (both passes together) before it stops with the best answers
/// found so far, marked not proven optimal.
pub const NODE_BUDGET: u64 = 2_000_000;

/// Coverage and evidence of one claim together: `4 * efficacy + evidence`. Evidence ranks are
/// below 4, so this orders claims exactly as (efficacy, evidence) does. Its weighted sum over
/// targets is a coverage function, so single gains added up bound what several members add.
fn joint(eff: u8, ev: u8) -> u64 {
    u64::from(eff) * 4 + u64::from(ev)
}

/// The multipliers of the Lagrangian bound are whole numbers in units of `1 / SCALE` of a
/// weight, so the bound is computed exactly.
const SCALE: u64 = 64;

/// Subgradient steps at the root, and at every other node (the multipliers carry over).
const ROOT_STEPS: usize = 200;
const NODE_STEPS: usize = 8;

/// The fewest open candidates for which a node computes the Lagrangian bound: below, the
/// cheap bounds prune as well for less.
const RELAX_FROM: usize = 24;

/// The two passes of a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Finds the k-th best score and every answer strictly better; ties with the k-th best
    /// are pruned.
    Score,
    /// Finds, in id order, the answers of score `kstar` with the smallest ids.
    Ids { kstar: Score },
}

/// The `k` best distinct admissible answers of at most `syringes` syringes, best first, and
/// whether the search finished within `budget` nodes (then the list is the oracle's).
pub(super) fn branch_and_bound(
    space: &Space<'_>,
    k: usize,
    syringes: usize,
    budget: u64,
) -> (Vec<Ranked>, bool) {
    if !space.fits(&space.required) {
        return (Vec::new(), true);
    }
    let prep = Prepared::new(space, syringes.clamp(1, 2));
    // With one answer wanted, a dominating candidate may have a larger id: the first pass only
    // looks for the best score.
    let keep = prep.undominated(k, k == 1);
    let mut first = Search::new(&prep, k, Pass::Score, budget, keep);
    first.run();
    let (used, stopped) = (first.nodes, first.stopped);
    let (rows, session) = (
        std::mem::take(&mut first.rows),
        std::mem::take(&mut first.session),
    );
    let found = first.best.into_list();
    if stopped {
        return (found, false);
    }
    // Fewer than k answers: nothing was pruned, the list is complete.
    let Some(&(_, kstar)) = found.get(k.saturating_sub(1)) else {
        return (found, true);
    };
    let keep = prep.undominated(k, false);
    let mut second = Search::new(
        &prep,
        k,
        Pass::Ids { kstar },
        budget.saturating_sub(used),
        keep,
    );
    second.rows = rows;
    second.session = session;
    // The first pass's answers are known; the second looks only for smaller ids.
    for (syringes, _) in &found {
        second.best.offer(syringes);
    }
    second.run();
    if second.stopped {
        return (found, false);
    }
    (second.best.into_list(), true)
}

/// One claim of a candidate on a target: the target, its efficacy and its joint value.
#[derive(Debug, Clone, Copy)]
struct Claim {
    target: usize,
    eff: u8,
    joint: u8,
}

/// What both passes share: the space in sparse form, id ranks and conflict groups.
struct Prepared<'s, 'c> {
    space: &'s Space<'c>,
    /// Syringes (1 or 2).
    syringes: usize,
    weights: Vec<u64>,
    /// Each candidate's claims on targets (efficacy above 0).
    claims: Vec<Vec<Claim>>,
    /// Each candidate's place in id order.
    rank: Vec<u32>,
    /// Each candidate's conflict group: no two members of a group may share a syringe.
    group: Vec<usize>,
    groups: usize,
    /// Each candidate's class, and the rating of every two classes' class edge (`unknown`
    /// without one), `classes × classes`.
    class: Vec<usize>,
    class_rating: Vec<PairRating>,
    classes: usize,
    /// Candidates whose pairs are not rated by their classes alone: those with a "do not
    /// mix" rule or a pH (inference needs both pHs).
    special: Vec<usize>,
    /// Each candidate's ingredient-edge partners among the candidates.
    partners: Vec<Vec<usize>>,
}

impl<'s, 'c> Prepared<'s, 'c> {
    fn new(space: &'s Space<'c>, syringes: usize) -> Self {
        let n = space.cands.len();
        let weights: Vec<u64> = space.weights().collect();
        let claims = (0..n)
            .map(|c| {
                (0..weights.len())
                    .filter(|&t| space.eff[c][t] > 0)
                    .map(|t| Claim {
                        target: t,
                        eff: space.eff[c][t],
                        joint: joint(space.eff[c][t], space.ev[c][t]) as u8,
                    })
                    .collect()
            })
            .collect();
        let mut by_id: Vec<usize> = (0..n).collect();
        by_id.sort_by(|&a, &b| space.id(a).cmp(space.id(b)));
        let mut rank = vec![0u32; n];
        for (r, &c) in by_id.iter().enumerate() {
            rank[c] = r as u32;
        }
        let (group, groups) = conflict_groups(space);
        let catalog = space.catalog;
        let ingredients = catalog.ingredients();
        let classes = catalog.classes().len();
        let class: Vec<usize> = space.cands.iter().map(|&i| catalog.class_of(i)).collect();
        let mut class_rating = vec![PairRating::Unknown; classes * classes];
        for a in 0..classes {
            for b in 0..classes {
                if let Some(edge) = catalog.compat().class_link(a, b) {
                    class_rating[a * classes + b] = catalog.file().class_edges[edge].rating.into();
                }
            }
        }
        let special = (0..n)
            .filter(|&c| {
                let i = &ingredients[space.cands[c]];
                i.solo.is_some() || i.ph.is_some()
            })
            .collect();
        let mut position = vec![None; ingredients.len()];
        for (c, &i) in space.cands.iter().enumerate() {
            position[i] = Some(c);
        }
        let partners = space
            .cands
            .iter()
            .map(|&i| {
                catalog
                    .compat()
                    .neighbours(i)
                    .iter()
                    .filter_map(|&(j, _)| position[j])
                    .collect()
            })
            .collect();
        Prepared {
            space,
            syringes,
            weights,
            claims,
            rank,
            group,
            groups,
            class,
            class_rating,
            classes,
            special,
            partners,
        }
    }

    /// The rows of candidate `c` (see [`Search::rows`]): its admission row, and for two
    /// syringes its same-session row. Pairs rated by their classes alone are read from the
    /// class table; the others (ingredient edges, "do not mix" rules, pH) are resolved.
    fn rows(&self, c: usize) -> (Box<[u8]>, Option<Box<[u8]>>) {
        let space = self.space;
        let n = space.cands.len();
        let two = self.syringes == 2;
        let mut row = vec![0u8; n];
        let mut session = vec![0u8; if two { n } else { 0 }];
        let resolve = |x: usize, row: &mut [u8], session: &mut [u8]| {
            if x == c {
                return;
            }
            row[x] = space
                .pair(c, x)
                .map_or(0, |cautions| cautions.saturating_add(1));
            if two {
                session[x] = u8::from(space.same_session(c, x));
            }
        };
        if self.special.binary_search(&c).is_ok() {
            for x in 0..n {
                resolve(x, &mut row, &mut session);
            }
        } else {
            let from = self.class[c] * self.classes;
            for x in 0..n {
                if x == c {
                    continue;
                }
                let rating = self.class_rating[from + self.class[x]];
                row[x] = match rating {
                    PairRating::Compatible => 1,
                    PairRating::Caution if space.allow_caution => 2,
                    _ => 0,
                };
                if two {
                    session[x] = u8::from(rating != PairRating::Incompatible);
                }
            }
            for &x in self.special.iter().chain(&self.partners[c]) {
                resolve(x, &mut row, &mut session);
            }
        }
        (
            row.into_boxed_slice(),
            two.then(|| session.into_boxed_slice()),
        )
    }

    /// Which candidates to keep: those dominated by fewer than `k` others. A dominating
    /// candidate is at least as good on every target (efficacy, then evidence), brings no more
    /// cautions of its own, is admitted with every candidate the other is admitted with (with
    /// no more cautions) and, for two syringes, may meet in the session everyone the other
    /// may. Then any answer holding the dominated one is beaten by the k answers that swap it
    /// for a dominating one: the k best never hold it. Only candidates of one class without
    /// "do not mix" rules are compared, whose pairs differ only where one of them has an
    /// ingredient edge, so those pairs alone are looked up. A dominating candidate must have
    /// a smaller id (so the swap wins the tie-break too), unless `score_only` (one answer, and
    /// only its score is sought) and it is strictly better somewhere.
    fn undominated(&self, k: usize, score_only: bool) -> Vec<bool> {
        let space = self.space;
        let catalog = space.catalog;
        let ingredients = catalog.ingredients();
        let n = space.cands.len();
        let mut keep = vec![true; n];
        let mut by_class: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (c, &i) in space.cands.iter().enumerate() {
            if ingredients[i].solo.is_none() {
                by_class.entry(catalog.class_of(i)).or_default().push(c);
            }
        }
        for members in by_class.values().filter(|m| m.len() > 1) {
            for &c in members {
                if space.required.contains(&c) {
                    continue;
                }
                let dominators = members
                    .iter()
                    .filter(|&&d| d != c && self.dominates(d, c, score_only))
                    .take(k)
                    .count();
                if dominators >= k {
                    keep[c] = false;
                }
            }
        }
        keep
    }

    /// Whether `d` dominates `c` (see [`Prepared::undominated`]).
    fn dominates(&self, d: usize, c: usize, score_only: bool) -> bool {
        let space = self.space;
        let ingredients = space.catalog.ingredients();
        let mut equal = true;
        for t in 0..self.weights.len() {
            let (mine, theirs) = (
                (space.eff[d][t], space.ev[d][t]),
                (space.eff[c][t], space.ev[c][t]),
            );
            if mine < theirs {
                return false;
            }
            equal &= mine == theirs;
        }
        if space.own_cautions[d] > space.own_cautions[c] {
            return false;
        }
        equal &= space.own_cautions[d] == space.own_cautions[c];
        let smaller_id = self.rank[d] < self.rank[c];
        if !smaller_id && (!score_only || equal) {
            return false;
        }
        let ph = |x: usize| {
            ingredients[space.cands[x]]
                .ph
                .as_ref()
                .map(|p| (p.min, p.max))
        };
        if ph(d) != ph(c) {
            return false;
        }
        self.partners[c]
            .iter()
            .chain(&self.partners[d])
            .filter(|&&x| x != c && x != d)
            .all(|&x| {
                let admitted = match (space.pair(c, x), space.pair(d, x)) {
                    (Some(theirs), Some(mine)) => mine <= theirs,
                    (Some(_), None) => false,
                    (None, _) => true,
                };
                admitted
                    && (self.syringes == 1 || !space.same_session(c, x) || space.same_session(d, x))
            })
    }
}

/// Conflict groups: candidates of one class, grouped so that no two in a group may share a
/// syringe (a class without data inside it is one group). Greedy: each candidate joins the
/// first group of its class it conflicts with entirely, or starts a new one.
fn conflict_groups(space: &Space<'_>) -> (Vec<usize>, usize) {
    /// Groups of one class a candidate is compared with before it starts its own.
    const TRIES: usize = 16;
    let catalog = space.catalog;
    let n = space.cands.len();
    let mut group = vec![0usize; n];
    let mut groups = 0usize;
    let mut by_class: BTreeMap<usize, Vec<Vec<usize>>> = BTreeMap::new();
    for c in 0..n {
        let class = by_class
            .entry(catalog.class_of(space.cands[c]))
            .or_default();
        let joined = class
            .iter_mut()
            .take(TRIES)
            .find(|members| members.iter().all(|&m| space.pair(c, m).is_none()));
        match joined {
            Some(members) => {
                group[c] = group[members[0]];
                members.push(c);
            }
            None => {
                group[c] = groups;
                groups += 1;
                class.push(vec![c]);
            }
        }
    }
    (group, groups)
}

/// The multipliers of one Lagrangian bound: levels 1 to `top` of each target (efficacy: 3;
/// joint value: 15), each multiplier in `0 ..= SCALE × weight`.
struct Ladder {
    top: usize,
    joint: bool,
    lambda: Vec<u64>,
}

impl Ladder {
    fn new(weights: &[u64], joint: bool) -> Ladder {
        let top = if joint { 15 } else { 3 };
        let mut lambda = vec![0; weights.len() * (top + 1)];
        for (t, &w) in weights.iter().enumerate() {
            for l in 1..=top {
                lambda[t * (top + 1) + l] = SCALE * w;
            }
        }
        Ladder { top, joint, lambda }
    }

    fn level(&self, claim: &Claim) -> usize {
        usize::from(if self.joint { claim.joint } else { claim.eff })
    }
}

/// Working memory of the Lagrangian bound, kept between nodes.
#[derive(Default)]
struct Scratch {
    prefix: Vec<u64>,
    hi: Vec<usize>,
    count: Vec<i64>,
    value: Vec<u64>,
    /// The two best (value, open position) of each group.
    tops: Vec<[(u64, usize); 2]>,
    touched: Vec<usize>,
    picked: Vec<(u64, usize)>,
    /// Of the last multipliers a bound was computed with: the constant term, and the sum of
    /// the largest `slots - 1` picked values. With `value[i]` they bound what completions
    /// holding `open[i]` add (see [`Scratch::forced`]).
    constant: u64,
    rest: u64,
}

impl Scratch {
    /// For each open candidate of the last bound, an upper bound on what completions holding
    /// it add: the Lagrangian function with that candidate forced in is at most the constant,
    /// its own value and the `slots - 1` largest others (one per group no longer enforced).
    fn forced(&self) -> impl Iterator<Item = u64> + '_ {
        self.value
            .iter()
            .map(|&v| (self.constant + v + self.rest) / SCALE)
    }
}

/// An upper bound on what at most `slots` more members from `open` add to a node whose level
/// on each target is `base` (on the ladder's scale), at most `per_group` from one conflict
/// group: the Lagrangian relaxation of the linear program "level l of target t is reached only
/// if a chosen member reaches it", its multipliers moved by subgradient steps (at most
/// `steps`, stopping once the bound is below `goal` or stops improving). Every multiplier
/// vector gives a valid bound for every number of members, so the best seen is returned, with
/// the fewest members any multiplier vector allows for adding `goal` (`slots + 1` when none
/// does).
#[allow(clippy::too_many_arguments)]
fn relax(
    ladder: &mut Ladder,
    prep: &Prepared<'_, '_>,
    base: &[usize],
    open: &[Open],
    slots: usize,
    per_group: usize,
    goal: u64,
    steps: usize,
    s: &mut Scratch,
) -> (u64, usize) {
    let weights = &prep.weights;
    let stride = ladder.top + 1;
    let targets = weights.len();
    s.hi.clear();
    s.hi.extend_from_slice(base);
    for o in open {
        for claim in &prep.claims[o.cand] {
            let l = ladder.level(claim);
            s.hi[claim.target] = s.hi[claim.target].max(l);
        }
    }
    if (0..targets).all(|t| s.hi[t] <= base[t]) {
        s.value.clear();
        s.value.resize(open.len(), 0);
        (s.constant, s.rest) = (0, 0);
        return (0, if goal == 0 { 0 } else { slots + 1 });
    }
    s.prefix.resize(targets * stride, 0);
    s.count.resize(targets * stride, 0);
    if s.tops.len() < prep.groups {
        s.tops.resize(prep.groups, [(0, usize::MAX); 2]);
    }
    let mut best = u64::MAX;
    let mut fewest = 0usize;
    let mut theta = 1.0f64;
    let mut since_better = 0;
    for _ in 0..steps.max(1) {
        // Prefix sums of the multipliers, per target.
        let mut constant = 0u64;
        for t in 0..targets {
            let row = t * stride;
            s.prefix[row] = 0;
            for l in 1..stride {
                s.prefix[row + l] = s.prefix[row + l - 1] + ladder.lambda[row + l];
            }
            for l in base[t] + 1..=s.hi[t] {
                constant += SCALE * weights[t] - ladder.lambda[row + l];
            }
        }
        // Each open candidate's value under the multipliers, and the best per group.
        s.touched.clear();
        s.value.clear();
        for (i, o) in open.iter().enumerate() {
            let mut v = 0;
            for claim in &prep.claims[o.cand] {
                let (t, l) = (claim.target, ladder.level(claim));
                if l > base[t] {
                    v += s.prefix[t * stride + l] - s.prefix[t * stride + base[t]];
                }
            }
            s.value.push(v);
            if v == 0 {
                continue;
            }
            let g = prep.group[o.cand];
            let top = &mut s.tops[g];
            if top[0].1 == usize::MAX {
                s.touched.push(g);
            }
            if top[0].1 == usize::MAX || v > top[0].0 {
                top[1] = top[0];
                top[0] = (v, i);
            } else if top[1].1 == usize::MAX || v > top[1].0 {
                top[1] = (v, i);
            }
        }
        s.picked.clear();
        for &g in &s.touched {
            for &(v, i) in &s.tops[g][..per_group] {
                if i != usize::MAX {
                    s.picked.push((v, i));
                }
            }
            s.tops[g] = [(0, usize::MAX); 2];
        }
        s.picked.sort_unstable_by_key(|&(v, i)| (Reverse(v), i));
        s.picked.truncate(slots);
        s.constant = constant;
        s.rest = s.picked.iter().take(slots - 1).map(|&(v, _)| v).sum();
        // The fewest members whose bound reaches the goal, under these multipliers.
        let target = goal.saturating_mul(SCALE);
        let mut value = constant;
        let mut members = if value >= target { 0 } else { slots + 1 };
        for (r, &(v, _)) in s.picked.iter().enumerate() {
            value += v;
            if members > slots && value >= target {
                members = r + 1;
            }
        }
        fewest = fewest.max(members);
        let bound = value / SCALE;
        if bound < best {
            best = bound;
            since_better = 0;
        } else {
            since_better += 1;
            if since_better >= 4 {
                break;
            }
            if since_better >= 2 {
                theta /= 2.0;
            }
        }
        if best < goal {
            break;
        }
        // Subgradient: how often each level is reached by the picked members, less one.
        s.count.iter_mut().for_each(|c| *c = 0);
        for &(_, i) in &s.picked {
            for claim in &prep.claims[open[i].cand] {
                let (t, l) = (claim.target, ladder.level(claim));
                for level in base[t] + 1..=l {
                    s.count[t * stride + level] += 1;
                }
            }
        }
        let mut norm = 0i64;
        for (t, &from) in base.iter().enumerate() {
            for l in from + 1..=s.hi[t] {
                let g = s.count[t * stride + l] - 1;
                norm += g * g;
            }
        }
        if norm == 0 {
            break;
        }
        let step = (theta * value.saturating_sub(target).max(SCALE) as f64 / norm as f64).max(1.0);
        for t in 0..targets {
            let cap = (SCALE * weights[t]) as f64;
            for l in base[t] + 1..=s.hi[t] {
                let at = t * stride + l;
                let g = (s.count[at] - 1) as f64;
                let moved = (ladder.lambda[at] as f64 - step * g).clamp(0.0, cap);
                ladder.lambda[at] = moved as u64;
            }
        }
    }
    (best, fewest)
}

/// A way to fill the syringes with the current members: bit `i` of `mask` puts member `i`
/// into the second syringe; `cautions` are the answer's cautions so split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Split {
    mask: u32,
    cautions: u32,
}

/// One search pass: what every node shares.
///
/// A node is a set of members (in the order taken) with every way of splitting it into the
/// syringes that fits; for one syringe that is the one way, for two it is every split with
/// each syringe within the size limit, every pair in a syringe admitted, the required members
/// in the first and the first member there too (so each split is listed once). Children add a
/// member, so each set is reached once, whatever its splits.
struct Search<'p, 's, 'c> {
    prep: &'p Prepared<'s, 'c>,
    pass: Pass,
    /// Candidates not dropped as dominated.
    keep: Vec<bool>,
    /// The k best answers so far.
    best: Best<'s, 'c>,
    k: usize,
    /// The current node's members, in the order they were taken.
    members: Vec<usize>,
    /// Admission rows: `rows[c][x]` is 0 when c and x may not share a syringe, else 1 + the
    /// cautions the pair adds. Built when first needed.
    rows: Vec<Option<Box<[u8]>>>,
    /// Same-session rows: `session[c][x]` is 1 when c and x may be given in one session.
    session: Vec<Option<Box<[u8]>>>,
    ladders: [Ladder; 2],
    scratch: Scratch,
    /// Nodes visited so far.
    nodes: u64,
    /// Nodes the pass may visit.
    budget: u64,
    /// Whether the budget ran out.
    stopped: bool,
    /// [`Search::kth_ranks`], kept current after each offer.
    kth: Option<Vec<u32>>,
    /// Whether nodes order their open candidates by gain (else they keep id order).
    by_gain: bool,
}

/// An open candidate of a node, with its gains over the node's level.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// Weighted joint gain (see [`joint`]).
    joint: u64,
    /// Weighted coverage gain.
    coverage: u64,
    /// The candidate's position in the space.
    cand: usize,
}

/// Per-target caps over a suffix `open[i..]` of a node's open list: what the node's set
/// together with any of those candidates can reach at most.
#[derive(Debug, Clone, Copy, Default)]
struct Cap {
    /// Weighted coverage of every target's best claim.
    coverage: u64,
    /// Weighted joint value of every target's best claim.
    joint: u64,
    /// Weighted evidence of every covered target's best claim.
    ev_best: u64,
    /// Weighted best evidence of any claim on every covered target.
    ev_any: u64,
}

/// What a bound knows of the completions it covers, besides the caps.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Coverage reachable at most.
    coverage: u64,
    /// Joint value reachable at most.
    joint: u64,
    /// Cautions the completions have at least.
    cautions: u32,
    /// Components the completions have at least.
    components: usize,
}

impl Cap {
    /// A score at least as good as every completion's (an admissible bound), given the
    /// threshold `t` it is compared with.
    fn bound(&self, t: &Score, run: Run) -> Score {
        let joint_bound = self.joint.min(run.joint);
        let coverage = self.coverage.min(run.coverage).min(joint_bound / 4);
        // Completions that tie on coverage have at most the evidence the joint bound leaves; if
        // they must reach every goal's best efficacy, at most the best pairs' evidence.
        let evidence = if coverage == t.coverage {
            let ev = if coverage == self.coverage {
                self.ev_best
            } else {
                self.ev_any
            };
            ev.min(joint_bound.saturating_sub(4 * t.coverage))
        } else if coverage == self.coverage {
            self.ev_best
        } else {
            self.ev_any
        };
        Score {
            coverage,
            cautions: run.cautions,
            evidence,
            components: run.components,
        }
    }
}

/// One node: its set's level and cautions, and what its children can still reach.
struct Node<'l> {
    level: &'l Level,
    /// Members of the node's set.
    members: usize,
    /// The fewest cautions of any split of the node's set.
    cautions: u32,
    /// Free places left in all syringes together (at least 1).
    slots: usize,
    /// Weighted coverage of the node's set.
    coverage: u64,
    /// Weighted joint value of the node's set.
    joint: u64,
    /// Open candidates that improve some target, in the pass's order.
    open: Vec<Open>,
    /// `caps[i]`: caps over `open[i..]` (`caps[n]` is the node's set alone).
    caps: Vec<Cap>,
    /// The largest `slots` coverage gains over `open[i..]`, descending, as row `i` of a flat
    /// table (row `i` at `i * slots`, `n + 1` rows).
    top_cov: Vec<u64>,
    /// The same table of joint gains.
    top_joint: Vec<u64>,
}

impl<'p, 's, 'c> Search<'p, 's, 'c> {
    fn new(prep: &'p Prepared<'s, 'c>, k: usize, pass: Pass, budget: u64, keep: Vec<bool>) -> Self {
        let n = prep.space.cands.len();
        Search {
            prep,
            pass,
            keep,
            best: Best::new(prep.space, k),
            k,
            members: Vec::new(),
            rows: vec![None; n],
            session: vec![None; n],
            ladders: [
                Ladder::new(&prep.weights, false),
                Ladder::new(&prep.weights, true),
            ],
            scratch: Scratch::default(),
            nodes: 0,
            budget,
            stopped: false,
            kth: None,
            by_gain: pass == Pass::Score,
        }
    }

    /// Searches from the required set, in the first syringe.
    fn run(&mut self) {
        let space = self.prep.space;
        let start: Vec<usize> = space.required.clone();
        for &c in &start {
            self.ensure_rows(c);
        }
        let level = space.level(&start);
        let split = Split {
            mask: 0,
            cautions: space.cautions(&start),
        };
        let mut open: Vec<usize> = (0..space.cands.len())
            .filter(|&c| self.keep[c] && !start.contains(&c))
            .filter(|&c| self.may_join(&start, c))
            .collect();
        if matches!(self.pass, Pass::Ids { .. }) {
            open.sort_by_key(|&c| self.prep.rank[c]);
        }
        self.members = start;
        self.kth = self.kth_ranks();
        match self.pass {
            // One syringe: the first answer met in id order is the one. Two syringes keep the
            // plain id-order search: there, answers of the best score are many (ten places
            // reach every target's best), and asking each child whether one lies below costs
            // more than it saves.
            Pass::Ids { kstar }
                if self.k == 1 && self.members.is_empty() && self.prep.syringes == 1 =>
            {
                self.smallest(&open, &level, &[split], kstar);
            }
            _ => self.descend(&open, &level, &[split]),
        }
    }

    /// Whether candidate `c` may join `members` in some syringe as far as pairs go: admitted
    /// with every one of them (one syringe), or allowed to meet each in the session (two).
    fn may_join(&self, members: &[usize], c: usize) -> bool {
        members.iter().all(|&m| self.joins(m, c))
    }

    /// [`Search::may_join`] for one member `m` whose rows are built.
    fn joins(&self, m: usize, c: usize) -> bool {
        let row = if self.prep.syringes == 1 {
            &self.rows[m]
        } else {
            &self.session[m]
        };
        row.as_ref().is_some_and(|r| r[c] != 0)
    }

    /// The score every answer must beat (pass 1: strictly; the k-th best so far) or reach
    /// (pass 2: `K*`), if there is one yet.
    fn threshold(&self) -> Option<Score> {
        match self.pass {
            Pass::Score => self.best.threshold().copied(),
            Pass::Ids { kstar } => Some(kstar),
        }
    }

    /// Whether completions bounded by `bound` are of no use against threshold `t`.
    fn cannot_reach(&self, bound: &Score, t: &Score) -> bool {
        match self.pass {
            Pass::Score => key_order(bound, t) != Ordering::Less,
            Pass::Ids { .. } => key_order(bound, t) == Ordering::Greater,
        }
    }

    /// In the second pass, the sorted id ranks of the k-th answer kept, once k are kept (all
    /// of score `K*`); `None` in the first pass, when fewer are kept, or when there are
    /// required members (their ids are not taken in id order).
    fn kth_ranks(&self) -> Option<Vec<u32>> {
        if self.pass == Pass::Score || !self.prep.space.required.is_empty() {
            return None;
        }
        let list = self.best.list();
        if list.len() < self.k {
            return None;
        }
        let mut ranks: Vec<u32> = list[self.k - 1]
            .0
            .iter()
            .flatten()
            .map(|&c| self.prep.rank[c])
            .collect();
        ranks.sort_unstable();
        Some(ranks)
    }

    /// The current members' ranks (taken in id order in the second pass), with `extra` after
    /// them, compared with `kth`.
    fn prefix_beyond(&self, extra: Option<usize>, kth: &[u32]) -> Ordering {
        let ranks = self
            .members
            .iter()
            .chain(extra.as_ref())
            .map(|&c| self.prep.rank[c]);
        ranks.cmp(kth.iter().copied())
    }

    /// The syringes of the current members under `split`.
    fn syringes(&self, split: Split) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.prep.syringes];
        for (i, &m) in self.members.iter().enumerate() {
            out[usize::from(split.mask & (1 << i) != 0)].push(m);
        }
        out
    }

    /// Offers the current set: with one answer wanted, its splits with the fewest cautions
    /// (the ids decide among them); with more, every split. Nothing is offered that cannot
    /// enter the list.
    fn offer(&mut self, splits: &[Split]) {
        let space = self.prep.space;
        let fewest = splits.iter().map(|s| s.cautions).min().unwrap_or(0);
        let mut score = space.score(std::slice::from_ref(&self.members));
        score.cautions = fewest;
        let useful = match self.pass {
            Pass::Score => self
                .best
                .threshold()
                .is_none_or(|t| key_order(&score, t) != Ordering::Greater),
            Pass::Ids { kstar } => key_order(&score, &kstar) != Ordering::Greater,
        };
        if !useful {
            return;
        }
        for &split in splits {
            if self.k == 1 && split.cautions != fewest {
                continue;
            }
            let syringes = self.syringes(split);
            self.best.offer(&syringes);
        }
        self.kth = self.kth_ranks();
    }

    /// One node: the current members with their splits; `open` holds the later candidates that
    /// may join them.
    fn descend(&mut self, open: &[usize], level: &Level, splits: &[Split]) {
        if !self.tick() {
            return;
        }
        if let Some(kth) = &self.kth
            && self.prefix_beyond(None, kth) == Ordering::Greater
        {
            return;
        }
        if self.prep.space.irredundant(&self.members) {
            self.offer(splits);
        }
        // Every extension has larger ids than the k-th answer kept.
        if let Some(kth) = &self.kth
            && self.prefix_beyond(None, kth) != Ordering::Less
        {
            return;
        }
        let slots = (self.prep.space.max * self.prep.syringes).saturating_sub(self.members.len());
        if slots == 0 {
            return;
        }
        let cautions = splits.iter().map(|s| s.cautions).min().unwrap_or(0);
        let Some(node) = self.node(open, level, cautions, slots) else {
            return;
        };
        for i in 0..node.open.len() {
            if self.stopped {
                return;
            }
            if let Some(t) = self.threshold()
                && node.rest_cannot_reach(&t, i, |b, t| self.cannot_reach(b, t))
            {
                break;
            }
            let cand = node.open[i].cand;
            if let Some(kth) = &self.kth
                && self.prefix_beyond(Some(cand), kth) == Ordering::Greater
            {
                break;
            }
            // A lower bound on the child's cautions first; the splits only when it may help.
            let least = cautions + self.prep.space.own_cautions[cand];
            if let Some(t) = self.threshold()
                && node.child_cannot_reach(&t, i, least, |b, t| self.cannot_reach(b, t))
            {
                continue;
            }
            let child_splits = self.child_splits(splits, cand);
            let Some(fewest) = child_splits.iter().map(|s| s.cautions).min() else {
                continue;
            };
            if fewest > least
                && let Some(t) = self.threshold()
                && node.child_cannot_reach(&t, i, fewest, |b, t| self.cannot_reach(b, t))
            {
                continue;
            }
            self.visit(&node, i, &child_splits);
        }
    }

    /// The node of the current set, or `None` when no open candidate improves it or no
    /// completion can be of use.
    ///
    /// Most nodes are pruned by the bounds over their whole open list, which do not depend on
    /// its order: those are checked first, on the caps and top gains of the whole list alone,
    /// and the list is sorted and its suffix tables built only for a node that survives them.
    fn node<'l>(
        &mut self,
        open: &[usize],
        level: &'l Level,
        cautions: u32,
        slots: usize,
    ) -> Option<Node<'l>> {
        let open = self.gains(open, level);
        if open.is_empty() {
            return None;
        }
        let (cap, top_cov, top_joint) = self.whole(&open, level, slots);
        let mut node = Node {
            level,
            members: self.members.len(),
            cautions,
            slots,
            coverage: self.prep.space.coverage(level),
            joint: self.joint_value(level),
            open,
            caps: vec![cap],
            top_cov,
            top_joint,
        };
        if let Some(t) = self.threshold() {
            // The cheap bounds first; the relaxation only when they do not prune and the open
            // list is long enough for it to pay.
            if node.rest_cannot_reach(&t, 0, |b, t| self.cannot_reach(b, t))
                || (node.open.len() >= RELAX_FROM && self.relaxation_cannot_reach(&mut node, &t))
            {
                return None;
            }
        }
        if self.by_gain {
            // Best joint gain first; ties keep the parent's order, so the search is
            // deterministic.
            node.open.sort_by_key(|x| Reverse(x.joint));
        }
        (node.caps, node.top_cov, node.top_joint) = self.caps(&node.open, level, slots);
        Some(node)
    }

    /// Whether the Lagrangian bounds show that no completion of the node is of use.
    fn relaxation_cannot_reach(&mut self, node: &mut Node<'_>, t: &Score) -> bool {
        let prep = self.prep;
        let steps = if node.members <= prep.space.required.len() {
            ROOT_STEPS
        } else {
            NODE_STEPS
        };
        let per_group = prep.syringes;
        let cap = node.caps[0];
        let base: Vec<usize> = node.level.eff.iter().map(|&e| usize::from(e)).collect();
        let (gain, fewest) = relax(
            &mut self.ladders[0],
            prep,
            &base,
            &node.open,
            node.slots,
            per_group,
            t.coverage.saturating_sub(node.coverage),
            steps,
            &mut self.scratch,
        );
        let coverage = node.coverage + gain;
        // Completions that reach the threshold's coverage need this many members at least.
        let mut components = members_needed(t.coverage, node.coverage, node.top(0), node.members)
            .max(node.members + fewest)
            .max(node.members + 1);
        let bound = |coverage: u64, joint: u64, cautions: u32, components: usize| {
            cap.bound(
                t,
                Run {
                    coverage,
                    joint,
                    cautions,
                    components,
                },
            )
        };
        let loose = u64::MAX / 8;
        if self.cannot_reach(&bound(coverage, loose, node.cautions, components), t) {
            return true;
        }
        let mut forced: Vec<(u64, u64)> = self
            .scratch
            .forced()
            .map(|gain| (node.coverage + gain, loose))
            .collect();
        if coverage.min(cap.coverage) <= t.coverage {
            let base: Vec<usize> = (0..prep.weights.len())
                .map(|j| joint(node.level.eff[j], node.level.ev[j]) as usize)
                .collect();
            // Completions as good as the threshold reach its joint value:
            // `4 × coverage + evidence`.
            let goal = (4 * t.coverage + t.evidence).saturating_sub(node.joint);
            let (gain, fewest) = relax(
                &mut self.ladders[1],
                prep,
                &base,
                &node.open,
                node.slots,
                per_group,
                goal,
                steps,
                &mut self.scratch,
            );
            let joint = node.joint + gain;
            components = components.max(node.members + fewest);
            if self.cannot_reach(&bound(coverage, joint, node.cautions, components), t) {
                return true;
            }
            for (f, gain) in forced.iter_mut().zip(self.scratch.forced()) {
                f.1 = node.joint + gain;
            }
        }
        // Candidates no completion of use can hold are dropped from the node's list, so none
        // of its descendants takes them.
        let own = &prep.space.own_cautions;
        let mut forced = forced.into_iter();
        node.open.retain(|o| {
            let (coverage, joint) = forced.next().unwrap_or((loose, loose));
            let cautions = node.cautions + own[o.cand];
            !self.cannot_reach(&bound(coverage, joint, cautions, node.members + 1), t)
        });
        node.open.is_empty()
    }

    /// Weighted joint value of a level.
    fn joint_value(&self, level: &Level) -> u64 {
        (0..self.prep.weights.len())
            .map(|j| joint(level.eff[j], level.ev[j]) * self.prep.weights[j])
            .sum()
    }

    /// The open candidates that improve some target (an optimum has no idle member), with
    /// their gains, in the parent's order.
    fn gains(&self, open: &[usize], level: &Level) -> Vec<Open> {
        let prep = self.prep;
        let w = &prep.weights;
        open.iter()
            .filter_map(|&c| {
                let (mut joint_gain, mut coverage) = (0u64, 0u64);
                for claim in &prep.claims[c] {
                    let t = claim.target;
                    let now = joint(level.eff[t], level.ev[t]);
                    joint_gain += u64::from(claim.joint).saturating_sub(now) * w[t];
                    coverage += u64::from(claim.eff.saturating_sub(level.eff[t])) * w[t];
                }
                (joint_gain > 0).then_some(Open {
                    joint: joint_gain,
                    coverage,
                    cand: c,
                })
            })
            .collect()
    }

    /// The suffix tables of a node: caps over `open[i..]` for every `i`, and the top coverage
    /// and joint gains tables.
    fn caps(&self, open: &[Open], level: &Level, slots: usize) -> (Vec<Cap>, Vec<u64>, Vec<u64>) {
        let n = open.len();
        let mut caps = vec![Cap::default(); n + 1];
        let mut top_cov = vec![0u64; (n + 1) * slots];
        let mut top_joint = vec![0u64; (n + 1) * slots];
        let (mut best_pair, mut any_ev) = level_pairs(level);
        let space = self.prep.space;
        let mut cap = self.cap(&best_pair, &any_ev);
        caps[n] = cap;
        for i in (0..n).rev() {
            let c = open[i].cand;
            for claim in &self.prep.claims[c] {
                let j = claim.target;
                let pair = (space.eff[c][j], space.ev[c][j]);
                if pair > best_pair[j] || pair.1 > any_ev[j] {
                    // Only target j's share of the caps changes.
                    let before = self.target_cap(j, best_pair[j], any_ev[j]);
                    best_pair[j] = best_pair[j].max(pair);
                    any_ev[j] = any_ev[j].max(pair.1);
                    let after = self.target_cap(j, best_pair[j], any_ev[j]);
                    cap.coverage = cap.coverage - before.coverage + after.coverage;
                    cap.joint = cap.joint - before.joint + after.joint;
                    cap.ev_best = cap.ev_best - before.ev_best + after.ev_best;
                    cap.ev_any = cap.ev_any - before.ev_any + after.ev_any;
                }
            }
            caps[i] = cap;
            insert_top(&mut top_cov, i, slots, open[i].coverage);
            insert_top(&mut top_joint, i, slots, open[i].joint);
        }
        (caps, top_cov, top_joint)
    }

    /// Row 0 of the suffix tables (see [`Search::caps`]): the caps over the whole open list and
    /// its largest `slots` coverage and joint gains, in one pass and in any order.
    fn whole(&self, open: &[Open], level: &Level, slots: usize) -> (Cap, Vec<u64>, Vec<u64>) {
        let space = self.prep.space;
        let (mut best_pair, mut any_ev) = level_pairs(level);
        let mut top_cov = vec![0u64; slots];
        let mut top_joint = vec![0u64; slots];
        for o in open {
            for claim in &self.prep.claims[o.cand] {
                let j = claim.target;
                let pair = (space.eff[o.cand][j], space.ev[o.cand][j]);
                best_pair[j] = best_pair[j].max(pair);
                any_ev[j] = any_ev[j].max(pair.1);
            }
            push_top(&mut top_cov, o.coverage);
            push_top(&mut top_joint, o.joint);
        }
        (self.cap(&best_pair, &any_ev), top_cov, top_joint)
    }

    /// Target `j`'s share of the caps, with best claim `(e, v)` and best evidence `any_ev`.
    fn target_cap(&self, j: usize, (e, v): (u8, u8), any_ev: u8) -> Cap {
        let w = self.prep.weights[j];
        let covered = e > 0;
        Cap {
            coverage: u64::from(e) * w,
            joint: joint(e, v) * w,
            ev_best: if covered { u64::from(v) * w } else { 0 },
            ev_any: if covered { u64::from(any_ev) * w } else { 0 },
        }
    }

    /// The weighted caps of per-target best (efficacy, evidence) pairs and best evidence.
    fn cap(&self, best_pair: &[(u8, u8)], any_ev: &[u8]) -> Cap {
        let mut cap = Cap::default();
        for (j, &w) in self.prep.weights.iter().enumerate() {
            let (e, v) = best_pair[j];
            cap.coverage += u64::from(e) * w;
            cap.joint += joint(e, v) * w;
            if e > 0 {
                cap.ev_best += u64::from(v) * w;
                cap.ev_any += u64::from(any_ev[j]) * w;
            }
        }
        cap
    }

    /// The splits of the current members with candidate `c` added (as member number
    /// `members.len()`): each split extended by `c` in each syringe it fits. The first member
    /// always goes into the first syringe.
    fn child_splits(&mut self, splits: &[Split], c: usize) -> Vec<Split> {
        self.ensure_rows(c);
        let space = self.prep.space;
        let row = self.rows[c].as_deref().unwrap_or(&[]);
        let m = self.members.len();
        // Members c may share a syringe with, and the cautions each such pair adds.
        let mut admitted = 0u32;
        let mut pair_cautions = [0u32; 32];
        for (i, &member) in self.members.iter().enumerate() {
            let r = row.get(member).copied().unwrap_or(0);
            if r != 0 {
                admitted |= 1 << i;
                pair_cautions[i] = u32::from(r - 1);
            }
        }
        let all = if m == 0 { 0 } else { u32::MAX >> (32 - m) };
        let own = space.own_cautions[c];
        let mut out = Vec::with_capacity(splits.len());
        for split in splits {
            let second = split.mask & all;
            let first = !split.mask & all;
            let syringes: &[(u32, u32)] = if self.prep.syringes == 2 && m > 0 {
                &[(first, 0), (second, 1)]
            } else {
                &[(first, 0)]
            };
            for &(inside, bit) in syringes {
                if inside.count_ones() as usize >= space.max || inside & !admitted != 0 {
                    continue;
                }
                let added: u32 = (0..m)
                    .filter(|i| inside & (1 << i) != 0)
                    .map(|i| pair_cautions[i])
                    .sum();
                out.push(Split {
                    mask: split.mask | (bit << m),
                    cautions: split.cautions + own + added,
                });
            }
        }
        out
    }

    /// The rows of candidate `c` (see [`Search::rows`]), built on first use.
    fn ensure_rows(&mut self, c: usize) {
        if self.rows[c].is_none() {
            let (row, session) = self.prep.rows(c);
            self.rows[c] = Some(row);
            self.session[c] = session;
        }
    }

    /// Whether the current members, split as `splits`, score `kstar` (the best score: nothing
    /// scores better).
    fn scores(&self, splits: &[Split], kstar: &Score) -> bool {
        let mut score = self.prep.space.score(std::slice::from_ref(&self.members));
        score.cautions = splits.iter().map(|s| s.cautions).min().unwrap_or(0);
        key_order(&score, kstar) == Ordering::Equal
    }

    /// With one answer wanted: the answer of the best score `kstar` with the smallest ids, from
    /// the current members (in id order) and `open` (the later candidates, in id order).
    /// Answers are met in the order of their sorted ids, so the first child (in id order)
    /// below which some answer scores `kstar` holds the answer: [`Search::exists`] asks that
    /// of each child in turn (a search in gain order, which prunes far better than id order),
    /// and only that child is entered. Returns whether an answer was found and offered.
    fn smallest(&mut self, open: &[usize], level: &Level, splits: &[Split], kstar: Score) -> bool {
        if !self.tick() {
            return false;
        }
        // The members themselves come before every extension.
        if self.scores(splits, &kstar) {
            self.offer(splits);
            return true;
        }
        let Some(node) = self.expand(open, level, splits) else {
            return false;
        };
        for i in 0..node.open.len() {
            if self.stopped {
                return false;
            }
            let Some((child_open, child_level, child_splits)) =
                self.child_toward(&node, i, splits, &kstar)
            else {
                continue;
            };
            self.members.push(node.open[i].cand);
            self.by_gain = true;
            let below = self.exists(&child_open, &child_level, &child_splits, kstar);
            self.by_gain = false;
            let found = below && self.smallest(&child_open, &child_level, &child_splits, kstar);
            self.members.pop();
            if below || self.stopped {
                return found;
            }
        }
        false
    }

    /// Whether some answer from the current members and `open` scores `kstar` (the best
    /// score), by a search in gain order that stops at the first.
    fn exists(&mut self, open: &[usize], level: &Level, splits: &[Split], kstar: Score) -> bool {
        if !self.tick() {
            return false;
        }
        if self.scores(splits, &kstar) {
            return true;
        }
        let Some(node) = self.expand(open, level, splits) else {
            return false;
        };
        for i in 0..node.open.len() {
            if self.stopped {
                return false;
            }
            if node.rest_cannot_reach(&kstar, i, |b, t| self.cannot_reach(b, t)) {
                break;
            }
            let Some((child_open, child_level, child_splits)) =
                self.child_toward(&node, i, splits, &kstar)
            else {
                continue;
            };
            self.members.push(node.open[i].cand);
            let found = self.exists(&child_open, &child_level, &child_splits, kstar);
            self.members.pop();
            if found {
                return true;
            }
        }
        false
    }

    /// Counts a node against the budget; false once it has run out.
    fn tick(&mut self) -> bool {
        self.nodes += 1;
        if self.nodes > self.budget {
            self.stopped = true;
        }
        !self.stopped
    }

    /// The node of the current members split as `splits`, when places are left and some
    /// completion may still be of use.
    fn expand<'l>(
        &mut self,
        open: &[usize],
        level: &'l Level,
        splits: &[Split],
    ) -> Option<Node<'l>> {
        let slots = (self.prep.space.max * self.prep.syringes).saturating_sub(self.members.len());
        if slots == 0 {
            return None;
        }
        let cautions = splits.iter().map(|s| s.cautions).min().unwrap_or(0);
        self.node(open, level, cautions, slots)
    }

    /// The child taking `node.open[i]` (its open candidates, level and splits), unless no
    /// split fits it or its bound shows it cannot reach `kstar`.
    fn child_toward(
        &mut self,
        node: &Node<'_>,
        i: usize,
        splits: &[Split],
        kstar: &Score,
    ) -> Option<(Vec<usize>, Level, Vec<Split>)> {
        let cand = node.open[i].cand;
        let least = node.cautions + self.prep.space.own_cautions[cand];
        if node.child_cannot_reach(kstar, i, least, |b, t| self.cannot_reach(b, t)) {
            return None;
        }
        let child_splits = self.child_splits(splits, cand);
        if child_splits.is_empty() {
            return None;
        }
        let (child_open, child_level) = self.child(node, i);
        Some((child_open, child_level, child_splits))
    }

    /// The open candidates and the level of the child taking `node.open[i]`.
    fn child(&self, node: &Node<'_>, i: usize) -> (Vec<usize>, Level) {
        let c = node.open[i].cand;
        let mut child_level = node.level.clone();
        self.prep.space.raise(&mut child_level, c);
        // A child that fills the last place has no children of its own.
        let child_open: Vec<usize> = if node.slots == 1 {
            Vec::new()
        } else {
            node.open[i + 1..]
                .iter()
                .map(|x| x.cand)
                .filter(|&x| self.joins(c, x))
                .collect()
        };
        (child_open, child_level)
    }

    /// Takes `node.open[i]` as a new member with its splits, searches below it, and takes it
    /// out again.
    fn visit(&mut self, node: &Node<'_>, i: usize, splits: &[Split]) {
        let (child_open, child_level) = self.child(node, i);
        self.members.push(node.open[i].cand);
        self.descend(&child_open, &child_level, splits);
        self.members.pop();
    }
}

impl Node<'_> {
    /// Row `i` of the top coverage gains table.
    fn top(&self, i: usize) -> &[u64] {
        &self.top_cov[i * self.slots..(i + 1) * self.slots]
    }

    /// The sum of the `r` largest joint gains from position `from` on (`r` at most `slots`).
    fn joint_run(&self, from: usize, r: usize) -> u64 {
        let from = from.min(self.open.len());
        self.top_joint[from * self.slots..from * self.slots + r]
            .iter()
            .sum()
    }

    /// Whether even the best child from position `i` on is of no use against `t` (as
    /// `useless` judges a bound): then the node's loop stops.
    fn rest_cannot_reach(
        &self,
        t: &Score,
        i: usize,
        useless: impl Fn(&Score, &Score) -> bool,
    ) -> bool {
        let bound = self.caps[i].bound(
            t,
            Run {
                coverage: self.coverage + self.top(i).iter().sum::<u64>(),
                joint: self.joint + self.joint_run(i, self.slots),
                cautions: self.cautions,
                components: self.members + 1,
            },
        );
        useless(&bound, t)
    }

    /// Whether every completion of the child taking `open[i]` (with exact cautions `cautions`)
    /// is of no use against `t`.
    fn child_cannot_reach(
        &self,
        t: &Score,
        i: usize,
        cautions: u32,
        useless: impl Fn(&Score, &Score) -> bool,
    ) -> bool {
        let Open {
            joint, coverage, ..
        } = self.open[i];
        let later = &self.top(i + 1)[..self.slots - 1];
        let child_coverage = self.coverage + coverage;
        let bound = self.caps[i].bound(
            t,
            Run {
                coverage: child_coverage + later.iter().sum::<u64>(),
                joint: self.joint + joint + self.joint_run(i + 1, self.slots - 1),
                cautions,
                components: members_needed(t.coverage, child_coverage, later, self.members + 1),
            },
        );
        useless(&bound, t)
    }
}

/// The fewest members a set of `members` members and coverage `coverage` has once it reaches
/// coverage `target`, adding the largest `gains` (descending) first; if the gains never reach
/// it, every gain is counted.
fn members_needed(target: u64, coverage: u64, gains: &[u64], members: usize) -> usize {
    let mut components = members;
    if coverage < target {
        let mut reach = coverage;
        for gain in gains {
            components += 1;
            reach += gain;
            if reach >= target {
                break;
            }
        }
    }
    components
}

/// A level's (efficacy, evidence) pair and evidence per target: where the caps start from.
fn level_pairs(level: &Level) -> (Vec<(u8, u8)>, Vec<u8>) {
    let pairs = level
        .eff
        .iter()
        .copied()
        .zip(level.ev.iter().copied())
        .collect();
    (pairs, level.ev.clone())
}

/// Merges `value` into `top`, a list of the largest values seen (descending), dropping the
/// smallest.
fn push_top(top: &mut [u64], value: u64) {
    let Some(at) = top.iter().position(|&v| value > v) else {
        return;
    };
    top[at..].rotate_right(1);
    top[at] = value;
}

/// In a flat table of top-`keep` lists (each sorted descending, row `i` at `i * keep`), sets
/// row `i` to row `i + 1` with `value` merged in.
fn insert_top(table: &mut [u64], i: usize, keep: usize, value: u64) {
    let (head, tail) = table.split_at_mut((i + 1) * keep);
    let here = &mut head[i * keep..];
    let below = &tail[..keep];
    let mut inserted = false;
    let mut from = 0;
    for slot in here.iter_mut() {
        if !inserted && value >= below[from] {
            *slot = value;
            inserted = true;
        } else {
            *slot = below[from];
            from += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{self, Catalog, Kind};
    use crate::formulate::eligibility::eligibility;
    use crate::formulate::oracle::enumerate_all;
    use crate::formulate::{FormulateRequest, NODE_BUDGET, default_weights};
    use crate::patient::Patient;
    use crate::synthetic::{self, Shape};

    /// A request (goals with default weights, no patient), how many sets to keep, and the
    /// expected answer: the best set's ids and coverage, and how many sets come back.
    struct Case {
        goals: &'static [&'static str],
        zone: Option<&'static str>,
        require: &'static [&'static str],
        max: usize,
        caution: bool,
        k: usize,
        best: &'static [&'static str],
        coverage: u64,
        count: usize,
    }

    const BASE: Case = Case {
        goals: G6,
        zone: None,
        require: &[],
        max: 3,
        caution: false,
        k: 1,
        best: &[],
        coverage: 0,
        count: 1,
    };

    /// The search space of a synthetic catalog for its first `goals` goals (default weights),
    /// no zone, no patient, nothing required or excluded.
    fn synthetic_space<'c>(
        catalog: &'c Catalog,
        goals: usize,
        max: usize,
        caution: bool,
        k: usize,
    ) -> Space<'c> {
        let goals: Vec<usize> = (0..goals).collect();
        let request = FormulateRequest {
            allow_caution: caution,
            alternatives: k - 1,
            ..FormulateRequest::new(default_weights(&goals), max)
        };
        let (eligible, _) = eligibility(catalog, &request);
        Space::build(catalog, &request, &eligible)
    }

    /// Checks the branch and bound against the exhaustive oracle (the same k best sets, with
    /// the same scores, in the same order) and against the expected answer.
    fn check(catalog: &Catalog, case: &Case) {
        let find = |kind: Kind, name: &str| catalog.find(kind, name).expect(name);
        let goals: Vec<usize> = case.goals.iter().map(|g| find(Kind::Goal, g)).collect();
        let request = FormulateRequest {
            goals: default_weights(&goals),
            zone: case.zone.map(|z| find(Kind::Zone, z)),
            patient: Patient::default(),
            max_components: case.max,
            require: case
                .require
                .iter()
                .map(|i| find(Kind::Ingredient, i))
                .collect(),
            exclude: Vec::new(),
            allow_caution: case.caution,
            alternatives: case.k - 1,
        };
        let (eligible, _) = eligibility(catalog, &request);
        let space = Space::build(catalog, &request, &eligible);
        let (found, proven) = branch_and_bound(&space, case.k, 1, NODE_BUDGET);
        assert!(proven, "{:?}", case.goals);
        assert_eq!(found, enumerate_all(&space, case.k, 1), "{:?}", case.goals);
        let (set, score) = found.first().expect("the required set is admissible");
        let ids = space.ids(set).0;
        assert_eq!(ids, case.best, "{:?}", case.goals);
        assert_eq!(score.coverage, case.coverage, "{:?}", case.goals);
        assert_eq!(found.len(), case.count, "{:?}", case.goals);
    }

    /// Two syringes: the search equals the oracle on small synthetic catalogs (the oracle tries
    /// every split), and never does worse than one syringe.
    #[test]
    fn two_syringes_equal_the_oracle() {
        for seed in 0..10 {
            let shape = Shape {
                ingredients: 12,
                goals: 4,
                classes: 3,
                conflict: 0.35,
                caution: 0.10,
                performs: None,
                seed,
            };
            let catalog = synthetic::catalog(&shape).expect("the generator writes valid catalogs");
            for (max, caution, k) in [(2, false, 1), (3, true, 3), (1, false, 2)] {
                let space = synthetic_space(&catalog, 4, max, caution, k);
                let (two, proven) = branch_and_bound(&space, k, 2, NODE_BUDGET);
                assert!(proven);
                assert_eq!(two, enumerate_all(&space, k, 2), "seed {seed}, max {max}");
                let (one, _) = branch_and_bound(&space, 1, 1, NODE_BUDGET);
                if let (Some(a), Some(b)) = (two.first(), one.first()) {
                    assert!(key_order(&a.1, &b.1) != Ordering::Greater, "seed {seed}");
                    assert!(a.0.len() <= 2 && a.0.iter().all(|s| space.fits(s)));
                }
            }
        }
    }

    /// Catalogs large enough that the Lagrangian bound runs at the root and below it (and drops
    /// candidates no useful completion holds): the search still equals the oracle, for one
    /// and several answers, in one syringe and in two.
    #[test]
    fn search_equals_the_oracle_where_the_relaxation_prunes() {
        let one = (0..6).flat_map(|seed| {
            [
                (Shape::benchmark(34, seed), 1, 4, 1),
                (Shape::benchmark(34, seed), 1, 3, 3),
                (Shape::hostile(40, seed), 1, 4, 2),
            ]
        });
        let two = (0..3).map(|seed| (Shape::hostile(36, seed), 2, 2, 1));
        for (shape, syringes, max, k) in one.chain(two) {
            let catalog = synthetic::catalog(&shape).expect("valid");
            let space = synthetic_space(&catalog, shape.goals, max, shape.seed % 2 == 0, k);
            assert!(space.cands.len() >= RELAX_FROM, "{shape:?}");
            let (found, proven) = branch_and_bound(&space, k, syringes, NODE_BUDGET);
            assert!(proven, "{shape:?}");
            let expected = enumerate_all(&space, k, syringes);
            assert_eq!(
                found, expected,
                "{shape:?}, {syringes} syringes, max {max}, k {k}"
            );
        }
    }

    /// A search stopped by its node budget says so, and what it returns still fits.
    #[test]
    fn a_spent_budget_is_reported() {
        let shape = Shape {
            ingredients: 40,
            goals: 8,
            classes: 4,
            conflict: 0.10,
            caution: 0.05,
            performs: None,
            seed: 3,
        };
        let catalog = synthetic::catalog(&shape).expect("valid");
        let space = synthetic_space(&catalog, 8, 5, true, 1);
        let (full, proven) = branch_and_bound(&space, 1, 1, NODE_BUDGET);
        assert!(proven);
        let (cut, cut_proven) = branch_and_bound(&space, 1, 1, 5);
        assert!(!cut_proven);
        let (set, score) = cut
            .first()
            .expect("something was found before the budget ran out");
        assert!(set.iter().all(|s| space.fits(s)));
        assert!(
            key_order(score, &full[0].1) != Ordering::Less,
            "never better than the optimum"
        );
    }

    const G6: &[&str] = &["g00", "g01", "g02", "g03", "g04", "g05"];
    const G12: &[&str] = &[
        "g00", "g01", "g02", "g03", "g04", "g05", "g06", "g07", "g08", "g09", "g10", "g11",
    ];

    /// Synthetic catalogs (seed, ingredients; 4 classes, 10% conflicts, 5% cautions).
    #[rustfmt::skip]
    const SYNTHETIC: &[(u64, usize, Case)] = &[
        (0, 20, Case { best: &["i00002", "i00012", "i00014"], coverage: 2180, ..BASE }),
        // Several sets tie on coverage: cautions, evidence, then ids order them.
        (1, 20, Case { k: 4, best: &["i00002", "i00003", "i00017"], coverage: 3390, count: 4, ..BASE }),
        (2, 24, Case { max: 1, k: 3, best: &["i00018"], coverage: 414, count: 3, ..BASE }),
        (3, 24, Case { max: 4, caution: true, k: 5,
                       best: &["i00003", "i00007", "i00010", "i00020"], coverage: 9140, count: 5, ..BASE }),
        (4, 22, Case { goals: &["g02", "g00"], max: 2, k: 3,
                       best: &["i00012", "i00021"], coverage: 20, count: 3, ..BASE }),
        (5, 26, Case { goals: G12, max: 5, k: 2,
                       best: &["i00004", "i00007", "i00014", "i00020"], coverage: 11946, count: 2, ..BASE }),
        (6, 26, Case { goals: G12, max: 4, caution: true, k: 3,
                       best: &["i00008", "i00011", "i00016", "i00022"], coverage: 66405, count: 3, ..BASE }),
        // One candidate performs the goal's action: the second set kept is the empty one.
        (7, 18, Case { goals: &["g05"], max: 4, k: 6, best: &["i00006"], coverage: 1, count: 2, ..BASE }),
    ];

    #[test]
    fn search_equals_the_oracle_on_synthetic_catalogs() {
        for (seed, ingredients, case) in SYNTHETIC {
            let shape = Shape {
                ingredients: *ingredients,
                goals: if case.goals.len() > 6 { 12 } else { 6 },
                classes: 4,
                conflict: 0.10,
                caution: 0.05,
                performs: None,
                seed: *seed,
            };
            let catalog = synthetic::catalog(&shape).expect("the generator writes valid catalogs");
            check(&catalog, case);
        }
    }

    /// The embedded catalog.
    #[rustfmt::skip]
    const EMBEDDED: &[Case] = &[
        // Caffeine alone performs lipolysis for both goals; PC/DC (adipocytolysis) is caution
        // with it, and no other pair with caffeine has data.
        Case { goals: &["local_fat", "cellulite"], k: 3,
               best: &["caffeine"], coverage: 24, count: 3, ..BASE },
        Case { goals: &["rejuvenation", "hydration", "skin_laxity", "hyperpigmentation", "scars"],
               zone: Some("face"), max: 4, caution: true, k: 4,
               best: &["ascorbic_acid", "hyaluronic_acid", "tranexamic_acid"], coverage: 352, count: 4, ..BASE },
        // Caution pairs admitted: PC/DC's weak "do not mix" rule rates its pair with melilotus
        // caution, not unknown.
        Case { goals: &["local_fat", "cellulite", "lymphatic_drainage"], zone: Some("abdomen"),
               max: 4, caution: true, k: 5,
               best: &["melilotus", "phosphatidylcholine_deoxycholate"], coverage: 143, count: 5, ..BASE },
        Case { goals: &["local_fat", "cellulite", "lymphatic_drainage"], zone: Some("abdomen"),
               max: 4, k: 5,
               best: &["caffeine"], coverage: 76, count: 5, ..BASE },
        // Two actions of three, from two ingredients that may share a syringe.
        Case { goals: &["hair_loss"], zone: Some("scalp"), max: 2, caution: true, k: 2,
               best: &["biotin", "dutasteride"], coverage: 5, count: 2, ..BASE },
        // Deoxycholic acid's efficacy 3 holds in the submental zone only (its label).
        Case { goals: &["local_fat"], zone: Some("submental"), max: 2, k: 2,
               best: &["deoxycholic_acid"], coverage: 3, count: 2, ..BASE },
        // The required ingredient performs no requested action; hyaluronic acid may join it.
        Case { goals: &["cellulite", "lymphatic_drainage"], require: &["lidocaine"], k: 3,
               best: &["hyaluronic_acid", "lidocaine"], coverage: 16, count: 2, ..BASE },
        // Acne works partly through an anti-androgen action; on the scalp only dutasteride
        // performs one of acne's actions.
        Case { goals: &["acne"], zone: Some("scalp"), k: 2, best: &["dutasteride"], coverage: 3, count: 2, ..BASE },
    ];

    #[test]
    fn search_equals_the_oracle_on_the_embedded_catalog() {
        let catalog = catalog::embedded().expect("the embedded catalog loads");
        for case in EMBEDDED {
            check(&catalog, case);
        }
    }

    /// (row below, value, expected row): the row keeps its length, largest first.
    const TOP: &[(&[u64], u64, &[u64])] = &[
        (&[0, 0, 0], 5, &[5, 0, 0]),
        (&[9, 4, 1], 5, &[9, 5, 4]),
        (&[9, 4, 1], 0, &[9, 4, 1]),
        (&[9, 4, 1], 10, &[10, 9, 4]),
        (&[4, 4], 4, &[4, 4]),
        (&[7], 3, &[7]),
    ];

    fn check_top(below: &[u64], value: u64, expected: &[u64]) {
        let keep = below.len();
        let mut table = vec![u64::MAX; keep];
        table.extend_from_slice(below);
        insert_top(&mut table, 0, keep, value);
        assert_eq!(&table[..keep], expected, "{below:?} + {value}");
        assert_eq!(&table[keep..], below, "row 1 is left alone");
    }

    #[test]
    fn insert_top_merges_a_value_into_the_row_below() {
        for &(below, value, expected) in TOP {
            check_top(below, value, expected);
        }
    }

    /// (target, coverage, gains, members, expected members).
    const NEEDED: &[(u64, u64, &[u64], usize, usize)] = &[
        // Already there: no one more.
        (10, 10, &[5, 3], 2, 2),
        (10, 12, &[5, 3], 2, 2),
        // One gain is enough; two are needed; all gains fall short.
        (10, 6, &[5, 3], 1, 2),
        (10, 3, &[5, 3], 1, 3),
        (20, 3, &[5, 3], 1, 3),
        (10, 3, &[], 4, 4),
    ];

    #[test]
    fn members_needed_counts_the_largest_gains() {
        for &(target, coverage, gains, members, expected) in NEEDED {
            assert_eq!(
                members_needed(target, coverage, gains, members),
                expected,
                "{target} from {coverage} with {gains:?}"
            );
        }
    }
}
