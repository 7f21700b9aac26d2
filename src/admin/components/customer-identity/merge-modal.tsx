import type { FetchError } from "@medusajs/js-sdk"
import { Alert, Skeleton, toast } from "@medusajs/ui"
import { type QueryClient, useQueryClient } from "@tanstack/react-query"
import { useRef, useState } from "react"
import {
  fetchCustomerIdentity,
  invalidateAfterMerge,
  useMergeCustomers,
  useMergePreview,
} from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { errorMessage } from "../../lib/errors"
import type { CustomerSummary } from "../../lib/types"
import { FormField } from "../common/form-field"
import { IdentityCustomerPicker } from "./identity-customer-picker"
import { defaultSurvivor } from "./merge-format"
import { IdentityFocusModal, MergeModalLayout } from "./merge-modal-layout"
import { MergePreview } from "./merge-preview"
import { SurvivorChoice } from "./survivor-choice"
import { useGoToCustomer } from "./use-go-to-customer"

/** What a merge modal is opened for. */
export type MergeTarget = {
  /** The customer of the page (or the group's first): the URL's customer of the merge. */
  customerId: string
  /** The other record; null to search for it first. */
  otherId: string | null
}

type MergeModalProps = {
  target: MergeTarget | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * "Merge customers": pick the record to keep, see what moves, stays and blocks, then merge. Then
 * on to the survivor's page, unless it is the current one.
 */
export const MergeModal = ({ target, open, onOpenChange }: MergeModalProps) => (
  <IdentityFocusModal
    open={open}
    onOpenChange={onOpenChange}
    data-testid="crm-merge-modal"
  >
    {target && <MergeForm {...target} onDone={() => onOpenChange(false)} />}
  </IdentityFocusModal>
)

type MergeFormProps = MergeTarget & {
  onDone: () => void
}

const MergeForm = ({ customerId, otherId, onDone }: MergeFormProps) => {
  const { t } = useTranslate()
  const [picked, setPicked] = useState<CustomerSummary | null>(null)
  const other = otherId ?? picked?.id ?? null
  const choice = useSurvivorChoice(customerId, other)
  const { mutateAsync, isPending } = useMergeCustomers(customerId)
  const goToCustomer = useGoToCustomer()
  const queryClient = useQueryClient()
  // Set at the first click, before React re-renders the button as disabled: a double click
  // sends one request.
  const inFlight = useRef(false)
  const [mergeError, setMergeError] = useState<string | null>(null)

  const finish = (survivorId: string) => {
    toast.success(t("identity.merge.done"))
    onDone()
    goToCustomer(survivorId)
  }

  const handleConfirm = async () => {
    if (!other || !choice.survivorId || inFlight.current) {
      return
    }
    inFlight.current = true
    setMergeError(null)
    const survivorId = choice.survivorId
    const sourceId = survivorId === customerId ? other : customerId
    try {
      const { merge } = await mutateAsync({
        other_id: other,
        survivor_id: survivorId,
      })
      finish(merge.survivor_id)
    } catch (error) {
      // A repeat (a second click, a retry) finds the merge done: the record merged away is gone
      // (404) or merged already (409). That is the success the admin asked for.
      if (await isMergedAlready(queryClient, error, survivorId, sourceId)) {
        finish(survivorId)
        return
      }
      setMergeError(errorMessage(error))
    } finally {
      inFlight.current = false
    }
  }

  return (
    <MergeModalLayout
      title={t("identity.merge.title")}
      description={t("identity.merge.description")}
      cancelLabel={t("identity.merge.cancel")}
      confirmLabel={t("identity.merge.confirm")}
      onConfirm={handleConfirm}
      isPending={isPending}
      confirmDisabled={!choice.canMerge || isPending}
      cancelTestId="crm-merge-cancel"
      confirmTestId="crm-merge-confirm"
    >
      {otherId === null && (
        <FormField id="crm-merge-other" label={t("identity.merge.other")}>
          <IdentityCustomerPicker
            id="crm-merge-other"
            value={picked}
            onChange={setPicked}
            placeholder={t("identity.merge.search")}
            noMatchesText={t("identity.picker.noMatches")}
            noCustomersText={t("identity.picker.noCustomers")}
            unavailable={new Map([[customerId, t("identity.merge.self")]])}
            disabled={isPending}
            data-testid="crm-merge-picker"
          />
        </FormField>
      )}
      {other && (
        <>
          {choice.records && choice.survivorId ? (
            <SurvivorChoice
              records={choice.records}
              value={choice.survivorId}
              onChange={choice.setSurvivorId}
              disabled={isPending}
            />
          ) : (
            !choice.error && <Skeleton className="h-32 w-full" />
          )}
          <MergePreview
            preview={choice.preview}
            isPending={choice.isPending}
            error={choice.error}
          />
        </>
      )}
      {mergeError && (
        <Alert variant="error" data-testid="crm-merge-error">
          {t("identity.merge.failed", { message: mergeError })}
        </Alert>
      )}
    </MergeModalLayout>
  )
}

/**
 * Whether a failed merge request found the merge done already (by an earlier request of the same
 * merge): the survivor lists a live merge of the source. Then the caches are refreshed as after a
 * merge.
 */
const isMergedAlready = async (
  queryClient: QueryClient,
  error: unknown,
  survivorId: string,
  sourceId: string
) => {
  const status = (error as FetchError).status
  if (status !== 404 && status !== 409) {
    return false
  }
  try {
    const { identity } = await fetchCustomerIdentity(survivorId)
    const merge = identity.merges.find(
      (m) => m.source_id === sourceId && m.status === "merged"
    )
    if (!merge) {
      return false
    }
    await invalidateAfterMerge(queryClient, { merge })
    return true
  } catch {
    return false
  }
}

/** The admin's pick of the record to keep, for one other record. */
type SurvivorPick = { otherId: string; survivorId: string }

/**
 * The two records, the one kept (the admin's pick, else the default) and its preview. The records
 * come from the preview that keeps the page's customer, which is also the survivor's preview when
 * that customer is kept (one request then).
 */
const useSurvivorChoice = (customerId: string, otherId: string | null) => {
  const [choice, setChoice] = useState<SurvivorPick | null>(null)
  const enabled = !!otherId
  const base = useMergePreview(
    customerId,
    { other_id: otherId ?? "", survivor_id: customerId },
    { enabled }
  )
  const records = base.preview
    ? ([base.preview.survivor, base.preview.source] as const)
    : null
  const survivorId =
    (choice && choice.otherId === otherId ? choice.survivorId : null) ??
    (records ? defaultSurvivor(...records).id : null)

  const current = useMergePreview(
    customerId,
    { other_id: otherId ?? "", survivor_id: survivorId ?? customerId },
    { enabled: enabled && !!survivorId }
  )
  const preview = current.preview
  const isPending = base.isPending || current.isPending

  return {
    records,
    survivorId,
    setSurvivorId: (id: string) => {
      if (otherId) {
        setChoice({ otherId, survivorId: id })
      }
    },
    preview,
    isPending,
    error: base.error || current.error ? errorMessage(base.error ?? current.error) : null,
    canMerge:
      !!preview &&
      !isPending &&
      !current.isFetching &&
      !preview.blockers.length,
  }
}
