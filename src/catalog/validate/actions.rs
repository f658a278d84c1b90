//! Actions (DESIGN §6): the goals' actions and shares, the action claims of ingredients and
//! products, and the regimens.

use std::collections::BTreeSet;

use super::Validator;
use super::ids::RecordIds;
use crate::catalog::model::{ActionClaim, MAX_GOAL_SHARES, Route};

impl<'f> Validator<'f> {
    /// Every goal's actions, every action claim, every regimen.
    pub(super) fn check_actions(&mut self, ids: &RecordIds<'_>) {
        let f = self.file;
        for g in 0..f.goals.len() {
            self.goal_actions(g, ids);
        }
        for (i, ing) in f.ingredients.iter().enumerate() {
            self.action_claims(&format!("ingredients[{i}]"), &ing.id, &ing.actions, ids);
        }
        for (p, product) in f.products.iter().enumerate() {
            self.action_claims(
                &format!("products[{p}]"),
                &product.id,
                &product.actions,
                ids,
            );
        }
        for r in 0..f.regimens.len() {
            self.regimen(r, ids);
        }
    }

    /// A goal's actions: known, not enabling, each once (with the ones that also serve it),
    /// shares of at least 1 adding up to at most [`MAX_GOAL_SHARES`], sourced.
    fn goal_actions(&mut self, g: usize, ids: &RecordIds<'_>) {
        let f = self.file;
        let goal = &f.goals[g];
        let mut seen = BTreeSet::new();
        let mut total: u64 = 0;
        for (a, entry) in goal.actions.iter().enumerate() {
            let p = format!("goals[{g}].actions[{a}]");
            let named = std::iter::once((format!("{p}.action"), &entry.action)).chain(
                entry
                    .also_served_by
                    .iter()
                    .enumerate()
                    .map(|(n, x)| (format!("{p}.also_served_by[{n}]"), x)),
            );
            for (path, action) in named {
                self.reference(&path, action, &ids.actions);
                if f.actions.iter().any(|x| &x.id == action && x.enabling) {
                    self.problem(
                        path.clone(),
                        format!(
                            "goal `{}` names `{action}`, an enabling action that serves no goal",
                            goal.id
                        ),
                        "enabling actions are not scored",
                    );
                }
                if !seen.insert(action.as_ref()) {
                    self.problem(
                        path,
                        format!("goal `{}` names action `{action}` twice", goal.id),
                        "each action once per goal",
                    );
                }
            }
            if entry.share == 0 {
                self.problem(
                    format!("{p}.share"),
                    format!(
                        "action `{}` of goal `{}` has share 0",
                        entry.action, goal.id
                    ),
                    "a share is a whole number from 1",
                );
            }
            total += u64::from(entry.share);
            self.sources(
                &format!("{p}.sources"),
                &entry.sources,
                Some(entry.evidence),
            );
        }
        if total > u64::from(MAX_GOAL_SHARES) {
            self.problem(
                format!("goals[{g}].actions"),
                format!(
                    "the shares of goal `{}` add up to {total}, more than {MAX_GOAL_SHARES}",
                    goal.id
                ),
                format!("at most {MAX_GOAL_SHARES} in all"),
            );
        }
    }

    /// The action claims of one ingredient or product (at `owner_path`): known actions and
    /// zones, efficacy 1..=3 (3 only by local injection), at least one route, one claim per
    /// action and zone, sourced.
    fn action_claims(
        &mut self,
        owner_path: &str,
        owner: &str,
        claims: &'f [ActionClaim],
        ids: &RecordIds<'_>,
    ) {
        for (c, claim) in claims.iter().enumerate() {
            let p = format!("{owner_path}.actions[{c}]");
            self.reference(&format!("{p}.action"), &claim.action, &ids.actions);
            for (z, zone) in claim.zones.iter().enumerate() {
                self.reference(&format!("{p}.zones[{z}]"), zone, &ids.zones);
            }
            if !(1..=3).contains(&claim.efficacy) {
                self.problem(
                    format!("{p}.efficacy"),
                    format!(
                        "efficacy of `{owner}` for `{}` is {}, outside 1..=3",
                        claim.action, claim.efficacy
                    ),
                    "must be 1, 2 or 3",
                );
            } else if claim.efficacy == 3 && !claim.routes.contains(&Route::Local) {
                self.problem(
                    format!("{p}.efficacy"),
                    format!(
                        "efficacy 3 of `{owner}` for `{}` is not shown by local injection",
                        claim.action
                    ),
                    "another route caps efficacy at 2",
                );
            }
            if claim.routes.is_empty() {
                self.problem(
                    format!("{p}.routes"),
                    format!(
                        "the claim of `{owner}` for `{}` names no route",
                        claim.action
                    ),
                    "at least one route",
                );
            }
            let overlaps = claims[..c].iter().any(|other| {
                other.action == claim.action
                    && (other.zones.is_empty() && claim.zones.is_empty()
                        || other.zones.iter().any(|z| claim.zones.contains(z)))
            });
            if overlaps {
                self.problem(
                    format!("{p}.action"),
                    format!(
                        "`{owner}` has two claims for `{}` in the same zones",
                        claim.action
                    ),
                    "one claim per action and zone",
                );
            }
            self.sources(
                &format!("{p}.sources"),
                &claim.sources,
                Some(claim.evidence),
            );
        }
    }

    /// A regimen: known items (each once, at least two actives in all), goals and zones;
    /// sourced.
    fn regimen(&mut self, r: usize, ids: &RecordIds<'_>) {
        let f = self.file;
        let regimen = &f.regimens[r];
        let p = format!("regimens[{r}]");
        let mut actives = BTreeSet::new();
        for (n, item) in regimen.items.iter().enumerate() {
            let ip = format!("{p}.items[{n}]");
            self.reference(&ip, item, &ids.items);
            if regimen.items[..n].contains(item) {
                self.problem(
                    ip,
                    format!("regimen `{}` lists `{item}` twice", regimen.id),
                    "each item once",
                );
            }
            match f.products.iter().find(|x| &x.id == item) {
                Some(product) => {
                    actives.extend(product.actives.iter().map(|a| a.ingredient.as_ref()));
                }
                None => {
                    actives.insert(item.as_ref());
                }
            }
        }
        if actives.len() < 2 {
            self.problem(
                format!("{p}.items"),
                format!("regimen `{}` combines fewer than two actives", regimen.id),
                "a regimen combines at least two actives",
            );
        }
        if regimen.goals.is_empty() {
            self.problem(
                format!("{p}.goals"),
                format!("regimen `{}` names no goal", regimen.id),
                "at least one goal",
            );
        }
        for (g, goal) in regimen.goals.iter().enumerate() {
            self.reference(&format!("{p}.goals[{g}]"), goal, &ids.goals);
        }
        for (z, zone) in regimen.zones.iter().enumerate() {
            self.reference(&format!("{p}.zones[{z}]"), zone, &ids.zones);
        }
        self.sources(
            &format!("{p}.sources"),
            &regimen.sources,
            Some(regimen.evidence),
        );
    }
}
