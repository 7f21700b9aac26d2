import { ArrowRightMini } from "@medusajs/icons"
import { Button, Heading, Skeleton, Text } from "@medusajs/ui"
import { useCustomerTags } from "../../hooks/api/customer-tags"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { CustomerTagBadge } from "../customer-tags/customer-tag-badge"

/** How many tags the Overview shows before "View all". */
export const OVERVIEW_TAG_LIMIT = 10

type OverviewTagsProps = {
  customerId: string
  onViewAll: () => void
}

/** The customer's first tags on the Overview, with a link to the Tags tab. */
export const OverviewTags = ({ customerId, onViewAll }: OverviewTagsProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { tags, count, isPending, isError, error } = useCustomerTags(customerId)

  const all = tags ?? []
  const total = Math.max(count ?? 0, all.length)
  const shown = all.slice(0, OVERVIEW_TAG_LIMIT)

  return (
    <div className="divide-y" data-testid="crm-overview-tags">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h3">{t("profile.tags")}</Heading>
        <Button
          size="small"
          variant="transparent"
          onClick={onViewAll}
          data-testid="crm-overview-tags-view-all"
        >
          {t("profile.viewAllTags")}
          <ArrowRightMini />
        </Button>
      </div>
      <div className="px-6 py-4">
        {isPending ? (
          <div className="flex gap-x-2">
            <Skeleton className="h-5 w-16" />
            <Skeleton className="h-5 w-20" />
            <Skeleton className="h-5 w-12" />
          </div>
        ) : isError ? (
          <Text
            size="small"
            className="text-ui-fg-error"
            data-testid="crm-overview-tags-error"
          >
            {t("customerTags.loadError", { message: errorText(error) })}
          </Text>
        ) : !shown.length ? (
          <Text
            size="small"
            className="text-ui-fg-muted"
            data-testid="crm-overview-tags-empty"
          >
            {t("customerTags.emptyTitle")}
          </Text>
        ) : (
          <div className="flex flex-wrap items-center gap-1.5">
            {shown.map((tag) => (
              <CustomerTagBadge
                key={tag.id}
                tag={tag}
                size="xsmall"
                data-testid="crm-overview-tag"
              />
            ))}
            {total > shown.length && (
              <button
                type="button"
                className="txt-compact-xsmall text-ui-fg-muted hover:text-ui-fg-subtle outline-none focus-visible:underline"
                onClick={onViewAll}
                data-testid="crm-overview-tags-more"
              >
                {t("customerTags.moreCount", { count: total - shown.length })}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
