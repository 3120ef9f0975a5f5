import type { Metadata } from "next";
import { AlertForm } from "@/components/alerts/alert-form";
import { Banner, ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { createAlertAction } from "@/lib/alerts/actions";
import { alertFormData } from "@/lib/alerts/page-data";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New alert" };

export default async function NewAlertPage({ searchParams }: { searchParams: Promise<{ mortgage?: string }> }) {
  const user = await requireUser("/alerts/new");
  const { mortgage } = await searchParams;
  const data = await alertFormData(user.id);
  return (
    <div>
      <PageHeader title="New alert" description="We check every new Freddie Mac rate against your target and email you when it's reached." />
      {!user.emailVerified ? (
        <Banner tone="warning">Please verify your email address first: alerts are delivered by email.</Banner>
      ) : data.mortgages.length === 0 ? (
        <EmptyState
          title="Add a mortgage first"
          description="An alert watches the market for one of your mortgages."
          action={<ButtonLink href="/mortgages/new">Add a mortgage</ButtonLink>}
        />
      ) : (
        <AlertForm
          action={createAlertAction}
          mortgages={data.mortgages}
          latest={data.latest}
          series={data.series}
          submitLabel="Create alert"
          initial={{
            mortgageId: data.mortgages.some((m) => m.id === mortgage) ? mortgage : undefined,
            alertType: "interest_rate",
            targetRate: "",
            targetPayment: "",
            targetTerm: String(data.defaultTerm),
            refinanceCost: "",
          }}
        />
      )}
    </div>
  );
}
