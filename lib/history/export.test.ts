import { describe, expect, it } from "vitest";
import { historyCsv } from "./export";

describe("historyCsv", () => {
  it("writes one line per calculation with readable columns, JSON and a link that reopens it", () => {
    const csv = historyCsv(
      [
        {
          id: "a",
          type: "monthly_payment",
          input: { principal: 300000, ratePercent: 5.25, termYears: 20 },
          summary: { monthlyPayment: 2021.55 },
          mortgageName: '=cmd|" /C calc"!A0',
          createdAt: new Date("2026-03-01T12:00:00Z"),
        },
      ],
      "https://refi.example",
    );
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toBe("created_at_utc,calculator,mortgage,inputs,result,inputs_json,results_json,link");
    expect(line).toContain("2026-03-01T12:00:00.000Z,Monthly payment,");
    // A mortgage name that looks like a formula is defused.
    expect(line).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(line).toContain("Loan amount $300,000 · Interest rate 5.25% · Loan term 20 yr");
    expect(line).toContain("https://refi.example/calculators/monthly-payment?principal=300000&ratePercent=5.25&termYears=20");
  });
});
