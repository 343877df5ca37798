import { isIP } from "node:net";

/**
 * The address a request came from, as the limits count it. With no trusted proxy it is the
 * socket's peer, which a client cannot choose. Behind `hops` proxies, each of which appends the
 * address it received from, the client is the `hops`-th entry from the right of
 * X-Forwarded-For; whatever stands left of it was written by the client and is ignored. A
 * header too short or malformed at that place did not come through the configured proxies, so
 * the socket's peer is used (the request is counted against the proxy, never against an
 * address the client named).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  const peer = normaliseAddress(socketAddress ?? "") ?? "unknown";
  if (hops === 0) return peer;
  // Node joins repeated headers with ", "; an array only comes from a hand-made request.
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header.split(",").map((entry) => entry.trim());
  if (header.trim() === "" || entries.length < hops) return peer;
  return normaliseAddress(entries[entries.length - hops] ?? "") ?? peer;
}

/**
 * An IP address in the form the limits key on: IPv4-mapped IPv6 as plain IPv4, and IPv6 as its
 * /64 network, since one subscriber is given a whole /64 and could otherwise count as 2^64
 * clients. Undefined for anything that is not an address.
 */
export function normaliseAddress(value: string): string | undefined {
  const address = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return undefined;
  return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, expanded (a trailing dotted IPv4 included). */
function ipv6Groups(address: string): string[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)?.[1];
  if (dotted) {
    const [a, b, c, d] = dotted.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
