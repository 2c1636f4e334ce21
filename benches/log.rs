//! Sealed status log benchmark: appending 1,000,000 entries, inclusion proofs and
//! certificates at that size, and certificate verification, compared in the same run with
//! a minimal reference computation of the same root (plain SHA-256 over the same leaves).
//!
//! Run with `cargo bench --bench log` (`CANDOR_LOG_BENCH_ENTRIES=N` for another size).
//! Everything runs in this process, on one thread, through the library's code paths:
//!
//! 1. **Entries**: for each entry, a fresh opening (`Opening::new`: random salt,
//!    commitment) and its `candor.entry/v1` note signed with `note::sign`, by the log key
//!    for `report-received` (three entries in four, as `LogService::report_received` does)
//!    and by the body's decision key for decisions (the fourth, as the workstation does).
//! 2. **Append**: every signed note into `merkle::MemoryLog` (`leaf_hash` then
//!    `merkle::stored_hashes` into the Go tlog stored-hash-index order, in memory).
//! 3. **Root** (`tree_hash`) and a checkpoint signed by the log key and cosigned by one
//!    witness.
//! 4. **Proofs**: `TlogProof::for_record` for random indices; **certificates**: the proof
//!    plus `Certificate::new(..).to_text()`, as `LogService::certificate` does.
//! 5. **Verification**: `Certificate::parse` + `verify(log, body, [witness])` of each
//!    certificate, as `candor verify` does; every one must verify.
//! 6. **Reference**: SHA-256 leaf hashes of the same notes and the RFC 6962 root by a
//!    plain recursive function written here with `sha2`; it must equal the log's root.
//! 7. **SQLite**: 10,000 `report-received` entries through the real `LogService` (made by
//!    `report_received`, queued with `Store::queue_log_entry`, integrated with
//!    `LogService::integrate` in batches of 1,000), then certificates from it.
//!
//! Also reports the process's peak resident memory (`VmHWM`) after each phase. Exits
//! non-zero on errors and when the roots differ.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod support;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use candor_core::days::Day;
use candor_log::certificate::Certificate;
use candor_log::checkpoint::Checkpoint;
use candor_log::entry::{Kind, Measure, Opening};
use candor_log::keys::generate_signer;
use candor_log::merkle::{Hash, MemoryLog};
use candor_log::note::{self, Cosigner, Note, Signer};
use candor_log::proof::TlogProof;
use candor_server::log_service::{CertificateState, LogService};
use sha2::{Digest, Sha256};
use support::{Result, cpu_model, load_average, median, mem_total_gib, percentile};

const DEFAULT_ENTRIES: u64 = 1_000_000;
/// Random indices for proofs, certificates and verifications.
const SAMPLES: usize = 1000;
const ORIGIN: &str = "bench.candor.example/log";
const BODY: &str = "National Whistleblower Authority";
/// Through the SQLite-backed service.
const SERVICE_ENTRIES: u64 = 10_000;
const SERVICE_BATCH: u64 = 1_000;
const SERVICE_CERTIFICATES: usize = 100;

fn main() {
    if let Err(err) = run() {
        eprintln!("log bench failed: {err}");
        std::process::exit(1);
    }
}

/// Deterministic pseudo-random numbers (xorshift64*), for the sample indices.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// `VmHWM` (peak resident set) of this process, in MiB.
fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

/// One row of the latency table: median and p99 in µs.
fn row(what: &str, samples: &[f64]) {
    println!(
        "| {what} | {:.1} | {:.1} | {} |",
        median(samples.to_vec()),
        percentile(samples, 99.0),
        samples.len()
    );
}

