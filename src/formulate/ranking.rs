//! The objective's order and the k best distinct sets seen by a search.

use std::cmp::Ordering;

use super::Score;
use super::space::Space;

/// A set of candidate positions (sorted) with its score.
pub(super) type Ranked = (Vec<usize>, Score);

/// The objective without the id tie-break: Less means better.
pub(super) fn key_order(a: &Score, b: &Score) -> Ordering {
    b.coverage
        .cmp(&a.coverage)
        .then_with(|| a.cautions.cmp(&b.cautions))
        .then_with(|| b.evidence.cmp(&a.evidence))
        .then_with(|| a.components.cmp(&b.components))
}

/// Keeps the `k` best distinct sets seen, best first, in the objective's full order (the id
/// tie-break included, so the list does not depend on the order sets are offered in).
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

    /// Considers a set (in any member order); a set already listed is ignored.
    pub(super) fn offer(&mut self, set: &[usize]) {
        let mut sorted = set.to_vec();
        sorted.sort_unstable();
        if self.list.iter().any(|(s, _)| *s == sorted) {
            return;
        }
        let entry = (sorted, self.space.score(set));
        let at = self
            .list
            .partition_point(|x| self.compare(x, &entry) == Ordering::Less);
        if at < self.k {
            self.list.insert(at, entry);
            self.list.truncate(self.k);
        }
    }

    /// The score a new set must at least tie once the list is full.
    pub(super) fn threshold(&self) -> Option<&Score> {
        if self.list.len() < self.k {
            None
        } else {
            self.list.last().map(|(_, s)| s)
        }
    }

    /// The sets kept, best first.
    pub(super) fn into_list(self) -> Vec<Ranked> {
        self.list
    }

    /// The objective's full order: Less means `a` is better.
    fn compare(&self, a: &Ranked, b: &Ranked) -> Ordering {
        key_order(&a.1, &b.1).then_with(|| self.space.ids(&a.0).cmp(&self.space.ids(&b.0)))
    }
}
