//! Identity statements: what sealing one costs the server, per submission, for the
//! custodian configurations a body may choose (`[identity] threshold` of `n` custodians;
//! one nested age copy per ordered choice, at most 256 copies), with the longest statement
//! (4 KiB). Also a custodian's peel and the requester's last layer.
//!
//! Run with `cargo bench --bench identity`. Reports the median of 5 seals per
//! configuration, the bundle's size, and the age encryptions it took (copies × layers):
//! every submission with an identity statement pays this once, off the runtime's threads
//! (`spawn_blocking`), at most `MAX_UPLOADS_IN_FLIGHT` at a time.
#![allow(clippy::unwrap_used, clippy::expect_used)] // bench code: a panic is a failed run

use std::time::Instant;

use age::x25519::Identity;
use candor_core::identity::{Bundle, Custodians, MAX_STATEMENT_BYTES, copies_needed};

mod support;

const RUNS: usize = 5;

fn main() {
    println!(
        "candor identity bench: machine {}, {} cores; a {MAX_STATEMENT_BYTES}-byte statement\n",
        support::cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
    println!(
        "| custodians | threshold | copies | age encryptions | seal (ms, median of {RUNS}) | bundle (KiB) | peel (ms) | last layer (ms) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    let statement = "x".repeat(MAX_STATEMENT_BYTES);
    for (n, k) in [(3, 2), (5, 2), (5, 3), (6, 3), (16, 2), (4, 4)] {
        let keys: Vec<(String, Identity)> = (0..n)
            .map(|i| (format!("c{i}"), Identity::generate()))
            .collect();
        let members = keys
            .iter()
            .map(|(name, id)| (name.clone(), id.to_public()))
            .collect();
        let custodians = Custodians::new(k, members).expect("custodians");
        let copies = copies_needed(n, k).expect("copies");
        let mut times = Vec::new();
        let mut bundle = String::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            bundle = custodians.seal(&statement).expect("seal");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let parsed = Bundle::parse(bundle.as_bytes()).expect("parse");
        let sha = <sha2::Sha256 as sha2::Digest>::digest(bundle.as_bytes()).into();
        // c1 approves a request by c0 (for k = 2, that leaves c0 one layer).
        let t = Instant::now();
        let peeled = Bundle::peel(
            std::slice::from_ref(&parsed),
            sha,
            "c1",
            "c0",
            &[keys[1].1.clone()],
        )
        .expect("peel");
        let peel_ms = t.elapsed().as_secs_f64() * 1000.0;
        let last = if k == 2 {
            let sources = [parsed, peeled.expect("a peeled bundle")];
            let t = Instant::now();
            Bundle::open_last_layer(&sources, "c0", &[keys[0].1.clone()]).expect("open");
            format!("{:.1}", t.elapsed().as_secs_f64() * 1000.0)
        } else {
            "—".to_string()
        };
        println!(
            "| {n} | {k} | {copies} | {} | {:.1} | {:.0} | {peel_ms:.1} | {last} |",
            copies * k,
            support::median(times),
            bundle.len() as f64 / 1024.0,
        );
    }
    println!("\nload average at the end: {}", support::load_average());
}
