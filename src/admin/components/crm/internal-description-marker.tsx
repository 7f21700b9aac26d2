import { InformationCircleSolid } from "@medusajs/icons"
import { Tooltip } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"

type InternalDescriptionMarkerProps = {
  body: string
}

/**
 * The green "i" shown when a customer has an internal description (their pinned note);
 * hovering or focusing it shows the note.
 */
export const InternalDescriptionMarker = ({
  body,
}: InternalDescriptionMarkerProps) => {
  const { t } = useTranslate()

  return (
    <Tooltip
      content={
        <span
          className="block max-h-64 overflow-y-auto whitespace-pre-wrap break-words"
          data-testid="crm-internal-description-tooltip"
        >
          {body}
        </span>
      }
      maxWidth={320}
      side="left"
    >
      <button
        type="button"
        className="text-ui-tag-green-icon hover:text-ui-tag-green-text focus-visible:shadow-borders-focus flex size-6 items-center justify-center rounded-full outline-none transition-fg"
        aria-label={t("side.markerLabel", { body })}
        data-testid="crm-internal-description-marker"
      >
        <InformationCircleSolid />
      </button>
    </Tooltip>
  )
}
