import { describe, expect, it } from "vitest";
import { fromForeignPage } from "../../backend/src/lib/cross-site.ts";

const host = "shop.example:9000";
const adminCors = "https://admin.example, http://localhost:7001/";

describe("fromForeignPage", () => {
  it.each([
    ["a program, which sends no Origin", undefined, [host], false],
    ["the admin served by the backend itself", "http://shop.example:9000", [host], false],
    [
      "the admin behind a proxy that sets X-Forwarded-Host",
      "https://shop.example",
      ["127.0.0.1:9000", "shop.example"],
      false,
    ],
    ["an admin origin listed in ADMIN_CORS", "https://admin.example", [host], false],
    ["a listed origin written with a trailing slash", "http://localhost:7001", [host], false],
    ["another site", "https://evil.example", [host], true],
    ["a sibling subdomain (same-site for SameSite=Lax)", "https://blog.shop.example", [host], true],
    ["the same host on another port", "http://shop.example:9001", [host], true],
    ["an opaque origin (sandboxed frame, data: URL)", "null", [host], true],
    ["an Origin that is not a URL", "not a url", [host], true],
  ])("%s: foreign = %s", (_name, origin, hosts, foreign) => {
    expect(fromForeignPage(origin, hosts, adminCors)).toBe(foreign);
  });
});
