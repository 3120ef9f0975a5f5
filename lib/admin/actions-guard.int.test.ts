import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { ADMIN_CORE, type AdminFormAction } from "./admin-action";
import { makeUser } from "./test-fixtures";

// Every server action exported from lib/admin/actions*.ts, found on disk: adding a file or an
// export makes it part of this test automatically. Each must be built by adminAction() (session
// check first, then the plain function) and its plain function must refuse anyone but an admin
// before reading its input.
const dir = path.resolve(__dirname);
const files = readdirSync(dir).filter((f) => /^actions.*\.ts$/.test(f) && !f.includes(".test."));

describe("every admin server action checks for an admin first", () => {
  it("finds the action files", () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
  });

  for (const file of files) {
    it(`${file}: every export is an adminAction whose plain function refuses non-admins`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, unknown>;
      const exported = Object.entries(mod);
      expect(exported.length).toBeGreaterThan(0);
      const homeowner = await makeUser();
      const deactivatedAdmin = await makeUser({ role: "admin" });
      await db.update(users).set({ isActive: false }).where(eq(users.id, deactivatedAdmin.id));
      const [{ n: auditBefore }] = (await db.select({ n: count() }).from(auditLog)) as [{ n: number }];

      for (const [name, value] of exported) {
        expect(typeof value, `${file} ${name} is a function`).toBe("function");
        const core = (value as Partial<AdminFormAction>)[ADMIN_CORE];
        expect(core, `${file} ${name} must be made with adminAction()`).toBeTypeOf("function");
        // Garbage input on purpose: the admin check must come before the input is looked at.
        const input = { userId: randomUUID(), emailId: randomUUID(), rateId: randomUUID(), planId: randomUUID(), priceId: randomUUID() } as never;
        for (const actor of [homeowner.id, deactivatedAdmin.id, randomUUID(), ""]) {
          await expect(core!(actor, input), `${name} as ${actor || "nobody"}`).rejects.toBeInstanceOf(ForbiddenError);
        }
      }
      const [{ n: auditAfter }] = (await db.select({ n: count() }).from(auditLog)) as [{ n: number }];
      expect(auditAfter).toBe(auditBefore);
    });
  }
});
