//! Reporter pages: server-rendered HTML, no scripts, one stylesheet.

use maud::{Markup, html};

use candor_ui::{human_size, record_words};

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
}

/// The page frame of the reporters' pages.
pub fn layout(site: &Site, title: &str, content: Markup) -> Markup {
    candor_ui::page(
        &candor_ui::Frame {
            title_suffix: &site.body_name,
            brand: html! { (site.body_name) },
            nav: html! {
                li { a href="/" { "How it works" } }
                li { a href="/submit" { "Make a report" } }
                li { a href="/followup" { "Check your report" } }
            },
            footer: Some(html! {
                p { "This service uses no JavaScript, no cookies for reporting, and no outside resources. It works at Tor Browser's “Safest” security level." }
                p { a href="/transparency" { "Reports and decisions in figures" } " (counted from the public log)" }
            }),
        },
        title,
        content,
    )
}

pub fn index(site: &Site) -> Markup {
    layout(
        site,
        "Report wrongdoing safely",
        html! {
            h1 { "Report wrongdoing to " (site.body_name) }
            p { (site.body_name) " is an independent body. It receives reports of wrongdoing, decides whether the person who reported is a whistleblower, and grants protection against reprisal." }
            p { a.button href="/submit" { "Make a report" } }

            h2 { "What happens to your report" }
            ol.steps {
                li { "You write what happened and, if you want, attach documents. You do not have to give your name." }
                li { "As your report arrives, this server encrypts it with the keys of the body's reviewers, piece by piece, in memory. It never writes your words or files to disk unencrypted, and it keeps no copy it could read." }
                li { "You receive a " strong { "receipt code" } " of eight words. Only this code lets you come back." }
                li { "The reviewers decrypt your report on their own computers, acknowledge it within 7 days, and give you feedback within 3 months." }
            }

            h2 { "Who can read it" }
            p {
                "Only the reviewers of " (site.body_name) ", each with their own key: "
                @for (i, name) in site.reviewer_names.iter().enumerate() {
                    @if i > 0 { ", " }
                    strong { (name) }
                }
                ". The people who run this server cannot read it. Your report is also encrypted to a key made from your receipt code, so that you can read it again when you come back."
            }
            p { "Because this page works without JavaScript, your browser sends your report to this server before it is encrypted; the connection itself is encrypted by Tor. The server encrypts it the moment it arrives." }

            h2 { "Your receipt code" }
            p { "After you send your report you see your receipt code once. Write it on paper and keep it somewhere safe. With it you can read the body's questions and answers, reply, add documents, see what has been decided about your protection, and download proof of it. Nobody can recover a lost code: not the body, not us." }

            h2 { "Stay safe" }
            ul {
                li { "Use " strong { "Tor Browser" } " with the security level set to " strong { "Safest" } "." }
                li { "Do not use a computer, phone or network of your employer. A private device on a public or home network is better." }
                li { "Documents can reveal who made them: author names, device names, locations in photos, tracking dots in printouts. Remove what you can, or describe the document instead." }
                li { "Do not tell anyone you have made a report, and do not keep your receipt code where others can find it." }
            }
            p { "You can send up to " (human_size(site.max_upload_bytes)) " at once: a message and as many files as you like." }
        },
    )
}

/// The submission form, optionally with a problem to fix.
pub fn submit_form(site: &Site, problem: Option<&str>) -> Markup {
    layout(
        site,
        "Make a report",
        html! {
            h1 { "Make a report" }
            @if let Some(problem) = problem {
                div.notice role="alert" { p { (problem) } }
            }
            p { "Describe what happened: who, what, when, where, and how you know. You do not need to give your name. Everything you send is encrypted for the reviewers of " (site.body_name) " as it arrives." }
            form method="post" action="/submit" enctype="multipart/form-data" {
                label for="message" { "Your message" }
                p.hint id="message-hint" { "Plain text. If it is long, you can also attach it as a file." }
                textarea id="message" name="message" aria-describedby="message-hint" rows="14" {}
                label for="files" { "Documents (optional)" }
                p.hint id="files-hint" { "You can choose several files. Up to " (human_size(site.max_upload_bytes)) " in total. File names are encrypted too." }
                input type="file" id="files" name="files" multiple aria-describedby="files-hint";
                div { button type="submit" { "Send report" } }
            }
            p.hint { "Sending large files over Tor can take a long time. Keep this tab open until you see your receipt code." }
        },
    )
}

