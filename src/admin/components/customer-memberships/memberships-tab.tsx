import { Plus } from "@medusajs/icons"
import { Badge, Button, Heading } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useCustomerMemberships } from "../../hooks/api/memberships"
import { useTranslate } from "../../lib/i18n"
import type { Membership } from "../../lib/types"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"
import { AssignMembershipDrawer } from "./assign-membership-drawer"
import { type MembershipAction, sortMemberships } from "./format"
import { MembershipDialogs } from "./membership-dialogs"
import { MembershipsTable } from "./memberships-table"

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
  const { t } = useTranslate()
  const [isAssigning, setIsAssigning] = useState(false)
  const [dialog, setDialog] = useState<DialogState>({
    action: null,
    membership: null,
  })
  const { memberships, isPending, isError, error } =
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

  const handleAction = (action: DialogState["action"], membership: Membership) =>
    setDialog({ action, membership })

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-memberships-loading"
        >
          <Skeletons count={3} className="h-5 w-full" />
        </div>
      )
    }

    if (isError) {
      return (
        <SectionError data-testid="crm-memberships-error">
          {t("memberships.loadError", { message: error?.message ?? "" })}
        </SectionError>
      )
    }

    if (!sorted.length) {
      return (
        <EmptyState
          title={t("memberships.emptyTitle")}
          description={t("memberships.emptyDescription")}
          data-testid="crm-memberships-empty"
        />
      )
    }

    return (
      <MembershipsTable
        customerId={customerId}
        memberships={sorted}
        onAction={handleAction}
      />
    )
  }

  return (
    <div className="divide-y" data-testid="crm-memberships-tab">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">{t("memberships.title")}</Heading>
          {!!sorted.length && (
            <Badge size="2xsmall" data-testid="crm-memberships-count">
              {sorted.length}
            </Badge>
          )}
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setIsAssigning(true)}
          data-testid="crm-memberships-assign"
        >
          <Plus />
          {t("memberships.assign")}
        </Button>
      </div>
      <div>{renderBody()}</div>
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
