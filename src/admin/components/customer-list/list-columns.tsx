import { Adjustments } from "@medusajs/icons"
import {
  Badge,
  Checkbox,
  createDataTableColumnHelper,
  DropdownMenu,
  IconButton,
  Tooltip,
} from "@medusajs/ui"
import { useState } from "react"
import { formatAmount, formatNumber, formatPoints } from "../../lib/format"
import type { Locale, TranslateFn } from "../../lib/i18n"
import { useTranslate } from "../../lib/i18n"
import type { CustomerListRow } from "../../lib/types"
import { DateCell } from "../common/date-cell"
import {
  CustomerCreated,
  CustomerEmail,
  CustomerNameLink,
  CustomerPhone,
  MatchBadges,
} from "../customer-identity/customer-cells"

const columnHelper = createDataTableColumnHelper<CustomerListRow>()

/** The columns the chooser offers (name is always shown). */
export const CHOOSABLE_COLUMNS = [
  "email",
  "phone",
  "created_at",
  "lifetime_value",
  "sales",
  "order_count",
  "average_order_value",
  "first_order_at",
  "last_order_at",
  "days_since_last_order",
  "loyalty_balance",
  "tags",
  "memberships",
  "consents",
  "stores",
  "groups",
] as const
export type ChoosableColumn = (typeof CHOOSABLE_COLUMNS)[number]

const DEFAULT_VISIBLE: ChoosableColumn[] = [
  "email",
  "lifetime_value",
  "order_count",
  "last_order_at",
  "tags",
  "created_at",
]

const STORAGE_KEY = "crm.customerList.columns"

const readVisible = (): ChoosableColumn[] => {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null")
    if (Array.isArray(stored)) {
      return stored.filter((c): c is ChoosableColumn => (CHOOSABLE_COLUMNS as readonly string[]).includes(c))
    }
  } catch {
    // A broken entry: the defaults.
  }
  return DEFAULT_VISIBLE
}

/** Which columns show, remembered in this browser (localStorage). */
export const useVisibleColumns = () => {
  const [visible, setVisible] = useState<ChoosableColumn[]>(readVisible)
  const toggle = (column: ChoosableColumn) =>
    setVisible((prev) => {
      const next = prev.includes(column) ? prev.filter((c) => c !== column) : [...prev, column]
      // In the chooser's order, so the table keeps its column order.
      const ordered = CHOOSABLE_COLUMNS.filter((c) => next.includes(c))
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(ordered))
      } catch {
        // Private mode: remembered until the page closes.
      }
      return ordered
    })
  return { visible, toggle }
}

const Dash = () => <span className="text-ui-fg-muted">-</span>

const Chips = ({ labels, testId }: { labels: string[]; testId: string }) =>
  labels.length ? (
    <div className="flex max-w-[260px] flex-wrap gap-1 py-1.5" data-testid={testId}>
      {labels.map((label, i) => (
        <Badge key={`${label}-${i}`} size="2xsmall" className="whitespace-nowrap">
          {label}
        </Badge>
      ))}
    </div>
  ) : (
    <Dash />
  )

const money = (value: number | null, currency: string, locale: Locale) =>
  value === null || value === undefined ? <Dash /> : formatAmount(value, currency, locale)

