//! The body's review workstation: it holds the reviewer's age identity, talks to the
//! server's reviewer API, decrypts locally, seals replies locally, and serves local pages.

#![forbid(unsafe_code)]

pub mod bundle;
pub mod client;
pub mod files;
pub mod follow;
pub mod identity;
pub mod mirror;
pub mod pages;
pub mod serve;
pub mod trust;

use std::fs;
use std::io::{Read, Seek, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use age::x25519::{Identity, Recipient};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use candor_core::api::{BulkItem, BulkPart, CaseDetail, Info, ItemInfo, MAX_REPLACE_ITEMS};
use candor_core::conversation::FileMeta;
use candor_core::filename;
use candor_core::seal::{self, Sealer};
pub use client::{Client, ClientError, OutgoingPart, PartBody};

/// Errors of workstation operations.
#[derive(Debug, thiserror::Error)]
pub enum WorkstationError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("cannot read the identity file {path}: {reason}")]
    Identity { path: PathBuf, reason: String },
    #[error("{0}")]
    Bundle(String),
    #[error("local file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("encryption failed: {0}")]
    Seal(#[from] seal::SealError),
    #[error(transparent)]
    Trust(#[from] trust::TrustError),
}

/// Reads an age identity file (as written by `candor keygen reviewer` or `age-keygen`).
/// The reviewer's name is the file's stem unless given.
pub fn load_identity(
    path: &Path,
    name: Option<&str>,
) -> Result<(String, Vec<Identity>), WorkstationError> {
    let err = |reason: String| WorkstationError::Identity {
        path: path.to_path_buf(),
        reason,
    };
    let text = Zeroizing::new(fs::read_to_string(path).map_err(|e| err(e.to_string()))?);
    let identities = seal::parse_identity_file(&text)
        .map_err(|_| err("it does not hold an age identity (AGE-SECRET-KEY-1…)".into()))?;
    let name = match name {
        Some(n) => n.to_string(),
        None => path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
            .ok_or_else(|| {
                err("cannot tell the reviewer's name from the file name; pass --name".into())
            })?,
    };
    candor_core::domain::validate_reviewer_name(&name)
        .map_err(|e| err(format!("reviewer name: {e}")))?;
    Ok((name, identities))
}

/// Everyone a reply in `case` is sealed to: every configured reviewer and the reporter, as
/// long as they are what this workstation trusts (see [`trust`]).
pub fn reply_recipients(
    trust: &trust::TrustStore,
    info: &Info,
    case: &CaseDetail,
) -> Result<Vec<Recipient>, WorkstationError> {
    let mut out = trust.reviewer_recipients(&info.reviewers)?;
    out.push(trust.reporter_recipient(&case.reference, &case.reporter_recipient)?);
    Ok(out)
}

/// A decision as the form gives it: what was decided, the measure (protection granted),
/// the body's public classification of the case, and the reasons in words (sealed).
pub struct Decision<'a> {
    pub kind: candor_log::entry::Kind,
    pub measure: Option<candor_log::entry::Measure>,
    pub class: candor_log::classification::Classification,
    pub reasons: &'a str,
    /// Whom the decision is issued to (`issued-to`): the words the reporter agreed to show
    /// (see [`identity::Naming`]).
    pub issued_to: Option<&'a str>,
}

/// Records a decision about a case: its opening (sealed here to the reporter and every
/// trusted reviewer; bound to the reporter's holder key when the server names one, and
/// issued to someone if the form says so) and its entry (version 2: with the
/// classification and the whole weeks since the case's first report), signed here with
/// the body's decision key.
pub async fn record_decision(
    client: &Client,
    signer: &candor_log::note::Signer,
    reference: &str,
    decision: &Decision<'_>,
) -> Result<candor_log::entry::Opening, WorkstationError> {
    let info = client.info().await?;
    let case = client.case(reference).await?;
    let today = candor_core::days::Day::today();
    let facts = candor_log::classification::Facts::decision(
        decision.kind,
        weeks_since_report(&case, today)?,
        decision.class,
    );
    let opening = candor_log::entry::Opening::new(
        &case.reference,
        decision.kind,
        &today.to_string(),
        &info.body_name,
        decision.measure,
        Vec::new(),
        decision.reasons,
    )
    .and_then(|o| o.with_facts(facts))
    .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
    // The holder key as first seen: a server that swaps it gets no decision bound to it.
    let holder = case
        .holder_key
        .as_deref()
        .map(|key| client.trust().holder_key(&case.reference, key))
        .transpose()?;
    let opening = opening
        .with_holder(decision.issued_to, holder.as_deref())
        .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
    post_record(client, signer, (&info, &case), &opening, None).await?;
    Ok(opening)
}

