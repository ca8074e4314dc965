//! Where quotes open and close, by the rules the csv crate's reader applies (RFC 4180 as
//! Excel and the csv crate's flexible readers read it): a quote opens a quoted field only as
//! the field's first character; inside one, `""` is a literal quote and a lone `"` closes it;
//! anywhere else a quote is an ordinary character (`27" Monitors Ltd`).

/// A scan of CSV bytes: the state after each byte.
struct Scan {
    delimiter: u8,
    quoted: bool,
    /// The previous byte closed a quoted field or was a quote inside one (`""` pending).
    quote_seen: bool,
    at_field_start: bool,
    line: usize,
    field: usize,
    opened: (usize, usize),
}

impl Scan {
    fn new(delimiter: u8) -> Scan {
        Scan {
            delimiter,
            quoted: false,
            quote_seen: false,
            at_field_start: true,
            line: 1,
            field: 0,
            opened: (1, 0),
        }
    }

    /// Takes one byte; `true` when it is a delimiter outside quotes.
    fn step(&mut self, b: u8) -> bool {
        if b == b'\n' {
            self.line += 1;
        }
        if self.quoted {
            if b == b'"' {
                self.quoted = false;
                self.quote_seen = true;
            }
            return false;
        }
        if self.quote_seen && b == b'"' {
            // `""` inside a quoted field: a literal quote, the field goes on.
            self.quoted = true;
            self.quote_seen = false;
            return false;
        }
        self.quote_seen = false;
        if b == self.delimiter {
            self.field += 1;
            self.at_field_start = true;
            return true;
        }
        if b == b'\n' || b == b'\r' {
            self.field = 0;
            self.at_field_start = true;
            return false;
        }
        if b == b'"' && self.at_field_start {
            self.quoted = true;
            self.opened = (self.line, self.field);
        }
        self.at_field_start = false;
        false
    }
}

/// Where a quoted field that is never closed opens: its line (the first line is 1) and the
/// index of the field in its record. `None` when every quoted field closes.
pub(super) fn unclosed_quote(bytes: &[u8], delimiter: u8) -> Option<(usize, usize)> {
    let mut scan = Scan::new(delimiter);
    for &b in bytes {
        scan.step(b);
    }
    scan.quoted.then_some(scan.opened)
}

/// Delimiters in `line` outside quoted fields.
pub(super) fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut scan = Scan::new(delimiter);
    line.bytes().filter(|&b| scan.step(b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_inside_an_unquoted_field_is_a_character() {
        assert_eq!(
            unclosed_quote(b"id,name\n1,27\" Monitors Ltd\n", b','),
            None
        );
        assert_eq!(count_outside_quotes("1,27\" Monitors,x", b','), 2);
    }

    #[test]
    fn a_later_quote_closes_the_field_as_the_reader_would() {
        // `"broken\n3,x\n4,` is one quoted field: the quote before `closed` ends it.
        let text = b"id,name\n2,\"broken\n3,x\n4,\"closed\"\n";
        assert_eq!(unclosed_quote(text, b','), None);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&text[..]);
        let records: Vec<csv::StringRecord> = reader.records().flatten().collect();
        assert_eq!(records[1].get(1), Some("broken\n3,x\n4,closed\""));
    }

    #[test]
    fn doubled_quotes_and_closed_fields() {
        assert_eq!(unclosed_quote(b"a,\"x \"\"y\"\" z\",b\n", b','), None);
        assert_eq!(count_outside_quotes("a,\"x,\"\"y\"\",z\",b", b','), 2);
        assert_eq!(unclosed_quote(b"a,\"two\r\nlines\",b\r\n", b','), None);
    }

    #[test]
    fn an_unclosed_field_is_located_where_it_opens() {
        // Opens on line 3 in the second field; later lines only extend it.
        let text = b"id,name\n1,ok\n2,\"broken\n3,x\n4,y\n";
        assert_eq!(unclosed_quote(text, b','), Some((3, 1)));
        // A literal quote earlier does not hide it (the old quote-count parity did).
        let text = b"id,name\n1,27\" screen\n2,ok\n3,\"open\n";
        assert_eq!(unclosed_quote(text, b','), Some((4, 1)));
        assert_eq!(unclosed_quote(b"id;\"name\n1;2\n", b';'), Some((1, 1)));
    }
}
