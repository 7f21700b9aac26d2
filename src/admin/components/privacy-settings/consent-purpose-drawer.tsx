import { Input, Text, Textarea } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import {
  useConsentPurpose,
  useCreateConsentPurpose,
  useUpdateConsentPurpose,
} from "../../hooks/api/consents"
import { useFormSave } from "../../hooks/use-form-save"
import { formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { ConsentPurpose } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type PurposeValues = {
  handle: string
  name: string
  description: string
  text: string
  rank: string
}

const HANDLE = /^[a-z0-9][a-z0-9_-]*$/

type ConsentPurposeFormProps = {
  /** The purpose to edit; none to create one. */
  purpose?: ConsentPurpose
  onDone: () => void
}

const ConsentPurposeForm = ({ purpose, onDone }: ConsentPurposeFormProps) => {
  const { t } = useTranslate()
  const form = useForm<PurposeValues>({
    defaultValues: {
      handle: purpose?.handle ?? "",
      name: purpose?.name ?? "",
      description: purpose?.description ?? "",
      text: purpose?.text ?? "",
      rank: String(purpose?.rank ?? 0),
    },
  })
  const create = useCreateConsentPurpose()
  const update = useUpdateConsentPurpose(purpose?.id ?? "")
  const createSave = useFormSave(create.mutateAsync)
  const updateSave = useFormSave(update.mutateAsync)
  const { versions } = useConsentPurpose(purpose?.id ?? null)
  const errors = form.formState.errors
  const text = form.watch("text")
  const newVersion = !!purpose && text.trim() !== "" && text.trim() !== purpose.text

  const handleSubmit = form.handleSubmit(async (values) => {
    const common = {
      name: values.name.trim(),
      description: values.description.trim() || null,
      text: values.text.trim(),
      rank: Number(values.rank) || 0,
    }
    if (purpose) {
      await updateSave.save(common, {
        success: () =>
          newVersion
            ? t("privacy.purposes.form.savedVersion", {
                version: purpose.version + 1,
              })
            : t("privacy.purposes.form.saved"),
        onSuccess: onDone,
      })
    } else {
      await createSave.save(
        { ...common, handle: values.handle.trim() },
        { success: () => t("privacy.purposes.form.created"), onSuccess: onDone }
      )
    }
  })

  const required = (value: string) =>
    !!value.trim() || t("privacy.purposes.form.required")

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={purpose ? updateSave.serverError : createSave.serverError}
      cancelLabel={t("privacy.purposes.form.cancel")}
      submitLabel={t("privacy.purposes.form.submit")}
      isPending={create.isPending || update.isPending}
      testIdPrefix="crm-purpose"
    >
      <FormField
        id="crm-purpose-handle"
        label={t("privacy.purposes.form.handle")}
        hint={
          purpose
            ? t("privacy.purposes.form.handleFixed")
            : t("privacy.purposes.form.handleHint")
        }
        error={errors.handle?.message}
      >
        <Input
          id="crm-purpose-handle"
          disabled={!!purpose}
          aria-invalid={!!errors.handle}
          {...form.register("handle", {
            validate: (value) =>
              !!purpose ||
              HANDLE.test(value.trim()) ||
              t("privacy.purposes.form.handleInvalid"),
          })}
          data-testid="crm-purpose-handle"
        />
      </FormField>
      <FormField
        id="crm-purpose-name"
        label={t("privacy.purposes.form.name")}
        error={errors.name?.message}
      >
        <Input
          id="crm-purpose-name"
          autoFocus
          aria-invalid={!!errors.name}
          {...form.register("name", { validate: required })}
          data-testid="crm-purpose-name"
        />
      </FormField>
      <FormField
        id="crm-purpose-description"
        label={t("privacy.purposes.form.descriptionLabel")}
        hint={t("privacy.purposes.form.descriptionHint")}
        optional
      >
        <Input
          id="crm-purpose-description"
          {...form.register("description")}
          data-testid="crm-purpose-description"
        />
      </FormField>
      <FormField
        id="crm-purpose-text"
        label={t("privacy.purposes.form.text")}
        hint={
          newVersion
            ? t("privacy.purposes.form.newVersion", {
                version: (purpose?.version ?? 0) + 1,
              })
            : t("privacy.purposes.form.textHint")
        }
        error={errors.text?.message}
      >
        <Textarea
          id="crm-purpose-text"
          rows={5}
          aria-invalid={!!errors.text}
          {...form.register("text", { validate: required })}
          data-testid="crm-purpose-text"
        />
      </FormField>
      <FormField
        id="crm-purpose-rank"
        label={t("privacy.purposes.form.rank")}
        hint={t("privacy.purposes.form.rankHint")}
      >
        <Input
          id="crm-purpose-rank"
          type="number"
          min={0}
          step={1}
          {...form.register("rank")}
          data-testid="crm-purpose-rank"
        />
      </FormField>
      {purpose && !!versions?.length && (
        <PurposeVersions versions={versions} />
      )}
    </DrawerForm>
  )
}

/** Every version of the text, newest first: what customers agreed to, and when it was written. */
const PurposeVersions = ({
  versions,
}: {
  versions: { version: number; text: string; created_at: string }[]
}) => {
  const { t, locale } = useTranslate()
  return (
    <div className="flex flex-col gap-y-3" data-testid="crm-purpose-versions">
      <Text size="small" weight="plus">
        {t("privacy.purposes.form.versions")}
      </Text>
      {versions.map((v) => (
        <div
          key={v.version}
          className="flex flex-col gap-y-1"
          data-testid="crm-purpose-version"
          data-version={v.version}
        >
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("privacy.purposes.form.versionLine", {
              version: v.version,
              date: formatDateTime(v.created_at, locale),
            })}
          </Text>
          <Text size="small" className="whitespace-pre-wrap break-words">
            {v.text}
          </Text>
        </div>
      ))}
    </div>
  )
}

/** Create a consent purpose, or edit one: a changed text is saved as a new version. */
export const ConsentPurposeDrawer = formDrawer(ConsentPurposeForm, {
  title: "privacy.purposes.form.title",
  description: "privacy.purposes.form.description",
  "data-testid": "crm-purpose-drawer",
})
