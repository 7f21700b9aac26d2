import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type { TagDefinition, TagUsage } from "../../lib/types"
import { SectionRow } from "../common/section-row"

type TagDefinitionUsageSectionProps = {
  tag: TagDefinition & { usage?: TagUsage }
}

/**
 * How much the tag is used: the customers carrying it, and the orders of those customers that used
 * a promotion of the benefit group, in total and per sales channel.
 */
export const TagDefinitionUsageSection = ({
  tag,
}: TagDefinitionUsageSectionProps) => {
  const { t, locale } = useTranslate()
  const usage = tag.usage
  const customerCount = usage?.customer_count ?? tag.customer_count
  const orderCount = usage?.benefit_order_count ?? tag.benefit_order_count
  const channels = [...(usage?.by_sales_channel ?? [])].sort(
    (a, b) => b.order_count - a.order_count
  )
  const number = new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-US")

  const channelName = (channel: TagUsage["by_sales_channel"][number]) => {
    if (channel.name) {
      return channel.name
    }
    return channel.sales_channel_id
      ? t("tagsPage.usage.unknownChannel")
      : t("tagsPage.usage.noChannel")
  }

  return (
    <Container className="divide-y p-0" data-testid="crm-tag-usage">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("tagsPage.usage.title")}</Heading>
      </div>
      <SectionRow
        title={t("tagsPage.usage.customers")}
        value={number.format(customerCount)}
        data-testid="crm-tag-usage-customers"
      />
      <SectionRow
        title={t("tagsPage.usage.benefitOrders")}
        value={number.format(orderCount)}
        data-testid="crm-tag-usage-orders"
      />
      <div className="px-6 py-4">
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="crm-tag-usage-hint"
        >
          {tag.customer_group
            ? t("tagsPage.usage.hint", { group: tag.customer_group.name })
            : t("tagsPage.usage.hintNoGroup")}
        </Text>
      </div>
      {channels.length > 0 ? (
        <div className="overflow-x-auto">
          <Table data-testid="crm-tag-usage-channels">
            <Table.Header className="border-t-0">
              <Table.Row>
                <Table.HeaderCell>
                  {t("tagsPage.usage.salesChannel")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("tagsPage.usage.orders")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body className="border-b-0">
              {channels.map((channel) => (
                <Table.Row
                  key={channel.sales_channel_id ?? "none"}
                  className="last-of-type:border-b-0"
                  data-testid="crm-tag-usage-channel"
                  data-sales-channel-id={channel.sales_channel_id ?? ""}
                >
                  <Table.Cell data-testid="crm-tag-usage-channel-name">
                    {channelName(channel)}
                  </Table.Cell>
                  <Table.Cell
                    className="text-right"
                    data-testid="crm-tag-usage-channel-count"
                  >
                    {number.format(channel.order_count)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <div className="px-6 py-4" data-testid="crm-tag-usage-channels-empty">
          <Text size="small" className="text-ui-fg-subtle">
            {tag.customer_group
              ? t("tagsPage.usage.noOrders")
              : t("tagsPage.usage.noGroup")}
          </Text>
        </div>
      )}
    </Container>
  )
}
