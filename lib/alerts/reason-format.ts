import { sql, type SQL } from "drizzle-orm";
import { CURRENCIES } from "@/lib/account/options";
import { displayFormatOf, formatterFor } from "@/lib/format";

// A trigger's reason is written by the sweep's one SQL statement, in the homeowner's currency
// and date format at that moment (like an email, it is a record of what was said). These build
// the SQL for the two, from the same tables lib/format.ts uses, so the words match the pages.

/** The currency sign for a preferences column (NULL or unknown: the default, $). */
export function sqlCurrencySign(currency: SQL): SQL {
  const cases = CURRENCIES.map((c) => sql`WHEN ${c}::text THEN ${formatterFor(displayFormatOf({ currency: c })).symbol}::text`);
  return sql`(CASE upper(${currency}) ${sql.join(cases, sql` `)} ELSE ${formatterFor().symbol}::text END)`;
}

/** A date column as lib/format.ts shows it for a date_format preference column. */
export function sqlDisplayDate(date: SQL, dateFormat: SQL): SQL {
  return sql`(CASE ${dateFormat} WHEN 'DD/MM/YYYY' THEN to_char(${date}, 'FMDD Mon YYYY')
                                 WHEN 'YYYY-MM-DD' THEN to_char(${date}, 'YYYY-MM-DD')
                                 ELSE to_char(${date}, 'FMMon FMDD, YYYY') END)`;
}
