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
