import { Trash } from "@medusajs/icons"
import {
  Badge,
  createDataTableColumnHelper,
  IconButton,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import {
  useCustomerTags,
  useRemoveCustomerTag,
} from "../../hooks/api/customer-tags"
import { formatDate } from "../../lib/format"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useErrorMessage } from "../../lib/errors"
import { type TranslationKey, useTranslate } from "../../lib/i18n"
import type { CustomerTag } from "../../lib/types"
import { AddedAt } from "../common/added-at"
import { ListTable } from "../common/list-table"
import { AddTagDrawer } from "./add-tag-drawer"
import {
  CustomerTagBadge,
  customerTagKeyText,
  customerTagText,
} from "./customer-tag-badge"

const SOURCE_LABELS: Record<string, TranslationKey> = {
  manual: "customerTags.sources.manual",
  admin: "customerTags.sources.manual",
  bulk: "customerTags.sources.bulk",
  import: "customerTags.sources.import",
  api: "customerTags.sources.api",
  system: "customerTags.sources.system",
  segment: "customerTags.sources.segment",
  demo: "customerTags.sources.demo",
}

type TagsTabProps = {
  customerId: string
}

const columnHelper = createDataTableColumnHelper<CustomerTag>()

/** The Tags tab: the customer's tags with their value, expiry and origin; add and remove. */
export const TagsTab = ({ customerId }: TagsTabProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const [isAdding, setIsAdding] = useState(false)
  const { tags, isPending, error } = useCustomerTags(customerId)

  const columns = useMemo(
    () => [
      columnHelper.accessor("key", {
        header: t("customerTags.columns.tag"),
        cell: ({ row }) => (
          <span
            className="block max-w-[220px]"
            data-testid="crm-tag"
            data-tag-id={row.original.id}
            data-tag-key={row.original.key}
          >
            <CustomerTagBadge
              tag={row.original}
              size="xsmall"
              data-testid="crm-tag-badge"
            />
          </span>
        ),
      }),
      // The chip reads as the definition's label; the key as stored (API, imports) beside it.
      columnHelper.accessor("key", {
        id: "tag_key",
        header: t("customerTags.columns.key"),
        cell: ({ row }) => (
          <span className="text-ui-fg-subtle" data-testid="crm-tag-key">
            {customerTagKeyText(row.original)}
          </span>
        ),
      }),
      columnHelper.accessor("expires_at", {
        header: t("customerTags.columns.expires"),
        cell: ({ row }) => <TagExpiry tag={row.original} />,
      }),
      columnHelper.accessor("created_at", {
        header: t("customerTags.columns.added"),
        cell: ({ row }) => {
          const sourceKey = SOURCE_LABELS[row.original.source]
          return (
            <AddedAt
              date={row.original.created_at}
              source={sourceKey ? t(sourceKey) : row.original.source}
              data-testid="crm-tag-source"
            />
          )
        },
      }),
      columnHelper.display({
        id: "remove",
        cell: ({ row }) => <RemoveTagButton tag={row.original} />,
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const instance = useDataTable({
    data: tags ?? [],
    columns,
    rowCount: tags?.length ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
  })

  return (
    <div>
      <ListTable
        instance={instance}
        title={t("customerTags.title")}
        headingLevel="h3"
        count={tags?.length}
        add={{
          label: t("customerTags.add"),
          onClick: () => setIsAdding(true),
          "data-testid": "crm-tags-add",
        }}
        error={
          error
            ? t("customerTags.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: {
            heading: t("customerTags.emptyTitle"),
            description: t("customerTags.emptyDescription"),
          },
        }}
        data-testid="crm-tags"
      />
      <AddTagDrawer
        customerId={customerId}
        currentTags={tags ?? []}
        open={isAdding}
        onOpenChange={setIsAdding}
      />
    </div>
  )
}

type TagCellProps = {
  tag: CustomerTag
}

/** When the tag expires ("never" without a date), and whether it has. */
const TagExpiry = ({ tag }: TagCellProps) => {
  const { t, locale } = useTranslate()
  const expired = !!tag.expires_at && new Date(tag.expires_at) <= new Date()

  return (
    <span data-testid="crm-tag-expires">
      {tag.expires_at ? (
        <span className="flex items-center gap-x-1.5">
          <span className="text-ui-fg-subtle">
            {formatDate(tag.expires_at, locale)}
          </span>
          {expired && (
            <Badge size="2xsmall" color="orange">
              {t("customerTags.expired")}
            </Badge>
          )}
        </span>
      ) : (
        <span className="text-ui-fg-muted">{t("customerTags.never")}</span>
      )}
    </span>
  )
}

/** Removes the tag, after a confirmation. */
const RemoveTagButton = ({ tag }: TagCellProps) => {
  const { t } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useRemoveCustomerTag(tag.customer_id)
  )

  const handleRemove = () =>
    confirmAndRun(tag.id, {
      title: t("customerTags.removeTitle"),
      description: t("customerTags.removeDescription", {
        tag: customerTagText(tag),
      }),
      confirmText: t("customerTags.remove"),
      cancelText: t("customerTags.cancel"),
      success: () => t("customerTags.removed", { tag: customerTagText(tag) }),
    })

  return (
    <Tooltip content={t("customerTags.remove")}>
      <IconButton
        size="small"
        variant="transparent"
        aria-label={t("customerTags.removeLabel", {
          tag: customerTagText(tag),
        })}
        disabled={isPending}
        onClick={handleRemove}
        data-testid="crm-tag-remove"
      >
        <Trash />
      </IconButton>
    </Tooltip>
  )
}
