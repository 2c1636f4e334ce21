//! The workspace's shape, read from `cargo metadata`: the log crate stands alone, and the
//! workstation and the server never depend on each other.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

/// Each package's dependencies (by package name): normal ones, and all of them.
struct Graph {
    normal: HashMap<String, Vec<String>>,
    all: HashMap<String, Vec<String>>,
}

fn graph() -> Graph {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--offline",
            "--manifest-path",
        ])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let names: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let mut graph = Graph {
        normal: HashMap::new(),
        all: HashMap::new(),
    };
    for node in meta["resolve"]["nodes"].as_array().expect("resolve") {
        let name = names[node["id"].as_str().unwrap()].to_string();
        for dep in node["deps"].as_array().unwrap() {
            let dep_name = names[dep["pkg"].as_str().unwrap()].to_string();
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            if normal {
                graph
                    .normal
                    .entry(name.clone())
                    .or_default()
                    .push(dep_name.clone());
            }
            graph.all.entry(name.clone()).or_default().push(dep_name);
        }
    }
    graph
}

/// Every package `root` reaches through `edges`.
fn closure(edges: &HashMap<String, Vec<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![root.to_string()];
    while let Some(name) = todo.pop() {
        for dep in edges.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                todo.push(dep.clone());
            }
        }
    }
    seen
}

#[test]
fn the_log_crate_needs_no_runtime_web_or_database() {
    let graph = graph();
    let deps = closure(&graph.normal, "candor-log");
    for forbidden in [
        "tokio", "axum", "hyper", "sqlx", "maud", "reqwest", "age", "argon2",
    ] {
        assert!(
            !deps.contains(forbidden),
            "candor-log depends on {forbidden}: {deps:?}"
        );
    }
    assert!(
        !deps.iter().any(|d| d.starts_with("candor")),
        "candor-log depends on another Candor crate: {deps:?}"
    );
}

#[test]
fn the_workstation_and_the_server_never_depend_on_each_other() {
    let graph = graph();
    let workstation = closure(&graph.all, "candor-workstation");
    assert!(!workstation.contains("candor-server"), "{workstation:?}");
    assert!(!workstation.contains("candor-store"), "{workstation:?}");
    let server = closure(&graph.all, "candor-server");
    assert!(!server.contains("candor-workstation"), "{server:?}");
    // The server is an HTTP client in one place only: sending checkpoints to the
    // witnesses its operator configured (`witnessing.rs`); it fetches nothing else.
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/candor-server/src");
    let mut clients = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if std::fs::read_to_string(&path).is_ok_and(|t| t.contains("reqwest::")) {
                clients.push(
                    path.strip_prefix(&src)
                        .expect("inside")
                        .display()
                        .to_string(),
                );
            }
        }
    }
    assert_eq!(clients, vec!["witnessing.rs".to_string()], "{server:?}");
    for shared in ["candor-core", "candor-ui"] {
        let deps = closure(&graph.all, shared);
        for side in ["candor-server", "candor-workstation", "candor-store"] {
            assert!(!deps.contains(side), "{shared} depends on {side}");
        }
    }
}
