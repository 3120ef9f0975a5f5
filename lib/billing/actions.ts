"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { validatedAction } from "@/lib/validated-action";
import { createAlertCheckout } from "./checkout";
import { checkoutSchema } from "./schemas";

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
