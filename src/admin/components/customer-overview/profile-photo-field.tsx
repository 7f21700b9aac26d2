import { Avatar, Button, Hint, Label, Text } from "@medusajs/ui"
import { useRef, useState, type ChangeEvent } from "react"
import {
  useDeleteCustomerPhoto,
  useUploadCustomerPhoto,
} from "../../hooks/api/customer-profile"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import {
  type CustomerProfile,
  PHOTO_MAX_BYTES,
  PHOTO_MIME_TYPES,
  type UploadCustomerPhotoPayload,
} from "../../lib/types"

export { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES }

const isPhotoMimeType = (
  type: string
): type is UploadCustomerPhotoPayload["mime_type"] =>
  (PHOTO_MIME_TYPES as readonly string[]).includes(type)

/** The file's content as base64, without the `data:...;base64,` prefix the API does not want. */
const readAsBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const result = String(reader.result ?? "")
      resolve(result.slice(result.indexOf(",") + 1))
    }
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })

type ProfilePhotoFieldProps = {
  customerId: string
  profile: CustomerProfile
  initials: string
}

/**
 * The photo in the profile drawer. It is saved on its own as soon as a file is chosen (the API
 * takes photos on a route of their own), not with the form's Save.
 */
export const ProfilePhotoField = ({
  customerId,
  profile,
  initials,
}: ProfilePhotoFieldProps) => {
  const { t } = useTranslate()
  const inputRef = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)

  const { mutateAsync: upload, isPending: isUploading } =
    useUploadCustomerPhoto(customerId)
  const { mutateAsync: remove, isPending: isRemoving } =
    useDeleteCustomerPhoto(customerId)

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Let the same file be picked again after an error.
    event.target.value = ""
    if (!file) {
      return
    }
    setError(null)
    if (!isPhotoMimeType(file.type)) {
      setError(t("profile.photo.wrongType"))
      return
    }
    if (file.size > PHOTO_MAX_BYTES) {
      setError(t("profile.photo.tooLarge"))
      return
    }
    let content: string
    try {
      content = await readAsBase64(file)
    } catch {
      setError(t("profile.photo.readError"))
      return
    }
    await mutateWithToast(
      upload,
      { filename: file.name, mime_type: file.type, content },
      {
        success: () => t("profile.photo.uploaded"),
        onError: setError,
      }
    )
  }

  const handleRemove = async () => {
    setError(null)
    await mutateWithToast(remove, undefined, {
      success: () => t("profile.photo.removed"),
    })
  }

  const busy = isUploading || isRemoving

  return (
    <div
      className="flex flex-col gap-y-2"
      data-testid="crm-profile-photo-field"
    >
      <Label size="small" weight="plus" htmlFor={`crm-photo-${customerId}`}>
        {t("profile.fields.photo")}
      </Label>
      <div className="flex items-center gap-x-4">
        <Avatar
          size="xlarge"
          src={profile.photo_url ?? undefined}
          fallback={initials}
          data-testid="crm-profile-photo-preview"
        />
        <div className="flex flex-wrap items-center gap-2">
          <input
            ref={inputRef}
            id={`crm-photo-${customerId}`}
            type="file"
            accept={PHOTO_MIME_TYPES.join(",")}
            className="sr-only"
            onChange={handleFile}
            disabled={busy}
            data-testid="crm-profile-photo-input"
          />
          <Button
            type="button"
            size="small"
            variant="secondary"
            isLoading={isUploading}
            disabled={busy}
            onClick={() => inputRef.current?.click()}
            data-testid="crm-profile-photo-upload"
          >
            {profile.photo_url
              ? t("profile.photo.replace")
              : t("profile.photo.upload")}
          </Button>
          {profile.photo_url && (
            <Button
              type="button"
              size="small"
              variant="transparent"
              isLoading={isRemoving}
              disabled={busy}
              onClick={handleRemove}
              data-testid="crm-profile-photo-remove"
            >
              {t("profile.photo.remove")}
            </Button>
          )}
        </div>
      </div>
      {error ? (
        <Hint variant="error" data-testid="crm-profile-photo-error">
          {error}
        </Hint>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("profile.photo.hint")}
        </Text>
      )}
    </div>
  )
}
