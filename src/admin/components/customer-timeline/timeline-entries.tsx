import { ShoppingCart, Sparkles, XCircle } from "@medusajs/icons"
import { Badge, clx, Text, Tooltip } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { formatAmount, formatDateTime, formatRelative } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { useNoteText } from "../../lib/system-notes"
import { CollapsibleText } from "../common/collapsible-text"
import type {
  CustomerNote,
  TimelineEntry,
  TimelineOrder,
} from "../../lib/types"

type EntryTimeProps = {
  value: string
}

/** "3 hours ago", with the exact date and time on hover. */
const EntryTime = ({ value }: EntryTimeProps) => {
  const { locale } = useTranslate()

  return (
    <Tooltip content={formatDateTime(value, locale)}>
      <Text
        size="small"
        leading="compact"
        className="text-ui-fg-muted shrink-0"
      >
        <time dateTime={value}>{formatRelative(value, locale)}</time>
      </Text>
    </Tooltip>
  )
}

type EntryIconProps = {
  children: ReactNode
  tone?: "neutral" | "error"
}

const EntryIcon = ({ children, tone = "neutral" }: EntryIconProps) => (
  <div
    className={clx(
      "shadow-borders-base bg-ui-bg-base flex size-6 shrink-0 items-center justify-center rounded-md [&_svg]:size-4",
      tone === "error" ? "text-ui-fg-error" : "text-ui-fg-muted"
    )}
  >
    {children}
  </div>
)

type SystemNoteEntryProps = {
  note: CustomerNote
  entry?: TimelineEntry
}

/** A note the plugin wrote ("Tag staff added"): quieter than a manual note, and read-only. */
export const SystemNoteEntry = ({ note, entry }: SystemNoteEntryProps) => {
  const { t } = useTranslate()
  const noteText = useNoteText()
  const actor =
    entry?.actor?.type === "user" ? entry.actor.name || entry.actor.email : null

  return (
    <li
      className="flex items-start gap-x-3 px-6 py-3"
      data-testid="crm-timeline-system-note"
      data-note-id={note.id}
      data-kind={note.kind}
    >
      <EntryIcon>
        <Sparkles />
      </EntryIcon>
      <div className="flex min-w-0 flex-1 flex-col gap-y-0.5">
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
            <Badge
              size="2xsmall"
              color="grey"
              data-testid="crm-timeline-system-badge"
            >
              {t("notes.system")}
            </Badge>
            {actor && (
              <Text
                size="xsmall"
                leading="compact"
                className="text-ui-fg-muted truncate"
              >
                {t("timeline.byActor", { name: actor })}
              </Text>
            )}
          </div>
          <EntryTime value={note.created_at} />
        </div>
        <CollapsibleText
          text={noteText(note)}
          data-testid="crm-timeline-system-note-body"
        />
      </div>
    </li>
  )
}

type OrderEntryProps = {
  entry: TimelineEntry
  order: TimelineOrder
}

/** "Order #1234 placed" / "Order #1234 canceled", with its total and store, linking to the order. */
export const OrderEntry = ({ entry, order }: OrderEntryProps) => {
  const { t, locale } = useTranslate()
  const canceled = entry.type === "order_canceled"
  const to = entry.link ?? `/orders/${order.id}`
  const title = canceled
    ? t("timeline.orderCanceled", { number: order.display_id })
    : t("timeline.orderPlaced", { number: order.display_id })

  return (
    <li
      className="flex items-start gap-x-3 px-6 py-3"
      data-testid="crm-timeline-order"
      data-entry-type={entry.type}
      data-order-id={order.id}
    >
      <EntryIcon tone={canceled ? "error" : "neutral"}>
        {canceled ? <XCircle /> : <ShoppingCart />}
      </EntryIcon>
      <div className="flex min-w-0 flex-1 flex-col gap-y-0.5">
        <div className="flex items-start justify-between gap-x-4">
          <Link
            to={to}
            className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive focus-visible:shadow-borders-focus truncate rounded-sm outline-none transition-fg"
            data-testid="crm-timeline-order-link"
          >
            {title}
          </Link>
          <EntryTime value={entry.occurred_at} />
        </div>
        <div className="text-ui-fg-subtle txt-compact-small flex flex-wrap items-center gap-x-2 gap-y-1">
          <span
            className={clx({ "line-through": canceled })}
            data-testid="crm-timeline-order-amount"
          >
            {formatAmount(order.total, order.currency_code, locale)}
          </span>
          {order.sales_channel?.name && (
            <>
              <span className="text-ui-fg-muted" aria-hidden>
                ·
              </span>
              <span data-testid="crm-timeline-order-channel">
                {order.sales_channel.name}
              </span>
            </>
          )}
        </div>
      </div>
    </li>
  )
}
