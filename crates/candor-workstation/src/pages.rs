//! The workstation's local pages (no scripts, the same stylesheet as the reporter pages).

use maud::{Markup, html};

use crate::files::{FileReport, offline_advice};
use crate::identity::Naming;
use candor_core::api::{AuditEntry, CaseDetail, CaseSummary};
use candor_core::conversation::FileMeta;
use candor_core::days::Day;
use candor_log::classification::{Area, Outcome, Sector};
use candor_log::entry::{Kind, Measure, Opening};
use candor_ui::{human_size, record_words, t, text};

/// The page frame of the workstation.
pub fn layout(body_name: &str, reviewer: &str, title: &str, content: Markup) -> Markup {
    candor_ui::page(
        &candor_ui::Frame {
            title_suffix: &t!("ws-title"),
            brand: html! { (t!("ws-title")) " — " (body_name) },
            nav: html! {
                li { a href="/" { (t!("ws-inbox")) } }
                li { a href="/audit" { (t!("ws-audit")) } }
                li { a href="/reviewers" { (t!("ws-reviewers")) } }
                li { (t!("ws-signed-in-as")) " " strong { (reviewer) } }
            },
            languages: false,
            footer: None,
        },
        title,
        content,
    )
}

/// What is due next for a case, and whether it is late.
pub struct Due {
    pub what: String,
    pub by: Option<Day>,
    pub overdue: bool,
}

/// The next legal deadline of a case: acknowledgement while it is only received, feedback
/// while it is open, none once decided or closed.
pub fn due(
    status: &str,
    acknowledge_by: &str,
    feedback_by: &str,
    reprisal_day: Option<&str>,
    today: Day,
) -> Due {
    // A report of reprisal comes first: it has a clock of its own until the body answers.
    let reprisal = reprisal_day.and_then(|d| d.parse::<Day>().ok());
    let (what, by) = match (reprisal, status) {
        (Some(day), _) => (
            t!("ws-due-reprisal"),
            Some(day.plus_days(candor_core::days::REPRISAL_ANSWER_WITHIN_DAYS)),
        ),
        (None, status) => match status {
            "received" => (t!("ws-due-acknowledge"), acknowledge_by.parse::<Day>().ok()),
            "acknowledged" | "in-review" => {
                (t!("ws-due-feedback"), feedback_by.parse::<Day>().ok())
            }
            _ => (t!("ws-due-nothing"), None),
        },
    };
    Due {
        what,
        by,
        overdue: by.is_some_and(|d| d < today),
    }
}

/// Cases sorted by what is due first (overdue first, then soonest; nothing due last).
pub fn sort_by_due(cases: &mut [CaseSummary], today: Day) {
    cases.sort_by_key(|c| {
        let d = due(
            &c.status,
            &c.acknowledge_by,
            &c.feedback_by,
            c.reprisal_day.as_deref(),
            today,
        );
        (d.by.is_none(), d.by, c.received_day.clone())
    });
}

/// Cases listed on one page of the inbox.
pub const INBOX_PAGE: usize = 100;

/// The inbox's filters, from its query string.
#[derive(Debug, Default)]
pub struct InboxFilter {
    /// Only cases of this status.
    pub status: Option<String>,
    /// Only cases whose reference contains this.
    pub q: Option<String>,
    /// Only cases with items not yet opened by this reviewer.
    pub unread: bool,
    /// Only cases past a deadline.
    pub overdue: bool,
}

impl InboxFilter {
    pub fn keeps(&self, case: &CaseSummary, today: Day) -> bool {
        self.status.as_ref().is_none_or(|s| &case.status == s)
            && self
                .q
                .as_ref()
                .is_none_or(|q| case.reference.to_lowercase().contains(&q.to_lowercase()))
            && (!self.unread || case.unread_items > 0)
            && (!self.overdue
                || due(
                    &case.status,
                    &case.acknowledge_by,
                    &case.feedback_by,
                    case.reprisal_day.as_deref(),
                    today,
                )
                .overdue)
    }

    fn is_set(&self) -> bool {
        self.status.is_some() || self.q.is_some() || self.unread || self.overdue
    }