/// The opening of entry `i`: three in four are `report-received` (one to three
/// ciphertext hashes), the fourth a decision with a short reason.
fn opening(i: u64) -> Result<Opening> {
    let case = format!(
        "B{:04}-{:04}-{:04}",
        i / 100_000_000,
        (i / 10_000) % 10_000,
        i % 10_000
    );
    let day = format!("2026-{:02}-{:02}", 1 + (i / 28) % 12, 1 + i % 28);
    let opening = if i % 4 != 3 {
        let ciphertexts = (0..1 + i % 3)
            .map(|k| {
                let mut h = [0u8; 32];
                h[..8].copy_from_slice(&i.to_be_bytes());
                h[8] = k as u8;
                h
            })
            .collect();
        Opening::new(
            &case,
            Kind::ReportReceived,
            &day,
            BODY,
            None,
            ciphertexts,
            "",
        )?
    } else {
        let kind = Kind::DECISIONS[(i / 4) as usize % Kind::DECISIONS.len()];
        let measure = (kind == Kind::ProtectionGranted).then_some(Measure::ReprisalProtection);
        Opening::new(
            &case,
            kind,
            &day,
            BODY,
            measure,
            vec![],
            "The report concerns a breach of Union law and was made in good faith.",
        )?
    };
    Ok(opening)
}

/// RFC 6962 §2.1 `MTH` over leaf hashes: the largest power of two below `n` splits.
fn reference_root(leaves: &[[u8; 32]]) -> [u8; 32] {
    match leaves.len() {
        0 => Sha256::digest([]).into(),
        1 => leaves[0],
        n => {
            let k = 1usize << (usize::BITS - 1 - (n - 1).leading_zeros());
            let mut h = Sha256::new();
            h.update([1u8]);
            h.update(reference_root(&leaves[..k]));
            h.update(reference_root(&leaves[k..]));
            h.finalize().into()
        }
    }
}

