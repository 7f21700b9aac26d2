import type { FetchError } from "@medusajs/js-sdk"
import type { UseMutationResult } from "@tanstack/react-query"
import { type BaseSyntheticEvent, useState } from "react"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import type {
  CustomerMembershipResponse,
  Membership,
  MembershipCustomer,
  MembershipCustomerPayload,
} from "../../lib/types"
import { customerDisplayName } from "../tag-definitions/format"

type MembershipCustomerMutation = Pick<
  UseMutationResult<
    CustomerMembershipResponse,
    FetchError,
    MembershipCustomerPayload & { membershipId: string }
  >,
  "mutateAsync" | "isPending"
>

type UseMembershipCustomerFormOptions = {
  membership: Membership
  /** `useGiftMembership` or `useShareMembership`. */
  mutation: MembershipCustomerMutation
  /** Its success toast: `memberships.<action>.done`. */
  action: "gift" | "share"
  onDone: () => void
}

/**
 * The state of a form that gives or shares a membership with a customer: the customer picked, the
 * server's error, and a submit that sends the picked customer (when there is one).
 */
export const useMembershipCustomerForm = ({
  membership,
  mutation: { mutateAsync, isPending },
  action,
  onDone,
}: UseMembershipCustomerFormOptions) => {
  const { t } = useTranslate()
  const { save, serverError, clearError, showError } = useFormSave(mutateAsync)
  const [customer, setCustomer] = useState<MembershipCustomer | null>(null)

  /** Picking (or clearing) the customer clears the last error too. */
  const pick = (next: MembershipCustomer | null) => {
    setCustomer(next)
    clearError()
  }

  const handleSubmit = async (event?: BaseSyntheticEvent) => {
    event?.preventDefault()
    if (!customer) {
      return
    }
    await save(
      { membershipId: membership.id, customer_id: customer.id },
      {
        success: () =>
          t(`memberships.${action}.done`, {
            number: membership.number,
            name: customerDisplayName(customer) || customer.id,
          }),
        onSuccess: onDone,
      }
    )
  }

  return { customer, pick, serverError, showError, isPending, handleSubmit }
}
