import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui";
import { mortgageToFormValues } from "@/components/mortgages/form-values";
import { MortgageForm } from "@/components/mortgages/mortgage-form";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { updateMortgageAction } from "@/lib/mortgages/actions";
import { maskLoanNumber } from "@/lib/mortgages/crypto";
import { getMortgage } from "@/lib/mortgages/queries";

export const metadata: Metadata = { title: "Edit mortgage" };

export default async function EditMortgagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/mortgages/${id}/edit`);
  const mortgage = await getMortgage(user.id, id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <div className="max-w-3xl">
      <PageHeader title={`Edit “${mortgage.name}”`} />
      <Card>
        <MortgageForm
          action={updateMortgageAction}
          initial={mortgageToFormValues(mortgage)}
          mortgageId={mortgage.id}
          maskedLoanNumber={maskLoanNumber(mortgage.loanNumberLast4) || undefined}
          cancelHref={`/mortgages/${mortgage.id}`}
        />
      </Card>
    </div>
  );
}
