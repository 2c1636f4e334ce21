//! Reporter pages: server-rendered HTML, no scripts, one stylesheet.

use maud::{Markup, html};

use candor_ui::text::href;
use candor_ui::{human_size, record_words, t};

use candor_core::conversation::{OpenedItem, OpenedMessage};
use candor_core::days::{Clocks, Day};
use candor_log::entry::{Kind, Opening};
use candor_store::{Author, Status};

use crate::retention::Outlook;

/// What every page needs to know about the instance.
#[derive(Debug, Clone)]
pub struct Site {
    pub body_name: String,
    pub reviewer_names: Vec<String>,
    pub max_upload_bytes: u64,
    /// The identity lane, when custodians are configured: (threshold, custodians).
    pub identity: Option<(usize, usize)>,
}

/// The page frame of the reporters' pages.
pub fn layout(site: &Site, title: &str, content: Markup) -> Markup {
    candor_ui::page(
        &candor_ui::Frame {
            title_suffix: &site.body_name,
            brand: html! { (site.body_name) },
            nav: html! {
                li { a href=(href("/")) { (t!("nav-how")) } }
                li { a href=(href("/submit")) { (t!("nav-report")) } }
                li { a href=(href("/followup")) { (t!("nav-check")) } }
            },
            languages: true,
            footer: Some(html! {
                p { (t!("footer-safety")) }
                p { a href=(href("/transparency")) { (t!("footer-figures")) } " " (t!("footer-figures-note")) }
            }),
        },
        title,
        content,
    )
}

pub fn index(site: &Site) -> Markup {
    let body = site.body_name.as_str();
    layout(
        site,
        &t!("index-title"),
        html! {
            h1 { (t!("index-heading", body = body)) }
            p { (t!("index-intro", body = body)) }
            p { a.button href=(href("/submit")) { (t!("nav-report")) } }

            h2 { (t!("index-what-happens")) }
            ol.steps {
                li { (t!("index-step-write")) }
                li { (t!("index-step-encrypt")) }
                li { (t!("index-step-receipt-before")) " " strong { (t!("index-step-receipt-term")) } " " (t!("index-step-receipt-after")) }
                li { (t!("index-step-review")) }
            }

            h2 { (t!("index-who-reads")) }
            p {
                (t!("index-readers", body = body)) " "
                @for (i, name) in site.reviewer_names.iter().enumerate() {
                    @if i > 0 { ", " }
                    strong { (name) }
                }
                ". " (t!("index-readers-after"))
            }
            p { (t!("index-no-javascript")) }

            h2 { (t!("index-receipt-heading")) }
            p { (t!("index-receipt")) }

            h2 { (t!("index-safety-heading")) }
            ul {
                li { (t!("index-safety-tor-before")) " " strong { (t!("index-safety-tor-browser")) } " " (t!("index-safety-tor-middle")) " " strong { (t!("index-safety-tor-level")) } "." }
                li { (t!("index-safety-device")) }
                li { (t!("index-safety-documents")) }
                li { (t!("index-safety-secret")) }
            }
            p { (t!("index-limit", size = human_size(site.max_upload_bytes))) }
        },
    )
}

/// The submission form, optionally with a problem to fix.
pub fn submit_form(site: &Site, problem: Option<&str>) -> Markup {
    let size = human_size(site.max_upload_bytes);
    layout(
        site,
        &t!("submit-title"),
        html! {
            h1 { (t!("submit-title")) }
            @if let Some(problem) = problem {
                div.notice role="alert" { p { (problem) } }
            }
            p { (t!("submit-intro", body = site.body_name.as_str())) }
            form method="post" action=(href("/submit")) enctype="multipart/form-data" {
                label for="message" { (t!("submit-message")) }
                p.hint id="message-hint" { (t!("submit-message-hint")) }
                textarea id="message" name="message" aria-describedby="message-hint" rows="14" {}
                label for="files" { (t!("submit-files")) }
                p.hint id="files-hint" { (t!("submit-files-hint", size = size)) }
                input type="file" id="files" name="files" multiple aria-describedby="files-hint";
                @if let Some(lane) = site.identity {
                    (identity_fields(site, lane))
                }
                div { button type="submit" { (t!("submit-send")) } }
            }
            p.hint { (t!("submit-slow")) }
        },
    )
}

