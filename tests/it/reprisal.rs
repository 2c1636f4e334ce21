//! Reward and reprisal: a reporter reports reprisal from the case page (a record in the
//! log and a clock in the inbox); the body's decisions `reprisal-confirmed` and
//! `reward-granted` keep the amount and terms sealed, the fact public.

use candor_testkit::browser::Browser;
use candor_testkit::*;

use candor_store::ItemKind;

#[tokio::test(flavor = "multi_thread")]
async fn a_reported_reprisal_is_logged_gets_a_clock_and_the_body_answers_with_decisions() {
    let setup = crate::log::start(None);
    let server = &setup.server;
    let code = {
        let (status, html) = submit(
            server,
            vec![Part::Message(b"The tender was rigged.".to_vec())],
        )
        .await;
        assert_eq!(status, 200, "{html}");
        receipt_from(&html).expect("receipt")
    };
    let store = server.store().await;
    let case = store.cases().await.expect("cases").remove(0);
    assert_eq!(case.reprisal_day, None);

    // In a browser, JavaScript off: the reprisal form of the case page.
    let browser = Browser::start().await;
    browser.assert_javascript_disabled().await;
    browser.goto(&format!("{}/followup", server.url)).await;
    browser.find("#receipt").await.type_text(&code).await;
    browser.click_and_wait("form button[type=submit]").await;
    assert_eq!(
        browser.text("label[for=reprisal-message]").await,
        "What is happening to you"
    );
    let docs = tempfile::tempdir().expect("tempdir");
    let letter = docs.path().join("dismissal letter.pdf");
    std::fs::write(&letter, bytes(20_000, 3)).expect("write");
    browser
        .find("#reprisal-message")
        .await
        .type_text("I was dismissed on Monday, two days after my report.")
        .await;
    browser
        .find("#reprisal-files")
        .await
        .attach(&[&letter])
        .await;
    browser
        .click_and_wait("form[action='/case/reprisal'] button[type=submit]")
        .await;
    assert_eq!(
        browser.text("[role=status]").await,
        "Your report of reprisal was encrypted and sent."
    );
    let today = candor_core::days::Day::today();
    let by = today.plus_days(7);
    assert!(browser.source().await.contains(&format!(
        "You reported reprisal on {today}; the body answers by {by}."
    )),);

    // Stored like an answer, with a `reprisal-reported` record that lists its ciphertexts;
    // the case carries the day (a day, never finer).
    let case = store.case_by_id(case.id).await.expect("case");
    assert_eq!(case.reprisal_day, Some(today));
    let messages = store.messages(case.id).await.expect("messages");
    let last = messages.last().expect("message");
    let kinds: Vec<ItemKind> = last.items.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [ItemKind::Text, ItemKind::File, ItemKind::Record]);
    let opening = age_decrypt(
        &server.reviewer.key_path,
        &store
            .read_blob(last.items[2].blob_id)
            .await
            .expect("record"),
    );
    let opening = candor_log::entry::Opening::parse(&String::from_utf8(opening).expect("utf-8"))
        .expect("opening");
    assert_eq!(opening.kind, candor_log::entry::Kind::ReprisalReported);
    assert_eq!(opening.ciphertexts.len(), 3, "text, file, its metadata");

    // The workstation's inbox puts the reprisal's clock first.
    let ws = WorkstationProcess::start_at(
        &server.url,
        &server.reviewer.key_path,
        &["--decision-key", setup.decision_key.to_str().expect("utf8")],
    )
    .await;
    let (_, inbox) = ws.get("/").await;
    assert!(
        inbox.contains(&format!("answer the report of reprisal by {by}")),
        "{inbox}"
    );

    // The body confirms the reprisal and grants a reward; the amount stays sealed.
    let (_, page) = ws.get(&format!("/cases/{}", case.reference)).await;
    let csrf = csrf_from(&page).expect("csrf");
    assert!(
        page.contains("value=\"reward-granted\""),
        "the decision form offers it"
    );
    for (kind, reasons) in [
        (
            "reprisal-confirmed",
            "The dismissal followed the report; reinstatement is recommended.",
        ),
        (
            "reward-granted",
            "EUR 12,500, paid within 30 days of this decision.",
        ),
    ] {
        let r = ws
            .post_form(
                &format!("/cases/{}/decisions", case.reference),
                &[
                    ("csrf", &csrf),
                    ("kind", kind),
                    ("measure", "none"),
                    ("sector", "public"),
                    ("area", "public-procurement"),
                    ("reasons", reasons),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "{kind}");
    }
    // The body answered: the clock stops.
    assert_eq!(
        store.case_by_id(case.id).await.expect("case").reprisal_day,
        None
    );
    let (_, inbox) = ws.get("/").await;
    assert!(!inbox.contains("answer the report of reprisal"), "{inbox}");

    // The public log: the three facts, no amount; the figures count them.
    let kinds = logged_kinds(
        &*store,
        |k| k.starts_with("reprisal") || k.starts_with("reward"),
        3,
    )
    .await;
    let size = store.log_size().await.expect("size");
    let notes = store.log_entries(0, size).await.expect("entries");
    assert!(
        notes.iter().all(|n| !contains(n, b"12,500")),
        "no amount in the log"
    );
    assert_eq!(
        kinds,
        ["reprisal-confirmed", "reprisal-reported", "reward-granted"]
    );
    let csv = server
        .client()
        .get(format!("{}/transparency.csv?suppress=0", server.url))
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("csv");
    for row in [
        ",reprisals-reported,reprisal-reported,",
        ",decisions,reward-granted,",
        ",decisions,reprisal-confirmed,",
    ] {
        assert!(csv.contains(row), "{row}: {csv}");
    }

    // The reporter reads the decisions, with their sealed reasons.
    browser.refresh().await;
    let source = browser.source().await;
    for words in [
        "Reprisal confirmed",
        "Reward granted",
        "EUR 12,500, paid within 30 days",
    ] {
        assert!(source.contains(words), "{words}");
    }
    assert!(!source.contains("You reported reprisal on"));
}
