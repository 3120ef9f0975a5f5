import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { planPrices, plans, type Plan, type PlanPrice } from "@/db/schema";
import { audit } from "@/lib/audit";
import { stripe, stripeConfigured } from "@/lib/billing/stripe";
import { ConflictError, NotFoundError, ServiceUnavailableError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import type { ActionState } from "@/lib/validated-action";
import { assertAdmin, type AdminCtx } from "./guard";
import type { NewPrice } from "./schemas";

export type PricingPlan = Plan & { prices: (PlanPrice & { subscribers: number })[] };

/** Every plan with its whole price history (newest first) and how many live subscriptions each price has. */
export async function listPricing(actorId: string): Promise<PricingPlan[]> {
  await assertAdmin(actorId);
  const [planRows, priceRows, counts] = await Promise.all([
    db.select().from(plans).orderBy(asc(plans.name)),
    db.select().from(planPrices).orderBy(sql`${planPrices.createdAt} DESC`),
    queryRows<{ plan_price_id: string; n: number }>(
      db,
      sql`SELECT plan_price_id, count(*)::int AS n FROM subscriptions WHERE plan_price_id IS NOT NULL AND status IN ('active', 'trialing', 'past_due') GROUP BY plan_price_id`,
    ),
  ]);
  const subs = new Map(counts.map((c) => [c.plan_price_id, Number(c.n)]));
  return planRows.map((p) => ({ ...p, prices: priceRows.filter((x) => x.planId === p.id).map((x) => ({ ...x, subscribers: subs.get(x.id) ?? 0 })) }));
}

function requireStripe() {
  if (!stripeConfigured()) throw new ServiceUnavailableError("Stripe isn't configured (STRIPE_SECRET_KEY), so prices can't be created.");
  return stripe();
}

const priceView = (p: PlanPrice) => ({ id: p.id, amountCents: p.amountCents, currency: p.currency, interval: p.interval, isActive: p.isActive, stripePriceId: p.stripePriceId });

/**
 * A new price is a new row: older prices stay (with their subscribers, who keep what they bought).
 * The product and price are created at Stripe first, so the row always carries a real price id.
 * With `replaceCurrent`, the plan's other active prices of the same interval stop being offered.
 */
export async function createPrice(actorId: string, input: NewPrice, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const [plan] = await db.select().from(plans).where(eq(plans.id, input.planId)).limit(1);
  if (!plan) throw new NotFoundError("No such plan.");
  const client = requireStripe();
  let productId = plan.stripeProductId;
  if (!productId) {
    const product = await client.products.create({ name: plan.name, description: plan.description ?? undefined, metadata: { plan_code: plan.code } });
    productId = product.id;
    await db.update(plans).set({ stripeProductId: productId, updatedAt: new Date() }).where(eq(plans.id, plan.id));
  }
  const stripePrice = await client.prices.create({
    product: productId,
    unit_amount: input.amount,
    currency: "usd",
    recurring: { interval: input.interval },
    metadata: { plan_code: plan.code },
  });
  const { created, replaced } = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planPrices)
      .values({ planId: plan.id, amountCents: input.amount, currency: "usd", interval: input.interval, stripePriceId: stripePrice.id, isActive: true, createdBy: actorId })
      .returning();
    const old = input.replaceCurrent
      ? await tx
          .update(planPrices)
          .set({ isActive: false, updatedAt: new Date() })
          .where(and(eq(planPrices.planId, plan.id), eq(planPrices.interval, input.interval), eq(planPrices.isActive, true), ne(planPrices.id, row!.id)))
          .returning()
      : [];
    await audit(
      {
        actorId,
        action: "admin.price.create",
        targetType: "plan_price",
        targetId: row!.id,
        before: { plan: plan.code, replaced: old.map((o) => ({ ...priceView(o), isActive: true })) },
        after: { plan: plan.code, price: priceView(row!), replaced: old.map(priceView), stripeProductId: productId },
        ip: ctx.ip,
      },
      tx,
    );
    return { created: row!, replaced: old };
  });
  // Stop offering the replaced prices at Stripe too (existing subscriptions on them carry on).
  for (const old of replaced) if (old.stripePriceId) await client.prices.update(old.stripePriceId, { active: false }).catch(() => {});
  const what = `${formatCents(created.amountCents)} a ${created.interval}`;
  return { ok: true, message: replaced.length ? `New price ${what} is live; the previous ${created.interval}ly price is no longer offered.` : `New price ${what} is live.` };
}

