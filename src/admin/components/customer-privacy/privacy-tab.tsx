import { useCustomerPrivacy } from "../../hooks/api/privacy"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { SectionError, Skeletons } from "../common/load-states"
import { AnonymizeSection } from "./anonymize-section"
import { ConsentsSection } from "./consents-section"
import { DeleteSection } from "./delete-section"
import { ExportSection } from "./export-section"
import { LegalHoldSection } from "./legal-hold-section"
import { PrivacyRequestsSection } from "./privacy-requests-section"

type PrivacyTabProps = {
  customerId: string
}

/**
 * The Privacy tab: the legal hold (until anonymized), anonymizing the customer (what it does,
 * what blocks it), deleting them permanently when they have no orders, and their privacy requests.
 */
export const PrivacyTab = ({ customerId }: PrivacyTabProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { privacy, isPending, isError, error } = useCustomerPrivacy(customerId)

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-privacy-loading"
        >
          <Skeletons count={4} className="h-5 w-full" />
        </div>
      )
    }

    if (isError || !privacy) {
      return (
        <SectionError data-testid="crm-privacy-error">
          {t("privacy.loadError", { message: errorText(error) })}
        </SectionError>
      )
    }

    return (
      <>
        {/* Once anonymized there is nothing left to hold, unless a hold was kept. */}
        {(!privacy.anonymized || privacy.legal_hold) && (
          <LegalHoldSection
            customerId={customerId}
            legalHold={privacy.legal_hold}
          />
        )}
        <ConsentsSection customerId={customerId} />
        <AnonymizeSection privacy={privacy} />
        <DeleteSection privacy={privacy} />
        <PrivacyRequestsSection requests={privacy.requests} />
        {!privacy.anonymized && <ExportSection customerId={customerId} />}
      </>
    )
  }

  return (
    <div
      className="divide-y"
      data-testid="crm-privacy-tab"
      data-anonymized={privacy?.anonymized ? "true" : "false"}
    >
      {renderBody()}
    </div>
  )
}
