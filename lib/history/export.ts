/**
 * The history CSV: one line per calculation, readable in a spreadsheet, with a link to reopen it.
 * The readable columns use the homeowner's currency; the JSON columns keep the raw numbers.
 */
import { describeInputs, describeResult } from "@/components/calculators/describe";
import { calculatorTitle, calculatorUrl } from "@/components/calculators/meta";
import { isCalculatorType, type CalculatorType } from "@/lib/calc";
import { formatterFor, type Formatter } from "@/lib/format";
import { toCsv, type CsvCell } from "./csv";

export type ExportRow = {
  id: string;
  type: CalculatorType;
  input: Record<string, unknown>;
  summary: Record<string, unknown> | null;
  mortgageName: string | null;
  createdAt: Date;
};

export function historyCsv(rows: readonly ExportRow[], appUrl: string, fmt: Formatter = formatterFor()): string {
  const lines: CsvCell[][] = [["created_at_utc", "calculator", "mortgage", "inputs", "result", "inputs_json", "results_json", "link"]];
  for (const row of rows) {
    if (!isCalculatorType(row.type)) continue;
    const summary = row.summary ?? {};
    lines.push([
      row.createdAt.toISOString(),
      calculatorTitle(row.type),
      row.mortgageName ?? "",
      describeInputs(row.type, row.input, fmt),
      describeResult(row.type, summary, fmt),
      JSON.stringify(row.input),
      JSON.stringify(summary),
      new URL(calculatorUrl(row.type, row.input), appUrl).toString(),
    ]);
  }
  return toCsv(lines);
}