/** The columns of the CRM list; money in the response's currency. */
export const listColumns = ({
  t,
  locale,
  currency,
  visible,
  searching,
}: {
  t: TranslateFn
  locale: Locale
  currency: string
  visible: ChoosableColumn[]
  searching: boolean
}) => {
  const all: Record<ChoosableColumn, ReturnType<typeof columnHelper.accessor> | ReturnType<typeof columnHelper.display>> = {
    email: columnHelper.accessor("email", {
      header: t("customerList.columns.email"),
      enableSorting: true,
      cell: ({ row }) => <CustomerEmail customer={row.original} />,
    }),
    phone: columnHelper.display({
      id: "phone",
      header: t("customerList.columns.phone"),
      cell: ({ row }) => <CustomerPhone customer={row.original} />,
    }),
    created_at: columnHelper.accessor("created_at", {
      header: t("customerList.columns.created_at"),
      enableSorting: true,
      cell: ({ row }) => <CustomerCreated customer={row.original} />,
    }),
    lifetime_value: columnHelper.accessor("lifetime_value", {
      header: t("customerList.columns.lifetime_value"),
      enableSorting: true,
      align: "right",
      headerAlign: "right",
      cell: ({ row }) => (
        <span className="whitespace-nowrap" data-testid="crm-list-lifetime-value" data-value={row.original.lifetime_value ?? ""}>
          {money(row.original.lifetime_value, currency, locale)}
        </span>
      ),
    }),
    sales: columnHelper.accessor("sales", {
      header: t("customerList.columns.sales"),
      enableSorting: true,
      align: "right",
      headerAlign: "right",
      cell: ({ row }) => <span className="whitespace-nowrap">{money(row.original.sales, currency, locale)}</span>,
    }),
    order_count: columnHelper.accessor("order_count", {
      header: t("customerList.columns.order_count"),
      enableSorting: true,
      align: "right",
      headerAlign: "right",
      cell: ({ row }) => formatNumber(row.original.order_count ?? 0, locale),
    }),
    average_order_value: columnHelper.accessor("average_order_value", {
      header: t("customerList.columns.average_order_value"),
      enableSorting: true,
      align: "right",
      headerAlign: "right",
      cell: ({ row }) => (
        <span className="whitespace-nowrap">{money(row.original.average_order_value, currency, locale)}</span>
      ),
    }),
    first_order_at: columnHelper.accessor("first_order_at", {
      header: t("customerList.columns.first_order_at"),
      enableSorting: true,
      cell: ({ row }) => (row.original.first_order_at ? <DateCell date={row.original.first_order_at} /> : <Dash />),
    }),
    last_order_at: columnHelper.accessor("last_order_at", {
      header: t("customerList.columns.last_order_at"),
      enableSorting: true,
      cell: ({ row }) => (row.original.last_order_at ? <DateCell date={row.original.last_order_at} /> : <Dash />),
    }),
    days_since_last_order: columnHelper.accessor("days_since_last_order", {
      header: t("customerList.columns.days_since_last_order"),
      enableSorting: true,
      align: "right",
      headerAlign: "right",
      cell: ({ row }) =>
        row.original.days_since_last_order === null ? <Dash /> : formatNumber(row.original.days_since_last_order, locale),
    }),
    loyalty_balance: columnHelper.accessor("loyalty_balance", {
      header: t("customerList.columns.loyalty_balance"),
      enableSorting: true,
      align: "right",
      headerAlign: "right",
      cell: ({ row }) => formatPoints(row.original.loyalty_balance ?? 0, locale),
    }),
    tags: columnHelper.display({
      id: "tags",
      header: t("customerList.columns.tags"),
      cell: ({ row }) => (
        <Chips
          testId="crm-list-tags"
          labels={(row.original.tags ?? []).map((tag) => (tag.value ? `${tag.label}: ${tag.value}` : tag.label))}
        />
      ),
    }),
    memberships: columnHelper.display({
      id: "memberships",
      header: t("customerList.columns.memberships"),
      cell: ({ row }) => <Chips testId="crm-list-memberships" labels={(row.original.memberships ?? []).map((m) => m.plan_name)} />,
    }),
    consents: columnHelper.display({
      id: "consents",
      header: t("customerList.columns.consents"),
      cell: ({ row }) => <Chips testId="crm-list-consents" labels={row.original.consents ?? []} />,
    }),
    stores: columnHelper.display({
      id: "stores",
      header: t("customerList.columns.stores"),
      cell: ({ row }) => <Chips testId="crm-list-stores" labels={(row.original.stores ?? []).map((s) => s.name)} />,
    }),
    groups: columnHelper.display({
      id: "groups",
      header: t("customerList.columns.groups"),
      cell: ({ row }) => <Chips testId="crm-list-groups" labels={(row.original.groups ?? []).map((g) => g.name)} />,
    }),
  }

  return [
    columnHelper.select(),
    columnHelper.accessor((row) => row.last_name ?? "", {
      id: "name",
      header: t("customerList.columns.name"),
      enableSorting: true,
      cell: ({ row }) => <CustomerNameLink customer={row.original} />,
    }),
    ...(searching
      ? [
          columnHelper.display({
            id: "matched_by",
            header: t("identity.columns.matchedBy"),
            cell: ({ row }) => (
              <MatchBadges labels={(row.original.matched_by ?? []).map((match) => t(`customersPage.matches.${match}`))} />
            ),
          }),
        ]
      : []),
    ...visible.map((column) => all[column]),
  ]
}

/** The column chooser: which of the list's columns show. */
export const ColumnChooser = ({
  visible,
  onToggle,
}: {
  visible: ChoosableColumn[]
  onToggle: (column: ChoosableColumn) => void
}) => {
  const { t } = useTranslate()
  return (
    <DropdownMenu>
      <Tooltip content={t("customerList.columns.choose")}>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" aria-label={t("customerList.columns.choose")} data-testid="crm-list-columns">
            <Adjustments />
          </IconButton>
        </DropdownMenu.Trigger>
      </Tooltip>
      <DropdownMenu.Content align="end" className="max-h-[400px] min-w-[220px] overflow-y-auto">
        <DropdownMenu.Label>{t("customerList.columns.choose")}</DropdownMenu.Label>
        <DropdownMenu.Separator />
        {CHOOSABLE_COLUMNS.map((column) => (
          <DropdownMenu.Item
            key={column}
            onSelect={(event) => {
              event.preventDefault()
              onToggle(column)
            }}
            data-testid={`crm-list-column-${column}`}
            data-checked={visible.includes(column)}
          >
            <div className="flex items-center gap-x-2">
              <Checkbox checked={visible.includes(column)} />
              <span className="truncate">{t(`customerList.columns.${column}`)}</span>
            </div>
          </DropdownMenu.Item>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
