//! `plan` output: a dated course as a document, JSON (`mesomix.plan/1`) and the events of an
//! RFC 5545 calendar (written by [`super::ics`]: UIDs come from the content and DTSTAMP from
//! the plan, never from the clock).

use schemars::JsonSchema;
use serde::Serialize;

use super::doc::{Doc, Styled, Tone};
use super::ics::{self, Event};
use super::json::{CatalogRef, TextSchema};
use super::lang::{self, Lang, Msg, fill, header};
use super::vocab::{id_list, ids};
use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Str, Text};
use crate::plan::{Plan, RuleSource, Ruled, Session};

/// Who set a number, in words.
fn rule_text(catalog: &Catalog, r: &Ruled, lang: Lang) -> String {
    let who = match r.set_by {
        RuleSource::Zone { zone } => fill(
            Msg::RuleZone.get(lang),
            &[&lang.text(&catalog.zones()[zone].name)],
        ),
        RuleSource::Ingredient { ingredient } => fill(
            Msg::RuleIngredient.get(lang),
            &[&catalog.ingredients()[ingredient].id],
        ),
        RuleSource::Requested => Msg::RuleRequested.get(lang).to_owned(),
    };
    match r.evidence {
        Some(e) => format!(
            "{who} ({}; {})",
            lang::evidence(e, lang),
            r.sources.join(", ")
        ),
        None => who,
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

/// `mesomix plan --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PlanJson<'c> {
    /// Always `mesomix.plan/1`.
    pub schema: &'static str,
    pub catalog: CatalogRef<'c>,
    pub zone: &'c str,
    pub ingredients: Vec<&'c str>,
    pub start: String,
    /// Set when the start date is before today.
    pub start_in_past: bool,
    pub rules: RulesJson,
    pub sessions: Vec<SessionJson>,
    /// Every aftercare window of every session.
    pub aftercare: Vec<WindowJson<'c>>,
    pub maintenance: Option<DatedRuleJson>,
    pub next_course: Option<DatedRuleJson>,
    pub expectations: Vec<ExpectationJson<'c>>,
    /// The doses of one session and their totals over the course, when the cocktail was given
    /// with amounts (`sessions` counts the course; its course limits hold the course's totals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doses: Option<super::dose::DosesJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct RulesJson {
    pub sessions: RuleJson,
    pub interval_days: RuleJson,
    pub max_interval_days: Option<RuleJson>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct RuleJson {
    pub value: u32,
    /// `zone:ID`, `ingredient:ID` or `requested`.
    pub set_by: String,
    pub evidence: Option<Evidence>,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SessionJson {
    pub n: u32,
    pub date: String,
    pub weekday: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct WindowJson<'c> {
    pub session: u32,
    pub rule: &'c str,
    pub from: String,
    pub to: String,
    #[schemars(with = "TextSchema")]
    pub text: &'c Text,
    /// False when no source gives the rule's duration (the window is the session day).
    pub sourced_duration: bool,
    pub evidence: Evidence,
    pub sources: &'c [Str],
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct DatedRuleJson {
    pub date: String,
    pub days: RuleJson,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ExpectationJson<'c> {
    pub id: &'c str,
    #[schemars(with = "TextSchema")]
    pub text: &'c Text,
    pub evidence: Evidence,
    pub sources: &'c [Str],
}

fn rule_json(catalog: &Catalog, r: &Ruled) -> RuleJson {
    RuleJson {
        value: r.value,
        set_by: match r.set_by {
            RuleSource::Zone { zone } => format!("zone:{}", catalog.zones()[zone].id),
            RuleSource::Ingredient { ingredient } => {
                format!("ingredient:{}", catalog.ingredients()[ingredient].id)
            }
            RuleSource::Requested => "requested".into(),
        },
        evidence: r.evidence,
        sources: r.sources.clone(),
    }
}

/// The plan as a JSON value (also embedded in `formulate --plan`'s JSON).
pub fn plan_value<'c>(catalog: &'c Catalog, plan: &Plan) -> PlanJson<'c> {
    let file = catalog.file();
    PlanJson {
        schema: "mesomix.plan/1",
        catalog: CatalogRef::of(catalog),
        zone: &catalog.zones()[plan.zone].id,
        ingredients: ids(catalog, &plan.ingredients),
        start: plan.start.to_string(),
        start_in_past: plan.start_in_past,
        rules: RulesJson {
            sessions: rule_json(catalog, &plan.count),
            interval_days: rule_json(catalog, &plan.interval),
            max_interval_days: plan.interval_max.as_ref().map(|r| rule_json(catalog, r)),
        },
        sessions: plan
            .sessions
            .iter()
            .map(|s| SessionJson {
                n: s.n,
                date: s.date.to_string(),
                weekday: lang::weekday(s.weekday, Lang::En).to_owned(),
            })
            .collect(),
        aftercare: plan
            .sessions
            .iter()
            .flat_map(|s| {
                s.aftercare.iter().map(move |w| {
                    let rule = &file.aftercare[w.rule];
                    WindowJson {
                        session: s.n,
                        rule: &rule.id,
                        from: w.from.to_string(),
                        to: w.to.to_string(),
                        text: &rule.text,
                        sourced_duration: w.sourced_duration,
                        evidence: rule.evidence,
                        sources: &rule.sources,
                    }
                })
            })
            .collect(),
        maintenance: plan.maintenance.as_ref().map(|(d, r)| DatedRuleJson {
            date: d.to_string(),
            days: rule_json(catalog, r),
        }),
        next_course: plan.next_course_by.as_ref().map(|(d, r)| DatedRuleJson {
            date: d.to_string(),
            days: rule_json(catalog, r),
        }),
        expectations: plan
            .expectations
            .iter()
            .map(|&e| {
                let x = &file.expectations[e];
                ExpectationJson {
                    id: &x.id,
                    text: &x.text,
                    evidence: x.evidence,
                    sources: &x.sources,
                }
            })
            .collect(),
        doses: plan
            .doses
            .as_ref()
            .map(|d| super::dose::doses_json(catalog, d)),
    }
}

// ---------------------------------------------------------------------------------------------
// Document

/// The `plan` document: the numbers and who set them, the sessions with their aftercare,
/// what follows the course, and what to expect.
pub fn plan_doc(catalog: &Catalog, plan: &Plan, lang: Lang) -> Doc {
    let zone = &catalog.zones()[plan.zone];
    let mut doc = Doc::new(format!(
        "{}: {}",
        Msg::PlanTitle.get(lang),
        lang.text(&zone.name)
    ));
    doc.fields(plan_fields(catalog, plan, lang));
    if plan.start_in_past {
        doc.paragraph(Styled::new(Msg::StartInPast.get(lang), Tone::Warn));
    }
    doc.heading(Msg::SessionsTitle.get(lang));
    let rows = plan
        .sessions
        .iter()
        .map(|s| session_row(catalog, s, lang))
        .collect();
    let columns = [Msg::Number, Msg::Date, Msg::Weekday, Msg::Aftercare];
    doc.table(header(&columns, lang), rows);
    if let Some(d) = &plan.doses {
        super::dose::doses_section(&mut doc, catalog, d, lang);
    }
    let mut after = Vec::new();
    if let Some((date, r)) = &plan.maintenance {
        after.push(Styled::from(fill(
            Msg::MaintenanceFrom.get(lang),
            &[date, &r.value, &rule_text(catalog, r, lang)],
        )));
    }
    if let Some((date, r)) = &plan.next_course_by {
        after.push(Styled::from(fill(
            Msg::NextCourseBy.get(lang),
            &[date, &rule_text(catalog, r, lang)],
        )));
    }
    if !after.is_empty() {
        doc.heading(Msg::AfterTheCourse.get(lang));
        doc.list(after);
    }
    if !plan.expectations.is_empty() {
        doc.heading(Msg::Expectations.get(lang));
        let file = catalog.file();
        doc.list(
            plan.expectations
                .iter()
                .map(|&e| {
                    let x = &file.expectations[e];
                    Styled::from(format!(
                        "{} ({}; {})",
                        lang.text(&x.text),
                        lang::evidence(x.evidence, lang),
                        x.sources.join(", ")
                    ))
                })
                .collect(),
        );
    }
    doc.paragraph(Styled::new(Msg::Disclaimer.get(lang), Tone::Muted));
    doc
}

/// Start, session count, interval and longest interval (each with who set it), and the cocktail.
fn plan_fields(catalog: &Catalog, plan: &Plan, lang: Lang) -> Vec<(String, Styled)> {
    let ruled = |label: Msg, r: &Ruled| {
        (
            label.get(lang).to_owned(),
            Styled::from(format!(
                "{} \u{2014} {}",
                r.value,
                rule_text(catalog, r, lang)
            )),
        )
    };
    let mut fields = vec![
        (
            Msg::Start.get(lang).to_owned(),
            Styled::from(plan.start.to_string()),
        ),
        ruled(Msg::Sessions, &plan.count),
        ruled(Msg::IntervalDays, &plan.interval),
    ];
    if let Some(m) = &plan.interval_max {
        fields.push(ruled(Msg::MaxIntervalDays, m));
    }
    if !plan.ingredients.is_empty() {
        fields.push((
            Msg::Cocktail.get(lang).to_owned(),
            Styled::from(id_list(catalog, &plan.ingredients, " + ")),
        ));
    }
    fields
}

/// A session: number, date, weekday and its aftercare windows, one per line.
fn session_row(catalog: &Catalog, s: &Session, lang: Lang) -> Vec<Styled> {
    let care: Vec<String> = s
        .aftercare
        .iter()
        .map(|w| {
            let rule = &catalog.file().aftercare[w.rule];
            let span = if w.from == w.to {
                w.from.to_string()
            } else {
                format!("{} \u{2026} {}", w.from, w.to)
            };
            format!("{span}: {}", lang.text(&rule.text))
        })
        .collect();
    vec![
        Styled::from(s.n.to_string()),
        Styled::from(s.date.to_string()),
        Styled::from(lang::weekday(s.weekday, lang)),
        Styled::from(care.join("\n")),
    ]
}

// ---------------------------------------------------------------------------------------------
// Calendar

/// The plan's all-day events: each session (with the cocktail), each aftercare window, the
/// first maintenance session and the next course.
fn events(catalog: &Catalog, plan: &Plan, lang: Lang) -> Vec<Event> {
    let zone = &catalog.zones()[plan.zone];
    let event = |seed: String, first, last, summary, description| Event {
        seed,
        first,
        last,
        summary,
        description,
    };
    let cocktail = plan
        .ingredients
        .iter()
        .map(|&i| lang.text(&catalog.ingredients()[i].name))
        .collect::<Vec<_>>()
        .join(" + ");
    let mut out = Vec::new();
    for s in &plan.sessions {
        let summary = fill(
            Msg::IcsSession.get(lang),
            &[&s.n, &plan.sessions.len(), &lang.text(&zone.name)],
        );
        out.push(event(
            format!("session-{}", s.n),
            s.date,
            s.date,
            summary,
            cocktail.clone(),
        ));
        for w in &s.aftercare {
            let rule = &catalog.file().aftercare[w.rule];
            let summary = format!(
                "{} ({} {})",
                lang.text(&rule.text),
                Msg::IcsAfterSession.get(lang),
                s.n
            );
            let description = format!(
                "{}; {}",
                lang::evidence(rule.evidence, lang),
                rule.sources.join(", ")
            );
            let seed = format!("aftercare-{}-{}", s.n, rule.id);
            out.push(event(seed, w.from, w.to, summary, description));
        }
    }
    if let Some((date, r)) = &plan.maintenance {
        let summary = fill(Msg::IcsMaintenance.get(lang), &[&r.value]);
        let description = rule_text(catalog, r, lang);
        out.push(event(
            "maintenance".into(),
            *date,
            *date,
            summary,
            description,
        ));
    }
    if let Some((date, r)) = &plan.next_course_by {
        let summary = Msg::IcsNextCourse.get(lang).to_owned();
        let description = rule_text(catalog, r, lang);
        out.push(event(
            "next-course".into(),
            *date,
            *date,
            summary,
            description,
        ));
    }
    out
}

/// The plan as an iCalendar file: UIDs derived from the zone, the start and each event, and a
/// DTSTAMP derived from the plan's start, so the same plan gives the same bytes.
pub fn plan_ics(catalog: &Catalog, plan: &Plan, lang: Lang) -> String {
    let uid_key = format!("{}|{}", catalog.zones()[plan.zone].id, plan.start);
    ics::calendar(
        "-//mesomix//mesomix plan//EN",
        plan.start,
        &uid_key,
        &events(catalog, plan, lang),
    )
}
