import { StatusBadge, Table, Text, Tooltip } from "@medusajs/ui"
import { formatDate, formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { Membership } from "../../lib/types"
import { customerDisplayName } from "../tag-definitions/format"
import { type MembershipAction, STATUS_COLORS } from "./format"
import { MembershipActions } from "./membership-actions"

type MembershipsTableProps = {
  customerId: string
  memberships: Membership[]
  onAction: (
    action: Exclude<MembershipAction, "renew">,
    membership: Membership
  ) => void
}

/** The customer's memberships: number, plan, level, expiry, status and the row's actions. */
export const MembershipsTable = ({
  customerId,
  memberships,
  onAction,
}: MembershipsTableProps) => {
  const { t } = useTranslate()

  return (
    <div className="overflow-x-auto">
      <Table data-testid="crm-memberships-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("memberships.columns.number")}</Table.HeaderCell>
            <Table.HeaderCell>{t("memberships.columns.plan")}</Table.HeaderCell>
            <Table.HeaderCell>{t("memberships.columns.level")}</Table.HeaderCell>
            <Table.HeaderCell>
              {t("memberships.columns.expires")}
            </Table.HeaderCell>
            <Table.HeaderCell>{t("memberships.columns.status")}</Table.HeaderCell>
            <Table.HeaderCell className="w-px" />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {memberships.map((membership) => (
            <MembershipRow
              key={membership.id}
              customerId={customerId}
              membership={membership}
              onAction={(action) => onAction(action, membership)}
            />
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

type MembershipRowProps = {
  customerId: string
  membership: Membership
  onAction: (action: Exclude<MembershipAction, "renew">) => void
}

const MembershipRow = ({
  customerId,
  membership,
  onAction,
}: MembershipRowProps) => {
  const { t } = useTranslate()
  const { plan, shares } = membership

  return (
    <Table.Row
      data-testid="crm-membership-row"
      data-membership-id={membership.id}
      data-membership-number={membership.number}
      data-status={membership.status}
      data-role={membership.role}
    >
      <Table.Cell>
        <span
          className="txt-compact-small text-ui-fg-base whitespace-nowrap font-mono"
          data-testid="crm-membership-number"
        >
          {membership.number}
        </span>
      </Table.Cell>
      <Table.Cell>
        <div className="flex min-w-0 flex-col py-2">
          <span className="text-ui-fg-base truncate">{plan.name}</span>
          {membership.role === "holder" && shares.length > 0 && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("memberships.sharedWith", { count: shares.length })}
            </Text>
          )}
        </div>
      </Table.Cell>
      <Table.Cell>{plan.level}</Table.Cell>
      <Table.Cell data-testid="crm-membership-expires">
        <MembershipExpiry membership={membership} />
      </Table.Cell>
      <Table.Cell>
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
      </Table.Cell>
      <Table.Cell>
        <MembershipActions
          customerId={customerId}
          membership={membership}
          onAction={onAction}
        />
      </Table.Cell>
    </Table.Row>
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