/// Whole weeks from the case's first report to `today`, as its entries count them.
pub(crate) fn weeks_since_report(
    case: &CaseDetail,
    today: candor_core::days::Day,
) -> Result<u32, WorkstationError> {
    case.received_day
        .parse::<candor_core::days::Day>()
        .ok()
        .and_then(|received| candor_log::classification::Facts::weeks_between(received, today))
        .ok_or_else(|| {
            WorkstationError::Bundle(format!(
                "the server says the case was received on {:?}, which is not a past day",
                case.received_day
            ))
        })
}

/// Signs a record's entry with the body's decision key, seals its opening to the reporter
/// and every trusted reviewer, and sends both (with an approval's peeled `layers`).
pub(crate) async fn post_record(
    client: &Client,
    signer: &candor_log::note::Signer,
    (info, case): (&Info, &CaseDetail),
    opening: &candor_log::entry::Opening,
    layers: Option<String>,
) -> Result<(), WorkstationError> {
    let recipients = reply_recipients(client.trust(), info, case)?;
    let note = candor_log::note::sign(&opening.entry().to_text(), &[signer])
        .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
    let sealed = seal::seal_bytes(&recipients, opening.to_text().as_bytes())?;
    client
        .post_decision(&case.reference, note.into_bytes(), sealed, layers)
        .await?;
    Ok(())
}

/// A private directory (mode 0700).
pub fn private_dir(path: &Path) -> std::io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
}

/// A new private file (mode 0600); fails if it exists.
pub fn private_file(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// Seals a plaintext read from `input` into an anonymous temporary file (ciphertext only).
pub fn seal_to_tempfile(
    recipients: &[Recipient],
    mut input: impl Read,
) -> Result<(fs::File, u64, FileMetaParts), WorkstationError> {
    let mut out = tempfile::tempfile()?;
    let mut sealer = Sealer::new(recipients)?;
    let mut buf = Zeroizing::new(vec![0u8; 64 * 1024]);
    loop {
        let n = input.read(&mut buf)?;
        if n == 0 {
            break;
        }
        sealer.write(&buf[..n])?;
        out.write_all(&sealer.take())?;
    }
    let summary = sealer.finish()?;
    out.write_all(&summary.tail)?;
    out.flush()?;
    let len = out.stream_position()?;
    Ok((
        out,
        len,
        FileMetaParts {
            size: summary.plaintext_len,
            sha256: summary.plaintext_sha256,
        },
    ))
}

/// Size and hash of a sealed file's plaintext.
pub struct FileMetaParts {
    pub size: u64,
    pub sha256: [u8; 32],
}

/// A file to attach to a reply, already sealed into a temporary file.
pub struct SealedAttachment {
    pub file: fs::File,
    pub len: u64,
    pub meta: FileMeta,
}

/// Seals a reply (text and already-sealed attachments) and posts it.
pub async fn send_reply(
    client: &Client,
    reference: &str,
    text: Option<&str>,
    attachments: Vec<SealedAttachment>,
    recipients: &[Recipient],
) -> Result<i64, WorkstationError> {
    let mut parts = Vec::new();
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        parts.push(OutgoingPart {
            name: "text".into(),
            body: PartBody::Memory(seal::seal_bytes(recipients, text.as_bytes())?.into()),
        });
    }
    for a in attachments {
        parts.push(OutgoingPart {
            name: "file".into(),
            body: PartBody::File(std::sync::Arc::new(a.file), a.len),
        });
        parts.push(OutgoingPart {
            name: "meta".into(),
            body: PartBody::Memory(seal::seal_bytes(recipients, &a.meta.to_json())?.into()),
        });
    }
    if parts.is_empty() {
        return Err(WorkstationError::Bundle("the reply is empty".into()));
    }
    Ok(client.post_message(reference, parts).await?.message_id)
}

