import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress } from "../../backend/src/lib/client-address.ts";
import {
  ConfigError,
  readRuntimeConfig,
  readTrustedProxyHops,
} from "../../backend/src/lib/runtime-config.ts";

const PROXY = "10.0.0.5";

describe("the client address the limits count", () => {
  it.each([
    ["no header", 0, undefined, PROXY],
    ["a header the client wrote", 0, "203.0.113.7", PROXY],
    ["a chain the client wrote", 0, "203.0.113.7, 198.51.100.2", PROXY],
    ["one proxy that appended the client", 1, "203.0.113.7", "203.0.113.7"],
    ["one proxy after a client's own entry", 1, "6.6.6.6, 203.0.113.7", "203.0.113.7"],
    ["two proxies", 2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"],
    [
      "repeated headers, as Node joins them",
      2,
      ["6.6.6.6, 203.0.113.7", "10.0.0.9"],
      "203.0.113.7",
    ],
    ["one proxy and no header: the request went around it", 1, undefined, PROXY],
    ["two proxies and one entry: the request skipped one", 2, "203.0.113.7", PROXY],
    ["a malformed entry where the client should be", 1, "6.6.6.6, not-an-ip", PROXY],
    ["an empty entry where the client should be", 1, "6.6.6.6,", PROXY],
    ["an IPv4-mapped IPv6 entry", 1, "::ffff:203.0.113.7", "203.0.113.7"],
  ] as const)("with %s (hops %i)", (_, hops, header, expected) => {
    expect(clientAddress(PROXY, header as string | string[] | undefined, hops)).toBe(expected);
  });

  it("reads the socket's IPv4-mapped address as IPv4", () => {
    expect(clientAddress("::ffff:127.0.0.23", "1.2.3.4", 0)).toBe("127.0.0.23");
  });

  it("counts an IPv6 client by its /64, so one subscriber is one client", () => {
    const a = clientAddress("2001:db8:1:2:aaaa::1", undefined, 0);
    const b = clientAddress("2001:db8:1:2:ffff:ffff:ffff:ffff", undefined, 0);
    expect(a).toBe("2001:db8:1:2::/64");
    expect(b).toBe(a);
    expect(clientAddress("2001:db8:1:3::1", undefined, 0)).not.toBe(a);
  });

  it.each([
    ["::1", "0:0:0:0::/64"],
    ["2001:DB8::", "2001:db8:0:0::/64"],
    ["2001:0db8:0000:0042::1", "2001:db8:0:42::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
    ["nonsense", undefined],
    ["999.1.1.1", undefined],
  ])("normalises %s", (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});

describe("CAMSLIDE_TRUSTED_PROXY_HOPS", () => {
  it("trusts no proxy unless told", () => {
    expect(readTrustedProxyHops({})).toBe(0);
    expect(readTrustedProxyHops({ CAMSLIDE_TRUSTED_PROXY_HOPS: " " })).toBe(0);
    expect(readTrustedProxyHops({ CAMSLIDE_TRUSTED_PROXY_HOPS: "2" })).toBe(2);
  });

  it("stops Medusa's configuration at boot on a value it cannot use", () => {
    const env = {
      DATABASE_URL: "postgres://db/shop",
      JWT_SECRET: "a".repeat(64),
      COOKIE_SECRET: "b".repeat(64),
    };
    expect(readRuntimeConfig(env, "start").trustedProxyHops).toBe(0);
    expect(() =>
      readRuntimeConfig({ ...env, CAMSLIDE_TRUSTED_PROXY_HOPS: "one" }, "start"),
    ).toThrow(ConfigError);
  });

  it.each(["-1", "1.5", "true", "6"])("refuses %s with a message naming the variable", (value) => {
    expect(() => readTrustedProxyHops({ CAMSLIDE_TRUSTED_PROXY_HOPS: value })).toThrow(ConfigError);
    expect(() => readTrustedProxyHops({ CAMSLIDE_TRUSTED_PROXY_HOPS: value })).toThrow(
      /CAMSLIDE_TRUSTED_PROXY_HOPS/,
    );
  });
});