/**
 * Retire or offer again. Checkout sells one price per interval (the newest active one), so offering
 * an old price again retires the plan's other active prices of its interval: what the admin
 * chose is what /pricing shows and checkout charges.
 */
export async function setPriceActive(actorId: string, { priceId, active }: { priceId: string; active: boolean }, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const { updated, replaced } = await db.transaction(async (tx) => {
    const [price] = await tx.select().from(planPrices).where(eq(planPrices.id, priceId)).for("update").limit(1);
    if (!price) throw new NotFoundError("No such price.");
    if (price.isActive === active) throw new ConflictError(active ? "This price is already offered." : "This price is already retired.");
    if (!active) {
      const [plan] = await tx.select().from(plans).where(eq(plans.id, price.planId));
      const [others] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM plan_prices WHERE plan_id = ${price.planId} AND is_active AND id <> ${price.id}`);
      if (plan?.isActive && Number(others?.n ?? 0) === 0) throw new ConflictError("This is the plan's only offered price: add another price first, or deactivate the plan.");
    }
    const [after] = await tx.update(planPrices).set({ isActive: active, updatedAt: new Date() }).where(eq(planPrices.id, price.id)).returning();
    const old = active
      ? await tx
          .update(planPrices)
          .set({ isActive: false, updatedAt: new Date() })
          .where(and(eq(planPrices.planId, price.planId), eq(planPrices.interval, price.interval), eq(planPrices.isActive, true), ne(planPrices.id, price.id)))
          .returning()
      : [];
    await audit(
      {
        actorId,
        action: active ? "admin.price.activate" : "admin.price.deactivate",
        targetType: "plan_price",
        targetId: price.id,
        before: { ...priceView(price), replaced: old.map((o) => ({ ...priceView(o), isActive: true })) },
        after: { ...priceView(after!), replaced: old.map(priceView) },
        ip: ctx.ip,
      },
      tx,
    );
    return { updated: after!, replaced: old };
  });
  if (stripeConfigured()) {
    if (updated.stripePriceId) await stripe().prices.update(updated.stripePriceId, { active }).catch(() => {});
    for (const old of replaced) if (old.stripePriceId) await stripe().prices.update(old.stripePriceId, { active: false }).catch(() => {});
  }
  if (!active) return { ok: true, message: "Price retired: new customers can't choose it; current subscribers keep it." };
  return { ok: true, message: replaced.length ? `Price is offered again; the other ${updated.interval}ly price is no longer offered.` : "Price is offered again." };
}

export async function setPlanActive(actorId: string, { planId, active }: { planId: string; active: boolean }, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const updated = await db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId)).for("update").limit(1);
    if (!plan) throw new NotFoundError("No such plan.");
    if (plan.isActive === active) throw new ConflictError(active ? "This plan is already active." : "This plan is already inactive.");
    const [after] = await tx.update(plans).set({ isActive: active, updatedAt: new Date() }).where(eq(plans.id, plan.id)).returning();
    await audit({ actorId, action: active ? "admin.plan.activate" : "admin.plan.deactivate", targetType: "plan", targetId: plan.id, before: { code: plan.code, isActive: plan.isActive }, after: { code: plan.code, isActive: active }, ip: ctx.ip }, tx);
    return after!;
  });
  if (updated.stripeProductId && stripeConfigured()) await stripe().products.update(updated.stripeProductId, { active }).catch(() => {});
  return { ok: true, message: active ? `${updated.name} is offered again.` : `${updated.name} is no longer offered to new customers.` };
}
