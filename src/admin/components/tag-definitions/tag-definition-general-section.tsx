import { Users } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { TagDefinition } from "../../lib/types"
import { colorLabel, valueModeSummary } from "./format"
import { SectionRow } from "../common/section-row"
import { TagDefinitionActions } from "./tag-definition-actions"
import { TagKeyBadge } from "./tag-key-badge"

type TagDefinitionGeneralSectionProps = {
  tag: TagDefinition
  onEdit: () => void
  onDelete: () => void
  onAddCustomers: () => void
  isDeleting?: boolean
}

/** The definition itself: every field, its benefit group, and its actions. */
export const TagDefinitionGeneralSection = ({
  tag,
  onEdit,
  onDelete,
  onAddCustomers,
  isDeleting,
}: TagDefinitionGeneralSectionProps) => {
  const { t, locale } = useTranslate()

  return (
    <Container className="divide-y p-0" data-testid="crm-tag-general">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <div className="flex min-w-0 items-center gap-x-2">
            <Heading className="truncate" data-testid="crm-tag-detail-label">
              {tag.label}
            </Heading>
            <TagKeyBadge
              tagKey={tag.key}
              color={tag.color}
              size="xsmall"
              data-testid="crm-tag-detail-key"
            />
          </div>
          {tag.description && (
            <Text
              size="small"
              className="text-ui-fg-subtle whitespace-pre-line break-words"
              data-testid="crm-tag-detail-description"
            >
              {tag.description}
            </Text>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <Button
            size="small"
            variant="secondary"
            onClick={onAddCustomers}
            data-testid="crm-tag-add-customers"
          >
            <Users />
            {t("tagsPage.detail.addToCustomers")}
          </Button>
          <TagDefinitionActions
            testIdPrefix="crm-tag-detail"
            onEdit={onEdit}
            onDelete={onDelete}
            disabled={isDeleting}
          />
        </div>
      </div>
      <SectionRow
        title={t("tagsPage.fields.key")}
        value={<code className="txt-compact-small font-mono">{tag.key}</code>}
        data-testid="crm-tag-field-key"
      />
      <SectionRow
        title={t("tagsPage.fields.label")}
        value={tag.label}
        data-testid="crm-tag-field-label"
      />
      <SectionRow
        title={t("tagsPage.fields.description")}
        value={tag.description}
        data-testid="crm-tag-field-description"
      />
      <SectionRow
        title={t("tagsPage.fields.color")}
        value={
          <Badge size="2xsmall" color={tag.color}>
            {colorLabel(tag.color, t)}
          </Badge>
        }
        data-testid="crm-tag-field-color"
      />
      <SectionRow
        title={t("tagsPage.fields.valueMode")}
        value={valueModeSummary(tag, t)}
        data-testid="crm-tag-field-value-mode"
      />
      {tag.value_mode === "list" && (
        <SectionRow
          title={t("tagsPage.form.allowedValues")}
          value={
            tag.allowed_values?.length
              ? tag.allowed_values.map((value) => (
                  <Badge
                    key={value}
                    size="2xsmall"
                    data-testid="crm-tag-field-allowed-value"
                    data-value={value}
                  >
                    {value}
                  </Badge>
                ))
              : null
          }
          data-testid="crm-tag-field-allowed-values"
        />
      )}
      <SectionRow
        title={t("tagsPage.fields.benefitGroup")}
        value={
          tag.customer_group ? (
            <Link
              to={`/customer-groups/${tag.customer_group.id}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
              data-group-id={tag.customer_group.id}
            >
              {tag.customer_group.name}
            </Link>
          ) : (
            t("tagsPage.detail.noBenefitGroup")
          )
        }
        data-testid="crm-tag-field-benefit-group"
      />
      <SectionRow
        title={t("tagsPage.fields.createdAt")}
        value={formatDateTime(tag.created_at, locale)}
      />
      <SectionRow
        title={t("tagsPage.fields.updatedAt")}
        value={formatDateTime(tag.updated_at, locale)}
      />
    </Container>
  )
}
