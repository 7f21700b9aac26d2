import { ArrowDownTray } from "@medusajs/icons"
import {
  Badge,
  Button,
  Checkbox,
  Drawer,
  Hint,
  Label,
  RadioGroup,
  Table,
  Text,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { exportDownloadUrl, useCreateExport, useExport, useExports } from "../../hooks/api/customer-list"
import { errorMessage } from "../../lib/errors"
import { formatDateTime, formatNumber } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { sdk } from "../../lib/sdk"
import {
  CUSTOMER_EXPORT_FORMATS,
  CUSTOMER_LIST_COLUMNS,
  CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS,
  type CustomerExportFormat,
  type CustomerListColumn,
  type CustomerListExport,
  type CustomerListFilter,
} from "../../lib/types"
import { FormDrawer } from "../common/drawer-form"

/** What to export: the filtered list or the selected customers. */
export type ExportSource = { filter: CustomerListFilter } | { ids: string[] }

type ExportDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  source: ExportSource
  /** Rows it will hold (the list's count, or the selection's size). */
  count: number
}

/**
 * "Export": choose the format and columns, start the export, follow its progress, then download
 * the file. Large exports run in the background: closing the drawer does not stop them, and they
 * stay in the list of exports.
 */
export const ExportDrawer = ({ open, onOpenChange, ...props }: ExportDrawerProps) => {
  const { t } = useTranslate()
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerList.export.title")}
      description={t("ids" in props.source ? "customerList.export.ofSelection" : "customerList.export.ofList", {
        count: props.count,
      })}
      data-testid="crm-list-export-drawer"
    >
      {open && <ExportForm {...props} onClose={() => onOpenChange(false)} />}
    </FormDrawer>
  )
}

const ExportForm = ({ source, onClose }: Omit<ExportDrawerProps, "open" | "onOpenChange"> & { onClose: () => void }) => {
  const { t } = useTranslate()
  const [format, setFormat] = useState<CustomerExportFormat>("csv")
  const [columns, setColumns] = useState<CustomerListColumn[]>(CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS)
  const [error, setError] = useState<string | null>(null)
  const [exportId, setExportId] = useState<string | null>(null)
  const { mutateAsync, isPending } = useCreateExport()

  const toggle = (column: CustomerListColumn) =>
    setColumns((prev) =>
      prev.includes(column)
        ? prev.filter((c) => c !== column)
        : CUSTOMER_LIST_COLUMNS.filter((c) => c === column || prev.includes(c))
    )

  const start = async () => {
    if (!columns.length) {
      setError(t("customerList.export.columnsRequired"))
      return
    }
    setError(null)
    try {
      const { export: created } = await mutateAsync({ format, columns, ...source })
      setExportId(created.id)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        {exportId ? (
          <ExportProgress id={exportId} />
        ) : (
          <>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">
                {t("customerList.export.format")}
              </Label>
              <RadioGroup
                value={format}
                onValueChange={(value) => setFormat(value as CustomerExportFormat)}
                data-testid="crm-list-export-format"
              >
                {CUSTOMER_EXPORT_FORMATS.map((value) => (
                  <div key={value} className="flex items-center gap-x-2">
                    <RadioGroup.Item value={value} id={`crm-list-export-format-${value}`} data-testid={`crm-list-export-format-${value}`} />
                    <Label htmlFor={`crm-list-export-format-${value}`} size="small">
                      {t(`customerList.export.formats.${value}`)}
                    </Label>
                  </div>
                ))}
              </RadioGroup>
            </div>
            <div className="flex flex-col gap-y-2" data-testid="crm-list-export-columns">
              <Label size="small" weight="plus">
                {t("customerList.export.columns")}
              </Label>
              <div className="grid grid-cols-2 gap-2">
                {CUSTOMER_LIST_COLUMNS.map((column) => (
                  <div key={column} className="flex items-center gap-x-2">
                    <Checkbox
                      id={`crm-list-export-column-${column}`}
                      checked={columns.includes(column)}
                      onCheckedChange={() => toggle(column)}
                      data-testid={`crm-list-export-column-${column}`}
                    />
                    <Label htmlFor={`crm-list-export-column-${column}`} size="small">
                      {t(`customerList.exportColumns.${column}`)}
                    </Label>
                  </div>
                ))}
              </div>
            </div>
            {error && (
              <Hint variant="error" data-testid="crm-list-export-error">
                {error}
              </Hint>
            )}
          </>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Button size="small" variant="secondary" onClick={onClose} data-testid="crm-list-export-close">
          {t(exportId ? "customerList.actions.close" : "customerList.actions.cancel")}
        </Button>
        {!exportId && (
          <Button size="small" onClick={start} isLoading={isPending} data-testid="crm-list-export-start">
            {t("customerList.export.start")}
          </Button>
        )}
      </Drawer.Footer>
    </>
  )
}

/** An export's progress (processed of total), then its download, or why it failed. */
const ExportProgress = ({ id }: { id: string }) => {
  const { t, locale } = useTranslate()
  const { export: exp, error } = useExport(id)
  if (error) {
    return <Hint variant="error">{errorMessage(error)}</Hint>
  }
  if (!exp) {
    return <Text size="small">{t("customerList.export.starting")}</Text>
  }
  const percent = exp.total > 0 ? Math.min(100, Math.round((exp.processed / exp.total) * 100)) : exp.status === "done" ? 100 : 0

  return (
    <div className="flex flex-col gap-y-4" data-testid="crm-list-export-progress" data-status={exp.status}>
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          {t(`customerList.export.status.${exp.status}`)}
        </Text>
        <Text size="small" className="text-ui-fg-subtle" data-testid="crm-list-export-count">
          {t("customerList.export.processed", {
            processed: formatNumber(exp.processed, locale),
            total: formatNumber(exp.total, locale),
          })}
        </Text>
      </div>
      <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <div className="bg-ui-fg-interactive h-full transition-all" style={{ width: `${percent}%` }} />
      </div>
      {exp.status === "failed" && (
        <Hint variant="error" data-testid="crm-list-export-failed">
          {exp.error ?? t("customerList.export.failed")}
        </Hint>
      )}
      {exp.status === "done" && <DownloadButton exp={exp} />}
    </div>
  )
}

const DownloadButton = ({ exp }: { exp: CustomerListExport }) => {
  const { t } = useTranslate()
  return (
    <Button size="small" variant="secondary" asChild data-testid="crm-list-export-download">
      <a href={exportDownloadUrl(exp.id)} download>
        <ArrowDownTray />
        {t("customerList.export.download")}
      </a>
    </Button>
  )
}

const EXPORTS_PAGE = { limit: 50, offset: 0 }

/** The admin users, to say who exported (first 100). */
const useUserNames = () => {
  const query = { limit: 100, fields: "id,email,first_name,last_name" }
  const { data } = useQuery({
    queryKey: ["crm_list_export_users", query],
    queryFn: () => sdk.admin.user.list(query),
  })
  return new Map(
    (data?.users ?? []).map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email])
  )
}

const STATUS_COLOR = {
  pending: "grey",
  running: "blue",
  done: "green",
  failed: "red",
  expired: "orange",
} as const

/** Past exports: who exported what and when, their status, and the download while it lasts. */
export const ExportsDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useTranslate()
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerList.exports.title")}
      description={t("customerList.exports.description")}
      data-testid="crm-list-exports-drawer"
    >
      {open && <ExportsTable />}
    </FormDrawer>
  )
}