/// Downloads an item's ciphertext into an anonymous temporary file, checking its SHA-256.
pub async fn download_ciphertext(
    client: &Client,
    id: i64,
    expected_sha256: &str,
) -> Result<fs::File, WorkstationError> {
    let mut stream = Box::pin(client.item_ciphertext(id).await?);
    let mut file = tempfile::tempfile()?;
    let mut hash = Sha256::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ClientError::Unreachable(client.server().to_string()))?;
        hash.update(&chunk);
        file.write_all(&chunk)?;
    }
    if hex::encode(hash.finalize()) != expected_sha256 {
        return Err(WorkstationError::Bundle(format!(
            "item {id} arrived damaged (its SHA-256 does not match)"
        )));
    }
    file.rewind()?;
    Ok(file)
}

/// Writes a decrypted case into a folder: `conversation.txt`, `files/` (each under its
/// clean name) and `manifest.json` (each file's original name, true type, warnings and
/// metadata: see [`files::inspect`]).
pub struct CaseWriter {
    dir: PathBuf,
    reference: String,
    conversation: Zeroizing<String>,
    names: filename::Names,
    files: Vec<ExportedFile>,
    problems: Vec<String>,
}

/// Format tag of an export's `manifest.json`.
pub const EXPORT_FORMAT: &str = "candor-export/v1";

/// `manifest.json` in an exported case folder.
#[derive(Debug, serde::Serialize)]
pub struct ExportManifest {
    pub format: String,
    pub case: String,
    /// Why originals should be opened only offline ([`files::offline_advice`]), in English.
    pub advice: String,
    pub files: Vec<ExportedFile>,
}

/// One exported file.
#[derive(Debug, serde::Serialize)]
pub struct ExportedFile {
    /// Where it is, relative to the case folder (`files/NAME`).
    pub path: String,
    pub sha256: String,
    /// Whether its size and SHA-256 match its sealed metadata.
    pub verified: bool,
    #[serde(flatten)]
    pub report: files::FileReport,
}

impl CaseWriter {
    pub fn new(dir: &Path, case: &CaseDetail, body_name: &str) -> std::io::Result<CaseWriter> {
        private_dir(&dir.join("files"))?;
        let mut conversation = Zeroizing::new(String::new());
        conversation.push_str(&format!(
            "Case {}\nStatus: {}\nReceived: {}\nAcknowledgement due by: {}\nFeedback due by: {}\n",
            case.reference, case.status, case.received_day, case.acknowledge_by, case.feedback_by
        ));
        conversation.push_str(&format!("Body: {body_name}\n"));
        Ok(CaseWriter {
            dir: dir.to_path_buf(),
            reference: case.reference.clone(),
            conversation,
            names: filename::Names::default(),
            files: Vec::new(),
            problems: Vec::new(),
        })
    }

    pub fn message(&mut self, author: &str, day: &str) {
        let who = if author == "reporter" {
            "Reporter"
        } else {
            "The body"
        };
        self.conversation
            .push_str(&format!("\n=== {who}, {day} ===\n"));
    }

    pub fn text(&mut self, text: &str) {
        self.conversation.push_str(text);
        if !text.ends_with('\n') {
            self.conversation.push('\n');
        }
    }

    /// A log record: a receipt or a decision, with its reasons.
    pub fn record(&mut self, opening_text: &str) {
        match candor_log::entry::Opening::parse(opening_text) {
            Ok(o) => {
                self.conversation.push_str(&format!(
                    "[log record: {} on {}]\n",
                    candor_ui::record_words(&o),
                    o.day
                ));
                for line in o.reasons.lines() {
                    self.conversation.push_str(&format!("  {line}\n"));
                }
            }
            Err(_) => self
                .conversation
                .push_str("[a log record that could not be read]\n"),
        }
    }

    /// An item that differs from the plaintext SHA-256 its report's receipt commits to.
    pub fn altered(&mut self, id: i64) {
        self.conversation.push_str(&format!(
            "[WARNING: item {id} differs from what the reporter sent (the SHA-256 in the report's receipt): it was replaced or damaged]\n"
        ));
        self.problems.push(format!(
            "item {id} differs from what the reporter sent: replaced or damaged after it arrived"
        ));
    }

