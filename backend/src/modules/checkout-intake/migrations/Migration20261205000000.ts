import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A converter's heartbeat on its claims, and an index of the intakes being converted. */
export class Migration20261205000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "checkout_intake" add column if not exists "heartbeat_at" timestamptz null;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_checkout_intake_heartbeat_at" ON "checkout_intake" ("heartbeat_at") WHERE status = 'converting' AND deleted_at IS NULL;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_checkout_intake_heartbeat_at";`);
    this.addSql(`alter table if exists "checkout_intake" drop column if exists "heartbeat_at";`);
  }
}
