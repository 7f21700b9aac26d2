import { ArrowPath, ArrowUturnLeft, CodeMerge, Link } from "@medusajs/icons"
import {
  Button,
  createDataTableColumnHelper,
  StatusBadge,
  Text,
  Tooltip,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useUndoMerge } from "../../hooks/api/identity"
import { useStableCallback } from "../../hooks/use-stable-callback"
import { formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerAccount, CustomerMerge } from "../../lib/types"
import { ActionMenu, type ActionMenuAction } from "../common/action-menu"
import { ListTable } from "../common/list-table"
import { CustomerNameLink } from "./customer-cells"
import { LinkAccountModal, RelinkAccountModal } from "./link-account-modal"
import { customerLabel, mergeCountLines } from "./merge-format"
import { useModalFor } from "./use-modal-for"
import { DateCell } from "../common/date-cell"

/** How many kinds of moved data a row names before "+N more". */
const SUMMARY_LIMIT = 3

type MergesSectionProps = {
  customerId: string
  merges: CustomerMerge[]
  /** The customer's online account; null for a guest record, which can be linked to one. */
  account: CustomerAccount | null
  /** Opens the merge modal to search for the record to merge with. */
  onMerge: () => void
}

const columnHelper = createDataTableColumnHelper<CustomerMerge>()

