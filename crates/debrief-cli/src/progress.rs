//! Progress bars on a terminal for work that can take more than a second (sync, publish,
//! import), drawn on standard error; nothing at all when standard error is not a terminal
//! or the command prints JSON for a program to read.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use debrief_core::progress::Reporter;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

struct Bar {
    bar: Mutex<Option<ProgressBar>>,
}

impl Reporter for Bar {
    fn report(&self, what: &str, done: u64, total: Option<u64>) {
        let Ok(mut bar) = self.bar.lock() else { return };
        let bar = bar.get_or_insert_with(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        let style = match total {
            Some(total) => {
                bar.set_length(total);
                ProgressStyle::with_template("{spinner} {msg:<22} [{bar:30}] {pos}/{len}")
            }
            None => ProgressStyle::with_template("{spinner} {msg:<22} {pos}"),
        };
        if let Ok(style) = style {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        bar.set_position(done);
    }

    fn finish(&self) {
        if let Ok(mut bar) = self.bar.lock()
            && let Some(bar) = bar.take()
        {
            bar.finish_and_clear();
        }
    }
}

/// Shows progress from here on, if standard error is a terminal and `machine_output` is false.
pub fn show_on_terminal(machine_output: bool) {
    if !machine_output && std::io::stderr().is_terminal() {
        debrief_core::progress::install(Box::new(Bar { bar: Mutex::new(None) }));
    }
}
