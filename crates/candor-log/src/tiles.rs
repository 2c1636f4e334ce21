//! C2SP tiled transparency logs (c2sp.org/tlog-tiles).
//!
//! The tree is published as tiles of height 8: the tile `tile/<L>/<N>` holds
//! up to 256 consecutive hashes of tree level `8·L`, starting at hash
//! `256·N`; a full tile has 256 hashes (8,192 bytes), the rightmost tile of a
//! level may be partial (`tile/<L>/<N>.p/<W>`, `1 ≤ W ≤ 255`). Entries are
//! served as entry bundles `tile/entries/<N>[.p/<W>]`: each entry is a
//! big-endian `u16` length followed by the entry bytes. `<N>` is written in
//! zero-padded 3-digit groups, all but the last prefixed with `x`
//! (`1234067` → `x001/x234/067`).
//!
//! Server side: [`Tile::from_path`] (untrusted request paths),
//! [`tiles_for_size`], [`new_tiles`], [`read_tile_data`] (tile bytes from the
//! stored hashes of [`crate::merkle`]), [`encode_entry_bundle`].
//!
//! Client side: [`TileHashReader`] reads hashes out of fetched tiles and
//! authenticates every tile it uses against a trusted checkpoint root, so
//! [`crate::merkle::prove_record`] / [`crate::merkle::prove_tree`] work on
//! tiles; [`root_from_tiles`], [`check_consistency_with_tiles`],
//! [`parse_entry_bundle`] and [`verify_entry_bundle`] complete an independent
//! follower.

use std::collections::BTreeMap;
use std::fmt;

use crate::checkpoint::parse_decimal;
use crate::merkle::{
    self, EMPTY_ROOT, HASH_SIZE, Hash, HashReader, MAX_TREE_SIZE, MerkleError, leaf_hash,
    node_hash, split_stored_hash_index, stored_hash_index,
};

/// Tile height: each tile spans 8 tree levels.
pub const TILE_HEIGHT: u8 = 8;

/// Number of hashes (or entries) in a full tile.
pub const TILE_WIDTH: u16 = 256;

/// Highest tile level allowed in a path.
pub const MAX_TILE_LEVEL: u8 = 63;

/// Largest entry an entry bundle can hold (u16 length prefix).
pub const MAX_ENTRY_SIZE: usize = u16::MAX as usize;

/// Longest tile path accepted by [`Tile::from_path`].
const MAX_PATH_LEN: usize = 80;

