//! A course plan: session dates from the zone's course pattern, tightened by the ingredients'
//! own course limits (the stricter rule wins, and the plan says which rule set each number),
//! aftercare windows around each session, maintenance and the next course.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::catalog::Catalog;
use crate::catalog::model::Evidence;

/// What to plan.
#[derive(Debug, Clone)]
pub struct PlanRequest {
    /// Index of the zone treated; its course is the pattern the plan starts from.
    pub zone: usize,
    /// Indices of the cocktail's ingredients; their course limits tighten the zone's.
    pub ingredients: Vec<usize>,
    /// Date of the first session.
    pub start: Date,
    /// The number of sessions asked for; `None` takes the course pattern's.
    pub sessions: Option<u32>,
    /// Today, to flag a start in the past (the edge reads the clock; the core does not).
    pub today: Option<Date>,
}

/// Where a number in the plan comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSource {
    /// The zone's course pattern.
    Zone {
        /// The zone's index.
        zone: usize,
    },
    /// An ingredient's course limit.
    Ingredient {
        /// The ingredient's index.
        ingredient: usize,
    },
    /// The number of sessions the request asked for ([`PlanRequest::sessions`]).
    Requested,
}

/// One number of the plan and the rule that set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ruled {
    /// The number: sessions or days.
    pub value: u32,
    /// The rule that set it.
    pub set_by: RuleSource,
    /// How strongly that rule is supported; `None` when the request set the number.
    pub evidence: Option<Evidence>,
    /// Ids of that rule's sources; empty when the request set the number.
    pub sources: Vec<String>,
}

/// One aftercare window around one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Index into the catalog's aftercare rules.
    pub rule: usize,
    /// First day of the window: the session day less the rule's `before_days`.
    pub from: Date,
    /// Last day of the window, inclusive: the session day plus the rule's `after_days` (the session
    /// day itself when no source gives a duration).
    pub to: Date,
    /// Whether a source gives the rule's duration (otherwise the window is the session day).
    pub sourced_duration: bool,
}

/// One session of the course, with the aftercare windows around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Its number in the course, from 1.
    pub n: u32,
    /// Its date: the start plus one interval per session before it.
    pub date: Date,
    /// The weekday of `date`.
    pub weekday: Weekday,
    /// One window per aftercare rule for the zone's region (rules without regions apply
    /// everywhere), in catalog order.
    pub aftercare: Vec<Window>,
}

/// A planned course: dated sessions with their aftercare, maintenance and the next course, each
/// number with the rule that set it.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Index of the zone planned for.
    pub zone: usize,
    /// Indices of the cocktail's ingredients, sorted by id.
    pub ingredients: Vec<usize>,
    /// Date of the first session.
    pub start: Date,
    /// Every session, in order.
    pub sessions: Vec<Session>,
    /// The number of sessions: the one asked for, else the zone pattern's lower end, lowered to the
    /// strictest ingredient limit when that is below it.
    pub count: Ruled,
    /// Days between sessions: the zone pattern's shortest interval, or the longest minimum
    /// interval an ingredient requires.
    pub interval: Ruled,
    /// The longest interval the rules allow (for the practitioner's flexibility).
    pub interval_max: Option<Ruled>,
    /// First maintenance session and its interval, where the zone's pattern has one.
    pub maintenance: Option<(Date, Ruled)>,
    /// The next course should start by this date.
    pub next_course_by: Option<(Date, Ruled)>,
    /// Indices into the catalog's expectations that apply to this zone.
    pub expectations: Vec<usize>,
    /// The start date is before today.
    pub start_in_past: bool,
    /// The doses of one session and of the course, when the cocktail carries amounts (the
    /// report counts `sessions.len()` sessions: its course limits hold the course's totals).
    pub doses: Option<crate::dose::DoseReport>,
}

