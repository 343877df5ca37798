import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127215549 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "batch_allocation" drop constraint if exists "batch_allocation_cart_id_unique";`,
    );
    this.addSql(
      `alter table if exists "production_batch" drop constraint if exists "production_batch_number_unique";`,
    );
    this.addSql(
      `create table if not exists "production_batch" ("id" text not null, "number" integer not null, "capacity_units" integer not null, "allocated_units" integer not null default 0, "ships_by" timestamptz not null, "state" text check ("state" in ('open', 'full', 'in_production', 'shipping', 'shipped')) not null default 'open', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "production_batch_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_production_batch_number_unique" ON "production_batch" ("number") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_production_batch_deleted_at" ON "production_batch" ("deleted_at") WHERE deleted_at IS NULL;`,
    );

    this.addSql(
      `create table if not exists "batch_allocation" ("id" text not null, "cart_id" text not null, "units" integer not null, "batch_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "batch_allocation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_batch_allocation_cart_id_unique" ON "batch_allocation" ("cart_id") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_batch_allocation_batch_id" ON "batch_allocation" ("batch_id") WHERE deleted_at IS NULL;`,
    );
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_batch_allocation_deleted_at" ON "batch_allocation" ("deleted_at") WHERE deleted_at IS NULL;`,
    );

    this.addSql(
      `alter table if exists "batch_allocation" add constraint "batch_allocation_batch_id_foreign" foreign key ("batch_id") references "production_batch" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "batch_allocation" drop constraint if exists "batch_allocation_batch_id_foreign";`,
    );

    this.addSql(`drop table if exists "production_batch" cascade;`);

    this.addSql(`drop table if exists "batch_allocation" cascade;`);
  }
}
