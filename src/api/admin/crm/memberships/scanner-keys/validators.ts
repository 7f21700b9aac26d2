import { z } from "@medusajs/framework/zod"
import { createListParams } from "../../../../utils/validators"

export const AdminCreateScannerKey = z
  .object({ name: z.string().trim().min(1, { message: "name is required" }).max(100) })
  .strict()
export type AdminCreateScannerKeyType = z.infer<typeof AdminCreateScannerKey>

export const AdminRevokeScannerKey = z.object({}).strict()

export const AdminListScannerKeys = createListParams({ defaultLimit: 50 })
export type AdminListScannerKeysType = z.infer<typeof AdminListScannerKeys>
