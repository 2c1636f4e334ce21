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