/// Shown once, in the response to a successful submission; never cached.
pub fn receipt(site: &Site, code: &str, files: usize) -> Markup {
    layout(
        site,
        "Your report was received",
        html! {
            h1 { "Your report was received" }
            div.notice.ok role="status" {
                p {
                    "Your report"
                    @if files == 1 { " and 1 file were" } @else if files > 1 { " and " (files) " files were" } @else { " was" }
                    " encrypted and stored safely."
                }
            }
            h2 { "Your receipt code" }
            p { strong { "Write this code down now, on paper." } " It is shown only this once. We cannot show it again or recover it." }
            p.receipt id="receipt" { (code) }
            h2 { "What happens next" }
            ul {
                li { "The body's reviewers will acknowledge your report within 7 days and give you feedback within 3 months." }
                li { "Come back with Tor Browser and your receipt code to read their questions, answer, add documents, and follow the decision on your protection." }
                li { "When you have written the code down, close this tab." }
            }
        },
    )
}

/// The sign-in form for returning reporters.
pub fn followup_form(site: &Site, problem: Option<&str>) -> Markup {
    layout(
        site,
        "Check your report",
        html! {
            h1 { "Check your report" }
            @if let Some(problem) = problem {
                div.notice role="alert" { p { (problem) } }
            }
            p { "Type the eight-word receipt code you were given when you made your report. Capital letters and extra spaces do not matter." }
            form method="post" action="/followup" {
                label for="receipt" { "Receipt code" }
                p.hint id="receipt-hint" { "For example: eight words separated by spaces." }
                input type="text" id="receipt" name="receipt" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="receipt-hint" required;
                div { button type="submit" { "Open my report" } }
            }
            p.hint { "For your safety you are signed out after 30 minutes without activity. Sign out yourself when you are done, especially on a shared computer." }
        },
    )
}

/// Shown when a page needs a signed-in reporter and there is none.
pub fn not_signed_in(site: &Site) -> Markup {
    layout(
        site,
        "Please sign in again",
        html! {
            h1 { "Please sign in again" }
            div.notice role="alert" { p { "You are not signed in. For your safety, sessions end after a while without activity, when you sign out, and when the service restarts." } }
            p { a.button href="/followup" { "Sign in with your receipt code" } }
        },
    )
}

/// Shown after signing out.
pub fn signed_out(site: &Site) -> Markup {
    layout(
        site,
        "You are signed out",
        html! {
            h1 { "You are signed out" }
            div.notice.ok role="status" { p { "You are signed out. Close this tab; in Tor Browser, use “New Identity” to clear everything." } }
            p { a href="/" { "Back to the start" } }
        },
    )
}

/// Plain words for a case status: a label and what it means for the reporter.
pub fn status_words(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Received => (
            "Received",
            "Your report has arrived safely. The body will confirm that it is looking into it.",
        ),
        Status::Acknowledged => (
            "Acknowledged",
            "The body has confirmed that it received your report and will look into it.",
        ),
        Status::InReview => (
            "In review",
            "The body is examining your report. It may ask you questions here; please check back.",
        ),
        Status::Decided => (
            "Decided",
            "The body has decided on your case. Its decisions are shown below.",
        ),
        Status::Closed => (
            "Closed",
            "Your case is closed. You can still read everything here.",
        ),
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
}

