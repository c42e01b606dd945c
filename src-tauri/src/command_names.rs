//! Reads the names of the commands registered in `ipc.rs`, so that the one list there is
//! also the list the build step makes permissions from (build.rs includes this file) and
//! the list the capability file is tested against.

/// The command names in `ipc.rs`'s source: the last segment of every `commands::<view>::<name>`
/// path inside `collect_commands![...]`, in order.
pub fn in_ipc_source(source: &str) -> Vec<String> {
    let Some(start) = source.find("collect_commands![") else { return Vec::new() };
    let listed = &source[start + "collect_commands![".len()..];
    let listed = &listed[..listed.find(']').unwrap_or(listed.len())];
    listed
        .split(',')
        .map(str::trim)
        .filter_map(|path| path.strip_prefix("commands::"))
        .filter_map(|path| path.rsplit("::").next())
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_from_the_registered_paths() {
        let source = "collect_commands![\n    commands::capture::append_line,\n    commands::tasks::cancel_task,\n]";
        assert_eq!(in_ipc_source(source), ["append_line", "cancel_task"]);
        assert!(in_ipc_source("no list here").is_empty());
    }
}
