import {
  Button,
  createDataTableColumnHelper,
  Heading,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useCallback, useMemo, useState } from "react"
import { useConsentPurposes, useCustomerConsents } from "../../hooks/api/consents"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type {
  ConsentLogEntry,
  ConsentPurpose,
  CustomerConsent,
} from "../../lib/types"
import { DateCell } from "../common/date-cell"
import { ListTable } from "../common/list-table"
import { SectionError, Skeletons } from "../common/load-states"
import { ConsentChangeDrawer } from "./consent-change-drawer"

const consentColumns = createDataTableColumnHelper<CustomerConsent>()
const historyColumns = createDataTableColumnHelper<ConsentLogEntry>()

type ConsentsSectionProps = {
  customerId: string
}

/**
 * The customer's consents: every purpose with their current state (granted, withdrawn or never
 * asked), the version of the text it was given under, where and when; grant or withdraw with a
 * reason; and the whole log, newest first.
 */
export const ConsentsSection = ({ customerId }: ConsentsSectionProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { consents, history, isPending, isError, error } =
    useCustomerConsents(customerId)
  const [change, setChange] = useState<{
    purpose: ConsentPurpose
    granted: boolean
  } | null>(null)
  const openChange = useCallback(
    (purpose: ConsentPurpose, granted: boolean) => setChange({ purpose, granted }),
    []
  )

  if (isPending) {
    return (
      <div
        className="flex flex-col gap-y-3 px-6 py-4"
        data-testid="crm-consents-loading"
      >
        <Skeletons count={3} className="h-5 w-full" />
      </div>
    )
  }

  if (isError || !consents) {
    return (
      <SectionError data-testid="crm-consents-error">
        {t("privacy.consents.loadError", { message: errorText(error) })}
      </SectionError>
    )
  }

  return (
    <div className="divide-y" data-testid="crm-consents">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h3">{t("privacy.consents.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("privacy.consents.description")}
        </Text>
      </div>
      <CurrentConsents
        consents={consents}
        onChange={openChange}
      />
      <ConsentHistory history={history ?? []} consents={consents} />
      {change && (
        <ConsentChangeDrawer
          customerId={customerId}
          purpose={change.purpose}
          granted={change.granted}
          open={!!change}
          onOpenChange={(open) => !open && setChange(null)}
        />
      )}
    </div>
  )
}

type StateProps = { granted: boolean | null }

/** Granted, withdrawn, or never asked. */
const ConsentState = ({ granted }: StateProps) => {
  const { t } = useTranslate()
  const state = granted === null ? "none" : granted ? "granted" : "withdrawn"
  return (
    <StatusBadge
      color={granted === null ? "grey" : granted ? "green" : "red"}
      data-testid="crm-consent-state"
      data-state={state}
    >
      {t(`privacy.consents.states.${state}`)}
    </StatusBadge>
  )
}

