import type { RenderedEmail } from "../layout";
import { accountTemplates } from "./account";
import { billingTemplates } from "./billing";
import { alertTemplates } from "./alerts";

/**
 * Every email the app sends, by name. A template turns JSON-serialisable params (stored in
 * email_log.template_params, so a failed email can be rendered again and retried) into both parts.
 * Each domain adds its own file here (account, alerts, billing) and spreads it into the registry.
 */
export type TemplateFn = (params: Record<string, unknown>, ctx: { appUrl: string }) => RenderedEmail;

export const templates: Record<string, TemplateFn> = {
  ...accountTemplates,
  ...billingTemplates,
  ...alertTemplates,
};

export function renderTemplate(name: string, params: Record<string, unknown>, ctx: { appUrl: string }): RenderedEmail {
  const template = templates[name];
  if (!template) throw new Error(`unknown email template ${name}`);
  return template(params, ctx);
}
