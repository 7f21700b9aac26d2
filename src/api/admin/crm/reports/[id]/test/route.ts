import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getReport } from "../../../../../../lib/reports/reports"
import { decryptSecret } from "../../../../../../lib/reports/secrets"
import { SftpDeliveryError, testSftp } from "../../../../../../lib/reports/sftp"
import { type AdminReportTestResponse, CustomerListErrorCodes } from "../../../../../../types/http/customer-list"

/**
 * Tests the report's destination: for SFTP a login with the stored password or key, and a probe
 * file written in the remote folder and removed again; the file module and e-mail need no test.
 * Answers `{ ok: true, message }`, or `{ ok: false, code: "report_connection_failed", message }`
 * with the reason (a refused login, an unreachable host, a missing or read-only folder).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReportTestResponse>) => {
  const report = await getReport(req.scope, req.params.id)
  const destination = report.destination
  if (destination.type !== "sftp") {
    res.json({
      ok: true,
      message: destination.type === "email" ? "E-mails go out through the notification module." : "Files are kept in the file module.",
    })
    return
  }
  try {
    const secret = await decryptSecret(req.scope, report.secret)
    await testSftp({
      host: destination.host,
      port: destination.port,
      username: destination.username,
      password: secret.password,
      private_key: secret.private_key,
      remote_dir: destination.remote_dir,
    })
  } catch (e) {
    if (e instanceof SftpDeliveryError || /report_secret/.test((e as Error).message)) {
      res.json({ ok: false, code: CustomerListErrorCodes.REPORT_CONNECTION_FAILED, message: (e as Error).message })
      return
    }
    throw e
  }
  res.json({ ok: true, message: `Logged in to ${destination.host}:${destination.port} and wrote a test file in ${destination.remote_dir}.` })
}
