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
    let text = error.text.as_str();
    for d in &error.diagnostics {
        // Only the lines the span touches go to the renderer, so a catalog with thousands of
        // problems is rendered in time proportional to its size, not size × problems.
        let start = d.span.start.min(text.len());
        let end = d.span.end.clamp(start, text.len());
        let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let mut to = text[end..].find('\n').map_or(text.len(), |i| end + i);
        // A CRLF line ends before its `\r`, as the whole-text renderer showed it.
        if to > end && text[..to].ends_with('\r') {
            to -= 1;
        }
        let report = &[Level::ERROR.primary_title(&d.message).element(
            Snippet::source(&text[from..to])
                .line_start(d.line)
                .path(&error.origin)
                .annotation(
                    AnnotationKind::Primary
                        .span(start - from..end - from)
                        .label(&d.label),
                ),
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
