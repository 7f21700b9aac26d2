import { useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useCustomerMemberships } from "../../hooks/api/memberships"
import { useStableCallback } from "../../hooks/use-stable-callback"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { Membership } from "../../lib/types"
import { ListTable } from "../common/list-table"
import { AssignMembershipDrawer } from "./assign-membership-drawer"
import { type MembershipAction, sortMemberships } from "./format"
import { MembershipDialogs } from "./membership-dialogs"
import { membershipColumns } from "./memberships-table"

type DialogState = {
  action: Exclude<MembershipAction, "renew"> | null
  /** Kept after closing, so the closing drawer keeps its content. */
  membership: Membership | null
}

type MembershipsTabProps = {
  customerId: string
}

/** The Memberships tab: what the customer holds or shares in, with assign and per-row actions. */
export const MembershipsTab = ({ customerId }: MembershipsTabProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const [isAssigning, setIsAssigning] = useState(false)
  const [dialog, setDialog] = useState<DialogState>({
    action: null,
    membership: null,
  })
  const { memberships, isPending, error } =
    useCustomerMemberships(customerId)

  const sorted = useMemo(
    () => sortMemberships(memberships ?? []),
    [memberships]
  )
  // An open drawer follows the list, so it shows the membership as it is now (e.g. its co-members).
  const current = dialog.membership
    ? (sorted.find(({ id }) => id === dialog.membership?.id) ??
      dialog.membership)
    : null

  const handleAction = useStableCallback(
    (action: DialogState["action"], membership: Membership) =>
      setDialog({ action, membership })
  )
  const columns = useMemo(
    () => membershipColumns({ t, customerId, onAction: handleAction }),
    // `t` is new on every render; what it says changes only with the locale.
    [locale, customerId, handleAction]
  )
  const instance = useDataTable({
    data: sorted,
    columns,
    rowCount: sorted.length,
    getRowId: (row) => row.id,
    isLoading: isPending,
  })

  return (
    <div data-testid="crm-memberships-tab">
      <ListTable
        instance={instance}
        title={t("memberships.title")}
        headingLevel="h3"
        count={sorted.length}
        add={{
          label: t("memberships.assign"),
          onClick: () => setIsAssigning(true),
          "data-testid": "crm-memberships-assign",
        }}
        error={
          error
            ? t("memberships.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: {
            heading: t("memberships.emptyTitle"),
            description: t("memberships.emptyDescription"),
          },
        }}
        data-testid="crm-memberships"
      />
      <AssignMembershipDrawer
        customerId={customerId}
        open={isAssigning}
        onOpenChange={setIsAssigning}
      />
      {current && (
        <MembershipDialogs
          customerId={customerId}
          membership={current}
          action={dialog.action}
          onClose={() =>
            setDialog((state) => ({ ...state, action: null }))
          }
        />
      )}
    </div>
  )
}