const CurrentConsents = ({
  consents,
  onChange,
}: {
  consents: CustomerConsent[]
  onChange: (purpose: ConsentPurpose, granted: boolean) => void
}) => {
  const { t, locale } = useTranslate()

  const columns = useMemo(
    () => [
      consentColumns.accessor("purpose.name", {
        header: t("privacy.consents.columns.purpose"),
        cell: ({ row }) => (
          <div
            className="flex flex-col"
            data-testid="crm-consent"
            data-purpose={row.original.purpose.handle}
            data-granted={String(row.original.granted)}
          >
            <Text size="small" weight="plus">
              {row.original.purpose.name}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {row.original.purpose.handle}
            </Text>
          </div>
        ),
      }),
      consentColumns.accessor("granted", {
        header: t("privacy.consents.columns.state"),
        cell: ({ row }) => <ConsentState granted={row.original.granted} />,
      }),
      consentColumns.display({
        id: "version",
        header: t("privacy.consents.columns.version"),
        cell: ({ row }) => {
          const current = row.original.current
          if (!current) {
            return <Text size="small" className="text-ui-fg-muted">–</Text>
          }
          return (
            <div className="flex items-center gap-x-2">
              <Text size="small" data-testid="crm-consent-version">
                {t("privacy.consents.version", { version: current.text_version })}
              </Text>
              {row.original.outdated && (
                <StatusBadge color="orange" data-testid="crm-consent-outdated">
                  {t("privacy.consents.outdated", {
                    version: row.original.purpose.version,
                  })}
                </StatusBadge>
              )}
            </div>
          )
        },
      }),
      // Where it was given shows in the history below: the current table stays narrow enough for
      // the tab, with its Grant/Withdraw button in view.
      consentColumns.display({
        id: "date",
        header: t("privacy.consents.columns.date"),
        cell: ({ row }) =>
          row.original.current ? (
            <DateCell date={row.original.current.occurred_at} subtle />
          ) : (
            "–"
          ),
      }),
      consentColumns.display({
        id: "actions",
        cell: ({ row }) => {
          const grant = row.original.granted !== true
          return (
            <div className="flex justify-end">
              <Button
                size="small"
                variant="secondary"
                className="shrink-0 whitespace-nowrap"
                onClick={() => onChange(row.original.purpose, grant)}
                data-testid={grant ? "crm-consent-grant" : "crm-consent-withdraw"}
              >
                {grant
                  ? t("privacy.consents.grant")
                  : t("privacy.consents.withdraw")}
              </Button>
            </div>
          )
        },
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale, onChange]
  )

  const instance = useDataTable({
    data: consents,
    columns,
    rowCount: consents.length,
    getRowId: (row) => row.purpose.id,
  })

  return (
    <ListTable
      instance={instance}
      emptyState={{
        empty: {
          heading: t("privacy.consents.emptyTitle"),
          description: t("privacy.consents.emptyDescription"),
        },
      }}
      data-testid="crm-consents-current"
    />
  )
}

const ConsentHistory = ({
  history,
  consents,
}: {
  history: ConsentLogEntry[]
  consents: CustomerConsent[]
}) => {
  const { t, locale } = useTranslate()
  // Archived purposes are not among the customer's consents: their names come from the list.
  const { purposes } = useConsentPurposes()
  const names = useMemo(
    () =>
      new Map(
        [...(purposes ?? []), ...consents.map((c) => c.purpose)].map((p) => [
          p.id,
          p.name,
        ])
      ),
    [purposes, consents]
  )

  const columns = useMemo(
    () => [
      historyColumns.accessor("occurred_at", {
        header: t("privacy.consents.columns.date"),
        cell: ({ row }) => <DateCell date={row.original.occurred_at} subtle />,
      }),
      historyColumns.accessor("purpose_id", {
        header: t("privacy.consents.columns.purpose"),
        cell: ({ row }) => (
          <span
            data-testid="crm-consent-history-entry"
            data-granted={String(row.original.granted)}
          >
            {names.get(row.original.purpose_id) ?? row.original.purpose_id}
          </span>
        ),
      }),
      historyColumns.accessor("granted", {
        header: t("privacy.consents.columns.state"),
        cell: ({ row }) => <ConsentState granted={row.original.granted} />,
      }),
      historyColumns.accessor("text_version", {
        header: t("privacy.consents.columns.version"),
        cell: ({ row }) =>
          t("privacy.consents.version", { version: row.original.text_version }),
      }),
      historyColumns.accessor("source", {
        header: t("privacy.consents.columns.source"),
        cell: ({ row }) => t(`privacy.consents.sources.${row.original.source}`),
      }),
      historyColumns.accessor("reason", {
        header: t("privacy.consents.columns.reason"),
        cell: ({ row }) => (
          <Text size="small" className="text-ui-fg-subtle whitespace-pre-wrap break-words">
            {row.original.reason ?? "–"}
          </Text>
        ),
      }),
    ],
    [locale, names]
  )

  const instance = useDataTable({
    data: history,
    columns,
    rowCount: history.length,
    getRowId: (row) => row.id,
  })

  return (
    <ListTable
      instance={instance}
      title={t("privacy.consents.historyTitle")}
      subtitle={t("privacy.consents.historyDescription")}
      headingLevel="h3"
      count={history.length}
      emptyState={{
        empty: {
          heading: t("privacy.consents.historyEmptyTitle"),
          description: t("privacy.consents.historyEmptyDescription"),
        },
      }}
      data-testid="crm-consents-history"
    />
  )
}
