//! Reporter intake through a real browser: headless Chromium with JavaScript off (as Tor
//! Browser at "Safest"), filling in and sending the real server's HTML forms.

use std::collections::BTreeSet;
use std::path::Path;

use candor_core::receipt::Receipt;
use candor_store::ItemKind;
use candor_testkit::browser::{Browser, NetworkRequest};
use candor_testkit::*;
use sha2::{Digest, Sha256};

/// The body's name in the test servers' configuration.
const BODY: &str = "Test Authority";

#[tokio::test(flavor = "multi_thread")]
async fn reporter_sends_a_message_and_files_through_the_form() {
    let server = TestServer::start();
    let browser = Browser::start().await;

    let docs = tempfile::tempdir().expect("a folder for the files to attach");
    let scan = bytes(300_000, 11);
    let notes = "Notes of the meeting on 3 March\nthe ledger was changed after the audit\n"
        .as_bytes()
        .to_vec();
    let scan_path = docs.path().join("scan 04.pdf");
    let notes_path = docs.path().join("Notizen März.txt");
    std::fs::write(&scan_path, &scan).expect("write the scan");
    std::fs::write(&notes_path, &notes).expect("write the notes");

    // The start page, as a reporter arrives.
    browser.goto(&format!("{}/", server.url)).await;
    assert_eq!(
        browser.title().await,
        format!("Report wrongdoing safely — {BODY}")
    );
    assert_eq!(
        browser.text("h1").await,
        format!("Report wrongdoing to {BODY}")
    );
    assert_eq!(
        texts(&browser, "main h2").await,
        [
            "What happens to your report",
            "Who can read it",
            "Your receipt code",
            "Stay safe"
        ]
    );
    assert_self_contained(&browser, &server.url).await;

    // Its call to action leads to the form.
    let start = browser.find("main a.button").await;
    assert_eq!(start.text().await, "Make a report");
    start.click_and_wait().await;
    assert_eq!(
        browser.current_url().await,
        format!("{}/submit", server.url)
    );
    assert_eq!(browser.title().await, format!("Make a report — {BODY}"));
    assert_eq!(browser.text("h1").await, "Make a report");
    assert_eq!(browser.text("label[for=message]").await, "Your message");
    assert_eq!(
        browser.text("label[for=files]").await,
        "Documents (optional)"
    );
    assert_self_contained(&browser, &server.url).await;

    // Type, attach, send.
    let message =
        "The director moved the funds on 3 March.\nÉté — ünïcödé ✓ \"quoted\" <b>no markup</b>";
    let textarea = browser.find("#message").await;
    textarea.type_text(message).await;
    assert_eq!(
        textarea.prop("value").await.as_deref(),
        Some(message),
        "the textarea's value"
    );
    browser
        .find("#files")
        .await
        .attach(&[&scan_path, &notes_path])
        .await;
    browser.click_and_wait("form button[type=submit]").await;

    // The receipt page.
    assert_eq!(
        browser.title().await,
        format!("Your report was received — {BODY}")
    );
    assert_eq!(browser.text("h1").await, "Your report was received");
    assert_eq!(
        browser.text("[role=status]").await,
        "Your report and 2 files were encrypted and stored safely."
    );
    let code = browser.text("#receipt").await;
    assert_eq!(code.split(' ').count(), 8, "receipt code {code:?}");
    Receipt::parse(&code).expect("the receipt shown is a valid code");
    assert_self_contained(&browser, &server.url).await;

    // The browser talked to the server only, and only for these.
    let requests = browser.assert_requests_only_to(&server.url).await;
    let failed: Vec<&NetworkRequest> = requests
        .iter()
        .filter(|r| r.error.is_some() || r.status.is_none())
        .collect();
    assert!(failed.is_empty(), "requests without an answer: {failed:?}");
    let seen: BTreeSet<(String, String)> = requests
        .iter()
        .map(|r| (r.method.clone(), r.path().to_string()))
        .collect();
    let mut expected: BTreeSet<(String, String)> = [
        ("GET", "/"),
        ("GET", "/static/candor.css"),
        ("GET", "/submit"),
        ("POST", "/submit"),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    // Chromium asks for a favicon by itself (the server answers 404); nothing else.
    expected.insert(("GET".into(), "/favicon.ico".into()));
    assert!(
        seen.is_subset(&expected),
        "unexpected requests: {:?}",
        seen.difference(&expected).collect::<Vec<_>>()
    );
    let post = last_post(&requests);
    assert_eq!(post.status, Some(200), "{post:?}");

    // What the server stored decrypts, with the stock `age` CLI, to what was sent.
    let store = server.store().await;
    let cases = store.cases().await.expect("cases");
    assert_eq!(cases.len(), 1);
    let messages = store.messages(cases[0].id).await.expect("messages");
    assert_eq!(messages.len(), 1);
    let items = &messages[0].items;
    assert_eq!(items.len(), 4, "a text, two files and the receipt record");
    assert_eq!(items[3].kind, ItemKind::Record);
    assert_eq!(items[0].kind, ItemKind::Text);
    let key = &server.reviewer.key_path;
    let text = age_decrypt(key, &store.read_blob(items[0].blob_id).await.expect("blob"));
    // HTML form submission sends a textarea's line breaks as CRLF: that is what the reporter's
    // browser sends, and what the server keeps.
    assert_eq!(
        String::from_utf8(text).expect("UTF-8"),
        message.replace('\n', "\r\n")
    );
    let attached = [
        ("scan 04.pdf", "application/pdf", &scan),
        ("Notizen März.txt", "text/plain", &notes),
    ];
    for (item, (name, content_type, content)) in items[1..].iter().zip(attached) {
        assert_eq!(item.kind, ItemKind::File, "{name}");
        let plain = age_decrypt(key, &store.read_blob(item.blob_id).await.expect("blob"));
        assert!(plain == *content, "{name}: decrypted bytes differ");
        let meta_blob = store
            .read_blob(item.meta_blob_id.expect("a file has a metadata item"))
            .await
            .expect("meta blob");
        let meta: serde_json::Value =
            serde_json::from_slice(&age_decrypt(key, &meta_blob)).expect("metadata is JSON");
        assert_eq!(meta["name"], name);
        assert_eq!(meta["type"], content_type, "{name}");
        assert_eq!(meta["size"], content.len() as u64, "{name}");
        assert_eq!(
            meta["sha256"],
            hex::encode(Sha256::digest(content)),
            "{name}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_report_shows_the_report_too_large_page() {
    let server = TestServer::start_with(Options {
        max_upload_bytes: 1024 * 1024,
        ..Default::default()
    });
    let browser = Browser::start().await;
    let docs = tempfile::tempdir().expect("a folder for the files to attach");

    // (a) 3 MiB: declared at most 64 MiB, so the server reads the whole body before it
    // answers 413; the browser shows the page.
    let medium = docs.path().join("medium.bin");
    std::fs::write(&medium, bytes(3 * 1024 * 1024, 21)).expect("write 3 MiB");
    let shown = send_file(&browser, &server, &medium).await;
    assert_report_too_large(&shown, "3 MiB");

    // (b) 100 MiB: the server answers 413 as soon as it has the headers and closes the
    // connection. Observed with Chromium 148 (and checked in its net log): it sends the
    // headers and about 16 KiB of the body, its next write fails (EPIPE,
    // net::ERR_CONNECTION_RESET), and it then reads the 413 answer that had already arrived
    // and shows that page, with no network error. (A sparse file: its bytes do not matter.)
    let large = docs.path().join("large.bin");
    std::fs::File::create(&large)
        .and_then(|f| f.set_len(100 * 1024 * 1024))
        .expect("make a 100 MiB file");
    let shown = send_file(&browser, &server, &large).await;
    assert_report_too_large(&shown, "100 MiB");

    let store = server.store().await;
    assert!(
        store.cases().await.expect("cases").is_empty(),
        "nothing may be stored"
    );
    browser.assert_requests_only_to(&server.url).await;
}

/// What the browser shows after a form was sent.
#[derive(Debug)]
struct Shown {
    url: String,
    title: String,
    h1: String,
    alert: String,
    post: NetworkRequest,
}

/// Opens the form, chooses `file`, sends it and reports what the browser then shows.
async fn send_file(browser: &Browser, server: &TestServer, file: &Path) -> Shown {
    browser.goto(&format!("{}/submit", server.url)).await;
    browser.find("#files").await.attach(&[file]).await;
    browser.click_and_wait("form button[type=submit]").await;
    // A browser error page has neither heading nor alert: read them without waiting.
    let first_text = async |css: &str| match browser.find_all(css).await.first() {
        Some(element) => element.text().await,
        None => String::new(),
    };
    Shown {
        url: browser.current_url().await,
        title: browser.title().await,
        h1: first_text("h1").await,
        alert: first_text("[role=alert]").await,
        post: last_post(&browser.network_requests().await).clone(),
    }
}

fn assert_report_too_large(shown: &Shown, what: &str) {
    assert_eq!(
        shown.title,
        format!("Report too large — {BODY}"),
        "{what}: {shown:#?}"
    );
    assert_eq!(shown.h1, "Report too large", "{what}: {shown:#?}");
    assert!(
        shown.alert.contains("larger than the limit of 1 MiB"),
        "{what}: {shown:#?}"
    );
    assert!(shown.url.ends_with("/submit"), "{what}: {shown:#?}");
    assert_eq!(shown.post.status, Some(413), "{what}: {shown:#?}");
    assert_eq!(shown.post.error, None, "{what}: {shown:#?}");
}

fn last_post(requests: &[NetworkRequest]) -> &NetworkRequest {
    requests
        .iter()
        .rev()
        .find(|r| r.method == "POST")
        .unwrap_or_else(|| panic!("the browser posted nothing: {requests:?}"))
}

/// The texts of every element matching `css`.
async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in browser.find_all(css).await {
        out.push(element.text().await);
    }
    out
}

/// The page has no script and refers to nothing outside `origin`.
async fn assert_self_contained(browser: &Browser, origin: &str) {
    let url = browser.current_url().await;
    assert!(
        browser.find_all("script, noscript").await.is_empty(),
        "{url} has a script or noscript element"
    );
    for (css, attribute) in [
        ("[href]", "href"),
        ("[src]", "src"),
        ("[action]", "action"),
        ("[srcset]", "srcset"),
    ] {
        for element in browser.find_all(css).await {
            let value = element.attr(attribute).await.unwrap_or_default();
            let local = (value.starts_with('/') && !value.starts_with("//"))
                || value.starts_with(&format!("{origin}/"));
            assert!(local, "{url}: {attribute}={value:?} is not on this server");
        }
    }
}