/** The records merged into this customer, with undo; merge with another customer or link an account. */
export const MergesSection = ({
  customerId,
  merges,
  account,
  onMerge,
}: MergesSectionProps) => {
  const { t, locale } = useTranslate()
  const [isLinking, setIsLinking] = useState(false)
  const relink = useModalFor<CustomerMerge>()
  const openRelink = useStableCallback(relink.openFor)

  const columns = useMemo(
    () => [
      columnHelper.accessor("source", {
        header: t("identity.merges.columns.record"),
        cell: ({ row }) => (
          <div
            data-testid="crm-identity-merge"
            data-merge-id={row.original.id}
            data-status={row.original.status}
            data-kind={row.original.kind}
          >
            <MergeSource merge={row.original} />
          </div>
        ),
      }),
      columnHelper.accessor("merged_at", {
        header: t("identity.merges.columns.merged"),
        cell: ({ row }) => <DateCell date={row.original.merged_at} subtle />,
      }),
      columnHelper.display({
        id: "moved",
        header: t("identity.merges.columns.moved"),
        cell: ({ row }) => (
          <div className="max-w-[280px]">
            <MergeCountsSummary merge={row.original} />
          </div>
        ),
      }),
      columnHelper.accessor("status", {
        header: t("identity.merges.columns.status"),
        cell: ({ row }) => <MergeStatus merge={row.original} />,
      }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) => (
          <MergeActions
            customerId={customerId}
            merge={row.original}
            onRelink={() => openRelink(row.original)}
          />
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale, customerId, openRelink]
  )

  const instance = useDataTable({
    data: merges,
    columns,
    rowCount: merges.length,
    getRowId: (row) => row.id,
  })

  return (
    <div>
      <ListTable
        instance={instance}
        title={t("identity.merges.title")}
        subtitle={t("identity.merges.description")}
        headingLevel="h3"
        count={merges.length}
        actions={
          <>
            {!account && (
              <Button
                size="small"
                variant="secondary"
                onClick={() => setIsLinking(true)}
                data-testid="crm-identity-link-open"
              >
                <Link />
                {t("identity.merges.linkOpen")}
              </Button>
            )}
            <Button
              size="small"
              variant="secondary"
              onClick={onMerge}
              data-testid="crm-identity-merge-open"
            >
              <CodeMerge />
              {t("identity.merges.mergeOpen")}
            </Button>
          </>
        }
        emptyState={{
          empty: {
            heading: t("identity.merges.emptyTitle"),
            description: t("identity.merges.emptyDescription"),
          },
        }}
        data-testid="crm-identity-merges"
      />
      {!account && (
        <LinkAccountModal
          customerId={customerId}
          open={isLinking}
          onOpenChange={setIsLinking}
        />
      )}
      <RelinkAccountModal
        customerId={customerId}
        merge={relink.value}
        open={relink.open}
        onOpenChange={relink.onOpenChange}
      />
    </div>
  )
}

/** The record merged in: its name and e-mail as they were (how it came in is its status). */
const MergeSource = ({ merge }: { merge: CustomerMerge }) => {
  const { source } = merge

  return (
    <div className="flex flex-col gap-y-1 py-2">
      <div className="flex min-w-0 items-center gap-x-2">
        {/* Undone, the record is back and has a page again. */}
        {merge.status === "undone" ? (
          <CustomerNameLink customer={source} />
        ) : (
          <span
            className="text-ui-fg-base block max-w-[240px] truncate"
            data-testid="crm-customer-name"
          >
            {customerLabel(source)}
          </span>
        )}
      </div>
      {source.email && (
        <Text
          size="small"
          className="text-ui-fg-subtle max-w-[280px] truncate"
          data-testid="crm-identity-merge-email"
        >
          {source.email}
        </Text>
      )}
    </div>
  )
}

/** "3 orders · 1 address · 120 points +2 more", every kind on hover. */
const MergeCountsSummary = ({ merge }: { merge: CustomerMerge }) => {
  const { t, locale } = useTranslate()
  const lines = mergeCountLines(merge.counts, t, locale).map(({ text }) => text)

  if (!lines.length) {
    return (
      <span className="text-ui-fg-muted">
        {t("identity.merges.nothingMoved")}
      </span>
    )
  }

  const shown = lines.slice(0, SUMMARY_LIMIT).join(" · ")
  const more = lines.length - SUMMARY_LIMIT
  const summary = (
    <span
      className="text-ui-fg-subtle line-clamp-2"
      data-testid="crm-identity-merge-counts"
    >
      {shown}
      {more > 0 && ` ${t("identity.merges.moreCounts", { count: more })}`}
    </span>
  )

  return more > 0 ? (
    <Tooltip content={lines.join(" · ")}>{summary}</Tooltip>
  ) : (
    summary
  )
}

/**
 * One state: Merged, Linked or Claimed (until when it can be undone), or Merge undone, Link undone
 * or Claim undone (when).
 */
const MergeStatus = ({ merge }: { merge: CustomerMerge }) => {
  const { t, locale } = useTranslate()
  const isUndone = merge.status === "undone"
  const note = isUndone
    ? merge.undone_at &&
      t("identity.merges.undoneOn", {
        date: formatDateTime(merge.undone_at, locale),
      })
    : merge.can_undo &&
      t("identity.merges.undoUntil", {
        date: formatDateTime(merge.undo_until, locale),
      })

  return (
    <div className="flex flex-col items-start gap-y-1 py-2">
      <StatusBadge
        color={isUndone ? "grey" : "green"}
        data-testid="crm-identity-merge-status"
        data-status={merge.status}
        data-kind={merge.kind}
      >
        {isUndone
          ? t(`identity.merges.undoneKinds.${merge.kind}`)
          : t(`identity.merges.kinds.${merge.kind}`)}
      </StatusBadge>
      {note && (
        <Text
          size="xsmall"
          className="text-ui-fg-muted"
          data-testid="crm-identity-merge-status-note"
        >
          {note}
        </Text>
      )}
    </div>
  )
}

type MergeActionsProps = {
  customerId: string
  merge: CustomerMerge
  onRelink: () => void
}

/** Undo (after confirming) and, for a link, link to another account; none once it cannot be undone. */
const MergeActions = ({ customerId, merge, onRelink }: MergeActionsProps) => {
  const { t } = useTranslate()
  const { undo, isUndoing } = useUndoWithPrompt(customerId, merge)

  if (!merge.can_undo) {
    return null
  }

  const relink: ActionMenuAction[] =
    merge.kind === "link"
      ? [
          {
            icon: <ArrowPath />,
            label: t("identity.merges.relink"),
            onClick: onRelink,
            "data-testid": "crm-identity-merge-relink",
          },
        ]
      : []

  return (
    <ActionMenu
      label={t("identity.merges.actions", {
        name: customerLabel(merge.source),
      })}
      groups={[
        relink,
        [
          {
            icon: <ArrowUturnLeft />,
            label: t("identity.merges.undo"),
            onClick: undo,
            disabled: isUndoing,
            "data-testid": "crm-identity-merge-undo",
          },
        ],
      ]}
      data-testid="crm-identity-merge-actions"
    />
  )
}

/** Undo the merge after confirming; the record it brings back is named in the toast. */
const useUndoWithPrompt = (customerId: string, merge: CustomerMerge) => {
  const { t } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useUndoMerge(customerId)
  const name = customerLabel(merge.source)

  const undo = async () => {
    const confirmed = await prompt({
      title: t("identity.merges.undoTitle"),
      description: t("identity.merges.undoDescription", { name }),
      confirmText: t("identity.merges.undo"),
      cancelText: t("identity.merges.cancel"),
    })
    if (!confirmed) {
      return
    }
    await mutateWithToast(mutateAsync, merge.id, {
      success: () => t("identity.merges.undone", { name }),
    })
  }
  return { undo, isUndoing: isPending }
}
