//! Witness policies: which witnesses count and how many must have cosigned a checkpoint.
//! A documented subset of the tlog-policy draft, in the line format Sigsum's policy files
//! use:
//!
//! ```text
//! # comments and blank lines are ignored
//! log      VKEY                      (optional: the log's key)
//! witness  NAME VKEY [URL]           (a cosignature/v1 key)
//! group    NAME THRESHOLD MEMBER…    (THRESHOLD: a number, `all` or `any`)
//! quorum   NAME                      (a witness or a group; `none` for no witness)
//! ```
//!
//! Every name is defined before it is used, once; a group's members are witnesses or
//! groups defined above it, so a policy has no cycles; `quorum` comes once. Written by
//! hand: no maintained crate reads this format (Sigsum's is Go).

use std::collections::{BTreeSet, HashMap};

use crate::note::{KeyType, VerifiedSignature, Verifier};

/// The largest policy file read.
pub const MAX_POLICY_BYTES: usize = 64 * 1024;
/// Most lines that define something.
const MAX_DEFINITIONS: usize = 1024;

/// A policy that cannot be used; the sentence names the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("policy line {line}: {why}")]
pub struct PolicyError {
    pub line: usize,
    pub why: String,
}

#[derive(Debug, Clone)]
enum Member {
    Witness(Verifier),
    Group {
        threshold: usize,
        members: Vec<String>,
    },
}

/// A parsed policy.
#[derive(Debug, Clone)]
pub struct Policy {
    log: Option<Verifier>,
    names: HashMap<String, Member>,
    quorum: Option<String>,
}

