//! The workstation at scale: a full fetch of many cases costs a handful of round trips,
//! not one per case or file, and a later fetch moves only what changed. A proxy holds
//! every chunk the workstation sends for 100 ms, as Tor would, and counts them.

use std::time::Duration;

use candor_testkit::scale::{DelayProxy, seed_cases};
use candor_testkit::*;

async fn fetch_through(proxy: &DelayProxy, server: &TestServer, out: &std::path::Path) -> String {
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let (ok, stdout, stderr) = run_candor_async(&[
        "review",
        "fetch",
        "--server",
        &proxy.url,
        "--identity",
        &key,
        "--state-dir",
        out.with_extension("state").to_str().expect("utf8"),
        "--out",
        out.to_str().expect("utf8"),
    ])
    .await;
    assert!(ok, "{stderr}");
    stdout
}

async fn measured_fetch(cases: usize) -> (usize, String) {
    let server = TestServer::start();
    seed_cases(&server, cases, 3, 2_000).await;
    let proxy = DelayProxy::start(
        server.authority().parse().expect("address"),
        Duration::from_millis(100),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let stdout = fetch_through(&proxy, &server, &dir.path().join("bundle")).await;
    assert!(
        stdout.contains(&format!("Fetched {cases} cases, {} items", cases * 4)),
        "{stdout}"
    );
    (proxy.chunks(), stdout)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_fetch_costs_a_handful_of_round_trips_whatever_the_number_of_cases() {
    let (small, _) = measured_fetch(30).await;
    let (large, stdout) = measured_fetch(300).await;
    eprintln!("chunks sent by the workstation: 30 cases {small}, 300 cases {large}");
    // 300 cases with 900 files: 2,100 ciphertexts, two bulk requests instead of one.
    assert!(stdout.contains("2100 ciphertexts downloaded"), "{stdout}");
    assert!(
        large <= small + 4,
        "30 cases: {small} chunks, 300 cases: {large}"
    );
    assert!(large <= 20, "{large}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_fetch_moves_only_what_changed_and_repairs_what_is_damaged() {
    let server = TestServer::start();
    seed_cases(&server, 40, 3, 2_000).await;
    let proxy = DelayProxy::start(
        server.authority().parse().expect("address"),
        Duration::from_millis(100),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let bundle = dir.path().join("bundle");
    let first = fetch_through(&proxy, &server, &bundle).await;
    assert!(
        first.contains("40 cases new or changed, 280 ciphertexts downloaded"),
        "{first}"
    );

    // Nothing new: one sync, no ciphertext.
    let before = proxy.chunks();
    let again = fetch_through(&proxy, &server, &bundle).await;
    assert!(
        again.contains("0 cases new or changed, 0 ciphertexts downloaded"),
        "{again}"
    );
    let unchanged = proxy.chunks() - before;

    // Ten new reports: only they come.
    seed_cases(&server, 10, 3, 2_000).await;
    let before = proxy.chunks();
    let third = fetch_through(&proxy, &server, &bundle).await;
    assert!(
        third.contains("Fetched 50 cases, 200 items")
            && third.contains("10 cases new or changed, 70 ciphertexts downloaded"),
        "{third}"
    );
    let incremental = proxy.chunks() - before;
    eprintln!("chunks: unchanged {unchanged}, 10 new cases {incremental}");
    assert!(
        incremental <= unchanged + 2,
        "{unchanged} then {incremental}"
    );

    // A damaged or missing ciphertext is fetched again; nothing else is.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("manifest.json")).expect("m"))
            .expect("json");
    let first_file = manifest["cases"][0]["files"][1]["content"]
        .as_str()
        .expect("path")
        .to_string();
    std::fs::write(bundle.join(&first_file), b"damaged").expect("write");
    // Its case's digest is forgotten, as after an interrupted fetch.
    let mut edited = manifest.clone();
    edited["cases"][0]["digest"] = serde_json::Value::Null;
    std::fs::write(
        bundle.join("manifest.json"),
        serde_json::to_vec(&edited).expect("json"),
    )
    .expect("write");
    let fourth = fetch_through(&proxy, &server, &bundle).await;
    assert!(
        fourth.contains("1 cases new or changed, 1 ciphertexts downloaded"),
        "{fourth}"
    );
    assert!(std::fs::read(bundle.join(&first_file)).expect("read") != b"damaged");
    let manifest_before = std::fs::read(bundle.join("manifest.json")).expect("manifest");

    // A bundle of another server is not overwritten.
    let other = TestServer::start();
    let key = other.reviewer.key_path.to_str().expect("utf8").to_string();
    let (ok, _, stderr) = run_candor_async(&[
        "review",
        "fetch",
        "--server",
        &other.url,
        "--identity",
        &key,
        "--out",
        bundle.to_str().expect("utf8"),
    ])
    .await;
    assert!(
        !ok && stderr.contains("fetch into a new folder"),
        "{stderr}"
    );
    assert_eq!(
        manifest_before,
        std::fs::read(bundle.join("manifest.json")).expect("m")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_server_cannot_slip_anything_into_a_bundle() {
    use std::sync::{Arc, Mutex};
    let server = TestServer::start();
    seed_cases(&server, 3, 2, 1_000).await;
    let mode = Arc::new(Mutex::new("honest"));
    let chosen = Arc::clone(&mode);
    let hostile = hostile::HostileServer::start(
        &server.url,
        Arc::new(move |path: &str, mut body: Vec<u8>| {
            let mode = *chosen.lock().expect("lock");
            match (mode, path) {
                ("flip", "/api/v1/items/bulk") => {
                    if let Some(last) = body.last_mut() {
                        *last ^= 1;
                    }
                    body
                }
                ("truncate", "/api/v1/items/bulk") => {
                    body.truncate(body.len() / 2);
                    body
                }
                ("other-item", "/api/v1/items/bulk") => {
                    let text = String::from_utf8_lossy(&body).replacen("{\"id\":", "{\"id\":1", 1);
                    text.into_bytes()
                }
                ("huge", "/api/v1/items/bulk") => {
                    let mut out =
                        b"{\"id\":1,\"part\":\"content\",\"size\":99999999999}".repeat(20);
                    out.extend(body);
                    out
                }
                ("status", "/api/v1/sync") => String::from_utf8_lossy(&body)
                    .replace("\"status\":\"received\"", "\"status\":\"closed\"")
                    .into_bytes(),
                _ => body,
            }
        }),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let bundle = dir.path().join("bundle");
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let fetch = || {
        let (url, key, out) = (hostile.url.clone(), key.clone(), bundle.clone());
        async move {
            run_candor_async(&[
                "review",
                "fetch",
                "--server",
                &url,
                "--identity",
                &key,
                "--out",
                out.to_str().expect("utf8"),
            ])
            .await
        }
    };
    let (ok, _, stderr) = fetch().await;
    assert!(ok, "{stderr}");
    let manifest = std::fs::read(bundle.join("manifest.json")).expect("manifest");
    seed_cases(&server, 1, 2, 1_000).await;
    for (name, expected) in [
        ("flip", "arrived damaged (SHA-256 mismatch)"),
        ("truncate", "the server's bulk answer"),
        ("other-item", "sent something else than item"),
        ("huge", "the server's bulk answer"),
        ("status", "does not match its digest"),
    ] {
        *mode.lock().expect("lock") = name;
        let (ok, _, stderr) = fetch().await;
        assert!(!ok, "{name} was accepted");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert_eq!(
            stderr.trim().lines().count(),
            1,
            "{name}: one sentence: {stderr}"
        );
        assert_eq!(
            std::fs::read(bundle.join("manifest.json")).expect("manifest"),
            manifest,
            "{name}: the bundle is as it was"
        );
    }
    *mode.lock().expect("lock") = "honest";
    let (ok, stdout, stderr) = fetch().await;
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("Fetched 4 cases") && stdout.contains("1 cases new or changed"),
        "{stdout}"
    );
}

/// What one page of the workstation costs: the chunks it sends to the server through the
/// delaying proxy.
async fn page_cost(ws: &WorkstationProcess, proxy: &DelayProxy, path: &str) -> (usize, String) {
    let before = proxy.chunks();
    let (status, page) = ws.get(path).await;
    assert_eq!(status, 200, "{path}: {page}");
    (proxy.chunks() - before, page)
}

/// The inbox and a case page through a delaying proxy: the inbox of 300 cases costs what
/// that of 30 does; a case of 30 files costs what a case of 3 does, at most two requests
/// after each other; opening it again costs one request; the inbox pages and filters.
#[tokio::test(flavor = "multi_thread")]
async fn workstation_pages_cost_the_same_whatever_the_number_of_cases_and_files() {
    let mut inbox_costs = Vec::new();
    for cases in [30, 300] {
        let server = TestServer::start();
        seed_cases(&server, cases, 3, 2_000).await;
        seed_cases(&server, 1, 30, 2_000).await;
        let proxy = DelayProxy::start(
            server.authority().parse().expect("address"),
            Duration::from_millis(100),
        )
        .await;
        let ws = WorkstationProcess::start_at(&proxy.url, &server.reviewer.key_path, &[]).await;
        let (first, _) = page_cost(&ws, &proxy, "/").await;
        let (again, page) = page_cost(&ws, &proxy, "/").await;
        inbox_costs.push((first, again));
        if cases < 300 {
            continue;
        }
        // Paging and filters, on what the one sync brought.
        assert!(
            page.contains("301 cases") && page.contains("1–100 shown"),
            "{page}"
        );
        assert!(page.contains("Page 1 of 4"), "{page}");
        let (_, last) = page_cost(&ws, &proxy, "/?page=4").await;
        assert!(
            last.contains("301–301 shown") && last.contains("Previous"),
            "{last}"
        );
        let (_, none) = page_cost(&ws, &proxy, "/?status=closed").await;
        assert!(none.contains("No case matches, of 301"), "{none}");
        let store = server.store().await;
        let cases = store.cases().await.expect("cases");
        let one = &cases[7].reference;
        let (_, found) = page_cost(&ws, &proxy, &format!("/?q={}", &one[2..9])).await;
        assert!(
            found.contains(one.as_str()) && found.contains("of 301 cases match"),
            "{found}"
        );
        let (_, unread) = page_cost(&ws, &proxy, "/?unread=1&status=received").await;
        assert!(unread.contains("301 of 301 cases match"), "{unread}");

        // A case page: the case and one bulk request, whatever the number of its files.
        let mut per_case = Vec::new();
        for case in &cases {
            let files = store.messages(case.id).await.expect("messages")[0]
                .items
                .len()
                - 1;
            if per_case.iter().any(|(f, _, _)| *f == files) {
                continue;
            }
            let path = format!("/cases/{}", case.reference);
            let (first, _) = page_cost(&ws, &proxy, &path).await;
            let (again, _) = page_cost(&ws, &proxy, &path).await;
            per_case.push((files, first, again));
        }
        eprintln!("case pages (files, first view, again): {per_case:?}");
        assert_eq!(per_case.len(), 2);
        let (three, thirty) = (
            per_case.iter().find(|c| c.0 == 3),
            per_case.iter().find(|c| c.0 == 30),
        );
        let (three, thirty) = (three.expect("3 files"), thirty.expect("30 files"));
        assert!(thirty.1 <= three.1, "{per_case:?}");
        // The case, then one bulk request (a request is one or two chunks).
        assert!(three.1 <= 4, "{per_case:?}");
        // Again: the case only; everything else is in the mirror.
        assert!(three.2 <= 1 && thirty.2 <= 1, "{per_case:?}");
        // The inbox still reads the cases' unread counts: the two cases read are read.
        let (_, unread) = page_cost(&ws, &proxy, "/?unread=1").await;
        assert!(unread.contains("299 of 301 cases match"), "{unread}");
    }
    eprintln!("inbox (first view, again) for 30 and 300 cases: {inbox_costs:?}");
    let (small, large) = (inbox_costs[0], inbox_costs[1]);
    assert!(
        large.0 <= small.0 + 1 && large.1 <= small.1 + 1,
        "{inbox_costs:?}"
    );
    assert!(large.1 <= 5, "{inbox_costs:?}");
}

/// A large file whose download breaks off resumes where it stopped: the next fetch asks
/// for the rest only (`Range: bytes=N-`), and the bundle holds the whole, checked file.
#[tokio::test(flavor = "multi_thread")]
async fn a_large_file_resumes_where_its_download_stopped() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let server = TestServer::start();
    let size = 20 * 1024 * 1024;
    seed_cases(&server, 1, 1, size).await;
    let cut = Arc::new(AtomicBool::new(true));
    let cutting = Arc::clone(&cut);
    let hostile = hostile::HostileServer::start(
        &server.url,
        Arc::new(move |path: &str, mut body: Vec<u8>| {
            if cutting.load(Ordering::SeqCst) && path.ends_with("/content") {
                body.truncate(size * 3 / 4);
            }
            body
        }),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let bundle = dir.path().join("bundle");
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let fetch = || {
        let (url, key, out) = (hostile.url.clone(), key.clone(), bundle.clone());
        async move {
            run_candor_async(&[
                "review",
                "fetch",
                "--server",
                &url,
                "--identity",
                &key,
                "--out",
                out.to_str().expect("utf8"),
            ])
            .await
        }
    };
    let (ok, _, stderr) = fetch().await;
    assert!(!ok, "a cut download was accepted");
    assert!(stderr.contains("fetch again to resume it"), "{stderr}");
    let partial: Vec<_> = walk(&bundle)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "partial"))
        .collect();
    assert_eq!(partial.len(), 1, "{partial:?}");
    let kept = std::fs::metadata(&partial[0]).expect("partial").len();
    assert_eq!(kept, (size * 3 / 4) as u64);

    cut.store(false, Ordering::SeqCst);
    let (ok, stdout, stderr) = fetch().await;
    assert!(ok, "{stderr}");
    // Only the rest of the large file came, and the small ones.
    let downloaded: u64 = stdout
        .split(" ciphertexts downloaded (")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("bytes in the summary");
    assert!(
        downloaded < (size / 4 + 10_000) as u64,
        "{downloaded} bytes for the rest of {size}: {stdout}"
    );
    let store = server.store().await;
    let case = &store.cases().await.expect("cases")[0];
    let item = store.messages(case.id).await.expect("messages")[0].items[1].clone();
    let whole: Vec<u8> = walk(&bundle)
        .into_iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() == size as u64))
        .map(|p| std::fs::read(p).expect("read"))
        .next()
        .expect("the whole file");
    use sha2::Digest;
    assert_eq!(sha2::Sha256::digest(&whole).to_vec(), item.blob_sha256);

    // The API itself: the rest from any byte, 416 past the end, 400 for other ranges.
    let token = crate::workstation::api_sign_in(&server, "alice", &server.reviewer.key_path)
        .await
        .expect("sign in");
    let get = |range: &'static str| {
        let url = format!("{}/api/v1/items/{}/content", server.url, item.id);
        let request = server
            .manual_client()
            .get(url)
            .header("authorization", format!("Bearer {token}"))
            .header("range", range);
        async move {
            let r = request.send().await.expect("get");
            let status = r.status().as_u16();
            let range = r
                .headers()
                .get("content-range")
                .map(|v| v.to_str().expect("ascii").to_string());
            (status, range, r.bytes().await.expect("body").to_vec())
        }
    };
    let (status, range, body) = get("bytes=1048570-").await;
    assert_eq!(status, 206);
    assert_eq!(
        range.as_deref(),
        Some(format!("bytes 1048570-{}/{size}", size - 1).as_str())
    );
    assert_eq!(body, whole[1_048_570..]);
    let past = get("bytes=99999999-").await;
    assert_eq!(
        (past.0, past.1.as_deref()),
        (416, Some(format!("bytes */{size}").as_str()))
    );
    for bad in ["bytes=0-10", "bytes=-5", "items=3-", "bytes=1-,5-"] {
        assert_eq!(get(bad).await.0, 400, "{bad}");
    }
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// `review grant` through the delaying proxy: two round trips per batch (one bulk
/// download, one upload of everything re-encrypted), so four times the items cost no more
/// round trips; every item is re-encrypted.
#[tokio::test(flavor = "multi_thread")]
async fn a_grant_costs_a_few_round_trips_whatever_the_number_of_items() {
    use candor_testkit::scale::seed_sealed_cases;
    let mut costs = Vec::new();
    for cases in [10, 40] {
        let server = TestServer::start();
        seed_sealed_cases(&server, cases, 2, 3_000).await;
        let proxy = DelayProxy::start(
            server.authority().parse().expect("address"),
            Duration::from_millis(100),
        )
        .await;
        let state = tempfile::tempdir().expect("tempdir");
        let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
        let connection = [
            "--server",
            proxy.url.as_str(),
            "--identity",
            key.as_str(),
            "--state-dir",
            state.path().to_str().expect("utf8"),
        ];
        let (ok, _, stderr) =
            run_candor_async(&[&["review", "trust"][..], &connection[..]].concat()).await;
        assert!(ok, "{stderr}");
        let before = proxy.round_trips();
        let (ok, stdout, stderr) =
            run_candor_async(&[&["review", "grant"][..], &connection[..]].concat()).await;
        assert!(ok, "{stderr}");
        assert!(
            stdout.contains(&format!("Re-encrypted {} items", cases * 3)),
            "{stdout}"
        );
        costs.push(proxy.round_trips() - before);
        // Everything still opens, and the server's audit has one entry per item.
        let store = server.store().await;
        let audit = store.audit_entries(None, 1000).await.expect("audit");
        assert_eq!(
            audit
                .iter()
                .filter(|a| a.action == "re-encrypted item")
                .count(),
            cases * 3
        );
    }
    eprintln!("grant round trips for 30 and 120 items: {costs:?}");
    assert!(costs[1] <= costs[0], "{costs:?}");
    assert!(costs[0] <= 8, "{costs:?}");
}
