import { clx, Container, Heading, Text } from "@medusajs/ui"
import { formatNumber, formatPoints } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { LoyaltyTotals } from "../../lib/types"
import { SectionRow } from "../common/section-row"
import { currencyValuesText, pointsText } from "../customer-loyalty/format"

type LoyaltyTotalsSectionProps = {
  totals: LoyaltyTotals
}

/** The program over all customers: accounts, points outstanding and what they are worth. */
export const LoyaltyTotalsSection = ({ totals }: LoyaltyTotalsSectionProps) => {
  const { t, locale } = useTranslate()

  return (
    <Container className="divide-y p-0" data-testid="crm-loyalty-totals">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("loyaltyPage.totals.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("loyaltyPage.totals.subtitle")}
        </Text>
      </div>
      <SectionRow
        title={t("loyaltyPage.totals.accounts")}
        value={formatNumber(totals.accounts, locale)}
        data-testid="crm-loyalty-totals-accounts"
      />
      <SectionRow
        title={t("loyaltyPage.totals.enrolled")}
        value={formatNumber(totals.enrolled, locale)}
        data-testid="crm-loyalty-totals-enrolled"
      />
      <SectionRow
        title={t("loyaltyPage.totals.outstanding")}
        value={
          <span className="flex flex-wrap items-center gap-x-1">
            <span>
              {pointsText(
                totals.points_available + totals.points_pending,
                t,
                locale
              )}
            </span>
            <span className="text-ui-fg-muted">
              {t("loyaltyPage.totals.outstandingSplit", {
                available: formatPoints(totals.points_available, locale),
                pending: formatPoints(totals.points_pending, locale),
              })}
            </span>
          </span>
        }
        data-testid="crm-loyalty-totals-outstanding"
      />
      <SectionRow
        title={t("loyaltyPage.totals.lifetimeEarned")}
        value={pointsText(totals.points_lifetime_earned, t, locale)}
        data-testid="crm-loyalty-totals-lifetime"
      />
      <SectionRow
        title={t("loyaltyPage.totals.negativeAccounts")}
        value={
          <span
            className={clx({ "text-ui-fg-error": totals.negative_accounts > 0 })}
          >
            {formatNumber(totals.negative_accounts, locale)}
          </span>
        }
        data-testid="crm-loyalty-totals-negative"
      />
      <SectionRow
        title={t("loyaltyPage.totals.liability")}
        value={currencyValuesText(totals.liability, locale)}
        data-testid="crm-loyalty-totals-liability"
      />
    </Container>
  )
}
