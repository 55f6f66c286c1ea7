//! `serve --open`: shows the served home page in the user's browser.
//!
//! No crate for this: the command is one line per platform (`xdg-open`, `open`,
//! `cmd /c start`), and `$BROWSER`, when set, takes its place as it does for Python's
//! `webbrowser` and many command-line tools; the tests use it to see the address given.
//! Opening is a convenience: failing to open is a warning, never an error of serve.

use std::process::{Command, Stdio};

/// Opens `url` in a browser, on a thread of its own so that serve never waits for it;
/// prints a warning when that fails.
pub fn open(url: String) {
    let spawned = std::thread::Builder::new()
        .name("serve-open".to_owned())
        .spawn(move || {
            if let Err(problem) = run(&url) {
                eprintln!("warning: cannot open {url} in a browser ({problem}); open it yourself");
            }
        });
    if let Err(error) = spawned {
        eprintln!("warning: cannot open a browser: {error}");
    }
}

/// Runs the opener for `url` and waits for it.
fn run(url: &str) -> Result<(), String> {
    let mut command = opener();
    let status = command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .map_err(|error| format!("{:?}: {error}", command.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} ended with {status}", command.get_program()))
    }
}

/// `$BROWSER` when set, or the platform's way to open an address.
fn opener() -> Command {
    if let Some(browser) = std::env::var_os("BROWSER").filter(|value| !value.is_empty()) {
        return Command::new(browser);
    }
    if cfg!(target_os = "windows") {
        let mut command = Command::new("cmd");
        // `start` takes its first quoted argument as a window title.
        command.args(["/c", "start", ""]);
        command
    } else if cfg!(target_os = "macos") {
        Command::new("open")
    } else {
        Command::new("xdg-open")
    }
}
