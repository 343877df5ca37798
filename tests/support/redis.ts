import { connect } from "node:net";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7";

function encode(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
}

/**
 * Sends one command to Redis and returns the raw reply: enough for PING, SELECT, DBSIZE and
 * FLUSHDB in tests without a client library at the root.
 */
export function redisCommand(url: string, args: string[], timeoutMs = 2_000): Promise<string> {
  const { hostname, port, pathname } = new URL(url);
  const db = pathname.replace("/", "") || "0";
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    let reply = "";
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error("redis: timeout")));
    socket.once("error", reject);
    socket.on("data", (chunk) => {
      reply += chunk;
      // The SELECT reply (+OK) comes first; the command's reply follows it.
      const afterSelect = reply.startsWith("+OK\r\n") ? reply.slice(5) : undefined;
      if (afterSelect?.endsWith("\r\n")) {
        socket.end();
        resolve(afterSelect.trim());
      }
    });
    socket.write(encode(["SELECT", db]) + encode(args));
  });
}

export async function redisReachable(url: string): Promise<boolean> {
  return redisCommand(url, ["PING"]).then(
    (reply) => reply === "+PONG",
    () => false,
  );
}

/** Whether the environment is a CI run (GitHub Actions and most others set CI=true). */
export function isCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return Boolean(value) && value !== "false" && value !== "0";
}

/**
 * Whether the Redis tests run here. With Redis they do. Without it a laptop skips them (the
 * test name says why), but CI, which has Redis, fails: a missing service there must not turn
 * the scale-out tests into silent skips.
 */
export function redisTestsRun(
  reachable: boolean,
  env: Record<string, string | undefined>,
  url = TEST_REDIS_URL,
): boolean {
  if (reachable) return true;
  if (isCi(env)) {
    throw new Error(
      `Redis is not reachable at ${url}, and CI must run the Redis tests instead of skipping ` +
        "them: start Redis there, or point TEST_REDIS_URL at it.",
    );
  }
  return false;
}

/** Probes TEST_REDIS_URL and decides (redisTestsRun) whether this file's Redis tests run. */
export async function redisForTests(): Promise<boolean> {
  return redisTestsRun(await redisReachable(TEST_REDIS_URL), process.env);
}
