//! The options of `rapporteur serve` beyond the root and the port: `--interface` (and its
//! alias `--bind`), `--base-url`, `--open`, and the hint when the port is taken.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use super::serve::Serve;
use super::serve_limits::{get_with_host, status};
use super::support::{copy_fixture_unpublished, rapporteur, read, temp_dir};

#[test]
fn serve_on_an_explicit_interface_answers_it_and_still_refuses_other_hosts() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let serve = Serve::start_with(&root, |command| {
        command.args(["--interface", "127.0.0.1"]);
    });
    assert_eq!(serve.get("/").status, 200);
    let port = serve.address.rsplit(':').next().expect("a port");
    let local = get_with_host(&serve.address, &format!("localhost:{port}"));
    assert_eq!(status(&local), "200", "{local}");
    for host in [format!("192.168.1.20:{port}"), format!("127.0.0.2:{port}")] {
        let response = get_with_host(&serve.address, &host);
        assert_eq!(status(&response), "403", "{host}: {response}");
    }
}

#[test]
fn serve_bind_is_an_alias_of_interface() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let serve = Serve::start_with(&root, |command| {
        command.args(["--bind", "127.0.0.1"]);
    });
    assert_eq!(serve.get("/").status, 200);
}

#[test]
fn serve_base_url_sets_the_canonical_links() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let serve = Serve::start_with(&root, |command| {
        command.args(["--base-url", "https://preview.example/forum"]);
    });
    let home = serve.get("/");
    assert_eq!(home.status, 200);
    assert!(
        home.body
            .contains("<link rel=\"canonical\" href=\"https://preview.example/forum/"),
        "{}",
        home.body
    );
    assert!(
        !home.body.contains("https://example.org/minimal/"),
        "{}",
        home.body
    );
}

#[cfg(unix)]
#[test]
fn serve_open_gives_the_browser_the_home_page() {
    use std::os::unix::fs::PermissionsExt;
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let opened = temp.path().join("opened.txt");
    let browser = temp.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .expect("cannot write the fake browser");
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755))
        .expect("cannot make the fake browser executable");
    let serve = Serve::start_with(&root, |command| {
        command.arg("--open").env("BROWSER", &browser);
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(read(&opened), format!("http://{}/", serve.address));
}

#[test]
fn serve_open_without_a_browser_is_a_warning() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let missing = temp.path().join("no-such-browser");
    let mut serve = Serve::start_with(&root, |command| {
        command.arg("--open").env("BROWSER", &missing);
    });
    serve.wait_for_line(|line| line.starts_with("warning: cannot open http://"));
    assert_eq!(serve.get("/").status, 200);
}

#[test]
fn serve_on_a_taken_port_says_so_with_a_hint() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let taken = TcpListener::bind("127.0.0.1:0").expect("cannot take a port");
    let port = taken.local_addr().expect("a local address").port();
    let run = rapporteur()
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(&root)
        .run();
    run.assert_code(2);
    let next = port.checked_add(1).unwrap_or(8000);
    let hint = format!(
        "error: port {port} is in use (another `rapporteur serve`?): stop it, or choose \
         another with --port {next} (or --port 0 for any free port)"
    );
    assert!(run.stderr.contains(&hint), "{}", run.stderr);
    drop(taken);
}
