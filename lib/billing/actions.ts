"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { validatedAction } from "@/lib/validated-action";
import { createAlertCheckout } from "./checkout";
import { todayIn } from "@/lib/mortgages/dates";
import { formatterFor } from "@/lib/format";
import { createPortalSession, setCancelAtPeriodEnd } from "./manage";
import { checkoutSchema, subscriptionActionSchema } from "./schemas";

/**
 * "Activate alert": starts Stripe Checkout and sends the browser there (redirect() from a server
 * action answers 303). Verification, ownership and "already subscribed" are checked in
 * createAlertCheckout, on the server.
 */
export const startCheckoutAction = validatedAction(checkoutSchema, async ({ alertId, interval }) => {
  const user = await requireUser(`/alerts/${alertId}`);
  const { url } = await createAlertCheckout(user.id, alertId, { interval });
  redirect(url);
});

/** Billing page: cancel at period end, or resume a subscription set to end. */
export const setCancelAtPeriodEndAction = validatedAction(subscriptionActionSchema.extend({ cancel: z.enum(["true", "false"]) }), async ({ subscriptionId, cancel }) => {
  const user = await requireUser("/billing");
  const sub = await setCancelAtPeriodEnd(user.id, subscriptionId, cancel === "true");
  revalidatePath("/billing");
  return {
    ok: true,
    message: cancel === "true" ? `Your subscription will end on ${sub.currentPeriodEnd ? formatterFor(user.display).date(todayIn(user.display.timeZone, sub.currentPeriodEnd)) : "the end of the period"}. Nothing more will be charged.` : "Your subscription will renew as usual.",
  };
});

/** "Manage payment methods": opens the Stripe Customer Portal. */
export const openPortalAction = validatedAction(z.object({}), async () => {
  const user = await requireUser("/billing");
  redirect(await createPortalSession(user.id));
});