/// The reporter's case: status, clocks, the whole conversation, and a form to answer.
pub fn case_page(site: &Site, view: &CaseView<'_>) -> Markup {
    let (label, meaning) = status_words(view.status);
    let acknowledged = view.status != Status::Received;
    layout(
        site,
        "Your report",
        html! {
            h1 { "Your report" }
            @if let Some(flash) = view.flash {
                div.notice.ok role="status" { p { (flash) } }
            }
            h2 { "Status: " (label) }
            p { (meaning) }
            table {
                caption.visually-hidden { "Dates of your case" }
                tbody {
                    tr { th scope="row" { "Report received" } td { (view.clocks.received) } }
                    tr {
                        th scope="row" { "Acknowledgement due by" }
                        td {
                            (view.clocks.acknowledge_by)
                            @if acknowledged { " — done" }
                            @else if view.today > view.clocks.acknowledge_by { " — " span.overdue { "late" } }
                        }
                    }
                    tr {
                        th scope="row" { "Feedback due by" }
                        td { (view.clocks.feedback_by) }
                    }
                }
            }
            p.hint { "The law requires the body to acknowledge a report within 7 days and to tell you what it is doing about it within 3 months (6 in some cases)." }
            @match view.retention {
                Outlook::Kept => {}
                Outlook::Until { day, months } => {
                    h2 { "How long your report is kept" }
                    div.notice role="note" {
                        p { "Your case is closed. Its records (your report, your files and the conversation) will be " strong { "deleted for good on " (day) } ", " (months) " months after the last message: the law asks that records be kept no longer than necessary." }
                        p { "Save anything you want to keep (certificates, replies) before then. The public log keeps its entries, which name no one." }
                    }
                }
                Outlook::Held => {
                    h2 { "How long your report is kept" }
                    p { "Your case is closed. The body keeps its records for now, for legal reasons (a legal hold)." }
                }
            }

            @let decisions: Vec<(i64, &Opening)> = view.messages.iter().flat_map(|m| &m.items).filter_map(|i| match i {
                OpenedItem::Record { id, opening } if opening.kind.is_decision() => Some((*id, opening)),
                _ => None,
            }).collect();
            @if !decisions.is_empty() {
                h2 { "Decisions about your protection" }
                p { "Each decision is signed by " (site.body_name) " and recorded in its public, tamper-evident log. A certificate lets you prove it to a court, an employer or anyone else, who can check it without contacting us." }
                ul {
                    @for (id, opening) in &decisions {
                        li { strong { (record_words(opening)) } " — " (opening.day) " — " a href=(format!("/case/certificates/{id}")) { "Download certificate" } }
                    }
                }
            }

            h2 { "Conversation" }
            @for message in view.messages {
                @let mine = message.author == Author::Reporter;
                div class=(if mine { "msg" } else { "msg body" }) {
                    p.who {
                        @if mine { "You wrote on " } @else { strong { (site.body_name) } " wrote on " }
                        (message.day)
                    }
                    @for (item, altered) in message.items.iter().zip(&message.altered) {
                        (item_markup(item))
                        @if *altered {
                            div.notice role="alert" {
                                p { strong { "This item is not what you sent. " } "It differs from the fingerprint recorded when your report arrived, so it was replaced or damaged afterwards. Tell the body, and keep your own copy." }
                            }
                        }
                    }
                }
            }

            h2 { "Answer or add documents" }
            form method="post" action="/case/reply" enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(view.csrf);
                label for="message" { "Your answer" }
                textarea id="message" name="message" rows="8" {}
                label for="files" { "Documents (optional)" }
                p.hint id="files-hint" { "Up to " (human_size(site.max_upload_bytes)) " in total." }
                input type="file" id="files" name="files" multiple aria-describedby="files-hint";
                div { button type="submit" { "Send answer" } }
            }

            form method="post" action="/logout" {
                input type="hidden" name="csrf" value=(view.csrf);
                button.secondary type="submit" { "Sign out" }
            }
        },
    )
}

fn item_markup(item: &OpenedItem) -> Markup {
    html! {
        @match item {
            OpenedItem::Text { text, .. } => { pre { (text.as_str()) } }
            OpenedItem::File { id, meta } => {
                p {
                    "File: "
                    a href=(format!("/case/files/{id}")) { (meta.safe_name()) }
                    " (" (human_size(meta.size)) ")"
                }
            }
            OpenedItem::Record { id, opening } => {
                div.record {
                    p {
                        @if opening.kind == Kind::ReportReceived {
                            "Proof of report: received on " (opening.day) "."
                        } @else {
                            strong { "Decision: " (record_words(opening)) } " (" (opening.day) ")"
                        }
                        " "
                        a href=(format!("/case/certificates/{id}")) { "Download certificate" }
                    }
                    @if !opening.reasons.is_empty() { pre { (opening.reasons) } }
                }
            }
            OpenedItem::Unreadable { .. } => { p.hint { "(This item could not be opened.)" } }
        }
    }
}

/// A plain page for errors: a heading and one or two sentences.
pub fn error_page(site: &Site, title: &str, message: &str) -> Markup {
    layout(
        site,
        title,
        candor_ui::error_content(title, message, "Back to the start"),
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
        };
        let page = index(&site).into_string();
        assert!(!page.contains("<b>x</b>"));
        assert!(page.contains("&lt;b&gt;x&lt;/b&gt;"));
    }
}
