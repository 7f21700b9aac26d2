import { ArrowUturnLeft, PencilSquare, XCircle } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useCampaign, useCampaignEntries } from "../../hooks/api/campaigns"
import { useConsentPurposes } from "../../hooks/api/consents"
import { useErrorMessage } from "../../lib/errors"
import { formatDateTime, formatNumber, formatPoints } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { AdminCampaignEntry, CampaignCounts, CustomerCampaign } from "../../lib/types"
import { CollapsibleText } from "../common/collapsible-text"
import { ListTable, useListPaging } from "../common/list-table"
import { PageError, SectionsSkeleton } from "../common/load-states"
import { SectionRow } from "../common/section-row"
import { customerDisplayName } from "../tag-definitions/format"
import { CampaignActionsMenu } from "./campaign-actions-menu"
import { CampaignFormDrawer } from "./campaign-form-drawer"
import {
  AudienceSummary,
  CampaignStatusBadge,
  EntryStatusBadge,
  KindBadge,
  MESSAGES_PAGINATION,
} from "./campaign-format"
import { CampaignDate } from "./campaign-list-table"
import { useCampaignActions } from "./use-campaign-actions"

const ENTRIES_PAGE_SIZE = 20

/** The campaign page: its content, schedule, audience and offer, its counts and its recipients. */
export const CampaignDetail = ({ id }: { id: string }) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const [isEditOpen, setIsEditOpen] = useState(false)
  const { campaign, isPending, isError, error } = useCampaign(id)
  const actions = useCampaignActions()

  if (isPending) {
    return <SectionsSkeleton rows={[8, 2]} data-testid="campaign-detail-loading" />
  }

  if (isError || !campaign) {
    const notFound = error?.status === 404
    return (
      <PageError
        title={notFound ? t("messagesPage.detail.notFound") : t("messagesPage.detail.loadErrorTitle")}
        description={
          notFound
            ? t("messagesPage.detail.notFoundDescription")
            : t("messagesPage.loadError", { message: errorText(error) })
        }
        data-testid="campaign-detail-error"
      >
        <Button size="small" variant="secondary" asChild>
          <Link to="/crm-messages">
            <ArrowUturnLeft />
            {t("messagesPage.detail.backToList")}
          </Link>
        </Button>
      </PageError>
    )
  }

  const handleDelete = async () => {
    if (await actions.confirmAndDelete(campaign)) {
      navigate("/crm-messages", { replace: true })
    }
  }

  return (
    <div
      className="flex flex-col gap-y-3"
      data-testid="campaign-detail"
      data-campaign-id={campaign.id}
      data-status={campaign.status}
    >
      <Container className="divide-y p-0" data-testid="campaign-general">
        <div className="flex flex-col items-start justify-between gap-4 px-6 py-4 md:flex-row md:items-center">
          <div className="flex min-w-0 flex-col gap-y-1">
            <div className="flex min-w-0 items-center gap-x-2">
              <Heading className="truncate" data-testid="campaign-detail-title">
                {campaign.title}
              </Heading>
              <KindBadge kind={campaign.kind} />
              <CampaignStatusBadge status={campaign.status} data-testid="campaign-detail-status" />
            </div>
            <Text
              size="small"
              className="text-ui-fg-subtle whitespace-pre-line break-words"
              data-testid="campaign-detail-short-description"
            >
              {campaign.short_description}
            </Text>
          </div>
          {campaign.status !== "ended" && (
            <div className="flex shrink-0 items-center gap-x-2">
              <Button
                size="small"
                variant="secondary"
                onClick={() => setIsEditOpen(true)}
                data-testid="campaign-edit"
              >
                <PencilSquare />
                {campaign.status === "scheduled"
                  ? t("messagesPage.actions.edit")
                  : t("messagesPage.actions.editEnd")}
              </Button>
              {campaign.status === "active" && (
                <Button
                  size="small"
                  variant="secondary"
                  onClick={() => void actions.confirmAndEnd(campaign)}
                  isLoading={actions.isEnding}
                  data-testid="campaign-end"
                >
                  <XCircle />
                  {t("messagesPage.actions.end")}
                </Button>
              )}
              {campaign.status === "scheduled" && (
                <CampaignActionsMenu
                  campaign={campaign}
                  testIdPrefix="campaign-detail"
                  showEnd={false}
                  disabled={actions.isDeleting}
                  onEdit={() => setIsEditOpen(true)}
                  onEnd={() => void actions.confirmAndEnd(campaign)}
                  onDelete={() => void handleDelete()}
                />
              )}
            </div>
          )}
        </div>
        <CampaignFields campaign={campaign} />
      </Container>
      <CampaignCountsSection campaign={campaign} />
      <CampaignEntriesSection campaign={campaign} />
      <CampaignFormDrawer open={isEditOpen} onOpenChange={setIsEditOpen} campaign={campaign} />
    </div>
  )
}

