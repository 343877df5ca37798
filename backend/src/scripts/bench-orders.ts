/**
 * Bench data only (bench/ops-export.ts): creates CAMSLIDE_BENCH_ORDERS placed orders straight
 * through the order module's service, in pages, so the 3PL export can be timed on tens of
 * thousands of orders without an hour of checkouts. Never run it against a shop's database:
 * these orders have no payment.
 *
 *   CAMSLIDE_BENCH_ORDERS=40000 medusa exec ./src/scripts/bench-orders.js
 */
import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";

const PAGE = 500;

const places = [
  { country_code: "ch", city: "Zürich", postal_code: "8001", phone: "+41 44 000 00 00" },
  { country_code: "de", city: "Berlin", postal_code: "10115", phone: "+49 30 0000000" },
  { country_code: "fr", city: "Lyon", postal_code: "69001", phone: "+33 4 00 00 00 00" },
  { country_code: "us", city: "Portland", postal_code: "97201", phone: "+1 503 000 0000" },
] as const;

export default async function benchOrders({ container }: ExecArgs) {
  const total = Number(process.env.CAMSLIDE_BENCH_ORDERS ?? "0");
  if (!Number.isSafeInteger(total) || total < 1) {
    throw new Error("set CAMSLIDE_BENCH_ORDERS to a number of orders");
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "title", "product_id"],
  });
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
  });
  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "name"],
  });
  const region = regions[0];
  const option = options[0];
  if (!region || !option || variants.length === 0) throw new Error("seed the shop first");
  const orderModule = container.resolve(Modules.ORDER);
  for (let done = 0; done < total; done += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, total - done) }, (_, k) => {
      const i = done + k;
      const place = places[i % places.length] ?? places[0];
      const variant = variants[i % variants.length] as (typeof variants)[number];
      return {
        region_id: region.id,
        currency_code: region.currency_code,
        email: `buyer${i}@example.com`,
        status: "pending",
        shipping_address: {
          first_name: "Bench",
          last_name: i % 10 === 0 ? `O"Neil, ${i}` : `Buyer ${i}`,
          address_1: `${1 + (i % 200)} Long Street`,
          ...(i % 7 === 0 ? { address_2: "Floor 2, back door" } : {}),
          ...place,
        },
        items: [
          {
            title: variant.title ?? "Camslide",
            variant_id: variant.id,
            variant_sku: variant.sku ?? "",
            product_id: variant.product_id ?? "",
            quantity: 1 + (i % 3),
            unit_price: 19,
          },
        ],
        shipping_methods: [{ name: option.name, amount: 5, shipping_option_id: option.id }],
      };
    });
    await orderModule.createOrders(page);
    process.stdout.write(`bench orders: ${done + page.length}/${total}\n`);
  }
}
