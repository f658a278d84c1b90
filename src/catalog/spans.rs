//! Byte spans of every value in a RON text, keyed by path (`ingredients[3].goals[0].goal`).
//!
//! The `ron` crate reports where the *syntax* is wrong but keeps no positions for values that
//! parsed fine. Validation needs those positions to point at a dangling reference or an
//! out-of-range number, so this module scans the same text once more and records where each
//! value sits. It is only called on text that `ron` has already parsed, so it is lenient: on
//! anything it does not understand it stops and returns what it has.

use std::collections::HashMap;
use std::ops::Range;

/// Where each value of a RON document sits, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    spans: HashMap<String, Range<usize>>,
}

impl SpanIndex {
    pub fn new(text: &str) -> SpanIndex {
        let mut scanner = Scanner {
            text: text.as_bytes(),
            pos: 0,
            spans: HashMap::new(),
        };
        scanner.skip_trivia();
        // The attributes (`#![enable(implicit_some)]`) come first.
        while scanner.peek() == Some(b'#') {
            while let Some(b) = scanner.bump() {
                if b == b']' {
                    break;
                }
            }
            scanner.skip_trivia();
        }
        let _ = scanner.value(String::new());
        SpanIndex {
            spans: scanner.spans,
        }
    }

    /// The span of the value at `path`, or of its nearest recorded ancestor.
    pub fn find(&self, path: &str) -> Option<Range<usize>> {
        let mut path = path;
        loop {
            if let Some(span) = self.spans.get(path) {
                return Some(span.clone());
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

struct Scanner<'t> {
    text: &'t [u8],
    pos: usize,
    spans: HashMap<String, Range<usize>>,
}

/// Marks a scan that met something it does not understand.
struct Stop;

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.text.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(b) = self.bump() {
                        if b == b'\n' {
                            break;
                        }
                    }
                }
                Some(b'/') if self.text.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 {
                        match self.bump() {
                            None => return,
                            Some(b'*') if self.peek() == Some(b'/') => {
                                self.pos += 1;
                                depth -= 1;
                            }
                            Some(b'/') if self.peek() == Some(b'*') => {
                                self.pos += 1;
                                depth += 1;
                            }
                            Some(_) => {}
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Stop> {
        self.skip_trivia();
        if self.bump() == Some(byte) {
            Ok(())
        } else {
            Err(Stop)
        }
    }

    fn ident(&mut self) -> &str {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        std::str::from_utf8(&self.text[start..self.pos]).unwrap_or("")
    }

    /// Scans one value and records its span under `path`.
    fn value(&mut self, path: String) -> Result<(), Stop> {
        self.skip_trivia();
        let start = self.pos;
        match self.peek().ok_or(Stop)? {
            b'"' => self.string()?,
            b'r' if matches!(self.text.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.raw_string()?
            }
            b'\'' => {
                self.pos += 1;
                while let Some(b) = self.bump() {
                    match b {
                        b'\\' => self.pos += 1,
                        b'\'' => break,
                        _ => {}
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                self.sequence(&path, b']')?;
            }
            b'{' => {
                self.pos += 1;
                self.map(&path)?;
            }
            b'(' => {
                self.pos += 1;
                self.parenthesised(&path)?;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let name = self.ident().to_owned();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    // `Some(x)` and enum variants are transparent: the inner value keeps the path.
                    self.wrapped(&path)?;
                } else if name.is_empty() {
                    return Err(Stop);
                }
            }
            b if b.is_ascii_digit() || b == b'-' || b == b'+' || b == b'.' => {
                self.pos += 1;
                while let Some(b) = self.peek() {
                    if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-') {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
            }
            _ => return Err(Stop),
        }
        self.spans.insert(path, start..self.pos);
        Ok(())
    }

    fn string(&mut self) -> Result<(), Stop> {
        self.pos += 1;
        loop {
            match self.bump().ok_or(Stop)? {
                b'\\' => self.pos += 1,
                b'"' => return Ok(()),
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) -> Result<(), Stop> {
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.expect(b'"')?;
        loop {
            if self.bump().ok_or(Stop)? == b'"' {
                let closing = self.text[self.pos..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count();
                if closing >= hashes {
                    self.pos += hashes;
                    return Ok(());
                }
            }
        }
    }

    /// Elements of a list or tuple, recorded as `path[i]`.
    fn sequence(&mut self, path: &str, close: u8) -> Result<(), Stop> {
        let mut index = 0;
        loop {
            self.skip_trivia();
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(());
            }
            self.value(format!("{path}[{index}]"))?;
            index += 1;
            self.skip_trivia();
            match self.bump().ok_or(Stop)? {
                b',' => {}
                b if b == close => return Ok(()),
                _ => return Err(Stop),
            }
        }
    }

    fn map(&mut self, path: &str) -> Result<(), Stop> {
        let mut index = 0;
        loop {
            self.skip_trivia();
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(());
            }
            self.value(format!("{path}{{{index}}}"))?;
            self.expect(b':')?;
            self.value(format!("{path}[{index}]"))?;
            index += 1;
            self.skip_trivia();
            match self.bump().ok_or(Stop)? {
                b',' => {}
                b'}' => return Ok(()),
                _ => return Err(Stop),
            }
        }
    }

    /// The inside of `Name( ... )`: named fields of a struct variant, or one wrapped value
    /// (`Some(x)`, a newtype variant) that keeps the path of the wrapper.
    fn wrapped(&mut self, path: &str) -> Result<(), Stop> {
        self.skip_trivia();
        let save = self.pos;
        let name = self.ident().to_owned();
        self.skip_trivia();
        let named = !name.is_empty() && self.peek() == Some(b':');
        self.pos = save;
        if named {
            return self.parenthesised(path);
        }
        self.value(path.to_owned())?;
        self.skip_trivia();
        if self.peek() == Some(b',') {
            self.pos += 1;
        }
        self.expect(b')')
    }

    /// The inside of `( ... )`: named fields (`a: 1, b: 2`) or a tuple.
    fn parenthesised(&mut self, path: &str) -> Result<(), Stop> {
        self.skip_trivia();
        let save = self.pos;
        let named = {
            let name = self.ident().to_owned();
            self.skip_trivia();
            let named = !name.is_empty() && self.peek() == Some(b':');
            self.pos = save;
            named
        };
        if !named {
            return self.sequence(path, b')');
        }
        loop {
            self.skip_trivia();
            if self.peek() == Some(b')') {
                self.pos += 1;
                return Ok(());
            }
            let key_start = self.pos;
            let field = self.ident().to_owned();
            if field.is_empty() {
                return Err(Stop);
            }
            let field_path = if path.is_empty() {
                field.clone()
            } else {
                format!("{path}.{field}")
            };
            // The key itself is recorded too, for problems about a field rather than its value.
            self.spans
                .insert(format!("{field_path}#key"), key_start..self.pos);
            self.expect(b':')?;
            self.value(field_path)?;
            self.skip_trivia();
            match self.bump().ok_or(Stop)? {
                b',' => {}
                b')' => return Ok(()),
                _ => return Err(Stop),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, path: &str, expected: &str) {
        let index = SpanIndex::new(text);
        let span = index.find(path).expect("a span");
        assert_eq!(&text[span], expected);
    }

    #[test]
    fn finds_nested_values() {
        let text = r##"#![enable(implicit_some)]
// a comment with ( and "
(
    version: "1",
    items: [
        (id: "a", tags: ["x", "y"], status: Withdrawn(note: (en: "e", ru: "р"))),
        (id: "b", ph: Some((min: 1.5, max: -2e3)), raw: r#"q"uote"#),
    ],
)"##;
        check(text, "version", "\"1\"");
        check(text, "items[0].tags[1]", "\"y\"");
        check(text, "items[0].status.note.ru", "\"р\"");
        check(text, "items[1].ph.max", "-2e3");
        check(text, "items[1].raw", "r#\"q\"uote\"#");
        check(text, "items[1].id", "\"b\"");
        check(text, "items[0].id#key", "id");
        // A path that is not there falls back to its nearest ancestor.
        check(
            text,
            "items[1].missing",
            "(id: \"b\", ph: Some((min: 1.5, max: -2e3)), raw: r#\"q\"uote\"#)",
        );
    }
}
