/**
 * Card checks of the hosted checkout page. Only Stripe's documented test card numbers are
 * accepted, as in Stripe's test mode, so nobody types a real card into a demo.
 * https://docs.stripe.com/testing
 */

export type CardField = "card_number" | "exp" | "cvc" | "name" | "email";

export type CardCheck =
  | { ok: true; last4: string; brand: string }
  | { ok: false; status: 400 | 402; field: CardField; code: string; message: string };

interface TestCard {
  brand: string;
  decline?: { code: string; message: string; field?: CardField };
}

const DECLINED = "Your card was declined.";

const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { brand: "visa" },
  "4000056655665556": { brand: "visa" },
  "5555555555554444": { brand: "mastercard" },
  "378282246310005": { brand: "amex" },
  "4000000000000002": { brand: "visa", decline: { code: "card_declined", message: DECLINED } },
  "4000000000009995": {
    brand: "visa",
    decline: { code: "insufficient_funds", message: "Your card has insufficient funds." },
  },
  "4000000000000069": {
    brand: "visa",
    decline: { code: "expired_card", message: "Your card has expired.", field: "exp" },
  },
  "4000000000000127": {
    brand: "visa",
    decline: { code: "incorrect_cvc", message: "Your card's security code is incorrect.", field: "cvc" },
  },
};

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const fail = (status: 400 | 402, field: CardField, code: string, message: string): CardCheck => ({
  ok: false,
  status,
  field,
  code,
  message,
});

/** Parses "MM / YY", "MM/YY", "MMYY" or "MM/YYYY" into month and four-digit year. */
export function parseExpiry(raw: string): { month: number; year: number } | undefined {
  const m = raw.replace(/\s+/g, "").match(/^(\d{1,2})\/?(\d{2}|\d{4})$/);
  if (!m) return undefined;
  const month = Number(m[1]);
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { month, year };
}

export interface CardInput {
  number: string;
  exp: string;
  cvc: string;
  name: string;
}

/** Validates in the order Stripe's form does, so the first problem is the one shown. */
export function checkCard(input: CardInput, today = new Date()): CardCheck {
  const digits = input.number.replace(/[\s-]/g, "");
  if (digits === "" || !/^\d+$/.test(digits)) {
    return fail(400, "card_number", "incomplete_number", "Your card number is incomplete.");
  }
  if (digits.length < 13) return fail(400, "card_number", "incomplete_number", "Your card number is incomplete.");
  if (digits.length > 19 || !luhnValid(digits)) {
    return fail(400, "card_number", "invalid_number", "Your card number is invalid.");
  }
  const exp = parseExpiry(input.exp);
  if (!exp) return fail(400, "exp", "incomplete_expiry", "Your card's expiration date is incomplete.");
  const nowYear = today.getUTCFullYear();
  if (exp.year < nowYear) return fail(400, "exp", "invalid_expiry_year_past", "Your card's expiration year is in the past.");
  if (exp.year === nowYear && exp.month < today.getUTCMonth() + 1) {
    return fail(400, "exp", "invalid_expiry_month_past", "Your card's expiration date is in the past.");
  }
  const cvcLength = digits.startsWith("34") || digits.startsWith("37") ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc.trim())) {
    return fail(400, "cvc", "incomplete_cvc", "Your card's security code is incomplete.");
  }
  if (input.name.trim() === "") return fail(400, "name", "incomplete_name", "Please enter the name on your card.");
  const card = TEST_CARDS[digits];
  if (!card) {
    // Stripe's exact wording when a real card number is used with a test key.
    return fail(
      402,
      "card_number",
      "card_declined",
      "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
    );
  }
  if (card.decline) return fail(402, card.decline.field ?? "card_number", card.decline.code, card.decline.message);
  return { ok: true, last4: digits.slice(-4), brand: card.brand };
}