/// The optional identity section of a form: anonymous by default, and what happens to a
/// statement given here.
fn identity_fields(site: &Site, (threshold, count): (usize, usize)) -> Markup {
    html! {
        fieldset.identity {
            legend { (t!("identity-legend")) }
            p.hint id="identity-anonymous" { (t!("identity-anonymous")) }
            p.hint id="identity-sealed" { (t!("identity-sealed", body = site.body_name.as_str(), threshold = threshold, count = count)) }
            label for="identity" { (t!("identity-label")) }
            textarea id="identity" name="identity" rows="5" aria-describedby="identity-anonymous identity-sealed" {}
        }
    }
}

/// Shown once, in the response to a successful submission; never cached.
pub fn receipt(site: &Site, code: &str, files: usize) -> Markup {
    layout(
        site,
        &t!("receipt-title"),
        html! {
            h1 { (t!("receipt-title")) }
            div.notice.ok role="status" {
                p { (t!("receipt-stored", files = files)) }
            }
            h2 { (t!("receipt-heading")) }
            p { strong { (t!("receipt-write-now")) } " " (t!("receipt-once")) }
            p.receipt id="receipt" lang="en" dir="ltr" { (code) }
            p { (t!("receipt-english")) }
            h2 { (t!("receipt-next")) }
            ul {
                li { (t!("receipt-next-deadlines")) }
                li { (t!("receipt-next-return")) }
                li { (t!("receipt-next-close")) }
            }
        },
    )
}

/// The sign-in form for returning reporters.
pub fn followup_form(site: &Site, problem: Option<&str>) -> Markup {
    layout(
        site,
        &t!("followup-title"),
        html! {
            h1 { (t!("followup-title")) }
            @if let Some(problem) = problem {
                div.notice role="alert" { p { (problem) } }
            }
            p { (t!("followup-intro")) }
            form method="post" action=(href("/followup")) {
                label for="receipt" { (t!("followup-code")) }
                p.hint id="receipt-hint" { (t!("followup-code-hint")) " " (t!("followup-english")) }
                input type="text" id="receipt" name="receipt" lang="en" dir="ltr" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="receipt-hint" required;
                div { button type="submit" { (t!("followup-open")) } }
            }
            p.hint { (t!("followup-timeout")) }
        },
    )
}

/// Shown when a page needs a signed-in reporter and there is none.
pub fn not_signed_in(site: &Site) -> Markup {
    layout(
        site,
        &t!("signin-again-title"),
        html! {
            h1 { (t!("signin-again-title")) }
            div.notice role="alert" { p { (t!("signin-again")) } }
            p { a.button href=(href("/followup")) { (t!("signin-again-button")) } }
        },
    )
}

/// Shown after signing out.
pub fn signed_out(site: &Site) -> Markup {
    layout(
        site,
        &t!("signed-out-title"),
        html! {
            h1 { (t!("signed-out-title")) }
            div.notice.ok role="status" { p { (t!("signed-out")) } }
            p { a href=(href("/")) { (t!("back-to-start")) } }
        },
    )
}

/// Plain words for a case status: a label and what it means for the reporter.
pub fn status_words(status: Status) -> (String, String) {
    match status {
        Status::Received => (t!("status-received"), t!("status-received-meaning")),
        Status::Acknowledged => (t!("status-acknowledged"), t!("status-acknowledged-meaning")),
        Status::InReview => (t!("status-in-review"), t!("status-in-review-meaning")),
        Status::Decided => (t!("status-decided"), t!("status-decided-meaning")),
        Status::Closed => (t!("status-closed"), t!("status-closed-meaning")),
    }
}

