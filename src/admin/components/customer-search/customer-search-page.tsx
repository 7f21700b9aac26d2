import {
  Container,
  createDataTableColumnHelper,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useNavigate } from "react-router-dom"
import {
  IDENTITY_LIST_PAGE_SIZE,
  useCustomerSearch,
} from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { useErrorMessage } from "../../lib/errors"
import type { CustomerSearchHit } from "../../lib/types"
import { ListTable } from "../common/list-table"
import {
  customerPath,
  MatchBadges,
  personColumns,
} from "../customer-identity/customer-cells"
import {
  SearchFieldSelect,
  SearchStatusTabs,
} from "./customer-search-toolbar"
import { useCustomerSearchParams } from "./use-customer-search-params"

const columnHelper = createDataTableColumnHelper<CustomerSearchHit>()

/**
 * Customers › Find customers: search by name, e-mail (alternate ones too) or phone, among active
 * or archived customers; without a search, the newest first. The search lives in the URL, so going
 * back from a customer returns to it; a row opens its customer.
 */
export const CustomerSearchPage = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const params = useCustomerSearchParams()
  const { q, field, status, offset, setQ, setOffset } = params

  const { customers, count, isPending, error } = useCustomerSearch({
    ...(q ? { q, field } : {}),
    status,
    limit: IDENTITY_LIST_PAGE_SIZE,
    offset,
  })

  // What matched shows while a search is on.
  const showMatches = !!q
  const columns = useMemo(() => {
    const [name, email, phone, created] = personColumns<CustomerSearchHit>(t)
    const matches = columnHelper.display({
      id: "matched_by",
      header: t("identity.columns.matchedBy"),
      cell: ({ row }) => (
        <MatchBadges
          labels={row.original.matched_by.map((match) =>
            t(`customersPage.matches.${match}`)
          )}
        />
      ),
    })
    return showMatches
      ? [name, email, phone, matches, created]
      : [name, email, phone, created]
    // `t` is new on every render; what it says changes only with the locale.
  }, [locale, showMatches])

  const instance = useDataTable({
    data: customers ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(customerPath(row.id)),
    // A new search or filter already starts at the first page (in the URL).
    autoResetPageIndex: false,
    search: { state: q, onSearchChange: (value) => setQ(value.trim()) },
    pagination: {
      state: {
        pageIndex: Math.floor(offset / IDENTITY_LIST_PAGE_SIZE),
        pageSize: IDENTITY_LIST_PAGE_SIZE,
      },
      onPaginationChange: ({ pageIndex, pageSize }) => {
        // The table also returns to the first page on a search: the URL already did.
        if (pageIndex * pageSize !== offset) {
          setOffset(pageIndex * pageSize)
        }
      },
    },
  })

  // Why the list is empty: no archived customers, or no customers (else nothing matches).
  const emptyKey = status === "archived" ? "emptyArchived" : "empty"

  return (
    <Container className="overflow-hidden p-0" data-testid="crm-customers-page">
      <ListTable
        instance={instance}
        title={t("customersPage.title")}
        subtitle={t("customersPage.subtitle")}
        filters={
          <SearchFieldSelect value={field} onValueChange={params.setField} />
        }
        searchPlaceholder={t("customersPage.search")}
        searchAutoFocus
        actions={
          <SearchStatusTabs value={status} onValueChange={params.setStatus} />
        }
        error={
          error
            ? t("customersPage.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: {
            heading: t(`customersPage.${emptyKey}.heading`),
            description: t(`customersPage.${emptyKey}.description`),
          },
          filtered: {
            heading: t("customersPage.filtered.heading"),
            description: t("customersPage.filtered.description"),
          },
        }}
        paginationStrings="identityPages"
        data-testid="crm-customers"
      />
    </Container>
  )
}
