import type { Transporter } from 'nodemailer';
import type { Mailer } from '../core/accounts/security-ports.js';

/** E-mail over SMTP (nodemailer), from NEWSDESK_SMTP_URL and NEWSDESK_MAIL_FROM. */
export function smtpMailer(input: { smtpUrl: string; from: string }): Mailer & { close(): void } {
  // nodemailer is loaded with the first message, not at start-up (ADR 0011).
  let transport: Promise<Transporter> | undefined;
  let opened: Transporter | undefined;
  const open = async () => {
    const { default: nodemailer } = await import('nodemailer');
    opened = nodemailer.createTransport({
      url: input.smtpUrl,
      // A mail server that does not answer must not hold a sending attempt for ever.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    return opened;
  };
  return {
    async send(message) {
      transport ??= open();
      await (await transport).sendMail({ from: input.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => opened?.close(),
  };
}
