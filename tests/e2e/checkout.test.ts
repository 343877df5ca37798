import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN } from "../../scripts/lib/demo.ts";
import { intlLocale, type Locale, routes } from "../../src/i18n/index.ts";
import { formatMoney } from "../../src/lib/format.ts";
import { formatShipDate } from "../../src/lib/promise.ts";
import {
  basePriceMinor,
  plannedShipsBy,
  type RegionKey,
  regions,
  sku,
} from "../../src/product/index.ts";
import { chromiumLaunchOptions } from "../support/chromium.ts";
import { adminApi, type Shop, startShop } from "../support/shop.ts";

let shop: Shop;
let browser: Browser;
let admin: Awaited<ReturnType<typeof adminApi>>;

beforeAll(async () => {
  shop = await startShop();
  browser = await chromium.launch(chromiumLaunchOptions());
  admin = await adminApi(shop.backend);
});

afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

/** The confirmation's address carries the order's signed link, which begins with its id. */
function orderIdOnPage(page: Page): string {
  const token = new URL(page.url()).searchParams.get("token") ?? "";
  return token.split(".")[0] ?? "";
}

/** The demo admin's bearer token, for the CSV routes that adminApi (JSON) does not speak. */
async function adminToken(): Promise<string> {
  const login = await fetch(`${shop.backend}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO_ADMIN),
  });
  return ((await login.json()) as { token: string }).token;
}

async function orderCount(): Promise<number> {
  const { count } = await admin<{ count: number }>("/admin/orders?fields=id&limit=1");
  return count;
}

interface Shopper {
  page: Page;
  errors: string[];
  /** Every call the page made to the shop's API, as "METHOD /path". */
  calls: string[];
}

async function shopper(region: RegionKey): Promise<Shopper> {
  const context = await browser.newContext();
  await context.addInitScript((key) => localStorage.setItem("camslide.region", key), region);
  const page = await context.newPage();
  const errors: string[] = [];
  const calls: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === shop.backend) calls.push(`${request.method()} ${url.pathname}`);
  });
  return { page, errors, calls };
}

/** Home page: choose a variant and quantity, add it to the cart. */
async function addToCart({ page }: Shopper, query: string, quantity: number) {
  await page.goto(`${shop.storefront}/${query}`);
  await page.getByTestId("price").waitFor();
  await page.getByTestId("quantity").fill(String(quantity));
  await page.getByTestId("add-to-cart").click();
  await page.getByTestId("add-status").getByRole("link").waitFor();
}

async function fillAddress(page: Page, address: Record<string, string>) {
  for (const [field, value] of Object.entries(address)) {
    const input = page.getByTestId(`address-${field}`);
    if (field === "country_code") await input.selectOption(value);
    else await input.fill(value);
  }
}

const swiss = {
  first_name: "Anna",
  last_name: "Muster",
  address_1: "Bahnhofstrasse 1",
  postal_code: "8001",
  city: "Zürich",
  country_code: "ch",
};

/** Contact, address, delivery (standard), through to the review step. */
async function checkoutToReview(
  page: Page,
  locale: Locale,
  email: string,
  address: Record<string, string>,
) {
  await page.goto(`${shop.storefront}${routes.checkout[locale]}`);
  await page.getByTestId("email").fill(email);
  await page.getByTestId("contact-continue").click();
  await fillAddress(page, address);
  await page.getByTestId("address-continue").click();
  await page.getByTestId("shipping-standard").check();
  await page.getByTestId("delivery-continue").click();
  await page.getByTestId("place-order").waitFor();
}

describe("a shopper's checkout in Chromium", () => {
  it("Switzerland: 2 Laptop/Coral covers, standard shipping, one CHF order with the page's totals", async () => {
    const s = await shopper("ch");
    const before = await orderCount();
    await addToCart(s, "?fit=laptop&colour=coral", 2);
    await checkoutToReview(s.page, "en", "anna@example.ch", swiss);
    const shownTotal = await s.page.getByTestId("total").textContent();
    const shownTax = await s.page.getByTestId("total-tax").textContent();
    const promised = `${formatShipDate(plannedShipsBy(1), intlLocale("en", "ch"))} (production batch 1)`;
    await expect.poll(() => s.page.getByTestId("ship-promise").textContent()).toContain(promised);
    const calls: string[] = [];
    s.page.on("request", (request) => {
      if (request.method() === "POST") calls.push(new URL(request.url()).pathname);
    });
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    // No card is taken in the demo, so the cart went through the launch queue, not completion.
    expect(calls.filter((p) => p.startsWith("/store/"))).toEqual(["/store/checkout-intakes"]);
    await expect
      .poll(() => s.page.getByTestId("order-promise").textContent())
      .toContain(formatShipDate(plannedShipsBy(1), intlLocale("en", "ch")));

    const id = orderIdOnPage(s.page);
    const { order } = await admin<{
      order: {
        currency_code: string;
        total: number;
        tax_total: number;
        email: string;
        items: { variant_sku: string; quantity: number }[];
      };
    }>(`/admin/orders/${id}?fields=currency_code,total,tax_total,email,*items`);
    const chf = (amount: number) => formatMoney(amount, "chf", intlLocale("en", "ch"));
    expect(order.currency_code).toBe("chf");
    expect(chf(order.total)).toBe(shownTotal);
    expect(chf(order.tax_total)).toBe(shownTax);
    expect(order.email).toBe("anna@example.ch");
    expect(order.items.map((i) => [i.variant_sku, i.quantity])).toEqual([
      [sku("laptop", "coral"), 2],
    ]);
    expect(await orderCount()).toBe(before + 1);
    expect(await s.page.getByTestId("cart-count").textContent()).toBe("0");
    // The basket stayed in the browser: no Medusa cart was made for this shopper.
    expect(s.calls.filter((c) => c.includes("/store/carts"))).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it("the cart page prices the basket from the shop, and changes and removes its lines", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=laptop&colour=white", 2);
    await addToCart(s, "?fit=phone&colour=coral", 1);
    await s.page.goto(`${shop.storefront}${routes.cart.en}`);
    const chf = (minorUnits: number) =>
      formatMoney(minorUnits / 100, "chf", intlLocale("en", "ch"));
    const subtotals = s.page.getByTestId("line-subtotal");
    await expect
      .poll(() => subtotals.allTextContents())
      .toEqual([chf(2 * basePriceMinor.laptop.chf), chf(basePriceMinor.phone.chf)]);
    expect(await s.page.getByTestId("total-items").textContent()).toBe(
      chf(2 * basePriceMinor.laptop.chf + basePriceMinor.phone.chf),
    );
    expect(await s.page.getByTestId("cart-count").textContent()).toBe("3");
    await s.page.getByTestId("line-quantity").first().fill("4");
    await s.page.getByTestId("line-quantity").first().blur();
    await expect
      .poll(() => subtotals.first().textContent())
      .toBe(chf(4 * basePriceMinor.laptop.chf));
    await s.page.getByRole("button", { name: "Remove" }).last().click();
    await expect.poll(() => s.page.getByTestId("cart-line").count()).toBe(1);
    // The basket survives a reload, and the shop never held it as a cart.
    await s.page.reload();
    await expect.poll(() => s.page.getByTestId("cart-count").textContent()).toBe("4");
    await expect
      .poll(() => s.page.getByTestId("total-items").textContent())
      .toBe(chf(4 * basePriceMinor.laptop.chf));
    expect(s.calls.filter((c) => c.includes("/store/carts"))).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it("prices a basket kept from before the shop was set up again, with its region's new id", async () => {
    const s = await shopper("ch");
    const { products } = (await (
      await fetch(
        `${shop.backend}/store/products?handle=camslide&fields=variants.id,variants.sku`,
        {
          headers: { "x-publishable-api-key": shop.publishableKey },
        },
      )
    ).json()) as { products: { variants: { id: string; sku: string }[] }[] };
    const tabletSku = sku("tablet", "white");
    const variant = products[0]?.variants.find((v) => v.sku === tabletSku);
    if (!variant) throw new Error(`no ${tabletSku} variant`);
    const stale = {
      region: "ch",
      region_id: "reg_01OLDDATABASE000000000000",
      lines: [{ variant_id: variant.id, sku: tabletSku, quantity: 1 }],
    };
    await s.page.goto(`${shop.storefront}/`);
    await s.page.evaluate((b) => localStorage.setItem("camslide.basket", JSON.stringify(b)), stale);
    await s.page.goto(`${shop.storefront}${routes.cart.en}`);
    const chf = (minorUnits: number) =>
      formatMoney(minorUnits / 100, "chf", intlLocale("en", "ch"));
    await expect
      .poll(() => s.page.getByTestId("total-items").textContent())
      .toBe(chf(basePriceMinor.tablet.chf));
    const kept = await s.page.evaluate(() => localStorage.getItem("camslide.basket") ?? "");
    expect(JSON.parse(kept).region_id).toMatch(/^reg_(?!01OLDDATABASE)/);
    expect(s.errors).toEqual([]);
  });

  it("gives the basket back when the shop reports its checkout could not become an order", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=monitor&colour=black", 2);
    await checkoutToReview(s.page, "en", "given-back@example.ch", swiss);
    // The shop accepts the checkout; later its order cannot be made (the confirmation page is
    // told so, as it would be after the converter gave up on it).
    await s.page.route("**/store/checkout-intakes/cint_*", async (route) => {
      const reply = await route.fetch();
      const body = (await reply.json()) as { intake: Record<string, unknown> };
      await route.fulfill({
        response: reply,
        json: { intake: { ...body.intake, status: "failed", order_id: null, order_token: null } },
      });
    });
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("intake-failed").waitFor({ timeout: 30_000 });
    await expect.poll(() => s.page.getByTestId("cart-count").textContent()).toBe("2");
    await s.page.getByTestId("intake-failed").getByRole("link").click();
    await expect.poll(() => s.page.getByTestId("cart-line").count()).toBe(1);
    expect(s.errors).toEqual([]);
  });

  it("France, in French, in euros with a promotion code", async () => {
    const s = await shopper("eu");
    await addToCart(s, "?fit=phone&colour=sky-blue", 1);
    await s.page.goto(`${shop.storefront}${routes.cart.fr}`);
    await s.page.getByTestId("promo-code").fill("welcome10");
    await s.page.getByTestId("apply-promo").click();
    await s.page.getByTestId("total-discount").waitFor();
    await checkoutToReview(s.page, "fr", "jeanne@example.fr", {
      first_name: "Jeanne",
      last_name: "Dupont",
      address_1: "12 rue de Rivoli",
      postal_code: "75001",
      city: "Paris",
      country_code: "fr",
    });
    expect(await s.page.getByRole("heading", { level: 2 }).last().textContent()).toBe(
      "4. Vérifier et commander",
    );
    const shownTotal = await s.page.getByTestId("total").textContent();
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    const id = orderIdOnPage(s.page);
    const { order } = await admin<{
      order: { currency_code: string; total: number; discount_total: number };
    }>(`/admin/orders/${id}?fields=currency_code,total,discount_total`);
    expect(order.currency_code).toBe(regions.eu.currency);
    expect(order.discount_total).toBeGreaterThan(0);
    expect(formatMoney(order.total, "eur", intlLocale("fr", "eu"))).toBe(shownTotal);
    expect(s.errors).toEqual([]);
  });

  it("lets the buyer cancel from the order page, once, and the shop records it", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=phone&colour=coral", 1);
    await checkoutToReview(s.page, "en", "changed.mind@example.ch", swiss);
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    const id = orderIdOnPage(s.page);
    await s.page.getByTestId("status-link").click();
    await s.page.getByTestId("order-status").waitFor();
    expect(await s.page.getByTestId("order-status").getAttribute("data-state")).toBe("placed");
    await s.page.getByTestId("cancel-order").click();
    await s.page.getByTestId("status-canceled").waitFor({ timeout: 30_000 });
    expect(await s.page.getByTestId("cancel-order").count()).toBe(0);
    const { order } = await admin<{ order: { status: string } }>(
      `/admin/orders/${id}?fields=status`,
    );
    expect(order.status).toBe("canceled");
    // The page reached with the bare order id instead of the link shows nothing.
    await s.page.goto(`${shop.storefront}${routes.status.en}?token=${id}`);
    await s.page.getByTestId("status-error").waitFor();
    expect(await s.page.content()).not.toContain("changed.mind@example.ch");
    expect(s.errors).toEqual([]);
  });

  it("once shipped, the buyer asks for a return from the order page, in French, and Medusa records one", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=laptop&colour=white", 2);
    await checkoutToReview(s.page, "fr", "retour@example.ch", swiss);
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    const id = orderIdOnPage(s.page);
    await s.page.getByTestId("status-link").click();
    await s.page.getByTestId("order-status").waitFor();
    const { order } = await admin<{ order: { display_id: number } }>(
      `/admin/orders/${id}?fields=display_id`,
    );
    // The 3PL gets the order, then reports it shipped (as the ops CLI or admin page would).
    const token = await adminToken();
    const exported = await fetch(`${shop.backend}/admin/ops/exports`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(exported.status).toBe(200);
    await exported.text();
    await s.page.reload();
    await s.page.getByTestId("order-status").waitFor();
    expect(await s.page.getByTestId("cancel-order").count()).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const imported = await fetch(`${shop.backend}/admin/ops/tracking`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: `order_number,carrier,tracking_number,shipped_date\n${order.display_id},Swiss Post,99.00.777,${today}\n`,
    });
    expect(imported.status).toBe(200);
    await s.page.reload();
    await s.page.getByTestId("request-return").waitFor();
    expect(await s.page.getByTestId("order-status").getAttribute("data-state")).toBe("shipped");
    const tracking = s.page.getByRole("link", { name: /99\.00\.777/ });
    expect(await tracking.getAttribute("href")).toContain("service.post.ch");
    await s.page.getByTestId("return-note").fill("Mauvaise taille");
    await s.page.getByTestId("request-return").click();
    await s.page.getByTestId("return-requested").waitFor({ timeout: 30_000 });
    expect(await s.page.getByTestId("return-requested").textContent()).toContain("Retour demandé");
    expect(await s.page.getByTestId("request-return").count()).toBe(0);
    const { order: after } = await admin<{ order: { returns: { status: string }[] } }>(
      `/admin/orders/${id}?fields=id,*returns`,
    );
    expect(after.returns.map((r) => r.status)).toEqual(["requested"]);
    expect(s.errors).toEqual([]);
  });

  it("shows each batch's date and fill on the public progress page, in German", async () => {
    const s = await shopper("ch");
    await s.page.goto(`${shop.storefront}${routes.progress.de}`);
    await s.page.getByTestId("progress-batch").first().waitFor();
    const first = await s.page.getByTestId("progress-batch").first().textContent();
    expect(first).toContain("Los 1");
    expect(first).toMatch(/von 5.000 Abdeckungen bestellt|von 5’000 Abdeckungen bestellt/);
    expect(await s.page.getByTestId("progress-batch").count()).toBeGreaterThanOrEqual(3);
    expect(s.errors).toEqual([]);
  });

  it("makes one order when Place order is double-clicked", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=tablet&colour=black", 1);
    await checkoutToReview(s.page, "en", "double@example.ch", swiss);
    const before = await orderCount();
    await s.page.getByTestId("place-order").dblclick();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    expect(await orderCount()).toBe(before + 1);
  });

  it("keeps the cart when Place order's answer is lost, and a retry makes one order", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=laptop&colour=white", 1);
    await checkoutToReview(s.page, "en", "retry@example.ch", swiss);
    const before = await orderCount();
    // The shop takes the checkout, but its answer never reaches the browser.
    await s.page.route("**/store/checkout-intakes", async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("checkout-error").waitFor();
    expect(await s.page.getByTestId("checkout-error").textContent()).toMatch(/try again/);
    expect(await s.page.getByTestId("cart-count").textContent()).toBe("1");
    await s.page.unroute("**/store/checkout-intakes");
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    expect(await orderCount()).toBe(before + 1);
  });

  it("when Place order's answer is lost and the address is then edited, shows the order placed with the old address and makes no second", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=phone&colour=black", 1);
    await checkoutToReview(s.page, "en", "lost-then-edited@example.ch", swiss);
    const before = await orderCount();
    // The shop takes the checkout, but its answer never reaches the browser.
    await s.page.route("**/store/checkout-intakes", async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("checkout-error").waitFor();
    await s.page.unroute("**/store/checkout-intakes");
    const answers: number[] = [];
    s.page.on("response", (response) => {
      const url = new URL(response.url());
      if (response.request().method() === "POST" && url.pathname === "/store/checkout-intakes") {
        answers.push(response.status());
      }
    });
    // The shopper moves house in the form, and places the order again.
    await s.page.getByTestId("edit-address").click();
    await s.page.getByTestId("address-address_1").fill("Seestrasse 9");
    await s.page.getByTestId("address-continue").click();
    await s.page.getByTestId("delivery-continue").click();
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("earlier-order").waitFor({ timeout: 30_000 });
    const told = await s.page.getByTestId("earlier-order").textContent();
    expect(told).toContain("already been placed");
    expect(told).toContain("Bahnhofstrasse 1, 8001 Zürich");
    expect(told).not.toContain("Seestrasse");
    // The shop was asked once about the earlier attempt, and took nothing new.
    expect(answers).toEqual([409]);
    expect(await s.page.getByTestId("cart-count").textContent()).toBe("0");
    await s.page.getByTestId("earlier-link").click();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    const { order } = await admin<{ order: { shipping_address: { address_1: string } } }>(
      `/admin/orders/${orderIdOnPage(s.page)}?fields=*shipping_address`,
    );
    expect(order.shipping_address.address_1).toBe("Bahnhofstrasse 1");
    expect(await orderCount()).toBe(before + 1);
    expect(answers).toEqual([409]);
    expect(s.errors).toEqual([]);
  });

  it("finds a Place order whose answer was lost again after a reload, and makes one order", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=monitor&colour=coral", 1);
    await checkoutToReview(s.page, "en", "lost-then-reloaded@example.ch", swiss);
    const before = await orderCount();
    await s.page.route("**/store/checkout-intakes", async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("checkout-error").waitFor();
    await s.page.unroute("**/store/checkout-intakes");
    await s.page.reload();
    // The page says what it found, with the form as it was sent.
    await s.page.getByTestId("pending-attempt").waitFor();
    expect(await s.page.getByTestId("email").inputValue()).toBe("lost-then-reloaded@example.ch");
    await s.page.getByTestId("contact-continue").click();
    expect(await s.page.getByTestId("address-address_1").inputValue()).toBe("Bahnhofstrasse 1");
    await s.page.getByTestId("address-continue").click();
    await s.page.getByTestId("delivery-continue").click();
    await s.page.getByTestId("place-order").click();
    await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
    expect(await orderCount()).toBe(before + 1);
    expect(s.errors).toEqual([]);
  });

  it("shows a missing email and a bad postcode beside their fields, and makes no order", async () => {
    const s = await shopper("ch");
    const before = await orderCount();
    await addToCart(s, "?fit=monitor&colour=white", 1);
    await s.page.goto(`${shop.storefront}${routes.checkout.de}`);
    await s.page.getByTestId("contact-continue").click();
    expect(await s.page.getByTestId("error-email").textContent()).toBe("Pflichtfeld.");
    await s.page.getByTestId("email").fill("max@example.ch");
    await s.page.getByTestId("contact-continue").click();
    await fillAddress(s.page, { ...swiss, postal_code: "800" });
    await s.page.getByTestId("address-continue").click();
    expect(await s.page.getByTestId("error-postal_code").textContent()).toBe(
      "Geben Sie eine gültige PLZ für Schweiz ein, z. B. 8001.",
    );
    expect(await s.page.getByTestId("address-postal_code").getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(await orderCount()).toBe(before);
  });

  it("tells the shopper when an item sold out between cart and checkout, and makes no order", async () => {
    const s = await shopper("ch");
    await addToCart(s, "?fit=phone&colour=silver", 3);
    await checkoutToReview(s.page, "en", "late@example.ch", swiss);
    const { inventory_items } = await admin<{
      inventory_items: {
        id: string;
        location_levels: { location_id: string; stocked_quantity: number }[];
      }[];
    }>(`/admin/inventory-items?sku=${sku("phone", "silver")}&fields=id,*location_levels`);
    const item = inventory_items[0];
    const level = item?.location_levels[0];
    if (!item || !level) throw new Error("no inventory level for the phone/silver cover");
    const path = `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`;
    await admin(path, { method: "POST", body: JSON.stringify({ stocked_quantity: 1 }) });
    try {
      const before = await orderCount();
      await s.page.getByTestId("place-order").click();
      await s.page.getByTestId("checkout-error").waitFor({ timeout: 30_000 });
      expect(await s.page.getByTestId("checkout-error").textContent()).toMatch(
        /no longer in stock/,
      );
      expect(await orderCount()).toBe(before);
      expect(await s.page.getByTestId("place-order").isEnabled()).toBe(true);
      // The shopper takes the one cover left: the changed basket is a new checkout, taken.
      await s.page.goto(`${shop.storefront}${routes.cart.en}`);
      await s.page.getByTestId("line-quantity").fill("1");
      await s.page.getByTestId("line-quantity").blur();
      await expect.poll(() => s.page.getByTestId("cart-count").textContent()).toBe("1");
      await checkoutToReview(s.page, "en", "late@example.ch", swiss);
      await s.page.getByTestId("place-order").click();
      await s.page.getByTestId("confirmation").waitFor({ timeout: 30_000 });
      expect(await orderCount()).toBe(before + 1);
    } finally {
      await admin(path, {
        method: "POST",
        body: JSON.stringify({ stocked_quantity: level.stocked_quantity }),
      });
    }
  });
});
