import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sku } from "../../src/product/index.ts";
import { chromiumLaunchOptions } from "../support/chromium.ts";
import { adminApi, type Shop, startShop } from "../support/shop.ts";

let shop: Shop;
let browser: Browser;
let admin: Awaited<ReturnType<typeof adminApi>>;
/** The same demo page on an origin the retailer did not register. */
let unregisteredSite = "";

beforeAll(async () => {
  shop = await startShop();
  unregisteredSite = shop.retailerSite.replace("localhost", "127.0.0.1");
  browser = await chromium.launch(chromiumLaunchOptions());
  admin = await adminApi(shop.backend);
});

afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

interface LogEntry {
  source: string;
  type: string;
  detail: Record<string, unknown>;
}

interface Visitor {
  context: BrowserContext;
  page: Page;
  errors: string[];
  warnings: string[];
}

async function visit(url: string): Promise<Visitor> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors, warnings };
}

/** The widget's 3D start and Medusa's answers are slow under software GL on a shared machine. */
function slowPoll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 60_000 });
}

function log(page: Page): Promise<LogEntry[]> {
  return page.evaluate(() => (window as unknown as { camslideLog: LogEntry[] }).camslideLog);
}

async function waitForLog(page: Page, match: (e: LogEntry) => boolean): Promise<LogEntry> {
  let found: LogEntry | undefined;
  await slowPoll(async () => {
    found = (await log(page)).find(match);
    return Boolean(found);
  }).toBe(true);
  return found as LogEntry;
}

/** Buy: the widget opens the shop's hand-off page in a tab of its own. */
async function buy(v: Visitor, scope: ReturnType<Page["getByTestId"]>) {
  const [handoff] = await Promise.all([
    v.context.waitForEvent("page"),
    scope.getByTestId("widget-buy").click(),
  ]);
  return handoff;
}

/** The shopper completes Camslide's checkout (the hand-off opened it) in France. */
async function checkout(page: Page, email: string) {
  await page.waitForURL(/\/checkout\/$/, { timeout: 60_000 });
  await page.getByTestId("email").fill(email);
  await page.getByTestId("contact-continue").click();
  const address = {
    first_name: "Jeanne",
    last_name: "Dupont",
    address_1: "12 rue de Rivoli",
    postal_code: "75001",
    city: "Paris",
  };
  for (const [field, value] of Object.entries(address)) {
    await page.getByTestId(`address-${field}`).fill(value);
  }
  await page.getByTestId("address-country_code").selectOption("fr");
  await page.getByTestId("address-continue").click();
  await page.getByTestId("shipping-standard").check();
  await page.getByTestId("delivery-continue").click();
  await page.getByTestId("place-order").click();
  await page.getByTestId("confirmation").waitFor({ timeout: 60_000 });
  const token = new URL(page.url()).searchParams.get("token") ?? "";
  return token.split(".")[0] ?? "";
}

interface Retailers {
  retailers: { handle: string; orders: { order_id: string; origin: string }[] }[];
}

async function creditedOrders(): Promise<{ order_id: string; origin: string }[]> {
  const { retailers } = await admin<Retailers>("/admin/retailers");
  return retailers.find((r) => r.handle === "acme")?.orders ?? [];
}

