import {
  Button,
  Checkbox,
  Container,
  createDataTableColumnHelper,
  Heading,
  Hint,
  Input,
  Label,
  StatusBadge,
  Switch,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import {
  useConsentPurposeOptions,
  useRetentionDryRun,
  useRetentionRuns,
  useStartRetentionRun,
} from "../../hooks/api/retention"
import {
  usePrivacySettings,
  useUpdatePrivacySettings,
} from "../../hooks/api/privacy"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useErrorMessage } from "../../lib/errors"
import { formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import {
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  type PrivacySettings,
  type RetentionCandidate,
  type RetentionDryRunResponse,
  type RetentionRun,
} from "../../lib/types"
import { DateCell } from "../common/date-cell"
import { ListTable } from "../common/list-table"

/** The runs shown: the newest ones. */
const RUNS_SHOWN = 10

const RUN_COLORS: Record<RetentionRun["status"], "blue" | "green" | "red"> = {
  running: "blue",
  completed: "green",
  failed: "red",
}

const validMonths = (value: string) => {
  const n = Number(value)
  return Number.isInteger(n) && n >= RETENTION_MONTHS_MIN && n <= RETENTION_MONTHS_MAX
}

/** How many of a run's candidates it has decided about. */
const doneOf = (run: RetentionRun) => run.anonymized + run.exempt + run.skipped + run.failed

/**
 * Customers › Privacy: the retention policy. Staff turn it on, choose the inactivity period and
 * the consents that keep a customer, preview who would go with a dry run (for any period, also
 * while it is off), start a run now, and follow the runs with their counts.
 */
export const RetentionSection = () => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { settings, isPending, isError, error } = usePrivacySettings()

  if (isPending) {
    return null
  }
  if (isError || !settings) {
    return (
      <Container data-testid="crm-retention-error">
        <Text size="small" className="text-ui-fg-error">
          {t("privacy.retention.loadError", { message: errorText(error) })}
        </Text>
      </Container>
    )
  }
  return <RetentionSettings settings={settings} />
}

