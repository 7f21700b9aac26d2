import { Button, Checkbox, Label, Text, Textarea } from "@medusajs/ui"
import { Controller, useForm } from "react-hook-form"
import { useCreateCustomerNote } from "../../hooks/api/customer-notes"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { NOTE_BODY_MAX_LENGTH } from "./constants"

type NoteComposerProps = {
  customerId: string
}

type NoteComposerValues = {
  body: string
  pinned: boolean
}

/** The "add note" form at the top of the Notes tab. */
export const NoteComposer = ({ customerId }: NoteComposerProps) => {
  const { t } = useTranslate()
  const form = useForm<NoteComposerValues>({
    defaultValues: { body: "", pinned: false },
  })
  const { mutateAsync, isPending } = useCreateCustomerNote(customerId)

  const body = form.watch("body")
  const isEmpty = !body?.trim()

  const handleSubmit = form.handleSubmit(async (values) => {
    if (!values.body.trim()) {
      return
    }
    await mutateWithToast(
      mutateAsync,
      { body: values.body, pinned: values.pinned },
      {
        success: ({ note }) =>
          note.pinned ? t("notes.pinned") : t("notes.created"),
        onSuccess: () => form.reset({ body: "", pinned: false }),
      }
    )
  })

  return (
    <form
      onSubmit={handleSubmit}
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="crm-note-form"
    >
      <Textarea
        {...form.register("body")}
        placeholder={t("notes.placeholder")}
        aria-label={t("notes.placeholder")}
        rows={3}
        maxLength={NOTE_BODY_MAX_LENGTH}
        disabled={isPending}
        data-testid="crm-note-input"
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault()
            handleSubmit()
          }
        }}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-x-2">
          <Controller
            control={form.control}
            name="pinned"
            render={({ field }) => (
              <Checkbox
                id={`crm-note-pin-${customerId}`}
                checked={field.value}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                disabled={isPending}
                data-testid="crm-note-pin"
              />
            )}
          />
          <Label
            htmlFor={`crm-note-pin-${customerId}`}
            size="small"
            className="text-ui-fg-subtle"
          >
            {t("notes.pinAsDescription")}
          </Label>
        </div>
        <div className="flex items-center gap-x-3">
          <Text size="xsmall" className="text-ui-fg-muted hidden sm:block">
            {t("notes.hint")}
          </Text>
          <Button
            type="submit"
            size="small"
            variant="secondary"
            isLoading={isPending}
            disabled={isEmpty || isPending}
            title={t("notes.saveShortcut")}
            data-testid="crm-note-save"
          >
            {t("notes.save")}
          </Button>
        </div>
      </div>
    </form>
  )
}