describe("the retailer widget on a retailer's site", () => {
  it("loads, fires camslide:change on a colour change, and buying makes an order credited to the retailer", async () => {
    const v = await visit(shop.retailerSite);
    const widget = v.page.getByTestId("widget-a");
    await waitForLog(v.page, (e) => e.source === "widget-a" && e.type === "camslide:ready");
    await slowPoll(() => widget.getByTestId("widget-price").textContent()).toContain("14.90");

    await widget.getByTestId("widget-colour-coral").check();
    const change = await waitForLog(
      v.page,
      (e) => e.type === "camslide:change" && e.detail.colour === "coral" && e.detail.price !== null,
    );
    expect(change.detail).toEqual({
      fit: "laptop",
      colour: "coral",
      variant: sku("laptop", "coral"),
      price: { amount: 14.9, currency: "eur" },
    });
    // Attributes are live: the page changes the fit, the widget follows.
    await v.page.evaluate(() =>
      document.getElementById("widget-a")?.setAttribute("fit", "monitor"),
    );
    await waitForLog(v.page, (e) => e.type === "camslide:change" && e.detail.fit === "monitor");
    expect(await v.page.locator("#widget-a").getAttribute("colour")).toBe("coral");

    const handoff = await buy(v, widget);
    expect(new URL(handoff.url()).searchParams.get("token")).toBeTruthy();
    const added = await waitForLog(v.page, (e) => e.type === "camslide:add-to-cart");
    expect(added.detail).toMatchObject({ variant: sku("monitor", "coral"), credited: true });
    const orderId = await checkout(handoff, "widget.buyer@example.fr");
    const { order } = await admin<{ order: { items: { variant_sku: string }[] } }>(
      `/admin/orders/${orderId}?fields=*items`,
    );
    expect(order.items.map((i) => i.variant_sku)).toEqual([sku("monitor", "coral")]);
    expect(await creditedOrders()).toContainEqual(
      expect.objectContaining({ order_id: orderId, origin: shop.retailerSite }),
    );
    expect(v.errors).toEqual([]);
    expect(v.warnings.filter((w) => w.startsWith("Camslide:"))).toEqual([]);
  });

  it("works in an iframe through postMessage and credits the retailer too", async () => {
    const v = await visit(shop.retailerSite);
    // The frame's widget starts when it is on screen, as for a shopper who scrolls to it
    // (Chromium also throttles an off-screen cross-origin frame).
    await v.page.locator("#frame").scrollIntoViewIfNeeded();
    await waitForLog(v.page, (e) => e.source === "frame" && e.type === "camslide:change");
    await v.page.evaluate(() =>
      (window as unknown as { setFrameColour: (c: string) => void }).setFrameColour("white"),
    );
    await waitForLog(
      v.page,
      (e) => e.source === "frame" && e.type === "camslide:change" && e.detail.colour === "white",
    );
    const frame = v.page.frameLocator("#frame");
    await slowPoll(() => frame.getByTestId("widget-price").textContent()).toContain("€");
    const [handoff] = await Promise.all([
      v.context.waitForEvent("page"),
      frame.getByTestId("widget-buy").click(),
    ]);
    const added = await waitForLog(
      v.page,
      (e) => e.source === "frame" && e.type === "camslide:add-to-cart",
    );
    expect(added.detail).toMatchObject({ variant: sku("tablet", "white"), credited: true });
    // Cart mode: the shopper lands in their Camslide cart, then checks out.
    await handoff.waitForURL(/\/cart\/$/, { timeout: 60_000 });
    await handoff.goto(`${shop.storefront}/checkout/`);
    const orderId = await checkout(handoff, "frame.buyer@example.fr");
    expect(await creditedOrders()).toContainEqual(
      expect.objectContaining({ order_id: orderId, origin: shop.retailerSite }),
    );
    expect(v.errors).toEqual([]);
  });

  it("credits no one from an unregistered origin, says so in the console, and still sells", async () => {
    const v = await visit(unregisteredSite);
    const widget = v.page.getByTestId("widget-a");
    await slowPoll(() => widget.getByTestId("widget-price").textContent()).toContain("14.90");
    await slowPoll(() => v.warnings.some((w) => w.includes("credited to no retailer"))).toBe(true);
    const handoff = await buy(v, widget);
    expect(new URL(handoff.url()).searchParams.has("token")).toBe(false);
    const added = await waitForLog(v.page, (e) => e.type === "camslide:add-to-cart");
    expect(added.detail.credited).toBe(false);
    const orderId = await checkout(handoff, "no.credit@example.fr");
    expect((await creditedOrders()).map((o) => o.order_id)).not.toContain(orderId);
    expect(v.errors).toEqual([]);
  });

  it("refuses to be framed by an unlisted origin, and no other page can be framed at all", async () => {
    const v = await visit(unregisteredSite);
    const frame = await (await v.page.$("#frame"))?.contentFrame();
    await slowPoll(() => frame?.url()).toMatch(/^chrome-error:/);
    expect((await log(v.page)).filter((e) => e.source === "frame")).toEqual([]);

    const framePage = await fetch(`${shop.storefront}/embed/frame/?retailer=acme`);
    expect(framePage.headers.get("content-security-policy")).toBe(
      `frame-ancestors ${shop.retailerSite}`,
    );
    for (const path of ["/", "/checkout/", "/embed/frame/?retailer=nobody"]) {
      const response = await fetch(`${shop.storefront}${path}`);
      expect(response.headers.get("content-security-policy"), path).toBe("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("falls back to defaults with a warning for bad attribute values, never a broken page", async () => {
    const v = await visit(shop.retailerSite);
    await v.page.evaluate(() => {
      const el = document.createElement("camslide-configurator");
      el.id = "bad";
      for (const [k, value] of Object.entries({
        retailer: "acme",
        fit: "toaster",
        colour: "plaid",
        locale: "xx",
        region: "mars",
        mode: "steal",
      })) {
        el.setAttribute(k, value);
      }
      document.body.prepend(el);
    });
    const bad = v.page.locator("#bad");
    await slowPoll(() => bad.locator(".widget").getAttribute("data-fit")).toBe("laptop");
    expect(await bad.locator(".widget").getAttribute("data-colour")).toBe("black");
    await slowPoll(() => bad.getByTestId("widget-price").textContent()).toContain("CHF");
    for (const name of ["fit", "colour", "locale", "region", "mode"]) {
      expect(v.warnings.some((w) => w.startsWith(`Camslide: ${name}=`))).toBe(true);
    }
    expect(v.errors).toEqual([]);
  });

  it("keeps the host page's CSS out of the widget, and takes the theme it is given", async () => {
    const v = await visit(shop.retailerSite);
    const widget = v.page.getByTestId("widget-a");
    await widget.getByTestId("widget-buy").waitFor();
    const style = (testId: string) =>
      widget.getByTestId(testId).evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          background: s.backgroundColor,
          color: s.color,
          fontSize: s.fontSize,
          letterSpacing: s.letterSpacing,
        };
      });
    const button = await style("widget-buy");
    // The host's `button { background: red !important; font-size: 30px !important }` stays out;
    // the retailer's --camslide-accent comes in.
    expect(button.background).toBe("rgb(11, 79, 138)");
    expect(button.fontSize).not.toBe("30px");
    const price = await style("widget-price");
    expect(price.color).not.toBe("rgb(122, 0, 122)");
    expect(price.letterSpacing).toBe("normal");
    // The host's own button keeps the host's style: nothing leaks out either.
    const hostButton = await v.page
      .locator("#make-coral")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(hostButton).toBe("rgb(255, 0, 0)");
  });

  it("documents the widget on the shop's retailers page, whose playground writes the snippet", async () => {
    const v = await visit(`${shop.storefront}/fr/revendeurs/`);
    expect(await v.page.getByTestId("snippet-element").textContent()).toContain(
      `<script type="module" src="${shop.storefront}/embed/camslide.js"></script>`,
    );
    const snippet = v.page.getByTestId("playground-snippet");
    // The playground hydrates when it scrolls into view: drive it only once it has.
    await v.page.getByTestId("playground").scrollIntoViewIfNeeded();
    await v.page.locator('[data-testid="playground"][data-ready="true"]').waitFor();
    await v.page.getByTestId("playground-fit").selectOption("phone");
    await v.page.getByTestId("playground-retailer").fill("my-shop");
    await slowPoll(() => snippet.textContent()).toContain('retailer="my-shop" fit="phone"');
    await v.page.getByTestId("playground-kind-frame").check();
    await slowPoll(() => snippet.textContent()).toContain(
      `${shop.storefront}/embed/frame/?retailer=my-shop&amp;fit=phone`,
    );
    expect(v.errors).toEqual([]);
  });
});

