import { ArrowPath } from "@medusajs/icons"
import {
  Alert,
  Button,
  Container,
  Heading,
  StatusBadge,
  Text,
} from "@medusajs/ui"
import { useState } from "react"
import {
  useInsightsRebuild,
  useStartInsightsRebuild,
} from "../../hooks/api/insights"
import { formatDateTime } from "../../lib/format"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { InsightsRebuild, InsightsRebuildStatus } from "../../lib/types"
import { SectionError, Skeletons } from "../common/load-states"
import { SectionRow } from "../common/section-row"
import { RebuildProgress } from "./rebuild-progress"

const STATUS_COLORS: Record<InsightsRebuildStatus, "blue" | "green" | "red"> = {
  running: "blue",
  done: "green",
  failed: "red",
}

/** Customers › Insights: the latest rebuild of every customer's figures, and "Rebuild now". */
export const InsightsRebuildSection = () => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [startError, setStartError] = useState<string | null>(null)
  const { rebuild, isPending, isError, error, refetch } = useInsightsRebuild()
  const { mutateAsync, isPending: isStarting } = useStartInsightsRebuild()
  const isRunning = rebuild?.status === "running"

  const handleRebuild = async () => {
    setStartError(null)
    await mutateWithToast(mutateAsync, undefined, {
      success: () => t("insightsPage.rebuild.started"),
      onError: (message) => {
        // 409: one is running already; show that run.
        setStartError(message)
        void refetch()
      },
    })
  }

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-insights-rebuild-loading"
        >
          <Skeletons count={3} className="h-5 w-full" />
        </div>
      )
    }
    if (isError) {
      return (
        <SectionError data-testid="crm-insights-rebuild-load-error">
          {t("insightsPage.rebuild.loadError", {
            message: errorText(error),
          })}
        </SectionError>
      )
    }
    if (!rebuild) {
      return (
        <SectionRow
          title={t("insightsPage.rebuild.status")}
          value={t("insightsPage.rebuild.never")}
          data-testid="crm-insights-rebuild-status"
        />
      )
    }
    return <RebuildDetails rebuild={rebuild} />
  }

  return (
    <Container
      className="divide-y p-0"
      data-testid="crm-insights-rebuild-section"
    >
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{t("insightsPage.rebuild.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("insightsPage.rebuild.subtitle")}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          isLoading={isStarting}
          disabled={isRunning}
          onClick={handleRebuild}
          className="shrink-0"
          data-testid="crm-insights-rebuild"
        >
          <ArrowPath />
          {t("insightsPage.rebuild.button")}
        </Button>
      </div>
      {startError && (
        <div className="px-6 py-4">
          <Alert
            variant="error"
            dismissible
            data-testid="crm-insights-rebuild-error"
          >
            {startError}
          </Alert>
        </div>
      )}
      {renderBody()}
    </Container>
  )
}

/** The run's status, progress, times and error. */
const RebuildDetails = ({ rebuild }: { rebuild: InsightsRebuild }) => {
  const { t, locale } = useTranslate()

  return (
    <>
      <SectionRow
        title={t("insightsPage.rebuild.status")}
        value={
          <StatusBadge
            color={STATUS_COLORS[rebuild.status]}
            data-testid="crm-insights-rebuild-status"
            data-status={rebuild.status}
          >
            {t(`insightsPage.rebuild.statuses.${rebuild.status}`)}
          </StatusBadge>
        }
      />
      <RebuildProgress rebuild={rebuild} />
      <SectionRow
        title={t("insightsPage.rebuild.startedAt")}
        value={formatDateTime(rebuild.started_at, locale)}
        data-testid="crm-insights-rebuild-started-at"
      />
      <SectionRow
        title={t("insightsPage.rebuild.finishedAt")}
        value={
          rebuild.finished_at
            ? formatDateTime(rebuild.finished_at, locale)
            : undefined
        }
        data-testid="crm-insights-rebuild-finished-at"
      />
      {rebuild.error && (
        <SectionRow
          title={t("insightsPage.rebuild.error")}
          value={<span className="text-ui-fg-error">{rebuild.error}</span>}
          data-testid="crm-insights-rebuild-failure"
        />
      )}
    </>
  )
}
