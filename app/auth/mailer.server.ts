/**
 * The Hub's email: the only module that imports nodemailer. Only account
 * links are sent (invitations and password resets), as plain text. When SMTP
 * is not configured nothing is sent, and the callers show or print the link
 * instead.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { getMailSettings } from "../platform/env.server";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = { url, transporter: nodemailer.createTransport(url) };
  }
  return transport.transporter;
}

/** True when the Hub can send email (SMTP_URL and MAIL_FROM are set). */
export function canSendEmail(): boolean {
  return getMailSettings() !== null;
}

/** Sends one email; throws when SMTP is not configured or the server refuses it. */
export async function sendEmail(email: Email): Promise<void> {
  const settings = getMailSettings();
  if (!settings) throw new Error("SMTP is not configured (SMTP_URL and MAIL_FROM)");
  await transporterFor(settings.smtpUrl).sendMail({ from: settings.from, ...email });
}
