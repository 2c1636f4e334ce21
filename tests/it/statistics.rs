//! The statistics end to end: 32 cases decided across sectors, areas and outcomes, weeks
//! apart, plus two follow-ups and two decisions in the old entry format. The page, the
//! CSV, the JSON and `candor log verify --stats` must agree with each other and with the
//! counts made here by hand, with every count from 1 to 4 suppressed; the pages must fit a
//! 320 px screen in Chromium with JavaScript off.

use std::collections::BTreeMap;

use candor_testkit::browser::{Browser, BrowserOptions};
use candor_testkit::*;

use candor_core::days::Day;
use candor_log::classification::{Area, Classification, Outcome, Sector};
use candor_log::entry::{Kind, Opening};

use crate::log::{LogSetup, api_client, report, start, wait_for_size};

const CASES: usize = 32;
/// Cases 0..20 are recognized, 20..30 declined; 30 and 31 are recognized in the old format.
const RECOGNIZED: usize = 20;
const DECLINED_UNTIL: usize = 30;

/// Case `i` was received `4 i` days before today.
fn weeks(i: usize) -> u64 {
    (4 * i as u64) / 7
}

fn sector(i: usize) -> Sector {
    Sector::ALL[i % 3]
}

fn area(i: usize) -> Area {
    Area::ALL[i % 7]
}

/// Every case is closed: referred, proceedings opened or established, and one withdrawn.
fn outcome(i: usize) -> Outcome {
    if i == CASES - 1 {
        Outcome::Withdrawn
    } else {
        Outcome::ALL[i % 3]
    }
}

fn status(i: usize) -> Option<Kind> {
    match i {
        i if i < RECOGNIZED => Some(Kind::StatusRecognized),
        i if i < DECLINED_UNTIL => Some(Kind::StatusDeclined),
        _ => None,
    }
}

/// A row's key: indicator, kind, sector, area, outcome.
type Key = (String, String, String, String, String);

/// The counts, made by hand from the plan above: (indicator, kind, sector, area, outcome)
/// → the value as published (`<5` for 1 to 4).
fn expected() -> BTreeMap<Key, String> {
    let mut counts: BTreeMap<Key, u64> = BTreeMap::new();
    let mut add = |indicator: &str, kind: &str, sector: &str, area: &str, outcome: &str| {
        *counts
            .entry((
                indicator.into(),
                kind.into(),
                sector.into(),
                area.into(),
                outcome.into(),
            ))
            .or_default() += 1;
    };
    for _ in 0..CASES {
        add("reports-received", "report-received", "all", "all", "all");
    }
    for _ in 0..2 {
        add(
            "follow-ups-received",
            "report-received",
            "all",
            "all",
            "all",
        );
    }
    for i in 0..CASES {
        add("decisions", "acknowledged", "all", "all", "all");
        add(
            "acknowledgements-timed",
            "acknowledged",
            "all",
            "all",
            "all",
        );
        if weeks(i) == 0 {
            add(
                "acknowledged-within-7-days",
                "acknowledged",
                "all",
                "all",
                "all",
            );
        }
        let (s, a, o) = (sector(i).as_str(), area(i).as_str(), outcome(i).as_str());
        match status(i) {
            Some(k) => {
                add("decisions", k.as_str(), "all", "all", "all");
                add("decisions", k.as_str(), s, "all", "all");
                add("decisions", k.as_str(), "all", a, "all");
                add("status-decisions-timed", "all", "all", "all", "all");
                if weeks(i) < 13 {
                    add("answered-within-3-months", "all", "all", "all", "all");
                }
            }
            None => {
                // The old format: no sector, area or weeks.
                let k = "status-recognized";
                add("decisions", k, "all", "all", "all");
                add("decisions", k, "unclassified", "all", "all");
                add("decisions", k, "all", "unclassified", "all");
            }
        }
        add("decisions", "case-closed", "all", "all", "all");
        add("decisions", "case-closed", s, "all", "all");
        add("decisions", "case-closed", "all", a, "all");
        add("decisions", "case-closed", "all", "all", o);
    }
    let mut published: BTreeMap<_, String> = counts
        .into_iter()
        .map(|(k, n)| (k, if n < 5 { "<5".into() } else { n.to_string() }))
        .collect();
    // Weeks of the 30 timed status decisions, cases 0..30 in order: the 15th and 16th are
    // cases 14 and 15, 8 weeks each.
    published.insert(
        (
            "median-weeks-to-status-decision".into(),
            "all".into(),
            "all".into(),
            "all".into(),
            "all".into(),
        ),
        "8".into(),
    );
    published
}

