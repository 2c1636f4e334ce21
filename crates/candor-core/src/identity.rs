//! The identity lane: a reporter's identity statement, sealed so that no single key opens
//! it, only `threshold` of the body's identity custodians together.
//!
//! The statement is sealed once for every ordered choice of `threshold` custodians, as
//! nested age files: the copy for (alice, bob) is `age(alice, age(bob, statement))`, so
//! alice's key takes off the outer layer and only bob's opens what is left. A copy for
//! every order lets each custodian take off their layer whenever they agree, in any order,
//! and the last one to agree read it. The number of copies is `n! / (n - k)!` for `n`
//! custodians and a threshold `k`; Candor refuses settings that need more than
//! [`MAX_COPIES`] (six custodians with a threshold of three need 120).
//!
//! Why nested age rather than a threshold scheme (Shamir's shares): every layer is a
//! standard age file, so the statement opens with the stock `age` tool and `k` keys, with
//! nothing of Candor's, as long as age exists. The **bundle** that holds the copies is a
//! text file:
//!
//! ```text
//! candor.identity/v1
//! threshold 2
//! copy alice bob
//! -----BEGIN AGE ENCRYPTED FILE-----
//! …
//! -----END AGE ENCRYPTED FILE-----
//! copy bob alice
//! …
//! ```
//!
//! and alice and bob read it with:
//!
//! ```sh
//! awk '/^copy alice bob$/{f=1;next} /^copy /{f=0} f' identity.txt \
//!   | age -d -i alice.key | age -d -i bob.key
//! ```
//!
//! **Disclosure** takes the layers off in the open: when a custodian approves a request
//! made by another (the *requester*), their workstation takes its layer off every copy
//! that starts with them and ends with the requester, and uploads what is left as a
//! **peeled** bundle (`peeled-from <hex SHA-256 of the original bundle>` after the
//! threshold line; copies shorter than the threshold). Only once `threshold - 1` others
//! have approved is there a copy of one layer, the requester's: the request counts as the
//! requester's own agreement. No step leaves a copy that fewer than `threshold` agreeing
//! custodians could open.
//!
//! The format is Candor's own (no maintained crate nests age files or lists copies), so
//! its parser is here, bounded and fuzzed (`fuzz/fuzz_targets/identity_bundle.rs`).

use age::x25519::{Identity, Recipient};
use zeroize::Zeroizing;

use crate::seal::{self, SealError};

/// First line of a bundle.
pub const BUNDLE_HEADER: &str = "candor.identity/v1";
/// Most copies one bundle may hold (and so the most a configuration may need).
pub const MAX_COPIES: usize = 256;
/// Longest identity statement, in bytes of UTF-8.
pub const MAX_STATEMENT_BYTES: usize = 4096;
/// Most layers of a copy (the largest threshold).
pub const MAX_THRESHOLD: usize = 8;
/// Longest bundle: every copy at its largest (the statement, one age header per layer,
/// the armor's base64), with room to spare.
pub const MAX_BUNDLE_BYTES: usize = MAX_COPIES * (2 * MAX_STATEMENT_BYTES + 4096);

