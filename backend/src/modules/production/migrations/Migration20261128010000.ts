import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Units the maker reports as made, per batch: the public progress page shows them. */
export class Migration20261128010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "production_batch" add column if not exists "produced_units" integer not null default 0;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "production_batch" drop column if exists "produced_units";`);
  }
}
