import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "retailer" ("id" text not null, "handle" text not null, "name" text not null, "allowed_origins" text[] not null, "commission_bps" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "retailer_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_retailer_handle_unique" ON "retailer" ("handle") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_retailer_deleted_at" ON "retailer" ("deleted_at") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `create table if not exists "retailer_attribution" ("id" text not null, "cart_id" text not null, "retailer_id" text not null, "origin" text not null, "mode" text check ("mode" in ('element', 'frame')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "retailer_attribution_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_retailer_attribution_cart_id_unique" ON "retailer_attribution" ("cart_id") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_retailer_attribution_retailer_id" ON "retailer_attribution" ("retailer_id") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_retailer_attribution_deleted_at" ON "retailer_attribution" ("deleted_at") WHERE deleted_at IS NULL;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "retailer_attribution" cascade;`);
    this.addSql(`drop table if exists "retailer" cascade;`);
  }
}