/// Why a course could not be planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The request asked for no session at all.
    #[error("sessions must be at least 1")]
    NoSessions,
    /// The request asked for more sessions than the strictest course limit allows.
    #[error("sessions exceeds a course limit")]
    TooManySessions {
        /// The number of sessions asked for.
        asked: u32,
        /// The strictest maximum number of sessions, and the rule that set it.
        limit: Ruled,
    },
    /// A date of the plan falls outside the calendar's range.
    #[error("the plan runs past the calendar's end")]
    OutOfRange,
}

/// The strictest course limits of the zone and the ingredients, each with the rule that set it.
struct Limits {
    max_sessions: Ruled,
    /// The days between sessions: the longest minimum interval.
    min_interval: Ruled,
    max_interval: Option<Ruled>,
}

/// Plans a course.
pub fn plan(catalog: &Catalog, request: &PlanRequest) -> Result<Plan, PlanError> {
    let zone = &catalog.zones()[request.zone];
    let course = &zone.course;
    let mut ingredients = request.ingredients.clone();
    ingredients.sort_by(|&a, &b| {
        catalog.ingredients()[a]
            .id
            .cmp(&catalog.ingredients()[b].id)
    });
    let limits = limits(catalog, request.zone, &ingredients);
    let count = session_count(catalog, request, &limits)?;
    let sessions = schedule(catalog, request, count.value, limits.min_interval.value)?;
    let last = sessions.last().map_or(request.start, |s| s.date);
    let maintenance = match course.maintenance_interval_days {
        Some(span) => Some((
            add_days(last, i64::from(span.min))?,
            zone_rule(catalog, request.zone, span.min),
        )),
        None => None,
    };
    let next_course_by = match course.next_course_within_days {
        Some(days) => Some((
            add_days(last, i64::from(days))?,
            zone_rule(catalog, request.zone, days),
        )),
        None => None,
    };
    let expectations = catalog
        .file()
        .expectations
        .iter()
        .enumerate()
        .filter(|(_, e)| e.regions.is_empty() || e.regions.contains(&zone.region))
        .map(|(n, _)| n)
        .collect();
    Ok(Plan {
        zone: request.zone,
        ingredients,
        start: request.start,
        sessions,
        count,
        interval: limits.min_interval,
        interval_max: limits.max_interval,
        maintenance,
        next_course_by,
        expectations,
        start_in_past: request.today.is_some_and(|t| request.start < t),
        doses: None,
    })
}

/// A number set by the course pattern of zone `zone`.
fn zone_rule(catalog: &Catalog, zone: usize, value: u32) -> Ruled {
    let course = &catalog.zones()[zone].course;
    Ruled {
        value,
        set_by: RuleSource::Zone { zone },
        evidence: Some(course.evidence),
        sources: course.sources.to_strings(),
    }
}

/// The strictest limits: the fewest maximum sessions, the longest minimum interval, the
/// shortest maximum interval. On a tie the ingredient's own limit is named, being the more
/// specific rule (the first ingredient by id among equals, so `ingredients` come sorted by id).
fn limits(catalog: &Catalog, zone: usize, ingredients: &[usize]) -> Limits {
    let course = &catalog.zones()[zone].course;
    let by_zone = RuleSource::Zone { zone };
    let mut max_sessions = zone_rule(catalog, zone, course.sessions.max);
    let mut min_interval = zone_rule(catalog, zone, course.interval_days.min);
    let mut max_interval = Some(zone_rule(catalog, zone, course.interval_days.max));
    for &i in ingredients {
        let Some(limit) = &catalog.ingredients()[i].course else {
            continue;
        };
        let rule = |value: u32| Ruled {
            value,
            set_by: RuleSource::Ingredient { ingredient: i },
            evidence: Some(limit.evidence),
            sources: limit.sources.to_strings(),
        };
        if let Some(n) = limit.max_sessions
            && (n < max_sessions.value
                || (n == max_sessions.value && max_sessions.set_by == by_zone))
        {
            max_sessions = rule(n);
        }
        if let Some(d) = limit.min_interval_days
            && (d > min_interval.value
                || (d == min_interval.value && min_interval.set_by == by_zone))
        {
            min_interval = rule(d);
        }
        if let Some(d) = limit.max_interval_days
            && max_interval.as_ref().is_none_or(|m| d < m.value)
        {
            max_interval = Some(rule(d));
        }
    }
    // A zone's usual maximum interval gives way to an ingredient that needs longer gaps.
    if let Some(m) = &max_interval
        && m.value < min_interval.value
    {
        max_interval = match m.set_by {
            RuleSource::Zone { .. } => None,
            _ => Some(m.clone()),
        };
    }
    Limits {
        max_sessions,
        min_interval,
        max_interval,
    }
}

