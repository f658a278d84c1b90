//! Values: every bilingual text filled in both languages, numeric ranges within bounds and in
//! order, and ratings that may not be `compatible`.

use super::Validator;
use crate::catalog::model::{CatalogFile, Ingredient, Rating, Status, Text};

impl<'f> Validator<'f> {
    /// Every text of the catalog has both its `en` and its `ru` version.
    pub(super) fn check_texts(&mut self) {
        for (path, text) in texts(self.file) {
            for (lang, value) in [("en", &text.en), ("ru", &text.ru)] {
                if value.trim().is_empty() {
                    self.problem(
                        format!("{path}.{lang}"),
                        format!("missing `{lang}` text at {path}"),
                        format!("empty `{lang}` text"),
                    );
                }
                self.no_control(&format!("{path}.{lang}"), value);
            }
        }
        let f = self.file;
        for (i, s) in f.sources.iter().enumerate() {
            self.no_control(&format!("sources[{i}].title"), &s.title);
            self.no_control(&format!("sources[{i}].citation"), &s.citation);
        }
        for (i, ing) in f.ingredients.iter().enumerate() {
            for (a, alias) in ing.aliases.iter().enumerate() {
                self.no_control(&format!("ingredients[{i}].aliases[{a}]"), alias);
            }
        }
        for (i, p) in f.products.iter().enumerate() {
            for (a, alias) in p.aliases.iter().enumerate() {
                self.no_control(&format!("products[{i}].aliases[{a}]"), alias);
            }
            self.no_control(&format!("products[{i}].maker"), &p.maker);
        }
    }

    /// Text shown in a terminal holds no control character (an escape sequence could rewrite
    /// what a practitioner sees).
    fn no_control(&mut self, path: &str, value: &str) {
        if let Some(c) = value.chars().find(|c| c.is_control()) {
            self.problem(
                path.into(),
                format!("{path} holds the control character U+{:04X}", u32::from(c)),
                "no control characters in catalog text",
            );
        }
    }

    /// A rating that warns (contraindication, solo rule, general warning) may not be
    /// `compatible`.
    pub(super) fn not_compatible(&mut self, path: &str, rating: Rating, what: &str) {
        if rating == Rating::Compatible {
            self.problem(
                path.into(),
                format!("{what} cannot be rated `compatible`"),
                "use caution or incompatible",
            );
        }
    }

    /// A real range: both ends finite and within `lo..=hi`, and `min <= max`.
    pub(super) fn real_range(
        &mut self,
        path: &str,
        min: f64,
        max: f64,
        lo: f64,
        hi: f64,
        what: &str,
    ) {
        for (field, value) in [("min", min), ("max", max)] {
            if !value.is_finite() || value < lo || value > hi {
                self.problem(
                    format!("{path}.{field}"),
                    format!("{what} {value} is outside {lo}..={hi}"),
                    format!("must be within {lo}..={hi}"),
                );
            }
        }
        if min > max {
            self.problem(
                format!("{path}.min"),
                format!("{what} range {min}..{max}: min is greater than max"),
                "min > max",
            );
        }
    }

    /// A whole-number range: `min >= least` and `min <= max`.
    pub(super) fn whole_range(&mut self, path: &str, min: u32, max: u32, least: u32) {
        let most = if path.ends_with("sessions") {
            super::MAX_SESSIONS
        } else {
            super::MAX_DAYS
        };
        if max > most {
            self.problem(
                format!("{path}.max"),
                format!("{path}: maximum {max} is above {most}"),
                format!("at most {most}"),
            );
        }
        if min < least {
            self.problem(
                format!("{path}.min"),
                format!("{path}: minimum {min} is below {least}"),
                format!("at least {least}"),
            );
        }
        if min > max {
            self.problem(
                format!("{path}.min"),
                format!("{path}: min {min} is greater than max {max}"),
                "min > max",
            );
        }
    }

    /// A single count of days or sessions within its bound ([`super::MAX_DAYS`],
    /// [`super::MAX_SESSIONS`]).
    pub(super) fn bounded(&mut self, path: &str, value: u32, most: u32) {
        if value > most {
            self.problem(
                path.into(),
                format!("{path}: {value} is above {most}"),
                format!("at most {most}"),
            );
        }
    }
}