describe("a hand-off link past one checkout's limits", () => {
  it("is refused up front in the shopper's language, and the shopper's basket stays as it was", async () => {
    const v = await visit(`${shop.storefront}/`);
    const handoff = (query: string) =>
      `${shop.storefront}/embed/handoff/?region=eu&sku=${sku("laptop", "coral")}&${query}`;
    const basket = () =>
      v.page.evaluate(() => {
        const stored = JSON.parse(window.localStorage.getItem("camslide.basket") ?? "null") as {
          lines: { sku: string; quantity: number }[];
        } | null;
        return stored?.lines.map((l) => [l.sku, l.quantity]) ?? [];
      });
    await v.page.goto(handoff("quantity=2&mode=cart"));
    await v.page.waitForURL(/\/cart\/$/, { timeout: 60_000 });
    expect(await basket()).toEqual([[sku("laptop", "coral"), 2]]);

    await v.page.goto(handoff("quantity=500&mode=checkout&locale=fr"));
    await expect
      .poll(() => v.page.getByTestId("handoff-status").textContent())
      .toBe("Au plus 50 caches identiques par commande.");
    expect(await v.page.getByTestId("handoff-back").getAttribute("href")).toBe("/fr/");
    expect(await basket()).toEqual([[sku("laptop", "coral"), 2]]);

    // With the 2 already in the basket, 49 more would be 51 of one cover.
    await v.page.goto(handoff("quantity=49&mode=cart&locale=de"));
    await expect
      .poll(() => v.page.getByTestId("handoff-status").textContent())
      .toBe("Höchstens 50 gleiche Abdeckungen pro Bestellung.");
    expect(await basket()).toEqual([[sku("laptop", "coral"), 2]]);
    expect(v.errors).toEqual([]);
    await v.context.close();
  });
});
