//! Certificates bound to their holder: bound to the holder key the receipt code derives,
//! presented for a verifier's challenge, and downloaded without their reasons; every check
//! offline, with `candor verify`. (Issued to a name: see `identity`, where the reporter
//! agrees to it after a disclosure.)

use candor_core::receipt::{Receipt, derive};
use candor_testkit::*;

/// The certificates' addresses on a reporter's case page, decisions first.
pub fn certificate_ids(page: &str) -> Vec<String> {
    page.split("href=\"/case/certificates/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|id| id.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// A reporter's download (a certificate), once its entry is in the log.
pub async fn download(server: &TestServer, cookie: &str, path: &str) -> String {
    for _ in 0..100 {
        let (status, text) = get_with_cookie(server, path, cookie).await;
        if status == 200 {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("{path} never became ready");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bound_certificate_names_its_holder_and_is_presented_for_a_challenge() {
    let setup = crate::log::start(None);
    let server = &setup.server;
    let code = crate::log::report(server, "The tender was rigged.").await;
    let other_code = crate::log::report(server, "Another report.").await;
    let store = server.store().await;
    let reference = {
        let install = store.install().await.expect("install");
        let derived = derive(
            &Receipt::parse(&code).expect("code"),
            &install.receipt_salt,
            install.kdf,
        )
        .expect("derive");
        store
            .case_by_lookup(&derived.lookup_key[..])
            .await
            .expect("lookup")
            .expect("case")
            .reference
    };

    // The body recognizes the status. A reviewer cannot issue it to a name of their own
    // choosing: only to words the reporter agreed to, after a disclosure (none here).
    let ws = WorkstationProcess::start_at(
        &server.url,
        &server.reviewer.key_path,
        &["--decision-key", setup.decision_key.to_str().expect("utf8")],
    )
    .await;
    let (_, page) = ws.get(&format!("/cases/{reference}")).await;
    assert!(
        page.contains("Issued to nobody: the reporter has not agreed"),
        "{page}"
    );
    let csrf = csrf_from(&page).expect("csrf");
    let decide = async |issued_to: Option<&str>| {
        let mut form = vec![
            ("csrf", csrf.as_str()),
            ("kind", "status-recognized"),
            ("measure", "none"),
            ("sector", "public"),
            ("area", "bribery"),
            (
                "reasons",
                "The reporter disclosed bribery; reprisal is documented.",
            ),
        ];
        form.extend(issued_to.map(|i| ("issued_to", i)));
        let r = ws
            .post_form(&format!("/cases/{reference}/decisions"), &form)
            .await;
        let status = r.status().as_u16();
        (status, r.text().await.expect("page"))
    };
    let (status, refusal) = decide(Some("Jane Roe, born 1980-02-03")).await;
    assert_eq!(status, 409, "{refusal}");
    assert!(refusal.contains("Nothing was recorded"), "{refusal}");
    let (status, refusal) = decide(Some("1")).await;
    assert_eq!(status, 409, "{refusal}");
    let (status, _) = decide(None).await;
    assert_eq!(status, 303);

    // The reporter downloads the certificate, with and without the reasons, and a
    // presentation for a verifier's challenge.
    let (_, cookie, _) = sign_in(server, &code).await;
    let cookie = cookie_pair(&cookie.expect("cookie"));
    let (_, case_page) = get_with_cookie(server, "/case", &cookie).await;
    let id = certificate_ids(&case_page).remove(0);
    assert!(case_page.contains(&format!("/case/certificates/{id}?reasons=leave-out")));
    assert!(case_page.contains(&format!("/case/certificates/{id}/presentation")));
    let dir = tempfile::tempdir().expect("tempdir");
    let full = download(server, &cookie, &format!("/case/certificates/{id}")).await;
    // The decisions with their presentation form are valid HTML.
    let page_path = dir.path().join("case.html");
    std::fs::write(&page_path, &case_page).expect("save");
    crate::languages::check_html(&[page_path]);
    let short = download(
        server,
        &cookie,
        &format!("/case/certificates/{id}?reasons=leave-out"),
    )
    .await;
    assert!(full.contains("reprisal is documented") && !short.contains("reprisal is documented"));
    // The presentation form, in a browser with JavaScript off.
    let browser = candor_testkit::browser::Browser::start().await;
    browser.assert_javascript_disabled().await;
    browser.goto(&format!("{}/followup", server.url)).await;
    browser.find("#receipt").await.type_text(&code).await;
    browser.click_and_wait("form button[type=submit]").await;
    assert_eq!(
        browser.text(&format!("label[for=challenge-{id}]")).await,
        "A verifier's challenge"
    );
    browser
        .find(&format!("#challenge-{id}"))
        .await
        .type_text("Green tree")
        .await;
    browser
        .find(&format!(
            "form[action='/case/certificates/{id}/presentation'] button"
        ))
        .await
        .click()
        .await;
    let day = candor_core::days::Day::today();
    let file = browser
        .wait_for_download(&format!("candor-presentation-status-recognized-{day}.txt"))
        .await;
    let in_browser = std::fs::read_to_string(&file).expect("read");
    assert!(
        in_browser.contains("\nchallenge green tree\n"),
        "{in_browser}"
    );

    let csrf = csrf_from(&case_page).expect("csrf");
    let presented = server
        .manual_client()
        .post(format!(
            "{}/case/certificates/{id}/presentation",
            server.url
        ))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "csrf={csrf}&challenge={}",
            urlencode("Blue horse, seven")
        ))
        .send()
        .await
        .expect("present");
    assert_eq!(presented.status(), 200);
    let presentation = presented.text().await.expect("text");
    assert!(presentation.starts_with("candor.presentation/v1\n"));
    let save = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("save");
        path
    };
    let (full_path, short_path, presentation_path) = (
        save("full.txt", &full),
        save("short.txt", &short),
        save("presentation.txt", &presentation),
    );
    let log_key = crate::log::log_vkey(server).await;
    let body_key = setup.keys.path().join("decision.vkey");
    let body_key = body_key.to_str().expect("utf8");

    // Offline: the certificate names its holder key, and nobody; without its reasons it
    // still verifies.
    let (ok, stdout, stderr) = crate::log::verify_with(&full_path, &log_key, body_key, &[]);
    assert!(ok, "{stderr}");
    assert!(!stdout.contains("Issued to"), "{stdout}");
    assert!(stdout.contains("Holder key: candor-holder+"), "{stdout}");
    assert!(stdout.contains("reprisal is documented"), "{stdout}");
    let (ok, stdout, stderr) = crate::log::verify_with(&short_path, &log_key, body_key, &[]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("Reasons: left out by the holder"),
        "{stdout}"
    );

    // The presentation verifies for its challenge (however typed), not for another.
    let present = |presentation: &std::path::Path, challenge: &str| {
        crate::log::verify_with(
            &short_path,
            &log_key,
            body_key,
            &[
                "--presentation",
                presentation.to_str().expect("utf8"),
                "--challenge",
                challenge,
            ],
        )
    };
    let (ok, stdout, stderr) = present(&presentation_path, "blue  HORSE, seven");
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Presented by its holder"), "{stdout}");
    let (ok, _, stderr) = present(&presentation_path, "red horse, seven");
    assert!(!ok);
    assert!(stderr.contains("another challenge"), "{stderr}");
    // Another receipt code's holder key makes a presentation that does not hold.
    let install = store.install().await.expect("install");
    let other = derive(
        &Receipt::parse(&other_code).expect("code"),
        &install.receipt_salt,
        install.kdf,
    )
    .expect("derive");
    let certificate = candor_log::certificate::Certificate::parse(short.as_bytes()).expect("cert");
    let opening = candor_log::entry::Opening::parse(&certificate.opening).expect("opening");
    let forged = candor_log::presentation::present(
        &other.holder().expect("holder"),
        &opening.commitment(),
        "blue horse, seven",
    )
    .expect("present");
    let forged_path = save("forged.txt", &forged);
    let (ok, _, stderr) = present(&forged_path, "blue horse, seven");
    assert!(!ok);
    assert!(
        stderr.contains("not signed by the certificate's holder key"),
        "{stderr}"
    );
    // Files a holder hands over are read only up to their bound: a 1 GiB (sparse)
    // presentation or certificate is refused without being read whole.
    let huge = save("huge.txt", "");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse file");
    let (ok, _, stderr) = present(&huge, "blue horse, seven");
    assert!(!ok);
    assert!(stderr.contains("larger than 4096 bytes"), "{stderr}");
    let (ok, _, stderr) = crate::log::verify_with(&huge, &log_key, body_key, &[]);
    assert!(!ok);
    assert!(stderr.contains("larger than"), "{stderr}");
    // Nor does a certificate whose holder key was swapped for that other one.
    let holder = between(&full, "\nholder ", "\n").expect("a holder line");
    let swapped = other.holder().expect("holder").verifier().to_vkey();
    let edited = save("edited.txt", &full.replace(holder, &swapped));
    let (ok, _, stderr) = crate::log::verify_with(&edited, &log_key, body_key, &[]);
    assert!(!ok);
    assert!(stderr.contains("commitment"), "{stderr}");
}

/// A seized server that names another holder key for a case once a workstation has seen
/// the case with the reporter's own (here: listed in the inbox, before any decision) gets
/// no decision bound to the other key: the workstation refuses to sign, and says why.
#[tokio::test(flavor = "multi_thread")]
async fn a_holder_key_swapped_after_the_case_was_first_seen_gets_no_decision() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let setup = crate::log::start(None);
    let server = &setup.server;
    crate::log::report(server, "The tender was rigged.").await;
    let mallory = candor_log::keys::generate_signer("candor-holder")
        .expect("key")
        .verifier()
        .to_vkey();
    let swap = Arc::new(AtomicBool::new(false));
    let swapping = Arc::clone(&swap);
    let hostile = hostile::HostileServer::start(
        &server.url,
        Arc::new(move |path: &str, body: Vec<u8>| {
            if !swapping.load(Ordering::SeqCst) {
                body
            } else if path.starts_with("/api/v1/cases/") && !path.ends_with("/messages") {
                hostile::set_json_field(&body, "holder_key", &mallory)
            } else if path == "/api/v1/sync" {
                // A careful attacker recomputes each digest, which anyone can.
                let mut sync: candor_core::api::SyncResponse =
                    serde_json::from_slice(&body).expect("sync");
                for case in sync.buckets.iter_mut().flat_map(|b| &mut b.cases) {
                    case.detail.holder_key = Some(mallory.clone());
                    *case =
                        candor_core::api::SyncedCase::new(case.detail.clone(), case.unread_items);
                }
                serde_json::to_vec(&sync).expect("json")
            } else {
                body
            }
        }),
    )
    .await;
    let ws = WorkstationProcess::start_at(
        &hostile.url,
        &server.reviewer.key_path,
        &["--decision-key", setup.decision_key.to_str().expect("utf8")],
    )
    .await;
    // The inbox lists the case: the first sight, which pins its holder key.
    let store = server.store().await;
    let reference = store.cases().await.expect("cases")[0].reference.clone();
    let (status, inbox) = ws.get("/").await;
    assert_eq!(status, 200, "{inbox}");
    assert!(inbox.contains(&reference), "{inbox}");

    swap.store(true, Ordering::SeqCst);
    let (status, page) = ws.get(&format!("/cases/{reference}")).await;
    assert_eq!(status, 200, "{page}");
    let csrf = csrf_from(&page).expect("csrf");
    let r = ws
        .post_form(
            &format!("/cases/{reference}/decisions"),
            &[
                ("csrf", csrf.as_str()),
                ("kind", "status-recognized"),
                ("measure", "none"),
                ("sector", "public"),
                ("area", "bribery"),
                ("reasons", "Bound to whom?"),
            ],
        )
        .await;
    assert_eq!(r.status(), 409);
    let refusal = r.text().await.expect("page");
    assert!(refusal.contains("different holder key"), "{refusal}");
    let case = store.cases().await.expect("cases").remove(0);
    let records = store
        .messages(case.id)
        .await
        .expect("messages")
        .iter()
        .filter(|m| m.author == candor_store::Author::Body)
        .count();
    assert_eq!(records, 0, "no decision reached the server");
}