const ExportsTable = () => {
  const { t, locale } = useTranslate()
  const { exports, error, isPending } = useExports(EXPORTS_PAGE, { refetchInterval: 5000 })
  const users = useUserNames()

  return (
    <Drawer.Body className="overflow-y-auto p-0">
      {error ? (
        <Hint variant="error" className="p-6">
          {errorMessage(error)}
        </Hint>
      ) : !isPending && !exports?.length ? (
        <Text size="small" className="text-ui-fg-subtle p-6" data-testid="crm-list-exports-empty">
          {t("customerList.exports.empty")}
        </Text>
      ) : (
        <Table data-testid="crm-list-exports">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("customerList.exports.when")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerList.exports.who")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerList.exports.what")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerList.exports.status")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(exports ?? []).map((exp) => (
              <Table.Row key={exp.id} data-testid="crm-list-export-row" data-export-id={exp.id} data-status={exp.status}>
                <Table.Cell className="whitespace-nowrap">{formatDateTime(exp.created_at, locale)}</Table.Cell>
                <Table.Cell>{(exp.created_by && users.get(exp.created_by)) || exp.created_by || "-"}</Table.Cell>
                <Table.Cell>
                  {t(`customerList.exports.source.${exp.source}`)} · {exp.format.toUpperCase()} ·{" "}
                  {t("customerList.exports.rows", { count: exp.total })}
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={STATUS_COLOR[exp.status]}>
                    {t(`customerList.export.status.${exp.status}`)}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  {exp.status === "done" && (!exp.expires_at || Date.parse(exp.expires_at) > Date.now()) && (
                    <a
                      href={exportDownloadUrl(exp.id)}
                      download
                      className="text-ui-fg-interactive txt-compact-small-plus"
                      data-testid="crm-list-export-row-download"
                    >
                      {t("customerList.export.download")}
                    </a>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Drawer.Body>
  )
}
