//! What the tasks need from the machine: checked, and installed where that is possible.

use anyhow::{Context, bail};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn succeeds(command: &mut Command) -> bool {
    command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Makes sure the `wasm32-unknown-unknown` standard library is installed (rustup).
pub fn ensure_wasm_target() -> anyhow::Result<()> {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .context("rustc is not on PATH")?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    if sysroot.join("lib/rustlib/wasm32-unknown-unknown/lib").is_dir() {
        return Ok(());
    }
    println!("xtask: installing the wasm32-unknown-unknown target with rustup …");
    if !succeeds(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])) {
        bail!(
            "the wasm32-unknown-unknown target is missing and `rustup target add wasm32-unknown-unknown` failed; install it and retry"
        );
    }
    Ok(())
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|path| path.is_file())
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// A program from a Debian package, installed with apt-get when missing and the tasks
/// run as root; otherwise a clear instruction.
fn ensure_debian_program(program: &str, package: &str, purpose: &str) -> anyhow::Result<PathBuf> {
    let find = || on_path(program).or_else(|| Some(Path::new("/usr/bin").join(program)).filter(|p| p.is_file()));
    if let Some(path) = find() {
        return Ok(path);
    }
    if !is_root() || on_path("apt-get").is_none() {
        bail!("{program} is needed {purpose}: install Debian's package (`sudo apt-get install {package}`) and retry");
    }
    println!("xtask: installing {package} from Debian's packages (apt-get install {package}) …");
    let updated = succeeds(Command::new("apt-get").args(["update", "-qq"]));
    let installed = succeeds(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", package])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    );
    match find() {
        Some(path) if installed => Ok(path),
        _ => bail!("could not install {package} with apt-get (update ok: {updated}); install it and retry"),
    }
}

/// Debian's Chromium for the browser tests (or the one named by `CHROMIUM_PATH`).
pub fn ensure_chromium() -> anyhow::Result<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM_PATH")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
    {
        return Ok(path);
    }
    ensure_debian_program("chromium", "chromium", "for the browser tests (or set CHROMIUM_PATH)")
}

/// wrk, the HTTP load generator of the load guard and `bench --load`.
pub fn ensure_wrk() -> anyhow::Result<()> {
    ensure_debian_program("wrk", "wrk", "for the load guard and `cargo xtask bench --load`").map(drop)
}

/// pgbench, PostgreSQL's own load generator (its ceiling in `bench --load`). Debian ships
/// it with the server (`postgresql-15` …), which is not installed for it.
pub fn ensure_pgbench() -> anyhow::Result<()> {
    // Debian's `/usr/bin/pgbench` is a wrapper from postgresql-client-common that is there
    // with psql alone; only running it tells whether the real program is installed.
    let runs = Command::new("pgbench")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !runs {
        bail!(
            "pgbench is needed for PostgreSQL's ceiling in `cargo xtask bench --load`: install PostgreSQL's \
             programs (Debian: the `postgresql` package) and retry"
        );
    }
    Ok(())
}

/// Debian's docker-compose, to validate `docker-compose.yml` without a Docker engine.
pub fn ensure_docker_compose() -> anyhow::Result<PathBuf> {
    ensure_debian_program("docker-compose", "docker-compose", "to validate docker-compose.yml")
}

/// psql (Debian's `postgresql-client`), which makes the browser tests' PostgreSQL database.
pub fn ensure_psql() -> anyhow::Result<PathBuf> {
    ensure_debian_program(
        "psql",
        "postgresql-client",
        "to create the PostgreSQL database of the browser tests",
    )
}

/// Node.js and npm for the browser tests.
pub fn ensure_node() -> anyhow::Result<()> {
    if on_path("node").is_none() || on_path("npm").is_none() {
        bail!(
            "Node.js {}.{}+ and npm are needed for the browser tests: install them (`apt-get install nodejs npm`) and retry",
            NODE_MINIMUM.0,
            NODE_MINIMUM.1
        );
    }
    let output = Command::new("node")
        .arg("--version")
        .output()
        .context("cannot run `node --version`")?;
    let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    match node_version(&version) {
        Some(found) if found >= NODE_MINIMUM => {
            println!(
                "xtask: Node.js {version} (the browser tests need {}.{}+)",
                NODE_MINIMUM.0, NODE_MINIMUM.1
            );
            Ok(())
        }
        Some(_) => bail!(
            "Node.js {version} is too old: the browser tests need {}.{} or newer (20.19+, 22 or 24); upgrade Node.js and retry",
            NODE_MINIMUM.0,
            NODE_MINIMUM.1
        ),
        None => bail!("cannot read the Node.js version from `node --version` ({version:?})"),
    }
}

