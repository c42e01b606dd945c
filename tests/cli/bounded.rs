//! Memory bounded by what is read, not by what is pointed at: an endless file, a
//! repository where many post-mortems share one enormous blob, a tree deeper than
//! any person makes. Each ends with a clear message and a small peak.

use std::path::Path;
use std::process::Command;

use crate::remotes::{BareRemote, git};
use crate::util::{Debrief, run_measuring_peak};

/// What "small" means for these cases: well under what a laptop has, far under what the input holds.
const PEAK_MIB: u64 = 200;

#[test]
fn importing_an_endless_file_stops_at_the_size_of_a_post_mortem() {
    let debrief = Debrief::new();
    debrief.new_incident("Endless input", "2026-11-23T10:00:00Z");
    for source in ["/dev/zero", "-"] {
        let mut command = debrief.command();
        command.args(["import-postmortem", source]);
        if source == "-" {
            command.stdin(std::fs::File::open("/dev/zero").unwrap());
        } else {
            command.stdin(std::process::Stdio::null());
        }
        let (output, peak) = run_measuring_peak(&mut command);
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{said}");
        assert!(said.contains("larger than 8 MiB") && said.to_lowercase().contains("nothing was imported"), "{said}");
        assert!(peak < PEAK_MIB, "{source}: peak {peak} MiB");
    }
}

#[test]
fn syncing_twenty_post_mortems_that_share_one_200_mb_blob_reads_one_at_a_time() {
    let remote = BareRemote::with_branch(Some("main"));
    let scratch = tempfile::TempDir::new().unwrap();
    let big = scratch.path().join("big.md");
    {
        use std::io::Write;
        let mut file = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        let line = "The queue grew again while the consumers were restarted one by one.\n".repeat(64);
        for _ in 0..(200 * 1024 * 1024 / line.len()) {
            file.write_all(line.as_bytes()).unwrap();
        }
    }
    let blob = git(remote.path(), &["hash-object", "-w", &big.to_string_lossy()]).trim().to_string();
    std::fs::remove_file(&big).unwrap();
    let small = "---\ntitle: Small one\ndate: 2026-01-02\n---\n\n# Small one\n\nThe cache expired early.\n";
    let small_file = scratch.path().join("small.md");
    std::fs::write(&small_file, small).unwrap();
    let small_blob = git(remote.path(), &["hash-object", "-w", &small_file.to_string_lossy()]).trim().to_string();
    let mut listing: String =
        (0..20).map(|number| format!("100644 blob {blob}\t2026-01-{:02}-copy-{number}.md\n", number + 1)).collect();
    listing.push_str(&format!("100644 blob {small_blob}\t2026-01-30-small-one.md\n"));
    let year = mktree(remote.path(), &listing);
    let incidents = mktree(remote.path(), &format!("040000 tree {year}\t2026\n"));
    let root = mktree(remote.path(), &format!("040000 tree {incidents}\tincidents\n"));
    let commit = git(remote.path(), &["commit-tree", &root, "-m", "Twenty copies of one huge file"]).trim().to_string();
    git(remote.path(), &["update-ref", "refs/heads/main", &commit]);

    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    let (output, peak) = run_measuring_peak(debrief.command().arg("sync").stdin(std::process::Stdio::null()));
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert!(said.contains("larger than any post-mortem"), "{said}");
    assert!(said.contains("1 post-mortem in the index"), "{said}");
    assert!(peak < PEAK_MIB, "peak {peak} MiB");
}

fn mktree(repository: &Path, listing: &str) -> String {
    let mut child = Command::new("git")
        .arg("mktree")
        .current_dir(repository)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), listing.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// A repository whose only commit holds `incidents/a/a/…/x.md`, 100,000 folders deep.
fn deep_remote() -> Option<BareRemote> {
    let remote = BareRemote::with_branch(None);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cli/make_deep_tree.py");
    let made = Command::new("python3").arg(script).arg(remote.path()).arg("100000").status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: python3 could not write the deep tree");
        return None;
    }
    Some(remote)
}

#[test]
fn a_tree_100000_folders_deep_neither_crashes_sync_nor_publish() {
    let Some(remote) = deep_remote() else { return };
    // With git, git itself refuses to send a tree that deep: said plainly, the publish queued.
    let debrief = Debrief::new();
    debrief.new_incident("Deep tree", "2026-11-23T10:00:00Z");
    debrief.run(&["remote", "set", &remote.url()], None);
    for args in [&["sync"][..], &["publish"]] {
        let (output, peak) = run_measuring_peak(debrief.command().args(args).stdin(std::process::Stdio::null()));
        let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(matches!(output.status.code(), Some(0) | Some(75)), "{args:?}: {said}");
        assert!(peak < PEAK_MIB, "{args:?}: peak {peak} MiB");
    }
    // Without git, libgit2 takes the tree in; Debrief's own walk stops at its depth limit and says where.
    let without_git = Debrief::new();
    without_git.new_incident("Deep tree", "2026-11-23T10:00:00Z");
    let bin = without_git.user_home().join("bin-without-git");
    std::fs::create_dir_all(&bin).unwrap();
    let run = |args: &[&str]| {
        let mut command = without_git.command();
        command.args(args).env("PATH", &bin).stdin(std::process::Stdio::null());
        let (output, peak) = run_measuring_peak(&mut command);
        let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(peak < PEAK_MIB, "{args:?}: peak {peak} MiB");
        (output.status.code(), said)
    };
    let (code, said) = run(&["remote", "set", &remote.url()]);
    assert_eq!(code, Some(0), "{said}");
    let (code, said) = run(&["sync"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("folders deep, not looked into"), "{said}");
    let (code, said) = run(&["publish"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(remote.show("incidents/2026/2026-11-23-deep-tree.md").contains("# Deep tree"));
}
