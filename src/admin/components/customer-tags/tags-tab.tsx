import { Plus, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Heading,
  IconButton,
  Table,
  Text,
  Tooltip,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import {
  useCustomerTags,
  useRemoveCustomerTag,
} from "../../hooks/api/customer-tags"
import { formatDate, formatDateTime, formatRelative } from "../../lib/format"
import { type TranslationKey, useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerTag } from "../../lib/types"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"
import { AddTagDrawer } from "./add-tag-drawer"
import { CustomerTagBadge, customerTagText } from "./customer-tag-badge"

const SOURCE_LABELS: Record<string, TranslationKey> = {
  manual: "customerTags.sources.manual",
  admin: "customerTags.sources.manual",
  bulk: "customerTags.sources.bulk",
  import: "customerTags.sources.import",
  api: "customerTags.sources.api",
  system: "customerTags.sources.system",
  segment: "customerTags.sources.segment",
  demo: "customerTags.sources.demo",
}

type TagsTabProps = {
  customerId: string
}

/** The Tags tab: the customer's tags with their value, expiry and origin; add and remove. */
export const TagsTab = ({ customerId }: TagsTabProps) => {
  const { t } = useTranslate()
  const [isAdding, setIsAdding] = useState(false)
  const { tags, isPending, isError, error } = useCustomerTags(customerId)

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-tags-loading"
        >
          <Skeletons count={3} className="h-5 w-full" />
        </div>
      )
    }

    if (isError) {
      return (
        <SectionError data-testid="crm-tags-error">
          {t("customerTags.loadError", { message: error?.message ?? "" })}
        </SectionError>
      )
    }

    if (!tags?.length) {
      return (
        <EmptyState
          title={t("customerTags.emptyTitle")}
          description={t("customerTags.emptyDescription")}
          data-testid="crm-tags-empty"
        />
      )
    }

    return (
      <div className="overflow-x-auto">
        <Table data-testid="crm-tags-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>
                {t("customerTags.columns.tag")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("customerTags.columns.label")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("customerTags.columns.expires")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("customerTags.columns.added")}
              </Table.HeaderCell>
              <Table.HeaderCell className="w-px" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {tags.map((tag) => (
              <TagRow key={tag.id} tag={tag} />
            ))}
          </Table.Body>
        </Table>
      </div>
    )
  }

  return (
    <div className="divide-y" data-testid="crm-tags">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">{t("customerTags.title")}</Heading>
          {!!tags?.length && (
            <Badge size="2xsmall" data-testid="crm-tags-count">
              {tags.length}
            </Badge>
          )}
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setIsAdding(true)}
          data-testid="crm-tags-add"
        >
          <Plus />
          {t("customerTags.add")}
        </Button>
      </div>
      <div>{renderBody()}</div>
      <AddTagDrawer
        customerId={customerId}
        currentTags={tags ?? []}
        open={isAdding}
        onOpenChange={setIsAdding}
      />
    </div>
  )
}

type TagRowProps = {
  tag: CustomerTag
}

const TagRow = ({ tag }: TagRowProps) => {
  const { t, locale } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useRemoveCustomerTag(tag.customer_id)

  const expired = !!tag.expires_at && new Date(tag.expires_at) <= new Date()
  const sourceKey = SOURCE_LABELS[tag.source]

  const handleRemove = async () => {
    const confirmed = await prompt({
      title: t("customerTags.removeTitle"),
      description: t("customerTags.removeDescription", {
        tag: customerTagText(tag),
      }),
      confirmText: t("customerTags.remove"),
      cancelText: t("customerTags.cancel"),
    })
    if (!confirmed) {
      return
    }
    await mutateWithToast(mutateAsync, tag.id, {
      success: () => t("customerTags.removed", { tag: customerTagText(tag) }),
    })
  }

  return (
    <Table.Row
      data-testid="crm-tag-row"
      data-tag-id={tag.id}
      data-tag-key={tag.key}
    >
      <Table.Cell className="max-w-[220px]">
        <CustomerTagBadge tag={tag} size="xsmall" data-testid="crm-tag-badge" />
      </Table.Cell>
      <Table.Cell>
        <span className="text-ui-fg-subtle">
          {tag.definition?.label || "-"}
        </span>
      </Table.Cell>
      <Table.Cell data-testid="crm-tag-expires">
        {tag.expires_at ? (
          <span className="flex items-center gap-x-1.5">
            <span className="text-ui-fg-subtle">
              {formatDate(tag.expires_at, locale)}
            </span>
            {expired && (
              <Badge size="2xsmall" color="orange">
                {t("customerTags.expired")}
              </Badge>
            )}
          </span>
        ) : (
          <span className="text-ui-fg-muted">{t("customerTags.never")}</span>
        )}
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-col py-2">
          <Tooltip content={formatDateTime(tag.created_at, locale)}>
            <span className="text-ui-fg-subtle w-fit">
              <time dateTime={tag.created_at}>
                {formatRelative(tag.created_at, locale)}
              </time>
            </span>
          </Tooltip>
          <Text
            size="xsmall"
            className="text-ui-fg-muted"
            data-testid="crm-tag-source"
          >
            {sourceKey ? t(sourceKey) : tag.source}
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <Tooltip content={t("customerTags.remove")}>
          <IconButton
            size="small"
            variant="transparent"
            aria-label={t("customerTags.removeLabel", {
              tag: customerTagText(tag),
            })}
            disabled={isPending}
            onClick={handleRemove}
            data-testid="crm-tag-remove"
          >
            <Trash />
          </IconButton>
        </Tooltip>
      </Table.Cell>
    </Table.Row>
  )
}
