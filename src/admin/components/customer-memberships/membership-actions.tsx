import {
  ArrowPath,
  Calendar,
  Gift,
  History,
  IdBadge,
  UserGroup,
  XCircle,
} from "@medusajs/icons"
import { usePrompt } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useRenewMembership } from "../../hooks/api/memberships"
import { formatDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { Membership } from "../../lib/types"
import { ActionMenu, type ActionMenuAction } from "../common/action-menu"
import {
  availableActions,
  durationText,
  type MembershipAction,
  renewedExpiry,
} from "./format"

const ICONS: Record<MembershipAction, ReactNode> = {
  expiration: <Calendar />,
  renew: <ArrowPath />,
  cancel: <XCircle />,
  gift: <Gift />,
  share: <UserGroup />,
  card: <IdBadge />,
  history: <History />,
}

// Looking first, then changing, then giving; cancelling (destructive) last, as the dashboard does.
const GROUPS: MembershipAction[][] = [
  ["card", "history"],
  ["expiration", "renew"],
  ["gift", "share"],
  ["cancel"],
]

type MembershipActionsProps = {
  customerId: string
  membership: Membership
  /** Opens the drawer (or the card) of an action; renewing happens here, after a confirmation. */
  onAction: (action: Exclude<MembershipAction, "renew">) => void
}

/** The "…" menu of a membership row; actions that cannot apply to it are disabled. */
export const MembershipActions = ({
  customerId,
  membership,
  onAction,
}: MembershipActionsProps) => {
  const { t } = useTranslate()
  const { renew, isRenewing } = useRenewWithPrompt(customerId, membership)
  const available = availableActions(membership)

  const toAction = (action: MembershipAction): ActionMenuAction => ({
    icon: ICONS[action],
    label: t(`memberships.actions.${action}`),
    // Renewing runs from the menu: no second renewal while the first is on its way.
    disabled: !available[action] || (action === "renew" && isRenewing),
    onClick: () => (action === "renew" ? renew() : onAction(action)),
    "data-testid": `crm-membership-action-${action}`,
  })

  return (
    <ActionMenu
      label={t("memberships.actions.menu", { number: membership.number })}
      groups={GROUPS.map((group) => group.map(toAction))}
      data-testid="crm-membership-actions"
    />
  )
}

/** Renew after confirming, with the expiry it will have. */
const useRenewWithPrompt = (customerId: string, membership: Membership) => {
  const { t, locale } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useRenewMembership(customerId)

  const renew = async () => {
    const until = renewedExpiry(membership)
    const confirmed = await prompt({
      title: t("memberships.renew.title", { number: membership.number }),
      description: t("memberships.renew.description", {
        duration: durationText(membership.plan, t),
        date: until ? formatDate(until, locale) : "-",
      }),
      confirmText: t("memberships.renew.confirm"),
      cancelText: t("memberships.actions.back"),
      variant: "confirmation",
    })
    if (!confirmed) {
      return
    }
    await mutateWithToast(
      mutateAsync,
      { membershipId: membership.id },
      {
        success: ({ membership: renewed }) =>
          renewed.expires_at
            ? t("memberships.renew.done", {
                number: renewed.number,
                date: formatDate(renewed.expires_at, locale),
              })
            : t("memberships.renew.doneLifetime", { number: renewed.number }),
      }
    )
  }
  return { renew, isRenewing: isPending }
}
