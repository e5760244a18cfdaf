import nodemailer from 'nodemailer';

export interface ReminderEmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends reminder emails. A rejected promise means "not sent; try again later". */
export interface ReminderMailer {
  send(message: ReminderEmailMessage): Promise<void>;
  close(): void;
}

/** A mailer over SMTP (SMTP_URL), plain text only: no tracking pixels, no remote images. */
export function smtpMailer(smtpUrl: string, from: string): ReminderMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close: () => transport.close(),
  };
}