/** "All recipients" or the consent purpose's name. */
const EmailValue = ({ campaign }: { campaign: CustomerCampaign }) => {
  const { t } = useTranslate()
  const { purposes } = useConsentPurposes({ enabled: !!campaign.email_consent })
  if (!campaign.send_email) {
    return <span data-testid="campaign-detail-email" data-send-email="false">{t("messagesPage.detail.noEmail")}</span>
  }
  const purpose = purposes?.find((p) => p.handle === campaign.email_consent)
  return (
    <span data-testid="campaign-detail-email" data-send-email="true">
      {campaign.email_consent
        ? t("messagesPage.detail.emailWithConsent", { purpose: purpose?.name ?? campaign.email_consent })
        : t("messagesPage.detail.emailEveryone")}
    </span>
  )
}

const CampaignFields = ({ campaign }: { campaign: CustomerCampaign }) => {
  const { t, locale } = useTranslate()
  const endsAt = campaign.ended_at ?? campaign.ends_at
  return (
    <>
      <SectionRow
        title={t("messagesPage.fields.body")}
        value={
          campaign.body ? (
            <div className="flex flex-col gap-y-1">
              <CollapsibleText text={campaign.body} data-testid="campaign-detail-body" />
              <Text size="xsmall" className="text-ui-fg-muted">
                {t(`messagesPage.bodyFormats.${campaign.body_format}`)}
              </Text>
            </div>
          ) : null
        }
      />
      {campaign.image_url && (
        <SectionRow
          title={t("messagesPage.fields.image")}
          value={
            <img
              src={campaign.image_url}
              alt=""
              className="bg-ui-bg-subtle max-h-32 max-w-full rounded-lg object-contain"
              data-testid="campaign-detail-image"
            />
          }
        />
      )}
      <SectionRow
        title={t("messagesPage.fields.startsAt")}
        value={formatDateTime(campaign.starts_at, locale)}
        data-testid="campaign-detail-starts-at"
      />
      <SectionRow
        title={t("messagesPage.fields.endsAt")}
        value={
          endsAt
            ? campaign.ended_at
              ? t("messagesPage.detail.endedEarly", { date: formatDateTime(campaign.ended_at, locale) })
              : formatDateTime(endsAt, locale)
            : t("messagesPage.detail.openEnded")
        }
        data-testid="campaign-detail-ends-at"
      />
      <SectionRow
        title={t("messagesPage.fields.audience")}
        value={<AudienceSummary audience={campaign.audience} link data-testid="campaign-detail-audience" />}
      />
      {campaign.kind !== "message" && (
        <SectionRow
          title={t("messagesPage.fields.promotion")}
          value={
            campaign.promotion ? (
              <Link
                to={`/promotions/${campaign.promotion.id}`}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg font-mono"
                data-testid="campaign-detail-promotion"
                data-promotion-id={campaign.promotion.id}
              >
                {campaign.promotion.code}
              </Link>
            ) : (
              campaign.promotion_id
            )
          }
        />
      )}
      {campaign.kind === "offer" && (
        <SectionRow
          title={t("messagesPage.fields.personal")}
          value={campaign.personal ? t("messagesPage.detail.personalYes") : t("messagesPage.detail.personalNo")}
          data-testid="campaign-detail-personal"
        />
      )}
      {campaign.kind === "loyalty_offer" && (
        <>
          <SectionRow
            title={t("messagesPage.fields.pointsCost")}
            value={
              campaign.points_cost === null
                ? null
                : t("messagesPage.detail.points", { points: formatPoints(campaign.points_cost, locale) })
            }
            data-testid="campaign-detail-points-cost"
          />
          <SectionRow
            title={t("messagesPage.fields.rewardValidDays")}
            value={
              campaign.reward_valid_days
                ? t(`messagesPage.detail.days.${campaign.reward_valid_days === 1 ? "one" : "other"}`, {
                    count: campaign.reward_valid_days,
                  })
                : t("messagesPage.detail.untilCampaignEnds")
            }
            data-testid="campaign-detail-reward-valid-days"
          />
        </>
      )}
      <SectionRow title={t("messagesPage.fields.sendEmail")} value={<EmailValue campaign={campaign} />} />
      <SectionRow
        title={t("messagesPage.fields.lastDistributed")}
        value={
          campaign.last_distributed_at
            ? formatDateTime(campaign.last_distributed_at, locale)
            : t("messagesPage.detail.notDistributed")
        }
        data-testid="campaign-detail-last-distributed"
      />
      <SectionRow title={t("messagesPage.fields.createdAt")} value={formatDateTime(campaign.created_at, locale)} />
    </>
  )
}

const COUNTS = ["distributed", "read", "redeemed", "removed", "emailed"] as const satisfies readonly (keyof CampaignCounts)[]

