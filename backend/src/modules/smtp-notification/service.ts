import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types";
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils";
import { createTransport, type Transporter } from "nodemailer";

export interface SmtpOptions {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://… (TLS from the start). */
  url: string;
  /** The sender, e.g. "Camslide <orders@camslide.example>". */
  from: string;
}

/**
 * Sends the shop's emails over SMTP (any mail service offers it). Chosen by configuration
 * (SMTP_URL, SMTP_FROM) in place of the demo's outbox. The messages are the plain-text ones from
 * src/lib/emails.ts: `data.subject` and `data.text`.
 */
export default class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp";
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly logger: Logger;

  constructor({ logger }: { logger: Logger }, options: SmtpOptions) {
    super();
    this.transport = createTransport(options.url);
    this.from = options.from;
    this.logger = logger;
  }

  static validateOptions(options: Record<string, unknown>) {
    const url = typeof options.url === "string" ? options.url : "";
    if (!/^smtps?:\/\//.test(url)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "the SMTP provider needs `url` as smtp://user:password@host:port or smtps://…",
      );
    }
    if (typeof options.from !== "string" || !options.from.includes("@")) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        'the SMTP provider needs `from`, e.g. "Camslide <orders@example.com>"',
      );
    }
  }

  async send(
    notification: ProviderSendNotificationDTO,
  ): Promise<ProviderSendNotificationResultsDTO> {
    const data = (notification.data ?? {}) as { subject?: unknown; text?: unknown };
    if (typeof data.subject !== "string" || typeof data.text !== "string") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `notification ${notification.template} has no subject/text to send`,
      );
    }
    const info = await this.transport.sendMail({
      from: this.from,
      to: notification.to,
      subject: data.subject,
      text: data.text,
    });
    this.logger.info(`smtp: ${notification.template} to ${notification.to} (${info.messageId})`);
    return { id: info.messageId };
  }
}
