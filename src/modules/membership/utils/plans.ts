import type { CreateMembershipPlanPayload } from "../../../types/http/memberships"

/** A plan as the create workflow takes it: the validated body, defaults applied. */
export type CreatePlanInput = CreateMembershipPlanPayload & { max_shares: number; reminder_days: number }

/** Any subset of a plan's fields, as the update workflow takes it. */
export type UpdatePlanInput = Partial<CreateMembershipPlanPayload>
