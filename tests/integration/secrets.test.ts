import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { spawnBackend } from "../../scripts/lib/backend.ts";
import { findFreePort } from "../../scripts/lib/ports.ts";

const { medusaEnv, logDir } = inject("integration");

describe("Medusa outside the embedded demo", () => {
  it.each([
    ["the default secrets", { JWT_SECRET: "supersecret", COOKIE_SECRET: "supersecret" }],
    ["no secrets", { JWT_SECRET: "", COOKIE_SECRET: "" }],
  ])("refuses to boot with %s and says which variable to set", async (name, secrets) => {
    const logFile = join(logDir, `refuse-${name.replaceAll(" ", "-")}.log`);
    const env = {
      ...medusaEnv,
      ...secrets,
      CAMSLIDE_DEMO: "0",
      PORT: String(await findFreePort()),
    };
    const child = await spawnBackend(env, logFile);
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code).not.toBe(0);
    const log = await readFile(logFile, "utf8");
    expect(log).toMatch(/JWT_SECRET is (the default|not set)/);
    expect(log).toContain("openssl rand -hex 32");
  });
});