/// Records every decision of case `i`, through the workstation's library (format 2), or
/// signed by hand in the old format for cases 30 and 31.
async fn decide_case(
    setup: &LogSetup,
    client: &candor_workstation::Client,
    signer: &candor_log::note::Signer,
    reference: &str,
    i: usize,
) {
    let class = |outcome| Classification {
        sector: sector(i),
        area: area(i),
        outcome,
    };
    let mut decisions = vec![(Kind::Acknowledged, class(None))];
    if let Some(kind) = status(i) {
        decisions.push((kind, class(None)));
    }
    decisions.push((Kind::CaseClosed, class(Some(outcome(i)))));
    for (kind, class) in decisions {
        let decision = candor_workstation::Decision {
            kind,
            measure: None,
            class,
            reasons: "",
            issued_to: None,
        };
        candor_workstation::record_decision(client, signer, reference, &decision)
            .await
            .expect("decision");
        if status(i).is_none() && kind == Kind::Acknowledged {
            // A decision in the old format (candor.entry/v1), as an older workstation sent.
            let old = Opening::new(
                reference,
                Kind::StatusRecognized,
                &Day::today().to_string(),
                "Test Authority",
                None,
                vec![],
                "",
            )
            .expect("opening");
            assert!(old.entry().to_text().starts_with("candor.entry/v1\n"));
            let reviewer: age::x25519::Recipient =
                setup.server.reviewer.recipient.parse().expect("recipient");
            let sealed =
                candor_core::seal::seal_bytes(&[reviewer], old.to_text().as_bytes()).expect("seal");
            let note = candor_log::note::sign(&old.entry().to_text(), &[signer]).expect("sign");
            client
                .post_decision(reference, note.into_bytes(), sealed, None)
                .await
                .expect("an old-format decision is still accepted");
        }
    }
}

async fn get_text(server: &TestServer, path: &str) -> (u16, String, String) {
    let r = server
        .client()
        .get(format!("{}{path}", server.url))
        .send()
        .await
        .expect("get");
    let status = r.status().as_u16();
    let content_type = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (status, content_type, r.text().await.expect("text"))
}

