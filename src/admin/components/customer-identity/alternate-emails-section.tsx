import { Trash } from "@medusajs/icons"
import {
  createDataTableColumnHelper,
  IconButton,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useRemoveAlternateEmail } from "../../hooks/api/identity"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useTranslate } from "../../lib/i18n"
import type { CustomerAlternateEmail } from "../../lib/types"
import { AddedAt } from "../common/added-at"
import { ListTable } from "../common/list-table"
import { AddEmailDrawer } from "./add-email-drawer"

type AlternateEmailsSectionProps = {
  customerId: string
  emails: CustomerAlternateEmail[]
  /** Opens the merge with another customer (who has an address being added). */
  onMerge: (otherId: string) => void
}

const columnHelper = createDataTableColumnHelper<CustomerAlternateEmail>()

/** The customer's other addresses (searched and matched like the primary one): add and remove. */
export const AlternateEmailsSection = ({
  customerId,
  emails,
  onMerge,
}: AlternateEmailsSectionProps) => {
  const { t, locale } = useTranslate()
  const [isAdding, setIsAdding] = useState(false)

  const columns = useMemo(
    () => [
      columnHelper.accessor("email", {
        header: t("identity.columns.email"),
        cell: ({ row }) => (
          <span
            className="text-ui-fg-base block max-w-[320px] truncate"
            data-testid="crm-identity-email"
            data-email={row.original.email}
            data-source={row.original.source}
          >
            {row.original.email}
          </span>
        ),
      }),
      columnHelper.accessor("created_at", {
        header: t("identity.columns.added"),
        cell: ({ row }) => (
          <AddedAt
            date={row.original.created_at}
            source={t(`identity.emails.sources.${row.original.source}`)}
            data-testid="crm-identity-email-source"
          />
        ),
      }),
      columnHelper.display({
        id: "remove",
        cell: ({ row }) => (
          <RemoveEmailButton customerId={customerId} email={row.original} />
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale, customerId]
  )

  const instance = useDataTable({
    data: emails,
    columns,
    rowCount: emails.length,
    getRowId: (row) => row.id,
  })

  return (
    <div>
      <ListTable
        instance={instance}
        title={t("identity.emails.title")}
        headingLevel="h3"
        count={emails.length}
        add={{
          label: t("identity.emails.add"),
          onClick: () => setIsAdding(true),
          "data-testid": "crm-identity-add-email",
        }}
        emptyState={{
          empty: {
            heading: t("identity.emails.emptyTitle"),
            description: t("identity.emails.emptyDescription"),
          },
        }}
        data-testid="crm-identity-emails"
      />
      <AddEmailDrawer
        customerId={customerId}
        currentEmails={emails.map(({ email }) => email.toLowerCase())}
        open={isAdding}
        onOpenChange={setIsAdding}
        onMerge={onMerge}
      />
    </div>
  )
}

type RemoveEmailButtonProps = {
  customerId: string
  email: CustomerAlternateEmail
}

/** Removes the address, after a confirmation. */
const RemoveEmailButton = ({ customerId, email }: RemoveEmailButtonProps) => {
  const { t } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useRemoveAlternateEmail(customerId)
  )

  const handleRemove = () =>
    confirmAndRun(email.id, {
      title: t("identity.emails.removeTitle"),
      description: t("identity.emails.removeDescription", {
        email: email.email,
      }),
      confirmText: t("identity.emails.remove"),
      cancelText: t("identity.emails.cancel"),
      success: () => t("identity.emails.removed", { email: email.email }),
    })

  return (
    <Tooltip content={t("identity.emails.remove")}>
      <IconButton
        size="small"
        variant="transparent"
        aria-label={t("identity.emails.removeLabel", {
          email: email.email,
        })}
        disabled={isPending}
        onClick={handleRemove}
        data-testid="crm-identity-email-remove"
      >
        <Trash />
      </IconButton>
    </Tooltip>
  )
}
