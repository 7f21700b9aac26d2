import { Alert, clx, Heading, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatNumber } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { MergePreview as MergePreviewData } from "../../lib/types"
import { SectionError, Skeletons } from "../common/load-states"
import { MergeComparison } from "./merge-comparison"
import { customerLabel, mergeCountLines } from "./merge-format"

type MergePreviewProps = {
  preview: MergePreviewData | undefined
  isPending: boolean
  /** Another survivor's preview is loading: the one shown is dimmed. */
  isStale?: boolean
  /** The preview failed: its message. */
  error?: string | null
}

/**
 * What a merge (or a link) will do: what moves to the record kept, the e-mail that becomes an
 * alternate one, what stays on the record merged away, what blocks it and how long it can be undone.
 */
export const MergePreview = ({
  preview,
  isPending,
  isStale,
  error,
}: MergePreviewProps) => {
  const { t } = useTranslate()

  if (error) {
    return (
      <SectionError data-testid="crm-merge-preview-error">
        {t("identity.merge.loadError", { message: error })}
      </SectionError>
    )
  }
  if (isPending || !preview) {
    return (
      <div
        className="flex flex-col gap-y-3"
        data-testid="crm-merge-preview-loading"
      >
        <Skeleton className="h-6 w-40" />
        <Skeletons count={3} className="h-5 w-full" />
      </div>
    )
  }

  return (
    <div
      className={clx("flex flex-col gap-y-6 transition-opacity", {
        "opacity-60": isStale,
      })}
      aria-busy={isStale}
      data-testid="crm-merge-preview"
    >
      {!!preview.blockers.length && <MergeBlockers preview={preview} />}
      <MergeComparison survivor={preview.survivor} source={preview.source} />
      <MergeMoves preview={preview} />
      {preview.primary_email_to_alternate && (
        <Text
          size="small"
          className="text-ui-fg-subtle"
          data-testid="crm-merge-alternate-email"
          data-email={preview.primary_email_to_alternate}
        >
          {t("identity.preview.alternate", {
            email: preview.primary_email_to_alternate,
          })}
        </Text>
      )}
      <MergeStays preview={preview} />
      <Text
        size="small"
        className="text-ui-fg-subtle"
        data-testid="crm-merge-undo-days"
        data-days={preview.undo_days}
      >
        {preview.undo_days === 1
          ? t("identity.preview.undoOne")
          : t("identity.preview.undoMany", { count: preview.undo_days })}
      </Text>
    </div>
  )
}

type PreviewPartProps = {
  preview: MergePreviewData
}

type Blocker = MergePreviewData["blockers"][number]

/** Why the merge is refused, in the reader's language; the API's English message for a code without a text. */
const MergeBlockers = ({ preview }: PreviewPartProps) => {
  const { t, has } = useTranslate()
  const describe = (blocker: Blocker) => {
    const key = `identity.preview.blockerTexts.${blocker.code}`
    if (!has(key)) {
      return blocker.message
    }
    const values = { ...blocker.values }
    const changeType = `identity.preview.blockerTexts.changeTypes.${values.change_type}`
    if (values.change_type !== undefined && has(changeType)) {
      values.change_type = t(changeType)
    }
    return t(key, values)
  }

  return (
    <Alert variant="error" data-testid="crm-merge-blockers">
      <div className="flex flex-col gap-y-1">
        <Text size="small" leading="compact" weight="plus">
          {t("identity.preview.blockers")}
        </Text>
        <ul className="list-disc pl-4">
          {/* One code can come more than once, e.g. one per order. */}
          {preview.blockers.map((blocker, index) => (
            <li
              key={index}
              data-testid="crm-merge-blocker"
              data-code={blocker.code}
            >
              <Text size="small">{describe(blocker)}</Text>
            </li>
          ))}
        </ul>
      </div>
    </Alert>
  )
}

type PreviewListProps = {
  title: string
  hint: string
  children: ReactNode
  "data-testid": string
}

/** A titled list of the preview: what moves, what stays. */
const PreviewList = ({
  title,
  hint,
  children,
  "data-testid": testId,
}: PreviewListProps) => (
  <div className="flex flex-col gap-y-2" data-testid={testId}>
    <div className="flex flex-col">
      <Heading level="h3">{title}</Heading>
      <Text size="small" className="text-ui-fg-muted">
        {hint}
      </Text>
    </div>
    <ul className="shadow-elevation-card-rest bg-ui-bg-component divide-y rounded-lg">
      {children}
    </ul>
  </div>
)

type PreviewLineProps = {
  children: ReactNode
  "data-testid": string
  "data-count"?: number
}

/** One line of a preview list. */
const PreviewLine = ({ children, ...props }: PreviewLineProps) => (
  <li className="px-4 py-2.5" {...props}>
    <Text size="small" leading="compact">
      {children}
    </Text>
  </li>
)

/** What moves to the record kept: one line per kind of data, "Nothing to move" when none. */
const MergeMoves = ({ preview }: PreviewPartProps) => {
  const { t, locale } = useTranslate()
  const lines = mergeCountLines(preview.moves, t, locale)

  return (
    <PreviewList
      title={t("identity.preview.moves")}
      hint={t("identity.preview.movesHint", {
        source: customerLabel(preview.source),
        survivor: customerLabel(preview.survivor),
      })}
      data-testid="crm-merge-moves"
    >
      {lines.map(({ key, text }) => (
        <PreviewLine
          key={key}
          data-testid={`crm-merge-move-${key}`}
          data-count={preview.moves[key]}
        >
          {text}
        </PreviewLine>
      ))}
      {!lines.length && (
        <PreviewLine data-testid="crm-merge-move-nothing">
          <span className="text-ui-fg-muted">
            {t("identity.preview.nothing")}
          </span>
        </PreviewLine>
      )}
    </PreviewList>
  )
}

/** What the record kept already has, so it stays on the record merged away; nothing when none. */
const MergeStays = ({ preview }: PreviewPartProps) => {
  const { t, locale } = useTranslate()
  const { tags, profile, description, shares, addresses } = preview.stays

  if (!tags.length && !profile && !description && !shares && !addresses) {
    return null
  }

  return (
    <PreviewList
      title={t("identity.preview.stays")}
      hint={t("identity.preview.staysHint")}
      data-testid="crm-merge-stays"
    >
      {!!tags.length && (
        <PreviewLine data-testid="crm-merge-stays-tags">
          {t("identity.preview.staysTags", { tags: tags.join(", ") })}
        </PreviewLine>
      )}
      {profile && (
        <PreviewLine data-testid="crm-merge-stays-profile">
          {t("identity.preview.staysProfile")}
        </PreviewLine>
      )}
      {description && (
        <PreviewLine data-testid="crm-merge-stays-description">
          {t("identity.preview.staysDescription")}
        </PreviewLine>
      )}
      {!!addresses && (
        <PreviewLine
          data-testid="crm-merge-stays-addresses"
          data-count={addresses}
        >
          {addresses === 1
            ? t("identity.preview.staysAddressesOne")
            : t("identity.preview.staysAddressesMany", {
                count: formatNumber(addresses, locale),
              })}
        </PreviewLine>
      )}
      {!!shares && (
        <PreviewLine data-testid="crm-merge-stays-shares">
          {t("identity.preview.staysShares")}
        </PreviewLine>
      )}
    </PreviewList>
  )
}
