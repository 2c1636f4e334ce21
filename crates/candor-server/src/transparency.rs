//! The statistics the recommendations ask for, counted from the public log alone
//! ([`candor_log::stats`], the same code `candor log verify --stats` runs):
//!
//! - `/transparency`: the years, open data links, and the newest year's report;
//! - `/transparency/YEAR`: the annual report, printable;
//! - `/transparency.csv`, `/transparency.json` and `/datapackage.json` (Frictionless) for
//!   the open data.
//!
//! Pages are plain HTML tables; the bars are CSS widths in steps of 5 % (`.w0`…`.w100`,
//! the stylesheet's), so they need no script, no image and no inline style, and every
//! table has at most four narrow columns so a 320 px screen shows it without scrolling.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::app::{AppState, page_response};
use crate::reporter::pages;
use candor_log::classification::{Area, Outcome, Sector};
use candor_log::entry::Kind;
use candor_log::stats::{Cell, Counts, Statistics, Year, tenths};

async fn statistics(app: &AppState) -> Result<Statistics, Response> {
    app.log
        .statistics(app.config.suppress_below)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "the statistics could not be counted");
            page_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The statistics are unavailable",
                "The log could not be read. Please try again later.",
            )
        })
}

fn file(body: String, content_type: &'static str) -> Response {
    let mut r = body.into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// `GET /transparency.csv`.
pub async fn csv(State(app): State<AppState>) -> Response {
    match statistics(&app).await {
        Ok(s) => file(s.to_csv(), "text/csv; charset=utf-8"),
        Err(r) => r,
    }
}

/// `GET /transparency.json`.
pub async fn json(State(app): State<AppState>) -> Response {
    match statistics(&app).await {
        Ok(s) => file(s.to_json(), "application/json"),
        Err(r) => r,
    }
}

/// `GET /datapackage.json`: the schema of both files.
pub async fn datapackage(State(app): State<AppState>) -> Response {
    file(
        candor_log::stats::datapackage(app.config.suppress_below),
        "application/json",
    )
}

/// `GET /transparency`: the years, the open data, the newest year's report.
pub async fn overview(State(app): State<AppState>) -> Response {
    let stats = match statistics(&app).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    pages::layout(
        &app.site,
        "Transparency",
        html! {
            h1 { "Transparency: reports and decisions" }
            p {
                "Every report received and every decision of " (app.site.body_name)
                " about a whistleblower's status and protection is an entry of a public, append-only log ("
                code { (stats.origin) } ", " (stats.size) " entries). These figures are counted from those entries alone; nothing in them identifies a person or a case."
            }
            (suppression_note(&stats))
            @if stats.years.is_empty() {
                p { "No report has been received yet." }
            } @else {
                h2 { "Years" }
                table.stat {
                    caption { "Reports and decisions by year; each year has its annual report" }
                    thead { tr { th scope="col" { "Year" } th scope="col" { "New reports" } th scope="col" { "Decisions" } } }
                    tbody {
                        @for y in stats.years.iter().rev() {
                            tr {
                                th scope="row" { a href=(format!("/transparency/{}", y.year)) { (y.year) } }
                                td.n { (cell(stats.cell(y.total.reports))) }
                                td.n { (cell(stats.cell(decisions(&y.total)))) }
                            }
                        }
                    }
                }
            }
            (open_data())
            @if let Some(latest) = stats.years.last() {
                h2 { "The year " (latest.year) }
                (report(&stats, latest, 3))
            }
            h2 { "Check these numbers yourself" }
            ol.steps {
                li { "Obtain the log's and the body's public keys from a source you trust (they are also at " a href="/log/keys" { "/log/keys" } ")." }
                li { "Run " code { "candor log verify --server ADDRESS --log-key LOG-KEY --stats csv" } ". It downloads the signed checkpoint and every entry and tile of the log (c2sp.org/tlog-tiles), recomputes the Merkle root, checks that the log only grew since your last run, and writes the same " code { "transparency.csv" } " from the entries themselves (" code { "--stats json" } " for the JSON)." }
                li { "Or count by hand: each entry is a signed note (" code { "candor.entry/v2" } ": kind, day, and for decisions the sector, area, outcome and whole weeks since the report). Older " code { "candor.entry/v1" } " entries carry only kind and day and count as unclassified." }
            }
        },
    )
    .into_response()
}

/// `GET /transparency/{year}`: one year's report.
pub async fn annual(State(app): State<AppState>, Path(year): Path<String>) -> Response {
    let stats = match statistics(&app).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(y) = stats.years.iter().find(|y| y.year.to_string() == year) else {
        return page_response(
            StatusCode::NOT_FOUND,
            "No report for that year",
            "The log has no entries in that year.",
        );
    };
    pages::layout(
        &app.site,
        &format!("Annual report {}", y.year),
        html! {
            h1 { "Annual report " (y.year) ": reports and decisions" }
            p {
                "Counted from the public log of " (app.site.body_name) " (" code { (stats.origin) } ", "
                (stats.size) " entries), by the day of each entry. "
                a href="/transparency" { "All years" } "."
            }
            (suppression_note(&stats))
            (report(&stats, y, 2))
            (open_data())
        },
    )
    .into_response()
}

fn suppression_note(stats: &Statistics) -> Markup {
    html! {
        @if stats.suppress_below > 1 {
            p.hint {
                "To protect reporters, counts from 1 to " (stats.suppress_below - 1)
                " are shown as “<" (stats.suppress_below) "”: fewer than " (stats.suppress_below) "."
            }
        }
    }
}

fn open_data() -> Markup {
    html! {
        h2 { "Open data" }
        ul {
            li { a href="/transparency.csv" { "transparency.csv" } " (every figure, every year and quarter)" }
            li { a href="/transparency.json" { "transparency.json" } " (the same, with the log's size)" }
            li { a href="/datapackage.json" { "datapackage.json" } " (the schema, Frictionless Data)" }
        }
    }
}

/// A published count in words.
fn cell(c: Cell) -> Markup {
    match c {
        Cell::Count(n) => html! { (n) },
        // Short, so four narrow columns fit a 320 px screen; the words on hover and for
        // screen readers, and in the note above the tables.
        Cell::FewerThan(t) => html! { abbr title=(format!("fewer than {t}")) { "<" (t) } },
        Cell::Tenths(Some(t)) => html! { (tenths(t)) },
        Cell::Tenths(None) => html! { "—" },
    }
}

/// A bar as wide as `n` is of `max`, in steps of 5 %; none for a suppressed count.
fn bar(c: Cell, max: u64) -> Markup {
    let width = match c {
        Cell::Count(n) if max > 0 => (n * 20).div_ceil(max) * 5,
        _ => return html! {},
    };
    html! { span.bar.(format!("w{width}")) {} }
}

fn decisions(c: &Counts) -> u64 {
    c.decisions.values().sum()
}

/// A table of labelled counts with a bar each.
fn bars(stats: &Statistics, caption: &str, head: &str, rows: &[(&str, u64)]) -> Markup {
    let max = rows
        .iter()
        .map(|&(_, n)| n)
        .filter(|&n| matches!(stats.cell(n), Cell::Count(_)))
        .max()
        .unwrap_or(0);
    html! {
        table.stat {
            caption { (caption) }
            thead { tr { th scope="col" { (head) } th scope="col" { "Number" } th.chart scope="col" { span.visually-hidden { "Bar" } } } }
            tbody {
                @for &(label, n) in rows {
                    tr {
                        th scope="row" { (label) }
                        td.n { (cell(stats.cell(n))) }
                        td.chart { (bar(stats.cell(n), max)) }
                    }
                }
            }
        }
    }
}

/// A share as published: too few to show, or a percentage with its counts.
fn share(stats: &Statistics, part: u64, whole: u64) -> Markup {
    if whole < stats.suppress_below {
        return html! { "too few to show" };
    }
    match stats.cell(part) {
        Cell::Count(p) => {
            let pct = (p * 100 + whole / 2) / whole;
            html! { (pct) " % (" (p) " of " (whole) ")" }
        }
        Cell::FewerThan(t) => html! { "fewer than " (t) " of " (whole) },
        c => html! { (cell(c)) " of " (whole) },
    }
}

/// One year's report; `h` is the level of its section headings.
fn report(stats: &Statistics, y: &Year, h: u8) -> Markup {
    let heading = |text: String| -> Markup {
        if h == 2 {
            html! { h2 { (text) } }
        } else {
            html! { h3 { (text) } }
        }
    };
    let c = &y.total;
    let decision_rows: Vec<(&str, u64)> = Kind::DECISIONS
        .iter()
        .map(|&k| (k.describe(), c.decided(k)))
        .collect();
    let sector_rows: Vec<(&str, Option<Sector>)> = Sector::ALL
        .iter()
        .map(|&s| (s.describe(), Some(s)))
        .chain(
            (c.in_sector(Kind::StatusRecognized, None) + c.in_sector(Kind::StatusDeclined, None)
                > 0)
            .then_some(("Unclassified (older entries)", None)),
        )
        .collect();
    let area_rows: Vec<(&str, Option<Area>)> = Area::ALL
        .iter()
        .map(|&a| (a.describe(), Some(a)))
        .chain(
            (c.in_area(Kind::StatusRecognized, None) + c.in_area(Kind::StatusDeclined, None) > 0)
                .then_some(("Unclassified (older entries)", None)),
        )
        .collect();
    let outcome_rows: Vec<(&str, u64)> = Outcome::ALL
        .iter()
        .map(|&o| (o.describe(), c.with_outcome(Some(o))))
        .chain(
            (c.with_outcome(None) > 0)
                .then_some(("Unclassified (older entries)", c.with_outcome(None))),
        )
        .collect();
    html! {
        (heading(format!("Reports received in {}", y.year)))
        table.stat {
            caption { "By quarter, from the day of each entry" }
            thead { tr { th scope="col" { "Quarter" } th scope="col" { "New reports" } th scope="col" { "Decisions" } } }
            tbody {
                @for (q, qc) in &y.quarters {
                    tr {
                        th scope="row" { "Q" (q) }
                        td.n { (cell(stats.cell(qc.reports))) }
                        td.n { (cell(stats.cell(decisions(qc)))) }
                    }
                }
                tr.total {
                    th scope="row" { "Year" }
                    td.n { (cell(stats.cell(c.reports))) }
                    td.n { (cell(stats.cell(decisions(c)))) }
                }
            }
        }
        p { "Follow-ups (reporters adding to their case): " (cell(stats.cell(c.follow_ups))) "." }
        @if c.receipts_unclassified > 0 {
            p.hint { "Besides these, " (cell(stats.cell(c.receipts_unclassified))) " older receipts (format version 1) do not say whether they opened a case or followed one up." }
        }

        (heading(format!("Decisions in {}", y.year)))
        (bars(stats, "Decisions by kind", "Decision", &decision_rows))

        (heading("Status decisions by area".to_string()))
        table.stat {
            caption { "Whistleblower status recognized or declined, by what the report was about" }
            thead { tr { th scope="col" { "Area" } th scope="col" { "Recog\u{ad}nized" } th scope="col" { "De\u{ad}clined" } } }
            tbody {
                @for (label, a) in &area_rows {
                    tr {
                        th scope="row" { (label) }
                        td.n { (cell(stats.cell(c.in_area(Kind::StatusRecognized, *a)))) }
                        td.n { (cell(stats.cell(c.in_area(Kind::StatusDeclined, *a)))) }
                    }
                }
            }
        }

        (heading("Status decisions by sector".to_string()))
        table.stat {
            caption { "Whistleblower status recognized or declined, by where the wrongdoing happened" }
            thead { tr { th scope="col" { "Sector" } th scope="col" { "Recog\u{ad}nized" } th scope="col" { "De\u{ad}clined" } } }
            tbody {
                @for (label, s) in &sector_rows {
                    tr {
                        th scope="row" { (label) }
                        td.n { (cell(stats.cell(c.in_sector(Kind::StatusRecognized, *s)))) }
                        td.n { (cell(stats.cell(c.in_sector(Kind::StatusDeclined, *s)))) }
                    }
                }
            }
        }

        (heading("Closed cases by outcome".to_string()))
        (bars(stats, "How closed cases ended", "Outcome", &outcome_rows))

        (heading("Timeliness".to_string()))
        table.stat {
            caption { "Counted over decisions that carry the weeks since the report (format version 2)" }
            tbody {
                tr {
                    th scope="row" { "Acknowledged within 7 days" }
                    td { (share(stats, c.acknowledged_within_7_days, c.acknowledgements_timed)) }
                }
                tr {
                    th scope="row" { "Answered within 3 months (status decided in under 13 weeks)" }
                    td { (share(stats, c.answered_within_3_months(), c.status_decisions_timed())) }
                }
                tr {
                    th scope="row" { "Median weeks from report to status decision" }
                    td { (cell(stats.median(c))) }
                }
            }
        }
    }
}
