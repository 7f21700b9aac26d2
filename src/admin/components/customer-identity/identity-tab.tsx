import { useCustomerIdentity } from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { useErrorMessage } from "../../lib/errors"
import { SectionError, Skeletons } from "../common/load-states"
import { AlternateEmailsSection } from "./alternate-emails-section"
import { ArchiveSection } from "./archive-section"
import { DuplicatesSection } from "./duplicates-section"
import { MergeModal, type MergeTarget } from "./merge-modal"
import { MergesSection } from "./merges-section"
import { useModalFor } from "./use-modal-for"

type IdentityTabProps = {
  customerId: string
}

/**
 * The Identity tab: whether the customer is archived, their alternate e-mails, possible duplicates
 * (each can be merged) and the records merged into them (each can be undone).
 */
export const IdentityTab = ({ customerId }: IdentityTabProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { identity, isPending, isError, error } =
    useCustomerIdentity(customerId)
  const merge = useModalFor<MergeTarget>()
  const openMerge = (otherId: string | null) =>
    merge.openFor({ customerId, otherId })

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-identity-loading"
        >
          <Skeletons count={4} className="h-5 w-full" />
        </div>
      )
    }

    if (isError || !identity) {
      return (
        <SectionError data-testid="crm-identity-error">
          {t("identity.loadError", { message: errorText(error) })}
        </SectionError>
      )
    }

    return (
      <>
        <ArchiveSection customerId={customerId} archived={identity.archived} />
        <AlternateEmailsSection
          customerId={customerId}
          emails={identity.alternate_emails}
          onMerge={openMerge}
        />
        <DuplicatesSection
          duplicates={identity.duplicates}
          onMerge={openMerge}
        />
        <MergesSection
          customerId={customerId}
          merges={identity.merges}
          account={identity.account}
          onMerge={() => openMerge(null)}
        />
      </>
    )
  }

  return (
    <div className="divide-y" data-testid="crm-identity-tab">
      {renderBody()}
      <MergeModal
        target={merge.value}
        open={merge.open}
        onOpenChange={merge.onOpenChange}
      />
    </div>
  )
}
