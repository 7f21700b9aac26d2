import { Badge, clx, Heading, Text } from "@medusajs/ui"
import { formatAmount, formatDateTime, formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { MergePreviewCustomer } from "../../lib/types"
import { customerDisplayName } from "../tag-definitions/format"

type MergeComparisonProps = {
  survivor: MergePreviewCustomer
  source: MergePreviewCustomer
}

type ComparisonRow = {
  key: string
  label: string
  survivor: string
  source: string
}

/** One record's value of each compared field, as shown; "-" for none. */
const fieldValues = (
  customer: MergePreviewCustomer,
  t: TranslateFn,
  locale: string
) => ({
  name: customerDisplayName(customer) || "-",
  email: customer.email || "-",
  phone: customer.phone || "-",
  account: customer.has_account
    ? t("identity.compare.online")
    : t("identity.compare.guest"),
  // With the time: two records of one person are often made on the same day.
  created: formatDateTime(customer.created_at, locale),
  orders: formatNumber(customer.order_count, locale),
  lifetimeValue: customer.lifetime_value.length
    ? customer.lifetime_value
        .map(({ amount, currency_code }) =>
          formatAmount(amount, currency_code, locale)
        )
        .join(" · ")
    : "-",
})

type FieldKey = keyof ReturnType<typeof fieldValues>

const FIELDS: FieldKey[] = [
  "name",
  "email",
  "phone",
  "account",
  "created",
  "orders",
  "lifetimeValue",
]

/**
 * The two records side by side, field by field (name, e-mail, phone, online account or guest,
 * created, orders, lifetime value), each difference marked: two records of one name are told
 * apart before one is merged away.
 */
export const MergeComparison = ({ survivor, source }: MergeComparisonProps) => {
  const { t, locale } = useTranslate()
  const kept = fieldValues(survivor, t, locale)
  const merged = fieldValues(source, t, locale)
  const rows: ComparisonRow[] = FIELDS.map((key) => ({
    key,
    label: t(`identity.compare.fields.${key}`),
    survivor: kept[key],
    source: merged[key],
  }))

  return (
    <div className="flex flex-col gap-y-2" data-testid="crm-merge-compare">
      <div className="flex flex-col">
        <Heading level="h3">{t("identity.compare.title")}</Heading>
        <Text size="small" className="text-ui-fg-muted">
          {t("identity.compare.hint")}
        </Text>
      </div>
      <table className="shadow-elevation-card-rest bg-ui-bg-component w-full table-fixed overflow-hidden rounded-lg">
        <thead>
          <tr className="border-b">
            <th className="w-[28%] px-4 py-2.5" />
            <ColumnHeading
              label={t("identity.merge.stays")}
              color="green"
              customerId={survivor.id}
            />
            <ColumnHeading
              label={t("identity.merge.mergedAway")}
              color="grey"
              customerId={source.id}
            />
          </tr>
        </thead>
        <tbody className="divide-y">
          {rows.map((row) => {
            const differs = row.survivor !== row.source
            return (
              <tr
                key={row.key}
                className={clx({ "bg-ui-bg-highlight": differs })}
                data-testid={`crm-merge-compare-${row.key}`}
                data-differs={differs}
              >
                <th scope="row" className="px-4 py-2.5 text-left align-top">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <Text size="small" leading="compact" weight="plus">
                      {row.label}
                    </Text>
                    {differs && (
                      <Badge
                        size="2xsmall"
                        color="orange"
                        data-testid="crm-merge-compare-differs"
                      >
                        {t("identity.compare.differs")}
                      </Badge>
                    )}
                  </div>
                </th>
                <ValueCell value={row.survivor} />
                <ValueCell value={row.source} />
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

type ColumnHeadingProps = {
  label: string
  color: "green" | "grey"
  customerId: string
}

const ColumnHeading = ({ label, color, customerId }: ColumnHeadingProps) => (
  <th
    scope="col"
    className="px-4 py-2.5 text-left"
    data-customer-id={customerId}
  >
    <Badge size="2xsmall" color={color}>
      {label}
    </Badge>
  </th>
)

const ValueCell = ({ value }: { value: string }) => (
  <td className="px-4 py-2.5 align-top">
    <Text
      size="small"
      leading="compact"
      className="text-ui-fg-subtle break-words"
    >
      {value}
    </Text>
  </td>
)
