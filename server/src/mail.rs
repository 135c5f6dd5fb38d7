//! Emails the server sends: the summary of a committed import, with the rejected rows attached.
//! Sent over SMTP when `SMTP_URL` (`smtp://host:port`) is set; otherwise nothing is sent.

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Where emails go out, and who they come from.
#[derive(Debug, Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for `smtp://host:port` (plain SMTP, as to a local relay), sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Mailer, String> {
        let rest = url
            .strip_prefix("smtp://")
            .ok_or_else(|| format!("SMTP_URL must look like smtp://host:port, not {url}"))?;
        let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
            Some((host, port)) => (
                host,
                port.parse::<u16>()
                    .map_err(|_| format!("SMTP_URL has a bad port: {url}"))?,
            ),
            None => (rest.trim_end_matches('/'), 25),
        };
        let from = from
            .parse()
            .map_err(|err| format!("the sender {from:?} is not an email address: {err}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .build();
        Ok(Mailer { transport, from })
    }

    /// Sends `text` to `to`, with `attachment` (file name, CSV bytes) when there is one.
    pub async fn send(
        &self,
        to: &str,
        subject: &str,
        text: String,
        attachment: Option<(String, Vec<u8>)>,
    ) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|err| format!("{to}: {err}"))?;
        let body = SinglePart::plain(text);
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject);
        let message = match attachment {
            Some((name, bytes)) => {
                let csv = ContentType::parse("text/csv; charset=utf-8").expect("a valid type");
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(body)
                        .singlepart(Attachment::new(name).body(bytes, csv)),
                )
            }
            None => builder.singlepart(body),
        }
        .map_err(|err| err.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|err| err.to_string())
    }
}
