//! Merkle *subtree* inclusion and consistency proofs, as defined in the IETF
//! draft "Merkle Tree Certificates" (draft-ietf-plants-merkle-tree-certs),
//! sections 4.1 (subtrees), 4.3 (subtree inclusion proofs), 4.4 (subtree
//! consistency proofs) and Appendix B, over the RFC 6962 / RFC 9162 SHA-256
//! tree:
//!
//! * leaf hash: `SHA-256(0x00 || data)`
//! * node hash: `SHA-256(0x01 || left || right)`
//! * hash of the empty tree: `SHA-256()` (the empty string)
//!
//! Candor's log does not serve subtree proofs yet; the verifiers are here so that the
//! Merkle code passes every transparency-dev vector, subtree cases included, and for
//! witnesses and mirrors that speak the draft.
//!
//! The verifiers take untrusted input: any proof length and any `start`,
//! `end`, `size` and `index` values. They never panic, never overflow, and
//! run in time bounded by 64 tree levels whatever the proof length.
//!
//! The generators (`subtree_hash`, `prove_subtree_inclusion`,
//! `prove_subtree_consistency`) hold every leaf hash in memory; they exist to
//! produce test proofs, not to serve a large log.

use std::fmt;

use base64::Engine as _;

use crate::merkle::{EMPTY_ROOT, Hash, node_hash};

/// Why a subtree proof was rejected (or could not be generated).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubtreeError {
    /// `[start, end)` is not a valid subtree: `start > end`, or `start` is not
    /// a multiple of `BIT_CEIL(end - start)`.
    InvalidSubtree,
    /// The leaf index lies outside `[start, end)`.
    IndexOutOfRange,
    /// The subtree ends beyond the size of the tree (`end > size`), or the
    /// leaves given to a generator do not reach that far.
    EndBeyondTreeSize,
    /// The proof has fewer hashes than the positions require.
    ProofTooShort,
    /// The proof has more hashes than the positions allow.
    ProofTooLong,
    /// The subtree is empty but its hash is not the hash of the empty string.
    EmptySubtreeHashMismatch,
    /// The proof does not reproduce the given subtree hash.
    SubtreeHashMismatch,
    /// The proof does not reproduce the given tree root hash.
    RootHashMismatch,
    /// A hash is not valid standard base64 or does not decode to 32 bytes.
    MalformedHash,
}

impl fmt::Display for SubtreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InvalidSubtree => {
                "The interval [start, end) is not a valid subtree, because start is greater than end or not a multiple of BIT_CEIL(end - start)."
            }
            Self::IndexOutOfRange => "The leaf index is not inside the subtree [start, end).",
            Self::EndBeyondTreeSize => "The subtree ends beyond the size of the tree.",
            Self::ProofTooShort => "The proof has fewer hashes than the subtree positions require.",
            Self::ProofTooLong => "The proof has more hashes than the subtree positions allow.",
            Self::EmptySubtreeHashMismatch => {
                "The subtree is empty but its hash is not the hash of the empty string."
            }
            Self::SubtreeHashMismatch => "The proof does not reproduce the given subtree hash.",
            Self::RootHashMismatch => "The proof does not reproduce the given tree root hash.",
            Self::MalformedHash => "A hash is not standard base64 of exactly 32 bytes.",
        })
    }
}

impl std::error::Error for SubtreeError {}

/// Decodes a standard-base64 hash, which must be exactly 32 bytes long.
pub fn hash_from_base64(text: &str) -> Result<Hash, SubtreeError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| SubtreeError::MalformedHash)?;
    Hash::from_slice(&bytes).map_err(|_| SubtreeError::MalformedHash)
}

/// `BIT_WIDTH(n)`: the number of bits needed to represent `n` (0 for 0).
fn bit_width(n: u64) -> u32 {
    // leading_zeros() is at most 64, so this never saturates.
    u64::BITS.saturating_sub(n.leading_zeros())
}

