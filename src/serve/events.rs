//! Server-sent events: how open browser tabs learn that the site changed.
//!
//! Each tab's reload script opens one long-lived `GET /__rapporteur/events?page=<path>`.
//! The [`Hub`] keeps one subscription per open stream, with the page the tab shows, for
//! two reasons: a rebuild broadcasts `reload` (or `problems`) to every tab, and it renders
//! the pages that tabs show before it broadcasts, so the reload that follows is served
//! from memory. A subscription removes itself when its stream ends (the tab closed, the
//! connection broke, or serve is stopping), so the hub only lists pages still open.
//! Server-sent events rather than a websocket: one direction is all that is needed, they
//! are plain HTTP, and browsers reconnect on their own.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The most event streams open at once: one per tab, each holding a thread. A tab past
/// this number is refused (503) and does not reload by itself.
pub const MAX_STREAMS: usize = 64;

/// Why a stream may not start.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Serve is stopping.
    Stopping,
    /// [`MAX_STREAMS`] are open.
    TooMany,
}

/// How often an idle stream sends a comment, to notice tabs that went away.
const HEARTBEAT: Duration = Duration::from_secs(10);

/// What a stream tells its tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// The site was rebuilt: load the page again.
    Reload,
    /// The content has problems: show this overlay (HTML) over the page.
    Problems(String),
    /// Serve is stopping: end the stream.
    Stop,
}

/// The open event streams.
#[derive(Default)]
pub struct Hub {
    subscribers: Mutex<Subscribers>,
}

#[derive(Default)]
struct Subscribers {
    next_id: u64,
    /// Subscription id → the page its tab shows and where to send its messages.
    open: BTreeMap<u64, (String, Sender<Message>)>,
    /// Set once serve is stopping: no new stream may start.
    stopped: bool,
}

/// One open stream's end of the hub; dropping it unsubscribes.
pub struct Subscription {
    id: u64,
    hub: Arc<Hub>,
    receiver: Receiver<Message>,
}

impl Hub {
    /// Registers a stream for the tab showing `page`, unless serve is stopping or
    /// [`MAX_STREAMS`] are open.
    pub fn subscribe(hub: &Arc<Hub>, page: &str) -> Result<Subscription, Refusal> {
        let (sender, receiver) = mpsc::channel();
        let mut subscribers = hub.subscribers.lock().map_err(|_| Refusal::Stopping)?;
        if subscribers.stopped {
            return Err(Refusal::Stopping);
        }
        if subscribers.open.len() >= MAX_STREAMS {
            return Err(Refusal::TooMany);
        }
        let id = subscribers.next_id;
        subscribers.next_id += 1;
        subscribers.open.insert(id, (page.to_owned(), sender));
        Ok(Subscription {
            id,
            hub: Arc::clone(hub),
            receiver,
        })
    }

    /// Sends `message` to every open stream; [`Message::Stop`] also refuses new ones.
    pub fn broadcast(&self, message: &Message) {
        let Ok(mut subscribers) = self.subscribers.lock() else {
            return;
        };
        if *message == Message::Stop {
            subscribers.stopped = true;
        }
        subscribers
            .open
            .retain(|_, (_, sender)| sender.send(message.clone()).is_ok());
    }

    /// The pages shown by open tabs, as the paths they asked for (`/contributions/x/`).
    pub fn open_pages(&self) -> BTreeSet<String> {
        self.subscribers
            .lock()
            .map(|subscribers| {
                subscribers
                    .open
                    .values()
                    .map(|(page, _)| page.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Ok(mut subscribers) = self.hub.subscribers.lock() {
            subscribers.open.remove(&self.id);
        }
    }
}

/// Writes the event stream of `subscription` to `writer` (the raw connection) until the
/// tab goes away or serve stops. `first` is sent right after the headers, for a tab that
/// connects while the content has problems.
pub fn stream(
    mut writer: Box<dyn Write + Send>,
    subscription: Subscription,
    first: Option<Message>,
) {
    let headers = "HTTP/1.1 200 OK\r\n\
                   Content-Type: text/event-stream; charset=utf-8\r\n\
                   Cache-Control: no-store\r\n\
                   Connection: close\r\n\r\n\
                   : connected\n\n";
    if send(&mut writer, headers).is_err() {
        return;
    }
    if let Some(message) = first {
        if send(&mut writer, &event_text(&message)).is_err() {
            return;
        }
    }
    loop {
        let text = match subscription.receiver.recv_timeout(HEARTBEAT) {
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            Ok(message) => event_text(&message),
            Err(RecvTimeoutError::Timeout) => ": heartbeat\n\n".to_owned(),
        };
        if send(&mut writer, &text).is_err() {
            return;
        }
    }
}

fn send(writer: &mut Box<dyn Write + Send>, text: &str) -> std::io::Result<()> {
    writer.write_all(text.as_bytes())?;
    writer.flush()
}

/// The wire form of `message`: an `event:` line and a one-line `data:` (JSON for HTML).
pub fn event_text(message: &Message) -> String {
    match message {
        Message::Reload => "event: reload\ndata: reload\n\n".to_owned(),
        Message::Problems(html) => {
            let data = serde_json::json!({ "html": html }).to_string();
            format!("event: problems\ndata: {data}\n\n")
        }
        Message::Stop => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_subscription_leaves_the_open_pages() {
        let hub = Arc::new(Hub::default());
        let first = Hub::subscribe(&hub, "/a/");
        let second = Hub::subscribe(&hub, "/b/");
        assert_eq!(
            hub.open_pages(),
            BTreeSet::from(["/a/".to_owned(), "/b/".to_owned()])
        );
        drop(first);
        assert_eq!(hub.open_pages(), BTreeSet::from(["/b/".to_owned()]));
        drop(second);
        assert!(hub.open_pages().is_empty());
    }

    #[test]
    fn no_stream_starts_after_stop() {
        let hub = Arc::new(Hub::default());
        hub.broadcast(&Message::Stop);
        assert_eq!(Hub::subscribe(&hub, "/").err(), Some(Refusal::Stopping));
    }

    #[test]
    fn streams_past_the_limit_are_refused() {
        let hub = Arc::new(Hub::default());
        let open: Vec<_> = (0..MAX_STREAMS)
            .filter_map(|_| Hub::subscribe(&hub, "/").ok())
            .collect();
        assert_eq!(open.len(), MAX_STREAMS);
        assert_eq!(Hub::subscribe(&hub, "/").err(), Some(Refusal::TooMany));
        drop(open);
        assert!(Hub::subscribe(&hub, "/").is_ok());
    }

    #[test]
    fn problems_travel_as_one_line_of_json() {
        let text = event_text(&Message::Problems("<p>a\nb</p>".to_owned()));
        assert_eq!(
            text,
            "event: problems\ndata: {\"html\":\"<p>a\\nb</p>\"}\n\n"
        );
    }
}
