import { z } from "zod";
import { parseRateDate } from "./parse";
import { RATE_RANGES, RATE_TYPES } from "./types";

const isoDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date as yyyy-mm-dd`)
    .refine((v) => parseRateDate(v) !== null, `${name} is not a real date`);

/** GET /api/rates query: a type, and either from/to or a range. */
export const seriesQuerySchema = z
  .object({
    type: z.enum(RATE_TYPES, { message: `type must be one of ${RATE_TYPES.join(", ")}` }).default("30_year_fixed"),
    from: isoDate("from").optional(),
    to: isoDate("to").optional(),
    range: z
      .string()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(RATE_RANGES, { message: `range must be one of ${RATE_RANGES.join(", ")}` }))
      .optional(),
  })
  .refine((q) => !(q.range && (q.from || q.to)), { message: "use either range or from/to, not both", path: ["range"] })
  .refine((q) => !(q.from && q.to && q.from > q.to), { message: "from must not be after to", path: ["from"] });
