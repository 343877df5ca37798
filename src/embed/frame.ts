/**
 * The script of the shop's /embed/frame/ page, for retailers whose sites allow no third-party
 * scripts: the same widget, its attributes from the query, its events relayed to the parent
 * by postMessage (see protocol.ts). The page is framable only by the retailer's registered
 * origins (the storefront server's CSP frame-ancestors).
 */
import "./camslide.ts";
import { type FrameToParent, parseParentMessage } from "./protocol.ts";

const BACKEND_URL = import.meta.env.PUBLIC_MEDUSA_BACKEND_URL ?? "http://localhost:9000";
const ATTRIBUTES = ["retailer", "fit", "colour", "locale", "region", "mode"] as const;

function claimedParentOrigin(): string | null {
  if (window.parent === window) return null;
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** The parent's origin when the retailer registered it; otherwise the frame talks to no one. */
async function verifiedParent(retailer: string): Promise<string | null> {
  const claimed = claimedParentOrigin();
  if (!claimed || !retailer) return null;
  const response = await fetch(`${BACKEND_URL}/embed/retailers/${encodeURIComponent(retailer)}`);
  if (!response.ok) return null;
  const { allowed_origins } = (await response.json()) as { allowed_origins: string[] };
  return allowed_origins.includes(claimed) ? claimed : null;
}

async function main() {
  const params = new URLSearchParams(location.search);
  const widget = document.createElement("camslide-configurator");
  for (const name of ATTRIBUTES) {
    const value = params.get(name);
    if (value !== null) widget.setAttribute(name, value);
  }
  const parent = await verifiedParent(params.get("retailer") ?? "").catch(() => null);
  if (parent) widget.setAttribute("frame-parent", parent);
  document.body.append(widget);
  if (!parent) return;

  const post = (message: FrameToParent) => window.parent.postMessage(message, parent);
  widget.addEventListener("camslide:ready", (e) =>
    post({ type: "camslide:ready", detail: e.detail }),
  );
  widget.addEventListener("camslide:change", (e) =>
    post({ type: "camslide:change", detail: e.detail }),
  );
  widget.addEventListener("camslide:add-to-cart", (e) =>
    post({ type: "camslide:add-to-cart", detail: e.detail }),
  );
  new ResizeObserver(() =>
    post({ type: "camslide:resize", height: Math.ceil(document.documentElement.scrollHeight) }),
  ).observe(document.body);
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.origin !== parent) return;
    const message = parseParentMessage(event.data);
    if (!message) return;
    if (message.fit) widget.setAttribute("fit", message.fit);
    if (message.colour) widget.setAttribute("colour", message.colour);
  });
}

void main();
