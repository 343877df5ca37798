import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

/** A systemd unit file's sections and their settings (a setting may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section?.[1]) {
      current = new Map();
      sections.set(section[1], current);
      continue;
    }
    const setting = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!setting?.[1] || setting[2] === undefined || !current) {
      throw new Error(`not a unit file line: ${raw}`);
    }
    current.set(setting[1], [...(current.get(setting[1]) ?? []), setting[2]]);
  }
  return sections;
}

describe("deploy/camslide.service", async () => {
  const unit = parseUnit(await readFile(join(root, "deploy", "camslide.service"), "utf8"));
  const service = unit.get("Service");
  const one = (key: string) => {
    const values = service?.get(key) ?? [];
    expect(values, key).toHaveLength(1);
    return values[0] ?? "";
  };

  it("has the sections systemd needs to run and enable it", () => {
    expect([...unit.keys()]).toEqual(["Unit", "Service", "Install"]);
    expect(unit.get("Install")?.get("WantedBy")).toEqual(["multi-user.target"]);
  });

  it("starts the shop with an npm script that package.json defines, from an absolute npm", async () => {
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const [npm, command, ...rest] = one("ExecStart").split(/\s+/);
    expect(npm).toMatch(/^\/.+\/npm$/);
    const script = command === "run" ? rest[0] : command;
    expect(Object.keys(pkg.scripts)).toContain(script);
    expect(pkg.scripts[script ?? ""]).toBe("node scripts/start.ts");
  });

  it("restarts the shop when it fails, after a pause, and gives up on a start loop", () => {
    expect(one("Restart")).toBe("on-failure");
    expect(one("RestartSec")).toMatch(/^\d+s?$/);
    expect(Number(unit.get("Unit")?.get("StartLimitBurst")?.[0])).toBeGreaterThan(1);
  });

  it("lets npm start stop Medusa before the database, and kills what is left", () => {
    expect(one("KillMode")).toBe("mixed");
    expect(one("KillSignal")).toBe("SIGTERM");
    expect(one("TimeoutStopSec")).toMatch(/^\d+s?$/);
  });

  it("runs as its own user in its own folder, not as root", () => {
    expect(one("User")).not.toBe("root");
    expect(one("WorkingDirectory")).toMatch(/^\//);
  });
});
