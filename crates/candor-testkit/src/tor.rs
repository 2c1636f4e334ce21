//! A private Tor network on loopback for the end-to-end test: `../shared/tor/onion-check`
//! (chutney and Debian's `tor`) serves the reporters' listener as an onion service, and
//! this module adds what a body's deployment has besides: a second onion service for the
//! reviewers with v3 client authorization, and a second Tor client that holds the
//! workstation's authorization key. Every listener is on 127.0.0.1.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The running network; dropping it stops every Tor process it started.
pub struct TorNetwork {
    check: Child,
    work: PathBuf,
    /// The reporters' onion address (`….onion`).
    pub onion: String,
    /// The SOCKS port of the network's own client, which holds no authorization key.
    pub socks_port: u16,
    extra: Vec<Child>,
}

/// Where `onion-check` is: `ONION_CHECK`, or `../shared/tor/onion-check` beside the repository.
fn onion_check() -> PathBuf {
    std::env::var_os("ONION_CHECK")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/tor/onion-check")
        })
}

/// Whether this machine can run the network (Debian's `tor` and the shared script).
pub fn available() -> bool {
    onion_check().exists()
        && Command::new("tor")
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_ok()
}

/// How each try to bring the network up is made: a private network on a busy machine
/// sometimes never forms a consensus (the authorities miss a short voting round and the
/// relays stay "Not in dir file"); the next try starts afresh, in its own directory, on
/// other ports, with chutney's own, more patient voting intervals.
const ATTEMPTS: [Attempt; 3] = [
    Attempt {
        fast: true,
        timeout: 240,
        port_offset: 0,
    },
    Attempt {
        fast: false,
        timeout: 400,
        port_offset: 100,
    },
    Attempt {
        fast: false,
        timeout: 400,
        port_offset: 200,
    },
];

struct Attempt {
    fast: bool,
    timeout: u32,
    port_offset: u16,
}

impl TorNetwork {
    /// Starts the network with `target` (`unix:/path` or `127.0.0.1:PORT`) served as an
    /// onion, and waits until the onion answers through the network's client. A network
    /// that does not bootstrap is torn down and started again (see [`ATTEMPTS`]).
    pub fn start(target: &str, work: &Path) -> TorNetwork {
        for (n, attempt) in ATTEMPTS.iter().enumerate() {
            match Self::try_start(target, &work.join(format!("try-{n}")), attempt) {
                Some(network) => return network,
                None => eprintln!("[tor] try {n} did not bring the network up; starting afresh"),
            }
        }
        panic!(
            "the private Tor network did not bootstrap in {} tries",
            ATTEMPTS.len()
        );
    }

