import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { sharedConnection } from "../../../../lib/customer-data"
import { crmError } from "../../../../lib/errors"
import { selectRows } from "../../../../lib/queries/sql"
import { toCustomerListExport } from "../../../../modules/crm-report/exports"
import { CustomerListErrorCodes, type CustomerListExport } from "../../../../types/http/customer-list"

/** The columns of `crm_export` the API reads. */
const EXPORT_COLUMNS = `id, source, segment_id, filter, columns, format, status, processed, total, file_id, size_bytes,
  expires_at, error, created_by, created_at, finished_at`

/** An export's row; 404 `list_export_not_found` when there is none. */
export async function retrieveExportRow(container: MedusaContainer, id: string): Promise<Record<string, any>> {
  const [row] = await selectRows(
    sharedConnection(container),
    `SELECT ${EXPORT_COLUMNS} FROM crm_export WHERE id = :id AND deleted_at IS NULL`,
    { id }
  )
  if (!row) {
    throw crmError(MedusaError.Types.NOT_FOUND, CustomerListErrorCodes.EXPORT_NOT_FOUND, `Export ${id} was not found`)
  }
  return row
}

export const refetchExport = async (container: MedusaContainer, id: string): Promise<CustomerListExport> =>
  toCustomerListExport(await retrieveExportRow(container, id))

/** A page of exports, newest first, with the total. */
export async function listExports(
  container: MedusaContainer,
  page: { limit: number; offset: number }
): Promise<{ exports: CustomerListExport[]; count: number }> {
  const connection = sharedConnection(container)
  const rows = await selectRows(
    connection,
    `SELECT ${EXPORT_COLUMNS} FROM crm_export WHERE deleted_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset`,
    page
  )
  const [{ n }] = await selectRows(connection, `SELECT COUNT(*) AS n FROM crm_export WHERE deleted_at IS NULL`)
  return { exports: rows.map(toCustomerListExport), count: Number(n) }
}
