//! Workstation at scale: a server with many cases (default 10,000, each a message and 3
//! files), and the workstation's fetch against it on loopback.
//!
//! Run with `cargo bench --bench fetch` (`BENCH_CASES=N` for another size). In one run:
//!
//! 1. Starts the release server, seeds `BENCH_CASES` reports straight into its database
//!    (each item really sealed with age to the bench reviewer: 300 bytes of text, three
//!    files of 4 KiB, each file with its sealed metadata).
//! 2. **First sync**: one `POST /api/v1/sync` with nothing known (the workstation's client,
//!    signed in beforehand), and its size.
//!    Then the workstation's inbox: its mirror synced from nothing and again with nothing
//!    changed, and one page of the inbox filtered, sorted and rendered.
//! 3. **Full fetch**: `candor review fetch` into a new folder (sign-in, sync, bulk
//!    downloads), with the bytes it wrote.
//! 4. **Incremental fetch** after 10 new reports, into the same folder.
//! 5. **Plain download**: one item of the same size as all the ciphertext of step 3, as
//!    one `GET /api/v1/items/{id}/content` on the same server: what the bytes alone cost.
//! 6. **Grant**: `candor review grant` (every item decrypted and re-encrypted for the
//!    current reviewers, one download and one upload per item), for `BENCH_GRANT_CASES`
//!    of the cases (default 1,000; they are seeded into a second server).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod support;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use candor_core::conversation::FileMeta;
use candor_core::days::Day;
use candor_core::seal;
use candor_store::{Author, CaseTarget, CommitPlan, ItemKind, NewItem, Store};
use futures_util::StreamExt;
use support::{BIN, Result, Server, cpu_model, keygen, mem_total_gib};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    if let Err(err) = runtime.block_on(run()) {
        eprintln!("fetch bench failed: {err}");
        std::process::exit(1);
    }
}

/// Seeds `cases` reports, sealed to `recipient` (with one file of `big` bytes each instead
/// of three small ones, if given); returns the ciphertext bytes written and the cases' ids.
async fn seed(
    store: &dyn Store,
    recipient: &age::x25519::Recipient,
    cases: usize,
    big: Option<usize>,
) -> Result<(u64, Vec<i64>)> {
    let reporter = age::x25519::Identity::generate().to_public();
    let recipients = vec![recipient.clone(), reporter.clone()];
    let mut total = 0u64;
    let mut ids = Vec::with_capacity(cases);
    for c in 0..cases {
        let mut upload = store.begin_upload()?;
        let mut items = Vec::new();
        let mut blob = |upload: &mut Box<dyn candor_store::Upload>, plain: &[u8]| {
            let sealed = seal::seal_bytes(&recipients, plain).expect("seal");
            total += sealed.len() as u64;
            let b = upload.new_blob();
            (b, sealed)
        };
        let (text, sealed) = blob(&mut upload, &vec![b'x'; 300]);
        upload.append(text, &sealed).await?;
        upload.finish_blob(text).await?;
        items.push(NewItem {
            kind: ItemKind::Text,
            blob: text,
            meta: None,
        });
        let files: Vec<Vec<u8>> = match big {
            Some(size) => vec![vec![7u8; size]],
            None => (0..3).map(|f| vec![(c + f) as u8; 4096]).collect(),
        };
        for (f, plain) in files.iter().enumerate() {
            let (content, sealed) = blob(&mut upload, plain);
            upload.append(content, &sealed).await?;
            upload.finish_blob(content).await?;
            let meta = FileMeta::new(
                &format!("file-{f}.pdf"),
                "application/pdf",
                plain.len() as u64,
                [0; 32],
            );
            let (meta_blob, sealed) = blob(&mut upload, &meta.to_json());
            upload.append(meta_blob, &sealed).await?;
            upload.finish_blob(meta_blob).await?;
            items.push(NewItem {
                kind: ItemKind::File,
                blob: content,
                meta: Some(meta_blob),
            });
        }
        let mut lookup_key = [0u8; 32];
        getrandom::fill(&mut lookup_key)?;
        let committed = upload
            .commit(CommitPlan {
                case: CaseTarget::New {
                    reference: candor_store::new_reference()?,
                    lookup_key,
                    reporter_recipient: reporter.to_string(),
                    holder_key: None,
                },
                author: Author::Reporter,
                day: Day::today(),
                items,
                log_entry: None,
                audit: None,
            })
            .await?;
        ids.push(committed.case_id);
    }
    Ok((total, ids))
}

