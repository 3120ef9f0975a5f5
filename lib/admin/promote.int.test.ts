import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { promoteByEmail } from "./promote";
import { makeUser } from "./test-fixtures";

describe("admin:create", () => {
  it("promotes an account by email (any case), audits it, and says when there is no such account", async () => {
    const user = await makeUser();
    expect(await promoteByEmail(`  ${user.email.toUpperCase()} `)).toEqual({ status: "promoted", id: user.id, email: user.email });
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.role).toBe("admin");
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, user.id), eq(auditLog.action, "admin.user.promote")));
    expect(entry).toMatchObject({ actorId: null, before: { role: "user" }, after: { role: "admin" } });

    expect((await promoteByEmail(user.email)).status).toBe("already_admin");
    expect(await promoteByEmail("nobody@example.com")).toEqual({ status: "not_found", email: "nobody@example.com" });

    const off = await makeUser();
    await db.update(users).set({ isActive: false }).where(eq(users.id, off.id));
    expect((await promoteByEmail(off.email)).status).toBe("inactive");
    const deleted = await makeUser();
    await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id));
    expect((await promoteByEmail(deleted.email)).status).toBe("not_found");
  });
});
