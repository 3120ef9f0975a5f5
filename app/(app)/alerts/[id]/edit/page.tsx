import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertForm } from "@/components/alerts/alert-form";
import { PageHeader } from "@/components/ui";
import { updateAlertAction } from "@/lib/alerts/actions";
import { alertFormData } from "@/lib/alerts/page-data";
import { getAlert } from "@/lib/alerts/queries";
import { isUuid } from "@/lib/alerts/schemas";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Edit alert" };

export default async function EditAlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/alerts/${id}/edit`);
  if (!isUuid(id)) notFound();
  const alert = await getAlert(user.id, id).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const data = await alertFormData(user.id);
  return (
    <div>
      <PageHeader title="Edit alert" description={`On ${alert.mortgageName}. A new target starts afresh: open notifications for the old one are closed.`} />
      <AlertForm
        action={updateAlertAction}
        alertId={alert.id}
        mortgages={data.mortgages.filter((m) => m.id === alert.mortgageId)}
        latest={data.latest}
        series={data.series}
        submitLabel="Save changes"
        initial={{
          mortgageId: alert.mortgageId,
          alertType: alert.alertType,
          targetRate: alert.targetInterestRate === null ? "" : String(alert.targetInterestRate),
          targetPayment: alert.targetMonthlyPaymentCents === null ? "" : (alert.targetMonthlyPaymentCents / 100).toFixed(2),
          targetTerm: String(alert.targetTerm),
          refinanceCost: alert.estimateRefinanceCostCents === null ? "" : (alert.estimateRefinanceCostCents / 100).toFixed(2),
        }}
      />
    </div>
  );
}
