//! A small document model that the table and Markdown renderers both draw.
//!
//! Commands describe their human-facing output once, as a [`Doc`] of headings, fields, tables
//! and lists in the chosen language; `table.rs` prints it for a terminal and `markdown.rs` for
//! patient notes. JSON does not go through here: it serialises the data itself.

/// How a cell or value should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Warn,
    Bad,
    Muted,
}

/// A piece of text with a tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Styled {
    pub text: String,
    pub tone: Tone,
}

impl Styled {
    pub fn new(text: impl Into<String>, tone: Tone) -> Styled {
        Styled {
            text: text.into(),
            tone,
        }
    }
}

impl From<String> for Styled {
    fn from(text: String) -> Styled {
        Styled {
            text,
            tone: Tone::Plain,
        }
    }
}

impl From<&str> for Styled {
    fn from(text: &str) -> Styled {
        Styled {
            text: text.to_owned(),
            tone: Tone::Plain,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(Styled),
    /// Label–value pairs.
    Fields(Vec<(String, Styled)>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Styled>>,
    },
    List(Vec<Styled>),
    /// A list nested under the item before it.
    SubList(Vec<Styled>),
    /// A fenced block (such as a Mermaid picture) that only Markdown shows.
    Fenced {
        info: String,
        text: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new(title: impl Into<String>) -> Doc {
        Doc {
            title: title.into(),
            blocks: Vec::new(),
        }
    }
    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(text.into()));
        self
    }
    pub fn paragraph(&mut self, text: impl Into<Styled>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }
    pub fn fields(&mut self, fields: Vec<(String, Styled)>) -> &mut Self {
        if !fields.is_empty() {
            self.blocks.push(Block::Fields(fields));
        }
        self
    }
    pub fn table(&mut self, header: Vec<String>, rows: Vec<Vec<Styled>>) -> &mut Self {
        self.blocks.push(Block::Table { header, rows });
        self
    }
    pub fn list(&mut self, items: Vec<Styled>) -> &mut Self {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
        self
    }
    pub fn sublist(&mut self, items: Vec<Styled>) -> &mut Self {
        if !items.is_empty() {
            self.blocks.push(Block::SubList(items));
        }
        self
    }
}
