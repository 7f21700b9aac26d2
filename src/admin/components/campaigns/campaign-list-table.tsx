import {
  Container,
  createDataTableColumnHelper,
  Text,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCampaigns } from "../../hooks/api/campaigns"
import { useSegments } from "../../hooks/api/segments"
import { useStableCallback } from "../../hooks/use-stable-callback"
import { useErrorMessage } from "../../lib/errors"
import { formatDate, formatDateTime, formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { CampaignCounts, CustomerCampaign } from "../../lib/types"
import { ListTable, useListPaging } from "../common/list-table"
import { CampaignActionsMenu } from "./campaign-actions-menu"
import { CampaignFormDrawer } from "./campaign-form-drawer"
import {
  AudienceSummary,
  CampaignStatusBadge,
  kindLabel,
  MESSAGES_PAGINATION,
} from "./campaign-format"
import { useCampaignActions } from "./use-campaign-actions"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<CustomerCampaign>()

/** The counts the list shows, in order. */
const LIST_COUNTS = ["distributed", "read", "redeemed", "removed"] as const satisfies readonly (keyof CampaignCounts)[]

/** A date of the campaign: the day, the exact time on hover; "-" for none. */
export const CampaignDate = ({
  at,
  empty = "-",
  "data-testid": testId,
}: {
  at: string | null
  empty?: string
  "data-testid"?: string
}) => {
  const { locale } = useTranslate()
  if (!at) {
    return (
      <span className="text-ui-fg-muted" data-testid={testId}>
        {empty}
      </span>
    )
  }
  return (
    <Tooltip content={formatDateTime(at, locale)}>
      <span className="whitespace-nowrap" data-testid={testId} data-value={at}>
        <time dateTime={at}>{formatDate(at, locale)}</time>
      </span>
    </Tooltip>
  )
}

type Handlers = {
  onEdit: (campaign: CustomerCampaign) => void
  onEnd: (campaign: CustomerCampaign) => void
  onDelete: (campaign: CustomerCampaign) => void
}

const useColumns = (
  t: TranslateFn,
  locale: string,
  segmentNames: Record<string, string>,
  handlers: Handlers
) =>
  useMemo(
    () => [
      columnHelper.accessor("title", {
        header: t("messagesPage.fields.title"),
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col py-2">
            <span
              className="text-ui-fg-base truncate font-medium"
              data-testid="campaign-row"
              data-campaign-id={row.original.id}
            >
              {row.original.title}
            </span>
            <span className="text-ui-fg-subtle truncate" data-testid="campaign-row-kind" data-kind={row.original.kind}>
              {kindLabel(row.original.kind, t)}
            </span>
          </div>
        ),
      }),
      columnHelper.accessor("status", {
        header: t("messagesPage.fields.status"),
        cell: ({ row }) => (
          <CampaignStatusBadge status={row.original.status} data-testid="campaign-row-status" />
        ),
      }),
      columnHelper.accessor("audience", {
        header: t("messagesPage.fields.audience"),
        cell: ({ row }) => (
          <AudienceSummary
            audience={row.original.audience}
            segmentNames={segmentNames}
            maxTags={2}
            data-testid="campaign-row-audience"
          />
        ),
      }),
      columnHelper.accessor("starts_at", {
        header: t("messagesPage.fields.startsAt"),
        cell: ({ row }) => <CampaignDate at={row.original.starts_at} data-testid="campaign-row-starts-at" />,
      }),
      columnHelper.accessor("ends_at", {
        header: t("messagesPage.fields.endsAt"),
        cell: ({ row }) => (
          <CampaignDate
            at={row.original.ended_at ?? row.original.ends_at}
            empty={t("messagesPage.detail.openEnded")}
            data-testid="campaign-row-ends-at"
          />
        ),
      }),
      ...LIST_COUNTS.map((key) =>
        columnHelper.display({
          id: `count_${key}`,
          header: t(`messagesPage.counts.${key}`),
          cell: ({ row }) => (
            <span
              className="tabular-nums"
              data-testid={`campaign-row-${key}`}
              data-count={row.original.counts[key]}
            >
              {key === "redeemed" && row.original.kind === "message"
                ? "-"
                : formatNumber(row.original.counts[key], locale)}
            </span>
          ),
        })
      ),
      columnHelper.display({
        id: "action",
        cell: ({ row }) => (
          <CampaignActionsMenu
            campaign={row.original}
            testIdPrefix="campaign-row"
            onEdit={() => handlers.onEdit(row.original)}
            onEnd={() => handlers.onEnd(row.original)}
            onDelete={() => handlers.onDelete(row.original)}
          />
        ),
      }),
    ],
    // `t` changes identity on every render but only meaning with the locale.
    [locale, segmentNames, handlers]
  )

type FormState = { open: boolean; campaign: CustomerCampaign | null }

/**
 * Customers › Messages & offers: every campaign with its kind, status, audience, dates and how its
 * entries stand (distributed, read, redeemed, removed).
 */
export const CampaignListTable = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const paging = useListPaging(PAGE_SIZE)
  const [formState, setFormState] = useState<FormState>({ open: false, campaign: null })
  const actions = useCampaignActions()

  const { campaigns, count, isPending, isError, error } = useCampaigns({
    q: paging.q || undefined,
    limit: paging.limit,
    offset: paging.offset,
  })
  const { segments } = useSegments({ limit: 100 })
  const segmentNames = useMemo(
    () => Object.fromEntries((segments ?? []).map((segment) => [segment.id, segment.name])),
    [segments]
  )

  const onEdit = useStableCallback((campaign: CustomerCampaign) =>
    setFormState({ open: true, campaign })
  )
  const onEnd = useStableCallback((campaign: CustomerCampaign) => void actions.confirmAndEnd(campaign))
  const onDelete = useStableCallback(
    (campaign: CustomerCampaign) => void actions.confirmAndDelete(campaign)
  )
  const handlers = useMemo<Handlers>(() => ({ onEdit, onEnd, onDelete }), [onEdit, onEnd, onDelete])
  const columns = useColumns(t, locale, segmentNames, handlers)

  const instance = useDataTable({
    data: campaigns ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(`/crm-messages/${row.id}`),
    ...paging.table,
  })

  return (
    <>
      <Container className="overflow-hidden p-0" data-testid="campaigns-page">
        <ListTable
          instance={instance}
          title={t("messagesPage.title")}
          subtitle={t("messagesPage.subtitle")}
          searchPlaceholder={t("messagesPage.search")}
          add={{
            label: t("messagesPage.actions.create"),
            onClick: () => setFormState({ open: true, campaign: null }),
            "data-testid": "campaign-create",
          }}
          error={isError ? t("messagesPage.loadError", { message: errorText(error) }) : null}
          emptyState={{
            empty: {
              custom: (
                <div className="flex flex-col items-center gap-y-1 py-10 text-center" data-testid="campaigns-empty">
                  <Text size="small" weight="plus">
                    {t("messagesPage.empty.heading")}
                  </Text>
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("messagesPage.empty.description")}
                  </Text>
                </div>
              ),
            },
            filtered: {
              heading: t("messagesPage.filtered.heading"),
              description: t("messagesPage.filtered.description"),
            },
          }}
          paginationStrings={MESSAGES_PAGINATION}
          data-testid="campaigns"
        />
      </Container>
      <CampaignFormDrawer
        open={formState.open}
        campaign={formState.campaign}
        onOpenChange={(open) => setFormState((current) => ({ ...current, open }))}
        onCreated={(campaign) => navigate(`/crm-messages/${campaign.id}`)}
      />
    </>
  )
}
