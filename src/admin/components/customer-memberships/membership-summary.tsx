import { StatusBadge, Text } from "@medusajs/ui"
import { formatDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { Membership } from "../../lib/types"
import { STATUS_COLORS } from "./format"

type MembershipSummaryProps = {
  membership: Membership
}

/** Which membership a drawer is about: its number, plan, status and expiry. */
export const MembershipSummary = ({ membership }: MembershipSummaryProps) => {
  const { t, locale } = useTranslate()

  return (
    <div
      className="shadow-elevation-card-rest bg-ui-bg-component flex items-start justify-between gap-x-4 rounded-lg px-4 py-3"
      data-testid="crm-membership-summary"
      data-membership-number={membership.number}
    >
      <div className="flex min-w-0 flex-col">
        <Text size="small" leading="compact" weight="plus" className="truncate">
          {membership.plan.name}
        </Text>
        <Text
          size="small"
          leading="compact"
          className="text-ui-fg-subtle font-mono"
        >
          {membership.number}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          {membership.expires_at
            ? t("memberships.validUntil", {
                date: formatDate(membership.expires_at, locale),
              })
            : t("memberships.lifetime")}
        </Text>
      </div>
      <StatusBadge color={STATUS_COLORS[membership.status]}>
        {t(`memberships.status.${membership.status}`)}
      </StatusBadge>
    </div>
  )
}
