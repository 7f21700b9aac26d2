import { GlobeEurope } from "@medusajs/icons"
import { Badge, Table, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDate, formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { CustomerSummary } from "../../lib/types"
import { customerDisplayName } from "../tag-definitions/format"

/** The dashboard's page of a customer. */
export const customerPath = (customerId: string) =>
  `/customers/${encodeURIComponent(customerId)}`

type AccountGlobeProps = {
  /** On hover and for screen readers; "Has an online account" by default. */
  label?: string
  "data-testid"?: string
}

/** The globe shown by a customer with a registered online account. */
export const AccountGlobe = ({
  label,
  "data-testid": testId = "crm-customer-has-account",
}: AccountGlobeProps) => {
  const { t } = useTranslate()
  const text = label ?? t("identity.hasAccount")

  return (
    <Tooltip content={text}>
      <span
        role="img"
        tabIndex={0}
        aria-label={text}
        className="text-ui-fg-muted flex shrink-0 rounded-full outline-none focus-visible:shadow-borders-focus"
        data-testid={testId}
      >
        <GlobeEurope />
      </span>
    </Tooltip>
  )
}

type CustomerCellProps = {
  customer: CustomerSummary
}

/** The customer's name (else company, else e-mail) as a link to their page. */
export const CustomerNameLink = ({ customer }: CustomerCellProps) => (
  <Link
    to={customerPath(customer.id)}
    // The row navigates too: one navigation is enough.
    onClick={(event) => event.stopPropagation()}
    className="text-ui-fg-base block max-w-[240px] truncate outline-none focus-visible:underline"
    data-testid="crm-customer-name"
  >
    {customerDisplayName(customer) || customer.id}
  </Link>
)

/** The customer's e-mail, with the globe when they have an online account. */
export const CustomerEmail = ({ customer }: CustomerCellProps) => (
  <span className="flex min-w-0 max-w-[280px] items-center gap-x-1.5">
    <span className="truncate" data-testid="crm-customer-email">
      {customer.email || "-"}
    </span>
    {customer.has_account && <AccountGlobe />}
  </span>
)

export const CustomerPhone = ({ customer }: CustomerCellProps) => (
  <span className="whitespace-nowrap" data-testid="crm-customer-phone">
    {customer.phone || "-"}
  </span>
)

/** The header cells of a list of people: name, e-mail, phone. */
export const PersonHeaderCells = () => {
  const { t } = useTranslate()

  return (
    <>
      <Table.HeaderCell>{t("identity.columns.name")}</Table.HeaderCell>
      <Table.HeaderCell>{t("identity.columns.email")}</Table.HeaderCell>
      <Table.HeaderCell>{t("identity.columns.phone")}</Table.HeaderCell>
    </>
  )
}

/** The cells of a person in those lists: name (a link), e-mail with the globe, phone. */
export const PersonCells = ({ customer }: CustomerCellProps) => (
  <>
    <Table.Cell>
      <CustomerNameLink customer={customer} />
    </Table.Cell>
    <Table.Cell>
      <CustomerEmail customer={customer} />
    </Table.Cell>
    <Table.Cell>
      <CustomerPhone customer={customer} />
    </Table.Cell>
  </>
)

/** When the customer was created: the date, the time too on hover. */
export const CustomerCreated = ({ customer }: CustomerCellProps) => {
  const { locale } = useTranslate()

  return (
    <Tooltip content={formatDateTime(customer.created_at, locale)}>
      <span className="whitespace-nowrap">
        <time dateTime={customer.created_at}>
          {formatDate(customer.created_at, locale)}
        </time>
      </span>
    </Tooltip>
  )
}

type MatchBadgesProps = {
  labels: string[]
}

/** What matched, as small badges; "-" when nothing did. */
export const MatchBadges = ({ labels }: MatchBadgesProps) =>
  labels.length ? (
    <div className="flex flex-wrap items-center gap-1 py-2">
      {labels.map((label) => (
        <Badge
          key={label}
          size="2xsmall"
          color="grey"
          className="whitespace-nowrap"
          data-testid="crm-match-badge"
        >
          {label}
        </Badge>
      ))}
    </div>
  ) : (
    <span className="text-ui-fg-muted">-</span>
  )
