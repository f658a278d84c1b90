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
    pub zone: usize,
    pub ingredients: Vec<usize>,
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
    Zone { zone: usize },
    /// An ingredient's course limit.
    Ingredient { ingredient: usize },
    /// The practitioner's `--sessions`.
    Requested,
}

/// One number of the plan and the rule that set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ruled {
    pub value: u32,
    pub set_by: RuleSource,
    pub evidence: Option<Evidence>,
    pub sources: Vec<String>,
}

/// One aftercare window around one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Index into the catalog's aftercare rules.
    pub rule: usize,
    pub from: Date,
    pub to: Date,
    /// Whether a source gives the rule's duration (otherwise the window is the session day).
    pub sourced_duration: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// 1-based.
    pub n: u32,
    pub date: Date,
    pub weekday: Weekday,
    pub aftercare: Vec<Window>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub zone: usize,
    pub ingredients: Vec<usize>,
    pub start: Date,
    pub sessions: Vec<Session>,
    pub count: Ruled,
    /// Days between sessions.
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
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("--sessions must be at least 1")]
    NoSessions,
    #[error("--sessions exceeds a course limit")]
    TooManySessions { asked: u32, limit: Ruled },
    #[error("the plan runs past the calendar's end")]
    OutOfRange,
}

/// Plans a course.
pub fn plan(catalog: &Catalog, request: &PlanRequest) -> Result<Plan, PlanError> {
    let zone = &catalog.zones()[request.zone];
    let course = &zone.course;
    let zone_rule = |value: u32| Ruled {
        value,
        set_by: RuleSource::Zone { zone: request.zone },
        evidence: Some(course.evidence),
        sources: course.sources.clone(),
    };
    // The strictest limits: the fewest maximum sessions, the longest minimum interval, the
    // shortest maximum interval. On a tie the ingredient's own limit is named, being the more
    // specific rule (the first ingredient by id among equals).
    let mut max_sessions = zone_rule(course.sessions.max);
    let mut min_interval = zone_rule(course.interval_days.min);
    let mut max_interval = Some(zone_rule(course.interval_days.max));
    let mut ingredients = request.ingredients.clone();
    ingredients.sort_by(|&a, &b| {
        catalog.ingredients()[a]
            .id
            .cmp(&catalog.ingredients()[b].id)
    });
    for &i in &ingredients {
        let Some(limit) = &catalog.ingredients()[i].course else {
            continue;
        };
        let rule = |value: u32| Ruled {
            value,
            set_by: RuleSource::Ingredient { ingredient: i },
            evidence: Some(limit.evidence),
            sources: limit.sources.clone(),
        };
        if let Some(n) = limit.max_sessions
            && (n < max_sessions.value
                || (n == max_sessions.value
                    && max_sessions.set_by == RuleSource::Zone { zone: request.zone }))
        {
            max_sessions = rule(n);
        }
        if let Some(d) = limit.min_interval_days
            && (d > min_interval.value
                || (d == min_interval.value
                    && min_interval.set_by == RuleSource::Zone { zone: request.zone }))
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
    let count = match request.sessions {
        Some(0) => return Err(PlanError::NoSessions),
        Some(n) if n > max_sessions.value => {
            return Err(PlanError::TooManySessions {
                asked: n,
                limit: max_sessions,
            });
        }
        Some(n) => Ruled {
            value: n,
            set_by: RuleSource::Requested,
            evidence: None,
            sources: Vec::new(),
        },
        // The pattern's lower end: the shortest usual course, within every limit.
        None if course.sessions.min <= max_sessions.value => zone_rule(course.sessions.min),
        None => max_sessions.clone(),
    };
    let add = |date: Date, days: i64| {
        date.checked_add(days.days())
            .map_err(|_| PlanError::OutOfRange)
    };
    let mut sessions = Vec::new();
    for n in 0..count.value {
        let date = add(request.start, i64::from(n) * i64::from(min_interval.value))?;
        let mut aftercare = Vec::new();
        for (r, rule) in catalog.file().aftercare.iter().enumerate() {
            if !rule.regions.is_empty() && !rule.regions.contains(&zone.region) {
                continue;
            }
            let from = add(date, -i64::from(rule.before_days))?;
            let to = add(date, i64::from(rule.after_days.unwrap_or(0)))?;
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
    let last = sessions.last().map_or(request.start, |s| s.date);
    let maintenance = match course.maintenance_interval_days {
        Some(span) => Some((add(last, i64::from(span.min))?, zone_rule(span.min))),
        None => None,
    };
    let next_course_by = match course.next_course_within_days {
        Some(days) => Some((add(last, i64::from(days))?, zone_rule(days))),
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
        interval: min_interval,
        interval_max: max_interval,
        maintenance,
        next_course_by,
        expectations,
        start_in_past: request.today.is_some_and(|t| request.start < t),
    })
}