/// Errors of the tiles module.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TileError {
    /// A tile path is malformed or not canonical.
    #[error("invalid tile path {path:?}: {reason}")]
    InvalidPath {
        /// The path (clipped).
        path: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// A tile level above [`MAX_TILE_LEVEL`].
    #[error("tile level {0} is above {MAX_TILE_LEVEL}")]
    InvalidLevel(u8),
    /// A tile width outside `1..=256`.
    #[error("tile width {0} is not in 1..=256")]
    InvalidWidth(u16),
    /// The tile does not exist (with that width) in a tree of this size.
    #[error("tile {tile} is not part of a tree of size {size}")]
    NotInTree {
        /// Tile path.
        tile: String,
        /// Tree size.
        size: u64,
    },
    /// A hash tile was required.
    #[error("tile {0} is an entry bundle, not a hash tile")]
    NotAHashTile(String),
    /// Tree size above [`MAX_TREE_SIZE`].
    #[error("tree size {0} exceeds the supported maximum of 2^62")]
    TreeTooLarge(u64),
    /// A stored hash index outside the tree.
    #[error("stored hash index {index} is not in a tree of size {size}")]
    IndexNotInTree {
        /// Stored hash index.
        index: u64,
        /// Tree size.
        size: u64,
    },
    /// An entry longer than 65,535 bytes.
    #[error("entry of {0} bytes does not fit a u16 length prefix")]
    EntryTooLarge(usize),
    /// More than 256 entries for one bundle.
    #[error("an entry bundle holds at most 256 entries")]
    TooManyEntries,
    /// Malformed entry bundle bytes.
    #[error("malformed entry bundle: {0}")]
    MalformedBundle(&'static str),
    /// An entry bundle does not match its level-0 tile.
    #[error("entry bundle does not match its tile: {0}")]
    BundleMismatch(String),
    /// The tile reader returned the wrong number of tiles.
    #[error("tile reader returned {got} tiles for {want} requested")]
    WrongTileCount {
        /// Requested.
        want: usize,
        /// Returned.
        got: usize,
    },
    /// A fetched tile has the wrong length.
    #[error("tile {tile} is {got} bytes, want {want}")]
    WrongTileSize {
        /// Tile path.
        tile: String,
        /// Expected length.
        want: usize,
        /// Actual length.
        got: usize,
    },
    /// Fetched tiles do not hash to the trusted root.
    #[error("fetched tiles are inconsistent with the trusted tree root")]
    InconsistentTiles,
    /// The tile or hash storage failed.
    #[error("tile storage failed: {0}")]
    Storage(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A Merkle proof computed from tiles did not verify, or hash reading failed.
    #[error(transparent)]
    Merkle(#[from] MerkleError),
    /// An internal invariant failed (a bug, reported instead of panicking).
    #[error("internal error: {0}")]
    Internal(&'static str),
}

/// What a tile holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TileKind {
    /// Hashes of tree level `8·level` (`tile/<level>/...`).
    Hashes {
        /// Tile level (0 = leaf hashes).
        level: u8,
    },
    /// An entry bundle (`tile/entries/...`).
    Entries,
}

/// Coordinates of a tile or entry bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tile {
    kind: TileKind,
    index: u64,
    width: u16,
}

impl fmt::Display for Tile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

fn check_width(width: u16) -> Result<(), TileError> {
    if (1..=TILE_WIDTH).contains(&width) {
        Ok(())
    } else {
        Err(TileError::InvalidWidth(width))
    }
}

/// Number of hashes at tree level `8·level` in a tree of `size` leaves.
fn level_count(level: u8, size: u64) -> u64 {
    size.checked_shr(u32::from(level).saturating_mul(8))
        .unwrap_or(0)
}

impl Tile {
    /// A hash tile at `level` (0..=63), `index`, `width` (1..=256).
    pub fn hashes(level: u8, index: u64, width: u16) -> Result<Self, TileError> {
        if level > MAX_TILE_LEVEL {
            return Err(TileError::InvalidLevel(level));
        }
        check_width(width)?;
        Ok(Self {
            kind: TileKind::Hashes { level },
            index,
            width,
        })
    }

    /// An entry bundle at `index` with `width` entries (1..=256).
    pub fn entries(index: u64, width: u16) -> Result<Self, TileError> {
        check_width(width)?;
        Ok(Self {
            kind: TileKind::Entries,
            index,
            width,
        })
    }

    /// The tile at this kind and index as it is in a tree of `size` leaves
    /// (full, or partial with the tree's width); `None` if it is empty.
    pub fn in_tree(kind: TileKind, index: u64, size: u64) -> Option<Self> {
        let count = match kind {
            TileKind::Hashes { level } if level > MAX_TILE_LEVEL => return None,
            TileKind::Hashes { level } => level_count(level, size),
            TileKind::Entries => size,
        };
        Self::in_tree_count(kind, index, count)
    }

    /// What the tile holds.
    pub fn kind(&self) -> TileKind {
        self.kind
    }

    /// Level of a hash tile, `None` for an entry bundle.
    pub fn level(&self) -> Option<u8> {
        match self.kind {
            TileKind::Hashes { level } => Some(level),
            TileKind::Entries => None,
        }
    }

    /// Index within the level.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// Number of hashes or entries (1..=256).
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Whether the tile holds 256 hashes or entries.
    pub fn is_full(&self) -> bool {
        self.width == TILE_WIDTH
    }

    /// Byte length of a hash tile's data (`32 · width`).
    pub fn data_len(&self) -> usize {
        usize::from(self.width).saturating_mul(HASH_SIZE)
    }

    /// Whether all of the tile's hashes (or entries) exist in a tree of
    /// `size` leaves. Older partial widths of a tile stay available: stored
    /// hashes never change, so a server can rebuild them on request.
    pub fn is_within(&self, size: u64) -> bool {
        let count = match self.kind {
            TileKind::Hashes { level } => level_count(level, size),
            TileKind::Entries => size,
        };
        let end = u128::from(self.index) * u128::from(TILE_WIDTH) + u128::from(self.width);
        end <= u128::from(count)
    }

    /// The tile path, e.g. `tile/0/x001/x234/067.p/8` or `tile/entries/005`.
    pub fn path(&self) -> String {
        let kind = match self.kind {
            TileKind::Hashes { level } => level.to_string(),
            TileKind::Entries => "entries".to_owned(),
        };
        let mut groups = Vec::new();
        let mut n = self.index;
        loop {
            groups.push(n % 1000);
            n /= 1000;
            if n == 0 {
                break;
            }
        }
        let mut s = format!("tile/{kind}");
        let last = groups.len().saturating_sub(1);
        for (i, g) in groups.iter().rev().enumerate() {
            if i == last {
                s.push_str(&format!("/{g:03}"));
            } else {
                s.push_str(&format!("/x{g:03}"));
            }
        }
        if !self.is_full() {
            s.push_str(&format!(".p/{}", self.width));
        }
        s
    }

    /// Parses a tile path from an untrusted request path. Accepts exactly the
    /// canonical form produced by [`Tile::path`], optionally with one leading
    /// `/` (the server strips its own URL prefix first).
    pub fn from_path(path: &str) -> Result<Self, TileError> {
        let bad = |reason| TileError::InvalidPath {
            path: path.chars().take(MAX_PATH_LEN).collect(),
            reason,
        };
        if path.len() > MAX_PATH_LEN {
            return Err(bad("too long"));
        }
        let p = path.strip_prefix('/').unwrap_or(path);
        let rest = p
            .strip_prefix("tile/")
            .ok_or_else(|| bad("must start with tile/"))?;
        let (kind_s, rest) = rest
            .split_once('/')
            .ok_or_else(|| bad("missing tile index"))?;
        let kind = if kind_s == "entries" {
            TileKind::Entries
        } else {
            let level = parse_decimal(kind_s)
                .and_then(|l| u8::try_from(l).ok())
                .filter(|&l| l <= MAX_TILE_LEVEL)
                .ok_or_else(|| bad("level must be \"entries\" or a decimal 0..=63"))?;
            TileKind::Hashes { level }
        };
        let (index_s, width) = match rest.split_once(".p/") {
            Some((n, w)) => {
                let w = parse_decimal(w)
                    .and_then(|w| u16::try_from(w).ok())
                    .filter(|w| (1..TILE_WIDTH).contains(w))
                    .ok_or_else(|| bad("partial width must be a decimal 1..=255"))?;
                (n, w)
            }
            None => (rest, TILE_WIDTH),
        };
        let groups: Vec<&str> = index_s.split('/').collect();
        let last = groups.len().saturating_sub(1);
        let mut index: u64 = 0;
        for (i, g) in groups.iter().enumerate() {
            let digits = if i == last {
                *g
            } else {
                g.strip_prefix('x')
                    .ok_or_else(|| bad("all index groups but the last start with x"))?
            };
            if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("index groups must be three digits"));
            }
            let d: u64 = digits
                .parse()
                .map_err(|_| bad("index groups must be three digits"))?;
            index = index
                .checked_mul(1000)
                .and_then(|n| n.checked_add(d))
                .ok_or_else(|| bad("index overflows u64"))?;
        }
        let tile = Self { kind, index, width };
        if tile.path() != p {
            return Err(bad("not in canonical form"));
        }
        Ok(tile)
    }

    /// The hash tile one level up holding this tile's root (`None` for the
    /// top, for entry bundles, or if the parent is not in the tree).
    fn parent(&self, size: u64) -> Option<Self> {
        let level = self.level()?.checked_add(1)?;
        Self::in_tree(TileKind::Hashes { level }, self.index >> 8, size)
    }
}

