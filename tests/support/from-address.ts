import { request } from "node:http";

export interface Answer {
  status: number;
  retryAfter: string | undefined;
  json: Record<string, unknown>;
}

/**
 * An HTTP request whose socket leaves from `localAddress`, one of the loopback addresses
 * (127.0.0.2 to 127.0.0.254 all reach 127.0.0.1 on Linux): Medusa then sees a client address a
 * test can choose, as it would a buyer's, without any header it would have to believe.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (body === undefined ? "GET" : "POST"),
        localAddress,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          const retryAfter = res.headers["retry-after"];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
            json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
