import { z } from "@medusajs/framework/zod"
import { loyaltyProgramSchema } from "../../../../lib/loyalty"
import { NoQueryParams } from "../../../utils/validators"

export const AdminGetLoyaltyProgramParams = NoQueryParams
export type AdminGetLoyaltyProgramParamsType = z.infer<typeof AdminGetLoyaltyProgramParams>

/** Any subset of the program's settings; `rates` replaces the list. */
export const AdminUpdateLoyaltyProgram = loyaltyProgramSchema
export type AdminUpdateLoyaltyProgramType = z.infer<typeof AdminUpdateLoyaltyProgram>
