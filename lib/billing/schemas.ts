import { z } from "zod";

export const checkoutSchema = z.object({
  alertId: z.uuid({ message: "Unknown alert." }),
  interval: z.enum(["year", "month"], { message: "Choose yearly or monthly billing." }).default("year"),
});

export const subscriptionActionSchema = z.object({
  subscriptionId: z.uuid({ message: "Unknown subscription." }),
});
