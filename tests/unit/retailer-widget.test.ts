import { describe, expect, it } from "vitest";
import {
  normaliseOrigin,
  signAttribution,
  verifyAttribution,
} from "../../backend/src/lib/attribution.ts";
import { framingHeaders } from "../../scripts/lib/framing.ts";
import { readOptions } from "../../src/embed/options.ts";
import { parseParentMessage } from "../../src/embed/protocol.ts";

const SECRET = "a-test-secret";
const RETAILER = "ret_01JABCDEFGHJKMNPQRSTVWXYZ0";

describe("widget attributes", () => {
  it("takes known values, case-insensitively, and warns about nothing", () => {
    const warnings: string[] = [];
    const attributes: Record<string, string> = {
      retailer: "Acme",
      fit: "Phone",
      colour: "sky-blue",
      locale: "fr",
      region: "eu",
      mode: "cart",
    };
    expect(
      readOptions(
        (n) => attributes[n] ?? null,
        (w) => warnings.push(w),
      ),
    ).toEqual({
      retailer: "acme",
      fit: "phone",
      colour: "sky-blue",
      locale: "fr",
      region: "eu",
      mode: "cart",
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ["fit", "toaster", "laptop"],
    ["colour", "plaid", "black"],
    ["locale", "xx", "en"],
    ["region", "mars", "ch"],
    ["mode", "steal", "checkout"],
  ])("falls back from %s=%s to %s with one warning", (name, given, fallback) => {
    const warnings: string[] = [];
    const options = readOptions(
      (n) => (n === name ? given : null),
      (w) => warnings.push(w),
    );
    expect(options[name as keyof typeof options]).toBe(fallback);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${name}="${given}"`);
  });

  it("uses defaults silently when attributes are absent", () => {
    const warnings: string[] = [];
    readOptions(
      () => null,
      (w) => warnings.push(w),
    );
    expect(warnings).toEqual([]);
  });
});

describe("the iframe's messages from its parent", () => {
  it.each([
    [
      { type: "camslide:set", colour: "coral" },
      { type: "camslide:set", colour: "coral" },
    ],
    [
      { type: "camslide:set", fit: "tablet" },
      { type: "camslide:set", fit: "tablet" },
    ],
    [{ type: "camslide:set", colour: "plaid" }, null],
    [{ type: "camslide:set", colour: "coral", price: 1 }, null],
    [{ type: "camslide:buy" }, null],
    ["camslide:set", null],
    [null, null],
    [["camslide:set"], null],
  ])("reads %j as %j", (data, expected) => {
    expect(parseParentMessage(data)).toEqual(expected);
  });
});

describe("attribution tokens", () => {
  const attribution = {
    retailerId: RETAILER,
    origin: "https://shop.acme.example",
    mode: "element",
    tokenId: "rtok_01JABCDEFGHJKMNPQRSTVWXYZ0",
  } as const;

  it("round-trips retailer, origin, mode and the token's id", () => {
    expect(verifyAttribution(signAttribution(attribution, SECRET), SECRET)).toEqual(attribution);
  });

  it("refuses another secret, an altered origin or token id, and an expired token", () => {
    const token = signAttribution(attribution, SECRET);
    expect(verifyAttribution(token, "another-secret")).toBeNull();
    const [id, origin, mode, expires, tokenId, sig] = token.split(".");
    const evil = Buffer.from("https://evil.example").toString("base64url");
    expect(verifyAttribution([id, evil, mode, expires, tokenId, sig].join("."), SECRET)).toBeNull();
    const another = "rtok_01JABCDEFGHJKMNPQRSTVWXYZ1";
    expect(
      verifyAttribution([id, origin, mode, expires, another, sig].join("."), SECRET),
    ).toBeNull();
    const old = signAttribution(attribution, SECRET, Date.now() - 3 * 60 * 60 * 1000);
    expect(verifyAttribution(old, SECRET)).toBeNull();
  });

  it.each([
    ["https://shop.example", "https://shop.example"],
    ["https://shop.example:443/", "https://shop.example"],
    ["http://localhost:4322", "http://localhost:4322"],
    ["javascript:alert(1)", null],
    ["https://user:pw@shop.example", null],
    ["not a url", null],
  ])("normalises the origin %s to %s", (given, expected) => {
    expect(normaliseOrigin(given)).toBe(expected);
  });
});

describe("framing headers", () => {
  const origins = async (retailer: string) =>
    retailer === "acme" ? ["https://shop.acme.example", "https://acme.example"] : [];

  it("lets only the retailer's origins frame the widget page", async () => {
    const headers = await framingHeaders(
      new URL("http://shop/embed/frame/?retailer=acme"),
      origins,
    );
    expect(headers).toEqual({
      "content-security-policy": "frame-ancestors https://shop.acme.example https://acme.example",
    });
  });

  it.each([
    "http://shop/",
    "http://shop/checkout/",
    "http://shop/embed/frame/?retailer=nobody",
    "http://shop/embed/frame/?retailer=ACME%20*",
    "http://shop/embed/frame/",
  ])("refuses framing of %s", async (url) => {
    expect(await framingHeaders(new URL(url), origins)).toEqual({
      "content-security-policy": "frame-ancestors 'none'",
      "x-frame-options": "DENY",
    });
  });

  it("serves the widget's scripts to every origin, and lets no one frame them", async () => {
    expect(await framingHeaders(new URL("http://shop/embed/camslide.js"), origins)).toEqual({
      "access-control-allow-origin": "*",
      "content-security-policy": "frame-ancestors 'none'",
      "x-frame-options": "DENY",
    });
  });

  it("refuses framing of a widget page that is not there", async () => {
    const url = new URL("http://shop/embed/frame/?retailer=acme");
    expect(await framingHeaders(url, origins, false)).toEqual({
      "content-security-policy": "frame-ancestors 'none'",
      "x-frame-options": "DENY",
    });
  });
});
