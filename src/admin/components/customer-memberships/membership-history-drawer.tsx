import { Button, Drawer, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import {
  useCustomerMembership,
  useMembershipPlan,
} from "../../hooks/api/memberships"
import { formatDateTime, formatRelative } from "../../lib/format"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { MembershipEvent, MembershipPlanFields } from "../../lib/types"
import { FormDrawer } from "../common/drawer-form"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"
import type { MembershipDialogProps } from "./membership-dialogs"
import { MembershipSummary } from "./membership-summary"

/** "History": everything that happened to the membership, newest first. */
export const MembershipHistoryDrawer = ({
  customerId,
  membership,
  open,
  onOpenChange,
}: MembershipDialogProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { history, isPending, isError, error } = useCustomerMembership(
    customerId,
    membership.id,
    { enabled: open }
  )

  const renderEvents = () => {
    if (isPending) {
      return (
        <div className="flex flex-col gap-y-3">
          <Skeletons count={4} className="h-10 w-full" />
        </div>
      )
    }
    if (isError) {
      return (
        <SectionError data-testid="crm-membership-history-error">
          {t("memberships.history.loadError", {
            message: errorText(error),
          })}
        </SectionError>
      )
    }
    if (!history?.length) {
      return (
        <EmptyState
          title={t("memberships.history.emptyTitle")}
          description={t("memberships.history.emptyDescription")}
          data-testid="crm-membership-history-empty"
        />
      )
    }
    return (
      <ol className="flex flex-col" data-testid="crm-membership-history">
        {history.map((event, index) => (
          <HistoryEvent
            key={event.id}
            event={event}
            plan={membership.plan}
            isLast={index === history.length - 1}
          />
        ))}
      </ol>
    )
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("memberships.history.title")}
      description={t("memberships.history.description", {
        number: membership.number,
      })}
      hideDescription
      data-testid="crm-membership-history-drawer"
    >
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <MembershipSummary membership={membership} />
        {renderEvents()}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button
            size="small"
            variant="secondary"
            data-testid="crm-membership-history-close"
          >
            {t("memberships.actions.close")}
          </Button>
        </Drawer.Close>
      </Drawer.Footer>
    </FormDrawer>
  )
}

type HistoryEventProps = {
  event: MembershipEvent
  /** The membership's plan, named without a request when an event names it. */
  plan: MembershipPlanFields
  isLast: boolean
}

/** One event on the history's time line: what, by whom, when, and its details. */
const HistoryEvent = ({ event, plan, isLast }: HistoryEventProps) => {
  const { t, locale, has } = useTranslate()
  const typeKey = `memberships.events.${event.type}`

  return (
    <li
      className="grid grid-cols-[20px_1fr] gap-x-2"
      data-testid="crm-membership-history-event"
      data-type={event.type}
    >
      <div className="flex flex-col items-center">
        <div className="flex size-5 items-center justify-center">
          <div className="bg-ui-bg-base shadow-borders-base flex size-2.5 items-center justify-center rounded-full">
            <div className="bg-ui-tag-neutral-icon size-1.5 rounded-full" />
          </div>
        </div>
        {!isLast && <div className="bg-ui-border-base w-px flex-1" />}
      </div>
      <div className="flex min-w-0 flex-col gap-y-0.5 pb-5">
        <div className="flex items-center justify-between gap-x-2">
          <Text size="small" leading="compact" weight="plus">
            {has(typeKey) ? t(typeKey) : event.type}
          </Text>
          <Tooltip content={formatDateTime(event.created_at, locale)}>
            <Text
              size="small"
              leading="compact"
              className="text-ui-fg-subtle shrink-0"
            >
              <time dateTime={event.created_at}>
                {formatRelative(event.created_at, locale)}
              </time>
            </Text>
          </Tooltip>
        </div>
        <EventActor event={event} />
        <EventDetails data={event.data} plan={plan} />
      </div>
    </li>
  )
}

const linkClassName =
  "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

const EventActor = ({ event }: { event: MembershipEvent }) => {
  const { t } = useTranslate()
  const label = t(`memberships.actors.${event.actor_type}`)

  return (
    <Text size="small" leading="compact" className="text-ui-fg-muted">
      {event.actor_type === "customer" && event.actor_id ? (
        <Link to={`/customers/${event.actor_id}`} className={linkClassName}>
          {label}
        </Link>
      ) : (
        label
      )}
    </Text>
  )
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** "previous_expires_at" → "Previous expires at", for keys without a string of their own. */
const humanize = (key: string) => {
  const text = key.replace(/_/g, " ").trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A plan named by its id in an event: its name (the id while it loads, or when it was deleted). */
const PlanName = ({ id, known }: { id: string; known: MembershipPlanFields }) => {
  const isKnown = known.id === id
  const { plan } = useMembershipPlan(id, { enabled: !isKnown, retry: false })
  const name = isKnown ? known.name : plan?.name

  return (
    <span data-testid="crm-membership-history-plan" data-plan-id={id}>
      {name ?? id}
    </span>
  )
}

/** An event's data as label/value rows: dates in the admin's language, plans by name, customers and orders linked. */
const EventDetails = ({
  data,
  plan,
}: {
  data: MembershipEvent["data"]
  plan: MembershipPlanFields
}) => {
  const { t, locale, has } = useTranslate()
  const entries = Object.entries(data ?? {}).filter(
    ([, value]) => value !== null && value !== undefined && value !== ""
  )
  if (!entries.length) {
    return null
  }

  const renderValue = (value: unknown) => {
    if (typeof value === "boolean") {
      return value ? t("memberships.yes") : t("memberships.no")
    }
    if (typeof value !== "string") {
      return typeof value === "object" ? JSON.stringify(value) : String(value)
    }
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
      return formatDateTime(value, locale)
    }
    if (value.startsWith("mplan_")) {
      return <PlanName id={value} known={plan} />
    }
    if (value.startsWith("cus_")) {
      return (
        <Link to={`/customers/${value}`} className={linkClassName}>
          {value}
        </Link>
      )
    }
    if (value.startsWith("order_")) {
      return (
        <Link to={`/orders/${value}`} className={linkClassName}>
          {value}
        </Link>
      )
    }
    const valueKey = `memberships.eventValues.${value}`
    return has(valueKey) ? t(valueKey) : value
  }

  return (
    <dl
      className="txt-compact-small text-ui-fg-subtle mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5"
      data-testid="crm-membership-history-details"
    >
      {entries.map(([key, value]) => {
        const labelKey = `memberships.eventData.${key}`
        return (
          <div key={key} className="contents">
            <dt className="text-ui-fg-muted">
              {has(labelKey) ? t(labelKey) : humanize(key)}
            </dt>
            <dd className="min-w-0 break-words">{renderValue(value)}</dd>
          </div>
        )
      })}
    </dl>
  )
}
