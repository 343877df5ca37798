import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import {
  assertPortFree,
  findFreePort,
  isPortFree,
  PortInUseError,
  readPort,
} from "../../scripts/lib/ports.ts";

describe("ports", () => {
  it.each(["0", "65536", "-1", "80.5", "abc", "9000x"])("rejects %j as a port", (raw) => {
    expect(() => readPort({ MEDUSA_PORT: raw }, "MEDUSA_PORT", 9000)).toThrow(/MEDUSA_PORT/);
  });

  it("reads a valid port and falls back when unset or blank", () => {
    expect(readPort({ MEDUSA_PORT: "9100" }, "MEDUSA_PORT", 9000)).toBe(9100);
    expect(readPort({}, "MEDUSA_PORT", 9000)).toBe(9000);
    expect(readPort({ MEDUSA_PORT: " " }, "MEDUSA_PORT", 9000)).toBe(9000);
  });

  it("says which variable to change when a port is busy", async () => {
    const port = await findFreePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
      await expect(assertPortFree(port, "STOREFRONT_PORT")).rejects.toThrow(PortInUseError);
      await expect(assertPortFree(port, "STOREFRONT_PORT")).rejects.toThrow(
        /STOREFRONT_PORT=<port> npm start/,
      );
    } finally {
      server.close();
    }
    expect(await isPortFree(port)).toBe(true);
  });
});