impl Policy {
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let err = |line: usize, why: &str| PolicyError {
            line,
            why: why.to_string(),
        };
        if text.len() > MAX_POLICY_BYTES {
            return Err(err(0, "the file is larger than a policy"));
        }
        let mut policy = Policy {
            log: None,
            names: HashMap::new(),
            quorum: None,
        };
        let mut quorum_seen = false;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if policy.names.len() >= MAX_DEFINITIONS {
                return Err(err(n, "too many definitions"));
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let new_name = |name: &str, policy: &Policy| {
                if name == "none" || policy.names.contains_key(name) {
                    Err(err(
                        n,
                        &format!("the name {name:?} is used twice or reserved"),
                    ))
                } else {
                    Ok(name.to_string())
                }
            };
            match words.as_slice() {
                ["log", vkey] => {
                    let key = Verifier::from_vkey(vkey)
                        .map_err(|_| err(n, "not a verifier key (name+hex8+base64)"))?;
                    if policy.log.replace(key).is_some() {
                        return Err(err(n, "a second log key"));
                    }
                }
                ["witness", name, vkey] | ["witness", name, vkey, _] => {
                    let name = new_name(name, &policy)?;
                    let key = Verifier::from_vkey(vkey)
                        .map_err(|_| err(n, "not a verifier key (name+hex8+base64)"))?;
                    if key.key_type() != KeyType::CosignatureV1 {
                        return Err(err(n, "a witness key is a cosignature/v1 key"));
                    }
                    policy.names.insert(name, Member::Witness(key));
                }
                ["group", name, threshold, members @ ..] if !members.is_empty() => {
                    let name = new_name(name, &policy)?;
                    let distinct: BTreeSet<&str> = members.iter().copied().collect();
                    if distinct.len() != members.len() {
                        return Err(err(n, "a member is named twice"));
                    }
                    if let Some(unknown) = members.iter().find(|m| !policy.names.contains_key(**m))
                    {
                        return Err(err(n, &format!("{unknown:?} is not defined above")));
                    }
                    let threshold = match *threshold {
                        "all" => members.len(),
                        "any" => 1,
                        t => crate::checkpoint::parse_decimal(t)
                            .and_then(|t| usize::try_from(t).ok())
                            .filter(|t| (1..=members.len()).contains(t))
                            .ok_or_else(|| {
                                err(n, "the threshold is 1 to the number of members, all or any")
                            })?,
                    };
                    policy.names.insert(
                        name,
                        Member::Group {
                            threshold,
                            members: members.iter().map(|m| m.to_string()).collect(),
                        },
                    );
                }
                ["quorum", name] => {
                    if quorum_seen {
                        return Err(err(n, "a second quorum"));
                    }
                    quorum_seen = true;
                    if *name != "none" {
                        if !policy.names.contains_key(*name) {
                            return Err(err(n, &format!("{name:?} is not defined above")));
                        }
                        policy.quorum = Some(name.to_string());
                    }
                }
                _ => return Err(err(n, "expected log, witness, group or quorum")),
            }
        }
        if !quorum_seen {
            return Err(err(0, "no quorum line"));
        }
        Ok(policy)
    }

    /// The log's key, if the policy names it.
    pub fn log_key(&self) -> Option<&Verifier> {
        self.log.as_ref()
    }

    /// Every witness's key.
    pub fn witness_keys(&self) -> Vec<Verifier> {
        self.names
            .values()
            .filter_map(|m| match m {
                Member::Witness(k) => Some(k.clone()),
                Member::Group { .. } => None,
            })
            .collect()
    }

    /// Whether cosignatures that verified (against [`Policy::witness_keys`]) satisfy the
    /// quorum.
    pub fn satisfied_by(&self, cosignatures: &[VerifiedSignature]) -> bool {
        let Some(quorum) = &self.quorum else {
            return true;
        };
        self.holds(quorum, cosignatures, 0)
    }

    fn holds(&self, name: &str, cosignatures: &[VerifiedSignature], depth: usize) -> bool {
        // Groups only name what is above them, so depth is bounded by the definitions.
        if depth > MAX_DEFINITIONS {
            return false;
        }
        match self.names.get(name) {
            Some(Member::Witness(key)) => cosignatures
                .iter()
                .any(|s| s.name == key.name() && s.key_id == key.key_id()),
            Some(Member::Group { threshold, members }) => {
                members
                    .iter()
                    .filter(|m| self.holds(m, cosignatures, depth + 1))
                    .count()
                    >= *threshold
            }
            None => false,
        }
    }

    /// The witnesses (by name) whose cosignatures are among `cosignatures`.
    pub fn cosigned_by(&self, cosignatures: &[VerifiedSignature]) -> Vec<String> {
        let mut names: Vec<String> = self
            .names
            .iter()
            .filter(|(_, m)| matches!(m, Member::Witness(_)))
            .filter(|(n, _)| self.holds(n, cosignatures, 0))
            .map(|(n, _)| n.clone())
            .collect();
        names.sort();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::Cosigner;

    fn witness(i: u8) -> Cosigner {
        Cosigner::from_seed(&format!("w{i}.example"), &[i; 32]).expect("key")
    }

    fn signed(by: &[&Cosigner]) -> Vec<VerifiedSignature> {
        by.iter()
            .map(|c| VerifiedSignature {
                name: c.name().to_string(),
                key_id: c.key_id(),
                key_type: KeyType::CosignatureV1,
                timestamp: Some(0),
            })
            .collect()
    }

    #[test]
    fn quorums_of_groups_hold_as_written() {
        let (a, b, c) = (witness(1), witness(2), witness(3));
        let text = format!(
            "# partners\nwitness a {}\nwitness b {} http://b.example\nwitness c {}\ngroup two-of-three 2 a b c\nquorum two-of-three\n",
            a.verifier().to_vkey(),
            b.verifier().to_vkey(),
            c.verifier().to_vkey()
        );
        let p = Policy::parse(&text).expect("policy");
        assert_eq!(p.witness_keys().len(), 3);
        assert!(p.satisfied_by(&signed(&[&a, &b])));
        assert!(p.satisfied_by(&signed(&[&a, &b, &c])));
        assert!(!p.satisfied_by(&signed(&[&c])));
        assert!(!p.satisfied_by(&signed(&[])));
        assert_eq!(p.cosigned_by(&signed(&[&c, &a])), vec!["a", "c"]);
        let all = text.replace("group two-of-three 2", "group two-of-three all");
        let p = Policy::parse(&all).expect("policy");
        assert!(!p.satisfied_by(&signed(&[&a, &b])));
        // A key of the same name but another id does not count.
        let impostor = Cosigner::from_seed("w1.example", &[9; 32]).expect("key");
        assert!(
            !Policy::parse(&text)
                .expect("p")
                .satisfied_by(&signed(&[&impostor, &b]))
        );
        assert!(Policy::parse("quorum none\n").expect("p").satisfied_by(&[]));
    }

    #[test]
    fn bad_policies_are_refused_with_their_line() {
        let a = witness(1).verifier().to_vkey();
        for (text, line) in [
            ("", 0),
            ("quorum a\n".to_string().as_str(), 1),
            (&format!("witness a {a}\nwitness a {a}\nquorum a\n"), 2),
            (&format!("witness a {a}\ngroup g 2 a\nquorum g\n"), 2),
            (&format!("witness a {a}\ngroup g 1 a b\nquorum g\n"), 2),
            (&format!("witness a {a}\ngroup g 1 a a\nquorum g\n"), 2),
            (&format!("witness a {a}\ngroup g +1 a\nquorum g\n"), 2),
            (&format!("witness a {a}\ngroup g 01 a\nquorum g\n"), 2),
            (&format!("witness a {a}\nquorum a\nquorum a\n"), 3),
            ("witness a notakey\nquorum none\n", 1),
            ("frobnicate\n", 1),
        ] {
            let e = Policy::parse(text).expect_err(text);
            assert_eq!(e.line, line, "{text}: {e}");
        }
        let body = crate::note::Signer::from_seed("body", &[3; 32]).expect("key");
        let e = Policy::parse(&format!(
            "witness a {}\nquorum a\n",
            body.verifier().to_vkey()
        ))
        .expect_err("an Ed25519 note key is not a witness key");
        assert!(e.why.contains("cosignature/v1"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics(text in "[a-z0-9 #\n+]{0,200}") {
            let _ = Policy::parse(&text);
        }
    }
}