/// What the case page shows.
pub struct CaseView<'a> {
    pub status: Status,
    pub retention: Outlook,
    pub clocks: Clocks,
    pub today: Day,
    pub messages: &'a [OpenedMessage],
    pub csrf: &'a str,
    pub flash: Option<&'a str>,
    /// The day the reporter reported reprisal, until the body answered.
    pub reprisal_day: Option<Day>,
    /// The reporter's holder key (verifier key), to which decisions may be bound.
    pub holder: Option<String>,
}

/// The reporter's case: status, clocks, the whole conversation, and a form to answer.
pub fn case_page(site: &Site, view: &CaseView<'_>) -> Markup {
    let (label, meaning) = status_words(view.status);
    let acknowledged = view.status != Status::Received;
    layout(
        site,
        &t!("case-title"),
        html! {
            h1 { (t!("case-title")) }
            @if let Some(flash) = view.flash {
                div.notice.ok role="status" { p { (flash) } }
            }
            h2 { (t!("case-status", status = label)) }
            p { (meaning) }
            table {
                caption.visually-hidden { (t!("case-dates")) }
                tbody {
                    tr { th scope="row" { (t!("case-received")) } td { (view.clocks.received) } }
                    tr {
                        th scope="row" { (t!("case-acknowledge-by")) }
                        td {
                            (view.clocks.acknowledge_by)
                            @if acknowledged { " " (t!("case-done")) }
                            @else if view.today > view.clocks.acknowledge_by { " — " span.overdue { (t!("case-late")) } }
                        }
                    }
                    tr {
                        th scope="row" { (t!("case-feedback-by")) }
                        td { (view.clocks.feedback_by) }
                    }
                }
            }
            p.hint { (t!("case-deadlines")) }
            @match view.retention {
                Outlook::Kept => {}
                Outlook::Until { day, months } => {
                    h2 { (t!("case-kept-heading")) }
                    div.notice role="note" {
                        p { (t!("case-deleted-before")) " " strong { (t!("case-deleted-on", day = day.to_string())) } (t!("case-deleted-after", months = months)) }
                        p { (t!("case-deleted-save")) }
                    }
                }
                Outlook::Held => {
                    h2 { (t!("case-kept-heading")) }
                    p { (t!("case-held")) }
                }
            }

            @let decisions: Vec<(i64, &Opening)> = view.messages.iter().flat_map(|m| &m.items).filter_map(|i| match i {
                OpenedItem::Record { id, opening } if opening.kind.is_decision() => Some((*id, &**opening)),
                _ => None,
            }).collect();
            @if !decisions.is_empty() {
                h2 { (t!("case-decisions")) }
                p { (t!("case-decisions-intro", body = site.body_name.as_str())) }
                ul {
                    @for (id, opening) in &decisions {
                        li {
                            strong { (record_words(opening)) } " — " (opening.day) " — " a href=(href(&format!("/case/certificates/{id}"))) { (t!("case-certificate")) }
                            @if opening.reasons_sha256.is_some() {
                                " (" a href=(href(&format!("/case/certificates/{id}?reasons=leave-out"))) { (t!("case-certificate-without-reasons")) } ")"
                            }
                            @if opening.holder.is_some() && opening.holder == view.holder {
                                form.present method="post" action=(href(&format!("/case/certificates/{id}/presentation"))) {
                                    input type="hidden" name="csrf" value=(view.csrf);
                                    label for=(format!("challenge-{id}")) { (t!("case-present-label")) }
                                    p.hint id=(format!("challenge-hint-{id}")) { (t!("case-present-hint")) }
                                    input type="text" id=(format!("challenge-{id}")) name="challenge" required autocomplete="off" aria-describedby=(format!("challenge-hint-{id}"));
                                    div { button.secondary type="submit" { (t!("case-present-button")) } }
                                }
                            }
                        }
                    }
                }
            }

            @if let Some(request) = open_disclosure_request(view.messages) {
                @let until = request.not_before.clone().unwrap_or_default();
                h2 { (t!("case-identity-request-heading")) }
                div.notice role="alert" {
                    p { (t!("case-identity-requested",
                        custodian = request.custodian.clone().unwrap_or_default(),
                        day = request.day.as_str(),
                        until = until.as_str(),
                        threshold = site.identity.map_or(2, |(t, _)| t))) }
                    pre { (request.reasons) }
                    p { (t!("case-identity-object", until = until.as_str())) }
                }
            }

            h2 { (t!("case-conversation")) }
            @for message in view.messages {
                @let mine = message.author == Author::Reporter;
                div class=(if mine { "msg" } else { "msg body" }) {
                    p.who {
                        @if mine { (t!("case-you-wrote", day = message.day.to_string())) }
                        @else { strong { (site.body_name) } " " (t!("case-body-wrote", day = message.day.to_string())) }
                    }
                    @for (item, altered) in message.items.iter().zip(&message.altered) {
                        (item_markup(item))
                        @if *altered {
                            div.notice role="alert" {
                                p { strong { (t!("case-altered")) } " " (t!("case-altered-why")) }
                            }
                        }
                    }
                }
            }

            h2 { (t!("case-answer-heading")) }
            form method="post" action=(href("/case/reply")) enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(view.csrf);
                label for="message" { (t!("case-answer")) }
                textarea id="message" name="message" rows="8" {}
                label for="files" { (t!("submit-files")) }
                p.hint id="files-hint" { (t!("case-files-hint", size = human_size(site.max_upload_bytes))) }
                input type="file" id="files" name="files" multiple aria-describedby="files-hint";
                div { button type="submit" { (t!("case-send")) } }
            }

            h2 { (t!("case-reprisal-heading")) }
            @if let Some(day) = view.reprisal_day {
                div.notice role="status" {
                    p { (t!("case-reprisal-pending", day = day.to_string(), by = day.plus_days(candor_core::days::REPRISAL_ANSWER_WITHIN_DAYS).to_string())) }
                }
            }
            p.hint id="reprisal-hint" { (t!("case-reprisal-hint", days = candor_core::days::REPRISAL_ANSWER_WITHIN_DAYS)) }
            form method="post" action=(href("/case/reprisal")) enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(view.csrf);
                label for="reprisal-message" { (t!("case-reprisal-what")) }
                textarea id="reprisal-message" name="message" rows="6" required aria-describedby="reprisal-hint" {}
                label for="reprisal-files" { (t!("submit-files")) }
                input type="file" id="reprisal-files" name="files" multiple;
                div { button type="submit" { (t!("case-reprisal-send")) } }
            }

            @if let Some(lane) = site.identity {
                h2 { (t!("case-identity-heading")) }
                form method="post" action=(href("/case/reply")) enctype="multipart/form-data" {
                    input type="hidden" name="csrf" value=(view.csrf);
                    (identity_fields(site, lane))
                    div { button type="submit" { (t!("case-identity-send")) } }
                }

                h2 { (t!("case-issued-to-heading")) }
                p.hint id="issued-to-hint" { (t!("case-issued-to-hint")) }
                @if let Some(words) = agreed_name(view.messages) {
                    div.notice role="status" {
                        p.agreed { (t!("case-issued-to-agreed", name = words)) }
                    }
                    form method="post" action=(href("/case/reply")) enctype="multipart/form-data" {
                        input type="hidden" name="csrf" value=(view.csrf);
                        input type="hidden" name="issued_to" value="";
                        div { button.secondary type="submit" { (t!("case-issued-to-withdraw")) } }
                    }
                }
                form method="post" action=(href("/case/reply")) enctype="multipart/form-data" {
                    input type="hidden" name="csrf" value=(view.csrf);
                    label for="issued_to" { (t!("case-issued-to-label")) }
                    input type="text" id="issued_to" name="issued_to" required
                        maxlength=(candor_core::identity::MAX_ISSUED_TO_CHARS) aria-describedby="issued-to-hint";
                    div { button type="submit" { (t!("case-issued-to-send")) } }
                }
            }

            form method="post" action=(href("/logout")) {
                input type="hidden" name="csrf" value=(view.csrf);
                button.secondary type="submit" { (t!("case-sign-out")) }
            }
        },
    )
}