fn candor(args: &[&str]) -> Result<(Duration, String)> {
    let start = Instant::now();
    let out = Command::new(BIN).args(args).output()?;
    let took = start.elapsed();
    if !out.status.success() {
        return Err(format!("candor {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok((took, String::from_utf8_lossy(&out.stdout).into_owned()))
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

async fn run() -> Result<()> {
    let cases = env_number("BENCH_CASES", 10_000);
    let grant_cases = env_number("BENCH_GRANT_CASES", 1_000);
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    let recipient_text = keygen(root)?;
    let recipient: age::x25519::Recipient =
        recipient_text.parse().map_err(|e: &str| e.to_string())?;
    let key = root.join("bench.key");
    let key_arg = key.to_str().ok_or("path")?.to_string();
    println!("machine: {}, {} GiB", cpu_model(), mem_total_gib());

    let server_root = root.join("server");
    let server = Server::start(&server_root, &recipient_text, "")?;
    let store = candor_store::open_beside_server(
        &server_root.join("data/candor.db"),
        &server_root.join("data/blobs"),
    )
    .await?;
    let started = Instant::now();
    let (seeded, _) = seed(&*store, &recipient, cases, None).await?;
    println!(
        "seeded {cases} cases (4 items each, {seeded} bytes of ciphertext) in {}",
        secs(started.elapsed())
    );

    // First sync of metadata, with the workstation's client.
    let (name, identities) = candor_workstation::load_identity(&key, None)?;
    let trust = Arc::new(candor_workstation::trust::TrustStore::open(
        &root.join("trust"),
    )?);
    let client = candor_workstation::Client::new(&server.url, &name, identities, None, trust)?;
    client.sign_in().await?;
    let started = Instant::now();
    let sync = client.sync(&Default::default()).await?;
    let sync_time = started.elapsed();
    let sync_bytes = serde_json::to_vec(&sync)?.len();
    println!(
        "first sync: {} for {} cases ({} bytes of JSON)",
        secs(sync_time),
        sync.buckets.iter().map(|b| b.cases.len()).sum::<usize>(),
        sync_bytes
    );

    // The workstation's inbox: its mirror synced (once from nothing, then again with
    // nothing changed), then a page of the inbox filtered, sorted and rendered.
    let mirror = candor_workstation::mirror::Mirror::new();
    let started = Instant::now();
    mirror.sync(&client).await?;
    let mirror_first = started.elapsed();
    let started = Instant::now();
    let changed = mirror.sync(&client).await?;
    let mirror_again = started.elapsed();
    let started = Instant::now();
    let today = Day::today();
    let mut summaries = mirror.summaries();
    let all = summaries.len();
    let filter = candor_workstation::pages::InboxFilter {
        status: Some("received".into()),
        ..Default::default()
    };
    summaries.retain(|c| filter.keeps(c, today));
    candor_workstation::pages::sort_by_due(&mut summaries, today);
    let page = candor_workstation::pages::inbox(&candor_workstation::pages::InboxView {
        body_name: "bench",
        reviewer: &name,
        cases: &summaries,
        all,
        filter: &filter,
        page: 2,
        today,
        flash: None,
    })
    .into_string();
    println!(
        "inbox: mirror synced in {} from nothing, {} again ({changed} changed); a filtered page of {all} cases rendered in {} ({} bytes)",
        secs(mirror_first),
        secs(mirror_again),
        secs(started.elapsed()),
        page.len()
    );

    // Full fetch, then incremental.
    let bundle = root.join("bundle");
    let bundle_arg = bundle.to_str().ok_or("path")?.to_string();
    let state = root.join("state");
    let state_arg = state.to_str().ok_or("path")?.to_string();
    let fetch = || {
        candor(&[
            "review",
            "fetch",
            "--server",
            &server.url,
            "--identity",
            &key_arg,
            "--state-dir",
            &state_arg,
            "--out",
            &bundle_arg,
        ])
    };
    let (full, stdout) = fetch()?;
    println!("full fetch: {}: {}", secs(full), stdout.trim());
    seed(&*store, &recipient, 10, None).await?;
    let (incremental, stdout) = fetch()?;
    println!(
        "incremental fetch after 10 new cases: {}: {}",
        secs(incremental),
        stdout.trim()
    );

    // The same bytes as one plain download.
    let (_, big) = seed(&*store, &recipient, 1, Some(seeded as usize)).await?;
    let big_item = store
        .messages(big[0])
        .await?
        .into_iter()
        .flat_map(|m| m.items)
        .max_by_key(|i| i.blob_size)
        .ok_or("the big item")?;
    let started = Instant::now();
    let mut stream = Box::pin(client.item_ciphertext(big_item.id).await?);
    let mut got = 0u64;
    while let Some(chunk) = stream.next().await {
        got += chunk?.len() as u64;
    }
    let plain = started.elapsed();
    println!(
        "plain download of {got} bytes in one request: {}",
        secs(plain)
    );

    // Grant on a second server with fewer cases.
    drop(store);
    let grant_root = root.join("grant-server");
    let grant_server = Server::start(&grant_root, &recipient_text, "")?;
    let grant_store = candor_store::open_beside_server(
        &grant_root.join("data/candor.db"),
        &grant_root.join("data/blobs"),
    )
    .await?;
    seed(&*grant_store, &recipient, grant_cases, None).await?;
    let grant_state = root.join("grant-state");
    let grant_state_arg = grant_state.to_str().ok_or("path")?.to_string();
    candor(&[
        "review",
        "trust",
        "--server",
        &grant_server.url,
        "--identity",
        &key_arg,
        "--state-dir",
        &grant_state_arg,
    ])?;
    let (grant, stdout) = candor(&[
        "review",
        "grant",
        "--server",
        &grant_server.url,
        "--identity",
        &key_arg,
        "--state-dir",
        &grant_state_arg,
    ])?;
    println!(
        "grant of {grant_cases} cases ({} items): {}: {}",
        grant_cases * 4,
        secs(grant),
        stdout.trim()
    );
    let _ = std::fs::remove_dir_all(Path::new(&bundle));
    Ok(())
}
