/**
 * Runs after the root install: builds the product definition for the backend, then installs
 * the backend as an install of its own.
 *
 * Why backend/ is not an npm workspace: Medusa 2.21's admin needs React 18 and the storefront
 * React 19. In one workspace tree npm hoisted @medusajs/utils to the root but nested
 * @medusajs/medusa under backend/ (its react-dom peer conflicts with the root's), and
 * `medusa build` then failed ("Cannot find module '@medusajs/medusa/link-modules'", and the
 * admin's Tailwind content globs came out empty). A separate install gives the backend the
 * exact tree Medusa's own starter has.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const npm = process.env.npm_execpath;

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status})`);
  }
}

function runNpm(args: string[], cwd: string): void {
  // npm_execpath is npm's own CLI script: run it with this Node so the pinned Node is used.
  if (npm) run(process.execPath, [npm, ...args], cwd);
  else run("npm", args, cwd);
}

runNpm(["run", "build"], `${root}src/product`);
if (process.env.CAMSLIDE_SKIP_BACKEND_INSTALL !== "1") {
  // `npm ci` at the root means a reproducible install: do the same for the backend.
  const verb = process.env.npm_command === "ci" ? "ci" : "install";
  runNpm([verb, "--no-audit", "--no-fund"], `${root}backend`);
}