/// All hash tiles of a tree of `size` leaves, level by level (entry bundles:
/// [`entry_bundles_for_size`]).
pub fn tiles_for_size(size: u64) -> Vec<Tile> {
    new_tiles(0, size)
}

/// All entry bundles of a tree of `size` leaves.
pub fn entry_bundles_for_size(size: u64) -> Vec<Tile> {
    new_entry_bundles(0, size)
}

fn changed_tiles(kind: TileKind, old_count: u64, new_count: u64) -> Vec<Tile> {
    if new_count <= old_count {
        return Vec::new();
    }
    let first = old_count / u64::from(TILE_WIDTH);
    let last = new_count.saturating_sub(1) / u64::from(TILE_WIDTH);
    (first..=last)
        .filter_map(|n| Tile::in_tree_count(kind, n, new_count))
        .collect()
}

impl Tile {
    fn in_tree_count(kind: TileKind, index: u64, count: u64) -> Option<Self> {
        let start = index.checked_mul(u64::from(TILE_WIDTH))?;
        let avail = count.checked_sub(start).filter(|&a| a > 0)?;
        let width = u16::try_from(avail.min(u64::from(TILE_WIDTH))).ok()?;
        Some(Self { kind, index, width })
    }
}

/// Hash tiles whose content is new or changed when the tree grows from
/// `old_size` to `new_size`: what a server (re)writes after an append batch.
pub fn new_tiles(old_size: u64, new_size: u64) -> Vec<Tile> {
    let mut out = Vec::new();
    for level in 0..=MAX_TILE_LEVEL {
        let new_count = level_count(level, new_size);
        if new_count == 0 {
            break;
        }
        out.extend(changed_tiles(
            TileKind::Hashes { level },
            level_count(level, old_size),
            new_count,
        ));
    }
    out
}

/// Entry bundles whose content is new or changed from `old_size` to `new_size`.
pub fn new_entry_bundles(old_size: u64, new_size: u64) -> Vec<Tile> {
    changed_tiles(TileKind::Entries, old_size, new_size)
}

/// Builds a hash tile's bytes (its hashes concatenated) from the stored
/// hashes of a tree of `size` leaves. The tile must be within the tree.
pub fn read_tile_data<R: HashReader + ?Sized>(
    tile: &Tile,
    size: u64,
    reader: &R,
) -> Result<Vec<u8>, TileError> {
    let TileKind::Hashes { level } = tile.kind else {
        return Err(TileError::NotAHashTile(tile.path()));
    };
    if size > MAX_TREE_SIZE {
        return Err(TileError::TreeTooLarge(size));
    }
    if !tile.is_within(size) {
        return Err(TileError::NotInTree {
            tile: tile.path(),
            size,
        });
    }
    // Within a tree ≤ 2^62 the level is ≤ 7 and nothing overflows.
    let tree_level = level.saturating_mul(TILE_HEIGHT);
    let start = tile.index.saturating_mul(u64::from(TILE_WIDTH));
    let indexes: Vec<u64> = (0..u64::from(tile.width))
        .map(|i| stored_hash_index(tree_level, start.saturating_add(i)))
        .collect();
    let hashes = reader
        .read_hashes(&indexes)
        .map_err(|e| TileError::Storage(Box::new(e)))?;
    if hashes.len() != indexes.len() {
        return Err(MerkleError::WrongHashCount {
            want: indexes.len(),
            got: hashes.len(),
        }
        .into());
    }
    Ok(hashes.iter().flat_map(|h| h.0).collect())
}

/// Encodes an entry bundle: each entry as a big-endian `u16` length and the
/// bytes. At most 256 entries of at most 65,535 bytes.
pub fn encode_entry_bundle<'a>(
    entries: impl IntoIterator<Item = &'a [u8]>,
) -> Result<Vec<u8>, TileError> {
    let mut out = Vec::new();
    for (count, e) in entries.into_iter().enumerate() {
        if count >= usize::from(TILE_WIDTH) {
            return Err(TileError::TooManyEntries);
        }
        let len = u16::try_from(e.len()).map_err(|_| TileError::EntryTooLarge(e.len()))?;
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(e);
    }
    Ok(out)
}

/// Parses an entry bundle into its entries (borrowed). Rejects truncated
/// data and more than 256 entries.
pub fn parse_entry_bundle(data: &[u8]) -> Result<Vec<&[u8]>, TileError> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        if out.len() >= usize::from(TILE_WIDTH) {
            return Err(TileError::TooManyEntries);
        }
        let (len, tail) = rest
            .split_first_chunk::<2>()
            .ok_or(TileError::MalformedBundle("truncated length prefix"))?;
        let len = usize::from(u16::from_be_bytes(*len));
        let (entry, tail) = tail
            .split_at_checked(len)
            .ok_or(TileError::MalformedBundle("truncated entry"))?;
        out.push(entry);
        rest = tail;
    }
    Ok(out)
}

