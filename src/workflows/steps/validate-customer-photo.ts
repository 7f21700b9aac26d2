import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES, PHOTO_TYPES, type PhotoMimeType } from "../../lib/profile"
import { crmError } from "../../lib/errors"
import { ProfileErrorCodes } from "../../types/http/profile"

export type ValidateCustomerPhotoStepInput = {
  mime_type: string
  /** base64 */
  content: string
}

export type ValidatedCustomerPhoto = {
  /** The type read from the bytes. */
  mime_type: PhotoMimeType
  /** The name the file is stored under: a new random id and the extension of that type. */
  filename: string
}

export const validateCustomerPhotoStepId = "validate-customer-photo"

/**
 * 400 unless the photo is a JPEG, PNG or WebP of at most 2 MB whose bytes (not the name or the type
 * the client sent) are of that type: an SVG or HTML file sent as image/png is refused. Returns the
 * type read from the bytes and a generated file name; the uploaded name is never stored, so it can
 * neither pick the extension a file is served with nor reach outside the upload folder.
 */
export const validateCustomerPhotoStep = createStep(
  validateCustomerPhotoStepId,
  async ({ mime_type, content }: ValidateCustomerPhotoStepInput) => {
    if (!(PHOTO_MIME_TYPES as readonly string[]).includes(mime_type)) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, ProfileErrorCodes.PHOTO_TYPE_INVALID,
        `The photo must be one of ${PHOTO_MIME_TYPES.join(", ")}`
      )
    }
    const bytes = Buffer.from(content, "base64")
    if (!bytes.length) {
      throw crmError(MedusaError.Types.INVALID_DATA, ProfileErrorCodes.PHOTO_EMPTY, "The photo is empty")
    }
    if (bytes.length > PHOTO_MAX_BYTES) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, ProfileErrorCodes.PHOTO_TOO_LARGE,
        `The photo is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the largest accepted is ${PHOTO_MAX_BYTES / 1024 / 1024} MB`
      )
    }
    const sniffed = detectImageType(bytes)
    if (sniffed !== mime_type) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, ProfileErrorCodes.PHOTO_TYPE_INVALID,
        `The file is not a ${mime_type} image`
      )
    }
    const photo: ValidatedCustomerPhoto = {
      mime_type: sniffed,
      filename: `${generateEntityId(undefined, "cphoto")}.${PHOTO_TYPES[sniffed]}`,
    }
    return new StepResponse(photo)
  }
)

/** The image type from the file's first bytes (its magic number), not from what the client says. */
function detectImageType(bytes: Buffer): PhotoMimeType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "image/jpeg"
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "image/png"
  }
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString("ascii") === "RIFF" &&
    bytes.subarray(8, 12).toString("ascii") === "WEBP"
  ) {
    return "image/webp"
  }
  return null
}
