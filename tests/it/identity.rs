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
