import { Trash } from "@medusajs/icons"
import { useRemoveCustomerOffer } from "../../hooks/api/customer-inbox"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useTranslate } from "../../lib/i18n"
import type { InboxEntry } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { canRemoveOffer } from "./format"

type OfferActionsProps = {
  customerId: string
  offer: InboxEntry
}

/**
 * The "…" menu of an offer row: "Remove offer", after a confirmation. Only what is still in the
 * inbox (new or read) can be removed; the server refuses a second removal (409) all the same.
 */
export const OfferActions = ({ customerId, offer }: OfferActionsProps) => {
  const { t } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useRemoveCustomerOffer(customerId)
  )

  const handleRemove = () =>
    confirmAndRun(offer.id, {
      title: t("customerInbox.remove.title"),
      description: t("customerInbox.remove.description", {
        title: offer.title,
      }),
      confirmText: t("customerInbox.remove.confirm"),
      cancelText: t("customerInbox.remove.cancel"),
      success: () => t("customerInbox.remove.done", { title: offer.title }),
    })

  return (
    <ActionMenu
      label={t("customerInbox.actions.menu", { title: offer.title })}
      groups={[
        [
          {
            icon: <Trash />,
            label: t("customerInbox.actions.remove"),
            disabled: isPending || !canRemoveOffer(offer),
            onClick: handleRemove,
            "data-testid": "customer-offer-remove",
          },
        ],
      ]}
      data-testid="customer-offer-actions"
    />
  )
}