/// Parses the CSV into (period, key) → value; checks its shape on the way.
fn parse_csv(csv: &str) -> BTreeMap<(String, Key), String> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(candor_log::stats::CSV_HEADER));
    let mut out = BTreeMap::new();
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 7, "{line}");
        let key = (
            f[1].into(),
            f[2].into(),
            f[3].into(),
            f[4].into(),
            f[5].into(),
        );
        assert!(
            out.insert((f[0].to_string(), key), f[6].to_string())
                .is_none(),
            "a row twice: {line}"
        );
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn statistics_agree_everywhere_and_hide_small_counts() {
    let setup = start(None);
    let mut codes = Vec::new();
    for i in 0..CASES {
        codes.push(report(&setup.server, &format!("report {i}")).await);
    }
    // Two reporters come back and answer: follow-ups, not new reports.
    for code in &codes[..2] {
        let (status, cookie, _) = sign_in(&setup.server, code).await;
        assert_eq!(status, 303);
        let cookie = cookie_pair(&cookie.expect("cookie"));
        let (_, page) = get_with_cookie(&setup.server, "/case", &cookie).await;
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf_from(&page).expect("csrf"))
            .text("message", "more details");
        let r = setup
            .server
            .manual_client()
            .post(format!("{}/case/reply", setup.server.url))
            .header("cookie", &cookie)
            .multipart(form)
            .send()
            .await
            .expect("answer");
        assert_eq!(r.status(), 303);
    }

    let (client, _trust) = api_client(&setup, &setup.server.url).await;
    let signer = candor_log::keys::read_private_key(&setup.decision_key).expect("key");
    let mut references: Vec<String> = client
        .cases()
        .await
        .expect("cases")
        .into_iter()
        .map(|c| c.reference)
        .collect();
    references.sort();
    assert_eq!(references.len(), CASES);
    let db = setup.server.database_url();
    let today = Day::today();
    for (i, reference) in references.iter().enumerate() {
        let received = today.plus_days(-4 * i as i64).to_string();
        candor_store::tamper::set_case_received_day(&db, reference, &received)
            .await
            .expect("back-date");
        decide_case(&setup, &client, &signer, reference, i).await;
    }

    // A decision that miscounts the weeks since the report is refused.
    let wrong = Opening::new(
        &references[10],
        Kind::StatusDeclined,
        &today.to_string(),
        "Test Authority",
        None,
        vec![],
        "",
    )
    .and_then(|o| {
        o.with_facts(candor_log::classification::Facts::decision(
            Kind::StatusDeclined,
            0,
            Classification {
                sector: Sector::Public,
                area: Area::Other,
                outcome: None,
            },
        ))
    })
    .expect("opening");
    let note = candor_log::note::sign(&wrong.entry().to_text(), &[&signer]).expect("sign");
    let reviewer: age::x25519::Recipient =
        setup.server.reviewer.recipient.parse().expect("recipient");
    let sealed =
        candor_core::seal::seal_bytes(&[reviewer], wrong.to_text().as_bytes()).expect("seal");
    let err = client
        .post_decision(&references[10], note.into_bytes(), sealed, None)
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("weeks since the report"), "{err}");

    // 32 reports, 2 follow-ups; 32 acknowledgements, 30 status decisions, 2 old-format
    // recognitions, 32 closures.
    let total = 32 + 2 + 32 + 30 + 2 + 32;
    wait_for_size(&setup.server, total).await;

    // What an analyst reads in the public log: every entry holds only the documented
    // lines, and none names a case.
    let bundle = setup
        .server
        .client()
        .get(format!(
            "{}/log/tile/entries/000.p/{total}",
            setup.server.url
        ))
        .send()
        .await
        .expect("bundle")
        .bytes()
        .await
        .expect("bytes");
    let entries = candor_log::tiles::parse_entry_bundle(&bundle).expect("entries");
    assert_eq!(entries.len() as u64, total);
    for e in entries {
        let text = candor_log::note::Note::parse(e)
            .expect("note")
            .text()
            .to_string();
        for line in text.lines().skip(1) {
            let name = line.split(' ').next().unwrap_or("");
            assert!(
                [
                    "kind",
                    "day",
                    "message",
                    "sector",
                    "area",
                    "outcome",
                    "weeks",
                    "commitment"
                ]
                .contains(&name),
                "{text}"
            );
        }
        assert!(
            !references.iter().any(|r| text.contains(r.as_str())),
            "{text}"
        );
    }

    let (status, content_type, csv) = get_text(&setup.server, "/transparency.csv").await;
    assert_eq!(
        (status, content_type.as_str()),
        (200, "text/csv; charset=utf-8")
    );
    let rows = parse_csv(&csv);
    // A flood of readers gets the same file, counted once.
    let flood = (0..200).map(|_| get_text(&setup.server, "/transparency.csv"));
    for (status, _, again) in futures_util::future::join_all(flood).await {
        assert_eq!((status, &again), (200, &csv));
    }
    let year = today.to_string()[..4].to_string();
    let month: u32 = today.to_string()[5..7].parse().expect("month");
    let quarter = format!("{year}-Q{}", (month - 1) / 3 + 1);
    let periods: std::collections::BTreeSet<&String> = rows.keys().map(|(p, _)| p).collect();
    assert_eq!(
        periods.into_iter().collect::<Vec<_>>(),
        vec![&year, &quarter]
    );

    // Every published value, in both periods, is the count made by hand (0 where the plan
    // has none).
    let expected = expected();
    for ((period, key), value) in &rows {
        let want = expected.get(key).map(String::as_str).unwrap_or("0");
        assert_eq!(value, want, "{period} {key:?}");
    }
    for key in expected.keys() {
        assert!(
            rows.contains_key(&(year.clone(), key.clone())),
            "{key:?} missing"
        );
    }
    let cell = |key: [&str; 5]| {
        rows[&(
            year.clone(),
            (
                key[0].into(),
                key[1].into(),
                key[2].into(),
                key[3].into(),
                key[4].into(),
            ),
        )]
            .clone()
    };
    // A few by eye: 7 public recognitions (cases 0, 3, …, 18); 11 referrals; 23 of 30
    // status decisions within 13 weeks (cases 0..=22).
    assert_eq!(
        cell(["decisions", "status-recognized", "public", "all", "all"]),
        "7"
    );
    assert_eq!(
        cell(["decisions", "case-closed", "all", "all", "referred"]),
        "11"
    );
    assert_eq!(
        cell(["answered-within-3-months", "all", "all", "all", "all"]),
        "23"
    );
    assert_eq!(
        cell([
            "follow-ups-received",
            "report-received",
            "all",
            "all",
            "all"
        ]),
        "<5"
    );
    assert_eq!(
        cell([
            "decisions",
            "status-recognized",
            "unclassified",
            "all",
            "all"
        ]),
        "<5"
    );
    // No count from 1 to 4 anywhere.
    assert!(
        rows.values()
            .all(|v| !["1", "2", "3", "4"].contains(&v.as_str())),
        "{csv}"
    );

    // The JSON says the same, row by row.
    let (status, _, json) = get_text(&setup.server, "/transparency.json").await;
    assert_eq!(status, 200);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(doc["log_size"], total);
    assert_eq!(doc["suppress_below"], 5);
    let json_rows = doc["rows"].as_array().expect("rows");
    assert_eq!(json_rows.len(), rows.len());
    for r in json_rows {
        let s = |k: &str| r[k].as_str().expect("text").to_string();
        let key = (
            s("indicator"),
            s("kind"),
            s("sector"),
            s("area"),
            s("outcome"),
        );
        let csv_value = &rows[&(s("period"), key)];
        let json_value = match (&r["value"], r["suppressed"].as_bool()) {
            (_, Some(true)) => "<5".to_string(),
            (serde_json::Value::Null, _) => String::new(),
            (v, _) => v.to_string(),
        };
        assert_eq!(&json_value, csv_value, "{r}");
    }
    let (status, _, package) = get_text(&setup.server, "/datapackage.json").await;
    assert_eq!(status, 200);
    let package: serde_json::Value = serde_json::from_str(&package).expect("datapackage");
    assert_eq!(package["resources"][0]["path"], "transparency.csv");

    // Anyone rebuilds both files from the public log alone, byte for byte.
    let state = setup.keys.path().join("stats-state.txt");
    for (format, published) in [("csv", &csv), ("json", &json)] {
        let (ok, stdout, stderr) = run_candor_async(&[
            "log",
            "verify",
            "--server",
            &setup.server.url,
            "--state",
            state.to_str().expect("utf8"),
            "--stats",
            format,
        ])
        .await;
        assert!(ok, "{stderr}");
        assert_eq!(&stdout, published, "--stats {format}");
        assert!(stderr.contains("the tree recomputed"), "{stderr}");
    }

    // The pages show the same numbers, suppressed the same way.
    let (status, _, annual) = get_text(&setup.server, &format!("/transparency/{year}")).await;
    assert_eq!(status, 200);
    let (status, _, overview) = get_text(&setup.server, "/transparency").await;
    assert_eq!(status, 200);
    for page in [&annual, &overview] {
        assert_reporter_safe(page, "transparency");
        for shown in [
            "<th scope=\"row\">Whistleblower status recognized</th><td class=\"n\">22</td>",
            "<th scope=\"row\">Public sector</th><td class=\"n\">7</td><td class=\"n\"><abbr title=\"fewer than 5\">&lt;5</abbr></td>",
            "<th scope=\"row\">Referred to a competent authority</th><td class=\"n\">11</td>",
            "77 % (23 of 30)",
            "fewer than 5 of 32",
            "<td>8</td>",
        ] {
            assert!(page.contains(shown), "{shown} in {page}");
        }
        for n in 1..5 {
            assert!(
                !page.contains(&format!("<td class=\"n\">{n}</td>")),
                "{n} shown"
            );
        }
    }
    let (status, _, _) = get_text(&setup.server, "/transparency/1999").await;
    assert_eq!(status, 404);

    // In Chromium with JavaScript off, at 320 and 1,280 px: nothing wider than the screen.
    for width in [320u32, 1280] {
        let browser = Browser::start_with(BrowserOptions {
            window_size: (width.max(500), 900),
            ..BrowserOptions::default()
        })
        .await;
        // Tall enough that a screenshot shows the whole report.
        browser.set_viewport(width, 3200).await;
        for path in ["/transparency".to_string(), format!("/transparency/{year}")] {
            browser.goto(&format!("{}{path}", setup.server.url)).await;
            let viewport = browser
                .find("html")
                .await
                .inner()
                .rectangle()
                .await
                .expect("rect");
            // The page's width: the viewport's, less a scroll bar.
            let page_width = viewport.2;
            assert!(
                (f64::from(width) - 20.0..=f64::from(width)).contains(&page_width),
                "the page is {page_width} px wide at {width}"
            );
            // Saved first, to see what fails.
            let name = format!(
                "transparency{}-{width}.png",
                path.trim_start_matches("/transparency").replace('/', "-")
            );
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
            std::fs::create_dir_all(&dir).expect("screenshot folder");
            browser.save_screenshot(&dir.join(name)).await;
            let elements = browser.find_all("body *").await;
            assert!(elements.len() > 100, "the page has its tables");
            for e in &elements {
                let (x, _, w, _) = e.inner().rectangle().await.expect("rect");
                assert!(
                    x >= -0.5 && x + w <= viewport.2 + 0.5,
                    "at {width} px, <{}> of {path} spans {x}..{} of {page_width}: {:.60}",
                    e.tag_name().await,
                    x + w,
                    e.text().await
                );
            }
        }
        browser.assert_requests_only_to(&setup.server.url).await;
    }
}

