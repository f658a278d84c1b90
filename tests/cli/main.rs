//! The one integration-test binary: every command run as a user runs it, and the embedded
//! catalog checked against the facts it was built from.

mod agreement;
mod catalog_commands;
mod check;
mod corpus;
mod determinism;
mod doses;
mod embedded_catalog;
mod errors;
mod formulate;
mod graph;
mod layers;
mod plan;
mod properties;
mod readme;
mod support;
mod terminal;
mod validate;

/// The integer-programming formulation the benchmarks compare against.
#[path = "../../benches/support/ilp.rs"]
mod ilp;
