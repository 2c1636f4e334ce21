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
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::app::{AppState, page_response};
use crate::public_log::{file, unavailable};
use crate::reporter::pages;
use candor_log::classification::{Area, Outcome, Sector};
use candor_log::entry::Kind;
use candor_log::stats::{Cell, Counts, Statistics, Year, tenths};
use candor_ui::text::href;
use candor_ui::{t, text};

async fn statistics(app: &AppState) -> Result<Statistics, Response> {
    app.log
        .statistics(app.config.suppress_below)
        .await
        .map_err(|e| unavailable(&e))
}

/// `GET /transparency.csv`.
pub async fn csv(State(app): State<AppState>) -> Response {
    match statistics(&app).await {
        Ok(s) => file(s.to_csv(), "text/csv; charset=utf-8", "no-cache"),
        Err(r) => r,
    }
}

/// `GET /transparency.json`.
pub async fn json(State(app): State<AppState>) -> Response {
    match statistics(&app).await {
        Ok(s) => file(s.to_json(), "application/json", "no-cache"),
        Err(r) => r,
    }
}

/// `GET /datapackage.json`: the schema of both files.
pub async fn datapackage(State(app): State<AppState>) -> Response {
    file(
        candor_log::stats::datapackage(app.config.suppress_below),
        "application/json",
        "no-cache",
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
        &t!("stats-title"),
        html! {
            h1 { (t!("stats-heading")) }
            p {
                (t!("stats-intro", body = app.site.body_name.as_str())) " "
                code { (stats.origin) } " " (t!("stats-entries", size = stats.size)) " "
                (t!("stats-intro-after"))
            }
            (suppression_note(&stats))
            @if stats.years.is_empty() {
                p { (t!("stats-none")) }
            } @else {
                h2 { (t!("stats-years")) }
                table.stat {
                    caption { (t!("stats-years-caption")) }
                    thead { tr { th scope="col" { (t!("stats-year")) } th scope="col" { (t!("stats-new-reports")) } th scope="col" { (t!("stats-decisions")) } } }
                    tbody {
                        @for y in stats.years.iter().rev() {
                            tr {
                                th scope="row" { a href=(href(&format!("/transparency/{}", y.year))) { (y.year) } }
                                td.n { (cell(stats.cell(y.total.reports))) }
                                td.n { (cell(stats.cell(decisions(&y.total)))) }
                            }
                        }
                    }
                }
            }
            (open_data())
            @if let Some(latest) = stats.years.last() {
                h2 { (t!("stats-the-year", year = latest.year)) }
                (report(&stats, latest, 3))
            }
            h2 { (t!("stats-check")) }
            ol.steps {
                li { (t!("stats-check-keys")) " " a href="/log/keys" { "/log/keys" } }
                li { (t!("stats-check-run")) " " code { "candor log verify --server ADDRESS --log-key LOG-KEY --stats csv" } " " (t!("stats-check-run-after")) }
                li { (t!("stats-check-hand")) " " code { "candor.entry/v2" } ", " code { "candor.entry/v1" } }
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
            t!("stats-no-year-title"),
            t!("stats-no-year"),
        );
    };
    pages::layout(
        &app.site,
        &t!("stats-annual-title", year = y.year),
        html! {
            h1 { (t!("stats-annual-heading", year = y.year)) }
            p {
                (t!("stats-annual-intro", body = app.site.body_name.as_str())) " "
                code { (stats.origin) } " " (t!("stats-entries", size = stats.size)) " "
                a href=(href("/transparency")) { (t!("stats-all-years")) }
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
            p.hint { (t!("stats-suppressed", below = stats.suppress_below, largest = stats.suppress_below - 1)) }
        }
    }
}

fn open_data() -> Markup {
    html! {
        h2 { (t!("stats-open-data")) }
        ul {
            li { a href="/transparency.csv" { "transparency.csv" } " " (t!("stats-csv")) }
            li { a href="/transparency.json" { "transparency.json" } " " (t!("stats-json")) }
            li { a href="/datapackage.json" { "datapackage.json" } " " (t!("stats-datapackage")) }
        }
    }
}

/// A published count in words.
fn cell(c: Cell) -> Markup {
    match c {
        Cell::Count(n) => html! { (n) },
        // Short, so four narrow columns fit a 320 px screen; the words on hover and for
        // screen readers, and in the note above the tables.
        Cell::FewerThan(t) => html! { abbr title=(t!("stats-fewer-than", below = t)) { "<" (t) } },
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
fn bars(stats: &Statistics, caption: &str, head: &str, rows: &[(String, u64)]) -> Markup {
    let max = rows
        .iter()
        .map(|&(_, n)| n)
        .filter(|&n| matches!(stats.cell(n), Cell::Count(_)))
        .max()
        .unwrap_or(0);
    html! {
        table.stat {
            caption { (caption) }
            thead { tr { th scope="col" { (head) } th scope="col" { (t!("stats-number")) } th.chart scope="col" { span.visually-hidden { (t!("stats-bar")) } } } }
            tbody {
                @for (label, n) in rows {
                    @let n = *n;
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
        return html! { (t!("stats-too-few")) };
    }
    match stats.cell(part) {
        Cell::Count(p) => {
            let pct = (p * 100 + whole / 2) / whole;
            html! { (t!("stats-share", percent = pct, part = p, whole = whole)) }
        }
        _ => html! { (t!("stats-share-small", below = stats.suppress_below, whole = whole)) },
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
    let unclassified = t!("stats-unclassified");
    let decision_rows: Vec<(String, u64)> = Kind::ALL
        .iter()
        .filter(|&&k| k != Kind::ReportReceived)
        .map(|&k| (text::kind(k), c.decided(k)))
        .collect();
    let sector_rows: Vec<(String, Option<Sector>)> = Sector::ALL
        .iter()
        .map(|&s| (text::sector(s), Some(s)))
        .chain(
            (c.in_sector(Kind::StatusRecognized, None) + c.in_sector(Kind::StatusDeclined, None)
                > 0)
            .then(|| (unclassified.clone(), None)),
        )
        .collect();
    let area_rows: Vec<(String, Option<Area>)> = Area::ALL
        .iter()
        .map(|&a| (text::area(a), Some(a)))
        .chain(
            (c.in_area(Kind::StatusRecognized, None) + c.in_area(Kind::StatusDeclined, None) > 0)
                .then(|| (unclassified.clone(), None)),
        )
        .collect();
    let outcome_rows: Vec<(String, u64)> = Outcome::ALL
        .iter()
        .map(|&o| (text::outcome(o), c.with_outcome(Some(o))))
        .chain((c.with_outcome(None) > 0).then(|| (unclassified.clone(), c.with_outcome(None))))
        .collect();
    html! {
        (heading(t!("stats-received-in", year = y.year)))
        table.stat {
            caption { (t!("stats-by-quarter")) }
            thead { tr { th scope="col" { (t!("stats-quarter")) } th scope="col" { (t!("stats-new-reports")) } th scope="col" { (t!("stats-decisions")) } } }
            tbody {
                @for (q, qc) in &y.quarters {
                    tr {
                        th scope="row" { (t!("stats-quarter-name", quarter = *q)) }
                        td.n { (cell(stats.cell(qc.reports))) }
                        td.n { (cell(stats.cell(decisions(qc)))) }
                    }
                }
                tr.total {
                    th scope="row" { (t!("stats-year")) }
                    td.n { (cell(stats.cell(c.reports))) }
                    td.n { (cell(stats.cell(decisions(c)))) }
                }
            }
        }
        p { (t!("stats-follow-ups")) " " (cell(stats.cell(c.follow_ups))) }
        @if c.receipts_unclassified > 0 {
            p.hint { (t!("stats-receipts-unclassified")) " " (cell(stats.cell(c.receipts_unclassified))) }
        }

        (heading(t!("stats-decisions-in", year = y.year)))
        (bars(stats, &t!("stats-by-kind"), &t!("stats-decision"), &decision_rows))

        (heading(t!("stats-by-area")))
        table.stat {
            caption { (t!("stats-by-area-caption")) }
            thead { tr { th scope="col" { (t!("stats-area")) } th scope="col" { (t!("stats-recognized")) } th scope="col" { (t!("stats-declined")) } } }
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

        (heading(t!("stats-by-sector")))
        table.stat {
            caption { (t!("stats-by-sector-caption")) }
            thead { tr { th scope="col" { (t!("stats-sector")) } th scope="col" { (t!("stats-recognized")) } th scope="col" { (t!("stats-declined")) } } }
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

        (heading(t!("stats-by-outcome")))
        (bars(stats, &t!("stats-by-outcome-caption"), &t!("stats-outcome"), &outcome_rows))

        (heading(t!("stats-timeliness")))
        table.stat {
            caption { (t!("stats-timeliness-caption")) }
            tbody {
                tr {
                    th scope="row" { (t!("stats-acknowledged-in-7-days")) }
                    td { (share(stats, c.acknowledged_within_7_days, c.acknowledgements_timed)) }
                }
                tr {
                    th scope="row" { (t!("stats-answered-in-3-months")) }
                    td { (share(stats, c.answered_within_3_months(), c.status_decisions_timed())) }
                }
                tr {
                    th scope="row" { (t!("stats-median-weeks")) }
                    td { (cell(stats.median(c))) }
                }
            }
        }
    }
}
