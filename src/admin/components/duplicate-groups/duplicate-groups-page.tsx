import { Container, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import {
  IDENTITY_LIST_PAGE_SIZE,
  useDuplicateGroups,
} from "../../hooks/api/identity"
import { useStableCallback } from "../../hooks/use-stable-callback"
import { useTranslate } from "../../lib/i18n"
import { useErrorMessage } from "../../lib/errors"
import type { DuplicateGroup } from "../../lib/types"
import { ListTable } from "../common/list-table"
import { duplicateGroupColumns } from "./duplicate-groups-table"

type DuplicateGroupsPageProps = {
  /** "Merge" on each group: opens the merge modal with its first two customers. */
  onMergeGroup?: (group: DuplicateGroup) => void
}

/**
 * Customers › Duplicates: groups of customers sharing an e-mail address or a phone number, largest
 * first. The page lives in the URL (`offset`), so going back from a customer returns to it.
 */
export const DuplicateGroupsPage = ({
  onMergeGroup,
}: DuplicateGroupsPageProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const [searchParams, setSearchParams] = useSearchParams()
  const offset = Math.max(
    0,
    Number.parseInt(searchParams.get("offset") ?? "", 10) || 0
  )

  const { groups, count, isPending, error } = useDuplicateGroups({
    limit: IDENTITY_LIST_PAGE_SIZE,
    offset,
  })

  const merge = useStableCallback((group: DuplicateGroup) =>
    onMergeGroup?.(group)
  )
  const canMerge = !!onMergeGroup
  const columns = useMemo(
    () => duplicateGroupColumns(t, canMerge ? merge : undefined),
    // `t` is new on every render; what it says changes only with the locale.
    [locale, canMerge, merge]
  )

  const instance = useDataTable({
    data: groups ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (group) => `${group.match}:${group.key}`,
    isLoading: isPending,
    autoResetPageIndex: false,
    pagination: {
      state: {
        pageIndex: Math.floor(offset / IDENTITY_LIST_PAGE_SIZE),
        pageSize: IDENTITY_LIST_PAGE_SIZE,
      },
      // A page is a history entry of its own, as in the dashboard's lists.
      onPaginationChange: ({ pageIndex, pageSize }) =>
        setSearchParams((prev) => {
          const next = new URLSearchParams(prev)
          if (pageIndex > 0) {
            next.set("offset", String(pageIndex * pageSize))
          } else {
            next.delete("offset")
          }
          return next
        }),
    },
  })

  return (
    <Container
      className="overflow-hidden p-0"
      data-testid="crm-duplicates-page"
    >
      <ListTable
        instance={instance}
        title={t("duplicatesPage.title")}
        subtitle={t("duplicatesPage.subtitle")}
        error={
          error
            ? t("duplicatesPage.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: {
            heading: t("duplicatesPage.empty.heading"),
            description: t("duplicatesPage.empty.description"),
          },
        }}
        paginationStrings="identityPages"
        data-testid="crm-duplicates"
      />
    </Container>
  )
}
