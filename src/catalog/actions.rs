//! Queries on actions (DESIGN §6): an item's best claim for an action in a zone, and what one
//! item alone does for a goal (the goal efficacy `show` and `goals` print, derived through the
//! goal's shares).

use super::model::{ActionClaim, Evidence, Goal, GoalAction};
use super::{Catalog, Item};

/// Evidence as a number: inference 0, weak 1, peer 2, label 3 (always below 4).
pub fn evidence_rank(e: Evidence) -> u8 {
    match e {
        Evidence::Label => 3,
        Evidence::Peer => 2,
        Evidence::Weak => 1,
        Evidence::Inference => 0,
    }
}

/// Whether a claim holds in `zone`: a claim for some zones holds only there, and a request
/// without a zone counts only the claims that hold everywhere.
pub fn holds_in(claim: &ActionClaim, zone: Option<&str>) -> bool {
    claim.zones.is_empty() || zone.is_some_and(|z| claim.zones.iter().any(|c| c == z))
}

/// The better of two claims: higher efficacy, then stronger evidence; the first on ties.
pub fn better<'c>(a: Option<&'c ActionClaim>, b: &'c ActionClaim) -> Option<&'c ActionClaim> {
    match a {
        Some(a)
            if (a.efficacy, evidence_rank(a.evidence))
                >= (b.efficacy, evidence_rank(b.evidence)) =>
        {
            Some(a)
        }
        _ => Some(b),
    }
}

/// What one goal action accepts: the action itself and the ones that also serve it.
pub fn accepted(entry: &GoalAction) -> impl Iterator<Item = &str> {
    std::iter::once(entry.action.as_ref()).chain(entry.also_served_by.iter().map(|s| &**s))
}

/// The sum of a goal's shares (0 for a goal without actions).
pub fn total_shares(goal: &Goal) -> u32 {
    goal.actions.iter().map(|a| a.share).sum()
}

/// What one item alone does for one goal: Σ share × efficacy over the goal's actions, out of
/// `shares` (its value is `points / shares`, from 0 to 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalValue {
    /// Σ over the goal's actions of share × the item's best efficacy for it.
    pub points: u32,
    /// The goal's total shares.
    pub shares: u32,
    /// The strongest evidence among the claims that count.
    pub evidence: Evidence,
}

impl GoalValue {
    /// The value on the efficacy scale, 0 to 3.
    pub fn value(self) -> f64 {
        f64::from(self.points) / f64::from(self.shares.max(1))
    }
}

impl Catalog {
    /// The actions, in file order; an action index is a position in this list.
    pub fn actions(&self) -> &[super::model::Action] {
        &self.file().actions
    }

    /// Index of an action by exact id.
    pub fn action_index(&self, id: &str) -> Option<usize> {
        self.actions().iter().position(|a| a.id == id)
    }

    /// The regimens, in file order.
    pub fn regimens(&self) -> &[super::model::Regimen] {
        &self.file().regimens
    }

    /// Every action claim of an item: an ingredient's own, or a product's own followed by its
    /// actives' (a product performs what its actives do).
    pub fn action_claims(&self, item: Item) -> Vec<&ActionClaim> {
        match item {
            Item::Ingredient(i) => self.ingredients()[i].actions.iter().collect(),
            Item::Product(p) => {
                let product = &self.products()[p];
                let mut claims: Vec<&ActionClaim> = product.actions.iter().collect();
                for a in self.actives_of(item) {
                    claims.extend(self.ingredients()[a].actions.iter());
                }
                claims
            }
        }
    }

    /// An item's best claim (efficacy, then evidence) for any of the `actions` among the claims
    /// that hold in `zone`.
    pub fn best_claim<'a>(
        &'a self,
        item: Item,
        actions: &[&str],
        zone: Option<&str>,
    ) -> Option<&'a ActionClaim> {
        self.best_claim_where(item, |a| actions.contains(&a), zone)
    }

    /// An item's best claim (efficacy, then evidence) for an action `wanted` accepts, among the
    /// claims that hold in `zone`.
    fn best_claim_where<'a>(
        &'a self,
        item: Item,
        wanted: impl Fn(&str) -> bool,
        zone: Option<&str>,
    ) -> Option<&'a ActionClaim> {
        let wanted = |c: &&ActionClaim| wanted(c.action.as_ref()) && holds_in(c, zone);
        match item {
            // The hot path of every search: no list built.
            Item::Ingredient(i) => self.ingredients()[i]
                .actions
                .iter()
                .filter(wanted)
                .fold(None, better),
            Item::Product(_) => self
                .action_claims(item)
                .into_iter()
                .filter(wanted)
                .fold(None, better),
        }
    }

    /// What `item` alone does for goal `goal` in `zone`; `None` when it performs none of the
    /// goal's actions there.
    pub fn goal_value(&self, item: Item, goal: usize, zone: Option<&str>) -> Option<GoalValue> {
        let g = &self.goals()[goal];
        let mut points = 0;
        let mut evidence: Option<Evidence> = None;
        for entry in &g.actions {
            let accepts = |action: &str| accepted(entry).any(|a| a == action);
            if let Some(c) = self.best_claim_where(item, accepts, zone) {
                points += entry.share * u32::from(c.efficacy);
                evidence = Some(match evidence {
                    Some(e) if evidence_rank(e) >= evidence_rank(c.evidence) => e,
                    _ => c.evidence,
                });
            }
        }
        evidence.map(|evidence| GoalValue {
            points,
            shares: total_shares(g),
            evidence,
        })
    }

    /// The goals `item` serves in `zone` (any of their actions), in catalog order, with what it
    /// alone does for each.
    pub fn goals_served(&self, item: Item, zone: Option<&str>) -> Vec<(usize, GoalValue)> {
        (0..self.goals().len())
            .filter_map(|g| self.goal_value(item, g, zone).map(|v| (g, v)))
            .collect()
    }
}
