//! The `candor` command: parse arguments, load settings, call the library.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use candor_server::config::{Config, Listen};

mod demo;
mod keygen;

/// Freed memory is overwritten with zeros, so plaintext that passed through any buffer
/// (ours, hyper's, multer's, age's) does not linger after use.
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

#[derive(Parser)]
#[command(
    name = "candor",
    version,
    about = "Secure whistleblower reporting for an independent body"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run everything on loopback: keys, configuration, database and server in ./candor-demo.
    Demo {
        /// Folder for the demo's keys, configuration and data.
        #[arg(long, default_value = "candor-demo")]
        dir: PathBuf,
        /// Address for the reporter pages (default from the demo configuration: 127.0.0.1:8080).
        #[arg(long)]
        listen: Option<Listen>,
        /// Address for the demo reviewer's workstation pages.
        #[arg(long, default_value = "127.0.0.1:8081")]
        workstation_listen: std::net::SocketAddr,
    },
    /// Run the server.
    Serve {
        #[arg(long, default_value = "candor.toml")]
        config: PathBuf,
    },
    /// Create keys.
    Keygen {
        #[command(subcommand)]
        kind: KeygenKind,
    },
    /// The body's review workstation (runs where the reviewer's key is).
    Review {
        #[command(subcommand)]
        action: ReviewCommand,
    },
    /// Check a certificate offline with the log's and the body's public keys.
    Verify {
        /// The certificate file a reporter downloaded.
        certificate: PathBuf,
        /// The log's verifier key (C2SP vkey), or a file holding it.
        #[arg(long)]
        log_key: String,
        /// The body's decision verifier key (C2SP vkey), or a file holding it.
        #[arg(long)]
        body_key: String,
        /// A witness whose cosignature the checkpoint must carry (C2SP vkey or a file
        /// holding it, e.g. the body's witness.vkey); may be given several times.
        #[arg(long)]
        witness_key: Vec<String>,
    },
    /// The sealed status log.
    Log {
        #[command(subcommand)]
        action: LogCommand,
    },
}

#[derive(Subcommand)]
enum LogCommand {
    /// Follow a server's log independently: check the signed checkpoint, download every
    /// entry and tile, recompute the tree, check it extends what was seen before.
    Verify {
        #[arg(long)]
        server: String,
        /// Where the last verified checkpoint and the pinned log key are kept.
        #[arg(long, default_value = "candor-log-state.txt")]
        state: PathBuf,
        /// The log's verifier key; without it, the key in the state file is used, or the
        /// server's /log/keys on first use (pinned from then on).
        #[arg(long)]
        log_key: Option<String>,
        /// A SOCKS proxy for onion addresses, e.g. socks5h://127.0.0.1:9050.
        #[arg(long)]
        proxy: Option<String>,
    },
}

/// How the workstation reaches the server and who it is.
#[derive(clap::Args)]
struct Connection {
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

    fn trust(&self) -> Result<candor_workstation::trust::TrustStore, String> {
        candor_workstation::trust::TrustStore::open(&self.server_state()).map_err(|e| e.to_string())
    }
}

