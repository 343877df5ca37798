import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Attribution tokens are recorded when issued and credit one cart each (retailer_token), and an
 * attributed cart names the token that credited it.
 */
export class Migration20261205000100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "retailer_token" ("id" text not null, "retailer_id" text not null, "origin" text not null, "mode" text check ("mode" in ('element', 'frame')) not null, "client_hash" text not null, "user_agent" text not null, "cart_id" text null, "redeemed_at" timestamptz null, "redeem_client_hash" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "retailer_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_retailer_token_retailer_id" ON "retailer_token" ("retailer_id") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_retailer_token_cart_id" ON "retailer_token" ("cart_id") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_retailer_token_deleted_at" ON "retailer_token" ("deleted_at") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `alter table if exists "retailer_attribution" add column if not exists "token_id" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "retailer_attribution" drop column if exists "token_id";`);
    this.addSql(`drop table if exists "retailer_token" cascade;`);
  }
}
