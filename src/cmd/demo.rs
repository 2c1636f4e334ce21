//! `candor demo`: one command that sets up keys, configuration and database in a folder,
//! then runs everything on loopback.

use std::fs;
use std::path::{Path, PathBuf};

use super::keygen::{self, KeygenError};
use candor_server::config::{Config, ConfigError, Listen};

pub const REVIEWER_NAME: &str = "demo-reviewer";
pub const BODY_NAME: &str = "Demo Whistleblower Protection Authority";
pub const BODY_KEY_NAME: &str = "demo-authority";

/// Why the demo could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("cannot prepare {path}: {err}")]
    Io { path: PathBuf, err: std::io::Error },
    #[error(transparent)]
    Keygen(#[from] KeygenError),
    #[error("{0} (in the demo configuration; delete the demo folder to start afresh)")]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Serve(#[from] candor_server::server::ServeError),
    #[error("the demo server did not start")]
    NotStarted,
    #[error(transparent)]
    Workstation(#[from] candor_workstation::WorkstationError),
    #[error(transparent)]
    Client(#[from] candor_workstation::ClientError),
    #[error(transparent)]
    Trust(#[from] candor_workstation::trust::TrustError),
    #[error(transparent)]
    Key(#[from] candor_log::keys::KeyError),
    #[error("the demo server's log keys: {0}")]
    LogKey(String),
    #[error("the demo's sample case: {0}")]
    Sample(String),
    #[error(transparent)]
    Witness(#[from] candor_witness::WitnessError),
}

/// The name of the demo's partner witness (another body witnessing this one's log).
const PARTNER_WITNESS: &str = "partner-body.localhost";

/// `candor demo`'s options.
#[derive(clap::Args)]
pub struct Args {
    /// Folder for the demo's keys, configuration and data.
    #[arg(long, default_value = "candor-demo")]
    dir: PathBuf,
    /// Address for the reporter pages (default from the demo configuration: 127.0.0.1:8080).
    #[arg(long)]
    listen: Option<Listen>,
    /// Address for the demo reviewer's workstation pages.
    #[arg(long, default_value = "127.0.0.1:8081")]
    workstation_listen: std::net::SocketAddr,
}

/// Runs the demo until it is stopped.
pub fn main(args: Args) -> Result<(), crate::error::CliError> {
    Ok(super::runtime()?.block_on(run(&args.dir, args.listen, args.workstation_listen))?)
}

/// The prepared demo: its configuration and where its files are.
pub struct Demo {
    pub dir: PathBuf,
    pub config: Config,
    pub config_path: PathBuf,
    pub reviewer_key: PathBuf,
    pub decision_key: PathBuf,
}

/// Creates `dir` with a reviewer key, a configuration and a data folder on first run;
/// reuses them afterwards.
pub fn prepare(dir: &Path, listen: Option<Listen>) -> Result<Demo, DemoError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |err| DemoError::Io { path, err }
    };
    fs::create_dir_all(dir).map_err(io(dir))?;
    let dir = fs::canonicalize(dir).map_err(io(dir))?;
    let config_path = dir.join("candor.toml");
    let reviewer_key = dir.join(format!("{REVIEWER_NAME}.key"));
    let decision_key = dir.join("decision.key");
    // Folders made by an older demo may lack the body's keys: make them whenever missing.
    if !decision_key.exists() {
        keygen::body(BODY_KEY_NAME, &dir)?;
    }
    let decision_vkey = fs::read_to_string(dir.join("decision.vkey"))
        .map_err(io(&dir))?
        .trim()
        .to_string();
    let witness_vkey = fs::read_to_string(dir.join("witness.vkey"))
        .map_err(io(&dir))?
        .trim()
        .to_string();
    if !config_path.exists() {
        let keys = if reviewer_key.exists() {
            fs::read_to_string(dir.join(format!("{REVIEWER_NAME}.pub")))
                .map_err(io(&dir))?
                .trim()
                .to_string()
        } else {
            keygen::reviewer(REVIEWER_NAME, &dir)?.recipient
        };
        let text = format!(
            "# Candor demo configuration, written by `candor demo`. See README.md for every setting.\n\
             listen = \"127.0.0.1:8080\"\n\
             data_dir = {data:?}\n\
             max_upload_bytes = {max}\n\
             # The demo integrates its log every 10 seconds; a real server integrates once a day, at midnight (UTC).\n\
             log_origin = \"demo.candor.localhost/log\"\n\
             log_interval = \"10s\"\n\
             \n\
             [body]\n\
             name = \"{BODY_NAME}\"\n\
             decision_key = \"{decision_vkey}\"\n\
             witness_keys = [\"{witness_vkey}\"]\n\
             \n\
             [[reviewers]]\n\
             name = \"{REVIEWER_NAME}\"\n\
             recipient = \"{keys}\"\n",
            data = dir.join("data").display().to_string(),
            max = candor_server::config::DEFAULT_MAX_UPLOAD_BYTES,
        );
        keygen::write_new(&config_path, text.as_bytes(), 0o600)?;
    }
    let mut config = Config::load(&config_path)?;
    if let Some(listen) = listen {
        config.listen = listen;
    }
    if config.body.decision_key.is_none() {
        config.body.decision_key = Some(decision_vkey);
    }
    // Demo folders made before witness keys were configured.
    if config.body.witness_keys.is_empty() {
        config.body.witness_keys.push(witness_vkey);
    }
    // A partner body's witness, and the log key made now (not at the server's first start)
    // so that the witness can be told it before the server runs.
    let partner = dir.join("partner");
    if !partner.join("witness.key").exists() {
        keygen::witness(PARTNER_WITNESS, &partner)?;
    }
    let log_key = config
        .data_dir
        .join(candor_server::log_service::LOG_KEY_FILE);
    if !log_key.exists() && !config.data_dir.join("candor.db").exists() {
        candor_server::server::prepare_data_dir(&config.data_dir)?;
        let signer = candor_log::keys::generate_signer(&config.log_origin)?;
        candor_log::keys::write_private_key(&log_key, &signer)?;
    }
    Ok(Demo {
        dir,
        config,
        config_path,
        reviewer_key,
        decision_key,
    })
}

/// Runs the demo: the server, and the demo reviewer's workstation next to it.
pub async fn run(
    dir: &Path,
    listen: Option<Listen>,
    workstation_listen: std::net::SocketAddr,
) -> Result<(), DemoError> {
    let mut demo = prepare(dir, listen)?;
    // The partner body's witness, on loopback; the server sends it each new checkpoint.
    let partner = demo.dir.join("partner");
    let log_vkey_now = candor_log::keys::read_private_key(
        &demo
            .config
            .data_dir
            .join(candor_server::log_service::LOG_KEY_FILE),
    )?
    .verifier()
    .to_vkey();
    let partner_config = candor_witness::Config {
        listen: "127.0.0.1:0".parse().map_err(|_| DemoError::NotStarted)?,
        key_file: partner.join("witness.key"),
        state_dir: partner.join("state"),
        logs: vec![candor_witness::serve::LogConfig {
            origin: demo.config.log_origin.clone(),
            vkey: log_vkey_now,
        }],
    };
    let (witness_tx, witness_rx) = tokio::sync::oneshot::channel();
    let partner_witness = tokio::spawn(candor_witness::serve(
        partner_config,
        move |addr| {
            let _ = witness_tx.send(addr);
        },
        std::future::pending(),
    ));
    let Ok(witness_addr) = witness_rx.await else {
        return match partner_witness.await {
            Ok(Err(e)) => Err(e.into()),
            _ => Err(DemoError::NotStarted),
        };
    };
    let partner_vkey_path = partner.join("witness.vkey");
    demo.config.witnesses.push(candor_server::config::Witness {
        name: "partner".into(),
        url: format!("http://{witness_addr}/add-checkpoint"),
        vkey: fs::read_to_string(&partner_vkey_path)
            .map_err(|err| DemoError::Io {
                path: partner_vkey_path.clone(),
                err,
            })?
            .trim()
            .to_string(),
        proxy: None,
    });
    let key = demo.reviewer_key.display().to_string();
    let config_path = demo.config_path.display().to_string();
    let (ready_tx, ready_rx) = tokio::sync::oneshot::channel::<String>();
    let server = tokio::spawn(candor_server::server::serve(demo.config, move |addr| {
        let _ = ready_tx.send(addr.to_string());
    }));
    let Ok(addr) = ready_rx.await else {
        return match server.await {
            Ok(Err(e)) => Err(e.into()),
            _ => Err(DemoError::NotStarted),
        };
    };
    let (name, identities) =
        candor_workstation::load_identity(&demo.reviewer_key, Some(REVIEWER_NAME))?;
    let decision_key = candor_log::keys::read_private_key(&demo.decision_key)?;
    let state_dir = candor_workstation::trust::server_dir(
        &demo.dir.join(format!("{REVIEWER_NAME}.state")),
        &addr,
    );
    let trust = candor_workstation::trust::TrustStore::open(&state_dir)?;
    let client = candor_workstation::Client::new(
        &addr,
        &name,
        identities,
        None,
        std::sync::Arc::new(trust),
    )?;
    let log_vkey = save_log_key(&addr, &demo.dir).await?;
    let sample = seed_sample_case(&addr, &client, &decision_key).await?;
    let options = candor_workstation::serve::Options {
        listen: workstation_listen,
        export_dir: demo.dir.join("exports"),
        decision_key: Some(decision_key),
        state_dir,
        log_key: None,
        // The demo's log integrates every 10 seconds; its witness follows closely.
        sync_interval: std::time::Duration::from_secs(5),
        language: candor_workstation::serve::Lang::En,
    };
    let decision_vkey = demo.dir.join("decision.vkey").display().to_string();
    let witness_vkey = demo.dir.join("witness.vkey").display().to_string();
    let partner_vkey = partner_vkey_path.display().to_string();
    let log_vkey = log_vkey.display().to_string();
    let workstation = candor_workstation::serve::serve(client, options, move |url| {
        println!("Candor demo is running. Stop it with Ctrl-C.");
        println!();
        println!("  Reporter pages:      {addr}/");
        println!("  Reviewer workstation: {url}");
        println!("  Reviewer key:        {key}");
        println!(
            "                       every report is encrypted to this key; the workstation uses it,"
        );
        println!(
            "                       and the stock CLI reads exported items: age -d -i {key} ITEM.age"
        );
        println!(
            "  Body decision key:   {decision_vkey} (public); the workstation signs with decision.key"
        );
        println!("  Log key:             {log_vkey} (also served at {addr}/log/keys)");
        println!("  Configuration:       {config_path}");
        println!();
        if let Some((reference, receipt)) = &sample {
            println!(
                "A sample case {reference} was made to show a complete cycle: a report with a file,"
            );
            println!(
                "a reply, and the body's signed decisions (acknowledged, whistleblower status recognized,"
            );
            println!("protection of identity granted). Its receipt code, shown only now:");
            println!();
            println!("      {receipt}");
            println!();
            println!(
                "Sign in with it at {addr}/followup to read the case as the reporter. Within 10 seconds"
            );
            println!(
                "the decisions are in the public log, and within 5 more the workstation has checked and"
            );
            println!(
                "cosigned the log's new checkpoint, as has a partner body's witness; each decision then"
            );
            println!("has a certificate to download. Check one offline (no server needed):");
        } else {
            println!(
                "A complete cycle: make a report (keep the receipt code); in the workstation, open the case,"
            );
            println!(
                "reply and record decisions (acknowledged, status recognized, protection granted); wait"
            );
            println!(
                "10 seconds for the log; sign in as the reporter at /followup and download a certificate;"
            );
            println!("check it offline:");
        }
        println!(
            "  candor verify CERTIFICATE --log-key {log_vkey} --body-key {decision_vkey} --witness-key {witness_vkey} --witness-key {partner_vkey}"
        );
        println!("The public statistics, from the log: {addr}/transparency");
        println!();
        println!("Candor workstation is listening on {url}");
        println!("Candor is listening on {addr}");
    });
    tokio::select! {
        result = server => match result {
            Ok(r) => Ok(r?),
            Err(_) => Err(DemoError::NotStarted),
        },
        result = workstation => Ok(result?),
    }
}

/// Writes the log's public key (from the server's `/log/keys`) to `DIR/log.vkey`.
async fn save_log_key(addr: &str, dir: &Path) -> Result<PathBuf, DemoError> {
    let keys = reqwest::Client::builder()
        .no_proxy()
        .build()
        .map_err(|e| DemoError::LogKey(e.to_string()))?
        .get(format!("{addr}/log/keys"))
        .send()
        .await
        .map_err(|e| DemoError::LogKey(e.to_string()))?
        .text()
        .await
        .map_err(|e| DemoError::LogKey(e.to_string()))?;
    let vkey = keys
        .lines()
        .find_map(|l| l.strip_prefix("log "))
        .ok_or_else(|| DemoError::LogKey("the server did not name its log key".into()))?;
    let path = dir.join("log.vkey");
    fs::write(&path, format!("{vkey}\n")).map_err(|err| DemoError::Io {
        path: path.clone(),
        err,
    })?;
    Ok(path)
}

/// On a demo server without cases, makes one through the real paths: a report with a file
/// posted like a browser would, then, as the body, a reply and three signed decisions.
/// Returns the case reference and its receipt code.
async fn seed_sample_case(
    addr: &str,
    client: &candor_workstation::Client,
    decision_key: &candor_log::note::Signer,
) -> Result<Option<(String, String)>, DemoError> {
    use candor_log::classification::{Area, Classification, Sector};
    use candor_log::entry::{Kind, Measure};
    let err = |e: &dyn std::fmt::Display| DemoError::Sample(e.to_string());
    if !client.cases().await.map_err(|e| err(&e))?.is_empty() {
        return Ok(None);
    }
    let form = reqwest::multipart::Form::new()
        .text(
            "message",
            "(Sample report made by `candor demo`.) The road maintenance contracts of the city were \
             awarded to one company at prices about 40% above the others' bids. I work in the \
             procurement office; the attached note lists the tenders.",
        )
        .part(
            "files",
            reqwest::multipart::Part::bytes(
                b"Tenders 2026-03, 2026-07, 2026-09: winning bids 41%, 38% and 44% above the next.\n"
                    .to_vec(),
            )
            .file_name("tenders.txt")
            .mime_str("text/plain")
            .map_err(|e| err(&e))?,
        );
    let page = reqwest::Client::builder()
        .no_proxy()
        .build()
        .map_err(|e| err(&e))?
        .post(format!("{addr}/submit"))
        .multipart(form)
        .send()
        .await
        .map_err(|e| err(&e))?
        .text()
        .await
        .map_err(|e| err(&e))?;
    let receipt = page
        .split("id=\"receipt\"")
        .nth(1)
        .and_then(|s| s.split_once('>'))
        .and_then(|(_, s)| s.split('<').next())
        .ok_or_else(|| err(&"the submission was not stored"))?
        .to_string();
    let reference = client
        .cases()
        .await
        .map_err(|e| err(&e))?
        .into_iter()
        .next()
        .map(|c| c.reference)
        .ok_or_else(|| err(&"the case is missing"))?;
    let info = client.info().await.map_err(|e| err(&e))?;
    let case = client.case(&reference).await.map_err(|e| err(&e))?;
    let recipients =
        candor_workstation::reply_recipients(client.trust(), &info, &case).map_err(|e| err(&e))?;
    let reply = candor_core::seal::seal_bytes(
        &recipients,
        b"Thank you for your report. We have recognized you as a whistleblower and your identity is protected. We will contact you here about the investigation.",
    )
    .map_err(|e| err(&e))?;
    client
        .post_message(
            &reference,
            vec![candor_workstation::OutgoingPart {
                name: "text".into(),
                body: candor_workstation::PartBody::Memory(reply.into()),
            }],
        )
        .await
        .map_err(|e| err(&e))?;
    for (kind, measure, reasons) in [
        (Kind::Acknowledged, None, ""),
        (
            Kind::StatusRecognized,
            None,
            "The reporter disclosed, in good faith and through this channel, information on \
             suspected corruption in public procurement acquired in a work-related context.",
        ),
        (
            Kind::ProtectionGranted,
            Some(Measure::Confidentiality),
            "The reporter's identity is not disclosed to anyone outside the body.",
        ),
    ] {
        let decision = candor_workstation::Decision {
            kind,
            measure,
            class: Classification {
                sector: Sector::Public,
                area: Area::PublicProcurement,
                outcome: None,
            },
            reasons,
            issued_to: None,
        };
        candor_workstation::record_decision(client, decision_key, &reference, &decision)
            .await
            .map_err(|e| err(&e))?;
    }
    client
        .set_status(&reference, "decided")
        .await
        .map_err(|e| err(&e))?;
    Ok(Some((reference, receipt)))
}
