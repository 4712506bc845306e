//! The error of reading typed values from YAML events, worded as serde_yaml worded it (the
//! diagnostics users see are built from this text, so it must not change).
//!
//! Adapted from serde_yaml 0.9 (David Tolnay; MIT OR Apache-2.0, the licences yoyak uses).

use serde::de;
use std::fmt::{self, Display};

/// Where an event starts: line from 1, column from 0 (yaml-rust2's counting).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 0.
    pub col: usize,
}

impl From<yaml_rust2::scanner::Marker> for Mark {
    fn from(m: yaml_rust2::scanner::Marker) -> Self {
        Mark { line: m.line(), col: m.col() }
    }
}

/// Path to the value being read, like `facts[3].value` (displayed as serde_yaml does).
#[derive(Copy, Clone)]
pub enum Path<'a> {
    /// The document itself.
    Root,
    /// An element of a list.
    Seq { parent: &'a Path<'a>, index: usize },
    /// The value of a map key.
    Map { parent: &'a Path<'a>, key: &'a str },
    /// What an alias names: it reads as where the alias is written.
    Alias { parent: &'a Path<'a> },
    /// The value of a key that is not a scalar.
    Unknown { parent: &'a Path<'a> },
}

impl Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        /// A parent followed by a dot, nothing for the root.
        struct Parent<'a>(&'a Path<'a>);
        impl Display for Parent<'_> {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                match self.0 {
                    Path::Root => Ok(()),
                    path => write!(f, "{path}."),
                }
            }
        }
        match self {
            Path::Root => f.write_str("."),
            Path::Seq { parent, index } => write!(f, "{parent}[{index}]"),
            Path::Map { parent, key } => write!(f, "{}{key}", Parent(parent)),
            Path::Alias { parent } => write!(f, "{parent}"),
            Path::Unknown { parent } => write!(f, "{}?", Parent(parent)),
        }
    }
}

/// Why the values could not be read.
#[derive(Debug)]
pub struct Error {
    message: String,
    /// The path and place of the value, once known.
    at: Option<(String, Mark)>,
    /// A place without a path (the nesting limit).
    mark: Option<Mark>,
    /// Whether this is a message a path and place may still be given to (serde's own
    /// errors); fixed errors such as the end of the input never get one.
    placeable: bool,
}

impl Error {
    /// An error of this reader's own, with a fixed text and no path.
    pub fn fixed(message: &str, mark: Option<Mark>) -> Self {
        Error { message: message.into(), at: None, mark, placeable: false }
    }

    /// The input ended where a value was expected.
    pub fn end_of_stream() -> Self {
        Error::fixed("EOF while parsing a value", None)
    }

    /// Give an error without a place the path and place of the value being read.
    pub fn fix_mark(mut self, mark: Mark, path: &Path) -> Self {
        if self.placeable && self.at.is_none() {
            self.at = Some((path.to_string(), mark));
        }
        self
    }

    /// Where the error is, line and column from 1.
    pub fn location(&self) -> Option<(usize, usize)> {
        let mark = self.at.as_ref().map(|(_, m)| *m).or(self.mark)?;
        Some((mark.line, mark.col + 1))
    }
}

impl Display for Error {
    /// `path: message at line L column C`, the path left out at the root and the place at the
    /// very start of the file.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some((path, _)) = &self.at
            && path != "."
        {
            write!(f, "{path}: ")?;
        }
        f.write_str(&self.message)?;
        let mark = self.at.as_ref().map(|(_, m)| *m).or(self.mark);
        match mark {
            Some(m) if m.line != 1 || m.col != 0 => {
                write!(f, " at line {} column {}", m.line, m.col + 1)
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error { message: msg.to_string(), at: None, mark: None, placeable: true }
    }
}
