//! The catalog modules the build script compiles too, so that the embedded catalog is parsed,
//! hashed and validated when mesomix is built (see `build.rs`). Not part of the library.

#[path = "codec.rs"]
pub mod codec;
#[path = "generate.rs"]
pub mod generate;
#[path = "graph.rs"]
pub mod graph;
#[path = "index.rs"]
pub mod index;
#[path = "model/mod.rs"]
pub mod model;
#[path = "spans.rs"]
pub mod spans;
#[path = "validate/mod.rs"]
pub mod validate;
