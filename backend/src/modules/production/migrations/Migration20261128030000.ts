import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The order an allocation became, for orders made from checkout intakes: they have no cart, so
 * Medusa's order-cart link cannot lead from the order to its allocation.
 */
export class Migration20261128030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "batch_allocation" add column if not exists "order_id" text null;`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_batch_allocation_order_id_unique" ON "batch_allocation" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_batch_allocation_order_id_unique";`);
    this.addSql(`alter table if exists "batch_allocation" drop column if exists "order_id";`);
  }
}
