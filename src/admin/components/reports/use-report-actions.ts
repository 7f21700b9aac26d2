import { toast } from "@medusajs/ui"
import { useState } from "react"
import {
  useDeleteReport,
  useRunReport,
  useTestReportConnection,
  useUpdateReport,
} from "../../hooks/api/reports"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { errorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { AdminReportTestResponse, CrmReport } from "../../lib/types"

export type ReportTestResult = AdminReportTestResponse & { report_id: string }

/**
 * What can be done to a report from its row or its page: run it now, test its destination,
 * enable or disable it, delete it (after a prompt). Each shows its outcome in a toast; the last
 * connection test is also kept for the page to show.
 */
export const useReportActions = () => {
  const { t } = useTranslate()
  const { mutateAsync: run, isPending: isRunning } = useRunReport()
  const { mutateAsync: test, isPending: isTesting } = useTestReportConnection()
  const { mutateAsync: update, isPending: isUpdating } = useUpdateReport()
  const { confirmAndRun, isPending: isDeleting } = useConfirmedMutation(useDeleteReport())
  const [testResult, setTestResult] = useState<ReportTestResult | null>(null)

  const runNow = (report: Pick<CrmReport, "id" | "name">) =>
    mutateWithToast(run, report.id, {
      success: () => t("reportsPage.toasts.runStarted", { name: report.name }),
    })

  const testConnection = async (report: Pick<CrmReport, "id" | "name">) => {
    setTestResult(null)
    try {
      const result = await test(report.id)
      setTestResult({ ...result, report_id: report.id })
      if (result.ok) {
        toast.success(t("reportsPage.toasts.testOk", { message: result.message }))
      } else {
        toast.error(t("reportsPage.toasts.testFailed", { message: result.message }))
      }
      return result.ok
    } catch (error) {
      const message = errorMessage(error)
      setTestResult({ ok: false, message, report_id: report.id })
      toast.error(t("reportsPage.toasts.testFailed", { message }))
      return false
    }
  }

  const setEnabled = (report: Pick<CrmReport, "id" | "name">, enabled: boolean) =>
    mutateWithToast(
      update,
      { id: report.id, changes: { enabled } },
      {
        success: () =>
          enabled
            ? t("reportsPage.toasts.enabled", { name: report.name })
            : t("reportsPage.toasts.disabled", { name: report.name }),
      }
    )

  const confirmAndDelete = (report: Pick<CrmReport, "id" | "name">) =>
    confirmAndRun(report.id, {
      title: t("reportsPage.delete.title", { name: report.name }),
      description: t("reportsPage.delete.description", { name: report.name }),
      confirmText: t("reportsPage.actions.delete"),
      cancelText: t("reportsPage.actions.cancel"),
      success: () => t("reportsPage.toasts.deleted", { name: report.name }),
    })

  return {
    runNow,
    testConnection,
    setEnabled,
    confirmAndDelete,
    testResult,
    isRunning,
    isTesting,
    isUpdating,
    isDeleting,
  }
}
