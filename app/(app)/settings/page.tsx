import type { Metadata } from "next";
import { Badge, Banner, Card, CardHeader, PageHeader } from "@/components/ui";
import { getPreferences } from "@/lib/account/preferences";
import { requireUser } from "@/lib/auth/session";
import { pendingEmailChange } from "@/lib/auth/verification";
import { formatterFor } from "@/lib/format";
import { ChangeEmailForm, ChangePasswordForm, NameForm } from "./profile-forms";
import { PreferencesForm } from "./preferences-form";
import { DeleteAccount, SignOutEverywhere } from "./account-actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser("/settings");
  const fmt = formatterFor(user.display);
  const [{ saved }, prefs, pending] = await Promise.all([searchParams, getPreferences(user.id), pendingEmailChange(user.id)]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="Settings" description="Your profile, sign-in, email and display preferences, and your data." />
      {saved === "password" && (
        <div className="mb-6">
          <Banner tone="success">Your password was changed. Every other device was signed out; we&apos;ve emailed you a confirmation.</Banner>
        </div>
      )}
      <div className="space-y-6">
        <Card aria-labelledby="profile-heading">
          <CardHeader title={<span id="profile-heading">Profile</span>} description="The name we use in emails." />
          <NameForm name={user.name} />
        </Card>

        <Card>
          <CardHeader
            title="Email address"
            description={
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-700 dark:text-slate-200" data-testid="current-email">{user.email}</span>
                {user.emailVerified ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>}
              </span>
            }
          />
          {pending && (
            <div className="mb-4">
              <Banner tone="info">
                Waiting for you to confirm {pending.email}: open the link we sent there (it works until {fmt.dateTime(pending.expiresAt)}).
              </Banner>
            </div>
          )}
          <ChangeEmailForm />
        </Card>

        <Card>
          <CardHeader title="Password" description="Changing it signs you out on every other device." />
          <ChangePasswordForm />
        </Card>

        <Card>
          <CardHeader title="Preferences" description="How we email you, how things look, and the defaults for alerts and calculators." />
          <PreferencesForm prefs={prefs} />
        </Card>

        <Card>
          <CardHeader title="Sessions" description="Lost a device or signed in somewhere public? End every session, this one included." />
          <SignOutEverywhere />
        </Card>

        <Card>
          <CardHeader title="Your data" description="Everything we hold about you (profile, preferences, mortgages with masked loan numbers, alerts, billing, calculations, emails) as one JSON file." />
          <a
            href="/api/account/export"
            download
            className="inline-flex h-10 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
          >
            Download my data
          </a>
        </Card>

        <Card className="border-red-200 dark:border-red-900">
          <CardHeader title="Delete account" description="Cancels any subscription, stops your alerts and deletes your account. This can't be undone." />
          <DeleteAccount />
        </Card>
      </div>
    </div>
  );
}
