//! End-to-end: a log appends decisions and publishes tiles and signed,
//! cosigned checkpoints; a reporter verifies a tlog-proof offline; an
//! independent follower audits the log from tiles and entry bundles only.

use std::collections::HashMap;

use crate::checkpoint::{Checkpoint, CheckpointVerifier};
use crate::merkle::{Frontier, HashReader, MemoryLog, leaf_hash, stored_hash_index};
use crate::note::{Cosigner, Note, Signer};
use crate::proof::TlogProof;
use crate::tiles::{
    self, Tile, TileError, TileHashReader, TileReader, check_consistency_with_tiles,
    encode_entry_bundle, entry_bundles_for_size, parse_entry_bundle, read_tile_data,
    root_from_tiles, tiles_for_size, verify_entry_bundle,
};

const ORIGIN: &str = "candor.example/sealed-status";

/// What a static file server would hold: path → bytes.
#[derive(Default)]
struct Published {
    files: HashMap<String, Vec<u8>>,
}

impl TileReader for Published {
    type Error = TileError;
    fn read_tiles(&self, tiles: &[Tile]) -> Result<Vec<Vec<u8>>, TileError> {
        tiles
            .iter()
            .map(|t| {
                self.files
                    .get(&t.path())
                    .cloned()
                    .ok_or(TileError::NotInTree {
                        tile: t.path(),
                        size: 0,
                    })
            })
            .collect()
    }
}

fn decision(i: u64) -> Vec<u8> {
    format!("case-{i:05} status=protected").into_bytes()
}

/// Publishes tiles, bundles and the cosigned checkpoint for the log's size.
fn publish(
    log: &MemoryLog,
    entries: &[Vec<u8>],
    pubd: &mut Published,
    signer: &Signer,
    witnesses: &[Cosigner],
    old_size: u64,
) -> String {
    let size = log.size();
    for t in tiles::new_tiles(old_size, size) {
        let data = read_tile_data(&t, size, log).unwrap();
        pubd.files.insert(t.path(), data);
    }
    for b in tiles::new_entry_bundles(old_size, size) {
        let start = (b.index() * 256) as usize;
        let slice = &entries[start..start + usize::from(b.width())];
        let data = encode_entry_bundle(slice.iter().map(Vec::as_slice)).unwrap();
        pubd.files.insert(b.path(), data);
    }
    let cp = Checkpoint::new(ORIGIN, size, log.root().unwrap()).unwrap();
    let mut note = Note::parse(cp.sign(signer).unwrap().as_bytes()).unwrap();
    // Witnesses check consistency from the size they last saw (C2SP rule:
    // from 0 the proof is empty), then cosign.
    for (i, w) in witnesses.iter().enumerate() {
        let p = crate::merkle::prove_tree(size, old_size, log).unwrap();
        let old_root = log.root_at(old_size).unwrap();
        crate::merkle::check_tree(&p, size, cp.root(), old_size, &old_root).unwrap();
        note.add_signature(cp.cosign(w, 1_750_000_000 + i as u64).unwrap())
            .unwrap();
    }
    let signed = note.to_text();
    pubd.files
        .insert("checkpoint".to_owned(), signed.clone().into_bytes());
    signed
}

