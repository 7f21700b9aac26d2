import { z } from "@medusajs/framework/zod"
import { MEMBERSHIP_SCANNER_KEY_NAME_MAX_LENGTH } from "../../../../../types/http/memberships"
import { createListParams, NoQueryParams } from "../../../../utils/validators"

export const AdminCreateScannerKey = z
  .object({
    name: z.string().trim().min(1, { message: "name is required" }).max(MEMBERSHIP_SCANNER_KEY_NAME_MAX_LENGTH),
  })
  .strict()
export type AdminCreateScannerKeyType = z.infer<typeof AdminCreateScannerKey>

export const AdminRevokeScannerKey = z.object({}).strict()
export type AdminRevokeScannerKeyType = z.infer<typeof AdminRevokeScannerKey>

/** Creating and revoking take no query parameters. */
export const AdminScannerKeyActionParams = NoQueryParams

export const AdminListScannerKeys = createListParams({ defaultLimit: 50 })
export type AdminListScannerKeysType = z.infer<typeof AdminListScannerKeys>