    /// An identity statement: copied as it is stored (sealed; it opens only with its
    /// custodians' keys together, see `candor_core::identity`), never opened here.
    pub fn identity(&mut self, id: i64, bundle: &[u8]) -> Result<(), WorkstationError> {
        match candor_core::identity::Bundle::parse(bundle) {
            Ok(parsed) => {
                let name = format!("identity-statement-{id}.txt");
                fs::write(self.dir.join(&name), bundle)?;
                self.conversation.push_str(&format!(
                    "[identity statement, sealed: it opens only with {} of {} together; see {name}]\n",
                    parsed.threshold,
                    parsed.custodians().join(", ")
                ));
            }
            Err(_) => self.unreadable(id),
        }
        Ok(())
    }

    /// The words the reporter agreed that certificates may name them by (or, empty, the
    /// agreement withdrawn).
    pub fn issued_to(&mut self, id: i64, plain: &[u8]) {
        match candor_core::identity::normalize_issued_to(plain) {
            Ok(words) if words.is_empty() => self
                .conversation
                .push_str("[the reporter withdrew their agreement to be named on certificates]\n"),
            Ok(words) => self.conversation.push_str(&format!(
                "[the reporter agreed that certificates may name them as: {}]\n",
                words.as_str()
            )),
            Err(_) => self.unreadable(id),
        }
    }

    pub fn unreadable(&mut self, id: i64) {
        self.conversation
            .push_str(&format!("[item {id} could not be opened with this key]\n"));
        self.problems
            .push(format!("item {id} could not be opened with this key"));
    }

    /// Decrypts a file's ciphertext into `files/`, under a unique clean name, checks its
    /// SHA-256 against the metadata, and inspects it. Returns the path.
    pub fn file(
        &mut self,
        identities: &[Identity],
        meta: &FileMeta,
        ciphertext: impl Read,
    ) -> Result<PathBuf, WorkstationError> {
        let name = self.names.unique(&meta.name);
        let path = self.dir.join("files").join(&name);
        let mut out = private_file(&path)?;
        let mut reader = seal::open_reader(identities, ciphertext)?;
        let mut hash = Sha256::new();
        let mut buf = Zeroizing::new(vec![0u8; 64 * 1024]);
        // The first part of the file, for inspection.
        let mut head = Zeroizing::new(Vec::new());
        let mut size = 0u64;
        loop {
            let n = reader
                .read(&mut buf)
                .map_err(|_| seal::SealError::Malformed)?;
            if n == 0 {
                break;
            }
            hash.update(&buf[..n]);
            out.write_all(&buf[..n])?;
            let room = files::INSPECT_BYTES.saturating_sub(head.len()).min(n);
            head.extend_from_slice(&buf[..room]);
            size += n as u64;
        }
        out.sync_all()?;
        let verified = hex::encode(hash.finalize()) == meta.sha256 && size == meta.size;
        let report = files::inspect(&meta.name, &name, &meta.content_type, &head, size);
        self.conversation.push_str(&format!(
            "[file: {} ({} bytes, sent as {}, is {}, SHA-256 {}) -> files/{}{}]\n",
            report.original_name,
            meta.size,
            report.claimed_type,
            report.true_type.description,
            meta.sha256,
            name,
            if verified {
                ""
            } else {
                " — WARNING: size or SHA-256 does not match"
            }
        ));
        for warning in &report.warnings {
            self.conversation.push_str(&format!("  ! {warning}\n"));
        }
        for field in &report.metadata {
            self.conversation.push_str(&format!(
                "  {} {}: {}\n",
                field.source,
                field.name.words(),
                field.value
            ));
        }
        if !verified {
            self.problems.push(format!(
                "{name}: size or SHA-256 does not match its metadata"
            ));
        }
        self.files.push(ExportedFile {
            path: format!("files/{name}"),
            sha256: meta.sha256.clone(),
            verified,
            report,
        });
        Ok(path)
    }