fn run() -> Result<()> {
    let n: u64 = match std::env::var("CANDOR_LOG_BENCH_ENTRIES") {
        Ok(v) => v.parse()?,
        Err(_) => DEFAULT_ENTRIES,
    };
    if n == 0 {
        return Err("CANDOR_LOG_BENCH_ENTRIES must be at least 1".into());
    }
    println!("candor sealed status log bench: {n} entries");
    println!(
        "machine: {}, {} cores, {} GiB RAM; load average at start: {}",
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        mem_total_gib(),
        load_average(),
    );
    let log_key = Signer::from_seed(ORIGIN, &[1; 32])?;
    let body_key = Signer::from_seed("bench.candor.example/decisions", &[2; 32])?;
    let witness = Cosigner::from_seed("witness.bench.example", &[3; 32])?;

    // The indices certified later keep their openings; the others drop them.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let sample: Vec<u64> = (0..SAMPLES).map(|_| rng.below(n)).collect();
    let mut kept: HashMap<u64, String> = sample.iter().map(|&i| (i, String::new())).collect();

    // 1. Entries: openings and signed notes.
    let mut notes: Vec<String> = Vec::with_capacity(n as usize);
    let mut opening_time = Duration::ZERO;
    let mut signing_time = Duration::ZERO;
    let started = Instant::now();
    for i in 0..n {
        let t = Instant::now();
        let o = opening(i)?;
        let text = o.entry().to_text();
        let t2 = Instant::now();
        let signer = if o.kind.is_decision() {
            &body_key
        } else {
            &log_key
        };
        let mut signed = note::sign(&text, &[signer])?;
        signing_time += t2.elapsed();
        signed.shrink_to_fit();
        notes.push(signed);
        opening_time += t2 - t;
        if let Some(slot) = kept.get_mut(&i) {
            *slot = o.to_text();
        }
    }
    let entries_time = started.elapsed();
    let note_bytes: usize = notes.iter().map(String::len).sum();
    let rss_entries = peak_rss_mib();

    // 2. Append into the Merkle storage model.
    let mut log = MemoryLog::new();
    let started = Instant::now();
    for note in &notes {
        log.append(note.as_bytes())?;
    }
    let append_time = started.elapsed();
    let rss_append = peak_rss_mib();

    // 3. Root and signed, cosigned checkpoint.
    let started = Instant::now();
    let root = log.root()?;
    let root_time = started.elapsed();
    let root_samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            let r = log.root();
            let e = us(t.elapsed());
            std::hint::black_box(r).map(|_| e)
        })
        .collect::<std::result::Result<_, _>>()?;
    let started = Instant::now();
    let checkpoint = Checkpoint::new(ORIGIN, n, root)?;
    let mut signed = Note::parse(checkpoint.sign(&log_key)?.as_bytes())?;
    signed.add_signature(checkpoint.cosign(&witness, 1_767_225_600)?)?;
    let signed = signed.to_text();
    let checkpoint_time = started.elapsed();

    // 4. Proofs and certificates at random indices.
    let mut proof_samples = Vec::with_capacity(SAMPLES);
    let mut certificate_samples = Vec::with_capacity(SAMPLES);
    let mut certificates = Vec::with_capacity(SAMPLES);
    for &i in &sample {
        let t = Instant::now();
        let proof = TlogProof::for_record(i, &signed, &log, None)?;
        proof_samples.push(us(t.elapsed()));
        std::hint::black_box(&proof);
        let t = Instant::now();
        let proof = TlogProof::for_record(i, &signed, &log, None)?;
        let text = Certificate::new(&kept[&i], &notes[i as usize], &proof).to_text();
        certificate_samples.push(us(t.elapsed()));
        certificates.push((i, text));
    }
    let certificate_bytes: Vec<f64> = certificates.iter().map(|(_, c)| c.len() as f64).collect();

    // 5. Verification, offline, with the three public keys.
    let (log_vkey, body_vkey, witness_vkey) =
        (log_key.verifier(), body_key.verifier(), witness.verifier());
    let witnesses = [witness_vkey];
    let mut verify_samples = Vec::with_capacity(SAMPLES);
    for (i, text) in &certificates {
        let t = Instant::now();
        let verified =
            Certificate::parse(text.as_bytes())?.verify(&log_vkey, &body_vkey, &witnesses);
        verify_samples.push(us(t.elapsed()));
        let verified = verified.map_err(|e| format!("certificate {i} does not verify: {e}"))?;
        if verified.index != *i || verified.checkpoint_size != n {
            return Err(format!("certificate {i} verified as entry {}", verified.index).into());
        }
    }
    // A certificate with one flipped byte in its proof must not verify.
    let (i, text) = &certificates[0];
    let mut bad = text.clone().into_bytes();
    // The first character of the first hash of the inclusion proof.
    let index_line = text.find("\nindex ").ok_or("no index line")? + 1;
    let at = index_line + text[index_line..].find('\n').ok_or("no proof hash")? + 1;
    bad[at] = if bad[at] == b'A' { b'B' } else { b'A' };
    if Certificate::parse(&bad).is_ok_and(|c| c.verify(&log_vkey, &body_vkey, &witnesses).is_ok()) {
        return Err(format!("a corrupted certificate for entry {i} verified").into());
    }
    // For scale: one Ed25519 signature check (a certificate verification makes three).
    let entry = Note::parse(notes[0].as_bytes())?;
    let signature = entry.signatures()[0].signature().to_vec();
    let signature_samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            let r = log_vkey.verify(entry.text(), &signature);
            let e = us(t.elapsed());
            std::hint::black_box(r).map(|_| e)
        })
        .collect::<std::result::Result<_, _>>()?;
    let rss_certificates = peak_rss_mib();

    // 6. Reference: plain SHA-256 over the same leaves, RFC 6962 root.
    let started = Instant::now();
    let leaves: Vec<[u8; 32]> = notes
        .iter()
        .map(|note| {
            let mut h = Sha256::new();
            h.update([0u8]);
            h.update(note.as_bytes());
            h.finalize().into()
        })
        .collect();
    let reference_leaves_time = started.elapsed();
    let started = Instant::now();
    let reference = reference_root(&leaves);
    let reference_root_time = started.elapsed();
    let reference_time = reference_leaves_time + reference_root_time;
    if Hash(reference) != root {
        return Err(format!(
            "the log's root {root} differs from the reference root {}",
            Hash(reference)
        )
        .into());
    }
    drop(leaves);
    let rss_reference = peak_rss_mib();

    // 7. The SQLite-backed service, smaller.
    let service = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(service_bench())?;
    let rss_end = peak_rss_mib();
    let load_end = load_average();

    // Results.
    let per = |d: Duration| us(d) / n as f64;
    println!();
    println!(
        "Entries: {n}, {:.1} MiB of signed notes ({:.0} bytes each on average); log stored hashes: {} ({:.1} MiB)",
        note_bytes as f64 / 1048576.0,
        note_bytes as f64 / n as f64,
        log.hashes().len(),
        log.hashes().len() as f64 * 32.0 / 1048576.0
    );
    println!("root: {root} (reference: equal)");
    println!();
    println!("| step | total (s) | per entry (µs) |");
    println!("|---|---:|---:|");
    println!(
        "| make entries (opening + signed note) | {:.2} | {:.2} |",
        entries_time.as_secs_f64(),
        per(entries_time)
    );
    println!(
        "|   of which openings (salt, commitment, entry text) | {:.2} | {:.2} |",
        opening_time.as_secs_f64(),
        per(opening_time)
    );
    println!(
        "|   of which Ed25519 note signing (`note::sign`) | {:.2} | {:.2} |",
        signing_time.as_secs_f64(),
        per(signing_time)
    );
    println!(
        "| append to `MemoryLog` (leaf hash + stored hashes) | {:.3} | {:.3} |",
        append_time.as_secs_f64(),
        per(append_time)
    );
    println!(
        "| reference: SHA-256 leaf hashes | {:.3} | {:.3} |",
        reference_leaves_time.as_secs_f64(),
        per(reference_leaves_time)
    );
    println!(
        "| reference: RFC 6962 root from the leaf hashes (recursive) | {:.3} | {:.3} |",
        reference_root_time.as_secs_f64(),
        per(reference_root_time)
    );
    println!(
        "| reference total | {:.3} | {:.3} |",
        reference_time.as_secs_f64(),
        per(reference_time)
    );
    println!(
        "| ratio append / reference | {:.2} | |",
        append_time.as_secs_f64() / reference_time.as_secs_f64()
    );
    println!();
    println!("| at size {n} | median (µs) | p99 (µs) | runs |");
    println!("|---|---:|---:|---:|");
    row("root from stored hashes (`tree_hash`)", &root_samples);
    row("inclusion proof (`TlogProof::for_record`)", &proof_samples);
    row(
        "certificate (proof + `Certificate::new(..).to_text()`)",
        &certificate_samples,
    );
    row(
        "certificate verification (`parse` + `verify`, 1 witness)",
        &verify_samples,
    );
    row(
        "one Ed25519 signature check (`Verifier::verify`, an entry note)",
        &signature_samples,
    );
    println!();
    println!(
        "first root computation: {:.1} µs; signed + cosigned checkpoint: {:.1} µs",
        us(root_time),
        us(checkpoint_time)
    );
    println!(
        "certificate size: median {:.0} bytes, max {:.0}",
        median(certificate_bytes.clone()),
        percentile(&certificate_bytes, 100.0)
    );
    println!("a certificate with a corrupted proof hash was rejected");
    println!();
    println!("{service}");
    println!(
        "peak RSS (VmHWM, MiB): after entries {rss_entries:.0}, after append {rss_append:.0}, after certificates {rss_certificates:.0}, after reference {rss_reference:.0}, at end {rss_end:.0}"
    );
    println!("load average at end: {load_end}");
    Ok(())
}

