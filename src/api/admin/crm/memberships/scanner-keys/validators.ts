import { z } from "@medusajs/framework/zod"

export const AdminCreateScannerKey = z
  .object({ name: z.string().trim().min(1, { message: "name is required" }).max(100) })
  .strict()
export type AdminCreateScannerKeyType = z.infer<typeof AdminCreateScannerKey>

export const AdminListScannerKeys = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListScannerKeysType = z.infer<typeof AdminListScannerKeys>
