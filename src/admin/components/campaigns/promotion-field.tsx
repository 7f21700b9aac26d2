import { Badge, Text } from "@medusajs/ui"
import { useState } from "react"
import { type OfferPromotion, useOfferPromotions } from "../../hooks/api/campaigns"
import { useDebounced } from "../../hooks/use-debounced"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { PickedItem, SearchPicker } from "../common/search-picker"

const SEARCH_DEBOUNCE_MS = 250

type PromotionFieldProps = {
  id: string
  /** The promotion picked, or null. */
  value: OfferPromotion | null
  onChange: (promotion: OfferPromotion | null) => void
  disabled?: boolean
}

const PromotionText = ({ promotion }: { promotion: OfferPromotion }) => {
  const { t } = useTranslate()
  return (
    <div className="flex items-center gap-x-2">
      <Text size="small" leading="compact" weight="plus" className="truncate font-mono">
        {promotion.code}
      </Text>
      {promotion.status && promotion.status !== "active" && (
        <Badge size="2xsmall" color="orange">
          {t(`messagesPage.promotionStatuses.${promotion.status === "draft" ? "draft" : "inactive"}`)}
        </Badge>
      )}
    </div>
  )
}

/** Pick the Medusa promotion an offer wraps, searched by code (automatic promotions left out). */
export const PromotionField = ({ id, value, onChange, disabled }: PromotionFieldProps) => {
  const { t } = useTranslate()
  const describeError = useErrorMessage()
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS)
  const { promotions, isPending, isFetching, isError, error } = useOfferPromotions(q, {
    enabled: !value,
  })

  if (value) {
    return (
      <PickedItem
        changeLabel={t("messagesPage.actions.change")}
        onChange={() => onChange(null)}
        disabled={disabled}
        data-testid="campaign-form-promotion-selected"
      >
        <PromotionText promotion={value} />
      </PickedItem>
    )
  }

  return (
    <SearchPicker
      id={id}
      search={search}
      onSearchChange={setSearch}
      placeholder={t("messagesPage.form.promotionSearch")}
      items={promotions}
      isPending={isPending}
      isFetching={isFetching}
      error={isError ? t("messagesPage.form.promotionsError", { message: describeError(error) }) : null}
      emptyText={q ? t("messagesPage.form.promotionsNoMatches") : t("messagesPage.form.promotionsNone")}
      getId={(promotion) => promotion.id}
      renderItem={(promotion) => <PromotionText promotion={promotion} />}
      onSelect={onChange}
      disabled={disabled}
      data-testid="campaign-form-promotion"
    />
  )
}
