import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Every line the command prints goes here (appended). */
  logFile: string;
}

export class CommandError extends Error {
  override name = "CommandError";
}

async function openLog(logFile: string): Promise<WriteStream> {
  await mkdir(dirname(logFile), { recursive: true });
  return createWriteStream(logFile, { flags: "a" });
}

async function tail(logFile: string, lines: number): Promise<string> {
  const text = await readFile(logFile, "utf8").catch(() => "");
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * Starts a Node script with this very Node binary (so the project's pinned Node runs it, not
 * whatever `node` is first on PATH), its output drained into a log file. Draining matters: a
 * child whose pipe nobody reads blocks once the pipe is full (seen with PostgreSQL's stderr).
 */
export async function spawnNode(
  script: string,
  args: string[],
  options: RunOptions,
): Promise<ChildProcess> {
  const log = await openLog(options.logFile);
  log.write(`\n$ node ${script} ${args.join(" ")}  (in ${options.cwd})\n`);
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once("close", () => log.end());
  return child;
}

/** Runs a Node script to completion; rejects with the log's last lines when it fails. */
export async function runNode(script: string, args: string[], options: RunOptions) {
  const child = await spawnNode(script, args, options);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) {
    throw new CommandError(
      `${args.join(" ") || script} failed (exit ${code}). Last lines of ${options.logFile}:\n` +
        (await tail(options.logFile, 40)),
    );
  }
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
export function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Polls a URL until it answers 2xx, the child dies, or the time runs out. */
export async function waitForHttp(
  url: string,
  { timeoutMs, child, logFile }: { timeoutMs: number; child?: ChildProcess; logFile?: string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      const last = logFile ? `\n${await tail(logFile, 40)}` : "";
      throw new CommandError(`the process serving ${url} exited before it was ready.${last}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new CommandError(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
