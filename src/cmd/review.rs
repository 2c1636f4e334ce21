//! `candor review`: the body's workstation, where the reviewer's key is: local pages,
//! air-gapped fetch and open, re-encryption for new reviewers, and the trusted reviewers.

use std::path::PathBuf;

use crate::error::CliError;

/// How the workstation reaches the server and who it is.
#[derive(clap::Args)]
pub struct Connection {
    /// The server's address, e.g. http://xxxx.onion or http://127.0.0.1:8080.
    #[arg(long)]
    server: String,
    /// The reviewer's age identity file (NAME.key).
    #[arg(long)]
    identity: PathBuf,
    /// The reviewer's name on the server (default: the identity file's name without .key).
    #[arg(long)]
    name: Option<String>,
    /// A SOCKS proxy for onion addresses, e.g. socks5h://127.0.0.1:9050 (Tor).
    #[arg(long)]
    proxy: Option<String>,
    /// Where this workstation keeps what it trusts about each server (the reviewers' keys,
    /// each reporter's key, the log's key and last checkpoint), one folder per server
    /// address (default: NAME.state/ next to the identity file).
    #[arg(long)]
    state_dir: Option<PathBuf>,
}

impl Connection {
    /// This server's folder in the state folder.
    fn server_state(&self) -> PathBuf {
        let base = self
            .state_dir
            .clone()
            .unwrap_or_else(|| self.identity.with_extension("state"));
        candor_workstation::trust::server_dir(&base, &self.server)
    }

