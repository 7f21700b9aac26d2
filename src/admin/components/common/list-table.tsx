import { Plus } from "@medusajs/icons"
import {
  Badge,
  Button,
  clx,
  DataTable,
  type DataTableEmptyStateProps,
  type DataTablePaginationState,
  Heading,
  Text,
  type UseDataTableReturn,
} from "@medusajs/ui"
import { type ReactNode, useEffect, useState } from "react"
import { useTranslate } from "../../lib/i18n"

/** The string tables that carry a `<prefix>.pagination.{of,results,pages,prev,next}` set. */
export type PaginationStrings =
  | "tagsPage"
  | "membershipsPage"
  | "identityPages"
  | "insights"
  | "loyalty"
  | "segmentsPage"
  | "reportsPage"
  | "messagesPage"

/**
 * A server-paged list's page and search, as `useDataTable` takes them: `offset` and `q` go to the
 * route (`limit`/`offset`/`q`), and a new search starts at the first page.
 */
export const useListPaging = (pageSize: number) => {
  const [q, setQ] = useState("")
  const [pageIndex, setPageIndex] = useState(0)

  return {
    q: q.trim(),
    offset: pageIndex * pageSize,
    limit: pageSize,
    /** For `useDataTable`: the search box and the pager. */
    table: {
      search: {
        state: q,
        onSearchChange: (value: string) => {
          setQ(value)
          setPageIndex(0)
        },
      },
      pagination: {
        state: { pageIndex, pageSize },
        onPaginationChange: (state: DataTablePaginationState) =>
          setPageIndex(state.pageIndex),
      },
      // A new search already starts at the first page.
      autoResetPageIndex: false,
    },
    /** Back to the first page (after a filter changed). */
    reset: () => setPageIndex(0),
  }
}

type ListTableProps<TData> = {
  instance: UseDataTableReturn<TData>
  /** The heading above the table; none for a table inside a section that has one. */
  title?: string
  subtitle?: string
  headingLevel?: "h1" | "h2" | "h3"
  /** Beside the title, as a badge, when above zero. */
  count?: number
  /** Left of the search box: what narrows the list. */
  filters?: ReactNode
  /** Right of the search box: buttons, a status switch. */
  actions?: ReactNode
  /** The section's "+ Add …" button, last in the toolbar. */
  add?: { label: string; onClick: () => void; "data-testid": string }
  /** Shows the table's search box with this placeholder. */
  searchPlaceholder?: string
  searchAutoFocus?: boolean
  /** What failed to load: shown in place of the rows. */
  error?: string | null
  emptyState: DataTableEmptyStateProps
  /** Where the pager's words are; no pager without them (a list that is never paged). */
  paginationStrings?: PaginationStrings
  /** Show the pager only when there is more than one page. */
  hideSinglePage?: boolean
  className?: string
  /** The wrapper's id; the table is `<id>-table`, the search `<id>-search`, the error `<id>-error`. */
  "data-testid": string
}

/**
 * A list on Medusa's `DataTable`: an optional heading with actions and search, the rows (or why
 * there are none, or what failed), and the pager. A page past the last one (its last row was
 * deleted) falls back to the last page that exists.
 */
export const ListTable = <TData,>({
  instance,
  title,
  subtitle,
  headingLevel = "h1",
  count,
  filters,
  actions,
  add,
  searchPlaceholder,
  searchAutoFocus,
  error,
  emptyState,
  paginationStrings,
  hideSinglePage = false,
  className,
  "data-testid": testId,
}: ListTableProps<TData>) => {
  const { t } = useTranslate()
  const { isLoading, pageIndex, pageSize, rowCount } = instance

  useEffect(() => {
    if (!isLoading && pageIndex > 0 && pageIndex * pageSize >= rowCount) {
      instance.previousPage()
    }
  }, [isLoading, pageIndex, pageSize, rowCount, instance])

  const showToolbar = !!(
    title ||
    filters ||
    actions ||
    add ||
    searchPlaceholder
  )
  const showPager =
    !!paginationStrings && !error && (!hideSinglePage || rowCount > pageSize)

  return (
    <div
      className={clx("flex flex-col", className)}
      aria-busy={isLoading}
      data-testid={testId}
    >
      <DataTable instance={instance}>
        {showToolbar && (
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
            <div className="flex w-full flex-col items-start justify-between gap-2 md:flex-row md:items-center">
              {title ? (
                <div>
                  <div className="flex items-center gap-x-2">
                    <Heading level={headingLevel}>{title}</Heading>
                    {!!count && (
                      <Badge size="2xsmall" data-testid={`${testId}-count`}>
                        {count}
                      </Badge>
                    )}
                  </div>
                  {subtitle && (
                    <Text size="small" className="text-ui-fg-subtle">
                      {subtitle}
                    </Text>
                  )}
                </div>
              ) : (
                <div />
              )}
              <div className="flex w-full items-center gap-x-2 md:w-auto">
                {filters}
                {searchPlaceholder && (
                  <div
                    className="w-full md:w-auto"
                    data-testid={`${testId}-search`}
                  >
                    <DataTable.Search
                      placeholder={searchPlaceholder}
                      autoFocus={searchAutoFocus}
                      aria-label={searchPlaceholder}
                    />
                  </div>
                )}
                {actions}
                {add && (
                  <Button
                    size="small"
                    variant="secondary"
                    onClick={add.onClick}
                    data-testid={add["data-testid"]}
                  >
                    <Plus />
                    {add.label}
                  </Button>
                )}
              </div>
            </div>
          </DataTable.Toolbar>
        )}
        {error ? (
          <div className="border-t px-6 py-4" data-testid={`${testId}-error`}>
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          </div>
        ) : (
          <div data-testid={`${testId}-table`} className="flex flex-col">
            <DataTable.Table emptyState={emptyState} />
          </div>
        )}
        {showPager && (
          <DataTable.Pagination
            translations={{
              of: t(`${paginationStrings}.pagination.of`),
              results: t(`${paginationStrings}.pagination.results`),
              pages: t(`${paginationStrings}.pagination.pages`),
              prev: t(`${paginationStrings}.pagination.prev`),
              next: t(`${paginationStrings}.pagination.next`),
            }}
          />
        )}
      </DataTable>
    </div>
  )
}
