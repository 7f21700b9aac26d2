import {
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  DataTableSortingState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { useTagDefinitions } from "../../hooks/api/tag-definitions"
import { useErrorMessage } from "../../lib/errors"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { TagDefinition } from "../../lib/types"
import { TAG_DEFINITIONS_PAGE_SIZE } from "./constants"
import { valueModeSummary } from "./format"
import { TagDefinitionActions } from "./tag-definition-actions"
import { TagDefinitionFormDrawer } from "./tag-definition-form-drawer"
import { TagKeyBadge } from "./tag-key-badge"
import { useDeleteTagDefinitionWithPrompt } from "./use-delete-tag-definition"

const columnHelper = createDataTableColumnHelper<TagDefinition>()

type ColumnHandlers = {
  onEdit: (tag: TagDefinition) => void
  onDelete: (tag: TagDefinition) => void
}

// The columns must keep their identity between renders: each cell renders as a component, and a
// new column definition would remount it (closing an open row menu). Hence the memo on the
// locale and handlers that never change.
const useColumns = (
  t: TranslateFn,
  locale: string,
  { onEdit, onDelete }: ColumnHandlers
) =>
  useMemo(
    () => [
      columnHelper.accessor("key", {
        header: t("tagsPage.fields.key"),
        enableSorting: true,
        cell: ({ row }) => (
          <TagKeyBadge
            tagKey={row.original.key}
            color={row.original.color}
            data-testid="crm-tags-row-key"
            data-tag-id={row.original.id}
          />
        ),
      }),
      columnHelper.accessor("label", {
        header: t("tagsPage.fields.label"),
        enableSorting: true,
        cell: ({ row }) => (
          <span data-testid="crm-tags-row-label">{row.original.label}</span>
        ),
      }),
      columnHelper.accessor("value_mode", {
        header: t("tagsPage.fields.valueMode"),
        cell: ({ row }) => (
          <span
            data-testid="crm-tags-row-value-mode"
            data-value-mode={row.original.value_mode}
          >
            {valueModeSummary(row.original, t)}
          </span>
        ),
      }),
      columnHelper.accessor("customer_group", {
        header: t("tagsPage.fields.benefitGroup"),
        cell: ({ row }) => {
          const group = row.original.customer_group
          if (!group) {
            return (
              <span
                className="text-ui-fg-muted"
                data-testid="crm-tags-row-benefit-group"
              >
                -
              </span>
            )
          }
          return (
            <Link
              to={`/customer-groups/${group.id}`}
              onClick={(event) => event.stopPropagation()}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
              data-testid="crm-tags-row-benefit-group"
              data-group-id={group.id}
            >
              {group.name}
            </Link>
          )
        },
      }),
      columnHelper.accessor("customer_count", {
        header: t("tagsPage.fields.customers"),
        align: "right",
        cell: ({ row }) => (
          <span data-testid="crm-tags-row-customers">
            {row.original.customer_count}
          </span>
        ),
      }),
      columnHelper.accessor("benefit_order_count", {
        header: t("tagsPage.fields.benefitOrders"),
        align: "right",
        cell: ({ row }) => (
          <span data-testid="crm-tags-row-benefit-orders">
            {row.original.benefit_order_count}
          </span>
        ),
      }),
      columnHelper.display({
        id: "action",
        cell: ({ row }) => (
          <TagDefinitionActions
            testIdPrefix="crm-tags-row"
            onEdit={() => onEdit(row.original)}
            onDelete={() => onDelete(row.original)}
          />
        ),
      }),
    ],
    // `t` changes identity on every render but only meaning with the locale.
    [locale, onEdit, onDelete]
  )

type FormState = { open: boolean; tag: TagDefinition | null }

/**
 * The tag catalogue: a searchable, paginated table of definitions. Search and page live in the
 * URL (`q`, `offset`), so going back from a definition returns to the same page.
 */
export const TagDefinitionListTable = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const [searchParams, setSearchParams] = useSearchParams()
  const [formState, setFormState] = useState<FormState>({
    open: false,
    tag: null,
  })
  const { confirmAndDelete } = useDeleteTagDefinitionWithPrompt()

  const q = searchParams.get("q") ?? ""
  // The route orders by these (`-` first for descending); by key when none is asked.
  const order = searchParams.get("order") ?? ""
  const sorting: DataTableSortingState | null = order
    ? { id: order.replace(/^-/, ""), desc: order.startsWith("-") }
    : null
  const offset = Math.max(
    0,
    Number.parseInt(searchParams.get("offset") ?? "", 10) || 0
  )

  const { tags, count, isPending, isError, error } = useTagDefinitions({
    q: q || undefined,
    order: order || undefined,
    offset,
    limit: TAG_DEFINITIONS_PAGE_SIZE,
  })

  const total = count ?? 0

  // Past the last page (e.g. after deleting its only row): go to the first page.
  useEffect(() => {
    if (!isPending && offset > 0 && offset >= total && tags) {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          next.delete("offset")
          return next
        },
        { replace: true }
      )
    }
  }, [isPending, offset, total, tags, setSearchParams])

  const confirmAndDeleteRef = useRef(confirmAndDelete)
  useEffect(() => {
    confirmAndDeleteRef.current = confirmAndDelete
  })
  const handlers = useMemo<ColumnHandlers>(
    () => ({
      onEdit: (tag) => setFormState({ open: true, tag }),
      onDelete: (tag) => {
        void confirmAndDeleteRef.current(tag)
      },
    }),
    []
  )
  const columns = useColumns(t, locale, handlers)

  const pagination: DataTablePaginationState = {
    pageIndex: Math.floor(offset / TAG_DEFINITIONS_PAGE_SIZE),
    pageSize: TAG_DEFINITIONS_PAGE_SIZE,
  }

  // One navigation per change: the search also resets the page (the table asks for both).
  const handleSearchChange = (value: string) => {
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) {
          next.set("q", value)
        } else {
          next.delete("q")
        }
        next.delete("offset")
        return next
      },
      { replace: true }
    )
  }

  // A new order starts at the first page.
  const handleSortingChange = (value: DataTableSortingState) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        next.set("order", `${value.desc ? "-" : ""}${value.id}`)
        next.delete("offset")
        return next
      },
      { replace: true }
    )

  const handlePaginationChange = (value: DataTablePaginationState) => {
    const nextOffset = value.pageIndex * value.pageSize
    if (nextOffset === offset) {
      // The table also "resets" to the first page on every search: no history entry for that.
      return
    }
    setSearchParams((prev) => {
      const next = new URLSearchParams(prev)
      if (nextOffset > 0) {
        next.set("offset", String(nextOffset))
      } else {
        next.delete("offset")
      }
      return next
    })
  }

  const instance = useDataTable({
    data: tags ?? [],
    columns,
    rowCount: total,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(`/crm-tags/${row.id}`),
    search: {
      state: q,
      onSearchChange: handleSearchChange,
    },
    sorting: {
      state: sorting,
      onSortingChange: handleSortingChange,
    },
    pagination: {
      state: pagination,
      onPaginationChange: handlePaginationChange,
    },
  })

  return (
    <>
      <Container className="overflow-hidden p-0" data-testid="crm-tags-page">
        <DataTable instance={instance}>
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
            <div className="flex w-full items-center justify-between gap-2">
              <div>
                <Heading>{t("tagsPage.title")}</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  {t("tagsPage.subtitle")}
                </Text>
              </div>
              <div className="flex items-center gap-x-2">
                <div className="w-full md:w-auto" data-testid="crm-tags-search">
                  <DataTable.Search placeholder={t("tagsPage.search")} />
                </div>
                <Button
                  size="small"
                  variant="secondary"
                  onClick={() => setFormState({ open: true, tag: null })}
                  data-testid="crm-tags-create"
                >
                  {t("tagsPage.actions.create")}
                </Button>
              </div>
            </div>
          </DataTable.Toolbar>
          {isError ? (
            <div className="border-t px-6 py-8" data-testid="crm-tags-error">
              <Text size="small" className="text-ui-fg-error">
                {t("tagsPage.loadError", { message: errorText(error) })}
              </Text>
            </div>
          ) : (
            <div data-testid="crm-tags-table" className="flex flex-col">
              <DataTable.Table
                emptyState={{
                  empty: {
                    heading: t("tagsPage.empty.heading"),
                    description: t("tagsPage.empty.description"),
                  },
                  filtered: {
                    heading: t("tagsPage.filtered.heading"),
                    description: t("tagsPage.filtered.description"),
                  },
                }}
              />
            </div>
          )}
          <DataTable.Pagination
            translations={{
              of: t("tagsPage.pagination.of"),
              results: t("tagsPage.pagination.results"),
              pages: t("tagsPage.pagination.pages"),
              prev: t("tagsPage.pagination.prev"),
              next: t("tagsPage.pagination.next"),
            }}
          />
        </DataTable>
      </Container>
      <TagDefinitionFormDrawer
        open={formState.open}
        tag={formState.tag}
        onOpenChange={(open) =>
          setFormState((current) => ({ ...current, open }))
        }
        onCreated={(tag) => navigate(`/crm-tags/${tag.id}`)}
      />
    </>
  )
}
