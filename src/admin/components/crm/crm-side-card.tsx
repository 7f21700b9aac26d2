import {
  Badge,
  clx,
  Container,
  Heading,
  Skeleton,
  Text,
  Tooltip,
} from "@medusajs/ui"
import { usePinnedCustomerNote } from "../../hooks/api/customer-notes"
import { useCustomerTags } from "../../hooks/api/customer-tags"
import { useCustomerMemberships } from "../../hooks/api/memberships"
import { useCustomerLoyalty } from "../../hooks/api/loyalty"
import { formatAmount, formatDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { Membership } from "../../lib/types"
import { pointsText } from "../customer-loyalty/format"
import { planAccent } from "../customer-memberships/format"
import { CustomerTagBadge } from "../customer-tags/customer-tag-badge"
import { InternalDescriptionMarker } from "./internal-description-marker"

/** How many tags the side card shows before "+N more". */
const SIDE_TAG_LIMIT = 10

type CrmSideCardProps = {
  customerId: string
}

/**
 * The small CRM card in the customer page's side column: internal description, tags, active
 * memberships and points.
 */
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
      <SideTags customerId={customerId} />
      <SideMemberships customerId={customerId} />
      <SideLoyalty customerId={customerId} />
    </Container>
  )
}

const SideTags = ({ customerId }: CrmSideCardProps) => {
  const { t } = useTranslate()
  const { tags, count, isPending, isError } = useCustomerTags(customerId)

  const all = tags ?? []
  const shown = all.slice(0, SIDE_TAG_LIMIT)
  const more = Math.max(count ?? 0, all.length) - shown.length

  return (
    <div
      className="flex flex-col gap-y-2 px-6 py-4"
      data-testid="crm-side-tags"
    >
      <Text
        size="small"
        leading="compact"
        weight="plus"
        className="text-ui-fg-subtle"
      >
        {t("side.tags")}
      </Text>
      {isPending ? (
        <Skeleton className="h-4 w-full" />
      ) : isError ? (
        <Text
          size="small"
          className="text-ui-fg-error"
          data-testid="crm-side-tags-error"
        >
          {t("side.tagsLoadError")}
        </Text>
      ) : shown.length ? (
        <div className="flex flex-wrap items-center gap-1">
          {shown.map((tag) => (
            <CustomerTagBadge
              key={tag.id}
              tag={tag}
              size="2xsmall"
              data-testid="crm-side-tag"
            />
          ))}
          {more > 0 && (
            <Text
              size="xsmall"
              leading="compact"
              className="text-ui-fg-muted"
              data-testid="crm-side-tags-more"
            >
              {t("side.moreTags", { count: more })}
            </Text>
          )}
        </div>
      ) : (
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="crm-side-no-tags"
        >
          {t("side.noTags")}
        </Text>
      )}
    </div>
  )
}

/** The active memberships as badges; their number and expiry on hover. Reads the tab's list. */
const SideMemberships = ({ customerId }: CrmSideCardProps) => {
  const { t } = useTranslate()
  const { memberships, isPending, isError } = useCustomerMemberships(customerId)

  const active = (memberships ?? []).filter(
    ({ status }) => status === "active"
  )

  return (
    <div
      className="flex flex-col gap-y-2 px-6 py-4"
      data-testid="crm-side-memberships"
    >
      <Text
        size="small"
        leading="compact"
        weight="plus"
        className="text-ui-fg-subtle"
      >
        {t("memberships.side.title")}
      </Text>
      {isPending ? (
        <Skeleton className="h-4 w-full" />
      ) : isError ? (
        <Text
          size="small"
          className="text-ui-fg-error"
          data-testid="crm-side-memberships-error"
        >
          {t("memberships.side.loadError")}
        </Text>
      ) : active.length ? (
        <div className="flex flex-wrap items-center gap-1">
          {active.map((membership) => (
            <SideMembershipBadge key={membership.id} membership={membership} />
          ))}
        </div>
      ) : (
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="crm-side-no-memberships"
        >
          {t("memberships.side.none")}
        </Text>
      )}
    </div>
  )
}

const SideMembershipBadge = ({ membership }: { membership: Membership }) => {
  const { t, locale } = useTranslate()
  const { expires_at: expiresAt } = membership

  return (
    <Tooltip
      content={
        <span className="flex flex-col">
          <span className="font-mono">{membership.number}</span>
          <span>
            {expiresAt
              ? t("memberships.validUntil", {
                  date: formatDate(expiresAt, locale),
                })
              : t("memberships.lifetime")}
          </span>
          {membership.role === "co_member" && (
            <span>{t("memberships.coMember")}</span>
          )}
        </span>
      }
    >
      <Badge
        size="2xsmall"
        color={planAccent(membership.plan.level)}
        className="max-w-full"
        tabIndex={0}
        data-testid="crm-side-membership"
        data-membership-number={membership.number}
      >
        <span className="truncate">{membership.plan.name}</span>
      </Badge>
    </Tooltip>
  )
}

/** The points available and what they are worth; hidden while the loyalty program is off. */
const SideLoyalty = ({ customerId }: CrmSideCardProps) => {
  const { t, locale } = useTranslate()
  const { loyalty, isPending, isError } = useCustomerLoyalty(customerId)

  if (loyalty && !loyalty.program_enabled) {
    return null
  }

  const renderValue = () => {
    if (isPending) {
      return <Skeleton className="h-4 w-full" />
    }
    if (isError || !loyalty) {
      return (
        <Text
          size="small"
          className="text-ui-fg-error"
          data-testid="crm-side-loyalty-error"
        >
          {t("loyalty.side.loadError")}
        </Text>
      )
    }
    const { available } = loyalty.balance
    const worth = loyalty.values[0]
    return (
      <div className="flex flex-col">
        <Text
          size="small"
          leading="compact"
          className={clx("text-ui-fg-subtle", {
            "text-ui-fg-error": available < 0,
          })}
        >
          <span
            data-testid="crm-side-loyalty-available"
            data-points={available}
          >
            {pointsText(available, t, locale)}
          </span>
          {worth && (
            <span data-testid="crm-side-loyalty-value">
              {" · "}
              {formatAmount(worth.value, worth.currency_code, locale)}
            </span>
          )}
        </Text>
        {available < 0 && (
          <Text size="xsmall" leading="compact" className="text-ui-fg-error">
            {t("loyalty.owes", { points: pointsText(-available, t, locale) })}
          </Text>
        )}
      </div>
    )
  }

  return (
    <div
      className="flex flex-col gap-y-1 px-6 py-4"
      data-testid="crm-side-loyalty"
    >
      <Text
        size="small"
        leading="compact"
        weight="plus"
        className="text-ui-fg-subtle"
      >
        {t("loyalty.side.title")}
      </Text>
      {renderValue()}
    </div>
  )
}
