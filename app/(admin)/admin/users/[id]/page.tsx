import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton, PurgeButton } from "@/components/admin/action-form";
import { humanize } from "@/components/admin/pager";
import { UserBadges } from "@/components/admin/user-badges";
import { Badge, Banner, Card, CardHeader, PageHeader, Stat, Table, TBody, Td, Th, THead } from "@/components/ui";
import {
  deactivateUserAction,
  markVerifiedAction,
  purgeUserAction,
  reactivateUserAction,
  resendVerificationAction,
  restoreUserAction,
  setUserRoleAction,
  softDeleteUserAction,
  unlockUserAction,
} from "@/lib/admin/actions-users";
import { getUserDetail } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { CHARGING } from "@/lib/billing/cancel";
import { NotFoundError } from "@/lib/errors";
import { formatCents, formatDateTime, formatMonths, formatPercent, formatterFor } from "@/lib/format";

export const metadata: Metadata = { title: "User · Admin" };


/** The account's history in words (the audit log's action names are for machines). */
const AUDIT_WORDS: Record<string, string> = {
  "admin.user.deactivate": "Deactivated",
  "admin.user.reactivate": "Reactivated",
  "admin.user.delete": "Deleted (restorable)",
  "admin.user.restore": "Restored",
  "admin.user.promote": "Made an admin",
  "admin.user.demote": "Admin role removed",
  "admin.user.unlock": "Unlocked",
  "admin.user.verify": "Email marked verified",
  "admin.user.resend_verification": "Verification email resent",
  "user.sign_up": "Signed up",
  "user.email_verify": "Verified their email",
  "user.email_change_request": "Asked to change their email",
  "user.email_change": "Changed their email",
  "user.name_change": "Changed their name",
  "user.password_change": "Changed their password",
  "user.password_reset": "Reset their password",
  "user.preferences_update": "Updated preferences",
  "user.sign_out_everywhere": "Signed out everywhere",
  "user.delete": "Deleted their account",
};