const RetentionSettings = ({ settings }: { settings: PrivacySettings }) => {
  const { t, locale } = useTranslate()
  const update = useUpdatePrivacySettings()
  const [months, setMonths] = useState(String(settings.retention_months))
  const [dryRun, setDryRun] = useState<RetentionDryRunResponse | null>(null)
  const dry = useRetentionDryRun()
  const start = useStartRetentionRun()
  const { confirmAndRun } = useConfirmedMutation({ mutateAsync: start.mutateAsync, isPending: start.isPending })
  const { runs } = useRetentionRuns({ limit: RUNS_SHOWN, offset: 0 })
  const running = runs?.some((r) => r.status === "running" && !r.dry_run) ?? false

  useEffect(() => setMonths(String(settings.retention_months)), [settings.retention_months])

  const save = (values: Partial<PrivacySettings>) =>
    mutateWithToast(update.mutateAsync, values, { success: () => t("privacy.retention.saved") })

  const monthsValid = validMonths(months)
  const monthsChanged = monthsValid && Number(months) !== settings.retention_months

  const runDry = () =>
    mutateWithToast(
      dry.mutateAsync,
      { months: monthsValid ? Number(months) : undefined, limit: 50 },
      {
        success: (data) => t("privacy.retention.dryRun.done", { count: formatNumber(data.run.candidates, locale) }),
        onSuccess: setDryRun,
      }
    )

  const runNow = () =>
    confirmAndRun(undefined, {
      title: t("privacy.retention.run.confirmTitle"),
      description: t("privacy.retention.run.confirmDescription", { months: settings.retention_months }),
      confirmText: t("privacy.retention.run.confirm"),
      cancelText: t("privacy.retention.cancel"),
      success: () => t("privacy.retention.run.started"),
    })

  return (
    <Container className="divide-y p-0" data-testid="crm-retention">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("privacy.retention.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("privacy.retention.subtitle")}
        </Text>
      </div>

      <div className="flex items-start gap-x-3 px-6 py-4">
        <Switch
          id="crm-retention-enabled"
          checked={settings.retention_enabled}
          disabled={update.isPending}
          onCheckedChange={(value) => save({ retention_enabled: value })}
          data-testid="crm-retention-enabled"
          data-checked={settings.retention_enabled ? "true" : "false"}
        />
        <div className="flex flex-col">
          <Label htmlFor="crm-retention-enabled" size="small" weight="plus">
            {t("privacy.retention.enabled")}
          </Label>
          <Hint>{t("privacy.retention.enabledHint")}</Hint>
        </div>
      </div>

      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Label htmlFor="crm-retention-months" size="small" weight="plus">
          {t("privacy.retention.months")}
        </Label>
        <div className="flex items-center gap-x-2">
          <Input
            id="crm-retention-months"
            type="number"
            size="small"
            className="w-28"
            min={RETENTION_MONTHS_MIN}
            max={RETENTION_MONTHS_MAX}
            value={months}
            onChange={(e) => setMonths(e.target.value)}
            aria-invalid={!monthsValid}
            data-testid="crm-retention-months"
          />
          <Text size="small" className="text-ui-fg-subtle">
            {t("privacy.retention.monthsUnit")}
          </Text>
          <Button
            size="small"
            variant="secondary"
            disabled={!monthsChanged || update.isPending}
            onClick={() => save({ retention_months: Number(months) })}
            data-testid="crm-retention-months-save"
          >
            {t("privacy.retention.save")}
          </Button>
        </div>
        <Hint variant={monthsValid ? "info" : "error"}>
          {monthsValid
            ? t("privacy.retention.monthsHint")
            : t("privacy.retention.monthsInvalid", { min: RETENTION_MONTHS_MIN, max: RETENTION_MONTHS_MAX })}
        </Hint>
      </div>

      <ExemptPurposes
        selected={settings.retention_exempt_purpose_ids}
        disabled={update.isPending}
        onChange={(ids) => save({ retention_exempt_purpose_ids: ids })}
      />

      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          {t("privacy.retention.actionsHint")}
        </Text>
        <div className="flex items-center gap-x-2">
          <Button
            size="small"
            variant="secondary"
            isLoading={dry.isPending}
            disabled={!monthsValid}
            onClick={runDry}
            data-testid="crm-retention-dry-run"
          >
            {t("privacy.retention.dryRun.button")}
          </Button>
          <Button
            size="small"
            variant="danger"
            isLoading={start.isPending}
            disabled={!settings.retention_enabled || running}
            onClick={runNow}
            data-testid="crm-retention-run"
          >
            {t("privacy.retention.run.button")}
          </Button>
        </div>
      </div>

      {dryRun && <DryRunResults result={dryRun} />}
      <RetentionRuns runs={runs ?? []} />
    </Container>
  )
}

/** The consent purposes that keep a customer: a checkbox each; saved on every change. */
const ExemptPurposes = ({
  selected,
  disabled,
  onChange,
}: {
  selected: string[]
  disabled: boolean
  onChange: (ids: string[]) => void
}) => {
  const { t } = useTranslate()
  const { purposes, isPending, isError } = useConsentPurposeOptions()

  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...new Set([...selected, id])] : selected.filter((s) => s !== id))

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="crm-retention-exempt">
      <Label size="small" weight="plus">
        {t("privacy.retention.exempt")}
      </Label>
      <Hint>{t("privacy.retention.exemptHint")}</Hint>
      {isPending ? null : isError ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="crm-retention-exempt-error">
          {t("privacy.retention.exemptLoadError")}
        </Text>
      ) : !purposes?.length ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="crm-retention-exempt-empty">
          {t("privacy.retention.exemptEmpty")}
        </Text>
      ) : (
        <div className="flex flex-col gap-y-2">
          {purposes.map((purpose) => {
            const id = `crm-retention-exempt-${purpose.id}`
            const checked = selected.includes(purpose.id)
            return (
              <div key={purpose.id} className="flex items-center gap-x-2">
                <Checkbox
                  id={id}
                  checked={checked}
                  disabled={disabled}
                  onCheckedChange={(value) => toggle(purpose.id, value === true)}
                  data-testid="crm-retention-exempt-purpose"
                  data-purpose-id={purpose.id}
                  data-checked={checked ? "true" : "false"}
                />
                <Label htmlFor={id} size="small">
                  {purpose.name}
                  {purpose.archived_at ? ` (${t("privacy.retention.archived")})` : ""}
                </Label>
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}

const candidateHelper = createDataTableColumnHelper<RetentionCandidate>()

/** Why a customer goes or stays, in words. */
const reasonText = (c: RetentionCandidate, t: TranslateFn) =>
  t(`privacy.retention.reasons.${c.reason}`, {
    purpose: String(c.values?.purpose ?? ""),
    count: Number(c.values?.count ?? 0),
  })

/** A dry run's outcome: its counts, and the first customers with whether they would go and why. */
const DryRunResults = ({ result }: { result: RetentionDryRunResponse }) => {
  const { t, locale } = useTranslate()
  const columns = useMemo(
    () => [
      candidateHelper.accessor("email", {
        header: t("privacy.retention.columns.customer"),
        cell: ({ row }) => {
          const c = row.original
          const name = [c.first_name, c.last_name].filter(Boolean).join(" ")
          return (
            <div className="flex flex-col" data-testid="crm-retention-candidate" data-customer-id={c.customer_id}>
              <Text size="small" weight="plus">
                {name || c.email || c.customer_id}
              </Text>
              {name && c.email && (
                <Text size="small" className="text-ui-fg-subtle">
                  {c.email}
                </Text>
              )}
            </div>
          )
        },
      }),
      candidateHelper.accessor("last_activity_at", {
        header: t("privacy.retention.columns.lastActivity"),
        cell: ({ row }) => <DateCell date={row.original.last_activity_at} subtle />,
      }),
      candidateHelper.accessor("would_anonymize", {
        header: t("privacy.retention.columns.outcome"),
        cell: ({ row }) => (
          <StatusBadge
            color={row.original.would_anonymize ? "red" : "green"}
            data-testid="crm-retention-candidate-outcome"
            data-outcome={row.original.would_anonymize ? "anonymize" : "keep"}
          >
            {row.original.would_anonymize ? t("privacy.retention.outcomes.anonymize") : t("privacy.retention.outcomes.keep")}
          </StatusBadge>
        ),
      }),
      candidateHelper.accessor("reason", {
        header: t("privacy.retention.columns.reason"),
        cell: ({ row }) => (
          <Text size="small" className="text-ui-fg-subtle" data-reason={row.original.reason}>
            {reasonText(row.original, t)}
          </Text>
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )
  const instance = useDataTable({
    data: result.candidates,
    columns,
    rowCount: result.candidates.length,
    getRowId: (row) => row.customer_id,
  })
  const { run } = result
  return (
    <div data-testid="crm-retention-dry-run-results">
      <ListTable
        instance={instance}
        title={t("privacy.retention.dryRun.title")}
        subtitle={t("privacy.retention.dryRun.summary", {
          months: run.period_months,
          candidates: formatNumber(run.candidates, locale),
          anonymized: formatNumber(run.anonymized, locale),
          exempt: formatNumber(run.exempt, locale),
          skipped: formatNumber(run.skipped, locale),
          shown: formatNumber(result.candidates.length, locale),
        })}
        headingLevel="h3"
        emptyState={{
          empty: {
            heading: t("privacy.retention.dryRun.emptyTitle"),
            description: t("privacy.retention.dryRun.emptyDescription"),
          },
        }}
        data-testid="crm-retention-candidates"
      />
    </div>
  )
}

const runHelper = createDataTableColumnHelper<RetentionRun>()

/** A running run's progress: a bar and "120 of 200". */
const RunProgress = ({ run }: { run: RetentionRun }) => {
  const { t, locale } = useTranslate()
  const done = doneOf(run)
  const percent = run.candidates > 0 ? Math.min(100, Math.round((done / run.candidates) * 100)) : 0
  return (
    <div className="flex min-w-[120px] flex-col gap-y-1">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={run.candidates}
        aria-valuenow={done}
        className="bg-ui-bg-component shadow-borders-base h-2 w-full overflow-hidden rounded-full"
        data-testid="crm-retention-run-progress"
        data-done={done}
        data-candidates={run.candidates}
      >
        <div className="h-full rounded-full" style={{ width: `${percent}%`, background: "var(--fg-interactive)" }} />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle tabular-nums">
        {t("privacy.retention.runs.progress", {
          done: formatNumber(done, locale),
          candidates: formatNumber(run.candidates, locale),
          percent,
        })}
      </Text>
    </div>
  )
}

/** The newest runs: when, how started, the outcome and the counts (a running one with its progress). */
const RetentionRuns = ({ runs }: { runs: RetentionRun[] }) => {
  const { t, locale } = useTranslate()
  const columns = useMemo(
    () => [
      runHelper.accessor("started_at", {
        header: t("privacy.retention.runs.columns.started"),
        cell: ({ row }) => (
          <span data-testid="crm-retention-run-row" data-run-id={row.original.id} data-status={row.original.status}>
            <DateCell date={row.original.started_at} />
          </span>
        ),
      }),
      runHelper.accessor("dry_run", {
        header: t("privacy.retention.runs.columns.kind"),
        cell: ({ row }) =>
          `${row.original.dry_run ? t("privacy.retention.runs.dry") : t("privacy.retention.runs.real")} · ${t(
            `privacy.retention.runs.triggers.${row.original.trigger}`
          )} · ${t("privacy.retention.runs.period", { months: row.original.period_months })}`,
      }),
      runHelper.accessor("status", {
        header: t("privacy.retention.runs.columns.status"),
        cell: ({ row }) =>
          row.original.status === "running" ? (
            <RunProgress run={row.original} />
          ) : (
            <StatusBadge color={RUN_COLORS[row.original.status]} title={row.original.error ?? undefined}>
              {t(`privacy.retention.runs.statuses.${row.original.status}`)}
            </StatusBadge>
          ),
      }),
      runHelper.accessor("candidates", {
        header: t("privacy.retention.runs.columns.counts"),
        cell: ({ row }) => (
          <Text size="small" className="text-ui-fg-subtle tabular-nums" data-testid="crm-retention-run-counts">
            {t(row.original.dry_run ? "privacy.retention.runs.dryCounts" : "privacy.retention.runs.counts", {
              candidates: formatNumber(row.original.candidates, locale),
              anonymized: formatNumber(row.original.anonymized, locale),
              exempt: formatNumber(row.original.exempt, locale),
              skipped: formatNumber(row.original.skipped, locale),
              failed: formatNumber(row.original.failed, locale),
            })}
            {row.original.resumed > 0 ? ` · ${t("privacy.retention.runs.resumed", { count: row.original.resumed })}` : ""}
          </Text>
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )
  const instance = useDataTable({
    data: runs,
    columns,
    rowCount: runs.length,
    getRowId: (row) => row.id,
  })
  return (
    <ListTable
      instance={instance}
      title={t("privacy.retention.runs.title")}
      subtitle={t("privacy.retention.runs.subtitle", { count: RUNS_SHOWN })}
      headingLevel="h3"
      emptyState={{
        empty: {
          heading: t("privacy.retention.runs.emptyTitle"),
          description: t("privacy.retention.runs.emptyDescription"),
        },
      }}
      data-testid="crm-retention-runs"
    />
  )
}