#[derive(Subcommand)]
enum ReviewCommand {
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
        /// How often to follow and cosign the server's log in the background.
        #[arg(long, default_value = "5m", value_parser = humantime::parse_duration)]
        sync_interval: std::time::Duration,
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

fn verify_certificate(
    path: &std::path::Path,
    log_key: &str,
    body_key: &str,
    witness_keys: &[String],
) -> Result<(), String> {
    use candor_log::certificate::Certificate;
    use candor_log::keys::read_vkey;
    let log_key = read_vkey(log_key).map_err(|e| format!("--log-key: {e}"))?;
    let body_key = read_vkey(body_key).map_err(|e| format!("--body-key: {e}"))?;
    let witnesses = witness_keys
        .iter()
        .map(|k| read_vkey(k).map_err(|e| format!("--witness-key: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let data = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let certificate = Certificate::parse(&data).map_err(|e| format!("NOT VERIFIED: {e}"))?;
    let verified = certificate
        .verify(&log_key, &body_key, &witnesses)
        .map_err(|e| format!("NOT VERIFIED: {e}"))?;
    println!("{}", verified.summary());
    println!("VERIFIED");
    Ok(())
}

fn log_verify(
    server: &str,
    state: &std::path::Path,
    log_key: Option<&str>,
    proxy: Option<&str>,
) -> Result<(), String> {
    let key = match log_key {
        Some(k) => Some(candor_log::keys::read_vkey(k).map_err(|e| format!("--log-key: {e}"))?),
        None => None,
    };
    let http = candor_workstation::client::http_client(server, proxy).map_err(|e| e.to_string())?;
    let (followed, stats) = runtime()?
        .block_on(candor_workstation::follow::follow(
            &http,
            server,
            state,
            key.as_ref(),
            true,
        ))
        .map_err(|e| e.to_string())?;
    if followed.pinned_now {
        println!(
            "Pinned the log key from the server on first use; compare it with one from a trusted source:"
        );
        println!(
            "  {}",
            candor_workstation::follow::State::load(state)
                .ok()
                .flatten()
                .map(|s| s.vkey)
                .unwrap_or_default()
        );
    }
    match followed.previous_size {
        Some(prev) => println!(
            "Log {}: {} entries, consistent with the {} seen before.",
            followed.origin, followed.size, prev
        ),
        None => println!("Log {}: {} entries.", followed.origin, followed.size),
    }
    println!(
        "Every entry and tile was downloaded and the tree recomputed: it matches the signed checkpoint."
    );
    if !stats.is_empty() {
        println!();
        println!("Entries by month and kind:");
        for (month, kind, n) in stats {
            println!("  {month}  {kind:<20} {n}");
        }
    }
    println!("State saved to {}", state.display());
    Ok(())
}

fn client_for(connection: &Connection) -> Result<candor_workstation::Client, String> {
    let (name, identities) =
        candor_workstation::load_identity(&connection.identity, connection.name.as_deref())
            .map_err(|e| e.to_string())?;
    candor_workstation::Client::new(
        &connection.server,
        &name,
        identities,
        connection.proxy.as_deref(),
        std::sync::Arc::new(connection.trust()?),
    )
    .map_err(|e| e.to_string())
}

fn run_review(action: ReviewCommand) -> Result<(), String> {
    match action {
        ReviewCommand::Serve {
            connection,
            listen,
            export_dir,
            decision_key,
            log_key,
            sync_interval,
        } => {
            let client = client_for(&connection)?;
            let decision_key = match decision_key {
                Some(path) => Some(
                    candor_log::keys::read_private_key(&path)
                        .map_err(|e| format!("--decision-key: {e}"))?,
                ),
                None => None,
            };
            let log_key = match log_key {
                Some(k) => {
                    Some(candor_log::keys::read_vkey(&k).map_err(|e| format!("--log-key: {e}"))?)
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
            };
            runtime()?
                .block_on(candor_workstation::serve::serve(client, options, |url| {
                    println!("Candor workstation is listening on {url}");
                    println!("Open that address in your browser; it contains this session's access token.");
                }))
                .map_err(|e| e.to_string())
        }
        ReviewCommand::Fetch { connection, out } => {
            let client = client_for(&connection)?;
            let (cases, items) = runtime()?
                .block_on(candor_workstation::bundle::fetch(&client, &out))
                .map_err(|e| e.to_string())?;
            println!(
                "Fetched {cases} cases, {items} items (ciphertext only) into {}",
                out.display()
            );
            Ok(())
        }
        ReviewCommand::Open { dir, identity, out } => {
            let (_, identities) = candor_workstation::load_identity(&identity, Some("offline"))
                .map_err(|e| e.to_string())?;
            let (cases, problems) = candor_workstation::bundle::open(&dir, &identities, &out)
                .map_err(|e| e.to_string())?;
            for case in &cases {
                println!("Decrypted {}", case.display());
            }
            for p in &problems {
                eprintln!("warning: {p}");
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "{} problems; see the warnings above",
                    problems.len()
                ))
            }
        }
        ReviewCommand::Grant { connection, case } => {
            let client = client_for(&connection)?;
            let (done, skipped) = runtime()?
                .block_on(candor_workstation::grant(&client, case.as_deref()))
                .map_err(|e| e.to_string())?;
            println!(
                "Re-encrypted {done} items for the current reviewers; {skipped} could not be opened with this key."
            );
            Ok(())
        }
        ReviewCommand::Trust { connection } => review_trust(&connection),
    }
}

fn review_trust(connection: &Connection) -> Result<(), String> {
    use std::io::BufRead;
    let client = client_for(connection)?;
    let trust = client.trust();
    let info = runtime()?
        .block_on(client.info())
        .map_err(|e| e.to_string())?;
    let listed: Vec<String> = info
        .reviewers
        .iter()
        .map(|r| format!("  {} {}", r.name, r.recipient))
        .collect();
    println!("The server lists these reviewers:\n{}", listed.join("\n"));
    let changes = trust.changes(&info.reviewers);
    if trust.reviewers().is_empty() {
        trust
            .accept_reviewers(
                &info.reviewers,
                &candor_workstation::trust::fingerprint(&[]),
            )
            .map_err(|e| e.to_string())?;
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
        .map_err(|e| e.to_string())?;
    if answer.trim() != "yes" {
        return Err("nothing was changed".into());
    }
    trust
        .accept_reviewers(
            &info.reviewers,
            &candor_workstation::trust::fingerprint(&changes),
        )
        .map_err(|e| e.to_string())?;
    println!("This workstation now trusts the server's list of reviewers.");
    Ok(())
}

#[derive(Subcommand)]
enum KeygenKind {
    /// A reviewer's age identity: DIR/NAME.key (secret, for `age -d -i`) and DIR/NAME.pub.
    Reviewer {
        #[arg(long)]
        name: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// A workstation's Tor client-authorization key for the reviewer onion: DIR/NAME.auth
    /// (for the server's authorized_clients/) and DIR/NAME.auth_private (secret, for the
    /// workstation Tor's ClientOnionAuthDir).
    TorClient {
        #[arg(long)]
        name: String,
        /// The reviewer onion's address (xxxx.onion).
        #[arg(long)]
        onion: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// The body's decision key: DIR/decision.key (secret) and DIR/decision.vkey (C2SP vkey).
    Body {
        /// The key's name, e.g. the body's domain or short name (no spaces, no '+').
        #[arg(long)]
        name: String,
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    init_logging();
    std::panic::set_hook(Box::new(|info| {
        // Never print a panic's payload: it could quote data. The place is enough.
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "unknown place".into());
        eprintln!("candor: internal error at {place}");
    }));
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("candor: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging() {
    // No timestamps: the service manager adds its own, and lines must not time reporters'
    // actions more precisely than that. Nothing identifying is ever logged.
    let filter = tracing_subscriber::EnvFilter::try_from_env("CANDOR_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .without_time()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve { config } => {
            let config = Config::load(&config).map_err(|e| e.to_string())?;
            runtime()?
                .block_on(candor_server::server::serve(config, |addr| {
                    println!("Candor is listening on {addr}");
                }))
                .map_err(|e| e.to_string())
        }
        Command::Demo {
            dir,
            listen,
            workstation_listen,
        } => runtime()?.block_on(demo::run(&dir, listen, workstation_listen)),
        Command::Review { action } => run_review(action),
        Command::Keygen {
            kind: KeygenKind::Body { name, out },
        } => {
            let files = keygen::body(&name, &out).map_err(|e| e.to_string())?;
            println!(
                "Wrote {} (secret: keep it on the body's workstations only)",
                files.private.display()
            );
            println!("Wrote {}", files.vkey_file.display());
            println!(
                "Wrote {} (the workstation's witness key, for `candor verify --witness-key`)",
                files.witness_vkey_file.display()
            );
            println!("Add to the server's candor.toml:");
            println!();
            println!("[body]");
            println!("decision_key = \"{}\"", files.vkey);
            Ok(())
        }
        Command::Verify {
            certificate,
            log_key,
            body_key,
            witness_key,
        } => verify_certificate(&certificate, &log_key, &body_key, &witness_key),
        Command::Log {
            action:
                LogCommand::Verify {
                    server,
                    state,
                    log_key,
                    proxy,
                },
        } => log_verify(&server, &state, log_key.as_deref(), proxy.as_deref()),
        Command::Keygen {
            kind: KeygenKind::TorClient { name, onion, out },
        } => {
            let files = keygen::tor_client(&name, &onion, &out).map_err(|e| e.to_string())?;
            println!(
                "Wrote {} (give it to the server's operator: HiddenServiceDir/authorized_clients/)",
                files.auth.display()
            );
            println!(
                "Wrote {} (secret: put it in this workstation's ClientOnionAuthDir, then restart Tor)",
                files.auth_private.display()
            );
            Ok(())
        }
        Command::Keygen {
            kind: KeygenKind::Reviewer { name, out },
        } => {
            let files = keygen::reviewer(&name, &out).map_err(|e| e.to_string())?;
            println!(
                "Wrote {} (secret: keep it on the reviewer's workstation)",
                files.identity.display()
            );
            println!("Wrote {}", files.recipient_file.display());
            println!("Add to the server's candor.toml:");
            println!();
            println!("[[reviewers]]");
            println!("name = \"{name}\"");
            println!("recipient = \"{}\"", files.recipient);
            Ok(())
        }
    }
}
