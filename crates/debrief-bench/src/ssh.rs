//! An OpenSSH server on 127.0.0.1 for the benchmarks, as the CLI tests start one: its own
//! host key, one throwaway user key, and git reaching it through `GIT_SSH_COMMAND` so that
//! nothing of the person's own `~/.ssh` is read or written.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub struct SshServer {
    /// Holds the keys, the configuration and known_hosts until the server stops.
    dir: TempDir,
    port: u16,
    user: String,
    child: Child,
}

impl SshServer {
    /// `None`, with the reason, where OpenSSH's server (Debian's openssh-server) is not installed.
    pub fn start() -> anyhow::Result<Option<SshServer>> {
        let Some(sshd) = ["/usr/sbin/sshd", "/usr/bin/sshd"].into_iter().find(|path| Path::new(path).exists()) else {
            return Ok(None);
        };
        // sshd refuses to start without its privilege separation directory.
        let _ = std::fs::create_dir_all("/run/sshd");
        let dir = tempfile::Builder::new().prefix("bench-sshd").tempdir()?;
        let host_public = key_pair(&dir.path().join("host_ed25519"))?;
        let user_public = key_pair(&dir.path().join("user_ed25519"))?;
        std::fs::write(dir.path().join("authorized_keys"), format!("{user_public}\n"))?;
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut host_key = host_public.split_whitespace();
        let (kind, key) = (host_key.next().unwrap_or_default(), host_key.next().unwrap_or_default());
        std::fs::write(dir.path().join("known_hosts"), format!("[127.0.0.1]:{port} {kind} {key}\n"))?;
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nPidFile {}\nAuthorizedKeysFile {}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
             PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\nLogLevel ERROR\nAcceptEnv GIT_PROTOCOL\n",
            dir.path().join("host_ed25519").display(),
            dir.path().join("sshd.pid").display(),
            dir.path().join("authorized_keys").display(),
        );
        std::fs::write(dir.path().join("sshd_config"), config)?;
        let child = Command::new(sshd)
            .args(["-D", "-e", "-f"])
            .arg(dir.path().join("sshd_config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let user = String::from_utf8(Command::new("id").arg("-un").output()?.stdout)?.trim().to_string();
        let server = SshServer { dir, port, user, child };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            anyhow::ensure!(Instant::now() < deadline, "sshd did not listen on port {port}");
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(Some(server))
    }

    /// The repository at `path` on this server.
    pub fn url(&self, path: &Path) -> String {
        format!("ssh://{}@127.0.0.1:{}{}", self.user, self.port, path.display())
    }

    /// What `GIT_SSH_COMMAND` must say for git to reach this server with the throwaway key.
    pub fn ssh_command(&self) -> String {
        let file = |name: &str| -> PathBuf { self.dir.path().join(name) };
        format!(
            "ssh -F /dev/null -i {} -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile={} \
             -o StrictHostKeyChecking=yes",
            file("user_ed25519").display(),
            file("known_hosts").display()
        )
    }
}

impl Drop for SshServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Makes an ed25519 key pair without a passphrase at `private`; returns the public key.
fn key_pair(private: &Path) -> anyhow::Result<String> {
    let status = Command::new("ssh-keygen").args(["-q", "-t", "ed25519", "-N", "", "-f"]).arg(private).status()?;
    anyhow::ensure!(status.success(), "ssh-keygen failed");
    Ok(std::fs::read_to_string(private.with_extension("pub"))?.trim().to_string())
}
