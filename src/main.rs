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
        Command::Demo { dir, listen } => {
            let demo = candor::demo::prepare(&dir, listen).map_err(|e| e.to_string())?;
            let key = demo.reviewer_key.display().to_string();
            let config_path = demo.config_path.display().to_string();
            runtime()?
                .block_on(candor::server::serve(demo.config, move |addr| {
                    println!("Candor demo is running. Stop it with Ctrl-C.");
                    println!();
                    println!("  Reporter pages:  {addr}/");
                    println!("  Reviewer key:    {key}");
                    println!("                   every report is encrypted to this key; read an exported item with");
                    println!("                   age -d -i {key} ITEM.age");
                    println!("  Configuration:   {config_path}");
                    println!();
                    println!("Candor is listening on {addr}");
                }))
                .map_err(|e| e.to_string())
        }
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
