import type { LaunchOptions } from "playwright-core";

/**
 * Debian's Chromium (test tools cannot download browsers here), with the flags that keep it
 * quiet on a closed network; WebGL runs through SwiftShader.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
  };
}
