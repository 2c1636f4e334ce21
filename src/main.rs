//! The `candor` command: parse arguments, load settings, call the library.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use candor::config::{Config, Listen};

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
}

fn client_for(connection: &Connection) -> Result<candor::workstation::Client, String> {
    let (name, identities) =
        candor::workstation::load_identity(&connection.identity, connection.name.as_deref())
            .map_err(|e| e.to_string())?;
    candor::workstation::Client::new(
        &connection.server,
        &name,
        identities,
        connection.proxy.as_deref(),
    )
    .map_err(|e| e.to_string())
}

fn run_review(action: ReviewCommand) -> Result<(), String> {
    match action {
        ReviewCommand::Serve {
            connection,
            listen,
            export_dir,
        } => {
            let client = client_for(&connection)?;
            runtime()?
                .block_on(candor::workstation::serve::serve(client, listen, export_dir, |url| {
                    println!("Candor workstation is listening on {url}");
                    println!("Open that address in your browser; it contains this session's access token.");
                }))
                .map_err(|e| e.to_string())
        }
        ReviewCommand::Fetch { connection, out } => {
            let client = client_for(&connection)?;
            let (cases, items) = runtime()?
                .block_on(candor::workstation::bundle::fetch(&client, &out))
                .map_err(|e| e.to_string())?;
            println!(
                "Fetched {cases} cases, {items} items (ciphertext only) into {}",
                out.display()
            );
            Ok(())
        }
        ReviewCommand::Open { dir, identity, out } => {
            let (_, identities) = candor::workstation::load_identity(&identity, Some("offline"))
                .map_err(|e| e.to_string())?;
            let (cases, problems) = candor::workstation::bundle::open(&dir, &identities, &out)
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
                .block_on(candor::workstation::grant(&client, case.as_deref()))
                .map_err(|e| e.to_string())?;
            println!(
                "Re-encrypted {done} items for the current reviewers; {skipped} could not be opened with this key."
            );
            Ok(())
        }
    }
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
                .block_on(candor::server::serve(config, |addr| {
                    println!("Candor is listening on {addr}");
                }))
                .map_err(|e| e.to_string())
        }
        Command::Demo {
            dir,
            listen,
            workstation_listen,
        } => runtime()?.block_on(candor::demo::run(&dir, listen, workstation_listen)),
        Command::Review { action } => run_review(action),
        Command::Keygen {
            kind: KeygenKind::Reviewer { name, out },
        } => {
            let files = candor::keygen::reviewer(&name, &out).map_err(|e| e.to_string())?;
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
