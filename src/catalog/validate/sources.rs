//! Sources: every source record complete and cited, every claim sourced by existing sources and
//! graded no higher than its best one.

use super::Validator;
use crate::catalog::model::{Evidence, Grade, Str};
use crate::names::closest;

impl<'f> Validator<'f> {
    /// Every source has a title and a citation.
    pub(super) fn check_source_records(&mut self) {
        for (i, s) in self.file.sources.iter().enumerate() {
            if s.title.trim().is_empty() {
                self.problem(
                    format!("sources[{i}].title"),
                    format!("source `{}` has an empty title", s.id),
                    "empty title",
                );
            }
            if s.citation.trim().is_empty() {
                self.problem(
                    format!("sources[{i}].citation"),
                    format!("source `{}` has an empty citation", s.id),
                    "empty citation",
                );
            }
        }
    }

    /// Every source is cited by some claim. Run after every claim's sources were checked.
    pub(super) fn check_unused_sources(&mut self) {
        for (i, s) in self.file.sources.iter().enumerate() {
            if !self.used_sources.contains(s.id.as_ref()) {
                self.problem(
                    format!("sources[{i}].id"),
                    format!("source `{}` is never used", s.id),
                    "unused source",
                );
            }
        }
    }

    /// Checks that a claim has sources, that they exist, and that its evidence is not graded
    /// higher than its best source.
    pub(super) fn sources(&mut self, path: &str, sources: &'f [Str], evidence: Option<Evidence>) {
        if sources.is_empty() {
            self.problem(
                path.into(),
                format!(
                    "the claim at `{}` has no source",
                    path.trim_end_matches(".sources")
                ),
                "every claim needs a source",
            );
            return;
        }
        let mut best: Option<Grade> = None;
        for (i, s) in sources.iter().enumerate() {
            match self.source_grades.get(s.as_ref()) {
                Some(&grade) => {
                    self.used_sources.insert(s.as_ref());
                    best = Some(best.map_or(grade, |b| b.min(grade)));
                }
                None => {
                    let hint =
                        match closest(s, self.file.sources.iter().map(|s| s.id.as_ref())).first() {
                            Some(best) => format!("did you mean `{best}`?"),
                            None => "no such source".into(),
                        };
                    self.problem(
                        format!("{path}[{i}]"),
                        format!("unknown source `{s}`"),
                        hint,
                    );
                }
            }
        }
        if let (Some(evidence), Some(best)) = (evidence, best) {
            let allowed = match best {
                Grade::Label => Evidence::Label,
                Grade::Peer => Evidence::Peer,
                Grade::Weak => Evidence::Weak,
            };
            // `inference` is below every direct grade; anything else may not exceed the best source.
            if evidence != Evidence::Inference && evidence < allowed {
                let field = format!("{}.evidence", path.trim_end_matches(".sources"));
                self.problem(
                    field,
                    format!(
                        "evidence `{}` is higher than its best source (`{}`)",
                        evidence_name(evidence),
                        evidence_name(allowed)
                    ),
                    "never raise a grade",
                );
            }
        }
    }
}

fn evidence_name(e: Evidence) -> &'static str {
    match e {
        Evidence::Label => "label",
        Evidence::Peer => "peer",
        Evidence::Weak => "weak",
        Evidence::Inference => "inference",
    }
}
