import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204233000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "fulfilment_export" add column if not exists "export_id" text null;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fulfilment_export_export_id" ON "fulfilment_export" ("export_id") WHERE deleted_at IS NULL;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_fulfilment_export_export_id";`);
    this.addSql(`alter table if exists "fulfilment_export" drop column if exists "export_id";`);
  }
}
