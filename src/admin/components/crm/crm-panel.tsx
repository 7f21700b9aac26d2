import { Container, Heading, Tabs } from "@medusajs/ui"
import { useState } from "react"
import { useTranslate } from "../../lib/i18n"
import { IdentityTab } from "../customer-identity/identity-tab"
import { StartBasket } from "../customer-insights/start-basket"
import { LoyaltyTab } from "../customer-loyalty/loyalty-tab"
import { MembershipsTab } from "../customer-memberships/memberships-tab"
import { MessagesTab } from "../customer-messages/messages-tab"
import { OffersTab } from "../customer-messages/offers-tab"
import { OverviewTab } from "../customer-overview/overview-tab"
import { AnonymizedBadge } from "../customer-privacy/anonymized-badge"
import { PrivacyTab } from "../customer-privacy/privacy-tab"
import { TagsTab } from "../customer-tags/tags-tab"
import { TimelineTab } from "../customer-timeline/timeline-tab"

const TAB_STORAGE_KEY = "medusa-crm:panel-tab"

// "notes" is the Timeline tab: the value (and its test id) predates the rename.
const TABS = [
  "overview",
  "notes",
  "tags",
  "memberships",
  "loyalty",
  "messages",
  "offers",
  "privacy",
  "identity",
] as const

type CrmTab = (typeof TABS)[number]

const isCrmTab = (value: unknown): value is CrmTab =>
  typeof value === "string" && (TABS as readonly string[]).includes(value)

// The last tab used is remembered in this browser; Overview the first time.
const initialTab = (): CrmTab => {
  try {
    const stored = window.localStorage.getItem(TAB_STORAGE_KEY)
    return isCrmTab(stored) ? stored : "overview"
  } catch {
    return "overview"
  }
}

type CrmPanelProps = {
  customerId: string
}

/** The CRM panel on the customer page: one tab per CRM area. */
export const CrmPanel = ({ customerId }: CrmPanelProps) => {
  const { t } = useTranslate()
  const [tab, setTab] = useState<CrmTab>(initialTab)

  const handleTabChange = (value: string) => {
    if (!isCrmTab(value)) {
      return
    }
    setTab(value)
    try {
      window.localStorage.setItem(TAB_STORAGE_KEY, value)
    } catch {
      // not remembered; nothing else depends on it
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="crm-panel">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">{t("crm.title")}</Heading>
          <AnonymizedBadge
            customerId={customerId}
            data-testid="crm-panel-anonymized"
          />
        </div>
        <StartBasket customerId={customerId} />
      </div>
      <Tabs value={tab} onValueChange={handleTabChange}>
        <div className="overflow-x-auto border-b px-6 py-3">
          <Tabs.List>
            {TABS.map((value) => (
              <Tabs.Trigger
                key={value}
                value={value}
                data-testid={`crm-tab-${value}`}
              >
                {t(`crm.tabs.${value}`)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
        <Tabs.Content value="overview">
          <OverviewTab
            customerId={customerId}
            onViewAllTags={() => handleTabChange("tags")}
          />
        </Tabs.Content>
        <Tabs.Content value="notes">
          <TimelineTab customerId={customerId} />
        </Tabs.Content>
        <Tabs.Content value="tags">
          <TagsTab customerId={customerId} />
        </Tabs.Content>
        <Tabs.Content value="memberships">
          <MembershipsTab customerId={customerId} />
        </Tabs.Content>
        <Tabs.Content value="loyalty">
          <LoyaltyTab customerId={customerId} />
        </Tabs.Content>
        <Tabs.Content value="messages">
          <MessagesTab customerId={customerId} />
        </Tabs.Content>
        <Tabs.Content value="offers">
          <OffersTab customerId={customerId} />
        </Tabs.Content>
        <Tabs.Content value="privacy">
          <PrivacyTab customerId={customerId} />
        </Tabs.Content>
        <Tabs.Content value="identity">
          <IdentityTab customerId={customerId} />
        </Tabs.Content>
      </Tabs>
    </Container>
  )
}
