import { CodeMerge } from "@medusajs/icons"
import { Badge, Button, Heading, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useTranslate } from "../../lib/i18n"
import type { PossibleDuplicate } from "../../lib/types"
import { EmptyState } from "../common/load-states"
import {
  customerPath,
  MatchBadges,
  PersonCells,
  PersonHeaderCells,
} from "./customer-cells"

type DuplicatesSectionProps = {
  duplicates: PossibleDuplicate[]
  /** Opens the merge modal with this customer and the duplicate. */
  onMerge: (customerId: string) => void
}

/**
 * Other customers sharing an e-mail or phone number with this one, each linking to their page and
 * with "Merge…".
 */
export const DuplicatesSection = ({
  duplicates,
  onMerge,
}: DuplicatesSectionProps) => {
  const { t } = useTranslate()

  return (
    <div className="divide-y" data-testid="crm-identity-duplicates">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">{t("identity.duplicates.title")}</Heading>
          {!!duplicates.length && (
            <Badge size="2xsmall" data-testid="crm-identity-duplicates-count">
              {duplicates.length}
            </Badge>
          )}
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {t("identity.duplicates.description")}
        </Text>
      </div>
      {duplicates.length ? (
        <div className="overflow-x-auto">
          <Table data-testid="crm-identity-duplicates-table">
            <Table.Header className="border-t-0">
              <Table.Row>
                <PersonHeaderCells />
                <Table.HeaderCell>
                  {t("identity.columns.matchedBy")}
                </Table.HeaderCell>
                <Table.HeaderCell className="w-px" />
              </Table.Row>
            </Table.Header>
            <Table.Body className="border-b-0">
              {duplicates.map((duplicate) => (
                <DuplicateRow
                  key={duplicate.customer.id}
                  duplicate={duplicate}
                  onMerge={() => onMerge(duplicate.customer.id)}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <EmptyState
          title={t("identity.duplicates.emptyTitle")}
          description={t("identity.duplicates.emptyDescription")}
          data-testid="crm-identity-duplicates-empty"
        />
      )}
    </div>
  )
}

type DuplicateRowProps = {
  duplicate: PossibleDuplicate
  onMerge: () => void
}

const DuplicateRow = ({ duplicate, onMerge }: DuplicateRowProps) => {
  const { t } = useTranslate()
  const navigate = useNavigate()
  const { customer, matches } = duplicate

  return (
    <Table.Row
      className="cursor-pointer last-of-type:border-b-0"
      onClick={() => navigate(customerPath(customer.id))}
      data-testid="crm-identity-duplicate"
      data-customer-id={customer.id}
      data-matches={matches.join(",")}
    >
      <PersonCells customer={customer} />
      <Table.Cell>
        <MatchBadges
          labels={matches.map((match) => t(`identity.matches.${match}`))}
        />
      </Table.Cell>
      <Table.Cell>
        <Button
          size="small"
          variant="secondary"
          className="whitespace-nowrap"
          onClick={(event) => {
            // The row opens the customer's page.
            event.stopPropagation()
            onMerge()
          }}
          data-testid="crm-identity-duplicate-merge"
        >
          <CodeMerge />
          {t("identity.duplicates.merge")}
        </Button>
      </Table.Cell>
    </Table.Row>
  )
}
