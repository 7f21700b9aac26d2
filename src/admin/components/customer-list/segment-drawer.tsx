import { Input, Label, Switch, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { useCreateSegment } from "../../hooks/api/customer-list"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerListFilter } from "../../lib/types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type SaveSegmentDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The list's current filter (JSON), saved as the segment's. */
  filter: CustomerListFilter
  /** How many customers match it now. */
  count: number
  /** The segment was saved: the list shows it from now on. */
  onSaved: (segmentId: string) => void
}

/** "Save as segment": the list's filter under a name, optionally synced into a new customer group. */
export const SaveSegmentDrawer = ({ open, onOpenChange, ...props }: SaveSegmentDrawerProps) => {
  const { t } = useTranslate()
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerList.segment.saveTitle")}
      description={t("customerList.segment.saveDescription", { count: props.count })}
      data-testid="crm-list-segment-drawer"
    >
      {open && <SaveSegmentForm onClose={() => onOpenChange(false)} {...props} />}
    </FormDrawer>
  )
}

const SaveSegmentForm = ({ filter, onClose, onSaved }: Omit<SaveSegmentDrawerProps, "open" | "onOpenChange"> & { onClose: () => void }) => {
  const { t } = useTranslate()
  const [name, setName] = useState("")
  const [description, setDescription] = useState("")
  const [createGroup, setCreateGroup] = useState(false)
  const [nameError, setNameError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useCreateSegment()

  return (
    <DrawerForm
      onSubmit={async (event) => {
        event?.preventDefault()
        if (!name.trim()) {
          setNameError(t("customerList.segment.nameRequired"))
          return
        }
        await mutateWithToast(
          mutateAsync,
          {
            name: name.trim(),
            description: description.trim() || null,
            filter,
            ...(createGroup ? { create_group: true } : {}),
          },
          {
            success: ({ segment }) => t("customerList.segment.saved", { name: segment.name }),
            onSuccess: ({ segment }) => {
              onClose()
              onSaved(segment.id)
            },
            onError: setError,
          }
        )
      }}
      cancelLabel={t("customerList.actions.cancel")}
      submitLabel={t("customerList.segment.save")}
      isPending={isPending}
      serverError={error}
      testIdPrefix="crm-list-segment"
    >
      <FormField id="crm-list-segment-name" label={t("customerList.segment.name")} error={nameError ?? undefined}>
        <Input
          id="crm-list-segment-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value)
            setNameError(null)
          }}
          autoFocus
          data-testid="crm-list-segment-name"
        />
      </FormField>
      <FormField id="crm-list-segment-description" label={t("customerList.segment.description")} optional>
        <Textarea
          id="crm-list-segment-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="crm-list-segment-description"
        />
      </FormField>
      <div className="flex items-start gap-x-3">
        <Switch
          id="crm-list-segment-group"
          checked={createGroup}
          onCheckedChange={setCreateGroup}
          data-testid="crm-list-segment-group"
        />
        <div className="flex flex-col">
          <Label htmlFor="crm-list-segment-group" size="small" weight="plus">
            {t("customerList.segment.createGroup")}
          </Label>
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerList.segment.createGroupHint")}
          </Text>
        </div>
      </div>
    </DrawerForm>
  )
}
