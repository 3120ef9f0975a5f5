export { sendEmail, queueEmail, deliverLogged, retryDueEmails, MAX_EMAIL_ATTEMPTS, type SendEmailInput } from "./send";
export { renderEmail, type EmailBlock, type RenderedEmail } from "./layout";
export { canEmail, type EmailKind } from "./preferences";
export { outboxEnabled } from "./transport";
