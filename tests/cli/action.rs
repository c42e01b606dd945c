//! Debrief's GitHub Action and the GitLab job `init-repo` writes, run for real outside their CI:
//! the command's tar.gz, made here from the built `debrief` in the layout `scripts/package`
//! gives it, is served with its `.sha256` over HTTP on loopback; `scripts/action/install`
//! (the action's first step) downloads, verifies and installs it, and `scripts/action/lint`
//! (its second) checks post-mortems with the installed command.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;

use tempfile::TempDir;

use crate::remotes::git;
use crate::util::{BINARY, Debrief, python_with};

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn action_script(name: &str) -> PathBuf {
    repository_root().join("scripts/action").join(name)
}

/// What `debrief --version` says of the built command: the release it would be.
fn version() -> String {
    let output = Command::new(BINARY).arg("--version").output().unwrap();
    String::from_utf8(output.stdout).unwrap().trim().trim_start_matches("debrief ").to_string()
}

fn archive_name() -> String {
    format!("debrief-{}-x86_64-unknown-linux-gnu.tar.gz", version())
}

fn sha256(file: &Path) -> String {
    let output = Command::new("sha256sum").arg(file).output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap().split_whitespace().next().unwrap().to_string()
}

/// A directory laid out like the project's release downloads: `vVERSION/` holding the command's
/// tar.gz and its `.sha256`, made as `scripts/package` makes them. Made once per test run.
fn releases() -> &'static Path {
    static RELEASES: OnceLock<PathBuf> = OnceLock::new();
    RELEASES.get_or_init(|| {
        let releases = Path::new(env!("CARGO_TARGET_TMPDIR")).join("action-releases");
        let _ = std::fs::remove_dir_all(&releases);
        let name = archive_name().trim_end_matches(".tar.gz").to_string();
        let staging = releases.join("staging");
        std::fs::create_dir_all(staging.join(&name)).unwrap();
        std::fs::copy(BINARY, staging.join(&name).join("debrief")).unwrap();
        std::fs::copy(repository_root().join("README.md"), staging.join(&name).join("README.md")).unwrap();
        let release = releases.join(format!("v{}", version()));
        std::fs::create_dir_all(&release).unwrap();
        let archive = release.join(archive_name());
        let status = Command::new("tar").arg("-C").arg(&staging).arg("-czf").arg(&archive).arg(&name).status().unwrap();
        assert!(status.success(), "tar made the archive");
        std::fs::remove_dir_all(&staging).unwrap();
        let listed = Command::new("sha256sum").arg(archive_name()).current_dir(&release).output().unwrap();
        assert!(listed.status.success());
        std::fs::write(release.join(format!("{}.sha256", archive_name())), listed.stdout).unwrap();
        releases
    })
}

/// A static file server on 127.0.0.1 for the action's downloads, which curl (the action's own
/// client) makes. Its listener is bound before the test goes on, so no other process can take
/// the port between choosing it and serving on it, and there is no start-up to wait for. It
/// answers GET with the file under its directory (200, with its length) or 404, then closes the
/// connection; it stops, and its thread is joined, when dropped.
struct FileServer {
    port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FileServer {
    fn start(directory: &Path) -> FileServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let directory = directory.to_path_buf();
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    return;
                }
                if let Ok(stream) = stream {
                    serve_one(stream, &directory);
                }
            }
        });
        FileServer { port, stop, thread: Some(thread) }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Answers one request on `stream` from the files under `directory`.