    /// Writes `conversation.txt`; returns the problems met (unreadable items, mismatches).
    pub fn finish(self) -> Result<Vec<String>, WorkstationError> {
        let mut f = private_file(&self.dir.join("conversation.txt"))?;
        f.write_all(self.conversation.as_bytes())?;
        f.sync_all()?;
        let manifest = ExportManifest {
            format: EXPORT_FORMAT.into(),
            case: self.reference,
            advice: files::offline_advice().to_string(),
            files: self.files,
        };
        let json = Zeroizing::new(
            serde_json::to_vec_pretty(&manifest)
                .map_err(|e| WorkstationError::Bundle(e.to_string()))?,
        );
        let mut f = private_file(&self.dir.join("manifest.json"))?;
        f.write_all(&json)?;
        f.sync_all()?;
        Ok(self.problems)
    }
}

/// Decrypts a whole case from the server into `dir/<reference>/`.
pub async fn export_case(
    client: &Client,
    reference: &str,
    dir: &Path,
) -> Result<(PathBuf, Vec<String>), WorkstationError> {
    let info = client.info().await?;
    let case = client.case(reference).await?;
    let target = dir.join(filename::clean(&case.reference));
    if target.exists() {
        return Err(WorkstationError::Bundle(format!(
            "{} already exists; choose another folder",
            target.display()
        )));
    }
    let mut writer = CaseWriter::new(&target, &case, &info.body_name)?;
    let identities = client.identities().to_vec();
    for message in &case.messages {
        writer.message(&message.author, &message.day);
        for item in &message.items {
            match item.kind.as_str() {
                "identity" => {
                    let bundle = client.item_bytes(item.id).await?;
                    writer.identity(item.id, &bundle)?;
                }
                "text" | "record" | "issued-to" => {
                    let ct = client.item_bytes(item.id).await?;
                    match seal::open_bytes(&identities, &ct) {
                        Ok(plain) if item.kind == "record" => {
                            writer.record(&String::from_utf8_lossy(&plain))
                        }
                        Ok(plain) if item.kind == "issued-to" => writer.issued_to(item.id, &plain),
                        Ok(plain) => writer.text(&String::from_utf8_lossy(&plain)),
                        Err(_) => writer.unreadable(item.id),
                    }
                }
                _ => {
                    let meta = client.meta_bytes(item.id).await?;
                    let Some(meta) = seal::open_bytes(&identities, &meta)
                        .ok()
                        .and_then(|m| FileMeta::from_json(&m).ok())
                    else {
                        writer.unreadable(item.id);
                        continue;
                    };
                    let ciphertext = download_ciphertext(client, item.id, &item.sha256).await?;
                    let ids = identities.clone();
                    let id = item.id;
                    writer = tokio::task::spawn_blocking(move || {
                        if writer.file(&ids, &meta, ciphertext).is_err() {
                            writer.unreadable(id);
                        }
                        writer
                    })
                    .await
                    .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
                }
            }
        }
    }
    let problems = writer.finish()?;
    Ok((target, problems))
}

