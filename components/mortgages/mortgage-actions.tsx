import { ButtonLink } from "@/components/ui";
import { DeleteMortgageButton } from "./delete-mortgage-button";

/**
 * A mortgage's Edit and Delete, as the list shows them in its table (desktop) and on its cards
 * (phone). `alerts` is how many alerts watch it: Delete asks first when any do.
 */
export function MortgageActions({ id, name, alerts, className }: { id: string; name: string; alerts: number; className?: string }) {
  return (
    <div className={`flex justify-end gap-2 ${className ?? ""}`}>
      <ButtonLink href={`/mortgages/${id}/edit`} variant="secondary" size="sm" aria-label={`Edit ${name}`}>
        Edit
      </ButtonLink>
      <DeleteMortgageButton id={id} name={name} alerts={alerts} />
    </div>
  );
}
