import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { LoyaltyProgramSettings } from "../../../../lib/loyalty"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../../../modules/loyalty"
import { updateLoyaltyProgramWorkflow } from "../../../../workflows/update-loyalty-program"
import { loadLoyaltyProgram } from "../../../../workflows/steps/loyalty-validate"
import type {
  AdminLoyaltyProgramResponse,
  AdminUpdateLoyaltyProgramResponse,
  LoyaltyProgram,
} from "../../../../types/http/loyalty"
import { loyaltyValuesOf } from "../../../utils/loyalty"
import type { AdminGetLoyaltyProgramParamsType, AdminUpdateLoyaltyProgramType } from "./validators"

const formatProgram = (program: LoyaltyProgramSettings): LoyaltyProgram => ({
  enabled: program.enabled,
  enrollment: program.enrollment,
  earn_on: program.earn_on ?? "placed",
  pending_days: program.pending_days,
  expiry_months: program.expiry_months,
  expiry_reminder_days: program.expiry_reminder_days,
  min_redeem_points: program.min_redeem_points,
  redemption_hold_hours: program.redemption_hold_hours,
  rates: program.rates ?? [],
  updated_at: program.updated_at ? new Date(program.updated_at).toISOString() : null,
})

/**
 * The program's settings and its totals: accounts, points outstanding, and what the available
 * points are worth per currency (the liability they represent).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetLoyaltyProgramParamsType>,
  res: MedusaResponse<AdminLoyaltyProgramResponse>
) => {
  const service: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  const program = await loadLoyaltyProgram(req.scope)
  const totals = await service.getProgramTotals()
  res.json({
    program: formatProgram(program),
    totals: {
      ...totals,
      // With enrollment for everyone, every account takes part whatever its own flag says.
      enrolled: program.enrollment === "all" ? totals.accounts : totals.enrolled,
      liability: loyaltyValuesOf(program, totals.points_outstanding),
    },
  })
}

/** Changes the program's settings; `rates` replaces the list. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLoyaltyProgramType>,
  res: MedusaResponse<AdminUpdateLoyaltyProgramResponse>
) => {
  await updateLoyaltyProgramWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ program: formatProgram(await loadLoyaltyProgram(req.scope)) })
}