/// The oldest Node.js the browser tests run on (`engines` in tests/e2e/package.json).
pub const NODE_MINIMUM: (u32, u32) = (20, 19);

/// The major and minor version of `node --version` (`v22.11.0`).
pub fn node_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim().strip_prefix('v').unwrap_or(text.trim()).split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// Installs the browser tests' node packages from the lock file when they are missing
/// or the lock file changed since the last install.
pub fn ensure_node_packages(dir: &Path) -> anyhow::Result<()> {
    let lock = std::fs::read(dir.join("package-lock.json")).context("tests/e2e/package-lock.json is missing")?;
    let stamp = dir.join("node_modules").join(".xtask-lock");
    if std::fs::read(&stamp).is_ok_and(|old| old == lock) {
        return Ok(());
    }
    println!("xtask: installing the browser tests' node packages (npm ci) …");
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .status()
        .context("cannot run npm")?;
    if !status.success() {
        bail!("`npm ci` failed in {}", dir.display());
    }
    std::fs::write(&stamp, lock)?;
    Ok(())
}

/// The Python virtual environment of the contract checks (schemathesis and
/// openapi-python-client from `tests/contract/requirements.txt`), created with
/// `python3 -m venv` under `$HOME/.cache/innovation-platform/venv` and reused while the
/// requirements stay the same. Returns its `bin` directory.
pub fn ensure_python_venv(root: &Path) -> anyhow::Result<PathBuf> {
    let requirements = root.join("tests/contract/requirements.txt");
    let wanted = std::fs::read(&requirements).context("tests/contract/requirements.txt is missing")?;
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .context("HOME is not set: it locates the cached Python environment")?;
    let venv = home.join(".cache/innovation-platform/venv");
    let bin = venv.join("bin");
    let stamp = venv.join(".xtask-requirements");
    if bin.join("python").is_file() && std::fs::read(&stamp).is_ok_and(|old| old == wanted) {
        return Ok(bin);
    }
    let Some(python) = on_path("python3") else {
        bail!(
            "python3 (3.11+) with its venv module is needed for the contract checks (schemathesis, the generated client): \
             install it (`apt-get install python3 python3-venv`) and retry"
        );
    };
    if !bin.join("python").is_file() {
        println!("xtask: creating the Python environment {} …", venv.display());
        let created = Command::new(&python)
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .context("cannot run python3 -m venv")?;
        if !created.success() {
            bail!(
                "`python3 -m venv {}` failed: install python3-venv and retry",
                venv.display()
            );
        }
    }
    println!(
        "xtask: installing the contract checks' Python packages (pip install -r tests/contract/requirements.txt) …"
    );
    let installed = Command::new(bin.join("python"))
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(&requirements)
        .status()
        .context("cannot run pip")?;
    if !installed.success() {
        bail!(
            "pip could not install tests/contract/requirements.txt into {}",
            venv.display()
        );
    }
    std::fs::write(&stamp, wanted)?;
    Ok(bin)
}

/// The PostgreSQL server the API suite uses, from `TEST_POSTGRES_URL`.
pub fn postgres_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Whether the PostgreSQL server accepts TCP connections.
pub fn postgres_reachable(url: &str) -> bool {
    let authority = url.split("://").nth(1).unwrap_or_default();
    let host_port = authority
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .split('/')
        .next()
        .unwrap_or_default();
    let host_port = if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:5432")
    };
    let addresses: Vec<SocketAddr> = host_port.to_socket_addrs().map(Iterator::collect).unwrap_or_default();
    addresses
        .iter()
        .any(|address| TcpStream::connect_timeout(address, Duration::from_secs(2)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_node_version_is_read_and_compared_by_major_then_minor() {
        assert_eq!(node_version("v22.11.0\n"), Some((22, 11)));
        assert_eq!(node_version("v20.19.2"), Some((20, 19)));
        assert_eq!(node_version("garbage"), None);
        assert!(node_version("v20.18.9").is_some_and(|v| v < NODE_MINIMUM));
        assert!(node_version("v20.19.0").is_some_and(|v| v >= NODE_MINIMUM));
        assert!(node_version("v24.1.0").is_some_and(|v| v >= NODE_MINIMUM));
    }
}