/** How the campaign's entries stand: distributed, read, redeemed, removed, e-mailed. */
const CampaignCountsSection = ({ campaign }: { campaign: CustomerCampaign }) => {
  const { t, locale } = useTranslate()
  const shown = COUNTS.filter(
    (key) =>
      (key !== "redeemed" && key !== "removed") || campaign.kind !== "message"
  ).filter((key) => key !== "emailed" || campaign.send_email)
  return (
    <Container className="divide-y p-0" data-testid="campaign-counts">
      <div className="px-6 py-4">
        <Heading level="h2">{t("messagesPage.detail.countsTitle")}</Heading>
      </div>
      <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-5">
        {shown.map((key) => (
          <div
            key={key}
            className="shadow-elevation-card-rest bg-ui-bg-component flex min-w-0 flex-col gap-y-1 rounded-lg px-4 py-3"
            data-testid={`campaign-count-${key}`}
            data-count={campaign.counts[key]}
          >
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {key === "redeemed" && campaign.kind === "loyalty_offer"
                ? t("messagesPage.counts.redemptions")
                : t(`messagesPage.counts.${key}`)}
            </Text>
            <Text size="large" leading="compact" weight="plus" className="tabular-nums">
              {formatNumber(campaign.counts[key], locale)}
            </Text>
          </div>
        ))}
      </div>
    </Container>
  )
}

const entryHelper = createDataTableColumnHelper<AdminCampaignEntry>()

/** Who holds an entry: their name, else e-mail, else id. */
const entryCustomer = (entry: AdminCampaignEntry) => ({
  id: entry.customer_id,
  email: entry.email,
  name: customerDisplayName(entry) || entry.email || entry.customer_id,
})

const stopRow = (event: React.MouseEvent) => event.stopPropagation()

const useEntryColumns = (t: TranslateFn, locale: string, campaign: CustomerCampaign) =>
  useMemo(() => {
    const isOffer = campaign.kind !== "message"
    return [
      entryHelper.display({
        id: "customer",
        header: t("messagesPage.entries.customer"),
        cell: ({ row }) => {
          const customer = entryCustomer(row.original)
          return (
            <div className="flex min-w-0 flex-col py-2" data-testid="campaign-entry" data-entry-id={row.original.id}>
              <Link
                to={`/customers/${customer.id}`}
                onClick={stopRow}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg truncate"
                data-testid="campaign-entry-customer"
                data-customer-id={customer.id}
              >
                {customer.name}
              </Link>
              {customer.email && customer.email !== customer.name && (
                <span className="text-ui-fg-subtle truncate">{customer.email}</span>
              )}
            </div>
          )
        },
      }),
      entryHelper.accessor("status", {
        header: t("messagesPage.entries.status"),
        cell: ({ row }) => (
          <div className="flex items-center gap-x-1">
            <EntryStatusBadge status={row.original.status} />
            {row.original.origin === "redemption" && (
              <Badge size="2xsmall" color="purple" data-testid="campaign-entry-reward">
                {t("messagesPage.entries.reward")}
              </Badge>
            )}
          </div>
        ),
      }),
      entryHelper.accessor("distributed_at", {
        header: t("messagesPage.entries.distributedAt"),
        cell: ({ row }) => <CampaignDate at={row.original.distributed_at} />,
      }),
      entryHelper.accessor("read_at", {
        header: t("messagesPage.entries.readAt"),
        cell: ({ row }) => <CampaignDate at={row.original.read_at} />,
      }),
      ...(isOffer
        ? [
            entryHelper.accessor("redeemed_at", {
              header: t("messagesPage.entries.redeemedAt"),
              cell: ({ row }) => <CampaignDate at={row.original.redeemed_at} />,
            }),
            entryHelper.accessor("removed_at", {
              header: t("messagesPage.entries.removedAt"),
              cell: ({ row }) => <CampaignDate at={row.original.removed_at} />,
            }),
          ]
        : []),
      ...(campaign.kind === "loyalty_offer"
        ? [
            entryHelper.accessor("points_spent", {
              header: t("messagesPage.entries.pointsSpent"),
              cell: ({ row }) =>
                row.original.points_spent === null ? "-" : formatPoints(row.original.points_spent, locale),
            }),
          ]
        : []),
    ]
    // `t` changes identity on every render but only meaning with the locale.
  }, [locale, campaign.kind])

/** The campaign's entries: each recipient, how their entry stands, and when it changed. */
const CampaignEntriesSection = ({ campaign }: { campaign: CustomerCampaign }) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const paging = useListPaging(ENTRIES_PAGE_SIZE)
  const { entries, count, isPending, isError, error } = useCampaignEntries(campaign.id, {
    limit: paging.limit,
    offset: paging.offset,
  })
  const columns = useEntryColumns(t, locale, campaign)
  const instance = useDataTable({
    data: entries ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(`/customers/${entryCustomer(row).id}`),
    pagination: paging.table.pagination,
  })

  return (
    <Container className="overflow-hidden p-0">
      <ListTable
        instance={instance}
        title={t("messagesPage.detail.entriesTitle")}
        headingLevel="h2"
        count={count}
        error={isError ? t("messagesPage.detail.entriesError", { message: errorText(error) }) : null}
        emptyState={{
          empty: {
            heading: t("messagesPage.detail.entriesEmpty.heading"),
            description:
              campaign.status === "scheduled"
                ? t("messagesPage.detail.entriesEmpty.scheduled")
                : t("messagesPage.detail.entriesEmpty.description"),
          },
        }}
        paginationStrings={MESSAGES_PAGINATION}
        hideSinglePage
        data-testid="campaign-entries"
      />
    </Container>
  )
}
