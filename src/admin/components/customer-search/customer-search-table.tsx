import { Table } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useTranslate } from "../../lib/i18n"
import type { CustomerSearchHit } from "../../lib/types"
import {
  CustomerCreated,
  customerPath,
  MatchBadges,
  PersonCells,
  PersonHeaderCells,
} from "../customer-identity/customer-cells"

type CustomerSearchTableProps = {
  customers: CustomerSearchHit[]
  /** A search is on: show what matched. */
  showMatches: boolean
}

/** The customers found: name, e-mail, phone, what matched and when created; a row opens its customer. */
export const CustomerSearchTable = ({
  customers,
  showMatches,
}: CustomerSearchTableProps) => {
  const { t } = useTranslate()

  return (
    <div className="overflow-x-auto">
      <Table data-testid="crm-customers-table">
        <Table.Header className="border-t-0">
          <Table.Row>
            <PersonHeaderCells />
            {showMatches && (
              <Table.HeaderCell>
                {t("identity.columns.matchedBy")}
              </Table.HeaderCell>
            )}
            <Table.HeaderCell>{t("identity.columns.created")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {customers.map((customer) => (
            <CustomerRow
              key={customer.id}
              customer={customer}
              showMatches={showMatches}
            />
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

type CustomerRowProps = {
  customer: CustomerSearchHit
  showMatches: boolean
}

const CustomerRow = ({ customer, showMatches }: CustomerRowProps) => {
  const { t } = useTranslate()
  const navigate = useNavigate()

  return (
    <Table.Row
      className="cursor-pointer"
      onClick={() => navigate(customerPath(customer.id))}
      data-testid="crm-customers-row"
      data-customer-id={customer.id}
      data-matches={customer.matched_by.join(",")}
      data-archived={customer.archived ? "true" : "false"}
    >
      <PersonCells customer={customer} />
      {showMatches && (
        <Table.Cell>
          <MatchBadges
            labels={customer.matched_by.map((match) =>
              t(`customersPage.matches.${match}`)
            )}
          />
        </Table.Cell>
      )}
      <Table.Cell>
        <CustomerCreated customer={customer} />
      </Table.Cell>
    </Table.Row>
  )
}
