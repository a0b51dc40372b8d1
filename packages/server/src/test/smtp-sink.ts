import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the sink received it: the envelope, and the decoded subject and text. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for TRE_SMTP_URL */
  url: string;
  messages: ReceivedMail[];
  /** resolves once `count` messages have arrived in all (rejects after the timeout) */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** stops listening: later connections are refused, as from a mail server that is down */
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback for the tests (no mock of the client): any sender, any recipient,
 * no sign-in required (any is accepted), every message kept and parsed. Plain SMTP only: with STARTTLS offered,
 * nodemailer would upgrade to the sink's self-signed certificate and rightly refuse it.
 */
export async function startSmtpSink(options: { refuse?: (address: string) => boolean } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      // a mailbox the server does not know: its reply quotes the address, as real servers do
      if (options.refuse?.(address.address)) callback(new Error(`5.1.1 <${address.address}>: Recipient address rejected`));
      else callback();
    },
    onData(stream, session, callback) {
      const envelope = session.envelope;
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            from: envelope.mailFrom ? envelope.mailFrom.address : '',
            to: envelope.rcptTo.map((a) => a.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          for (const wake of waiting) wake();
          callback();
        })
        .catch((error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`smtp sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(resolve);
      }),
  };
}
