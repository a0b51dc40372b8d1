import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink.ts';
import { NO_MAIL_SERVER, SmtpMailer, createMailer } from './mailer.ts';

/** The SMTP client against a real SMTP server on loopback (test/smtp-sink.ts), and its configuration. */
let sink: SmtpSink;
const mail = {
  to: ['vanthu@example.gov.vn'],
  subject: 'Nhắc báo cáo: Báo cáo 6 tháng — hạn 15/06/2025 / Report reminder: due 15/06/2025',
  text: 'Kính gửi: Ủy ban nhân dân phường Thành Vinh\n\n---\n\nTo: the People’s Committee',
};

beforeAll(async () => {
  sink = await startSmtpSink({ refuse: (address) => address.startsWith('nobody@') });
});
afterAll(async () => {
  await sink.close();
});

describe('the mailer', () => {
  it('delivers a Vietnamese message, signed in or not', async () => {
    expect(await new SmtpMailer(sink.url, 'Tre <no-reply@tre.test>').send(mail)).toEqual({ delivered: true });
    const withAccount = sink.url.replace('smtp://', 'smtp://tre:mat-khau@');
    expect(await new SmtpMailer(withAccount, 'Tre <no-reply@tre.test>').send(mail)).toEqual({ delivered: true });
    expect(sink.messages).toHaveLength(2);
    expect(sink.messages[0]).toEqual({ from: 'no-reply@tre.test', to: mail.to, subject: mail.subject, text: `${mail.text}\n` });
  });

  it('says the recipient was refused without repeating the address the server quoted', async () => {
    const result = await new SmtpMailer(sink.url, 'Tre <no-reply@tre.test>').send({ ...mail, to: ['nobody@example.gov.vn'] });
    expect(result).toMatchObject({ delivered: false, serverDown: false });
    expect(result.error).toMatch(/^máy chủ thư từ chối người nhận \/ the mail server refused the recipient \(EENVELOPE/);
    expect(result.error).not.toContain('@');
    // one of two refused: delivered to the other, the count kept
    const some = await new SmtpMailer(sink.url, 'Tre <no-reply@tre.test>').send({
      ...mail,
      to: ['nobody@example.gov.vn', ...mail.to],
    });
    expect(some).toEqual({
      delivered: true,
      error: 'máy chủ thư từ chối người nhận / the mail server refused the recipient (1)',
    });
  });

  it('never throws: a server that is down is a short reason, marked as the server’s', async () => {
    const down = await startSmtpSink();
    await down.close();
    const result = await new SmtpMailer(down.url, 'Tre <no-reply@tre.test>').send(mail);
    expect(result).toEqual({
      delivered: false,
      serverDown: true,
      error: 'không kết nối được máy chủ thư / could not connect to the mail server (ESOCKET ECONNREFUSED)',
    });
  });

  it('without TRE_SMTP_URL sends nothing and says why', async () => {
    const none = createMailer({});
    expect(none.configured).toBe(false);
    expect(await none.send(mail)).toEqual({ delivered: false, error: NO_MAIL_SERVER });
    expect(createMailer({ smtpUrl: sink.url }).configured).toBe(true);
  });
});

describe('the mail settings', () => {
  it('are optional, read from the environment, and a bad URL is refused without echoing it', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: undefined, reminderIntervalMinutes: undefined });
    expect(
      loadConfig({
        TRE_SMTP_URL: 'smtps://tre:secret@mail.example.gov.vn:465',
        TRE_MAIL_FROM: 'Sở Y tế <tre@syt.example.gov.vn>',
        TRE_REMINDER_INTERVAL_MINUTES: '15',
        TRE_PUBLIC_URL: 'https://tre.example.gov.vn',
      }),
    ).toMatchObject({
      smtpUrl: 'smtps://tre:secret@mail.example.gov.vn:465',
      mailFrom: 'Sở Y tế <tre@syt.example.gov.vn>',
      reminderIntervalMinutes: 15,
      publicUrl: 'https://tre.example.gov.vn',
    });
    expect(() => loadConfig({ TRE_SMTP_URL: 'http://tre:secret@mail.example.gov.vn' })).toThrow(/TRE_SMTP_URL/);
    expect(() => loadConfig({ TRE_SMTP_URL: 'http://tre:secret@mail.example.gov.vn' })).not.toThrow(/secret/);
    expect(() => loadConfig({ TRE_REMINDER_INTERVAL_MINUTES: '0' })).toThrow(/ít nhất 1 phút/);
  });
});
