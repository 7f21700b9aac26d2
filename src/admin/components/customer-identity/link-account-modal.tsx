import type { FetchError } from "@medusajs/js-sdk"
import type { UseMutateAsyncFunction } from "@tanstack/react-query"
import { type ReactNode, useState } from "react"
import {
  useLinkAccount,
  useMergePreview,
  useRelinkAccount,
} from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { useErrorMessage } from "../../lib/errors"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type {
  CustomerMerge,
  CustomerSummary,
  LinkAccountPayload,
  MergeResponse,
} from "../../lib/types"
import { FormField } from "../common/form-field"
import { IdentityCustomerPicker } from "./identity-customer-picker"
import { customerLabel } from "./merge-format"
import { IdentityFocusModal, MergeModalLayout } from "./merge-modal-layout"
import { MergePreview } from "./merge-preview"
import { useGoToCustomer } from "./use-go-to-customer"

type LinkAccountModalProps = {
  /** The guest record to link. */
  customerId: string
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** "Link online account": merge this guest record into a customer's online account, then go there. */
export const LinkAccountModal = ({
  customerId,
  open,
  onOpenChange,
}: LinkAccountModalProps) => (
  <IdentityFocusModal
    open={open}
    onOpenChange={onOpenChange}
    data-testid="crm-link-modal"
  >
    <LinkForm customerId={customerId} onDone={() => onOpenChange(false)} />
  </IdentityFocusModal>
)

type RelinkAccountModalProps = {
  /** The account the guest record is linked to now: the customer of the page. */
  customerId: string
  /** The link to undo. */
  merge: CustomerMerge | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** "Link to another account": undo a link, link the guest record to another account, then go there. */
export const RelinkAccountModal = ({
  customerId,
  merge,
  open,
  onOpenChange,
}: RelinkAccountModalProps) => (
  <IdentityFocusModal
    open={open}
    onOpenChange={onOpenChange}
    data-testid="crm-link-modal"
  >
    {merge && (
      <RelinkForm
        customerId={customerId}
        merge={merge}
        onDone={() => onOpenChange(false)}
      />
    )}
  </IdentityFocusModal>
)

type LinkFormProps = {
  customerId: string
  onDone: () => void
}

const LinkForm = ({ customerId, onDone }: LinkFormProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [account, setAccount] = useState<CustomerSummary | null>(null)
  const { mutateAsync, isPending } = useLinkAccount(customerId)
  // The guest record is merged into the account: the account is the survivor.
  const { preview, isPending: isPreviewPending, isFetching, error } =
    useMergePreview(
      customerId,
      { other_id: account?.id ?? "", survivor_id: account?.id },
      { enabled: !!account }
    )
  const submit = useSubmitLink(mutateAsync, onDone)

  return (
    <AccountLinkLayout
      title={t("identity.link.title")}
      description={t("identity.link.description")}
      account={account}
      onAccountChange={setAccount}
      unavailable={new Map([[customerId, t("identity.merge.self")]])}
      onConfirm={() => account && submit(account)}
      isPending={isPending}
      confirmDisabled={
        !preview || isPreviewPending || isFetching || !!preview.blockers.length
      }
    >
      {account && (
        <MergePreview
          preview={preview}
          isPending={isPreviewPending}
          error={error ? errorText(error) : null}
        />
      )}
    </AccountLinkLayout>
  )
}

type RelinkFormProps = {
  customerId: string
  merge: CustomerMerge
  onDone: () => void
}

// No preview: the guest record is merged away until the undo runs, so it cannot be previewed.
const RelinkForm = ({ customerId, merge, onDone }: RelinkFormProps) => {
  const { t } = useTranslate()
  const [account, setAccount] = useState<CustomerSummary | null>(null)
  const { mutateAsync, isPending } = useRelinkAccount(customerId, merge.id)
  const submit = useSubmitLink(mutateAsync, onDone)

  return (
    <AccountLinkLayout
      title={t("identity.relink.title")}
      description={t("identity.relink.description", {
        name: customerLabel(merge.source),
      })}
      account={account}
      onAccountChange={setAccount}
      unavailable={
        new Map([
          [customerId, t("identity.link.linkedNow")],
          [merge.source_id, t("identity.merge.self")],
        ])
      }
      onConfirm={() => account && submit(account)}
      isPending={isPending}
      confirmDisabled={!account}
    />
  )
}

/** Link (or relink) to the account, then go to the account's page: the guest record is gone. */
const useSubmitLink = (
  mutateAsync: UseMutateAsyncFunction<
    MergeResponse,
    FetchError,
    LinkAccountPayload,
    unknown
  >,
  onDone: () => void
) => {
  const { t } = useTranslate()
  const goToCustomer = useGoToCustomer()

  return (account: CustomerSummary) =>
    mutateWithToast(
      mutateAsync,
      { account_id: account.id },
      {
        success: () =>
          t("identity.link.done", { email: account.email ?? account.id }),
        onSuccess: ({ merge }) => {
          onDone()
          goToCustomer(merge.survivor_id)
        },
      }
    )
}

type AccountLinkLayoutProps = {
  title: string
  description: string
  account: CustomerSummary | null
  onAccountChange: (account: CustomerSummary | null) => void
  /** Accounts that cannot be picked, with why. */
  unavailable: Map<string, string>
  onConfirm: () => void
  isPending: boolean
  confirmDisabled: boolean
  /** Under the picked account: what the link does. */
  children?: ReactNode
}

/** The link modals' content: pick an online account, see what the link does, link. */
const AccountLinkLayout = ({
  title,
  description,
  account,
  onAccountChange,
  unavailable,
  onConfirm,
  isPending,
  confirmDisabled,
  children,
}: AccountLinkLayoutProps) => {
  const { t } = useTranslate()

  return (
    <MergeModalLayout
      title={title}
      description={description}
      cancelLabel={t("identity.link.cancel")}
      confirmLabel={t("identity.link.confirm")}
      onConfirm={onConfirm}
      isPending={isPending}
      confirmDisabled={confirmDisabled}
      cancelTestId="crm-link-cancel"
      confirmTestId="crm-link-confirm"
    >
      <FormField id="crm-link-account" label={t("identity.link.account")}>
        <IdentityCustomerPicker
          id="crm-link-account"
          value={account}
          onChange={onAccountChange}
          placeholder={t("identity.link.search")}
          accountsOnly
          noMatchesText={t("identity.link.noMatches")}
          noCustomersText={t("identity.link.noAccounts")}
          unavailable={unavailable}
          disabled={isPending}
          data-testid="crm-link-picker"
        />
      </FormField>
      {children}
    </MergeModalLayout>
  )
}
