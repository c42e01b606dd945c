//! Real git remotes for the publishing tests: bare repositories over file://,
//! and an OpenSSH server on 127.0.0.1 with throwaway host and user keys, its
//! own known_hosts line and an ssh-agent. Everything started is stopped by
//! process id when the test ends.

use std::collections::BTreeSet;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, PoisonError};
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

/// A bare repository, like a freshly created shared repository.
pub struct BareRemote {
    dir: TempDir,
    branch: String,
}

impl BareRemote {
    /// One whose default branch is `main`, as git hosting services make them.
    pub fn new() -> BareRemote {
        BareRemote::with_branch(Some("main"))
    }

    /// One whose default branch is `branch`, or git's own default (`git init --bare`) for `None`.
    pub fn with_branch(branch: Option<&str>) -> BareRemote {
        let dir = TempDir::new().unwrap();
        match branch {
            Some(branch) => git(dir.path(), &["init", "--quiet", "--bare", &format!("--initial-branch={branch}"), "."]),
            None => git(dir.path(), &["init", "--quiet", "--bare", "."]),
        };
        let head = git(dir.path(), &["symbolic-ref", "HEAD"]);
        let branch = head.trim().trim_start_matches("refs/heads/").to_string();
        BareRemote { dir, branch }
    }

    /// The branch its HEAD names.
    pub fn branch(&self) -> &str {
        &self.branch
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn url(&self) -> String {
        format!("file://{}", self.path().display())
    }

    /// A server-side rule, as a hosting service enforces one: `check` runs for each ref pushed
    /// (with `$old`, `$new` and `$ref` set) in git's pre-receive hook, and exits non-zero to refuse.
    pub fn on_each_pushed_ref(&self, check: &str) {
        let hook = self.path().join("hooks/pre-receive");
        std::fs::write(&hook, format!("#!/bin/sh\nwhile read old new ref; do\n{check}\ndone\n")).unwrap();
        std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    }

    /// A teammate's fresh clone.
    pub fn clone(&self) -> TempDir {
        let clone = TempDir::new().unwrap();
        git(clone.path(), &["clone", "--quiet", &self.url(), "."]);
        clone
    }

    pub fn log(&self) -> Vec<String> {
        git(self.path(), &["log", "--format=%s", &self.branch]).lines().map(str::to_string).collect()
    }

    /// A file on the default branch, as a teammate would read it.
    pub fn show(&self, path: &str) -> String {
        git(self.path(), &["show", &format!("{}:{path}", self.branch)])
    }

    /// Adds files to the default branch as a teammate would: clone, commit, push.
    pub fn commit_files(&self, files: &[(&str, &str)], message: &str) {
        let clone = self.clone();
        for (path, content) in files {
            let path = clone.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        git(clone.path(), &["add", "--all"]);
        git(clone.path(), &["commit", "--quiet", "-m", message]);
        git(clone.path(), &["push", "--quiet", "origin", &format!("HEAD:{}", self.branch)]);
    }
}

/// A port nothing listens on, never handed out twice in one run: the tests start servers in
/// parallel, and a port one test's server let go of can come back from the kernel to another
/// test, whose server then fails to bind while the first one's still answers.
pub fn free_port() -> u16 {
    static GIVEN: Mutex<BTreeSet<u16>> = Mutex::new(BTreeSet::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if GIVEN.lock().unwrap_or_else(PoisonError::into_inner).insert(port) {
            return port;
        }
    }
}

/// Waits until `server`, started to listen on `port`, accepts connections there; a server that
/// exited instead (its port taken after all) fails the test with that, not with another's answer.
pub fn wait_for_server(port: u16, server: &mut Child) {
    wait_for_port(port);
    assert!(
        server.try_wait().unwrap().is_none(),
        "the server meant for port {port} exited; something else listens there"
    );
}

/// Whether `stream` reached a listener and not itself: a connection to a free port in the
/// ephemeral range can be given that same port as its own and connect to itself (a TCP
/// simultaneous open), which says nothing of the server that is still starting.
pub fn reached_a_listener(stream: &TcpStream) -> bool {
    stream.local_addr().ok() != stream.peer_addr().ok()
}

/// Waits until something accepts connections on `port`.
fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !TcpStream::connect(("127.0.0.1", port)).is_ok_and(|stream| reached_a_listener(&stream)) {
        assert!(Instant::now() < deadline, "nothing listens on port {port}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Makes an ed25519 key pair without a passphrase; returns the private key's path and the public key.
pub fn key_pair(directory: &Path, name: &str) -> (PathBuf, String) {
    key_pair_locked(directory, name, "")
}

/// Makes an ed25519 key pair whose private half is encrypted with `passphrase`.
pub fn key_pair_locked(directory: &Path, name: &str, passphrase: &str) -> (PathBuf, String) {
    let private = directory.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f"])
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

/// Starts `program` in the foreground with `options` and then its configuration file, and waits
/// until it listens on `port`.
fn run_server(program: &str, options: &[&str], config: &Path, port: u16) -> Child {
    let mut child = Command::new(program)
        .args(options)
        .arg(config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("{program} starts: {error}"));
    wait_for_server(port, &mut child);
    child
}

/// A server process a test started, stopped by its process id once the test lets go of it.
struct Started(Child);

impl Drop for Started {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `sshd` in the foreground on 127.0.0.1, accepting one user key. Like git hosting services, it
/// lets git speak protocol version 2 (which tells even an empty repository's default branch).
pub struct SshServer {
    /// Holds the server's keys and configuration until it stops.
    _dir: TempDir,
    pub port: u16,
    host_public_key: String,
    _process: Started,
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
        let mut child = Command::new(sshd)
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(dir.path().join("sshd_config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sshd starts");
        wait_for_server(port, &mut child);
        Some(SshServer { _dir: dir, port, host_public_key, _process: Started(child) })
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

/// `git daemon` on 127.0.0.1, serving a bare repository (and the folders beside it) at a git://
/// address, as read-only mirrors are served: to read, and to push only where `pushes` enables it.
pub struct GitDaemon {
    /// The repository's git:// address.
    pub url: String,
    _process: Started,
}

impl GitDaemon {
    pub fn start(remote: &BareRemote, pushes: bool) -> GitDaemon {
        let base = remote.path().parent().expect("a temporary folder has a parent");
        let port = free_port();
        // git-daemon itself, not `git daemon`: git runs it as a child of its own, which would go
        // on serving after the `git` process the test stops.
        let exec_path = git(base, &["--exec-path"]);
        let mut command = Command::new(Path::new(exec_path.trim()).join("git-daemon"));
        command
            .args(["--export-all", "--reuseaddr", "--listen=127.0.0.1"])
            .arg(format!("--port={port}"))
            .arg(format!("--base-path={}", base.display()));
        if pushes {
            command.arg("--enable=receive-pack");
        }
        let mut child = command
            .arg(base)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("git daemon starts");
        wait_for_server(port, &mut child);
        let name = remote.path().file_name().expect("a repository folder has a name").to_string_lossy();
        GitDaemon { url: format!("git://127.0.0.1:{port}/{name}"), _process: Started(child) }
    }
}

/// A web server on 127.0.0.1 serving the folder that holds a bare repository as plain files,
/// as teams publish a repository to read with nginx or Apache over it and no git on the
/// server (git's "dumb" HTTP): the repository's post-update hook runs `git update-server-info`,
/// which writes the listing such clients read, as git's own sample hook does (lighttpd).
pub struct PlainWebServer {
    /// The repository's http:// address.
    pub url: String,
    /// Its settings and error log.
    _dir: TempDir,
    _process: Started,
}

impl PlainWebServer {
    /// `None`, with the reason printed, where lighttpd is not installed.
    pub fn start(remote: &BareRemote) -> Option<PlainWebServer> {
        if !Path::new("/usr/sbin/lighttpd").exists() {
            eprintln!("skipped: lighttpd is not installed (Debian package lighttpd)");
            return None;
        }
        let hook = remote.path().join("hooks/post-update");
        std::fs::write(&hook, "#!/bin/sh\nexec git update-server-info\n").unwrap();
        std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        git(remote.path(), &["update-server-info"]);
        let served = remote.path().parent().expect("a temporary folder has a parent");
        let dir = TempDir::new().unwrap();
        let port = free_port();
        // Without lighttpd's cache of files it has opened, a listing rewritten is served at once.
        let config = format!(
            "server.document-root = \"{served}\"\nserver.bind = \"127.0.0.1\"\nserver.port = {port}\n\
             server.errorlog = \"{log}/error.log\"\nserver.stat-cache-engine = \"disable\"\n",
            served = served.display(),
            log = dir.path().display(),
        );
        std::fs::write(dir.path().join("lighttpd.conf"), config).unwrap();
        let child = run_server("/usr/sbin/lighttpd", &["-D", "-f"], &dir.path().join("lighttpd.conf"), port);
        let name = remote.path().file_name().expect("a repository folder has a name").to_string_lossy();
        Some(PlainWebServer { url: format!("http://127.0.0.1:{port}/{name}"), _dir: dir, _process: Started(child) })
    }
}

/// gitolite (Debian's gitolite3), which many teams run their own git server with, behind the
/// test's sshd: the person's key is let in only to gitolite's shell, which grants each
/// repository by gitolite.conf's rules and refuses in its own words ("FATAL: W any mirror tess
/// DENIED by fallthru"). Its repositories start on git's own default branch.
pub struct GitoliteServer {
    ssh: SshServer,
    /// gitolite's home: its settings, rules and repositories.
    home: TempDir,
}

const GITOLITE_SHELL: &str = "/usr/share/gitolite3/gitolite-shell";

impl GitoliteServer {
    /// Serves the repositories `rules` (gitolite.conf lines) name to the person whose `$HOME` is
    /// `user_home`, known to gitolite as `tess`. `None` where gitolite or sshd is not installed.
    pub fn start(user_home: &Path, rules: &str) -> Option<GitoliteServer> {
        if !Path::new(GITOLITE_SHELL).exists() {
            eprintln!("skipped: gitolite is not installed (Debian package gitolite3)");
            return None;
        }
        let (_, public_key) = key_pair(&user_home.join(".ssh"), "id_ed25519");
        let home = TempDir::new().unwrap();
        let gitolite = |args: &[&str]| {
            let output = Command::new("gitolite")
                .args(args)
                .current_dir(home.path())
                .env("HOME", home.path())
                .env("GIT_AUTHOR_NAME", "gitolite")
                .env("GIT_AUTHOR_EMAIL", "gitolite@example.com")
                .env("GIT_COMMITTER_NAME", "gitolite")
                .env("GIT_COMMITTER_EMAIL", "gitolite@example.com")
                .output()
                .expect("gitolite runs");
            assert!(output.status.success(), "gitolite {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        };
        std::fs::write(home.path().join("tess.pub"), format!("{public_key}\n")).unwrap();
        gitolite(&["setup", "-pk", "tess.pub"]);
        let conf = home.path().join(".gitolite/conf/gitolite.conf");
        std::fs::write(&conf, format!("repo gitolite-admin\n    RW+ = tess\n\n{rules}")).unwrap();
        gitolite(&["setup"]);
        // As gitolite's own authorized_keys line has it, with gitolite's home named for the shell.
        let shell = format!(
            "command=\"env HOME={} {GITOLITE_SHELL} tess\",no-port-forwarding,no-X11-forwarding,no-agent-forwarding,\
             no-pty {public_key}",
            home.path().display()
        );
        let ssh = SshServer::start(free_port(), &shell)?;
        ssh.trust(user_home);
        Some(GitoliteServer { ssh, home })
    }

    /// A repository's address: gitolite names repositories, not folders.
    pub fn url(&self, repository: &str) -> String {
        format!("ssh://{}@127.0.0.1:{}/{repository}", current_user(), self.ssh.port)
    }

    /// The folder gitolite keeps `repository` in.
    pub fn path(&self, repository: &str) -> PathBuf {
        self.home.path().join("repositories").join(format!("{repository}.git"))
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
    _process: Started,
    _dir: TempDir,
}

impl Agent {
    pub fn start(key: &Path) -> Agent {
        Agent::start_unlocking(key, None)
    }

    /// An agent holding `key`, unlocked with `passphrase` the way a desktop's askpass would.
    pub fn start_unlocking(key: &Path, passphrase: Option<&str>) -> Agent {
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
        // The socket's file appears when the agent binds it, a moment before it listens: wait
        // until it answers (an `ssh-add` in between is refused).
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::os::unix::net::UnixStream::connect(&socket).is_err() {
            assert!(Instant::now() < deadline, "ssh-agent did not listen on its socket");
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut add = Command::new("ssh-add");
        add.arg("-q").arg(key).env("SSH_AUTH_SOCK", &socket).stdin(Stdio::null());
        if let Some(passphrase) = passphrase {
            let askpass = dir.path().join("askpass.sh");
            std::fs::write(&askpass, format!("#!/bin/sh\necho '{passphrase}'\n")).unwrap();
            std::fs::set_permissions(&askpass, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
            add.env("SSH_ASKPASS", &askpass).env("SSH_ASKPASS_REQUIRE", "force").env("DISPLAY", ":0");
        }
        let added = add.status().unwrap();
        assert!(added.success(), "ssh-add failed");
        Agent { socket, _process: Started(child), _dir: dir }
    }
}

/// A web server on 127.0.0.1 serving the bare repositories in one directory through git's own
/// `git http-backend`, with basic authentication for one user and, unless plain HTTP is asked
/// for, TLS with a certificate from a certificate authority made for the test (lighttpd, as a
/// team's own server would run it).
pub struct HttpServer {
    dir: TempDir,
    pub port: u16,
    tls: bool,
    _process: Started,
}

pub const HTTP_USER: &str = "tess";

impl HttpServer {
    /// `None`, with the reason printed, where lighttpd or git's http-backend is not installed.
    pub fn start(password: &str, tls: bool) -> Option<HttpServer> {
        let Some(backend) = ["/usr/lib/git-core/git-http-backend", "/usr/local/libexec/git-core/git-http-backend"]
            .into_iter()
            .find(|path| Path::new(path).exists())
        else {
            eprintln!("skipped: git's http-backend is not installed");
            return None;
        };
        if !Path::new("/usr/sbin/lighttpd").exists() {
            eprintln!("skipped: lighttpd is not installed (Debian packages lighttpd, lighttpd-mod-openssl)");
            return None;
        }
        let dir = TempDir::new().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("repositories")).unwrap();
        std::fs::write(root.join("users"), format!("{HTTP_USER}:{password}\n")).unwrap();
        let port = free_port();
        let tls_lines = if tls {
            make_certificates(root);
            format!(
                "ssl.engine = \"enable\"\nssl.pemfile = \"{0}/server.pem\"\nssl.privkey = \"{0}/server.key\"\n",
                root.display()
            )
        } else {
            String::new()
        };
        let config = format!(
            "server.document-root = \"{root}\"\nserver.bind = \"127.0.0.1\"\nserver.port = {port}\n\
             server.errorlog = \"{root}/error.log\"\n\
             server.modules = (\"mod_alias\", \"mod_setenv\", \"mod_auth\", \"mod_authn_file\", \"mod_cgi\"{openssl})\n\
             {tls_lines}\
             alias.url = (\"/git/\" => \"{backend}/\")\n\
             $HTTP[\"url\"] =~ \"^/git/\" {{\n  cgi.assign = (\"\" => \"\")\n  setenv.set-environment = \
             (\"GIT_PROJECT_ROOT\" => \"{root}/repositories\", \"GIT_HTTP_EXPORT_ALL\" => \"1\")\n}}\n\
             auth.backend = \"plain\"\nauth.backend.plain.userfile = \"{root}/users\"\n\
             auth.require = (\"/git/\" => (\"method\" => \"basic\", \"realm\" => \"postmortems\", \"require\" => \"valid-user\"))\n",
            root = root.display(),
            openssl = if tls { ", \"mod_openssl\"" } else { "" },
        );
        std::fs::write(root.join("lighttpd.conf"), config).unwrap();
        let child = run_server("/usr/sbin/lighttpd", &["-D", "-f"], &root.join("lighttpd.conf"), port);
        Some(HttpServer { dir, port, tls, _process: Started(child) })
    }

    /// A new bare repository on this server, with `branch` as its default; returns its URL and path.
    pub fn repository(&self, name: &str, branch: &str) -> (String, PathBuf) {
        let path = self.dir.path().join("repositories").join(name);
        std::fs::create_dir_all(&path).unwrap();
        git(&path, &["init", "--quiet", "--bare", &format!("--initial-branch={branch}"), "."]);
        let scheme = if self.tls { "https" } else { "http" };
        (format!("{scheme}://127.0.0.1:{}/git/{name}", self.port), path)
    }

    /// The test certificate authority, for `http.sslCAInfo`.
    pub fn certificate_authority(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }
}

/// An HTTP proxy on 127.0.0.1 (tinyproxy, as an office network runs one), logging every
/// connection it makes, so a test can tell that traffic went through it.
pub struct ProxyServer {
    dir: TempDir,
    pub port: u16,
    child: Child,
}

impl ProxyServer {
    /// `None`, with the reason printed, where tinyproxy is not installed. With `sign_in`
    /// (`user:password`), it carries nothing for a client that does not give them.
    pub fn start(sign_in: Option<&str>) -> Option<ProxyServer> {
        if !Path::new("/usr/bin/tinyproxy").exists() {
            eprintln!("skipped: tinyproxy is not installed (Debian package tinyproxy)");
            return None;
        }
        let dir = TempDir::new().unwrap();
        let port = free_port();
        // No ConnectPort line: CONNECT is allowed to any port, the test server's included.
        let basic_auth = sign_in.map(|pair| format!("BasicAuth {}\n", pair.replacen(':', " ", 1))).unwrap_or_default();
        let config = format!(
            "Port {port}\nListen 127.0.0.1\nTimeout 30\nMaxClients 20\nAllow 127.0.0.1\nLogLevel Connect\n\
             LogFile \"{}/proxy.log\"\n{basic_auth}",
            dir.path().display()
        );
        std::fs::write(dir.path().join("tinyproxy.conf"), config).unwrap();
        let child = run_server("/usr/bin/tinyproxy", &["-d", "-c"], &dir.path().join("tinyproxy.conf"), port);
        Some(ProxyServer { dir, port, child })
    }

    /// What the proxy logged: one line for each request and tunnel it made.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("proxy.log")).unwrap_or_default()
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ProxyServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A certificate authority and a certificate it signed for 127.0.0.1, with openssl.
fn make_certificates(directory: &Path) {
    let openssl = |args: &[&str]| {
        let output = Command::new("openssl").args(args).current_dir(directory).output().expect("openssl runs");
        assert!(output.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    };
    openssl(
        &["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2"]
            .into_iter()
            .chain(["-subj", "/CN=Debrief test CA"])
            .collect::<Vec<_>>(),
    );
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    std::fs::write(directory.join("names.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n").unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "names.cnf",
    ]);
}