/// Every text of the catalog with its path, in file order of the lists.
fn texts(f: &CatalogFile) -> Vec<(String, &Text)> {
    let mut texts: Vec<(String, &Text)> = Vec::new();
    for (i, c) in f.classes.iter().enumerate() {
        texts.push((format!("classes[{i}].name"), &c.name));
        texts.push((format!("classes[{i}].description"), &c.description));
    }
    for (i, a) in f.actions.iter().enumerate() {
        texts.push((format!("actions[{i}].name"), &a.name));
        texts.push((format!("actions[{i}].description"), &a.description));
    }
    for (i, g) in f.goals.iter().enumerate() {
        texts.push((format!("goals[{i}].name"), &g.name));
        if let Some(n) = &g.share_note {
            texts.push((format!("goals[{i}].share_note"), n));
        }
    }
    for (i, z) in f.zones.iter().enumerate() {
        texts.push((format!("zones[{i}].name"), &z.name));
        if let Some(n) = &z.course.note {
            texts.push((format!("zones[{i}].course.note"), n));
        }
    }
    for (i, c) in f.conditions.iter().enumerate() {
        texts.push((format!("conditions[{i}].name"), &c.name));
        if let Some(n) = &c.note {
            texts.push((format!("conditions[{i}].note"), n));
        }
    }
    for (i, m) in f.medications.iter().enumerate() {
        texts.push((format!("medications[{i}].name"), &m.name));
        if let Some(g) = &m.general {
            texts.push((format!("medications[{i}].general.note"), &g.note));
        }
    }
    for (i, a) in f.aftercare.iter().enumerate() {
        texts.push((format!("aftercare[{i}].text"), &a.text));
    }
    for (i, e) in f.expectations.iter().enumerate() {
        texts.push((format!("expectations[{i}].text"), &e.text));
    }
    for (i, ing) in f.ingredients.iter().enumerate() {
        ingredient_texts(&format!("ingredients[{i}]"), ing, &mut texts);
    }
    for (p, product) in f.products.iter().enumerate() {
        super::products::product_texts(p, product, &mut texts);
    }
    for (r, regimen) in f.regimens.iter().enumerate() {
        texts.push((format!("regimens[{r}].name"), &regimen.name));
        texts.push((format!("regimens[{r}].outcome"), &regimen.outcome));
    }
    for (list, edges) in [("class_edges", &f.class_edges), ("edges", &f.edges)] {
        for (e, edge) in edges.iter().enumerate() {
            texts.push((format!("{list}[{e}].note"), &edge.note));
            if let Some(condition) = &edge.condition {
                texts.push((format!("{list}[{e}].condition"), condition));
            }
            for (c, claim) in edge.also.iter().enumerate() {
                texts.push((format!("{list}[{e}].also[{c}].note"), &claim.note));
                if let Some(condition) = &claim.condition {
                    texts.push((format!("{list}[{e}].also[{c}].condition"), condition));
                }
            }
        }
    }
    texts
}

/// The texts of one ingredient (at path `p`), appended to `texts`.
fn ingredient_texts<'f>(p: &str, ing: &'f Ingredient, texts: &mut Vec<(String, &'f Text)>) {
    texts.push((format!("{p}.name"), &ing.name));
    for (a, claim) in ing.actions.iter().enumerate() {
        if let Some(n) = &claim.note {
            texts.push((format!("{p}.actions[{a}].note"), n));
        }
    }
    for (c, contained) in ing.contains.iter().enumerate() {
        if let Some(n) = &contained.note {
            texts.push((format!("{p}.contains[{c}].note"), n));
        }
    }
    for (l, limit) in ing.dose_limits.iter().enumerate() {
        texts.push((format!("{p}.dose_limits[{l}].note"), &limit.note));
    }
    for (k, component) in ing.components.iter().enumerate() {
        texts.push((format!("{p}.components[{k}].name"), &component.name));
    }
    match &ing.status {
        Status::Available => {}
        Status::Withdrawn { note, .. }
        | Status::NotInjectable { note, .. }
        | Status::Unapproved { note, .. } => {
            texts.push((format!("{p}.status.note"), note));
        }
    }
    for (field, fact) in [
        ("concentration", &ing.concentration),
        ("session_limit", &ing.session_limit),
        ("zone_note", &ing.zone_note),
    ] {
        if let Some(fact) = fact {
            texts.push((format!("{p}.{field}.text"), &fact.text));
        }
    }
    for (n, fact) in ing.notes.iter().enumerate() {
        texts.push((format!("{p}.notes[{n}].text"), &fact.text));
    }
    if let Some(c) = &ing.course {
        texts.push((format!("{p}.course.note"), &c.note));
    }
    for (c, contra) in ing.contraindications.iter().enumerate() {
        if let Some(n) = &contra.note {
            texts.push((format!("{p}.contraindications[{c}].note"), n));
        }
    }
    for (m, inter) in ing.interactions.iter().enumerate() {
        texts.push((format!("{p}.interactions[{m}].note"), &inter.note));
    }
    if let Some(solo) = &ing.solo {
        texts.push((format!("{p}.solo.note"), &solo.note));
    }
}
