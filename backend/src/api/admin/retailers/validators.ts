import { z } from "@medusajs/framework/zod";
import { normaliseOrigin } from "../../../lib/attribution";

const origin = z
  .string()
  .max(300)
  .refine((s) => normaliseOrigin(s) === s, "an origin is scheme://host[:port], nothing more");

export const AdminCreateRetailer = z
  .object({
    handle: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits, dashes"),
    name: z.string().min(1).max(200),
    allowed_origins: z.array(origin).max(50),
    commission_bps: z.number().int().min(0).max(10_000),
  })
  .strict();

export const AdminUpdateRetailer = AdminCreateRetailer.omit({ handle: true }).partial().strict();

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2027-03-01")
  .refine((s) => !Number.isNaN(Date.parse(s)), "not a real date");

/** A period of whole days, `to` included. */
export const AdminStatementQuery = z.object({ from: day, to: day }).strict();
