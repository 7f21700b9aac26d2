import { z } from "@medusajs/framework/zod"
import type { DuplicateGroupListParams } from "../../../../types/http/identity"
import { createListParams, type ListParams } from "../../../utils/validators"

export const AdminListDuplicates = createListParams() satisfies z.ZodType<ListParams<DuplicateGroupListParams>>
export type AdminListDuplicatesType = z.infer<typeof AdminListDuplicates>
