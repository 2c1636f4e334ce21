//! The identity lane: a reporter's identity statement, sealed so that no single key opens
//! it, only a threshold of the body's identity custodians together (with stock `age`).

use std::path::Path;

use candor_testkit::*;

use candor_core::identity::Bundle;
use candor_store::ItemKind;

/// Three identity custodians (keys in `dir`) besides the test server's reviewer alice, who
/// is not one; any two of them open a statement.
pub fn custodians(dir: &Path) -> (Vec<ReviewerKey>, String) {
    let keys: Vec<ReviewerKey> = ["carmen", "dmitri", "eun-ji"]
        .iter()
        .map(|name| keygen_reviewer(dir, name))
        .collect();
    let mut config = String::from("[identity]\nthreshold = 2\nnotice_days = 7\n");
    for key in &keys {
        config.push_str(&format!(
            "[[reviewers]]\nname = \"{}\"\nrecipient = \"{}\"\ncustodian = true\n",
            key.name, key.recipient
        ));
    }
    (keys, config)
}

/// Opens one copy of a bundle by piping it through the stock `age` CLI, one key per layer
/// in the copy's order: what a custodian would type.
fn open_with_stock_age(copy: &str, keys: &[&Path]) -> Result<Vec<u8>, String> {
    let mut data = copy.as_bytes().to_vec();
    for key in keys {
        data = try_age_decrypt(key, &data)?;
    }
    Ok(data)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_identity_statement_opens_only_with_two_custodians_together() {
    let started = std::time::SystemTime::now();
    let keys_dir = tempfile::tempdir().expect("tempdir");
    let (keys, config) = custodians(keys_dir.path());
    let server = TestServer::start_with(Options {
        extra_config: config,
        ..Options::default()
    });
    let form = server
        .client()
        .get(format!("{}/submit", server.url))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("html");
    assert!(form.contains("name=\"identity\""), "{form}");
    assert!(
        form.contains("only 2 of the 3 identity custodians"),
        "{form}"
    );

    let name = canary("identity");
    let statement = format!("Jane Roe {name}\r\nProcurement officer, born 1980-02-03");
    let (status, html) = submit(
        &server,
        vec![
            Part::Message(b"The tender was rigged.".to_vec()),
            Part::Identity(statement.clone().into_bytes()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let code = receipt_from(&html).expect("receipt");

    let store = server.store().await;
    let case = store.cases().await.expect("cases").remove(0);
    let messages = store.messages(case.id).await.expect("messages");
    let kinds: Vec<ItemKind> = messages[0].items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [ItemKind::Text, ItemKind::Identity, ItemKind::Record]
    );
    let bundle_bytes = store
        .read_blob(messages[0].items[1].blob_id)
        .await
        .expect("bundle");
    let bundle = Bundle::parse(&bundle_bytes).expect("a bundle");
    assert_eq!(bundle.threshold, 2);
    assert_eq!(bundle.copies.len(), 6, "one copy per ordered pair");

    // No configured key alone opens anything that holds the statement: the reviewer's
    // (alice, not a custodian) opens no copy, a custodian's only its own outer layer.
    let all_keys: Vec<&Path> = keys
        .iter()
        .map(|k| k.key_path.as_path())
        .chain([server.reviewer.key_path.as_path()])
        .collect();
    for copy in &bundle.copies {
        for key in &all_keys {
            if let Ok(layer) = open_with_stock_age(&copy.armored, &[key]) {
                assert!(!contains(&layer, name.as_bytes()));
                assert!(layer.starts_with(b"age-encryption.org/v1\n"));
                assert!(open_with_stock_age(&copy.armored, &[key, key]).is_err());
            }
        }
        assert!(open_with_stock_age(&copy.armored, &[&server.reviewer.key_path]).is_err());
    }
    // Any two custodians, in the order of their copy, open it with stock age.
    for copy in &bundle.copies {
        let path: Vec<&Path> = copy
            .path
            .iter()
            .map(|n| {
                keys.iter()
                    .find(|k| &k.name == n)
                    .expect("a custodian")
                    .key_path
                    .as_path()
            })
            .collect();
        let plain = open_with_stock_age(&copy.armored, &path).expect("two custodians open it");
        assert_eq!(
            String::from_utf8(plain).expect("text"),
            statement.replace("\r\n", "\n")
        );
    }
    // The receipt's opening lists the text's plaintext hash, not the statement's (a short
    // statement could be guessed from its hash).
    let opening = age_decrypt(
        &server.reviewer.key_path,
        &store
            .read_blob(messages[0].items[2].blob_id)
            .await
            .expect("record"),
    );
    let opening = candor_log::entry::Opening::parse(&String::from_utf8(opening).expect("utf-8"))
        .expect("opening");
    assert_eq!(opening.ciphertexts.len(), 2);
    assert_eq!(opening.plaintexts.len(), 1);

    // The reporter sees that the statement exists and who holds it; and can give another
    // one (or a first one) from the case page.
    let (_, cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&cookie.expect("cookie"));
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert!(
        page.contains("You gave an identity statement") && page.contains("carmen, dmitri, eun-ji"),
        "{page}"
    );
    assert!(!page.contains(&name));
    let csrf = csrf_from(&page).expect("csrf");
    let answer = |identity: Vec<u8>| {
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .part("identity", reqwest::multipart::Part::bytes(identity));
        server
            .manual_client()
            .post(format!("{}/case/reply", server.url))
            .header("cookie", cookie.clone())
            .multipart(form)
            .send()
    };
    let sent = answer(format!("Also known as {name}").into_bytes())
        .await
        .expect("send");
    assert_eq!(sent.status(), 303);
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert!(
        page.contains("Your identity statement was sealed and sent."),
        "{page}"
    );
    assert_eq!(page.matches("You gave an identity statement").count(), 2);
    // Too long: refused with a sentence the reporter can act on, nothing stored.
    let sent = answer(vec![b'x'; 5000]).await.expect("send");
    assert_eq!(sent.status(), 303);
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert!(page.contains("at most 4096 bytes"), "{page}");
    assert_eq!(store.messages(case.id).await.expect("messages").len(), 2);

    // The reviewers' workstation shows the statement's existence and its custodians, and
    // an export carries it sealed, as it is stored.
    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
    let (status, page) = ws.get(&format!("/cases/{}", case.reference)).await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Identity statement, sealed: it opens only with 2 of these custodians together: carmen, dmitri, eun-ji"),
        "{page}"
    );
    assert!(!page.contains(&name));

    // The name is nowhere in clear: not in the data folder (database, WAL, blobs), the
    // temporary folders or the log.
    drop(ws);
    let mut server = server;
    server.stop();
    let log = server.log_text();
    let hits = files_containing(&server.data_dir, name.as_bytes());
    assert!(hits.is_empty(), "found in {hits:?}");
    let hits = files_containing(&server.tmp_dir, name.as_bytes());
    assert!(hits.is_empty(), "found in {hits:?}");
    let hits = recent_files_containing(&std::env::temp_dir(), name.as_bytes(), started);
    assert!(hits.is_empty(), "found in {hits:?}");
    assert!(!log.contains(&name));
}

#[tokio::test(flavor = "multi_thread")]
async fn without_custodians_there_is_no_identity_section_and_the_part_is_refused() {
    let server = TestServer::start();
    let form = server
        .client()
        .get(format!("{}/submit", server.url))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("html");
    assert!(!form.contains("name=\"identity\""));
    let (status, _) = submit(
        &server,
        vec![
            Part::Message(b"text".to_vec()),
            Part::Identity(b"Jane Roe".to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 400);
    // Nor words for certificates: nobody could ever have an identity disclosed here.
    let (status, _) = submit(
        &server,
        vec![
            Part::Message(b"text".to_vec()),
            Part::IssuedTo(b"Jane Roe".to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        server
            .store()
            .await
            .cases()
            .await
            .expect("cases")
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_statement_that_is_too_long_or_not_text_is_refused_with_the_form_again() {
    let keys_dir = tempfile::tempdir().expect("tempdir");
    let (_, config) = custodians(keys_dir.path());
    let server = TestServer::start_with(Options {
        extra_config: config,
        ..Options::default()
    });
    for (statement, says) in [
        (vec![b'x'; 4097], "at most 4096 bytes"),
        (b"Jane \xff Roe".to_vec(), "could not be read as text"),
    ] {
        let (status, html) = submit(
            &server,
            vec![Part::Message(b"text".to_vec()), Part::Identity(statement)],
        )
        .await;
        assert_eq!(status, 400);
        assert!(html.contains(says), "{html}");
        assert!(html.contains("name=\"identity\""), "the form again");
    }
    assert!(
        server
            .store()
            .await
            .cases()
            .await
            .expect("cases")
            .is_empty()
    );
    // An identity statement alone is a report too (the message is optional).
    let (status, html) = submit(&server, vec![Part::Identity(b"Jane Roe".to_vec())]).await;
    assert_eq!(status, 200, "{html}");

    // The words for certificates, on the case page: too long (in characters, then in
    // bytes), not text, or twice in one form, they are refused and nothing is stored.
    let code = receipt_from(&html).expect("receipt");
    let (_, cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&cookie.expect("cookie"));
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    let csrf = csrf_from(&page).expect("csrf");
    for (words, says) in [
        ("\u{e9}".repeat(201).into_bytes(), "at most 200 characters"),
        (vec![b'x'; 100_000], "at most 200 characters"),
        (
            b"Jane \xff Roe".to_vec(),
            "The name could not be read as text",
        ),
    ] {
        let status = answer(&server, &cookie, &csrf, vec![Part::IssuedTo(words)]).await;
        assert_eq!(status, 303);
        let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
        assert!(page.contains(says), "{says}: {page}");
    }
    let status = answer(
        &server,
        &cookie,
        &csrf,
        vec![
            Part::IssuedTo(b"Jane Roe".to_vec()),
            Part::IssuedTo(b"John Doe".to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 400);
    let store = server.store().await;
    let case = store.cases().await.expect("cases").remove(0);
    let messages = store.messages(case.id).await.expect("messages");
    assert_eq!(messages.len(), 1, "nothing stored");
}

/// The identity section through a real browser with JavaScript off: on the report form,
/// then on the case page; what arrives opens with two custodians' keys.
#[tokio::test(flavor = "multi_thread")]
async fn a_reporter_gives_an_identity_in_a_browser_without_javascript() {
    use candor_testkit::browser::Browser;
    let keys_dir = tempfile::tempdir().expect("tempdir");
    let (keys, config) = custodians(keys_dir.path());
    let server = TestServer::start_with(Options {
        extra_config: config,
        ..Options::default()
    });
    let browser = Browser::start().await;
    browser.assert_javascript_disabled().await;
    browser.goto(&format!("{}/submit", server.url)).await;
    assert_eq!(browser.text("legend").await, "Your identity (optional)");
    assert_eq!(
        browser
            .find("#identity")
            .await
            .attr("aria-describedby")
            .await
            .as_deref(),
        Some("identity-anonymous identity-sealed")
    );
    browser
        .find("#message")
        .await
        .type_text("The tender was rigged.")
        .await;
    browser
        .find("#identity")
        .await
        .type_text("Jane Roe\nProcurement officer")
        .await;
    browser.click_and_wait("form button[type=submit]").await;
    let code = browser.text("#receipt").await;

    // Later, from the case page: a second statement, alone in its own form.
    browser.goto(&format!("{}/followup", server.url)).await;
    browser.find("#receipt").await.type_text(&code).await;
    browser.click_and_wait("form button[type=submit]").await;
    assert!(browser.current_url().await.ends_with("/case"));
    assert_eq!(
        browser.text("p.identity").await,
        "You gave an identity statement. It is sealed: it opens only with 2 of these identity custodians together: carmen, dmitri, eun-ji."
    );
    browser
        .find("form:has(#identity) #identity")
        .await
        .type_text("Jane Roe, now at the ministry")
        .await;
    browser
        .click_and_wait("form:has(#identity) button[type=submit]")
        .await;
    assert_eq!(
        browser.text("[role=status]").await,
        "Your identity statement was sealed and sent."
    );
    assert_eq!(browser.find_all("p.identity").await.len(), 2);

    // The words certificates may name her by, in their own form; then withdrawn.
    assert_eq!(
        browser.text("label[for=issued_to]").await,
        "The words a certificate may show"
    );
    browser
        .find("#issued_to")
        .await
        .type_text("Jane Roe, born 1980-02-03")
        .await;
    browser
        .click_and_wait("form:has(#issued_to) button[type=submit]")
        .await;
    assert_eq!(
        browser.text("[role=status]").await,
        "Your agreement was sealed and sent: new certificates may name you in these words."
    );
    assert_eq!(
        browser.text("p.agreed").await,
        "Certificates may name you as: Jane Roe, born 1980-02-03"
    );
    browser
        .click_and_wait("form:has(input[type=hidden][name=issued_to]) button[type=submit]")
        .await;
    assert_eq!(
        browser.text("[role=status]").await,
        "Your agreement was withdrawn: new certificates will not name you."
    );
    assert!(browser.find_all("p.agreed").await.is_empty());

    let store = server.store().await;
    let case = store.cases().await.expect("cases").remove(0);
    let statements: Vec<String> = {
        let mut out = Vec::new();
        for message in store.messages(case.id).await.expect("messages") {
            for item in message
                .items
                .iter()
                .filter(|i| i.kind == ItemKind::Identity)
            {
                let bundle = Bundle::parse(&store.read_blob(item.blob_id).await.expect("blob"))
                    .expect("bundle");
                let copy = bundle
                    .copies
                    .iter()
                    .find(|c| c.path == ["eun-ji", "carmen"])
                    .expect("the copy for eun-ji then carmen");
                let plain =
                    open_with_stock_age(&copy.armored, &[&keys[2].key_path, &keys[0].key_path])
                        .expect("open");
                out.push(String::from_utf8(plain).expect("text"));
            }
        }
        out
    };
    assert_eq!(
        statements,
        [
            "Jane Roe\nProcurement officer",
            "Jane Roe, now at the ministry"
        ]
    );
}

/// A server with three identity custodians, a body decision key and a fast log; the
/// custodians' workstations hold that key (each custodian signs the steps they take).
struct Lane {
    server: TestServer,
    keys: Vec<ReviewerKey>,
    decision_key: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn lane(notice_days: u16) -> Lane {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ok, _, stderr) = run_candor(&[
        "keygen",
        "body",
        "--name",
        "test-authority",
        "--out",
        dir.path().to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    let vkey = std::fs::read_to_string(dir.path().join("decision.vkey")).expect("vkey");
    let (keys, config) = custodians(dir.path());
    let server = TestServer::start_with(Options {
        extra_config: format!(
            "log_interval = \"1s\"\n{}",
            config.replace("notice_days = 7", &format!("notice_days = {notice_days}"))
        ),
        env: vec![("CANDOR_BODY__DECISION_KEY".into(), vkey.trim().to_string())],
        ..Options::default()
    });
    Lane {
        server,
        keys,
        decision_key: dir.path().join("decision.key"),
        _dir: dir,
    }
}

impl Lane {
    async fn workstation(&self, i: usize) -> WorkstationProcess {
        WorkstationProcess::start_at(
            &self.server.url,
            &self.keys[i].key_path,
            &["--decision-key", self.decision_key.to_str().expect("utf8")],
        )
        .await
    }
}

/// Loads a workstation's case page until it says `what` (the log integrates every
/// second; the workstation counts a step once its entry is in the log).
async fn page_saying(ws: &WorkstationProcess, reference: &str, what: &str) -> String {
    for _ in 0..100 {
        let (status, page) = ws.get(&format!("/cases/{reference}")).await;
        assert_eq!(status, 200, "{page}");
        if page.contains(what) {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the case page never said {what:?}");
}

/// A step of the disclosure on a custodian's workstation: its answer's status and page.
async fn step(ws: &WorkstationProcess, page: &str, action: &str, reasons: &str) -> (u16, String) {
    let csrf = between(page, "name=\"csrf\" value=\"", "\"").expect("csrf");
    let reference = between(page, "<h1>Case ", "</h1>").expect("the case");
    let id = between(page, "aria-labelledby=\"identity-", "\"").expect("a statement");
    let r = ws
        .post_form(
            &format!("/cases/{reference}/identity/{id}/{action}"),
            &[("csrf", csrf), ("reasons", reasons)],
        )
        .await;
    let status = r.status().as_u16();
    (status, r.text().await.expect("page"))
}

/// The whole disclosure on a real server with three custodian workstations: one custodian
/// alone cannot open the statement; the request reaches the reporter's case page before
/// anything else can happen; the notice holds until a custodian records an urgent reason;
/// then a second custodian's approval lets the requester, and only the requester, open
/// it; every step is a signed entry in the public log.
#[tokio::test(flavor = "multi_thread")]
async fn two_custodians_open_an_identity_after_the_notice_is_waived_and_every_step_is_logged() {
    let started = std::time::SystemTime::now();
    let lane = lane(7);
    let name = canary("identity");
    let (status, html) = submit(
        &lane.server,
        vec![
            Part::Message(b"The tender was rigged.".to_vec()),
            Part::Identity(format!("Jane Roe {name}").into_bytes()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let code = receipt_from(&html).expect("receipt");
    let store = lane.server.store().await;
    let reference = store.cases().await.expect("cases")[0].reference.clone();
    let (carmen, dmitri, eun_ji) = tokio::join!(
        lane.workstation(0),
        lane.workstation(1),
        lane.workstation(2)
    );

    // Before any request: a custodian may request; nobody may approve or open.
    let page = page_saying(&carmen, &reference, "Request disclosure").await;
    let (status, refusal) = step(
        &dmitri,
        &page_saying(&dmitri, &reference, "Request disclosure").await,
        "approve",
        "why not",
    )
    .await;
    assert_eq!(status, 409, "{refusal}");
    assert!(refusal.contains("no open disclosure request"), "{refusal}");
    let (status, refusal) = step(&carmen, &page, "open", "now").await;
    assert_eq!(status, 409, "{refusal}");
    // Reasons are required.
    let (status, refusal) = step(&carmen, &page, "request", "  ").await;
    assert_eq!(status, 409, "{refusal}");
    assert!(refusal.contains("Give the reasons"), "{refusal}");

    // carmen requests: the reporter sees it, with the reasons and the notice's end.
    let reasons =
        "The employer must be ordered to reinstate the reporter; the court needs the name.";
    let (status, _) = step(&carmen, &page, "request", reasons).await;
    assert_eq!(status, 303);
    let until = candor_core::days::Day::today().plus_days(7).to_string();
    let (_, cookie, _) = sign_in(&lane.server, &code).await;
    let cookie = cookie_pair(&cookie.expect("cookie"));
    let mut pages: Vec<String> = Vec::new();
    let (_, case_page) = get_with_cookie(&lane.server, "/case", &cookie).await;
    assert!(
        case_page.contains("Disclosure of your identity was requested"),
        "{case_page}"
    );
    assert!(case_page.contains("carmen asked on"), "{case_page}");
    assert!(
        case_page.contains(&format!("cannot be opened before {until}")),
        "{case_page}"
    );
    assert!(case_page.contains(reasons), "{case_page}");
    pages.push(case_page.clone());

    // dmitri may not approve during the notice…
    let page = page_saying(&dmitri, &reference, "Shorten the notice").await;
    assert!(page.contains(&format!("runs until {until}")), "{page}");
    pages.push(page.clone());
    let (status, refusal) = step(
        &dmitri,
        &page.replace("/waive\"", "/approve\""),
        "approve",
        "agreed",
    )
    .await;
    assert_eq!(status, 409, "{refusal}");
    assert!(
        refusal.contains(&format!("runs until {until}")),
        "{refusal}"
    );
    // …and carmen alone cannot open it.
    let page = page_saying(&carmen, &reference, "Waiting for the other custodians").await;
    pages.push(page.clone());
    let (status, refusal) = step(&carmen, &page, "open", "now").await;
    assert_eq!(status, 409, "{refusal}");
    assert!(refusal.contains("Not enough custodians"), "{refusal}");

    // eun-ji records an urgent reason; dmitri approves; carmen opens.
    let page = page_saying(&eun_ji, &reference, "Shorten the notice").await;
    let (status, _) = step(
        &eun_ji,
        &page,
        "waive",
        "The reporter's dismissal hearing is tomorrow.",
    )
    .await;
    assert_eq!(status, 303);
    let page = page_saying(&dmitri, &reference, "Approve disclosure").await;
    pages.push(page.clone());
    let (status, _) = step(&dmitri, &page, "approve", "The court order requires it.").await;
    assert_eq!(status, 303);
    // eun-ji is not the requester: she has no way to open it.
    let page = page_saying(&eun_ji, &reference, "Agreed so far: carmen, dmitri").await;
    assert!(!page.contains("Record the disclosure"), "{page}");
    let (status, _) = step(&eun_ji, &page, "open", "me too").await;
    assert_eq!(status, 409);
    let page = page_saying(
        &carmen,
        &reference,
        "Record the disclosure and open the statement",
    )
    .await;
    let (status, shown) = step(&carmen, &page, "open", "Sent to the labour court.").await;
    assert_eq!(status, 200, "{shown}");
    assert!(shown.contains(&format!("Jane Roe {name}")), "{shown}");
    assert!(shown.contains("The disclosure is recorded"), "{shown}");
    pages.push(page.clone());
    pages.push(shown.clone());

    // The log holds the four steps, each signed by the body; the reporter reads them.
    let kinds = logged_kinds(&*store, |k| k.starts_with("identity-"), 4).await;
    assert_eq!(
        kinds,
        [
            "identity-disclosed",
            "identity-disclosure-approved",
            "identity-disclosure-requested",
            "identity-notice-waived",
        ]
    );
    let (_, case_page) = get_with_cookie(&lane.server, "/case", &cookie).await;
    for words in [
        "Notice before an identity disclosure waived (urgent) (eun-ji)",
        "Disclosure of the reporter's identity approved (dmitri)",
        "Reporter's identity disclosed (carmen)",
        "The reporter's dismissal hearing is tomorrow.",
    ] {
        assert!(case_page.contains(words), "{words}: {case_page}");
    }
    assert!(!case_page.contains("Disclosure of your identity was requested"));
    pages.push(case_page.clone());
    // Every page of the disclosure, the reporter's and the custodians', is valid HTML (the
    // statement's page too: checked, then deleted with its folder).
    {
        let dir = tempfile::tempdir().expect("tempdir");
        let saved: Vec<std::path::PathBuf> = pages
            .iter()
            .enumerate()
            .map(|(i, html)| {
                let path = dir.path().join(format!("page-{i}.html"));
                std::fs::write(&path, html).expect("save");
                path
            })
            .collect();
        assert_eq!(saved.len(), 7);
        crate::languages::check_html(&saved);
    }
    assert!(!case_page.contains(&name));

    // Nothing on the server holds the name in clear, and no single configured key opens
    // anything that holds it: the only one-layer copy is carmen's, who agreed and asked.
    let mut server = lane.server;
    let mut single = Vec::new();
    for message in store
        .messages(store.cases().await.expect("cases")[0].id)
        .await
        .expect("messages")
    {
        for item in message
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Identity)
        {
            let bundle =
                Bundle::parse(&store.read_blob(item.blob_id).await.expect("blob")).expect("bundle");
            single.extend(
                bundle
                    .copies
                    .iter()
                    .filter(|c| c.path.len() == 1)
                    .map(|c| c.path[0].clone()),
            );
        }
    }
    assert_eq!(single, ["carmen"]);
    drop((carmen, dmitri, eun_ji));
    server.stop();
    assert!(files_containing(&server.data_dir, name.as_bytes()).is_empty());
    assert!(recent_files_containing(&std::env::temp_dir(), name.as_bytes(), started).is_empty());
    assert!(!server.log_text().contains(&name));
}

/// A seized server writes what it likes into its database: a disclosure request by carmen,
/// sealed to the reviewers like a real one and dated a month ago (its notice long over),
/// but never signed by the body nor in the log, and it tells dmitri's workstation that
/// the record is entry 0 of the log. No custodian's workstation counts it: dmitri has
/// nothing to approve, and carmen can still only request.
#[tokio::test(flavor = "multi_thread")]
async fn a_request_the_server_made_up_counts_for_nothing() {
    let lane = lane(7);
    let (status, html) = submit(&lane.server, vec![Part::Identity(b"Jane Roe".to_vec())]).await;
    assert_eq!(status, 200, "{html}");
    let store = lane.server.store().await;
    let case = store.cases().await.expect("cases").remove(0);
    let messages = store.messages(case.id).await.expect("messages");
    let statement = &messages[0].items[0];
    assert_eq!(statement.kind, ItemKind::Identity);
    let month_ago = candor_core::days::Day::today().plus_days(-30).to_string();
    let forged = candor_log::entry::Opening::identity_step(
        &case.reference,
        candor_log::entry::Kind::IdentityDisclosureRequested,
        &month_ago,
        "Test Authority",
        candor_log::entry::IdentityStep {
            custodian: "carmen",
            statement: statement.blob_sha256.clone().try_into().expect("sha256"),
            not_before: Some(&month_ago),
        },
        "Forged by the server.",
    )
    .expect("opening");
    let recipients: Vec<age::x25519::Recipient> = std::iter::once(&lane.server.reviewer)
        .chain(&lane.keys)
        .map(|k| k.recipient.parse().expect("recipient"))
        .collect();
    lane.server
        .body_store()
        .await
        .add_sealed_message(
            case.id,
            candor_store::Author::Body,
            candor_core::days::Day::today(),
            vec![candor_core::domain::SealedPart {
                kind: ItemKind::Record,
                content: candor_core::seal::seal_bytes(&recipients, forged.to_text().as_bytes())
                    .expect("seal"),
                meta: None,
            }],
            None,
        )
        .await
        .expect("forged record");

    // Entry 0 (the report's receipt) is in the log first, so that the forged claim is
    // checked against it rather than merely waiting for the log to grow.
    logged_kinds(&*store, |k| k == "report-received", 1).await;
    let carmen = lane.workstation(0).await;
    // dmitri's workstation goes through the seized server, which also claims that the
    // forged record is in the log: at index 0 (the report's receipt, a real entry).
    // It counts the entry bundles the workstation fetches (only the proof of a step does).
    let bundles = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = std::sync::Arc::clone(&bundles);
    let hostile = candor_testkit::hostile::HostileServer::start_rewriting_all(
        &lane.server.url,
        std::sync::Arc::new(move |path: &str, status, body| {
            if path.contains("/tile/entries/") {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            if path.starts_with("/api/v1/log/entries/") && status == reqwest::StatusCode::NOT_FOUND
            {
                (reqwest::StatusCode::OK, br#"{"index":0}"#.to_vec())
            } else {
                (status, body)
            }
        }),
    )
    .await;
    let dmitri = WorkstationProcess::start_at(
        &hostile.url,
        &lane.keys[1].key_path,
        &["--decision-key", lane.decision_key.to_str().expect("utf8")],
    )
    .await;
    // The forged record shows in the conversation as what it is (its claimed entry is not
    // its own)…
    let page = page_saying(&dmitri, &case.reference, "Forged by the server.").await;
    assert!(
        page.contains(&format!(
            "requested (carmen)</strong> — {month_ago} — log entry 0"
        )),
        "the workstation took the forged index: {page}"
    );
    assert!(page.contains("Request disclosure"), "still open: {page}");
    assert!(!page.contains("Approve disclosure"), "{page}");
    let (status, refusal) = step(&dmitri, &page, "approve", "fooled?").await;
    assert_eq!(status, 409, "{refusal}");
    assert!(refusal.contains("no open disclosure request"), "{refusal}");
    // …and nothing was peeled: every copy still has both layers.
    for message in store.messages(case.id).await.expect("messages") {
        for item in message
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Identity)
        {
            let bundle =
                Bundle::parse(&store.read_blob(item.blob_id).await.expect("blob")).expect("bundle");
            assert!(bundle.peeled_from.is_none());
        }
    }
    let page = page_saying(&carmen, &case.reference, "Request disclosure").await;
    assert!(!page.contains("Record the disclosure"), "{page}");
    // Entry 0 was fetched and is not the forged step's: entries never change, so dmitri's
    // workstation does not fetch it again at every view of the case.
    let fetched = bundles.load(std::sync::atomic::Ordering::SeqCst);
    assert!(
        fetched > 0,
        "the claimed entry was checked: {:?}",
        hostile.paths()
    );
    for _ in 0..3 {
        let (status, _) = dmitri.get(&format!("/cases/{}", case.reference)).await;
        assert_eq!(status, 200);
    }
    assert_eq!(bundles.load(std::sync::atomic::Ordering::SeqCst), fetched);
}

/// A decision form on a custodian's workstation, sent with `issued_to` if given: the
/// answer's status and page.
async fn decide(
    ws: &WorkstationProcess,
    reference: &str,
    issued_to: Option<&str>,
) -> (u16, String) {
    let (_, page) = ws.get(&format!("/cases/{reference}")).await;
    let csrf = csrf_from(&page).expect("csrf");
    let mut form = vec![
        ("csrf", csrf.as_str()),
        ("kind", "status-recognized"),
        ("measure", "none"),
        ("sector", "public"),
        ("area", "bribery"),
        ("reasons", "Her report was made in good faith."),
    ];
    form.extend(issued_to.map(|i| ("issued_to", i)));
    let r = ws
        .post_form(&format!("/cases/{reference}/decisions"), &form)
        .await;
    let status = r.status().as_u16();
    (status, r.text().await.expect("page"))
}

/// Once the notice is over (here a body with `notice_days = 0`: it ends the day of the
/// request), a second custodian approves without any urgent reason, and the requester
/// opens the statement. The reporter had agreed to words certificates may name her by:
/// only now, after the disclosure, may a decision be issued to them (and to nothing
/// else); its certificate prints them and fails when they are edited; once she withdraws
/// her agreement, no decision is issued to them.
#[tokio::test(flavor = "multi_thread")]
async fn after_the_notice_a_second_custodian_approves_and_the_requester_opens_it() {
    let lane = lane(0);
    let (status, html) = submit(&lane.server, vec![Part::Identity(b"Jane Roe".to_vec())]).await;
    assert_eq!(status, 200, "{html}");
    let code = receipt_from(&html).expect("receipt");
    let store = lane.server.store().await;
    let case = store.cases().await.expect("cases").remove(0);
    let reference = case.reference.clone();
    let (eun_ji, carmen) = tokio::join!(lane.workstation(2), lane.workstation(0));

    // The reporter agrees to words, typed over two lines: kept on one.
    let (_, cookie, _) = sign_in(&lane.server, &code).await;
    let cookie = cookie_pair(&cookie.expect("cookie"));
    let (_, case_page) = get_with_cookie(&lane.server, "/case", &cookie).await;
    let reporter_csrf = csrf_from(&case_page).expect("csrf");
    let agreed = "Jane Roe, born 1980-02-03";
    let status = answer(
        &lane.server,
        &cookie,
        &reporter_csrf,
        vec![Part::IssuedTo(b" Jane Roe,\r\n born 1980-02-03 ".to_vec())],
    )
    .await;
    assert_eq!(status, 303);
    let (_, case_page) = get_with_cookie(&lane.server, "/case", &cookie).await;
    assert!(
        case_page.contains(&format!("Certificates may name you as: {agreed}")),
        "{case_page}"
    );
    let item_id = store
        .messages(case.id)
        .await
        .expect("messages")
        .iter()
        .flat_map(|m| &m.items)
        .find(|i| i.kind == ItemKind::IssuedTo)
        .expect("the agreement")
        .id
        .to_string();
    // Before any disclosure, no decision is issued to them.
    let page = page_saying(&eun_ji, &reference, "has not been disclosed to the body").await;
    assert!(page.contains(agreed), "{page}");
    let (status, refusal) = decide(&eun_ji, &reference, Some(&item_id)).await;
    assert_eq!(status, 409, "{refusal}");
    let page = page_saying(&eun_ji, &reference, "Request disclosure").await;
    let (status, _) = step(
        &eun_ji,
        &page,
        "request",
        "The ministry must reinstate her.",
    )
    .await;
    assert_eq!(status, 303);
    let page = page_saying(&carmen, &reference, "Approve disclosure").await;
    assert!(!page.contains("Shorten the notice"), "{page}");
    let (status, _) = step(&carmen, &page, "approve", "Agreed.").await;
    assert_eq!(status, 303);
    let page = page_saying(
        &eun_ji,
        &reference,
        "Record the disclosure and open the statement",
    )
    .await;
    let (status, shown) = step(&eun_ji, &page, "open", "Sent to the ministry.").await;
    assert_eq!(status, 200);
    assert!(shown.contains("Jane Roe"), "{shown}");
    // Each step once: a second request or approval of the same disclosure is refused.
    let (status, refusal) = step(
        &carmen,
        &page_saying(&carmen, &reference, "Request disclosure").await,
        "approve",
        "again",
    )
    .await;
    assert_eq!(status, 409, "{refusal}");

    // Disclosed: the decision form offers the reporter's words, and only them.
    let page = page_saying(&eun_ji, &reference, &format!("Issue it to {agreed}")).await;
    assert!(
        page.contains(&format!("name=\"issued_to\" value=\"{item_id}\"")),
        "{page}"
    );
    let (status, refusal) = decide(&eun_ji, &reference, Some("Someone Else")).await;
    assert_eq!(status, 409, "{refusal}");
    let (status, page) = decide(&eun_ji, &reference, Some(&item_id)).await;
    assert_eq!(status, 303, "{page}");
    let (_, case_page) = get_with_cookie(&lane.server, "/case", &cookie).await;
    let id = crate::holder::certificate_ids(&case_page)
        .pop()
        .expect("a certificate");
    let certificate =
        crate::holder::download(&lane.server, &cookie, &format!("/case/certificates/{id}")).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let save = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("save");
        path
    };
    let log_key = crate::log::log_vkey(&lane.server).await;
    let body_key = lane.decision_key.with_file_name("decision.vkey");
    let body_key = body_key.to_str().expect("utf8");
    let (ok, stdout, stderr) =
        crate::log::verify_with(&save("cert.txt", &certificate), &log_key, body_key, &[]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains(&format!("Issued to: {agreed}")), "{stdout}");
    // An edited "issued to" fails.
    let edited = certificate.replace("issued-to Jane Roe", "issued-to John Doe");
    assert_ne!(edited, certificate);
    let (ok, _, stderr) =
        crate::log::verify_with(&save("edited.txt", &edited), &log_key, body_key, &[]);
    assert!(!ok);
    assert!(stderr.contains("commitment"), "{stderr}");

    // She withdraws her agreement: the form offers nothing, and her words are refused.
    let status = answer(
        &lane.server,
        &cookie,
        &reporter_csrf,
        vec![Part::IssuedTo(Vec::new())],
    )
    .await;
    assert_eq!(status, 303);
    let (_, case_page) = get_with_cookie(&lane.server, "/case", &cookie).await;
    assert!(
        case_page.contains("You withdrew your agreement to be named on certificates."),
        "{case_page}"
    );
    assert!(
        !case_page.contains("Certificates may name you as"),
        "{case_page}"
    );
    // At rest, an agreement and a withdrawal are the same size, padded to the longest name
    let mut sizes = Vec::new();
    for message in store.messages(case.id).await.expect("messages") {
        for item in message
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::IssuedTo)
        {
            sizes.push(store.read_blob(item.blob_id).await.expect("blob").len());
        }
    }
    // (up to the few random bytes age's header varies by): more than the padding each.
    assert_eq!(sizes.len(), 2);
    let padded = candor_core::identity::MAX_ISSUED_TO_BYTES;
    assert!(sizes.iter().all(|&s| s > padded), "{sizes:?}");
    let page = page_saying(&eun_ji, &reference, "Issued to nobody").await;
    let (status, refusal) = decide(&eun_ji, &reference, Some(&item_id)).await;
    assert_eq!(status, 409, "{refusal}");
    // An export of the case says both, in its conversation.
    let export_to = eun_ji.export_dir.path().join("out");
    let r = eun_ji
        .post_form(
            &format!("/cases/{reference}/export"),
            &[
                ("csrf", &csrf_from(&page).expect("csrf")),
                ("dir", export_to.to_str().expect("utf8")),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let conversation = std::fs::read_to_string(export_to.join(&reference).join("conversation.txt"))
        .expect("conversation");
    for line in [
        format!("[the reporter agreed that certificates may name them as: {agreed}]"),
        "[the reporter withdrew their agreement to be named on certificates]".to_string(),
    ] {
        assert!(conversation.contains(&line), "{conversation}");
    }
}
