//! Renders catalog problems as located snippets with carets (annotate-snippets).

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::catalog::CatalogError;

/// All problems of a catalog, each with file, line, column and a caret under the place.
pub fn render(error: &CatalogError, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in &error.diagnostics {
        let report = &[Level::ERROR.primary_title(&d.message).element(
            Snippet::source(&error.text)
                .path(&error.origin)
                .annotation(AnnotationKind::Primary.span(d.span.clone()).label(&d.label)),
        )];
        out.push_str(&renderer.render(report));
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "error: {}: {} problem{} found; the catalog was not loaded\n",
        error.origin,
        error.diagnostics.len(),
        if error.diagnostics.len() == 1 {
            ""
        } else {
            "s"
        }
    ));
    out
}