/// Checks an entry bundle against its authenticated level-0 tile data: same
/// number of entries as hashes, and each entry's leaf hash equal to the
/// tile's hash. Returns the entries.
pub fn verify_entry_bundle<'a>(
    bundle: &'a [u8],
    level0_tile_data: &[u8],
) -> Result<Vec<&'a [u8]>, TileError> {
    let entries = parse_entry_bundle(bundle)?;
    let hashes = level0_tile_data.chunks_exact(HASH_SIZE);
    if !hashes.remainder().is_empty() {
        return Err(TileError::BundleMismatch(
            "tile length is not a multiple of 32".to_owned(),
        ));
    }
    if hashes.len() != entries.len() {
        return Err(TileError::BundleMismatch(format!(
            "{} entries for {} hashes",
            entries.len(),
            hashes.len()
        )));
    }
    for (i, (e, h)) in entries.iter().zip(hashes).enumerate() {
        if leaf_hash(e).0.as_slice() != h {
            return Err(TileError::BundleMismatch(format!(
                "entry {i} does not hash to the tile"
            )));
        }
    }
    Ok(entries)
}

/// Source of tile bytes for a client (HTTP fetches, a cache, a directory).
pub trait TileReader {
    /// The fetch error.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Returns the data of each tile, in order. A tile's data must be
    /// exactly `32 · width` bytes.
    fn read_tiles(&self, tiles: &[Tile]) -> Result<Vec<Vec<u8>>, Self::Error>;

    /// Called with tiles after they were authenticated against the trusted
    /// root, e.g. to cache them. The default does nothing.
    fn save_tiles(&self, _tiles: &[Tile], _data: &[Vec<u8>]) {}
}

/// Where stored hash `index` lives in the tiles of a tree of `size`: the
/// tile, the offset of its first level-`8L` hash and the span (a power of two).
fn locate(index: u64, size: u64) -> Option<(Tile, usize, usize)> {
    let (level, n) = split_stored_hash_index(index);
    let tile_level = level / TILE_HEIGHT;
    let k = level % TILE_HEIGHT;
    let first = n.checked_shl(u32::from(k)).filter(|f| f >> k == n)?;
    let tile = Tile::in_tree(TileKind::Hashes { level: tile_level }, first >> 8, size)?;
    let offset = usize::try_from(first & 0xff).ok()?;
    let span = 1usize << k;
    if offset.saturating_add(span) > usize::from(tile.width) {
        return None;
    }
    Some((tile, offset, span))
}

/// Root of a perfect subtree from its `2^k` leaf-level hashes (raw bytes).
fn perfect_hash(bytes: &[u8]) -> Result<Hash, TileError> {
    let mut layer: Vec<Hash> = bytes
        .chunks_exact(HASH_SIZE)
        .map(Hash::from_slice)
        .collect::<Result<_, _>>()?;
    if layer.is_empty() || !layer.len().is_power_of_two() {
        return Err(TileError::Internal("subtree span is not a power of two"));
    }
    while layer.len() > 1 {
        layer = layer
            .chunks_exact(2)
            .map(|p| match p {
                [l, r] => node_hash(l, r),
                _ => EMPTY_ROOT,
            })
            .collect();
    }
    layer.pop().ok_or(TileError::Internal("empty subtree span"))
}

fn hash_in(data: &[u8], offset: usize, span: usize) -> Result<Hash, TileError> {
    let start = offset.saturating_mul(HASH_SIZE);
    let end = offset.saturating_add(span).saturating_mul(HASH_SIZE);
    let bytes = data
        .get(start..end)
        .ok_or(TileError::Internal("hash outside tile data"))?;
    perfect_hash(bytes)
}

/// A [`HashReader`] over tiles of a tree with a trusted (checkpoint) size
/// and root. Every tile it uses is authenticated before any hash is
/// returned: the tiles holding the root's subtrees must hash to the root,
/// and every other (full) tile must hash to its entry in its parent tile.
#[derive(Debug)]
pub struct TileHashReader<'a, R: ?Sized> {
    size: u64,
    root: Hash,
    reader: &'a R,
}

impl<'a, R: TileReader + ?Sized> TileHashReader<'a, R> {
    /// A reader for the tree of `size` leaves with trusted root `root`.
    pub fn new(size: u64, root: Hash, reader: &'a R) -> Self {
        Self { size, root, reader }
    }
}

/// The tiles to fetch, in order, with a lookup from tile to position.
#[derive(Default)]
struct Plan {
    tiles: Vec<Tile>,
    pos: BTreeMap<Tile, usize>,
}

impl Plan {
    fn add(&mut self, t: Tile) -> usize {
        if let Some(&i) = self.pos.get(&t) {
            return i;
        }
        let i = self.tiles.len();
        self.tiles.push(t);
        self.pos.insert(t, i);
        i
    }
}

fn fetch<R: TileReader + ?Sized>(reader: &R, tiles: &[Tile]) -> Result<Vec<Vec<u8>>, TileError> {
    let data = reader
        .read_tiles(tiles)
        .map_err(|e| TileError::Storage(Box::new(e)))?;
    if data.len() != tiles.len() {
        return Err(TileError::WrongTileCount {
            want: tiles.len(),
            got: data.len(),
        });
    }
    for (t, d) in tiles.iter().zip(&data) {
        if d.len() != t.data_len() {
            return Err(TileError::WrongTileSize {
                tile: t.path(),
                want: t.data_len(),
                got: d.len(),
            });
        }
    }
    Ok(data)
}

/// Plans the tiles holding the root's subtrees; returns (tile position,
/// offset, span) for each subtree, leftmost first.
fn plan_root(plan: &mut Plan, size: u64) -> Result<Vec<(usize, usize, usize)>, TileError> {
    merkle::tree_hash_indexes(size)
        .into_iter()
        .map(|x| {
            let (t, off, span) =
                locate(x, size).ok_or(TileError::Internal("root subtree outside tiles"))?;
            Ok((plan.add(t), off, span))
        })
        .collect()
}

