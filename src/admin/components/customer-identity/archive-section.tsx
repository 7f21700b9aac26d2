import { ArchiveBox, ArrowUturnLeft } from "@medusajs/icons"
import { Alert, Button, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { useRestoreCustomer } from "../../hooks/api/identity"
import { formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerArchive } from "../../lib/types"
import { ArchiveCustomerDrawer } from "./archive-customer-drawer"

type ArchiveSectionProps = {
  customerId: string
  archived: CustomerArchive | null
}

/** Whether the customer is archived: archive them (with a reason), or see when and why and restore. */
export const ArchiveSection = ({
  customerId,
  archived,
}: ArchiveSectionProps) => {
  const { t } = useTranslate()
  const [isArchiving, setIsArchiving] = useState(false)

  return (
    <div className="divide-y" data-testid="crm-identity-status">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">{t("identity.status.title")}</Heading>
          <StatusBadge
            color={archived ? "orange" : "green"}
            data-testid="crm-identity-status-badge"
            data-status={archived ? "archived" : "active"}
          >
            {archived
              ? t("identity.status.archived")
              : t("identity.status.active")}
          </StatusBadge>
        </div>
        {!archived && (
          <Button
            size="small"
            variant="secondary"
            onClick={() => setIsArchiving(true)}
            data-testid="crm-identity-archive"
          >
            <ArchiveBox />
            {t("identity.archive.button")}
          </Button>
        )}
      </div>
      <div className="px-6 py-4">
        {archived ? (
          <ArchivedAlert customerId={customerId} archived={archived} />
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {t("identity.status.activeHint")}
          </Text>
        )}
      </div>
      <ArchiveCustomerDrawer
        customerId={customerId}
        open={isArchiving}
        onOpenChange={setIsArchiving}
      />
    </div>
  )
}

type ArchivedAlertProps = {
  customerId: string
  archived: CustomerArchive
}

/** When and why the customer was archived, with Restore. */
const ArchivedAlert = ({ customerId, archived }: ArchivedAlertProps) => {
  const { t, locale } = useTranslate()
  const { mutateAsync, isPending } = useRestoreCustomer(customerId)

  const handleRestore = () =>
    mutateWithToast(mutateAsync, undefined, {
      success: () => t("identity.restored"),
    })

  return (
    <Alert
      variant="warning"
      data-testid="crm-identity-archived"
      data-archived-at={archived.archived_at}
    >
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Text size="small" leading="compact" weight="plus">
            {t("identity.archived.title", {
              date: formatDateTime(archived.archived_at, locale),
            })}
          </Text>
          <Text
            size="small"
            className="text-ui-fg-subtle whitespace-pre-wrap break-words"
            data-testid="crm-identity-archived-reason"
          >
            {archived.reason
              ? t("identity.archived.reason", { reason: archived.reason })
              : t("identity.archived.noReason")}
          </Text>
          <Text size="small" className="text-ui-fg-muted">
            {t("identity.archived.hint")}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          isLoading={isPending}
          onClick={handleRestore}
          className="shrink-0"
          data-testid="crm-identity-restore"
        >
          <ArrowUturnLeft />
          {t("identity.restore")}
        </Button>
      </div>
    </Alert>
  )
}