function Section({ title, count, children, id }: { title: string; count: number; children: React.ReactNode; id: string }) {
  return (
    <Card id={id}>
      <CardHeader title={`${title} (${count})`} />
      {count === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">None.</p> : children}
    </Card>
  );
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin("/admin/users");
  const { id } = await params;
  const detail = await getUserDetail(admin.id, id).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const { user } = detail;
  const locked = Boolean(user.lockedUntil && user.lockedUntil > new Date());
  const self = user.id === admin.id;
  const fields = { userId: user.id };
  const totalCalcs = detail.calculations.reduce((s, c) => s + c.count, 0);
  // The user's own amounts (balances, targets) in their currency; prices and invoices are Stripe's.
  const theirs = formatterFor(detail.display);
  const mortgageNames = new Map(detail.mortgages.map((m) => [m.id, m.name]));
  const alertMortgage = new Map(detail.alerts.map((a) => [a.id, a.mortgageId]));
  // Subscriptions that will charge again: deactivating or deleting the account stops their renewal.
  const charging = detail.subscriptions.filter((x) => (CHARGING as readonly string[]).includes(x.status) && !x.cancelAtPeriodEnd).length;
  const billingNote = (undo: string) =>
    charging
      ? ` Their alerts stop being watched, and ${charging === 1 ? "their subscription stops renewing: it ends" : `their ${charging} subscriptions stop renewing: they end`} with the period already paid for, with no refund (${undo} renews ${charging === 1 ? "it" : "them"}).`
      : "";

  return (
    <div className="space-y-6">
      <PageHeader
        title={user.name}
        description={<span className="break-all">{user.email}</span>}
        actions={
          <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline dark:text-brand-100">
            ← All users
          </Link>
        }
      />
      <UserBadges user={{ role: user.role, emailVerified: user.emailVerified, isActive: user.isActive, locked, deleted: Boolean(user.deletedAt) }} />
      {user.deletedAt && detail.liveEmailTaken && (
        <Banner tone="warning">Another live account now uses {user.email}, so this one can&apos;t be restored.</Banner>
      )}

      <Card>
        <CardHeader title="Profile" />
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label="Signed up" value={formatDateTime(user.createdAt)} />
          <Stat label="Last sign-in" value={user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "never"} hint={user.lastLoginIp ?? undefined} />
          <Stat label="Email verified" value={user.emailVerifiedAt ? formatDateTime(user.emailVerifiedAt) : "no"} />
          <Stat label="Failed sign-ins" value={user.failedLoginAttempts} hint={locked ? `locked until ${formatDateTime(user.lockedUntil)}` : undefined} />
          <Stat label="Role" value={user.role} />
          <Stat label="Credit score" value={user.creditScore ?? "—"} />
          <Stat label="Stripe customer" value={<span className="break-all font-mono text-sm">{user.stripeCustomerId ?? "—"}</span>} />
          <Stat label="Calculations" value={totalCalcs} hint={detail.calculations.map((c) => `${humanize(c.type)} ${c.count}`).join(" · ") || undefined} />
        </dl>
      </Card>

      <Card>
        <CardHeader title="Actions" description="Each action is recorded in the audit log." />
        <div className="flex flex-wrap items-start gap-3">
          {locked || user.failedLoginAttempts > 0 ? <ActionButton action={unlockUserAction} fields={fields} label="Unlock" pendingText="Unlocking…" /> : null}
          {!user.emailVerified && !user.deletedAt && (
            <>
              <ActionButton action={resendVerificationAction} fields={fields} label="Resend verification email" pendingText="Sending…" />
              <ActionButton action={markVerifiedAction} fields={fields} label="Mark email verified" pendingText="Saving…" />
            </>
          )}
          {!self && !user.deletedAt && (user.isActive ? (
            <ActionButton
              action={deactivateUserAction}
              fields={fields}
              label="Deactivate"
              variant="danger"
              pendingText="Deactivating…"
              confirm={{ title: "Deactivate this account?", description: `They are signed out everywhere at once and can't sign in until reactivated.${billingNote("reactivating")}`, confirmLabel: "Deactivate" }}
            />
          ) : (
            <ActionButton action={reactivateUserAction} fields={fields} label="Reactivate" pendingText="Reactivating…" />
          ))}
          {!self && !user.deletedAt && user.isActive && (user.role === "admin" ? (
            <ActionButton
              action={setUserRoleAction}
              fields={{ ...fields, role: "user" }}
              label="Remove admin"
              pendingText="Saving…"
              confirm={{ title: "Remove the admin role?", description: "They keep their account but lose access to the admin dashboard.", confirmLabel: "Remove admin" }}
            />
          ) : (
            <ActionButton
              action={setUserRoleAction}
              fields={{ ...fields, role: "admin" }}
              label="Make admin"
              pendingText="Saving…"
              confirm={{ title: "Make this user an admin?", description: "They will be able to see every account and change pricing, rates and users.", confirmLabel: "Make admin" }}
            />
          ))}
          {!self && (user.deletedAt ? (
            <ActionButton action={restoreUserAction} fields={fields} label="Restore account" pendingText="Restoring…" />
          ) : (
            <ActionButton
              action={softDeleteUserAction}
              fields={fields}
              label="Delete (restorable)"
              variant="danger"
              pendingText="Deleting…"
              confirm={{ title: "Delete this account?", description: `They are signed out and the account is hidden. You can restore it later.${billingNote("restoring")}`, confirmLabel: "Delete" }}
            />
          ))}
          {!self && <PurgeButton action={purgeUserAction} userId={user.id} email={user.email} />}
        </div>
        {self && <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">This is your own account: you can&apos;t deactivate, delete or demote yourself.</p>}
      </Card>

      <Section title="Mortgages" count={detail.mortgages.length} id="mortgages">
        <Table caption="Mortgages">
          <THead>
            <tr><Th>Name</Th><Th>Balance</Th><Th>Rate</Th><Th>Remaining</Th><Th>State</Th></tr>
          </THead>
          <TBody>
            {detail.mortgages.map((m) => (
              <tr key={m.id}>
                <Td>{m.name}</Td>
                <Td>{theirs.cents(m.remainingPrincipalCents)}</Td>
                <Td>{formatPercent(m.originalInterestRate)}</Td>
                <Td>{formatMonths(m.remainingTerm)}</Td>
                <Td>{m.deletedAt ? <Badge tone="danger">deleted</Badge> : <Badge tone="success">active</Badge>}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Section>

      <Section title="Alerts" count={detail.alerts.length} id="alerts">
        <Table caption="Alerts">
          <THead>
            <tr><Th>Alert</Th><Th>Target</Th><Th>Triggers</Th><Th>State</Th></tr>
          </THead>
          <TBody>
            {detail.alerts.map((a) => (
              <tr key={a.id} id={`alert-${a.id}`}>
                <Td>
                  {mortgageNames.get(a.mortgageId) ?? "Mortgage"}
                  <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{a.id.slice(0, 8)}</div>
                </Td>
                <Td>{a.alertType === "interest_rate" ? `rate ≤ ${formatPercent(a.targetInterestRate)}` : `payment ≤ ${theirs.cents(a.targetMonthlyPaymentCents)}`} · {formatMonths(a.targetTerm)}</Td>
                <Td>{a.totalTriggers}</Td>
                <Td>{a.deletedAt ? <Badge tone="danger">deleted</Badge> : a.isActive ? <Badge tone="success">active</Badge> : <Badge>paused</Badge>}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Section>

      <Section title="Subscriptions" count={detail.subscriptions.length} id="subscriptions">
        <Table caption="Subscriptions">
          <THead>
            <tr><Th>Status</Th><Th>Amount</Th><Th>Period end</Th><Th>Stripe subscription</Th><Th>Alert</Th></tr>
          </THead>
          <TBody>
            {detail.subscriptions.map((s) => (
              <tr key={s.id}>
                <Td><Badge tone={s.status === "active" ? "success" : s.status === "past_due" ? "warning" : "neutral"}>{humanize(s.status)}</Badge></Td>
                <Td>{formatCents(s.amountCents)} / {s.interval}</Td>
                <Td>{formatDateTime(s.currentPeriodEnd)}</Td>
                <Td className="font-mono text-xs">{s.stripeSubscriptionId}</Td>
                <Td><a href={`#alert-${s.alertId}`} className="underline">{mortgageNames.get(alertMortgage.get(s.alertId) ?? "") ?? s.alertId.slice(0, 8)}</a></Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Section>

      <Section title="Invoices" count={detail.invoices.length} id="invoices">
        <Table caption="Invoices">
          <THead>
            <tr><Th>Date</Th><Th>Status</Th><Th>Due</Th><Th>Paid</Th><Th>Stripe invoice</Th></tr>
          </THead>
          <TBody>
            {detail.invoices.map((i) => (
              <tr key={i.id}>
                <Td>{formatDateTime(i.invoiceDate)}</Td>
                <Td>{humanize(i.status)}</Td>
                <Td>{formatCents(i.amountDueCents)}</Td>
                <Td>{formatCents(i.amountPaidCents)}</Td>
                <Td className="font-mono text-xs">{i.stripeInvoiceId}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Section>

      <Section title="Recent emails" count={detail.emails.length} id="emails">
        <Table caption="Recent emails">
          <THead>
            <tr><Th>Sent</Th><Th>Type</Th><Th>Subject</Th><Th>Status</Th></tr>
          </THead>
          <TBody>
            {detail.emails.map((e) => (
              <tr key={e.id}>
                <Td>{formatDateTime(e.createdAt)}</Td>
                <Td>{humanize(e.emailType)}</Td>
                <Td className="max-w-xs truncate">{e.subject}</Td>
                <Td>
                  <Badge tone={e.status === "failed" || e.status === "bounced" ? "danger" : e.status === "queued" ? "warning" : "success"}>{e.status}</Badge>
                  {e.errorMessage && <span className="ml-2 text-xs text-red-700 dark:text-red-300">{e.errorMessage.slice(0, 80)}</span>}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Section>

      <Section title="Account history" count={detail.audit.length} id="history">
        <ul className="space-y-1 text-sm">
          {detail.audit.map((a) => (
            <li key={a.id} className="flex flex-wrap gap-x-3">
              <span className="text-slate-500 dark:text-slate-400">{formatDateTime(a.createdAt)}</span>
              <span className="font-medium">{AUDIT_WORDS[a.action] ?? humanize(a.action.replace(/^(admin\.)?user\./, ""))}</span>
              <span className="text-slate-500 dark:text-slate-400">{a.actorEmail ? (a.actorId === user.id ? "by the user" : `by ${a.actorEmail}`) : "by the system"}</span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
