//! Every rule a catalog must satisfy, checked in one pass that reports all problems.
//!
//! Problems carry the path of the offending value (`ingredients[3].class`); the loader turns
//! paths into line and column through the span index.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::model::{CatalogFile, Evidence, Grade, Rating, Status, Text};
use crate::names::closest;

/// One thing wrong with a catalog, before it is given a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path of the offending value, e.g. `edges[4].b`.
    pub path: String,
    /// What is wrong, as a sentence.
    pub message: String,
    /// A short label shown under the caret.
    pub label: String,
}

/// Checks the whole catalog and returns every problem, in file order of the rules.
pub fn validate(file: &CatalogFile) -> Vec<Problem> {
    let mut v = Validator::new(file);
    v.run();
    v.problems
}

struct Validator<'f> {
    file: &'f CatalogFile,
    problems: Vec<Problem>,
    used_sources: BTreeSet<&'f str>,
    source_grades: HashMap<&'f str, Grade>,
}

/// Ids of one kind of record, for reference checks and suggestions.
struct Ids<'f> {
    kind: &'static str,
    ids: Vec<&'f str>,
    set: std::collections::HashSet<&'f str>,
}

impl<'f> Ids<'f> {
    fn new(kind: &'static str, ids: impl Iterator<Item = &'f str>) -> Ids<'f> {
        let ids: Vec<&str> = ids.collect();
        let set = ids.iter().copied().collect();
        Ids { kind, ids, set }
    }

    fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }
}

