import { Button, Drawer } from "@medusajs/ui"

type DrawerFormActionsProps = {
  cancelLabel: string
  submitLabel: string
  /** The form is being saved: cancel is disabled and submit spins. */
  isPending: boolean
  submitDisabled?: boolean
  cancelTestId: string
  submitTestId: string
}

/** Cancel (closes the drawer) and submit, as the dashboard's drawer forms have them. */
export const DrawerFormActions = ({
  cancelLabel,
  submitLabel,
  isPending,
  submitDisabled,
  cancelTestId,
  submitTestId,
}: DrawerFormActionsProps) => (
  <div className="flex items-center justify-end gap-x-2">
    <Drawer.Close asChild>
      <Button
        type="button"
        size="small"
        variant="secondary"
        disabled={isPending}
        data-testid={cancelTestId}
      >
        {cancelLabel}
      </Button>
    </Drawer.Close>
    <Button
      type="submit"
      size="small"
      variant="primary"
      isLoading={isPending}
      disabled={submitDisabled}
      data-testid={submitTestId}
    >
      {submitLabel}
    </Button>
  </div>
)
