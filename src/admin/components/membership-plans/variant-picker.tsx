import { Text } from "@medusajs/ui"
import { useState } from "react"
import { useMembershipVariants } from "../../hooks/api/memberships"
import { useDebounced } from "../../hooks/use-debounced"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { PickedItem, SearchPicker } from "../common/search-picker"

const SEARCH_DEBOUNCE_MS = 250

/** A product variant as the plan's pickers and table show it. */
export type VariantOption = {
  id: string
  title: string | null
  sku: string | null
  product?: { title: string | null } | null
}

type VariantPickerProps = {
  id: string
  /** The variant's id, or null for none. */
  value: string | null
  onChange: (variantId: string | null) => void
  disabled?: boolean
}

/** Find a product variant by title or SKU and pick it, or remove the one picked. */
export const VariantPicker = ({
  id,
  value,
  onChange,
  disabled,
}: VariantPickerProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [search, setSearch] = useState("")
  const [picked, setPicked] = useState<VariantOption | null>(null)
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS)
  const searchResult = useMembershipVariants({ q }, { enabled: !value })
  // The plan's variant when the form opens: only its id is known.
  const current = useMembershipVariants(
    { id: value ? [value] : [] },
    { enabled: !!value && picked?.id !== value }
  )

  if (value) {
    const variant =
      picked?.id === value
        ? picked
        : (current.variants?.find((option) => option.id === value) ?? null)
    return (
      <PickedItem
        changeLabel={t("membershipsPage.form.removeVariant")}
        onChange={() => onChange(null)}
        disabled={disabled}
        data-testid="crm-membership-plan-form-variant-selected"
      >
        {variant ? (
          <VariantText variant={variant} />
        ) : (
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {current.isPending ? t("membershipsPage.form.variantLoading") : value}
          </Text>
        )}
      </PickedItem>
    )
  }

  return (
    <SearchPicker
      id={id}
      search={search}
      onSearchChange={setSearch}
      placeholder={t("membershipsPage.form.searchVariants")}
      items={(searchResult.variants ?? []) as VariantOption[]}
      isPending={searchResult.isPending}
      isFetching={searchResult.isFetching}
      error={
        searchResult.isError
          ? t("membershipsPage.form.variantsError", {
              message: errorText(searchResult.error),
            })
          : null
      }
      emptyText={t("membershipsPage.form.noVariants")}
      getId={(variant) => variant.id}
      renderItem={(variant) => <VariantText variant={variant} />}
      onSelect={(variant) => {
        setPicked(variant)
        onChange(variant.id)
      }}
      disabled={disabled}
      data-testid="crm-membership-plan-form-variant"
    />
  )
}

/** "Product · Variant", with the SKU under it. */
export const variantLabel = (variant: VariantOption) =>
  [variant.product?.title, variant.title].filter(Boolean).join(" · ") ||
  variant.id

const VariantText = ({ variant }: { variant: VariantOption }) => (
  <>
    <Text size="small" leading="compact" weight="plus" className="truncate">
      {variantLabel(variant)}
    </Text>
    {variant.sku && (
      <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
        {variant.sku}
      </Text>
    )}
  </>
)
