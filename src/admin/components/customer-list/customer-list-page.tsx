import { ArrowDownTray, DocumentText } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableCommandHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTableRowSelectionState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCustomerList, useSegmentForList, useUpdateSegmentFilter } from "../../hooks/api/customer-list"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { customerPath } from "../customer-identity/customer-cells"
import { SearchFieldSelect } from "../customer-search/customer-search-toolbar"
import { BulkGroupDrawer, BulkTagDrawer } from "./bulk-drawers"
import { ExportDrawer, type ExportSource, ExportsDrawer } from "./export-drawers"
import { ColumnChooser, listColumns, useVisibleColumns } from "./list-columns"
import { filterPatch, tableFiltering, useListFilters } from "./list-filters"
import { filterAsJson, hasFilter, isSortField, LIST_PAGE_SIZE, useListParams } from "./list-params"
import { SaveSegmentDrawer } from "./segment-drawer"

const commandHelper = createDataTableCommandHelper()

const isEmptyValue = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)

type OpenDrawer = "addTag" | "removeTag" | "group" | "export" | "segment" | "exports" | null

/**
 * Customers › CRM list: every filter of the list route in Medusa's DataTable filter bar, a search,
 * a column chooser (remembered in this browser), sorting by any figure either way, pages with the
 * count. The filter, sort and page live in the URL in the list route's own vocabulary
 * (`tags=vip&lifetime_value[gte]=500&order=-lifetime_value`), so a list can be bookmarked and
 * shared. A selection takes bulk actions (tags, a customer group, export); the filter can be saved
 * as a segment, and a segment opened here (`?segment=<id>`) can be updated.
 */
