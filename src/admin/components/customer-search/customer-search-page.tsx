import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  IDENTITY_LIST_PAGE_SIZE,
  useCustomerSearch,
} from "../../hooks/api/identity"
import { useDebounced } from "../../hooks/use-debounced"
import { useTranslate } from "../../lib/i18n"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"
import { OffsetPagination } from "../customer-identity/offset-pagination"
import { CustomerSearchTable } from "./customer-search-table"
import { CustomerSearchToolbar } from "./customer-search-toolbar"
import { useCustomerSearchParams } from "./use-customer-search-params"

const SEARCH_DEBOUNCE_MS = 300

/**
 * Customers › Find customers: search by name, e-mail (alternate ones too) or phone, among active
 * or archived customers; without a search, the newest first.
 */
export const CustomerSearchPage = () => {
  const { t } = useTranslate()
  const params = useCustomerSearchParams()
  const { q, field, status, offset, setQ, setOffset } = params
  const [search, setSearch] = useState(q)
  const debounced = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS)

  // What was typed goes to the URL once typing stops.
  useEffect(() => {
    if (debounced !== q) {
      setQ(debounced)
    }
  }, [debounced, q, setQ])

  const { customers, count, isPending, isError, error } = useCustomerSearch({
    ...(q ? { q, field } : {}),
    status,
    limit: IDENTITY_LIST_PAGE_SIZE,
    offset,
  })

  const total = count ?? 0

  // Past the last page (e.g. a link to a page that no longer exists): back to the first.
  useEffect(() => {
    if (!isPending && customers && offset > 0 && offset >= total) {
      setOffset(0)
    }
  }, [isPending, customers, offset, total, setOffset])

  // Why the list is empty: nothing matches the search, no archived customers, or no customers.
  const emptyKey = q ? "filtered" : status === "archived" ? "emptyArchived" : "empty"
  const renderEmpty = () => (
    <EmptyState
      title={t(`customersPage.${emptyKey}.heading`)}
      description={t(`customersPage.${emptyKey}.description`)}
      className="py-10"
      data-testid="crm-customers-empty"
    />
  )

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-customers-loading"
        >
          <Skeletons count={5} className="h-6 w-full" />
        </div>
      )
    }
    if (isError) {
      return (
        <SectionError data-testid="crm-customers-error">
          {t("customersPage.loadError", { message: error?.message ?? "" })}
        </SectionError>
      )
    }
    if (!customers?.length) {
      return renderEmpty()
    }
    return (
      <>
        <CustomerSearchTable customers={customers} showMatches={!!q} />
        <OffsetPagination
          count={total}
          offset={offset}
          pageSize={IDENTITY_LIST_PAGE_SIZE}
          onOffsetChange={setOffset}
        />
      </>
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="crm-customers-page">
      <div className="px-6 py-4">
        <Heading>{t("customersPage.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customersPage.subtitle")}
        </Text>
      </div>
      <CustomerSearchToolbar
        field={field}
        onFieldChange={params.setField}
        search={search}
        onSearchChange={setSearch}
        status={status}
        onStatusChange={params.setStatus}
      />
      <div>{renderBody()}</div>
    </Container>
  )
}
