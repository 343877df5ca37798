import { csvRow } from "./csv";
import type { ExportLine } from "./ops-export-query";

/** The 3PL export's columns, in order: one row per order line still to ship. */
export const EXPORT_COLUMNS = [
  "order_number",
  "batch",
  "recipient",
  "company",
  "address_1",
  "address_2",
  "postcode",
  "city",
  "region",
  "country",
  "phone",
  "email",
  "sku",
  "quantity",
  "line_weight_g",
] as const;

export const exportHeader = (): string => csvRow(EXPORT_COLUMNS);

/** One order line as the 3PL reads it; the weight is the line's (unit weight × quantity). */
export function exportRow(line: ExportLine): string {
  const recipient = [line.first_name, line.last_name].filter(Boolean).join(" ");
  const weight = line.unit_weight_g === null ? null : Math.ceil(line.unit_weight_g * line.quantity);
  return csvRow([
    line.display_id,
    line.batch_number,
    recipient,
    line.company,
    line.address_1,
    line.address_2,
    line.postal_code,
    line.city,
    line.province,
    line.country_code?.toUpperCase(),
    line.phone,
    line.email,
    line.sku,
    line.quantity,
    weight,
  ]);
}