export const CustomerListPage = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const params = useListParams()
  const { filter, sort, offset, segmentId } = params
  const { customers, count, currency_code, isPending, error } = useCustomerList(params.apiSearch)
  const currency = currency_code ?? filter.currency_code ?? "eur"
  const { visible, toggle } = useVisibleColumns()
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [drawer, setDrawer] = useState<OpenDrawer>(null)
  const [exportSource, setExportSource] = useState<ExportSource>({ filter: {} })
  const selectedIds = Object.keys(selection).filter((id) => selection[id])

  // A segment opened from its page: its filter fills an unfiltered list (once).
  const { segment } = useSegmentForList(segmentId)
  const applied = useRef<string | null>(null)
  useEffect(() => {
    if (segment && applied.current !== segment.id) {
      applied.current = segment.id
      if (!hasFilter(filter)) {
        params.setFilter(segment.filter)
      }
    }
  }, [segment])
  const updateSegment = useUpdateSegmentFilter(segmentId ?? "")

  const filters = useListFilters(filter, currency)
  // Filters just added from the menu, still without a value: on screen (their picker open), not yet in the URL.
  const [pendingFilters, setPendingFilters] = useState<DataTableFilteringState>({})
  const urlFiltering = tableFiltering(filter)
  const searching = !!filter.q
  const columns = useMemo(
    () => listColumns({ t, locale, currency, visible, searching }),
    // `t` is new on every render; what it says changes only with the locale.
    [locale, currency, visible, searching]
  )

  const commands = useMemo(
    () => [
      commandHelper.command({ label: t("customerList.bulk.addTag"), shortcut: "t", action: () => setDrawer("addTag") }),
      commandHelper.command({ label: t("customerList.bulk.removeTag"), shortcut: "r", action: () => setDrawer("removeTag") }),
      commandHelper.command({ label: t("customerList.bulk.addToGroup"), shortcut: "g", action: () => setDrawer("group") }),
      commandHelper.command({
        label: t("customerList.bulk.export"),
        shortcut: "e",
        action: (state) => {
          setExportSource({ ids: Object.keys(state).filter((id) => state[id]) })
          setDrawer("export")
        },
      }),
    ],
    [locale]
  )

  const instance = useDataTable({
    data: customers ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(customerPath(row.id)),
    // Filters and sorting already start at the first page (in the URL).
    autoResetPageIndex: false,
    filters,
    filtering: {
      state: { ...pendingFilters, ...urlFiltering },
      onFilteringChange: (state) => {
        setPendingFilters(
          Object.fromEntries(Object.entries(state).filter(([key, value]) => isEmptyValue(value) && !(key in urlFiltering)))
        )
        params.patchFilter(filterPatch(state))
      },
    },
    sorting: {
      state: sort ? { id: sort.field, desc: sort.desc } : null,
      onSortingChange: (state) =>
        params.setSort(state && isSortField(state.id) ? { field: state.id, desc: state.desc } : null),
    },
    rowSelection: { state: selection, onRowSelectionChange: setSelection },
    commands,
    search: {
      state: filter.q ?? "",
      onSearchChange: (value) => params.patchFilter({ q: value.trim() || undefined }),
    },
    pagination: {
      state: { pageIndex: Math.floor(offset / LIST_PAGE_SIZE), pageSize: LIST_PAGE_SIZE },
      onPaginationChange: ({ pageIndex, pageSize }) => {
        if (pageIndex * pageSize !== offset) {
          params.setOffset(pageIndex * pageSize)
        }
      },
    },
  })

  // A page past the last one (after a bulk change) falls back to the last page that exists.
  useEffect(() => {
    if (!isPending && offset > 0 && offset >= (count ?? 0)) {
      params.setOffset(Math.max(0, Math.floor(((count ?? 1) - 1) / LIST_PAGE_SIZE) * LIST_PAGE_SIZE))
    }
  }, [isPending, offset, count])

  const jsonFilter = filterAsJson(filter)
  const openExport = () => {
    setExportSource({ filter: jsonFilter })
    setDrawer("export")
  }
  const closeDrawer = (open: boolean) => !open && setDrawer(null)

  return (
    <Container className="overflow-hidden p-0" data-testid="crm-customers-page">
      <div className="flex flex-col" aria-busy={isPending} data-testid="crm-customers">
        <DataTable instance={instance}>
          {/* The toolbar draws the filter bar (active filters, "Clear all") itself, with this content on its right. */}
          <DataTable.Toolbar
            className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
            translations={{ clearAll: t("customerList.filters.clearAll") }}
            alwaysShowFilterBar
            filterBarContent={
              <>
                {segment && (
                  <Button
                    size="small"
                    variant="secondary"
                    isLoading={updateSegment.isPending}
                    onClick={() =>
                      mutateWithToast(updateSegment.mutateAsync, jsonFilter, {
                        success: ({ segment: saved }) => t("customerList.segment.updated", { name: saved.name }),
                      })
                    }
                    data-testid="crm-list-update-segment"
                  >
                    {t("customerList.segment.update")}
                  </Button>
                )}
                <Button size="small" variant="secondary" onClick={() => setDrawer("segment")} data-testid="crm-list-save-segment">
                  {t("customerList.segment.saveAs")}
                </Button>
                <Button size="small" variant="secondary" onClick={openExport} data-testid="crm-list-export">
                  <ArrowDownTray />
                  {t("customerList.export.button")}
                </Button>
                <Button size="small" variant="transparent" onClick={() => setDrawer("exports")} data-testid="crm-list-exports-open">
                  <DocumentText />
                  {t("customerList.exports.open")}
                </Button>
              </>
            }
          >
            <div>
              <div className="flex items-center gap-x-2">
                <Heading level="h1">{t("customerList.title")}</Heading>
                <Badge size="2xsmall" data-testid="crm-list-count" data-count={count ?? ""}>
                  {count ?? "…"}
                </Badge>
              </div>
              {segment ? (
                <Text size="small" className="text-ui-fg-subtle" data-testid="crm-list-segment" data-segment-id={segment.id}>
                  {t("customerList.segment.showing", { name: segment.name })}
                </Text>
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  {t("customerList.subtitle")}
                </Text>
              )}
            </div>
            <div className="flex w-full flex-wrap items-center gap-2 md:w-auto">
              <div data-testid="crm-list-filter-menu">
                <DataTable.FilterMenu tooltip={t("customerList.filters.add")} />
              </div>
              <SearchFieldSelect
                value={filter.field ?? "any"}
                onValueChange={(field) => params.patchFilter({ field: field === "any" ? undefined : field })}
              />
              <div className="w-full md:w-auto" data-testid="crm-customers-search">
                <DataTable.Search placeholder={t("customersPage.search")} aria-label={t("customersPage.search")} autoFocus />
              </div>
              <ColumnChooser visible={visible} onToggle={toggle} />
            </div>
          </DataTable.Toolbar>
          {error ? (
            <div className="border-t px-6 py-4" data-testid="crm-customers-error">
              <Text size="small" className="text-ui-fg-error">
                {t("customersPage.loadError", { message: errorText(error) })}
              </Text>
            </div>
          ) : (
            <div data-testid="crm-customers-table" className="flex flex-col">
              <DataTable.Table
                emptyState={{
                  empty: {
                    heading: t("customersPage.empty.heading"),
                    description: t("customersPage.empty.description"),
                  },
                  filtered: {
                    heading: t("customersPage.filtered.heading"),
                    description: t("customerList.filteredEmpty"),
                  },
                }}
              />
            </div>
          )}
          <DataTable.Pagination
            translations={{
              of: t("identityPages.pagination.of"),
              results: t("identityPages.pagination.results"),
              pages: t("identityPages.pagination.pages"),
              prev: t("identityPages.pagination.prev"),
              next: t("identityPages.pagination.next"),
            }}
          />
          <DataTable.CommandBar selectedLabel={(n) => t("customerList.bulk.selected", { count: n })} />
        </DataTable>
      </div>
      <BulkTagDrawer
        mode="add"
        open={drawer === "addTag"}
        onOpenChange={closeDrawer}
        customerIds={selectedIds}
        onDone={() => setSelection({})}
      />
      <BulkTagDrawer
        mode="remove"
        open={drawer === "removeTag"}
        onOpenChange={closeDrawer}
        customerIds={selectedIds}
        onDone={() => setSelection({})}
      />
      <BulkGroupDrawer
        open={drawer === "group"}
        onOpenChange={closeDrawer}
        customerIds={selectedIds}
        onDone={() => setSelection({})}
      />
      <ExportDrawer
        open={drawer === "export"}
        onOpenChange={closeDrawer}
        source={exportSource}
        count={"ids" in exportSource ? exportSource.ids.length : count ?? 0}
      />
      <SaveSegmentDrawer
        open={drawer === "segment"}
        onOpenChange={closeDrawer}
        filter={jsonFilter}
        count={count ?? 0}
        onSaved={(id) => {
          applied.current = id
          params.setSegment(id)
        }}
      />
      <ExportsDrawer open={drawer === "exports"} onOpenChange={closeDrawer} />
    </Container>
  )
}