/// Entries through the SQLite-backed `LogService`: returns the printed results.
async fn service_bench() -> Result<String> {
    let dir = tempfile::Builder::new()
        .prefix("candor-log-bench-")
        .tempdir()?;
    let db = dir.path().join("candor.db");
    let store = candor_store::open(
        &format!("sqlite://{}", db.display()),
        &dir.path().join("blobs"),
    )
    .await?;
    let body = generate_signer("bench.candor.example/decisions")?;
    let service = LogService::open(
        store.clone(),
        dir.path(),
        ORIGIN,
        Some(&body.verifier().to_vkey()),
        BODY,
    )
    .await?;
    let day = Day::from_ymd(2026, 12, 1).ok_or("bad day")?;
    let mut make = Duration::ZERO;
    let mut queue = Duration::ZERO;
    let mut integrate = Vec::new();
    let mut openings = Vec::new();
    for batch in 0..SERVICE_ENTRIES / SERVICE_BATCH {
        for k in 0..SERVICE_BATCH {
            let i = batch * SERVICE_BATCH + k;
            let t = Instant::now();
            let (opening, note) = service.report_received(
                &format!("S{i:06}"),
                (
                    vec![Sha256::digest(i.to_be_bytes()).into()],
                    vec![Sha256::digest((i + 1).to_be_bytes()).into()],
                ),
                candor_server::log_service::Arrived::Message(
                    candor_log::classification::Message::Report,
                ),
                day,
            )?;
            make += t.elapsed();
            let t = Instant::now();
            store.queue_log_entry(&note).await?;
            queue += t.elapsed();
            if i.is_multiple_of(SERVICE_ENTRIES / SERVICE_CERTIFICATES as u64) {
                openings.push(opening);
            }
        }
        let t = Instant::now();
        let size = service.integrate().await?;
        integrate.push(t.elapsed().as_secs_f64());
        if size != Some((batch + 1) * SERVICE_BATCH) {
            return Err(format!("integration returned size {size:?}").into());
        }
    }
    let log_key = note::Verifier::from_vkey(&service.vkey())?;
    let mut certificate = Vec::new();
    for opening in &openings {
        let t = Instant::now();
        let state = service.certificate(opening).await?;
        certificate.push(us(t.elapsed()));
        let CertificateState::Ready(text) = state else {
            return Err("an integrated entry has no certificate".into());
        };
        Certificate::parse(text.as_bytes())?
            .verify(&log_key, &body.verifier(), &[])
            .map_err(|e| format!("a service certificate does not verify: {e}"))?;
    }
    let db_bytes: u64 = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let per_entry = |d: Duration| us(d) / SERVICE_ENTRIES as f64;
    let integrate_total: f64 = integrate.iter().sum();
    Ok(format!(
        "SQLite `LogService`, {SERVICE_ENTRIES} report-received entries in batches of {SERVICE_BATCH}:\n\
         | step | total (s) | per entry (µs) |\n|---|---:|---:|\n\
         | `report_received` (opening + signed note) | {:.2} | {:.1} |\n\
         | `Store::queue_log_entry` (one durable INSERT each) | {:.2} | {:.1} |\n\
         | `LogService::integrate` (all batches) | {:.2} | {:.1} |\n\
         integration per batch of {SERVICE_BATCH} (s): first {:.3}, median {:.3}, last {:.3}\n\
         `LogService::certificate` at size {SERVICE_ENTRIES}: median {:.0} µs, p99 {:.0} µs ({} runs); all verify\n\
         database files: {:.1} MiB",
        make.as_secs_f64(),
        per_entry(make),
        queue.as_secs_f64(),
        per_entry(queue),
        integrate_total,
        integrate_total * 1e6 / SERVICE_ENTRIES as f64,
        integrate[0],
        median(integrate.clone()),
        integrate[integrate.len() - 1],
        median(certificate.clone()),
        percentile(&certificate, 99.0),
        certificate.len(),
        db_bytes as f64 / 1048576.0,
    ))
}