/// A seized server that says a case was received tomorrow, or on no day at all: the
/// workstation refuses to sign a decision counting negative weeks, and signs nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_server_cannot_make_the_body_sign_impossible_weeks() {
    let setup = start(None);
    report(&setup.server, "a report").await;
    let (upstream, _trust) = api_client(&setup, &setup.server.url).await;
    let reference = upstream.cases().await.expect("cases")[0].reference.clone();
    let signer = candor_log::keys::read_private_key(&setup.decision_key).expect("key");
    for lie in [Day::today().plus_days(8).to_string(), "soon".to_string()] {
        let case_path = format!("/api/v1/cases/{reference}");
        let hostile = candor_testkit::hostile::HostileServer::start(
            &setup.server.url,
            std::sync::Arc::new(move |path: &str, body: Vec<u8>| {
                if path == case_path {
                    candor_testkit::hostile::set_json_field(&body, "received_day", &lie)
                } else {
                    body
                }
            }),
        )
        .await;
        let (client, _trust) = api_client(&setup, &hostile.url).await;
        let decision = candor_workstation::Decision {
            kind: Kind::Acknowledged,
            measure: None,
            class: Classification {
                sector: Sector::NotStated,
                area: Area::Other,
                outcome: None,
            },
            reasons: "",
            issued_to: None,
        };
        let err = candor_workstation::record_decision(&client, &signer, &reference, &decision)
            .await
            .expect_err("refused");
        assert!(err.to_string().contains("not a past day"), "{err}");
        assert!(
            !hostile.paths().iter().any(|p| p.ends_with("/decisions")),
            "nothing was signed and sent"
        );
    }
}
