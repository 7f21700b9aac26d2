import { Table } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"

type OffsetPaginationProps = {
  count: number
  offset: number
  pageSize: number
  onOffsetChange: (offset: number) => void
}

/** Medusa's table pagination over an offset-paged list (Find customers, Duplicates). */
export const OffsetPagination = ({ count, offset, pageSize, onOffsetChange }: OffsetPaginationProps) => {
  const { t } = useTranslate()
  const pageIndex = Math.floor(offset / pageSize)
  const pageCount = Math.max(1, Math.ceil(count / pageSize))

  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex < pageCount - 1}
      previousPage={() => onOffsetChange(Math.max(0, offset - pageSize))}
      nextPage={() => onOffsetChange(offset + pageSize)}
      translations={{
        of: t("identityPages.pagination.of"),
        results: t("identityPages.pagination.results"),
        pages: t("identityPages.pagination.pages"),
        prev: t("identityPages.pagination.prev"),
        next: t("identityPages.pagination.next"),
      }}
    />
  )
}
