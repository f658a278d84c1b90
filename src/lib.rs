//! mesomix: compose and check mesotherapy cocktails against a sourced compatibility catalog.
//!
//! The core (`catalog`, `compat`, `names`) computes and never prints; `render` turns results
//! into text; `app` is the edge that reads files, writes output and picks the exit code.

#![forbid(unsafe_code)]

pub mod app;
pub mod batch;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod compat;
pub mod dose;
pub mod error;
pub mod exit;
pub mod formulate;
pub mod graph;
pub mod io;
pub mod names;
pub mod patient;
pub mod plan;
pub mod render;
pub mod request;
pub mod resolve;
#[doc(hidden)]
pub mod synthetic;
