import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { usePinnedCustomerNote } from "../../hooks/api/customer-notes"
import { useTranslate } from "../../lib/i18n"
import { InternalDescriptionMarker } from "./internal-description-marker"

type CrmSideCardProps = {
  customerId: string
}

/** The small CRM card in the customer page's side column. */
export const CrmSideCard = ({ customerId }: CrmSideCardProps) => {
  const { t } = useTranslate()
  const { pinnedNote, isPending, isError } = usePinnedCustomerNote(customerId)

  return (
    <Container className="divide-y p-0" data-testid="crm-side-card">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("crm.title")}</Heading>
        {pinnedNote && <InternalDescriptionMarker body={pinnedNote.body} />}
      </div>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Text
          size="small"
          leading="compact"
          weight="plus"
          className="text-ui-fg-subtle"
        >
          {t("side.internalDescription")}
        </Text>
        {isPending ? (
          <Skeleton className="h-4 w-full" />
        ) : isError && !pinnedNote ? (
          <Text
            size="small"
            className="text-ui-fg-error"
            data-testid="crm-side-error"
          >
            {t("side.loadError")}
          </Text>
        ) : pinnedNote ? (
          <Text
            size="small"
            className="text-ui-fg-subtle line-clamp-3 whitespace-pre-wrap break-words"
            data-testid="crm-side-description"
          >
            {pinnedNote.body}
          </Text>
        ) : (
          <Text
            size="small"
            className="text-ui-fg-muted"
            data-testid="crm-side-no-description"
          >
            {t("side.noInternalDescription")}
          </Text>
        )}
      </div>
    </Container>
  )
}
