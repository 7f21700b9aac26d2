import { CodeMerge } from "@medusajs/icons"
import {
  Badge,
  Button,
  createDataTableColumnHelper,
  Text,
} from "@medusajs/ui"
import type { TranslateFn } from "../../lib/i18n"
import type { DuplicateGroup } from "../../lib/types"
import {
  CustomerCreated,
  CustomerEmail,
  CustomerNameLink,
  CustomerPhone,
} from "../customer-identity/customer-cells"

const columnHelper = createDataTableColumnHelper<DuplicateGroup>()

/**
 * The columns of the Duplicates page, one row a group: what its customers share, the customers
 * (each a link to their page), and "Merge" when `onMergeGroup` is given.
 */
export const duplicateGroupColumns = (
  t: TranslateFn,
  onMergeGroup?: (group: DuplicateGroup) => void
) => {
  const columns = [
    columnHelper.accessor("key", {
      header: t("identity.columns.matchedBy"),
      cell: ({ row }) => <GroupKey group={row.original} t={t} />,
    }),
    columnHelper.accessor("customers", {
      header: t("duplicatesPage.columns.customers"),
      cell: ({ row }) => <GroupCustomers group={row.original} />,
    }),
  ]
  if (!onMergeGroup) {
    return columns
  }
  return [
    ...columns,
    columnHelper.display({
      id: "merge",
      cell: ({ row }) =>
        row.original.customers.length > 1 ? (
          <Button
            size="small"
            variant="secondary"
            className="whitespace-nowrap"
            onClick={() => onMergeGroup(row.original)}
            data-testid="crm-duplicate-group-merge"
          >
            <CodeMerge />
            {t("duplicatesPage.merge")}
          </Button>
        ) : null,
    }),
  ]
}

type GroupProps = { group: DuplicateGroup }

/** E-mail or phone, the shared value and how many share it. */
const GroupKey = ({ group, t }: GroupProps & { t: TranslateFn }) => (
  <div
    className="flex min-w-0 max-w-[320px] flex-col gap-y-1 py-2"
    data-testid="crm-duplicate-group"
    data-match={group.match}
    data-key={group.key}
  >
    <div className="flex min-w-0 items-center gap-x-2">
      <Badge size="2xsmall" color="grey" className="shrink-0">
        {t(`duplicatesPage.match.${group.match}`)}
      </Badge>
      <span
        className="text-ui-fg-base truncate"
        data-testid="crm-duplicate-group-key"
      >
        {group.key}
      </span>
    </div>
    <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
      {t("duplicatesPage.groupCount", { count: group.customers.length })}
    </Text>
  </div>
)

/** The group's customers, one line each: name, e-mail, phone, created. */
const GroupCustomers = ({ group }: GroupProps) => (
  <ul className="flex flex-col gap-y-1 py-2">
    {group.customers.map((customer) => (
      <li
        key={customer.id}
        className="grid grid-cols-[minmax(140px,1fr)_minmax(180px,1.4fr)_auto_auto] items-center gap-x-4"
        data-testid="crm-duplicate-customer"
        data-customer-id={customer.id}
      >
        <CustomerNameLink customer={customer} />
        <CustomerEmail customer={customer} />
        <CustomerPhone customer={customer} />
        <span className="text-ui-fg-subtle">
          <CustomerCreated customer={customer} />
        </span>
      </li>
    ))}
  </ul>
)
