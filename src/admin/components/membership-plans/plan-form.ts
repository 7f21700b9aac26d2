import type {
  CreateMembershipPlanPayload,
  MembershipDurationUnit,
  MembershipPlan,
} from "../../lib/types"
import { NO_GROUP_VALUE } from "../tag-definitions/constants"

export const DURATION_UNITS: readonly MembershipDurationUnit[] = [
  "day",
  "month",
  "year",
  "lifetime",
]

/** The inputs keep their text; it becomes numbers on submit. */
export type PlanFormValues = {
  name: string
  description: string
  level: string
  duration_unit: MembershipDurationUnit
  duration_value: string
  /** A customer group id, or NO_GROUP_VALUE. */
  customer_group_id: string
  variant_id: string | null
  max_shares: string
  reminder_days: string
}

export const toFormValues = (plan?: MembershipPlan | null): PlanFormValues => ({
  name: plan?.name ?? "",
  description: plan?.description ?? "",
  level: String(plan?.level ?? 1),
  duration_unit: plan?.duration_unit ?? "year",
  duration_value: String(plan?.duration_value ?? 1),
  customer_group_id: plan?.customer_group_id ?? NO_GROUP_VALUE,
  variant_id: plan?.variant_id ?? null,
  max_shares: String(plan?.max_shares ?? 0),
  reminder_days: String(plan?.reminder_days ?? 14),
})

/** Every field (the form has them all): null clears the group and the variant. */
export const toPayload = (
  values: PlanFormValues
): CreateMembershipPlanPayload => {
  const isLifetime = values.duration_unit === "lifetime"
  return {
    name: values.name.trim(),
    description: values.description.trim() || null,
    level: Number(values.level.trim()),
    duration_unit: values.duration_unit,
    duration_value: isLifetime ? null : Number(values.duration_value.trim()),
    customer_group_id:
      values.customer_group_id === NO_GROUP_VALUE
        ? null
        : values.customer_group_id,
    variant_id: values.variant_id,
    max_shares: Number(values.max_shares.trim()),
    reminder_days: Number(values.reminder_days.trim()),
  }
}
