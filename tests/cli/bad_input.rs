//! Bad input gets a one-line error that says what to do, exit status 2, and
//! leaves everything already stored as it was.

use std::process::Command;

use crate::util::{Debrief, one_line};

/// A home with one incident and one line, and a snapshot of what is stored.
fn populated() -> (Debrief, String, Vec<serde_json::Value>) {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Stored", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-23T14:05:00+01:00", "already stored"]);
    let before = debrief.timeline(&id);
    (debrief, id, before)
}

#[test]
fn unknown_incident_id() {
    let (debrief, id, before) = populated();
    for args in [
        &["log", "--incident", "2026-01-01-nope", "x"][..],
        &["timeline", "2026-01-01-nope"],
        &["mark", "resolved", "-i", "nope"],
    ] {
        let error = debrief.error(args, None);
        assert!(one_line(&error).contains("no incident with id") && error.contains("debrief list"), "{error}");
    }
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn unknown_entry_number() {
    let (debrief, id, before) = populated();
    let error = debrief.error(&["edit", "42", "--text", "x"], None);
    assert!(one_line(&error).contains("no entry #42") && error.contains("debrief timeline"), "{error}");
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn no_open_incident() {
    let debrief = Debrief::new();
    let error = debrief.error(&["log", "hello"], None);
    assert!(one_line(&error).contains("debrief new"), "{error}");
}

#[test]
fn empty_text() {
    let (debrief, id, before) = populated();
    for (args, stdin) in [(&["log", ""][..], None), (&["log", "   "], None), (&["log", "-"], Some(&b"\n\n"[..]))] {
        let error = debrief.error(args, stdin);
        assert!(one_line(&error).contains("empty") && error.contains("Nothing was stored"), "{error}");
    }
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn one_megabyte_line() {
    let (debrief, id, before) = populated();
    let huge = vec![b'a'; 1024 * 1024];
    let error = debrief.error(&["log", "-"], Some(&huge));
    assert!(one_line(&error).contains("limit") && error.contains("nothing was stored"), "{error}");
    let capture_error = debrief.error(&["capture"], Some(&[huge.as_slice(), b"\n"].concat()));
    assert!(capture_error.contains("NOT saved") && capture_error.contains("limit"), "{capture_error}");
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn invalid_utf8_on_stdin() {
    let (debrief, id, before) = populated();
    let error = debrief.error(&["log", "-"], Some(b"caf\xe9 au lait"));
    assert!(one_line(&error).contains("not valid UTF-8") && error.contains("nothing was stored"), "{error}");
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn time_that_cannot_be_parsed() {
    let (debrief, id, before) = populated();
    for time in ["25:00", "yesterday-ish", "2026-02-30 10:00", "-5x"] {
        let error = debrief.error(&["log", "--at", time, "x"], None);
        assert!(error.contains("cannot understand the time") && error.contains("-5m"), "{time}: {error}");
    }
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn hostile_titles_are_refused_or_made_safe() {
    let debrief = Debrief::new();
    let error = debrief.error(&["new", "two\nlines"], None);
    assert!(one_line(&error).contains("control character"), "{error}");
    assert!(one_line(&debrief.error(&["new", &"t".repeat(300)], None)).contains("longer than"));
    assert_eq!(
        debrief.ok(&["new", "../../etc/passwd", "--at", "2026-11-23T10:00:00Z"]).trim(),
        "2026-11-23-etc-passwd"
    );
    assert_eq!(
        debrief.ok(&["new", "🔥 everything", "--at", "2026-11-23T10:00:00Z"]).trim(),
        "2026-11-23-fire-everything"
    );
}

#[test]
fn data_directory_that_cannot_be_created() {
    let debrief = Debrief::new();
    let file = debrief.home().join("not-a-directory");
    std::fs::write(&file, b"").unwrap();
    let data_dir = file.join("data");
    let error = debrief.error(&["--data-dir", data_dir.to_str().unwrap(), "new", "x"], None);
    assert!(one_line(&error).contains("cannot use the data directory") && error.contains("--data-dir"), "{error}");
}

#[test]
fn read_only_data_directory() {
    let (debrief, id, before) = populated();
    let home = debrief.home().to_str().unwrap().to_string();
    // Root ignores permission bits, so make the directory truly read-only with a bind mount.
    let mounted = Command::new("mount").args(["--bind", &home, &home]).status().is_ok_and(|status| status.success())
        && Command::new("mount").args(["-o", "remount,bind,ro", &home]).status().is_ok_and(|status| status.success());
    if !mounted {
        let _ = Command::new("umount").arg(&home).status();
        eprintln!("skipped read_only_data_directory: cannot bind-mount read-only here (needs root with CAP_SYS_ADMIN)");
        return;
    }
    let database_before = std::fs::read(debrief.database()).unwrap();
    let error = debrief.error(&["log", "x"], None);
    let line = one_line(&error).to_string();
    let read_only_timeline = debrief.run(&["timeline", &id, "--format", "json"], None);
    let unmounted = Command::new("umount").arg(&home).status().is_ok_and(|status| status.success());
    assert!(unmounted, "could not unmount {home}");
    assert!(line.contains("read-only") && line.contains("Nothing was stored"), "{line}");
    // Reading needs no writing: the timeline still shows.
    assert_eq!(read_only_timeline.status.code(), Some(0));
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&read_only_timeline.stdout).unwrap(),
        serde_json::json!(before)
    );
    assert_eq!(std::fs::read(debrief.database()).unwrap(), database_before);
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn database_from_a_newer_version() {
    let (debrief, _id, _before) = populated();
    {
        let conn = rusqlite::Connection::open(debrief.database()).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let database_before = std::fs::read(debrief.database()).unwrap();
    for args in [&["list"][..], &["log", "x"], &["new", "y"]] {
        let error = debrief.error(args, None);
        assert!(one_line(&error).contains("newer version of Debrief") && error.contains("left untouched"), "{error}");
    }
    assert_eq!(std::fs::read(debrief.database()).unwrap(), database_before);
}

#[test]
fn damaged_database_is_reported_not_recreated() {
    let debrief = Debrief::new();
    std::fs::write(debrief.database(), b"PK\x03\x04 not a database at all".repeat(200)).unwrap();
    let before = std::fs::read(debrief.database()).unwrap();
    let error = debrief.error(&["list"], None);
    assert!(one_line(&error).contains("damaged") && error.contains("move it aside"), "{error}");
    assert_eq!(std::fs::read(debrief.database()).unwrap(), before);
}

#[test]
fn database_whose_schema_version_was_lowered_under_its_tables() {
    let (debrief, _id, _before) = populated();
    {
        let conn = rusqlite::Connection::open(debrief.database()).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let database_before = std::fs::read(debrief.database()).unwrap();
    let error = debrief.error(&["list"], None);
    let line = one_line(&error);
    assert!(line.contains("do not match its schema version 2") && line.contains("left untouched"), "{error}");
    assert!(!error.contains("CREATE TABLE"), "{error}");
    assert!(std::fs::read(debrief.database()).unwrap() == database_before, "the database was changed");
}