/// Whether `[start, end)` is a valid subtree (draft section 4.1):
/// `start <= end`, and `start` is a multiple of `BIT_CEIL(end - start)`.
///
/// Empty intervals `[x, x)` are valid (`BIT_CEIL(0)` is 1), and so is every
/// `[0, x)`. `BIT_CEIL(end - start)` would be 2^64 for sizes above 2^63;
/// the check is done on bit counts instead, so it cannot overflow: `start`
/// must have at least `BIT_WIDTH(end - start - 1)` trailing zero bits, and
/// only 0 has 64.
pub fn is_valid_subtree(start: u64, end: u64) -> bool {
    let Some(size) = end.checked_sub(start) else {
        return false;
    };
    start.trailing_zeros() >= bit_width(size.saturating_sub(1))
}

/// Verifies a subtree inclusion proof (draft sections 4.3.2 and 4.3.3): that
/// the leaf with hash `leaf` at absolute position `index` is contained in the
/// subtree `[start, end)` whose hash is `subtree_hash`.
///
/// `index` is the leaf's index in the whole log, not its offset in the
/// subtree; `start <= index < end` is required, so an empty subtree holds no
/// leaf and always fails.
pub fn check_subtree_inclusion(
    proof: &[Hash],
    start: u64,
    end: u64,
    subtree_hash: &Hash,
    index: u64,
    leaf: &Hash,
) -> Result<(), SubtreeError> {
    let computed = evaluate_subtree_inclusion(proof, start, end, index, leaf)?;
    if computed == *subtree_hash {
        Ok(())
    } else {
        Err(SubtreeError::SubtreeHashMismatch)
    }
}

