"use server";

import { revalidatePath, updateTag } from "next/cache";
import { z } from "zod";
import { PRICING_CACHE_TAG } from "@/lib/billing/plans";
import { adminAction } from "./admin-action";
import { retryEmail } from "./emails";
import { createPrice, setPlanActive, setPriceActive } from "./pricing";
import { deleteRate, recordRate, uploadRates } from "./rates";
import { emailIdSchema, newPriceSchema, planActiveSchema, priceActiveSchema, rateEntrySchema, rateIdSchema, rateUploadSchema } from "./schemas";

// Every export here is made by adminAction(): session check first (visitor → sign in,
// non-admin → 403), then the plain function, which checks the role in the database again.
// lib/admin/actions-guard.int.test.ts fails if an export is not.

const pricingChanged = () => {
  updateTag(PRICING_CACHE_TAG);
  revalidatePath("/admin/pricing");
  revalidatePath("/pricing");
  revalidatePath("/"); // the landing page says the price too
};

export const retryEmailAction = adminAction(emailIdSchema, retryEmail, () => revalidatePath("/admin/emails"));

export const recordRateAction = adminAction(rateEntrySchema, recordRate, () => revalidatePath("/admin/rates"));
export const deleteRateAction = adminAction(rateIdSchema, deleteRate, () => revalidatePath("/admin/rates"));
export const uploadRatesAction = adminAction(
  rateUploadSchema.extend({ file: z.custom<File>((v) => v instanceof File && v.size > 0, { message: "Choose a CSV file to upload." }) }),
  uploadRates,
  () => revalidatePath("/admin/rates"),
);

export const createPriceAction = adminAction(newPriceSchema, createPrice, pricingChanged);
export const setPriceActiveAction = adminAction(priceActiveSchema, setPriceActive, pricingChanged);
export const setPlanActiveAction = adminAction(planActiveSchema, setPlanActive, pricingChanged);