    fn try_start(target: &str, work: &Path, attempt: &Attempt) -> Option<TorNetwork> {
        // Through bash: a copy of shared/ may have lost the script's executable bit.
        let mut command = Command::new("bash");
        command.arg(onion_check());
        if attempt.fast {
            command.arg("--fast");
        }
        let mut check = command
            .args(["--hold", "--timeout"])
            .arg(attempt.timeout.to_string())
            .arg("--port-offset")
            .arg(attempt.port_offset.to_string())
            .arg("--work-dir")
            .arg(work)
            .arg(target)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run onion-check");
        let stderr = BufReader::new(check.stderr.take().expect("stderr"));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                eprintln!("{line}");
                if line.contains("holding the network up") {
                    let _ = tx.send(());
                }
            }
        });
        let stdout = BufReader::new(check.stdout.take().expect("stdout"));
        let (mut onion, mut socks_port) = (None, None);
        for line in stdout.lines() {
            let line = line.expect("stdout");
            if let Some(o) = line.strip_prefix("ONION=") {
                onion = Some(o.to_string());
            }
            if let Some(p) = line.strip_prefix("SOCKS_PORT=") {
                socks_port = p.parse().ok();
            }
            if line.starts_with("ONION_URL=") {
                break;
            }
        }
        let network = TorNetwork {
            check,
            work: work.to_path_buf(),
            onion: onion.unwrap_or_default(),
            socks_port: socks_port.unwrap_or_default(),
            extra: Vec::new(),
        };
        // No address: onion-check gave up (and stopped its Tor processes); dropping the
        // network reaps it.
        if network.onion.is_empty() || network.socks_port == 0 {
            return None;
        }
        let answered = rx
            .recv_timeout(Duration::from_secs(u64::from(attempt.timeout) + 60))
            .is_ok();
        answered.then_some(network)
    }

    /// The torrc of the network's node of this kind (`h`: onion service, `c`: client),
    /// without the lines that name that node's own files, ports and controller.
    fn base_torrc(&self, kind: char) -> String {
        let nodes = self.work.join("net/nodes");
        let node = std::fs::read_dir(&nodes)
            .expect("nodes")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(kind))
            })
            .expect("node of that kind");
        let torrc = std::fs::read_to_string(node.join("torrc")).expect("torrc");
        let own = [
            "DataDirectory",
            "RunAsDaemon",
            "Nickname",
            "ControlPort",
            "ControlSocket",
            "CookieAuthentication",
            "PidFile",
            "Log ",
            "Sandbox",
            "__OwningControllerProcess",
            "SocksPort",
            "HiddenService",
        ];
        torrc
            .lines()
            .filter(|l| !own.iter().any(|o| l.starts_with(o)))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    fn spawn_tor(&mut self, name: &str, torrc: String) -> PathBuf {
        let dir = self.work.join(format!("extra-{name}"));
        std::fs::create_dir_all(dir.join("data")).expect("dir");
        set_mode(&dir.join("data"), 0o700);
        let path = dir.join("torrc");
        std::fs::write(
            &path,
            format!(
                "{torrc}DataDirectory {data}\nNickname {name}\nRunAsDaemon 0\nSandbox 0\nLog notice file {dir}/notice.log\n__OwningControllerProcess {pid}\n",
                data = dir.join("data").display(),
                dir = dir.display(),
                pid = std::process::id(),
            ),
        )
        .expect("torrc");
        let child = Command::new("tor")
            .arg("-f")
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tor");
        self.extra.push(child);
        dir
    }

    /// A second onion service for `target`, reachable only with one of the keys in
    /// `authorized` (`NAME.auth` files from `candor keygen tor-client`). Its address is
    /// made first (Tor writes it at start), so the keys can name it: `make_keys` gets the
    /// address and returns the `.auth` files.
    pub fn add_authorized_onion(
        &mut self,
        target: &str,
        make_keys: impl FnOnce(&str) -> Vec<PathBuf>,
    ) -> String {
        let base = self.base_torrc('h');
        let hs = self.work.join("extra-reviewers-hs");
        std::fs::create_dir_all(&hs).expect("dir");
        set_mode(&hs, 0o700);
        let torrc = format!(
            "{base}SocksPort 0\nHiddenServiceDir {hs}\nHiddenServicePort 80 {target}\n",
            hs = hs.display()
        );
        // First start: Tor makes the service's keys and writes its address.
        self.spawn_tor("reviewershs", torrc.clone());
        let hostname = hs.join("hostname");
        let deadline = Instant::now() + Duration::from_secs(60);
        while !hostname.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        let onion = std::fs::read_to_string(&hostname)
            .expect("the reviewer onion's address")
            .trim()
            .to_string();
        if let Some(mut first) = self.extra.pop() {
            let _ = first.kill();
            let _ = first.wait();
        }
        let clients = hs.join("authorized_clients");
        std::fs::create_dir_all(&clients).expect("dir");
        for auth in make_keys(&onion) {
            std::fs::copy(&auth, clients.join(auth.file_name().expect("name"))).expect("copy");
        }
        // Tor reads authorized_clients/ at start.
        self.spawn_tor("reviewershs", torrc);
        onion
    }

    /// A second Tor client whose `ClientOnionAuthDir` holds `auth_private` (a workstation's
    /// Tor); returns its SOCKS port.
    pub fn add_authorized_client(&mut self, auth_private: &Path) -> u16 {
        let base = self.base_torrc('c');
        let auth_dir = self.work.join("extra-client-auth");
        std::fs::create_dir_all(&auth_dir).expect("dir");
        set_mode(&auth_dir, 0o700);
        std::fs::copy(
            auth_private,
            auth_dir.join(auth_private.file_name().expect("name")),
        )
        .expect("copy");
        let port = super::free_port();
        self.spawn_tor(
            "workstation",
            format!(
                "{base}SocksPort 127.0.0.1:{port}\nClientOnionAuthDir {}\n",
                auth_dir.display()
            ),
        );
        port
    }
}

impl Drop for TorNetwork {
    fn drop(&mut self) {
        for child in &mut self.extra {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.check.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.check.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let _ = self.check.kill();
        let _ = self.check.wait();
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("mode");
}
