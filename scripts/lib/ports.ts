import { createServer } from "node:net";

export class PortInUseError extends Error {
  override name = "PortInUseError";
  readonly port: number;
  readonly variable: string;
  constructor(port: number, variable: string) {
    super(
      `Port ${port} is already in use. Stop whatever listens there, or choose another port: ` +
        `${variable}=<port> npm start`,
    );
    this.port = port;
    this.variable = variable;
  }
}

/** Resolves true when nothing listens on host:port (by trying to listen there ourselves). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the operating system says is free now. */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Reads a port from the environment: a whole number from 1 to 65535, or the default.
 * Anything else is an error that names the variable.
 */
export function readPort(
  env: Record<string, string | undefined>,
  variable: string,
  fallback: number,
): number {
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new Error(`${variable} must be a port number from 1 to 65535; got "${raw}".`);
  }
  return port;
}

export async function assertPortFree(port: number, variable: string): Promise<void> {
  if (!(await isPortFree(port))) throw new PortInUseError(port, variable);
}
