//! A tiny HTML writer: escaping and open/close tags with attributes.

/// Escapes text for HTML element content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Appends tags and text to a string.
pub(crate) struct Html<'a> {
    out: &'a mut String,
}

impl<'a> Html<'a> {
    pub(crate) fn new(out: &'a mut String) -> Self {
        Self { out }
    }

    /// `<tag a="v" ...>` with escaped attribute values.
    pub(crate) fn open(&mut self, tag: &str, attrs: &[(&str, String)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (k, v) in attrs {
            self.out.push_str(&format!(" {k}=\"{}\"", esc(v)));
        }
        self.out.push('>');
    }

    /// `</tag>`.
    pub(crate) fn close(&mut self, tag: &str) {
        self.out.push_str(&format!("</{tag}>"));
    }
}
