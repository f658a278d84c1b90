//! The objective's order and the k best distinct answers seen by a search. An answer is one
//! syringe, or two given in the same session, in canonical form (see [`Space::canonical`]).

use std::cmp::Ordering;

use super::Score;
use super::space::Space;

/// Syringes (each a sorted list of candidate positions, in canonical order) with their score.
pub(super) type Ranked = (Vec<Vec<usize>>, Score);

/// The objective without the id tie-break: Less means better.
pub(super) fn key_order(a: &Score, b: &Score) -> Ordering {
    b.coverage
        .cmp(&a.coverage)
        .then_with(|| a.cautions.cmp(&b.cautions))
        .then_with(|| b.evidence.cmp(&a.evidence))
        .then_with(|| a.components.cmp(&b.components))
}

/// Keeps the `k` best distinct answers seen, best first, in the objective's full order (the id
/// tie-break included, so the list does not depend on the order answers are offered in).
pub(super) struct Best<'s, 'c> {
    space: &'s Space<'c>,
    k: usize,
    list: Vec<Ranked>,
}

impl<'s, 'c> Best<'s, 'c> {
    pub(super) fn new(space: &'s Space<'c>, k: usize) -> Self {
        Best {
            space,
            k,
            list: Vec::new(),
        }
    }

    /// Considers syringes (members in any order, syringes in any order); an answer already
    /// listed is ignored.
    pub(super) fn offer(&mut self, syringes: &[Vec<usize>]) {
        let canonical = self.space.canonical(syringes);
        if self.list.iter().any(|(s, _)| *s == canonical) {
            return;
        }
        let score = self.space.score(&canonical);
        let entry = (canonical, score);
        let at = self
            .list
            .partition_point(|x| self.compare(x, &entry) == Ordering::Less);
        if at < self.k {
            self.list.insert(at, entry);
            self.list.truncate(self.k);
        }
    }

    /// The score a new answer must at least tie once the list is full.
    pub(super) fn threshold(&self) -> Option<&Score> {
        if self.list.len() < self.k {
            None
        } else {
            self.list.last().map(|(_, s)| s)
        }
    }

    /// The answers kept so far, best first.
    pub(super) fn list(&self) -> &[Ranked] {
        &self.list
    }

    /// The answers kept, best first.
    pub(super) fn into_list(self) -> Vec<Ranked> {
        self.list
    }

    /// The objective's full order: Less means `a` is better.
    fn compare(&self, a: &Ranked, b: &Ranked) -> Ordering {
        key_order(&a.1, &b.1).then_with(|| self.space.ids(&a.0).cmp(&self.space.ids(&b.0)))
    }
}