fn serve_one(mut stream: TcpStream, directory: &Path) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 1024];
    while !request.windows(4).any(|window| window == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(count) => request.extend_from_slice(&buffer[..count]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/');
    let file = (!path.split('/').any(|part| part == "..")).then(|| directory.join(path));
    let response = match file.filter(|file| file.is_file()).and_then(|file| std::fs::read(file).ok()) {
        Some(body) => {
            [format!("HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n", body.len()).into_bytes(), body].concat()
        }
        None => b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
    };
    let _ = stream.write_all(&response);
}

impl Drop for FileServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop, which then sees the stop.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A program run as a CI job would run it: the machine's own tools, none of GitHub's settings
/// but those given, and temporary files in the test's directory.
fn ci_command(program: &Path, scratch: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", scratch)
        .env("TMPDIR", scratch)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1");
    for variable in [
        "DEBRIEF_VERSION",
        "DEBRIEF_CHECKSUM",
        "DEBRIEF_BASE_URL",
        "DEBRIEF_INSTALL_DIR",
        "DEBRIEF_COMMAND",
        "DEBRIEF_HOME",
        "GITHUB_ACTIONS",
        "GITHUB_PATH",
        "GITHUB_OUTPUT",
        "RUNNER_TOOL_CACHE",
        "RUNNER_TEMP",
        "GIT_DIR",
        "GIT_INDEX_FILE",
    ] {
        command.env_remove(variable);
    }
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the install script against `server` into `scratch/tools`; returns its output and where
/// the command would be installed.
fn install(server: &FileServer, scratch: &Path, checksum: Option<&str>) -> (Output, PathBuf) {
    let install_dir = scratch.join("tools/debrief").join(version());
    let mut command = ci_command(&action_script("install"), scratch);
    command
        .env("DEBRIEF_VERSION", version())
        .env("DEBRIEF_BASE_URL", server.url())
        .env("DEBRIEF_INSTALL_DIR", &install_dir)
        .env("GITHUB_PATH", scratch.join("github-path"))
        .env("GITHUB_OUTPUT", scratch.join("github-output"));
    if let Some(checksum) = checksum {
        command.env("DEBRIEF_CHECKSUM", checksum);
    }
    (command.output().unwrap(), install_dir)
}

/// Runs the lint step in `directory` with the installed command first on the PATH.
fn lint_step(installed: &Path, directory: &Path, scratch: &Path, settings: &[(&str, &str)]) -> Output {
    let mut command = ci_command(&action_script("lint"), scratch);
    command.current_dir(directory).env("PATH", format!("{}:/usr/local/bin:/usr/bin:/bin", installed.display()));
    for (name, value) in settings {
        command.env(name, value);
    }
    command.output().unwrap()
}

const COUNTERFACTUAL: &str = "# Checkout latency\n\nWe could have rolled back sooner.\n";
const CLEAN: &str = "# Checkout latency\n\nWe rolled back at 14:20, when the error rate reached 40%.\n";

#[test]
fn the_action_installs_the_released_command_and_reports_findings_as_annotations() {
    let server = FileServer::start(releases());
    let scratch = TempDir::new().unwrap();
    let (output, installed) = install(&server, scratch.path(), None);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout).trim(), installed.join("debrief").display().to_string());
    assert!(text(&output.stderr).contains(&format!("from {}.sha256 from the release", archive_name())));
    let said = Command::new(installed.join("debrief")).arg("--version").output().unwrap();
    assert_eq!(text(&said.stdout).trim(), format!("debrief {}", version()));
    // The job's later steps find it on the PATH, and the action's output names it.
    let path = std::fs::read_to_string(scratch.path().join("github-path")).unwrap();
    assert_eq!(path.trim(), installed.display().to_string());
    let outputs = std::fs::read_to_string(scratch.path().join("github-output")).unwrap();
    assert_eq!(outputs.trim(), format!("path={}", installed.join("debrief").display()));

    let team = TempDir::new().unwrap();
    git(team.path(), &["init", "--quiet", "--initial-branch=main", "."]);
    std::fs::create_dir_all(team.path().join("incidents/2026")).unwrap();
    std::fs::write(team.path().join("incidents/2026/2026-11-20-queue.md"), CLEAN).unwrap();
    git(team.path(), &["add", "--all"]);
    git(team.path(), &["commit", "--quiet", "-m", "Queue backlog"]);
    let base = git(team.path(), &["rev-parse", "HEAD"]).trim().to_string();
    std::fs::write(team.path().join("incidents/2026/2026-11-23-checkout.md"), COUNTERFACTUAL).unwrap();
    // The listing Debrief regenerates is not a post-mortem, whatever it quotes.
    std::fs::write(team.path().join("incidents/README.md"), COUNTERFACTUAL).unwrap();
    git(team.path(), &["add", "--all"]);
    git(team.path(), &["commit", "--quiet", "-m", "Checkout latency"]);

    let given = lint_step(
        &installed,
        team.path(),
        scratch.path(),
        &[("DEBRIEF_PATHS", "incidents/2026/2026-11-23-checkout.md")],
    );
    assert_eq!(given.status.code(), Some(1), "{}", text(&given.stderr));
    let annotations = text(&given.stdout);
    assert!(annotations.starts_with("::warning file=incidents/2026/2026-11-23-checkout.md,line=3,"), "{annotations}");
    assert!(annotations.contains("title=counterfactual-modal"), "{annotations}");
    let clean =
        lint_step(&installed, team.path(), scratch.path(), &[("DEBRIEF_PATHS", "incidents/2026/2026-11-20-queue.md")]);
    assert_eq!(clean.status.code(), Some(0), "{}{}", text(&clean.stdout), text(&clean.stderr));
    assert!(!text(&clean.stdout).contains("::"), "{}", text(&clean.stdout));

    // Without paths: what the pull request changed since its base, the listing left out.
    let changed = lint_step(&installed, team.path(), scratch.path(), &[("DEBRIEF_BASE", base.as_str())]);
    assert_eq!(changed.status.code(), Some(1), "{}", text(&changed.stderr));
    let annotations = text(&changed.stdout);
    assert_eq!(annotations.lines().filter(|line| line.starts_with("::")).count(), 1, "{annotations}");
    assert!(annotations.contains("file=incidents/2026/2026-11-23-checkout.md,"), "{annotations}");
    // A shallow checkout, as actions/checkout makes by default, fetches the one base commit it needs.
    let shallow = TempDir::new().unwrap();
    let origin = format!("file://{}", team.path().display());
    git(shallow.path(), &["clone", "--quiet", "--depth=1", &origin, "."]);
    let fetched = lint_step(&installed, shallow.path(), scratch.path(), &[("DEBRIEF_BASE", base.as_str())]);
    assert_eq!(fetched.status.code(), Some(1), "{}", text(&fetched.stderr));
    assert!(text(&fetched.stdout).contains("file=incidents/2026/2026-11-23-checkout.md,"));
    let unchanged = lint_step(&installed, team.path(), scratch.path(), &[("DEBRIEF_BASE", "HEAD")]);
    assert_eq!(unchanged.status.code(), Some(0));
    assert!(text(&unchanged.stdout).contains("No post-mortem under incidents/ was added or changed"));
}

