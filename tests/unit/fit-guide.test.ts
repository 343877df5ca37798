import { describe, expect, it } from "vitest";
import { devices, warningKeys } from "../../src/fit-guide/devices.ts";
import { findDevices, matchDevice, words } from "../../src/fit-guide/match.ts";
import { fitKeys, fits } from "../../src/product/index.ts";

function deviceId(query: string): string | undefined {
  const match = matchDevice(query);
  return match.kind === "device" ? match.device.id : undefined;
}

describe("the device catalogue", () => {
  it("holds tens of devices with unique ids, a known fit and an https source each", () => {
    expect(devices.length).toBeGreaterThanOrEqual(30);
    expect(new Set(devices.map((d) => d.id)).size).toBe(devices.length);
    expect(new Set(devices.map((d) => d.name)).size).toBe(devices.length);
    for (const device of devices) {
      expect(fitKeys).toContain(device.fit);
      expect(device.source).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      for (const warning of device.warnings) expect(warningKeys).toContain(warning);
    }
  });

  it("covers every fit with several devices", () => {
    for (const fit of fitKeys)
      expect(devices.filter((d) => d.fit === fit).length).toBeGreaterThanOrEqual(4);
  });

  it("warns about a closed lid on every Mac notebook, citing Apple's article", () => {
    const macs = devices.filter((d) => d.name.startsWith("MacBook"));
    expect(macs.length).toBeGreaterThanOrEqual(8);
    for (const mac of macs) {
      expect(mac.warnings).toContain("apple-lid");
      expect(mac.source).toContain("HT211148");
    }
    // The warning matters because the laptop rail is thicker than Apple's 0.1 mm.
    expect(fits.laptop.rail.thicknessMm).toBeGreaterThan(0.1);
  });

  it("gives the lid warning to no device that is not a Mac notebook", () => {
    for (const device of devices.filter((d) => !d.name.startsWith("MacBook")))
      expect(device.warnings).not.toContain("apple-lid");
  });

  it("warns about sensors beside the camera on Face ID iPhones and iPad Pro", () => {
    for (const id of ["iphone-15-pro", "iphone-16", "ipad-pro-m4"]) {
      const device = devices.find((d) => d.id === id);
      expect(device?.warnings).toContain("sensors");
    }
  });
});

describe("matching what the shopper typed", () => {
  it.each([
    ["macbook air 13-inch (m2, 2022)", "macbook-air-13-m2"],
    ["MACBOOK AIR M2", "macbook-air-13-m2"],
    ["  MacBook   Air  m2 ", "macbook-air-13-m2"],
    ["iphone 15 pro", "iphone-15-pro"],
    ["pixel 9 pro", "pixel-9-pro"],
    ["x1 carbon", "thinkpad-x1-carbon-gen-12"],
    ["XPS 13", "dell-xps-13-9340"],
    ["studio display", "apple-studio-display"],
    ["galaxy tab", "galaxy-tab-s9"],
    ["U3223QZ", "dell-u3223qz"],
  ])("finds %j as %s (case-, space- and punctuation-blind, partial names)", (query, id) => {
    expect(deviceId(query)).toBe(id);
  });

  it("prefers the exact name over longer names that start the same", () => {
    // "iPhone 15" is also the start of "iPhone 15 Pro".
    expect(findDevices("iphone 15").length).toBe(2);
    expect(deviceId("iPhone 15")).toBe("iphone-15");
  });

  it("lists the candidates when a partial name fits several devices", () => {
    const match = matchDevice("macbook pro");
    expect(match.kind).toBe("several");
    if (match.kind !== "several") return;
    expect(match.devices.length).toBeGreaterThanOrEqual(4);
    for (const device of match.devices) expect(device.name).toMatch(/^MacBook Pro/);
  });

  it("says nothing for an empty or punctuation-only entry", () => {
    expect(matchDevice("").kind).toBe("empty");
    expect(matchDevice("  -- ").kind).toBe("empty");
  });

  it.each([
    ["Acme Laptop 3000", "laptop"],
    ["Fairphone 5 phone", "phone"],
    ["Galaxy Tab S10", "tablet"],
    ["Ordinateur portable Acme", "laptop"],
    ["Bildschirm Acme 27", "monitor"],
    ["Nokia 3310 Handy", "phone"],
  ])("falls back to a guessed fit for the unknown %j", (query, fit) => {
    expect(matchDevice(query)).toEqual({ kind: "unknown", guess: fit });
  });

  it("falls back with no guess when nothing says what kind of device it is", () => {
    expect(matchDevice("zorblax 9")).toEqual({ kind: "unknown", guess: undefined });
  });

  it("splits names into lowercase words of letters and digits", () => {
    expect(words("MacBook Air 13-inch (M2, 2022)")).toEqual([
      "macbook",
      "air",
      "13",
      "inch",
      "m2",
      "2022",
    ]);
  });
});
