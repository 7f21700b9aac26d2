import { Users } from "@medusajs/icons"
import {
  Badge,
  clx,
  Container,
  Heading,
  Skeleton,
  Text,
  Tooltip,
} from "@medusajs/ui"
import type { ReactNode } from "react"
import { usePinnedCustomerNote } from "../../hooks/api/customer-notes"
import { useCustomerTags } from "../../hooks/api/customer-tags"
import { useCustomerIdentity } from "../../hooks/api/identity"
import { useCustomerMemberships } from "../../hooks/api/memberships"
import { useCustomerLoyalty } from "../../hooks/api/loyalty"
import { formatAmount, formatDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { CustomerArchive, Membership } from "../../lib/types"
import { AccountGlobe } from "../customer-identity/customer-cells"
import { AnonymizedBadge } from "../customer-privacy/anonymized-badge"
import { pointsText } from "../customer-loyalty/format"
import { planAccent } from "../customer-memberships/format"
import { CustomerTagBadge } from "../customer-tags/customer-tag-badge"
import { InternalDescriptionMarker } from "./internal-description-marker"

/** How many tags the side card shows before "+N more". */
const SIDE_TAG_LIMIT = 10

type CrmSideCardProps = {
  customerId: string
}

type SideSectionProps = {
  /** `gap-y-1` under a line of text, `gap-y-2` over badges. */
  gap: "gap-y-1" | "gap-y-2"
  title: string
  children: ReactNode
  "data-testid"?: string
}

/** One of the card's sections: its title, then what it shows. */
const SideSection = ({
  gap,
  title,
  children,
  "data-testid": testId,
}: SideSectionProps) => (
  <div className={`flex flex-col ${gap} px-6 py-4`} data-testid={testId}>
    <Text
      size="small"
      leading="compact"
      weight="plus"
      className="text-ui-fg-subtle"
    >
      {title}
    </Text>
    {children}
  </div>
)

/** A section's one line while it loads. */
const SideSkeleton = () => <Skeleton className="h-4 w-full" />

type SideNoteProps = {
  /** `error`: it could not load; `muted`: there is nothing to show. */
  tone: "error" | "muted"
  children: ReactNode
  "data-testid": string
}

/** A section's text in place of its content: why it is not there. */
const SideNote = ({ tone, children, "data-testid": testId }: SideNoteProps) => (
  <Text
    size="small"
    className={tone === "error" ? "text-ui-fg-error" : "text-ui-fg-muted"}
    data-testid={testId}
  >
    {children}
  </Text>
)

/**
 * The small CRM card in the customer page's side column: whether the customer has an online account,
 * is archived or has possible duplicates, internal description, tags, active memberships and points.
 */
export const CrmSideCard = ({ customerId }: CrmSideCardProps) => {
  const { t } = useTranslate()
  const { pinnedNote, isPending, isError } = usePinnedCustomerNote(customerId)
  // The Identity tab's query: shown only once loaded, nothing while it loads or fails.
  const { identity } = useCustomerIdentity(customerId)
  const duplicateCount = identity?.duplicates.length ?? 0

  return (
    <Container className="divide-y p-0" data-testid="crm-side-card">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">{t("crm.title")}</Heading>
          {identity?.account && (
            <AccountGlobe
              label={t("identity.side.account", {
                email: identity.account.email ?? "",
              })}
              data-testid="crm-side-account"
            />
          )}
          {identity?.archived && (
            <SideArchivedBadge archived={identity.archived} />
          )}
          <AnonymizedBadge
            customerId={customerId}
            data-testid="crm-side-anonymized"
          />
        </div>
        {pinnedNote && <InternalDescriptionMarker body={pinnedNote.body} />}
      </div>
      {duplicateCount > 0 && (
        <div className="flex items-center gap-x-2 px-6 py-3">
          <Users className="text-ui-fg-muted shrink-0" />
          <Text
            size="small"
            leading="compact"
            className="text-ui-fg-subtle"
            data-testid="crm-side-duplicates"
            data-count={duplicateCount}
          >
            {duplicateCount === 1
              ? t("identity.side.duplicatesOne")
              : t("identity.side.duplicatesMany", { count: duplicateCount })}
          </Text>
        </div>
      )}
      <SideSection gap="gap-y-1" title={t("side.internalDescription")}>
        {isPending ? (
          <SideSkeleton />
        ) : isError && !pinnedNote ? (
          <SideNote tone="error" data-testid="crm-side-error">
            {t("side.loadError")}
          </SideNote>
        ) : pinnedNote ? (
          <Text
            size="small"
            className="text-ui-fg-subtle line-clamp-3 whitespace-pre-wrap break-words"
            data-testid="crm-side-description"
          >
            {pinnedNote.body}
          </Text>
        ) : (
          <SideNote tone="muted" data-testid="crm-side-no-description">
            {t("side.noInternalDescription")}
          </SideNote>
        )}
      </SideSection>
      <SideTags customerId={customerId} />
      <SideMemberships customerId={customerId} />
      <SideLoyalty customerId={customerId} />
    </Container>
  )
}

/** "Archived", with when on hover. */
const SideArchivedBadge = ({ archived }: { archived: CustomerArchive }) => {
  const { t, locale } = useTranslate()

  return (
    <Tooltip
      content={t("identity.side.archivedOn", {
        date: formatDate(archived.archived_at, locale),
      })}
    >
      <Badge
        size="2xsmall"
        color="orange"
        tabIndex={0}
        data-testid="crm-side-archived"
      >
        {t("identity.side.archived")}
      </Badge>
    </Tooltip>
  )
}

const SideTags = ({ customerId }: CrmSideCardProps) => {
  const { t } = useTranslate()
  const { tags, count, isPending, isError } = useCustomerTags(customerId)

  const all = tags ?? []
  const shown = all.slice(0, SIDE_TAG_LIMIT)
  const more = Math.max(count ?? 0, all.length) - shown.length

  return (
    <SideSection
      gap="gap-y-2"
      title={t("side.tags")}
      data-testid="crm-side-tags"
    >
      {isPending ? (
        <SideSkeleton />
      ) : isError ? (
        <SideNote tone="error" data-testid="crm-side-tags-error">
          {t("side.tagsLoadError")}
        </SideNote>
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
        <SideNote tone="muted" data-testid="crm-side-no-tags">
          {t("side.noTags")}
        </SideNote>
      )}
    </SideSection>
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
    <SideSection
      gap="gap-y-2"
      title={t("memberships.side.title")}
      data-testid="crm-side-memberships"
    >
      {isPending ? (
        <SideSkeleton />
      ) : isError ? (
        <SideNote tone="error" data-testid="crm-side-memberships-error">
          {t("memberships.side.loadError")}
        </SideNote>
      ) : active.length ? (
        <div className="flex flex-wrap items-center gap-1">
          {active.map((membership) => (
            <SideMembershipBadge key={membership.id} membership={membership} />
          ))}
        </div>
      ) : (
        <SideNote tone="muted" data-testid="crm-side-no-memberships">
          {t("memberships.side.none")}
        </SideNote>
      )}
    </SideSection>
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
      return <SideSkeleton />
    }
    if (isError || !loyalty) {
      return (
        <SideNote tone="error" data-testid="crm-side-loyalty-error">
          {t("loyalty.side.loadError")}
        </SideNote>
      )
    }
    const { available } = loyalty.balance
    // In the customer's currency (their orders'), else the program's first rate.
    const worth =
      loyalty.currency_code && loyalty.value !== null
        ? { currency_code: loyalty.currency_code, value: loyalty.value }
        : loyalty.values[0]
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
    <SideSection
      gap="gap-y-1"
      title={t("loyalty.side.title")}
      data-testid="crm-side-loyalty"
    >
      {renderValue()}
    </SideSection>
  )
}
