import { XMark } from "@medusajs/icons"
import { IconButton, Text, Tooltip, usePrompt } from "@medusajs/ui"
import {
  useShareMembership,
  useUnshareMembership,
} from "../../hooks/api/memberships"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type {
  Membership,
  MembershipCustomer,
  MembershipShare,
} from "../../lib/types"
import { DrawerForm } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { customerDisplayName } from "../tag-definitions/format"
import { CustomerPicker, CustomerText } from "./customer-picker"
import { useMembershipCustomerForm } from "./membership-customer-form"
import type { MembershipFormProps } from "./membership-dialogs"
import { MembershipSummary } from "./membership-summary"

/** "Share": the membership's co-members (remove any), and add one while shares are left. */
export const ShareMembershipForm = ({
  customerId,
  membership,
  onDone,
}: MembershipFormProps) => {
  const { t } = useTranslate()
  const {
    customer: coMember,
    pick,
    serverError,
    showError,
    isPending,
    handleSubmit,
  } = useMembershipCustomerForm({
    membership,
    mutation: useShareMembership(customerId),
    action: "share",
    onDone,
  })

  const { shares, plan } = membership
  const canAdd = membership.status === "active" && shares.length < plan.max_shares
  const unavailable = new Map([
    [membership.customer_id, t("memberships.picker.holder")],
    ...shares.map(
      (share) =>
        [share.customer_id, t("memberships.picker.alreadyCoMember")] as const
    ),
  ])

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("memberships.actions.cancelForm")}
      submitLabel={t("memberships.share.submit")}
      isPending={isPending}
      submitDisabled={!coMember}
      testIdPrefix="crm-membership-share"
    >
      <MembershipSummary membership={membership} />
      <CoMembers
        customerId={customerId}
        membership={membership}
        onError={showError}
      />
      <FormField
        id="crm-membership-share-customer"
        label={t("memberships.share.add")}
        hint={canAdd ? undefined : t("memberships.share.full")}
      >
        {canAdd && (
          <CustomerPicker
            id="crm-membership-share-customer"
            value={coMember}
            onChange={pick}
            unavailable={unavailable}
            disabled={isPending}
            data-testid="crm-membership-share-customer"
          />
        )}
      </FormField>
    </DrawerForm>
  )
}

type CoMembersProps = {
  customerId: string
  membership: Membership
  onError: (message: string) => void
}

/** Who shares the membership now, each with a remove button. */
const CoMembers = ({ customerId, membership, onError }: CoMembersProps) => {
  const { t } = useTranslate()
  const { shares, plan } = membership

  return (
    <div className="flex flex-col gap-y-2" data-testid="crm-membership-share-members">
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" leading="compact" weight="plus">
          {t("memberships.share.coMembers")}
        </Text>
        <Text
          size="small"
          leading="compact"
          className="text-ui-fg-muted"
          data-testid="crm-membership-share-used"
        >
          {t("memberships.share.used", {
            used: shares.length,
            max: plan.max_shares,
          })}
        </Text>
      </div>
      {shares.length ? (
        <ul className="shadow-elevation-card-rest bg-ui-bg-component divide-y overflow-hidden rounded-lg">
          {shares.map((share) => (
            <CoMember
              key={share.id}
              customerId={customerId}
              membership={membership}
              share={share}
              onError={onError}
            />
          ))}
        </ul>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          {t("memberships.share.none")}
        </Text>
      )}
    </div>
  )
}

type CoMemberProps = CoMembersProps & {
  share: MembershipShare
}

const CoMember = ({ customerId, membership, share, onError }: CoMemberProps) => {
  const { t } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useUnshareMembership(customerId)
  const customer: MembershipCustomer = share.customer ?? {
    id: share.customer_id,
    email: null,
    first_name: null,
    last_name: null,
  }
  const name = customerDisplayName(customer) || customer.id

  const handleRemove = async () => {
    const confirmed = await prompt({
      title: t("memberships.share.removeTitle"),
      description: t("memberships.share.removeDescription", {
        name,
        number: membership.number,
      }),
      confirmText: t("memberships.share.remove"),
      cancelText: t("memberships.actions.back"),
    })
    if (!confirmed) {
      return
    }
    await mutateWithToast(
      mutateAsync,
      { membershipId: membership.id, customer_id: share.customer_id },
      {
        success: () => t("memberships.share.removed", { name }),
        onError,
      }
    )
  }

  return (
    <li
      className="flex items-center justify-between gap-x-3 px-4 py-2.5"
      data-testid="crm-membership-share-member"
      data-customer-id={share.customer_id}
    >
      <div className="flex min-w-0 flex-col">
        <CustomerText customer={customer} />
      </div>
      <Tooltip content={t("memberships.share.remove")}>
        <IconButton
          type="button"
          size="small"
          variant="transparent"
          aria-label={t("memberships.share.removeLabel", { name })}
          disabled={isPending}
          onClick={handleRemove}
          data-testid="crm-membership-share-remove"
        >
          <XMark />
        </IconButton>
      </Tooltip>
    </li>
  )
}
