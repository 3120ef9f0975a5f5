import { renderEmail } from "../layout";
import type { TemplateFn } from "./index";

const str = (v: unknown) => (typeof v === "string" ? v : "");

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
};
