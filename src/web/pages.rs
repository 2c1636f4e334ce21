//! Reporter pages: server-rendered HTML, no scripts, one stylesheet.

use maud::{DOCTYPE, Markup, html};

/// What every page needs to know about the instance.
#[derive(Debug, Clone)]
pub struct Site {
    pub body_name: String,
    pub reviewer_names: Vec<String>,
    pub max_upload_bytes: u64,
}

/// The page frame: language and direction, title, one stylesheet, navigation.
pub fn layout(site: &Site, title: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" dir="ltr" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " — " (site.body_name) }
                link rel="stylesheet" href="/static/candor.css";
            }
            body {
                header.site {
                    div.wrap {
                        a.brand href="/" { (site.body_name) }
                        nav aria-label="Main" {
                            ul {
                                li { a href="/" { "How it works" } }
                                li { a href="/submit" { "Make a report" } }
                            }
                        }
                    }
                }
                main.wrap id="main" { (content) }
                footer {
                    div.wrap {
                        p { "This service uses no JavaScript, no cookies for reporting, and no outside resources. It works at Tor Browser's “Safest” security level." }
                    }
                }
            }
        }
    }
}

/// Human size: 2 GiB, 500 MiB, 64 KiB.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (name, unit) in UNITS {
        if bytes >= unit {
            let whole = bytes / unit;
            let tenth = (bytes % unit) * 10 / unit;
            return if tenth == 0 {
                format!("{whole} {name}")
            } else {
                format!("{whole}.{tenth} {name}")
            };
        }
    }
    format!("{bytes} bytes")
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

/// A plain page for errors: a heading and one or two sentences.
pub fn error_page(site: &Site, title: &str, message: &str) -> Markup {
    layout(
        site,
        title,
        html! {
            h1 { (title) }
            div.notice role="alert" { p { (message) } }
            p { a href="/" { "Back to the start" } }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(2 * 1024 * 1024 * 1024), "2 GiB");
        assert_eq!(human_size(1536 * 1024), "1.5 MiB");
        assert_eq!(human_size(100), "100 bytes");
    }

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