fn root_from_parts(parts: &[(usize, usize, usize)], data: &[Vec<u8>]) -> Result<Hash, TileError> {
    let mut acc: Option<Hash> = None;
    for &(i, off, span) in parts.iter().rev() {
        let d = data.get(i).ok_or(TileError::Internal("tile position"))?;
        let h = hash_in(d, off, span)?;
        acc = Some(match acc {
            None => h,
            Some(right) => node_hash(&h, &right),
        });
    }
    Ok(acc.unwrap_or(EMPTY_ROOT))
}

impl<R: TileReader + ?Sized> HashReader for TileHashReader<'_, R> {
    type Error = TileError;

    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, TileError> {
        if indexes.is_empty() {
            return Ok(Vec::new());
        }
        if self.size > MAX_TREE_SIZE {
            return Err(TileError::TreeTooLarge(self.size));
        }
        let mut plan = Plan::default();
        let root_parts = plan_root(&mut plan, self.size)?;
        let root_tiles = plan.tiles.len();
        let mut wanted = Vec::with_capacity(indexes.len());
        for &x in indexes {
            let not_in_tree = TileError::IndexNotInTree {
                index: x,
                size: self.size,
            };
            let (tile, off, span) = locate(x, self.size).ok_or(not_in_tree)?;
            wanted.push((plan.add(tile), off, span));
            // Add the chain of parents up to an already planned tile, so the
            // tile can be authenticated. Only full tiles lie outside the root
            // set, and every full tile has a parent.
            let mut t = tile;
            for _ in 0..=MAX_TILE_LEVEL {
                let Some(parent) = t.parent(self.size) else {
                    break;
                };
                let known = plan.pos.contains_key(&parent);
                plan.add(parent);
                if known {
                    break;
                }
                t = parent;
            }
        }
        let data = fetch(self.reader, &plan.tiles)?;

        // Authenticate the root tiles against the trusted root.
        if root_from_parts(&root_parts, &data)? != self.root {
            return Err(TileError::InconsistentTiles);
        }
        let mut authenticated = vec![false; plan.tiles.len()];
        for a in authenticated.iter_mut().take(root_tiles) {
            *a = true;
        }
        // Then every other tile against its parent, parents first.
        let mut rest: Vec<usize> = (root_tiles..plan.tiles.len()).collect();
        rest.sort_by_key(|&i| std::cmp::Reverse(plan.tiles.get(i).and_then(Tile::level)));
        for i in rest {
            let (Some(tile), Some(d)) = (plan.tiles.get(i), data.get(i)) else {
                return Err(TileError::Internal("tile position"));
            };
            if !tile.is_full() {
                return Err(TileError::Internal("partial tile outside the root set"));
            }
            let parent = tile
                .parent(self.size)
                .ok_or(TileError::Internal("full tile without parent"))?;
            let j = *plan
                .pos
                .get(&parent)
                .ok_or(TileError::Internal("parent not fetched"))?;
            if !authenticated.get(j).copied().unwrap_or(false) {
                return Err(TileError::Internal("parent not authenticated first"));
            }
            let pd = data.get(j).ok_or(TileError::Internal("tile position"))?;
            let expected = hash_in(pd, (tile.index & 0xff) as usize, 1)?;
            if perfect_hash(d)? != expected {
                return Err(TileError::InconsistentTiles);
            }
            if let Some(a) = authenticated.get_mut(i) {
                *a = true;
            }
        }
        self.reader.save_tiles(&plan.tiles, &data);
        wanted
            .into_iter()
            .map(|(i, off, span)| {
                let d = data.get(i).ok_or(TileError::Internal("tile position"))?;
                hash_in(d, off, span)
            })
            .collect()
    }
}

/// Recomputes the root hash of a tree of `size` leaves from its tiles (the
/// rightmost, partial ones). Compare it with the checkpoint's root.
pub fn root_from_tiles<R: TileReader + ?Sized>(size: u64, reader: &R) -> Result<Hash, TileError> {
    if size == 0 {
        return Ok(EMPTY_ROOT);
    }
    if size > MAX_TREE_SIZE {
        return Err(TileError::TreeTooLarge(size));
    }
    let mut plan = Plan::default();
    let parts = plan_root(&mut plan, size)?;
    let data = fetch(reader, &plan.tiles)?;
    root_from_parts(&parts, &data)
}

/// Verifies, using tiles of the newer tree, that the tree (`old_size`,
/// `old_root`) of a saved checkpoint is a prefix of (`new_size`,
/// `new_root`). The tiles are authenticated against `new_root`.
pub fn check_consistency_with_tiles<R: TileReader + ?Sized>(
    old_size: u64,
    old_root: &Hash,
    new_size: u64,
    new_root: &Hash,
    reader: &R,
) -> Result<(), TileError> {
    let hr = TileHashReader::new(new_size, *new_root, reader);
    let proof = merkle::prove_tree(new_size, old_size, &hr).map_err(unwrap_tile_error)?;
    merkle::check_tree(&proof, new_size, new_root, old_size, old_root)?;
    Ok(())
}

/// Returns the leaf hash of record `index` from tiles, proven included in
/// the tree (`size`, `root`) — e.g. to check an entry bundle's entry.
pub fn prove_record_with_tiles<R: TileReader + ?Sized>(
    size: u64,
    root: &Hash,
    index: u64,
    reader: &R,
) -> Result<Vec<Hash>, TileError> {
    let hr = TileHashReader::new(size, *root, reader);
    merkle::prove_record(size, index, &hr).map_err(unwrap_tile_error)
}

