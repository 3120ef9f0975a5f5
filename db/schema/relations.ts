import { relations } from "drizzle-orm";
import { auditLog, calculationHistory, emailLog } from "./activity";
import { alerts, triggers } from "./alerts";
import { invoices, planPrices, plans, subscriptions } from "./billing";
import { mortgageTracking, mortgages } from "./mortgages";
import { emailVerificationTokens, passwordResetTokens, userPreferences, users } from "./users";


export const usersRelations = relations(users, ({ one, many }) => ({
  preferences: one(userPreferences, { fields: [users.id], references: [userPreferences.userId] }),
  mortgages: many(mortgages),
  alerts: many(alerts),
  subscriptions: many(subscriptions),
  invoices: many(invoices),
  emailLogs: many(emailLog),
  calculations: many(calculationHistory),
  passwordResetTokens: many(passwordResetTokens),
  emailVerificationTokens: many(emailVerificationTokens),
  auditEntries: many(auditLog),
}));

export const userPreferencesRelations = relations(userPreferences, ({ one }) => ({
  user: one(users, { fields: [userPreferences.userId], references: [users.id] }),
}));

export const passwordResetTokensRelations = relations(passwordResetTokens, ({ one }) => ({
  user: one(users, { fields: [passwordResetTokens.userId], references: [users.id] }),
}));

export const emailVerificationTokensRelations = relations(emailVerificationTokens, ({ one }) => ({
  user: one(users, { fields: [emailVerificationTokens.userId], references: [users.id] }),
}));

export const mortgagesRelations = relations(mortgages, ({ one, many }) => ({
  user: one(users, { fields: [mortgages.userId], references: [users.id] }),
  tracking: many(mortgageTracking),
  alerts: many(alerts),
  calculations: many(calculationHistory),
}));

export const mortgageTrackingRelations = relations(mortgageTracking, ({ one }) => ({
  mortgage: one(mortgages, { fields: [mortgageTracking.mortgageId], references: [mortgages.id] }),
}));

export const alertsRelations = relations(alerts, ({ one, many }) => ({
  user: one(users, { fields: [alerts.userId], references: [users.id] }),
  mortgage: one(mortgages, { fields: [alerts.mortgageId], references: [mortgages.id] }),
  triggers: many(triggers),
  subscription: one(subscriptions, { fields: [alerts.id], references: [subscriptions.alertId] }),
  emailLogs: many(emailLog),
}));

export const triggersRelations = relations(triggers, ({ one, many }) => ({
  alert: one(alerts, { fields: [triggers.alertId], references: [alerts.id] }),
  emailLogs: many(emailLog),
}));

export const emailLogRelations = relations(emailLog, ({ one }) => ({
  user: one(users, { fields: [emailLog.userId], references: [users.id] }),
  alert: one(alerts, { fields: [emailLog.alertId], references: [alerts.id] }),
  trigger: one(triggers, { fields: [emailLog.triggerId], references: [triggers.id] }),
}));

export const calculationHistoryRelations = relations(calculationHistory, ({ one }) => ({
  user: one(users, { fields: [calculationHistory.userId], references: [users.id] }),
  mortgage: one(mortgages, { fields: [calculationHistory.mortgageId], references: [mortgages.id] }),
}));

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

export const plansRelations = relations(plans, ({ many }) => ({ prices: many(planPrices) }));

export const planPricesRelations = relations(planPrices, ({ one, many }) => ({
  plan: one(plans, { fields: [planPrices.planId], references: [plans.id] }),
  subscriptions: many(subscriptions),
}));

export const subscriptionsRelations = relations(subscriptions, ({ one, many }) => ({
  user: one(users, { fields: [subscriptions.userId], references: [users.id] }),
  alert: one(alerts, { fields: [subscriptions.alertId], references: [alerts.id] }),
  planPrice: one(planPrices, { fields: [subscriptions.planPriceId], references: [planPrices.id] }),
  invoices: many(invoices),
}));

export const invoicesRelations = relations(invoices, ({ one }) => ({
  subscription: one(subscriptions, { fields: [invoices.subscriptionId], references: [subscriptions.id] }),
  user: one(users, { fields: [invoices.userId], references: [users.id] }),
}));
