//! `plan` output: a dated course as a document, JSON (`mesomix.plan/1`) and an RFC 5545
//! calendar. The calendar is written by hand so that it is reproducible: UIDs come from the
//! content and DTSTAMP from the plan, never from the clock.

use jiff::civil::{Date, Weekday};
use schemars::JsonSchema;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::check::TextJson;
use super::doc::{Doc, Styled, Tone};
use super::json::CatalogRef;
use super::lang::{self, Lang, Msg, fill, header};
use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Text};
use crate::plan::{Plan, RuleSource, Ruled};

fn weekday(w: Weekday, lang: Lang) -> &'static str {
    let en = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let ru = [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ];
    let i = usize::from(w.to_monday_zero_offset().unsigned_abs());
    match lang {
        Lang::En => en[i],
        Lang::Ru => ru[i],
    }
}

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
    pub text: TextJson,
    /// False when no source gives the rule's duration (the window is the session day).
    pub sourced_duration: bool,
    pub evidence: Evidence,
    pub sources: &'c [String],
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct DatedRuleJson {
    pub date: String,
    pub days: RuleJson,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ExpectationJson<'c> {
    pub id: &'c str,
    pub text: TextJson,
    pub evidence: Evidence,
    pub sources: &'c [String],
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

fn text_json(t: &Text) -> TextJson {
    TextJson {
        en: t.en.clone(),
        ru: t.ru.clone(),
    }
}

pub fn plan_value<'c>(catalog: &'c Catalog, plan: &Plan) -> PlanJson<'c> {
    let file = catalog.file();
    PlanJson {
        schema: "mesomix.plan/1",
        catalog: CatalogRef::of(catalog),
        zone: &catalog.zones()[plan.zone].id,
        ingredients: plan
            .ingredients
            .iter()
            .map(|&i| catalog.ingredients()[i].id.as_str())
            .collect(),
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
                weekday: weekday(s.weekday, Lang::En).to_owned(),
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
                        text: text_json(&rule.text),
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
                    text: text_json(&x.text),
                    evidence: x.evidence,
                    sources: &x.sources,
                }
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Document

pub fn plan_doc(catalog: &Catalog, plan: &Plan, lang: Lang) -> Doc {
    let file = catalog.file();
    let zone = &catalog.zones()[plan.zone];
    let mut doc = Doc::new(format!(
        "{}: {}",
        Msg::PlanTitle.get(lang),
        lang.text(&zone.name)
    ));
    let mut fields = vec![
        (
            Msg::Start.get(lang).to_owned(),
            Styled::from(plan.start.to_string()),
        ),
        (
            Msg::Sessions.get(lang).to_owned(),
            Styled::from(format!(
                "{} \u{2014} {}",
                plan.count.value,
                rule_text(catalog, &plan.count, lang)
            )),
        ),
        (
            Msg::IntervalDays.get(lang).to_owned(),
            Styled::from(format!(
                "{} \u{2014} {}",
                plan.interval.value,
                rule_text(catalog, &plan.interval, lang)
            )),
        ),
    ];
    if let Some(m) = &plan.interval_max {
        fields.push((
            Msg::MaxIntervalDays.get(lang).to_owned(),
            Styled::from(format!(
                "{} \u{2014} {}",
                m.value,
                rule_text(catalog, m, lang)
            )),
        ));
    }
    if !plan.ingredients.is_empty() {
        fields.push((
            Msg::Cocktail.get(lang).to_owned(),
            Styled::from(
                plan.ingredients
                    .iter()
                    .map(|&i| catalog.ingredients()[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(" + "),
            ),
        ));
    }
    doc.fields(fields);
    if plan.start_in_past {
        doc.paragraph(Styled::new(Msg::StartInPast.get(lang), Tone::Warn));
    }
    doc.heading(Msg::SessionsTitle.get(lang));
    let rows = plan
        .sessions
        .iter()
        .map(|s| {
            let care: Vec<String> = s
                .aftercare
                .iter()
                .map(|w| {
                    let rule = &file.aftercare[w.rule];
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
                Styled::from(weekday(s.weekday, lang)),
                Styled::from(care.join("\n")),
            ]
        })
        .collect();
    doc.table(
        header(
            &[Msg::Number, Msg::Date, Msg::Weekday, Msg::Aftercare],
            lang,
        ),
        rows,
    );
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

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545)

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1), and
/// ends every physical line with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        // The first line holds 75 octets; continuation lines start with a space, so 74 more.
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// All-day events in the plan: (uid seed, first day, last day inclusive, summary, description).
fn events(catalog: &Catalog, plan: &Plan, lang: Lang) -> Vec<(String, Date, Date, String, String)> {
    let file = catalog.file();
    let zone = &catalog.zones()[plan.zone];
    let mut out = Vec::new();
    let cocktail = plan
        .ingredients
        .iter()
        .map(|&i| lang.text(&catalog.ingredients()[i].name))
        .collect::<Vec<_>>()
        .join(" + ");
    for s in &plan.sessions {
        let summary = fill(
            Msg::IcsSession.get(lang),
            &[&s.n, &plan.sessions.len(), &lang.text(&zone.name)],
        );
        out.push((
            format!("session-{}", s.n),
            s.date,
            s.date,
            summary,
            cocktail.clone(),
        ));
        for w in &s.aftercare {
            let rule = &file.aftercare[w.rule];
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
            out.push((
                format!("aftercare-{}-{}", s.n, rule.id),
                w.from,
                w.to,
                summary,
                description,
            ));
        }
    }
    if let Some((date, r)) = &plan.maintenance {
        out.push((
            "maintenance".into(),
            *date,
            *date,
            fill(Msg::IcsMaintenance.get(lang), &[&r.value]),
            rule_text(catalog, r, lang),
        ));
    }
    if let Some((date, r)) = &plan.next_course_by {
        out.push((
            "next-course".into(),
            *date,
            *date,
            Msg::IcsNextCourse.get(lang).to_owned(),
            rule_text(catalog, r, lang),
        ));
    }
    out
}

/// The plan as an iCalendar file: CRLF line ends, folded lines, escaped text, UIDs derived from
/// the content and a DTSTAMP derived from the plan's start, so the same plan gives the same bytes.
pub fn plan_ics(catalog: &Catalog, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: &str| fold(text, out);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//mesomix//mesomix plan//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    let stamp = format!("{}T000000Z", ics_date(plan.start));
    let zone = &catalog.zones()[plan.zone].id;
    for (seed, from, to, summary, description) in events(catalog, plan, lang) {
        let mut hasher = Sha256::new();
        hasher.update(format!("{zone}|{}|{seed}|{from}|{to}|{summary}", plan.start).as_bytes());
        let uid: String = hasher
            .finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect();
        // All-day events end on the day after their last day (DTEND is exclusive).
        let end = to.tomorrow().unwrap_or(to);
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}@mesomix"));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_date(from)));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_date(end)));
        line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        if !description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        }
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "ж".repeat(60)), &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ж".repeat(60)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