/// The words the reporter last agreed that certificates may name them by, unless they
/// withdrew them since.
fn agreed_name(messages: &[OpenedMessage]) -> Option<&str> {
    messages
        .iter()
        .filter(|m| m.author == Author::Reporter)
        .flat_map(|m| &m.items)
        .filter_map(|i| match i {
            OpenedItem::IssuedTo { words, .. } => Some(words.as_str()),
            _ => None,
        })
        .next_back()
        .filter(|words| !words.is_empty())
}

/// The last request to disclose the reporter's identity, unless a disclosure followed it.
fn open_disclosure_request(messages: &[OpenedMessage]) -> Option<&Opening> {
    let steps: Vec<&Opening> = messages
        .iter()
        .flat_map(|m| &m.items)
        .filter_map(|i| match i {
            OpenedItem::Record { opening, .. } if opening.kind.is_identity() => Some(&**opening),
            _ => None,
        })
        .collect();
    let start = steps
        .iter()
        .rposition(|o| o.kind == Kind::IdentityDisclosureRequested)?;
    let disclosed = steps[start..]
        .iter()
        .any(|o| o.kind == Kind::IdentityDisclosed);
    (!disclosed).then(|| steps[start])
}

fn item_markup(item: &OpenedItem) -> Markup {
    html! {
        @match item {
            OpenedItem::Text { text, .. } => { pre { (text.as_str()) } }
            OpenedItem::File { id, meta } => {
                p {
                    (t!("case-file")) " "
                    a href=(href(&format!("/case/files/{id}"))) { (meta.safe_name()) }
                    " (" (human_size(meta.size)) ")"
                }
            }
            OpenedItem::Record { id, opening } => {
                div.record {
                    p {
                        @if opening.kind == Kind::ReportReceived {
                            (t!("case-proof", day = opening.day.as_str()))
                        } @else {
                            strong { (t!("case-decision", decision = record_words(opening))) } " (" (opening.day) ")"
                        }
                        " "
                        a href=(href(&format!("/case/certificates/{id}"))) { (t!("case-certificate")) }
                    }
                    @if !opening.reasons.is_empty() { pre { (opening.reasons) } }
                }
            }
            OpenedItem::Identity { peeled: true, .. } => {}
            OpenedItem::Identity { threshold, custodians, .. } => {
                p.identity { (t!("case-identity-given", threshold = *threshold, custodians = custodians.join(", "))) }
            }
            OpenedItem::IssuedTo { words, .. } if words.is_empty() => {
                p.issued-to { (t!("case-issued-to-withdrawn-item")) }
            }
            OpenedItem::IssuedTo { words, .. } => {
                p.issued-to { (t!("case-issued-to-item", name = words.as_str())) }
            }
            OpenedItem::Unreadable { .. } => { p.hint { (t!("case-unreadable")) } }
        }
    }
}

/// A plain page for errors: a heading and one or two sentences.
pub fn error_page(site: &Site, title: &str, message: &str) -> Markup {
    layout(
        site,
        title,
        candor_ui::error_content(title, message, &t!("back-to-start")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let site = Site {
            body_name: "<b>x</b>".into(),
            reviewer_names: vec![],
            max_upload_bytes: 1,
            identity: None,
        };
        let page = index(&site).into_string();
        assert!(!page.contains("<b>x</b>"));
        assert!(page.contains("&lt;b&gt;x&lt;/b&gt;"));
    }
}
