import { join } from "node:path";
import { inject } from "vitest";
import { medusa } from "../../scripts/lib/backend.ts";

export interface AdminClient {
  token: string;
  /** A call to the admin API; the raw Response, for streams and error statuses. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  json<T>(path: string, init?: RequestInit): Promise<T>;
}

/** An operator's admin account, made the way an operator makes one (`medusa user`). */
export async function adminClient(email: string): Promise<AdminClient> {
  const { backendUrl, medusaEnv, logDir } = inject("integration");
  const password = "a-long-test-password";
  await medusa(["user", "-e", email, "-p", password], medusaEnv, join(logDir, `user-${email}.log`));
  const login = await fetch(`${backendUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const { token } = (await login.json()) as { token: string };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${backendUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  return {
    token,
    fetch: call,
    async json<T>(path: string, init?: RequestInit) {
      const response = await call(path, init);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
