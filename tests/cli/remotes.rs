//! Real git remotes for the publishing tests: bare repositories over file://,
//! and an OpenSSH server on 127.0.0.1 with throwaway host and user keys, its
//! own known_hosts line and an ssh-agent. Everything started is stopped by
//! process id when the test ends.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Runs the git CLI, as a teammate would, and returns its output.
pub fn git(directory: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(directory)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Tess Teammate")
        .env("GIT_AUTHOR_EMAIL", "tess@example.com")
        .env("GIT_COMMITTER_NAME", "Tess Teammate")
        .env("GIT_COMMITTER_EMAIL", "tess@example.com")
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A bare repository with `main` as its default branch, like a freshly created shared repository.
pub struct BareRemote {
    dir: TempDir,
}

impl BareRemote {
    pub fn new() -> BareRemote {
        let dir = TempDir::new().unwrap();
        git(dir.path(), &["init", "--quiet", "--bare", "--initial-branch=main", "."]);
        BareRemote { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn url(&self) -> String {
        format!("file://{}", self.path().display())
    }

    /// A teammate's fresh clone.
    pub fn clone(&self) -> TempDir {
        let clone = TempDir::new().unwrap();
        git(clone.path(), &["clone", "--quiet", &self.url(), "."]);
        clone
    }

    pub fn log(&self) -> Vec<String> {
        git(self.path(), &["log", "--format=%s", "main"]).lines().map(str::to_string).collect()
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Waits until something accepts connections on `port`.
pub fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on port {port}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Makes an ed25519 key pair without a passphrase; returns the private key's path and the public key.
pub fn key_pair(directory: &Path, name: &str) -> (PathBuf, String) {
    let private = directory.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&private)
        .status()
        .expect("ssh-keygen runs");
    assert!(status.success());
    let public = std::fs::read_to_string(private.with_extension("pub")).unwrap();
    (private, public.trim().to_string())
}

fn current_user() -> String {
    let output = Command::new("id").arg("-un").output().expect("id runs");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// `sshd` in the foreground on 127.0.0.1, accepting one user key. Like git hosting services, it
/// lets git speak protocol version 2 (which tells even an empty repository's default branch).
pub struct SshServer {
    /// Holds the server's keys and configuration until it stops.
    _dir: TempDir,
    pub port: u16,
    host_public_key: String,
    child: Child,
}

impl SshServer {
    /// `None`, with the reason printed, where OpenSSH's server is not installed.
    pub fn start(port: u16, authorized_key: &str) -> Option<SshServer> {
        let Some(sshd) = ["/usr/sbin/sshd", "/usr/bin/sshd"].into_iter().find(|path| Path::new(path).exists()) else {
            eprintln!("skipped: OpenSSH's sshd is not installed (Debian package openssh-server)");
            return None;
        };
        // sshd refuses to start without its privilege separation directory.
        let _ = std::fs::create_dir_all("/run/sshd");
        let dir = TempDir::new().unwrap();
        let (host_key, host_public_key) = key_pair(dir.path(), "host_ed25519");
        std::fs::write(dir.path().join("authorized_keys"), format!("{authorized_key}\n")).unwrap();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nPidFile {}\nAuthorizedKeysFile {}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
             PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\nLogLevel ERROR\n\
             AcceptEnv GIT_PROTOCOL\n",
            host_key.display(),
            dir.path().join("sshd.pid").display(),
            dir.path().join("authorized_keys").display(),
        );
        std::fs::write(dir.path().join("sshd_config"), config).unwrap();
        let child = Command::new(sshd)
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(dir.path().join("sshd_config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sshd starts");
        wait_for_port(port);
        Some(SshServer { _dir: dir, port, host_public_key, child })
    }

    /// The repository at `path` on this server, as an ssh:// URL.
    pub fn url(&self, path: &Path) -> String {
        format!("ssh://{}@127.0.0.1:{}{}", current_user(), self.port, path.display())
    }

    /// Records this server's host key in `user_home`'s known_hosts, as a first `ssh` would.
    pub fn trust(&self, user_home: &Path) {
        let ssh = user_home.join(".ssh");
        std::fs::create_dir_all(&ssh).unwrap();
        let mut parts = self.host_public_key.split_whitespace();
        let (kind, key) = (parts.next().unwrap(), parts.next().unwrap());
        std::fs::write(ssh.join("known_hosts"), format!("[127.0.0.1]:{} {kind} {key}\n", self.port)).unwrap();
    }
}

impl Drop for SshServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An sshd that lets in a new key of the person whose `$HOME` is `user_home`, with its host key
/// already trusted there: everything a publish over SSH needs. `None` where sshd is missing.
pub fn ssh_server_for(user_home: &Path) -> Option<SshServer> {
    let ssh = user_home.join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    let (_, public_key) = key_pair(&ssh, "id_ed25519");
    let server = SshServer::start(free_port(), &public_key)?;
    server.trust(user_home);
    Some(server)
}

/// An ssh-agent holding one key, on its own socket.
pub struct Agent {
    pub socket: PathBuf,
    child: Child,
    _dir: TempDir,
}

impl Agent {
    pub fn start(key: &Path) -> Agent {
        let dir = TempDir::new().unwrap();
        let socket = dir.path().join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("ssh-agent starts");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !socket.exists() {
            assert!(Instant::now() < deadline, "ssh-agent did not create its socket");
            std::thread::sleep(Duration::from_millis(10));
        }
        let added = Command::new("ssh-add").arg("-q").arg(key).env("SSH_AUTH_SOCK", &socket).status().unwrap();
        assert!(added.success(), "ssh-add failed");
        Agent { socket, child, _dir: dir }
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
