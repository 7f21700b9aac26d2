import { Button, Hint, Label, Text } from "@medusajs/ui"
import { type ChangeEvent, useRef, useState } from "react"
import { useUploadCampaignImage } from "../../hooks/api/campaigns"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"]
const IMAGE_MAX_BYTES = 5 * 1024 * 1024

type ImageFieldProps = {
  value: string | null
  onChange: (url: string | null) => void
  disabled?: boolean
}

/**
 * The campaign's image: uploaded to the store's file storage as soon as it is chosen (Medusa's
 * upload route), the form keeps its url.
 */
export const ImageField = ({ value, onChange, disabled }: ImageFieldProps) => {
  const { t } = useTranslate()
  const inputRef = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const { mutateAsync: upload, isPending } = useUploadCampaignImage()

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Let the same file be picked again after an error.
    event.target.value = ""
    if (!file) {
      return
    }
    setError(null)
    if (!IMAGE_TYPES.includes(file.type)) {
      setError(t("messagesPage.image.wrongType"))
      return
    }
    if (file.size > IMAGE_MAX_BYTES) {
      setError(t("messagesPage.image.tooLarge"))
      return
    }
    await mutateWithToast(upload, file, {
      success: () => t("messagesPage.image.uploaded"),
      onSuccess: onChange,
      onError: setError,
    })
  }

  return (
    <div className="flex flex-col gap-y-2" data-testid="campaign-form-image-field">
      <div className="flex items-center gap-x-1">
        <Label size="small" weight="plus" htmlFor="campaign-form-image">
          {t("messagesPage.fields.image")}
        </Label>
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          ({t("form.optional")})
        </Text>
      </div>
      {value && (
        <img
          src={value}
          alt=""
          className="bg-ui-bg-subtle max-h-40 w-fit max-w-full rounded-lg object-contain"
          data-testid="campaign-form-image-preview"
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={inputRef}
          id="campaign-form-image"
          type="file"
          accept={IMAGE_TYPES.join(",")}
          className="sr-only"
          onChange={handleFile}
          disabled={disabled || isPending}
          data-testid="campaign-form-image"
        />
        <Button
          type="button"
          size="small"
          variant="secondary"
          isLoading={isPending}
          disabled={disabled || isPending}
          onClick={() => inputRef.current?.click()}
          data-testid="campaign-form-image-upload"
        >
          {value ? t("messagesPage.image.replace") : t("messagesPage.image.upload")}
        </Button>
        {value && (
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={disabled || isPending}
            onClick={() => onChange(null)}
            data-testid="campaign-form-image-remove"
          >
            {t("messagesPage.image.remove")}
          </Button>
        )}
      </div>
      {error ? (
        <Hint variant="error" data-testid="campaign-form-image-error">
          {error}
        </Hint>
      ) : (
        <Hint>{t("messagesPage.image.hint")}</Hint>
      )}
    </div>
  )
}