#[test]
fn a_download_whose_checksum_does_not_match_is_refused_and_nothing_is_installed() {
    let server = FileServer::start(releases());
    let archive = releases().join(format!("v{}", version())).join(archive_name());
    let actual = sha256(&archive);
    let pinned = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
    let scratch = TempDir::new().unwrap();
    let (output, installed) = install(&server, scratch.path(), Some(pinned));
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stderr);
    assert!(said.contains(&format!("refusing to install {}", archive_name())), "{said}");
    assert!(said.contains(&format!("its SHA-256 is {actual}, but the checksum input says {pinned}")), "{said}");
    assert!(!scratch.path().join("tools").exists(), "nothing is unpacked or installed");
    assert!(!scratch.path().join("github-path").exists() && !scratch.path().join("github-output").exists());
    assert_eq!(std::fs::read_dir(scratch.path()).unwrap().count(), 0, "no download is left behind");

    // The right sum, pinned (in capitals, as some tools print it), installs.
    let (output, installed_again) = install(&server, scratch.path(), Some(&actual.to_uppercase()));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(installed_again, installed);
    assert!(text(&output.stderr).contains("from the checksum input"));
}

#[test]
fn on_a_runner_other_than_linux_on_x86_64_the_install_says_what_to_do() {
    let scratch = TempDir::new().unwrap();
    let tools = scratch.path().join("bin");
    std::fs::create_dir_all(&tools).unwrap();
    let uname = tools.join("uname");
    std::fs::write(&uname, "#!/bin/sh\ncase \"$1\" in -s) echo Darwin ;; -m) echo arm64 ;; esac\n").unwrap();
    let mut permissions = std::fs::metadata(&uname).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&uname, permissions).unwrap();
    let output = ci_command(&action_script("install"), scratch.path())
        .env("PATH", format!("{}:/usr/bin:/bin", tools.display()))
        .env("DEBRIEF_VERSION", version())
        .env("DEBRIEF_BASE_URL", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stderr);
    assert!(said.contains("built for Linux on x86_64, and this runner is Darwin on arm64"), "{said}");
    assert!(said.contains("runs-on: ubuntu-latest"), "{said}");
}

