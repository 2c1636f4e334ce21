//! What a case is made of, on both sides of the reviewer API: its status, who wrote a
//! message, what an item holds, a sealed part, and the rules for reviewers' names.

use std::str::FromStr;

/// Case status, shown to both sides and changed by reviewers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Received,
    Acknowledged,
    InReview,
    Decided,
    Closed,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Received,
        Status::Acknowledged,
        Status::InReview,
        Status::Decided,
        Status::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Acknowledged => "acknowledged",
            Status::InReview => "in-review",
            Status::Decided => "decided",
            Status::Closed => "closed",
        }
    }
}

impl FromStr for Status {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or("unknown status")
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    Reporter,
    Body,
}

impl Author {
    pub fn as_str(self) -> &'static str {
        match self {
            Author::Reporter => "reporter",
            Author::Body => "body",
        }
    }
}

impl FromStr for Author {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "reporter" => Ok(Author::Reporter),
            "body" => Ok(Author::Body),
            _ => Err("unknown author"),
        }
    }
}

/// What an item holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Text,
    File,
    /// The sealed opening of a log entry about the case.
    Record,
    /// A reporter's identity statement, sealed so that only a threshold of the body's
    /// identity custodians together open it ([`crate::identity`]): no reviewer's key and
    /// not the reporter's.
    Identity,
    /// The words a reporter agrees that certificates may name them by (`issued-to`),
    /// sealed like an answer; empty when the reporter withdraws the agreement.
    IssuedTo,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Text => "text",
            ItemKind::File => "file",
            ItemKind::Record => "record",
            ItemKind::Identity => "identity",
            ItemKind::IssuedTo => "issued-to",
        }
    }
}

impl FromStr for ItemKind {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(ItemKind::Text),
            "file" => Ok(ItemKind::File),
            "record" => Ok(ItemKind::Record),
            "identity" => Ok(ItemKind::Identity),
            "issued-to" => Ok(ItemKind::IssuedTo),
            _ => Err("unknown item kind"),
        }
    }
}

/// A part of a message sealed elsewhere (on the workstation, or by the library API):
/// ciphertext only.
pub struct SealedPart {
    pub kind: ItemKind,
    pub content: Vec<u8>,
    /// For files: the sealed metadata (name, type, size, SHA-256).
    pub meta: Option<Vec<u8>>,
}

/// Reviewer names appear in the audit trail and in file names: keep them plain.
pub fn validate_reviewer_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 64 {
        return Err("must be 1 to 64 characters".into());
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        || name.starts_with('.')
    {
        return Err(
            "may contain only letters, digits, '.', '_' and '-', and must not start with '.'"
                .into(),
        );
    }
    Ok(())
}

/// Compares two secrets in time independent of where they differ.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"ab"));
    }
}
