import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { useSearchParams } from "react-router-dom"
import {
  IDENTITY_LIST_PAGE_SIZE,
  useDuplicateGroups,
} from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"
import { OffsetPagination } from "../customer-identity/offset-pagination"
import type { DuplicateGroup } from "../../lib/types"
import { DuplicateGroupsTable } from "./duplicate-groups-table"

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
  const { t } = useTranslate()
  const [searchParams, setSearchParams] = useSearchParams()
  const offset = Math.max(
    0,
    Number.parseInt(searchParams.get("offset") ?? "", 10) || 0
  )

  const { groups, count, isPending, isError, error } = useDuplicateGroups({
    limit: IDENTITY_LIST_PAGE_SIZE,
    offset,
  })

  const total = count ?? 0

  // A page is a history entry of its own, as in the dashboard's lists.
  const setOffset = (value: number) =>
    setSearchParams((prev) => {
      const next = new URLSearchParams(prev)
      if (value > 0) {
        next.set("offset", String(value))
      } else {
        next.delete("offset")
      }
      return next
    })

  // Past the last page (e.g. once its duplicates were tidied up): back to the first.
  useEffect(() => {
    if (!isPending && groups && offset > 0 && offset >= total) {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          next.delete("offset")
          return next
        },
        { replace: true }
      )
    }
  }, [isPending, groups, offset, total, setSearchParams])

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-duplicates-loading"
        >
          <Skeletons count={5} className="h-6 w-full" />
        </div>
      )
    }
    if (isError) {
      return (
        <SectionError data-testid="crm-duplicates-error">
          {t("duplicatesPage.loadError", { message: error?.message ?? "" })}
        </SectionError>
      )
    }
    if (!groups?.length) {
      return (
        <EmptyState
          title={t("duplicatesPage.empty.heading")}
          description={t("duplicatesPage.empty.description")}
          className="py-10"
          data-testid="crm-duplicates-empty"
        />
      )
    }
    return (
      <>
        <DuplicateGroupsTable groups={groups} onMergeGroup={onMergeGroup} />
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
    <Container className="divide-y p-0" data-testid="crm-duplicates-page">
      <div className="px-6 py-4">
        <Heading>{t("duplicatesPage.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("duplicatesPage.subtitle")}
        </Text>
      </div>
      <div>{renderBody()}</div>
    </Container>
  )
}
