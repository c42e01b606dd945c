//! For scripts: one JSON array of every finding, each with the name of its document
//! (`path`) beside the finding's own fields (byte offsets, line and column, rule, message).

use std::io::{self, Write};

use super::{Document, Printer, Totals};
use crate::lint::Finding;

#[derive(Default)]
pub(super) struct Json {
    findings: Vec<(String, Finding)>,
}

#[derive(serde::Serialize)]
struct Reported<'a> {
    path: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

impl Printer for Json {
    fn document(&mut self, _out: &mut dyn Write, document: Document<'_>, findings: Vec<Finding>) -> io::Result<()> {
        self.findings.extend(findings.into_iter().map(|finding| (document.shown.to_string(), finding)));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals, _errors: &[String]) -> io::Result<()> {
        let reported: Vec<Reported> =
            self.findings.iter().map(|(path, finding)| Reported { path: path.as_str(), finding }).collect();
        serde_json::to_writer_pretty(&mut *out, &reported)?;
        writeln!(out)
    }
}