/// Re-encrypts every item this key can read, in one case or all, for the server's current
/// reviewers (and each case's reporter), if this workstation trusts them. Returns
/// (re-encrypted, skipped) counts.
///
/// Two round trips per batch of up to [`MAX_REPLACE_ITEMS`] items (and about
/// [`GRANT_BATCH_BYTES`]): one bulk download of their ciphertexts, one upload of them all
/// re-encrypted, replaced on the server in one transaction. The cases come in one round
/// trip ([`Client::sync`]) when all are re-encrypted; `progress` hears (items handled,
/// items in all) after each batch.
pub async fn grant(
    client: &Client,
    only: Option<&str>,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<(u64, u64), WorkstationError> {
    let trust = client.trust();
    let info = client.info().await?;
    let cases: Vec<CaseDetail> = match only {
        Some(r) => vec![client.case(r).await?],
        None => client
            .sync(&std::collections::BTreeMap::new())
            .await?
            .buckets
            .into_iter()
            .flat_map(|b| b.cases)
            .map(|c| c.detail)
            .collect(),
    };
    // Every case's recipients first: a case whose keys this workstation does not trust
    // stops the grant before anything is sent.
    let mut items = Vec::new();
    for case in &cases {
        let recipients = std::sync::Arc::new(reply_recipients(trust, &info, case)?);
        for item in case.messages.iter().flat_map(|m| &m.items) {
            items.push((item, std::sync::Arc::clone(&recipients)));
        }
    }
    let total = items.len() as u64;
    let budget = GRANT_BATCH_BYTES.min(info.max_upload_bytes / 2).max(1);
    let (mut done, mut skipped) = (0u64, 0u64);
    progress(0, total);
    let mut rest = &items[..];
    while !rest.is_empty() {
        // As many items as fit the budget (at least one), at most MAX_REPLACE_ITEMS.
        let mut bytes = 0u64;
        let n = rest
            .iter()
            .take(MAX_REPLACE_ITEMS)
            .take_while(|(item, _)| {
                bytes += item.size + item.meta.as_ref().map_or(0, |m| m.size);
                bytes <= budget
            })
            .count()
            .max(1);
        let (batch, later) = rest.split_at(n);
        rest = later;
        let (parts, resealed) = reseal_batch(client, batch).await?;
        if !parts.is_empty() {
            client.replace_items(&parts).await?;
        }
        done += resealed;
        skipped += batch.len() as u64 - resealed;
        progress(done + skipped, total);
    }
    Ok((done, skipped))
}

/// About this many bytes of ciphertext are re-encrypted per request of a grant.
pub const GRANT_BATCH_BYTES: u64 = 64 * 1024 * 1024;

/// Downloads a batch's ciphertexts in one bulk request and re-encrypts each that this key
/// opens; returns the parts to upload and how many items they hold.
async fn reseal_batch(
    client: &Client,
    batch: &[(&ItemInfo, std::sync::Arc<Vec<Recipient>>)],
) -> Result<(Vec<OutgoingPart>, u64), WorkstationError> {
    let wanted: Vec<BulkItem> = batch
        .iter()
        .flat_map(|(item, _)| {
            std::iter::once(BulkItem {
                id: item.id,
                part: BulkPart::Content,
            })
            .chain(item.meta.as_ref().map(|_| BulkItem {
                id: item.id,
                part: BulkPart::Meta,
            }))
        })
        .collect();
    let mut answer = client.bulk(&wanted).await?;
    let identities = client.identities().to_vec();
    let mut parts = Vec::new();
    let mut resealed = 0;
    for (item, recipients) in batch {
        // The ciphertext into an anonymous file, checked against its SHA-256.
        let content = BulkItem {
            id: item.id,
            part: BulkPart::Content,
        };
        answer.next(content, item.size).await?;
        let mut file = tempfile::tempfile()?;
        let sha256 = answer.copy_to(item.size, &mut file).await?;
        let damaged = || {
            WorkstationError::Bundle(format!(
                "item {} arrived damaged (its SHA-256 does not match)",
                item.id
            ))
        };
        if sha256 != item.sha256 {
            return Err(damaged());
        }
        file.rewind()?;
        let meta = match &item.meta {
            Some(info) => {
                let wanted = BulkItem {
                    id: item.id,
                    part: BulkPart::Meta,
                };
                let ct = answer
                    .next_bytes(wanted, info.size, client::MAX_META_BYTES)
                    .await?;
                if hex::encode(Sha256::digest(&ct)) != info.sha256 {
                    return Err(damaged());
                }
                Some(ct)
            }
            None => None,
        };
        let (ids, recips) = (identities.clone(), std::sync::Arc::clone(recipients));
        let sealed = tokio::task::spawn_blocking(
            move || -> Result<(fs::File, u64, Option<Vec<u8>>), WorkstationError> {
                let meta = match meta {
                    Some(ct) => Some(seal::seal_bytes(&recips, &seal::open_bytes(&ids, &ct)?)?),
                    None => None,
                };
                let reader = seal::open_reader(&ids, file)?;
                let (mut file, len, _) = seal_to_tempfile(&recips, reader)?;
                file.rewind()?;
                Ok((file, len, meta))
            },
        )
        .await
        .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
        // An item this key cannot open (sealed before it was a reviewer's) is skipped.
        let Ok((file, len, meta)) = sealed else {
            continue;
        };
        parts.push(OutgoingPart {
            name: format!("content:{}", item.id).into(),
            body: PartBody::File(std::sync::Arc::new(file), len),
        });
        if let Some(meta) = meta {
            parts.push(OutgoingPart {
                name: format!("meta:{}", item.id).into(),
                body: PartBody::Memory(meta.into()),
            });
        }
        resealed += 1;
    }
    Ok((parts, resealed))
}