/// The GitLab job's script from `.gitlab-ci.yml`, up to and including the line that runs the
/// installed command: the part that needs no merge request.
fn gitlab_install_lines(python: &Path, file: &Path) -> String {
    let program = "import json, sys\nfrom ruamel.yaml import YAML\n\
                   print(json.dumps(YAML(typ='safe').load(open(sys.argv[1]))['postmortems']['script']))";
    let output = Command::new(python).args(["-c", program]).arg(file).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let lines: Vec<String> = serde_json::from_slice(&output.stdout).unwrap();
    let last = lines.iter().position(|line| line == "debrief --version").expect("the job shows what it installed");
    lines[..=last].join("\n")
}

#[test]
fn the_gitlab_job_installs_the_released_command_only_when_its_checksum_matches() {
    let test = "the_gitlab_job_installs_the_released_command_only_when_its_checksum_matches";
    let Some(python) = python_with(&[("ruamel.yaml", "python3-ruamel.yaml")], test) else { return };
    let server = FileServer::start(releases());
    let debrief = Debrief::new();
    let team = debrief.home().join("postmortems");
    debrief.ok(&["init-repo", team.to_str().unwrap(), "--gitlab"]);
    let script = gitlab_install_lines(&python, &team.join(".gitlab-ci.yml"));
    let job = |checksum: Option<&str>| {
        let scratch = TempDir::new().unwrap();
        let mut command = ci_command(Path::new("bash"), scratch.path());
        command
            .args(["-e", "-o", "pipefail", "-c", &script])
            .env("DEBRIEF_VERSION", version())
            .env("DEBRIEF_RELEASES", server.url())
            .env("CI_PROJECT_DIR", &team);
        if let Some(checksum) = checksum {
            command.env("DEBRIEF_CHECKSUM", checksum);
        }
        let output = command.output().unwrap();
        let installed = scratch.path().join(format!("debrief-{}", version())).join("debrief").exists();
        (output, installed)
    };
    let (output, installed) = job(None);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout).trim(), format!("debrief {}", version()));
    assert!(installed);
    let wrong = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
    let (output, installed) = job(Some(wrong));
    assert!(!output.status.success());
    let said = text(&output.stderr);
    assert!(said.contains(&format!("Refusing to install {}", archive_name())) && said.contains(wrong), "{said}");
    assert!(!installed, "nothing is unpacked");
}

#[test]
fn the_action_is_a_composite_action_whose_steps_run_the_scripts_tested_here() {
    let test = "the_action_is_a_composite_action_whose_steps_run_the_scripts_tested_here";
    let Some(python) = python_with(&[("ruamel.yaml", "python3-ruamel.yaml")], test) else { return };
    let program =
        "import json, sys\nfrom ruamel.yaml import YAML\nprint(json.dumps(YAML(typ='safe').load(open(sys.argv[1]))))";
    let output =
        Command::new(&python).args(["-c", program]).arg(repository_root().join("action.yml")).output().unwrap();
    assert!(output.status.success(), "action.yml is not valid YAML: {}", text(&output.stderr));
    let action: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().unwrap();
    for input in ["version", "checksum", "base-url", "paths", "changed-in", "format", "args"] {
        assert!(inputs[input]["description"].is_string(), "input {input}: {action}");
    }
    assert_eq!(inputs["version"]["required"], true);
    assert_eq!(inputs["format"]["default"], "github");
    let steps = action["runs"]["steps"].as_array().unwrap();
    // Without a base-url, the releases of the repository the action is used from (a fork's own).
    assert_eq!(inputs["base-url"]["default"], "");
    assert_eq!(
        steps[0]["env"]["DEBRIEF_BASE_URL"],
        "${{ inputs.base-url || format('{0}/{1}/releases/download', github.server_url, github.action_repository) }}"
    );
    let runs: Vec<&str> = steps.iter().map(|step| step["run"].as_str().unwrap()).collect();
    assert_eq!(runs, ["\"$GITHUB_ACTION_PATH/scripts/action/install\"", "\"$GITHUB_ACTION_PATH/scripts/action/lint\""]);
    for step in steps {
        assert_eq!(step["shell"], "bash", "a composite step names its shell: {step}");
    }
    for script in ["install", "lint"] {
        let mode =
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(action_script(script)).unwrap().permissions());
        assert!(mode & 0o111 != 0, "scripts/action/{script} is executable");
    }
    // Every input reaches a script.
    let settings = serde_json::to_string(&steps.iter().map(|step| &step["env"]).collect::<Vec<_>>()).unwrap();
    for input in inputs.keys() {
        assert!(settings.contains(&format!("inputs.{input} ")), "{input} is passed on: {settings}");
    }
}
