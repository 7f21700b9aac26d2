import {
  createDataTableColumnHelper,
  StatusBadge,
  Text,
  Tooltip,
} from "@medusajs/ui"
import { formatDate, formatDateTime } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { Membership } from "../../lib/types"
import { customerDisplayName } from "../tag-definitions/format"
import { type MembershipAction, STATUS_COLORS } from "./format"
import { MembershipActions } from "./membership-actions"

const columnHelper = createDataTableColumnHelper<Membership>()

type MembershipColumnsOptions = {
  t: TranslateFn
  customerId: string
  onAction: (
    action: Exclude<MembershipAction, "renew">,
    membership: Membership
  ) => void
}

/** The columns of a customer's memberships: number, plan, level, expiry, status and actions. */
export const membershipColumns = ({
  t,
  customerId,
  onAction,
}: MembershipColumnsOptions) => [
  columnHelper.accessor("number", {
    header: t("memberships.columns.number"),
    cell: ({ row }) => (
      <span
        className="txt-compact-small text-ui-fg-base whitespace-nowrap font-mono"
        data-testid="crm-membership-number"
        data-membership-id={row.original.id}
        data-membership-number={row.original.number}
        data-status={row.original.status}
        data-role={row.original.role}
      >
        {row.original.number}
      </span>
    ),
  }),
  columnHelper.accessor("plan.name", {
    header: t("memberships.columns.plan"),
    cell: ({ row }) => <MembershipPlan membership={row.original} />,
  }),
  columnHelper.accessor("plan.level", {
    header: t("memberships.columns.level"),
  }),
  columnHelper.accessor("expires_at", {
    header: t("memberships.columns.expires"),
    cell: ({ row }) => (
      <div data-testid="crm-membership-expires">
        <MembershipExpiry membership={row.original} />
      </div>
    ),
  }),
  columnHelper.accessor("status", {
    header: t("memberships.columns.status"),
    cell: ({ row }) => <MembershipStatus membership={row.original} />,
  }),
  columnHelper.display({
    id: "actions",
    cell: ({ row }) => (
      <MembershipActions
        customerId={customerId}
        membership={row.original}
        onAction={(action) => onAction(action, row.original)}
      />
    ),
  }),
]

type MembershipCellProps = {
  membership: Membership
}

/** The plan's name, and with how many the holder shares it. */
const MembershipPlan = ({ membership }: MembershipCellProps) => {
  const { t } = useTranslate()
  const { plan, shares } = membership

  return (
    <div className="flex min-w-0 flex-col py-2">
      <span className="text-ui-fg-base truncate">{plan.name}</span>
      {membership.role === "holder" && shares.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("memberships.sharedWith", { count: shares.length })}
        </Text>
      )}
    </div>
  )
}

/** The status, and whose membership a co-member shares. */
const MembershipStatus = ({ membership }: MembershipCellProps) => {
  const { t } = useTranslate()

  return (
    <div className="flex flex-col items-start gap-y-0.5 py-2">
      <StatusBadge
        color={STATUS_COLORS[membership.status]}
        data-testid="crm-membership-status"
      >
        {t(`memberships.status.${membership.status}`)}
      </StatusBadge>
      {membership.role === "co_member" && (
        <Tooltip
          content={t("memberships.heldBy", {
            name: membership.holder
              ? customerDisplayName(membership.holder)
              : "-",
          })}
        >
          <span
            className="text-ui-fg-muted txt-compact-xsmall"
            data-testid="crm-membership-co-member"
          >
            {t("memberships.coMember")}
          </span>
        </Tooltip>
      )}
    </div>
  )
}

type MembershipExpiryProps = {
  membership: Membership
}

/** The expiry date (or "Lifetime"), and whether it ends there by a scheduled cancellation. */
const MembershipExpiry = ({ membership }: MembershipExpiryProps) => {
  const { t, locale } = useTranslate()
  const { expires_at: expiresAt } = membership
  const endsAtPeriodEnd =
    membership.status === "active" && membership.cancel_at_period_end

  return (
    <div className="flex flex-col py-2">
      {expiresAt ? (
        <Tooltip content={formatDateTime(expiresAt, locale)}>
          <span className="text-ui-fg-subtle w-fit whitespace-nowrap">
            <time dateTime={expiresAt}>{formatDate(expiresAt, locale)}</time>
          </span>
        </Tooltip>
      ) : (
        <span className="text-ui-fg-subtle">
          {t("memberships.lifetime")}
        </span>
      )}
      {endsAtPeriodEnd && (
        <Text
          size="xsmall"
          className="text-ui-tag-orange-text whitespace-nowrap"
          data-testid="crm-membership-cancels-at-period-end"
        >
          {t("memberships.cancelsAtPeriodEnd")}
        </Text>
      )}
    </div>
  )
}
