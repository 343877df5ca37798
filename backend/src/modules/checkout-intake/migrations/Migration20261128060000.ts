import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The storefront's cart an intake was made from: one intake per cart. */
export class Migration20261128060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "checkout_intake" add column if not exists "source_cart_id" text null;`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_checkout_intake_source_cart_id_unique" ON "checkout_intake" ("source_cart_id") WHERE source_cart_id IS NOT NULL AND deleted_at IS NULL;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_checkout_intake_source_cart_id_unique";`);
    this.addSql(`alter table if exists "checkout_intake" drop column if exists "source_cart_id";`);
  }
}