impl<'f> Validator<'f> {
    fn new(file: &'f CatalogFile) -> Self {
        let source_grades = file
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.grade))
            .collect();
        Validator {
            file,
            problems: Vec::new(),
            used_sources: BTreeSet::new(),
            source_grades,
        }
    }

    fn problem(&mut self, path: String, message: String, label: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message,
            label: label.into(),
        });
    }

    fn run(&mut self) {
        let f = self.file;
        if f.version.trim().is_empty() {
            self.problem(
                "version".into(),
                "the catalog version is empty".into(),
                "empty version",
            );
        }
        self.check_ids("sources", f.sources.iter().map(|s| s.id.as_str()));
        self.check_ids("classes", f.classes.iter().map(|c| c.id.as_str()));
        self.check_ids("goals", f.goals.iter().map(|g| g.id.as_str()));
        self.check_ids("zones", f.zones.iter().map(|z| z.id.as_str()));
        self.check_ids("conditions", f.conditions.iter().map(|c| c.id.as_str()));
        self.check_ids("medications", f.medications.iter().map(|m| m.id.as_str()));
        self.check_ids("aftercare", f.aftercare.iter().map(|a| a.id.as_str()));
        self.check_ids("expectations", f.expectations.iter().map(|e| e.id.as_str()));
        self.check_ids("ingredients", f.ingredients.iter().map(|i| i.id.as_str()));
        self.check_aliases();
        self.check_texts();

        for (i, s) in f.sources.iter().enumerate() {
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

        let classes = Ids::new("class", f.classes.iter().map(|c| c.id.as_str()));
        let goals = Ids::new("goal", f.goals.iter().map(|g| g.id.as_str()));
        let zones = Ids::new("zone", f.zones.iter().map(|z| z.id.as_str()));
        let conditions = Ids::new("condition", f.conditions.iter().map(|c| c.id.as_str()));
        let medications = Ids::new("medication", f.medications.iter().map(|m| m.id.as_str()));
        let ingredients = Ids::new("ingredient", f.ingredients.iter().map(|i| i.id.as_str()));

        for (z, zone) in f.zones.iter().enumerate() {
            let p = format!("zones[{z}]");
            self.real_range(
                &format!("{p}.depth_mm"),
                zone.depth_mm.min,
                zone.depth_mm.max,
                0.0,
                50.0,
                "depth in mm",
            );
            self.whole_range(
                &format!("{p}.course.sessions"),
                zone.course.sessions.min,
                zone.course.sessions.max,
                1,
            );
            self.whole_range(
                &format!("{p}.course.interval_days"),
                zone.course.interval_days.min,
                zone.course.interval_days.max,
                1,
            );
            if let Some(m) = zone.course.maintenance_interval_days {
                self.whole_range(
                    &format!("{p}.course.maintenance_interval_days"),
                    m.min,
                    m.max,
                    1,
                );
            }
            self.sources(&format!("{p}.sources"), &zone.sources, None);
            self.sources(
                &format!("{p}.course.sources"),
                &zone.course.sources,
                Some(zone.course.evidence),
            );
        }
        for (c, cond) in f.conditions.iter().enumerate() {
            self.sources(
                &format!("conditions[{c}].sources"),
                &cond.sources,
                Some(cond.evidence),
            );
        }
        for (m, med) in f.medications.iter().enumerate() {
            if let Some(g) = &med.general {
                self.sources(
                    &format!("medications[{m}].general.sources"),
                    &g.sources,
                    Some(g.evidence),
                );
                self.not_compatible(
                    &format!("medications[{m}].general.rating"),
                    g.rating,
                    "a general medication warning",
                );
            }
        }
        for (a, care) in f.aftercare.iter().enumerate() {
            self.sources(
                &format!("aftercare[{a}].sources"),
                &care.sources,
                Some(care.evidence),
            );
        }
        for (e, st) in f.expectations.iter().enumerate() {
            self.sources(
                &format!("expectations[{e}].sources"),
                &st.sources,
                Some(st.evidence),
            );
        }

        for (i, ing) in f.ingredients.iter().enumerate() {
            let p = format!("ingredients[{i}]");
            self.reference(&format!("{p}.class"), &ing.class, &classes);
            self.sources(&format!("{p}.sources"), &ing.sources, None);
            match &ing.status {
                Status::Available => {}
                Status::Withdrawn { sources, .. }
                | Status::NotInjectable { sources, .. }
                | Status::Unapproved { sources, .. } => {
                    self.sources(&format!("{p}.status.sources"), sources, None);
                }
            }
            let mut seen_goals = BTreeSet::new();
            for (g, claim) in ing.goals.iter().enumerate() {
                let gp = format!("{p}.goals[{g}]");
                self.reference(&format!("{gp}.goal"), &claim.goal, &goals);
                if !seen_goals.insert(claim.goal.as_str()) {
                    self.problem(
                        format!("{gp}.goal"),
                        format!("ingredient `{}` lists goal `{}` twice", ing.id, claim.goal),
                        "duplicate goal",
                    );
                }
                if !(1..=3).contains(&claim.efficacy) {
                    self.problem(
                        format!("{gp}.efficacy"),
                        format!(
                            "efficacy of `{}` for `{}` is {}, outside 1..=3",
                            ing.id, claim.goal, claim.efficacy
                        ),
                        "must be 1, 2 or 3",
                    );
                }
                self.sources(
                    &format!("{gp}.sources"),
                    &claim.sources,
                    Some(claim.evidence),
                );
            }
            if let Some(ph) = &ing.ph {
                self.real_range(&format!("{p}.ph"), ph.min, ph.max, 0.0, 14.0, "pH");
                self.sources(&format!("{p}.ph.sources"), &ph.sources, None);
            }
            for (field, fact) in [
                ("concentration", &ing.concentration),
                ("session_limit", &ing.session_limit),
                ("zone_note", &ing.zone_note),
            ] {
                if let Some(fact) = fact {
                    self.sources(
                        &format!("{p}.{field}.sources"),
                        &fact.sources,
                        Some(fact.evidence),
                    );
                }
            }
            for (n, fact) in ing.notes.iter().enumerate() {
                self.sources(
                    &format!("{p}.notes[{n}].sources"),
                    &fact.sources,
                    Some(fact.evidence),
                );
            }
            if ing.depth.is_empty() {
                self.problem(
                    format!("{p}.depth"),
                    format!("ingredient `{}` has no injection depth", ing.id),
                    "at least one depth",
                );
            }
            for (z, zone) in ing.zones.iter().enumerate() {
                self.reference(&format!("{p}.zones[{z}]"), zone, &zones);
            }
            if let Some(course) = &ing.course {
                self.sources(
                    &format!("{p}.course.sources"),
                    &course.sources,
                    Some(course.evidence),
                );
                if let (Some(lo), Some(hi)) = (course.min_interval_days, course.max_interval_days)
                    && lo > hi
                {
                    self.problem(
                        format!("{p}.course.min_interval_days"),
                        format!(
                            "course of `{}`: minimum interval {lo} is greater than maximum {hi}",
                            ing.id
                        ),
                        "min > max",
                    );
                }
                if course.max_sessions == Some(0) {
                    self.problem(
                        format!("{p}.course.max_sessions"),
                        format!("course of `{}` allows no session", ing.id),
                        "must be at least 1",
                    );
                }
            }
            for (c, contra) in ing.contraindications.iter().enumerate() {
                let cp = format!("{p}.contraindications[{c}]");
                self.reference(&format!("{cp}.condition"), &contra.condition, &conditions);
                self.sources(
                    &format!("{cp}.sources"),
                    &contra.sources,
                    Some(contra.evidence),
                );
                self.not_compatible(&format!("{cp}.rating"), contra.rating, "a contraindication");
            }
            for (m, inter) in ing.interactions.iter().enumerate() {
                let mp = format!("{p}.interactions[{m}]");
                self.reference(&format!("{mp}.medication"), &inter.medication, &medications);
                self.sources(
                    &format!("{mp}.sources"),
                    &inter.sources,
                    Some(inter.evidence),
                );
            }
            if let Some(solo) = &ing.solo {
                self.sources(
                    &format!("{p}.solo.sources"),
                    &solo.sources,
                    Some(solo.evidence),
                );
                self.not_compatible(&format!("{p}.solo.rating"), solo.rating, "a solo rule");
            }
        }

        self.edges("class_edges", &classes);
        self.edges("edges", &ingredients);

        for (i, s) in f.sources.iter().enumerate() {
            if !self.used_sources.contains(s.id.as_str()) {
                self.problem(
                    format!("sources[{i}].id"),
                    format!("source `{}` is never used", s.id),
                    "unused source",
                );
            }
        }
    }

    fn check_ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if !is_snake_case(id) {
                self.problem(
                    path.clone(),
                    format!("id `{id}` in {list} is not snake_case ASCII"),
                    "use a-z, 0-9 and _",
                );
            }
            if let Some(first) = seen.insert(id.to_owned(), i) {
                self.problem(
                    path,
                    format!("duplicate id `{id}` in {list} (first at {list}[{first}])"),
                    "duplicate id",
                );
            }
        }
    }

    /// Aliases resolve names case-insensitively, so they must be unique across the whole
    /// catalog, and no alias may shadow an id or a name of another record.
    fn check_aliases(&mut self) {
        let f = self.file;
        let mut owners: BTreeMap<String, String> = BTreeMap::new();
        let mut claims: Vec<(String, String, String)> = Vec::new(); // (key, owner, path)
        macro_rules! each {
            ($list:ident, $name:literal) => {
                for (i, r) in f.$list.iter().enumerate() {
                    let owner = format!("{} `{}`", $name, r.id);
                    owners
                        .entry(r.id.to_lowercase())
                        .or_insert_with(|| owner.clone());
                    for (a, alias) in r.aliases.iter().enumerate() {
                        claims.push((
                            alias.to_lowercase(),
                            owner.clone(),
                            format!("{}[{i}].aliases[{a}]", stringify!($list)),
                        ));
                    }
                }
            };
        }
        each!(goals, "goal");
        each!(zones, "zone");
        each!(conditions, "condition");
        each!(medications, "medication");
        each!(ingredients, "ingredient");
        for (i, c) in f.classes.iter().enumerate() {
            let _ = i;
            owners
                .entry(c.id.to_lowercase())
                .or_insert_with(|| format!("class `{}`", c.id));
        }
        let mut alias_owner: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (key, owner, path) in claims {
            if key.trim().is_empty() {
                self.problem(path, format!("{owner} has an empty alias"), "empty alias");
                continue;
            }
            if let Some(id_owner) = owners.get(&key) {
                if *id_owner != owner {
                    self.problem(
                        path,
                        format!("alias `{key}` of {owner} is already the id of {id_owner}"),
                        "alias shadows an id",
                    );
                } else {
                    self.problem(
                        path,
                        format!("alias `{key}` of {owner} repeats its own id"),
                        "redundant alias",
                    );
                }
                continue;
            }
            if let Some((first_owner, first_path)) = alias_owner.get(&key) {
                self.problem(path, format!("alias `{key}` of {owner} is already an alias of {first_owner} (at {first_path})"), "duplicate alias");
                continue;
            }
            alias_owner.insert(key, (owner, path));
        }
        // Names resolve too: two records of one kind may not share a name.
        macro_rules! names {
            ($list:ident, $name:literal) => {
                let mut seen: BTreeMap<String, String> = BTreeMap::new();
                for (i, r) in f.$list.iter().enumerate() {
                    for (lang, text) in [("en", &r.name.en), ("ru", &r.name.ru)] {
                        let key = text.to_lowercase();
                        if let Some(first) = seen.get(&key) {
                            if *first != r.id {
                                self.problem(
                                    format!("{}[{i}].name.{lang}", stringify!($list)),
                                    format!(
                                        "{} `{}` has the same name \"{text}\" as `{first}`",
                                        $name, r.id
                                    ),
                                    "ambiguous name",
                                );
                            }
                        } else {
                            seen.insert(key.clone(), r.id.clone());
                        }
                        if let Some((alias_of, _)) = alias_owner.get(&key) {
                            if *alias_of != format!("{} `{}`", $name, r.id)
                                && alias_of.starts_with($name)
                            {
                                self.problem(
                                    format!("{}[{i}].name.{lang}", stringify!($list)),
                                    format!(
                                        "{} `{}` is named \"{text}\", an alias of {alias_of}",
                                        $name, r.id
                                    ),
                                    "ambiguous name",
                                );
                            }
                        }
                    }
                }
            };
        }
        names!(goals, "goal");
        names!(zones, "zone");
        names!(conditions, "condition");
        names!(medications, "medication");
        names!(ingredients, "ingredient");
        names!(classes, "class");
    }

    fn check_texts(&mut self) {
        let f = self.file;
        let mut texts: Vec<(String, &Text)> = Vec::new();
        for (i, c) in f.classes.iter().enumerate() {
            texts.push((format!("classes[{i}].name"), &c.name));
            texts.push((format!("classes[{i}].description"), &c.description));
        }
        for (i, g) in f.goals.iter().enumerate() {
            texts.push((format!("goals[{i}].name"), &g.name));
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
            let p = format!("ingredients[{i}]");
            texts.push((format!("{p}.name"), &ing.name));
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
        for (list, edges) in [("class_edges", &f.class_edges), ("edges", &f.edges)] {
            for (e, edge) in edges.iter().enumerate() {
                texts.push((format!("{list}[{e}].note"), &edge.note));
            }
        }
        for (path, text) in texts {
            for (lang, value) in [("en", &text.en), ("ru", &text.ru)] {
                if value.trim().is_empty() {
                    self.problem(
                        format!("{path}.{lang}"),
                        format!("missing `{lang}` text at {path}"),
                        format!("empty `{lang}` text"),
                    );
                }
            }
        }
    }

    fn reference(&mut self, path: &str, id: &str, ids: &Ids<'_>) {
        if !ids.contains(id) {
            let hint = match closest(id, ids.ids.iter().copied()).first() {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("no such {}", ids.kind),
            };
            self.problem(path.into(), format!("unknown {} `{id}`", ids.kind), hint);
        }
    }

    /// Checks that a claim has sources, that they exist, and that its evidence is not graded
    /// higher than its best source.
    fn sources(&mut self, path: &str, sources: &'f [String], evidence: Option<Evidence>) {
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
            match self.source_grades.get(s.as_str()) {
                Some(&grade) => {
                    self.used_sources.insert(s.as_str());
                    best = Some(best.map_or(grade, |b| b.min(grade)));
                }
                None => {
                    let hint =
                        match closest(s, self.file.sources.iter().map(|s| s.id.as_str())).first() {
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

    fn not_compatible(&mut self, path: &str, rating: Rating, what: &str) {
        if rating == Rating::Compatible {
            self.problem(
                path.into(),
                format!("{what} cannot be rated `compatible`"),
                "use caution or incompatible",
            );
        }
    }

    fn real_range(&mut self, path: &str, min: f64, max: f64, lo: f64, hi: f64, what: &str) {
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

    fn whole_range(&mut self, path: &str, min: u32, max: u32, least: u32) {
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

    fn edges(&mut self, list: &str, ends: &Ids<'_>) {
        let edges = if list == "edges" {
            &self.file.edges
        } else {
            &self.file.class_edges
        };
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (e, edge) in edges.iter().enumerate() {
            let p = format!("{list}[{e}]");
            self.reference(&format!("{p}.a"), &edge.a, ends);
            self.reference(&format!("{p}.b"), &edge.b, ends);
            if edge.a == edge.b {
                self.problem(
                    format!("{p}.b"),
                    format!("edge from `{}` to itself", edge.a),
                    "self-edge",
                );
            }
            let key = if edge.a <= edge.b {
                (edge.a.as_str(), edge.b.as_str())
            } else {
                (edge.b.as_str(), edge.a.as_str())
            };
            if let Some(first) = seen.insert(key, e) {
                self.problem(
                    p.clone(),
                    format!(
                        "two edges for the pair `{}` × `{}` (first at {list}[{first}])",
                        key.0, key.1
                    ),
                    "second edge for one pair",
                );
            }
            self.sources(&format!("{p}.sources"), &edge.sources, Some(edge.evidence));
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

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
