import { Trash } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useDeleteCustomerPermanently } from "../../hooks/api/privacy"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useTranslate } from "../../lib/i18n"
import type { CustomerPrivacy } from "../../lib/types"
import { PrivacyBlockers } from "./privacy-blockers"

type DeleteSectionProps = {
  privacy: CustomerPrivacy
}

/**
 * "Delete permanently": for a customer without orders, the button (the word typed first), then
 * the customers list; otherwise why not (with orders: anonymize instead).
 */
export const DeleteSection = ({ privacy }: DeleteSectionProps) => {
  const { t } = useTranslate()
  const { allowed, blockers } = privacy.delete

  return (
    <div className="divide-y" data-testid="crm-privacy-delete">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h3">{t("privacy.delete.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("privacy.delete.description")}
          </Text>
        </div>
        {allowed && <DeleteButton customerId={privacy.customer_id} />}
      </div>
      {!allowed && blockers.length > 0 && (
        <div className="px-6 py-4">
          <PrivacyBlockers
            title={t("privacy.delete.blockedTitle")}
            blockers={blockers}
            data-testid="crm-privacy-delete-blockers"
          />
        </div>
      )}
    </div>
  )
}

const DeleteButton = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslate()
  const navigate = useNavigate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useDeleteCustomerPermanently(customerId)
  )

  const handleClick = async () => {
    const deleted = await confirmAndRun(
      { confirm: "delete" },
      {
        title: t("privacy.delete.confirmTitle"),
        description: t("privacy.delete.confirmDescription"),
        verificationText: t("privacy.delete.confirmWord"),
        verificationInstruction: t("privacy.confirmInstruction"),
        confirmText: t("privacy.delete.confirm"),
        cancelText: t("privacy.cancel"),
        success: () => t("privacy.delete.done"),
      }
    )
    if (deleted) {
      navigate("/customers", { replace: true })
    }
  }

  return (
    <Button
      size="small"
      variant="danger"
      className="shrink-0"
      isLoading={isPending}
      onClick={handleClick}
      data-testid="crm-privacy-delete-button"
    >
      <Trash />
      {t("privacy.delete.button")}
    </Button>
  )
}
