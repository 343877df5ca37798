import { describe, expect, it } from "vitest";
import { trackingUrl } from "../../backend/src/lib/carriers.ts";

describe("a parcel's tracking link from the 3PL's carrier name", () => {
  it.each([
    ["Swiss Post", "99.00.111", "https://service.post.ch/ekp-web/ui/entry/search/99.00.111"],
    ["DHL", "JD0001", "https://www.dhl.com/global-en/home/tracking.html?tracking-id=JD0001"],
    [
      "DHL Paket",
      "123",
      "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=123",
    ],
    ["Colissimo", "6A123", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A123"],
    ["USPS", "9400 1", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%201"],
  ])("%s %s", (carrier, number, url) => {
    expect(trackingUrl(carrier, number)).toBe(url);
  });

  it("gives no link for an unknown carrier or an empty number, and escapes the number", () => {
    expect(trackingUrl("Pigeon Express", "1")).toBe("");
    expect(trackingUrl("DHL", "  ")).toBe("");
    expect(trackingUrl("DHL", "a&b=<c>")).toContain("a%26b%3D%3Cc%3E");
  });
});
