import { ArrowPath, ArrowUturnLeft, CodeMerge, Link } from "@medusajs/icons"
import {
  Badge,
  Button,
  Heading,
  StatusBadge,
  Table,
  Text,
  Tooltip,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { useUndoMerge } from "../../hooks/api/identity"
import { formatDate, formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerAccount, CustomerMerge, MergeKind } from "../../lib/types"
import { ActionMenu, type ActionMenuAction } from "../common/action-menu"
import { EmptyState } from "../common/load-states"
import { CustomerNameLink } from "./customer-cells"
import { LinkAccountModal, RelinkAccountModal } from "./link-account-modal"
import { customerLabel, mergeCountLines } from "./merge-format"
import { useModalFor } from "./use-modal-for"

/** How many kinds of moved data a row names before "+N more". */
const SUMMARY_LIMIT = 3

const KIND_COLORS: Record<MergeKind, "blue" | "purple" | "orange"> = {
  merge: "blue",
  link: "purple",
  claim: "orange",
}

type MergesSectionProps = {
  customerId: string
  merges: CustomerMerge[]
  /** The customer's online account; null for a guest record, which can be linked to one. */
  account: CustomerAccount | null
  /** Opens the merge modal to search for the record to merge with. */
  onMerge: () => void
}

/** The records merged into this customer, with undo; merge with another customer or link an account. */
export const MergesSection = ({
  customerId,
  merges,
  account,
  onMerge,
}: MergesSectionProps) => {
  const { t } = useTranslate()
  const [isLinking, setIsLinking] = useState(false)
  const relink = useModalFor<CustomerMerge>()

  return (
    <div className="divide-y" data-testid="crm-identity-merges">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h3">{t("identity.merges.title")}</Heading>
            {!!merges.length && (
              <Badge size="2xsmall" data-testid="crm-identity-merges-count">
                {merges.length}
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {t("identity.merges.description")}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
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
        </div>
      </div>
      {merges.length ? (
        <div className="overflow-x-auto">
          <Table data-testid="crm-identity-merges-table">
            <Table.Header className="border-t-0">
              <Table.Row>
                <Table.HeaderCell>
                  {t("identity.merges.columns.record")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("identity.merges.columns.merged")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("identity.merges.columns.moved")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("identity.merges.columns.status")}
                </Table.HeaderCell>
                <Table.HeaderCell className="w-px" />
              </Table.Row>
            </Table.Header>
            <Table.Body className="border-b-0">
              {merges.map((merge) => (
                <MergeRow
                  key={merge.id}
                  customerId={customerId}
                  merge={merge}
                  onRelink={() => relink.openFor(merge)}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <EmptyState
          title={t("identity.merges.emptyTitle")}
          description={t("identity.merges.emptyDescription")}
          data-testid="crm-identity-merges-empty"
        />
      )}
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

type MergeRowProps = {
  customerId: string
  merge: CustomerMerge
  onRelink: () => void
}

const MergeRow = ({ customerId, merge, onRelink }: MergeRowProps) => {
  const { locale } = useTranslate()

  return (
    <Table.Row
      className="last-of-type:border-b-0"
      data-testid="crm-identity-merge"
      data-merge-id={merge.id}
      data-status={merge.status}
      data-kind={merge.kind}
    >
      <Table.Cell>
        <MergeSource merge={merge} />
      </Table.Cell>
      <Table.Cell>
        <Tooltip content={formatDateTime(merge.merged_at, locale)}>
          <span className="text-ui-fg-subtle whitespace-nowrap">
            <time dateTime={merge.merged_at}>
              {formatDate(merge.merged_at, locale)}
            </time>
          </span>
        </Tooltip>
      </Table.Cell>
      <Table.Cell className="max-w-[280px]">
        <MergeCountsSummary merge={merge} />
      </Table.Cell>
      <Table.Cell>
        <MergeStatus merge={merge} />
      </Table.Cell>
      <Table.Cell>
        <MergeActions
          customerId={customerId}
          merge={merge}
          onRelink={onRelink}
        />
      </Table.Cell>
    </Table.Row>
  )
}

/** How the record came in (Merged, Linked, Claimed), its name and e-mail as they were. */
const MergeSource = ({ merge }: { merge: CustomerMerge }) => {
  const { t } = useTranslate()
  const { source } = merge

  return (
    <div className="flex flex-col gap-y-1 py-2">
      <div className="flex min-w-0 items-center gap-x-2">
        <Badge
          size="2xsmall"
          color={KIND_COLORS[merge.kind]}
          className="shrink-0"
          data-testid="crm-identity-merge-kind"
        >
          {t(`identity.merges.kinds.${merge.kind}`)}
        </Badge>
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

/** Merged (until when it can be undone) or undone (when). */
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
      >
        {t(`identity.merges.status.${merge.status}`)}
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
  const undo = useUndoWithPrompt(customerId, merge)

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
  const { mutateAsync } = useUndoMerge(customerId)
  const name = customerLabel(merge.source)

  return async () => {
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
}
