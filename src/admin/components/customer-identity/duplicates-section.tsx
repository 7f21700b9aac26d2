import { CodeMerge } from "@medusajs/icons"
import {
  Badge,
  Button,
  createDataTableColumnHelper,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useNavigate } from "react-router-dom"
import { useStableCallback } from "../../hooks/use-stable-callback"
import { useTranslate } from "../../lib/i18n"
import type { PossibleDuplicate } from "../../lib/types"
import { ListTable } from "../common/list-table"
import { customerPath, MatchBadges, personColumns } from "./customer-cells"

type DuplicatesSectionProps = {
  duplicates: PossibleDuplicate[]
  /** Opens the merge modal with this customer and the duplicate. */
  onMerge: (customerId: string) => void
}

type DuplicateRow = PossibleDuplicate["customer"] & {
  matches: PossibleDuplicate["matches"]
}

const columnHelper = createDataTableColumnHelper<DuplicateRow>()

/**
 * Other customers sharing an e-mail or phone number with this one: a row opens their page, and
 * "Merge…" opens the merge with them.
 */
export const DuplicatesSection = ({
  duplicates,
  onMerge,
}: DuplicatesSectionProps) => {
  const { t, locale } = useTranslate()
  const navigate = useNavigate()
  const merge = useStableCallback(onMerge)

  const rows = useMemo(
    () =>
      duplicates.map(({ customer, matches }) => ({ ...customer, matches })),
    [duplicates]
  )
  const columns = useMemo(
    () => [
      ...personColumns<DuplicateRow>(t, { created: false }),
      columnHelper.accessor("matches", {
        header: t("identity.columns.matchedBy"),
        cell: ({ row }) => (
          <MatchBadges
            labels={row.original.matches.map((match) =>
              t(`identity.matches.${match}`)
            )}
          />
        ),
      }),
      columnHelper.display({
        id: "merge",
        cell: ({ row }) => (
          <Button
            size="small"
            variant="secondary"
            className="whitespace-nowrap"
            onClick={(event) => {
              // The row opens the customer's page.
              event.stopPropagation()
              merge(row.original.id)
            }}
            data-testid="crm-identity-duplicate-merge"
          >
            <CodeMerge />
            {t("identity.duplicates.merge")}
          </Button>
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale, merge]
  )

  const instance = useDataTable({
    data: rows,
    columns,
    rowCount: rows.length,
    getRowId: (row) => row.id,
    onRowClick: (_event, row) => navigate(customerPath(row.id)),
  })

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
      <ListTable
        instance={instance}
        emptyState={{
          empty: {
            heading: t("identity.duplicates.emptyTitle"),
            description: t("identity.duplicates.emptyDescription"),
          },
        }}
        data-testid="crm-identity-duplicates-list"
      />
    </div>
  )
}
