import { GlobeEurope } from "@medusajs/icons"
import { Badge, createDataTableColumnHelper, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDate, formatDateTime } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
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
    data-customer-id={customer.id}
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

/**
 * The columns of a person in the CRM's lists: name (a link), e-mail with the globe, phone, and
 * when created unless `created` is false.
 */
export const personColumns = <TData extends CustomerSummary>(
  t: TranslateFn,
  { created = true } = {}
) => {
  const columnHelper = createDataTableColumnHelper<TData>()
  const columns = [
    columnHelper.display({
      id: "name",
      header: t("identity.columns.name"),
      cell: ({ row }) => <CustomerNameLink customer={row.original} />,
    }),
    columnHelper.display({
      id: "email",
      header: t("identity.columns.email"),
      cell: ({ row }) => <CustomerEmail customer={row.original} />,
    }),
    columnHelper.display({
      id: "phone",
      header: t("identity.columns.phone"),
      cell: ({ row }) => <CustomerPhone customer={row.original} />,
    }),
  ]
  return created
    ? [
        ...columns,
        columnHelper.display({
          id: "created",
          header: t("identity.columns.created"),
          cell: ({ row }) => <CustomerCreated customer={row.original} />,
        }),
      ]
    : columns
}

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