    fn trust(&self) -> Result<candor_workstation::trust::TrustStore, CliError> {
        candor_workstation::trust::TrustStore::open(&self.server_state()).map_err(CliError::from)
    }
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Serve the review pages on this computer (loopback only).
    Serve {
        #[command(flatten)]
        connection: Connection,
        #[arg(long, default_value = "127.0.0.1:8081")]
        listen: std::net::SocketAddr,
        /// Default folder for decrypted exports.
        #[arg(long, default_value = "candor-exports")]
        export_dir: PathBuf,
        /// The body's decision key (decision.key), to sign decisions and cosign the log.
        #[arg(long)]
        decision_key: Option<PathBuf>,
        /// The log's verifier key (otherwise pinned from the server on first use).
        #[arg(long)]
        log_key: Option<String>,
        /// How often to follow and cosign the server's log, and sync the cases, in the
        /// background.
        #[arg(long, default_value = "5m", value_parser = humantime::parse_duration)]
        sync_interval: std::time::Duration,
        /// The language of the workstation's pages: en, fr, es, pt, de, ro, ru, uk, tr, ar,
        /// fa or zh-Hans.
        #[arg(long, default_value = "en", value_parser = parse_language)]
        language: candor_workstation::serve::Lang,
    },
    /// Download every case as ciphertext only (*.age and a manifest), for air-gapped review.
    Fetch {
        #[command(flatten)]
        connection: Connection,
        #[arg(long)]
        out: PathBuf,
    },
    /// Decrypt a fetched bundle offline.
    Open {
        /// The folder written by `candor review fetch`.
        dir: PathBuf,
        #[arg(long)]
        identity: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Turn every file of an export into pictures of its pages, in a sandbox: a PDF of
    /// images only (NAME.safe.pdf), with no text, links, scripts or metadata.
    Sanitize {
        /// A case folder written by `review open` or the workstation's export, or a folder
        /// of such case folders.
        export: PathBuf,
        /// Where the safe views go (one folder per case).
        #[arg(long)]
        out: PathBuf,
        /// Refuse documents with more pages than this.
        #[arg(long, default_value_t = 200)]
        max_pages: u32,
        /// Stop a conversion after this long.
        #[arg(long, default_value = "5m", value_parser = humantime::parse_duration)]
        timeout: std::time::Duration,
        /// Memory (address space) each program in the sandbox may use, in MiB.
        #[arg(long, default_value_t = 3072)]
        max_memory_mib: u64,
    },
    /// Re-encrypt every case (or one) this key can read for the server's current reviewers.
    Grant {
        #[command(flatten)]
        connection: Connection,
        /// Only this case (its reference).
        #[arg(long)]
        case: Option<String>,
    },
    /// Show the reviewers the server lists and those this workstation trusts, and trust the
    /// server's list after you confirm (type `yes`). Confirm only a change your body made.
    Trust {
        #[command(flatten)]
        connection: Connection,
    },
}

fn client_for(connection: &Connection) -> Result<candor_workstation::Client, CliError> {
    let (name, identities) =
        candor_workstation::load_identity(&connection.identity, connection.name.as_deref())?;
    candor_workstation::Client::new(
        &connection.server,
        &name,
        identities,
        connection.proxy.as_deref(),
        std::sync::Arc::new(connection.trust()?),
    )
    .map_err(CliError::from)
}

pub fn run(action: Command) -> Result<(), CliError> {
    match action {
        Command::Serve {
            connection,
            listen,
            export_dir,
            decision_key,
            log_key,
            sync_interval,
            language,
        } => {
            let client = client_for(&connection)?;
            let decision_key = match decision_key {
                Some(path) => Some(
                    candor_log::keys::read_private_key(&path)
                        .map_err(CliError::key("--decision-key"))?,
                ),
                None => None,
            };
            let log_key = match log_key {
                Some(k) => {
                    Some(candor_log::keys::read_vkey(&k).map_err(CliError::key("--log-key"))?)
                }
                None => None,
            };
            let options = candor_workstation::serve::Options {
                listen,
                export_dir,
                decision_key,
                state_dir: connection.server_state(),
                log_key,
                sync_interval,
                language,
            };
            super::runtime()?
                .block_on(candor_workstation::serve::serve(client, options, |url| {
                    println!("Candor workstation is listening on {url}");
                    println!("Open that address in your browser; it contains this session's access token.");
                }))
                .map_err(CliError::from)
        }
        Command::Fetch { connection, out } => {
            let client = client_for(&connection)?;
            // Bytes done, rate and time left on a terminal; nothing when not on one.
            let bar =
                super::progress_bar("{msg} {bytes}/{total_bytes} {bytes_per_sec}, {eta} left");
            let progress = |p: candor_workstation::bundle::FetchProgress| match p {
                candor_workstation::bundle::FetchProgress::Planned { items: n, bytes } => {
                    bar.set_length(bytes);
                    bar.set_message(format!("Fetching {n} ciphertexts:"));
                }
                candor_workstation::bundle::FetchProgress::Downloaded { bytes } => bar.inc(bytes),
            };
            let fetched = super::runtime()?
                .block_on(candor_workstation::bundle::fetch(&client, &out, &progress))?;
            bar.finish_and_clear();
            println!(
                "Fetched {} cases, {} items (ciphertext only) into {}: {} cases new or changed, {} ciphertexts downloaded ({} bytes)",
                fetched.cases,
                fetched.items,
                out.display(),
                fetched.changed,
                fetched.downloaded,
                fetched.bytes
            );
            Ok(())
        }
        Command::Open { dir, identity, out } => {
            let (_, identities) = candor_workstation::load_identity(&identity, Some("offline"))?;
            let bar = super::progress_bar("Decrypting: {pos}/{len} cases, {eta} left");
            let progress = |done: u64, total: u64| {
                bar.set_length(total);
                bar.set_position(done);
            };
            let (cases, problems) =
                candor_workstation::bundle::open(&dir, &identities, &out, &progress)?;
            bar.finish_and_clear();
            for case in &cases {
                println!("Decrypted {}", case.display());
            }
            println!(
                "{}\nEach case's manifest.json lists what each file truly is, its warnings and its metadata. Safe view: candor review sanitize {} --out SAFE-FOLDER",
                candor_workstation::files::offline_advice(),
                out.display()
            );
            for p in &problems {
                eprintln!("warning: {p}");
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(CliError::Outcome(format!(
                    "{} problems; see the warnings above",
                    problems.len()
                )))
            }
        }
        Command::Sanitize {
            export,
            out,
            max_pages,
            timeout,
            max_memory_mib,
        } => {
            let limits = candor_workstation::files::safe_view::Limits {
                max_pages,
                timeout,
                memory: max_memory_mib.saturating_mul(1024 * 1024),
                ..Default::default()
            };
            let outcomes = candor_workstation::files::sanitize::sanitize(&export, &out, &limits)?;
            let mut refused = 0;
            for o in &outcomes {
                match &o.result {
                    Ok((path, pages)) => println!(
                        "{} -> {} ({pages} page{})",
                        o.file.display(),
                        path.display(),
                        if *pages == 1 { "" } else { "s" }
                    ),
                    Err(why) => {
                        refused += 1;
                        println!("{}: not converted. {why}", o.file.display());
                    }
                }
            }
            if refused == 0 {
                Ok(())
            } else {
                Err(CliError::Outcome(format!(
                    "{refused} of {} files have no safe view; see above",
                    outcomes.len()
                )))
            }
        }
        Command::Grant { connection, case } => {
            let client = client_for(&connection)?;
            let bar =
                super::progress_bar("Re-encrypting: {pos}/{len} items, {per_sec}, {eta} left");
            let progress = |done: u64, total: u64| {
                bar.set_length(total);
                bar.set_position(done);
            };
            let (done, skipped) = super::runtime()?.block_on(candor_workstation::grant(
                &client,
                case.as_deref(),
                &progress,
            ))?;
            bar.finish_and_clear();
            println!(
                "Re-encrypted {done} items for the current reviewers; {skipped} could not be opened with this key."
            );
            Ok(())
        }
        Command::Trust { connection } => review_trust(&connection),
    }
}

fn review_trust(connection: &Connection) -> Result<(), CliError> {
    use std::io::BufRead;
    let client = client_for(connection)?;
    let trust = client.trust();
    let info = super::runtime()?.block_on(client.info())?;
    let listed: Vec<String> = info
        .reviewers
        .iter()
        .map(|r| format!("  {} {}", r.name, r.recipient))
        .collect();
    println!("The server lists these reviewers:\n{}", listed.join("\n"));
    let changes = trust.changes(&info.reviewers);
    if trust.reviewers().is_empty() {
        trust.accept_reviewers(
            &info.reviewers,
            &candor_workstation::trust::fingerprint(&[]),
        )?;
        println!("This workstation trusted no reviewers for this server yet; it now trusts these.");
        return Ok(());
    }
    if changes.is_empty() {
        println!("This workstation already trusts exactly this list.");
        return Ok(());
    }
    println!("They differ from the reviewers this workstation trusts:");
    for change in &changes {
        println!("  {change}");
    }
    println!(
        "Confirm only a change your body really made: a compromised server could add its own key."
    );
    println!("Type yes to trust the server's list:");
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(CliError::Stdin)?;
    if answer.trim() != "yes" {
        return Err(CliError::Outcome("nothing was changed".into()));
    }
    trust.accept_reviewers(
        &info.reviewers,
        &candor_workstation::trust::fingerprint(&changes),
    )?;
    println!("This workstation now trusts the server's list of reviewers.");
    Ok(())
}

fn parse_language(tag: &str) -> Result<candor_workstation::serve::Lang, String> {
    candor_workstation::serve::Lang::parse(tag)
        .ok_or_else(|| format!("not one of {}", candor_workstation::serve::Lang::tags()))
}
