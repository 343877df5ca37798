import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128001000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "checkout_intake" ("id" text not null, "idempotency_key" text not null, "request_hash" text not null, "status" text check ("status" in ('pending', 'converting', 'done', 'failed')) not null default 'pending', "region_id" text not null, "sales_channel_id" text not null, "currency_code" text not null, "email" text not null, "locale" text null, "items" jsonb not null, "shipping_address" jsonb not null, "shipping_option_id" text not null, "promise" jsonb not null, "cart_id" text null, "order_id" text null, "attempts" integer not null default 0, "claimed_by" text null, "claim_expires_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "checkout_intake_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_checkout_intake_idempotency_key_unique" ON "checkout_intake" ("idempotency_key") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_checkout_intake_created_at" ON "checkout_intake" ("created_at") WHERE status IN ('pending', 'converting');`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_checkout_intake_deleted_at" ON "checkout_intake" ("deleted_at") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `create table if not exists "intake_hold" ("id" text not null, "units" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "intake_hold_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "checkout_intake" cascade;`);
    this.addSql(`drop table if exists "intake_hold" cascade;`);
  }
}
