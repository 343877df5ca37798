import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types";
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils";

export interface OutboxOptions {
  /** Folder the messages are written to, one JSON file each. */
  dir: string;
}

/**
 * The embedded demo's mail: every message is written to a folder instead of being sent, so an
 * operator (or a test) can read exactly what each buyer would have received. A real provider
 * (SMTP, SendGrid) replaces it by configuration.
 */
export default class OutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "outbox";
  private readonly dir: string;
  private readonly logger: Logger;

  constructor({ logger }: { logger: Logger }, options: OutboxOptions) {
    super();
    this.dir = options.dir;
    this.logger = logger;
  }

  static validateOptions(options: Record<string, unknown>) {
    if (typeof options.dir !== "string" || !options.dir) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "the outbox provider needs a `dir`");
    }
  }

  async send(
    notification: ProviderSendNotificationDTO,
  ): Promise<ProviderSendNotificationResultsDTO> {
    await mkdir(this.dir, { recursive: true });
    const id = `${Date.now()}-${notification.template}-${Math.random().toString(36).slice(2, 8)}`;
    const file = join(this.dir, `${id}.json`);
    await writeFile(
      file,
      `${JSON.stringify({ to: notification.to, channel: notification.channel, template: notification.template, ...notification.data }, null, 2)}\n`,
    );
    this.logger.info(`outbox: ${notification.template} to ${notification.to} -> ${file}`);
    return { id };
  }
}
