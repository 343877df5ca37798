/**
 * The SMTP notification provider (chosen by SMTP_URL) sends the shop's plain-text emails over a
 * real SMTP conversation: here to a local sink that keeps what it received.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import SmtpNotificationService from "../../backend/src/modules/smtp-notification/service.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";

const logger = { info: () => {}, warn: () => {}, error: () => {} };
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
});

describe("the SMTP notification provider", () => {
  it("delivers the order email's subject and text to the buyer, from the shop's sender", async () => {
    const provider = new SmtpNotificationService({ logger } as never, {
      url: `smtp://127.0.0.1:${sink.port}?ignoreTLS=true`,
      from: "Camslide <orders@camslide.example>",
    });
    const result = await provider.send({
      to: "buyer@example.com",
      channel: "email",
      template: "order-placed",
      data: { subject: "Votre commande Camslide n° 42", text: "Merci pour votre commande n° 42." },
    } as never);
    expect(result.id).toBeTruthy();
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail?.from).toBe("orders@camslide.example");
    expect(mail?.to).toEqual(["buyer@example.com"]);
    expect(mail?.data).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(mail?.data).toContain("Merci pour votre commande n");
  });

  it("refuses a notification without a subject or text, sending nothing", async () => {
    const before = sink.messages.length;
    const provider = new SmtpNotificationService({ logger } as never, {
      url: `smtp://127.0.0.1:${sink.port}?ignoreTLS=true`,
      from: "orders@camslide.example",
    });
    await expect(
      provider.send({ to: "b@example.com", channel: "email", template: "x", data: {} } as never),
    ).rejects.toThrow(/no subject\/text/);
    expect(sink.messages.length).toBe(before);
  });

  it.each([
    [{ url: "mail.example:25", from: "a@b.example" }, /url/],
    [{ url: "smtp://mail.example:25", from: "nobody" }, /from/],
  ])("refuses options %j", (options, message) => {
    expect(() => SmtpNotificationService.validateOptions(options)).toThrow(message);
  });
});