/// Turns a boxed [`TileError`] inside [`MerkleError::Storage`] back into itself.
fn unwrap_tile_error(e: MerkleError) -> TileError {
    match e {
        MerkleError::Storage(inner) => match inner.downcast::<TileError>() {
            Ok(t) => *t,
            Err(other) => TileError::Merkle(MerkleError::Storage(other)),
        },
        other => TileError::Merkle(other),
    }
}

/// Fuzz entry point: parse arbitrary bytes as a tile path and as an entry
/// bundle; check path round trips.
pub fn fuzz_parse_tile_path(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data)
        && let Ok(t) = Tile::from_path(s)
    {
        debug_assert_eq!(Tile::from_path(&t.path()).ok(), Some(t));
    }
    if let Ok(entries) = parse_entry_bundle(data) {
        debug_assert_eq!(
            encode_entry_bundle(entries.iter().copied()).ok().as_deref(),
            Some(data)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::{MemoryLog, MissingHash, check_record, prove_record};
    use proptest::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;

    /// A tile server backed by a MemoryLog, counting fetches, with optional
    /// tampering.
    struct Server {
        log: MemoryLog,
        size: u64,
        tamper: RefCell<HashMap<Tile, Vec<u8>>>,
        fetched: Cell<usize>,
        saved: Cell<usize>,
    }

    impl Server {
        fn new(n: u64) -> Self {
            let mut log = MemoryLog::new();
            for i in 0..n {
                log.append(format!("entry {i}").as_bytes()).unwrap();
            }
            Self {
                log,
                size: n,
                tamper: RefCell::new(HashMap::new()),
                fetched: Cell::new(0),
                saved: Cell::new(0),
            }
        }
    }

    impl TileReader for Server {
        type Error = TileError;
        fn read_tiles(&self, tiles: &[Tile]) -> Result<Vec<Vec<u8>>, TileError> {
            self.fetched.set(self.fetched.get() + tiles.len());
            tiles
                .iter()
                .map(|t| match self.tamper.borrow().get(t) {
                    Some(d) => Ok(d.clone()),
                    None => read_tile_data(t, self.size, &self.log),
                })
                .collect()
        }
        fn save_tiles(&self, tiles: &[Tile], _data: &[Vec<u8>]) {
            self.saved.set(self.saved.get() + tiles.len());
        }
    }

    #[test]
    fn paths() {
        let cases = [
            (Tile::hashes(0, 0, 256).unwrap(), "tile/0/000"),
            (Tile::hashes(1, 5, 17).unwrap(), "tile/1/005.p/17"),
            (
                Tile::hashes(3, 1234067, 256).unwrap(),
                "tile/3/x001/x234/067",
            ),
            (Tile::hashes(63, 1000, 1).unwrap(), "tile/63/x001/000.p/1"),
            (
                Tile::entries(1234067, 8).unwrap(),
                "tile/entries/x001/x234/067.p/8",
            ),
            (Tile::entries(999, 256).unwrap(), "tile/entries/999"),
            (
                Tile::hashes(0, u64::MAX, 256).unwrap(),
                "tile/0/x018/x446/x744/x073/x709/x551/615",
            ),
        ];
        for (t, p) in cases {
            assert_eq!(t.path(), p);
            assert_eq!(Tile::from_path(p).unwrap(), t);
            assert_eq!(Tile::from_path(&format!("/{p}")).unwrap(), t);
        }
        let bad = [
            "",
            "tile",
            "tile/",
            "tile/0",
            "tile/0/",
            "tiles/0/000",
            "//tile/0/000",
            "tile/00/000",
            "tile/64/000",
            "tile/-1/000",
            "tile/+1/000",
            "tile/a/000",
            "tile/data/000",
            "tile/0/0",
            "tile/0/0000",
            "tile/0/x000/001",
            "tile/0/001/002",
            "tile/0/x001",
            "tile/0/x001/x002",
            "tile/0/y001/002",
            "tile/0/001.p/0",
            "tile/0/001.p/256",
            "tile/0/001.p/01",
            "tile/0/001.p/",
            "tile/0/001.p",
            "tile/0/001.p/5/6",
            "tile/0/001/",
            "tile/0/00a",
            "tile/0/x018/x446/x744/x073/x709/x551/616",
            "tile/0/x100/x018/x446/x744/x073/x709/x551/615",
            "tile/entries/001.p/256",
            "tile/0/001?x=1",
            "tile/0/%30%30%31",
            "tile/0/../001",
            "tile/0/x001/x234/067.p/8.p/3",
        ];
        for p in bad {
            assert!(Tile::from_path(p).is_err(), "{p:?} accepted");
        }
        assert!(Tile::from_path(&"x".repeat(1000)).is_err());
        assert!(Tile::hashes(64, 0, 1).is_err());
        assert!(Tile::hashes(0, 0, 0).is_err());
        assert!(Tile::entries(0, 257).is_err());
    }

    #[test]
    fn tiles_for_sizes() {
        // The spec's example: 70,000 leaves.
        let t = tiles_for_size(70_000);
        let full0 = t
            .iter()
            .filter(|t| t.level() == Some(0) && t.is_full())
            .count();
        assert_eq!(full0, 273);
        assert!(t.contains(&Tile::hashes(0, 273, 112).unwrap()));
        assert!(t.contains(&Tile::hashes(1, 0, 256).unwrap()));
        assert!(t.contains(&Tile::hashes(1, 1, 17).unwrap()));
        assert!(t.contains(&Tile::hashes(2, 0, 1).unwrap()));
        assert_eq!(t.len(), 273 + 1 + 1 + 1 + 1);
        // 256 leaves: a full level-0 tile and a level-1 tile of width 1.
        assert_eq!(
            tiles_for_size(256),
            vec![
                Tile::hashes(0, 0, 256).unwrap(),
                Tile::hashes(1, 0, 1).unwrap()
            ]
        );
        assert!(tiles_for_size(0).is_empty());
        assert_eq!(entry_bundles_for_size(257).len(), 2);
        // Growing from 1023 to 1025: level-0 tile 3 becomes full, tile 4 appears,
        // level-1 tile 0 grows from 3 to 4.
        assert_eq!(
            new_tiles(1023, 1025),
            vec![
                Tile::hashes(0, 3, 256).unwrap(),
                Tile::hashes(0, 4, 1).unwrap(),
                Tile::hashes(1, 0, 4).unwrap()
            ]
        );
        assert!(new_tiles(10, 10).is_empty());
        assert_eq!(
            new_entry_bundles(100, 101),
            vec![Tile::entries(0, 101).unwrap()]
        );
        // is_within
        assert!(Tile::hashes(0, 0, 100).unwrap().is_within(100));
        assert!(!Tile::hashes(0, 0, 101).unwrap().is_within(100));
        assert!(Tile::hashes(0, 0, 50).unwrap().is_within(100));
        assert!(!Tile::hashes(1, 0, 1).unwrap().is_within(255));
        assert!(Tile::hashes(1, 0, 1).unwrap().is_within(256));
        assert!(!Tile::hashes(63, u64::MAX, 256).unwrap().is_within(u64::MAX));
    }

    #[test]
    fn tile_data_matches_hashes() {
        let s = Server::new(70_000);
        for t in tiles_for_size(70_000) {
            let d = read_tile_data(&t, s.size, &s.log).unwrap();
            assert_eq!(d.len(), t.data_len());
            if t.level() == Some(0) {
                let first = t.index() * 256;
                assert_eq!(
                    &d[..32],
                    leaf_hash(format!("entry {first}").as_bytes()).as_bytes()
                );
            }
        }
        // Level-1 entry i is the root of level-0 tile i.
        let l1 = read_tile_data(&Tile::hashes(1, 0, 256).unwrap(), s.size, &s.log).unwrap();
        let l0 = read_tile_data(&Tile::hashes(0, 7, 256).unwrap(), s.size, &s.log).unwrap();
        assert_eq!(&l1[7 * 32..8 * 32], perfect_hash(&l0).unwrap().as_bytes());
        // Not in tree / entry tile / too large.
        assert!(read_tile_data(&Tile::hashes(0, 273, 113).unwrap(), s.size, &s.log).is_err());
        assert!(read_tile_data(&Tile::entries(0, 1).unwrap(), s.size, &s.log).is_err());
        assert!(read_tile_data(&Tile::hashes(0, 0, 1).unwrap(), u64::MAX, &s.log).is_err());
        // Older partial widths can be rebuilt.
        assert!(read_tile_data(&Tile::hashes(0, 273, 5).unwrap(), s.size, &s.log).is_ok());
    }

    #[test]
    fn root_and_proofs_from_tiles() {
        for n in [1u64, 2, 255, 256, 257, 300, 65_536, 65_537, 70_000] {
            let s = Server::new(n);
            let root = s.log.root().unwrap();
            assert_eq!(root_from_tiles(n, &s).unwrap(), root, "size {n}");
            for i in [0, n / 3, n / 2, n - 1] {
                let p = prove_record_with_tiles(n, &root, i, &s).unwrap();
                assert_eq!(p, prove_record(n, i, &s.log).unwrap());
                let leaf = leaf_hash(format!("entry {i}").as_bytes());
                check_record(&p, n, &root, i, &leaf).unwrap();
            }
            for old in [1, n / 2, n - 1, n] {
                if old == 0 {
                    continue;
                }
                let old_root = s.log.root_at(old).unwrap();
                check_consistency_with_tiles(old, &old_root, n, &root, &s).unwrap();
                // A wrong old root is detected.
                let wrong = leaf_hash(b"wrong");
                assert!(check_consistency_with_tiles(old, &wrong, n, &root, &s).is_err());
            }
            check_consistency_with_tiles(0, &EMPTY_ROOT, n, &root, &s).unwrap();
        }
        assert_eq!(root_from_tiles(0, &Server::new(0)).unwrap(), EMPTY_ROOT);
    }

    #[test]
    fn tampered_tiles_are_rejected() {
        let n = 70_000u64;
        let s = Server::new(n);
        let root = s.log.root().unwrap();
        // Tamper a full level-0 tile that is only reachable through its parent
        // (not part of the root set): the case Go's TileHashReader skips when
        // several root subtrees share a tile.
        let t = Tile::hashes(0, 0, 256).unwrap();
        let mut d = read_tile_data(&t, n, &s.log).unwrap();
        d[0] ^= 1;
        s.tamper.borrow_mut().insert(t, d);
        let hr = TileHashReader::new(n, root, &s);
        s.saved.set(0);
        assert!(matches!(
            hr.read_hashes(&[0]),
            Err(TileError::InconsistentTiles)
        ));
        assert_eq!(s.saved.get(), 0, "unauthenticated tiles were saved");
        assert!(prove_record_with_tiles(n, &root, 0, &s).is_err());
        // Other parts of the tree still work.
        assert!(prove_record_with_tiles(n, &root, 69_999, &s).is_ok());
        // Tamper a partial (root) tile.
        s.tamper.borrow_mut().clear();
        let t = Tile::hashes(0, 273, 112).unwrap();
        let mut d = read_tile_data(&t, n, &s.log).unwrap();
        d[100] ^= 1;
        s.tamper.borrow_mut().insert(t, d);
        assert!(matches!(
            root_from_tiles(n, &s).map(|r| r == root),
            Ok(false)
        ));
        assert!(prove_record_with_tiles(n, &root, 5, &s).is_err());
        // Wrong length and wrong count.
        s.tamper.borrow_mut().insert(t, vec![0; 31]);
        assert!(matches!(
            prove_record_with_tiles(n, &root, 5, &s),
            Err(TileError::WrongTileSize { .. })
        ));
        // Wrong trusted root.
        s.tamper.borrow_mut().clear();
        assert!(prove_record_with_tiles(n, &leaf_hash(b"x"), 5, &s).is_err());
        // Index outside the tree.
        let hr = TileHashReader::new(n, root, &s);
        assert!(hr.read_hashes(&[merkle::stored_hash_index(0, n)]).is_err());
        assert!(hr.read_hashes(&[u64::MAX]).is_err());
        assert!(
            TileHashReader::new(0, EMPTY_ROOT, &s)
                .read_hashes(&[0])
                .is_err()
        );
    }

    #[test]
    fn fetches_are_logarithmic() {
        let n = 1u64 << 20;
        let mut log = MemoryLog::new();
        for i in 0..n {
            log.append_leaf_hash(leaf_hash(&i.to_le_bytes())).unwrap();
        }
        let s = Server {
            log,
            size: n,
            tamper: RefCell::new(HashMap::new()),
            fetched: Cell::new(0),
            saved: Cell::new(0),
        };
        let root = s.log.root().unwrap();
        s.fetched.set(0);
        prove_record_with_tiles(n, &root, 123_456, &s).unwrap();
        assert!(s.fetched.get() <= 8, "fetched {} tiles", s.fetched.get());
    }

    #[test]
    fn entry_bundles() {
        let entries: Vec<Vec<u8>> = (0..256).map(|i| vec![i as u8; i]).collect();
        let b = encode_entry_bundle(entries.iter().map(Vec::as_slice)).unwrap();
        let parsed = parse_entry_bundle(&b).unwrap();
        assert_eq!(parsed.len(), 256);
        assert!(parsed.iter().zip(&entries).all(|(a, b)| *a == b.as_slice()));
        assert_eq!(parse_entry_bundle(&[]).unwrap().len(), 0);
        assert!(parse_entry_bundle(&[0]).is_err());
        assert!(parse_entry_bundle(&[0, 2, 1]).is_err());
        let mut over = b.clone();
        over.extend_from_slice(&[0, 0]);
        assert!(matches!(
            parse_entry_bundle(&over),
            Err(TileError::TooManyEntries)
        ));
        assert!(encode_entry_bundle([vec![0u8; 65_536].as_slice()]).is_err());
        assert!(encode_entry_bundle([vec![0u8; 65_535].as_slice()]).is_ok());
        assert!(encode_entry_bundle((0..257).map(|_| &[][..])).is_err());

        // Against a level-0 tile.
        let s = Server::new(300);
        let t = Tile::hashes(0, 1, 44).unwrap();
        let tile = read_tile_data(&t, 300, &s.log).unwrap();
        let es: Vec<String> = (256..300).map(|i| format!("entry {i}")).collect();
        let bundle = encode_entry_bundle(es.iter().map(|e| e.as_bytes())).unwrap();
        assert_eq!(verify_entry_bundle(&bundle, &tile).unwrap().len(), 44);
        let short = encode_entry_bundle(es[..43].iter().map(|e| e.as_bytes())).unwrap();
        assert!(verify_entry_bundle(&short, &tile).is_err());
        let mut es2 = es.clone();
        es2[5].push('!');
        let bad = encode_entry_bundle(es2.iter().map(|e| e.as_bytes())).unwrap();
        assert!(verify_entry_bundle(&bad, &tile).is_err());
        assert!(verify_entry_bundle(&bundle, &tile[..100]).is_err());
    }

    /// A reader whose storage fails.
    struct Broken;
    impl HashReader for Broken {
        type Error = MissingHash;
        fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, MissingHash> {
            Err(MissingHash(indexes.first().copied().unwrap_or(0)))
        }
    }

    #[test]
    fn storage_errors_propagate() {
        assert!(matches!(
            read_tile_data(&Tile::hashes(0, 0, 3).unwrap(), 3, &Broken),
            Err(TileError::Storage(_))
        ));
    }

    proptest! {
        #[test]
        fn path_round_trip(level in 0u8..=63, index in any::<u64>(), width in 1u16..=256, entries in any::<bool>()) {
            let t = if entries { Tile::entries(index, width).unwrap() } else { Tile::hashes(level, index, width).unwrap() };
            prop_assert_eq!(Tile::from_path(&t.path()).unwrap(), t);
        }

        #[test]
        fn path_parser_never_panics(s in "(/?tile/)?(entries|[0-9]{1,3}|x)?(/x?[0-9]{0,4}){0,8}(\\.p/[0-9]{0,4})?") {
            fuzz_parse_tile_path(s.as_bytes());
        }

        #[test]
        fn bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..600)) {
            fuzz_parse_tile_path(&data);
        }

        #[test]
        fn bundle_round_trip(entries in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 0..50)) {
            let b = encode_entry_bundle(entries.iter().map(Vec::as_slice)).unwrap();
            let parsed = parse_entry_bundle(&b).unwrap();
            prop_assert_eq!(parsed, entries.iter().map(Vec::as_slice).collect::<Vec<_>>());
        }

        #[test]
        fn tiles_agree_with_storage(size in 1u64..2000, idx in any::<u64>()) {
            let s = Server::new(size);
            let root = s.log.root().unwrap();
            prop_assert_eq!(root_from_tiles(size, &s).unwrap(), root);
            let i = idx % size;
            prop_assert_eq!(
                prove_record_with_tiles(size, &root, i, &s).unwrap(),
                prove_record(size, i, &s.log).unwrap()
            );
            let old = idx % (size + 1);
            let old_root = s.log.root_at(old).unwrap();
            prop_assert!(check_consistency_with_tiles(old, &old_root, size, &root, &s).is_ok());
        }
    }
}