/// Errors of the identity lane; one clear sentence each.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("the identity statement is longer than {MAX_STATEMENT_BYTES} bytes")]
    TooLong,
    #[error("the identity statement is not plain text")]
    NotText,
    #[error(
        "the threshold must be between 2 and {MAX_THRESHOLD}, and at most the number of custodians"
    )]
    Threshold,
    #[error("{0} custodians with a threshold of {1} need more than {MAX_COPIES} sealed copies")]
    TooManyCopies(usize, usize),
    #[error("malformed identity bundle: {0}")]
    Malformed(&'static str),
    #[error("these keys are not enough to open the identity statement")]
    NotEnoughKeys,
    #[error("the name is longer than {MAX_ISSUED_TO_CHARS} characters")]
    NameTooLong,
    #[error("the name is not plain text")]
    NameNotText,
    #[error(transparent)]
    Seal(#[from] SealError),
}

/// Checks a statement as typed: UTF-8 text without control characters other than line
/// breaks and tabs, at most [`MAX_STATEMENT_BYTES`]. Line breaks become `\n` and outer
/// white space goes; an empty result means no statement.
pub fn normalize_statement(bytes: &[u8]) -> Result<Zeroizing<String>, IdentityError> {
    if bytes.len() > MAX_STATEMENT_BYTES {
        return Err(IdentityError::TooLong);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| IdentityError::NotText)?;
    // Written once into a buffer of its final size: no copy of the statement is left
    // behind unwiped.
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            c if c.is_control() && c != '\n' && c != '\t' => return Err(IdentityError::NotText),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Longest name a reporter may agree that certificates show, in characters.
pub const MAX_ISSUED_TO_CHARS: usize = 200;
/// The same bound in bytes (four a character at most): what is read before decoding, and
/// the size every stored name is padded to.
pub const MAX_ISSUED_TO_BYTES: usize = 4 * MAX_ISSUED_TO_CHARS;

/// Checks the words a reporter agrees that certificates may name them by (`issued-to`):
/// UTF-8 text without control characters, at most [`MAX_ISSUED_TO_CHARS`] characters; line
/// breaks and runs of white space become one space, outer white space goes. An empty
/// result withdraws the agreement.
pub fn normalize_issued_to(bytes: &[u8]) -> Result<Zeroizing<String>, IdentityError> {
    if bytes.len() > MAX_ISSUED_TO_BYTES {
        return Err(IdentityError::NameTooLong);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| IdentityError::NameNotText)?;
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    let mut chars = 0usize;
    for word in text.split_whitespace() {
        if word.chars().any(char::is_control) {
            return Err(IdentityError::NameNotText);
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
    }
    if chars > MAX_ISSUED_TO_CHARS {
        return Err(IdentityError::NameTooLong);
    }
    Ok(out)
}

/// The body's identity custodians and how many must agree.
#[derive(Debug, Clone)]
pub struct Custodians {
    threshold: usize,
    members: Vec<(String, Recipient)>,
}

/// How many ordered choices of `k` among `n` there are (`n! / (n - k)!`), or `None` above
/// [`MAX_COPIES`].
pub fn copies_needed(n: usize, k: usize) -> Option<usize> {
    let mut count = 1usize;
    for i in 0..k {
        count = count.checked_mul(n.checked_sub(i)?)?;
        if count > MAX_COPIES {
            return None;
        }
    }
    Some(count)
}

impl Custodians {
    /// The custodians (names and recipients, in configuration order) and the threshold.
    pub fn new(
        threshold: usize,
        members: Vec<(String, Recipient)>,
    ) -> Result<Custodians, IdentityError> {
        if !(2..=MAX_THRESHOLD).contains(&threshold) || threshold > members.len() {
            return Err(IdentityError::Threshold);
        }
        copies_needed(members.len(), threshold)
            .ok_or(IdentityError::TooManyCopies(members.len(), threshold))?;
        Ok(Custodians { threshold, members })
    }

    pub fn threshold(&self) -> usize {
        self.threshold
    }

    /// The custodians' names, in configuration order.
    pub fn names(&self) -> Vec<&str> {
        self.members.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// Seals a statement into a bundle: one nested copy per ordered choice of `threshold`
    /// custodians. The plaintext is only in memory, wiped when the caller drops it.
    pub fn seal(&self, statement: &str) -> Result<String, IdentityError> {
        let mut copies = Vec::new();
        for path in orders(self.members.len(), self.threshold) {
            // Innermost layer first (the last custodian of the order), the first one's
            // layer armored outside. The threshold is at least 2, so the two differ.
            let (innermost, middle) = path[1..].split_last().ok_or(IdentityError::Threshold)?;
            let recipient = |i: usize| [self.members[i].1.clone()];
            let mut layer = Zeroizing::new(seal::seal_bytes(
                &recipient(*innermost),
                statement.as_bytes(),
            )?);
            for &i in middle.iter().rev() {
                layer = Zeroizing::new(seal::seal_bytes(&recipient(i), &layer)?);
            }
            let armored = seal::seal_armored(&self.members[path[0]].1, &layer)?;
            copies.push(Copy {
                path: path.iter().map(|&i| self.members[i].0.clone()).collect(),
                armored,
            });
        }
        Ok(Bundle {
            threshold: self.threshold,
            peeled_from: None,
            copies,
        }
        .to_text())
    }
}

/// Every ordered choice of `k` distinct indexes below `n`, in lexicographic order.
fn orders(n: usize, k: usize) -> Vec<Vec<usize>> {
    fn extend(n: usize, k: usize, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if path.len() == k {
            out.push(path.clone());
            return;
        }
        for i in 0..n {
            if !path.contains(&i) {
                path.push(i);
                extend(n, k, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    extend(n, k, &mut Vec::new(), &mut out);
    out
}

/// One sealed copy: the custodians whose keys open it, outermost layer first, and the
/// armored age file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub path: Vec<String>,
    pub armored: String,
}

/// A parsed bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub threshold: usize,
    /// A peeled bundle: the SHA-256 of the original bundle it was peeled from.
    pub peeled_from: Option<[u8; 32]>,
    pub copies: Vec<Copy>,
}

impl Bundle {
    /// Parses a bundle strictly and within bounds: the header, the threshold, then
    /// `copy` lines of `threshold` distinct plain names, each followed by one armored age
    /// file. The age files themselves are only checked when opened.
    pub fn parse(bytes: &[u8]) -> Result<Bundle, IdentityError> {
        let malformed = IdentityError::Malformed;
        if bytes.len() > MAX_BUNDLE_BYTES {
            return Err(malformed("larger than a bundle can be"));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| malformed("not text"))?;
        let body = text
            .strip_suffix('\n')
            .ok_or(malformed("it must end with a newline"))?;
        let mut lines = body.split('\n');
        if lines.next() != Some(BUNDLE_HEADER) {
            return Err(malformed("not a Candor identity bundle (version 1)"));
        }
        let threshold: usize = lines
            .next()
            .and_then(|l| l.strip_prefix("threshold "))
            .and_then(candor_log::checkpoint::parse_decimal)
            .and_then(|t| usize::try_from(t).ok())
            .filter(|t| (2..=MAX_THRESHOLD).contains(t))
            .ok_or(malformed("expected a threshold line between 2 and 8"))?;
        let mut lines = lines.peekable();
        let peeled_from = match lines.peek().and_then(|l| l.strip_prefix("peeled-from ")) {
            Some(hex_text) => {
                let hash = hex::decode(hex_text)
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
                    .filter(|_| hex_text.bytes().all(|b| !b.is_ascii_uppercase()))
                    .ok_or(malformed("peeled-from is a SHA-256 in lower-case hex"))?;
                lines.next();
                Some(hash)
            }
            None => None,
        };
        // An original copy has a layer per custodian of the threshold; a peeled one fewer.
        let layers_ok = |n: usize| match peeled_from {
            None => n == threshold,
            Some(_) => (1..threshold).contains(&n),
        };
        let mut copies: Vec<Copy> = Vec::new();
        let mut current: Option<(Vec<String>, String)> = None;
        for line in lines {
            if let Some(names) = line.strip_prefix("copy ") {
                if let Some((path, armored)) = current.take() {
                    copies.push(finish_copy(path, armored)?);
                }
                if copies.len() >= MAX_COPIES {
                    return Err(malformed("too many copies"));
                }
                let path: Vec<String> = names.split(' ').map(str::to_string).collect();
                if !layers_ok(path.len())
                    || path
                        .iter()
                        .any(|n| crate::domain::validate_reviewer_name(n).is_err())
                    || path.iter().enumerate().any(|(i, n)| path[..i].contains(n))
                {
                    return Err(malformed(
                        "a copy names its threshold of distinct custodians",
                    ));
                }
                if copies.iter().any(|c| c.path == path) {
                    return Err(malformed("two copies for the same custodians"));
                }
                current = Some((path, String::new()));
            } else {
                let (_, armored) = current
                    .as_mut()
                    .ok_or(malformed("text before the first copy"))?;
                armored.push_str(line);
                armored.push('\n');
            }
        }
        if let Some((path, armored)) = current.take() {
            copies.push(finish_copy(path, armored)?);
        }
        if copies.is_empty() {
            return Err(malformed("no copy"));
        }
        Ok(Bundle {
            threshold,
            peeled_from,
            copies,
        })
    }

    /// The canonical text (what [`Custodians::seal`] writes).
    pub fn to_text(&self) -> String {
        let mut out = format!("{BUNDLE_HEADER}\nthreshold {}\n", self.threshold);
        if let Some(hash) = &self.peeled_from {
            out.push_str(&format!("peeled-from {}\n", hex::encode(hash)));
        }
        for copy in &self.copies {
            out.push_str(&format!("copy {}\n{}", copy.path.join(" "), copy.armored));
        }
        out
    }

    /// The custodians named by any copy, in order of first appearance.
    pub fn custodians(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for name in self.copies.iter().flat_map(|c| c.path.iter()) {
            if !out.contains(&name.as_str()) {
                out.push(name);
            }
        }
        out
    }

    /// Opens the statement with the keys of `threshold` custodians (name and identity):
    /// finds a copy they all hold a layer of and takes the layers off in order.
    pub fn open(&self, keys: &[(&str, &Identity)]) -> Result<Zeroizing<String>, IdentityError> {
        let copy = self
            .copies
            .iter()
            .find(|c| c.path.iter().all(|n| keys.iter().any(|(k, _)| k == n)))
            .ok_or(IdentityError::NotEnoughKeys)?;
        let mut layer: Option<Zeroizing<Vec<u8>>> = None;
        for name in &copy.path {
            let (_, identity) = keys
                .iter()
                .find(|(k, _)| k == name)
                .ok_or(IdentityError::NotEnoughKeys)?;
            let identities = [(*identity).clone()];
            layer = Some(match &layer {
                None => seal::open_armored(&identities, copy.armored.as_bytes())?,
                Some(inner) => seal::open_bytes(&identities, inner)?,
            });
        }
        let plain = layer.ok_or(IdentityError::NotEnoughKeys)?;
        let text = std::str::from_utf8(&plain).map_err(|_| IdentityError::NotText)?;
        Ok(Zeroizing::new(text.to_string()))
    }
}

impl Bundle {
    /// Takes `custodian`'s layer off every copy of `sources` (the original bundle and the
    /// peeled ones of the same statement) that starts with `custodian` and ends with
    /// `requester`, with `custodian`'s keys. Returns the peeled bundle to upload (`None`
    /// when there is nothing to peel). `original` is the SHA-256 of the original bundle.
    pub fn peel(
        sources: &[Bundle],
        original: [u8; 32],
        custodian: &str,
        requester: &str,
        keys: &[Identity],
    ) -> Result<Option<Bundle>, IdentityError> {
        let threshold = sources.first().map_or(0, |b| b.threshold);
        let mut copies: Vec<Copy> = Vec::new();
        for copy in sources.iter().flat_map(|b| &b.copies) {
            let [first, .., last] = copy.path.as_slice() else {
                continue;
            };
            if first != custodian || last != requester {
                continue;
            }
            let path = copy.path[1..].to_vec();
            if copies.iter().any(|c| c.path == path) {
                continue;
            }
            let inner = seal::open_armored(keys, copy.armored.as_bytes())?;
            copies.push(Copy {
                path,
                armored: seal::armor(&inner)?,
            });
        }
        if copies.is_empty() {
            return Ok(None);
        }
        Ok(Some(Bundle {
            threshold,
            peeled_from: Some(original),
            copies,
        }))
    }

    /// The requester's last layer, once enough custodians have peeled theirs: opens it
    /// with the requester's keys.
    pub fn open_last_layer(
        sources: &[Bundle],
        requester: &str,
        keys: &[Identity],
    ) -> Result<Zeroizing<String>, IdentityError> {
        let copy = sources
            .iter()
            .filter(|b| b.peeled_from.is_some())
            .flat_map(|b| &b.copies)
            .find(|c| c.path.len() == 1 && c.path[0] == requester)
            .ok_or(IdentityError::NotEnoughKeys)?;
        let plain = seal::open_armored(keys, copy.armored.as_bytes())?;
        let text = std::str::from_utf8(&plain).map_err(|_| IdentityError::NotText)?;
        Ok(Zeroizing::new(text.to_string()))
    }
}

fn finish_copy(path: Vec<String>, armored: String) -> Result<Copy, IdentityError> {
    if !armored.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n")
        || !armored.ends_with("-----END AGE ENCRYPTED FILE-----\n")
    {
        return Err(IdentityError::Malformed("a copy is one armored age file"));
    }
    Ok(Copy { path, armored })
}

/// Fuzz entry point: whatever parses formats back to the same bytes.
pub fn fuzz_parse(data: &[u8]) {
    if let Ok(bundle) = Bundle::parse(data) {
        debug_assert_eq!(bundle.to_text().as_bytes(), data);
        debug_assert!(bundle.copies.len() <= MAX_COPIES);
    }
}

/// For the `issued_to` fuzz target: whatever a reporter sends as their name for
/// certificates is refused or comes back on one line, within its bound, and normal.
pub fn fuzz_issued_to(data: &[u8]) {
    if let Ok(name) = normalize_issued_to(data) {
        debug_assert!(name.chars().count() <= MAX_ISSUED_TO_CHARS);
        debug_assert!(!name.chars().any(char::is_control));
        debug_assert!(
            normalize_issued_to(name.as_bytes()).is_ok_and(|again| *again == *name),
            "normal already"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sha2::Digest;

    fn custodian(name: &str) -> (String, Identity) {
        (name.to_string(), Identity::generate())
    }

    fn three() -> (Vec<(String, Identity)>, Custodians) {
        let keys = vec![custodian("alice"), custodian("bob"), custodian("carol")];
        let members = keys
            .iter()
            .map(|(n, i)| (n.clone(), i.to_public()))
            .collect();
        (keys, Custodians::new(2, members).expect("custodians"))
    }

    #[test]
    fn any_two_open_it_and_no_one_alone() {
        let (keys, custodians) = three();
        let text = custodians
            .seal("Jane Doe, procurement officer")
            .expect("seal");
        let bundle = Bundle::parse(text.as_bytes()).expect("parse");
        assert_eq!(bundle.to_text(), text);
        assert_eq!(bundle.copies.len(), 6);
        assert_eq!(bundle.custodians(), ["alice", "bob", "carol"]);
        for a in &keys {
            for b in &keys {
                if a.0 == b.0 {
                    continue;
                }
                let opened = bundle
                    .open(&[(&a.0, &a.1), (&b.0, &b.1)])
                    .expect("two open");
                assert_eq!(opened.as_str(), "Jane Doe, procurement officer");
            }
            assert!(matches!(
                bundle.open(&[(&a.0, &a.1)]),
                Err(IdentityError::NotEnoughKeys)
            ));
            // One key takes off an outer layer at most: what is left is another age file.
            for copy in &bundle.copies {
                if let Ok(inner) =
                    seal::open_armored(std::slice::from_ref(&a.1), copy.armored.as_bytes())
                {
                    assert!(seal::is_age_header(&inner));
                    assert!(seal::open_bytes(std::slice::from_ref(&a.1), &inner).is_err());
                }
            }
        }
        // A key named wrongly does not open the copy of another.
        assert!(
            bundle
                .open(&[(&keys[0].0, &keys[1].1), (&keys[1].0, &keys[0].1)])
                .is_err()
        );
    }

    #[test]
    fn settings_are_bounded() {
        let r = Identity::generate().to_public();
        let members = |n: usize| -> Vec<(String, Recipient)> {
            (0..n).map(|i| (format!("c{i}"), r.clone())).collect()
        };
        assert!(Custodians::new(1, members(3)).is_err());
        assert!(Custodians::new(4, members(3)).is_err());
        assert!(Custodians::new(3, members(6)).is_ok());
        assert!(matches!(
            Custodians::new(4, members(6)),
            Err(IdentityError::TooManyCopies(6, 4))
        ));
        assert_eq!(copies_needed(3, 2), Some(6));
        assert_eq!(copies_needed(6, 3), Some(120));
        assert_eq!(copies_needed(20, 8), None);
    }

    #[test]
    fn statements_are_checked() {
        assert_eq!(
            normalize_statement(b"  Jane\r\nDoe \n")
                .expect("ok")
                .as_str(),
            "Jane\nDoe"
        );
        assert!(normalize_statement(b"  \n").expect("ok").is_empty());
        assert!(normalize_statement(&[0xff]).is_err());
        assert!(normalize_statement(b"a\x07b").is_err());
        assert!(normalize_statement(&vec![b'a'; MAX_STATEMENT_BYTES + 1]).is_err());
    }

    #[test]
    fn malformed_bundles_are_refused() {
        let (_, custodians) = three();
        let text = custodians.seal("x").expect("seal");
        for bad in [
            text.replace("threshold 2", "threshold 1"),
            text.replace("threshold 2", "threshold 02"),
            // Found by the fuzzer: a sign was read as a number, and the bundle did not
            // encode back to its own bytes.
            text.replace("threshold 2", "threshold +2"),
            text.replace("threshold 2", "threshold  2"),
            text.replace("threshold 2", "threshold 2 "),
            text.replace("copy alice bob\n", "copy alice alice\n"),
            text.replace("copy alice bob\n", "copy alice\n"),
            text.replace("copy alice carol\n", "copy alice bob\n"),
            text.replace("copy alice bob\n", "copy al ice bob\n"),
            text.replacen("-----END AGE ENCRYPTED FILE-----\n", "", 1),
            text.trim_end().to_string(),
            BUNDLE_HEADER.to_string() + "\nthreshold 2\n",
            text.replace("threshold 2\n", "threshold 2\npeeled-from 00\n"),
            text.replace(
                "threshold 2\n",
                &format!("threshold 2\npeeled-from {}\n", "A".repeat(64)),
            ),
            // A peeled bundle's copies have fewer layers than the threshold.
            text.replace(
                "threshold 2\n",
                &format!("threshold 2\npeeled-from {}\n", "a".repeat(64)),
            ),
            "candor.identity/v2\n".to_string(),
        ] {
            assert!(Bundle::parse(bad.as_bytes()).is_err(), "{bad:.80}");
        }
    }

    fn keyed(names: &[&str]) -> (Vec<(String, Identity)>, Custodians) {
        let keys: Vec<(String, Identity)> = names.iter().map(|n| custodian(n)).collect();
        let members = keys
            .iter()
            .map(|(n, i)| (n.clone(), i.to_public()))
            .collect();
        (
            keys,
            Custodians::new(3.min(names.len() - 1).max(2), members).expect("custodians"),
        )
    }

    /// Every copy a set of bundles holds that one key alone opens to the statement.
    fn single_key_copies(bundles: &[Bundle]) -> Vec<Vec<String>> {
        bundles
            .iter()
            .flat_map(|b| &b.copies)
            .filter(|c| c.path.len() == 1)
            .map(|c| c.path.clone())
            .collect()
    }

    #[test]
    fn approvals_peel_layers_until_only_the_requester_is_left() {
        // Five custodians, a threshold of three; ana requests, then bo and cy approve, in
        // either order.
        for order in [["bo", "cy"], ["cy", "bo"]] {
            let (keys, custodians) = keyed(&["ana", "bo", "cy", "dee", "eli"]);
            let key =
                |n: &str| std::slice::from_ref(&keys.iter().find(|(k, _)| k == n).expect("key").1);
            let text = custodians.seal("Jane Roe").expect("seal");
            let original: [u8; 32] = sha2::Sha256::digest(text.as_bytes()).into();
            let mut bundles = vec![Bundle::parse(text.as_bytes()).expect("parse")];
            assert_eq!(bundles[0].copies.len(), 60);
            for (i, approver) in order.iter().enumerate() {
                assert!(
                    single_key_copies(&bundles).is_empty(),
                    "before approval {i}"
                );
                assert!(Bundle::open_last_layer(&bundles, "ana", key("ana")).is_err());
                let peeled = Bundle::peel(&bundles, original, approver, "ana", key(approver))
                    .expect("peel")
                    .expect("something to peel");
                let text = peeled.to_text();
                let parsed = Bundle::parse(text.as_bytes()).expect("a peeled bundle parses");
                assert_eq!(parsed, peeled);
                assert!(
                    parsed
                        .copies
                        .iter()
                        .all(|c| c.path.last().map(String::as_str) == Some("ana"))
                );
                bundles.push(parsed);
            }
            assert_eq!(single_key_copies(&bundles), [vec!["ana".to_string()]]);
            assert_eq!(
                Bundle::open_last_layer(&bundles, "ana", key("ana"))
                    .expect("open")
                    .as_str(),
                "Jane Roe"
            );
            // Nobody else holds a single layer: the approvers' keys open nothing alone.
            for (name, k) in &keys {
                if name != "ana" {
                    assert!(
                        Bundle::open_last_layer(&bundles, name, std::slice::from_ref(k)).is_err()
                    );
                }
            }
        }
    }

    #[test]
    fn a_custodian_peels_only_with_their_own_key() {
        let (keys, custodians) = keyed(&["ana", "bo", "cy"]);
        let text = custodians.seal("Jane Roe").expect("seal");
        let original: [u8; 32] = sha2::Sha256::digest(text.as_bytes()).into();
        let bundle = Bundle::parse(text.as_bytes()).expect("parse");
        assert!(
            Bundle::peel(
                std::slice::from_ref(&bundle),
                original,
                "bo",
                "ana",
                std::slice::from_ref(&keys[2].1)
            )
            .is_err()
        );
        assert!(
            Bundle::peel(
                std::slice::from_ref(&bundle),
                original,
                "ana",
                "ana",
                std::slice::from_ref(&keys[0].1)
            )
            .expect("nothing")
            .is_none(),
            "the requester has no layer to peel for themself"
        );
    }

    /// A bundle made with nothing but the stock `age` CLI (the fuzz seed) parses.
    #[test]
    fn a_bundle_made_by_stock_age_parses() {
        let seed = include_bytes!("../../../fuzz/seeds/identity_bundle/three_custodians.txt");
        let bundle = Bundle::parse(seed).expect("parse");
        assert_eq!(bundle.copies.len(), 6);
        assert_eq!(bundle.to_text().as_bytes(), seed);
    }

    proptest! {
        #[test]
        fn the_parser_never_panics(text in "\\PC{0,400}") {
            fuzz_parse(text.as_bytes());
            fuzz_parse(format!("{BUNDLE_HEADER}\nthreshold 2\ncopy a b\n{text}").as_bytes());
        }

        #[test]
        fn a_threshold_line_is_canonical_or_refused(threshold in "[-+ 0-9]{0,4}") {
            let (_, custodians) = three();
            let text = custodians.seal("x").expect("seal");
            let text = text.replace("threshold 2\n", &format!("threshold {threshold}\n"));
            if let Ok(bundle) = Bundle::parse(text.as_bytes()) {
                prop_assert_eq!(bundle.to_text(), text);
            }
        }

        #[test]
        fn any_statement_round_trips(statement in "[^\u{0}-\u{8}\u{b}-\u{1f}\u{7f}-\u{9f}]{0,300}") {
            let normal = normalize_statement(statement.as_bytes()).expect("text");
            let keys = [custodian("a"), custodian("b")];
            let members = keys.iter().map(|(n, i)| (n.clone(), i.to_public())).collect();
            let bundle = Custodians::new(2, members).expect("custodians").seal(&normal).expect("seal");
            let bundle = Bundle::parse(bundle.as_bytes()).expect("parse");
            let opened = bundle.open(&[("b", &keys[1].1), ("a", &keys[0].1)]).expect("open");
            prop_assert_eq!(opened.as_str(), normal.as_str());
        }

        #[test]
        fn a_name_is_one_line_within_its_bound_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..1000)) {
            match normalize_issued_to(&bytes) {
                Ok(name) => {
                    prop_assert!(name.chars().count() <= MAX_ISSUED_TO_CHARS);
                    prop_assert!(!name.chars().any(|c| c.is_control()));
                    prop_assert_eq!(name.trim(), name.as_str());
                    prop_assert!(!name.contains("  "));
                    // Normal already: a second pass changes nothing.
                    let again = normalize_issued_to(name.as_bytes()).expect("normal");
                    prop_assert_eq!(again.as_str(), name.as_str());
                }
                Err(e) => prop_assert!(matches!(e, IdentityError::NameTooLong | IdentityError::NameNotText)),
            }
        }
    }

    #[test]
    fn a_name_is_gathered_on_one_line() {
        let name = normalize_issued_to(b"  Jane\r\n Roe,\tborn 1980 ").expect("name");
        assert_eq!(name.as_str(), "Jane Roe, born 1980");
        assert_eq!(normalize_issued_to(b" \n ").expect("empty").as_str(), "");
        assert!(matches!(
            normalize_issued_to(b"Jane\x07Roe"),
            Err(IdentityError::NameNotText)
        ));
        assert!(matches!(
            normalize_issued_to(&[0xff, 0xfe]),
            Err(IdentityError::NameNotText)
        ));
        let long = "\u{e9}".repeat(MAX_ISSUED_TO_CHARS + 1);
        assert!(matches!(
            normalize_issued_to(long.as_bytes()),
            Err(IdentityError::NameTooLong)
        ));
        let longest = "\u{e9}".repeat(MAX_ISSUED_TO_CHARS);
        assert_eq!(
            normalize_issued_to(longest.as_bytes())
                .expect("fits")
                .as_str(),
            longest
        );
    }
}