    /// The inbox's address with these filters, at `page`.
    fn link(&self, page: usize) -> String {
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(s) = &self.status {
            query.push(("status", s.clone()));
        }
        if let Some(q) = &self.q {
            query.push(("q", q.clone()));
        }
        if self.unread {
            query.push(("unread", "1".into()));
        }
        if self.overdue {
            query.push(("overdue", "1".into()));
        }
        if page > 1 {
            query.push(("page", page.to_string()));
        }
        match serde_urlencoded::to_string(&query) {
            Ok(q) if !q.is_empty() => format!("/?{q}"),
            _ => "/".into(),
        }
    }
}

pub struct InboxView<'a> {
    pub body_name: &'a str,
    pub reviewer: &'a str,
    /// The cases that pass the filter, most urgent first.
    pub cases: &'a [CaseSummary],
    /// How many cases there are in all.
    pub all: usize,
    pub filter: &'a InboxFilter,
    /// The page asked for, from 1.
    pub page: usize,
    pub today: Day,
    pub flash: Option<&'a str>,
}

/// The inbox: the cases that pass the filters, [`INBOX_PAGE`] to a page, most urgent first.
pub fn inbox(v: &InboxView) -> Markup {
    let pages = v.cases.len().div_ceil(INBOX_PAGE).max(1);
    let page = v.page.clamp(1, pages);
    let shown = v
        .cases
        .iter()
        .skip((page - 1) * INBOX_PAGE)
        .take(INBOX_PAGE);
    let first = (page - 1) * INBOX_PAGE + 1;
    let last = (page * INBOX_PAGE).min(v.cases.len());
    let f = v.filter;
    layout(
        v.body_name,
        v.reviewer,
        &t!("ws-inbox"),
        html! {
            h1 { (t!("ws-inbox")) }
            @if let Some(flash) = v.flash { div.notice.ok role="status" { p { (flash) } } }
            @if v.all == 0 {
                p { (t!("ws-no-reports")) }
            } @else {
                form method="get" action="/" aria-label=(t!("ws-filter-label")) {
                    label { (t!("ws-status")) " " select name="status" {
                        option value="" selected[f.status.is_none()] { (t!("ws-any")) }
                        @for s in candor_core::domain::Status::ALL {
                            option value=(s.as_str()) selected[f.status.as_deref() == Some(s.as_str())] { (s.as_str()) }
                        }
                    } }
                    " "
                    label { (t!("ws-reference")) " " input type="search" name="q" value=(f.q.as_deref().unwrap_or("")) size="16"; }
                    " "
                    label { input type="checkbox" name="unread" value="1" checked[f.unread]; " " (t!("ws-unread-only")) }
                    " "
                    label { input type="checkbox" name="overdue" value="1" checked[f.overdue]; " " (t!("ws-overdue-only")) }
                    " "
                    button type="submit" { (t!("ws-filter")) }
                    @if f.is_set() { " " a href="/" { (t!("ws-show-all")) } }
                }
                @if v.cases.is_empty() {
                    p { (t!("ws-no-match", all = v.all)) }
                } @else {
                    p {
                        @if f.is_set() { (t!("ws-cases-match", matching = v.cases.len(), all = v.all)) } @else { (t!("ws-cases", all = v.all)) }
                        (t!("ws-cases-shown", first = first, last = last))
                    }
                    table {
                        thead { tr { th { (t!("ws-case")) } th { (t!("ws-status")) } th { (t!("ws-received")) } th { (t!("ws-next-deadline")) } th { (t!("ws-unread")) } } }
                        tbody {
                            @for c in shown {
                                @let d = due(&c.status, &c.acknowledge_by, &c.feedback_by, c.reprisal_day.as_deref(), v.today);
                                tr {
                                    td { a href=(format!("/cases/{}", c.reference)) { (c.reference) } }
                                    td { (c.status) }
                                    td { (c.received_day) }
                                    td {
                                        @if let Some(by) = d.by {
                                            (t!("ws-due-by", what = d.what.as_str(), day = by.to_string()))
                                            @if d.overdue { " " span.overdue { (t!("ws-overdue")) } }
                                        } @else { (d.what) }
                                    }
                                    td { @if c.unread_items > 0 { strong { (t!("ws-new-items", count = c.unread_items)) } } @else { "—" } }
                                }
                            }
                        }
                    }
                    @if pages > 1 {
                        nav aria-label=(t!("ws-pages")) {
                            p {
                                @if page > 1 { a href=(f.link(page - 1)) rel="prev" { (t!("ws-previous")) } " " }
                                (t!("ws-page-of", page = page, pages = pages))
                                @if page < pages { " " a href=(f.link(page + 1)) rel="next" { (t!("ws-next")) } }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// An item of the conversation, opened locally.
pub enum ShownItem {
    Text {
        text: String,
        /// SHA-256 of the decrypted bytes.
        sha256: [u8; 32],
    },
    File {
        id: i64,
        meta: FileMeta,
        /// What inspection found, if the file could be read.
        report: Option<std::sync::Arc<FileReport>>,
    },
    /// A log record (a receipt or a decision) and its index once in the log.
    Record {
        opening: Box<Opening>,
        index: Option<u64>,
    },
    /// An identity statement (or layers peeled from one during a disclosure): only its
    /// custodians, together, open it.
    Identity {
        id: i64,
        /// SHA-256 of the stored bundle.
        sha256: [u8; 32],
        bundle: candor_core::identity::Bundle,
    },
    /// The words the reporter agreed that certificates may name them by (empty: the
    /// agreement withdrawn).
    IssuedTo {
        id: i64,
        words: String,
    },
    Unreadable(i64),
}

pub struct ShownMessage {
    pub author: String,
    pub day: String,
    pub items: Vec<ShownItem>,
    /// For each item, whether it differs from what the reporter sent.
    pub altered: Vec<bool>,
}

/// Which items differ from the plaintext SHA-256 the message's `report-received` opening
/// commits to (see [`candor_core::conversation::altered_items`]).
pub fn altered(items: &[ShownItem]) -> Vec<bool> {
    let hashes: Vec<Option<[u8; 32]>> = items
        .iter()
        .map(|i| match i {
            ShownItem::Text { sha256, .. } => Some(*sha256),
            ShownItem::File { meta, .. } => meta.sha256_bytes(),
            _ => None,
        })
        .collect();
    let openings = items.iter().filter_map(|i| match i {
        ShownItem::Record { opening, .. } => Some(&**opening),
        _ => None,
    });
    candor_core::conversation::altered_items(
        &hashes,
        candor_core::conversation::receipt_plaintexts(openings),
    )
}

pub struct CaseView<'a> {
    pub body_name: &'a str,
    pub reviewer: &'a str,
    pub case: &'a CaseDetail,
    pub messages: &'a [ShownMessage],
    pub csrf: &'a str,
    pub flash: Option<&'a str>,
    pub export_dir: &'a str,
    pub today: Day,
    /// Whether a decision key is loaded.
    pub can_decide: bool,
    /// Why nothing may be sealed to this case (its reporter key is not the pinned one).
    pub blocked: Option<String>,
    /// The file whose safe view is shown inline: its pages, or why it has none.
    pub safe_view: Option<(i64, Result<usize, String>)>,
    /// The case's identity statements and where their disclosure stands.
    pub statements: &'a [crate::identity::Statement],
    /// The body's notice before a disclosure, in days (the server's setting).
    pub notice_days: u16,
    /// Whom a decision may be issued to.
    pub naming: crate::identity::Naming,
}

pub fn case_page(v: &CaseView<'_>) -> Markup {
    let c = v.case;
    let d = due(
        &c.status,
        &c.acknowledge_by,
        &c.feedback_by,
        c.reprisal_day.as_deref(),
        v.today,
    );
    layout(
        v.body_name,
        v.reviewer,
        &t!("ws-case-title", reference = c.reference.as_str()),
        html! {
            h1 { (t!("ws-case-title", reference = c.reference.as_str())) }
            @if let Some(blocked) = &v.blocked {
                div.notice role="alert" {
                    p { strong { (t!("ws-blocked")) } " " (blocked) }
                }
            }
            @if let Some(flash) = v.flash { div.notice.ok role="status" { p { (flash) } } }
            table {
                tbody {
                    tr { th scope="row" { (t!("ws-status")) } td { (c.status) } }
                    tr { th scope="row" { (t!("ws-received")) } td { (c.received_day) } }
                    tr { th scope="row" { (t!("ws-acknowledge-by")) } td { (c.acknowledge_by) } }
                    tr { th scope="row" { (t!("ws-feedback-by")) } td { (c.feedback_by) } }
                    tr {
                        th scope="row" { (t!("ws-next-due")) }
                        td {
                            @if let Some(by) = d.by { (t!("ws-due-by", what = d.what.as_str(), day = by.to_string())) @if d.overdue { " " span.overdue { (t!("ws-overdue")) } } }
                            @else { (d.what) }
                        }
                    }
                }
            }
            h2 { (t!("ws-conversation")) }
            @for m in v.messages {
                @let reporter = m.author == "reporter";
                div class=(if reporter { "msg" } else { "msg body" }) {
                    p.who { @if reporter { (t!("ws-reporter")) } @else { (t!("ws-the-body")) } " — " (m.day) }
                    @for (item, altered) in m.items.iter().zip(&m.altered) {
                        @if *altered {
                            div.notice role="alert" {
                                p { strong { (t!("ws-altered")) } " " (t!("ws-altered-why")) }
                            }
                        }
                        @match item {
                            ShownItem::Text { text: t, .. } => { pre { (t) } }
                            ShownItem::File { id, meta, report } => {
                                @let shown = v.safe_view.as_ref().filter(|(i, _)| i == id).map(|(_, p)| p.clone());
                                (file_item(&c.reference, *id, meta, report.as_deref(), shown))
                            }
                            ShownItem::Record { opening, index } => { (record_line(opening, *index)) }
                            ShownItem::Identity { bundle, .. } => {
                                @if bundle.peeled_from.is_none() {
                                    p.identity { strong { (t!("ws-identity", threshold = bundle.threshold, custodians = bundle.custodians().join(", "))) } }
                                } @else {
                                    p.hint { (t!("ws-identity-layers")) }
                                }
                            }
                            ShownItem::IssuedTo { words, .. } if words.is_empty() => {
                                p.issued-to { (t!("ws-issued-to-withdrawn-item")) }
                            }
                            ShownItem::IssuedTo { words, .. } => {
                                p.issued-to { (t!("ws-issued-to-item", name = words.as_str())) }
                            }
                            ShownItem::Unreadable(id) => { p.hint { (t!("ws-unreadable", id = *id)) } }
                        }
                    }
                }
            }

            @for statement in v.statements { (identity_panel(v, statement)) }

            h2 { (t!("ws-decisions")) }
            @let records: Vec<(&Opening, Option<u64>)> = v.messages.iter().flat_map(|m| &m.items).filter_map(|i| match i {
                ShownItem::Record { opening, index } if opening.kind.is_decision() => Some((&**opening, *index)),
                _ => None,
            }).collect();
            @if records.is_empty() { p { (t!("ws-no-decision")) } }
            @else {
                ul { @for (opening, index) in &records { li { (record_line(opening, *index)) } } }
            }
            // The classification proposed: the one of this case's latest classified decision.
            // Otherwise: sector not stated, area other.
            @let (sector, area) = records.iter().rev()
                .find_map(|(o, _)| o.facts.and_then(|f| Some((f.sector?, f.area?))))
                .unwrap_or((Sector::NotStated, Area::Other));
            @if v.can_decide {
                form method="post" action=(format!("/cases/{}/decisions", c.reference)) {
                    input type="hidden" name="csrf" value=(v.csrf);
                    label for="kind" { (t!("ws-decide-kind")) }
                    select id="kind" name="kind" {
                        @for k in Kind::DECISIONS { option value=(k.as_str()) { (text::kind(k)) } }
                    }
                    label for="measure" { (t!("ws-decide-measure")) }
                    select id="measure" name="measure" {
                        option value="none" { "—" }
                        @for m in Measure::ALL { option value=(m.as_str()) { (text::measure(*m)) } }
                    }
                    fieldset {
                        legend { (t!("ws-decide-class")) }
                        p.hint { (t!("ws-decide-class-hint")) }
                        label for="sector" { (t!("ws-sector")) }
                        select id="sector" name="sector" {
                            @for s in Sector::ALL { option value=(s.as_str()) selected[*s == sector] { (text::sector(*s)) } }
                        }
                        label for="area" { (t!("ws-area")) }
                        select id="area" name="area" {
                            @for a in Area::ALL { option value=(a.as_str()) selected[*a == area] { (text::area(*a)) } }
                        }
                        label for="outcome" { (t!("ws-decide-outcome")) }
                        select id="outcome" name="outcome" {
                            option value="" { "—" }
                            @for o in Outcome::ALL { option value=(o.as_str()) { (text::outcome(*o)) } }
                        }
                    }
                    label for="reasons" { (t!("ws-decide-reasons")) }
                    textarea id="reasons" name="reasons" rows="5" {}
                    @match &v.naming {
                        Naming::Offered { item_id, words } => {
                            label {
                                input type="checkbox" name="issued_to" value=(item_id) aria-describedby="issued-to-hint";
                                " " (t!("ws-decide-issued-to", name = words.as_str()))
                            }
                            p.hint id="issued-to-hint" { (t!("ws-decide-issued-to-hint")) }
                        }
                        Naming::NotDisclosed(words) => {
                            p.hint { (t!("ws-decide-issued-to-not-disclosed", name = words.as_str())) }
                        }
                        Naming::Nobody => { p.hint { (t!("ws-decide-issued-to-nobody")) } }
                    }
                    div { button type="submit" { (t!("ws-decide-sign")) } }
                }
            } @else {
                p.hint { (t!("ws-decide-no-key")) }
            }

            h2 { (t!("ws-reply")) }
            form method="post" action=(format!("/cases/{}/reply", c.reference)) enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(v.csrf);
                label for="message" { (t!("ws-reply-message")) }
                p.hint id="message-hint" { (t!("ws-reply-hint")) }
                textarea id="message" name="message" rows="8" aria-describedby="message-hint" {}
                label for="files" { (t!("ws-attachments")) }
                input type="file" id="files" name="files" multiple;
                div { button type="submit" { (t!("ws-send-reply")) } }
            }

            h2 { (t!("ws-status")) }
            form method="post" action=(format!("/cases/{}/status", c.reference)) {
                input type="hidden" name="csrf" value=(v.csrf);
                label for="status" { (t!("ws-set-status")) }
                select id="status" name="status" {
                    @for s in ["received", "acknowledged", "in-review", "decided", "closed"] {
                        option value=(s) selected[s == c.status] { (s) }
                    }
                }
                div { button type="submit" { (t!("ws-change-status")) } }
            }

            h2 { (t!("ws-retention")) }
            @if c.legal_hold {
                p { (t!("ws-held")) }
            } @else if let Some(day) = &c.deletion_day {
                p { (t!("ws-deleted-on")) " " strong { (day) } " " (t!("ws-deleted-on-after")) }
            } @else {
                p { (t!("ws-not-scheduled")) }
            }
            form method="post" action=(format!("/cases/{}/hold", c.reference)) {
                input type="hidden" name="csrf" value=(v.csrf);
                input type="hidden" name="hold" value=(if c.legal_hold { "off" } else { "on" });
                button.secondary type="submit" {
                    @if c.legal_hold { (t!("ws-hold-lift")) } @else { (t!("ws-hold-place")) }
                }
            }

            h2 { (t!("ws-export-heading")) }
            form method="post" action=(format!("/cases/{}/export", c.reference)) {
                input type="hidden" name="csrf" value=(v.csrf);
                label for="dir" { (t!("ws-export")) }
                p.hint { (offline_advice().text()) " " (t!("ws-export-then")) " " code { "candor review sanitize FOLDER --out SAFE-FOLDER" } }
                input type="text" id="dir" name="dir" value=(v.export_dir);
                div { button.secondary type="submit" { (t!("ws-export-button")) } }
            }
            form method="post" action=(format!("/cases/{}/grant", c.reference)) {
                input type="hidden" name="csrf" value=(v.csrf);
                p.hint { (t!("ws-grant-hint")) }
                button.secondary type="submit" { (t!("ws-grant")) }
            }
            p { a href=(format!("/audit?case={}", c.reference)) { (t!("ws-case-audit")) } }
        },
    )
}

/// A file of the conversation: what it claims and what it is, the warnings and metadata
/// inspection found, the safe view, and the original behind one sentence of advice.
fn file_item(
    reference: &str,
    id: i64,
    meta: &FileMeta,
    report: Option<&FileReport>,
    safe_view: Option<Result<usize, String>>,
) -> Markup {
    let base = format!("/cases/{reference}/items/{id}");
    html! {
        div.file id=(format!("file-{id}")) {
            p {
                strong { (t!("ws-file")) " " (candor_core::filename::visible(&meta.name)) }
                " (" (human_size(meta.size)) ")"
                br;
                @if let Some(r) = report {
                    (t!("ws-sent-as", claimed = r.claimed_type.as_str())) " " strong { (r.true_type.description.text()) } "."
                    @if meta.safe_name() != meta.name { " " (t!("ws-saved-as")) " " code { (r.saved_as) } }
                    br;
                }
                span.hint { "SHA-256 " (meta.sha256) }
            }
            @match report {
                None => { p.hint { (t!("ws-not-inspected")) } }
                Some(r) => {
                    @if !r.warnings.is_empty() {
                        div.notice role="alert" {
                            ul { @for w in &r.warnings { li { (w.text()) } } }
                        }
                    }
                    @if !r.metadata.is_empty() {
                        table {
                            caption { (t!("ws-metadata")) }
                            thead { tr { th { (t!("ws-found-in")) } th { (t!("ws-what")) } th { (t!("ws-value")) } } }
                            tbody {
                                @for f in &r.metadata { tr { td { (f.source) } td { (f.name.words().text()) } td { (f.value) } } }
                            }
                        }
                    }
                }
            }
            p {
                @if safe_view.is_none() && report.is_none_or(|r| r.convertible()) {
                    a href=(format!("/cases/{reference}?safe={id}#file-{id}")) { (t!("ws-view-safely")) }
                    " " (t!("ws-view-safely-what"))
                    br;
                }
                span.hint { (offline_advice().text()) }
                br;
                a href=(base) { (t!("ws-download-original", name = meta.safe_name())) }
            }
            @if let Some(pages) = safe_view { (safe_view_pages(&base, pages)) }
        }
    }
}

/// The safe view of a file, inline on the case page: its pages as images, or why there
/// are none.
fn safe_view_pages(base: &str, pages: Result<usize, String>) -> Markup {
    html! {
        section.safe-view aria-label=(t!("ws-safe-view")) {
            p.hint { (t!("ws-safe-view-what")) }
            @match pages {
                Err(why) => { div.notice role="alert" { p { strong { (t!("ws-no-safe-view")) } " " (why) } } }
                Ok(n) => {
                    p { (t!("ws-safe-pages", pages = n)) " " a href=(format!("{base}/safe.pdf")) { (t!("ws-safe-pdf")) } }
                    @for page in 1..=n {
                        figure {
                            img.page-image src=(format!("{base}/safe/{page}.png")) alt=(t!("ws-page-of", page = page, pages = n));
                            figcaption { (t!("ws-page-of", page = page, pages = n)) }
                        }
                    }
                }
            }
        }
    }
}

/// One identity statement: who holds it, where its disclosure stands, and the one step
/// this reviewer may take now (a custodian with the decision key).
fn identity_panel(v: &CaseView<'_>, s: &crate::identity::Statement) -> Markup {
    use crate::identity::Stage;
    let me = v.reviewer;
    let custodian = s.custodians().contains(&me) && v.can_decide;
    let action = |step: &str| format!("/cases/{}/identity/{}/{step}", v.case.reference, s.item_id);
    let form = |step: &str, button: String, hint: Option<String>| {
        html! {
            form method="post" action=(action(step)) {
                input type="hidden" name="csrf" value=(v.csrf);
                @if let Some(hint) = &hint { p.hint { (hint) } }
                label for=(format!("reasons-{step}-{}", s.item_id)) { (t!("ws-identity-reasons")) }
                textarea id=(format!("reasons-{step}-{}", s.item_id)) name="reasons" rows="3" required {}
                div { button type="submit" { (button) } }
            }
        }
    };
    html! {
        section.identity aria-labelledby=(format!("identity-{}", s.item_id)) {
            h2 id=(format!("identity-{}", s.item_id)) { (t!("ws-identity-heading")) }
            p { (t!("ws-identity", threshold = s.bundle.threshold, custodians = s.custodians().join(", "))) }
            @match s.stage() {
                Stage::Open => {
                    @if custodian {
                        (form("request", t!("ws-identity-request"), Some(t!("ws-identity-request-hint", until = v.today.plus_days(i64::from(v.notice_days)).to_string(), threshold = s.bundle.threshold))))
                    }
                }
                Stage::Requested { requester, not_before, waived, agreed } => {
                    p.notice { (t!("ws-identity-requested", custodian = requester.as_str(), until = not_before.to_string(), agreed = agreed.join(", "), threshold = s.bundle.threshold)) }
                    @if custodian && requester == me {
                        @if s.ready_for(me) {
                            (form("open", t!("ws-identity-open"), Some(t!("ws-identity-open-hint"))))
                        } @else {
                            p.hint { (t!("ws-identity-waiting")) }
                        }
                    } @else if custodian && !agreed.iter().any(|a| a == me) {
                        @if waived || v.today >= not_before {
                            (form("approve", t!("ws-identity-approve"), Some(t!("ws-identity-approve-hint", custodian = requester.as_str()))))
                        } @else {
                            p { (t!("ws-identity-wait", until = not_before.to_string())) }
                            (form("waive", t!("ws-identity-waive"), Some(t!("ws-identity-waive-hint"))))
                        }
                    }
                }
            }
        }
    }
}

/// The statement itself, shown once to the custodian who opened it (never stored).
pub fn identity_statement_page(
    body_name: &str,
    reviewer: &str,
    reference: &str,
    statement: &str,
) -> Markup {
    layout(
        body_name,
        reviewer,
        &t!("ws-identity-statement-title", reference = reference),
        html! {
            h1 { (t!("ws-identity-statement-title", reference = reference)) }
            div.notice role="status" { p { (t!("ws-identity-statement-recorded")) } }
            pre.statement { (statement) }
            p { a href=(format!("/cases/{reference}")) { (t!("ws-back-to-case")) } }
        },
    )
}

fn record_line(opening: &Opening, index: Option<u64>) -> Markup {
    html! {
        p {
            strong { (record_words(opening)) } " — " (opening.day)
            " — "
            @match index {
                Some(i) => { (t!("ws-log-entry", index = i)) }
                None => { (t!("ws-log-waiting")) }
            }
        }
        @if !opening.reasons.is_empty() { pre { (opening.reasons) } }
    }
}

pub fn audit_page(body_name: &str, reviewer: &str, entries: &[AuditEntry]) -> Markup {
    layout(
        body_name,
        reviewer,
        &t!("ws-audit"),
        html! {
            h1 { (t!("ws-audit")) }
            p { (t!("ws-audit-what")) }
            table {
                thead { tr { th { (t!("ws-day")) } th { (t!("ws-reviewer")) } th { (t!("ws-action")) } th { (t!("ws-case")) } th { (t!("ws-detail")) } } }
                tbody {
                    @for e in entries {
                        tr {
                            td { (e.day) } td { (e.reviewer) } td { (e.action) }
                            td { (e.case.as_deref().unwrap_or("")) } td { (e.detail.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        },
    )
}

/// What the Reviewers page shows.
pub struct ReviewersView<'a> {
    pub body_name: &'a str,
    pub reviewer: &'a str,
    /// Name and recipient of each reviewer this workstation trusts.
    pub trusted: &'a [(String, String)],
    pub server: &'a [candor_core::api::ReviewerInfo],
    pub changes: &'a [crate::trust::Change],
    pub fingerprint: &'a str,
    pub csrf: &'a str,
    pub flash: Option<&'a str>,
}

pub fn reviewers_page(v: &ReviewersView<'_>) -> Markup {
    layout(
        v.body_name,
        v.reviewer,
        &t!("ws-reviewers"),
        html! {
            h1 { (t!("ws-reviewers")) }
            @if let Some(flash) = v.flash { div.notice.ok role="status" { p { (flash) } } }
            p {
                (t!("ws-reviewers-what"))
            }
            @if v.changes.is_empty() {
                div.notice.ok role="status" { p { (t!("ws-reviewers-same")) } }
            } @else {
                div.notice role="alert" {
                    p { strong { (t!("ws-reviewers-differ")) } }
                    ul { @for c in v.changes { li { (c.to_string()) } } }
                }
                form method="post" action="/reviewers/trust" {
                    input type="hidden" name="csrf" value=(v.csrf);
                    input type="hidden" name="fingerprint" value=(v.fingerprint);
                    button type="submit" { (t!("ws-reviewers-trust")) }
                }
            }
            h2 { (t!("ws-reviewers-trusted")) }
            table {
                thead { tr { th scope="col" { (t!("ws-reviewer")) } th scope="col" { (t!("ws-reviewer-key")) } } }
                tbody {
                    @for (name, recipient) in v.trusted {
                        tr { td { (name) } td { code { (recipient) } } }
                    }
                }
            }
            h2 { (t!("ws-reviewers-listed")) }
            table {
                thead { tr { th scope="col" { (t!("ws-reviewer")) } th scope="col" { (t!("ws-reviewer-key")) } } }
                tbody {
                    @for r in v.server {
                        tr { td { (r.name) } td { code { (r.recipient) } } }
                    }
                }
            }
        },
    )
}

pub fn error_page(body_name: &str, reviewer: &str, title: &str, message: &str) -> Markup {
    layout(
        body_name,
        reviewer,
        title,
        candor_ui::error_content(title, message, &t!("ws-back-to-inbox")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(reference: &str, status: &str, received: &str) -> CaseSummary {
        let day: Day = received.parse().expect("day");
        CaseSummary {
            reference: reference.into(),
            status: status.into(),
            received_day: received.into(),
            acknowledge_by: day.plus_days(7).to_string(),
            feedback_by: day.plus_months(3).to_string(),
            messages: 1,
            unread_items: 0,
            reporter_recipient: String::new(),
            reprisal_day: None,
        }
    }

    #[test]
    fn inbox_order_follows_deadlines() {
        let today: Day = "2026-11-23".parse().expect("day");
        let mut cases = vec![
            summary("CLOSED", "closed", "2026-01-01"),
            summary("FEEDBACK", "acknowledged", "2026-09-01"),
            summary("NEW", "received", "2026-11-22"),
            summary("LATE", "received", "2026-11-01"),
            CaseSummary {
                reprisal_day: Some("2026-11-20".into()),
                ..summary("REPRISAL", "acknowledged", "2026-09-01")
            },
        ];
        sort_by_due(&mut cases, today);
        let order: Vec<&str> = cases.iter().map(|c| c.reference.as_str()).collect();
        assert_eq!(order, ["LATE", "REPRISAL", "NEW", "FEEDBACK", "CLOSED"]);
        assert!(due("received", "2026-11-08", "2027-02-01", None, today).overdue);
        assert!(!due("acknowledged", "2026-11-08", "2027-02-01", None, today).overdue);
        assert!(
            due("closed", "2026-11-08", "2027-02-01", None, today)
                .by
                .is_none()
        );
        // A report of reprisal has its own clock, whatever the status: a week.
        let reprisal = due(
            "closed",
            "2026-11-08",
            "2027-02-01",
            Some("2026-11-10"),
            today,
        );
        assert_eq!(
            reprisal.by.map(|d| d.to_string()).as_deref(),
            Some("2026-11-17")
        );
        assert!(reprisal.overdue);
    }
}
