import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127220612 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "fulfilment_export" drop constraint if exists "fulfilment_export_order_id_unique";`,
    );
    this.addSql(
      `create table if not exists "fulfilment_export" ("id" text not null, "order_id" text not null, "exported_at" timestamptz not null, "batch_number" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fulfilment_export_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fulfilment_export_order_id_unique" ON "fulfilment_export" ("order_id") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fulfilment_export_deleted_at" ON "fulfilment_export" ("deleted_at") WHERE deleted_at IS NULL;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fulfilment_export" cascade;`);
  }
}