#[test]
fn end_to_end() {
    let signer = Signer::from_seed(ORIGIN, &[42; 32]).unwrap();
    let witnesses: Vec<Cosigner> = (0..2)
        .map(|i| Cosigner::from_seed(&format!("witness{i}.example"), &[100 + i; 32]).unwrap())
        .collect();
    let policy = CheckpointVerifier::with_witnesses(
        ORIGIN,
        signer.verifier(),
        witnesses.iter().map(Cosigner::verifier).collect(),
        2,
    )
    .unwrap();

    let mut log = MemoryLog::new();
    let mut entries = Vec::new();
    let mut pubd = Published::default();

    // First batch: 600 decisions.
    for i in 0..600 {
        entries.push(decision(i));
        log.append(&decision(i)).unwrap();
    }
    let cp600 = publish(&log, &entries, &mut pubd, &signer, &witnesses, 0);

    // The reporter of case 123 receives a proof and keeps it.
    let proof_text = TlogProof::for_record(123, &cp600, &log, None)
        .unwrap()
        .to_text();
    let saved_checkpoint = policy.verify(cp600.as_bytes()).unwrap();

    // Second batch: 1,000 total.
    for i in 600..1000 {
        entries.push(decision(i));
        log.append(&decision(i)).unwrap();
    }
    let cp1000 = publish(&log, &entries, &mut pubd, &signer, &witnesses, 600);

    // Reporter, offline: the proof verifies against the log key and quorum.
    let proof = TlogProof::parse(proof_text.as_bytes()).unwrap();
    let sc = proof.verify(&decision(123), &policy).unwrap();
    assert_eq!(sc.checkpoint().size(), 600);
    assert_eq!(sc.cosignatures().len(), 2);
    assert!(proof.verify(&decision(124), &policy).is_err());

    // Reporter, later online: the newer checkpoint is consistent with the saved one.
    let latest = policy.verify(&pubd.files["checkpoint"]).unwrap();
    assert_eq!(latest.signed_note(), cp1000);
    let (old, new) = (saved_checkpoint.checkpoint(), latest.checkpoint());
    check_consistency_with_tiles(old.size(), old.root(), new.size(), new.root(), &pubd).unwrap();

    // Independent follower: root from tiles, every tile and bundle checked.
    assert_eq!(&root_from_tiles(new.size(), &pubd).unwrap(), new.root());
    let hr = TileHashReader::new(new.size(), *new.root(), &pubd);
    let mut frontier = Frontier::new();
    for b in entry_bundles_for_size(new.size()) {
        let level0 = Tile::hashes(0, b.index(), b.width()).unwrap();
        let tile = read_tile_data(&level0, new.size(), &hr).unwrap();
        let bundle = &pubd.files[&b.path()];
        for e in verify_entry_bundle(bundle, &tile).unwrap() {
            frontier.push(leaf_hash(e));
        }
    }
    assert_eq!(frontier.size(), 1000);
    assert_eq!(&frontier.root(), new.root());

    // Every published path parses back to its tile; all tiles exist for 1000.
    for t in tiles_for_size(1000)
        .into_iter()
        .chain(entry_bundles_for_size(1000))
    {
        assert_eq!(Tile::from_path(&t.path()).unwrap(), t);
        assert!(pubd.files.contains_key(&t.path()), "{t} not published");
    }
    // The partial tiles of size 600 are still available for old clients.
    assert!(pubd.files.contains_key("tile/0/002.p/88"));
    assert!(pubd.files.contains_key("tile/entries/002.p/88"));

    // A forged entry in a bundle is detected by the follower.
    let mut forged_entries = parse_entry_bundle(&pubd.files["tile/entries/001"])
        .unwrap()
        .into_iter()
        .map(<[u8]>::to_vec)
        .collect::<Vec<_>>();
    forged_entries[10] = b"case-00266 status=revoked".to_vec();
    let forged = encode_entry_bundle(forged_entries.iter().map(Vec::as_slice)).unwrap();
    let level0 = Tile::hashes(0, 1, 256).unwrap();
    let tile = read_tile_data(&level0, new.size(), &hr).unwrap();
    assert!(verify_entry_bundle(&forged, &tile).is_err());

    // A forged level-0 tile is detected by the authenticated reader.
    let mut bad = pubd.files["tile/0/001"].clone();
    bad[5] ^= 0x80;
    pubd.files.insert("tile/0/001".to_owned(), bad);
    let hr = TileHashReader::new(new.size(), *new.root(), &pubd);
    assert!(hr.read_hashes(&[stored_hash_index(0, 300)]).is_err());
}
