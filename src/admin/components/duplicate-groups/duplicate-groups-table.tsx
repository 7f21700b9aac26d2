import { CodeMerge } from "@medusajs/icons"
import { Badge, Button, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useTranslate } from "../../lib/i18n"
import type { CustomerSummary, DuplicateGroup } from "../../lib/types"
import {
  CustomerCreated,
  customerPath,
  PersonCells,
  PersonHeaderCells,
} from "../customer-identity/customer-cells"

/** Name, e-mail, phone and created. */
const COLUMN_COUNT = 4

type DuplicateGroupsTableProps = {
  groups: DuplicateGroup[]
  /** Shows "Merge" on each group. */
  onMergeGroup?: (group: DuplicateGroup) => void
}

/** One table of all groups: each group its own body, headed by what its customers share. */
export const DuplicateGroupsTable = ({
  groups,
  onMergeGroup,
}: DuplicateGroupsTableProps) => {
  const { t } = useTranslate()

  return (
    <div className="overflow-x-auto">
      <Table data-testid="crm-duplicates-table">
        <Table.Header className="border-t-0">
          <Table.Row>
            <PersonHeaderCells />
            <Table.HeaderCell>{t("identity.columns.created")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        {groups.map((group) => (
          <DuplicateGroupBody
            key={`${group.match}:${group.key}`}
            group={group}
            onMerge={onMergeGroup && (() => onMergeGroup(group))}
          />
        ))}
      </Table>
    </div>
  )
}

type DuplicateGroupBodyProps = {
  group: DuplicateGroup
  onMerge?: () => void
}

const DuplicateGroupBody = ({ group, onMerge }: DuplicateGroupBodyProps) => {
  const { t } = useTranslate()

  return (
    <Table.Body
      data-testid="crm-duplicate-group"
      data-match={group.match}
      data-key={group.key}
    >
      <Table.Row className="bg-ui-bg-subtle hover:bg-ui-bg-subtle">
        <Table.HeaderCell scope="colgroup" colSpan={COLUMN_COUNT}>
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
            <Text
              as="span"
              size="small"
              leading="compact"
              className="text-ui-fg-muted shrink-0 font-normal"
            >
              {t("duplicatesPage.groupCount", {
                count: group.customers.length,
              })}
            </Text>
            {onMerge && group.customers.length > 1 && (
              <Button
                size="small"
                variant="secondary"
                className="ml-auto shrink-0"
                onClick={onMerge}
                data-testid="crm-duplicate-group-merge"
              >
                <CodeMerge />
                {t("duplicatesPage.merge")}
              </Button>
            )}
          </div>
        </Table.HeaderCell>
      </Table.Row>
      {group.customers.map((customer) => (
        <GroupCustomerRow key={customer.id} customer={customer} />
      ))}
    </Table.Body>
  )
}

const GroupCustomerRow = ({ customer }: { customer: CustomerSummary }) => {
  const navigate = useNavigate()

  return (
    <Table.Row
      className="cursor-pointer"
      onClick={() => navigate(customerPath(customer.id))}
      data-testid="crm-duplicate-customer"
      data-customer-id={customer.id}
    >
      <PersonCells customer={customer} />
      <Table.Cell>
        <CustomerCreated customer={customer} />
      </Table.Cell>
    </Table.Row>
  )
}
