//! Actions (DESIGN §6): what a cocktail does for a goal (lipolysis, microcirculation, dermal
//! matrix, ...), which actions each goal works through and with what share, which actions each
//! ingredient or product performs and how well, and the published regimens that combined them.

use serde::{Deserialize, Serialize};

use super::*;

/// One action a cocktail may perform (`lipolysis`, `microcirculation`, `dispersion`, ...).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Snake_case id, unique among actions; goals and action claims refer to it.
    pub id: Str,
    /// Display name.
    pub name: Text,
    /// What the action is, for readers.
    pub description: Text,
    /// An enabling action that serves no goal by itself (hyaluronidase's dispersion): shown with
    /// the items that perform it, never scored, and named by no goal (validation).
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_false")]
    pub enabling: bool,
}

/// One action a goal works through, with its share of the goal.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalAction {
    /// Id of the action.
    pub action: Str,
    /// Other actions that count for this one (cellulite's fat reduction is served by lipolysis
    /// or by adipocytolysis); the best efficacy among them counts.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub also_served_by: List<Str>,
    /// The action's part of the goal, a whole number from 1: its share is `share` over the sum
    /// of the goal's shares (equal numbers: equal shares). A goal's shares add up to at most
    /// [`MAX_GOAL_SHARES`] (validation).
    pub share: u32,
    /// How strongly the sources support that the goal works through this action.
    pub evidence: Evidence,
    /// Sources for it.
    pub sources: List<Str>,
}

/// The most a goal's shares may add up to (so every share is an exact fraction with a small
/// denominator, and the objective stays in whole numbers).
pub const MAX_GOAL_SHARES: u32 = 16;

/// How an action claim was shown: the route of the trial, approval or data behind it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// By local injection (intradermal or subcutaneous), as mesotherapy gives it.
    Local,
    /// Systemically (oral, intravenous, intramuscular): efficacy capped at 2.
    Systemic,
    /// Applied to the skin: efficacy capped at 2.
    Topical,
    /// In animals or in vitro only: efficacy 1.
    Preclinical,
}

/// An action an ingredient or product performs, and how well.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionClaim {
    /// Id of the action.
    pub action: Str,
    /// 3: approved indication or randomised controlled trial by local injection; 2:
    /// peer-reviewed clinical report, established pharmacology, or an approval or trial by
    /// another route (capped at 2); 1: weak sources or preclinical data only.
    pub efficacy: u8,
    /// The routes the evidence was shown by; an efficacy of 3 needs `local` (validation).
    pub routes: List<Route>,
    /// The zones the claim holds in (Kybella's label: submental fat only); empty means every
    /// zone. An item has at most one claim per action and zone (validation), and a request
    /// without a zone counts only the claims that hold everywhere.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub zones: List<Str>,
    /// How strongly the claim is supported.
    pub evidence: Evidence,
    /// What the sources say, in words, with their limits (a negative trial, a zone the claim
    /// holds for).
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub note: Option<Text>,
    /// Sources for it.
    pub sources: List<Str>,
}

/// A combination used in a published study or a licensed product: precedent that `formulate`
/// reports, never a compatibility rating.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regimen {
    /// Snake_case id, unique among regimens.
    pub id: Str,
    /// What it is ("Intradermal tranexamic acid with vitamin C for melasma").
    pub name: Text,
    /// The ingredients and products combined (ids, at least two).
    pub items: List<Str>,
    /// Whether the items were mixed in one syringe (or given side by side in one session).
    pub one_syringe: bool,
    /// The goals it was used for.
    pub goals: List<Str>,
    /// The zones it was used in; empty when the source names none.
    #[serde(default)]
    pub zones: List<Str>,
    /// What was found (the outcome and the size of the study).
    pub outcome: Text,
    /// How strongly the sources support the regimen and its outcome.
    pub evidence: Evidence,
    /// Sources for it.
    pub sources: List<Str>,
}
