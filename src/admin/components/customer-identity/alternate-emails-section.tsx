import { Plus, Trash } from "@medusajs/icons"
import {
  Button,
  createDataTableColumnHelper,
  IconButton,
  Tooltip,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useRemoveAlternateEmail } from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerAlternateEmail } from "../../lib/types"
import { AddedAt } from "../common/added-at"
import { ListTable } from "../common/list-table"
import { AddEmailDrawer } from "./add-email-drawer"

type AlternateEmailsSectionProps = {
  customerId: string
  emails: CustomerAlternateEmail[]
}

const columnHelper = createDataTableColumnHelper<CustomerAlternateEmail>()

/** The customer's other addresses (searched and matched like the primary one): add and remove. */
export const AlternateEmailsSection = ({
  customerId,
  emails,
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
        actions={
          <Button
            size="small"
            variant="secondary"
            onClick={() => setIsAdding(true)}
            data-testid="crm-identity-add-email"
          >
            <Plus />
            {t("identity.emails.add")}
          </Button>
        }
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
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useRemoveAlternateEmail(customerId)

  const handleRemove = async () => {
    const confirmed = await prompt({
      title: t("identity.emails.removeTitle"),
      description: t("identity.emails.removeDescription", {
        email: email.email,
      }),
      confirmText: t("identity.emails.remove"),
      cancelText: t("identity.emails.cancel"),
    })
    if (!confirmed) {
      return
    }
    await mutateWithToast(mutateAsync, email.id, {
      success: () => t("identity.emails.removed", { email: email.email }),
    })
  }

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