/// Evaluates a subtree inclusion proof (draft section 4.3.2), returning the
/// subtree hash it implies.
pub fn evaluate_subtree_inclusion(
    proof: &[Hash],
    start: u64,
    end: u64,
    index: u64,
    leaf: &Hash,
) -> Result<Hash, SubtreeError> {
    if !is_valid_subtree(start, end) {
        return Err(SubtreeError::InvalidSubtree);
    }
    if index < start || index >= end {
        return Err(SubtreeError::IndexOutOfRange);
    }
    // start <= index < end, so neither subtraction can wrap.
    let (Some(mut first), Some(mut last)) = (
        index.checked_sub(start),
        end.checked_sub(start).and_then(|n| n.checked_sub(1)),
    ) else {
        return Err(SubtreeError::IndexOutOfRange);
    };

    let mut r = *leaf;
    for p in proof {
        // `last` reaching 0 means `r` is already the subtree root.
        if last == 0 {
            return Err(SubtreeError::ProofTooLong);
        }
        if first & 1 == 1 || first == last {
            r = node_hash(p, &r);
            // On the right edge: skip the levels where `last` has no right
            // sibling. `first == last != 0` here, so this terminates.
            while first & 1 == 0 && first != 0 {
                first >>= 1;
                last >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        first >>= 1;
        last >>= 1;
    }
    if last != 0 {
        return Err(SubtreeError::ProofTooShort);
    }
    Ok(r)
}

/// Verifies a subtree consistency proof (draft section 4.4.3): that the
/// subtree `[start, end)` with hash `subtree_hash` is contained, at those
/// positions, in the tree of `size` leaves whose root hash is `root`.
///
/// As the draft specifies, an empty subtree (`start == end <= size`) is
/// accepted exactly when the proof is empty and `subtree_hash` is the hash of
/// the empty string; `root` is then not examined, since an empty subtree is
/// contained in every tree.
pub fn check_subtree_consistency(
    proof: &[Hash],
    start: u64,
    end: u64,
    size: u64,
    subtree_hash: &Hash,
    root: &Hash,
) -> Result<(), SubtreeError> {
    if !is_valid_subtree(start, end) {
        return Err(SubtreeError::InvalidSubtree);
    }
    if end > size {
        return Err(SubtreeError::EndBeyondTreeSize);
    }
    if start == end {
        if !proof.is_empty() {
            return Err(SubtreeError::ProofTooLong);
        }
        if *subtree_hash != EMPTY_ROOT {
            return Err(SubtreeError::EmptySubtreeHashMismatch);
        }
        return Ok(());
    }

    // Now start < end <= size, so end - 1 and size - 1 cannot wrap.
    let (Some(mut last), Some(mut tree_last)) = (end.checked_sub(1), size.checked_sub(1)) else {
        return Err(SubtreeError::EndBeyondTreeSize);
    };
    // `first`, `last` and `tree_last` follow the paths to `start`, `end - 1`
    // and `size - 1`; shifting all three right climbs one level.
    let mut first = start;

    // Climb to the starting node: the highest ancestor of `end - 1` that the
    // subtree and the tree share.
    if last == tree_last {
        while first != last {
            climb(&mut first, &mut last, &mut tree_last);
        }
    } else {
        while first != last && last & 1 == 1 {
            climb(&mut first, &mut last, &mut tree_last);
        }
    }

    // `fr` rebuilds the subtree hash and `sr` the tree root, from one seed.
    let (mut fr, mut sr, rest) = if first == last {
        (*subtree_hash, *subtree_hash, proof)
    } else {
        let Some((seed, rest)) = proof.split_first() else {
            return Err(SubtreeError::ProofTooShort);
        };
        (*seed, *seed, rest)
    };

    for c in rest {
        if tree_last == 0 {
            return Err(SubtreeError::ProofTooLong);
        }
        if last & 1 == 1 || last == tree_last {
            if first < last {
                fr = node_hash(c, &fr);
            }
            sr = node_hash(c, &sr);
            // Skip the levels where the right edge has no right sibling.
            // `last == tree_last != 0` when `last` is even, so this ends.
            while last & 1 == 0 && last != 0 {
                climb(&mut first, &mut last, &mut tree_last);
            }
        } else {
            sr = node_hash(&sr, c);
        }
        climb(&mut first, &mut last, &mut tree_last);
    }

    if tree_last != 0 {
        return Err(SubtreeError::ProofTooShort);
    }
    if fr != *subtree_hash {
        return Err(SubtreeError::SubtreeHashMismatch);
    }
    if sr != *root {
        return Err(SubtreeError::RootHashMismatch);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Generation (for tests): every leaf hash of the tree is in memory.
// ---------------------------------------------------------------------------

/// Right-shifts the three path cursors once: one level up the tree.
fn climb(first: &mut u64, last: &mut u64, tree_last: &mut u64) {
    *first >>= 1;
    *last >>= 1;
    *tree_last >>= 1;
}

/// The largest power of two strictly smaller than `n`; `n` must be at least 2.
fn split_point(n: usize) -> usize {
    let exponent = n.saturating_sub(1).checked_ilog2().unwrap_or(0);
    1usize.checked_shl(exponent).unwrap_or(1)
}

/// `leaves[start..end]`, as a slice, after bounds checks.
fn leaf_range(leaves: &[Hash], start: u64, end: u64) -> Result<&[Hash], SubtreeError> {
    let start = usize::try_from(start).map_err(|_| SubtreeError::EndBeyondTreeSize)?;
    let end = usize::try_from(end).map_err(|_| SubtreeError::EndBeyondTreeSize)?;
    if start > end {
        return Err(SubtreeError::InvalidSubtree);
    }
    leaves
        .get(start..end)
        .ok_or(SubtreeError::EndBeyondTreeSize)
}

/// `MTH(D)` of RFC 9162 section 2.1.1, over leaf hashes.
fn tree_hash(leaves: &[Hash]) -> Hash {
    match leaves {
        [] => EMPTY_ROOT,
        [leaf] => *leaf,
        _ => {
            let (left, right) = leaves.split_at(split_point(leaves.len()));
            node_hash(&tree_hash(left), &tree_hash(right))
        }
    }
}

/// The hash `MTH(D[start:end])` of the valid subtree `[start, end)`, given
/// the leaf hashes of a tree that reaches at least `end`.
pub fn subtree_hash(leaves: &[Hash], start: u64, end: u64) -> Result<Hash, SubtreeError> {
    if !is_valid_subtree(start, end) {
        return Err(SubtreeError::InvalidSubtree);
    }
    Ok(tree_hash(leaf_range(leaves, start, end)?))
}

/// `PATH(m, D)` of RFC 9162 section 2.1.3.1, over leaf hashes; `m` must be
/// below `leaves.len()`.
fn inclusion_path(m: usize, leaves: &[Hash], out: &mut Vec<Hash>) {
    if leaves.len() <= 1 {
        return;
    }
    let k = split_point(leaves.len());
    let (left, right) = leaves.split_at(k);
    match m.checked_sub(k) {
        None => {
            inclusion_path(m, left, out);
            out.push(tree_hash(right));
        }
        Some(m_right) => {
            inclusion_path(m_right, right, out);
            out.push(tree_hash(left));
        }
    }
}

/// The subtree inclusion proof (draft section 4.3) for the leaf at absolute
/// position `index` in the valid subtree `[start, end)`.
pub fn prove_subtree_inclusion(
    leaves: &[Hash],
    start: u64,
    end: u64,
    index: u64,
) -> Result<Vec<Hash>, SubtreeError> {
    if !is_valid_subtree(start, end) {
        return Err(SubtreeError::InvalidSubtree);
    }
    if index < start || index >= end {
        return Err(SubtreeError::IndexOutOfRange);
    }
    let range = leaf_range(leaves, start, end)?;
    let offset = index
        .checked_sub(start)
        .and_then(|m| usize::try_from(m).ok())
        .ok_or(SubtreeError::IndexOutOfRange)?;
    let mut proof = Vec::new();
    inclusion_path(offset, range, &mut proof);
    Ok(proof)
}

/// `SUBTREE_SUBPROOF(start, end, D, known)` of draft section 4.4.1, for
/// `start < end <= leaves.len()` and a valid subtree.
fn subtree_subproof(start: usize, end: usize, leaves: &[Hash], known: bool, out: &mut Vec<Hash>) {
    let n = leaves.len();
    if start == 0 && end == n {
        if !known {
            out.push(tree_hash(leaves));
        }
        return;
    }
    if n <= 1 {
        // Unreachable for valid input: start < end <= n <= 1 means [0, n).
        return;
    }
    let k = split_point(n);
    let (left, right) = leaves.split_at(k);
    if end <= k {
        subtree_subproof(start, end, left, known, out);
        out.push(tree_hash(right));
    } else if let (Some(s), Some(e)) = (start.checked_sub(k), end.checked_sub(k)) {
        // k <= start: the subtree lies in the right child.
        subtree_subproof(s, e, right, known, out);
        out.push(tree_hash(left));
    } else if let Some(e) = end.checked_sub(k) {
        // start < k < end, which for a valid subtree means start == 0.
        subtree_subproof(0, e, right, false, out);
        out.push(tree_hash(left));
    }
}

/// The subtree consistency proof `SUBTREE_PROOF(start, end, D_size)` (draft
/// section 4.4.1) for the valid subtree `[start, end)` of the tree made of
/// the first `size` leaves.
pub fn prove_subtree_consistency(
    leaves: &[Hash],
    start: u64,
    end: u64,
    size: u64,
) -> Result<Vec<Hash>, SubtreeError> {
    if !is_valid_subtree(start, end) {
        return Err(SubtreeError::InvalidSubtree);
    }
    if end > size {
        return Err(SubtreeError::EndBeyondTreeSize);
    }
    let tree = leaf_range(leaves, 0, size)?;
    let mut proof = Vec::new();
    if start < end {
        let start = usize::try_from(start).map_err(|_| SubtreeError::EndBeyondTreeSize)?;
        let end = usize::try_from(end).map_err(|_| SubtreeError::EndBeyondTreeSize)?;
        subtree_subproof(start, end, tree, true, &mut proof);
    }
    Ok(proof)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::merkle::leaf_hash;

    #[test]
    fn validity_edges() {
        assert!(is_valid_subtree(0, 0));
        assert!(is_valid_subtree(5, 5));
        assert!(is_valid_subtree(u64::MAX, u64::MAX));
        assert!(is_valid_subtree(0, u64::MAX));
        assert!(is_valid_subtree(u64::MAX - 1, u64::MAX));
        assert!(is_valid_subtree(1 << 63, u64::MAX));
        assert!(is_valid_subtree(8, 13));
        assert!(is_valid_subtree(4, 8));
        assert!(!is_valid_subtree(2, 1));
        assert!(!is_valid_subtree(1, u64::MAX));
        assert!(!is_valid_subtree(1, (1 << 63) + 2));
        assert!(!is_valid_subtree(1 << 62, u64::MAX));
        assert!(!is_valid_subtree(3, 5));
        assert!(!is_valid_subtree(2, 5));
        assert!(!is_valid_subtree(4, 9));
    }

    #[test]
    fn validity_matches_definition_for_small_values() {
        for start in 0u64..70 {
            for end in 0u64..140 {
                let want = start <= end && start % (end - start).max(1).next_power_of_two() == 0;
                assert_eq!(is_valid_subtree(start, end), want, "[{start}, {end})");
            }
        }
    }

    #[test]
    fn extreme_values_error_without_panicking() {
        let h = Hash([7u8; 32]);
        let long = vec![h; 200];
        let values = [
            0,
            1,
            2,
            3,
            (1 << 63) - 1,
            1 << 63,
            (1 << 63) + 1,
            u64::MAX - 1,
            u64::MAX,
        ];
        for &a in &values {
            for &b in &values {
                for &c in &values {
                    for proof in [&[][..], &long[..1], &long[..]] {
                        let _ = check_subtree_consistency(proof, a, b, c, &h, &h);
                        let _ = check_subtree_inclusion(proof, a, b, &h, c, &h);
                    }
                }
            }
        }
        // The whole tree is its own subtree, whatever its size.
        assert_eq!(
            check_subtree_consistency(&[], 0, u64::MAX, u64::MAX, &h, &h),
            Ok(())
        );
        assert_eq!(
            check_subtree_consistency(&[], 0, u64::MAX, u64::MAX, &h, &Hash([8; 32])),
            Err(SubtreeError::RootHashMismatch)
        );
        assert_eq!(check_subtree_inclusion(&[], 5, 6, &h, 5, &h), Ok(()));
        assert_eq!(
            check_subtree_inclusion(&[], u64::MAX, u64::MAX, &h, u64::MAX, &h),
            Err(SubtreeError::IndexOutOfRange)
        );
        assert_eq!(
            check_subtree_inclusion(&long, 0, u64::MAX, &h, 0, &h),
            Err(SubtreeError::ProofTooLong)
        );
    }

    #[test]
    fn messages_are_one_sentence() {
        for e in [
            SubtreeError::InvalidSubtree,
            SubtreeError::IndexOutOfRange,
            SubtreeError::EndBeyondTreeSize,
            SubtreeError::ProofTooShort,
            SubtreeError::ProofTooLong,
            SubtreeError::EmptySubtreeHashMismatch,
            SubtreeError::SubtreeHashMismatch,
            SubtreeError::RootHashMismatch,
            SubtreeError::MalformedHash,
        ] {
            let text = e.to_string();
            assert!(
                text.ends_with('.') && text.matches(". ").count() == 0,
                "{text}"
            );
        }
    }

    fn leaves(n: u8) -> Vec<Hash> {
        (0..n).map(|i| leaf_hash(&[i])).collect()
    }

    fn mth(l: &[Hash], start: usize, end: usize) -> Hash {
        tree_hash(&l[start..end])
    }

    // The examples of draft sections 4.3.1 and 4.4.2.
    #[test]
    fn draft_examples() {
        let l = leaves(14);
        assert_eq!(
            prove_subtree_inclusion(&l, 8, 13, 10),
            Ok(vec![l[11], mth(&l, 8, 10), l[12]])
        );
        assert_eq!(
            prove_subtree_consistency(&l, 4, 8, 14),
            Ok(vec![mth(&l, 0, 4), mth(&l, 8, 14)])
        );
        assert_eq!(
            prove_subtree_consistency(&l, 8, 13, 14),
            Ok(vec![l[12], l[13], mth(&l, 8, 12), mth(&l, 0, 8)])
        );
        // Appendix B: [0, 6) in trees of sizes 8 and 7.
        assert_eq!(
            prove_subtree_consistency(&l, 0, 6, 8),
            Ok(vec![mth(&l, 4, 6), mth(&l, 6, 8), mth(&l, 0, 4)])
        );
        assert_eq!(
            prove_subtree_consistency(&l, 0, 6, 7),
            Ok(vec![mth(&l, 4, 6), l[6], mth(&l, 0, 4)])
        );
    }
}
