//! Name lookup helpers: normalising what a person types and finding the closest known names.

/// Normalises a typed name for lookup: trimmed, lower-case, and with `-` and spaces read as `_`
/// so that `vitamin-c`, `Vitamin C` and `vitamin_c` meet.
pub fn normalise(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| {
            if c == '-' || c.is_whitespace() {
                '_'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Names longer than this (in characters) get no "did you mean".
pub const MAX_COMPARED: usize = 200;

/// Up to three candidates closest to `wanted`, best first, by normalised Jaro–Winkler
/// similarity; only reasonably close ones are returned.
pub fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    // No name is this long; comparing a huge input against every name would take seconds.
    if wanted.chars().count() > MAX_COMPARED {
        return Vec::new();
    }
    let wanted = normalise(wanted);
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| (strsim::jaro_winkler(&wanted, &normalise(c)), c))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_spelling_variants() {
        assert_eq!(normalise(" Vitamin C "), "vitamin_c");
        assert_eq!(normalise("vitamin-c"), "vitamin_c");
        assert_eq!(normalise("ЛИДАЗА"), "лидаза");
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["hyaluronidase", "hyaluronic_acid", "lidocaine"];
        assert_eq!(
            closest("hyaluronidaze", names.iter().copied())[0],
            "hyaluronidase"
        );
        assert!(closest("zzzz", names.iter().copied()).is_empty());
    }
}
