import { renderEmail } from "../layout";
import type { TemplateFn } from "./index";

// The account emails. Params are stored in email_log.template_params so a failed email can be
// rendered again; tokens in them are one-use and short-lived, and never shown to admins.
const str = (v: unknown) => (typeof v === "string" ? v : "");
const greeting = (p: Record<string, unknown>) => `Hi ${str(p.name) || "there"},`;
const when = (v: unknown) => {
  const d = typeof v === "string" ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? `${d.toUTCString().replace("GMT", "UTC")}` : "just now";
};

export const accountTemplates: Record<string, TemplateFn> = {
  "email-verification": (p, { appUrl }) =>
    renderEmail({
      subject: "Confirm your email address",
      heading: `Welcome to Refi Alert, ${str(p.name) || "there"}`,
      blocks: [
        { kind: "p", text: "Please confirm your email address so we can send you alerts when refinancing reaches your target." },
        { kind: "button", label: "Confirm my email", url: `${appUrl}/verify-email?token=${encodeURIComponent(str(p.token))}` },
        { kind: "small", text: "This link works once and expires in 24 hours. If you didn't create an account, ignore this email." },
      ],
    }),

  "email-change-verification": (p, { appUrl }) =>
    renderEmail({
      subject: "Confirm your new email address",
      heading: "Confirm your new email address",
      blocks: [
        { kind: "p", text: greeting(p) },
        { kind: "p", text: "You asked to use this address for your Refi Alert account. Confirm it and we'll send everything here from now on." },
        { kind: "button", label: "Use this address", url: `${appUrl}/verify-email?token=${encodeURIComponent(str(p.token))}` },
        { kind: "small", text: "This link works once and expires in 24 hours. Until you confirm, your account keeps its current address. If you didn't ask for this, ignore this email." },
      ],
    }),

  "sign-up-attempt": (p, { appUrl }) =>
    renderEmail({
      subject: "Someone tried to sign up with your email address",
      heading: "You already have an account",
      blocks: [
        { kind: "p", text: greeting(p) },
        { kind: "p", text: "Someone (maybe you) just tried to create a Refi Alert account with this email address. It already belongs to your account, so nothing was changed." },
        { kind: "button", label: "Sign in", url: `${appUrl}/sign-in` },
        { kind: "small", text: "Forgot your password? You can reset it from the sign-in page. If this wasn't you, you can ignore this email: your account is safe." },
      ],
    }),

  "email-taken-attempt": (p, { appUrl }) =>
    renderEmail({
      subject: "Someone tried to use your email address",
      heading: "Your address is already in use",
      blocks: [
        { kind: "p", text: greeting(p) },
        { kind: "p", text: "Another Refi Alert account just asked to change its email to this address. It belongs to your account, so nothing was changed." },
        { kind: "button", label: "Sign in", url: `${appUrl}/sign-in` },
        { kind: "small", text: "If this was you, sign in to the account that owns this address. Otherwise you can ignore this email." },
      ],
    }),

  "password-reset": (p, { appUrl }) =>
    renderEmail({
      subject: "Reset your Refi Alert password",
      heading: "Reset your password",
      blocks: [
        { kind: "p", text: greeting(p) },
        { kind: "p", text: "We received a request to reset the password for your account. Choose a new one with the button below." },
        { kind: "button", label: "Choose a new password", url: `${appUrl}/reset-password?token=${encodeURIComponent(str(p.token))}` },
        { kind: "small", text: "This link works once and expires in 1 hour. If you didn't ask for it, ignore this email: your password stays as it is." },
      ],
    }),

  "password-changed": (p, { appUrl }) =>
    renderEmail({
      subject: "Your Refi Alert password was changed",
      heading: "Your password was changed",
      blocks: [
        { kind: "p", text: greeting(p) },
        { kind: "p", text: "The password for your Refi Alert account was just changed, and every other signed-in device was signed out." },
        { kind: "facts", rows: [["When", when(p.at)]] },
        { kind: "p", text: "If this wasn't you, reset your password now and review your account." },
        { kind: "button", label: "Reset my password", url: `${appUrl}/forgot-password` },
      ],
    }),

  "email-changed": (p, { appUrl }) =>
    renderEmail({
      subject: "Your Refi Alert email address was changed",
      heading: "Your email address was changed",
      blocks: [
        { kind: "p", text: greeting(p) },
        { kind: "p", text: `Your Refi Alert account now uses ${str(p.newEmail)}. We won't send account emails to this address any more.` },
        { kind: "facts", rows: [["When", when(p.at)]] },
        { kind: "p", text: "If this wasn't you, reply to this email straight away so we can secure your account." },
        { kind: "button", label: "Open Refi Alert", url: `${appUrl}/sign-in` },
      ],
    }),

  "account-deleted": (p) =>
    renderEmail({
      subject: "Your Refi Alert account was deleted",
      heading: "Your account was deleted",
      blocks: [
        { kind: "p", text: greeting(p) },
        { kind: "p", text: "Your Refi Alert account was deleted as you asked. Your alerts are stopped and any subscription was cancelled, so you won't be charged again." },
        { kind: "facts", rows: [["When", when(p.at)]] },
        { kind: "small", text: "You can create a new account with this address at any time." },
      ],
    }),
};