/// The number of sessions: the one asked for, within the limits; else the pattern's lower end,
/// the shortest usual course, within every limit.
fn session_count(
    catalog: &Catalog,
    request: &PlanRequest,
    limits: &Limits,
) -> Result<Ruled, PlanError> {
    let course = &catalog.zones()[request.zone].course;
    let max_sessions = &limits.max_sessions;
    Ok(match request.sessions {
        Some(0) => return Err(PlanError::NoSessions),
        Some(n) if n > max_sessions.value => {
            return Err(PlanError::TooManySessions {
                asked: n,
                limit: max_sessions.clone(),
            });
        }
        Some(n) => Ruled {
            value: n,
            set_by: RuleSource::Requested,
            evidence: None,
            sources: Vec::new(),
        },
        None if course.sessions.min <= max_sessions.value => {
            zone_rule(catalog, request.zone, course.sessions.min)
        }
        None => max_sessions.clone(),
    })
}

/// `count` sessions from the start, `interval` days apart, each with the aftercare windows of
/// the rules for the zone's region.
fn schedule(
    catalog: &Catalog,
    request: &PlanRequest,
    count: u32,
    interval: u32,
) -> Result<Vec<Session>, PlanError> {
    let region = &catalog.zones()[request.zone].region;
    let mut sessions = Vec::new();
    for n in 0..count {
        let date = add_days(request.start, i64::from(n) * i64::from(interval))?;
        let mut aftercare = Vec::new();
        for (r, rule) in catalog.file().aftercare.iter().enumerate() {
            if !rule.regions.is_empty() && !rule.regions.contains(region) {
                continue;
            }
            let from = add_days(date, -i64::from(rule.before_days))?;
            let to = add_days(date, i64::from(rule.after_days.unwrap_or(0)))?;
            aftercare.push(Window {
                rule: r,
                from,
                to,
                sourced_duration: rule.after_days.is_some(),
            });
        }
        sessions.push(Session {
            n: n + 1,
            date,
            weekday: date.weekday(),
            aftercare,
        });
    }
    Ok(sessions)
}

fn add_days(date: Date, days: i64) -> Result<Date, PlanError> {
    date.checked_add(days.days())
        .map_err(|_| PlanError::OutOfRange)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_domain_field_not_a_flag() {
        let catalog = crate::catalog::embedded().expect("embedded catalog");
        let request = |sessions| PlanRequest {
            zone: 0,
            ingredients: Vec::new(),
            start: Date::constant(2025, 2, 1),
            sessions: Some(sessions),
            today: None,
        };
        let none = plan(&catalog, &request(0)).expect_err("no sessions");
        assert_eq!(none, PlanError::NoSessions);
        let too_many = plan(&catalog, &request(u32::MAX)).expect_err("too many");
        assert!(
            matches!(
                too_many,
                PlanError::TooManySessions {
                    asked: u32::MAX,
                    ..
                }
            ),
            "{too_many:?}"
        );
        for e in [none, too_many, PlanError::OutOfRange] {
            let text = e.to_string();
            assert!(!text.contains("--"), "{text}");
        }
        assert_eq!(
            PlanError::NoSessions.to_string(),
            "sessions must be at least 1"
        );
    }
}
