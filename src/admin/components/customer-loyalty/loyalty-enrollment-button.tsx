import { Button, usePrompt } from "@medusajs/ui"
import { useSetLoyaltyEnrollment } from "../../hooks/api/loyalty"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"

type LoyaltyEnrollmentButtonProps = {
  customerId: string
  enrolled: boolean
}

/** Enroll, or (after confirming) unenroll, when the program enrolls customers one by one. */
export const LoyaltyEnrollmentButton = ({
  customerId,
  enrolled,
}: LoyaltyEnrollmentButtonProps) => {
  const { t } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useSetLoyaltyEnrollment(customerId)

  const handleClick = async () => {
    if (enrolled) {
      const confirmed = await prompt({
        title: t("loyalty.unenrollTitle"),
        description: t("loyalty.unenrollDescription"),
        confirmText: t("loyalty.unenroll"),
        cancelText: t("loyalty.cancel"),
      })
      if (!confirmed) {
        return
      }
    }
    await mutateWithToast(
      mutateAsync,
      { enrolled: !enrolled },
      {
        success: () =>
          enrolled ? t("loyalty.unenrolled") : t("loyalty.enrolledToast"),
      }
    )
  }

  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={isPending}
      onClick={handleClick}
      data-testid={enrolled ? "crm-loyalty-unenroll" : "crm-loyalty-enroll"}
    >
      {enrolled ? t("loyalty.unenroll") : t("loyalty.enroll")}
    </Button>
  )
}
