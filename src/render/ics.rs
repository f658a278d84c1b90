//! The iCalendar writer (RFC 5545), by hand so that it is reproducible: CRLF line ends, lines
//! folded at 75 octets on character boundaries, escaped text, UIDs derived from the content and
//! a DTSTAMP given by the caller, never read from the clock.

use jiff::civil::Date;
use sha2::{Digest, Sha256};

/// One all-day event.
#[derive(Debug, Clone)]
pub struct Event {
    /// What makes the event unique within its calendar (such as `session-1`); part of its UID.
    pub seed: String,
    pub first: Date,
    /// The last day, inclusive.
    pub last: Date,
    pub summary: String,
    /// Left out when empty.
    pub description: String,
}

/// A calendar of all-day events. Each UID hashes `uid_key`, the event's seed, dates and
/// summary, so the same events give the same bytes; every DTSTAMP is midnight UTC of `stamp`.
pub fn calendar(prodid: &str, stamp: Date, uid_key: &str, events: &[Event]) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: &str| fold(text, out);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, &format!("PRODID:{prodid}"));
    line(&mut out, "CALSCALE:GREGORIAN");
    let stamp = format!("{}T000000Z", date(stamp));
    for e in events {
        let mut hasher = Sha256::new();
        hasher.update(
            format!("{uid_key}|{}|{}|{}|{}", e.seed, e.first, e.last, e.summary).as_bytes(),
        );
        let uid: String = hasher
            .finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect();
        // All-day events end on the day after their last day (DTEND is exclusive).
        let end = e.last.tomorrow().unwrap_or(e.last);
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}@mesomix"));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(e.first)));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(end)));
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        }
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1), and
/// ends every physical line with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        // The first line holds 75 octets; continuation lines start with a space, so 74 more.
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// A DATE value: `YYYYMMDD`.
fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "ж".repeat(60)), &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ж".repeat(60)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
