import type { FetchError } from "@medusajs/js-sdk"
import type { UseMutationResult } from "@tanstack/react-query"
import { type BaseSyntheticEvent, useState } from "react"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
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
  const [customer, setCustomer] = useState<MembershipCustomer | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)

  /** Picking (or clearing) the customer clears the last error too. */
  const pick = (next: MembershipCustomer | null) => {
    setCustomer(next)
    setServerError(null)
  }

  const handleSubmit = async (event?: BaseSyntheticEvent) => {
    event?.preventDefault()
    if (!customer) {
      return
    }
    setServerError(null)
    await mutateWithToast(
      mutateAsync,
      { membershipId: membership.id, customer_id: customer.id },
      {
        success: () =>
          t(`memberships.${action}.done`, {
            number: membership.number,
            name: customerDisplayName(customer) || customer.id,
          }),
        onSuccess: onDone,
        onError: setServerError,
      }
    )
  }

  return { customer, pick, serverError, setServerError, isPending, handleSubmit }
}
