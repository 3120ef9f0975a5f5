import { describe, expect, it } from "vitest";
import { renderTable, withBenchTable } from "./report";

describe("the README's benchmark table", () => {
  const readme = "# Refi Alert\n\n## Benchmarks\n\n<!-- bench-table:start -->\nold table\n<!-- bench-table:end -->\n\n## Data credit\n";

  it("replaces only what stands between the markers, keeping them for the next run", () => {
    const table = renderTable([{ area: "http", measure: "bare route", value: 550, unit: "req/s", ok: null }]);
    const once = withBenchTable(readme, table);
    expect(once).toContain("| http | bare route | 550 req/s |");
    expect(once).not.toContain("old table");
    expect(once.startsWith("# Refi Alert\n\n## Benchmarks\n\n<!-- bench-table:start -->\n")).toBe(true);
    expect(once.endsWith("<!-- bench-table:end -->\n\n## Data credit\n")).toBe(true);
    expect(withBenchTable(once, table)).toBe(once);
  });

  it("leaves a README without markers as it is", () => {
    expect(withBenchTable("# Refi Alert\n", "| a |")).toBe("# Refi Alert\n");
  });
});
